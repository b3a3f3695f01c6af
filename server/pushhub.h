#pragma once

#include "core/accessscope.h"
#include "core/expected.h"
#include "server/accountstore.h"
#include "server/changenotice.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>

class QWebSocket;

namespace Signpost {

// The push channel: agents' WebSockets, authenticated like any request. Each
// committed change pokes the agents who can see it ("changed up to N"; pokes
// are coalesced) and notifies the agents it concerns.
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

    // Whether an upgrade request may open the push channel: the right path,
    // an allowed origin (or none) and a live token. Checked before the
    // handshake, so a refused client gets a plain HTTP error.
    Expected<AccountStore::Session> checkUpgrade(const QString &path, const QByteArray &origin,
                                                 const QByteArray &authorization) const;

    // Takes a new socket, checked again from its handshake, or closes it.
    void adopt(std::unique_ptr<QWebSocket> socket);

    void publish(const ChangeNotice &notice);
    // Memberships of an agent changed: reload their scope and poke them so
    // their client pulls grants and revocations.
    void accessChanged(qint64 agentId, qint64 seq);
    // Disabled or password changed: close all their sockets, telling the
    // desks why ("account_disabled", or signed out).
    void disconnectAgent(qint64 agentId, const QString &reason);
    // Signed out: close the sockets opened with that token.
    void disconnectToken(const QByteArray &tokenHash);

    int connectionCount() const { return static_cast<int>(m_sockets.size()); }

    // Every interval each socket is pinged; one that has not answered (nor
    // sent anything) for two intervals is a dead peer and is dropped.
    void setPingInterval(std::chrono::milliseconds interval);

    // Desks send nothing big: a larger frame closes the socket (1009).
    static constexpr quint64 MaxIncomingBytes = 16 * 1024;
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
    struct Connection
    {
        qint64 agentId = 0;
        QByteArray tokenHash;
        qint64 heardAt = 0; // last pong or message, ms
        qint64 openedAt = 0;
    };
    void send(QWebSocket *socket, const QJsonObject &message);
    void send(QWebSocket *socket, const QString &text);
    static QString messageText(const QJsonObject &message);
    // One notification, or several made in one tick as one message.
    static QString notificationText(const QList<ChangeNotice> &notices, const QList<int> &items);
    bool concernsAgent(const ChangeNotice &notice, qint64 agentId, const AccessScope &scope) const;
    void closeWhere(const std::function<bool(const Connection &)> &predicate, const QString &reason);
    void flushPokes();
    void queuePoke(QWebSocket *socket, qint64 seq);
    void pingAll();

    AccountStore &m_accounts;
    QStringList m_allowedOrigins;
    AudienceOf m_audience;
    QHash<QWebSocket *, Connection> m_sockets;
    QHash<qint64, AccessScope> m_scopes;
    QHash<QWebSocket *, qint64> m_pendingPokes; // access changes
    QList<ChangeNotice> m_pendingNotices;      // changes since the last tick
    QTimer m_pokeTimer;
    QTimer m_pingTimer;
};

} // namespace Signpost
