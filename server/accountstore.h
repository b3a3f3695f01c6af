#pragma once

#include "core/accessscope.h"
#include "core/agent.h"
#include "core/expected.h"

#include <QJsonObject>

#include <optional>

namespace Signpost {

class Database;

// Agents, their department memberships and their sign-in tokens.
class AccountStore
{
public:
    explicit AccountStore(Database &db) : m_db(db) {}

    struct Session
    {
        qint64 agentId = 0;
        QByteArray tokenHash;
    };
    struct SignIn
    {
        QString token;
        Agent agent;
    };

    Expected<SignIn> login(const QString &email, const QString &password);
    Status logout(const QByteArray &tokenHash);
    // The session of a token, if it is live and its agent is not disabled.
    std::optional<Session> authenticate(const QString &token);

    Expected<AccessScope> scope(qint64 agentId);
    Expected<Agent> agent(qint64 agentId);
    Expected<QList<Agent>> agents(qint64 departmentId = 0);

    Expected<Agent> createAgent(const QJsonObject &json);
    Expected<Agent> updateAgent(qint64 agentId, const QJsonObject &json);
    // Adds the agent to a department or changes their role there.
    Expected<Agent> setMembership(qint64 agentId, qint64 departmentId, Role role);
    Expected<Agent> removeMembership(qint64 agentId, qint64 departmentId);
    // Available agents take new work; away ones are skipped by automation.
    Expected<Agent> setAvailable(qint64 agentId, bool available);

    // Creates the first admin on an empty store; does nothing otherwise.
    Status bootstrapAdmin(const QString &email, const QString &password);
    bool isEmpty();

private:
    Expected<Agent> loadAgent(qint64 agentId);
    Status revokeTokens(qint64 agentId);

    Database &m_db;
};

} // namespace Signpost
