#include "server/services/ticketrecords.h"

#include "server/logging.h"
#include "server/services/departmentstore.h"
#include "server/storage/database.h"
#include "storage/ticketrows.h"

#include "core/timestamps.h"

#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

QString eventText(const QJsonObject &data)
{
    return QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
}

} // namespace

TicketRecords::TicketRecords(Database &db, DepartmentStore &departments)
    : m_db(db)
    , m_departments(departments)
    , m_clock(&nowMs)
{
}

QVariant TicketRecords::dueOrNull(qint64 at)
{
    return at > 0 ? QVariant(at) : QVariant();
}

QString TicketRecords::clocksText(const SlaClocks &clocks)
{
    return QString::fromUtf8(QJsonDocument(clocks.toJson()).toJson(QJsonDocument::Compact));
}

void TicketRecords::publish(const ChangeNotice &notice) const
{
    if (m_listener)
        m_listener(notice);
}

Expected<Ticket> TicketRecords::ticket(qint64 id, bool withThread)
{
    QSqlQuery &query = m_db.prepared(u"SELECT %1 FROM tickets t WHERE t.id = ?"_s.arg(TicketRows::ticketColumns));
    query.addBindValue(id);
    if (!query.exec())
        return storageError(query);
    if (!query.next())
        return Error::notFound(u"No such ticket."_s);
    Ticket t = TicketRows::readTicket(query);
    query.finish();
    if (!withThread)
        return t;

    QSqlQuery &messages = m_db.prepared(
        u"SELECT %1 FROM messages m WHERE m.ticket_id = ? ORDER BY m.id"_s.arg(TicketRows::messageColumns));
    messages.addBindValue(id);
    if (!messages.exec())
        return storageError(messages);
    while (messages.next())
        t.messages.append(TicketRows::readMessage(messages));
    // The files of the customer's messages, listed on each (the bytes are
    // served by /api/v1/attachments/{id}).
    QSqlQuery &files = m_db.prepared(
        u"SELECT %1 FROM attachments a WHERE a.ticket_id = ? ORDER BY a.id"_s.arg(TicketRows::attachmentColumns));
    files.addBindValue(id);
    if (!files.exec())
        return storageError(files);
    TicketRows::attachFiles(files, t.messages);
    QSqlQuery &events = m_db.prepared(
        u"SELECT %1 FROM events e WHERE e.ticket_id = ? ORDER BY e.id"_s.arg(TicketRows::eventColumns));
    events.addBindValue(id);
    if (!events.exec())
        return storageError(events);
    while (events.next())
        t.events.append(TicketRows::readEvent(events));
    return t;
}

Expected<TicketRecords::Tracked> TicketRecords::tracked(qint64 ticketId)
{
    Expected<Ticket> found = ticket(ticketId, false);
    if (!found)
        return found.error();
    Expected<SlaClocks> clocks = clocksOf(ticketId);
    if (!clocks)
        return clocks.error();
    return Tracked{*found, *clocks};
}

Expected<SlaClocks> TicketRecords::clocksOf(qint64 ticketId)
{
    QSqlQuery &query = m_db.prepared(u"SELECT sla_clocks FROM tickets WHERE id = ?"_s);
    query.addBindValue(ticketId);
    if (!query.exec())
        return storageError(query);
    if (!query.next())
        return Error::notFound(u"No such ticket."_s);
    SlaClocks clocks = SlaClocks::fromJson(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
    query.finish();
    return clocks;
}

Status TicketRecords::save(Ticket &t, SlaClocks &clocks, qint64 at)
{
    const qint64 checkAt = schedule(t, clocks, at);
    QSqlQuery &update = m_db.prepared(
        u"UPDATE tickets SET department_id = ?, status = ?, priority = ?, assignee_id = ?, version = ?, seq = ?,"
        " updated_at = ?, solved_at = CASE WHEN ? = 'solved' THEN COALESCE(solved_at, ?) ELSE solved_at END,"
        " first_response_due_at = ?, next_response_due_at = ?, resolution_due_at = ?, ownership_due_at = ?,"
        " sla_at_risk = ?, sla_breached = ?, sla_missed = ?, sla_check_at = ?, sla_clocks = ?"
        " WHERE id = ?"_s);
    update.addBindValue(t.departmentId);
    update.addBindValue(toString(t.status));
    update.addBindValue(toString(t.priority));
    update.addBindValue(t.assigneeId > 0 ? QVariant(t.assigneeId) : QVariant());
    update.addBindValue(t.version);
    update.addBindValue(t.seq);
    update.addBindValue(t.updatedAt);
    // The first time a ticket is solved, for the department's figures.
    update.addBindValue(toString(t.status));
    update.addBindValue(t.updatedAt);
    for (SlaTarget target : AllSlaTargets)
        update.addBindValue(dueOrNull(t.sla.due(target)));
    update.addBindValue(int(t.sla.atRisk));
    update.addBindValue(int(t.sla.breached));
    update.addBindValue(int(clocks.missed));
    update.addBindValue(dueOrNull(checkAt));
    update.addBindValue(clocksText(clocks));
    update.addBindValue(t.id);
    return m_db.exec(update);
}

qint64 TicketRecords::schedule(Ticket &t, SlaClocks &clocks, qint64 at) const
{
    const SlaSchedule schedule = SlaSchedule::of(policyOf(t.departmentId), t.priority, clocks);
    schedule.settle(clocks, at);
    t.sla = schedule.state(clocks);
    return schedule.nextCheck(clocks);
}

SlaClock TicketRecords::clockOf(qint64 departmentId) const
{
    return SlaClock(policyOf(departmentId).hours);
}

const SlaPolicy &TicketRecords::policyOf(qint64 departmentId) const
{
    static const SlaPolicy none;
    Expected<const RoutingTable *> table = m_departments.routingTable();
    if (!table) {
        qCWarning(lcStore) << "No SLA policy for department" << departmentId << ":" << table.error().message;
        return none;
    }
    const Department *department = (*table)->department(departmentId);
    return department ? department->sla : none;
}

Status TicketRecords::execute(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &query = m_db.prepared(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    return m_db.exec(query);
}

Expected<QList<qint64>> TicketRecords::ticketIds(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &query = m_db.prepared(sql);
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec())
        return storageError(query);
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

Expected<TicketRecords::Arrived> TicketRecords::addArrival(const Arrival &arrival)
{
    if (!m_db.isPostgres()) {
        // In the server's own process, a statement costs no round trip.
        QSqlQuery &insert = m_db.prepared(arrival.ticketInsert + u" RETURNING id"_s);
        for (const QVariant &value : arrival.ticketValues)
            insert.addBindValue(value);
        if (!insert.exec())
            return storageError(insert);
        const Expected<qint64> ticketId = insertedId(insert);
        if (!ticketId)
            return ticketId.error();
        if (Status stay = execute(u"INSERT INTO department_stays (ticket_id, department_id, arrived_at, origin)"
                                  " VALUES (?, ?, ?, 1)"_s,
                                  {*ticketId, arrival.departmentId, arrival.at});
            !stay)
            return stay.error();
        const Expected<qint64> messageId = addMessage(*ticketId, MessageKind::Customer, 0, arrival.authorName,
                                                      arrival.body, {}, {}, arrival.seq, arrival.at);
        if (!messageId)
            return messageId.error();
        for (const auto &[kind, data] : arrival.events) {
            if (Status event = addEvent(*ticketId, kind, 0, data, arrival.seq, arrival.at); !event)
                return event.error();
        }
        return Arrived{*ticketId, *messageId};
    }
    // Each later row takes the ticket's id from the first; the events are
    // numbered in the order given.
    QStringList events;
    for (qsizetype i = 0; i < arrival.events.size(); ++i)
        events.append(u"(%1, CAST(? AS TEXT), CAST(? AS TEXT))"_s.arg(i));
    const QString eventRows = events.isEmpty()
        ? QString()
        : u" e AS (INSERT INTO events (ticket_id, kind, actor_agent_id, data, created_at, seq)"
          " SELECT t.id, v.kind, NULL, v.data, CAST(? AS BIGINT), CAST(? AS BIGINT)"
          " FROM t, (VALUES %1) AS v(n, kind, data) ORDER BY v.n),"_s.arg(events.join(u", "_s));
    QSqlQuery &insert = m_db.prepared(
        u"WITH t AS (%1 RETURNING id),"
        " s AS (INSERT INTO department_stays (ticket_id, department_id, arrived_at, origin)"
        " SELECT id, CAST(? AS BIGINT), CAST(? AS BIGINT), 1 FROM t),%2"
        " m AS (INSERT INTO messages (ticket_id, kind, author_agent_id, author_name, body, created_at, seq)"
        " SELECT id, CAST(? AS TEXT), NULL, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS BIGINT)"
        " FROM t RETURNING id)"
        " SELECT t.id, m.id FROM t, m"_s.arg(arrival.ticketInsert, eventRows));
    for (const QVariant &value : arrival.ticketValues)
        insert.addBindValue(value);
    insert.addBindValue(arrival.departmentId);
    insert.addBindValue(arrival.at);
    if (!events.isEmpty()) {
        insert.addBindValue(arrival.at);
        insert.addBindValue(arrival.seq);
        for (const auto &[kind, data] : arrival.events) {
            insert.addBindValue(kind);
            insert.addBindValue(eventText(data));
        }
    }
    for (const QVariant &value : {QVariant(toString(MessageKind::Customer)), QVariant(arrival.authorName),
                                  QVariant(arrival.body), QVariant(arrival.at), QVariant(arrival.seq)})
        insert.addBindValue(value);
    if (!insert.exec() || !insert.next())
        return storageError(insert);
    const Arrived arrived{insert.value(0).toLongLong(), insert.value(1).toLongLong()};
    insert.finish();
    return arrived;
}

Expected<qint64> TicketRecords::addMessage(qint64 ticketId, MessageKind kind, qint64 agentId, const QString &authorName,
                                         const QString &body, const QString &senderName, const QString &signature,
                                         qint64 seq, qint64 at)
{
    QSqlQuery &insert = m_db.prepared(
        u"INSERT INTO messages (ticket_id, kind, author_agent_id, author_name, body, sender_name, signature,"
        " created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s);
    insert.addBindValue(ticketId);
    insert.addBindValue(toString(kind));
    insert.addBindValue(agentId > 0 ? QVariant(agentId) : QVariant());
    insert.addBindValue(authorName);
    insert.addBindValue(body);
    insert.addBindValue(kind == MessageKind::Reply ? QVariant(senderName) : QVariant());
    insert.addBindValue(kind == MessageKind::Reply ? QVariant(signature) : QVariant());
    insert.addBindValue(at);
    insert.addBindValue(seq);
    if (!insert.exec())
        return storageError(insert);
    const Expected<qint64> inserted = insertedId(insert);
    if (!inserted)
        return inserted.error();
    const qint64 messageId = *inserted;
    if (kind == MessageKind::Reply) {
        QSqlQuery &answered = m_db.prepared(
            u"UPDATE tickets SET first_replied_at = COALESCE(first_replied_at, ?) WHERE id = ?"_s);
        answered.addBindValue(at);
        answered.addBindValue(ticketId);
        if (!answered.exec())
            return storageError(answered);
    }
    return messageId;
}

Status TicketRecords::addEvent(qint64 ticketId, const QString &kind, qint64 actorId, const QJsonObject &data,
                             qint64 seq, qint64 at)
{
    QSqlQuery &insert = m_db.prepared(
        u"INSERT INTO events (ticket_id, kind, actor_agent_id, data, created_at, seq) VALUES (?, ?, ?, ?, ?, ?)"_s);
    insert.addBindValue(ticketId);
    insert.addBindValue(kind);
    insert.addBindValue(actorId > 0 ? QVariant(actorId) : QVariant());
    insert.addBindValue(eventText(data));
    insert.addBindValue(at);
    insert.addBindValue(seq);
    return m_db.exec(insert);
}

} // namespace Signpost
