#include "server/http/httpserver.h"

#include "server/logging.h"

#include <QTcpServer>
#include <QPointer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    }
    return "Status";
}

HttpRequest::Method methodOf(const QByteArray &name)
{
    static const QList<QPair<QByteArray, HttpRequest::Method>> methods{
        {"GET", HttpRequest::Method::Get},       {"HEAD", HttpRequest::Method::Head},
        {"POST", HttpRequest::Method::Post},     {"PUT", HttpRequest::Method::Put},
        {"PATCH", HttpRequest::Method::Patch},   {"DELETE", HttpRequest::Method::Delete},
        {"OPTIONS", HttpRequest::Method::Options}};
    for (const auto &[text, method] : methods) {
        if (name == text)
            return method;
    }
    return HttpRequest::Method::Other;
}

// A path the router can take at face value: absolute, and after decoding
// with no empty, "." or ".." segment. "//x/api/v1/auth/login" is refused
// rather than read as a host, so no rule set on a location can be walked
// around with a doubled slash.
bool isPlainPath(const QString &path)
{
    if (!path.startsWith(u'/') || path.contains(u"//"))
        return false;
    const QStringList segments = path.split(u'/');
    for (qsizetype i = 1; i < segments.size(); ++i) {
        const QString &segment = segments[i];
        if (segment == u"." || segment == u"..")
            return false;
        if (segment.isEmpty() && i != segments.size() - 1)
            return false;
    }
    return true;
}

} // namespace

HttpServer::HttpServer(const Limits &limits, Handler handler, UpgradeCheck upgrade, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_upgrade(std::move(upgrade))
{
}

HttpServer::~HttpServer() = default;

quint16 HttpServer::listen(const QHostAddress &address, quint16 port)
{
    m_tcp = new QTcpServer(this);
    if (!m_tcp->listen(address, port))
        return 0;
    connect(m_tcp, &QTcpServer::newConnection, this, [this]() {
        while (QTcpSocket *socket = m_tcp->nextPendingConnection())
            new HttpConnection(*this, socket);
    });
    return m_tcp->serverPort();
}

HttpConnection::HttpConnection(HttpServer &server, QTcpSocket *socket)
    : QObject(&server)
    , m_server(server)
    , m_socket(socket)
{
    ++m_server.m_connections;
    // Answers go out whole and at once (see answer()).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        if (m_state == State::Handling)
            return; // the answer is on its way; it restarts the clock
        if (m_state == State::Draining) {
            m_socket->abort(); // enough: whatever is still coming is not read
            return;
        }
        const bool partial = m_state == State::Body || m_socket->bytesAvailable() > 0;
        if (partial)
            fail(408, "The request took too long to arrive.");
        else
            finish();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readSome);
    connect(m_socket, &QTcpSocket::disconnected, this, [this]() {
        m_state = State::Closing;
        m_socket->deleteLater();
        deleteLater();
    });
    m_timer.start(m_server.m_limits.idleTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readSome, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    --m_server.m_connections;
}

void HttpConnection::readSome()
{
    if (m_state == State::Draining) {
        m_drainLeft -= m_socket->skip(std::min(m_drainLeft, m_socket->bytesAvailable()));
        if (m_drainLeft <= 0)
            finish();
        return;
    }
    if (m_state == State::Head) {
        if (!readHead())
            return;
    }
    if (m_state == State::Body) {
        const qint64 want = m_bodyExpected - m_request.m_body.size();
        if (want > 0)
            m_request.m_body.append(m_socket->read(want));
        if (m_request.m_body.size() < m_bodyExpected)
            return;
        dispatch();
    }
}

bool HttpConnection::readHead()
{
    const HttpServer::Limits &limits = m_server.m_limits;
    const QByteArray peeked = m_socket->peek(limits.maxHeadBytes + 4);
    const qsizetype end = peeked.indexOf("\r\n\r\n");
    if (end < 0) {
        if (peeked.size() > limits.maxHeadBytes)
            fail(431, "The request line and headers are too large.");
        else if (!peeked.isEmpty() && !m_timer.isActive())
            m_timer.start(limits.requestTimeoutMs);
        else if (!peeked.isEmpty() && m_timer.remainingTime() > limits.requestTimeoutMs)
            m_timer.start(limits.requestTimeoutMs); // a request has begun: it has this long to arrive
        return false;
    }
    m_request = HttpRequest();
    m_request.m_remote = m_socket->peerAddress();
    const QList<QByteArray> lines = peeked.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3) {
        fail(400, "The request line is not METHOD TARGET HTTP/1.1.");
        return false;
    }
    const QByteArray version = requestLine[2];
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        fail(505, "Only HTTP/1.1 and HTTP/1.0 are spoken here.");
        return false;
    }
    m_request.m_methodName = requestLine[0];
    m_request.m_method = methodOf(requestLine[0]);
    const QByteArray target = requestLine[1];
    const qsizetype question = target.indexOf('?');
    const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(question < 0 ? target : target.left(question)));
    if (path.contains(QChar(0))) {
        fail(400, "The path must not hold NUL characters (%00).");
        return false;
    }
    if (!isPlainPath(path)) {
        fail(400, "The path must be absolute, with no empty, \".\" or \"..\" segments.");
        return false;
    }
    m_request.m_url.setPath(path, QUrl::DecodedMode);
    if (question >= 0)
        m_request.m_url.setQuery(QString::fromUtf8(target.mid(question + 1)));

    qint64 contentLength = -1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t') || line.left(colon).contains(' ')) {
            fail(400, "A header line is not NAME: VALUE.");
            return false;
        }
        const QByteArray name = line.left(colon);
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool numeric = false;
            const qint64 length = value.toLongLong(&numeric);
            if (!numeric || length < 0 || (contentLength >= 0 && contentLength != length)) {
                fail(400, "The Content-Length is not one number.");
                return false;
            }
            contentLength = length;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            fail(411, "Send the body with a Content-Length.");
            return false;
        }
        m_request.m_headers.append({name, value});
    }
    const QByteArray connection = m_request.value("Connection").toLower();
    m_request.m_keepAlive = version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");

    if (m_request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
        if (const std::optional<HttpReply> refused = m_server.m_upgrade(m_request)) {
            m_socket->read(end + 4);
            answer(*refused, true);
            return false;
        }
        // Accepted: the socket and its unread handshake go to the push
        // channel, which moves it to its own thread. Not from here: this runs
        // inside the socket's readyRead(), and the socket's own code goes on
        // with it when that returns; moved away meanwhile, it raced the push
        // thread for its read notifier, and a desk's first words after the
        // greeting could wait unread until the next ping.
        m_state = State::Closing;
        m_timer.stop();
        m_socket->disconnect(this);
        QMetaObject::invokeMethod(
            &m_server,
            [server = &m_server, socket = QPointer<QTcpSocket>(std::exchange(m_socket, nullptr)), request = m_request]() {
                if (socket)
                    Q_EMIT server->upgraded(socket, request);
            },
            Qt::QueuedConnection);
        deleteLater();
        return false;
    }

    // Refused by its announced size, before a byte of the body is read.
    const qint64 cap = std::max(limits.maxBodyBytes, limits.largerBody ? limits.largerBody(m_request) : 0);
    if (contentLength > cap) {
        m_socket->read(end + 4);
        fail(413, "The request body is larger than " + QByteArray::number(cap) + " bytes.", true);
        // Read what follows and drop it, a little while, so the client sees
        // the answer; the connection ends after that.
        m_state = State::Draining;
        m_drainLeft = contentLength;
        m_timer.start(3'000);
        readSome();
        return false;
    }
    m_socket->read(end + 4);
    m_bodyExpected = std::max<qint64>(0, contentLength);
    m_request.m_body.reserve(m_bodyExpected);
    m_state = State::Body;
    m_timer.start(limits.requestTimeoutMs);
    return true;
}

void HttpConnection::dispatch()
{
    m_state = State::Handling;
    m_timer.stop();
    QPointer<HttpConnection> self(this);
    auto answered = std::make_shared<bool>(false);
    m_server.m_handler(m_request, [self, answered](HttpReply reply) {
        if (!self || std::exchange(*answered, true))
            return; // the client went away meanwhile, or it was answered
        self->answer(reply);
    });
}

void HttpConnection::answer(const HttpReply &reply, bool close, bool drain)
{
    if (!m_socket || m_state == State::Closing)
        return;
    if (reply.abortConnection) {
        // Test hooks: as if the connection failed on the way back.
        m_state = State::Closing;
        m_socket->abort();
        return;
    }
    close = close || !m_request.keepAlive();
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    if (!reply.contentType.isEmpty())
        head += "Content-Type: " + reply.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    for (const auto &[name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    head += close ? "Connection: close\r\n\r\n" : "\r\n";
    // One write: a head sent apart from its body meets Nagle's algorithm
    // and the client's delayed ACK, 40 ms a response.
    if (m_request.method() != HttpRequest::Method::Head)
        head += reply.body;
    m_socket->write(head);
    m_socket->flush(); // out now, before whatever the change sets off
    if (close) {
        if (!drain)
            finish();
        return;
    }
    m_state = State::Head;
    m_request = HttpRequest();
    m_bodyExpected = 0;
    m_timer.start(m_server.m_limits.idleTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::readSome, Qt::QueuedConnection);
}

void HttpConnection::fail(int status, const QByteArray &message, bool drain)
{
    // The answer goes out at once; with a body still to come, the
    // connection stays to drain it (see readHead), otherwise it ends.
    const Error error{status == 413 ? ErrorCode::PayloadTooLarge : ErrorCode::MalformedRequest,
                      QString::fromUtf8(message), {}, {}};
    HttpReply reply = HttpReply::error(error);
    reply.status = status;
    answer(reply, true, drain);
}

void HttpConnection::finish()
{
    m_state = State::Closing;
    m_timer.stop();
    if (!m_socket)
        return;
    m_socket->disconnectFromHost(); // "disconnected" cleans up once the answer is out
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        m_socket->deleteLater();
        deleteLater();
    }
}

} // namespace Signpost
