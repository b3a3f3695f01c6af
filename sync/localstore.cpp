#include "sync/localstore.h"

#include "core/timestamps.h"
#include "storage/ticketrows.h"
#include "sync/logging.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

// Migrations of the cache, numbered by PRAGMA user_version.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        {
            u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
            u"CREATE TABLE departments (id INTEGER PRIMARY KEY, json TEXT NOT NULL, name TEXT NOT NULL)"_s,
            u"CREATE TABLE colleagues (department_id INTEGER NOT NULL, agent_id INTEGER NOT NULL, name TEXT NOT NULL,"
            " role TEXT NOT NULL, PRIMARY KEY (department_id, agent_id))"_s,
            u"CREATE TABLE tickets (id INTEGER PRIMARY KEY, subject TEXT NOT NULL, department_id INTEGER NOT NULL,"
            " customer_name TEXT NOT NULL, customer_email TEXT NOT NULL, shop_id INTEGER, order_number TEXT NOT NULL,"
            " channel TEXT NOT NULL, status TEXT NOT NULL, priority TEXT NOT NULL, priority_rank INTEGER NOT NULL,"
            " assignee_id INTEGER, version INTEGER NOT NULL, seq INTEGER NOT NULL, created_at INTEGER NOT NULL,"
            " updated_at INTEGER NOT NULL)"_s,
            u"CREATE INDEX tickets_queue_updated ON tickets (department_id, updated_at, id)"_s,
            u"CREATE INDEX tickets_queue_created ON tickets (department_id, created_at, id)"_s,
            u"CREATE INDEX tickets_queue_status ON tickets (department_id, status)"_s,
            u"CREATE INDEX tickets_customer ON tickets (customer_email)"_s,
            u"CREATE TABLE messages (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, kind TEXT NOT NULL,"
            " author_agent_id INTEGER, author_name TEXT NOT NULL, body TEXT NOT NULL, sender_name TEXT,"
            " signature TEXT, created_at INTEGER NOT NULL, seq INTEGER NOT NULL, outbox_id INTEGER)"_s,
            u"CREATE INDEX messages_ticket ON messages (ticket_id, id)"_s,
            u"CREATE TABLE events (id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, kind TEXT NOT NULL,"
            " actor_agent_id INTEGER, data TEXT NOT NULL, created_at INTEGER NOT NULL, seq INTEGER NOT NULL)"_s,
            u"CREATE INDEX events_ticket ON events (ticket_id, id)"_s,
            u"CREATE VIRTUAL TABLE ticket_search USING fts5 (subject, customer, body, tokenize = 'unicode61')"_s,
            u"CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, command_id TEXT NOT NULL UNIQUE,"
            " ticket_id INTEGER NOT NULL, command TEXT NOT NULL, state TEXT NOT NULL, reason TEXT, message TEXT,"
            " server_ticket TEXT, created_at INTEGER NOT NULL)"_s,
            u"CREATE INDEX outbox_ticket ON outbox (ticket_id, id)"_s,
        },
        // 2: the SLA due times and flags the server keeps on each ticket. The
        // cursor is forgotten so the next sync brings them for every ticket.
        TicketRows::addSlaColumns() + QStringList{
            u"ALTER TABLE tickets ADD COLUMN sla_next_due_at INTEGER"_s,
            u"CREATE INDEX tickets_queue_due ON tickets (department_id, sla_next_due_at, id)"_s,
            u"DELETE FROM meta WHERE key = 'cursor'"_s,
        },
        // 3: what an agent is writing, per ticket, until it is sent. Kept
        // apart from the tickets so no sync, revocation or purge touches it.
        {
            u"CREATE TABLE drafts (ticket_id INTEGER PRIMARY KEY, mode TEXT NOT NULL, body TEXT NOT NULL,"
            " updated_at INTEGER NOT NULL)"_s,
        },
        // 4: the ticket's seq when the agent began writing, so a send can
        // tell what others wrote meanwhile. 0: not known (not checked).
        {
            u"ALTER TABLE drafts ADD COLUMN seen_seq INTEGER NOT NULL DEFAULT 0"_s,
        },
        // 5: how many tickets each department has per status and assignee
        // (0: none), kept by triggers as tickets come, change and go: the
        // department list reads a few rows instead of counting every
        // ticket, which over years of history took seconds from disk.
        {
            u"CREATE TABLE queue_counts (department_id INTEGER NOT NULL, status TEXT NOT NULL,"
            " assignee_id INTEGER NOT NULL, count INTEGER NOT NULL,"
            " PRIMARY KEY (department_id, status, assignee_id)) WITHOUT ROWID"_s,
            u"INSERT INTO queue_counts (department_id, status, assignee_id, count)"
            " SELECT department_id, status, COALESCE(assignee_id, 0), COUNT(*) FROM tickets GROUP BY 1, 2, 3"_s,
            u"CREATE TRIGGER queue_counts_insert AFTER INSERT ON tickets BEGIN"
            " INSERT INTO queue_counts (department_id, status, assignee_id, count)"
            " VALUES (new.department_id, new.status, COALESCE(new.assignee_id, 0), 1)"
            " ON CONFLICT (department_id, status, assignee_id) DO UPDATE SET count = count + 1; END"_s,
            u"CREATE TRIGGER queue_counts_delete AFTER DELETE ON tickets BEGIN"
            " UPDATE queue_counts SET count = count - 1 WHERE department_id = old.department_id"
            " AND status = old.status AND assignee_id = COALESCE(old.assignee_id, 0); END"_s,
            u"CREATE TRIGGER queue_counts_update AFTER UPDATE OF department_id, status, assignee_id ON tickets"
            " WHEN old.department_id IS NOT new.department_id OR old.status IS NOT new.status"
            " OR old.assignee_id IS NOT new.assignee_id BEGIN"
            " UPDATE queue_counts SET count = count - 1 WHERE department_id = old.department_id"
            " AND status = old.status AND assignee_id = COALESCE(old.assignee_id, 0);"
            " INSERT INTO queue_counts (department_id, status, assignee_id, count)"
            " VALUES (new.department_id, new.status, COALESCE(new.assignee_id, 0), 1)"
            " ON CONFLICT (department_id, status, assignee_id) DO UPDATE SET count = count + 1; END"_s,
        },
        // 6: the files of customers' messages (their bytes are fetched
        // when an agent opens one, and kept beside the cache).
        {
            u"CREATE TABLE attachments (id INTEGER PRIMARY KEY, message_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL,"
            " filename TEXT NOT NULL, content_type TEXT NOT NULL, size INTEGER NOT NULL, inline INTEGER NOT NULL)"_s,
            u"CREATE INDEX attachments_ticket ON attachments (ticket_id)"_s,
        },
        // 7: tickets found on the server beyond the window of history, kept
        // a while though they are old (see pruneHistory()).
        {
            u"CREATE TABLE kept (ticket_id INTEGER PRIMARY KEY, until INTEGER NOT NULL)"_s,
        },
        // 8: the files a draft will send.
        {
            u"ALTER TABLE drafts ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]'"_s,
        },
        // 9: the search index merges its segments 16 at a time rather than
        // 4. Each page of a sync adds a segment; merging them less often
        // took a third off the index's share of a first sync, and searches
        // over 100,000 tickets stay as fast.
        {
            u"INSERT INTO ticket_search (ticket_search, rank) VALUES ('automerge', 16)"_s,
        },
        // 10: no query reads tickets by department and status any more (the
        // counts are in queue_counts; queues walk tickets_queue_updated or
        // tickets_queue_due), so that index only cost every write.
        {
            u"DROP INDEX tickets_queue_status"_s,
        },
        // 11: the language the customer is written to in, shown with them.
        // The cursor is forgotten so the next sync brings it for every ticket.
        {
            u"ALTER TABLE tickets ADD COLUMN customer_language TEXT NOT NULL DEFAULT ''"_s,
            u"DELETE FROM meta WHERE key = 'cursor'"_s,
        },
    };
    return steps;
}

QString sortOrder(const QueueQuery &query);

int priorityRank(Priority priority)
{
    return static_cast<int>(priority);
}

const QString OneTicket = u"= ?"_s;
const QString TicketsInJsonArray = u"IN (SELECT value FROM json_each(?))"_s;

QString jsonArray(const QList<qint64> &ids)
{
    QByteArray json = "[";
    for (qint64 id : ids) {
        if (json.size() > 1)
            json += ',';
        json += QByteArray::number(id);
    }
    return QString::fromLatin1(json + ']');
}

#define SIGNPOST_EXEC(query)                                                                                           \
    do {                                                                                                               \
        if (!(query).exec())                                                                                           \
            return m_sql.error(query);                                                                                 \
    } while (false)

} // namespace

IncomingTicket IncomingTicket::fromJson(const QJsonObject &json)
{
    IncomingTicket incoming{Ticket::fromJson(json), json.value(u"full"_s).toBool(), {}};
    incoming.eventData.reserve(incoming.ticket.events.size());
    for (TicketEvent &event : incoming.ticket.events)
        incoming.eventData.append(QJsonDocument(std::exchange(event.data, {})).toJson(QJsonDocument::Compact));
    return incoming;
}

FeedPage FeedPage::fromJson(QJsonObject page)
{
    FeedPage read;
    const QJsonArray tickets = page.take(u"tickets"_s).toArray();
    read.tickets.reserve(tickets.size());
    for (const QJsonValue &ticket : tickets)
        read.tickets.append(IncomingTicket::fromJson(ticket.toObject()));
    read.meta = std::move(page);
    return read;
}

LocalStore::LocalStore()
    : m_sql(lcCache(), u"local cache"_s)
{
}

LocalStore::~LocalStore() = default;

Expected<std::unique_ptr<LocalStore>> LocalStore::open(const QString &path)
{
    std::unique_ptr<LocalStore> store(new LocalStore);
    // A first sync writes about 160 MB for 100,000 tickets: checkpoints
    // every 8192 pages (32 MB) rather than SQLite's 1000 halve what its
    // commits cost.
    const QStringList pragmas{u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
                              u"PRAGMA temp_store = MEMORY"_s, u"PRAGMA cache_size = -32000"_s,
                              u"PRAGMA wal_autocheckpoint = 8192"_s};
    if (Status opened = store->m_sql.open(path, pragmas); !opened)
        return opened.error();
    if (Status direct = store->m_sql.checkDirectAccess(); !direct)
        return direct.error();
    if (Status migrated =
            store->m_sql.migrate(migrations(), u"The local cache is from a newer Signpost; remove it to rebuild."_s);
        !migrated)
        return migrated.error();
    return store;
}

QSqlQuery &LocalStore::prepared(const QString &sql)
{
    return m_sql.prepared(sql);
}

QString LocalStore::meta(const QString &key)
{
    QSqlQuery &query = prepared(u"SELECT value FROM meta WHERE key = ?"_s);
    query.addBindValue(key);
    const QString value = query.exec() && query.next() ? query.value(0).toString() : QString();
    query.finish();
    return value;
}

Status LocalStore::setMeta(const QString &key, const QString &value)
{
    QSqlQuery &query = prepared(u"INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"_s);
    query.addBindValue(key);
    query.addBindValue(value.isNull() ? u""_s : value);
    SIGNPOST_EXEC(query);
    return ok();
}

std::optional<Agent> LocalStore::me()
{
    const QString json = meta(u"me"_s);
    if (json.isEmpty())
        return std::nullopt;
    return Agent::fromJson(QJsonDocument::fromJson(json.toUtf8()).object());
}

Status LocalStore::setMe(const Agent &agent)
{
    return setMeta(u"me"_s, QString::fromUtf8(QJsonDocument(agent.toJson()).toJson(QJsonDocument::Compact)));
}

Status LocalStore::setDepartments(const QList<Department> &departments)
{
    SqlTransaction tx(m_sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    QSqlQuery &clear = prepared(u"DELETE FROM departments"_s);
    SIGNPOST_EXEC(clear);
    for (const Department &department : departments) {
        QSqlQuery &insert = prepared(u"INSERT INTO departments (id, json, name) VALUES (?, ?, ?)"_s);
        insert.addBindValue(department.id);
        insert.addBindValue(QString::fromUtf8(QJsonDocument(department.toJson()).toJson(QJsonDocument::Compact)));
        insert.addBindValue(department.name);
        SIGNPOST_EXEC(insert);
    }
    return tx.commit();
}

QList<Department> LocalStore::departments()
{
    QSqlQuery &query = prepared(u"SELECT json FROM departments ORDER BY name COLLATE NOCASE"_s);
    QList<Department> list;
    if (!query.exec())
        return list;
    while (query.next())
        list.append(Department::fromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).object()));
    return list;
}

Status LocalStore::setColleagues(qint64 departmentId, const QList<Agent> &agents)
{
    SqlTransaction tx(m_sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    QSqlQuery &clear = prepared(u"DELETE FROM colleagues WHERE department_id = ?"_s);
    clear.addBindValue(departmentId);
    SIGNPOST_EXEC(clear);
    for (const Agent &agent : agents) {
        QSqlQuery &insert = prepared(u"INSERT INTO colleagues (department_id, agent_id, name, role) VALUES (?, ?, ?, ?)"_s);
        insert.addBindValue(departmentId);
        insert.addBindValue(agent.id);
        insert.addBindValue(agent.name);
        insert.addBindValue(agent.memberships.isEmpty() ? u"member"_s : toString(agent.memberships.first().role));
        SIGNPOST_EXEC(insert);
    }
    return tx.commit();
}

QList<Agent> LocalStore::colleagues(qint64 departmentId)
{
    QSqlQuery &query = prepared(
        u"SELECT agent_id, name, role FROM colleagues WHERE department_id = ? ORDER BY name COLLATE NOCASE"_s);
    query.addBindValue(departmentId);
    QList<Agent> list;
    if (!query.exec())
        return list;
    while (query.next()) {
        Agent agent;
        agent.id = query.value(0).toLongLong();
        agent.name = query.value(1).toString();
        agent.memberships.append({departmentId, roleFromString(query.value(2).toString()).value_or(Role::Member)});
        list.append(agent);
    }
    return list;
}

QString LocalStore::agentName(qint64 agentId)
{
    QSqlQuery &query = prepared(u"SELECT name FROM colleagues WHERE agent_id = ? LIMIT 1"_s);
    query.addBindValue(agentId);
    const QString name = query.exec() && query.next() ? query.value(0).toString() : QString();
    query.finish();
    return name;
}

Status LocalStore::setTransferTargets(const QJsonArray &targets)
{
    return setMeta(u"transfer_targets"_s, QString::fromUtf8(QJsonDocument(targets).toJson(QJsonDocument::Compact)));
}

Status LocalStore::setFigures(qint64 departmentId, int days, const QJsonObject &figures)
{
    return setMeta(u"figures/%1/%2"_s.arg(departmentId).arg(days), QString::fromUtf8(QJsonDocument(figures).toJson(QJsonDocument::Compact)));
}

QJsonObject LocalStore::figures(qint64 departmentId, int days)
{
    return QJsonDocument::fromJson(meta(u"figures/%1/%2"_s.arg(departmentId).arg(days)).toUtf8()).object();
}

Status LocalStore::setCannedReplies(const QJsonArray &replies)
{
    return setMeta(u"canned_replies"_s, QString::fromUtf8(QJsonDocument(replies).toJson(QJsonDocument::Compact)));
}

QList<CannedReply> LocalStore::cannedReplies(qint64 departmentId)
{
    QList<CannedReply> list;
    for (const QJsonValue &value : QJsonDocument::fromJson(meta(u"canned_replies"_s).toUtf8()).array()) {
        CannedReply reply = CannedReply::fromJson(value.toObject());
        if (reply.departmentId == departmentId)
            list.append(reply);
    }
    return list;
}

QJsonArray LocalStore::transferTargets()
{
    return QJsonDocument::fromJson(meta(u"transfer_targets"_s).toUtf8()).array();
}

Status LocalStore::upsertTicket(const IncomingTicket &incoming)
{
    const Ticket &t = incoming.ticket;
    // A first sync runs these for every ticket, message and event: on
    // SQLite's own API (see SqliteStatement). Upserts that set every column,
    // so the row ends as INSERT OR REPLACE left it (a message's outbox_id
    // too), without the statement savepoint that REPLACE runs under.
    SqliteStatement &upsert = m_sql.direct(
        "INSERT INTO tickets (id, subject, department_id, customer_name, customer_email, shop_id,"
        " order_number, channel, status, priority, priority_rank, assignee_id, version, seq, created_at, updated_at,"
        " first_response_due_at, next_response_due_at, resolution_due_at, ownership_due_at, sla_at_risk,"
        " sla_breached, sla_next_due_at, customer_language)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " subject = excluded.subject, department_id = excluded.department_id, customer_name = excluded.customer_name,"
        " customer_email = excluded.customer_email, shop_id = excluded.shop_id, order_number = excluded.order_number,"
        " channel = excluded.channel, status = excluded.status, priority = excluded.priority,"
        " priority_rank = excluded.priority_rank, assignee_id = excluded.assignee_id, version = excluded.version,"
        " seq = excluded.seq, created_at = excluded.created_at, updated_at = excluded.updated_at,"
        " first_response_due_at = excluded.first_response_due_at, next_response_due_at = excluded.next_response_due_at,"
        " resolution_due_at = excluded.resolution_due_at, ownership_due_at = excluded.ownership_due_at,"
        " sla_at_risk = excluded.sla_at_risk, sla_breached = excluded.sla_breached,"
        " sla_next_due_at = excluded.sla_next_due_at, customer_language = excluded.customer_language");
    int column = 0;
    upsert.bind(++column, t.id);
    upsert.bind(++column, t.subject);
    upsert.bind(++column, t.departmentId);
    upsert.bindOrEmpty(++column, t.customer.name);
    upsert.bindOrEmpty(++column, t.customer.email);
    upsert.bindIdOrNull(++column, t.customer.shopId);
    upsert.bindOrEmpty(++column, t.customer.orderNumber);
    upsert.bind(++column, toString(t.channel));
    upsert.bind(++column, toString(t.status));
    upsert.bind(++column, toString(t.priority));
    upsert.bind(++column, priorityRank(t.priority));
    upsert.bindIdOrNull(++column, t.assigneeId);
    upsert.bind(++column, t.version);
    upsert.bind(++column, t.seq);
    upsert.bind(++column, t.createdAt);
    upsert.bind(++column, t.updatedAt);
    for (SlaTarget target : AllSlaTargets)
        upsert.bindIdOrNull(++column, t.sla.due(target)); // a time, or NULL
    upsert.bind(++column, t.sla.atRisk);
    upsert.bind(++column, t.sla.breached);
    upsert.bindIdOrNull(++column, t.sla.nextDue());
    upsert.bindOrEmpty(++column, t.customer.language);
    if (Status done = upsert.step(); !done)
        return done;

    if (incoming.whole) {
        // The whole thread came: what the cache had of it is replaced.
        for (const char *sql : {"DELETE FROM messages WHERE ticket_id = ? AND id > 0",
                                "DELETE FROM attachments WHERE ticket_id = ?", "DELETE FROM events WHERE ticket_id = ?"}) {
            SqliteStatement &remove = m_sql.direct(sql);
            remove.bind(1, t.id);
            if (Status done = remove.step(); !done)
                return done;
        }
    }
    for (const Message &m : t.messages) {
        SqliteStatement &insert = m_sql.direct(
            "INSERT INTO messages (id, ticket_id, kind, author_agent_id, author_name, body, sender_name, signature,"
            " created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " ticket_id = excluded.ticket_id, kind = excluded.kind, author_agent_id = excluded.author_agent_id,"
            " author_name = excluded.author_name, body = excluded.body, sender_name = excluded.sender_name,"
            " signature = excluded.signature, created_at = excluded.created_at, seq = excluded.seq, outbox_id = NULL");
        insert.bind(1, m.id);
        insert.bind(2, m.ticketId);
        insert.bind(3, toString(m.kind));
        insert.bindIdOrNull(4, m.authorAgentId);
        insert.bindOrEmpty(5, m.authorName);
        insert.bindOrEmpty(6, m.body);
        insert.bind(7, m.senderName);
        insert.bind(8, m.signature);
        insert.bind(9, m.createdAt);
        insert.bind(10, m.seq);
        if (Status done = insert.step(); !done)
            return done;
        for (const AttachmentRef &file : m.attachments) {
            SqliteStatement &attach = m_sql.direct(
                "INSERT OR REPLACE INTO attachments (id, message_id, ticket_id, filename, content_type, size, inline)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)");
            attach.bind(1, file.id);
            attach.bind(2, m.id);
            attach.bind(3, m.ticketId);
            attach.bind(4, file.filename);
            attach.bind(5, file.contentType);
            attach.bind(6, file.size);
            attach.bind(7, file.isInline);
            if (Status done = attach.step(); !done)
                return done;
        }
    }
    for (qsizetype i = 0; i < t.events.size(); ++i) {
        const TicketEvent &e = t.events.at(i);
        SqliteStatement &insert = m_sql.direct(
            "INSERT INTO events (id, ticket_id, kind, actor_agent_id, data, created_at, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET ticket_id = excluded.ticket_id,"
            " kind = excluded.kind, actor_agent_id = excluded.actor_agent_id, data = excluded.data,"
            " created_at = excluded.created_at, seq = excluded.seq");
        insert.bind(1, e.id);
        insert.bind(2, e.ticketId);
        insert.bind(3, e.kind);
        insert.bindIdOrNull(4, e.actorAgentId);
        insert.bindUtf8(5, incoming.eventData.value(i, QByteArrayLiteral("{}")));
        insert.bind(6, e.createdAt);
        insert.bind(7, e.seq);
        if (Status done = insert.step(); !done)
            return done;
    }
    return ok();
}

Status LocalStore::refreshSearchIndex(qint64 ticketId)
{
    QSqlQuery &remove = prepared(u"DELETE FROM ticket_search WHERE rowid = ?"_s);
    remove.addBindValue(ticketId);
    SIGNPOST_EXEC(remove);
    QSqlQuery &insert =
        prepared(u"INSERT INTO ticket_search (rowid, subject, customer, body) "_s + TicketRows::searchRowsSql() + OneTicket);
    insert.addBindValue(ticketId);
    SIGNPOST_EXEC(insert);
    return ok();
}

Status LocalStore::removeTicket(qint64 ticketId)
{
    for (const QString &sql : {u"DELETE FROM tickets WHERE id = ?"_s, u"DELETE FROM messages WHERE ticket_id = ?"_s,
                               u"DELETE FROM attachments WHERE ticket_id = ?"_s,
                               u"DELETE FROM events WHERE ticket_id = ?"_s,
                               u"DELETE FROM ticket_search WHERE rowid = ?"_s}) {
        QSqlQuery &query = prepared(sql);
        query.addBindValue(ticketId);
        SIGNPOST_EXEC(query);
    }
    return ok();
}

Status LocalStore::purgeTickets()
{
    SqlTransaction tx(m_sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    for (const QString &sql : {u"DELETE FROM tickets"_s, u"DELETE FROM messages WHERE id > 0"_s, u"DELETE FROM events"_s,
                               u"DELETE FROM attachments"_s,
                               u"DELETE FROM ticket_search"_s, u"DELETE FROM meta WHERE key = 'cursor'"_s}) {
        QSqlQuery &query = prepared(sql);
        SIGNPOST_EXEC(query);
    }
    return tx.commit();
}

Expected<bool> LocalStore::tidySearchIndex()
{
    // FTS5 merges about this many pages per step; whether it wrote
    // anything beyond the step's own bookkeeping says whether more is left.
    QSqlQuery &changes = prepared(u"SELECT total_changes()"_s);
    SIGNPOST_EXEC(changes);
    const qint64 before = changes.next() ? changes.value(0).toLongLong() : 0;
    changes.finish();
    // A positive step merges only levels that hold at least four segments
    // ('usermerge'): the segments a sync left are folded together, and the
    // one a later change adds waits for company instead of the whole index
    // being rewritten around it.
    QSqlQuery &merge = prepared(u"INSERT INTO ticket_search (ticket_search, rank) VALUES ('merge', 200)"_s);
    SIGNPOST_EXEC(merge);
    SIGNPOST_EXEC(changes);
    const qint64 after = changes.next() ? changes.value(0).toLongLong() : 0;
    changes.finish();
    return after - before > 1;
}

Expected<int> LocalStore::storeFound(const QJsonArray &found, qint64 keepUntil)
{
    // Only what the agent may still see: a search answered before a
    // revocation the cache has applied since must not bring a ticket back.
    QSet<qint64> mine;
    for (const Department &department : departments())
        mine.insert(department.id);
    QList<IncomingTicket> tickets;
    QList<qint64> ids;
    for (const QJsonValue &ticket : found) {
        if (!mine.contains(ticket[u"department"_s].toInteger()))
            continue;
        tickets.append(IncomingTicket::fromJson(ticket.toObject()));
        ids.append(tickets.constLast().ticket.id);
    }
    SqlTransaction tx(m_sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    const int before = ticketCount();
    if (Status stored = storeTickets(tickets, true); !stored)
        return stored.error();
    const int added = ticketCount() - before;
    QSqlQuery &keep = prepared(u"INSERT INTO kept (ticket_id, until) SELECT value, ? FROM json_each(?)"
                               " WHERE true ON CONFLICT (ticket_id) DO UPDATE SET until = max(until, excluded.until)"_s);
    keep.addBindValue(keepUntil);
    keep.addBindValue(jsonArray(ids));
    SIGNPOST_EXEC(keep);
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return added;
}

Expected<int> LocalStore::pruneHistory(qint64 cutoff, qint64 now, int limit)
{
    // Solved and closed tickets in which nothing has happened since the
    // cutoff, unless the agent is writing on them, has changes queued, or
    // found them on the server lately.
    SqlTransaction tx(m_sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    QSqlQuery &expired = prepared(u"DELETE FROM kept WHERE until <= ?"_s);
    expired.addBindValue(now);
    SIGNPOST_EXEC(expired);
    QSqlQuery &old = prepared(
        u"SELECT t.id FROM tickets t WHERE t.status IN ('solved', 'closed') AND t.updated_at < ?"
        " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.created_at >= ?)"
        " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.created_at >= ?)"
        " AND t.id NOT IN (SELECT ticket_id FROM outbox) AND t.id NOT IN (SELECT ticket_id FROM drafts)"
        " AND t.id NOT IN (SELECT ticket_id FROM kept) LIMIT ?"_s);
    for (int i = 0; i < 3; ++i)
        old.addBindValue(cutoff);
    old.addBindValue(limit);
    SIGNPOST_EXEC(old);
    QList<qint64> gone;
    while (old.next())
        gone.append(old.value(0).toLongLong());
    old.finish();
    for (qint64 ticketId : std::as_const(gone)) {
        if (Status done = removeTicket(ticketId); !done)
            return done.error();
    }
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return int(gone.size());
}

Status LocalStore::applyPage(const FeedPage &incoming)
{
    const QJsonObject &page = incoming.meta;
    SqlTransaction tx(m_sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    if (page.value(u"reset"_s).toBool()) {
        // The server's store is not the one this cache mirrors: start over.
        for (const QString &sql : {u"DELETE FROM tickets"_s, u"DELETE FROM messages WHERE id > 0"_s,
                                   u"DELETE FROM attachments"_s,
                                   u"DELETE FROM events"_s, u"DELETE FROM ticket_search"_s}) {
            QSqlQuery &query = prepared(sql);
            SIGNPOST_EXEC(query);
        }
    }
    if (Status stored = storeTickets(incoming.tickets, false); !stored)
        return stored;
    for (const QJsonValue &id : page.value(u"revoked_tickets"_s).toArray()) {
        if (Status done = removeTicket(id.toInteger()); !done)
            return done;
    }
    for (const QJsonValue &department : page.value(u"revoked_departments"_s).toArray()) {
        QSqlQuery &ids = prepared(u"SELECT id FROM tickets WHERE department_id = ?"_s);
        ids.addBindValue(department.toInteger());
        SIGNPOST_EXEC(ids);
        QList<qint64> gone;
        while (ids.next())
            gone.append(ids.value(0).toLongLong());
        for (qint64 ticketId : gone) {
            if (Status done = removeTicket(ticketId); !done)
                return done;
        }
    }
    if (Status done = setMeta(u"cursor"_s, page.value(u"cursor"_s).toString()); !done)
        return done;
    return tx.commit();
}

Status LocalStore::storeTickets(const QList<IncomingTicket> &tickets, bool onlyNew)
{
    // The search index is written after the page's other writes, in as few
    // statements as can be. Once an FTS5 table has been written in a
    // transaction, every later statement that runs under a statement
    // savepoint makes FTS5 write its pending terms out as a new segment and
    // merge segments: indexing ticket by ticket between the other writes took
    // about 40% of a full sync. Each ticket's row is what refreshSearchIndex()
    // read right after the ticket was stored (for a ticket that comes twice,
    // after the last time). Only laying the outbox over the ticket can change
    // it after that, so the rows of those tickets are read at that moment;
    // the others read the same at the end of the page.
    struct SearchRow
    {
        qint64 ticketId = 0;
        QVariantList values; // rowid, subject, customer, body; empty: none
    };
    QList<SearchRow> readAtOnce;
    QList<qint64> readAtEnd;
    readAtEnd.reserve(tickets.size());
    // Only tickets with commands in the outbox have anything to lay over.
    QSet<qint64> queued;
    QSqlQuery &outbox = prepared(u"SELECT DISTINCT ticket_id FROM outbox WHERE state <> 'rejected'"_s);
    SIGNPOST_EXEC(outbox);
    while (outbox.next())
        queued.insert(outbox.value(0).toLongLong());
    outbox.finish();
    // Found by a search: only what the cache lacks (the feed keeps the rest).
    QSet<qint64> cached;
    if (onlyNew) {
        QList<qint64> ids;
        for (const IncomingTicket &incoming : tickets)
            ids.append(incoming.ticket.id);
        QSqlQuery &known = prepared(u"SELECT id FROM tickets WHERE id "_s + TicketsInJsonArray);
        known.addBindValue(jsonArray(ids));
        SIGNPOST_EXEC(known);
        while (known.next())
            cached.insert(known.value(0).toLongLong());
        known.finish();
    }
    for (const IncomingTicket &incoming : tickets) {
        const Ticket &ticket = incoming.ticket;
        if (onlyNew && cached.contains(ticket.id))
            continue;
        if (Status done = upsertTicket(incoming); !done)
            return done;
        if (!queued.contains(ticket.id)) {
            readAtEnd.append(ticket.id);
            continue;
        }
        QSqlQuery &row = prepared(TicketRows::searchRowsSql() + OneTicket);
        row.addBindValue(ticket.id);
        SIGNPOST_EXEC(row);
        SearchRow search{ticket.id, {}};
        if (row.next())
            search.values = {row.value(0), row.value(1), row.value(2), row.value(3)};
        row.finish();
        readAtOnce.append(std::move(search));
        if (Status done = overlayOutbox(ticket.id); !done)
            return done;
    }
    if (!readAtEnd.isEmpty()) {
        const QString ids = jsonArray(readAtEnd);
        QSqlQuery &remove = prepared(u"DELETE FROM ticket_search WHERE rowid "_s + TicketsInJsonArray);
        remove.addBindValue(ids);
        SIGNPOST_EXEC(remove);
        QSqlQuery &insert = prepared(u"INSERT INTO ticket_search (rowid, subject, customer, body) "_s + TicketRows::searchRowsSql()
                                     + TicketsInJsonArray);
        insert.addBindValue(ids);
        SIGNPOST_EXEC(insert);
    }
    for (const SearchRow &search : std::as_const(readAtOnce)) {
        QSqlQuery &remove = prepared(u"DELETE FROM ticket_search WHERE rowid = ?"_s);
        remove.addBindValue(search.ticketId);
        SIGNPOST_EXEC(remove);
        if (search.values.isEmpty())
            continue;
        QSqlQuery &insert =
            prepared(u"INSERT INTO ticket_search (rowid, subject, customer, body) VALUES (?, ?, ?, ?)"_s);
        for (const QVariant &column : search.values)
            insert.addBindValue(column);
        SIGNPOST_EXEC(insert);
    }
    return ok();
}

Status LocalStore::overlayOutbox(qint64 ticketId)
{
    // The server's state came in; the agent's unconfirmed changes go on top.
    for (const OutboxEntry &entry : outboxFor(ticketId)) {
        if (entry.state == OutboxEntry::State::Rejected)
            continue;
        if (Status done = applyOptimistic(entry); !done)
            return done;
    }
    return ok();
}

Status LocalStore::applyOptimistic(const OutboxEntry &entry)
{
    const Command &c = entry.command;
    auto setColumn = [&](const QString &column, const QVariant &value) -> Status {
        QSqlQuery &update = prepared(u"UPDATE tickets SET %1 = ? WHERE id = ?"_s.arg(column));
        update.addBindValue(value);
        update.addBindValue(c.ticketId);
        SIGNPOST_EXEC(update);
        return ok();
    };
    switch (c.type) {
    case Command::Type::Reply:
    case Command::Type::Note: {
        // A placeholder in the thread until the server's message arrives.
        const std::optional<Agent> agent = me();
        QString sender, signature;
        if (c.type == Command::Type::Reply) {
            QSqlQuery &department = prepared(
                u"SELECT d.json FROM departments d JOIN tickets t ON t.department_id = d.id WHERE t.id = ?"_s);
            department.addBindValue(c.ticketId);
            if (department.exec() && department.next()) {
                const Department d = Department::fromJson(QJsonDocument::fromJson(department.value(0).toByteArray()).object());
                sender = d.senderName;
                signature = d.signature;
            }
            department.finish();
        }
        QSqlQuery &insert = prepared(
            u"INSERT OR REPLACE INTO messages (id, ticket_id, kind, author_agent_id, author_name, body, sender_name,"
            " signature, created_at, seq, outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)"_s);
        insert.addBindValue(-entry.id);
        insert.addBindValue(c.ticketId);
        insert.addBindValue(toString(c.type == Command::Type::Reply ? MessageKind::Reply : MessageKind::Note));
        insert.addBindValue(agent ? QVariant(agent->id) : QVariant());
        insert.addBindValue(agent ? agent->name : u""_s);
        insert.addBindValue(c.body);
        insert.addBindValue(sender);
        insert.addBindValue(signature);
        insert.addBindValue(entry.createdAt);
        insert.addBindValue(entry.id);
        SIGNPOST_EXEC(insert);
        if (c.status)
            return setColumn(u"status"_s, toString(*c.status));
        if (c.type == Command::Type::Reply) {
            QSqlQuery &open = prepared(u"UPDATE tickets SET status = 'open' WHERE id = ? AND status = 'new'"_s);
            open.addBindValue(c.ticketId);
            SIGNPOST_EXEC(open);
        }
        return ok();
    }
    case Command::Type::Transfer:
        if (Status done = setColumn(u"department_id"_s, c.departmentId); !done)
            return done;
        return setColumn(u"assignee_id"_s, c.assigneeId > 0 ? QVariant(c.assigneeId) : QVariant());
    case Command::Type::Assign:
        return setColumn(u"assignee_id"_s, c.assigneeId > 0 ? QVariant(c.assigneeId) : QVariant());
    case Command::Type::SetStatus:
        return setColumn(u"status"_s, toString(*c.status));
    case Command::Type::SetPriority:
        if (Status done = setColumn(u"priority"_s, toString(*c.priority)); !done)
            return done;
        return setColumn(u"priority_rank"_s, priorityRank(*c.priority));
    }
    return ok();
}

OutboxEntry LocalStore::readEntry(const QSqlQuery &query)
{
    OutboxEntry entry;
    entry.id = query.value(0).toLongLong();
    const Expected<Command> command = Command::fromJson(QJsonDocument::fromJson(query.value(1).toByteArray()).object());
    if (command)
        entry.command = *command;
    const QString state = query.value(2).toString();
    entry.state = state == u"rejected" ? OutboxEntry::State::Rejected
                  : state == u"sent"   ? OutboxEntry::State::Sent
                                       : OutboxEntry::State::Pending;
    entry.reason = query.value(3).toString();
    entry.message = query.value(4).toString();
    entry.serverTicket = QJsonDocument::fromJson(query.value(5).toByteArray()).object();
    entry.createdAt = query.value(6).toLongLong();
    return entry;
}

QList<OutboxEntry> LocalStore::entries(const QString &condition, const QVariantList &binds)
{
    QSqlQuery &query = prepared(
        u"SELECT id, command, state, reason, message, server_ticket, created_at FROM outbox o "_s + condition);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    QList<OutboxEntry> list;
    if (!query.exec())
        return list;
    while (query.next())
        list.append(readEntry(query));
    return list;
}

QList<OutboxEntry> LocalStore::outboxFor(qint64 ticketId)
{
    return entries(u"WHERE ticket_id = ? ORDER BY id"_s, {ticketId});
}

Expected<OutboxEntry> LocalStore::enqueue(Command command)
{
    QSqlQuery &version = prepared(u"SELECT version FROM tickets WHERE id = ?"_s);
    version.addBindValue(command.ticketId);
    if (!version.exec())
        return m_sql.error(version);
    if (!version.next())
        return Error::notFound(u"This ticket is not in your departments any more."_s);
    if (command.id.isEmpty())
        command.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (command.baseVersion <= 0)
        command.baseVersion = version.value(0).toLongLong();
    version.finish();
    // Validate as the server will, so a bad command never enters the outbox.
    if (Expected<Command> valid = Command::fromJson(command.toJson()); !valid)
        return valid.error();

    SqlTransaction tx(m_sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    OutboxEntry entry;
    entry.command = command;
    entry.createdAt = nowMs();
    QSqlQuery &insert = prepared(
        u"INSERT INTO outbox (command_id, ticket_id, command, state, created_at) VALUES (?, ?, ?, 'pending', ?)"_s);
    insert.addBindValue(command.id);
    insert.addBindValue(command.ticketId);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(command.toJson()).toJson(QJsonDocument::Compact)));
    insert.addBindValue(entry.createdAt);
    SIGNPOST_EXEC(insert);
    entry.id = insert.lastInsertId().toLongLong();
    // A reply or note is what the agent was writing: its draft goes with
    // the same commit, so it is never sent twice nor lost in between.
    if (command.type == Command::Type::Reply || command.type == Command::Type::Note) {
        if (Status done = deleteDraft(command.ticketId); !done)
            return done.error();
    }
    if (Status done = applyOptimistic(entry); !done)
        return done.error();
    if (Status done = refreshSearchIndex(command.ticketId); !done)
        return done.error();
    if (Status done = tx.commit(); !done)
        return done.error();
    return entry;
}

QList<OutboxEntry> LocalStore::sendable()
{
    return entries(u"WHERE state <> 'rejected' AND id = (SELECT MIN(id) FROM outbox p WHERE p.ticket_id = o.ticket_id"
                   " AND p.state <> 'rejected') ORDER BY id LIMIT 100"_s);
}

Status LocalStore::markSent(const QList<qint64> &entryIds)
{
    SqlTransaction tx(m_sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    for (qint64 id : entryIds) {
        QSqlQuery &update = prepared(u"UPDATE outbox SET state = 'sent' WHERE id = ? AND state = 'pending'"_s);
        update.addBindValue(id);
        SIGNPOST_EXEC(update);
    }
    return tx.commit();
}

Status LocalStore::recordResult(const OutboxEntry &entry, const QJsonObject &result)
{
    const QString outcome = result.value(u"outcome"_s).toString();
    const QJsonObject serverTicket = result.value(u"ticket"_s).toObject();
    // Not a final answer: the entry stays as it is, to be sent again.
    if (!isFinalOutcome(outcome, result.value(u"reason"_s).toString()))
        return ok();
    SqlTransaction tx(m_sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    if (outcome == u"applied" || outcome == u"duplicate") {
        QSqlQuery &remove = prepared(u"DELETE FROM outbox WHERE id = ?"_s);
        remove.addBindValue(entry.id);
        SIGNPOST_EXEC(remove);
        QSqlQuery &placeholder = prepared(u"DELETE FROM messages WHERE outbox_id = ?"_s);
        placeholder.addBindValue(entry.id);
        SIGNPOST_EXEC(placeholder);
        // The commands queued behind this one were based on the state it
        // produced: they move onto the version the server gave it, but only
        // when that version holds our change alone. Had a colleague changed
        // the ticket meanwhile, moving them would overwrite her change
        // unseen: they keep their base and meet the conflict check.
        const qint64 newVersion = serverTicket.value(u"version"_s).toInteger();
        const qint64 base = entry.command.baseVersion;
        if (newVersion == base + 1) {
            for (const OutboxEntry &next : outboxFor(entry.command.ticketId)) {
                if (next.state != OutboxEntry::State::Pending || next.command.baseVersion != entry.command.baseVersion)
                    continue;
                Command rebased = next.command;
                rebased.baseVersion = newVersion;
                QSqlQuery &update = prepared(u"UPDATE outbox SET command = ? WHERE id = ?"_s);
                update.addBindValue(QString::fromUtf8(QJsonDocument(rebased.toJson()).toJson(QJsonDocument::Compact)));
                update.addBindValue(next.id);
                SIGNPOST_EXEC(update);
            }
        }
    } else {
        QSqlQuery &update = prepared(
            u"UPDATE outbox SET state = 'rejected', reason = ?, message = ?, server_ticket = ? WHERE id = ?"_s);
        update.addBindValue(result.value(u"reason"_s).toString());
        update.addBindValue(result.value(u"message"_s).toString());
        update.addBindValue(QString::fromUtf8(QJsonDocument(serverTicket).toJson(QJsonDocument::Compact)));
        update.addBindValue(entry.id);
        SIGNPOST_EXEC(update);
        if (result.value(u"reason"_s).toString() == u"not_found") {
            // Gone from the agent's departments: the next pull revokes it.
        } else if (!serverTicket.isEmpty()) {
            // Back to what the server has, with the other changes on top.
            Ticket current = Ticket::fromJson(serverTicket);
            QSqlQuery &restore = prepared(
                u"UPDATE tickets SET department_id = ?, status = ?, priority = ?, priority_rank = ?, assignee_id = ?,"
                " version = ?, updated_at = ? WHERE id = ?"_s);
            restore.addBindValue(current.departmentId);
            restore.addBindValue(toString(current.status));
            restore.addBindValue(toString(current.priority));
            restore.addBindValue(priorityRank(current.priority));
            restore.addBindValue(current.assigneeId > 0 ? QVariant(current.assigneeId) : QVariant());
            restore.addBindValue(current.version);
            restore.addBindValue(current.updatedAt);
            restore.addBindValue(current.id);
            SIGNPOST_EXEC(restore);
            if (Status done = overlayOutbox(current.id); !done)
                return done;
        }
    }
    return tx.commit();
}

Status LocalStore::discard(qint64 entryId)
{
    SqlTransaction tx(m_sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    for (const QString &sql : {u"DELETE FROM outbox WHERE id = ?"_s, u"DELETE FROM messages WHERE outbox_id = ?"_s}) {
        QSqlQuery &query = prepared(sql);
        query.addBindValue(entryId);
        SIGNPOST_EXEC(query);
    }
    return tx.commit();
}

Status LocalStore::saveDraft(const Draft &draft)
{
    if (draft.body.trimmed().isEmpty() && draft.attachments.isEmpty())
        return deleteDraft(draft.ticketId);
    // A new draft begins on the ticket as cached now; a later save keeps
    // that, unless it says the agent has seen a newer state.
    QSqlQuery &save = prepared(
        u"INSERT INTO drafts (ticket_id, mode, body, updated_at, seen_seq, attachments)"
        " VALUES (?, ?, ?, ?, COALESCE(NULLIF(?, 0), (SELECT seq FROM tickets WHERE id = ?), 0), ?)"
        " ON CONFLICT (ticket_id) DO UPDATE SET mode = excluded.mode, body = excluded.body,"
        " updated_at = excluded.updated_at, seen_seq = CASE WHEN ? > 0 THEN excluded.seen_seq ELSE seen_seq END,"
        " attachments = excluded.attachments"_s);
    save.addBindValue(draft.ticketId);
    save.addBindValue(draft.note ? u"note"_s : u"reply"_s);
    save.addBindValue(draft.body);
    save.addBindValue(draft.updatedAt > 0 ? draft.updatedAt : nowMs());
    save.addBindValue(draft.seenSeq);
    save.addBindValue(draft.ticketId);
    save.addBindValue(QString::fromUtf8(QJsonDocument(OutgoingFile::toJson(draft.attachments)).toJson(QJsonDocument::Compact)));
    save.addBindValue(draft.seenSeq);
    SIGNPOST_EXEC(save);
    return ok();
}

Status LocalStore::deleteDraft(qint64 ticketId)
{
    QSqlQuery &remove = prepared(u"DELETE FROM drafts WHERE ticket_id = ?"_s);
    remove.addBindValue(ticketId);
    SIGNPOST_EXEC(remove);
    return ok();
}

std::optional<Draft> LocalStore::draft(qint64 ticketId)
{
    QSqlQuery &query = prepared(u"SELECT ticket_id, mode, body, updated_at, seen_seq, attachments FROM drafts"
                                " WHERE ticket_id = ?"_s);
    query.addBindValue(ticketId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    Draft draft = readDraft(query);
    query.finish();
    return draft;
}

QList<Draft> LocalStore::strandedDrafts()
{
    QSqlQuery &query = prepared(u"SELECT ticket_id, mode, body, updated_at, seen_seq, attachments FROM drafts d"
                                " WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = d.ticket_id) ORDER BY updated_at"_s);
    QList<Draft> list;
    if (!query.exec())
        return list;
    while (query.next())
        list.append(readDraft(query));
    return list;
}

Draft LocalStore::readDraft(const QSqlQuery &query)
{
    return Draft{query.value(0).toLongLong(),
                 query.value(1).toString() == u"note",
                 query.value(2).toString(),
                 query.value(3).toLongLong(),
                 query.value(4).toLongLong(),
                 OutgoingFile::listFromJson(QJsonDocument::fromJson(query.value(5).toByteArray()).array())};
}

QList<OutboxEntry> LocalStore::outbox()
{
    return entries(u"ORDER BY id"_s);
}

QList<OutboxEntry> LocalStore::rejected()
{
    return entries(u"WHERE state = 'rejected' ORDER BY id"_s);
}

int LocalStore::pendingCount()
{
    QSqlQuery &query = prepared(u"SELECT COUNT(*) FROM outbox WHERE state <> 'rejected'"_s);
    const int count = query.exec() && query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return count;
}

int LocalStore::ticketCount()
{
    QSqlQuery &query = prepared(u"SELECT COUNT(*) FROM tickets"_s);
    const int count = query.exec() && query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return count;
}

QList<DepartmentSummary> LocalStore::departmentSummaries()
{
    const std::optional<Agent> agent = me();
    const qint64 myId = agent ? agent->id : 0;
    QList<DepartmentSummary> list;
    for (const Department &department : departments()) {
        DepartmentSummary summary;
        summary.department = department;
        if (agent) {
            for (const Membership &membership : agent->memberships) {
                if (membership.departmentId == department.id)
                    summary.role = membership.role;
            }
        }
        // From the counts the triggers keep (schema step 5), not the tickets.
        QSqlQuery &counts = prepared(
            u"SELECT COALESCE(SUM(CASE WHEN status = 'new' THEN count END), 0),"
            " COALESCE(SUM(CASE WHEN status IN ('new', 'open') THEN count END), 0),"
            " COALESCE(SUM(CASE WHEN assignee_id = 0 AND status IN ('new', 'open', 'pending') THEN count END), 0),"
            " COALESCE(SUM(CASE WHEN assignee_id = ? AND status IN ('new', 'open', 'pending') THEN count END), 0)"
            " FROM queue_counts WHERE department_id = ?"_s);
        counts.addBindValue(myId);
        counts.addBindValue(department.id);
        if (counts.exec() && counts.next()) {
            summary.newCount = counts.value(0).toInt();
            summary.openCount = counts.value(1).toInt();
            summary.unassigned = counts.value(2).toInt();
            summary.mine = counts.value(3).toInt();
        }
        counts.finish();
        list.append(summary);
    }
    return list;
}

namespace {

struct QueueSql
{
    QString where;
    QVariantList binds;
};

// `narrowSearch`: the search matches few tickets. Then the department's
// condition is kept off its index ("+"), so the query starts from the
// matches and sorts them, instead of walking the whole queue in order and
// testing each ticket against the matches (which costs the queue's length,
// even for one order number).
QueueSql queueWhere(const QueueQuery &query, bool narrowSearch)
{
    QueueSql sql = query.allDepartments ? QueueSql{u"1 = 1"_s, {}}
                   : narrowSearch       ? QueueSql{u"+t.department_id = ?"_s, {query.departmentId}}
                                        : QueueSql{u"t.department_id = ?"_s, {query.departmentId}};
    if (!query.statuses.isEmpty()) {
        QStringList marks;
        for (TicketStatus status : query.statuses) {
            marks.append(u"?"_s);
            sql.binds.append(toString(status));
        }
        sql.where += u" AND t.status IN (%1)"_s.arg(marks.join(u", "_s));
    }
    if (query.assignee == QueueQuery::Assignee::Me) {
        sql.where += u" AND t.assignee_id = ?"_s;
        sql.binds.append(query.me);
    } else if (query.assignee == QueueQuery::Assignee::Nobody) {
        sql.where += u" AND t.assignee_id IS NULL"_s;
    }
    if (query.sla == QueueQuery::Sla::AtRisk)
        sql.where += u" AND t.sla_at_risk <> 0 AND t.sla_breached = 0"_s;
    else if (query.sla == QueueQuery::Sla::Breached)
        sql.where += u" AND t.sla_breached <> 0"_s;
    const QString expression = TicketRows::searchExpression(query.search);
    if (!expression.isEmpty()) {
        sql.where += u" AND t.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?)"_s;
        sql.binds.append(expression);
    }
    return sql;
}

QString orderBy(const QueueQuery &query)
{
    // A plain number searched for: that ticket first, whatever the sort
    // (the number is parsed, so it goes into the SQL as digits only).
    QString text = query.search.trimmed();
    if (text.startsWith(u'#'))
        text.remove(0, 1);
    bool number = false;
    const qint64 id = text.toLongLong(&number);
    const QString first = number && id > 0 ? u"t.id = %1 DESC, "_s.arg(id) : QString();
    return first + sortOrder(query);
}

QString sortOrder(const QueueQuery &query)
{
    QString column;
    switch (query.sortColumn) {
    case QueueQuery::Column::Id: column = u"t.id"_s; break;
    case QueueQuery::Column::Subject: column = u"t.subject COLLATE NOCASE"_s; break;
    case QueueQuery::Column::Customer: column = u"t.customer_name COLLATE NOCASE"_s; break;
    case QueueQuery::Column::Status:
        column = u"CASE t.status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'pending' THEN 2 WHEN 'solved' THEN 3 ELSE 4 END"_s;
        break;
    case QueueQuery::Column::Priority: column = u"t.priority_rank"_s; break;
    // Tickets with nothing due come after the others, either way round.
    case QueueQuery::Column::Due:
        return u"t.sla_next_due_at IS NULL, t.sla_next_due_at %1, t.id %1"_s.arg(query.descending ? u"DESC"_s : u"ASC"_s);
    case QueueQuery::Column::Assignee:
        column = u"(SELECT c.name FROM colleagues c WHERE c.agent_id = t.assignee_id LIMIT 1) COLLATE NOCASE"_s;
        break;
    case QueueQuery::Column::Created: column = u"t.created_at"_s; break;
    case QueueQuery::Column::Updated: column = u"t.updated_at"_s; break;
    }
    const QString direction = query.descending ? u"DESC"_s : u"ASC"_s;
    return u"%1 %2, t.id %2"_s.arg(column, direction);
}

} // namespace

bool LocalStore::narrowSearch(const QString &text)
{
    const QString expression = TicketRows::searchExpression(text);
    if (expression.isEmpty())
        return false;
    if (expression == m_lastSearch.first)
        return m_lastSearch.second;
    // Counted only up to the limit: a common word stops early.
    QSqlQuery &count = prepared(
        u"SELECT COUNT(*) FROM (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ? LIMIT ?)"_s);
    count.addBindValue(expression);
    count.addBindValue(NarrowSearchHits);
    const bool narrow = count.exec() && count.next() && count.value(0).toInt() < NarrowSearchHits;
    count.finish();
    m_lastSearch = {expression, narrow};
    return narrow;
}

int LocalStore::queueCount(const QueueQuery &query)
{
    const QueueSql sql = queueWhere(query, narrowSearch(query.search));
    QSqlQuery &count = prepared(u"SELECT COUNT(*) FROM tickets t WHERE %1"_s.arg(sql.where));
    for (const QVariant &bind : sql.binds)
        count.addBindValue(bind);
    const int total = count.exec() && count.next() ? count.value(0).toInt() : 0;
    count.finish();
    return total;
}

QList<qint64> LocalStore::queueIds(const QueueQuery &query)
{
    const QueueSql sql = queueWhere(query, narrowSearch(query.search));
    QSqlQuery &rows = prepared(u"SELECT t.id FROM tickets t WHERE %1 ORDER BY %2"_s.arg(sql.where, orderBy(query)));
    for (const QVariant &bind : sql.binds)
        rows.addBindValue(bind);
    QList<qint64> ids;
    if (!rows.exec()) {
        m_sql.error(rows);
        return ids;
    }
    while (rows.next())
        ids.append(rows.value(0).toLongLong());
    return ids;
}

QList<QueueRow> LocalStore::queueRows(const QueueQuery &query, int offset, int limit)
{
    const QueueSql sql = queueWhere(query, narrowSearch(query.search));
    QSqlQuery &rows = prepared(
        u"SELECT t.id, t.subject, t.customer_name, t.status, t.priority, t.assignee_id,"
        " (SELECT c.name FROM colleagues c WHERE c.agent_id = t.assignee_id LIMIT 1) AS assignee_name,"
        " t.created_at, t.updated_at,"
        " (SELECT COUNT(*) FROM outbox o WHERE o.ticket_id = t.id AND o.state <> 'rejected'),"
        " t.first_response_due_at, t.next_response_due_at, t.resolution_due_at, t.ownership_due_at, t.sla_at_risk,"
        " t.sla_breached, EXISTS (SELECT 1 FROM drafts d WHERE d.ticket_id = t.id), t.department_id"
        " FROM tickets t WHERE %1 ORDER BY %2 LIMIT ? OFFSET ?"_s.arg(sql.where, orderBy(query)));
    for (const QVariant &bind : sql.binds)
        rows.addBindValue(bind);
    rows.addBindValue(limit);
    rows.addBindValue(offset);
    QList<QueueRow> list;
    if (!rows.exec()) {
        m_sql.error(rows);
        return list;
    }
    while (rows.next()) {
        QueueRow row;
        row.id = rows.value(0).toLongLong();
        row.departmentId = rows.value(17).toLongLong();
        row.subject = rows.value(1).toString();
        row.customer = rows.value(2).toString();
        row.status = ticketStatusFromString(rows.value(3).toString()).value_or(TicketStatus::New);
        row.priority = priorityFromString(rows.value(4).toString()).value_or(Priority::Normal);
        row.assigneeId = rows.value(5).toLongLong();
        row.assigneeName = rows.value(6).toString();
        row.createdAt = rows.value(7).toLongLong();
        row.updatedAt = rows.value(8).toLongLong();
        row.pendingChanges = rows.value(9).toInt();
        for (SlaTarget target : AllSlaTargets)
            row.sla.dueAt[std::size_t(target)] = rows.value(10 + int(target)).toLongLong();
        row.sla.atRisk = rows.value(14).toInt();
        row.sla.breached = rows.value(15).toInt();
        row.hasDraft = rows.value(16).toBool();
        list.append(row);
    }
    return list;
}

std::optional<Ticket> LocalStore::ticket(qint64 ticketId)
{
    // The cache's tables carry the server's columns: the same readers serve.
    QSqlQuery &query = prepared(u"SELECT %1 FROM tickets t WHERE t.id = ?"_s.arg(TicketRows::ticketColumns));
    query.addBindValue(ticketId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    Ticket t = TicketRows::readTicket(query);
    query.finish();

    // Server messages in order, then the agent's unconfirmed ones.
    QSqlQuery &messages = prepared(
        u"SELECT %1 FROM messages m WHERE m.ticket_id = ? ORDER BY m.id < 0, abs(m.id)"_s.arg(TicketRows::messageColumns));
    messages.addBindValue(ticketId);
    if (messages.exec()) {
        while (messages.next())
            t.messages.append(TicketRows::readMessage(messages));
    }
    QSqlQuery &files = prepared(
        u"SELECT %1 FROM attachments a WHERE a.ticket_id = ? ORDER BY a.id"_s.arg(TicketRows::attachmentColumns));
    files.addBindValue(ticketId);
    if (files.exec())
        TicketRows::attachFiles(files, t.messages);
    QSqlQuery &events = prepared(
        u"SELECT %1 FROM events e WHERE e.ticket_id = ? ORDER BY e.id"_s.arg(TicketRows::eventColumns));
    events.addBindValue(ticketId);
    if (events.exec()) {
        while (events.next())
            t.events.append(TicketRows::readEvent(events));
    }
    return t;
}

QList<QueueRow> LocalStore::customerTickets(const QString &email, qint64 exceptTicket)
{
    QSqlQuery &query = prepared(
        u"SELECT id, subject, status, updated_at FROM tickets WHERE customer_email = ? AND id <> ?"
        " ORDER BY updated_at DESC LIMIT 50"_s);
    query.addBindValue(email);
    query.addBindValue(exceptTicket);
    QList<QueueRow> list;
    if (!query.exec())
        return list;
    while (query.next()) {
        QueueRow row;
        row.id = query.value(0).toLongLong();
        row.subject = query.value(1).toString();
        row.status = ticketStatusFromString(query.value(2).toString()).value_or(TicketStatus::New);
        row.updatedAt = query.value(3).toLongLong();
        list.append(row);
    }
    return list;
}

} // namespace Signpost
