#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace Signpost {

// The push WebSocket: connects with the agent's token, reconnects with
// jittered backoff, and turns messages into signals. The sync engine pulls on
// every poke and every (re)connect; popups listen to the notification centre,
// not to this.
class PushChannel : public QObject
{
    Q_OBJECT
public:
    explicit PushChannel(QObject *parent = nullptr);

    void start(const QUrl &server, const QString &token);
    void stop();
    bool isConnected() const { return m_connected; }
    // Where this desk is: the open ticket (0: none), and whether the agent
    // is writing on it. Told now if connected, and again on every connect.
    void setPresence(qint64 ticketId, bool writing);

Q_SIGNALS:
    void connectedChanged(bool connected);
    void poked(qint64 seq);
    void notificationReceived(const QJsonObject &notification);
    // Who is on a ticket this desk is on: [{agent, name, state}], this agent
    // included.
    void presenceReceived(qint64 ticketId, const QJsonArray &agents);
    // The server closed the channel: signed out, or `reason` (such as
    // "account_disabled") says why.
    void unauthorized(const QString &reason);

private:
    void open();
    void scheduleReconnect();
    void onMessage(const QString &text);
    void sendPresence();

    QWebSocket m_socket;
    QTimer m_reconnect;
    QUrl m_url;
    QString m_token;
    bool m_running = false;
    bool m_connected = false;
    int m_failures = 0;
    qint64 m_presenceTicket = 0;
    bool m_writing = false;
    bool m_toldPresence = false; // this connection has been told of a ticket
};

} // namespace Signpost
