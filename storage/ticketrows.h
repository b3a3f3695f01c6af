#pragma once

#include "core/ticket.h"
#include "storage/sqldialect.h"

#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace Signpost::TicketRows {

// The column lists the stores select, and the readers that turn a row into
// a domain value; one place, so every reader agrees with the schema.
extern const QString ticketColumns;  // prefix "t."
inline constexpr int ticketColumnCount = 22; // columns selected after these start here
extern const QString messageColumns; // prefix "m."
extern const QString eventColumns;   // prefix "e."
extern const QString attachmentColumns; // prefix "a."; the message's id first

// The SLA columns a ticket row carries on the server and in the desk's
// cache alike, as the ALTER TABLE statements that add them.
QStringList addSlaColumns();

// The full-text index of tickets, the same in the server's store and the
// desk's cache: one row per ticket (rowid: its id) with its subject, its
// customer (name, address, order number, "#" and the ticket's number) and
// the bodies of its thread. searchRowsSql selects (id, subject, customer,
// body) of tickets, ending in "WHERE t.id " for the caller's condition.
QString searchRowsSql(const SqlDialect &dialect = SqlDialect(SqlEngine::SQLite));
// Words typed into a search box, as an FTS5 query of prefixes that must all
// match (see SqlDialect::searchExpression).
QString searchExpression(const QString &text);

Ticket readTicket(const QSqlQuery &query);
Message readMessage(const QSqlQuery &query);
TicketEvent readEvent(const QSqlQuery &query);
// An event without its data, and its data as stored: compact JSON text, as
// QJsonDocument writes it (for a writer that passes it through unparsed).
TicketEvent readEventWithoutData(const QSqlQuery &query);
QByteArray eventDataText(const QSqlQuery &query);
// The message an attachment row belongs to, and the attachment.
qint64 attachmentMessage(const QSqlQuery &query);
AttachmentRef readAttachment(const QSqlQuery &query);
// Every attachment row of `query` (already run) onto its message of `thread`.
void attachFiles(QSqlQuery &query, QList<Message> &thread);

} // namespace Signpost::TicketRows
