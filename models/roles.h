#pragma once

#include <Qt>

namespace Signpost {

// Every custom role of the client's models, in one place.
enum Roles {
    TicketIdRole = Qt::UserRole + 1,
    DepartmentIdRole,
    StatusRole,          // the status name
    PriorityRole,        // the priority name
    PendingChangesRole,  // changes queued in the outbox, not yet confirmed
    LoadingRole,         // the row is not read from the cache yet
    NewCountRole,
    OpenCountRole,
    UnassignedCountRole,
    MineCountRole,
    RoleNameRole,        // the agent's role in a department
    HasDraftRole,        // the agent has started writing on the ticket
};

} // namespace Signpost
