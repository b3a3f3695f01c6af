#pragma once

#include "server/services/attachmentstore.h"

#include "core/enums.h"
#include "core/error.h"
#include "core/routing.h"

#include <QJsonObject>
#include <QList>

namespace Signpost {

// A first contact as it arrives from a contact form, a shop's own form (JSON)
// or a receiving address.
struct IntakeRequest
{
    qint64 shopId = 0;
    qint64 departmentId = 0; // chosen in the form's selector; 0 = none
    QString name;
    QString email;
    QString orderNumber;
    QString subject;
    QString message;
    Channel channel = Channel::Web;
    QString toAddress;
    QString language = QStringLiteral("en"); // the customer's (a code of core/language.h)
    bool automatic = false; // sent by a machine: never acknowledged
    QList<AttachmentStore::File> files; // the customer's, from a form or a shop

    // Every problem at once, so a form can show them all beside their
    // fields; in the customer's language.
    QList<Error> validate() const;
    Inquiry inquiry() const;
    // The customer's language is "language" if given, else the one of
    // `offered` their browser prefers (`acceptLanguage`).
    static IntakeRequest fromJson(const QJsonObject &json, const QStringList &offered, const QByteArray &acceptLanguage,
                                  QList<Error> &errors);
};

// A customer's files in JSON: [{"filename", "content_type", "data" (base64)}].
QList<AttachmentStore::File> filesFromJson(const QJsonValue &json, QList<Error> &errors);

struct IntakeResult
{
    qint64 ticketId = 0;
    QString secret; // the customer's link to their ticket
    RoutingDecision routing;
    qint64 messageId = 0; // the customer's first message
};

namespace IntakeLimits {
inline constexpr qsizetype Name = 200;
inline constexpr qsizetype Email = 254;
inline constexpr qsizetype OrderNumber = 64;
inline constexpr qsizetype Subject = 200;
inline constexpr qsizetype Message = 20'000;
} // namespace IntakeLimits

} // namespace Signpost
