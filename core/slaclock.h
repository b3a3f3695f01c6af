#pragma once

#include "core/businesshours.h"

#include <QList>

namespace Signpost {

// An interval of UTC milliseconds, [start, end).
struct TimeSpan
{
    qint64 start = 0;
    qint64 end = 0;
};

// Business-time arithmetic for SLA clocks: how much working time lies between
// two instants, and when a target is reached — skipping closed hours,
// weekends and holidays, in the department's time zone (daylight saving
// included), and leaving out pauses (a ticket waiting on the customer). Pure:
// "now" is always passed in, so the client shows the same countdowns offline.
class SlaClock
{
public:
    explicit SlaClock(BusinessHours hours = {});

    // Working milliseconds in [from, to), minus the pauses.
    qint64 elapsed(qint64 fromMs, qint64 toMs, const QList<TimeSpan> &pauses = {}) const;
    // The instant at which `targetMs` of working time has passed since
    // `fromMs`, not counting the pauses; -1 if it is more than ~3 years away
    // (a schedule with no hours left).
    qint64 dueAt(qint64 fromMs, qint64 targetMs, const QList<TimeSpan> &pauses = {}) const;

    // The open intervals of the schedule that meet [from, to), in order.
    QList<TimeSpan> openSpans(qint64 fromMs, qint64 toMs) const;

private:
    BusinessHours m_hours;
};

} // namespace Signpost
