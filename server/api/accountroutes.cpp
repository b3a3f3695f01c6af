// The account part of the API: sign-in, the signed-in agent, and the admin's
// management of agents and their memberships.
#include "server/api/apiserver.h"

#include "core/timestamps.h"
#include "server/storage/database.h"

#include <QCoreApplication>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Signpost {

void ApiServer::addAccountRoutes()
{
    using Method = HttpRequest::Method;

    route(Method::Post, u"/api/v1/auth/login"_s, Access::Public, [this](Call &call) {
        if (!m_loginLimiter.allow(call.clientAddress, nowMs()))
            return HttpReply::error({ErrorCode::RateLimited,
                    QCoreApplication::translate("Signpost::Api",
                                                "Too many sign-in attempts. Wait a minute and try again."), {}});
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        const QString email = body->value(u"email"_s).toString();
        const QString password = body->value(u"password"_s).toString();
        if (email.trimmed().isEmpty())
            return HttpReply::error(Error::invalid(u"email"_s,
                    QCoreApplication::translate("Signpost::Api", "Give your email address.")));
        if (password.isEmpty())
            return HttpReply::error(Error::invalid(u"password"_s,
                    QCoreApplication::translate("Signpost::Api", "Give your password.")));
        Expected<AccountStore::Credentials> found = m_accounts.credentials(email);
        if (!found)
            return HttpReply::error(found.error());
        // Argon2id takes tens of milliseconds by design: it runs on a worker,
        // and everyone else's requests go on meanwhile.
        HttpReply reply;
        reply.later = [this, credentials = *found, password](std::function<void(HttpReply)> respond) {
            QtConcurrent::run(&m_work, &AccountStore::verify, credentials, password)
                .then(this, [this, credentials, respond, &wording = Wording::current()](bool verified) {
                    const Wording::Scope speaking(wording);
                    Expected<AccountStore::SignIn> signIn = m_accounts.startSession(credentials, verified);
                    respond(signIn ? HttpReply::json(QJsonObject{{u"token"_s, signIn->token},
                                                                 {u"agent"_s, signIn->agent.toJson()}})
                                   : HttpReply::error(signIn.error()));
                });
        };
        return reply;
    });

    route(Method::Post, u"/api/v1/auth/logout"_s, Access::Agent, [this](Call &call) {
        if (Status done = m_accounts.logout(call.session.tokenHash); !done)
            return HttpReply::error(done.error());
        m_cluster.disconnectToken(call.session.tokenHash);
        return HttpReply::noContent();
    });

    route(Method::Get, u"/api/v1/me"_s, Access::Agent, [this](Call &call) {
        Expected<Agent> agent = m_accounts.agent(call.scope.agentId);
        if (!agent)
            return HttpReply::error(agent.error());
        QJsonObject me = agent->toJson();
        me.insert(u"change_seq"_s, m_db.headSeq());
        const Expected<qint64> directory = m_db.directoryVersion();
        if (!directory)
            return HttpReply::error(directory.error());
        me.insert(u"directory_version"_s, *directory);
        return HttpReply::json(me);
    });

    route(Method::Put, u"/api/v1/me/availability"_s, Access::Agent, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        if (!body->value(u"available"_s).isBool())
            return HttpReply::error(Error::invalid(u"available"_s,
                    QCoreApplication::translate("Signpost::Api", "available must be true or false.")));
        const bool available = body->value(u"available"_s).toBool();
        Expected<Agent> agent = m_accounts.agent(call.scope.agentId);
        if (!agent)
            return HttpReply::error(agent.error());
        // Away, and their tickets passed on, together.
        auto mark = [&]() -> Status {
            agent = m_accounts.setAvailable(call.scope.agentId, available);
            return agent ? ok() : Status(agent.error());
        };
        int reassigned = 0;
        if (!available) {
            Expected<int> moved = m_tickets.reassignFrom(agent->id, agent->name, mark);
            if (!moved)
                return HttpReply::error(moved.error());
            reassigned = *moved;
        } else if (Status marked = mark(); !marked) {
            return HttpReply::error(marked.error());
        }
        QJsonObject json = agent->toJson();
        json.insert(u"reassigned"_s, reassigned);
        return HttpReply::json(json);
    });

    route(Method::Get, u"/api/v1/agents"_s, Access::Admin, [this](Call &) {
        Expected<QList<Agent>> agents = m_accounts.agents();
        if (!agents)
            return HttpReply::error(agents.error());
        QJsonArray list;
        for (const Agent &agent : *agents)
            list.append(agent.toJson());
        return HttpReply::json(QJsonObject{{u"agents"_s, list}});
    });

    // A new password is hashed on a worker, as a sign-in's is checked there;
    // the rest of the change runs on this thread with the hash.
    const auto passwordHashedAside = [this](const QJsonObject &body, std::function<HttpReply(const QString &)> then) {
        if (!body.contains(u"password"_s))
            return then(QString());
        HttpReply reply;
        reply.later = [this, body, then](std::function<void(HttpReply)> respond) {
            QtConcurrent::run(&m_work, &AccountStore::hashOfRequestedPassword, body)
                .then(this, [then, respond, &wording = Wording::current()](const QString &hash) {
                    const Wording::Scope speaking(wording);
                    respond(then(hash));
                });
        };
        return reply;
    };

    route(Method::Post, u"/api/v1/agents"_s, Access::Admin, [this, passwordHashedAside](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        return passwordHashedAside(*body, [this, body = *body](const QString &hash) {
            Expected<Agent> agent = m_accounts.createAgent(body, hash);
            return agent ? HttpReply::json(agent->toJson(), 201) : HttpReply::error(agent.error());
        });
    });

    route(Method::Get, u"/api/v1/agents/{id}"_s, Access::Admin, [this](Call &call) {
        Expected<Agent> agent = m_accounts.agent(call.id());
        return agent ? HttpReply::json(agent->toJson()) : HttpReply::error(agent.error());
    });

    route(Method::Patch, u"/api/v1/agents/{id}"_s, Access::Admin, [this, passwordHashedAside](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        return passwordHashedAside(*body, [this, id = call.id(), body = *body](const QString &hash) {
            Expected<Agent> agent = m_accounts.updateAgent(id, body, hash);
            if (!agent)
                return HttpReply::error(agent.error());
            if (agent->disabled || body.contains(u"password"_s))
                m_cluster.disconnectAgent(agent->id, agent->disabled ? u"account_disabled"_s : u"signed_out"_s);
            m_cluster.accessChanged(agent->id, m_db.headSeq());
            return HttpReply::json(agent->toJson());
        });
    });

    route(Method::Put, u"/api/v1/agents/{id}/memberships/{id}"_s, Access::Admin, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        const std::optional<Role> role = roleFromString(body->value(u"role"_s).toString());
        if (!role)
            return HttpReply::error(Error::invalid(u"role"_s,
                    QCoreApplication::translate("Signpost::Api", "role must be member or lead.")));
        Expected<Agent> agent = m_accounts.setMembership(call.id(0), call.id(1), *role);
        if (!agent)
            return HttpReply::error(agent.error());
        m_cluster.accessChanged(agent->id, m_db.headSeq());
        return HttpReply::json(agent->toJson());
    });

    route(Method::Delete, u"/api/v1/agents/{id}/memberships/{id}"_s, Access::Admin, [this](Call &call) {
        Expected<Agent> agent = m_accounts.removeMembership(call.id(0), call.id(1));
        if (!agent)
            return HttpReply::error(agent.error());
        m_cluster.accessChanged(agent->id, m_db.headSeq());
        return HttpReply::json(agent->toJson());
    });
}

} // namespace Signpost
