#include "server/services/intake.h"

#include "core/language.h"
#include "server/services/wording.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Signpost {


QList<Error> IntakeRequest::validate() const
{
    static const QRegularExpression emailPattern(u"^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$"_s);
    const Wording &wording = Wording::of(language);
    QList<Error> errors;
    // One whole sentence each, for the translations' sake.
    auto check = [&](const QString &field, const QString &value, qsizetype max, const char *missing, const char *tooLong) {
        if (missing && value.trimmed().isEmpty())
            errors.append(Error::invalid(field, wording.translate("Signpost::Intake", missing)));
        else if (value.size() > max)
            errors.append(Error::invalid(field, wording.translate("Signpost::Intake", tooLong).arg(wording.locale().toString(max))));
    };
    check(u"name"_s, name, IntakeLimits::Name, QT_TRANSLATE_NOOP("Signpost::Intake", "Please enter your name."),
          QT_TRANSLATE_NOOP("Signpost::Intake", "Your name can be at most %1 characters long."));
    check(u"email"_s, email, IntakeLimits::Email, QT_TRANSLATE_NOOP("Signpost::Intake", "Please enter your email address."),
          QT_TRANSLATE_NOOP("Signpost::Intake", "Your email address can be at most %1 characters long."));
    if (!email.trimmed().isEmpty() && email.size() <= IntakeLimits::Email && !emailPattern.match(email.trimmed()).hasMatch())
        errors.append(Error::invalid(u"email"_s, wording.translate("Signpost::Intake",
                                                                   "Please enter a valid email address, like name@example.com.")));
    check(u"order_number"_s, orderNumber, IntakeLimits::OrderNumber, nullptr,
          QT_TRANSLATE_NOOP("Signpost::Intake", "The order number can be at most %1 characters long."));
    check(u"subject"_s, subject, IntakeLimits::Subject, QT_TRANSLATE_NOOP("Signpost::Intake", "Please enter a subject."),
          QT_TRANSLATE_NOOP("Signpost::Intake", "The subject can be at most %1 characters long."));
    check(u"message"_s, message, IntakeLimits::Message, QT_TRANSLATE_NOOP("Signpost::Intake", "Please enter your message."),
          QT_TRANSLATE_NOOP("Signpost::Intake", "Your message can be at most %1 characters long."));
    return errors;
}

Inquiry IntakeRequest::inquiry() const
{
    return Inquiry{departmentId, toAddress, subject, message, shopId, channel};
}

IntakeRequest IntakeRequest::fromJson(const QJsonObject &json, const QStringList &offered,
                                      const QByteArray &acceptLanguage, QList<Error> &errors)
{
    IntakeRequest request;
    request.language = negotiateLanguage(acceptLanguage, offered);
    if (json.contains(u"language"_s)) {
        const QString code = json.value(u"language"_s).toString();
        if (!offered.contains(code))
            errors.append(Error::invalid(u"language"_s, u"language is one of %1."_s.arg(offered.join(u", "_s))));
        else
            request.language = code;
    }
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
