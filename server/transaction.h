#pragma once

#include "core/expected.h"

#include <QSqlDatabase>

namespace Signpost {

// Rolls back unless committed: every multi-row change runs inside one.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db) : m_db(db), m_open(db.transaction()) {}
    ~Transaction()
    {
        if (m_open)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isOpen() const { return m_open; }

    Status commit()
    {
        if (!m_open || !m_db.commit())
            return Error{ErrorCode::Internal, QStringLiteral("The change could not be saved."), {}};
        m_open = false;
        return ok();
    }

private:
    QSqlDatabase &m_db;
    bool m_open;
};

} // namespace Signpost
