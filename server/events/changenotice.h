#pragma once

#include <QList>
#include <QString>

namespace Signpost {

// What a committed change means for connected agents: whom to poke so they
// pull, and which notification (if any) the change raises.
struct ChangeNotice
{
    enum class Event { None, NewTicket, CustomerReply, TransferredIn, Assigned, SlaAtRisk, SlaBreached };

    qint64 seq = 0;
    qint64 ticketId = 0;
    QString subject;
    QList<qint64> departments; // agents of these (and admins) are poked
    QList<qint64> agents;      // poked too, whatever their departments
    Event event = Event::None;
    qint64 eventDepartment = 0; // notify this department's agents …
    qint64 eventAgent = 0;      // … or only this agent
    qint64 actorAgent = 0;      // not notified of their own action
    qint64 ticketAssignee = 0;  // for departments that tell only the assignee
    // Who of eventDepartment hears of the event ("members", "leads",
    // "assignee", "assignee_and_leads"), settled when the notice is published.
    QString audience;
};

QString toString(ChangeNotice::Event event);

} // namespace Signpost
