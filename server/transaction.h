#pragma once

#include "core/expected.h"
#include "server/database.h"

namespace Signpost {

// Rolls back unless committed: every multi-row change runs inside one. The
// change sequence values a rolled-back change took are given back, so no
// cursor ever points past what is stored.
class Transaction
{
public:
    explicit Transaction(Database &db) : m_db(db), m_open(db.connection().transaction()) {}
    ~Transaction()
    {
        if (m_open) {
            m_db.connection().rollback();
            m_db.discardSeq();
        }
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isOpen() const { return m_open; }

    Status commit()
    {
        if (!m_open || !m_db.connection().commit())
            return Error{ErrorCode::Internal, QStringLiteral("The change could not be saved."), {}};
        m_open = false;
        m_db.publishSeq();
        return ok();
    }

private:
    Database &m_db;
    bool m_open;
};

} // namespace Signpost
