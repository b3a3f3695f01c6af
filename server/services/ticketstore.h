#pragma once

#include "server/services/attachmentstore.h"

#include "core/accessscope.h"
#include "core/command.h"
#include "core/expected.h"
#include "core/ticket.h"
#include "core/department.h"
#include "core/slaclock.h"
#include "server/services/assigner.h"
#include "server/events/changenotice.h"
#include "server/services/intake.h"

#include <QJsonObject>
#include <QVariant>

#include <functional>
#include <optional>

namespace Signpost {

class Database;
class DepartmentStore;
class Transaction;

// Tickets: intake at first contact, the agents' commands, the customer's
// replies, and the views agents read.
class TicketStore
{
public:
    TicketStore(Database &db, DepartmentStore &departments);

    using ChangeListener = std::function<void(const ChangeNotice &)>;
    void setChangeListener(ChangeListener listener) { m_listener = std::move(listener); }
    // For demo data and tests of time: where "now" comes from.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

    // `alongside` runs in the ticket's transaction once it is written (the
    // idempotency log keeps the answer there); its failure undoes all.
    Expected<IntakeResult> intake(const IntakeRequest &request,
                                  const std::function<Status(const IntakeResult &)> &alongside = {});

    // One command, in its own transaction: {id, outcome, …} as the API
    // answers it. `agentName` signs replies and notes.
    QJsonObject run(const AccessScope &scope, const QString &agentName, const Command &command);

    struct CustomerThread
    {
        Ticket ticket;
        QString shopName;
        QString language; // the customer's: what their page speaks
    };
    Expected<CustomerThread> customerThread(const QString &secret);
    // The customer writes back on their ticket's page (or through a shop),
    // with files within the department's limits.
    Expected<qint64> customerReply(const QString &secret, const QString &body,
                                   const QList<AttachmentStore::File> &files = {},
                                   const std::function<Status(qint64 ticketId)> &alongside = {});
    // The customer wrote on their ticket (a reply by mail): the new message's
    // id. An automatic message (an auto-reply, a bounce) is kept on the
    // ticket but neither reopens it nor notifies anyone.
    Expected<qint64> customerMessage(qint64 ticketId, const QString &body, bool automatic,
                                     const std::function<Status(qint64 ticketId, qint64 messageId)> &alongside = {});

    // Something happened to the ticket that is history, not a change of it
    // (a reply's mail was delivered): an event by no one, in its own
    // change, without a new version (commands based on the ticket stay
    // valid). `alongside` runs in its transaction.
    Status addSystemEvent(qint64 ticketId, const QString &kind, const QJsonObject &data,
                          const std::function<Status()> &alongside = {});

    // An agent's reply was written; runs in its transaction (the mail
    // channel queues the mail there), and its failure undoes the reply.
    struct StoredReply
    {
        const Ticket &ticket;
        const Department &department;
        qint64 messageId = 0;
        const QString &body;
        qint64 at = 0;
        const QList<OutgoingFile> &attachments; // recorded with the message
    };
    using ReplyHook = std::function<Status(const StoredReply &)>;
    void setReplyHook(ReplyHook hook) { m_replyHook = std::move(hook); }
    // A ticket was made at first contact; runs in its transaction, after
    // intake's `alongside` (the mail channel acknowledges it there).
    struct StoredIntake
    {
        qint64 ticketId = 0;
        const IntakeRequest &request;
        const Department &department;
        const QString &secret;
        qint64 at = 0;
    };
    using IntakeHook = std::function<Status(const StoredIntake &)>;
    void setIntakeHook(IntakeHook hook) { m_intakeHook = std::move(hook); }

    // The agent went away: their open tickets in automated departments go to
    // someone available (or back to unassigned). Returns how many moved.
    Expected<int> reassignFrom(qint64 agentId, const QString &agentName);

    // The SLA work of one turn, bounded so that no request waits long
    // behind it: first a chunk of a policy change's rescheduling that is
    // still to do, else the announcements of up to a chunk of tickets whose
    // targets became at risk or were breached by now (history,
    // notifications, the ticket's flags). `more`: call again soon.
    static constexpr int SlaChunk = 250;
    struct SlaSweep
    {
        int announced = 0;
        int rescheduled = 0;
        bool more = false;
    };
    Expected<SlaSweep> sweepSla(int chunk = SlaChunk);
    // Sweeps until nothing is left (tests' clock, demo data). Returns how
    // many crossings it announced.
    Expected<int> checkSla(int chunk = SlaChunk);
    // Whether a policy change's rescheduling is still to finish.
    bool hasPendingReschedules();
    // The same for one ticket, if it has something due; run before a change
    // to it, so the change cannot hide a breach.
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
    Expected<Rescheduled> reschedule(qint64 departmentId, int chunk = SlaChunk);
    void publish(const ChangeNotice &notice);

    Expected<Ticket> ticket(qint64 id, bool withThread);
    // Why an agent may not act on a ticket outside their departments: where
    // it went and who moved it, if it left one of theirs; else "No such ticket."
    QString movedAway(const AccessScope &scope, qint64 ticketId);
    // The full view for an agent: thread, history and the customer's other
    // tickets the agent may see. Not found when outside their departments.
    Expected<QJsonObject> ticketView(const AccessScope &scope, qint64 id);

    struct ListFilter
    {
        QList<TicketStatus> statuses;
        enum class Assignee { Any, Me, Nobody, Agent } assignee = Assignee::Any;
        qint64 assigneeId = 0;
        QString sort = QStringLiteral("-updated_at");
        int limit = 50;
        int offset = 0;
    };
    static Expected<ListFilter> parseFilter(const QList<std::pair<QString, QString>> &query);
    // A listing counts its tickets exactly up to this many.
    static constexpr qint64 ListCountBound = 10'000;
    Expected<QJsonObject> list(const AccessScope &scope, qint64 departmentId, const ListFilter &filter);

private:
    Expected<QJsonObject> apply(const AccessScope &scope, const QString &agentName, const Command &command,
                                Ticket &ticket, ChangeNotice &notice);
    // Writes the ticket with its SLA clocks and the due times they give
    // under its department's policy, as of `at`.
    Status saveTicket(Ticket &ticket, SlaClocks &clocks, qint64 at);
    Expected<SlaClocks> clocksOf(qint64 ticketId);
    // The due times and flags of `ticket` from its clocks; returns when the
    // clocks next need a look (0: never).
    qint64 schedule(Ticket &ticket, SlaClocks &clocks, qint64 at) const;
    SlaClock clockOf(qint64 departmentId) const;
    const SlaPolicy &policyOf(qint64 departmentId) const;
    // A ticket with its SLA clocks, to change both.
    struct Tracked
    {
        Ticket ticket;
        SlaClocks clocks;
    };
    Expected<Tracked> tracked(qint64 ticketId);
    // A change's transaction has begun, and its sequence value is taken.
    Expected<qint64> beginChange(const Transaction &tx);
    // One statement that returns no rows.
    Status execute(const QString &sql, const QVariantList &binds);
    // The ticket ids a one-column query selects.
    Expected<QList<qint64>> ticketIds(const QString &sql, const QVariantList &binds);
    Expected<qint64> addMessage(qint64 ticketId, MessageKind kind, qint64 agentId, const QString &authorName,
                                const QString &body, const QString &senderName, const QString &signature,
                                qint64 seq, qint64 at);
    Status addEvent(qint64 ticketId, const QString &kind, qint64 actorId, const QJsonObject &data, qint64 seq,
                    qint64 at);
    Status checkAssignee(qint64 agentId, qint64 departmentId);
    // A reply or note written on what the agent saw at seq `seenSeq`: a
    // conflict if others wrote on the ticket since.
    Status checkWrittenSince(qint64 ticketId, qint64 seenSeq, qint64 agentId);
    // Assigns by the department's mode, with the reason in the history.
    Status autoAssign(Ticket &ticket, const Department &department, qint64 seq, qint64 at,
                      const QString &context, qint64 exceptAgent = 0);
    QJsonObject rejection(const Command &command, const Error &error, const Ticket *current) const;
    Expected<int> announce(qint64 ticketId, qint64 at);
    // Recomputes the due times of the department's open tickets after
    // `afterId` under its policy as of the change at `changedAt`, up to
    // `chunk` of them, in the caller's transaction. Returns the last id done,
    // 0 when none was left.
    Expected<qint64> rescheduleChunk(qint64 departmentId, qint64 afterId, qint64 changedAt, int chunk,
                                     ChangeNotice &notice);
    // One ticket under its department's new policy: what is already late is
    // shown, not announced.
    Status rescheduleTicket(Tracked &tracked, qint64 changedAt, ChangeNotice &notice);
    // A policy change whose rescheduling has not reached `ticketId` yet.
    Expected<std::optional<qint64>> pendingReschedule(qint64 departmentId, qint64 ticketId);

    Database &m_db;
    DepartmentStore &m_departments;
    Assigner m_assigner;
    ChangeListener m_listener;
    ReplyHook m_replyHook;
    AttachmentStore m_attachments;
    IntakeHook m_intakeHook;
    std::function<qint64()> m_clock;
};

} // namespace Signpost
