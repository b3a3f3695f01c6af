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

    // Signing in, in three steps so the slow one runs off the event loop:
    // the stored credentials (on the store's thread), the password check
    // (Argon2id, any thread), and the new session (on the store's thread).
    struct Credentials
    {
        qint64 agentId = 0; // 0: no such address
        QString passwordHash;
        bool disabled = false;
    };
    Expected<Credentials> credentials(const QString &email);
    static bool verify(const Credentials &credentials, const QString &password);
    Expected<SignIn> startSession(const Credentials &credentials, bool verified);
    Status logout(const QByteArray &tokenHash);
    // The session of a token, if it is live and its agent is not disabled;
    // otherwise Unauthorized, with the reason "session_expired" or
    // "account_disabled" where that is why. Using a session keeps it alive.
    Expected<Session> authenticate(const QString &token);

    // A session unused this long has expired (sliding: every use renews it).
    static constexpr qint64 SessionIdleMs = 14LL * 24 * 3600 * 1000;
    // Forgets expired and revoked sessions and command results older than
    // the time a desk may hold a command unanswered; at most `limit` rows
    // of each, so a sweep never holds the store for long. Returns how many.
    Expected<int> prune(qint64 now, int limit);
    static constexpr qint64 CommandResultsKeptMs = 90LL * 24 * 3600 * 1000;

    Expected<AccessScope> scope(qint64 agentId);
    Expected<Agent> agent(qint64 agentId);
    Expected<QList<Agent>> agents(qint64 departmentId = 0);

    // `passwordHash`: the hash of the request's password, made beforehand
    // off the event loop (hashOfRequestedPassword); made here when empty.
    Expected<Agent> createAgent(const QJsonObject &json, const QString &passwordHash = {});
    Expected<Agent> updateAgent(qint64 agentId, const QJsonObject &json, const QString &passwordHash = {});
    // The hash of a request's `password` when it has one that will be
    // taken, else empty. Argon2id takes tens of milliseconds by design: the
    // routes run this on a worker.
    static QString hashOfRequestedPassword(const QJsonObject &json);
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
    // Deleted, or kept as revoked with a reason a desk is told.
    Status revokeTokens(qint64 agentId, const QString &reason = {});

    Database &m_db;
};

} // namespace Signpost
