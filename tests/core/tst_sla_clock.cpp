// SLA clock arithmetic with an injected "now": working hours, weekends,
// holidays, time zones and daylight saving, pauses while waiting on the
// customer; and a ticket's clocks under a policy, as they move.
#include "core/slaclock.h"
#include "core/slapolicy.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;

namespace {

constexpr qint64 Hour = 3600LL * 1000;
constexpr qint64 Minute = 60LL * 1000;

BusinessHours officeHours(const QByteArray &zone)
{
    BusinessHours hours;
    hours.zone = QTimeZone(zone);
    for (int d = 0; d < 5; ++d)
        hours.week[std::size_t(d)] = {{9 * 60, 17 * 60}};
    hours.holidays = {QDate(2026, 12, 24), QDate(2026, 12, 25)};
    return hours;
}

qint64 at(const QString &local, const QByteArray &zone = "Europe/Oslo")
{
    return QDateTime::fromString(local, Qt::ISODate).date().startOfDay(QTimeZone(zone)).toMSecsSinceEpoch()
           + QTime(0, 0).msecsTo(QDateTime::fromString(local, Qt::ISODate).time());
}

} // namespace

class TestSlaClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dueAt_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<qint64>("target");
        QTest::addColumn<QString>("due");
        // 2026-11-20 is a Friday.
        QTest::newRow("within the day") << u"2026-11-18T10:00:00"_s << 4 * Hour << u"2026-11-18T14:00:00"_s;
        QTest::newRow("over the night") << u"2026-11-18T15:00:00"_s << 4 * Hour << u"2026-11-19T11:00:00"_s;
        QTest::newRow("over the weekend") << u"2026-11-20T16:00:00"_s << 4 * Hour << u"2026-11-23T12:00:00"_s;
        QTest::newRow("arriving on Saturday") << u"2026-11-21T12:00:00"_s << 1 * Hour << u"2026-11-23T10:00:00"_s;
        QTest::newRow("arriving before opening") << u"2026-11-18T06:30:00"_s << 30 * Minute << u"2026-11-18T09:30:00"_s;
        QTest::newRow("over Christmas") << u"2026-12-23T16:00:00"_s << 2 * Hour << u"2026-12-28T10:00:00"_s;
        QTest::newRow("exactly at closing") << u"2026-11-18T09:00:00"_s << 8 * Hour << u"2026-11-18T17:00:00"_s;
        // Daylight saving ends on 2026-10-25 in Oslo: a Monday 9:00 is still 9:00.
        QTest::newRow("across the clock change") << u"2026-10-23T16:00:00"_s << 2 * Hour << u"2026-10-26T10:00:00"_s;
        QTest::newRow("three working days") << u"2026-11-18T09:00:00"_s << 24 * Hour << u"2026-11-20T17:00:00"_s;
    }
    void dueAt()
    {
        QFETCH(QString, start);
        QFETCH(qint64, target);
        QFETCH(QString, due);
        const SlaClock clock(officeHours("Europe/Oslo"));
        const qint64 result = clock.dueAt(at(start), target);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(result, QTimeZone("Europe/Oslo")).toString(Qt::ISODate).left(19), due);
        // And the other way round: that much working time lies in between.
        QCOMPARE(clock.elapsed(at(start), result), target);
    }

    void timeZonesDiffer()
    {
        // The same instant, the same hours, different zones.
        const qint64 instant = at(u"2026-11-18T16:00:00"_s, "Europe/Oslo"); // 10:00 in New York
        const SlaClock oslo(officeHours("Europe/Oslo"));
        const SlaClock newYork(officeHours("America/New_York"));
        QCOMPARE(oslo.elapsed(instant, instant + 3 * Hour), 1 * Hour);
        QCOMPARE(newYork.elapsed(instant, instant + 3 * Hour), 3 * Hour);
    }

    void pausesStopTheClock()
    {
        const SlaClock clock(officeHours("Europe/Oslo"));
        const qint64 start = at(u"2026-11-18T09:00:00"_s);
        // Waiting on the customer from 10:00 to 15:00.
        const QList<TimeSpan> pauses{{at(u"2026-11-18T10:00:00"_s), at(u"2026-11-18T15:00:00"_s)}};
        QCOMPARE(clock.elapsed(start, at(u"2026-11-18T17:00:00"_s), pauses), 3 * Hour);
        QCOMPARE(clock.dueAt(start, 2 * Hour, pauses), at(u"2026-11-18T16:00:00"_s));
        // A pause still open (no end yet) counts up to now.
        const QList<TimeSpan> open{{at(u"2026-11-18T11:00:00"_s), at(u"2026-11-20T00:00:00"_s)}};
        QCOMPARE(clock.elapsed(start, at(u"2026-11-19T12:00:00"_s), open), 2 * Hour);
    }

    void alwaysOpenIsWallClock()
    {
        const SlaClock clock;
        const qint64 start = at(u"2026-11-21T23:00:00"_s, "UTC");
        QCOMPARE(clock.dueAt(start, 5 * Hour), start + 5 * Hour);
        QCOMPARE(clock.elapsed(start, start + 30 * Hour, {{start + Hour, start + 2 * Hour}}), 29 * Hour);
    }

    void aScheduleWithNoHoursLeftHasNoDue()
    {
        BusinessHours hours = officeHours("UTC");
        for (int i = 0; i < 5 * 366; ++i)
            hours.holidays.insert(QDate(2026, 1, 1).addDays(i));
        QCOMPARE(SlaClock(hours).dueAt(at(u"2026-11-18T09:00:00"_s, "UTC"), Hour), -1);
    }

    void hoursFromJson()
    {
        const Expected<BusinessHours> hours = BusinessHours::fromJson(QJsonObject{
            {u"time_zone"_s, u"Europe/Berlin"_s},
            {u"week"_s, QJsonObject{{u"mon"_s, QJsonArray{QJsonArray{u"08:00"_s, u"12:00"_s},
                                                          QJsonArray{u"13:00"_s, u"17:30"_s}}},
                                   {u"sat"_s, QJsonArray{QJsonArray{u"10:00"_s, u"14:00"_s}}}}},
            {u"holidays"_s, QJsonArray{u"2026-12-25"_s}}});
        QVERIFY(hours);
        QCOMPARE(hours->week[0].size(), 2);
        QCOMPARE(hours->week[5].first().endMinute, 14 * 60);
        QCOMPARE(BusinessHours::fromJson(hours->toJson())->toJson(), hours->toJson());

        QCOMPARE(BusinessHours::fromJson({{u"time_zone"_s, u"Mars/Olympus"_s}}).error().field, u"time_zone"_s);
        QCOMPARE(BusinessHours::fromJson({{u"week"_s, QJsonObject{{u"funday"_s, QJsonArray()}}}}).error().field,
                 u"week"_s);
        QCOMPARE(BusinessHours::fromJson({{u"week"_s, QJsonObject{{u"mon"_s, QJsonArray{QJsonArray{u"17:00"_s,
                                                                                                   u"09:00"_s}}}}}})
                     .error().field,
                 u"week"_s);
        QCOMPARE(BusinessHours::fromJson({{u"week"_s, QJsonObject{{u"mon"_s,
                                                                   QJsonArray{QJsonArray{u"09:00"_s, u"12:00"_s},
                                                                              QJsonArray{u"11:00"_s, u"13:00"_s}}}}}})
                     .error().field,
                 u"week"_s);
        QCOMPARE(BusinessHours::fromJson({{u"holidays"_s, QJsonArray{u"Christmas"_s}}}).error().field, u"holidays"_s);
    }

    void aPendingTicketKeepsItsUsedTimeInOfficeHours()
    {
        SlaPolicy policy;
        policy.hours = officeHours("Europe/Oslo");
        policy.byPriority[std::size_t(Priority::Normal)] = {2 * Hour, 1 * Hour, 8 * Hour};
        const SlaClock clock(policy.hours);
        SlaClocks clocks;
        // Wednesday 16:00: one working hour that day.
        clocks.arrive(at(u"2026-11-18T16:00:00"_s));
        clocks.customerWrote(at(u"2026-11-18T16:00:00"_s));
        SlaSchedule schedule = SlaSchedule::of(policy, Priority::Normal, clocks);
        QCOMPARE(schedule.get(SlaTarget::FirstResponse).dueAt, at(u"2026-11-19T10:00:00"_s));
        // 75 % of 2 h: 16:00 + 1 h, then 30 min on Thursday.
        QCOMPARE(schedule.get(SlaTarget::FirstResponse).riskAt, at(u"2026-11-19T09:30:00"_s));

        // Answered and set pending at 16:30; the customer writes back on
        // Thursday at 12:00. Resolution had used 30 minutes.
        clocks.replied(at(u"2026-11-18T16:30:00"_s));
        clocks.statusChanged(TicketStatus::Pending, at(u"2026-11-18T16:30:00"_s), clock);
        schedule = SlaSchedule::of(policy, Priority::Normal, clocks);
        QCOMPARE(schedule.get(SlaTarget::Resolution).dueAt, 0); // paused
        clocks.customerWrote(at(u"2026-11-19T12:00:00"_s));
        clocks.statusChanged(TicketStatus::Open, at(u"2026-11-19T12:00:00"_s), clock);
        schedule = SlaSchedule::of(policy, Priority::Normal, clocks);
        QCOMPARE(schedule.get(SlaTarget::FirstResponse).dueAt, 0);
        QCOMPARE(schedule.get(SlaTarget::NextResponse).dueAt, at(u"2026-11-19T13:00:00"_s));
        // 7 h 30 min left from Thursday 12:00: 5 h that day, 2 h 30 min Friday.
        QCOMPARE(schedule.get(SlaTarget::Resolution).dueAt, at(u"2026-11-20T11:30:00"_s));
    }

    void announcementsHappenOnceAndAreTakenBackWhenTheTargetMoves()
    {
        SlaPolicy policy;
        policy.byPriority[std::size_t(Priority::Normal)] = {60 * Minute, 0, 0};
        policy.byPriority[std::size_t(Priority::Low)] = {240 * Minute, 0, 0};
        policy.atRiskPercent = 50;
        const qint64 t0 = at(u"2026-11-18T10:00:00"_s);
        SlaClocks clocks;
        clocks.arrive(t0);
        clocks.customerWrote(t0);

        SlaSchedule schedule = SlaSchedule::of(policy, Priority::Normal, clocks);
        QCOMPARE(schedule.nextCheck(clocks), t0 + 30 * Minute);
        QVERIFY(schedule.cross(clocks, t0 + 29 * Minute).isEmpty());
        QList<SlaSchedule::Crossing> crossed = schedule.cross(clocks, t0 + 31 * Minute);
        QCOMPARE(crossed.size(), 1);
        QVERIFY(crossed.first().target == SlaTarget::FirstResponse);
        QVERIFY(!crossed.first().breached);
        QVERIFY(schedule.cross(clocks, t0 + 32 * Minute).isEmpty());
        QCOMPARE(schedule.state(clocks).atRisk, slaBit(SlaTarget::FirstResponse));
        QCOMPARE(schedule.nextCheck(clocks), t0 + 60 * Minute);

        // Priority lowered: the risk no longer holds and is taken back.
        schedule = SlaSchedule::of(policy, Priority::Low, clocks);
        schedule.settle(clocks, t0 + 32 * Minute);
        QCOMPARE(schedule.state(clocks).atRisk, 0);
        QCOMPARE(schedule.nextCheck(clocks), t0 + 120 * Minute);
        crossed = schedule.cross(clocks, t0 + 241 * Minute);
        QCOMPARE(crossed.size(), 1);
        QVERIFY(crossed.first().breached);
        QVERIFY(clocks.missed);
        QCOMPARE(schedule.state(clocks).breached, slaBit(SlaTarget::FirstResponse));
        QCOMPARE(schedule.nextCheck(clocks), 0);

        // The clocks survive their JSON.
        const SlaClocks back = SlaClocks::fromJson(clocks.toJson());
        QCOMPARE(back.toJson(), clocks.toJson());
    }

    void policyFromJson()
    {
        const QJsonObject json{{u"targets"_s, QJsonObject{{u"high"_s, QJsonObject{{u"first_response"_s, 30}}}}},
                               {u"ownership"_s, 15}};
        Expected<SlaPolicy> policy = SlaPolicy::fromJson(json);
        QVERIFY(policy);
        QCOMPARE(policy->target(SlaTarget::FirstResponse, Priority::High), 30 * Minute);
        QCOMPARE(policy->target(SlaTarget::Resolution, Priority::High), 0);
        QCOMPARE(policy->target(SlaTarget::Ownership, Priority::Low), 15 * Minute);
        QCOMPARE(policy->atRiskPercent, 75);
        Expected<SlaPolicy> again = SlaPolicy::fromJson(policy->toJson());
        QVERIFY(again);
        QCOMPARE(again->toJson(), policy->toJson());
        QVERIFY(SlaPolicy{}.isEmpty());
        QVERIFY(!policy->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSlaClock)
#include "tst_sla_clock.moc"
