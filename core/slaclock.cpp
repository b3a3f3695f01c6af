#include "core/slaclock.h"

#include <QDateTime>

#include <algorithm>

namespace Signpost {

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;
constexpr int HorizonDays = 3 * 366;

// [span] minus every pause, appended to `out` in order.
void subtractPauses(const TimeSpan &span, const QList<TimeSpan> &pauses, QList<TimeSpan> &out)
{
    qint64 cursor = span.start;
    for (const TimeSpan &pause : pauses) {
        if (pause.end <= cursor || pause.start >= span.end)
            continue;
        if (pause.start > cursor)
            out.append({cursor, pause.start});
        cursor = std::max(cursor, pause.end);
        if (cursor >= span.end)
            return;
    }
    if (cursor < span.end)
        out.append({cursor, span.end});
}

QList<TimeSpan> sortedPauses(QList<TimeSpan> pauses)
{
    std::sort(pauses.begin(), pauses.end(), [](const TimeSpan &a, const TimeSpan &b) { return a.start < b.start; });
    return pauses;
}

} // namespace

SlaClock::SlaClock(BusinessHours hours)
    : m_hours(std::move(hours))
{
}

QList<TimeSpan> SlaClock::openSpans(qint64 fromMs, qint64 toMs) const
{
    QList<TimeSpan> spans;
    if (toMs <= fromMs)
        return spans;
    if (m_hours.alwaysOpen()) {
        spans.append({fromMs, toMs});
        return spans;
    }
    const QTimeZone &zone = m_hours.zone;
    QDate day = QDateTime::fromMSecsSinceEpoch(fromMs, zone).date().addDays(-1);
    const QDate last = QDateTime::fromMSecsSinceEpoch(toMs, zone).date();
    for (; day <= last; day = day.addDays(1)) {
        if (m_hours.holidays.contains(day))
            continue;
        for (const BusinessHours::Span &span : m_hours.week[std::size_t(day.dayOfWeek() - 1)]) {
            // Local wall-clock times to instants: the zone decides DST.
            const QDateTime start(day, QTime(0, 0).addSecs(span.startMinute * 60), zone);
            const QDateTime end = span.endMinute >= 24 * 60
                                      ? QDateTime(day.addDays(1), QTime(0, 0), zone)
                                      : QDateTime(day, QTime(0, 0).addSecs(span.endMinute * 60), zone);
            const qint64 s = std::max(fromMs, start.toMSecsSinceEpoch());
            const qint64 e = std::min(toMs, end.toMSecsSinceEpoch());
            if (s < e)
                spans.append({s, e});
        }
    }
    return spans;
}

qint64 SlaClock::elapsed(qint64 fromMs, qint64 toMs, const QList<TimeSpan> &pauses) const
{
    const QList<TimeSpan> ordered = sortedPauses(pauses);
    QList<TimeSpan> running;
    for (const TimeSpan &span : openSpans(fromMs, toMs))
        subtractPauses(span, ordered, running);
    qint64 total = 0;
    for (const TimeSpan &span : running)
        total += span.end - span.start;
    return total;
}

qint64 SlaClock::dueAt(qint64 fromMs, qint64 targetMs, const QList<TimeSpan> &pauses) const
{
    if (targetMs <= 0)
        return fromMs;
    const QList<TimeSpan> ordered = sortedPauses(pauses);
    qint64 left = targetMs;
    // A week at a time, so long targets do not build one huge list.
    for (qint64 windowStart = fromMs; windowStart < fromMs + HorizonDays * Day; windowStart += 7 * Day) {
        QList<TimeSpan> running;
        for (const TimeSpan &span : openSpans(windowStart, windowStart + 7 * Day))
            subtractPauses(span, ordered, running);
        for (const TimeSpan &span : running) {
            const qint64 length = span.end - span.start;
            if (length >= left)
                return span.start + left;
            left -= length;
        }
    }
    return -1;
}

} // namespace Signpost
