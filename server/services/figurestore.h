#pragma once

#include "core/expected.h"

#include <QJsonObject>

namespace Signpost {

class SqlConnection;

// A department's workload and performance for its leads, computed in SQL
// from the tickets and their history: what is open, new, unassigned and
// pending now, what came in and was solved today, first-response and
// resolution times over a period, open load per agent, and a daily trend.
// Read on a reader's connection: a big department's figures take a while,
// and no other request waits for them.
class FigureStore
{
public:
    explicit FigureStore(SqlConnection &sql) : m_sql(sql) {}

    // `nowMs` is passed in so the figures can be checked against a known time.
    Expected<QJsonObject> figures(qint64 departmentId, int days, qint64 nowMs);

private:
    SqlConnection &m_sql;
};

} // namespace Signpost
