#include "server/services/intake.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Signpost {


QList<Error> IntakeRequest::validate() const
{
    static const QRegularExpression emailPattern(u"^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$"_s);
    QList<Error> errors;
    auto check = [&](const QString &field, const QString &value, qsizetype max, bool required, const QString &what) {
        if (required && value.trimmed().isEmpty())
            errors.append(Error::invalid(field, u"Please enter %1."_s.arg(what)));
        else if (value.size() > max)
            errors.append(Error::invalid(field, u"%1 can be at most %2 characters long."_s.arg(what).arg(max)));
    };
    check(u"name"_s, name, IntakeLimits::Name, true, u"your name"_s);
    check(u"email"_s, email, IntakeLimits::Email, true, u"your email address"_s);
    if (!email.trimmed().isEmpty() && email.size() <= IntakeLimits::Email && !emailPattern.match(email.trimmed()).hasMatch())
        errors.append(Error::invalid(u"email"_s, u"Please enter a valid email address, like name@example.com."_s));
    check(u"order_number"_s, orderNumber, IntakeLimits::OrderNumber, false, u"The order number"_s);
    check(u"subject"_s, subject, IntakeLimits::Subject, true, u"a subject"_s);
    check(u"message"_s, message, IntakeLimits::Message, true, u"your message"_s);
    return errors;
}

Inquiry IntakeRequest::inquiry() const
{
    return Inquiry{departmentId, toAddress, subject, message, shopId, channel};
}

IntakeRequest IntakeRequest::fromJson(const QJsonObject &json, QList<Error> &errors)
{
    IntakeRequest request;
    auto text = [&](const QString &key, QString &out) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || value.isNull())
            return;
        if (!value.isString())
            errors.append(Error::invalid(key, u"%1 must be text."_s.arg(key)));
        else
            out = value.toString();
    };
    auto id = [&](const QString &key, qint64 &out) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || value.isNull())
            return;
        if (!value.isDouble() || value.toInteger() <= 0)
            errors.append(Error::invalid(key, u"%1 must be an id."_s.arg(key)));
        else
            out = value.toInteger();
    };
    id(u"shop"_s, request.shopId);
    id(u"department"_s, request.departmentId);
    text(u"name"_s, request.name);
    text(u"email"_s, request.email);
    text(u"order_number"_s, request.orderNumber);
    text(u"subject"_s, request.subject);
    text(u"message"_s, request.message);
    text(u"to_address"_s, request.toAddress);
    request.files = filesFromJson(json.value(u"attachments"_s), errors);
    request.channel = request.toAddress.isEmpty() ? Channel::Api : Channel::Email;
    if (json.contains(u"channel"_s)) {
        const auto channel = channelFromString(json.value(u"channel"_s).toString());
        if (!channel)
            errors.append(Error::invalid(u"channel"_s, u"channel must be one of web, email, api."_s));
        else
            request.channel = *channel;
    }
    return request;
}

QList<AttachmentStore::File> filesFromJson(const QJsonValue &json, QList<Error> &errors)
{
    QList<AttachmentStore::File> files;
    if (json.isUndefined() || json.isNull())
        return files;
    const QString shape = u"attachments is a list of at most %1 files: {filename, content_type, data (base64)}."_s.arg(
        MaxAttachmentsPerMessage);
    if (!json.isArray() || json.toArray().size() > MaxAttachmentsPerMessage) {
        errors.append(Error::invalid(u"attachments"_s, shape));
        return files;
    }
    for (const QJsonValue &entry : json.toArray()) {
        const QJsonObject file = entry.toObject();
        const QString name = file.value(u"filename"_s).toString().trimmed();
        const auto data = QByteArray::fromBase64Encoding(file.value(u"data"_s).toString().toLatin1(),
                                                         QByteArray::AbortOnBase64DecodingErrors);
        if (name.isEmpty() || name.size() > MaxFilenameLength || name.contains(u'/') || name.contains(u'\\')
            || !data || !file.value(u"data"_s).isString()) {
            errors.append(Error::invalid(u"attachments"_s, shape));
            return {};
        }
        const QString type = file.value(u"content_type"_s).toString(u"application/octet-stream"_s).trimmed();
        files.append({name, type.contains(u'/') ? type : u"application/octet-stream"_s, false, *data});
    }
    return files;
}

} // namespace Signpost
