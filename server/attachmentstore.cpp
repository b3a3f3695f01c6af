#include "server/attachmentstore.h"

#include "server/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
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
    , m_directory(QFileInfo(db.path()).absoluteDir().filePath(u"attachments"_s))
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
        return Error{ErrorCode::Internal, u"The attachment could not be stored."_s, {}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return Error{ErrorCode::Internal, u"The attachment could not be stored: %1"_s.arg(file.errorString()), {}};
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
    insert.addBindValue(file.isInline);
    insert.addBindValue(at);
    if (!insert.exec())
        return storageError(insert);
    return ok();
}

Expected<AttachmentStore::Stored> AttachmentStore::find(qint64 id)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT id, ticket_id, filename, content_type, size, sha256 FROM attachments WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return storageError(query);
    if (!query.next())
        return Error::notFound(u"No such attachment."_s);
    Stored stored{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                  query.value(3).toString(),   query.value(4).toLongLong(), pathOf(query.value(5).toByteArray())};
    query.finish();
    return stored;
}

} // namespace Signpost
