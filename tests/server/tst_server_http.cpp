// The server's HTTP layer, spoken to over a raw socket as a hostile or
// sloppy client would: bodies refused by their announced size before they
// are read, paths that could walk around the edge's rules refused, pipelined
// requests answered in order, oversize heads and chunked bodies refused.
#include "tests/support/testserver.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

class TestServerHttp : public QObject
{
    Q_OBJECT

    // Sends raw bytes and reads until the server closes or `answers`
    // complete answers (by Content-Length) have come.
    QByteArray exchange(const QByteArray &request, int answers = 1)
    {
        QTcpSocket socket;
        socket.connectToHost(m_server.baseUrl().host(), quint16(m_server.baseUrl().port()));
        if (!socket.waitForConnected(5'000))
            return {};
        socket.write(request);
        QByteArray received;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 10'000 && complete(received) < answers) {
            if (!socket.waitForReadyRead(2'000) && socket.state() != QAbstractSocket::ConnectedState)
                break;
            received += socket.readAll();
        }
        return received;
    }
    static int complete(const QByteArray &received)
    {
        int count = 0;
        qsizetype at = 0;
        for (;;) {
            const qsizetype end = received.indexOf("\r\n\r\n", at);
            if (end < 0)
                return count;
            const qsizetype length = received.indexOf("Content-Length: ", at);
            const qint64 size = length >= 0 && length < end
                                    ? received.mid(length + 16, received.indexOf("\r\n", length) - length - 16).toLongLong()
                                    : 0;
            if (received.size() < end + 4 + size)
                return count;
            at = end + 4 + size;
            ++count;
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorOutput())); }
    void cleanupTestCase() { QVERIFY(m_server.stop()); }

    void aBodyOverTheCapIsRefusedByItsAnnouncedSize()
    {
        // Announces a gigabyte and sends none of it: the answer comes at once.
        QElapsedTimer clock;
        clock.start();
        const QByteArray answer = exchange("POST /api/v1/public/intake HTTP/1.1\r\nHost: x\r\n"
                                           "Content-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
        QVERIFY(answer.contains("payload_too_large"));
        QVERIFY(clock.elapsed() < 5'000);
    }

    void pathsThatCouldWalkAroundTheEdgeAreRefused_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("leading double slash") << QByteArray("//x/api/v1/auth/login");
        QTest::newRow("double slash inside") << QByteArray("/api//v1/auth/login");
        QTest::newRow("dot dot") << QByteArray("/contact/../api/v1/auth/login");
        QTest::newRow("encoded dot dot") << QByteArray("/contact/%2e%2e/api/v1/auth/login");
        QTest::newRow("encoded slash") << QByteArray("/api%2f%2fv1/auth/login");
        QTest::newRow("dot") << QByteArray("/./api/v1/auth/login");
        QTest::newRow("absolute form") << QByteArray("http://evil.example/api/v1/auth/login");
    }
    void pathsThatCouldWalkAroundTheEdgeAreRefused()
    {
        QFETCH(QByteArray, target);
        const QByteArray body = "{\"email\":\"admin@test.example\",\"password\":\"admin-password-1\"}";
        const QByteArray answer = exchange("POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
                                           + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
        QVERIFY(!answer.contains("token"));
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        const QByteArray answer = exchange("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                                           "GET /api/v1 HTTP/1.1\r\nHost: x\r\n\r\n"
                                           "GET /nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                           3);
        QCOMPARE(complete(answer), 3);
        const qsizetype first = answer.indexOf("\"status\":\"ok\"");
        const qsizetype second = answer.indexOf("\"name\":\"signpost\"");
        const qsizetype third = answer.indexOf("HTTP/1.1 404 ");
        QVERIFY(first > 0 && second > first && third > second);
    }

    void oversizeHeadsAndChunkedBodiesAreRefused()
    {
        const QByteArray huge = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: " + QByteArray(40'000, 'a') + "\r\n\r\n";
        QVERIFY(exchange(huge).startsWith("HTTP/1.1 431 "));
        const QByteArray chunked = exchange("POST /api/v1/public/intake HTTP/1.1\r\nHost: x\r\n"
                                            "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        QVERIFY2(chunked.startsWith("HTTP/1.1 411 "), chunked.constData());
        QVERIFY(exchange("GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 505 "));
        QVERIFY(exchange("NONSENSE\r\n\r\n").startsWith("HTTP/1.1 400 "));
    }

private:
    TestServer m_server;
};

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_server_http.moc"
