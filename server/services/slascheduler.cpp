#include "server/services/slascheduler.h"

#include "server/storage/database.h"
#include "server/storage/transaction.h"

#include "core/slaclock.h"
#include "core/timestamps.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Signpost {

SlaScheduler::SlaScheduler(Database &db, TicketRecords &records)
    : m_db(db)
    , m_records(records)
{
}

Expected<SlaScheduler::Sweep> SlaScheduler::sweep(int chunk)
{
    Sweep swept;
    // A policy change's rescheduling and the announcements take turns, so
    // neither waits for the other (a ticket the rescheduling has not reached
    // is rescheduled, not announced: announce()).
    QSqlQuery &pending = m_db.prepared(
        u"SELECT department_id, after_id, changed_at FROM sla_reschedules ORDER BY changed_at LIMIT 1"_s);
    if (!pending.exec())
        return storageError(pending);
    m_rescheduleTurn = !m_rescheduleTurn;
    if (pending.next() && m_rescheduleTurn) {
        const qint64 departmentId = pending.value(0).toLongLong();
        const qint64 afterId = pending.value(1).toLongLong();
        const qint64 changedAt = pending.value(2).toLongLong();
        pending.finish();
        Transaction tx(m_db);
        if (Status begun = tx.begun(); !begun)
            return begun.error();
        ChangeNotice notice;
        notice.departments = {departmentId};
        Expected<qint64> last = rescheduleChunk(departmentId, afterId, changedAt, chunk, notice);
        if (!last)
            return last.error();
        if (Status recorded = *last == 0
                                  ? m_records.execute(u"DELETE FROM sla_reschedules WHERE department_id = ?"_s, {departmentId})
                                  : m_records.execute(u"UPDATE sla_reschedules SET after_id = ? WHERE department_id = ?"_s,
                                            {*last, departmentId});
            !recorded)
            return recorded.error();
        if (Status committed = tx.commit(); !committed)
            return committed.error();
        if (notice.seq > 0)
            m_records.publish(notice);
        swept.more = true; // the next chunk, or the announcements
        return swept;
    }
    const bool rescheduling = pending.isValid();
    pending.finish();

    const qint64 at = m_records.now();
    Expected<QList<qint64>> ids = m_records.ticketIds(
        u"SELECT id FROM tickets WHERE sla_check_at <= ? ORDER BY sla_check_at LIMIT ?"_s, {at, chunk});
    if (!ids)
        return ids.error();
    for (qint64 id : std::as_const(*ids)) {
        Expected<int> made = announce(id, at);
        if (!made)
            return made.error();
        swept.announced += *made;
    }
    swept.more = ids->size() == chunk || rescheduling;
    return swept;
}

Expected<int> SlaScheduler::checkAll(int chunk)
{
    int announced = 0;
    // Bounded all the same: a ticket whose check never moved on must not
    // keep this turning.
    for (int round = 0; round < 10'000; ++round) {
        Expected<Sweep> swept = sweep(chunk);
        if (!swept)
            return swept.error();
        announced += swept->announced;
        if (!swept->more)
            break;
    }
    return announced;
}

bool SlaScheduler::hasPendingReschedules()
{
    Expected<QList<qint64>> pending = m_records.ticketIds(u"SELECT department_id FROM sla_reschedules LIMIT 1"_s, {});
    return pending && !pending->isEmpty();
}

Expected<int> SlaScheduler::announceIfDue(qint64 ticketId)
{
    const qint64 at = m_records.now();
    // Due by its schedule, or its department's new policy has not reached
    // it yet.
    Expected<QList<qint64>> due = m_records.ticketIds(
        u"SELECT t.id FROM tickets t WHERE t.id = ? AND (t.sla_check_at <= ? OR EXISTS (SELECT 1 FROM sla_reschedules r"
        " WHERE r.department_id = t.department_id AND r.after_id < t.id))"_s,
        {ticketId, at});
    if (!due)
        return due.error();
    return due->isEmpty() ? Expected<int>(0) : announce(ticketId, at);
}

Expected<std::optional<qint64>> SlaScheduler::pendingReschedule(qint64 departmentId, qint64 ticketId)
{
    QSqlQuery &query =
        m_db.prepared(u"SELECT changed_at FROM sla_reschedules WHERE department_id = ? AND after_id < ?"_s);
    query.addBindValue(departmentId);
    query.addBindValue(ticketId);
    if (!query.exec())
        return storageError(query);
    std::optional<qint64> changedAt;
    if (query.next())
        changedAt = query.value(0).toLongLong();
    query.finish();
    return changedAt;
}

Expected<int> SlaScheduler::announce(qint64 ticketId, qint64 at)
{
    // Read under the writers' lock: another instance may have announced it.
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    Expected<TicketRecords::Tracked> found = m_records.tracked(ticketId);
    if (!found)
        return found.error();
    Ticket &t = found->ticket;
    SlaClocks &clocks = found->clocks;
    Expected<std::optional<qint64>> pending = pendingReschedule(t.departmentId, t.id);
    if (!pending)
        return pending.error();

    // Its department's new policy has not reached it yet: it does now. What
    // that policy found late when it was made is not announced; what fell
    // due since is, below.
    ChangeNotice rescheduled;
    rescheduled.departments = {t.departmentId};
    if (*pending) {
        if (Status done = rescheduleTicket(*found, **pending, rescheduled); !done)
            return done.error();
    }
    const SlaSchedule schedule = SlaSchedule::of(m_records.policyOf(t.departmentId), t.priority, clocks);
    const QList<SlaSchedule::Crossing> crossings = schedule.cross(clocks, at);
    bool breached = false;
    if (!crossings.isEmpty()) {
        // Seen by the desks, but not an agent's change: the version stays,
        // so nobody's transfer or assignment becomes stale because of it.
        const Expected<qint64> nextSeq = m_db.nextSeq();
        if (!nextSeq)
            return nextSeq.error();
        t.seq = *nextSeq;
        for (const SlaSchedule::Crossing &crossing : crossings) {
            breached = breached || crossing.breached;
            const QJsonObject data{{u"target"_s, toString(crossing.target)},
                                   {crossing.breached ? u"due_at"_s : u"at_risk_at"_s, isoFromMs(crossing.at)}};
            if (Status event = m_records.addEvent(t.id, QString::fromUtf16(crossing.breached ? EventKind::SlaBreached
                                                                                  : EventKind::SlaAtRisk),
                                        0, data, t.seq, at);
                !event)
                return event.error();
        }
    }
    if (Status saved = m_records.save(t, clocks, at); !saved)
        return saved.error();
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    if (crossings.isEmpty()) {
        if (rescheduled.seq > 0)
            m_records.publish(rescheduled);
        return 0;
    }
    ChangeNotice notice;
    notice.seq = t.seq;
    notice.ticketId = t.id;
    notice.subject = t.subject;
    notice.departments = {t.departmentId};
    if (t.assigneeId > 0)
        notice.agents = {t.assigneeId};
    notice.event = breached ? ChangeNotice::Event::SlaBreached : ChangeNotice::Event::SlaAtRisk;
    notice.eventDepartment = t.departmentId;
    notice.ticketAssignee = t.assigneeId;
    m_records.publish(notice);
    return int(crossings.size());
}

Expected<SlaScheduler::Rescheduled> SlaScheduler::reschedule(qint64 departmentId, int chunk)
{
    const qint64 at = m_records.now();
    Rescheduled done;
    done.notice.departments = {departmentId};
    Expected<qint64> last = rescheduleChunk(departmentId, 0, at, chunk, done.notice);
    if (!last)
        return last.error();
    // The rest is the sweep's, from where this chunk stopped; an earlier
    // change's rest is superseded.
    done.more = *last > 0;
    Status recorded = done.more ? m_records.execute(u"INSERT INTO sla_reschedules (department_id, after_id, changed_at)"
                                          " VALUES (?, ?, ?) ON CONFLICT (department_id) DO UPDATE SET"
                                          " after_id = excluded.after_id, changed_at = excluded.changed_at"_s,
                                          {departmentId, *last, at})
                                : m_records.execute(u"DELETE FROM sla_reschedules WHERE department_id = ?"_s, {departmentId});
    if (!recorded)
        return recorded.error();
    return done;
}

Expected<qint64> SlaScheduler::rescheduleChunk(qint64 departmentId, qint64 afterId, qint64 changedAt, int chunk,
                                              ChangeNotice &notice)
{
    Expected<QList<qint64>> ids = m_records.ticketIds(
        u"SELECT id FROM tickets WHERE department_id = ? AND id > ? AND status IN ('new', 'open', 'pending')"
        " ORDER BY id LIMIT ?"_s,
        {departmentId, afterId, chunk});
    if (!ids)
        return ids.error();
    for (qint64 id : std::as_const(*ids)) {
        Expected<TicketRecords::Tracked> found = m_records.tracked(id);
        if (!found)
            return found.error();
        if (Status done = rescheduleTicket(*found, changedAt, notice); !done)
            return done.error();
    }
    return ids->size() < chunk ? 0 : ids->last();
}

Status SlaScheduler::rescheduleTicket(TicketRecords::Tracked &found, qint64 changedAt, ChangeNotice &notice)
{
    Ticket &t = found.ticket;
    SlaClocks &clocks = found.clocks;
    const TicketSla before = t.sla;
    // What a new policy finds already late when it is made is shown as such
    // but not announced, nor counted as missed: it was not promised then.
    const bool missed = clocks.missed;
    SlaSchedule::of(m_records.policyOf(t.departmentId), t.priority, clocks).cross(clocks, changedAt);
    clocks.missed = missed;
    const qint64 at = m_records.now();
    m_records.schedule(t, clocks, at);
    // Saved either way (the next check may move); a new sequence only when
    // the desks have something new to show.
    if (t.sla.dueAt != before.dueAt || t.sla.atRisk != before.atRisk || t.sla.breached != before.breached) {
        const Expected<qint64> nextSeq = m_db.nextSeq();
        if (!nextSeq)
            return nextSeq.error();
        t.seq = notice.seq = *nextSeq;
    }
    return m_records.save(t, clocks, at);
}

} // namespace Signpost
