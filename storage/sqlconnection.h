#pragma once

#include "core/expected.h"
#include "storage/sqldialect.h"
#include "storage/sqlitestatement.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <list>

#include <memory>
#include <unordered_map>

namespace Signpost {

// One database connection as both the server's store and the client's
// cache use it: opened with its settings, migrated by numbered steps (each
// in its own transaction; the version in SQLite's user_version or in
// PostgreSQL's schema_version table), prepared statements kept for reuse,
// and failures logged and turned into an Error.
class SqlConnection
{
public:
    // `what` names the store in messages ("store", "local cache").
    SqlConnection(const QLoggingCategory &category, const QString &what);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    Status open(const QString &path, const QStringList &pragmas, const QString &connectOptions = {});
    // A PostgreSQL database, by its URL (postgresql://user:password@host:port/name?host=/socket/dir);
    // `setup` runs once connected.
    Status openPostgres(const QUrl &url, const QStringList &setup = {});
    // Opens the connection again, with the same settings, after it was lost
    // (a PostgreSQL server restarted). Every prepared statement is dropped:
    // call it where none is held.
    Status reopen();
    // SQLite for the client's cache and the server's embedded store,
    // PostgreSQL for a server beyond one machine.
    SqlEngine engine() const { return m_engine; }
    SqlDialect dialect() const { return SqlDialect(m_engine); }
    // Applies the steps after the current version. A store newer than the
    // steps is refused with `newerMessage`. On PostgreSQL, instances that
    // start together take turns: each step runs under a lock, once.
    Status migrate(const QList<QStringList> &steps, const QString &newerMessage);
    int userVersion();

    // A prepared statement for `sql`, prepared once and kept among the
    // most recently used (MaxStatements of them; SQL built from a request's
    // filters must not grow the cache without bound). Bind and exec it; do
    // not hold it across another use of the same text, nor across more than
    // MaxStatements other statements.
    QSqlQuery &prepared(const QString &sql);
    static constexpr std::size_t MaxStatements = 200;
    std::size_t statementCount() const { return m_statements.size(); }
    Status exec(QSqlQuery &query);
    // The statement for `sql` on SQLite's own API (see SqliteStatement),
    // prepared once. `sql` is a literal: statements are kept by its address.
    SqliteStatement &direct(const char *sql);
    // Whether Qt's SQLite driver runs the SQLite this program links, as
    // direct() needs: a Qt build with its own bundled copy would have two
    // libraries work one connection.
    Status checkDirectAccess();
    // SQLite's own handle of the connection (null when not open); valid
    // for SQLite's API only after checkDirectAccess().
    sqlite3 *handle() const;
    Error error(const QSqlQuery &query) const;

    QSqlDatabase &database() { return m_db; }
    const QLoggingCategory &category() const { return m_category; }

private:
    Status runSetup();

    const QLoggingCategory &m_category;
    QString m_what;
    QString m_connectionName;
    QSqlDatabase m_db;
    SqlEngine m_engine = SqlEngine::SQLite;
    QStringList m_setup; // run on every open
    struct Statement
    {
        std::unique_ptr<QSqlQuery> query;
        std::list<QString>::iterator use; // its place in m_uses
    };
    std::unordered_map<QString, Statement> m_statements;
    std::list<QString> m_uses; // most recently used first
    std::unordered_map<const char *, std::unique_ptr<SqliteStatement>> m_direct;
};

// Rolls back unless committed. Optional callbacks run after a commit or a
// rollback (the server gives back change sequence values on rollback).
class SqlTransaction
{
public:
    explicit SqlTransaction(SqlConnection &connection, std::function<void()> onCommit = {},
                            std::function<void()> onRollback = {});
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isOpen() const { return m_open; }
    // Whether BEGIN worked. Writes after a failed BEGIN would each commit
    // on their own: every transaction checks this before its first write.
    Status begun() const;
    Status commit();

protected:
    // Begins by calling `begin`, which sends BEGIN itself (with what must
    // follow it at once), in place of the driver's BEGIN; it returns
    // whether all of it worked, and rolls back itself if not.
    SqlTransaction(SqlConnection &connection, const std::function<bool()> &begin, std::function<void()> onCommit,
                   std::function<void()> onRollback);
    // Rolls back now; begun() then fails.
    void abandon();

private:
    SqlConnection &m_connection;
    std::function<void()> m_onCommit;
    std::function<void()> m_onRollback;
    bool m_open;
};

} // namespace Signpost
