#pragma once

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

Q_SIGNALS:
    void connectedChanged(bool connected);
    void poked(qint64 seq);
    void notificationReceived(const QJsonObject &notification);
    // The server closed the channel: signed out, or `reason` (such as
    // "account_disabled") says why.
    void unauthorized(const QString &reason);

private:
    void open();
    void scheduleReconnect();
    void onMessage(const QString &text);

    QWebSocket m_socket;
    QTimer m_reconnect;
    QUrl m_url;
    QString m_token;
    bool m_running = false;
    bool m_connected = false;
    int m_failures = 0;
};

} // namespace Signpost
