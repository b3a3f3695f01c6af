#pragma once

#include "server/storage/database.h"

namespace Signpost {

// A writing transaction on the server's store, holding the writers' lock
// (see Database). The change sequence values a rolled-back change took are
// given back, so no cursor ever points past what is stored.
class Transaction : public SqlTransaction
{
public:
    // Whether the change sequence's next value is taken as the transaction
    // begins (with BEGIN and the lock, in one round trip on PostgreSQL), or
    // later, with Database::nextSeq(), once the change is known to be one.
    enum class Seq { Later, AtStart };

    explicit Transaction(Database &db, Seq seq = Seq::Later)
        : SqlTransaction(
              db.sql(), [&db, seq]() { return db.beginWriting(seq == Seq::AtStart); }, [&db]() { db.endWriting(true); },
              [&db]() { db.endWriting(false); })
        , m_seq(isOpen() && seq == Seq::AtStart ? db.takenSeq() : 0)
    {
    }

    // The value taken at the start (Seq::AtStart); fails as begun() does.
    Expected<qint64> seq() const
    {
        if (Status open = begun(); !open)
            return open.error();
        Q_ASSERT(m_seq > 0);
        return m_seq;
    }

private:
    qint64 m_seq;
};

} // namespace Signpost
