#pragma once

#include "core/enums.h"
#include "core/slapolicy.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Signpost {

struct Customer
{
    QString name;
    QString email;
    qint64 shopId = 0;
    QString orderNumber;
    QString language; // the one they are written to in ("de"); empty: not known
};

// A file that came with a message: what the thread lists; the bytes are
// fetched from the server on demand.
struct AttachmentRef
{
    qint64 id = 0;
    QString filename;
    QString contentType;
    qint64 size = 0;
    bool isInline = false; // an image the mail showed in its text

    QJsonObject toJson() const;
    static AttachmentRef fromJson(const QJsonObject &json);
};

// One entry of a ticket's thread: a customer message, an agent's reply (with
// the department's sender name and signature as they were when it was sent)
// or an internal note.
struct Message
{
    qint64 id = 0;
    qint64 ticketId = 0;
    MessageKind kind = MessageKind::Customer;
    qint64 authorAgentId = 0; // 0 for the customer
    QString authorName;
    QString body;
    QString senderName;
    QString signature;
    qint64 createdAt = 0;
    qint64 seq = 0;
    QList<AttachmentRef> attachments;

    QJsonObject toJson() const;
    static Message fromJson(const QJsonObject &json);
};

// One entry of a ticket's history: created, routed (with the reason),
// transferred (from, to, note), assigned, status or priority changed.
struct TicketEvent
{
    qint64 id = 0;
    qint64 ticketId = 0;
    QString kind;
    qint64 actorAgentId = 0; // 0 for the system or the customer
    QJsonObject data;
    qint64 createdAt = 0;
    qint64 seq = 0;

    QJsonObject toJson() const;
    static TicketEvent fromJson(const QJsonObject &json);
};

namespace EventKind {
inline constexpr auto Created = u"created";
inline constexpr auto Routed = u"routed";
inline constexpr auto Transferred = u"transferred";
inline constexpr auto Assigned = u"assigned";
inline constexpr auto StatusChanged = u"status_changed";
inline constexpr auto PriorityChanged = u"priority_changed";
inline constexpr auto SlaAtRisk = u"sla_at_risk";
inline constexpr auto SlaBreached = u"sla_breached";
// How a reply mailed to the customer fared: {message, state (sent, retrying,
// failed, bounced), to, answer}.
inline constexpr auto MailDelivery = u"mail_delivery";
} // namespace EventKind

struct Ticket
{
    qint64 id = 0; // also the ticket number customers see
    QString subject;
    qint64 departmentId = 0;
    Customer customer;
    Channel channel = Channel::Web;
    TicketStatus status = TicketStatus::New;
    Priority priority = Priority::Normal;
    qint64 assigneeId = 0; // 0 = unassigned
    qint64 version = 0;    // bumped by every change; commands are based on it
    qint64 seq = 0;        // the change sequence of the latest change
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    TicketSla sla;
    QList<Message> messages;
    QList<TicketEvent> events;

    // Without the thread and history unless asked for.
    QJsonObject toJson(bool withThread = false) const;
    static Ticket fromJson(const QJsonObject &json);
};

} // namespace Signpost
