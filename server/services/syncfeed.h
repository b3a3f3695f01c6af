#pragma once

#include "core/accessscope.h"
#include "core/expected.h"

#include <QByteArray>
#include <QString>

namespace Signpost {

class SqlConnection;

// How much history a client keeps: every ticket not yet solved, and the
// others changed in the last `days` (0: all of it). `now` is the
// server's clock.
struct SyncWindow
{
    int days = 0;
    qint64 now = 0;
    qint64 horizon() const { return days > 0 ? now - days * 86'400'000LL : 0; }
};

// A page of the feed as a JSON document, ready to send, with what the
// server needs to read the next one ahead.
struct SyncPage
{
    QByteArray body;
    QString nextCursor;
    bool hasMore = false;
};

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

    // A page of the feed for an agent. `cursor` is what the client was last
    // given (empty for a first sync). The agent's access is read in the
    // page's own snapshot.
    Expected<SyncPage> pull(qint64 agentId, const QString &cursor, int limit, SyncWindow window = {});

    // The tickets of the agent's departments (or of one of them) whose words
    // match `text`, newest first, whole as the feed sends them: what a desk
    // with a window finds beyond it. `before`: only tickets with a lower
    // number (the next page of the same search).
    Expected<QByteArray> search(qint64 agentId, const QString &text, qint64 departmentId, qint64 before, int limit);

    static constexpr int MaxWindowDays = 3650;
    static constexpr int DefaultSearchLimit = 50;
    static constexpr int MaxSearchLimit = 200;

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
