#include "server/services/syncfeed.h"

#include "core/synccursor.h"
#include "core/ticket.h"
#include "core/timestamps.h"
#include "server/logging.h"
#include "storage/ticketrows.h"
#include "storage/sqlconnection.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QVariant>

#include <algorithm>
#include <charconv>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

struct PageEntry
{
    Ticket ticket;
    bool full = false;
    bool backfill = false; // read by the backfill phase (else by changes)
    // The data of each of ticket.events, as stored (its `data` is left
    // empty): the page passes it through.
    QList<QByteArray> eventData;
};

// About how many bytes an entry takes in the page's text.
qsizetype estimatedSize(const PageEntry &entry)
{
    qsizetype size = 512 + entry.ticket.subject.size() + entry.ticket.customer.name.size();
    for (const Message &message : entry.ticket.messages)
        size += 256 + message.body.size() + message.signature.size();
    return size + 256 * entry.ticket.events.size();
}

// A page can hold thousands of tickets with their threads. Building a
// QJsonObject per ticket, message and event and then serialising the tree was
// most of the server's time on a large sync, so the page is written as JSON
// text directly. The text is byte for byte what
// QJsonDocument(...).toJson(QJsonDocument::Compact) makes of the same values:
// keys in QJsonObject's (sorted) order, strings escaped as Qt escapes them,
// timestamps as isoFromMs() writes them. Ticket::toJson() stays the
// definition: the first ticket of every page is checked against it, and a
// difference sends the page through the QJsonObject path (see pull()).
class JsonText
{
public:
    // Writes after what `out` holds; finish() sets its size to what was written.
    explicit JsonText(QByteArray &out) : m_out(out), m_size(out.size()) {}

    qsizetype size() const { return m_size; }
    QByteArrayView since(qsizetype position) const
    {
        return QByteArrayView(m_out.constData() + position, m_size - position);
    }
    void truncate(qsizetype position) { m_size = position; }
    void finish() { m_out.resize(m_size); }

    template <std::size_t N>
    void raw(const char (&literal)[N])
    {
        append(literal, N - 1);
    }
    void raw(QByteArrayView text) { append(text.data(), text.size()); }
    void raw(char c) { *room(1) = c; ++m_size; }
    void boolean(bool value) { raw(value ? "true" : "false"); }
    // The names of SLA targets given as bits, in slaTargetNames()' order.
    void slaTargets(int bits)
    {
        raw('[');
        bool first = true;
        for (SlaTarget target : AllSlaTargets) {
            if (!(bits & slaBit(target)))
                continue;
            raw(first ? "\"" : ",\"");
            raw(toString(target).toLatin1());
            raw('"');
            first = false;
        }
        raw(']');
    }
    void integer(qint64 value)
    {
        char *at = room(24);
        m_size += std::to_chars(at, at + 24, value).ptr - at;
    }
    void idOrNull(qint64 id)
    {
        if (id > 0)
            integer(id);
        else
            raw("null");
    }

    // A JSON string, escaped like QJsonDocument: ", \ and control characters
    // escaped (\b \f \n \r \t, others as \u00XX), the rest as UTF-8; a lone
    // surrogate as \uXXXX.
    void string(QStringView text)
    {
        static constexpr char hex[] = "0123456789abcdef";
        // At most 6 bytes per UTF-16 unit, plus the quotes.
        char *cursor = room(2 + 6 * text.size());
        *cursor++ = '"';
        const char16_t *src = text.utf16();
        const char16_t *const end = src + text.size();
        while (src != end) {
            const char16_t u = *src++;
            if (u < 0x80) {
                if (u >= 0x20 && u != u'"' && u != u'\\') {
                    *cursor++ = char(u);
                    continue;
                }
                *cursor++ = '\\';
                switch (u) {
                case u'"': *cursor++ = '"'; break;
                case u'\\': *cursor++ = '\\'; break;
                case 0x8: *cursor++ = 'b'; break;
                case 0xc: *cursor++ = 'f'; break;
                case 0xa: *cursor++ = 'n'; break;
                case 0xd: *cursor++ = 'r'; break;
                case 0x9: *cursor++ = 't'; break;
                default:
                    *cursor++ = 'u';
                    *cursor++ = '0';
                    *cursor++ = '0';
                    *cursor++ = hex[u >> 4];
                    *cursor++ = hex[u & 0xf];
                }
            } else if (u < 0x800) {
                *cursor++ = char(0xc0 | (u >> 6));
                *cursor++ = char(0x80 | (u & 0x3f));
            } else if (!QChar::isSurrogate(u)) {
                *cursor++ = char(0xe0 | (u >> 12));
                *cursor++ = char(0x80 | ((u >> 6) & 0x3f));
                *cursor++ = char(0x80 | (u & 0x3f));
            } else if (QChar::isHighSurrogate(u) && src != end && QChar::isLowSurrogate(*src)) {
                const char32_t ucs4 = QChar::surrogateToUcs4(u, *src++);
                *cursor++ = char(0xf0 | ((ucs4 >> 18) & 0xf));
                *cursor++ = char(0x80 | ((ucs4 >> 12) & 0x3f));
                *cursor++ = char(0x80 | ((ucs4 >> 6) & 0x3f));
                *cursor++ = char(0x80 | (ucs4 & 0x3f));
            } else {
                *cursor++ = '\\';
                *cursor++ = 'u';
                *cursor++ = hex[(u >> 12) & 0xf];
                *cursor++ = hex[(u >> 8) & 0xf];
                *cursor++ = hex[(u >> 4) & 0xf];
                *cursor++ = hex[u & 0xf];
            }
        }
        *cursor++ = '"';
        m_size = cursor - m_out.constData();
    }

    // isoFromMs() as a JSON string: "yyyy-MM-ddTHH:mm:ss.zzzZ" for years 1970
    // to 9999, computed here; anything else through isoFromMs() itself.
    void timestamp(qint64 ms)
    {
        constexpr qint64 MsPerDay = 86'400'000;
        constexpr qint64 Year10000 = 253'402'300'800'000; // 10000-01-01T00:00:00Z
        if (ms < 0 || ms >= Year10000) {
            string(isoFromMs(ms));
            return;
        }
        const qint64 days = ms / MsPerDay;
        qint64 rest = ms % MsPerDay;
        // Days since 1970-01-01 to a civil date (proleptic Gregorian).
        const qint64 z = days + 719468;
        const qint64 era = z / 146097;
        const qint64 dayOfEra = z - era * 146097;
        const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        const qint64 mp = (5 * dayOfYear + 2) / 153;
        const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
        const int month = int(mp < 10 ? mp + 3 : mp - 9);
        const int year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        const int millisecond = int(rest % 1000);
        rest /= 1000;
        const int second = int(rest % 60);
        rest /= 60;
        const int minute = int(rest % 60);
        const int hour = int(rest / 60);

        char text[26];
        auto put = [&text](int at, int value, int width) {
            for (int i = width - 1; i >= 0; --i) {
                text[at + i] = char('0' + value % 10);
                value /= 10;
            }
        };
        text[0] = '"';
        put(1, year, 4);
        text[5] = '-';
        put(6, month, 2);
        text[8] = '-';
        put(9, day, 2);
        text[11] = 'T';
        put(12, hour, 2);
        text[14] = ':';
        put(15, minute, 2);
        text[17] = ':';
        put(18, second, 2);
        text[20] = '.';
        put(21, millisecond, 3);
        text[24] = 'Z';
        text[25] = '"';
        append(text, sizeof text);
    }

private:
    // Room for `bytes` more after what was written. The array grows by
    // doubling; appending through QByteArray itself was a fifth of a page's
    // time, most of it checks per call.
    char *room(qsizetype bytes)
    {
        if (m_size + bytes > m_out.size())
            m_out.resize(std::max(2 * m_out.size(), m_size + bytes + 4096));
        return m_out.data() + m_size;
    }
    void append(const char *data, qsizetype bytes)
    {
        std::memcpy(room(bytes), data, std::size_t(bytes));
        m_size += bytes;
    }

    QByteArray &m_out;
    qsizetype m_size;
};

// What Ticket::toJson(true) plus "full" gives, in QJsonObject's key order.
void writeTicket(JsonText &json, const PageEntry &entry)
{
    const Ticket &t = entry.ticket;
    json.raw("{\"assignee\":");
    json.idOrNull(t.assigneeId);
    json.raw(",\"channel\":");
    json.string(toString(t.channel));
    json.raw(",\"created_at\":");
    json.timestamp(t.createdAt);
    json.raw(",\"customer\":{\"email\":");
    json.string(t.customer.email);
    json.raw(",\"language\":");
    json.string(t.customer.language);
    json.raw(",\"name\":");
    json.string(t.customer.name);
    json.raw(",\"order_number\":");
    json.string(t.customer.orderNumber);
    json.raw(",\"shop\":");
    json.idOrNull(t.customer.shopId);
    json.raw("},\"department\":");
    json.integer(t.departmentId);

    json.raw(",\"events\":[");
    for (qsizetype i = 0; i < t.events.size(); ++i) {
        const TicketEvent &e = t.events[i];
        json.raw(i == 0 ? "{\"actor_agent\":" : ",{\"actor_agent\":");
        json.idOrNull(e.actorAgentId);
        json.raw(",\"created_at\":");
        json.timestamp(e.createdAt);
        json.raw(",\"data\":");
        if (entry.eventData[i].isEmpty())
            json.raw("{}"); // as QJsonDocument reads nothing
        else
            json.raw(entry.eventData[i]);
        json.raw(",\"id\":");
        json.integer(e.id);
        json.raw(",\"kind\":");
        json.string(e.kind);
        json.raw(",\"seq\":");
        json.integer(e.seq);
        json.raw(",\"ticket\":");
        json.integer(e.ticketId);
        json.raw("}");
    }
    json.raw("],\"full\":");
    json.boolean(entry.full);
    json.raw(",\"id\":");
    json.integer(t.id);

    json.raw(",\"messages\":[");
    for (qsizetype i = 0; i < t.messages.size(); ++i) {
        const Message &m = t.messages[i];
        json.raw(i == 0 ? "{" : ",{");
        if (!m.attachments.isEmpty()) {
            json.raw("\"attachments\":[");
            for (qsizetype f = 0; f < m.attachments.size(); ++f) {
                const AttachmentRef &file = m.attachments[f];
                json.raw(f == 0 ? "{\"content_type\":" : ",{\"content_type\":");
                json.string(file.contentType);
                json.raw(",\"filename\":");
                json.string(file.filename);
                json.raw(",\"id\":");
                json.integer(file.id);
                json.raw(",\"inline\":");
                json.boolean(file.isInline);
                json.raw(",\"size\":");
                json.integer(file.size);
                json.raw("}");
            }
            json.raw("],");
        }
        json.raw("\"author_agent\":");
        json.idOrNull(m.authorAgentId);
        json.raw(",\"author_name\":");
        json.string(m.authorName);
        json.raw(",\"body\":");
        json.string(m.body);
        json.raw(",\"created_at\":");
        json.timestamp(m.createdAt);
        json.raw(",\"id\":");
        json.integer(m.id);
        json.raw(",\"kind\":");
        json.string(toString(m.kind));
        const bool reply = m.kind == MessageKind::Reply;
        if (reply) {
            json.raw(",\"sender_name\":");
            json.string(m.senderName);
        }
        json.raw(",\"seq\":");
        json.integer(m.seq);
        if (reply) {
            json.raw(",\"signature\":");
            json.string(m.signature);
        }
        json.raw(",\"ticket\":");
        json.integer(m.ticketId);
        json.raw("}");
    }
    json.raw("],\"priority\":");
    json.string(toString(t.priority));
    json.raw(",\"seq\":");
    json.integer(t.seq);
    json.raw(",\"sla\":{\"at_risk\":");
    json.slaTargets(t.sla.atRisk);
    json.raw(",\"breached\":");
    json.slaTargets(t.sla.breached);
    json.raw(",\"due\":{");
    bool first = true;
    // QJsonObject's key order.
    for (SlaTarget target : {SlaTarget::FirstResponse, SlaTarget::NextResponse, SlaTarget::Ownership,
                             SlaTarget::Resolution}) {
        if (t.sla.due(target) <= 0)
            continue;
        json.raw(first ? "" : ",");
        first = false;
        json.string(toString(target));
        json.raw(":");
        json.timestamp(t.sla.due(target));
    }
    json.raw("}},\"status\":");
    json.string(toString(t.status));
    json.raw(",\"subject\":");
    json.string(t.subject);
    json.raw(",\"updated_at\":");
    json.timestamp(t.updatedAt);
    json.raw(",\"version\":");
    json.integer(t.version);
    json.raw("}");
}

// The same ticket through Ticket::toJson() and QJsonDocument.
QByteArray referenceTicket(const PageEntry &entry)
{
    Ticket t = entry.ticket;
    for (qsizetype i = 0; i < t.events.size(); ++i)
        t.events[i].data = QJsonDocument::fromJson(entry.eventData[i]).object();
    QJsonObject json = t.toJson(true);
    json.insert(u"full"_s, entry.full);
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}


// What an agent may see, and when their admin flag last changed; read in the
// caller's snapshot.
struct Access
{
    AccessScope scope;
    qint64 accessSeq = 0;
};

Expected<Access> readAccess(SqlConnection &sql, qint64 agentId)
{
    QSqlQuery &access = sql.prepared(
        u"SELECT a.is_admin, a.access_seq, m.department_id, m.role FROM agents a"
        " LEFT JOIN memberships m ON m.agent_id = a.id WHERE a.id = ?"_s);
    access.addBindValue(agentId);
    if (!access.exec())
        return sql.error(access);
    Access read;
    AccessScope &scope = read.scope;
    scope.agentId = agentId;
    while (access.next()) {
        scope.isAdmin = access.value(0).toBool();
        read.accessSeq = access.value(1).toLongLong();
        if (!access.value(2).isNull())
            scope.departments.insert(access.value(2).toLongLong(),
                                     roleFromString(access.value(3).toString()).value_or(Role::Member));
    }
    return read;
}

// The thread and history of the page's tickets: all of it for tickets sent
// whole, what was added after `since` for the others.
Status readThreads(SqlConnection &sql, QList<PageEntry> &page, qint64 since)
{
    if (page.isEmpty())
        return ok();
    QHash<qint64, qsizetype> index;
    QJsonArray spec;
    for (qsizetype i = 0; i < page.size(); ++i) {
        index.insert(page[i].ticket.id, i);
        spec.append(QJsonArray{page[i].ticket.id, page[i].full ? 0 : since});
    }
    const QString specText = QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact));
    // The thread after `since` of each ticket of the page: (ticket, since) pairs.
    const SqlDialect dialect = sql.dialect();
    const auto threadOf = [&dialect](const QString &table, const QString &alias) {
        return u"%1 JOIN %2 %3 ON %3.ticket_id = %4 AND %3.seq > %5"_s.arg(
            dialect.jsonValues(u"j"_s, true), table, alias, dialect.jsonInteger(u"j.value"_s, u"$[0]"_s),
            dialect.jsonInteger(u"j.value"_s, u"$[1]"_s));
    };
    QSqlQuery &messages = sql.prepared(u"SELECT %1 FROM %2 ORDER BY m.id"_s.arg(TicketRows::messageColumns,
                                                                                  threadOf(u"messages"_s, u"m"_s)));
    messages.setForwardOnly(dialect.engine() != SqlEngine::PostgreSQL);
    messages.addBindValue(specText);
    if (!messages.exec())
        return sql.error(messages);
    QHash<qint64, std::pair<qsizetype, qsizetype>> messageAt; // message → (page entry, index in thread)
    QJsonArray messageIds;
    while (messages.next()) {
        Message message = TicketRows::readMessage(messages);
        QList<Message> &thread = page[index.value(message.ticketId)].ticket.messages;
        messageAt.insert(message.id, {index.value(message.ticketId), thread.size()});
        messageIds.append(message.id);
        thread.append(std::move(message));
    }
    messages.finish();
    // The files of the page's new messages.
    if (!messageIds.isEmpty()) {
        QSqlQuery &files = sql.prepared(
            u"SELECT %1 FROM %2 JOIN attachments a ON a.message_id = CAST(j.value AS BIGINT) ORDER BY a.id"_s.arg(
                TicketRows::attachmentColumns, dialect.jsonValues(u"j"_s)));
        files.addBindValue(QString::fromUtf8(QJsonDocument(messageIds).toJson(QJsonDocument::Compact)));
        if (!files.exec())
            return sql.error(files);
        while (files.next()) {
            const auto [entry, at] = messageAt.value(TicketRows::attachmentMessage(files));
            page[entry].ticket.messages[at].attachments.append(TicketRows::readAttachment(files));
        }
        files.finish();
    }
    QSqlQuery &events = sql.prepared(u"SELECT %1 FROM %2 ORDER BY e.id"_s.arg(TicketRows::eventColumns,
                                                                              threadOf(u"events"_s, u"e"_s)));
    events.setForwardOnly(dialect.engine() != SqlEngine::PostgreSQL);
    events.addBindValue(specText);
    if (!events.exec())
        return sql.error(events);
    while (events.next()) {
        TicketEvent event = TicketRows::readEventWithoutData(events);
        PageEntry &entry = page[index.value(event.ticketId)];
        entry.ticket.events.append(std::move(event));
        entry.eventData.append(TicketRows::eventDataText(events));
    }
    events.finish();
    return ok();
}

// The page's tickets as a JSON array, each as writeTicket() makes it; the
// first is checked against Ticket::toJson(), and a difference sends them all
// through it.
void writeTickets(JsonText &json, const QList<PageEntry> &page)
{
    json.raw('[');
    bool direct = true;
    if (!page.isEmpty()) {
        const qsizetype first = json.size();
        writeTicket(json, page.first());
        const QByteArray reference = referenceTicket(page.first());
        if (json.since(first) != reference) {
            static bool warned = false;
            if (!warned)
                qCWarning(lcStore) << "The sync page writer no longer matches Ticket::toJson(); using the slower path";
            warned = true;
            direct = false;
            json.truncate(first);
            json.raw(reference);
        }
    }
    for (qsizetype i = 1; i < page.size(); ++i) {
        json.raw(',');
        if (direct)
            writeTicket(json, page[i]);
        else
            json.raw(referenceTicket(page[i]));
    }
    json.raw(']');
}

} // namespace

Expected<SyncPage> SyncFeed::pull(qint64 agentId, const QString &cursorText, int limit, SyncWindow window)
{
    limit = qBound(1, limit, MaxPageSize);
    SyncCursor cursor;
    cursor.epoch = m_epoch;
    bool reset = false;
    if (!cursorText.isEmpty()) {
        const std::optional<SyncCursor> given = SyncCursor::decode(cursorText);
        if (!given)
            return Error::invalid(u"cursor"_s,
                    QCoreApplication::translate("Signpost::Api", "The cursor is not one this server handed out."));
        if (given->epoch != m_epoch)
            reset = true; // restored or replaced store: the client starts over
        else
            cursor = *given;
    }

    // One read transaction: every query of the page sees the same state,
    // the committed change sequence included (it is written with every
    // change, in the change's transaction).
    SqlTransaction snapshot(m_sql);
    if (Status begun = snapshot.begun(); !begun)
        return begun.error();
    QSqlQuery &head = m_sql.prepared(
        u"SELECT value, (SELECT value FROM meta WHERE key = 'directory_version') FROM meta WHERE key = 'change_seq'"_s);
    if (!head.exec() || !head.next())
        return m_sql.error(head);
    const qint64 headNow = head.value(0).toLongLong();
    const qint64 directoryVersion = head.value(1).toLongLong();
    head.finish();
    if (!reset && cursor.since > headNow) {
        reset = true; // a cursor from ahead of this store: it was restored
        cursor = SyncCursor{};
        cursor.epoch = m_epoch;
    }

    // What the agent may see, read in this same snapshot: a scope read
    // apart from it (before a change to the admin flag or a membership that
    // the snapshot already holds) would pair the old access with the new
    // data, and a revocation could be missed for good. With it, when the
    // admin flag last changed: gaining it makes every department new to the
    // client, losing it takes away those they are not a member of.
    Expected<Access> read = readAccess(m_sql, agentId);
    if (!read)
        return read.error();
    const AccessScope &scope = read->scope;
    const qint64 accessSeq = read->accessSeq;
    // An admin whose client has none of the store yet gets all of it.
    const bool backfillAll = scope.isAdmin && (cursor.since == 0 || accessSeq > cursor.since);

    QJsonArray grantedDepartments;
    if (cursor.phase == SyncCursor::Phase::Idle) {
        cursor.head = headNow;
        if (cursor.since >= cursor.head && !reset) {
            // Nothing changed: the cheap answer, with the same cursor.
            cursor.head = 0;
            return SyncPage{QJsonDocument(QJsonObject{{u"cursor"_s, cursor.encode()},
                                             {u"directory_version"_s, directoryVersion},
                                             {u"has_more"_s, false},
                                             {u"reset"_s, false},
                                             {u"tickets"_s, QJsonArray()},
                                             {u"revoked_tickets"_s, QJsonArray()},
                                             {u"server_time"_s, isoFromMs(window.now)},
                                             {u"revoked_departments"_s, QJsonArray()}})
                                .toJson(QJsonDocument::Compact),
                            cursor.encode(), false};
        }
        bool backfill = backfillAll;
        if (!scope.isAdmin) {
            QSqlQuery &granted = m_sql.prepared(
                u"SELECT department_id FROM memberships WHERE agent_id = ? AND granted_seq > ? ORDER BY department_id"_s);
            granted.addBindValue(scope.agentId);
            granted.addBindValue(cursor.since);
            if (!granted.exec())
                return m_sql.error(granted);
            while (granted.next())
                grantedDepartments.append(granted.value(0).toLongLong());
            backfill = !grantedDepartments.isEmpty();
        }
        cursor.wholeStore = backfillAll;
        cursor.phase = backfill ? SyncCursor::Phase::Backfill : SyncCursor::Phase::Changes;
        cursor.position = backfill ? 0 : cursor.since;
    }

    QList<PageEntry> page;
    bool done = false;
    if (cursor.phase == SyncCursor::Phase::Backfill) {
        // Whole departments the client has not had (first sync, or a new
        // membership): every ticket in them, in id order.
        // With a window, only what the client keeps: tickets not yet
        // solved, and the others changed within it.
        const QString current = u" AND (t.status NOT IN ('solved', 'closed') OR t.updated_at >= ?)"_s;
        QSqlQuery &query = m_sql.prepared(
            scope.isAdmin
                ? u"SELECT %1 FROM tickets t WHERE t.id > ?%2 ORDER BY t.id LIMIT ?"_s.arg(
                      TicketRows::ticketColumns, window.days > 0 ? current : QString())
                : u"SELECT %1 FROM tickets t WHERE t.id > ? AND +t.department_id IN"
                  " (SELECT department_id FROM memberships WHERE agent_id = ? AND granted_seq > ?)%2"
                  " ORDER BY t.id LIMIT ?"_s.arg(TicketRows::ticketColumns, window.days > 0 ? current : QString()));
        query.addBindValue(cursor.position);
        if (!scope.isAdmin) {
            query.addBindValue(scope.agentId);
            query.addBindValue(cursor.since);
        }
        if (window.days > 0)
            query.addBindValue(window.horizon());
        query.addBindValue(limit);
        if (!query.exec())
            return m_sql.error(query);
        while (query.next())
            page.append({TicketRows::readTicket(query), true, true});
        if (page.size() < limit) {
            // What changed in the departments sent whole starts at the
            // pass's head; the others' changes start at the cursor.
            cursor.phase = SyncCursor::Phase::Changes;
            cursor.position = cursor.since;
            QSqlQuery &older = m_sql.prepared(
                u"SELECT EXISTS (SELECT 1 FROM memberships WHERE agent_id = ? AND granted_seq <= ?)"_s);
            older.addBindValue(scope.agentId);
            older.addBindValue(cursor.since);
            if (!older.exec() || !older.next())
                return m_sql.error(older);
            if (scope.isAdmin ? cursor.wholeStore : !older.value(0).toBool())
                cursor.position = cursor.head;
            older.finish();
        } else {
            cursor.position = page.last().ticket.id;
        }
    }
    if (cursor.phase == SyncCursor::Phase::Changes) {
        // Changes in sequence order, with no upper bound: a ticket that
        // changes while the client pages moves ahead of the position and is
        // read again later in this same pass, with everything since the
        // pass's cursor. (Bounding the pass at its head lost the changes such
        // a ticket had before it moved.) Departments the backfill sent whole
        // need only what changed since the pass began; a ticket is whole when
        // it is new to the client: it entered its department after the
        // cursor, or its department is new to the client, or (with a
        // window) the client may not hold it: nothing had happened to it
        // within the window by the cursor, so it was left out or has aged
        // out of the client's cache since.
        const int room = limit - static_cast<int>(page.size());
        const QString outside =
            window.days > 0 ? u" OR (COALESCE((SELECT max(e.created_at) FROM events e WHERE e.ticket_id = t.id"
                              " AND e.seq <= ?), 0) < ? AND COALESCE((SELECT max(m2.created_at) FROM messages m2"
                              " WHERE m2.ticket_id = t.id AND m2.seq <= ?), 0) < ?)"_s
                            : QString();
        QSqlQuery &query = m_sql.prepared(
            scope.isAdmin
                ? u"SELECT %1, t.entered_seq > ? OR ?%2 FROM tickets t WHERE t.seq > ? AND (NOT ? OR t.seq > ?)"
                  " ORDER BY t.seq LIMIT ?"_s.arg(TicketRows::ticketColumns, outside)
                : u"SELECT %1, t.entered_seq > ? OR m.granted_seq > ?%2 FROM tickets t"
                  " JOIN memberships m ON m.agent_id = ? AND m.department_id = +t.department_id"
                  " WHERE t.seq > ? AND (m.granted_seq <= ? OR t.seq > ?) ORDER BY t.seq LIMIT ?"_s.arg(
                      TicketRows::ticketColumns, outside));
        const auto bindOutside = [&]() {
            if (window.days <= 0)
                return;
            for (int i = 0; i < 2; ++i) {
                query.addBindValue(cursor.since);
                query.addBindValue(window.horizon());
            }
        };
        if (scope.isAdmin) {
            query.addBindValue(cursor.since);
            query.addBindValue(backfillAll);
            bindOutside();
            query.addBindValue(cursor.position);
            query.addBindValue(cursor.wholeStore);
            query.addBindValue(cursor.head);
        } else {
            query.addBindValue(cursor.since);
            query.addBindValue(cursor.since);
            bindOutside();
            query.addBindValue(scope.agentId);
            query.addBindValue(cursor.position);
            query.addBindValue(cursor.since);
            query.addBindValue(cursor.head);
        }
        query.addBindValue(room);
        if (room > 0) {
            if (!query.exec())
                return m_sql.error(query);
            // A ticket this page backfilled may come again if it changed
            // since the pass began: the snapshot is one, so it is the same.
            QSet<qint64> backfilled;
            for (const PageEntry &entry : std::as_const(page))
                backfilled.insert(entry.ticket.id);
            int count = 0;
            while (query.next()) {
                ++count;
                Ticket ticket = TicketRows::readTicket(query);
                cursor.position = ticket.seq;
                if (!backfilled.contains(ticket.id))
                    page.append({std::move(ticket), query.value(TicketRows::ticketColumnCount).toBool(), false});
            }
            done = count < room;
        }
    }

    // The thread and history of the page's tickets: all of it for tickets new
    // to the client, what changed since the cursor for the others.
    if (Status read = readThreads(m_sql, page, cursor.since); !read)
        return read.error();

    // A page ends early when its text would grow past the budget: the rest
    // comes on the next page, from the last ticket kept.
    qsizetype budget = MaxPageBytes;
    for (qsizetype i = 0; i < page.size(); ++i) {
        budget -= estimatedSize(page[i]);
        if (budget >= 0 || i == 0)
            continue;
        page.resize(i);
        const PageEntry &last = page.last();
        cursor.phase = last.backfill ? SyncCursor::Phase::Backfill : SyncCursor::Phase::Changes;
        cursor.position = last.backfill ? last.ticket.id : last.ticket.seq;
        done = false;
        break;
    }

    QJsonArray revokedTickets;
    QJsonArray revokedDepartments;
    if (done && !scope.isAdmin) {
        // Access lost since the cursor: tickets moved out of all of the
        // agent's departments, departments the agent left, and those they
        // saw only as an admin. A first sync had nothing before its pass,
        // but what it sent may have left while it ran.
        const qint64 lostAfter = cursor.since > 0 ? cursor.since : cursor.head;
        QSqlQuery &moved = m_sql.prepared(
            u"SELECT DISTINCT mv.ticket_id, t.department_id FROM ticket_moves mv JOIN tickets t ON t.id = mv.ticket_id"
            " WHERE mv.seq > ? AND mv.seq <= ? ORDER BY mv.ticket_id"_s);
        moved.addBindValue(lostAfter);
        moved.addBindValue(headNow);
        if (!moved.exec())
            return m_sql.error(moved);
        while (moved.next()) {
            if (!scope.canSee(moved.value(1).toLongLong()))
                revokedTickets.append(moved.value(0).toLongLong());
        }
        // Losing the admin flag takes away every department the agent is
        // not a member of.
        const bool wasAdmin = accessSeq > lostAfter;
        QSqlQuery &left = m_sql.prepared(
            wasAdmin ? u"SELECT id FROM departments ORDER BY id"_s
                     : u"SELECT DISTINCT department_id FROM membership_revocations WHERE agent_id = ? AND seq > ?"
                       " AND seq <= ? ORDER BY department_id"_s);
        if (!wasAdmin) {
            left.addBindValue(scope.agentId);
            left.addBindValue(lostAfter);
            left.addBindValue(headNow);
        }
        if (!left.exec())
            return m_sql.error(left);
        while (left.next()) {
            if (!scope.canSee(left.value(0).toLongLong()))
                revokedDepartments.append(left.value(0).toLongLong());
        }
    }

    SyncCursor next = cursor;
    if (done) {
        // The pass read every change up to now. A grant or an admin flag
        // that came while it ran was not backfilled, though: the next pass
        // starts from where this one began, so it is.
        QSqlQuery &granted = m_sql.prepared(
            u"SELECT EXISTS (SELECT 1 FROM memberships WHERE agent_id = ? AND granted_seq > ?) OR ?"_s);
        granted.addBindValue(scope.agentId);
        granted.addBindValue(cursor.head);
        granted.addBindValue(accessSeq > cursor.head);
        if (!granted.exec() || !granted.next())
            return m_sql.error(granted);
        const bool accessChanged = granted.value(0).toBool();
        granted.finish();
        next = SyncCursor{cursor.epoch, accessChanged ? cursor.head : headNow, 0, SyncCursor::Phase::Idle, 0};
    }

    // The page object, its keys in QJsonObject's order; see JsonText.
    QByteArray body;
    qsizetype estimate = 256;
    for (const PageEntry &entry : std::as_const(page))
        estimate += estimatedSize(entry);
    body.reserve(estimate);
    JsonText json(body);
    const QString nextCursor = next.encode();
    json.raw("{\"cursor\":");
    json.string(nextCursor);
    json.raw(",\"directory_version\":");
    json.integer(directoryVersion);
    if (!grantedDepartments.isEmpty()) {
        json.raw(",\"granted_departments\":");
        json.raw(QJsonDocument(grantedDepartments).toJson(QJsonDocument::Compact));
    }
    json.raw(",\"has_more\":");
    json.boolean(!done);
    json.raw(",\"reset\":");
    json.boolean(reset);
    json.raw(",\"revoked_departments\":");
    json.raw(QJsonDocument(revokedDepartments).toJson(QJsonDocument::Compact));
    json.raw(",\"revoked_tickets\":");
    json.raw(QJsonDocument(revokedTickets).toJson(QJsonDocument::Compact));
    json.raw(",\"server_time\":");
    json.timestamp(window.now);
    json.raw(",\"tickets\":");
    writeTickets(json, page);
    json.raw("}");
    json.finish();
    return SyncPage{std::move(body), nextCursor, !done};
}

Expected<QByteArray> SyncFeed::search(qint64 agentId, const QString &text, qint64 departmentId, qint64 before,
                                      int limit)
{
    limit = qBound(1, limit, MaxSearchLimit);
    SqlTransaction snapshot(m_sql);
    if (Status begun = snapshot.begun(); !begun)
        return begun.error();
    Expected<Access> read = readAccess(m_sql, agentId);
    if (!read)
        return read.error();
    const AccessScope &scope = read->scope;
    if (departmentId > 0 && !scope.canSee(departmentId))
        return Error::notFound(QCoreApplication::translate("Signpost::Api", "No such department."));

    // Newest first, straight from the index's own order: a common word
    // stops at the page's end instead of sorting every match.
    const SqlDialect dialect = m_sql.dialect();
    const QString expression = dialect.searchExpression(text);
    if (expression.isEmpty())
        return QByteArray(R"({"more":false,"tickets":[]})");
    QStringList where{dialect.searchMatches()};
    QVariantList binds{expression};
    if (before > 0) {
        where.append(u"w.rowid < ?"_s);
        binds.append(before);
    }
    if (departmentId > 0) {
        where.append(u"t.department_id = ?"_s);
        binds.append(departmentId);
    } else if (!scope.isAdmin) {
        where.append(u"t.department_id IN (SELECT department_id FROM memberships WHERE agent_id = ?)"_s);
        binds.append(agentId);
    }
    QSqlQuery &query = m_sql.prepared(u"SELECT %1 FROM ticket_words w JOIN tickets t ON t.id = w.rowid WHERE %2"
                                      " ORDER BY w.rowid DESC LIMIT ?"_s.arg(TicketRows::ticketColumns,
                                                                             where.join(u" AND "_s)));
    for (const QVariant &bind : std::as_const(binds))
        query.addBindValue(bind);
    query.addBindValue(limit + 1);
    if (!query.exec())
        return m_sql.error(query);
    QList<PageEntry> page;
    while (query.next())
        page.append({TicketRows::readTicket(query), true, false});
    const bool more = page.size() > limit;
    if (more)
        page.resize(limit);
    if (Status threads = readThreads(m_sql, page, 0); !threads)
        return threads.error();

    QByteArray body;
    JsonText json(body);
    json.raw("{\"more\":");
    json.boolean(more);
    json.raw(",\"tickets\":");
    writeTickets(json, page);
    json.raw("}");
    json.finish();
    return body;
}

} // namespace Signpost
