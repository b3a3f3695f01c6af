#pragma once

#include "core/command.h"
#include "core/department.h"
#include "core/expected.h"

#include <QByteArray>
#include <QString>

namespace Signpost {

class Wording;

class Database;

// Files of messages: a customer's, or those an agent sends. Their bytes are
// stored once each, named by their SHA-256, in the data directory's
// attachments/ folder (never served by a web server as they are); the store
// keeps which message of which ticket has which file under which name.
// An agent's file is uploaded first and then named in the reply or note by
// its SHA-256; only its uploader may name it.
class AttachmentStore
{
public:
    explicit AttachmentStore(Database &db);

    // The most an upload may weigh, whatever a department allows.
    static constexpr qint64 MaxUploadBytes = Department::MaxFileBytesCap;
    // How long an upload waits to be named in a reply or note.
    static constexpr qint64 UploadKeptMs = 7LL * 24 * 3600 * 1000;

    struct File
    {
        QString filename;
        QString contentType;
        bool isInline = false;
        QByteArray data;
    };
    // What customers may send at most in one request, whatever a
    // department allows (a web form's or a shop's files, as sent).
    static constexpr qint64 MaxPublicUploadBytes = 25LL * 1024 * 1024;

    // A customer's files against the department's limits; what is wrong in
    // the customer's words.
    static Status checkIncoming(const QList<File> &files, const Department &department, const Wording &wording);
    // Keeps and records a customer's files for their message, in its
    // transaction.
    Status keepIncoming(qint64 ticketId, qint64 messageId, const QList<File> &files, qint64 at);

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
    // A file of the ticket that its customer may fetch (not of a note).
    Expected<Stored> findForCustomer(qint64 ticketId, qint64 id);

    // An agent's upload: the bytes kept, the agent allowed to name them.
    // Returns the SHA-256 in hex.
    Expected<QString> upload(qint64 agentId, const QByteArray &data, qint64 at);
    // The agent's files for a message, in its transaction: each one uploaded
    // by the agent, of the size it says, within the department's limits.
    Status recordOutgoing(qint64 ticketId, qint64 messageId, qint64 agentId, const QList<OutgoingFile> &files,
                          const Department &department, qint64 at);
    // The bytes of a kept file.
    Expected<QByteArray> bytes(const QString &sha256Hex) const;
    // Forgets uploads older than `before` that were never named (their
    // bytes stay: another message may have the same).
    Expected<int> pruneUploads(qint64 before, int limit);

private:
    QString pathOf(const QByteArray &sha256Hex) const;

    Database &m_db;
    QString m_directory;
};

} // namespace Signpost
