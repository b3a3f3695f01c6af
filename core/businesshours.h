#pragma once

#include "core/expected.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QTimeZone>

#include <array>

namespace Signpost {

// When a department works: weekly hours in its own time zone, and holidays
// when it does not. No hours at all means always open (24/7).
struct BusinessHours
{
    struct Span
    {
        int startMinute = 0; // minutes after local midnight
        int endMinute = 0;   // exclusive; at most 24 * 60
    };

    QTimeZone zone = QTimeZone::utc();
    std::array<QList<Span>, 7> week; // Monday first, as Qt::DayOfWeek - 1
    QSet<QDate> holidays;            // local dates, closed all day

    bool alwaysOpen() const;

    // {"time_zone": "Europe/Oslo", "week": {"mon": [["09:00","17:00"]], …},
    //  "holidays": ["2026-12-25"]}
    QJsonObject toJson() const;
    static Expected<BusinessHours> fromJson(const QJsonObject &json);
};

} // namespace Signpost
