#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Signpost {

// A saved reply a department's leads keep for their agents. Its text may
// name fields, in braces, filled in from the ticket when it is inserted:
// {customer.first_name}, {customer.name}, {order.number}, {ticket.number},
// {agent.name}, {department.name}.
struct CannedReply
{
    qint64 id = 0;
    qint64 departmentId = 0;
    QString title;
    QString body;
    qint64 updatedAt = 0;

    QJsonObject toJson() const;
    static CannedReply fromJson(const QJsonObject &json);

    // What the fields stand for when a reply is inserted.
    struct Fields
    {
        QString customerName;
        QString orderNumber;
        qint64 ticketId = 0;
        QString agentName;
        QString departmentName;
    };
    // The text with every known field filled in; an empty value leaves
    // nothing behind ("Hi {customer.first_name}," with no name: "Hi ,").
    QString expand(const Fields &fields) const;

    static const QStringList &fieldNames();
    // Names in braces in `text` that are not fields: a lead's typo is
    // caught when the reply is saved, not when a customer reads it.
    static QStringList unknownFields(const QString &text);

    static constexpr qsizetype MaxTitleLength = 100;
    static constexpr qsizetype MaxBodyLength = 20'000;
};

} // namespace Signpost
