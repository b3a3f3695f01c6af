#include "storage/ticketrows.h"

#include <QHash>
#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost::TicketRows {

const QString ticketColumns = u"t.id, t.subject, t.department_id, t.customer_name, t.customer_email, t.shop_id,"
                              " t.order_number, t.channel, t.status, t.priority, t.assignee_id, t.version, t.seq,"
                              " t.created_at, t.updated_at, t.first_response_due_at, t.next_response_due_at,"
                              " t.resolution_due_at, t.ownership_due_at, t.sla_at_risk, t.sla_breached,"
                              " t.customer_language"_s;
const QString messageColumns = u"m.id, m.ticket_id, m.kind, m.author_agent_id, m.author_name, m.body,"
                               " m.sender_name, m.signature, m.created_at, m.seq"_s;
const QString eventColumns = u"e.id, e.ticket_id, e.kind, e.actor_agent_id, e.data, e.created_at, e.seq"_s;
const QString attachmentColumns = u"a.message_id, a.id, a.filename, a.content_type, a.size, a.inline"_s;

QString searchRowsSql(const SqlDialect &dialect)
{
    return u"SELECT t.id, t.subject, t.customer_name || ' ' || t.customer_email || ' ' || t.order_number || ' #' || t.id,"
           " (SELECT COALESCE(%1, '') FROM messages m WHERE m.ticket_id = t.id)"
           " FROM tickets t WHERE t.id "_s.arg(dialect.joinedText(u"m.body"_s));
}

QString searchExpression(const QString &text)
{
    return SqlDialect(SqlEngine::SQLite).searchExpression(text);
}

QStringList addSlaColumns()
{
    return {
        u"ALTER TABLE tickets ADD COLUMN first_response_due_at INTEGER"_s,
        u"ALTER TABLE tickets ADD COLUMN next_response_due_at INTEGER"_s,
        u"ALTER TABLE tickets ADD COLUMN resolution_due_at INTEGER"_s,
        u"ALTER TABLE tickets ADD COLUMN ownership_due_at INTEGER"_s,
        u"ALTER TABLE tickets ADD COLUMN sla_at_risk INTEGER NOT NULL DEFAULT 0"_s,
        u"ALTER TABLE tickets ADD COLUMN sla_breached INTEGER NOT NULL DEFAULT 0"_s,
    };
}

Ticket readTicket(const QSqlQuery &q)
{
    Ticket t;
    t.id = q.value(0).toLongLong();
    t.subject = q.value(1).toString();
    t.departmentId = q.value(2).toLongLong();
    t.customer.name = q.value(3).toString();
    t.customer.email = q.value(4).toString();
    t.customer.shopId = q.value(5).toLongLong();
    t.customer.orderNumber = q.value(6).toString();
    t.channel = channelFromString(q.value(7).toString()).value_or(Channel::Web);
    t.status = ticketStatusFromString(q.value(8).toString()).value_or(TicketStatus::New);
    t.priority = priorityFromString(q.value(9).toString()).value_or(Priority::Normal);
    t.assigneeId = q.value(10).toLongLong();
    t.version = q.value(11).toLongLong();
    t.seq = q.value(12).toLongLong();
    t.createdAt = q.value(13).toLongLong();
    t.updatedAt = q.value(14).toLongLong();
    for (SlaTarget target : AllSlaTargets)
        t.sla.dueAt[std::size_t(target)] = q.value(15 + int(target)).toLongLong();
    t.sla.atRisk = q.value(19).toInt();
    t.sla.breached = q.value(20).toInt();
    t.customer.language = q.value(21).toString();
    return t;
}

Message readMessage(const QSqlQuery &q)
{
    Message m;
    m.id = q.value(0).toLongLong();
    m.ticketId = q.value(1).toLongLong();
    m.kind = messageKindFromString(q.value(2).toString()).value_or(MessageKind::Customer);
    m.authorAgentId = q.value(3).toLongLong();
    m.authorName = q.value(4).toString();
    m.body = q.value(5).toString();
    m.senderName = q.value(6).toString();
    m.signature = q.value(7).toString();
    m.createdAt = q.value(8).toLongLong();
    m.seq = q.value(9).toLongLong();
    return m;
}

TicketEvent readEventWithoutData(const QSqlQuery &q)
{
    TicketEvent e;
    e.id = q.value(0).toLongLong();
    e.ticketId = q.value(1).toLongLong();
    e.kind = q.value(2).toString();
    e.actorAgentId = q.value(3).toLongLong();
    e.createdAt = q.value(5).toLongLong();
    e.seq = q.value(6).toLongLong();
    return e;
}

QByteArray eventDataText(const QSqlQuery &q)
{
    return q.value(4).toByteArray();
}

TicketEvent readEvent(const QSqlQuery &q)
{
    TicketEvent e = readEventWithoutData(q);
    e.data = QJsonDocument::fromJson(eventDataText(q)).object();
    return e;
}

qint64 attachmentMessage(const QSqlQuery &query)
{
    return query.value(0).toLongLong();
}

AttachmentRef readAttachment(const QSqlQuery &query)
{
    return {query.value(1).toLongLong(), query.value(2).toString(), query.value(3).toString(),
            query.value(4).toLongLong(), query.value(5).toBool()};
}

void attachFiles(QSqlQuery &query, QList<Message> &thread)
{
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < thread.size(); ++i)
        at.insert(thread[i].id, i);
    while (query.next()) {
        if (const auto found = at.constFind(attachmentMessage(query)); found != at.cend())
            thread[*found].attachments.append(readAttachment(query));
    }
}

} // namespace Signpost::TicketRows
