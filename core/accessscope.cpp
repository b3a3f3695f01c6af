#include "core/accessscope.h"

#include <algorithm>

namespace Signpost {

AccessScope AccessScope::of(const Agent &agent)
{
    AccessScope scope;
    scope.agentId = agent.id;
    scope.isAdmin = agent.isAdmin;
    for (const Membership &membership : agent.memberships)
        scope.departments.insert(membership.departmentId, membership.role);
    return scope;
}

QList<qint64> AccessScope::departmentIds() const
{
    QList<qint64> ids = departments.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace Signpost
