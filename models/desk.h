#pragma once

#include "models/departmentlistmodel.h"
#include "models/notificationcentre.h"
#include "models/ticketqueuemodel.h"
#include "sync/syncengine.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <map>
#include <memory>

namespace Signpost {

// The small application facade the widgets see: the models, the actions an
// agent takes, and the state of the connection. It never blocks on the
// network: actions go to the outbox and the models read the cache.
class Desk : public QObject
{
    Q_OBJECT
public:
    // What a command is called where an agent reads of it ("Reply",
    // "Internal note", "Assignment"…), translated.
    static QString commandName(Command::Type type);

    Desk(SyncEngine &engine, QObject *parent = nullptr);

    DepartmentListModel &departments() { return m_departments; }
    TicketQueueModel &queue() { return m_queue; }
    NotificationCentre &notifications() { return m_notifications; }
    SyncEngine &engine() { return m_engine; }

    std::optional<Agent> me() { return m_engine.store().me(); }
    std::optional<Ticket> ticket(qint64 id) { return m_engine.store().ticket(id); }
    std::optional<Department> department(qint64 id);
    QList<QueueRow> customerTickets(const Ticket &ticket);
    QList<Agent> colleagues(qint64 departmentId) { return m_engine.store().colleagues(departmentId); }
    QString agentName(qint64 agentId);

    struct TransferTarget
    {
        qint64 id = 0;
        QString name;
        QList<std::pair<qint64, QString>> agents;
    };
    QList<TransferTarget> transferTargets();

    // Agent actions. Each answers at once; the result of sending comes later
    // (rejections through commandRejected).
    // A reply or note written on the ticket as it was at seq `seenSeq`: if
    // others wrote after that by the time it reaches the server, it is
    // refused there (0: not checked).
    Status reply(qint64 ticketId, const QString &body, std::optional<TicketStatus> status = std::nullopt,
                 qint64 seenSeq = 0, const QList<OutgoingFile> &attachments = {});
    Status note(qint64 ticketId, const QString &body, qint64 seenSeq = 0, const QList<OutgoingFile> &attachments = {});
    // A file for a reply or note on the ticket, beside those `already`
    // attached: checked against the department's limits and kept beside
    // the cache until it is sent.
    Expected<OutgoingFile> attach(qint64 ticketId, const QString &path, const QList<OutgoingFile> &already);
    Status transfer(qint64 ticketId, qint64 departmentId, qint64 assigneeId, const QString &note);
    Status assign(qint64 ticketId, qint64 agentId);
    Status setStatus(qint64 ticketId, TicketStatus status);
    Status setPriority(qint64 ticketId, Priority priority);
    QList<OutboxEntry> rejected() { return m_engine.store().rejected(); }
    QList<OutboxEntry> outbox() { return m_engine.store().outbox(); }

    // What the agent is writing on a ticket, kept in the cache as they type.
    std::optional<Draft> draft(qint64 ticketId) { return m_engine.store().draft(ticketId); }
    QList<Draft> strandedDrafts() { return m_engine.store().strandedDrafts(); }
    Status discardDraft(qint64 ticketId) { return m_engine.store().deleteDraft(ticketId); }
    Status saveDraft(const Draft &draft);
    // What others (the customer, colleagues) wrote on the ticket since the
    // agent began the draft, as cached: the send asks about it first.
    QList<Message> writtenSince(qint64 ticketId);
    // The agent has read that: the draft now counts from the ticket's
    // current state.
    Status markRead(qint64 ticketId);
    // A reply or note the server refused comes back as the ticket's draft
    // (after what is in the draft already), read up to now; the refused
    // entry is dropped.
    Status rewrite(qint64 outboxEntryId);

    // Sending with a moment to take it back. The reply or note waits
    // undoDelay() (its text stays the ticket's draft meanwhile, so a crash
    // loses nothing and sends nothing), then goes to the outbox.
    void setUndoDelay(std::chrono::milliseconds delay) { m_undoDelay = delay; }
    std::chrono::milliseconds undoDelay() const { return m_undoDelay; }
    Status send(const Draft &draft, std::optional<TicketStatus> status = std::nullopt);
    bool isHeld(qint64 ticketId) const { return m_held.count(ticketId) > 0; }
    // The held send, as it will go; nullopt when nothing is held.
    std::optional<Draft> held(qint64 ticketId) const;
    qint64 heldRemainingMs(qint64 ticketId) const;
    // Takes a held send back: its text is the ticket's draft again. False
    // when it has already gone.
    bool undoSend(qint64 ticketId);
    // Sends everything held now (signing out, quitting).
    void releaseHeld();

    // Colleagues on a ticket, live over the push channel: who else has it
    // open, and who is writing on it. The desk tells where its agent is.
    struct Presence
    {
        qint64 agentId = 0;
        QString name;
        bool writing = false;
    };
    void setPresence(qint64 ticketId, bool writing);
    QList<Presence> presence(qint64 ticketId) const { return m_presence.value(ticketId); }

    // Canned replies of a department, from the cache (offline too), and what
    // their fields stand for on a ticket.
    QList<CannedReply> cannedReplies(qint64 departmentId) { return m_engine.store().cannedReplies(departmentId); }
    CannedReply::Fields cannedFields(qint64 ticketId);

    QList<qint64> ledDepartments() { return m_engine.ledDepartments(); }
    QJsonObject figures(qint64 departmentId, int days) { return m_engine.store().figures(departmentId, days); }
    Status discard(qint64 outboxEntryId) { return m_engine.discard(outboxEntryId); }

Q_SIGNALS:
    // The cached tickets changed: views of one ticket re-read it.
    void ticketsChanged();
    void figuresChanged();
    // A send was held, released or taken back.
    void heldChanged(qint64 ticketId);
    // A held send could not go to the outbox; its text is still the draft.
    void sendFailed(qint64 ticketId, const QString &message);
    void presenceChanged(qint64 ticketId);

private:
    static Command command(Command::Type type, qint64 ticketId);
    Status act(Command command);
    void scheduleRefresh();
    void refresh();
    void release(qint64 ticketId);

    struct Held
    {
        Draft draft;
        std::optional<TicketStatus> status;
        std::unique_ptr<QTimer> timer;
    };

    SyncEngine &m_engine;
    std::chrono::milliseconds m_undoDelay{5000};
    std::map<qint64, Held> m_held;
    QHash<qint64, QList<Presence>> m_presence; // others, on the ticket open here
    qint64 m_presenceTicket = 0;
    DepartmentListModel m_departments;
    TicketQueueModel m_queue;
    NotificationCentre m_notifications;
    QTimer m_refresh;
};

} // namespace Signpost
