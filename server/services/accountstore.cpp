#include "server/services/accountstore.h"

#include "core/timestamps.h"
#include "server/storage/database.h"
#include "server/services/secrets.h"
#include "server/storage/transaction.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QVariant>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

constexpr qsizetype MinPasswordLength = 8;

bool usablePassword(const QString &password)
{
    return password.size() >= MinPasswordLength && password.size() <= 1000;
}

bool looksLikeEmail(const QString &email)
{
    static const QRegularExpression pattern(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    return email.size() <= 254 && pattern.match(email).hasMatch();
}

} // namespace

Expected<AccountStore::Credentials> AccountStore::credentials(const QString &email)
{
    QSqlQuery &query = m_db.prepared(u"SELECT id, password_hash, disabled FROM agents WHERE email = ?"_s);
    query.addBindValue(email.trimmed());
    if (!query.exec())
        return storageError(query);
    Credentials found;
    if (query.next())
        found = Credentials{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toBool()};
    query.finish();
    return found;
}

bool AccountStore::verify(const Credentials &credentials, const QString &password)
{
    // An unknown address costs the same effort as a real one, so timing
    // does not tell which addresses exist.
    static const QString decoy = Secrets::hashPassword(u"decoy password"_s);
    const bool matches = Secrets::verifyPassword(credentials.agentId > 0 ? credentials.passwordHash : decoy, password);
    return matches && credentials.agentId > 0;
}

Expected<AccountStore::SignIn> AccountStore::startSession(const Credentials &credentials, bool verified)
{
    if (!verified)
        return Error{ErrorCode::Unauthorized,
                QCoreApplication::translate("Signpost::Accounts", "The email or password is not right."), {}};
    if (credentials.disabled)
        return Error{ErrorCode::Unauthorized,
                QCoreApplication::translate("Signpost::Accounts",
                                            "This account is disabled. Ask an admin."), {}, u"account_disabled"_s};
    const QString token = Secrets::newToken();
    QSqlQuery &insert =
        m_db.prepared(u"INSERT INTO tokens (token_hash, agent_id, created_at, used_at) VALUES (?, ?, ?, ?)"_s);
    insert.addBindValue(Secrets::tokenHash(token));
    insert.addBindValue(credentials.agentId);
    insert.addBindValue(nowMs());
    insert.addBindValue(nowMs());
    if (!insert.exec())
        return storageError(insert);
    Expected<Agent> agent = loadAgent(credentials.agentId);
    if (!agent)
        return agent.error();
    return SignIn{token, *agent};
}

Status AccountStore::logout(const QByteArray &tokenHash)
{
    QSqlQuery &query = m_db.prepared(u"DELETE FROM tokens WHERE token_hash = ?"_s);
    query.addBindValue(tokenHash);
    return m_db.exec(query);
}

Expected<AccountStore::Session> AccountStore::authenticate(const QString &token)
{
    const Error signIn{ErrorCode::Unauthorized,
                       QCoreApplication::translate("Signpost::Accounts",
                                                   "Sign in first: the token is missing or no longer valid."),
                       {},
                       {}};
    if (token.isEmpty() || token.size() > 200)
        return signIn;
    const QByteArray hash = Secrets::tokenHash(token);
    QSqlQuery &query = m_db.prepared(
        u"SELECT t.agent_id, t.used_at, t.revoked, a.disabled FROM tokens t JOIN agents a ON a.id = t.agent_id"
        " WHERE t.token_hash = ?"_s);
    query.addBindValue(hash);
    if (!query.exec())
        return storageError(query);
    if (!query.next())
        return signIn;
    const Session session{query.value(0).toLongLong(), hash};
    const qint64 usedAt = query.value(1).toLongLong();
    const bool disabled = query.value(3).toBool() || query.value(2).toString() == u"disabled";
    query.finish();
    if (disabled)
        return Error{ErrorCode::Unauthorized,
                QCoreApplication::translate("Signpost::Accounts",
                                            "This account is disabled. Ask an admin."), {}, u"account_disabled"_s};
    const qint64 now = nowMs();
    if (now - usedAt > SessionIdleMs)
        return Error{ErrorCode::Unauthorized,
                QCoreApplication::translate("Signpost::Accounts",
                                            "Your session expired: sign in again."), {}, u"session_expired"_s};
    // Renewed at most once a minute, so reads do not all write.
    if (now - usedAt > 60'000) {
        QSqlQuery &renew = m_db.prepared(u"UPDATE tokens SET used_at = ? WHERE token_hash = ?"_s);
        renew.addBindValue(now);
        renew.addBindValue(hash);
        if (!renew.exec())
            return storageError(renew);
    }
    return session;
}

Expected<int> AccountStore::prune(qint64 now, int limit)
{
    int removed = 0;
    for (const Expected<int> &swept :
         {m_db.deleteOlder(u"tokens"_s, u"used_at"_s, now - SessionIdleMs, limit),
          m_db.deleteOlder(u"applied_commands"_s, u"created_at"_s, now - CommandResultsKeptMs, limit),
          // Revoked sessions stay only until their desks could have heard why.
          m_db.deleteOlder(u"tokens"_s, u"used_at"_s, now - SessionIdleMs / 2, limit, u"revoked IS NOT NULL"_s)}) {
        if (!swept)
            return swept;
        removed += *swept;
    }
    return removed;
}

Expected<AccessScope> AccountStore::scope(qint64 agentId)
{
    Expected<Agent> agent = loadAgent(agentId);
    if (!agent)
        return agent.error();
    return AccessScope::of(*agent);
}

Expected<Agent> AccountStore::loadAgent(qint64 agentId)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT a.id, a.email, a.name, a.is_admin, a.disabled, m.department_id, m.role, a.available FROM agents a"
        " LEFT JOIN memberships m ON m.agent_id = a.id WHERE a.id = ? ORDER BY m.department_id"_s);
    query.addBindValue(agentId);
    if (!query.exec())
        return storageError(query);
    std::optional<Agent> agent;
    while (query.next()) {
        if (!agent)
            agent = Agent{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                          query.value(3).toBool(), query.value(4).toBool(), query.value(7).toBool(), {}};
        if (!query.value(5).isNull())
            agent->memberships.append(
                {query.value(5).toLongLong(), roleFromString(query.value(6).toString()).value_or(Role::Member)});
    }
    if (!agent)
        return Error::notFound(QCoreApplication::translate("Signpost::Accounts", "No such agent."));
    return *agent;
}

Expected<Agent> AccountStore::agent(qint64 agentId)
{
    return loadAgent(agentId);
}

Expected<QList<Agent>> AccountStore::agents(qint64 departmentId)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT a.id, a.email, a.name, a.is_admin, a.disabled, m.department_id, m.role, a.available FROM agents a"
        " LEFT JOIN memberships m ON m.agent_id = a.id"
        " WHERE ? = 0 OR a.id IN (SELECT agent_id FROM memberships WHERE department_id = ?)"
        " ORDER BY %1, a.id, m.department_id"_s.arg(m_db.dialect().caseless(u"a.name"_s)));
    query.addBindValue(departmentId);
    query.addBindValue(departmentId);
    if (!query.exec())
        return storageError(query);
    QList<Agent> list;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        if (list.isEmpty() || list.last().id != id)
            list.append(Agent{id, query.value(1).toString(), query.value(2).toString(), query.value(3).toBool(),
                              query.value(4).toBool(), query.value(7).toBool(), {}});
        if (!query.value(5).isNull())
            list.last().memberships.append(
                {query.value(5).toLongLong(), roleFromString(query.value(6).toString()).value_or(Role::Member)});
    }
    return list;
}

QString AccountStore::hashOfRequestedPassword(const QJsonObject &json)
{
    const QString password = json.value(u"password"_s).toString();
    return usablePassword(password) ? Secrets::hashPassword(password) : QString();
}

Expected<Agent> AccountStore::createAgent(const QJsonObject &json, const QString &passwordHash)
{
    const QString email = json.value(u"email"_s).toString().trimmed();
    const QString name = json.value(u"name"_s).toString().trimmed();
    const QString password = json.value(u"password"_s).toString();
    if (!looksLikeEmail(email))
        return Error::invalid(u"email"_s,
                QCoreApplication::translate("Signpost::Accounts", "Give a valid email address."));
    if (name.isEmpty() || name.size() > 200)
        return Error::invalid(u"name"_s,
                QCoreApplication::translate("Signpost::Accounts", "Give a name of 1 to 200 characters."));
    if (!usablePassword(password))
        return Error::invalid(u"password"_s,
                QCoreApplication::translate("Signpost::Accounts", "The password needs 8 to 1000 characters."));
    if (json.contains(u"is_admin"_s) && !json.value(u"is_admin"_s).isBool())
        return Error::invalid(u"is_admin"_s,
                QCoreApplication::translate("Signpost::Accounts", "is_admin must be true or false."));

    QSqlQuery &exists = m_db.prepared(u"SELECT 1 FROM agents WHERE email = ?"_s);
    exists.addBindValue(email);
    if (!exists.exec())
        return storageError(exists);
    if (exists.next())
        return Error{ErrorCode::Conflict,
                QCoreApplication::translate("Signpost::Accounts",
                                            "An agent with this email exists already."), u"email"_s};
    exists.finish();

    QSqlQuery &insert = m_db.prepared(
        u"INSERT INTO agents (email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"_s);
    insert.addBindValue(email);
    insert.addBindValue(name);
    insert.addBindValue(passwordHash.isEmpty() ? Secrets::hashPassword(password) : passwordHash);
    insert.addBindValue(int(json.value(u"is_admin"_s).toBool()));
    insert.addBindValue(nowMs());
    if (!insert.exec())
        return storageError(insert);
    const Expected<qint64> id = insertedId(insert);
    if (!id)
        return id.error();
    return loadAgent(*id);
}

Expected<Agent> AccountStore::updateAgent(qint64 agentId, const QJsonObject &json, const QString &passwordHash)
{
    // What the request asks for, checked before anything is read or written.
    std::optional<QString> email;
    std::optional<QString> name;
    if (json.contains(u"email"_s)) {
        email = json.value(u"email"_s).toString().trimmed();
        if (!looksLikeEmail(*email))
            return Error::invalid(u"email"_s,
                    QCoreApplication::translate("Signpost::Accounts", "Give a valid email address."));
    }
    if (json.contains(u"name"_s)) {
        name = json.value(u"name"_s).toString().trimmed();
        if (name->isEmpty() || name->size() > 200)
            return Error::invalid(u"name"_s,
                    QCoreApplication::translate("Signpost::Accounts", "Give a name of 1 to 200 characters."));
    }
    for (const QString &flag : {u"is_admin"_s, u"disabled"_s}) {
        if (json.contains(flag) && !json.value(flag).isBool())
            return Error::invalid(flag,
                    QCoreApplication::translate("Signpost::Accounts", "%1 must be true or false.").arg(flag));
    }
    QString newHash;
    if (json.contains(u"password"_s)) {
        const QString password = json.value(u"password"_s).toString();
        if (!usablePassword(password))
            return Error::invalid(u"password"_s,
                    QCoreApplication::translate("Signpost::Accounts", "The password needs 8 to 1000 characters."));
        newHash = passwordHash.isEmpty() ? Secrets::hashPassword(password) : passwordHash;
    }

    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    // The agent as it is now, read under the writers' lock: what another
    // admin changed meanwhile (through another instance) stays, and only
    // the fields this request names are written over.
    Expected<Agent> current = loadAgent(agentId);
    if (!current)
        return current;
    Agent agent = *current;
    agent.email = email.value_or(agent.email);
    agent.name = name.value_or(agent.name);
    agent.isAdmin = json.value(u"is_admin"_s).toBool(agent.isAdmin);
    agent.disabled = json.value(u"disabled"_s).toBool(agent.disabled);

    QSqlQuery &clash = m_db.prepared(u"SELECT 1 FROM agents WHERE email = ? AND id <> ?"_s);
    clash.addBindValue(agent.email);
    clash.addBindValue(agentId);
    if (!clash.exec())
        return storageError(clash);
    if (clash.next())
        return Error{ErrorCode::Conflict,
                QCoreApplication::translate("Signpost::Accounts",
                                            "An agent with this email exists already."), u"email"_s};
    clash.finish();

    qint64 accessSeq = 0;
    if (agent.isAdmin != current->isAdmin) {
        Expected<qint64> seq = m_db.nextSeq();
        if (!seq)
            return seq.error();
        accessSeq = *seq;
    }
    // Gaining or losing the admin flag changes what the agent's client may
    // hold: the change takes a sequence value, so their next pull backfills
    // every department or revokes those they are not a member of.
    QSqlQuery &update = m_db.prepared(
        u"UPDATE agents SET email = ?, name = ?, is_admin = ?, disabled = ?,"
        " password_hash = COALESCE(?, password_hash), access_seq = COALESCE(?, access_seq) WHERE id = ?"_s);
    update.addBindValue(agent.email);
    update.addBindValue(agent.name);
    update.addBindValue(int(agent.isAdmin));
    update.addBindValue(int(agent.disabled));
    update.addBindValue(newHash.isEmpty() ? QVariant() : QVariant(newHash));
    update.addBindValue(accessSeq > 0 ? QVariant(accessSeq) : QVariant());
    update.addBindValue(agentId);
    if (!update.exec())
        return storageError(update);
    // Someone must be left to run the helpdesk: the last active admin can
    // be neither demoted nor disabled. Counted inside the transaction, after
    // the change, whenever the agent ends up no active admin: two admins
    // demoting each other at once cannot both succeed.
    if (!agent.isAdmin || agent.disabled) {
        QSqlQuery &admins = m_db.prepared(u"SELECT COUNT(*) FROM agents WHERE is_admin = 1 AND disabled = 0"_s);
        if (!admins.exec() || !admins.next())
            return storageError(admins);
        const qint64 left = admins.value(0).toLongLong();
        admins.finish();
        if (left == 0)
            return Error{ErrorCode::Conflict,
                         QCoreApplication::translate("Signpost::Accounts",
                                                     "At least one admin must stay active: make another agent an"
                                                     " admin first."),
                         agent.disabled ? u"disabled"_s : u"is_admin"_s};
    }
    // A disabled account, or one whose password changed, is signed out
    // everywhere; a disabled one's desks are told why.
    if (agent.disabled || !newHash.isEmpty()) {
        if (Status revoked = revokeTokens(agentId, agent.disabled ? u"disabled"_s : QString()); !revoked)
            return revoked.error();
    }
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return loadAgent(agentId);
}

Status AccountStore::revokeTokens(qint64 agentId, const QString &reason)
{
    if (reason.isEmpty()) {
        QSqlQuery &remove = m_db.prepared(u"DELETE FROM tokens WHERE agent_id = ?"_s);
        remove.addBindValue(agentId);
        return m_db.exec(remove);
    }
    QSqlQuery &mark = m_db.prepared(u"UPDATE tokens SET revoked = ? WHERE agent_id = ?"_s);
    mark.addBindValue(reason);
    mark.addBindValue(agentId);
    return m_db.exec(mark);
}

Expected<Agent> AccountStore::setMembership(qint64 agentId, qint64 departmentId, Role role)
{
    // Read under the writers' lock (see updateAgent).
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    Expected<Agent> current = loadAgent(agentId);
    if (!current)
        return current;
    QSqlQuery &department = m_db.prepared(u"SELECT 1 FROM departments WHERE id = ?"_s);
    department.addBindValue(departmentId);
    if (!department.exec())
        return storageError(department);
    if (!department.next())
        return Error::notFound(QCoreApplication::translate("Signpost::Accounts", "No such department."));
    department.finish();

    const bool alreadyMember = std::any_of(current->memberships.cbegin(), current->memberships.cend(),
                                           [&](const Membership &m) { return m.departmentId == departmentId; });
    if (alreadyMember) {
        QSqlQuery &update = m_db.prepared(u"UPDATE memberships SET role = ? WHERE agent_id = ? AND department_id = ?"_s);
        update.addBindValue(toString(role));
        update.addBindValue(agentId);
        update.addBindValue(departmentId);
        if (!update.exec())
            return storageError(update);
    } else {
        // The grant takes a change sequence value, so the agent's next pull
        // backfills the department's tickets.
        QSqlQuery &insert = m_db.prepared(
            u"INSERT INTO memberships (agent_id, department_id, role, granted_seq) VALUES (?, ?, ?, ?)"_s);
        insert.addBindValue(agentId);
        insert.addBindValue(departmentId);
        insert.addBindValue(toString(role));
        Expected<qint64> seq = m_db.nextSeq();
        if (!seq)
            return seq.error();
        insert.addBindValue(*seq);
        if (!insert.exec())
            return storageError(insert);
    }
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return loadAgent(agentId);
}

Expected<Agent> AccountStore::removeMembership(qint64 agentId, qint64 departmentId)
{
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    QSqlQuery &remove = m_db.prepared(u"DELETE FROM memberships WHERE agent_id = ? AND department_id = ?"_s);
    remove.addBindValue(agentId);
    remove.addBindValue(departmentId);
    if (!remove.exec())
        return storageError(remove);
    if (remove.numRowsAffected() == 0)
        return Error::notFound(
                QCoreApplication::translate("Signpost::Accounts", "The agent is not a member of this department."));
    QSqlQuery &record = m_db.prepared(
        u"INSERT INTO membership_revocations (agent_id, department_id, seq) VALUES (?, ?, ?)"_s);
    record.addBindValue(agentId);
    record.addBindValue(departmentId);
    Expected<qint64> seq = m_db.nextSeq();
    if (!seq)
        return seq.error();
    record.addBindValue(*seq);
    if (!record.exec())
        return storageError(record);
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return loadAgent(agentId);
}

Expected<Agent> AccountStore::setAvailable(qint64 agentId, bool available)
{
    QSqlQuery &update = m_db.prepared(u"UPDATE agents SET available = ? WHERE id = ?"_s);
    update.addBindValue(int(available));
    update.addBindValue(agentId);
    if (!update.exec())
        return storageError(update);
    return loadAgent(agentId);
}

bool AccountStore::isEmpty()
{
    QSqlQuery &query = m_db.prepared(u"SELECT COUNT(*) FROM agents"_s);
    const bool empty = query.exec() && query.next() && query.value(0).toLongLong() == 0;
    query.finish();
    return empty;
}

Status AccountStore::bootstrapAdmin(const QString &email, const QString &password)
{
    if (!isEmpty())
        return ok();
    Expected<Agent> created = createAgent(QJsonObject{
        {u"email"_s, email}, {u"name"_s, u"Administrator"_s}, {u"password"_s, password}, {u"is_admin"_s, true}});
    if (!created)
        return created.error();
    return ok();
}

} // namespace Signpost
