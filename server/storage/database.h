#pragma once

#include "core/expected.h"

#include "storage/sqlconnection.h"

#include <QString>

#include <memory>

namespace Signpost {

class Checkpointer;

// The server's store: one SQLite file in WAL mode, schema migrations applied
// at open, prepared statements kept for reuse, and the server-wide change
// sequence every ticket change takes a value of.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The write-ahead log is copied back into the file once it holds
    // `checkpointPages` pages, on a thread of its own (see Checkpointer). The
    // default, 32 MB of log, copies the index pages every ticket touches once
    // per checkpoint rather than every few hundred tickets.
    static constexpr int CheckpointPages = 8192;
    static Expected<std::unique_ptr<Database>> open(const QString &path, int checkpointPages = CheckpointPages);

    QSqlQuery &prepared(const QString &sql) { return m_sql.prepared(sql); }
    Status exec(QSqlQuery &query) { return m_sql.exec(query); }
    // Deletes up to `limit` rows of `table` whose `column` is before
    // `before` (and that meet `condition`, if given): a bounded share of old
    // rows at a time, so no sweep holds the writer for long. Returns how many.
    Expected<int> deleteOlder(const QString &table, const QString &column, qint64 before, int limit,
                              const QString &condition = {});
    SqlConnection &sql() { return m_sql; }

    // The change sequence: nextSeq() inside the transaction of the change;
    // headSeq() is the last value of a committed change. Transaction calls
    // publishSeq() on commit and discardSeq() on rollback.
    // Fails (and the change with it) when the value cannot be stored: a
    // value handed out but not kept could be handed out again after a restart.
    Expected<qint64> nextSeq();
    qint64 headSeq() const { return m_committedSeq; }
    void publishSeq() { m_committedSeq = m_seq; }
    void discardSeq() { m_seq = m_committedSeq; }
    QString epoch() const { return m_epoch; }
    // The directory (departments, their canned replies) changed: clients
    // see a new directory_version in the sync feed and read it again. Called
    // inside the change's transaction.
    Status touchDirectory();
    Expected<qint64> directoryVersion();
    QString path() const { return m_path; }
    // Checkpoints of the write-ahead log run so far beside the writer, and
    // in it; the log's pages after the last commit (see Checkpointer).
    quint64 checkpoints() const;
    quint64 writerCheckpoints() const;
    int logPages() const;

    // This thread's own read-only connection to the store at `path`, opened
    // on first use and kept for the thread's life (a Qt SQL connection
    // belongs to the thread that opened it). For readers on worker threads.
    static Expected<SqlConnection *> readerForThisThread(const QString &path);

private:
    Database();
    Status loadMeta();

    SqlConnection m_sql;
    std::unique_ptr<Checkpointer> m_checkpointer; // none: SQLite checkpoints in the writer
    qint64 m_seq = 0;
    qint64 m_committedSeq = 0;
    QString m_epoch;
    QString m_path;
};

Error storageError(const QSqlQuery &query);

// Text for a NOT NULL column: a null QString would bind as SQL NULL.
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace Signpost
