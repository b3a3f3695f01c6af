#include "storage/sqlconnection.h"

#include <QAtomicInteger>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrlQuery>
#include <QVariant>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Signpost {

SqlConnection::SqlConnection(const QLoggingCategory &category, const QString &what)
    : m_category(category)
    , m_what(what)
{
    static QAtomicInteger<int> counter;
    m_connectionName = u"signpost-sql-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

SqlConnection::~SqlConnection()
{
    m_statements.clear();
    m_uses.clear();
    m_direct.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Error SqlConnection::error(const QSqlQuery &query) const
{
    qCWarning(m_category) << "SQL failed:" << query.lastError().text() << "in" << query.lastQuery();
    return Error{ErrorCode::Internal, u"The %1 could not complete the request."_s.arg(m_what), {}};
}

Status SqlConnection::open(const QString &path, const QStringList &pragmas, const QString &connectOptions)
{
    m_engine = SqlEngine::SQLite;
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(path);
    if (!connectOptions.isEmpty())
        m_db.setConnectOptions(connectOptions);
    if (!m_db.open())
        return Error{ErrorCode::Internal, u"Cannot open the %1 at %2: %3"_s.arg(m_what, path, m_db.lastError().text()), {}};
    m_setup = pragmas;
    return runSetup();
}

Status SqlConnection::runSetup()
{
    QSqlQuery statement(m_db);
    for (const QString &sql : std::as_const(m_setup)) {
        if (!statement.exec(sql))
            return error(statement);
    }
    return ok();
}

Status SqlConnection::reopen()
{
    m_statements.clear();
    m_uses.clear();
    m_direct.clear();
    m_db.close();
    if (!m_db.open())
        return Error{ErrorCode::Internal, u"Cannot open the %1 again: %2"_s.arg(m_what, m_db.lastError().text()), {}};
    return runSetup();
}

Status SqlConnection::openPostgres(const QUrl &url, const QStringList &setup)
{
    m_engine = SqlEngine::PostgreSQL;
    m_db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
    m_db.setDatabaseName(url.path().mid(1));
    m_db.setUserName(url.userName());
    m_db.setPassword(url.password());
    // As libpq reads such a URL: a Unix socket's directory and the port may
    // come as ?host=/run/postgresql&port=5433; other parameters (sslmode,
    // …) are passed on.
    QUrlQuery options(url);
    m_db.setHostName(options.hasQueryItem(u"host"_s) ? options.queryItemValue(u"host"_s, QUrl::FullyDecoded)
                                                     : url.host());
    const int port = options.hasQueryItem(u"port"_s) ? options.queryItemValue(u"port"_s).toInt() : url.port();
    if (port > 0)
        m_db.setPort(port);
    options.removeAllQueryItems(u"host"_s);
    options.removeAllQueryItems(u"port"_s);
    QStringList connectOptions{u"connect_timeout=10"_s, u"application_name=signpost"_s};
    for (const auto &[name, value] : options.queryItems(QUrl::FullyDecoded))
        connectOptions.append(name + u'=' + value);
    m_db.setConnectOptions(connectOptions.join(u';'));
    if (!m_db.open())
        return Error{ErrorCode::Internal,
                     u"Cannot open the %1 at %2: %3"_s.arg(m_what, url.toDisplayString(QUrl::RemovePassword),
                                                           m_db.lastError().text()),
                     {}};
    m_setup = setup;
    return runSetup();
}

int SqlConnection::userVersion()
{
    QSqlQuery query(m_db);
    if (m_engine == SqlEngine::PostgreSQL) {
        // No table yet: a database no migration has run in.
        if (!query.exec(u"SELECT to_regclass('schema_version') IS NOT NULL"_s) || !query.next())
            return -1;
        if (!query.value(0).toBool())
            return 0;
        query.exec(u"SELECT version FROM schema_version"_s);
    } else {
        query.exec(u"PRAGMA user_version"_s);
    }
    return query.next() ? query.value(0).toInt() : -1;
}

Status SqlConnection::migrate(const QList<QStringList> &steps, const QString &newerMessage)
{
    const bool postgres = m_engine == SqlEngine::PostgreSQL;
    for (;;) {
        SqlTransaction tx(*this);
        if (Status begun = tx.begun(); !begun)
            return begun;
        QSqlQuery query(m_db);
        if (postgres) {
            // One instance migrates at a time; the others wait, then find
            // the step done.
            if (!query.exec(u"SELECT pg_advisory_xact_lock(7400)"_s)
                || !query.exec(u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s)
                || !query.exec(u"INSERT INTO schema_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)"_s))
                return error(query);
        }
        const int current = userVersion();
        if (current < 0)
            return Error{ErrorCode::Internal, u"The %1's schema version cannot be read."_s.arg(m_what), {}};
        if (current > steps.size())
            return Error{ErrorCode::Internal, newerMessage, {}};
        if (current == steps.size())
            return tx.commit();
        const int version = current + 1;
        for (const QString &statement : steps.at(version - 1)) {
            if (!query.exec(statement))
                return error(query);
        }
        if (!query.exec(postgres ? u"UPDATE schema_version SET version = %1"_s.arg(version)
                                 : u"PRAGMA user_version = %1"_s.arg(version)))
            return error(query);
        if (Status committed = tx.commit(); !committed)
            return committed;
        qCInfo(m_category) << "The" << m_what << "is now at schema version" << version;
    }
}

QSqlQuery &SqlConnection::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it != m_statements.end()) {
        m_uses.splice(m_uses.begin(), m_uses, it->second.use);
        return *it->second.query;
    }
    while (m_statements.size() >= MaxStatements) {
        // The least recently used one goes; it is not in use.
        m_statements.erase(m_uses.back());
        m_uses.pop_back();
    }
    auto query = std::make_unique<QSqlQuery>(m_db);
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        qCWarning(m_category) << "Cannot prepare" << sql << query->lastError().text();
    m_uses.push_front(sql);
    it = m_statements.emplace(sql, Statement{std::move(query), m_uses.begin()}).first;
    return *it->second.query;
}

Status SqlConnection::checkDirectAccess()
{
    QSqlQuery query(m_db);
    const QString driver = query.exec(u"SELECT sqlite_source_id()"_s) && query.next() ? query.value(0).toString()
                                                                                      : QString();
    const QString linked = QString::fromLatin1(sqlite3_sourceid());
    const QVariant handle = m_db.driver()->handle();
    if (driver != linked || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return Error{ErrorCode::Internal,
                     u"The %1 cannot be written: Qt's SQLite driver runs SQLite %2, this program links %3."
                     " Build Qt's SQLite driver against the system's SQLite."_s.arg(m_what, driver, linked),
                     {}};
    return ok();
}

SqliteStatement &SqlConnection::direct(const char *sql)
{
    std::unique_ptr<SqliteStatement> &statement = m_direct[sql];
    if (!statement || !statement->isValid()) { // one that failed is tried again
        // The driver's handle is the connection QSqlQuery uses: one
        // transaction covers both.
        statement = std::make_unique<SqliteStatement>(handle(), sql, m_category, m_what);
    }
    return *statement;
}

sqlite3 *SqlConnection::handle() const
{
    const QVariant handle = m_db.driver() ? m_db.driver()->handle() : QVariant();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
               ? *static_cast<sqlite3 *const *>(handle.constData())
               : nullptr;
}

Status SqlConnection::exec(QSqlQuery &query)
{
    if (!query.exec())
        return error(query);
    return ok();
}

SqlTransaction::SqlTransaction(SqlConnection &connection, std::function<void()> onCommit,
                               std::function<void()> onRollback)
    : m_connection(connection)
    , m_onCommit(std::move(onCommit))
    , m_onRollback(std::move(onRollback))
    , m_open(connection.database().transaction())
{
    if (!m_open)
        qCWarning(connection.category()) << "BEGIN failed:" << connection.database().lastError().text();
}

SqlTransaction::SqlTransaction(SqlConnection &connection, const std::function<bool()> &begin,
                               std::function<void()> onCommit, std::function<void()> onRollback)
    : m_connection(connection)
    , m_onCommit(std::move(onCommit))
    , m_onRollback(std::move(onRollback))
    , m_open(begin())
{
}

Status SqlTransaction::begun() const
{
    if (m_open)
        return ok();
    return Error{ErrorCode::Internal, u"The store could not start a transaction."_s, {}};
}

SqlTransaction::~SqlTransaction()
{
    abandon();
}

void SqlTransaction::abandon()
{
    if (!m_open)
        return;
    m_connection.database().rollback();
    m_open = false;
    if (m_onRollback)
        m_onRollback();
}

Status SqlTransaction::commit()
{
    if (!m_open || !m_connection.database().commit())
        return Error{ErrorCode::Internal, u"The change could not be saved."_s, {}};
    m_open = false;
    if (m_onCommit)
        m_onCommit();
    return ok();
}

} // namespace Signpost
