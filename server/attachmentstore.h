#pragma once

#include "core/expected.h"

#include <QByteArray>
#include <QString>

namespace Signpost {

class Database;

// Files that came with a customer's message. Their bytes are stored once
// each, named by their SHA-256, in the data directory's attachments/
// folder (never served by a web server as they are); the store keeps which
// message of which ticket has which file under which name.
class AttachmentStore
{
public:
    explicit AttachmentStore(Database &db);

    // What one file may weigh, and all of a message's together.
    static constexpr qint64 MaxFileBytes = 25LL * 1024 * 1024;
    static constexpr qint64 MaxMessageBytes = 50LL * 1024 * 1024;

    struct File
    {
        QString filename;
        QString contentType;
        bool isInline = false;
        QByteArray data;
    };
    // Writes the bytes (if not there already), outside any transaction:
    // a file without a row is harmless, a row without a file is not.
    Status keep(const QByteArray &data);
    // In the message's transaction.
    Status record(qint64 ticketId, qint64 messageId, const File &file, qint64 at);

    struct Stored
    {
        qint64 id = 0;
        qint64 ticketId = 0;
        QString filename;
        QString contentType;
        qint64 size = 0;
        QString path; // where the bytes are
    };
    Expected<Stored> find(qint64 id);

private:
    QString pathOf(const QByteArray &sha256Hex) const;

    Database &m_db;
    QString m_directory;
};

} // namespace Signpost
