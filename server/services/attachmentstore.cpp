#include "server/services/attachmentstore.h"

#include "server/services/wording.h"

#include "server/storage/database.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSaveFile>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

QByteArray digest(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

} // namespace

AttachmentStore::AttachmentStore(Database &db)
    : m_db(db)
    , m_directory(QDir(db.filesDirectory()).filePath(u"attachments"_s))
{
}

QString AttachmentStore::pathOf(const QByteArray &sha256Hex) const
{
    const QString name = QString::fromLatin1(sha256Hex);
    return QDir(m_directory).filePath(name.left(2) + u'/' + name);
}

Status AttachmentStore::keep(const QByteArray &data)
{
    const QString path = pathOf(digest(data));
    if (QFileInfo(path).size() == data.size())
        return ok(); // the same bytes, kept before
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{ErrorCode::Internal,
                QCoreApplication::translate("Signpost::Api", "The attachment could not be stored."), {}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error{ErrorCode::Internal,
                QCoreApplication::translate("Signpost::Api",
                                            "The attachment could not be stored: %1").arg(file.errorString()), {}};
    return ok();
}

Status AttachmentStore::record(qint64 ticketId, qint64 messageId, const File &file, qint64 at)
{
    QSqlQuery &insert = m_db.prepared(
        u"INSERT INTO attachments (ticket_id, message_id, filename, content_type, size, sha256, inline, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    insert.addBindValue(ticketId);
    insert.addBindValue(messageId);
    insert.addBindValue(file.filename.isEmpty() ? u"attachment"_s : file.filename);
    insert.addBindValue(file.contentType.isEmpty() ? u"application/octet-stream"_s : file.contentType);
    insert.addBindValue(file.data.size());
    insert.addBindValue(QString::fromLatin1(digest(file.data)));
    insert.addBindValue(int(file.isInline));
    insert.addBindValue(at);
    if (!insert.exec())
        return storageError(insert);
    return ok();
}

Status AttachmentStore::checkIncoming(const QList<File> &files, const Department &department, const Wording &wording)
{
    const auto size = [&](qint64 bytes) {
        return wording.locale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    };
    if (files.size() > MaxAttachmentsPerMessage)
        return Error::invalid(u"attachments"_s, wording.translate("Signpost::Intake", "At most %n files can be sent with one message.",
                                                                  nullptr, MaxAttachmentsPerMessage));
    qint64 total = 0;
    for (const File &file : files) {
        if (file.data.size() > department.maxFileBytes)
            return Error::invalid(u"attachments"_s,
                                  wording.translate("Signpost::Intake", "%1 is %2; files of up to %3 can be sent.")
                                      .arg(file.filename, size(file.data.size()), size(department.maxFileBytes)));
        total += file.data.size();
    }
    if (total > department.maxMessageBytes)
        return Error::invalid(u"attachments"_s,
                              wording.translate("Signpost::Intake",
                                                "The files are %1 together; up to %2 can be sent with one message.")
                                  .arg(size(total), size(department.maxMessageBytes)));
    return ok();
}

Status AttachmentStore::keepIncoming(qint64 ticketId, qint64 messageId, const QList<File> &files, qint64 at)
{
    for (const File &file : files) {
        if (Status kept = keep(file.data); !kept)
            return kept;
        if (Status recorded = record(ticketId, messageId, file, at); !recorded)
            return recorded;
    }
    return ok();
}

Expected<AttachmentStore::Stored> AttachmentStore::findForCustomer(qint64 ticketId, qint64 id)
{
    Expected<Stored> stored = find(id);
    if (!stored)
        return stored;
    QSqlQuery &kind = m_db.prepared(u"SELECT m.kind FROM attachments a JOIN messages m ON m.id = a.message_id"
                                    " WHERE a.id = ?"_s);
    kind.addBindValue(id);
    if (!kind.exec())
        return storageError(kind);
    const bool note = !kind.next() || kind.value(0).toString() == u"note";
    kind.finish();
    if (stored->ticketId != ticketId || note)
        return Error::notFound(QCoreApplication::translate("Signpost::Api", "No such file."));
    return stored;
}

Expected<QString> AttachmentStore::upload(qint64 agentId, const QByteArray &data, qint64 at)
{
    if (data.size() > MaxUploadBytes)
        return Error{ErrorCode::PayloadTooLarge,
                     QCoreApplication::translate("Signpost::Api",
                                                 "A file may weigh at most %1 MB.")
                                             .arg(MaxUploadBytes / (1024 * 1024)), {}};
    if (Status kept = keep(data); !kept)
        return kept.error();
    const QString sha = QString::fromLatin1(digest(data));
    QSqlQuery &insert = m_db.prepared(u"INSERT INTO uploads (agent_id, sha256, size, created_at) VALUES (?, ?, ?, ?)"
                                      " ON CONFLICT (agent_id, sha256) DO UPDATE SET created_at = excluded.created_at"_s);
    insert.addBindValue(agentId);
    insert.addBindValue(sha);
    insert.addBindValue(data.size());
    insert.addBindValue(at);
    if (!insert.exec())
        return storageError(insert);
    return sha;
}

Status AttachmentStore::recordOutgoing(qint64 ticketId, qint64 messageId, qint64 agentId,
                                       const QList<OutgoingFile> &files, const Department &department, qint64 at)
{
    const auto megabytes = [](qint64 bytes) { return QLocale::c().formattedDataSize(bytes, 1); };
    qint64 total = 0;
    for (const OutgoingFile &file : files) {
        QSqlQuery &uploaded = m_db.prepared(u"SELECT size FROM uploads WHERE agent_id = ? AND sha256 = ?"_s);
        uploaded.addBindValue(agentId);
        uploaded.addBindValue(file.sha256);
        if (!uploaded.exec())
            return storageError(uploaded);
        const qint64 size = uploaded.next() ? uploaded.value(0).toLongLong() : -1;
        uploaded.finish();
        if (size < 0 || !QFileInfo::exists(pathOf(file.sha256.toLatin1())))
            return Error::invalid(u"attachments"_s,
                    QCoreApplication::translate("Signpost::Api",
                                                "%1 was not uploaded (or too long ago): upload it again.").arg(
                                                        file.filename));
        if (size > department.maxFileBytes)
            return Error::invalid(u"attachments"_s,
                    QCoreApplication::translate("Signpost::Api", "%1 weighs %2; %3 takes files of up to %4.").arg(
                                                        file.filename, megabytes(size), department.name,
                                                        megabytes(department.maxFileBytes)));
        total += size;
        if (total > department.maxMessageBytes)
            return Error::invalid(u"attachments"_s,
                    QCoreApplication::translate("Signpost::Api",
                                                "The files weigh more than the %1 %2 takes in one message.").arg(
                                                        megabytes(department.maxMessageBytes), department.name));
        QSqlQuery &insert = m_db.prepared(
            u"INSERT INTO attachments (ticket_id, message_id, filename, content_type, size, sha256, inline, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 0, ?)"_s);
        insert.addBindValue(ticketId);
        insert.addBindValue(messageId);
        insert.addBindValue(file.filename);
        insert.addBindValue(file.contentType);
        insert.addBindValue(size);
        insert.addBindValue(file.sha256);
        insert.addBindValue(at);
        if (!insert.exec())
            return storageError(insert);
    }
    return ok();
}

Expected<QByteArray> AttachmentStore::bytes(const QString &sha256Hex) const
{
    QFile file(pathOf(sha256Hex.toLatin1()));
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Internal,
                QCoreApplication::translate("Signpost::Api", "The attachment's file is missing from the store."), {}};
    return file.readAll();
}

Expected<int> AttachmentStore::pruneUploads(qint64 before, int limit)
{
    return m_db.deleteOlder(u"uploads"_s, u"created_at"_s, before, limit);
}

Expected<AttachmentStore::Stored> AttachmentStore::find(qint64 id)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT id, ticket_id, filename, content_type, size, sha256 FROM attachments WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return storageError(query);
    if (!query.next())
        return Error::notFound(QCoreApplication::translate("Signpost::Api", "No such attachment."));
    Stored stored{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                  query.value(3).toString(),   query.value(4).toLongLong(), pathOf(query.value(5).toByteArray())};
    query.finish();
    return stored;
}

} // namespace Signpost
