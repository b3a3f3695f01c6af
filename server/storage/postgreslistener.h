#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <QString>
#include <QTimer>

#include <memory>

typedef struct pg_conn PGconn;

namespace Signpost {

// LISTENs to one PostgreSQL channel on a connection of its own, without
// blocking the event loop, and stays listening: a connection that ends (the
// database restarted, the network dropped it) is opened again, after 1, 2,
// 4… up to 10 seconds, until it is back. Notifications sent while it was
// away are lost; listening() tells when it is back, so the caller can make
// up for them.
class PostgresListener : public QObject
{
    Q_OBJECT

public:
    PostgresListener(const QString &url, const QString &channel, QObject *parent = nullptr);
    ~PostgresListener() override;

    void start();
    bool isListening() const { return m_state == State::Listening; }

Q_SIGNALS:
    // Listening, for the first time or again (`again`) after a loss.
    void listening(bool again);
    void notified(const QString &payload);

private:
    enum class State { Idle, Connecting, Subscribing, Listening };
    void connectNow();
    void advanceConnect();
    void readable();
    void watch(QSocketNotifier::Type type);
    void lose(const QString &why);

    QString m_url;
    QString m_channel;
    PGconn *m_conn = nullptr;
    State m_state = State::Idle;
    bool m_everListened = false;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_retry;
    QTimer m_connectDeadline;
    int m_failures = 0;
};

} // namespace Signpost
