#include "core/ticket.h"

#include "core/timestamps.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject AttachmentRef::toJson() const
{
    return {{u"id"_s, id}, {u"filename"_s, filename}, {u"content_type"_s, contentType}, {u"size"_s, size},
            {u"inline"_s, isInline}};
}

AttachmentRef AttachmentRef::fromJson(const QJsonObject &json)
{
    return {json.value(u"id"_s).toInteger(), json.value(u"filename"_s).toString(),
            json.value(u"content_type"_s).toString(), json.value(u"size"_s).toInteger(), json.value(u"inline"_s).toBool()};
}

QJsonObject Message::toJson() const
{
    QJsonObject json{
        {u"id"_s, id},
        {u"ticket"_s, ticketId},
        {u"kind"_s, toString(kind)},
        {u"author_agent"_s, idOrNull(authorAgentId)},
        {u"author_name"_s, authorName},
        {u"body"_s, body},
        {u"created_at"_s, isoFromMs(createdAt)},
        {u"seq"_s, seq},
    };
    if (kind == MessageKind::Reply) {
        json.insert(u"sender_name"_s, senderName);
        json.insert(u"signature"_s, signature);
    }
    if (!attachments.isEmpty()) {
        QJsonArray files;
        for (const AttachmentRef &file : attachments)
            files.append(file.toJson());
        json.insert(u"attachments"_s, files);
    }
    return json;
}

Message Message::fromJson(const QJsonObject &json)
{
    Message m;
    m.id = json.value(u"id"_s).toInteger();
    m.ticketId = json.value(u"ticket"_s).toInteger();
    m.kind = messageKindFromString(json.value(u"kind"_s).toString()).value_or(MessageKind::Customer);
    m.authorAgentId = json.value(u"author_agent"_s).toInteger();
    m.authorName = json.value(u"author_name"_s).toString();
    m.body = json.value(u"body"_s).toString();
    m.senderName = json.value(u"sender_name"_s).toString();
    m.signature = json.value(u"signature"_s).toString();
    m.createdAt = msFromIso(json.value(u"created_at"_s).toString());
    m.seq = json.value(u"seq"_s).toInteger();
    for (const QJsonValue &file : json.value(u"attachments"_s).toArray())
        m.attachments.append(AttachmentRef::fromJson(file.toObject()));
    return m;
}

QJsonObject TicketEvent::toJson() const
{
    return QJsonObject{
        {u"id"_s, id},
        {u"ticket"_s, ticketId},
        {u"kind"_s, kind},
        {u"actor_agent"_s, idOrNull(actorAgentId)},
        {u"data"_s, data},
        {u"created_at"_s, isoFromMs(createdAt)},
        {u"seq"_s, seq},
    };
}

TicketEvent TicketEvent::fromJson(const QJsonObject &json)
{
    TicketEvent e;
    e.id = json.value(u"id"_s).toInteger();
    e.ticketId = json.value(u"ticket"_s).toInteger();
    e.kind = json.value(u"kind"_s).toString();
    e.actorAgentId = json.value(u"actor_agent"_s).toInteger();
    e.data = json.value(u"data"_s).toObject();
    e.createdAt = msFromIso(json.value(u"created_at"_s).toString());
    e.seq = json.value(u"seq"_s).toInteger();
    return e;
}

QJsonObject Ticket::toJson(bool withThread) const
{
    QJsonObject json{
        {u"id"_s, id},
        {u"subject"_s, subject},
        {u"department"_s, departmentId},
        {u"customer"_s,
         QJsonObject{
             {u"name"_s, customer.name},
             {u"email"_s, customer.email},
             {u"shop"_s, idOrNull(customer.shopId)},
             {u"order_number"_s, customer.orderNumber},
             {u"language"_s, customer.language},
         }},
        {u"channel"_s, toString(channel)},
        {u"status"_s, toString(status)},
        {u"priority"_s, toString(priority)},
        {u"assignee"_s, idOrNull(assigneeId)},
        {u"version"_s, version},
        {u"seq"_s, seq},
        {u"created_at"_s, isoFromMs(createdAt)},
        {u"updated_at"_s, isoFromMs(updatedAt)},
        {u"sla"_s, sla.toJson()},
    };
    if (withThread) {
        QJsonArray thread;
        for (const Message &message : messages)
            thread.append(message.toJson());
        QJsonArray history;
        for (const TicketEvent &event : events)
            history.append(event.toJson());
        json.insert(u"messages"_s, thread);
        json.insert(u"events"_s, history);
    }
    return json;
}

Ticket Ticket::fromJson(const QJsonObject &json)
{
    Ticket t;
    t.id = json.value(u"id"_s).toInteger();
    t.subject = json.value(u"subject"_s).toString();
    t.departmentId = json.value(u"department"_s).toInteger();
    const QJsonObject customer = json.value(u"customer"_s).toObject();
    t.customer.name = customer.value(u"name"_s).toString();
    t.customer.email = customer.value(u"email"_s).toString();
    t.customer.shopId = customer.value(u"shop"_s).toInteger();
    t.customer.orderNumber = customer.value(u"order_number"_s).toString();
    t.customer.language = customer.value(u"language"_s).toString();
    t.channel = channelFromString(json.value(u"channel"_s).toString()).value_or(Channel::Web);
    t.status = ticketStatusFromString(json.value(u"status"_s).toString()).value_or(TicketStatus::New);
    t.priority = priorityFromString(json.value(u"priority"_s).toString()).value_or(Priority::Normal);
    t.assigneeId = json.value(u"assignee"_s).toInteger();
    t.version = json.value(u"version"_s).toInteger();
    t.seq = json.value(u"seq"_s).toInteger();
    t.createdAt = msFromIso(json.value(u"created_at"_s).toString());
    t.updatedAt = msFromIso(json.value(u"updated_at"_s).toString());
    t.sla = TicketSla::fromJson(json.value(u"sla"_s).toObject());
    const QJsonArray thread = json.value(u"messages"_s).toArray();
    for (const QJsonValue &message : thread)
        t.messages.append(Message::fromJson(message.toObject()));
    const QJsonArray history = json.value(u"events"_s).toArray();
    for (const QJsonValue &event : history)
        t.events.append(TicketEvent::fromJson(event.toObject()));
    return t;
}

} // namespace Signpost
