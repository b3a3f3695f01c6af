#pragma once

#include "core/expected.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <memory>
#include <unordered_map>

namespace Signpost {

// The server's store: one SQLite file in WAL mode, schema migrations applied
// at open, prepared statements kept for reuse, and the server-wide change
// sequence every ticket change takes a value of.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    static Expected<std::unique_ptr<Database>> open(const QString &path);

    // A prepared statement for `sql`, prepared once per connection. Bind and
    // exec it; do not hold it across another use of the same text.
    QSqlQuery &prepared(const QString &sql);

    // Runs a prepared statement, logging and translating a failure.
    Status exec(QSqlQuery &query);

    QSqlDatabase &connection() { return m_db; }

    // The change sequence: nextSeq() inside the transaction of the change;
    // headSeq() is the last value of a committed change. Transaction calls
    // publishSeq() on commit and discardSeq() on rollback.
    qint64 nextSeq();
    qint64 headSeq() const { return m_committedSeq; }
    void publishSeq() { m_committedSeq = m_seq; }
    void discardSeq() { m_seq = m_committedSeq; }
    QString epoch() const { return m_epoch; }

    int schemaVersion() const;

private:
    explicit Database(const QString &connectionName);
    Status migrate();
    Status loadMeta();

    QString m_connectionName;
    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    qint64 m_seq = 0;
    qint64 m_committedSeq = 0;
    QString m_epoch;
};

Error storageError(const QSqlQuery &query);

// Text for a NOT NULL column: a null QString would bind as SQL NULL.
inline QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace Signpost
