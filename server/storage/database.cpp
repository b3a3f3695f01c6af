#include "server/storage/database.h"

#include "server/logging.h"
#include "server/storage/checkpointer.h"
#include "server/storage/schema.h"
#include "storage/searchwords.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThreadStorage>
#include <QSqlError>
#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

// The writers' lock and the migrations' lock on PostgreSQL (advisory lock
// keys: any number no other program on the database uses).
constexpr int WritersLock = 7401;
constexpr int DutiesLock = 7402;

// Under the writers' lock: the value the last writer committed, plus one.
const QString NextSeqStatement = u"UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT)"
                                 " WHERE key = 'change_seq' RETURNING CAST(value AS BIGINT)"_s;
// No row yet: version 0.
const QString DirectoryVersionStatement = u"SELECT value FROM meta WHERE key = 'directory_version'"_s;

constexpr qint64 ReconnectIntervalMs = 1000;

// Whether a PostgreSQL connection, idle, has ended. What the server sent
// meanwhile (its last words on shutting down, then the end) is read first:
// libpq never blocks on that read, and notices the end only there or at the
// next statement.
bool pgConnectionLost(SqlConnection &sql)
{
    const QVariant handle = sql.database().driver() ? sql.database().driver()->handle() : QVariant();
    // Qt names the type as the compiler spells it.
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return false;
    PGconn *connection = *static_cast<PGconn *const *>(handle.constData());
    return !connection || PQstatus(connection) == CONNECTION_BAD || !PQconsumeInput(connection)
           || PQstatus(connection) == CONNECTION_BAD;
}

QString newEpoch()
{
    return QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffffULL, 36);
}

} // namespace

Expected<int> Database::deleteOlder(const QString &table, const QString &column, qint64 before, int limit,
                                    const QString &condition)
{
    QSqlQuery &remove = prepared(u"DELETE FROM %1 WHERE %4 IN (SELECT %4 FROM %1 WHERE %2 < ?%3 LIMIT ?)"_s.arg(
        table, column, condition.isEmpty() ? QString() : u" AND "_s + condition, dialect().rowIdentity()));
    remove.addBindValue(before);
    remove.addBindValue(limit);
    if (!remove.exec())
        return storageError(remove);
    return remove.numRowsAffected();
}

Error storageError(const QSqlQuery &query)
{
    qCWarning(lcStore) << "SQL failed:" << query.lastError().text() << "in" << query.lastQuery();
    return Error{ErrorCode::Internal, u"The store could not complete the request."_s, {}};
}

Expected<qint64> insertedId(QSqlQuery &query)
{
    if (!query.next())
        return storageError(query);
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

Database::Database()
    : m_sql(lcStore(), u"store"_s)
{
}

Expected<std::unique_ptr<Database>> Database::open(const QString &path, int checkpointPages)
{
    std::unique_ptr<Database> db(new Database);
    db->m_location = path;
    db->m_filesDirectory = QFileInfo(path).absolutePath();
    // SQLite's own checkpoints, in the writer, are the fallback: at the same
    // length of log as the checkpointer's.
    const QStringList pragmas{u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
                              u"PRAGMA foreign_keys = ON"_s, u"PRAGMA temp_store = MEMORY"_s,
                              u"PRAGMA wal_autocheckpoint = %1"_s.arg(checkpointPages)};
    if (Status opened = db->m_sql.open(path, pragmas, u"QSQLITE_BUSY_TIMEOUT=5000"_s); !opened)
        return opened.error();
    if (Status ready = db->migrate(Schema::sqlite()); !ready)
        return ready.error();
    // Checkpoints on a thread of their own, where SQLite's API can be used
    // on the driver's connection.
    if (Status direct = db->m_sql.checkDirectAccess(); direct) {
        db->m_checkpointer = std::make_unique<Checkpointer>(path, checkpointPages);
        db->m_checkpointer->watch(db->m_sql.handle());
    } else {
        qCInfo(lcServer) << "Checkpoints stay in the writer:" << direct.error().message;
    }
    return db;
}

Status Database::migrate(const QList<QStringList> &steps)
{
    if (Status migrated = m_sql.migrate(
            steps, u"The store has schema version %1, newer than this server knows (%2). Upgrade the server."_s
                       .arg(m_sql.userVersion())
                       .arg(steps.size()));
        !migrated)
        return migrated;
    return loadMeta();
}

bool Database::isPostgresUrl(const QString &location)
{
    return location.startsWith(u"postgresql://"_s) || location.startsWith(u"postgres://"_s);
}

Expected<std::unique_ptr<Database>> Database::openPostgres(const QUrl &url, const QString &dataDir)
{
    std::unique_ptr<Database> db(new Database);
    db->m_location = url.toString();
    db->m_filesDirectory = QDir(dataDir).absolutePath();
    // An instance that hangs (stopped, cut off) inside a transaction holds
    // the writers' lock: its session ends after 30 s idle, and a writer
    // waits at most 15 s for the lock rather than hanging with it.
    const QStringList setup{u"SET client_min_messages = warning"_s, u"SET idle_in_transaction_session_timeout = '30s'"_s,
                            u"SET lock_timeout = '15s'"_s};
    if (Status opened = db->m_sql.openPostgres(url, setup); !opened)
        return opened.error();
    // PostgreSQL's search words are cut by SQLite's FTS5 (SearchWords):
    // without it they would all be empty.
    if (!SearchWords().isValid())
        return Error{ErrorCode::Internal,
                     u"This SQLite library has no FTS5, which search on PostgreSQL needs."_s, {}};
    if (Status ready = db->migrate(Schema::postgres()); !ready)
        return ready.error();
    return db;
}

Database::~Database()
{
    if (m_checkpointer)
        m_checkpointer->stopWatching(m_sql.handle());
}

quint64 Database::checkpoints() const
{
    return m_checkpointer ? m_checkpointer->checkpoints() : 0;
}

quint64 Database::writerCheckpoints() const
{
    return m_checkpointer ? m_checkpointer->writerCheckpoints() : 0;
}

int Database::logPages() const
{
    return m_checkpointer ? m_checkpointer->logPages() : 0;
}

namespace {

struct Reader
{
    std::unique_ptr<SqlConnection> connection;
    QString location;
};

// Closed when its thread finishes, before QThread::wait() returns: a C++
// thread_local would be destroyed after that, racing the process's exit.
QThreadStorage<Reader *> readers;

} // namespace

Expected<SqlConnection *> Database::readerForThisThread(const QString &location)
{
    if (!readers.hasLocalData())
        readers.setLocalData(new Reader);
    std::unique_ptr<SqlConnection> &reader = readers.localData()->connection;
    if (reader && readers.localData()->location == location) {
        if (pgConnectionLost(*reader) && !reader->reopen())
            return Database::unreachable();
        return reader.get();
    }
    reader = std::make_unique<SqlConnection>(lcStore(), u"store"_s);
    readers.localData()->location = location;
    // A transaction reads one snapshot, as SQLite's do: the feed's page
    // pairs the change sequence with the rows it read.
    const Status opened =
        isPostgresUrl(location)
            ? reader->openPostgres(QUrl(location), {u"SET SESSION CHARACTERISTICS AS TRANSACTION"
                                                    " ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s})
            : reader->open(location, {u"PRAGMA query_only = 1"_s, u"PRAGMA temp_store = MEMORY"_s},
                           u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!opened) {
        reader.reset();
        return opened.error();
    }
    return reader.get();
}

Status Database::loadMeta()
{
    QSqlQuery query(m_sql.database());
    // The first instance to start names the store's epoch; the others
    // (PostgreSQL) read it.
    query.prepare(u"INSERT INTO meta (key, value) VALUES ('epoch', ?), ('change_seq', '0') ON CONFLICT DO NOTHING"_s);
    query.addBindValue(newEpoch());
    if (!query.exec())
        return storageError(query);
    if (!query.exec(u"SELECT key, value FROM meta"_s))
        return storageError(query);
    while (query.next()) {
        if (query.value(0).toString() == u"epoch")
            m_epoch = query.value(1).toString();
        else if (query.value(0).toString() == u"change_seq")
            m_seq = m_committedSeq = query.value(1).toLongLong();
    }
    return ok();
}

bool Database::beginWriting(bool takeSeq)
{
    QSqlDatabase database = m_sql.database();
    if (!isPostgres()) {
        if (!database.transaction()) {
            qCWarning(lcStore) << "BEGIN failed:" << database.lastError().text();
            return false;
        }
        if (takeSeq && !nextSeq()) {
            database.rollback();
            return false;
        }
        return true;
    }
    // Several statements in one simple query: all their results come back
    // together. Not forward-only, so the driver reads every one of them.
    // Under the lock, the directory's version too: what the transaction
    // reads of departments and rules is then what the last writer left.
    QString statements = u"BEGIN; SELECT pg_advisory_xact_lock(%1); %2"_s.arg(WritersLock).arg(DirectoryVersionStatement);
    if (takeSeq)
        statements += u"; "_s + NextSeqStatement;
    QSqlQuery begin(database);
    bool began = begin.exec(statements) && begin.nextResult() && begin.nextResult();
    const qint64 directory = began && begin.next() ? begin.value(0).toLongLong() : 0;
    if (began && takeSeq) {
        began = begin.nextResult() && begin.next();
        if (began)
            m_seq = begin.value(0).toLongLong();
    }
    if (!began) {
        storageError(begin);
        begin.finish();
        database.rollback();
        return false;
    }
    m_directoryWhileWriting = directory;
    return true;
}

Error Database::unreachable()
{
    return Error{ErrorCode::Unavailable, u"The store cannot be reached just now: try again in a moment."_s, {}};
}

bool Database::isLost(SqlConnection &sql)
{
    return sql.engine() == SqlEngine::PostgreSQL && pgConnectionLost(sql);
}

Status Database::ensureConnected()
{
    if (!connectionLost())
        return ok();
    if (m_lastReconnect.isValid() && m_lastReconnect.elapsed() < ReconnectIntervalMs)
        return unreachable();
    const bool firstTry = !m_lastReconnect.isValid();
    m_lastReconnect.start();
    if (Status reopened = m_sql.reopen(); !reopened) {
        if (firstTry)
            qCWarning(lcStore) << "The store's connection was lost:" << reopened.error().message;
        return unreachable();
    }
    m_lastReconnect.invalidate();
    // A session lock ends with its session: another instance may hold the
    // duties now.
    m_dutiesHeld = false;
    qCInfo(lcStore) << "The store's connection is back";
    return ok();
}

bool Database::holdsDuties()
{
    if (!ensureConnected())
        return false;
    if (!isPostgres())
        return true;
    // The holder speaks at least a few times per timeout: its session's
    // last statement is what the others judge it by.
    const qint64 touchEveryMs = std::min<qint64>(5000, std::chrono::milliseconds(m_dutiesTimeout).count() / 3);
    if (m_dutiesHeld) {
        if (m_dutiesTouched.isValid() && m_dutiesTouched.elapsed() < touchEveryMs)
            return true;
        QSqlQuery &touch = prepared(u"SELECT 1"_s);
        if (!touch.exec()) {
            // Ended by another instance, or lost: ensureConnected finds out.
            storageError(touch);
            return false;
        }
        touch.finish();
        m_dutiesTouched.start();
        return true;
    }
    QSqlQuery &lock = prepared(u"SELECT pg_try_advisory_lock(%1)"_s.arg(DutiesLock));
    if (!lock.exec() || !lock.next()) {
        storageError(lock);
        return false;
    }
    m_dutiesHeld = lock.value(0).toBool();
    lock.finish();
    if (m_dutiesHeld) {
        m_dutiesTouched.start();
        qCInfo(lcServer) << "This instance now does the store's duties (SLA sweeps, mail, the search index)";
        return true;
    }
    // Held elsewhere. A holder silent for longer than the timeout, its
    // session idle (not in a statement, not in a transaction, which
    // idle_in_transaction_session_timeout ends), has stopped: its session is
    // ended, and the lock is free at the next look. Found and ended in one
    // statement, so the holder has no time to wake up in between.
    QSqlQuery &holder = prepared(
        u"SELECT a.pid, CAST(EXTRACT(EPOCH FROM now() - a.state_change) AS INTEGER), pg_terminate_backend(a.pid)"
        " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
        " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = %1 AND l.objsubid = 1"
        " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        " AND a.state = 'idle' AND a.state_change < now() - make_interval(secs => ?)"_s.arg(DutiesLock));
    holder.addBindValue(qint64(m_dutiesTimeout.count()));
    if (!holder.exec()) {
        storageError(holder);
        return false;
    }
    while (holder.next()) {
        qCWarning(lcServer) << "The instance doing the store's duties has been silent for" << holder.value(1).toLongLong()
                            << "s (database session" << holder.value(0).toLongLong()
                            << "): its session was ended so that another takes over";
    }
    holder.finish();
    return false;
}

qint64 Database::headSeq()
{
    if (!isPostgres())
        return m_committedSeq;
    QSqlQuery &head = prepared(u"SELECT value FROM meta WHERE key = 'change_seq'"_s);
    if (!head.exec() || !head.next()) {
        storageError(head);
        return m_committedSeq;
    }
    const qint64 value = head.value(0).toLongLong();
    head.finish();
    return value;
}

Status Database::touchDirectory()
{
    QSqlQuery &update = prepared(
        u"INSERT INTO meta (key, value) VALUES ('directory_version', '1') ON CONFLICT (key)"
        " DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT) RETURNING CAST(value AS BIGINT)"_s);
    if (!update.exec() || !update.next())
        return storageError(update);
    // This transaction's own change is what it reads from now on.
    if (m_directoryWhileWriting)
        m_directoryWhileWriting = update.value(0).toLongLong();
    update.finish();
    return ok();
}

Expected<qint64> Database::directoryVersion()
{
    QSqlQuery &query = prepared(DirectoryVersionStatement);
    if (!query.exec())
        return storageError(query);
    const qint64 version = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return version;
}

Expected<qint64> Database::nextSeq()
{
    if (isPostgres()) {
        QSqlQuery &update = prepared(NextSeqStatement);
        if (!update.exec() || !update.next())
            return storageError(update);
        m_seq = update.value(0).toLongLong();
        update.finish();
        return m_seq;
    }
    QSqlQuery &update = prepared(u"UPDATE meta SET value = ? WHERE key = 'change_seq'"_s);
    update.addBindValue(m_seq + 1);
    if (!update.exec() || update.numRowsAffected() != 1)
        return storageError(update);
    return ++m_seq;
}

} // namespace Signpost
