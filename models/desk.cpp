#include "models/desk.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Signpost {

Desk::Desk(SyncEngine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_departments(engine.store())
    , m_queue(engine.store())
    , m_notifications(engine.store())
{
    // Many changes in a burst (pages of a sync) make one refresh.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(30);
    connect(&m_refresh, &QTimer::timeout, this, &Desk::refresh);
    connect(&engine, &SyncEngine::ticketsChanged, this, &Desk::scheduleRefresh);
    connect(&engine, &SyncEngine::directoryChanged, this, &Desk::scheduleRefresh);
    connect(&engine, &SyncEngine::notificationReceived, &m_notifications, &NotificationCentre::notify);
    connect(&engine, &SyncEngine::figuresChanged, this, &Desk::figuresChanged);
    connect(&engine, &SyncEngine::presenceReceived, this, [this](qint64 ticketId, const QJsonArray &agents) {
        if (ticketId != m_presenceTicket)
            return; // from before the agent moved on
        const std::optional<Agent> me = this->me();
        QList<Presence> others;
        for (const QJsonValue &value : agents) {
            const QJsonObject agent = value.toObject();
            const qint64 id = agent.value(u"agent"_s).toInteger();
            if (!me || id != me->id)
                others.append({id, agent.value(u"name"_s).toString(), agent.value(u"state"_s).toString() == u"writing"});
        }
        m_presence.insert(ticketId, others);
        Q_EMIT presenceChanged(ticketId);
    });
}

void Desk::setPresence(qint64 ticketId, bool writing)
{
    if (ticketId != m_presenceTicket) {
        const qint64 left = std::exchange(m_presenceTicket, ticketId);
        if (m_presence.remove(left) > 0)
            Q_EMIT presenceChanged(left);
    }
    m_engine.setPresence(ticketId, writing);
}

void Desk::scheduleRefresh()
{
    if (!m_refresh.isActive())
        m_refresh.start();
}

void Desk::refresh()
{
    m_departments.refresh();
    m_queue.refresh();
    Q_EMIT ticketsChanged();
}

std::optional<Department> Desk::department(qint64 id)
{
    for (const Department &department : m_engine.store().departments()) {
        if (department.id == id)
            return department;
    }
    return std::nullopt;
}

QList<QueueRow> Desk::customerTickets(const Ticket &ticket)
{
    return m_engine.store().customerTickets(ticket.customer.email, ticket.id);
}

QString Desk::agentName(qint64 agentId)
{
    if (agentId <= 0)
        return {};
    const QString name = m_engine.store().agentName(agentId);
    if (!name.isEmpty())
        return name;
    for (const TransferTarget &target : transferTargets()) {
        for (const auto &[id, agentName] : target.agents) {
            if (id == agentId)
                return agentName;
        }
    }
    return tr("Agent %1").arg(agentId);
}

CannedReply::Fields Desk::cannedFields(qint64 ticketId)
{
    CannedReply::Fields fields;
    const std::optional<Ticket> ticket = this->ticket(ticketId);
    if (!ticket)
        return fields;
    fields.customerName = ticket->customer.name;
    fields.orderNumber = ticket->customer.orderNumber;
    fields.ticketId = ticket->id;
    if (const std::optional<Agent> me = this->me())
        fields.agentName = me->name;
    if (const std::optional<Department> department = this->department(ticket->departmentId))
        fields.departmentName = department->name;
    return fields;
}

QList<Desk::TransferTarget> Desk::transferTargets()
{
    QList<TransferTarget> list;
    for (const QJsonValue &value : m_engine.store().transferTargets()) {
        const QJsonObject json = value.toObject();
        TransferTarget target{json.value(u"id"_s).toInteger(), json.value(u"name"_s).toString(), {}};
        for (const QJsonValue &agent : json.value(u"agents"_s).toArray())
            target.agents.append({agent.toObject().value(u"id"_s).toInteger(),
                                  agent.toObject().value(u"name"_s).toString()});
        list.append(target);
    }
    return list;
}

QString Desk::commandName(Command::Type type)
{
    switch (type) {
    case Command::Type::Reply: return tr("Reply");
    case Command::Type::Note: return tr("Internal note");
    case Command::Type::Transfer: return tr("Transfer");
    case Command::Type::Assign: return tr("Assignment");
    case Command::Type::SetStatus: return tr("Status");
    case Command::Type::SetPriority: return tr("Priority");
    }
    return toString(type);
}

Command Desk::command(Command::Type type, qint64 ticketId)
{
    Command command;
    command.type = type;
    command.ticketId = ticketId;
    return command;
}

Status Desk::act(Command command)
{
    Expected<OutboxEntry> entry = m_engine.act(std::move(command));
    if (!entry)
        return entry.error();
    return ok();
}

Status Desk::reply(qint64 ticketId, const QString &body, std::optional<TicketStatus> status, qint64 seenSeq,
                   const QList<OutgoingFile> &attachments)
{
    Command command = this->command(Command::Type::Reply, ticketId);
    command.body = body;
    command.status = status;
    command.seenSeq = seenSeq;
    command.attachments = attachments;
    return act(command);
}

Status Desk::note(qint64 ticketId, const QString &body, qint64 seenSeq, const QList<OutgoingFile> &attachments)
{
    Command command = this->command(Command::Type::Note, ticketId);
    command.body = body;
    command.seenSeq = seenSeq;
    command.attachments = attachments;
    return act(command);
}

Expected<OutgoingFile> Desk::attach(qint64 ticketId, const QString &path, const QList<OutgoingFile> &already)
{
    // The ticket's department says what files may weigh (the server checks
    // again); refused here, the agent knows at once, not after sending.
    const std::optional<Ticket> ticket = m_engine.store().ticket(ticketId);
    Department limits;
    for (const Department &department : m_engine.store().departments()) {
        if (ticket && department.id == ticket->departmentId)
            limits = department;
    }
    const auto megabytes = [](qint64 bytes) { return QLocale().formattedDataSize(bytes, 1); };
    const qint64 size = QFileInfo(path).size();
    const QString name = QFileInfo(path).fileName();
    if (size > limits.maxFileBytes)
        return Error::invalid(u"file"_s, tr("%1 weighs %2; %3 takes files of up to %4.")
                                             .arg(name, megabytes(size), limits.name.isEmpty() ? tr("this department") : limits.name,
                                                  megabytes(limits.maxFileBytes)));
    if (already.size() >= MaxAttachmentsPerMessage)
        return Error::invalid(u"file"_s, tr("A message takes at most %n file(s).", nullptr, int(MaxAttachmentsPerMessage)));
    qint64 total = size;
    for (const OutgoingFile &file : already)
        total += file.size;
    if (total > limits.maxMessageBytes)
        return Error::invalid(u"file"_s, tr("With %1 the files would weigh %2; a message takes up to %3.")
                                             .arg(name, megabytes(total), megabytes(limits.maxMessageBytes)));
    return m_engine.keepOutgoing(path);
}

QList<Message> Desk::writtenSince(qint64 ticketId)
{
    const std::optional<Draft> draft = m_engine.store().draft(ticketId);
    const std::optional<Ticket> ticket = m_engine.store().ticket(ticketId);
    const std::optional<Agent> me = this->me();
    QList<Message> since;
    if (!draft || !ticket || draft->seenSeq <= 0)
        return since;
    for (const Message &message : ticket->messages) {
        // Confirmed messages only: what waits in our own outbox is ours.
        if (message.id > 0 && message.seq > draft->seenSeq && (!me || message.authorAgentId != me->id))
            since.append(message);
    }
    return since;
}

Status Desk::markRead(qint64 ticketId)
{
    std::optional<Draft> draft = m_engine.store().draft(ticketId);
    const std::optional<Ticket> ticket = m_engine.store().ticket(ticketId);
    if (!draft || !ticket)
        return ok();
    draft->seenSeq = ticket->seq;
    draft->updatedAt = 0;
    return m_engine.store().saveDraft(*draft);
}

Status Desk::rewrite(qint64 outboxEntryId)
{
    std::optional<OutboxEntry> refused;
    for (const OutboxEntry &entry : rejected()) {
        if (entry.id == outboxEntryId)
            refused = entry;
    }
    if (!refused || (refused->command.type != Command::Type::Reply && refused->command.type != Command::Type::Note))
        return Error::notFound(tr("That refused message is gone."));
    const qint64 ticketId = refused->command.ticketId;
    Draft draft = m_engine.store().draft(ticketId).value_or(Draft{ticketId, false, {}, 0, 0});
    if (draft.body.trimmed().isEmpty())
        draft.note = refused->command.type == Command::Type::Note;
    draft.body = draft.body.trimmed().isEmpty() ? refused->command.body
                                                : draft.body.trimmed() + u"\n\n"_s + refused->command.body;
    for (const OutgoingFile &file : refused->command.attachments) {
        if (std::none_of(draft.attachments.cbegin(), draft.attachments.cend(),
                         [&file](const OutgoingFile &had) { return had.sha256 == file.sha256; }))
            draft.attachments.append(file);
    }
    draft.updatedAt = 0;
    if (const std::optional<Ticket> ticket = m_engine.store().ticket(ticketId))
        draft.seenSeq = ticket->seq;
    if (Status saved = saveDraft(draft); !saved)
        return saved;
    return discard(outboxEntryId);
}

Status Desk::saveDraft(const Draft &draft)
{
    const bool had = m_engine.store().draft(draft.ticketId).has_value();
    Status saved = m_engine.store().saveDraft(draft);
    // The queue marks tickets with a draft: refresh when that changes.
    if (saved && had == (draft.body.trimmed().isEmpty() && draft.attachments.isEmpty()))
        scheduleRefresh();
    return saved;
}

Status Desk::send(const Draft &draft, std::optional<TicketStatus> status)
{
    if (draft.body.trimmed().isEmpty())
        return Error::invalid(u"body"_s, draft.note ? tr("Write the note first.") : tr("Write the reply first."));
    if (isHeld(draft.ticketId))
        return Error{ErrorCode::Conflict, tr("The last message on this ticket is still waiting to go."), {}};
    if (Status saved = saveDraft(draft); !saved)
        return saved;
    Held &held = m_held[draft.ticketId];
    held.draft = m_engine.store().draft(draft.ticketId).value_or(draft); // with when writing began
    held.status = draft.note ? std::nullopt : status;
    if (m_undoDelay.count() <= 0) {
        release(draft.ticketId);
        return ok();
    }
    held.timer = std::make_unique<QTimer>();
    held.timer->setSingleShot(true);
    const qint64 ticketId = draft.ticketId;
    connect(held.timer.get(), &QTimer::timeout, this, [this, ticketId]() { release(ticketId); });
    held.timer->start(m_undoDelay);
    Q_EMIT heldChanged(ticketId);
    return ok();
}

std::optional<Draft> Desk::held(qint64 ticketId) const
{
    const auto it = m_held.find(ticketId);
    return it != m_held.end() ? std::optional<Draft>(it->second.draft) : std::nullopt;
}

qint64 Desk::heldRemainingMs(qint64 ticketId) const
{
    const auto it = m_held.find(ticketId);
    return it != m_held.end() && it->second.timer ? it->second.timer->remainingTime() : 0;
}

bool Desk::undoSend(qint64 ticketId)
{
    if (m_held.erase(ticketId) == 0)
        return false;
    Q_EMIT heldChanged(ticketId);
    return true;
}

void Desk::release(qint64 ticketId)
{
    auto it = m_held.find(ticketId);
    if (it == m_held.end())
        return;
    const Draft draft = it->second.draft;
    const std::optional<TicketStatus> status = it->second.status;
    if (QTimer *timer = it->second.timer.release())
        timer->deleteLater(); // may be the sender of this call
    m_held.erase(it);
    // The outbox takes the text and drops the draft in one transaction.
    const Status done = draft.note ? note(ticketId, draft.body, draft.seenSeq, draft.attachments)
                                   : reply(ticketId, draft.body, status, draft.seenSeq, draft.attachments);
    if (!done)
        Q_EMIT sendFailed(ticketId, done.error().message);
    scheduleRefresh();
    Q_EMIT heldChanged(ticketId);
}

void Desk::releaseHeld()
{
    while (!m_held.empty())
        release(m_held.begin()->first);
}

Status Desk::transfer(qint64 ticketId, qint64 departmentId, qint64 assigneeId, const QString &note)
{
    Command command = this->command(Command::Type::Transfer, ticketId);
    command.departmentId = departmentId;
    command.assigneeId = assigneeId;
    command.note = note;
    return act(command);
}

Status Desk::assign(qint64 ticketId, qint64 agentId)
{
    Command command = this->command(Command::Type::Assign, ticketId);
    command.assigneeId = agentId;
    return act(command);
}

Status Desk::setStatus(qint64 ticketId, TicketStatus status)
{
    Command command = this->command(Command::Type::SetStatus, ticketId);
    command.status = status;
    return act(command);
}

Status Desk::setPriority(qint64 ticketId, Priority priority)
{
    Command command = this->command(Command::Type::SetPriority, ticketId);
    command.priority = priority;
    return act(command);
}

} // namespace Signpost
