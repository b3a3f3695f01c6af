#pragma once

#include "core/accessscope.h"
#include "core/expected.h"

#include <QByteArray>
#include <QString>

namespace Signpost {

class SqlConnection;

// The change feed an agent's client pulls: the tickets of their departments
// changed since their cursor (a whole department when it is new to them),
// and revocations for what they may no longer see. It only reads, from its
// own connection in one read transaction, so pulls run on worker threads
// beside the writes (SQLite's WAL lets readers and the writer go on at once).
class SyncFeed
{
public:
    // `epoch` is the store's (see Database::epoch()).
    SyncFeed(SqlConnection &sql, QString epoch) : m_sql(sql), m_epoch(std::move(epoch)) {}

    // A page of the feed for an agent as a JSON document, ready to send.
    // `cursor` is what the client was last given (empty for a first sync).
    // The agent's access is read in the page's own snapshot.
    Expected<QByteArray> pull(qint64 agentId, const QString &cursor, int limit);

    static constexpr int DefaultPageSize = 500;
    static constexpr int MaxPageSize = 2000;
    // A page also ends when its text would pass about this many bytes (a
    // ticket with a long thread counts for more than one with a message):
    // no single answer holds a worker or a client for long.
    static constexpr qsizetype MaxPageBytes = 4 * 1024 * 1024;

private:
    SqlConnection &m_sql;
    QString m_epoch;
};

} // namespace Signpost
