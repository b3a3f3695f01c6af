#include "sync/pushchannel.h"

#include "sync/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Signpost {

PushChannel::PushChannel(QObject *parent)
    : QObject(parent)
{
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &PushChannel::open);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &PushChannel::onMessage);
    connect(&m_socket, &QWebSocket::disconnected, this, [this]() {
        const bool wasConnected = std::exchange(m_connected, false);
        m_toldPresence = false; // a new connection starts with no presence
        if (m_presenceTicket > 0)
            Q_EMIT presenceReceived(m_presenceTicket, {}); // not known while cut off
        if (wasConnected)
            Q_EMIT connectedChanged(false);
        if (m_socket.closeCode() == 4401) {
            Q_EMIT unauthorized(m_socket.closeReason());
            return;
        }
        scheduleReconnect();
    });
}

void PushChannel::start(const QUrl &server, const QString &token)
{
    m_url = server;
    m_url.setScheme(server.scheme() == u"https" ? u"wss"_s : u"ws"_s);
    m_url.setPath(u"/api/v1/push"_s);
    m_token = token;
    m_running = true;
    m_failures = 0;
    open();
}

void PushChannel::stop()
{
    m_running = false;
    m_reconnect.stop();
    m_socket.abort();
}

void PushChannel::open()
{
    if (!m_running)
        return;
    QNetworkRequest request(m_url);
    request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    m_socket.abort();
    m_socket.open(request);
}

void PushChannel::setPresence(qint64 ticketId, bool writing)
{
    if (ticketId == m_presenceTicket && writing == m_writing)
        return;
    m_presenceTicket = ticketId;
    m_writing = ticketId > 0 && writing;
    sendPresence();
}

void PushChannel::sendPresence()
{
    if (!m_connected || (m_presenceTicket == 0 && !m_toldPresence))
        return;
    m_toldPresence = m_presenceTicket > 0;
    m_socket.sendTextMessage(QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"type"_s, u"presence"_s},
                                  {u"ticket"_s, m_presenceTicket},
                                  {u"state"_s, m_writing ? u"writing"_s : u"viewing"_s}})
            .toJson(QJsonDocument::Compact)));
}

void PushChannel::scheduleReconnect()
{
    if (!m_running)
        return;
    // 1 s, 2 s, 4 s … up to a minute, with jitter so a restarted server is
    // not hit by every client at once.
    const int base = std::min(60'000, 1000 << std::min(m_failures, 6));
    ++m_failures;
    m_reconnect.start(base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1)));
}

void PushChannel::onMessage(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(u"type"_s).toString();
    if (type == u"hello") {
        m_failures = 0;
        m_connected = true;
        sendPresence();
        Q_EMIT connectedChanged(true);
    } else if (type == u"presence") {
        Q_EMIT presenceReceived(message.value(u"ticket"_s).toInteger(), message.value(u"agents"_s).toArray());
    } else if (type == u"error") {
        qCInfo(lcSync) << "The push channel said:" << message.value(u"message"_s).toString();
    } else if (type == u"poke") {
        Q_EMIT poked(message.value(u"seq"_s).toInteger());
    } else if (type == u"notification") {
        Q_EMIT notificationReceived(message);
    } else if (type == u"notifications") {
        // Several from one moment, in one message.
        for (const QJsonValue &item : message.value(u"items"_s).toArray())
            Q_EMIT notificationReceived(item.toObject());
    }
}

} // namespace Signpost
