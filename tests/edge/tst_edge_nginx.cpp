// The production edge: the nginx rules shipped in packaging/nginx/, included
// unchanged, in front of the real server. Requests pass through; oversize
// bodies, floods, spoofed client addresses and slow clients are stopped at
// nginx; the push WebSocket works through it.
#include "tests/support/apiclient.h"
#include "tests/support/testserver.h"
#include "tests/support/testworld.h"
#include "tests/support/worldtest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

namespace {

const QString PackagingDir = QStringLiteral(SIGNPOST_SOURCE_DIR "/packaging/nginx");

// $SIGNPOST_NGINX names another nginx to test with.
QString findNginx()
{
    if (qEnvironmentVariableIsSet("SIGNPOST_NGINX")) {
        const QString configured = qEnvironmentVariable("SIGNPOST_NGINX");
        return QFileInfo(configured).isExecutable() ? configured : QString();
    }
    const QString onPath = QStandardPaths::findExecutable(u"nginx"_s);
    if (!onPath.isEmpty())
        return onPath;
    return QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s, u"/usr/local/sbin"_s, u"/sbin"_s});
}

// A loopback port nobody listens on right now (someone may take it before
// nginx binds it; Edge::start tries again then).
quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QString quoted(const QString &path)
{
    return u'"' + path + u'"';
}

// nginx in the foreground under QProcess, one process and no daemon, with
// everything it writes (pid, logs, request bodies) in its own directory.
class Edge
{
public:
    ~Edge()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10'000);
        }
    }

    bool start(const QString &nginx, quint16 backendPort)
    {
        for (int attempt = 0; attempt < 3; ++attempt) {
            m_port = freeLoopbackPort();
            if (m_port == 0 || !writeConfig(backendPort))
                return false;
            m_process.setProgram(nginx);
            m_process.setArguments({u"-p"_s, m_dir.path() + u'/', u"-c"_s, path(u"nginx.conf"_s), u"-e"_s,
                                    path(u"error.log"_s)});
            m_process.setProcessChannelMode(QProcess::MergedChannels);
            m_process.start();
            if (!m_process.waitForStarted(10'000))
                return false;
            // nginx writes its pid file once its listening socket is open.
            const bool settled = QTest::qWaitFor([this]() {
                return QFile::exists(path(u"nginx.pid"_s)) || m_process.state() == QProcess::NotRunning;
            }, 20'000);
            if (settled && m_process.state() == QProcess::Running && QFile::exists(path(u"nginx.pid"_s)))
                return true;
            m_process.kill();
            m_process.waitForFinished(10'000);
            if (!log().contains(u"Address already in use"_s))
                return false;
        }
        return false;
    }

    // SIGTERM, and wait for a clean exit.
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit;
        m_process.terminate();
        return m_process.waitForFinished(20'000) && m_process.exitStatus() == QProcess::NormalExit;
    }

    quint16 port() const { return m_port; }
    QUrl url(const QString &scheme = u"http"_s) const { return QUrl(u"%1://127.0.0.1:%2"_s.arg(scheme).arg(m_port)); }

    // The access log's lines: client, request, status, then upstream= the
    // server's address and status, or "- -" when nginx answered by itself.
    QStringList accessLog() const
    {
        QFile file(path(u"access.log"_s));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }

    // What nginx said, for failure messages.
    QString log()
    {
        QFile errors(path(u"error.log"_s));
        QString text = QString::fromUtf8(m_process.readAll());
        if (errors.open(QIODevice::ReadOnly))
            text += QString::fromUtf8(errors.readAll());
        return text;
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool writeConfig(quint16 backendPort)
    {
        // The upstream matches the one in signpost.conf but for its port;
        // the server-level rules and locations are the shipped files.
        const QString config = uR"(# Written by tst_edge_nginx.
daemon off;
master_process off;
worker_processes 1;
pid %1;
error_log %2 warn;
events {
    worker_connections 256;
}
http {
    # Which requests reached the server (its address, its status) and which
    # nginx answered by itself ("-").
    log_format signpost_edge '$remote_addr "$request" $status upstream=$upstream_addr $upstream_status';
    access_log %3 signpost_edge;
    client_body_temp_path %4;
    proxy_temp_path %5;
    fastcgi_temp_path %6;
    uwsgi_temp_path %7;
    scgi_temp_path %8;

    include %9;

    upstream signpost_backend {
        server 127.0.0.1:%10;
        keepalive 16;
    }

    server {
        listen 127.0.0.1:%11;
        include %12;
    }
}
)"_s.arg(quoted(path(u"nginx.pid"_s)), quoted(path(u"error.log"_s)), quoted(path(u"access.log"_s)),
         quoted(path(u"body"_s)), quoted(path(u"proxy"_s)), quoted(path(u"fastcgi"_s)), quoted(path(u"uwsgi"_s)),
         quoted(path(u"scgi"_s)), quoted(PackagingDir + u"/signpost-http.conf"_s), QString::number(backendPort),
         QString::number(m_port), quoted(PackagingDir + u"/signpost-locations.conf"_s));
        QFile file(path(u"nginx.conf"_s));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(config.toUtf8()) > 0;
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

// One HTTP/1.1 exchange on its own connection, optionally from a chosen
// loopback address, for what QNetworkAccessManager cannot do: pick the
// source address, or send headers it would rewrite. Reads the head and a
// Content-Length body, or up to the close.
Response rawExchange(quint16 port, const QByteArray &request, const QHostAddress &from = {})
{
    QTcpSocket socket;
    if (!from.isNull() && !socket.bind(from))
        return {};
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10'000))
        return {};
    socket.write(request);
    Response response;
    QByteArray data;
    qsizetype headEnd = -1;
    qsizetype length = -1;
    while (headEnd < 0 || length < 0 || data.size() < headEnd + 4 + length) {
        if (!socket.waitForReadyRead(30'000)) {
            data += socket.readAll();
            break; // closed (or silent): take what came
        }
        data += socket.readAll();
        if (headEnd < 0 && (headEnd = data.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = data.left(headEnd).split('\n');
            response.status = lines.value(0).split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    response.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
            }
            bool known = false;
            length = response.header("Content-Length").toLongLong(&known);
            if (!known)
                length = -1;
        }
    }
    if (headEnd >= 0)
        response.body = data.mid(headEnd + 4);
    return response;
}

QByteArray jsonPost(const QByteArray &path, const QJsonObject &body, const QByteArray &extraHeaders = {})
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return "POST " + path + " HTTP/1.1\r\nHost: edge.test\r\nConnection: close\r\n"
           "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(json.size()) + "\r\n"
           + extraHeaders + "\r\n" + json;
}

QList<QPair<QString, QString>> contactFields(const QString &subject, const QString &message = u"Where is my tent?"_s)
{
    return {{u"name"_s, u"Casey Customer"_s},
            {u"email"_s, u"casey@example.com"_s},
            {u"subject"_s, subject},
            {u"message"_s, message}};
}

} // namespace

class TestEdgeNginx : public WorldTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_nginx = findNginx();
        if (m_nginx.isEmpty())
            QSKIP("nginx is not installed (Debian: apt install nginx-light) or $SIGNPOST_NGINX is not "
                  "executable, so the edge rules in packaging/nginx/ are not tested.");
        QVERIFY2(QFile::exists(PackagingDir + u"/signpost-locations.conf"_s), qPrintable(PackagingDir));
    }

    void cleanup()
    {
        const std::unique_ptr<Edge> edge = std::move(m_edge);
        m_edgeApi.reset();
        if (edge)
            QVERIFY2(edge->stop(), qPrintable(edge->log()));
        QVERIFY(stopWorld());
    }

    void apiRequestsPassThrough()
    {
        QVERIFY2(startEdge(), qPrintable(m_error));
        const Response health = m_edgeApi->get(u"/healthz"_s);
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(health.header("Server"), QByteArray("nginx")); // through the edge, and no version shown
        QCOMPARE(health.header("Cache-Control"), QByteArray("no-store")); // the server's own headers survive

        const QString token = m_edgeApi->login(u"sam@acme.example"_s, QString::fromLatin1(TestWorld::Password));
        QVERIFY(!token.isEmpty());
        const Response me = m_edgeApi->get(u"/api/v1/me"_s, token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"email"_s).toString(), u"sam@acme.example"_s);

        const Response anonymous = m_edgeApi->get(u"/api/v1/me"_s);
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.errorCode(), u"unauthorized"_s);
        QCOMPARE(anonymous.header("WWW-Authenticate"), QByteArray("Bearer"));

        // Reading the contact form is not rate limited, however often.
        for (int i = 0; i < 12; ++i)
            QCOMPARE(m_edgeApi->get(u"/contact/acme"_s).status, 200);
    }

    void oversizeApiBodyIsRefusedAndNothingWritten()
    {
        // The server's own cap is raised out of the way: only nginx can refuse.
        QVERIFY2(startEdge({u"--max-body"_s, QString::number(8 << 20)}), qPrintable(m_error));
        const QString admin = m_world.token(u"admin"_s);
        // A valid department, padded past 1 MB with a field the server ignores.
        const QJsonObject body{{u"name"_s, u"Oversize"_s}, {u"padding"_s, QString(1'200'000, u'x')}};

        const Response refused = m_edgeApi->post(u"/api/v1/departments"_s, body, admin);
        QCOMPARE(refused.status, 413);
        QCOMPARE(refused.errorCode(), u"payload_too_large"_s);
        QVERIFY(!departmentNames().contains(u"Oversize"_s));

        // Only the size stood in the way: the server itself takes it.
        const Response direct = m_api->post(u"/api/v1/departments"_s, body, admin);
        QCOMPARE(direct.status, 201);
        QVERIFY(departmentNames().contains(u"Oversize"_s));

        // And ordinary bodies below the cap pass.
        const QJsonObject small{{u"name"_s, u"Undersize"_s}, {u"padding"_s, QString(900'000, u'x')}};
        QCOMPARE(m_edgeApi->post(u"/api/v1/departments"_s, small, admin).status, 201);
    }

    // Customers may send files, so public bodies may reach 25 MiB; beyond
    // that nginx refuses them, in the page's own form, and nothing is written.
    void publicBodiesHaveTheirOwnCap()
    {
        QVERIFY2(startEdge(), qPrintable(m_error));
        const qint64 before = ticketCount();

        const Response form = m_edgeApi->postForm(u"/contact/acme"_s, contactFields(u"Long"_s, QString(26 << 20, u'x')));
        QCOMPARE(form.status, 413);
        QVERIFY(form.header("Content-Type").startsWith("text/html"));

        const Response intake = m_edgeApi->post(u"/api/v1/public/intake"_s,
                                            {{u"shop"_s, m_world.shop},
                                             {u"name"_s, u"Casey"_s},
                                             {u"email"_s, u"casey@example.com"_s},
                                             {u"subject"_s, u"Long"_s},
                                             {u"message"_s, QString(26 << 20, u'x')}});
        QCOMPARE(intake.status, 413);
        QCOMPARE(intake.errorCode(), u"payload_too_large"_s);
        QCOMPARE(ticketCount(), before);

        // A file of 2 MiB with a shop's JSON passes nginx and the server.
        const Response withFile = m_edgeApi->post(
            u"/api/v1/public/intake"_s,
            {{u"shop"_s, m_world.shop},
             {u"name"_s, u"Casey"_s},
             {u"email"_s, u"casey@example.com"_s},
             {u"subject"_s, u"Photo"_s},
             {u"message"_s, u"See the photo."_s},
             {u"attachments"_s, QJsonArray{QJsonObject{{u"filename"_s, u"photo.jpg"_s},
                                                       {u"content_type"_s, u"image/jpeg"_s},
                                                       {u"data"_s, QString::fromLatin1(QByteArray(2 << 20, 'p').toBase64())}}}}});
        QCOMPARE(withFile.status, 201);

        // The longest message the server accepts, in the script that takes
        // the most bytes per character form-encoded (three UTF-8 bytes, nine
        // percent-encoded), fits too.
        const QString longest(20'000, u'\u6f22');
        const Response accepted = m_edgeApi->postForm(u"/contact/acme"_s, contactFields(u"Longest"_s, longest));
        QCOMPARE(accepted.status, 200);
        QCOMPARE(ticketCount(), before + 2);
    }

    void contactFloodIsLimited()
    {
        // The test server runs with --contact-rate 0: every refusal here is nginx's.
        QVERIFY2(startEdge(), qPrintable(m_error));
        const qint64 before = ticketCount();
        QList<int> statuses;
        int accepted = 0;
        for (int i = 0; i < 30; ++i) {
            const Response response = m_edgeApi->postForm(u"/contact/acme"_s, contactFields(u"Flood %1"_s.arg(i)));
            statuses.append(response.status);
            if (response.status == 200) {
                ++accepted;
            } else {
                QCOMPARE(response.status, 429);
                QVERIFY(response.header("Content-Type").startsWith("text/html"));
                QVERIFY(response.body.contains("Please wait"));
                QVERIFY(!response.header("Retry-After").isEmpty());
            }
        }
        // The first post and a burst of five get through at once.
        QVERIFY2(statuses.mid(0, 6) == QList<int>(6, 200), qPrintable(debugList(statuses)));
        QVERIFY2(statuses.count(429) >= 20, qPrintable(debugList(statuses)));
        // Refused posts never reached the server.
        QCOMPARE(ticketCount(), before + accepted);

        // The JSON intake and customers' replies share the limit, with JSON refusals ...
        const Response intake = m_edgeApi->post(u"/api/v1/public/intake"_s,
                                            {{u"shop"_s, m_world.shop},
                                             {u"name"_s, u"Casey"_s},
                                             {u"email"_s, u"casey@example.com"_s},
                                             {u"subject"_s, u"Again"_s},
                                             {u"message"_s, u"Hello?"_s}});
        QCOMPARE(intake.status, 429);
        QCOMPARE(intake.errorCode(), u"rate_limited"_s);
        QCOMPARE(m_edgeApi->post(u"/api/v1/public/replies"_s, {{u"secret"_s, u"x"_s}, {u"message"_s, u"Hi"_s}}).status,
                 429);
        // ... while reading pages and the agents' API go on.
        QCOMPARE(m_edgeApi->get(u"/contact/acme"_s).status, 200);
        QCOMPARE(m_edgeApi->get(u"/api/v1/me"_s, m_world.token(u"sam"_s)).status, 200);
    }

    void loginFloodIsLimited()
    {
        // The server's own sign-in limit is off: every refusal here is nginx's.
        QVERIFY2(startEdge({u"--login-rate"_s, u"0"_s}), qPrintable(m_error));
        QList<int> statuses;
        for (int i = 0; i < 30; ++i) {
            // No password: the server answers at once, without hashing.
            const Response response = m_edgeApi->post(u"/api/v1/auth/login"_s, {{u"email"_s, u"guess@acme.example"_s}});
            statuses.append(response.status);
            if (response.status == 429) {
                QCOMPARE(response.errorCode(), u"rate_limited"_s);
                QVERIFY(!response.header("Retry-After").isEmpty());
            } else {
                QCOMPARE(response.status, 422);
            }
        }
        // A burst of twenty is softer than the contact form's five.
        QVERIFY2(statuses.mid(0, 21) == QList<int>(21, 422), qPrintable(debugList(statuses)));
        QVERIFY2(statuses.contains(429), qPrintable(debugList(statuses)));
    }

    // Paths with a doubled slash or a dot segment fall under nginx's
    // catch-all location but are passed on as sent: they must not reach
    // sign-in or the public pages without those locations' limits.
    void pathsAroundTheLocationsAreRefused()
    {
        QVERIFY2(startEdge(), qPrintable(m_error));
        const QJsonObject credentials{{u"email"_s, QString::fromLatin1(TestServer::AdminEmail)},
                                      {u"password"_s, QString::fromLatin1(TestServer::AdminPassword)}};
        // Sent raw: a client library would tidy the path up first.
        const quint16 port = m_edge->port();
        int signedIn = 0;
        for (int i = 0; i < 25; ++i) {
            const Response response = rawExchange(port, jsonPost("//x/api/v1/auth/login", credentials));
            QCOMPARE(response.status, 400);
            signedIn += response.body.contains("token") ? 1 : 0;
        }
        QCOMPARE(signedIn, 0);
        // Refused by nginx itself: never passed on.
        QTRY_VERIFY_WITH_TIMEOUT(!m_edge->accessLog().isEmpty(), 10'000);
        QVERIFY2(m_edge->accessLog().last().contains(u"upstream=-"_s), qPrintable(m_edge->accessLog().last()));
        for (const QByteArray &path : {QByteArray("/x/..//api/v1/auth/login"), QByteArray("/contact/%2e%2e/api/v1/auth/login"),
                                       QByteArray("/api%2Fv1/auth/login"), QByteArray("/./api/v1/auth/login")})
            QCOMPARE(rawExchange(port, jsonPost(path, credentials)).status, 400);

        const qint64 before = ticketCount();
        const QByteArray form = "name=Casey&email=casey%40example.com&subject=Long&message=" + QByteArray(300'000, 'x');
        const Response refused = rawExchange(port, "POST //x/contact/acme HTTP/1.1\r\nHost: edge.test\r\nConnection: close\r\n"
                                                   "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                                                       + QByteArray::number(form.size()) + "\r\n\r\n" + form);
        QVERIFY2(refused.status == 400 || refused.status == 413, qPrintable(QString::number(refused.status)));
        QCOMPARE(ticketCount(), before);
    }

    void serverSeesTheRealClientAddress()
    {
        // The server's own contact limit is on (5 at once per address), and
        // it believes nginx, but only nginx, about who the client is.
        QVERIFY2(startEdge({u"--contact-rate"_s, u"1"_s}), qPrintable(m_error));
        const QJsonObject body{{u"shop"_s, m_world.shop},
                               {u"name"_s, u"Casey"_s},
                               {u"email"_s, u"casey@example.com"_s},
                               {u"subject"_s, u"Spoof"_s},
                               {u"message"_s, u"Hello"_s}};
        // A client that claims a new address in every request ...
        QList<int> statuses;
        for (int i = 1; i <= 6; ++i) {
            const QByteArray claimed = "203.0.113." + QByteArray::number(i);
            const Response response = rawExchange(
                m_edge->port(), jsonPost("/api/v1/public/intake", body,
                                         "X-Forwarded-For: " + claimed + "\r\nX-Real-IP: " + claimed + "\r\n"));
            statuses.append(response.status);
        }
        QVERIFY2(statuses == (QList<int>{201, 201, 201, 201, 201, 429}), qPrintable(debugList(statuses)));
        // ... is still one address to the server, which refused the sixth
        // itself: nginx passed it on (its burst is larger).
        QTRY_COMPARE_WITH_TIMEOUT(m_edge->accessLog().size(), 6, 10'000);
        QVERIFY2(m_edge->accessLog().last().endsWith(u" 429"_s)
                     && !m_edge->accessLog().last().contains(u"upstream=-"_s),
                 qPrintable(m_edge->accessLog().last()));

        // Another client really is another address: the server counts it
        // apart, because nginx tells it who connected.
        const Response other = rawExchange(m_edge->port(), jsonPost("/api/v1/public/intake", body),
                                           QHostAddress(u"127.0.0.2"_s));
        QVERIFY2(other.status == 201, other.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_edge->accessLog().size(), 7, 10'000);
        QVERIFY2(m_edge->accessLog().last().startsWith(u"127.0.0.2 "_s), qPrintable(m_edge->accessLog().last()));
    }

    void pushChannelConnectsThroughTheEdge()
    {
        QVERIFY2(startEdge(), qPrintable(m_error));
        // Some ordinary requests first, so that the upgrade may travel on a
        // kept-alive upstream connection, as it will in production.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_edgeApi->get(u"/api/v1/me"_s, m_world.token(u"sue"_s)).status, 200);
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        QNetworkRequest request(m_edge->url(u"ws"_s).resolved(QUrl(u"/api/v1/push"_s)));
        request.setRawHeader("Authorization", "Bearer " + m_world.token(u"sue"_s).toLatin1());
        socket.open(request);
        QVERIFY2(connected.wait(10'000), qPrintable(socket.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 10'000);
        const QJsonObject hello = QJsonDocument::fromJson(messages.first().first().toString().toUtf8()).object();
        QCOMPARE(hello.value(u"type"_s).toString(), u"hello"_s);
        QCOMPARE(hello.value(u"agent"_s).toInteger(), m_world.agent(u"sue"_s));

        // Later frames come through as they happen, not when a buffer fills.
        QVERIFY(m_world.intake(*m_edgeApi, m_world.support) > 0);
        // Sue hears of the new ticket (a notification stands for a poke).
        auto poked = [&messages]() {
            for (const QList<QVariant> &message : std::as_const(messages)) {
                const QJsonValue type =
                    QJsonDocument::fromJson(message.first().toString().toUtf8()).object().value(u"type"_s);
                if (type == u"poke"_s || type == u"notification"_s)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(poked(), 10'000);
        // Ordinary requests still pass while the channel is open.
        QCOMPARE(m_edgeApi->get(u"/api/v1/me"_s, m_world.token(u"sue"_s)).status, 200);
        socket.close();
    }

    void pushChannelRefusesABadToken_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("unknown token") << QByteArray("Bearer not-a-real-token-at-all");
        QTest::newRow("no token") << QByteArray();
    }
    void pushChannelRefusesABadToken()
    {
        QFETCH(QByteArray, authorization);
        QVERIFY2(startEdge(), qPrintable(m_error));
        // Refused before the handshake: the server's 401 comes through
        // nginx as it is, with no upgrade.
        QByteArray upgrade = "GET /api/v1/push HTTP/1.1\r\nHost: edge.test\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\n";
        if (!authorization.isEmpty())
            upgrade += "Authorization: " + authorization + "\r\n";
        const Response refused = rawExchange(m_edge->port(), upgrade + "\r\n");
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.errorCode(), u"unauthorized"_s);
        QVERIFY(refused.header("Upgrade").isEmpty());

        // And a WebSocket client is turned away without ever hearing hello.
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy failed(&socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        QNetworkRequest request(m_edge->url(u"ws"_s).resolved(QUrl(u"/api/v1/push"_s)));
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        socket.open(request);
        // QWebSocket reports a refused handshake as an error only; it does
        // not close the connection itself, so it is aborted here.
        QVERIFY(failed.wait(10'000));
        QVERIFY2(socket.errorString().contains(u"401"_s), qPrintable(socket.errorString()));
        QCOMPARE(connected.size(), 0);
        QCOMPARE(messages.size(), 0);
        socket.abort();

        // The edge is none the worse for it.
        QCOMPARE(m_edgeApi->get(u"/healthz"_s).status, 200);
    }

    void slowClientsAreCutOff()
    {
        QVERIFY2(startEdge(), qPrintable(m_error));
        // One client stops in the middle of its headers, another in the
        // middle of its body. QtHttpServer would wait for both forever.
        QTcpSocket headers;
        QTcpSocket body;
        QSignalSpy headersClosed(&headers, &QTcpSocket::disconnected);
        QSignalSpy bodyClosed(&body, &QTcpSocket::disconnected);
        for (QTcpSocket *socket : {&headers, &body}) {
            socket->connectToHost(QHostAddress::LocalHost, m_edge->port());
            QVERIFY(socket->waitForConnected(10'000));
        }
        headers.write("GET /healthz HTTP/1.1\r\nHost: edge.test\r\n");
        body.write("POST /api/v1/public/intake HTTP/1.1\r\nHost: edge.test\r\nContent-Type: application/json\r\n"
                   "Content-Length: 1000\r\n\r\n{\"shop\": 1,");
        QElapsedTimer elapsed;
        elapsed.start();
        // The shipped timeouts are 10 s between reads; nginx's defaults are 60 s.
        QTRY_COMPARE_WITH_TIMEOUT(headersClosed.size(), 1, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(bodyClosed.size(), 1, 30'000);
        QVERIFY2(elapsed.elapsed() >= 5'000, "closed at once, not after waiting for the client");
        // Neither got an answer from the server, which never saw the
        // unfinished body: nginx holds bodies until they are complete.
        QVERIFY(!headers.readAll().startsWith("HTTP/1.1 2"));
        QVERIFY(!body.readAll().startsWith("HTTP/1.1 2"));
        QTRY_COMPARE_WITH_TIMEOUT(m_edge->accessLog().size(), 2, 10'000);
        for (const QString &line : m_edge->accessLog())
            QVERIFY2(line.endsWith(u" 408 upstream=- -"_s), qPrintable(line));
        // Other clients were served all along.
        QCOMPARE(m_edgeApi->get(u"/healthz"_s).status, 200);
    }

    void siteFileParses()
    {
        // The site as installed, but with the snippets, certificate and
        // logs where this test has them; nginx -t reads it all, loads the
        // certificate and binds nothing.
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty())
            QSKIP("openssl is not installed, so no test certificate can be made for the TLS site.");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(u"fullchain.pem"_s);
        const QString key = dir.filePath(u"privkey.pem"_s);
        QProcess make;
        make.setProcessChannelMode(QProcess::MergedChannels);
        make.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                             u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                             u"/CN=help.example.com"_s, u"-keyout"_s, key, u"-out"_s, cert});
        QVERIFY(make.waitForFinished(60'000));
        QVERIFY2(make.exitCode() == 0, make.readAll().constData());

        QFile shipped(PackagingDir + u"/signpost.conf"_s);
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QString site = QString::fromUtf8(shipped.readAll());
        const QList<std::pair<QString, QString>> moves{
            {u"/etc/nginx/snippets/signpost-http.conf"_s, quoted(PackagingDir + u"/signpost-http.conf"_s)},
            {u"/etc/nginx/snippets/signpost-locations.conf"_s, quoted(PackagingDir + u"/signpost-locations.conf"_s)},
            {u"/etc/ssl/signpost/fullchain.pem"_s, quoted(cert)},
            {u"/etc/ssl/signpost/privkey.pem"_s, quoted(key)},
            {u"/var/log/nginx/"_s, dir.path() + u'/'},
        };
        for (const auto &[from, to] : moves) {
            QVERIFY2(site.contains(from), qPrintable(u"signpost.conf no longer mentions "_s + from));
            site.replace(from, to);
        }
        QFile copy(dir.filePath(u"signpost.conf"_s));
        QVERIFY(copy.open(QIODevice::WriteOnly) && copy.write(site.toUtf8()) > 0);
        copy.close();

        QFile wrapper(dir.filePath(u"nginx.conf"_s));
        QVERIFY(wrapper.open(QIODevice::WriteOnly));
        wrapper.write(u"pid %1;\nerror_log %2;\nevents {}\nhttp {\n    access_log off;\n"
                   "    client_body_temp_path %3;\n    proxy_temp_path %3;\n    fastcgi_temp_path %3;\n"
                   "    uwsgi_temp_path %3;\n    scgi_temp_path %3;\n    include %4;\n}\n"_s
                       .arg(quoted(dir.filePath(u"nginx.pid"_s)), quoted(dir.filePath(u"error.log"_s)),
                            quoted(dir.filePath(u"temp"_s)), quoted(copy.fileName()))
                       .toUtf8());
        wrapper.close();

        QProcess check;
        check.setProcessChannelMode(QProcess::MergedChannels);
        check.start(m_nginx, {u"-t"_s, u"-p"_s, dir.path() + u'/', u"-c"_s, wrapper.fileName(), u"-e"_s,
                              dir.filePath(u"error.log"_s)});
        QVERIFY(check.waitForFinished(30'000));
        const QString output = QString::fromUtf8(check.readAll());
        QVERIFY2(check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.contains(u"test is successful"_s), qPrintable(output));
    }

private:
    // The server (trusting nginx, plus `serverArguments`), a small helpdesk
    // built on it directly so that the edge's counters start at zero, and
    // nginx in front. On failure the reason is in m_error.
    bool startEdge(const QStringList &serverArguments = {})
    {
        if (!startWorld(QStringList{u"--trusted-proxy"_s, u"127.0.0.1"_s} + serverArguments))
            return false;
        m_edge = std::make_unique<Edge>();
        if (!m_edge->start(m_nginx, quint16(m_server->baseUrl().port()))) {
            m_error = u"nginx: "_s + m_edge->log();
            m_edge.reset();
            return false;
        }
        m_edgeApi = std::make_unique<ApiClient>(m_edge->url());
        return true;
    }

    QStringList departmentNames()
    {
        QStringList names;
        const QJsonArray list = m_api->get(u"/api/v1/departments"_s, m_world.token(u"admin"_s)).json()
                                    .value(u"departments"_s).toArray();
        for (const QJsonValue &department : list)
            names.append(department.toObject().value(u"name"_s).toString());
        return names;
    }

    qint64 ticketCount()
    {
        qint64 total = 0;
        for (qint64 department : {m_world.triage, m_world.support, m_world.returns, m_world.sales})
            total += m_api->get(u"/api/v1/departments/%1/tickets"_s.arg(department), m_world.token(u"admin"_s))
                         .json().value(u"total"_s).toInteger();
        return total;
    }

    static QString debugList(const QList<int> &statuses)
    {
        QStringList parts;
        for (int status : statuses)
            parts.append(QString::number(status));
        return u"statuses: "_s + parts.join(u' ');
    }

    QString m_nginx;
    std::unique_ptr<Edge> m_edge;
    std::unique_ptr<ApiClient> m_edgeApi; // through nginx; m_api goes straight to the server
};

QTEST_GUILESS_MAIN(TestEdgeNginx)
#include "tst_edge_nginx.moc"
