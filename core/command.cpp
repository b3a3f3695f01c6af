#include "core/command.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

struct TypeName
{
    Command::Type type;
    const char16_t *name;
};
constexpr TypeName typeNames[] = {
    {Command::Type::Reply, u"reply"},         {Command::Type::Note, u"note"},
    {Command::Type::Transfer, u"transfer"},   {Command::Type::Assign, u"assign"},
    {Command::Type::SetStatus, u"status"},    {Command::Type::SetPriority, u"priority"},
};

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

Status readText(const QJsonObject &json, const QString &key, QString &out, bool required)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            return Error::invalid(key, QCoreApplication::translate("Signpost::Command", "%1 is required.").arg(key));
        return ok();
    }
    if (!value.isString())
        return Error::invalid(key, QCoreApplication::translate("Signpost::Command", "%1 must be text.").arg(key));
    out = value.toString();
    if (required && out.trimmed().isEmpty())
        return Error::invalid(key, QCoreApplication::translate("Signpost::Command", "%1 must not be empty.").arg(key));
    if (out.size() > MaxBodyLength)
        return Error::invalid(key,
                QCoreApplication::translate("Signpost::Command",
                                            "%1 is longer than %2 characters.").arg(key).arg(MaxBodyLength));
    return ok();
}

} // namespace

QJsonObject OutgoingFile::toJson() const
{
    return QJsonObject{{u"upload"_s, sha256}, {u"filename"_s, filename}, {u"content_type"_s, contentType},
                       {u"size"_s, size}};
}

OutgoingFile OutgoingFile::fromJson(const QJsonObject &json)
{
    return OutgoingFile{json.value(u"upload"_s).toString(), json.value(u"filename"_s).toString(),
                        json.value(u"content_type"_s).toString(), json.value(u"size"_s).toInteger()};
}

QJsonArray OutgoingFile::toJson(const QList<OutgoingFile> &files)
{
    QJsonArray list;
    for (const OutgoingFile &file : files)
        list.append(file.toJson());
    return list;
}

QList<OutgoingFile> OutgoingFile::listFromJson(const QJsonArray &json)
{
    QList<OutgoingFile> files;
    for (const QJsonValue &entry : json)
        files.append(fromJson(entry.toObject()));
    return files;
}

namespace {

Status readAttachments(const QJsonObject &json, QList<OutgoingFile> &out)
{
    const QJsonValue value = json.value(u"attachments"_s);
    if (value.isUndefined() || value.isNull())
        return ok();
    const QString shape = QCoreApplication::translate("Signpost::Command",
                                                      "attachments is a list of {upload, filename, content_type, size}:"
                                                      " at most %1 files, each uploaded first.")
                              .arg(MaxAttachmentsPerMessage);
    if (!value.isArray() || value.toArray().size() > MaxAttachmentsPerMessage)
        return Error::invalid(u"attachments"_s, shape);
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    for (const QJsonValue &entry : value.toArray()) {
        const QJsonObject file = entry.toObject();
        OutgoingFile f;
        f.sha256 = file.value(u"upload"_s).toString();
        f.filename = file.value(u"filename"_s).toString().trimmed();
        f.contentType = file.value(u"content_type"_s).toString(u"application/octet-stream"_s).trimmed();
        f.size = file.value(u"size"_s).toInteger(-1);
        if (!hex.match(f.sha256).hasMatch() || f.size < 0)
            return Error::invalid(u"attachments"_s, shape);
        if (f.filename.isEmpty() || f.filename.size() > MaxFilenameLength || f.filename.contains(u'/')
            || f.filename.contains(u'\\'))
            return Error::invalid(u"attachments"_s,
                    QCoreApplication::translate("Signpost::Command",
                                                "A file's name is 1 to %1 characters, without / or \\.").arg(
                                                        MaxFilenameLength));
        if (f.contentType.isEmpty() || f.contentType.size() > 200 || !f.contentType.contains(u'/'))
            return Error::invalid(u"attachments"_s,
                    QCoreApplication::translate("Signpost::Command",
                                                "A file's content_type is a media type such as image/png."));
        out.append(f);
    }
    return ok();
}

} // namespace

QString toString(Command::Type type)
{
    for (const TypeName &entry : typeNames) {
        if (entry.type == type)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

QJsonObject Command::toJson() const
{
    QJsonObject json{
        {u"id"_s, id},
        {u"ticket"_s, ticketId},
        {u"base_version"_s, baseVersion},
        {u"type"_s, toString(type)},
    };
    switch (type) {
    case Type::Reply:
        json.insert(u"body"_s, body);
        if (status)
            json.insert(u"status"_s, toString(*status));
        if (seenSeq > 0)
            json.insert(u"seen_seq"_s, seenSeq);
        if (!attachments.isEmpty())
            json.insert(u"attachments"_s, OutgoingFile::toJson(attachments));
        break;
    case Type::Note:
        json.insert(u"body"_s, body);
        if (seenSeq > 0)
            json.insert(u"seen_seq"_s, seenSeq);
        if (!attachments.isEmpty())
            json.insert(u"attachments"_s, OutgoingFile::toJson(attachments));
        break;
    case Type::Transfer:
        json.insert(u"department"_s, departmentId);
        json.insert(u"assignee"_s, idOrNull(assigneeId));
        json.insert(u"note"_s, note);
        break;
    case Type::Assign:
        json.insert(u"assignee"_s, idOrNull(assigneeId));
        break;
    case Type::SetStatus:
        json.insert(u"status"_s, status ? toString(*status) : QString());
        break;
    case Type::SetPriority:
        json.insert(u"priority"_s, priority ? toString(*priority) : QString());
        break;
    }
    return json;
}

Expected<Command> Command::fromJson(const QJsonObject &json)
{
    Command command;
    const QJsonValue id = json.value(u"id"_s);
    command.id = id.toString();
    if (!id.isString() || command.id.isEmpty() || command.id.size() > MaxCommandIdLength)
        return Error::invalid(u"id"_s,
                QCoreApplication::translate("Signpost::Command",
                                            "Every command needs an id: text of 1 to 100 characters."));

    if (!json.value(u"ticket"_s).isDouble() || json.value(u"ticket"_s).toInteger() <= 0)
        return Error::invalid(u"ticket"_s,
                QCoreApplication::translate("Signpost::Command", "ticket must be a ticket number."));
    command.ticketId = json.value(u"ticket"_s).toInteger();

    if (!json.value(u"base_version"_s).isDouble() || json.value(u"base_version"_s).toInteger() <= 0)
        return Error::invalid(u"base_version"_s,
                QCoreApplication::translate("Signpost::Command",
                                            "base_version must be the ticket version the action is based on."));
    command.baseVersion = json.value(u"base_version"_s).toInteger();

    const QString typeName = json.value(u"type"_s).toString();
    bool known = false;
    for (const TypeName &entry : typeNames) {
        if (typeName == QStringView(entry.name)) {
            command.type = entry.type;
            known = true;
        }
    }
    if (!known)
        return Error::invalid(u"type"_s,
                QCoreApplication::translate("Signpost::Command",
                                            "type must be one of reply, note, transfer, assign, status, priority."));

    auto readAssignee = [&]() -> Status {
        const QJsonValue value = json.value(u"assignee"_s);
        if (value.isUndefined() || value.isNull()) {
            command.assigneeId = 0;
            return ok();
        }
        if (!value.isDouble() || value.toInteger() <= 0)
            return Error::invalid(u"assignee"_s,
                    QCoreApplication::translate("Signpost::Command", "assignee must be an agent id or null."));
        command.assigneeId = value.toInteger();
        return ok();
    };

    switch (command.type) {
    case Type::Reply:
    case Type::Note: {
        if (Status read = readText(json, u"body"_s, command.body, true); !read)
            return read.error();
        if (command.type == Type::Reply && json.contains(u"status"_s) && !json.value(u"status"_s).isNull()) {
            command.status = ticketStatusFromString(json.value(u"status"_s).toString());
            if (!command.status)
                return Error::invalid(u"status"_s,
                        QCoreApplication::translate("Signpost::Command",
                                                    "status must be one of open, pending, solved, closed."));
        }
        const QJsonValue seen = json.value(u"seen_seq"_s);
        if (!seen.isUndefined() && !seen.isNull()) {
            if (!seen.isDouble() || seen.toInteger(-1) < 0)
                return Error::invalid(u"seen_seq"_s,
                        QCoreApplication::translate("Signpost::Command",
                                                    "seen_seq must be the ticket's seq when writing began."));
            command.seenSeq = seen.toInteger();
        }
        if (Status read = readAttachments(json, command.attachments); !read)
            return read.error();
        break;
    }
    case Type::Transfer: {
        if (!json.value(u"department"_s).isDouble() || json.value(u"department"_s).toInteger() <= 0)
            return Error::invalid(u"department"_s,
                    QCoreApplication::translate("Signpost::Command", "A transfer needs the target department."));
        command.departmentId = json.value(u"department"_s).toInteger();
        if (Status read = readAssignee(); !read)
            return read.error();
        if (Status read = readText(json, u"note"_s, command.note, false); !read)
            return read.error();
        break;
    }
    case Type::Assign:
        if (!json.contains(u"assignee"_s))
            return Error::invalid(u"assignee"_s,
                    QCoreApplication::translate("Signpost::Command",
                                                "assign needs an assignee (an agent id, or null to unassign)."));
        if (Status read = readAssignee(); !read)
            return read.error();
        break;
    case Type::SetStatus:
        command.status = ticketStatusFromString(json.value(u"status"_s).toString());
        if (!command.status)
            return Error::invalid(u"status"_s,
                    QCoreApplication::translate("Signpost::Command",
                                                "status must be one of open, pending, solved, closed."));
        break;
    case Type::SetPriority:
        command.priority = priorityFromString(json.value(u"priority"_s).toString());
        if (!command.priority)
            return Error::invalid(u"priority"_s,
                    QCoreApplication::translate("Signpost::Command",
                                                "priority must be one of low, normal, high, urgent."));
        break;
    }
    return command;
}

bool isFinalOutcome(const QString &outcome, const QString &reason)
{
    if (outcome == u"applied" || outcome == u"duplicate")
        return true;
    if (outcome != u"rejected")
        return false;
    for (ErrorCode code : {ErrorCode::Conflict, ErrorCode::InvalidInput, ErrorCode::NotFound, ErrorCode::Forbidden,
                           ErrorCode::MalformedRequest}) {
        if (reason == errorCodeName(code))
            return true;
    }
    return false;
}

} // namespace Signpost
