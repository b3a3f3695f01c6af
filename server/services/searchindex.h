#pragma once

#include "core/expected.h"

namespace Signpost {

class Database;
class SqlConnection;

// The words of every ticket (the ticket_words table, one row per ticket),
// kept behind the writes rather than in them: each round indexes the
// tickets changed since the last one, in change order, in one short
// transaction of its own. A search may miss what changed in the last
// second; an intake never pays for the index.
class SearchIndex
{
public:
    explicit SearchIndex(Database &db) : m_db(db) {}

    // The embedded store, on the writer: its FTS5 table takes the text
    // (subject, customer, thread) and cuts it itself. Indexes up to `limit`
    // tickets and returns how many; fewer than `limit` means the index is
    // current. (On PostgreSQL: catchUpOnPostgres on the writer's connection.)
    Expected<int> catchUp(int limit);

    // PostgreSQL, on a reader thread's connection: reads the text, cuts its
    // words with the same tokenizer (SearchWords) and keeps them in a
    // transaction of its own, read-write for the occasion. The index and
    // its mark are written by the one instance holding the duties and by
    // nothing else, so no writers' lock is taken and the event loop never
    // waits for a round. A ticket that changes meanwhile has a newer seq:
    // the next round indexes it again.
    static Expected<int> catchUpOnPostgres(SqlConnection &sql, int limit);

    static constexpr int Batch = 500;

private:
    Database &m_db;
};

} // namespace Signpost
