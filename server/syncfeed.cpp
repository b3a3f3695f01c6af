#include "server/syncfeed.h"

#include "core/synccursor.h"
#include "core/ticket.h"
#include "server/database.h"
#include "server/ticketrows.h"
#include "server/transaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

struct PageEntry
{
    Ticket ticket;
    bool full = false;
};

} // namespace

Expected<QByteArray> SyncFeed::pull(const AccessScope &scope, const QString &cursorText, int limit)
{
    limit = qBound(1, limit, MaxPageSize);
    SyncCursor cursor;
    cursor.epoch = m_db.epoch();
    bool reset = false;
    if (!cursorText.isEmpty()) {
        const std::optional<SyncCursor> given = SyncCursor::decode(cursorText);
        if (!given)
            return Error::invalid(u"cursor"_s, u"The cursor is not one this server handed out."_s);
        if (given->epoch != m_db.epoch() || given->since > m_db.headSeq())
            reset = true; // restored or replaced store: the client starts over
        else
            cursor = *given;
    }

    // One read transaction: every query of the page sees the same state.
    Transaction snapshot(m_db.connection());

    QJsonArray grantedDepartments;
    if (cursor.phase == SyncCursor::Phase::Idle) {
        cursor.head = m_db.headSeq();
        if (cursor.since >= cursor.head && !reset) {
            // Nothing changed: the cheap answer, with the same cursor.
            cursor.head = 0;
            return QJsonDocument(QJsonObject{{u"cursor"_s, cursor.encode()},
                                             {u"has_more"_s, false},
                                             {u"reset"_s, false},
                                             {u"tickets"_s, QJsonArray()},
                                             {u"revoked_tickets"_s, QJsonArray()},
                                             {u"revoked_departments"_s, QJsonArray()}})
                .toJson(QJsonDocument::Compact);
        }
        bool backfill = scope.isAdmin && cursor.since == 0;
        if (!scope.isAdmin) {
            QSqlQuery &granted = m_db.prepared(
                u"SELECT department_id FROM memberships WHERE agent_id = ? AND granted_seq > ? ORDER BY department_id"_s);
            granted.addBindValue(scope.agentId);
            granted.addBindValue(cursor.since);
            if (!granted.exec())
                return storageError(granted);
            while (granted.next())
                grantedDepartments.append(granted.value(0).toLongLong());
            backfill = !grantedDepartments.isEmpty();
        }
        cursor.phase = backfill ? SyncCursor::Phase::Backfill : SyncCursor::Phase::Changes;
        cursor.position = backfill ? 0 : cursor.since;
    }

    QList<PageEntry> page;
    bool done = false;
    if (cursor.phase == SyncCursor::Phase::Backfill) {
        // Whole departments the client has not had (first sync, or a new
        // membership): every ticket in them, in id order.
        QSqlQuery &query = m_db.prepared(
            scope.isAdmin
                ? u"SELECT %1 FROM tickets t WHERE t.id > ? ORDER BY t.id LIMIT ?"_s.arg(TicketRows::ticketColumns)
                : u"SELECT %1 FROM tickets t WHERE t.id > ? AND +t.department_id IN"
                  " (SELECT department_id FROM memberships WHERE agent_id = ? AND granted_seq > ?)"
                  " ORDER BY t.id LIMIT ?"_s.arg(TicketRows::ticketColumns));
        query.addBindValue(cursor.position);
        if (!scope.isAdmin) {
            query.addBindValue(scope.agentId);
            query.addBindValue(cursor.since);
        }
        query.addBindValue(limit);
        if (!query.exec())
            return storageError(query);
        while (query.next())
            page.append({TicketRows::readTicket(query), true});
        if (page.size() < limit) {
            cursor.phase = SyncCursor::Phase::Changes;
            cursor.position = cursor.since;
        } else {
            cursor.position = page.last().ticket.id;
        }
    }
    if (cursor.phase == SyncCursor::Phase::Changes) {
        // Changes in departments the client already has, in sequence order
        // up to the head this pull runs to.
        const int room = limit - static_cast<int>(page.size());
        QSqlQuery &query = m_db.prepared(
            scope.isAdmin
                ? u"SELECT %1, t.entered_seq FROM tickets t WHERE t.seq > ? AND t.seq <= ?"
                  " ORDER BY t.seq LIMIT ?"_s.arg(TicketRows::ticketColumns)
                : u"SELECT %1, t.entered_seq FROM tickets t WHERE t.seq > ? AND t.seq <= ? AND +t.department_id IN"
                  " (SELECT department_id FROM memberships WHERE agent_id = ? AND granted_seq <= ?)"
                  " ORDER BY t.seq LIMIT ?"_s.arg(TicketRows::ticketColumns));
        query.addBindValue(cursor.position);
        query.addBindValue(cursor.head);
        if (!scope.isAdmin) {
            query.addBindValue(scope.agentId);
            query.addBindValue(cursor.since);
        }
        query.addBindValue(room);
        if (room > 0) {
            if (!query.exec())
                return storageError(query);
            int count = 0;
            while (query.next()) {
                // A ticket that came into the department after the cursor is
                // new to the client: send all of it.
                page.append({TicketRows::readTicket(query), query.value(15).toLongLong() > cursor.since});
                ++count;
            }
            if (count < room)
                done = true;
            else
                cursor.position = page.last().ticket.seq;
        }
    }

    // The thread and history of the page's tickets: all of it for tickets new
    // to the client, what changed since the cursor for the others.
    if (!page.isEmpty()) {
        QHash<qint64, qsizetype> index;
        QJsonArray spec;
        for (qsizetype i = 0; i < page.size(); ++i) {
            index.insert(page[i].ticket.id, i);
            spec.append(QJsonArray{page[i].ticket.id, page[i].full ? 0 : cursor.since});
        }
        const QString specText = QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact));
        QSqlQuery &messages = m_db.prepared(
            u"SELECT %1 FROM json_each(?) j JOIN messages m ON m.ticket_id = json_extract(j.value, '$[0]')"
            " AND m.seq > json_extract(j.value, '$[1]') ORDER BY m.id"_s.arg(TicketRows::messageColumns));
        messages.addBindValue(specText);
        if (!messages.exec())
            return storageError(messages);
        while (messages.next()) {
            Message message = TicketRows::readMessage(messages);
            page[index.value(message.ticketId)].ticket.messages.append(std::move(message));
        }
        QSqlQuery &events = m_db.prepared(
            u"SELECT %1 FROM json_each(?) j JOIN events e ON e.ticket_id = json_extract(j.value, '$[0]')"
            " AND e.seq > json_extract(j.value, '$[1]') ORDER BY e.id"_s.arg(TicketRows::eventColumns));
        events.addBindValue(specText);
        if (!events.exec())
            return storageError(events);
        while (events.next()) {
            TicketEvent event = TicketRows::readEvent(events);
            page[index.value(event.ticketId)].ticket.events.append(std::move(event));
        }
    }

    QJsonArray revokedTickets;
    QJsonArray revokedDepartments;
    if (done && !scope.isAdmin && cursor.since > 0) {
        // Access lost since the cursor: tickets moved out of all of the
        // agent's departments, and departments the agent left.
        QSqlQuery &moved = m_db.prepared(
            u"SELECT DISTINCT mv.ticket_id, t.department_id FROM ticket_moves mv JOIN tickets t ON t.id = mv.ticket_id"
            " WHERE mv.seq > ? AND mv.seq <= ? ORDER BY mv.ticket_id"_s);
        moved.addBindValue(cursor.since);
        moved.addBindValue(cursor.head);
        if (!moved.exec())
            return storageError(moved);
        while (moved.next()) {
            if (!scope.canSee(moved.value(1).toLongLong()))
                revokedTickets.append(moved.value(0).toLongLong());
        }
        QSqlQuery &left = m_db.prepared(
            u"SELECT DISTINCT department_id FROM membership_revocations WHERE agent_id = ? AND seq > ? AND seq <= ?"
            " ORDER BY department_id"_s);
        left.addBindValue(scope.agentId);
        left.addBindValue(cursor.since);
        left.addBindValue(cursor.head);
        if (!left.exec())
            return storageError(left);
        while (left.next()) {
            if (!scope.canSee(left.value(0).toLongLong()))
                revokedDepartments.append(left.value(0).toLongLong());
        }
    }

    QJsonArray tickets;
    for (const PageEntry &entry : std::as_const(page)) {
        QJsonObject json = entry.ticket.toJson(true);
        json.insert(u"full"_s, entry.full);
        tickets.append(json);
    }
    SyncCursor next = cursor;
    if (done)
        next = SyncCursor{cursor.epoch, cursor.head, 0, SyncCursor::Phase::Idle, 0};
    QJsonObject response{
        {u"cursor"_s, next.encode()},
        {u"has_more"_s, !done},
        {u"reset"_s, reset},
        {u"tickets"_s, tickets},
        {u"revoked_tickets"_s, revokedTickets},
        {u"revoked_departments"_s, revokedDepartments},
    };
    if (!grantedDepartments.isEmpty())
        response.insert(u"granted_departments"_s, grantedDepartments);
    return QJsonDocument(response).toJson(QJsonDocument::Compact);
}

} // namespace Signpost
