#include "core/agent.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Signpost {

QJsonObject Agent::toJson() const
{
    QJsonArray list;
    for (const Membership &membership : memberships)
        list.append(QJsonObject{{u"department"_s, membership.departmentId}, {u"role"_s, toString(membership.role)}});
    return QJsonObject{
        {u"id"_s, id},
        {u"email"_s, email},
        {u"name"_s, name},
        {u"is_admin"_s, isAdmin},
        {u"disabled"_s, disabled},
        {u"available"_s, available},
        {u"memberships"_s, list},
    };
}

Agent Agent::fromJson(const QJsonObject &json)
{
    Agent agent;
    agent.id = json.value(u"id"_s).toInteger();
    agent.email = json.value(u"email"_s).toString();
    agent.name = json.value(u"name"_s).toString();
    agent.isAdmin = json.value(u"is_admin"_s).toBool();
    agent.disabled = json.value(u"disabled"_s).toBool();
    agent.available = json.value(u"available"_s).toBool(true);
    const QJsonArray list = json.value(u"memberships"_s).toArray();
    for (const QJsonValue &entry : list) {
        const QJsonObject membership = entry.toObject();
        agent.memberships.append({membership.value(u"department"_s).toInteger(),
                                  roleFromString(membership.value(u"role"_s).toString()).value_or(Role::Member)});
    }
    return agent;
}

} // namespace Signpost
