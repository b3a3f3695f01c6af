#include "models/slacountdown.h"

#include <QCoreApplication>

namespace Signpost {

namespace {

QString span(qint64 ms)
{
    const qint64 minutes = ms / 60'000;
    if (minutes < 60)
        return QCoreApplication::translate("SlaStanding", "%1 min").arg(minutes);
    if (minutes < 48 * 60) {
        return minutes % 60 == 0 ? QCoreApplication::translate("SlaStanding", "%1 h").arg(minutes / 60)
                                 : QCoreApplication::translate("SlaStanding", "%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    }
    return QCoreApplication::translate("SlaStanding", "%1 d").arg(minutes / (24 * 60));
}

} // namespace

SlaStanding SlaStanding::of(const TicketSla &sla, SlaTarget target, const SlaClock &clock, qint64 nowMs)
{
    SlaStanding standing;
    const qint64 due = sla.due(target);
    if (nowMs >= due) {
        standing.leftMs = -clock.elapsed(due, nowMs);
        standing.level = Level::Overdue;
        return standing;
    }
    standing.leftMs = clock.elapsed(nowMs, due);
    const bool flagged = (sla.atRisk | sla.breached) & slaBit(target);
    standing.level = flagged ? Level::AtRisk : Level::Running;
    return standing;
}

std::optional<std::pair<SlaTarget, SlaStanding>> SlaStanding::mostUrgent(const TicketSla &sla, const SlaClock &clock,
                                                                         qint64 nowMs)
{
    std::optional<std::pair<SlaTarget, SlaStanding>> urgent;
    for (SlaTarget target : AllSlaTargets) {
        if (sla.due(target) <= 0)
            continue;
        if (!urgent || sla.due(target) < sla.due(urgent->first))
            urgent = std::pair{target, of(sla, target, clock, nowMs)};
    }
    return urgent;
}

QString SlaStanding::text() const
{
    if (level == Level::Overdue)
        return QCoreApplication::translate("SlaStanding", "overdue %1").arg(span(-leftMs));
    return QCoreApplication::translate("SlaStanding", "%1 left").arg(span(leftMs));
}

QColor SlaStanding::colour() const
{
    switch (level) {
    case Level::Running: return {};
    case Level::AtRisk: return QColor(0xb4, 0x53, 0x09);  // amber, readable on white
    case Level::Overdue: return QColor(0xb9, 0x1c, 0x1c); // red
    }
    return {};
}

QString slaTargetLabel(SlaTarget target)
{
    switch (target) {
    case SlaTarget::FirstResponse: return QCoreApplication::translate("SlaStanding", "First response");
    case SlaTarget::NextResponse: return QCoreApplication::translate("SlaStanding", "Next response");
    case SlaTarget::Resolution: return QCoreApplication::translate("SlaStanding", "Resolution");
    case SlaTarget::Ownership: return QCoreApplication::translate("SlaStanding", "First touch");
    }
    return {};
}

} // namespace Signpost
