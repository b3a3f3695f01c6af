#pragma once

#include "server/http/httprequest.h"
#include "server/http/httpreply.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace Signpost {

// The server's own HTTP/1.1: requests read with their size known before the
// body is (a body over the cap is refused by its Content-Length, never
// buffered), paths that are not plainly absolute refused, keep-alive with
// idle and slow-request timeouts, answers that may come later from another
// thread while the connection waits, and upgrades to the push WebSocket
// checked before the handshake. Behind nginx in production; safe without.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxBodyBytes = 1 << 20;
        qsizetype maxHeadBytes = 32 * 1024;     // request line and headers
        int idleTimeoutMs = 75'000;             // keep-alive, between requests
        int requestTimeoutMs = 30'000;          // to send a whole request
        // A larger cap for some requests (file uploads), told by their head;
        // 0: maxBodyBytes.
        std::function<qint64(const HttpRequest &)> largerBody;
    };
    using Respond = std::function<void(HttpReply)>;
    // Answers a request: now, or later through `respond` (on this thread).
    using Handler = std::function<void(const HttpRequest &, Respond respond)>;
    // Whether a WebSocket upgrade may go ahead: nothing to accept it, or the
    // answer that refuses it.
    using UpgradeCheck = std::function<std::optional<HttpReply>(const HttpRequest &)>;

    HttpServer(const Limits &limits, Handler handler, UpgradeCheck upgrade, QObject *parent = nullptr);
    ~HttpServer() override;

    // The port bound (0 on failure).
    quint16 listen(const QHostAddress &address, quint16 port);
    int connectionCount() const { return m_connections; }

Q_SIGNALS:
    // An accepted upgrade: the receiver owns the socket, whose handshake is
    // still unread on it.
    void upgraded(QTcpSocket *socket, const Signpost::HttpRequest &request);

private:
    friend class HttpConnection;

    Limits m_limits;
    Handler m_handler;
    UpgradeCheck m_upgrade;
    QTcpServer *m_tcp = nullptr;
    int m_connections = 0;
};

// One client connection: reads a request, hands it on, writes the answer,
// and only then reads the next (pipelined requests wait their turn).
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(HttpServer &server, QTcpSocket *socket);
    ~HttpConnection() override;

private:
    // Draining: refused before its body, the request's body is read and
    // thrown away for a few seconds, so the client gets to read the answer
    // instead of a reset connection.
    enum class State { Head, Body, Handling, Draining, Closing };

    void readSome();
    bool readHead();
    void dispatch();
    // `drain`: the connection stays open to read and drop the body that
    // follows (see State::Draining) instead of closing at once.
    void answer(const HttpReply &reply, bool close = false, bool drain = false);
    void fail(int status, const QByteArray &message, bool drain = false);
    void finish();

    HttpServer &m_server;
    QTcpSocket *m_socket;
    State m_state = State::Head;
    HttpRequest m_request;
    qint64 m_bodyExpected = 0;
    qint64 m_drainLeft = 0;
    QTimer m_timer;
};

} // namespace Signpost
