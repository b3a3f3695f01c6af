// The server process itself: options, demo data, clean stop on SIGTERM, and
// what survives a restart.
#include "devsupport/postgrescluster.h"
#include "tests/support/apiclient.h"
#include "tests/support/testserver.h"
#include "tests/support/testworld.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

class TestServerLifecycle : public QObject
{
    Q_OBJECT

    static QProcess *run(const QStringList &arguments)
    {
        auto *process = new QProcess;
        process->start(QStringLiteral(SIGNPOST_SERVER_BINARY), arguments);
        process->waitForFinished(30'000);
        return process;
    }

private Q_SLOTS:
    void helpAndVersion()
    {
        std::unique_ptr<QProcess> help(run({u"--help"_s}));
        QCOMPARE(help->exitCode(), 0);
        const QString text = QString::fromUtf8(help->readAllStandardOutput());
        for (const QString &option : {u"--data-dir"_s, u"--listen"_s, u"--port"_s, u"--demo"_s})
            QVERIFY2(text.contains(option), qPrintable(option));
        std::unique_ptr<QProcess> version(run({u"--version"_s}));
        QCOMPARE(version->exitCode(), 0);
        QVERIFY(QString::fromUtf8(version->readAllStandardOutput()).contains(QStringLiteral(SIGNPOST_VERSION)));
    }

    void badOptionsFailClearly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("port") << QStringList{u"--port"_s, u"99999"_s} << u"--port"_s;
        QTest::newRow("listen") << QStringList{u"--listen"_s, u"not-an-ip"_s} << u"--listen"_s;
        QTest::newRow("contact rate") << QStringList{u"--contact-rate"_s, u"-1"_s} << u"--contact-rate"_s;
        QTest::newRow("unknown") << QStringList{u"--frobnicate"_s} << u"frobnicate"_s;
    }
    void badOptionsFailClearly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QTemporaryDir dir;
        std::unique_ptr<QProcess> process(run(QStringList{u"--data-dir"_s, dir.path()} + arguments));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QVERIFY(process->exitCode() != 0);
        QVERIFY(QString::fromUtf8(process->readAllStandardError()).contains(message));
    }

    void demoDataIsALivedInHelpdesk()
    {
        TestServer server;
        QVERIFY2(server.start({u"--demo"_s}), qPrintable(server.errorOutput()));
        QVERIFY(server.errorOutput().contains(u"lars@signpost.example"_s));
        ApiClient api(server.baseUrl());
        const QString lars = api.login(u"lars@signpost.example"_s, u"signpost-demo"_s);
        QVERIFY(!lars.isEmpty());
        const QJsonArray departments = api.get(u"/api/v1/departments"_s, lars).json().value(u"departments"_s).toArray();
        QCOMPARE(departments.size(), 2); // Support and Returns

        const QString admin = api.login(u"admin@signpost.example"_s, u"signpost-demo"_s);
        QSet<QString> statuses, eventKinds;
        int tickets = 0;
        QString cursor;
        for (bool more = true; more;) {
            const QJsonObject page = api.get(u"/api/v1/sync?cursor="_s + cursor, admin).json();
            for (const QJsonValue &t : page.value(u"tickets"_s).toArray()) {
                ++tickets;
                statuses.insert(t.toObject().value(u"status"_s).toString());
                for (const QJsonValue &e : t.toObject().value(u"events"_s).toArray())
                    eventKinds.insert(e.toObject().value(u"kind"_s).toString());
            }
            cursor = page.value(u"cursor"_s).toString();
            more = page.value(u"has_more"_s).toBool();
        }
        QVERIFY(tickets >= 24);
        QVERIFY(statuses.contains(u"new"_s) && statuses.contains(u"open"_s) && statuses.contains(u"pending"_s)
                && statuses.contains(u"solved"_s));
        for (const QString &kind : {u"routed"_s, u"transferred"_s, u"assigned"_s, u"status_changed"_s})
            QVERIFY2(eventKinds.contains(kind), qPrintable(kind));
        QCOMPARE(api.get(u"/api/v1/shops"_s, admin).json().value(u"shops"_s).toArray().size(), 2);
        QVERIFY(server.stop());
    }

    void sigtermKeepsCommittedDataAndNoChangeIsMissedAfterRestart()
    {
        TestServer server;
        QVERIFY(server.start());
        ApiClient api(server.baseUrl());
        QString error;
        TestWorld world = TestWorld::create(api, &error);
        QVERIFY2(world.shop > 0, qPrintable(error));
        const qint64 ticket = world.intake(api, world.support, u"Before the restart"_s);
        QVERIFY(ticket > 0);

        // A rejected command must not move the feed's head past what is stored.
        QCOMPARE(world.command(api, u"sam"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, 1}, {u"type"_s, u"transfer"_s},
                                               {u"department"_s, 999}})
                     .value(u"reason"_s).toString(), u"invalid"_s);
        QString cursor;
        for (bool more = true; more;) {
            const QJsonObject page = api.get(u"/api/v1/sync?cursor="_s + cursor, world.token(u"sam"_s)).json();
            cursor = page.value(u"cursor"_s).toString();
            more = page.value(u"has_more"_s).toBool();
        }

        QVERIFY(server.stop()); // SIGTERM: a clean exit
        QCOMPARE(server.exitCode(), 0);
        QVERIFY(server.start());
        ApiClient after(server.baseUrl());
        // Tokens and data survived.
        QCOMPARE(after.get(u"/api/v1/tickets/%1"_s.arg(ticket), world.token(u"sam"_s)).json()
                     .value(u"subject"_s).toString(), u"Before the restart"_s);
        const qint64 fresh = world.intake(after, world.support, u"After the restart"_s);
        const QJsonObject page = after.get(u"/api/v1/sync?cursor="_s + cursor, world.token(u"sam"_s)).json();
        QCOMPARE(page.value(u"reset"_s).toBool(), false);
        QCOMPARE(page.value(u"tickets"_s).toArray().size(), 1);
        QCOMPARE(page.value(u"tickets"_s).toArray().first().toObject().value(u"id"_s).toInteger(), fresh);
        QVERIFY(server.stop());
    }

    void aSecondServerOnTheSamePortFailsClearly()
    {
        TestServer first;
        QVERIFY(first.start());
        QTemporaryDir dir;
        std::unique_ptr<QProcess> second(run({u"--data-dir"_s, dir.path(), u"--port"_s,
                                              QString::number(first.baseUrl().port())}));
        QVERIFY(second->exitCode() != 0);
        QVERIFY(QString::fromUtf8(second->readAllStandardError()).contains(u"Cannot listen"_s));
        QVERIFY(first.stop());
    }

    // An operator's options in a file (/etc/signpost/signpost.conf), the
    // command line over them; check-config shows what the server would take.
    void aConfigFileGivesTheOptionsAndTheCommandLineWins()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"signpost.conf"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# Signpost\n"
                   "data-dir = " + dir.filePath(u"data"_s).toUtf8() + "\n"
                   "port = 0\n"
                   "login-rate = 12\n"
                   "contact-rate = 4\n"
                   "trusted-proxy = 127.0.0.1\n"
                   "trusted-proxy = ::1\n"
                   "public-url = \"https://help.example.com/\"\n"
                   "test-hooks = no\n"
                   "sla-check-interval = 45   # seconds\n");
        file.close();
        std::unique_ptr<QProcess> check(run({u"check-config"_s, u"--config"_s, path, u"--login-rate"_s, u"7"_s}));
        QCOMPARE(check->exitCode(), 0);
        const QString shown = QString::fromUtf8(check->readAllStandardOutput());
        for (const QString &line : {u"login-rate = 7"_s, u"contact-rate = 4"_s, u"port = 0"_s,
                                    u"trusted-proxy = 127.0.0.1, ::1"_s, u"public-url = https://help.example.com"_s,
                                    u"test-hooks = false"_s, u"sla-check-interval = 45"_s})
            QVERIFY2(shown.contains(line + u'\n'), qPrintable(line + u" in "_s + shown));
        QVERIFY2(!QFileInfo::exists(dir.filePath(u"data"_s)), "check-config makes nothing");

        // The server itself takes the file: it listens on the port it names.
        QProcess server;
        server.start(QStringLiteral(SIGNPOST_SERVER_BINARY), {u"--config"_s, path});
        server.setReadChannel(QProcess::StandardOutput);
        QVERIFY(QTest::qWaitFor([&server]() { return server.canReadLine() || server.state() == QProcess::NotRunning; },
                                30'000));
        const QUrl base(QString::fromUtf8(server.readLine()).trimmed());
        QVERIFY2(base.port() > 0, qPrintable(base.toString()));
        QVERIFY(QFileInfo::exists(dir.filePath(u"data/signpost.sqlite3"_s)));
        ApiClient api(base);
        QCOMPARE(api.get(u"/healthz"_s).status, 200);
        server.terminate();
        QVERIFY(server.waitForFinished(30'000));
    }

    // Prometheus scrapes /metrics: the requests by route and status with
    // their latency, tickets by department and status, push sockets, the
    // mail outbox. Served to this machine; from elsewhere to an admin only.
    void metricsTellWhatTheServerDoes()
    {
        TestServer server;
        QVERIFY(server.start({u"--trusted-proxy"_s, u"127.0.0.1"_s}));
        ApiClient api(server.baseUrl());
        QString error;
        const TestWorld world = TestWorld::create(api, &error);
        QVERIFY2(world.shop > 0, qPrintable(error));
        const QString admin = world.token(u"admin"_s);
        QVERIFY(!admin.isEmpty() && !world.token(u"sam"_s).isEmpty());
        QVERIFY(world.intake(api, world.support, u"Wrong size"_s) > 0);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(api.get(u"/api/v1/tickets/%1"_s.arg(900'000 + i), admin).status, 404);
        QCOMPARE(api.get(u"/no/such/thing"_s).status, 404);

        const Response scraped = api.get(u"/metrics"_s);
        QCOMPARE(scraped.status, 200);
        QVERIFY(scraped.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        const QString text = QString::fromUtf8(scraped.body);
        for (const QString &line :
             {u"signpost_http_requests_total{route=\"/api/v1/tickets/{id}\",method=\"GET\",status=\"404\"} 3"_s,
              u"signpost_http_requests_total{route=\"/api/v1/public/intake\",method=\"POST\",status=\"201\"} 1"_s,
              u"signpost_http_requests_total{route=\"(none)\",method=\"GET\",status=\"404\"} 1"_s,
              u"signpost_http_request_duration_seconds_count{route=\"/api/v1/tickets/{id}\",method=\"GET\"} 3"_s,
              u"signpost_http_request_duration_seconds_bucket{route=\"/api/v1/tickets/{id}\",method=\"GET\",le=\"+Inf\"} 3"_s,
              u"signpost_tickets{department_id=\"%1\",department=\"Support\",status=\"new\"} 1"_s.arg(world.support),
              u"signpost_push_connections 0"_s, u"signpost_mail_outbox{state=\"queued\"}"_s})
            QVERIFY2(text.contains(line), qPrintable(line + u" not in\n"_s + text));
        QVERIFY2(!text.contains(u"900000"_s), "paths never become series");

        // Through the proxy from elsewhere: an admin's token, or nothing.
        const QList<QPair<QByteArray, QByteArray>> outside{{"X-Forwarded-For", "203.0.113.5"}};
        QCOMPARE(api.send("GET", u"/metrics"_s, {}, {}, {}, outside).status, 403);
        QCOMPARE(api.send("GET", u"/metrics"_s, {}, {}, world.token(u"sam"_s), outside).status, 403);
        QCOMPARE(api.send("GET", u"/metrics"_s, {}, {}, admin, outside).status, 200);
        // Whatever address a proxy passes on.
        QCOMPARE(api.send("GET", u"/metrics"_s, {}, {}, {}, {{"X-Forwarded-For", "127.0.0.1"}}).status, 403);
        QCOMPARE(api.send("GET", u"/metrics"_s, {}, {}, {}, {{"Forwarded", "for=127.0.0.1"}}).status, 403);
        QVERIFY(server.stop());
    }

    void aBadConfigFileFailsClearly_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QByteArray("port = 0\nfrobnicate = 1\n") << u"line 2: there is no option \"frobnicate\""_s;
        QTest::newRow("no value") << QByteArray("port\n") << u"line 1: expected \"name = value\""_s;
        QTest::newRow("flag") << QByteArray("demo = sometimes\n") << u"line 1: demo takes true or false"_s;
        QTest::newRow("bad value") << QByteArray("port = 99999\n") << u"--port needs a number"_s;
    }
    void aBadConfigFileFailsClearly()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"signpost.conf"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        for (const QStringList &arguments : {QStringList{u"check-config"_s, u"--config"_s, path},
                                             QStringList{u"--config"_s, path, u"--data-dir"_s, dir.path()}}) {
            std::unique_ptr<QProcess> process(run(arguments));
            QCOMPARE(process->exitStatus(), QProcess::NormalExit);
            QVERIFY(process->exitCode() != 0);
            const QString error = QString::fromUtf8(process->readAllStandardError());
            QVERIFY2(error.contains(message), qPrintable(error));
        }
        // A mistyped command starts no server.
        std::unique_ptr<QProcess> typo(run({u"check-confg"_s, u"--data-dir"_s, dir.path()}));
        QVERIFY(typo->exitCode() != 0);
        QVERIFY(QString::fromUtf8(typo->readAllStandardError()).contains(u"check-confg"_s));
        std::unique_ptr<QProcess> missing(run({u"check-config"_s, u"--config"_s, dir.filePath(u"none.conf"_s)}));
        QVERIFY(missing->exitCode() != 0);
        QVERIFY(QString::fromUtf8(missing->readAllStandardError()).contains(u"Cannot read the config file"_s));
    }

    // An embedded store moves to PostgreSQL with nothing lost: the same
    // tickets, sessions and desks' cursors, on a server started on the copy.
    void anEmbeddedStoreMovesToPostgres()
    {
        if (TestServer::onPostgres())
            QSKIP("Moves an embedded store: runs with the embedded store's tests.");
        TestServer embedded;
        QVERIFY(embedded.start());
        ApiClient api(embedded.baseUrl());
        QString error;
        const TestWorld world = TestWorld::create(api, &error);
        QVERIFY2(world.shop > 0, qPrintable(error));
        const qint64 ticket = world.intake(api, world.support, u"Parcel lost in transit"_s);
        QCOMPARE(world.command(api, u"sam"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, 1}, {u"type"_s, u"note"_s},
                                               {u"body"_s, u"Asked the carrier"_s}})[u"outcome"_s].toString(),
                 u"applied"_s);
        const QString sam = world.token(u"sam"_s);
        // The search index has the note's words before the store moves.
        const auto searched = [&sam](ApiClient &on, const QString &typed) {
            QList<qint64> found;
            for (const QJsonValue &t : on.get(u"/api/v1/search?q="_s + typed, sam).json()[u"tickets"_s].toArray())
                found.append(t[u"id"_s].toInteger());
            return found;
        };
        QTRY_COMPARE_WITH_TIMEOUT(searched(api, u"carri"_s), QList<qint64>{ticket}, 10'000);
        const Response pulled = api.get(u"/api/v1/sync?limit=200"_s, sam);
        QCOMPARE(pulled.status, 200);
        const QString cursor = pulled.json().value(u"cursor"_s).toString();
        QVERIFY(embedded.stop());

        Signpost::PostgresCluster *cluster = Signpost::PostgresCluster::shared();
        QVERIFY(cluster);
        const QString url = cluster->createDatabase(u"moved"_s);
        QVERIFY(!url.isEmpty());
        std::unique_ptr<QProcess> moved(run({u"migrate"_s, u"--from"_s, embedded.dataDir(), u"--to"_s, url}));
        const QString report = QString::fromUtf8(moved->readAllStandardOutput());
        QVERIFY2(moved->exitCode() == 0, qPrintable(report + QString::fromUtf8(moved->readAllStandardError())));
        // A line per table with its rows and checksum, none differing.
        QVERIFY2(QRegularExpression(u"\\btickets +1 +[0-9a-f]{16}\\n"_s).match(report).hasMatch(), qPrintable(report));
        QVERIFY2(QRegularExpression(u"\\bmessages +2 +[0-9a-f]{16}\\n"_s).match(report).hasMatch(), qPrintable(report));
        QVERIFY(!report.contains(u"DIFFERS"_s));
        // Never into a database that holds a helpdesk already.
        std::unique_ptr<QProcess> again(run({u"migrate"_s, u"--from"_s, embedded.dataDir(), u"--to"_s, url}));
        QVERIFY(again->exitCode() != 0);
        QVERIFY(QString::fromUtf8(again->readAllStandardError()).contains(u"not empty"_s));

        TestServer onPostgres;
        QVERIFY2(onPostgres.startOn(url, embedded.dataDir()), qPrintable(onPostgres.errorOutput()));
        ApiClient moved2(onPostgres.baseUrl());
        // The session still holds, the ticket has its thread, the desk's
        // cursor carries on without starting over, and numbers go on.
        const Response view = moved2.get(u"/api/v1/tickets/%1"_s.arg(ticket), sam);
        QCOMPARE(view.status, 200);
        QCOMPARE(view.json().value(u"messages"_s).toArray().size(), 2);
        const Response next = moved2.get(u"/api/v1/sync?cursor=%1"_s.arg(cursor), sam);
        QCOMPARE(next.status, 200);
        QCOMPARE(next.json().value(u"reset"_s).toBool(), false);
        QCOMPARE(next.json().value(u"tickets"_s).toArray().size(), 0);
        // The words came along, cut as the server cuts them: found at once.
        QCOMPARE(searched(moved2, u"carri"_s), QList<qint64>{ticket});
        QCOMPARE(searched(moved2, u"TRANSIT"_s), QList<qint64>{ticket});
        QCOMPARE(world.intake(moved2, world.support, u"After the move"_s), ticket + 1);
        QVERIFY(onPostgres.stop());
    }
};

QTEST_GUILESS_MAIN(TestServerLifecycle)
#include "tst_server_lifecycle.moc"
