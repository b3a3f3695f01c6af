#include "storage/sqlconnection.h"

#include <QAtomicInteger>
#include <QSqlDriver>
#include <QSqlError>
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
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
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
    m_db.setDatabaseName(path);
    if (!connectOptions.isEmpty())
        m_db.setConnectOptions(connectOptions);
    if (!m_db.open())
        return Error{ErrorCode::Internal, u"Cannot open the %1 at %2: %3"_s.arg(m_what, path, m_db.lastError().text()), {}};
    QSqlQuery pragma(m_db);
    for (const QString &statement : pragmas) {
        if (!pragma.exec(statement))
            return error(pragma);
    }
    return ok();
}

int SqlConnection::userVersion()
{
    QSqlQuery query(m_db);
    query.exec(u"PRAGMA user_version"_s);
    return query.next() ? query.value(0).toInt() : -1;
}

Status SqlConnection::migrate(const QList<QStringList> &steps, const QString &newerMessage)
{
    const int current = userVersion();
    if (current > steps.size())
        return Error{ErrorCode::Internal, newerMessage, {}};
    for (int version = current + 1; version <= steps.size(); ++version) {
        SqlTransaction tx(*this);
        if (Status begun = tx.begun(); !begun)
            return begun;
        QSqlQuery query(m_db);
        for (const QString &statement : steps.at(version - 1)) {
            if (!query.exec(statement))
                return error(query);
        }
        if (!query.exec(u"PRAGMA user_version = %1"_s.arg(version)))
            return error(query);
        if (Status committed = tx.commit(); !committed)
            return committed;
        qCInfo(m_category) << "The" << m_what << "is now at schema version" << version;
    }
    return ok();
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

Status SqlTransaction::begun() const
{
    if (m_open)
        return ok();
    return Error{ErrorCode::Internal, u"The store could not start a transaction."_s, {}};
}

SqlTransaction::~SqlTransaction()
{
    if (!m_open)
        return;
    m_connection.database().rollback();
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
