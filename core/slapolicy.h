#pragma once

#include "core/businesshours.h"
#include "core/enums.h"
#include "core/expected.h"

#include <QJsonObject>
#include <QStringList>

#include <array>
#include <optional>

namespace Signpost {

class SlaClock;

// The clocks a ticket runs against. The first three are promises to the
// customer; ownership is the department's internal target for the first
// touch after a ticket arrives (created there or transferred in).
enum class SlaTarget { FirstResponse, NextResponse, Resolution, Ownership };
inline constexpr std::array<SlaTarget, 4> AllSlaTargets{SlaTarget::FirstResponse, SlaTarget::NextResponse,
                                                        SlaTarget::Resolution, SlaTarget::Ownership};
inline constexpr int slaBit(SlaTarget target) { return 1 << int(target); }
QString toString(SlaTarget target);
std::optional<SlaTarget> slaTargetFromString(const QString &text);
QStringList slaTargetNames(int bits);
int slaTargetBits(const QStringList &names);

// A department's SLA policy: targets per priority, an ownership target, the
// share of a target after which a ticket is "at risk", and business hours.
// Targets are working time; 0 means no target.
struct SlaPolicy
{
    struct Targets
    {
        qint64 firstResponseMs = 0;
        qint64 nextResponseMs = 0;
        qint64 resolutionMs = 0;
    };
    std::array<Targets, 4> byPriority; // indexed by Priority
    qint64 ownershipMs = 0;
    int atRiskPercent = 75;
    BusinessHours hours;

    bool isEmpty() const;
    qint64 target(SlaTarget which, Priority priority) const;

    // {"targets": {"urgent": {"first_response": 30, "next_response": 60,
    //  "resolution": 240}, …}, "ownership": 15, "at_risk_percent": 75,
    //  "business_hours": {…}} — targets in minutes.
    QJsonObject toJson() const;
    static Expected<SlaPolicy> fromJson(const QJsonObject &json);
};

// When a ticket's clocks fall due and whether they are at risk or breached,
// as the server stored them; what the desk shows and counts down from.
struct TicketSla
{
    std::array<qint64, 4> dueAt{}; // by SlaTarget; 0 = not running (met, paused or no target)
    int atRisk = 0;                // slaBit()s
    int breached = 0;

    qint64 due(SlaTarget target) const { return dueAt[std::size_t(target)]; }
    // The earliest running due instant, 0 when none runs.
    qint64 nextDue() const;
    bool isEmpty() const { return nextDue() == 0 && atRisk == 0 && breached == 0; }

    // {"at_risk": [...], "breached": [...], "due": {"first_response": iso, …}}
    QJsonObject toJson() const;
    static TicketSla fromJson(const QJsonObject &json);
};

// The facts a ticket's clocks run on, kept by the server per ticket and
// changed by what happens to the ticket. Response and resolution clocks
// pause (keeping the working time already spent) while the ticket waits on
// the customer; the ownership clock restarts in each department and stops
// at the first touch there.
struct SlaClocks
{
    struct Run
    {
        qint64 since = 0;   // running since; 0 when paused or stopped
        qint64 spentMs = 0; // working time already used before `since`
        bool active = false;
    };
    Run response;                 // a reply is owed
    bool responseIsFirst = true;  // … and it is the first one
    Run resolution;
    Run ownership;
    int warned = 0;   // slaBit()s already announced as at risk in this cycle
    int breached = 0; // … and as breached
    bool missed = false; // a customer-facing target was ever missed

    // What happens to a ticket, at `at`. `clock` is the department's.
    // Created in, or transferred into, a department; a solved or closed
    // ticket moved on waits for nobody, so its ownership clock stays off.
    void arrive(qint64 at, TicketStatus status = TicketStatus::New);
    void customerWrote(qint64 at);         // a customer message: a reply is owed
    void replied(qint64 at);               // an agent's reply to the customer
    void touched(qint64 at);               // any agent action in the department
    void statusChanged(TicketStatus status, qint64 at, const SlaClock &clock);
    // Measures what the running clocks used under the old department's hours
    // before the receiving department's policy applies.
    void rebase(qint64 at, const SlaClock &clock);

    QJsonObject toJson() const;
    static SlaClocks fromJson(const QJsonObject &json);
};

// The due and at-risk instants of a ticket's clocks under a policy.
struct SlaSchedule
{
    struct Clock
    {
        qint64 dueAt = 0; // 0 = not running
        qint64 riskAt = 0;
    };
    std::array<Clock, 4> clocks{}; // by SlaTarget
    const Clock &get(SlaTarget target) const { return clocks[std::size_t(target)]; }

    static SlaSchedule of(const SlaPolicy &policy, Priority priority, const SlaClocks &clocks);

    // Forgets risk announcements that no longer hold (a target moved later,
    // for example after the priority went down), so they can be made again.
    // A breach stays: it happened, and is announced once.
    void settle(SlaClocks &clocks, qint64 now) const;
    // The targets that reached risk or due by `now` and were not announced;
    // marks them announced.
    struct Crossing
    {
        SlaTarget target;
        bool breached;
        qint64 at;
    };
    QList<Crossing> cross(SlaClocks &clocks, qint64 now) const;
    // When the next announcement falls due; 0 when none.
    qint64 nextCheck(const SlaClocks &clocks) const;
    TicketSla state(const SlaClocks &clocks) const;
};

} // namespace Signpost
