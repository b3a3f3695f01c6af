#include "server/push/pushhub.h"

#include "core/timestamps.h"

#include "server/http/httprequest.h"
#include "server/logging.h"
#include "server/push/framewriter.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <optional>

using namespace Qt::StringLiterals;

namespace Signpost {

// The push thread's side: the sockets, the agents' scopes as they were handed
// over, and the changes waiting for the next tick. Touched only on its thread.
class PushFanout : public QObject
{
public:
    // Asks the request thread which department a ticket is in, for a
    // presence message (answered through setPresence).
    using AskDepartment = std::function<void(quint64 connection, qint64 ticketId, const QString &state)>;
    PushFanout(std::atomic<int> &connections, PushHub::Inbox &inbox, AskDepartment askDepartment);
    ~PushFanout() override;

    // What the request thread checked of a connection before its handshake.
    struct Admission
    {
        AccountStore::Session session;
        AccessScope scope;
        QString agentName;
        qint64 at = 0;
        QPointer<QTcpSocket> tcp; // the connection the handshake came on
    };
    void handshake(QTcpSocket *socket, const Admission &admission);
    // Changes wait in the inbox: the next tick takes them.
    void tickSoon();
    void accessChanged(qint64 agentId, const std::optional<AccessScope> &scope, qint64 seq);
    void disconnectAgent(qint64 agentId, const QString &reason);
    void disconnectToken(const QByteArray &tokenHash);
    void pokeEveryone(qint64 seq);
    void setPingInterval(std::chrono::milliseconds interval) { m_pingTimer.start(interval); }
    void closeAll();
    // The ticket a presence message named is in `departmentId` (0: none).
    void setPresence(quint64 connection, qint64 ticketId, qint64 departmentId, const QString &state);

private:
    struct Connection
    {
        qint64 agentId = 0;
        QByteArray tokenHash;
        qint64 heardAt = 0; // last pong or message, ms
        qint64 openedAt = 0;
        quint64 serial = 0;
        QString agentName;
        QPointer<QTcpSocket> tcp; // under the QWebSocket: frames are written to it as they are
        int descriptor = -1; // tcp's, kept to write to without touching the socket object
        // Where the desk is: the ticket open on it, "viewing" or "writing".
        qint64 presenceTicket = 0;
        QString presenceState;
        qint64 presenceWindowStart = 0;
        int presenceMessages = 0;
    };
    void heard(QWebSocket *socket, const QString &text);
    void sendError(QWebSocket *socket, const QString &message);
    // Tells everyone on the ticket who is there.
    void tellPresence(qint64 ticketId);
    static QString peerKey(const QHostAddress &address, quint16 port);
    void adopt(QWebSocket *socket);
    void send(QWebSocket *socket, const QByteArray &frame);
    void send(QWebSocket *socket, const Connection &connection, const QByteArray &frame);
    // Whether a frame may go to the socket now, and how: straight to the
    // kernel when nothing waits in the socket's buffer. A reader too far
    // behind is dropped instead.
    std::optional<FrameWriter::Write> prepare(QWebSocket *socket, const Connection &connection, const QByteArray &frame);
    // What the kernel did not take waits in the socket's buffer; nothing
    // is emitted. True if some did.
    bool keepRest(QWebSocket *socket, const FrameWriter::Write &write);
    // Hands what waits in the socket's buffer on to the kernel. This may
    // close the socket, and what its closing does (telling the others on its
    // ticket) sends to other sockets: only once no frame is half written.
    void flushSocket(QWebSocket *socket);
    // A message as one WebSocket text frame (RFC 6455, 5.2; a server's
    // frames are not masked): made once, written as it is to every socket
    // that gets it.
    static QByteArray messageFrame(const QJsonObject &message);
    // One notification, or several made in one tick as one message.
    static QByteArray notificationFrame(const QList<ChangeNotice> &notices, const QList<int> &items);
    static bool concernsAgent(const ChangeNotice &notice, qint64 agentId, const AccessScope &scope);
    void closeWhere(const std::function<bool(const Connection &)> &predicate, const QString &reason);
    void flush();
    void flushNow();
    static constexpr std::chrono::milliseconds MinTick{5};
    static constexpr std::chrono::milliseconds MaxTick{30};
    void queuePoke(qint64 agentId, qint64 seq);
    void pingAll();

    std::atomic<int> &m_connections;
    PushHub::Inbox &m_inbox;
    AskDepartment m_askDepartment;
    quint64 m_nextSerial = 1;
    QWebSocketServer m_handshakes;
    QHash<QString, Admission> m_admitting; // by peer, until the handshake is done
    QHash<QWebSocket *, Connection> m_sockets;
    QHash<qint64, AccessScope> m_scopes;
    QHash<qint64, qint64> m_pendingPokes; // access changes, by agent
    QTimer m_tickTimer;
    QTimer m_pingTimer;
    FrameWriter m_writer;
};

PushFanout::PushFanout(std::atomic<int> &connections, PushHub::Inbox &inbox, AskDepartment askDepartment)
    : m_connections(connections)
    , m_inbox(inbox)
    , m_askDepartment(std::move(askDepartment))
    , m_handshakes(u"signpost"_s, QWebSocketServer::NonSecureMode, this)
    , m_tickTimer(this)
    , m_pingTimer(this)
{
    m_handshakes.setHandshakeTimeout(std::chrono::seconds(10));
    connect(&m_handshakes, &QWebSocketServer::newConnection, this, [this]() {
        while (m_handshakes.hasPendingConnections())
            adopt(m_handshakes.nextPendingConnection());
    });
    // Many changes in a burst make one message per agent.
    m_tickTimer.setSingleShot(true);
    m_tickTimer.setInterval(MinTick);
    connect(&m_tickTimer, &QTimer::timeout, this, &PushFanout::flush);
    connect(&m_pingTimer, &QTimer::timeout, this, &PushFanout::pingAll);
}

PushFanout::~PushFanout()
{
    closeAll();
}

void PushFanout::closeAll()
{
    const auto sockets = m_sockets.keys();
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, u"Server shutting down"_s);
        delete socket;
    }
    m_sockets.clear();
    m_pendingPokes.clear();
    m_connections = 0;
}

QString PushFanout::peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + u'|' + QString::number(port);
}

void PushFanout::handshake(QTcpSocket *socket, const Admission &admission)
{
    Admission admitted = admission;
    admitted.tcp = socket;
    m_admitting.insert(peerKey(socket->peerAddress(), socket->peerPort()), admitted);
    // The handshake is still unread on the socket: the WebSocket server
    // reads it, answers it and hands over the QWebSocket.
    m_handshakes.handleConnection(socket);
    Q_EMIT socket->readyRead();
}

void PushFanout::adopt(QWebSocket *socket)
{
    socket->setParent(this);
    const auto admission = m_admitting.constFind(peerKey(socket->peerAddress(), socket->peerPort()));
    if (admission == m_admitting.cend()) {
        socket->close(static_cast<QWebSocketProtocol::CloseCode>(PushHub::CloseUnauthorized),
                      u"The connection was not admitted."_s);
        socket->deleteLater();
        return;
    }
    const Admission admitted = *admission;
    m_admitting.erase(admission);

    socket->setMaxAllowedIncomingFrameSize(PushHub::MaxIncomingBytes);
    socket->setMaxAllowedIncomingMessageSize(PushHub::MaxIncomingBytes);
    connect(socket, &QWebSocket::pong, this, [this, socket]() { heard(socket, {}); });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) { heard(socket, text); });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket]() { heard(socket, {}); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket]() {
        const qint64 wasOn = m_sockets.value(socket).presenceTicket;
        m_sockets.remove(socket);
        m_connections = int(m_sockets.size());
        socket->deleteLater();
        if (wasOn > 0)
            tellPresence(wasOn);
    });

    const AccountStore::Session &session = admitted.session;
    m_scopes.insert(session.agentId, admitted.scope);
    const qint64 now = nowMs();
    // Over the cap for this token: its oldest socket goes.
    QList<QWebSocket *> sameToken;
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
        if (it->tokenHash == session.tokenHash)
            sameToken.append(it.key());
    }
    // By the order they were admitted in: two opened in the same
    // millisecond have the same openedAt, and the wrong one went.
    std::sort(sameToken.begin(), sameToken.end(), [this](QWebSocket *a, QWebSocket *b) {
        return m_sockets.value(a).serial < m_sockets.value(b).serial;
    });
    for (qsizetype i = 0; i + PushHub::MaxSocketsPerToken <= sameToken.size(); ++i)
        sameToken[i]->close(QWebSocketProtocol::CloseCodePolicyViolated, u"Too many connections for this session"_s);
    Connection connection{session.agentId, session.tokenHash, now, now};
    connection.serial = m_nextSerial++;
    connection.agentName = admitted.agentName;
    connection.tcp = admitted.tcp;
    connection.descriptor = admitted.tcp ? int(admitted.tcp->socketDescriptor()) : -1;
    m_sockets.insert(socket, connection);
    m_connections = int(m_sockets.size());
    send(socket, messageFrame(QJsonObject{{u"type"_s, u"hello"_s}, {u"agent"_s, session.agentId}}));
}

void PushFanout::heard(QWebSocket *socket, const QString &text)
{
    const auto it = m_sockets.find(socket);
    if (it == m_sockets.end())
        return;
    const qint64 now = nowMs();
    it->heardAt = now;
    if (text.isEmpty())
        return;
    // The one thing a desk says: where it is.
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.value(u"type"_s).toString() != u"presence") {
        sendError(socket, u"Unknown message: the push channel takes only {\"type\": \"presence\"}."_s);
        return;
    }
    if (now - it->presenceWindowStart > PushHub::PresenceWindowMs) {
        it->presenceWindowStart = now;
        it->presenceMessages = 0;
    }
    if (++it->presenceMessages > PushHub::MaxPresencePerWindow) {
        if (it->presenceMessages == PushHub::MaxPresencePerWindow + 1)
            sendError(socket, u"Too many presence messages: at most %1 in %2 seconds."_s.arg(PushHub::MaxPresencePerWindow)
                                  .arg(PushHub::PresenceWindowMs / 1000));
        return;
    }
    const QJsonValue ticketValue = message.value(u"ticket"_s);
    const qint64 ticketId = ticketValue.isDouble() ? ticketValue.toInteger(-1) : -1;
    const QString state = message.value(u"state"_s).toString(u"viewing"_s);
    if (ticketId < 0 || (state != u"viewing" && state != u"writing")) {
        sendError(socket, u"presence needs a ticket number (0: none) and a state, viewing or writing."_s);
        return;
    }
    const qint64 wasOn = it->presenceTicket;
    if (ticketId == 0 || ticketId == wasOn) {
        // Leaving, or the same ticket in another state: nothing to look up.
        if (ticketId == wasOn && state == it->presenceState)
            return;
        it->presenceTicket = ticketId;
        it->presenceState = ticketId > 0 ? state : QString();
        if (wasOn > 0)
            tellPresence(wasOn);
        return;
    }
    m_askDepartment(it->serial, ticketId, state);
}

void PushFanout::setPresence(quint64 serial, qint64 ticketId, qint64 departmentId, const QString &state)
{
    auto it = m_sockets.begin();
    while (it != m_sockets.end() && it->serial != serial)
        ++it;
    if (it == m_sockets.end())
        return; // gone meanwhile
    const AccessScope &scope = m_scopes[it->agentId];
    const bool visible = departmentId > 0 && (scope.isAdmin || scope.departments.contains(departmentId));
    const qint64 wasOn = it->presenceTicket;
    it->presenceTicket = visible ? ticketId : 0;
    it->presenceState = visible ? state : QString();
    if (!visible)
        sendError(it.key(), u"No such ticket: %1."_s.arg(ticketId));
    if (wasOn > 0 && wasOn != it->presenceTicket)
        tellPresence(wasOn);
    if (visible)
        tellPresence(ticketId);
}

void PushFanout::tellPresence(qint64 ticketId)
{
    QList<QWebSocket *> there;
    QMap<qint64, QJsonObject> agents; // by agent: one entry, writing before viewing
    for (auto it = m_sockets.cbegin(); it != m_sockets.cend(); ++it) {
        if (it->presenceTicket != ticketId)
            continue;
        there.append(it.key());
        QJsonObject &agent = agents[it->agentId];
        if (agent.isEmpty() || it->presenceState == u"writing")
            agent = QJsonObject{{u"agent"_s, it->agentId}, {u"name"_s, it->agentName}, {u"state"_s, it->presenceState}};
    }
    QJsonArray list;
    for (const QJsonObject &agent : std::as_const(agents))
        list.append(agent);
    const QByteArray frame = messageFrame(QJsonObject{{u"type"_s, u"presence"_s}, {u"ticket"_s, ticketId}, {u"agents"_s, list}});
    for (QWebSocket *socket : std::as_const(there))
        send(socket, frame);
}

void PushFanout::sendError(QWebSocket *socket, const QString &message)
{
    send(socket, messageFrame(QJsonObject{{u"type"_s, u"error"_s}, {u"message"_s, message}}));
}

void PushFanout::pingAll()
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
    // Handshakes that never finished leave their admission behind.
    m_admitting.removeIf([now](const auto &entry) { return now - entry.value().at > 60'000; });
}

void PushFanout::send(QWebSocket *socket, const QByteArray &frame)
{
    const auto connection = m_sockets.constFind(socket);
    if (connection != m_sockets.cend())
        send(socket, *connection, frame);
}

void PushFanout::send(QWebSocket *socket, const Connection &connection, const QByteArray &frame)
{
    if (std::optional<FrameWriter::Write> write = prepare(socket, connection, frame)) {
        FrameWriter::writeOne(*write);
        if (keepRest(socket, *write))
            flushSocket(socket);
    }
}

std::optional<FrameWriter::Write> PushFanout::prepare(QWebSocket *socket, const Connection &connection,
                                                      const QByteArray &frame)
{
    QTcpSocket *tcp = connection.tcp.data();
    if (!tcp)
        return std::nullopt; // closed
    const qint64 waiting = tcp->bytesToWrite();
    if (waiting > PushHub::MaxBacklogBytes) {
        // Closing or not: a close frame behind a megabyte may never be read.
        qCInfo(lcServer) << "Dropping a push connection that reads too slowly";
        // Not at once: the caller may be walking the sockets.
        QTimer::singleShot(0, socket, [socket]() { socket->abort(); });
        return std::nullopt;
    }
    if (tcp->state() != QAbstractSocket::ConnectedState || socket->state() != QAbstractSocket::ConnectedState)
        return std::nullopt; // on its way out: closing
    // Straight to the kernel when nothing waits before it in the socket's
    // buffer: a tick walks a thousand sockets, and each trip through
    // QWebSocket and the socket's buffer and notifiers cost more than the
    // write itself. With something waiting (descriptor -1), the whole frame
    // goes behind it in the buffer (keepRest), as does what the kernel does
    // not take; QWebSocket's own frames (pongs, the close) queue up there
    // in order.
    return FrameWriter::Write{waiting == 0 ? connection.descriptor : -1, frame, 0};
}

bool PushFanout::keepRest(QWebSocket *socket, const FrameWriter::Write &write)
{
    if (write.written >= write.frame.size())
        return false;
    const auto connection = m_sockets.constFind(socket);
    QTcpSocket *tcp = connection != m_sockets.cend() ? connection->tcp.data() : nullptr;
    if (!tcp)
        return false;
    tcp->write(write.frame.constData() + write.written, write.frame.size() - write.written);
    return true;
}

void PushFanout::flushSocket(QWebSocket *socket)
{
    const auto connection = m_sockets.constFind(socket);
    if (connection == m_sockets.cend())
        return; // closed by an earlier one's flush
    if (QTcpSocket *tcp = connection->tcp.data())
        tcp->flush();
}

void PushFanout::queuePoke(qint64 agentId, qint64 seq)
{
    qint64 &pending = m_pendingPokes[agentId];
    pending = std::max(pending, seq);
    if (!m_tickTimer.isActive())
        m_tickTimer.start();
}

void PushFanout::tickSoon()
{
    if (!m_tickTimer.isActive())
        m_tickTimer.start();
}

void PushFanout::flush()
{
    QElapsedTimer spent;
    spent.start();
    flushNow();
    // The busier the sockets, the more changes each tick gathers: the wait
    // before the next tick is what this one cost (5 to 30 ms), so a flood
    // of changes keeps this thread busy half the time at most.
    const auto cost = std::chrono::milliseconds(spent.elapsed());
    m_tickTimer.setInterval(std::clamp(cost, MinTick, MaxTick));
}

void PushFanout::flushNow()
{
    QList<ChangeNotice> notices;
    {
        QMutexLocker locked(&m_inbox.lock);
        notices = std::exchange(m_inbox.notices, {});
        m_inbox.wakePosted = false;
    }
    const auto accessPokes = std::exchange(m_pendingPokes, {});
    // Every message text is made once and shared by all its recipients: a
    // thousand agents of one department get the same bytes. What an agent
    // gets is worked out once, however many sockets they have open.
    QHash<qint64, QByteArray> pokeFrames;
    QHash<QList<int>, QByteArray> notificationFrames;
    QHash<qint64, QByteArray> agentFrames;
    auto frameFor = [&](qint64 agentId) {
        const AccessScope &scope = m_scopes[agentId];
        qint64 poke = accessPokes.value(agentId, 0);
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
        // A notification makes the desk pull as a poke does: an agent who
        // gets one this tick needs no poke besides (half the sends when a
        // department is busy).
        if (!items.isEmpty()) {
            auto frame = notificationFrames.find(items);
            if (frame == notificationFrames.end())
                frame = notificationFrames.insert(items, notificationFrame(notices, items));
            return *frame;
        }
        if (poke == 0)
            return QByteArray();
        auto frame = pokeFrames.find(poke);
        if (frame == pokeFrames.end())
            frame = pokeFrames.insert(poke, messageFrame(QJsonObject{{u"type"_s, u"poke"_s}, {u"seq"_s, poke}}));
        return *frame;
    };
    // Nothing here closes a socket: the walk over m_sockets holds. What
    // the kernel does not take goes into the sockets' buffers afterwards,
    // every frame whole before any socket is flushed (a flush may close a
    // socket, and its closing sends to others).
    QList<QWebSocket *> sockets;
    QList<FrameWriter::Write> writes;
    sockets.reserve(m_sockets.size());
    writes.reserve(m_sockets.size());
    for (auto connection = m_sockets.cbegin(); connection != m_sockets.cend(); ++connection) {
        auto frame = agentFrames.find(connection->agentId);
        if (frame == agentFrames.end())
            frame = agentFrames.insert(connection->agentId, frameFor(connection->agentId));
        if (frame->isEmpty())
            continue;
        if (std::optional<FrameWriter::Write> write = prepare(connection.key(), *connection, *frame)) {
            sockets.append(connection.key());
            writes.append(std::move(*write));
        }
    }
    m_writer.writeAll(writes);
    QList<QWebSocket *> waiting;
    for (qsizetype i = 0; i < writes.size(); ++i) {
        if (keepRest(sockets[i], writes[i]))
            waiting.append(sockets[i]);
    }
    for (QWebSocket *socket : std::as_const(waiting))
        flushSocket(socket);
}

QByteArray PushFanout::messageFrame(const QJsonObject &message)
{
    const QByteArray payload = QJsonDocument(message).toJson(QJsonDocument::Compact);
    const quint64 size = quint64(payload.size());
    QByteArray frame;
    frame.reserve(payload.size() + 10);
    frame.append(char(0x81)); // FIN, text
    if (size < 126) {
        frame.append(char(size));
    } else {
        const int lengthBytes = size <= 0xFFFF ? 2 : 8;
        frame.append(char(lengthBytes == 2 ? 126 : 127));
        for (int shift = 8 * (lengthBytes - 1); shift >= 0; shift -= 8)
            frame.append(char((size >> shift) & 0xFF));
    }
    frame.append(payload);
    return frame;
}

QByteArray PushFanout::notificationFrame(const QList<ChangeNotice> &notices, const QList<int> &items)
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
        return messageFrame(one(items.first()));
    // Several in one tick travel as one message.
    QJsonArray list;
    for (int i : items)
        list.append(one(i));
    return messageFrame(QJsonObject{{u"type"_s, u"notifications"_s}, {u"items"_s, list}});
}

bool PushFanout::concernsAgent(const ChangeNotice &notice, qint64 agentId, const AccessScope &scope)
{
    if (notice.eventAgent > 0)
        return agentId == notice.eventAgent;
    if (!scope.departments.contains(notice.eventDepartment))
        return false;
    const QString &audience = notice.audience;
    const bool lead = scope.departments.value(notice.eventDepartment) == Role::Lead;
    if (audience == u"leads" || (audience == u"assignee_and_leads" && lead))
        return lead;
    if ((audience == u"assignee" || audience == u"assignee_and_leads") && notice.ticketAssignee > 0)
        return agentId == notice.ticketAssignee;
    return true;
}

void PushFanout::accessChanged(qint64 agentId, const std::optional<AccessScope> &scope, qint64 seq)
{
    if (scope)
        m_scopes.insert(agentId, *scope);
    queuePoke(agentId, seq);
}

void PushFanout::pokeEveryone(qint64 seq)
{
    for (const Connection &connection : std::as_const(m_sockets))
        queuePoke(connection.agentId, seq);
}

void PushFanout::closeWhere(const std::function<bool(const Connection &)> &predicate, const QString &reason)
{
    const auto sockets = m_sockets.keys();
    for (QWebSocket *socket : sockets) {
        if (predicate(m_sockets.value(socket)))
            socket->close(static_cast<QWebSocketProtocol::CloseCode>(PushHub::CloseUnauthorized), reason);
    }
}

void PushFanout::disconnectAgent(qint64 agentId, const QString &reason)
{
    closeWhere([agentId](const Connection &connection) { return connection.agentId == agentId; }, reason);
}

void PushFanout::disconnectToken(const QByteArray &tokenHash)
{
    closeWhere([&tokenHash](const Connection &connection) { return connection.tokenHash == tokenHash; },
               u"signed_out"_s);
}

// The request thread's side.

PushHub::PushHub(AccountStore &accounts, QObject *parent)
    : QObject(parent)
    , m_accounts(accounts)
{
    m_thread.setObjectName(u"push"_s);
    m_fanout = new PushFanout(m_connections, m_inbox, [this](quint64 connection, qint64 ticketId, const QString &state) {
        QMetaObject::invokeMethod(this, [this, connection, ticketId, state]() { placePresence(connection, ticketId, state); },
                                  Qt::QueuedConnection);
    });
    m_fanout->moveToThread(&m_thread);
    m_thread.start();
    setPingInterval(std::chrono::seconds(30));
}

PushHub::~PushHub()
{
    // The sockets go on their own thread, with a word to each desk.
    QMetaObject::invokeMethod(m_fanout, [fanout = m_fanout]() { delete fanout; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void PushHub::post(std::function<void(PushFanout &)> work)
{
    QMetaObject::invokeMethod(m_fanout, [fanout = m_fanout, work = std::move(work)]() { work(*fanout); },
                              Qt::QueuedConnection);
}

void PushHub::placePresence(quint64 connection, qint64 ticketId, const QString &state)
{
    const std::optional<qint64> department = m_departmentOf ? m_departmentOf(ticketId) : std::nullopt;
    post([connection, ticketId, department = department.value_or(0), state](PushFanout &fanout) {
        fanout.setPresence(connection, ticketId, department, state);
    });
}

void PushHub::setPingInterval(std::chrono::milliseconds interval)
{
    post([interval](PushFanout &fanout) { fanout.setPingInterval(interval); });
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

void PushHub::adopt(QTcpSocket *socket, const HttpRequest &request)
{
    const Expected<AccountStore::Session> session =
        checkUpgrade(request.url().path(), request.value("Origin"), request.value("Authorization"));
    const Expected<AccessScope> scope = session ? m_accounts.scope(session->agentId)
                                                : Expected<AccessScope>(session.error());
    const Expected<Agent> agent = scope ? m_accounts.agent(session->agentId) : Expected<Agent>(scope.error());
    if (!scope) {
        // Checked a moment ago; the token went in between.
        qCInfo(lcServer) << "Push connection refused:" << scope.error().message;
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->setParent(nullptr);
    socket->moveToThread(&m_thread);
    post([socket, admission = PushFanout::Admission{*session, *scope, agent ? agent->name : QString(), nowMs()}](
             PushFanout &fanout) {
        fanout.handshake(socket, admission);
    });
}

void PushHub::publish(ChangeNotice notice)
{
    // Delivered on the push thread's next tick, after the request that made
    // the change has had its answer: the fan-out never holds up the writer.
    if (notice.event != ChangeNotice::Event::None && notice.eventAgent == 0)
        notice.audience = m_audience ? m_audience(notice.eventDepartment, toString(notice.event)) : u"members"_s;
    QMutexLocker locked(&m_inbox.lock);
    m_inbox.notices.append(std::move(notice));
    if (std::exchange(m_inbox.wakePosted, true))
        return;
    locked.unlock();
    post([](PushFanout &fanout) { fanout.tickSoon(); });
}

void PushHub::accessChanged(qint64 agentId, qint64 seq)
{
    // Poked even when the new scope cannot be read: the desk's pull gets the
    // grants and revocations from the store itself.
    std::optional<AccessScope> scope;
    if (Expected<AccessScope> read = m_accounts.scope(agentId))
        scope = *read;
    else
        qCWarning(lcServer) << "The access of agent" << agentId << "cannot be read:" << read.error().message;
    post([agentId, scope, seq](PushFanout &fanout) { fanout.accessChanged(agentId, scope, seq); });
}

void PushHub::disconnectAgent(qint64 agentId, const QString &reason)
{
    post([agentId, reason](PushFanout &fanout) { fanout.disconnectAgent(agentId, reason); });
}

void PushHub::pokeEveryone(qint64 seq)
{
    post([seq](PushFanout &fanout) { fanout.pokeEveryone(seq); });
}

void PushHub::disconnectToken(const QByteArray &tokenHash)
{
    post([tokenHash](PushFanout &fanout) { fanout.disconnectToken(tokenHash); });
}

} // namespace Signpost
