#include "core/businesshours.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTime>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

const std::array<QString, 7> dayKeys{u"mon"_s, u"tue"_s, u"wed"_s, u"thu"_s, u"fri"_s, u"sat"_s, u"sun"_s};

QString clock(int minute)
{
    return u"%1:%2"_s.arg(minute / 60, 2, 10, QChar(u'0')).arg(minute % 60, 2, 10, QChar(u'0'));
}

int minuteOf(const QString &text)
{
    if (text == u"24:00")
        return 24 * 60;
    const QTime time = QTime::fromString(text, u"HH:mm"_s);
    return time.isValid() ? time.hour() * 60 + time.minute() : -1;
}

} // namespace

bool BusinessHours::alwaysOpen() const
{
    return std::all_of(week.cbegin(), week.cend(), [](const QList<Span> &day) { return day.isEmpty(); });
}

QJsonObject BusinessHours::toJson() const
{
    QJsonObject days;
    for (int d = 0; d < 7; ++d) {
        QJsonArray spans;
        for (const Span &span : week[d])
            spans.append(QJsonArray{clock(span.startMinute), clock(span.endMinute)});
        if (!spans.isEmpty())
            days.insert(dayKeys[d], spans);
    }
    QJsonArray closed;
    QList<QDate> sorted(holidays.cbegin(), holidays.cend());
    std::sort(sorted.begin(), sorted.end());
    for (const QDate &date : sorted)
        closed.append(date.toString(Qt::ISODate));
    return QJsonObject{{u"time_zone"_s, QString::fromUtf8(zone.id())}, {u"week"_s, days}, {u"holidays"_s, closed}};
}

Expected<BusinessHours> BusinessHours::fromJson(const QJsonObject &json)
{
    BusinessHours hours;
    const QString zone = json.value(u"time_zone"_s).toString(u"UTC"_s);
    hours.zone = QTimeZone(zone.toUtf8());
    if (!hours.zone.isValid())
        return Error::invalid(u"time_zone"_s,
                QCoreApplication::translate("Signpost::BusinessHours",
                                            "“%1” is not a time zone, such as Europe/Oslo.").arg(zone));
    const QJsonObject week = json.value(u"week"_s).toObject();
    for (auto it = week.begin(); it != week.end(); ++it) {
        const auto day = std::find(dayKeys.cbegin(), dayKeys.cend(), it.key());
        if (day == dayKeys.cend())
            return Error::invalid(u"week"_s,
                    QCoreApplication::translate("Signpost::BusinessHours",
                                                "Days are mon, tue, wed, thu, fri, sat and sun."));
        QList<Span> &spans = hours.week[std::size_t(day - dayKeys.cbegin())];
        for (const QJsonValue &value : it.value().toArray()) {
            const QJsonArray pair = value.toArray();
            const Span span{minuteOf(pair.at(0).toString()), minuteOf(pair.at(1).toString())};
            if (pair.size() != 2 || span.startMinute < 0 || span.endMinute <= span.startMinute)
                return Error::invalid(u"week"_s,
                        QCoreApplication::translate("Signpost::BusinessHours",
                                                    "Hours are [“HH:mm”, “HH:mm”] pairs, start before end."));
            spans.append(span);
        }
        std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.startMinute < b.startMinute; });
        for (qsizetype i = 1; i < spans.size(); ++i) {
            if (spans[i].startMinute < spans[i - 1].endMinute)
                return Error::invalid(u"week"_s,
                        QCoreApplication::translate("Signpost::BusinessHours",
                                                    "The hours of %1 overlap.").arg(it.key()));
        }
    }
    for (const QJsonValue &value : json.value(u"holidays"_s).toArray()) {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        if (!date.isValid())
            return Error::invalid(u"holidays"_s,
                    QCoreApplication::translate("Signpost::BusinessHours", "Holidays are dates such as 2026-12-25."));
        hours.holidays.insert(date);
    }
    return hours;
}

} // namespace Signpost
