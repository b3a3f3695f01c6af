#pragma once

#include "core/expected.h"

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Signpost {

// A statement on SQLite's own API, for the few that run tens of thousands of
// times in one transaction (the rows of a first sync): QSqlQuery spends more
// on binding a value (a parameter name built and hashed for each) than SQLite
// spends on storing it. Bind by position from 1, then step() once; the
// statement is reset for the next use. Values bind as QSqlQuery binds them:
// a null QString is NULL.
class SqliteStatement
{
public:
    // `what` names the store in messages, as SqlConnection's does.
    SqliteStatement(sqlite3 *db, const char *sql, const QLoggingCategory &category, const QString &what);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }

    void bind(int position, qint64 value);
    void bind(int position, const QString &value);
    // As bind(), with "" for a null QString (a NOT NULL column).
    void bindOrEmpty(int position, const QString &value);
    // Text that is UTF-8 already.
    void bindUtf8(int position, const QByteArray &text);
    void bindNull(int position);
    // An id, or NULL when it is 0 or less (no shop, no assignee).
    void bindIdOrNull(int position, qint64 id);

    // Runs the statement to its end (a write) and resets it.
    Status step();

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
    const QLoggingCategory &m_category;
    QString m_what;
    QList<QByteArray> m_texts; // the bound texts, alive until bound again
};

} // namespace Signpost
