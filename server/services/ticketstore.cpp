#include "server/services/ticketstore.h"

#include "core/timestamps.h"
#include "server/storage/database.h"
#include "server/services/departmentstore.h"
#include "server/logging.h"
#include "server/services/secrets.h"
#include "server/services/wording.h"
#include "storage/ticketrows.h"
#include "server/storage/transaction.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>
#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

QByteArray commandHash(const Command &command)
{
    return QCryptographicHash::hash(QJsonDocument(command.toJson()).toJson(QJsonDocument::Compact),
                                    QCryptographicHash::Sha256);
}

} // namespace

QString toString(ChangeNotice::Event event)
{
    switch (event) {
    case ChangeNotice::Event::None: return {};
    case ChangeNotice::Event::NewTicket: return u"new_ticket"_s;
    case ChangeNotice::Event::CustomerReply: return u"customer_reply"_s;
    case ChangeNotice::Event::TransferredIn: return u"transferred_in"_s;
    case ChangeNotice::Event::Assigned: return u"assigned"_s;
    case ChangeNotice::Event::SlaAtRisk: return u"sla_at_risk"_s;
    case ChangeNotice::Event::SlaBreached: return u"sla_breached"_s;
    }
    return {};
}

TicketStore::TicketStore(Database &db, DepartmentStore &departments)
    : m_db(db)
    , m_departments(departments)
    , m_records(db, departments)
    , m_sla(db, m_records)
    , m_assigner(db)
    , m_attachments(db)
{
}

Expected<IntakeResult> TicketStore::intake(const IntakeRequest &request,
                                           const std::function<Status(const IntakeResult &)> &alongside)
{
    if (const QList<Error> errors = request.validate(); !errors.isEmpty())
        return errors.first();
    Expected<const RoutingTable *> table = m_departments.routingTable();
    if (!table)
        return table.error();
    Expected<RoutingDecision> routed = (*table)->route(request.inquiry());
    if (!routed)
        return routed.error();

    if (!request.files.isEmpty()) {
        // The files within what the department takes, before anything is written.
        const Department *department = (*table)->department(routed->departmentId);
        if (Status fits = AttachmentStore::checkIncoming(request.files, department ? *department : Department(),
                                                         Wording::of(request.language));
            !fits)
            return fits.error();
    }

    const qint64 at = m_records.now();
    const QString secret = Secrets::newToken();
    Ticket fresh;
    fresh.departmentId = routed->departmentId;
    SlaClocks clocks;
    clocks.arrive(at);
    clocks.customerWrote(at);
    const qint64 checkAt = m_records.schedule(fresh, clocks, at);

    Transaction tx(m_db, Transaction::Seq::AtStart);
    const Expected<qint64> begun = tx.seq();
    if (!begun)
        return begun.error();
    const qint64 seq = *begun;
    QJsonObject created{{u"channel"_s, toString(request.channel)}, {u"shop"_s, idOrNull(request.shopId)}};
    if (!request.toAddress.isEmpty())
        created.insert(u"to_address"_s, request.toAddress);
    const TicketRecords::Arrival arrival{
        .ticketInsert =
            u"INSERT INTO tickets (subject, department_id, customer_name, customer_email, shop_id, order_number,"
            " channel, status, priority, version, seq, entered_seq, created_at, updated_at, customer_secret_hash,"
            " first_response_due_at, resolution_due_at, ownership_due_at, sla_check_at, sla_clocks,"
            " customer_language)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'new', 'normal', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
        .ticketValues = {request.subject.trimmed(), routed->departmentId, request.name.trimmed(),
                         request.email.trimmed(), request.shopId > 0 ? QVariant(request.shopId) : QVariant(),
                         notNull(request.orderNumber.trimmed()), toString(request.channel), seq, seq, at, at,
                         Secrets::tokenHash(secret), TicketRecords::dueOrNull(fresh.sla.due(SlaTarget::FirstResponse)),
                         TicketRecords::dueOrNull(fresh.sla.due(SlaTarget::Resolution)),
                         TicketRecords::dueOrNull(fresh.sla.due(SlaTarget::Ownership)),
                         TicketRecords::dueOrNull(checkAt), TicketRecords::clocksText(clocks),
                         Wording::of(request.language).code()},
        .departmentId = routed->departmentId,
        .authorName = request.name.trimmed(),
        .body = request.message,
        .events = {{QString::fromUtf16(EventKind::Created), created},
                   {QString::fromUtf16(EventKind::Routed), routed->toJson()}},
        .seq = seq,
        .at = at,
    };
    const Expected<TicketRecords::Arrived> arrived = m_records.addArrival(arrival);
    if (!arrived)
        return arrived.error();
    const qint64 ticketId = arrived->ticketId;
    const qint64 firstMessage = arrived->messageId;
    if (Status kept = m_attachments.keepIncoming(ticketId, firstMessage, request.files, at); !kept)
        return kept.error();
    fresh.id = ticketId;
    if (const Department *department = (*table)->department(routed->departmentId)) {
        if (Status assigned = autoAssign(fresh, *department, seq, at, QString()); !assigned)
            return assigned.error();
        if (fresh.assigneeId > 0) {
            QSqlQuery &update = m_db.prepared(u"UPDATE tickets SET assignee_id = ? WHERE id = ?"_s);
            update.addBindValue(fresh.assigneeId);
            update.addBindValue(ticketId);
            if (!update.exec())
                return storageError(update);
        }
    }
    const IntakeResult result{ticketId, secret, *routed, firstMessage};
    if (alongside) {
        if (Status done = alongside(result); !done)
            return done.error();
    }
    if (const Department *department = (*table)->department(routed->departmentId); department && m_intakeHook) {
        if (Status done = m_intakeHook(StoredIntake{ticketId, request, *department, secret, at}); !done)
            return done.error();
    }
    if (Status committed = tx.commit(); !committed)
        return committed.error();

    ChangeNotice notice;
    notice.seq = seq;
    notice.ticketId = ticketId;
    notice.subject = request.subject.trimmed();
    notice.departments = {routed->departmentId};
    notice.event = ChangeNotice::Event::NewTicket;
    notice.eventDepartment = routed->departmentId;
    notice.ticketAssignee = fresh.assigneeId;
    m_records.publish(notice);
    return result;
}

QString TicketStore::movedAway(const AccessScope &scope, qint64 ticketId)
{
    // Outside the agent's departments a ticket looks as if it did not exist,
    // with one exception: one that was last moved out of a department of
    // theirs. They may have worked on it, so they may know where it went and
    // who moved it; nothing of its content is told.
    const QString unknown = u"No such ticket."_s;
    const SqlDialect dialect = m_db.dialect();
    QSqlQuery &moved = m_db.prepared(
        u"SELECT d.name, COALESCE(a.name, ''), e.created_at, %1 FROM events e JOIN departments d ON d.id = %2"
        " LEFT JOIN agents a ON a.id = e.actor_agent_id"
        " WHERE e.ticket_id = ? AND e.kind = 'transferred' ORDER BY e.id DESC LIMIT 1"_s.arg(
            dialect.jsonInteger(u"e.data"_s, u"$.from"_s), dialect.jsonInteger(u"e.data"_s, u"$.to"_s)));
    moved.addBindValue(ticketId);
    if (!moved.exec() || !moved.next())
        return unknown;
    const QString department = moved.value(0).toString();
    const QString by = moved.value(1).toString();
    const QString when = QDateTime::fromMSecsSinceEpoch(moved.value(2).toLongLong(), QTimeZone::utc())
                             .toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
    const qint64 from = moved.value(3).toLongLong();
    moved.finish();
    if (!scope.departments.contains(from))
        return unknown;
    return by.isEmpty() ? u"Ticket #%1 was moved to %2 on %3 and is no longer in your departments."_s
                              .arg(ticketId).arg(department, when)
                        : u"Ticket #%1 was moved to %2 by %3 on %4 and is no longer in your departments."_s
                              .arg(ticketId).arg(department, by, when);
}

Expected<QJsonObject> TicketStore::ticketView(const AccessScope &scope, qint64 id)
{
    Expected<Ticket> found = ticket(id, true);
    if (!found)
        return found.error();
    if (!scope.canSee(found->departmentId))
        return Error::notFound(QCoreApplication::translate("Signpost::Tickets", "No such ticket."));
    QJsonObject view = found->toJson(true);

    QSqlQuery &others = m_db.prepared(
        u"SELECT id, subject, department_id, status, updated_at FROM tickets"
        " WHERE customer_email = ? AND id <> ? ORDER BY updated_at DESC LIMIT 200"_s);
    others.addBindValue(found->customer.email);
    others.addBindValue(id);
    if (!others.exec())
        return storageError(others);
    QJsonArray list;
    while (others.next()) {
        if (!scope.canSee(others.value(2).toLongLong()))
            continue;
        list.append(QJsonObject{
            {u"id"_s, others.value(0).toLongLong()},
            {u"subject"_s, others.value(1).toString()},
            {u"department"_s, others.value(2).toLongLong()},
            {u"status"_s, others.value(3).toString()},
            {u"updated_at"_s, isoFromMs(others.value(4).toLongLong())},
        });
    }
    view.insert(u"other_tickets"_s, list);
    return view;
}

Status TicketStore::autoAssign(Ticket &t, const Department &department, qint64 seq, qint64 at, const QString &context,
                               qint64 exceptAgent)
{
    Expected<std::optional<Assigner::Choice>> choice = m_assigner.choose(department, exceptAgent);
    if (!choice)
        return choice.error();
    if (!*choice && exceptAgent == 0)
        return ok();
    const qint64 to = *choice ? (*choice)->agentId : 0;
    QString reason = *choice ? (*choice)->reason : u"nobody available"_s;
    if (!context.isEmpty())
        reason = context + u"; "_s + reason;
    const QJsonObject data{{u"from"_s, idOrNull(t.assigneeId)}, {u"to"_s, idOrNull(to)}, {u"reason"_s, reason}};
    t.assigneeId = to;
    return m_records.addEvent(t.id, QString::fromUtf16(EventKind::Assigned), 0, data, seq, at);
}

Expected<int> TicketStore::reassignFrom(qint64 agentId, const QString &agentName, const std::function<Status()> &alongside)
{
    Expected<QList<qint64>> ids = m_records.ticketIds(
        u"SELECT id FROM tickets WHERE assignee_id = ? AND status IN ('new', 'open', 'pending') ORDER BY id"_s, {agentId});
    if (!ids)
        return ids.error();
    Expected<const RoutingTable *> table = m_departments.routingTable();
    if (!table)
        return table.error();
    // The agent's going away and where their tickets went, in one
    // transaction: never away with their tickets left on them.
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    if (alongside) {
        if (Status done = alongside(); !done)
            return done.error();
    }
    const qint64 at = m_records.now();
    QList<ChangeNotice> notices;
    for (qint64 id : std::as_const(*ids)) {
        Expected<TicketRecords::Tracked> found = m_records.tracked(id);
        if (!found)
            return found.error();
        Ticket &t = found->ticket;
        const Department *department = (*table)->department(t.departmentId);
        if (!department || department->assignmentMode == Department::AssignmentMode::Manual)
            continue;
        const Expected<qint64> nextSeq = m_db.nextSeq();
        if (!nextSeq)
            return nextSeq.error();
        const qint64 seq = *nextSeq;
        if (Status assigned = autoAssign(t, *department, seq, at, u"%1 is away"_s.arg(agentName), agentId); !assigned)
            return assigned.error();
        t.version += 1;
        t.seq = seq;
        t.updatedAt = at;
        if (Status saved = m_records.save(t, found->clocks, at); !saved)
            return saved.error();
        ChangeNotice notice;
        notice.seq = seq;
        notice.ticketId = t.id;
        notice.subject = t.subject;
        notice.departments = {t.departmentId};
        notice.agents = {agentId};
        if (t.assigneeId > 0) {
            notice.event = ChangeNotice::Event::Assigned;
            notice.eventAgent = t.assigneeId;
            notice.eventDepartment = t.departmentId;
        }
        notices.append(notice);
    }
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    for (const ChangeNotice &notice : std::as_const(notices))
        m_records.publish(notice);
    return int(notices.size());
}

Status TicketStore::checkAssignee(qint64 agentId, qint64 departmentId)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT a.disabled FROM memberships m JOIN agents a ON a.id = m.agent_id"
        " WHERE m.agent_id = ? AND m.department_id = ?"_s);
    query.addBindValue(agentId);
    query.addBindValue(departmentId);
    if (!query.exec())
        return storageError(query);
    const bool member = query.next() && !query.value(0).toBool();
    query.finish();
    if (!member)
        return Error::invalid(u"assignee"_s,
                QCoreApplication::translate("Signpost::Tickets",
                                            "The assignee must be an active agent of the ticket's department."));
    return ok();
}

Status TicketStore::checkWrittenSince(qint64 ticketId, qint64 seenSeq, qint64 agentId)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT kind, author_name FROM messages WHERE ticket_id = ? AND seq > ?"
        " AND (author_agent_id IS NULL OR author_agent_id <> ?) ORDER BY seq, id"_s);
    query.addBindValue(ticketId);
    query.addBindValue(seenSeq);
    query.addBindValue(agentId);
    if (!query.exec())
        return storageError(query);
    QStringList what;
    while (query.next()) {
        const QString kind = query.value(0).toString();
        const QString author = query.value(1).toString();
        const QString line = kind == u"customer"
                                 ? QCoreApplication::translate("Signpost::Tickets", "%1 wrote again").arg(author)
                             : kind == u"note" ? QCoreApplication::translate("Signpost::Tickets",
                                                                             "%1 added a note").arg(author)
                                               : QCoreApplication::translate("Signpost::Tickets",
                                                                             "%1 replied").arg(author);
        if (!what.contains(line))
            what.append(line);
    }
    query.finish();
    if (what.isEmpty())
        return ok();
    return Error{ErrorCode::Conflict,
                 QCoreApplication::translate("Signpost::Tickets",
                                             "Since you began writing, %1. Read it before you send.")
                                         .arg(what.join(u", "_s)), u"seen_seq"_s};
}

QJsonObject TicketStore::rejection(const Command &command, const Error &error, const Ticket *current) const
{
    QJsonObject result{
        {u"id"_s, command.id},
        {u"outcome"_s, u"rejected"_s},
        {u"reason"_s, errorCodeName(error.code)},
        {u"message"_s, error.message},
    };
    if (!error.field.isEmpty())
        result.insert(u"field"_s, error.field);
    if (current)
        result.insert(u"ticket"_s, current->toJson());
    return result;
}

QJsonObject TicketStore::run(const AccessScope &scope, const QString &agentName, const Command &command)
{
    // A target that ran out since the last check is announced first, so an
    // action that stops or moves its clock cannot make the breach go unseen.
    if (Expected<int> announced = m_sla.announceIfDue(command.ticketId); !announced)
        return rejection(command, announced.error(), nullptr);
    // Everything the command checks is read under the writers' lock: on
    // PostgreSQL another instance may have changed the ticket (or applied
    // this very command) a moment ago.
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return rejection(command, begun.error(), nullptr);
    const QByteArray hash = commandHash(command);
    QSqlQuery &stored = m_db.prepared(
        u"SELECT request_hash, result FROM applied_commands WHERE agent_id = ? AND command_id = ?"_s);
    stored.addBindValue(scope.agentId);
    stored.addBindValue(command.id);
    if (!stored.exec())
        return rejection(command, storageError(stored), nullptr);
    if (stored.next()) {
        const bool same = stored.value(0).toByteArray() == hash;
        QJsonObject result = QJsonDocument::fromJson(stored.value(1).toByteArray()).object();
        stored.finish();
        if (!same)
            return rejection(command,
                             Error::invalid(u"id"_s,
                                     QCoreApplication::translate("Signpost::Tickets",
                                                                 "This command id was used before for a different command.")),
                             nullptr);
        result.insert(u"outcome"_s, u"duplicate"_s);
        return result;
    }
    stored.finish();

    Expected<Ticket> found = ticket(command.ticketId, false);
    if (!found)
        return rejection(command, found.error(), nullptr);
    if (!scope.canSee(found->departmentId))
        return rejection(command, Error::notFound(movedAway(scope, command.ticketId)), nullptr);
    const Ticket before = *found;
    Ticket t = *found;

    ChangeNotice notice;
    Expected<QJsonObject> applied = apply(scope, agentName, command, t, notice);
    if (!applied)
        return rejection(command, applied.error(), &before);

    QJsonObject result = *applied;
    result.insert(u"id"_s, command.id);
    result.insert(u"outcome"_s, u"applied"_s);
    result.insert(u"ticket"_s, t.toJson());
    QSqlQuery &remember = m_db.prepared(
        u"INSERT INTO applied_commands (agent_id, command_id, request_hash, result, created_at) VALUES (?, ?, ?, ?, ?)"_s);
    remember.addBindValue(scope.agentId);
    remember.addBindValue(command.id);
    remember.addBindValue(hash);
    remember.addBindValue(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact)));
    remember.addBindValue(m_records.now());
    if (!remember.exec())
        return rejection(command, storageError(remember), &before);
    if (Status committed = tx.commit(); !committed)
        return rejection(command, committed.error(), &before);
    if (notice.seq > 0)
        m_records.publish(notice);
    return result;
}

Expected<QJsonObject> TicketStore::apply(const AccessScope &scope, const QString &agentName, const Command &command,
                                         Ticket &t, ChangeNotice &notice)
{
    const qint64 at = m_records.now();
    const qint64 actor = scope.agentId;
    QJsonObject extra;

    // Transfer and assignment are decided on what the agent saw: if the
    // ticket changed since, they are refused and the agent is shown both.
    const bool conditional = command.type == Command::Type::Transfer || command.type == Command::Type::Assign;
    if (conditional && command.baseVersion != t.version)
        return Error{ErrorCode::Conflict,
                     QCoreApplication::translate("Signpost::Tickets",
                                                 "The ticket changed since you saw it (version %1, now %2).")
                                             .arg(command.baseVersion).arg(t.version),
                     {}};
    if (command.seenSeq > 0) {
        if (Status unchanged = checkWrittenSince(t.id, command.seenSeq, actor); !unchanged)
            return unchanged.error();
    }

    Expected<SlaClocks> clocks = m_records.clocksOf(t.id);
    if (!clocks)
        return clocks.error();
    // The first thing an agent does with the ticket in this department
    // stops its ownership clock.
    const bool firstTouch = clocks->ownership.active;

    const Expected<qint64> nextSeq = m_db.nextSeq();
    if (!nextSeq)
        return nextSeq.error();
    const qint64 seq = *nextSeq;
    // A command that would change nothing is applied without a new version.
    bool changed = true;
    auto setStatus = [&](TicketStatus to) -> Status {
        if (to == t.status)
            return ok();
        if (!isAllowedTransition(t.status, to))
            return Error::invalid(u"status"_s,
                    QCoreApplication::translate("Signpost::Tickets",
                                                "A ticket that is %1 cannot be set to %2.")
                                            .arg(toString(t.status), toString(to)));
        const QJsonObject data{{u"from"_s, toString(t.status)}, {u"to"_s, toString(to)}};
        t.status = to;
        clocks->statusChanged(to, at, m_records.clockOf(t.departmentId));
        // The first solve counts for the department that did it, for good.
        if (to == TicketStatus::Solved) {
            if (Status solved = m_records.execute(u"INSERT INTO ticket_solves (ticket_id, department_id, solved_at)"
                                        " VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s,
                                        {t.id, t.departmentId, at});
                !solved)
                return solved;
        }
        return m_records.addEvent(t.id, QString::fromUtf16(EventKind::StatusChanged), actor, data, seq, at);
    };

    notice.departments = {t.departmentId};
    notice.actorAgent = actor;

    switch (command.type) {
    case Command::Type::Reply: {
        Expected<Department> department = m_departments.department(t.departmentId);
        if (!department)
            return department.error();
        Expected<qint64> message = m_records.addMessage(t.id, MessageKind::Reply, actor, agentName, command.body,
                                              department->senderNameFor(t.customer.shopId), department->signature,
                                              seq, at);
        if (!message)
            return message.error();
        if (Status attached = m_attachments.recordOutgoing(t.id, *message, actor, command.attachments, *department, at);
            !attached)
            return attached.error();
        if (m_replyHook) {
            if (Status sent = m_replyHook(StoredReply{t, *department, *message, command.body, at, command.attachments});
                !sent)
                return sent.error();
        }
        extra.insert(u"message"_s, *message);
        clocks->replied(at);
        const TicketStatus next = command.status.value_or(t.status == TicketStatus::New ? TicketStatus::Open : t.status);
        if (Status set = setStatus(next); !set)
            return set.error();
        break;
    }
    case Command::Type::Note: {
        Expected<qint64> message = m_records.addMessage(t.id, MessageKind::Note, actor, agentName, command.body, {}, {}, seq, at);
        if (!message)
            return message.error();
        if (!command.attachments.isEmpty()) {
            Expected<Department> department = m_departments.department(t.departmentId);
            if (!department)
                return department.error();
            if (Status attached = m_attachments.recordOutgoing(t.id, *message, actor, command.attachments, *department, at);
                !attached)
                return attached.error();
        }
        extra.insert(u"message"_s, *message);
        break;
    }
    case Command::Type::Transfer: {
        if (command.departmentId == t.departmentId)
            return Error::invalid(u"department"_s,
                    QCoreApplication::translate("Signpost::Tickets", "The ticket is already in this department."));
        Expected<Department> target = m_departments.department(command.departmentId);
        if (!target || target->archived)
            return Error::invalid(u"department"_s,
                    QCoreApplication::translate("Signpost::Tickets", "Choose an active department to transfer to."));
        if (command.assigneeId > 0) {
            if (Status valid = checkAssignee(command.assigneeId, target->id); !valid)
                return valid.error();
        }
        const qint64 from = t.departmentId;
        QSqlQuery &move = m_db.prepared(
            u"INSERT INTO ticket_moves (ticket_id, from_department, to_department, seq) VALUES (?, ?, ?, ?)"_s);
        move.addBindValue(t.id);
        move.addBindValue(from);
        move.addBindValue(target->id);
        move.addBindValue(seq);
        if (!move.exec())
            return storageError(move);
        QSqlQuery &entered = m_db.prepared(u"UPDATE tickets SET entered_seq = ? WHERE id = ?"_s);
        entered.addBindValue(seq);
        entered.addBindValue(t.id);
        if (!entered.exec())
            return storageError(entered);
        const QJsonObject data{{u"from"_s, from},
                               {u"to"_s, target->id},
                               {u"note"_s, command.note},
                               {u"assignee"_s, idOrNull(command.assigneeId)},
                               {u"previous_assignee"_s, idOrNull(t.assigneeId)}};
        if (Status event = m_records.addEvent(t.id, QString::fromUtf16(EventKind::Transferred), actor, data, seq, at); !event)
            return event.error();
        // The time used so far counts under the sending department's hours;
        // from now on the receiving department's policy applies.
        clocks->rebase(at, m_records.clockOf(from));
        clocks->arrive(at, t.status);
        if (Status left = m_records.execute(u"UPDATE department_stays SET left_at = ? WHERE ticket_id = ? AND left_at IS NULL"_s,
                                  {at, t.id});
            !left)
            return left.error();
        if (Status arrived = m_records.execute(
                u"INSERT INTO department_stays (ticket_id, department_id, arrived_at) VALUES (?, ?, ?)"_s,
                {t.id, target->id, at});
            !arrived)
            return arrived.error();
        t.departmentId = target->id;
        t.assigneeId = command.assigneeId;
        if (t.assigneeId == 0) {
            if (Status assigned = autoAssign(t, *target, seq, at, QString()); !assigned)
                return assigned.error();
        }
        notice.departments = {from, target->id};
        notice.event = ChangeNotice::Event::TransferredIn;
        notice.eventDepartment = target->id;
        break;
    }
    case Command::Type::Assign: {
        if (command.assigneeId == t.assigneeId) {
            changed = false;
            break;
        }
        if (command.assigneeId > 0) {
            if (Status valid = checkAssignee(command.assigneeId, t.departmentId); !valid)
                return valid.error();
        }
        const QJsonObject data{{u"from"_s, idOrNull(t.assigneeId)}, {u"to"_s, idOrNull(command.assigneeId)}};
        if (Status event = m_records.addEvent(t.id, QString::fromUtf16(EventKind::Assigned), actor, data, seq, at); !event)
            return event.error();
        if (t.assigneeId > 0)
            notice.agents = {t.assigneeId};
        t.assigneeId = command.assigneeId;
        if (t.assigneeId > 0) {
            notice.event = ChangeNotice::Event::Assigned;
            notice.eventAgent = t.assigneeId;
            notice.eventDepartment = t.departmentId;
        }
        break;
    }
    case Command::Type::SetStatus:
        changed = *command.status != t.status;
        if (Status set = setStatus(*command.status); !set)
            return set.error();
        break;
    case Command::Type::SetPriority: {
        if (*command.priority == t.priority) {
            changed = false;
            break;
        }
        const QJsonObject data{{u"from"_s, toString(t.priority)}, {u"to"_s, toString(*command.priority)}};
        if (Status event = m_records.addEvent(t.id, QString::fromUtf16(EventKind::PriorityChanged), actor, data, seq, at); !event)
            return event.error();
        t.priority = *command.priority;
        break;
    }
    }

    notice.ticketAssignee = t.assigneeId;
    if (!changed)
        return extra;
    if (command.type != Command::Type::Transfer && firstTouch) {
        if (Status touched = m_records.execute(
                u"UPDATE department_stays SET touched_at = ? WHERE ticket_id = ? AND left_at IS NULL"_s, {at, t.id});
            !touched)
            return touched.error();
        clocks->touched(at);
    }
    t.version += 1;
    t.seq = seq;
    t.updatedAt = at;
    if (Status saved = m_records.save(t, *clocks, at); !saved)
        return saved.error();
    notice.seq = seq;
    notice.ticketId = t.id;
    notice.subject = t.subject;
    return extra;
}

Expected<TicketStore::CustomerThread> TicketStore::customerThread(const QString &secret)
{
    // The customer's language, else (a ticket from before languages were
    // kept) the shop's first.
    QSqlQuery &query = m_db.prepared(
        u"SELECT t.id, s.name, COALESCE(NULLIF(t.customer_language, ''), %1, 'en')"
        " FROM tickets t LEFT JOIN shops s ON s.id = t.shop_id WHERE t.customer_secret_hash = ?"_s.arg(
            m_db.dialect().jsonText(u"s.languages"_s, u"$[0]"_s)));
    query.addBindValue(Secrets::tokenHash(secret));
    if (!query.exec())
        return storageError(query);
    if (!query.next())
        return Error::notFound(
                QCoreApplication::translate("Signpost::Tickets",
                                            "This link is not valid. Use the link from your confirmation."));
    const qint64 id = query.value(0).toLongLong();
    const QString shopName = query.value(1).toString();
    const QString language = query.value(2).toString();
    query.finish();
    Expected<Ticket> found = ticket(id, true);
    if (!found)
        return found.error();
    // Customers see their messages and the replies, never internal notes.
    found->messages.removeIf([](const Message &m) { return m.kind == MessageKind::Note; });
    found->events.clear();
    return CustomerThread{*found, shopName, language};
}

Expected<qint64> TicketStore::customerReply(const QString &secret, const QString &body,
                                           const QList<AttachmentStore::File> &files,
                                           const std::function<Status(qint64 ticketId)> &alongside)
{
    Expected<CustomerThread> thread = customerThread(secret);
    if (!thread)
        return thread.error();
    const Wording &wording = Wording::of(thread->language);
    if (body.trimmed().isEmpty())
        return Error::invalid(u"message"_s, wording.translate("Signpost::Intake", "Please enter your message."));
    if (body.size() > IntakeLimits::Message)
        return Error::invalid(u"message"_s, wording.translate("Signpost::Intake", "Your message can be at most %1 characters long.")
                                                .arg(wording.locale().toString(IntakeLimits::Message)));
    if (!files.isEmpty()) {
        Expected<Department> department = m_departments.department(thread->ticket.departmentId);
        if (!department)
            return department.error();
        if (Status fits = AttachmentStore::checkIncoming(files, *department, wording); !fits)
            return fits.error();
    }
    const Expected<qint64> added = customerMessage(thread->ticket.id, body, false, [&](qint64 ticketId, qint64 messageId) {
        if (Status kept = m_attachments.keepIncoming(ticketId, messageId, files, m_records.now()); !kept)
            return kept;
        return alongside ? alongside(ticketId) : ok();
    });
    if (!added)
        return added.error();
    return thread->ticket.id;
}

Expected<qint64> TicketStore::customerMessage(qint64 ticketId, const QString &body, bool automatic,
                                              const std::function<Status(qint64 ticketId, qint64 messageId)> &alongside)
{
    if (Expected<int> announced = m_sla.announceIfDue(ticketId); !announced)
        return announced.error();
    // Read under the writers' lock (see run()).
    Transaction tx(m_db, Transaction::Seq::AtStart);
    const Expected<qint64> begun = tx.seq();
    if (!begun)
        return begun.error();
    Expected<TicketRecords::Tracked> found = m_records.tracked(ticketId);
    if (!found)
        return found.error();
    Ticket &t = found->ticket;
    SlaClocks &clocks = found->clocks;
    const qint64 at = m_records.now();
    const qint64 seq = *begun;
    Expected<qint64> message = m_records.addMessage(t.id, MessageKind::Customer, 0, t.customer.name, body, {}, {}, seq, at);
    if (!message)
        return message.error();
    // A customer writing back reopens the ticket; an auto-reply does not,
    // and does not start the clock of an answer either.
    if (!automatic && t.status != TicketStatus::Open && t.status != TicketStatus::New) {
        const QJsonObject data{{u"from"_s, toString(t.status)}, {u"to"_s, u"open"_s}, {u"by"_s, u"customer"_s}};
        if (Status event = m_records.addEvent(t.id, QString::fromUtf16(EventKind::StatusChanged), 0, data, seq, at); !event)
            return event.error();
        t.status = TicketStatus::Open;
    }
    if (!automatic) {
        clocks.customerWrote(at);
        clocks.statusChanged(t.status, at, m_records.clockOf(t.departmentId));
    }
    t.version += 1;
    t.seq = seq;
    t.updatedAt = at;
    if (Status saved = m_records.save(t, clocks, at); !saved)
        return saved.error();
    if (alongside) {
        if (Status done = alongside(t.id, *message); !done)
            return done.error();
    }
    if (Status committed = tx.commit(); !committed)
        return committed.error();

    ChangeNotice notice;
    notice.seq = seq;
    notice.ticketId = t.id;
    notice.subject = t.subject;
    notice.departments = {t.departmentId};
    notice.event = automatic ? ChangeNotice::Event::None : ChangeNotice::Event::CustomerReply;
    notice.eventDepartment = t.departmentId;
    notice.ticketAssignee = t.assigneeId;
    m_records.publish(notice);
    return *message;
}

Status TicketStore::addSystemEvent(qint64 ticketId, const QString &kind, const QJsonObject &data,
                                   const std::function<Status()> &alongside)
{
    Expected<Ticket> t = ticket(ticketId, false);
    if (!t)
        return t.error();
    const qint64 at = m_records.now();
    Transaction tx(m_db, Transaction::Seq::AtStart);
    const Expected<qint64> begun = tx.seq();
    if (!begun)
        return begun.error();
    if (Status event = m_records.addEvent(ticketId, kind, 0, data, *begun, at); !event)
        return event;
    // The ticket carries its latest change, so the feed delivers the event.
    if (Status moved = m_records.execute(u"UPDATE tickets SET seq = ? WHERE id = ?"_s, {*begun, ticketId}); !moved)
        return moved;
    if (alongside) {
        if (Status done = alongside(); !done)
            return done;
    }
    if (Status committed = tx.commit(); !committed)
        return committed;
    ChangeNotice notice;
    notice.seq = *begun;
    notice.ticketId = ticketId;
    notice.subject = t->subject;
    notice.departments = {t->departmentId};
    m_records.publish(notice);
    return ok();
}

Expected<TicketStore::ListFilter> TicketStore::parseFilter(const QList<std::pair<QString, QString>> &query)
{
    ListFilter filter;
    for (const auto &[key, value] : query) {
        if (key == u"status") {
            for (const QString &name : value.split(u',', Qt::SkipEmptyParts)) {
                const auto status = ticketStatusFromString(name);
                if (!status)
                    return Error::invalid(u"status"_s,
                            QCoreApplication::translate("Signpost::Tickets", "Unknown status “%1”.").arg(name));
                // Each status once: the statement's text follows the list.
                if (!filter.statuses.contains(*status))
                    filter.statuses.append(*status);
            }
            std::sort(filter.statuses.begin(), filter.statuses.end());
        } else if (key == u"assignee") {
            bool numeric = false;
            const qint64 id = value.toLongLong(&numeric);
            if (value == u"me")
                filter.assignee = ListFilter::Assignee::Me;
            else if (value == u"none")
                filter.assignee = ListFilter::Assignee::Nobody;
            else if (numeric && id > 0) {
                filter.assignee = ListFilter::Assignee::Agent;
                filter.assigneeId = id;
            } else
                return Error::invalid(u"assignee"_s,
                        QCoreApplication::translate("Signpost::Tickets", "assignee must be me, none or an agent id."));
        } else if (key == u"sort") {
            static const QStringList sorts{u"updated_at"_s, u"-updated_at"_s, u"created_at"_s, u"-created_at"_s,
                                           u"priority"_s, u"-priority"_s, u"id"_s, u"-id"_s};
            if (!sorts.contains(value))
                return Error::invalid(u"sort"_s,
                        QCoreApplication::translate("Signpost::Tickets",
                                                    "sort must be one of %1.").arg(sorts.join(u", "_s)));
            filter.sort = value;
        } else if (key == u"limit" || key == u"offset") {
            bool numeric = false;
            const int number = value.toInt(&numeric);
            if (!numeric || number < 0 || (key == u"limit" && (number < 1 || number > 200)))
                return Error::invalid(key, key == u"limit"
                                               ? QCoreApplication::translate("Signpost::Tickets",
                                                                             "limit must be 1 to 200.")
                                               : QCoreApplication::translate("Signpost::Tickets",
                                                                             "offset must be 0 or more."));
            (key == u"limit" ? filter.limit : filter.offset) = number;
        } else {
            return Error::invalid(key,
                    QCoreApplication::translate("Signpost::Tickets", "Unknown parameter “%1”.").arg(key));
        }
    }
    return filter;
}

Expected<QJsonObject> TicketStore::list(const AccessScope &scope, qint64 departmentId, const ListFilter &filter)
{
    if (!scope.canSee(departmentId) || !m_departments.department(departmentId))
        return Error::notFound(QCoreApplication::translate("Signpost::Tickets", "No such department."));
    QString where = u"t.department_id = ?"_s;
    QVariantList binds{departmentId};
    if (!filter.statuses.isEmpty()) {
        QStringList marks;
        for (TicketStatus status : filter.statuses) {
            marks.append(u"?"_s);
            binds.append(toString(status));
        }
        where += u" AND t.status IN (%1)"_s.arg(marks.join(u", "_s));
    }
    switch (filter.assignee) {
    case ListFilter::Assignee::Any: break;
    case ListFilter::Assignee::Me:
        where += u" AND t.assignee_id = ?"_s;
        binds.append(scope.agentId);
        break;
    case ListFilter::Assignee::Nobody: where += u" AND t.assignee_id IS NULL"_s; break;
    case ListFilter::Assignee::Agent:
        where += u" AND t.assignee_id = ?"_s;
        binds.append(filter.assigneeId);
        break;
    }
    const bool descending = filter.sort.startsWith(u'-');
    QString column = descending ? filter.sort.mid(1) : filter.sort;
    if (column == u"priority")
        column = u"(CASE t.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END)"_s;
    else
        column = u"t."_s + column;
    // Tickets still being worked on are few beside the solved and closed
    // ones that pile up over the years: a listing of only those reads them by
    // status and sorts them, rather than walking the department in the sort's
    // order ("+" keeps SQLite from using the sort's index).
    const bool activeOnly = !filter.statuses.isEmpty()
                            && std::all_of(filter.statuses.cbegin(), filter.statuses.cend(), [](TicketStatus status) {
                                   return status == TicketStatus::New || status == TicketStatus::Open
                                          || status == TicketStatus::Pending;
                               });
    if (activeOnly)
        column = u"+"_s + column;
    const QString direction = descending ? u"DESC"_s : u"ASC"_s;

    // Counting a department of half a million tickets would cost more than
    // the page: the total is exact up to a bound, and says when it is not.
    QSqlQuery &count = m_db.prepared(
        u"SELECT COUNT(*) FROM (SELECT 1 FROM tickets t WHERE %1 LIMIT %2) counted"_s.arg(where).arg(ListCountBound + 1));
    for (const QVariant &bind : binds)
        count.addBindValue(bind);
    if (!count.exec() || !count.next())
        return storageError(count);
    const qint64 counted = count.value(0).toLongLong();
    count.finish();
    const qint64 total = std::min<qint64>(counted, ListCountBound);

    QSqlQuery &page = m_db.prepared(u"SELECT %1 FROM tickets t WHERE %2 ORDER BY %3 %4, t.id %4 LIMIT ? OFFSET ?"_s.arg(
        TicketRows::ticketColumns, where, column, direction));
    for (const QVariant &bind : binds)
        page.addBindValue(bind);
    page.addBindValue(filter.limit);
    page.addBindValue(filter.offset);
    if (!page.exec())
        return storageError(page);
    QJsonArray tickets;
    while (page.next())
        tickets.append(TicketRows::readTicket(page).toJson());
    return QJsonObject{{u"tickets"_s, tickets}, {u"total"_s, total}, {u"total_exact"_s, counted <= ListCountBound},
                       {u"limit"_s, filter.limit}, {u"offset"_s, filter.offset}};
}

} // namespace Signpost
