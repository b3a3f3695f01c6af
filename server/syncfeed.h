#pragma once

#include "core/accessscope.h"
#include "core/expected.h"

#include <QByteArray>
#include <QString>

namespace Signpost {

class Database;

// The change feed an agent's client pulls: the tickets of their departments
// changed since their cursor (a whole department when it is new to them),
// and revocations for what they may no longer see.
class SyncFeed
{
public:
    explicit SyncFeed(Database &db) : m_db(db) {}

    // A page of the feed as a JSON document, ready to send. `cursor` is what
    // the client was last given (empty for a first sync).
    Expected<QByteArray> pull(const AccessScope &scope, const QString &cursor, int limit);

    static constexpr int DefaultPageSize = 500;
    static constexpr int MaxPageSize = 2000;

private:
    Database &m_db;
};

} // namespace Signpost
