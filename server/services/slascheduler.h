#pragma once

#include "core/expected.h"
#include "server/events/changenotice.h"
#include "server/services/ticketrecords.h"

#include <optional>

namespace Signpost {

class Database;

// The SLA's work over time: announcing the targets that became at risk or
// were breached (history, notifications, the ticket's flags), and
// recomputing a department's open tickets when its policy changes. Long work
// goes in bounded chunks, each its own transaction, so that no request
// waits long behind it.
class SlaScheduler
{
public:
    SlaScheduler(Database &db, TicketRecords &records);

    static constexpr int Chunk = 250;
    // The work of one turn: a chunk of a policy change's rescheduling still
    // to do, or the announcements of up to a chunk of tickets whose checks
    // fell due, by turns. `more`: call again soon.
    struct Sweep
    {
        int announced = 0;
        bool more = false;
    };
    Expected<Sweep> sweep(int chunk = Chunk);
    // Sweeps until nothing is left (tests' clock, demo data). Returns how
    // many crossings it announced.
    Expected<int> checkAll(int chunk = Chunk);
    // Whether a policy change's rescheduling is still to finish.
    bool hasPendingReschedules();
    // The announcements of one ticket, if it has something due; run before a
    // change to it, so the change cannot hide a breach.
    Expected<int> announceIfDue(qint64 ticketId);
    // The department's SLA policy changed: its open tickets' due times are
    // recomputed. Runs inside the caller's transaction (the policy's own)
    // for the first chunk; the rest is recorded there and done by the
    // sweep, a chunk a transaction, also after a restart. The notice is for
    // after the commit; `more` says that the sweep has work.
    struct Rescheduled
    {
        ChangeNotice notice;
        bool more = false;
    };
    Expected<Rescheduled> reschedule(qint64 departmentId, int chunk = Chunk);

private:
    Expected<int> announce(qint64 ticketId, qint64 at);
    // Recomputes the due times of the department's open tickets after
    // `afterId` under its policy as of the change at `changedAt`, up to
    // `chunk` of them, in the caller's transaction. Returns the last id done,
    // 0 when none was left.
    Expected<qint64> rescheduleChunk(qint64 departmentId, qint64 afterId, qint64 changedAt, int chunk,
                                     ChangeNotice &notice);
    // One ticket under its department's new policy: what is already late is
    // shown, not announced.
    Status rescheduleTicket(TicketRecords::Tracked &tracked, qint64 changedAt, ChangeNotice &notice);
    // A policy change whose rescheduling has not reached `ticketId` yet:
    // when it was made.
    Expected<std::optional<qint64>> pendingReschedule(qint64 departmentId, qint64 ticketId);

    Database &m_db;
    TicketRecords &m_records;
    bool m_rescheduleTurn = false; // the sweep's turns: rescheduling, announcing
};

} // namespace Signpost
