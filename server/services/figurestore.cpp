#include "server/services/figurestore.h"

#include "core/timestamps.h"
#include "server/storage/database.h"

#include <QJsonArray>
#include <QVariant>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;

// The value below which `share` of the values lie (nearest rank). Selects
// it in place, without sorting: a period can hold a hundred thousand values.
double percentile(QList<qint64> &values, double share)
{
    if (values.isEmpty())
        return 0;
    const qsizetype rank = std::clamp<qsizetype>(qsizetype(std::ceil(share * double(values.size()))) - 1, 0,
                                                 values.size() - 1);
    std::nth_element(values.begin(), values.begin() + rank, values.end());
    return double(values.at(rank));
}

QJsonObject duration(qint64 count, double medianMs, double p90Ms)
{
    auto minutes = [](double ms) { return std::round(ms / 600.0) / 100.0; };
    return QJsonObject{{u"count"_s, count},
                       {u"median_minutes"_s, count == 0 ? QJsonValue() : minutes(medianMs)},
                       {u"p90_minutes"_s, count == 0 ? QJsonValue() : minutes(p90Ms)}};
}

QJsonObject duration(QList<qint64> values)
{
    if (values.isEmpty())
        return duration(0, 0, 0);
    const double median = percentile(values, 0.5);
    return duration(values.size(), median, percentile(values, 0.9));
}

// On PostgreSQL the database ranks the values itself: a period of a hundred
// thousand tickets then crosses the socket as a few numbers, not as rows.
// percentile_disc is the nearest rank, as percentile() above; NULLs are left
// out, as below.
QString rankedInDatabase(const QString &difference)
{
    return u"COUNT(%1), percentile_disc(0.5) WITHIN GROUP (ORDER BY %1),"
           " percentile_disc(0.9) WITHIN GROUP (ORDER BY %1)"_s.arg(difference);
}

// The three columns rankedInDatabase() gives, from `at`.
QJsonObject rankedDuration(const QSqlQuery &query, int at)
{
    return duration(query.value(at).toLongLong(), query.value(at + 1).toDouble(), query.value(at + 2).toDouble());
}

} // namespace

Expected<QJsonObject> FigureStore::figures(qint64 departmentId, int days, qint64 nowMs)
{
    const qint64 today = nowMs - nowMs % Day; // days are UTC days
    const qint64 since = today - qint64(days - 1) * Day;
    SqlTransaction snapshot(m_sql); // one consistent read
    const bool ranksInDatabase = m_sql.engine() == SqlEngine::PostgreSQL;
    if (Status begun = snapshot.begun(); !begun)
        return begun.error();

    // Each count is a range of an index (tickets_department_status,
    // tickets_department_period), not a pass over the department's tickets.
    QSqlQuery &now = m_sql.prepared(
        u"SELECT (SELECT COUNT(*) FROM tickets WHERE department_id = ? AND status IN ('new', 'open', 'pending')),"
        " (SELECT COUNT(*) FROM tickets WHERE department_id = ? AND status = 'new'),"
        " (SELECT COUNT(*) FROM tickets WHERE department_id = ? AND status IN ('new', 'open', 'pending')"
        " AND assignee_id IS NULL),"
        " (SELECT COUNT(*) FROM tickets WHERE department_id = ? AND status = 'pending'),"
        " (SELECT COUNT(*) FROM department_stays WHERE department_id = ? AND arrived_at >= ? AND origin <> 0),"
        " (SELECT COUNT(*) FROM tickets WHERE department_id = ? AND status IN ('new', 'open', 'pending')"
        " AND sla_at_risk <> 0 AND sla_breached = 0),"
        " (SELECT COUNT(*) FROM tickets WHERE department_id = ? AND status IN ('new', 'open', 'pending')"
        " AND sla_breached <> 0),"
        " (SELECT COUNT(*) FROM department_stays WHERE department_id = ? AND touched_at IS NULL AND left_at IS NULL)"_s);
    for (int i = 0; i < 5; ++i)
        now.addBindValue(departmentId);
    now.addBindValue(today);
    for (int i = 0; i < 3; ++i)
        now.addBindValue(departmentId);
    if (!now.exec() || !now.next())
        return storageError(now);
    QJsonObject result{
        {u"department"_s, departmentId},
        {u"as_of"_s, isoFromMs(nowMs)},
        {u"period_days"_s, days},
        {u"open"_s, now.value(0).toInt()},
        {u"new"_s, now.value(1).toInt()},
        {u"unassigned"_s, now.value(2).toInt()},
        {u"pending"_s, now.value(3).toInt()},
        {u"created_today"_s, now.value(4).toInt()},
        {u"at_risk"_s, now.value(5).toInt()},
        {u"breached"_s, now.value(6).toInt()},
    };
    const int untouched = now.value(7).toInt();
    now.finish();

    // Time to the first reply and to the first "solved", for the tickets of
    // the period that are in the department now.
    int periodTickets = 0, missed = 0;
    QJsonObject firstResponse, resolution;
    if (ranksInDatabase) {
        QSqlQuery &times = m_sql.prepared(
            u"SELECT COUNT(*), COALESCE(SUM(sla_missed), 0), %1, %2 FROM tickets"
            " WHERE department_id = ? AND created_at >= ?"_s.arg(rankedInDatabase(u"first_replied_at - created_at"_s),
                                                                 rankedInDatabase(u"solved_at - created_at"_s)));
        times.addBindValue(departmentId);
        times.addBindValue(since);
        if (!times.exec() || !times.next())
            return storageError(times);
        periodTickets = times.value(0).toInt();
        missed = times.value(1).toInt();
        firstResponse = rankedDuration(times, 2);
        resolution = rankedDuration(times, 5);
        times.finish();
    } else {
        QSqlQuery &times = m_sql.prepared(
            u"SELECT created_at, first_replied_at, solved_at, sla_missed FROM tickets"
            " WHERE department_id = ? AND created_at >= ?"_s);
        times.addBindValue(departmentId);
        times.addBindValue(since);
        if (!times.exec())
            return storageError(times);
        QList<qint64> firstResponses, resolutions;
        while (times.next()) {
            const qint64 created = times.value(0).toLongLong();
            if (!times.value(1).isNull())
                firstResponses.append(times.value(1).toLongLong() - created);
            if (!times.value(2).isNull())
                resolutions.append(times.value(2).toLongLong() - created);
            ++periodTickets;
            missed += times.value(3).toInt();
        }
        firstResponse = duration(firstResponses);
        resolution = duration(resolutions);
    }
    // The share of the period's tickets that met every target promised to
    // the customer (so far); none in the period counts as no figure.
    result.insert(u"sla"_s, QJsonObject{
                                {u"tickets"_s, periodTickets},
                                {u"missed"_s, missed},
                                {u"compliance_percent"_s,
                                 periodTickets > 0 ? QJsonValue(std::round(1000.0 * (periodTickets - missed) / periodTickets) / 10.0)
                                                   : QJsonValue(QJsonValue::Null)},
                            });
    result.insert(u"first_response"_s, firstResponse);
    result.insert(u"resolution"_s, resolution);

    // The trend counts what happened here on each day, whatever became of
    // the tickets since: created here, and first solved here.
    // Counted by day in the database (both divide whole numbers whole).
    QList<std::pair<int, int>> trend(days); // created, solved, per day from `since`
    QSqlQuery &started = m_sql.prepared(
        u"SELECT (arrived_at - ?) / %1, COUNT(*) FROM department_stays"
        " WHERE department_id = ? AND arrived_at >= ? AND origin <> 0 GROUP BY 1"_s.arg(Day));
    started.addBindValue(since);
    started.addBindValue(departmentId);
    started.addBindValue(since);
    if (!started.exec())
        return storageError(started);
    while (started.next()) {
        if (const qint64 day = started.value(0).toLongLong(); day < days)
            trend[day].first += started.value(1).toInt();
    }
    QSqlQuery &solved = m_sql.prepared(
        u"SELECT (solved_at - ?) / %1, COUNT(*) FROM ticket_solves"
        " WHERE department_id = ? AND solved_at >= ? GROUP BY 1"_s.arg(Day));
    solved.addBindValue(since);
    solved.addBindValue(departmentId);
    solved.addBindValue(since);
    if (!solved.exec())
        return storageError(solved);
    int solvedToday = 0; // today is the period's last day, and after it
    while (solved.next()) {
        const qint64 day = solved.value(0).toLongLong();
        if (day < days)
            trend[day].second += solved.value(1).toInt();
        solvedToday += day >= days - 1 ? solved.value(1).toInt() : 0;
    }
    result.insert(u"solved_today"_s, solvedToday);
    QJsonArray daily;
    for (int day = 0; day < days; ++day) {
        daily.append(QJsonObject{{u"date"_s, isoFromMs(since + day * Day).left(10)},
                                 {u"created"_s, trend[day].first},
                                 {u"solved"_s, trend[day].second}});
    }
    result.insert(u"trend"_s, daily);

    // Where tickets wait in this department: how soon an agent first touches
    // what arrives (created here or transferred in), how many wait for that
    // now, and how long the ones passed on were held first.
    int arrived = 0;
    QJsonObject firstTouch, heldBeforeTransfer;
    if (ranksInDatabase) {
        QSqlQuery &stays = m_sql.prepared(
            u"SELECT COUNT(*), %1, %2 FROM department_stays WHERE department_id = ? AND arrived_at >= ?"_s.arg(
                rankedInDatabase(u"touched_at - arrived_at"_s), rankedInDatabase(u"left_at - arrived_at"_s)));
        stays.addBindValue(departmentId);
        stays.addBindValue(since);
        if (!stays.exec() || !stays.next())
            return storageError(stays);
        arrived = stays.value(0).toInt();
        firstTouch = rankedDuration(stays, 1);
        heldBeforeTransfer = rankedDuration(stays, 4);
        stays.finish();
    } else {
        QSqlQuery &stays = m_sql.prepared(
            u"SELECT arrived_at, touched_at, left_at FROM department_stays WHERE department_id = ? AND arrived_at >= ?"_s);
        stays.addBindValue(departmentId);
        stays.addBindValue(since);
        if (!stays.exec())
            return storageError(stays);
        QList<qint64> touches, helds;
        while (stays.next()) {
            const qint64 at = stays.value(0).toLongLong();
            ++arrived;
            if (!stays.value(1).isNull())
                touches.append(stays.value(1).toLongLong() - at);
            if (!stays.value(2).isNull())
                helds.append(stays.value(2).toLongLong() - at);
        }
        firstTouch = duration(touches);
        heldBeforeTransfer = duration(helds);
    }
    result.insert(u"ownership"_s, QJsonObject{{u"arrived"_s, arrived},
                                              {u"untouched_now"_s, untouched},
                                              {u"first_touch"_s, firstTouch},
                                              {u"held_before_transfer"_s, heldBeforeTransfer}});

    // Each member's open tickets here, and how many of them are at risk or
    // breached: where the SLA trouble sits, not only how much there is.
    QSqlQuery &load = m_sql.prepared(
        u"SELECT a.id, a.name, COUNT(t.id), COALESCE(SUM(CASE WHEN t.sla_at_risk <> 0 AND t.sla_breached = 0 THEN 1 ELSE 0 END), 0),"
        " COALESCE(SUM(CASE WHEN t.sla_breached <> 0 THEN 1 ELSE 0 END), 0)"
        " FROM memberships m JOIN agents a ON a.id = m.agent_id"
        " LEFT JOIN tickets t ON t.department_id = m.department_id AND t.assignee_id = a.id"
        " AND t.status IN ('new', 'open', 'pending')"
        " WHERE m.department_id = ? GROUP BY a.id, a.name ORDER BY a.name, a.id"_s);
    load.addBindValue(departmentId);
    if (!load.exec())
        return storageError(load);
    QJsonArray agents;
    while (load.next())
        agents.append(QJsonObject{{u"agent"_s, load.value(0).toLongLong()},
                                  {u"name"_s, load.value(1).toString()},
                                  {u"open"_s, load.value(2).toInt()},
                                  {u"at_risk"_s, load.value(3).toInt()},
                                  {u"breached"_s, load.value(4).toInt()}});
    result.insert(u"load"_s, agents);
    return result;
}

} // namespace Signpost
