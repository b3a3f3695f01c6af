// The helpdesk's shape in the API: departments, shops and routing rules.
#include "server/api/apiserver.h"
#include "server/storage/database.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

template<typename T>
QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

template<typename T>
HttpReply replyWith(const Expected<T> &result, int status = 200)
{
    return result ? HttpReply::json(result->toJson(), status) : HttpReply::error(result.error());
}

HttpReply replyWith(const Status &result)
{
    return result ? HttpReply::noContent() : HttpReply::error(result.error());
}

} // namespace

void ApiServer::addHelpdeskRoutes()
{
    using Method = HttpRequest::Method;

    route(Method::Get, u"/api/v1/departments"_s, Access::Agent, [this](Call &call) {
        Expected<QList<Department>> all = m_departments.departments();
        if (!all)
            return HttpReply::error(all.error());
        QList<Department> visible;
        for (const Department &department : *all) {
            if (call.scope.canSee(department.id))
                visible.append(department);
        }
        QJsonArray list = toJsonArray(visible);
        for (qsizetype i = 0; i < list.size(); ++i) {
            QJsonObject entry = list[i].toObject();
            const qint64 id = entry.value(u"id"_s).toInteger();
            const QJsonValue role = call.scope.departments.contains(id)
                                        ? QJsonValue(toString(call.scope.departments.value(id)))
                                        : QJsonValue(QJsonValue::Null);
            entry.insert(u"my_role"_s, role);
            list[i] = entry;
        }
        return HttpReply::json(QJsonObject{{u"departments"_s, list}});
    });

    route(Method::Get, u"/api/v1/departments/{id}"_s, Access::Agent, [this](Call &call) {
        if (!call.scope.canSee(call.id()))
            return HttpReply::error(Error::notFound(
                    QCoreApplication::translate("Signpost::Api", "No such department.")));
        return replyWith(m_departments.department(call.id()));
    });

    route(Method::Get, u"/api/v1/departments/{id}/agents"_s, Access::Agent, [this](Call &call) {
        if (!call.scope.canSee(call.id()) || !m_departments.department(call.id()))
            return HttpReply::error(Error::notFound(
                    QCoreApplication::translate("Signpost::Api", "No such department.")));
        Expected<QList<Agent>> agents = m_accounts.agents(call.id());
        if (!agents)
            return HttpReply::error(agents.error());
        QJsonArray list;
        for (const Agent &agent : *agents) {
            // Colleagues see who is there and in what role, not the rest.
            const auto membership = std::find_if(agent.memberships.cbegin(), agent.memberships.cend(),
                                                 [&](const Membership &m) { return m.departmentId == call.id(); });
            list.append(QJsonObject{{u"id"_s, agent.id},
                                    {u"name"_s, agent.name},
                                    {u"email"_s, agent.email},
                                    {u"role"_s, toString(membership->role)},
                                    {u"disabled"_s, agent.disabled}});
        }
        return HttpReply::json(QJsonObject{{u"agents"_s, list}});
    });

    // Where an agent may send a ticket: every active department, with its
    // agents for an optional assignee there.
    route(Method::Get, u"/api/v1/transfer-targets"_s, Access::Agent, [this](Call &) {
        Expected<QList<Department>> all = m_departments.departments();
        if (!all)
            return HttpReply::error(all.error());
        QJsonArray list;
        for (const Department &department : *all) {
            if (department.archived)
                continue;
            Expected<QList<Agent>> agents = m_accounts.agents(department.id);
            QJsonArray members;
            for (const Agent &agent : agents ? *agents : QList<Agent>{}) {
                if (!agent.disabled)
                    members.append(QJsonObject{{u"id"_s, agent.id}, {u"name"_s, agent.name}});
            }
            list.append(QJsonObject{{u"id"_s, department.id},
                                    {u"name"_s, department.name},
                                    {u"public_label"_s, department.publicLabel},
                                    {u"agents"_s, members}});
        }
        return HttpReply::json(QJsonObject{{u"departments"_s, list}});
    });

    // Every desk reads the directory again after a department is made,
    // changed or deleted: each lists all departments as transfer targets.
    route(Method::Post, u"/api/v1/departments"_s, Access::Admin, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        Expected<Department> created = m_departments.createDepartment(*body);
        if (created)
            m_cluster.pokeEveryone(m_db.headSeq());
        return replyWith(created, 201);
    });
    route(Method::Patch, u"/api/v1/departments/{id}"_s, Access::Agent, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        // A department's leads run how it works and how it speaks to
        // customers; what it is and what reaches it (its name, addresses,
        // shops, being the default or archived) stays with the admins, as
        // it changes where other departments' mail and forms go.
        if (!call.scope.isAdmin) {
            if (!call.scope.canSee(call.id()))
                return HttpReply::error(Error::notFound(
                        QCoreApplication::translate("Signpost::Api", "No such department.")));
            if (!call.scope.leads(call.id()))
                return HttpReply::error({ErrorCode::Forbidden,
                                         QCoreApplication::translate(
                                                 "Signpost::Api", "Only the department's leads and admins can change it."),
                                         {}});
            const QStringList keys = body->keys();
            for (const QString &key : keys) {
                if (!Department::leadKeys().contains(key))
                    return HttpReply::error(Error{ErrorCode::Forbidden,
                                                  QCoreApplication::translate(
                                                          "Signpost::Api", "Only admins can change a department's %1.")
                                                          .arg(key),
                                                  key});
            }
        }
        // A new SLA policy is written with the first of the open tickets'
        // due times that follow from it; the sweep does the rest at once,
        // a chunk at a time between other requests.
        SlaScheduler::Rescheduled rescheduled;
        Expected<Department> updated = m_departments.updateDepartment(
            call.id(), *body, [&]() -> Status {
                if (!body->contains(u"sla"_s))
                    return ok();
                Expected<SlaScheduler::Rescheduled> done = m_tickets.sla().reschedule(call.id(), m_config.slaChunk);
                if (!done)
                    return done.error();
                rescheduled = *done;
                return ok();
            });
        if (updated && rescheduled.notice.seq > 0)
            m_tickets.publish(rescheduled.notice);
        if (updated && rescheduled.more)
            QTimer::singleShot(0, this, &ApiServer::startSlaSweep);
        if (updated)
            m_cluster.pokeEveryone(m_db.headSeq());
        return replyWith(updated);
    });
    route(Method::Delete, u"/api/v1/departments/{id}"_s, Access::Admin, [this](Call &call) {
        const Status deleted = m_departments.deleteDepartment(call.id());
        if (deleted)
            m_cluster.pokeEveryone(m_db.headSeq());
        return replyWith(deleted);
    });

    // Canned replies: read by everyone in the department, written by its
    // leads (and admins).
    auto cannedList = [](const Expected<QList<CannedReply>> &replies) {
        return replies ? HttpReply::json(QJsonObject{{u"canned_replies"_s, toJsonArray(*replies)}})
                       : HttpReply::error(replies.error());
    };
    route(Method::Get, u"/api/v1/canned-replies"_s, Access::Agent,
          [this, cannedList](Call &call) { return cannedList(m_cannedReplies.list(call.scope)); });
    route(Method::Get, u"/api/v1/departments/{id}/canned-replies"_s, Access::Agent, [this, cannedList](Call &call) {
        if (!call.scope.canSee(call.id()) || !m_departments.department(call.id()))
            return HttpReply::error(Error::notFound(
                    QCoreApplication::translate("Signpost::Api", "No such department.")));
        return cannedList(m_cannedReplies.list(call.scope, call.id()));
    });
    // The department's desks are poked: their next pull sees the new
    // directory_version and reads the replies again.
    auto pokeDepartment = [this](const Expected<CannedReply> &changed) {
        if (changed) {
            ChangeNotice notice;
            notice.seq = m_db.headSeq();
            notice.departments = {changed->departmentId};
            m_cluster.publish(notice);
        }
        return changed;
    };
    route(Method::Post, u"/api/v1/departments/{id}/canned-replies"_s, Access::Agent, [this, pokeDepartment](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        return body ? replyWith(pokeDepartment(m_cannedReplies.create(call.scope, call.id(), *body)), 201)
                    : HttpReply::error(body.error());
    });
    route(Method::Patch, u"/api/v1/canned-replies/{id}"_s, Access::Agent, [this, pokeDepartment](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        return body ? replyWith(pokeDepartment(m_cannedReplies.update(call.scope, call.id(), *body)))
                    : HttpReply::error(body.error());
    });
    route(Method::Delete, u"/api/v1/canned-replies/{id}"_s, Access::Agent, [this, pokeDepartment](Call &call) {
        const Expected<CannedReply> removed = pokeDepartment(m_cannedReplies.remove(call.scope, call.id()));
        return removed ? HttpReply::noContent() : HttpReply::error(removed.error());
    });

    route(Method::Get, u"/api/v1/shops"_s, Access::Agent, [this](Call &) {
        Expected<QList<Shop>> shops = m_departments.shops();
        return shops ? HttpReply::json(QJsonObject{{u"shops"_s, toJsonArray(*shops)}}) : HttpReply::error(shops.error());
    });
    route(Method::Post, u"/api/v1/shops"_s, Access::Admin, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        return body ? replyWith(m_departments.createShop(*body), 201) : HttpReply::error(body.error());
    });
    route(Method::Patch, u"/api/v1/shops/{id}"_s, Access::Admin, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        return body ? replyWith(m_departments.updateShop(call.id(), *body)) : HttpReply::error(body.error());
    });

    route(Method::Get, u"/api/v1/routing-rules"_s, Access::Admin, [this](Call &) {
        Expected<QList<RoutingRule>> rules = m_departments.rules();
        return rules ? HttpReply::json(QJsonObject{{u"rules"_s, toJsonArray(*rules)}}) : HttpReply::error(rules.error());
    });
    route(Method::Post, u"/api/v1/routing-rules"_s, Access::Admin, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        return body ? replyWith(m_departments.createRule(*body), 201) : HttpReply::error(body.error());
    });
    route(Method::Patch, u"/api/v1/routing-rules/{id}"_s, Access::Admin, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        return body ? replyWith(m_departments.updateRule(call.id(), *body)) : HttpReply::error(body.error());
    });
    route(Method::Delete, u"/api/v1/routing-rules/{id}"_s, Access::Admin,
          [this](Call &call) { return replyWith(m_departments.deleteRule(call.id())); });
}

} // namespace Signpost
