#pragma once

#include "core/expected.h"

#include <QJsonObject>

namespace Signpost {

class Database;

// A department's workload and performance for its leads, computed in SQL
// from the tickets and their history: what is open, new, unassigned and
// pending now, what came in and was solved today, first-response and
// resolution times over a period, open load per agent, and a daily trend.
class FigureStore
{
public:
    explicit FigureStore(Database &db) : m_db(db) {}

    // `nowMs` is passed in so the figures can be checked against a known time.
    Expected<QJsonObject> figures(qint64 departmentId, int days, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace Signpost
