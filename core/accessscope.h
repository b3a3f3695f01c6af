#pragma once

#include "core/agent.h"
#include "core/enums.h"

#include <QHash>
#include <QList>

namespace Signpost {

// What one agent may see and do, from their current memberships: a ticket is
// visible exactly when its current department is one of theirs (admins: all).
struct AccessScope
{
    qint64 agentId = 0;
    bool isAdmin = false;
    QHash<qint64, Role> departments;

    bool canSee(qint64 departmentId) const { return isAdmin || departments.contains(departmentId); }
    bool leads(qint64 departmentId) const
    {
        return isAdmin || departments.value(departmentId, Role::Member) == Role::Lead;
    }
    QList<qint64> departmentIds() const;

    static AccessScope of(const Agent &agent);
};

} // namespace Signpost
