// SLA clock arithmetic with an injected "now": working hours, weekends,
// holidays, time zones and daylight saving, pauses while waiting on the
// customer.
#include "core/slaclock.h"

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
};

QTEST_GUILESS_MAIN(TestSlaClock)
#include "tst_sla_clock.moc"
