#pragma once

#include "core/accessscope.h"
#include "core/expected.h"
#include "server/services/accountstore.h"
#include "server/events/changenotice.h"

#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

class QTcpSocket;

namespace Signpost {

class HttpRequest;
class PushFanout;

// The push channel: agents' WebSockets, authenticated like any request. Each
// committed change pokes the agents who can see it ("changed up to N"; pokes
// are coalesced) and notifies the agents it concerns.
//
// The sockets live on a thread of their own: a thousand agents online cost
// the request thread nothing but handing each change over, and the event
// loop that answers requests never walks a thousand sockets. Everything that
// reads the store (tokens, scopes, audiences) is done here, on the caller's
// thread, and travels with what is handed over.
class PushHub : public QObject
{
    Q_OBJECT
public:
    PushHub(AccountStore &accounts, QObject *parent = nullptr);
    ~PushHub() override;

    // Browsers' pages may connect only from these origins; clients that send
    // no Origin (desktop) are not affected.
    void setAllowedOrigins(const QStringList &origins) { m_allowedOrigins = origins; }
    // Who in a department hears of an event: "members", "leads" or "assignee".
    using AudienceOf = std::function<QString(qint64 departmentId, const QString &event)>;
    void setAudience(AudienceOf audience) { m_audience = std::move(audience); }
    // Which department a ticket is in (nullopt: no such ticket), for the
    // desks' presence: who is viewing or writing on a ticket is told only to
    // the others on the same ticket, and only if they may see it.
    using DepartmentOf = std::function<std::optional<qint64>(qint64 ticketId)>;
    void setDepartmentOf(DepartmentOf departmentOf) { m_departmentOf = std::move(departmentOf); }

    // Whether an upgrade request may open the push channel: the right path,
    // an allowed origin (or none) and a live token. Checked before the
    // handshake, so a refused client gets a plain HTTP error.
    Expected<AccountStore::Session> checkUpgrade(const QString &path, const QByteArray &origin,
                                                 const QByteArray &authorization) const;

    // Takes an accepted upgrade's socket, its handshake still unread: the
    // push thread answers the handshake and keeps the connection.
    void adopt(QTcpSocket *socket, const HttpRequest &request);

    void publish(ChangeNotice notice);
    // Memberships of an agent changed: reload their scope and poke them so
    // their client pulls grants and revocations.
    void accessChanged(qint64 agentId, qint64 seq);
    // Disabled or password changed: close all their sockets, telling the
    // desks why ("account_disabled", or signed out).
    void disconnectAgent(qint64 agentId, const QString &reason);
    // Signed out: close the sockets opened with that token.
    void disconnectToken(const QByteArray &tokenHash);
    // Changes up to `seq` may have gone unheard (the other instances'
    // notices were lost for a while): every desk connected pulls.
    void pokeEveryone(qint64 seq);

    int connectionCount() const { return m_connections.load(); }

    // Every interval each socket is pinged; one that has not answered (nor
    // sent anything) for two intervals is a dead peer and is dropped.
    void setPingInterval(std::chrono::milliseconds interval);

    // Desks send nothing big: a larger frame closes the socket (1009).
    static constexpr quint64 MaxIncomingBytes = 16 * 1024;
    // Presence messages a socket may send in PresenceWindowMs; more are
    // answered with an error and ignored.
    static constexpr int MaxPresencePerWindow = 30;
    static constexpr qint64 PresenceWindowMs = 10'000;
    // Sessions that reconnect leave half-open sockets behind until pings find
    // them: a token's oldest socket goes when it opens one more than this.
    static constexpr int MaxSocketsPerToken = 4;
    // A reader this far behind is dropped (it reconnects and pulls) rather
    // than letting its backlog grow the server's memory.
    static constexpr qint64 MaxBacklogBytes = 1 << 20;

    static constexpr int CloseUnauthorized = 4401;
    static constexpr int CloseForbiddenOrigin = 4403;
    static constexpr int CloseNotFound = 4404;

private:
    // Runs `work` on the push thread.
    void post(std::function<void(PushFanout &)> work);
    // A socket says its agent is on a ticket: found in the store here, then
    // placed on the push thread.
    void placePresence(quint64 connection, qint64 ticketId, const QString &state);

    AccountStore &m_accounts;
    // Changes on their way to the push thread. Handed over in bulk: waking
    // that thread costs a look at every socket it holds, so one wake-up
    // serves every change made until its next tick.
    struct Inbox
    {
        QMutex lock;
        QList<ChangeNotice> notices;
        bool wakePosted = false;
    };
    friend class PushFanout;
    Inbox m_inbox;
    QStringList m_allowedOrigins;
    AudienceOf m_audience;
    DepartmentOf m_departmentOf;
    std::atomic<int> m_connections{0};
    QThread m_thread;
    PushFanout *m_fanout = nullptr; // lives on m_thread
};

} // namespace Signpost
