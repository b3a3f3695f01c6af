#include "server/pushhub.h"

#include "core/timestamps.h"

#include "server/accountstore.h"
#include "server/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Signpost {

PushHub::PushHub(AccountStore &accounts, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
{
    // Many changes in a burst make one poke per agent.
    m_pokeTimer.setSingleShot(true);
    m_pokeTimer.setInterval(20);
    connect(&m_pokeTimer, &QTimer::timeout, this, &PushHub::flushPokes);
    connect(&m_pingTimer, &QTimer::timeout, this, &PushHub::pingAll);
    setPingInterval(std::chrono::seconds(30));
}

void PushHub::setPingInterval(std::chrono::milliseconds interval)
{
    m_pingTimer.start(interval);
}

void PushHub::pingAll()
{
    const qint64 now = nowMs();
    const qint64 deadAfter = 2 * m_pingTimer.interval();
    const auto sockets = m_sockets.keys();
    for (QWebSocket *socket : sockets) {
        if (now - m_sockets.value(socket).heardAt > deadAfter) {
            qCInfo(lcServer) << "Dropping a push connection that stopped answering";
            socket->abort();
            continue;
        }
        socket->ping();
    }
}

PushHub::~PushHub()
{
    const auto sockets = m_sockets.keys();
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"Server shutting down"_s);
        delete socket;
    }
}

void PushHub::adopt(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    socket->setParent(this);
    socket->setMaxAllowedIncomingFrameSize(MaxIncomingBytes);
    socket->setMaxAllowedIncomingMessageSize(MaxIncomingBytes);
    auto heard = [this, socket]() {
        auto it = m_sockets.find(socket);
        if (it != m_sockets.end())
            it->heardAt = nowMs();
    };
    connect(socket, &QWebSocket::pong, this, heard);
    connect(socket, &QWebSocket::textMessageReceived, this, heard);
    connect(socket, &QWebSocket::binaryMessageReceived, this, heard);
    connect(socket, &QWebSocket::disconnected, this, [this, socket]() {
        m_sockets.remove(socket);
        m_pendingPokes.remove(socket);
        socket->deleteLater();
    });

    const QNetworkRequest request = socket->request();
    const Expected<AccountStore::Session> session =
        checkUpgrade(request.url().path(), request.rawHeader("Origin"), request.rawHeader("Authorization"));
    Expected<AccessScope> scope = session ? m_accounts.scope(session->agentId) : Expected<AccessScope>(session.error());
    if (!scope) {
        const int code = scope.error().code == ErrorCode::NotFound    ? CloseNotFound
                         : scope.error().code == ErrorCode::Forbidden ? CloseForbiddenOrigin
                                                                      : CloseUnauthorized;
        qCInfo(lcServer) << "Push connection refused:" << scope.error().message;
        socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), scope.error().message);
        return;
    }
    m_scopes.insert(session->agentId, *scope);
    const qint64 now = nowMs();
    // Over the cap for this token: its oldest socket goes.
    QList<QWebSocket *> sameToken;
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
        if (it->tokenHash == session->tokenHash)
            sameToken.append(it.key());
    }
    std::sort(sameToken.begin(), sameToken.end(), [this](QWebSocket *a, QWebSocket *b) {
        return m_sockets.value(a).openedAt < m_sockets.value(b).openedAt;
    });
    for (qsizetype i = 0; i + MaxSocketsPerToken <= sameToken.size(); ++i)
        sameToken[i]->close(QWebSocketProtocol::CloseCodePolicyViolated, u"Too many connections for this session"_s);
    m_sockets.insert(socket, Connection{session->agentId, session->tokenHash, now, now});
    send(socket, QJsonObject{{u"type"_s, u"hello"_s}, {u"agent"_s, session->agentId}});
}

Expected<AccountStore::Session> PushHub::checkUpgrade(const QString &path, const QByteArray &origin,
                                                     const QByteArray &authorization) const
{
    if (path != u"/api/v1/push")
        return Error::notFound(u"There is no push channel at %1."_s.arg(path));
    if (!origin.isEmpty() && !m_allowedOrigins.contains(QString::fromUtf8(origin)))
        return Error{ErrorCode::Forbidden, u"Pages from this origin may not open the push channel."_s, {}};
    const QString token = authorization.startsWith("Bearer ") ? QString::fromLatin1(authorization.mid(7).trimmed())
                                                              : QString();
    return m_accounts.authenticate(token);
}

void PushHub::send(QWebSocket *socket, const QJsonObject &message)
{
    send(socket, messageText(message));
}

void PushHub::send(QWebSocket *socket, const QString &text)
{
    if (socket->bytesToWrite() > MaxBacklogBytes) {
        qCInfo(lcServer) << "Dropping a push connection that reads too slowly";
        // Not at once: the caller may be walking the sockets.
        QTimer::singleShot(0, socket, [socket]() { socket->abort(); });
        return;
    }
    socket->sendTextMessage(text);
}

void PushHub::queuePoke(QWebSocket *socket, qint64 seq)
{
    qint64 &pending = m_pendingPokes[socket];
    pending = std::max(pending, seq);
    if (!m_pokeTimer.isActive())
        m_pokeTimer.start();
}

void PushHub::publish(const ChangeNotice &notice)
{
    // Delivered on the next tick, after the request that made the change
    // has had its answer: the fan-out never holds up the writer.
    m_pendingNotices.append(notice);
    if (!m_pokeTimer.isActive())
        m_pokeTimer.start();
}

void PushHub::flushPokes()
{
    const QList<ChangeNotice> notices = std::exchange(m_pendingNotices, {});
    const auto accessPokes = std::exchange(m_pendingPokes, {});
    // Every message text is made once and shared by all its recipients: a
    // thousand agents of one department get the same bytes.
    QHash<qint64, QString> pokeTexts;
    QHash<QList<int>, QString> notificationTexts;
    const auto sockets = m_sockets.keys();
    for (QWebSocket *socket : sockets) {
        const auto connection = m_sockets.constFind(socket);
        if (connection == m_sockets.cend())
            continue;
        const qint64 agentId = connection->agentId;
        const AccessScope &scope = m_scopes[agentId];
        qint64 poke = accessPokes.value(socket, 0);
        QList<int> items;
        for (qsizetype i = 0; i < notices.size(); ++i) {
            const ChangeNotice &notice = notices[i];
            bool concerned = scope.isAdmin || notice.agents.contains(agentId);
            for (qint64 department : notice.departments)
                concerned = concerned || scope.departments.contains(department);
            if (concerned)
                poke = std::max(poke, notice.seq);
            if (notice.event != ChangeNotice::Event::None && agentId != notice.actorAgent
                && concernsAgent(notice, agentId, scope))
                items.append(int(i));
        }
        // A notification makes the desk pull as a poke does: a socket that
        // gets one this tick needs no poke besides (half the sends when a
        // department is busy).
        if (!items.isEmpty()) {
            auto text = notificationTexts.find(items);
            if (text == notificationTexts.end())
                text = notificationTexts.insert(items, notificationText(notices, items));
            send(socket, *text);
            continue;
        }
        if (poke > 0) {
            auto text = pokeTexts.find(poke);
            if (text == pokeTexts.end())
                text = pokeTexts.insert(poke, messageText(QJsonObject{{u"type"_s, u"poke"_s}, {u"seq"_s, poke}}));
            send(socket, *text);
        }
    }
}

QString PushHub::messageText(const QJsonObject &message)
{
    return QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

QString PushHub::notificationText(const QList<ChangeNotice> &notices, const QList<int> &items)
{
    auto one = [&notices](int i) {
        const ChangeNotice &notice = notices[i];
        return QJsonObject{
            {u"type"_s, u"notification"_s},
            {u"event"_s, toString(notice.event)},
            {u"ticket"_s, notice.ticketId},
            {u"subject"_s, notice.subject},
            {u"department"_s, notice.eventDepartment},
            {u"seq"_s, notice.seq},
        };
    };
    if (items.size() == 1)
        return messageText(one(items.first()));
    // Several in one tick travel as one message.
    QJsonArray list;
    for (int i : items)
        list.append(one(i));
    return messageText(QJsonObject{{u"type"_s, u"notifications"_s}, {u"items"_s, list}});
}

bool PushHub::concernsAgent(const ChangeNotice &notice, qint64 agentId, const AccessScope &scope) const
{
    if (notice.eventAgent > 0)
        return agentId == notice.eventAgent;
    if (!scope.departments.contains(notice.eventDepartment))
        return false;
    const QString audience = m_audience ? m_audience(notice.eventDepartment, toString(notice.event)) : u"members"_s;
    const bool lead = scope.departments.value(notice.eventDepartment) == Role::Lead;
    if (audience == u"leads" || (audience == u"assignee_and_leads" && lead))
        return lead;
    if ((audience == u"assignee" || audience == u"assignee_and_leads") && notice.ticketAssignee > 0)
        return agentId == notice.ticketAssignee;
    return true;
}

void PushHub::accessChanged(qint64 agentId, qint64 seq)
{
    if (Expected<AccessScope> scope = m_accounts.scope(agentId))
        m_scopes.insert(agentId, *scope);
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
        if (it->agentId == agentId)
            queuePoke(it.key(), seq);
    }
}

void PushHub::closeWhere(const std::function<bool(const Connection &)> &predicate, const QString &reason)
{
    const auto sockets = m_sockets.keys();
    for (QWebSocket *socket : sockets) {
        if (predicate(m_sockets.value(socket)))
            socket->close(static_cast<QWebSocketProtocol::CloseCode>(CloseUnauthorized), reason);
    }
}

void PushHub::disconnectAgent(qint64 agentId, const QString &reason)
{
    closeWhere([agentId](const Connection &connection) { return connection.agentId == agentId; }, reason);
}

void PushHub::disconnectToken(const QByteArray &tokenHash)
{
    closeWhere([&tokenHash](const Connection &connection) { return connection.tokenHash == tokenHash; },
               u"signed_out"_s);
}

} // namespace Signpost
