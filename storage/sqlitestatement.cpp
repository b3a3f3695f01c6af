#include "storage/sqlitestatement.h"

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Signpost {

SqliteStatement::SqliteStatement(sqlite3 *db, const char *sql, const QLoggingCategory &category, const QString &what)
    : m_db(db)
    , m_category(category)
    , m_what(what)
{
    if (!db) {
        qCWarning(m_category) << "Cannot prepare" << sql << "without an open SQLite connection";
        return;
    }
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) != SQLITE_OK) {
        qCWarning(m_category) << "Cannot prepare" << sql << sqlite3_errmsg(db);
        m_statement = nullptr;
        return;
    }
    m_texts.resize(sqlite3_bind_parameter_count(m_statement) + 1);
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bind(int position, qint64 value)
{
    if (m_statement)
        sqlite3_bind_int64(m_statement, position, value);
}

void SqliteStatement::bind(int position, const QString &value)
{
    if (value.isNull()) {
        bindNull(position);
        return;
    }
    bindUtf8(position, value.toUtf8());
}

void SqliteStatement::bindOrEmpty(int position, const QString &value)
{
    if (!m_statement)
        return; // step() says so
    if (value.isNull())
        sqlite3_bind_text(m_statement, position, "", 0, SQLITE_STATIC);
    else
        bindUtf8(position, value.toUtf8());
}

void SqliteStatement::bindUtf8(int position, const QByteArray &text)
{
    // Kept until the next bind of this position: SQLite reads it in step().
    if (!m_statement || position < 1 || position >= m_texts.size())
        return;
    QByteArray &kept = m_texts[position];
    kept = text;
    sqlite3_bind_text(m_statement, position, kept.constData(), int(kept.size()), SQLITE_STATIC);
}

void SqliteStatement::bindNull(int position)
{
    if (m_statement)
        sqlite3_bind_null(m_statement, position);
}

void SqliteStatement::bindIdOrNull(int position, qint64 id)
{
    if (id > 0)
        bind(position, id);
    else
        bindNull(position);
}

Status SqliteStatement::step()
{
    if (!m_statement)
        return Error{ErrorCode::Internal, u"The %1 could not prepare a statement."_s.arg(m_what), {}};
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
        sqlite3_reset(m_statement);
        return ok();
    }
    qCWarning(m_category) << "SQL failed:" << sqlite3_errmsg(m_db) << "in" << sqlite3_sql(m_statement);
    sqlite3_reset(m_statement);
    return Error{ErrorCode::Internal, u"The %1 could not complete the request."_s.arg(m_what), {}};
}

} // namespace Signpost
