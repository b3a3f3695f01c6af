#pragma once

#include "core/expected.h"

#include "storage/sqlconnection.h"

#include <QElapsedTimer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

namespace Signpost {

class Checkpointer;

// The server's store: one SQLite file in WAL mode (embedded), or a
// PostgreSQL database that several instances share; schema migrations
// applied at open, prepared statements kept for reuse, and the store-wide
// change sequence every ticket change takes a value of.
//
// On PostgreSQL every writing transaction (see Transaction) first takes one
// cluster-wide lock, so writes are serialised as they are in SQLite, across
// all instances: the change sequence stays gap-free in commit order (see
// docs/architecture.md), and a command's checks read what the last writer
// committed.
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
    // A PostgreSQL store at `url` (postgresql://…); files (attachments) go
    // under `dataDir`, which instances must share.
    static Expected<std::unique_ptr<Database>> openPostgres(const QUrl &url, const QString &dataDir);
    static bool isPostgresUrl(const QString &location);

    // On PostgreSQL, opens the connection again if it was lost (the
    // database restarted, the network cut it): tried at most once a second,
    // so while the database is away each request gets a quick 503
    // ("unavailable": try again) rather than a wait. Called before each
    // request and each periodic duty, where no prepared statement is held.
    Status ensureConnected();
    // Whether the connection ended (PostgreSQL): a statement that failed
    // just now failed for that, and may be tried again once it is back.
    bool connectionLost() { return isLost(m_sql); }
    static bool isLost(SqlConnection &sql);
    static Error unreachable();

    QSqlQuery &prepared(const QString &sql) { return m_sql.prepared(sql); }
    SqlDialect dialect() const { return m_sql.dialect(); }
    bool isPostgres() const { return m_sql.engine() == SqlEngine::PostgreSQL; }
    Status exec(QSqlQuery &query) { return m_sql.exec(query); }
    // Deletes up to `limit` rows of `table` whose `column` is before
    // `before` (and that meet `condition`, if given): a bounded share of old
    // rows at a time, so no sweep holds the writer for long. Returns how many.
    Expected<int> deleteOlder(const QString &table, const QString &column, qint64 before, int limit,
                              const QString &condition = {});
    SqlConnection &sql() { return m_sql; }

    // The change sequence: nextSeq() inside the transaction of the change;
    // headSeq() is the last value of a committed change (on PostgreSQL, by
    // any instance). Transaction calls endWriting() on commit and rollback:
    // a rolled-back change's values are given back.
    // Fails (and the change with it) when the value cannot be stored: a
    // value handed out but not kept could be handed out again after a restart.
    Expected<qint64> nextSeq();
    qint64 headSeq();
    // The value nextSeq() (or beginWriting()) took last.
    qint64 takenSeq() const { return m_seq; }
    void endWriting(bool committed)
    {
        if (committed)
            m_committedSeq = m_seq;
        else
            m_seq = m_committedSeq;
        m_directoryWhileWriting.reset();
    }
    QString epoch() const { return m_epoch; }
    // The directory (departments, their canned replies) changed: clients
    // see a new directory_version in the sync feed and read it again. Called
    // inside the change's transaction.
    Status touchDirectory();
    Expected<qint64> directoryVersion();
    // Inside a writing transaction on PostgreSQL: the directory's version,
    // read under the writers' lock as the transaction began (so no other
    // instance has changed it since), without a round trip of its own.
    std::optional<qint64> directoryVersionWhileWriting() const { return m_directoryWhileWriting; }
    // Where the store is: the SQLite file's path or the PostgreSQL URL;
    // and the directory its files (attachments) are kept in.
    QString location() const { return m_location; }
    QString filesDirectory() const { return m_filesDirectory; }
    // BEGIN of a writing transaction with the writers' lock (PostgreSQL;
    // SQLite has one writer already) and, with takeSeq, the change
    // sequence's next value: on PostgreSQL in one round trip, since every
    // write waits for the lock and every round trip under it is one more
    // wait for all the others. Rolls back and returns false if any of it
    // failed. Called by Transaction.
    bool beginWriting(bool takeSeq);
    // Whether this instance does the store's periodic duties (the SLA
    // sweep, mail in and out, the search index's catching up), which must
    // run once however many instances share the store. On PostgreSQL the
    // first instance to ask holds them, by a session lock, until its
    // connection ends (it stops or dies); the others keep asking, so one of
    // them takes over within a tick. A holder that stops without its
    // connection ending (a process frozen, a machine paused) is found by
    // its silence: the holder runs a statement at least every few seconds,
    // and the others end the session of one silent for longer than the
    // duties timeout, which frees the lock for them.
    bool holdsDuties();
    void setDutiesTimeout(std::chrono::seconds timeout) { m_dutiesTimeout = timeout; }
    // Checkpoints of the write-ahead log run so far beside the writer, and
    // in it; the log's pages after the last commit (see Checkpointer).
    quint64 checkpoints() const;
    quint64 writerCheckpoints() const;
    int logPages() const;

    // This thread's own read-only connection to the store at `location`,
    // opened on first use and kept for the thread's life (a Qt SQL
    // connection belongs to the thread that opened it). For readers on
    // worker threads; a transaction on it reads one snapshot.
    static Expected<SqlConnection *> readerForThisThread(const QString &location);

private:
    Database();
    // Brings the schema up to date and reads the store's epoch and sequence.
    Status migrate(const QList<QStringList> &steps);
    Status loadMeta();

    SqlConnection m_sql;
    std::unique_ptr<Checkpointer> m_checkpointer; // none: SQLite checkpoints in the writer
    bool m_dutiesHeld = false;
    std::chrono::seconds m_dutiesTimeout{30};
    QElapsedTimer m_dutiesTouched; // the holder's last word on its connection
    QElapsedTimer m_lastReconnect;
    qint64 m_seq = 0;
    qint64 m_committedSeq = 0;
    std::optional<qint64> m_directoryWhileWriting;
    QString m_epoch;
    QString m_location;
    QString m_filesDirectory;
};

Error storageError(const QSqlQuery &query);
// The id an INSERT … RETURNING id gave, once executed.
Expected<qint64> insertedId(QSqlQuery &query);

// Text for a NOT NULL column: a null QString would bind as SQL NULL.
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace Signpost
