#pragma once

#include "core/slaclock.h"
#include "core/slapolicy.h"

#include <QColor>
#include <QString>

namespace Signpost {

// How an SLA clock stands for the desk, worked out from the cache alone so
// the countdowns keep running offline: working time left (as the
// department's business hours count it), or how long it is overdue.
struct SlaStanding
{
    enum class Level { Running, AtRisk, Overdue };
    qint64 leftMs = 0; // negative once overdue
    Level level = Level::Running;

    static SlaStanding of(const TicketSla &sla, SlaTarget target, const SlaClock &clock, qint64 nowMs);
    // The most urgent of a ticket's running clocks; nullopt when none runs.
    static std::optional<std::pair<SlaTarget, SlaStanding>> mostUrgent(const TicketSla &sla, const SlaClock &clock,
                                                                       qint64 nowMs);

    QString text() const;      // "42 min left", "overdue 1 h 5 min"
    QColor colour() const;     // invalid while simply running
};

QString slaTargetLabel(SlaTarget target);

} // namespace Signpost
