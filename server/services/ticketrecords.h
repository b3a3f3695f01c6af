#pragma once

#include "core/enums.h"
#include "core/expected.h"
#include "core/slaclock.h"
#include "core/slapolicy.h"
#include "core/ticket.h"
#include "server/events/changenotice.h"

#include <QJsonObject>
#include <QVariant>

#include <functional>

namespace Signpost {

class Database;
class DepartmentStore;

// The rows of tickets, for the services that change them (intake and the
// agents' commands in TicketStore, SLA scheduling in SlaScheduler): a ticket
// read with its SLA clocks and written back with the due times its
// department's policy gives, its messages and history, each change under a
// new sequence value, all in the caller's transaction; and the notices of
// what changed, for after the commit.
class TicketRecords
{
public:
    TicketRecords(Database &db, DepartmentStore &departments);

    using ChangeListener = std::function<void(const ChangeNotice &)>;
    void setChangeListener(ChangeListener listener) { m_listener = std::move(listener); }
    // What changed, to the push hub; after the change's commit.
    void publish(const ChangeNotice &notice) const;
    // For demo data and tests of time: where "now" comes from.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

    Expected<Ticket> ticket(qint64 id, bool withThread);
    // A ticket with its SLA clocks, to change both.
    struct Tracked
    {
        Ticket ticket;
        SlaClocks clocks;
    };
    Expected<Tracked> tracked(qint64 ticketId);
    Expected<SlaClocks> clocksOf(qint64 ticketId);
    // Writes the ticket with its SLA clocks and the due times they give
    // under its department's policy, as of `at`.
    Status save(Ticket &ticket, SlaClocks &clocks, qint64 at);
    // The due times and flags of `ticket` from its clocks; returns when the
    // clocks next need a look (0: never).
    qint64 schedule(Ticket &ticket, SlaClocks &clocks, qint64 at) const;
    SlaClock clockOf(qint64 departmentId) const;
    const SlaPolicy &policyOf(qint64 departmentId) const;

    // A new ticket's first rows: the ticket (its INSERT without RETURNING,
    // and the values it binds), its stay in its first department, the
    // customer's first message and the events of its arrival, all with one
    // sequence value. On PostgreSQL one statement: one round trip under the
    // writers' lock where five would each keep every other writer waiting.
    struct Arrival
    {
        QString ticketInsert;
        QVariantList ticketValues;
        qint64 departmentId = 0;
        QString authorName;
        QString body;
        QList<std::pair<QString, QJsonObject>> events; // kind, data
        qint64 seq = 0;
        qint64 at = 0;
    };
    struct Arrived
    {
        qint64 ticketId = 0;
        qint64 messageId = 0;
    };
    Expected<Arrived> addArrival(const Arrival &arrival);
    Expected<qint64> addMessage(qint64 ticketId, MessageKind kind, qint64 agentId, const QString &authorName,
                                const QString &body, const QString &senderName, const QString &signature,
                                qint64 seq, qint64 at);
    Status addEvent(qint64 ticketId, const QString &kind, qint64 actorId, const QJsonObject &data, qint64 seq,
                    qint64 at);
    // One statement that returns no rows.
    Status execute(const QString &sql, const QVariantList &binds);
    // The ticket ids a one-column query selects.
    Expected<QList<qint64>> ticketIds(const QString &sql, const QVariantList &binds);

    // How the ticket columns hold a due time (none: NULL) and the clocks.
    static QVariant dueOrNull(qint64 at);
    static QString clocksText(const SlaClocks &clocks);

private:
    Database &m_db;
    DepartmentStore &m_departments;
    ChangeListener m_listener;
    std::function<qint64()> m_clock;
};

} // namespace Signpost
