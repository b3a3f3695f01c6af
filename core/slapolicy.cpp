#include "core/slapolicy.h"

#include "core/slaclock.h"
#include "core/timestamps.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

constexpr qint64 Minute = 60 * 1000;
constexpr qint64 MaxTargetMinutes = 366LL * 24 * 60;
constexpr std::array<Priority, 4> Priorities{Priority::Low, Priority::Normal, Priority::High, Priority::Urgent};

QJsonValue minutes(qint64 ms)
{
    return ms > 0 ? QJsonValue(ms / Minute) : QJsonValue(QJsonValue::Null);
}

// A target in whole minutes, absent or null for none.
Expected<qint64> readMinutes(const QJsonObject &json, const QString &key, const QString &field)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull())
        return qint64(0);
    const double number = value.toDouble(-1);
    // The range first: converting a huge double to an integer is undefined.
    if (!value.isDouble() || number < 0 || number > double(MaxTargetMinutes) || number != double(qint64(number)))
        return Error::invalid(field,
                QCoreApplication::translate("Signpost::SlaPolicy",
                                            "%1 must be a whole number of minutes from 0 to %2.")
                                        .arg(field).arg(MaxTargetMinutes));
    return qint64(number) * Minute;
}

QJsonArray runJson(const SlaClocks::Run &run)
{
    return QJsonArray{run.since, run.spentMs, run.active};
}

SlaClocks::Run runFromJson(const QJsonValue &value)
{
    const QJsonArray array = value.toArray();
    // The flag may be written as 1 by SQL's json_array().
    return SlaClocks::Run{array.at(0).toInteger(), array.at(1).toInteger(), array.at(2).toVariant().toBool()};
}

void pause(SlaClocks::Run &run, qint64 at, const SlaClock &clock)
{
    if (!run.active || run.since == 0)
        return;
    run.spentMs += clock.elapsed(run.since, at);
    run.since = 0;
}

void resume(SlaClocks::Run &run, qint64 at)
{
    if (run.active && run.since == 0)
        run.since = at;
}

} // namespace

QString toString(SlaTarget target)
{
    switch (target) {
    case SlaTarget::FirstResponse: return u"first_response"_s;
    case SlaTarget::NextResponse: return u"next_response"_s;
    case SlaTarget::Resolution: return u"resolution"_s;
    case SlaTarget::Ownership: return u"ownership"_s;
    }
    return {};
}

std::optional<SlaTarget> slaTargetFromString(const QString &text)
{
    for (SlaTarget target : AllSlaTargets) {
        if (toString(target) == text)
            return target;
    }
    return std::nullopt;
}

QStringList slaTargetNames(int bits)
{
    QStringList names;
    for (SlaTarget target : AllSlaTargets) {
        if (bits & slaBit(target))
            names.append(toString(target));
    }
    return names;
}

int slaTargetBits(const QStringList &names)
{
    int bits = 0;
    for (SlaTarget target : AllSlaTargets) {
        if (names.contains(toString(target)))
            bits |= slaBit(target);
    }
    return bits;
}

bool SlaPolicy::isEmpty() const
{
    if (ownershipMs > 0)
        return false;
    return std::all_of(byPriority.begin(), byPriority.end(), [](const Targets &t) {
        return t.firstResponseMs == 0 && t.nextResponseMs == 0 && t.resolutionMs == 0;
    });
}

qint64 SlaPolicy::target(SlaTarget which, Priority priority) const
{
    const Targets &targets = byPriority[std::size_t(priority)];
    switch (which) {
    case SlaTarget::FirstResponse: return targets.firstResponseMs;
    case SlaTarget::NextResponse: return targets.nextResponseMs;
    case SlaTarget::Resolution: return targets.resolutionMs;
    case SlaTarget::Ownership: return ownershipMs;
    }
    return 0;
}

QJsonObject SlaPolicy::toJson() const
{
    QJsonObject targets;
    for (Priority priority : Priorities) {
        const Targets &t = byPriority[std::size_t(priority)];
        targets.insert(toString(priority), QJsonObject{{u"first_response"_s, minutes(t.firstResponseMs)},
                                                       {u"next_response"_s, minutes(t.nextResponseMs)},
                                                       {u"resolution"_s, minutes(t.resolutionMs)}});
    }
    return QJsonObject{{u"targets"_s, targets},
                       {u"ownership"_s, minutes(ownershipMs)},
                       {u"at_risk_percent"_s, atRiskPercent},
                       {u"business_hours"_s, hours.toJson()}};
}

Expected<SlaPolicy> SlaPolicy::fromJson(const QJsonObject &json)
{
    static const QStringList keys{u"targets"_s, u"ownership"_s, u"at_risk_percent"_s, u"business_hours"_s};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!keys.contains(it.key()))
            return Error::invalid(u"sla"_s,
                    QCoreApplication::translate("Signpost::SlaPolicy",
                                                "Unknown SLA setting “%1”; use %2.").arg(it.key(), keys.join(u", "_s)));
    }
    SlaPolicy policy;
    const QJsonObject targets = json.value(u"targets"_s).toObject();
    for (auto it = targets.begin(); it != targets.end(); ++it) {
        const auto priority = priorityFromString(it.key());
        if (!priority)
            return Error::invalid(u"sla.targets"_s,
                    QCoreApplication::translate("Signpost::SlaPolicy",
                                                "Unknown priority “%1” in the SLA targets.").arg(it.key()));
        const QJsonObject perPriority = it.value().toObject();
        for (auto target = perPriority.begin(); target != perPriority.end(); ++target) {
            if (target.key() != u"first_response" && target.key() != u"next_response" && target.key() != u"resolution")
                return Error::invalid(u"sla.targets"_s,
                        QCoreApplication::translate("Signpost::SlaPolicy",
                                                    "SLA targets are first_response, next_response and resolution."));
        }
        Targets &t = policy.byPriority[std::size_t(*priority)];
        const QString prefix = u"sla.targets.%1."_s.arg(it.key());
        for (auto [key, slot] : {std::pair{u"first_response"_s, &t.firstResponseMs},
                                 std::pair{u"next_response"_s, &t.nextResponseMs},
                                 std::pair{u"resolution"_s, &t.resolutionMs}}) {
            Expected<qint64> ms = readMinutes(perPriority, key, prefix + key);
            if (!ms)
                return ms.error();
            *slot = *ms;
        }
    }
    Expected<qint64> ownership = readMinutes(json, u"ownership"_s, u"sla.ownership"_s);
    if (!ownership)
        return ownership.error();
    policy.ownershipMs = *ownership;
    if (json.contains(u"at_risk_percent"_s)) {
        const int percent = json.value(u"at_risk_percent"_s).toInt(-1);
        if (percent < 1 || percent > 99)
            return Error::invalid(u"sla.at_risk_percent"_s,
                    QCoreApplication::translate("Signpost::SlaPolicy",
                                                "at_risk_percent must be a whole number from 1 to 99."));
        policy.atRiskPercent = percent;
    }
    if (json.contains(u"business_hours"_s)) {
        Expected<BusinessHours> hours = BusinessHours::fromJson(json.value(u"business_hours"_s).toObject());
        if (!hours) {
            Error error = hours.error();
            error.field = u"sla.business_hours."_s + error.field;
            return error;
        }
        policy.hours = *hours;
    }
    return policy;
}

qint64 TicketSla::nextDue() const
{
    qint64 earliest = 0;
    for (qint64 at : dueAt) {
        if (at > 0 && (earliest == 0 || at < earliest))
            earliest = at;
    }
    return earliest;
}

QJsonObject TicketSla::toJson() const
{
    QJsonObject due;
    for (SlaTarget target : AllSlaTargets) {
        if (this->due(target) > 0)
            due.insert(toString(target), isoFromMs(this->due(target)));
    }
    return QJsonObject{{u"at_risk"_s, QJsonArray::fromStringList(slaTargetNames(atRisk))},
                       {u"breached"_s, QJsonArray::fromStringList(slaTargetNames(breached))},
                       {u"due"_s, due}};
}

TicketSla TicketSla::fromJson(const QJsonObject &json)
{
    // Read for every ticket of a sync page: no string is built per lookup.
    static const std::array<QString, 4> names{toString(SlaTarget::FirstResponse), toString(SlaTarget::NextResponse),
                                              toString(SlaTarget::Resolution), toString(SlaTarget::Ownership)};
    TicketSla sla;
    const QJsonObject due = json.value(QLatin1StringView("due")).toObject();
    for (std::size_t i = 0; i < names.size() && !due.isEmpty(); ++i) {
        const QJsonValue at = due.value(names[i]);
        if (at.isString())
            sla.dueAt[i] = std::max<qint64>(0, msFromIso(at.toString()));
    }
    auto bits = [](const QJsonValue &list) {
        int result = 0;
        for (const QJsonValue &name : list.toArray()) {
            const auto found = std::find(names.begin(), names.end(), name.toString());
            if (found != names.end())
                result |= 1 << int(found - names.begin());
        }
        return result;
    };
    sla.atRisk = bits(json.value(QLatin1StringView("at_risk")));
    sla.breached = bits(json.value(QLatin1StringView("breached")));
    return sla;
}

void SlaClocks::arrive(qint64 at, TicketStatus status)
{
    const bool waiting = status == TicketStatus::New || status == TicketStatus::Open || status == TicketStatus::Pending;
    ownership = waiting ? Run{at, 0, true} : Run{};
    warned &= ~slaBit(SlaTarget::Ownership);
    breached &= ~slaBit(SlaTarget::Ownership);
}

void SlaClocks::customerWrote(qint64 at)
{
    if (!resolution.active)
        resolution = Run{at, 0, true};
    if (response.active)
        return;
    response = Run{at, 0, true};
    const int bits = slaBit(SlaTarget::FirstResponse) | slaBit(SlaTarget::NextResponse);
    warned &= ~bits;
    breached &= ~bits;
}

void SlaClocks::replied(qint64 at)
{
    touched(at);
    response = Run{};
    responseIsFirst = false;
}

void SlaClocks::touched(qint64 /*at*/)
{
    ownership.active = false;
    ownership.since = 0;
}

void SlaClocks::statusChanged(TicketStatus status, qint64 at, const SlaClock &clock)
{
    switch (status) {
    case TicketStatus::New:
    case TicketStatus::Open:
        resume(response, at);
        resume(resolution, at);
        break;
    case TicketStatus::Pending:
        pause(response, at, clock);
        pause(resolution, at, clock);
        break;
    case TicketStatus::Solved:
    case TicketStatus::Closed:
        // Nothing is owed on a solved ticket; the resolution clock keeps
        // what it used in case the ticket is reopened.
        response = Run{};
        ownership = Run{};
        pause(resolution, at, clock);
        break;
    }
}

void SlaClocks::rebase(qint64 at, const SlaClock &clock)
{
    for (Run *run : {&response, &resolution}) {
        if (run->active && run->since > 0) {
            pause(*run, at, clock);
            run->since = at;
        }
    }
}

QJsonObject SlaClocks::toJson() const
{
    return QJsonObject{{u"response"_s, runJson(response)}, {u"response_first"_s, responseIsFirst},
                       {u"resolution"_s, runJson(resolution)}, {u"ownership"_s, runJson(ownership)},
                       {u"warned"_s, warned}, {u"breached"_s, breached}, {u"missed"_s, missed}};
}

SlaClocks SlaClocks::fromJson(const QJsonObject &json)
{
    SlaClocks clocks;
    clocks.response = runFromJson(json.value(u"response"_s));
    clocks.responseIsFirst = json.value(u"response_first"_s).toBool(true);
    clocks.resolution = runFromJson(json.value(u"resolution"_s));
    clocks.ownership = runFromJson(json.value(u"ownership"_s));
    clocks.warned = json.value(u"warned"_s).toInt();
    clocks.breached = json.value(u"breached"_s).toInt();
    clocks.missed = json.value(u"missed"_s).toBool();
    return clocks;
}

SlaSchedule SlaSchedule::of(const SlaPolicy &policy, Priority priority, const SlaClocks &clocks)
{
    SlaSchedule schedule;
    const SlaClock clock(policy.hours);
    for (SlaTarget target : AllSlaTargets) {
        const SlaClocks::Run *run = nullptr;
        switch (target) {
        case SlaTarget::FirstResponse: run = clocks.responseIsFirst ? &clocks.response : nullptr; break;
        case SlaTarget::NextResponse: run = clocks.responseIsFirst ? nullptr : &clocks.response; break;
        case SlaTarget::Resolution: run = &clocks.resolution; break;
        case SlaTarget::Ownership: run = &clocks.ownership; break;
        }
        const qint64 targetMs = policy.target(target, priority);
        if (!run || !run->active || run->since == 0 || targetMs <= 0)
            continue;
        const qint64 riskMs = targetMs * policy.atRiskPercent / 100;
        // A clock that used up its target before it paused was due before
        // it resumed: counted back by the overrun (in wall time, which is
        // exact around the clock and near enough with business hours).
        auto instant = [&](qint64 goalMs) {
            const qint64 left = goalMs - run->spentMs;
            return left > 0 ? clock.dueAt(run->since, left) : run->since + left;
        };
        const qint64 due = instant(targetMs);
        const qint64 risk = instant(riskMs);
        if (due < 0)
            continue; // the schedule has no working hours left
        schedule.clocks[std::size_t(target)] = Clock{due, risk < 0 ? due : risk};
    }
    return schedule;
}

void SlaSchedule::settle(SlaClocks &clocks, qint64 now) const
{
    for (SlaTarget target : AllSlaTargets) {
        const Clock &clock = get(target);
        if (clock.dueAt == 0)
            continue;
        if (clock.riskAt > now && !(clocks.breached & slaBit(target)))
            clocks.warned &= ~slaBit(target);
    }
}

QList<SlaSchedule::Crossing> SlaSchedule::cross(SlaClocks &clocks, qint64 now) const
{
    QList<Crossing> crossings;
    for (SlaTarget target : AllSlaTargets) {
        const Clock &clock = get(target);
        const int bit = slaBit(target);
        if (clock.dueAt == 0)
            continue;
        if (now >= clock.dueAt && !(clocks.breached & bit)) {
            clocks.breached |= bit;
            clocks.warned |= bit;
            clocks.missed = clocks.missed || target != SlaTarget::Ownership;
            crossings.append({target, true, clock.dueAt});
        } else if (now >= clock.riskAt && !(clocks.warned & bit)) {
            clocks.warned |= bit;
            crossings.append({target, false, clock.riskAt});
        }
    }
    return crossings;
}

qint64 SlaSchedule::nextCheck(const SlaClocks &clocks) const
{
    qint64 next = 0;
    auto consider = [&next](qint64 at) {
        if (at > 0 && (next == 0 || at < next))
            next = at;
    };
    for (SlaTarget target : AllSlaTargets) {
        const Clock &clock = get(target);
        if (clock.dueAt == 0)
            continue;
        if (!(clocks.warned & slaBit(target)))
            consider(clock.riskAt);
        if (!(clocks.breached & slaBit(target)))
            consider(clock.dueAt);
    }
    return next;
}

TicketSla SlaSchedule::state(const SlaClocks &clocks) const
{
    TicketSla sla;
    for (SlaTarget target : AllSlaTargets) {
        const Clock &clock = get(target);
        if (clock.dueAt == 0)
            continue;
        const int bit = slaBit(target);
        sla.dueAt[std::size_t(target)] = clock.dueAt;
        if (clocks.breached & bit)
            sla.breached |= bit;
        else if (clocks.warned & bit)
            sla.atRisk |= bit;
    }
    return sla;
}

} // namespace Signpost
