#pragma once

#include "server/storage/database.h"

namespace Signpost {

// A writing transaction on the server's store, holding the writers' lock
// (see Database). The change sequence values a rolled-back change took are
// given back, so no cursor ever points past what is stored.
class Transaction : public SqlTransaction
{
public:
    explicit Transaction(Database &db)
        : SqlTransaction(db.sql(), [&db]() { db.publishSeq(); }, [&db]() { db.discardSeq(); })
    {
        if (isOpen() && !db.lockWriters())
            abandon();
    }
};

} // namespace Signpost
