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
#include "server/services/slascheduler.h"
#include "server/services/ticketrecords.h"

#include <QJsonObject>
#include <QVariant>

#include <functional>
#include <optional>

namespace Signpost {

class Database;
class DepartmentStore;
class Transaction;

// Tickets: intake at first contact, the agents' commands, the customer's
// replies, and the views agents read; over TicketRecords (the rows) with
// SlaScheduler (the SLA's work over time).
class TicketStore
{
public:
    TicketStore(Database &db, DepartmentStore &departments);

    // What changed, to the push hub, after each change's commit.
    void setChangeListener(TicketRecords::ChangeListener listener) { m_records.setChangeListener(std::move(listener)); }
    // For demo data and tests of time: where "now" comes from.
    void setClock(std::function<qint64()> clock) { m_records.setClock(std::move(clock)); }
    qint64 now() const { return m_records.now(); }

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
    // someone available (or back to unassigned), in the transaction of
    // `alongside` (which marks them away). Returns how many moved.
    Expected<int> reassignFrom(qint64 agentId, const QString &agentName, const std::function<Status()> &alongside = {});

    // The SLA's work over time (announcements, rescheduling after a policy
    // change), on the same tickets.
    SlaScheduler &sla() { return m_sla; }
    void publish(const ChangeNotice &notice) { m_records.publish(notice); }

    Expected<Ticket> ticket(qint64 id, bool withThread) { return m_records.ticket(id, withThread); }
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
    Status checkAssignee(qint64 agentId, qint64 departmentId);
    // A reply or note written on what the agent saw at seq `seenSeq`: a
    // conflict if others wrote on the ticket since.
    Status checkWrittenSince(qint64 ticketId, qint64 seenSeq, qint64 agentId);
    // Assigns by the department's mode, with the reason in the history.
    Status autoAssign(Ticket &ticket, const Department &department, qint64 seq, qint64 at,
                      const QString &context, qint64 exceptAgent = 0);
    QJsonObject rejection(const Command &command, const Error &error, const Ticket *current) const;

    Database &m_db;
    DepartmentStore &m_departments;
    TicketRecords m_records;
    SlaScheduler m_sla;
    Assigner m_assigner;
    ReplyHook m_replyHook;
    AttachmentStore m_attachments;
    IntakeHook m_intakeHook;
};

} // namespace Signpost
