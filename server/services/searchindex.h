#pragma once

#include "core/expected.h"

namespace Signpost {

class Database;

// The words of every ticket (the ticket_words table, one row per ticket:
// subject, customer, thread), kept behind the writes rather than in them:
// each catch-up indexes the tickets changed since the last one, in change
// order, in one short transaction of its own. A search may miss what changed
// in the last second; an intake never pays for the index.
class SearchIndex
{
public:
    explicit SearchIndex(Database &db) : m_db(db) {}

    // Indexes up to `limit` tickets changed since the last catch-up and
    // returns how many; fewer than `limit` means the index is current.
    Expected<int> catchUp(int limit);

    static constexpr int Batch = 500;

private:
    Database &m_db;
};

} // namespace Signpost
