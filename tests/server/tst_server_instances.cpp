// Several signpost-server instances on one PostgreSQL database: intake,
// commands and pulls spread over them, one instance killed with SIGKILL
// mid-load. Every acknowledged item exists exactly once, a follower paging
// through either instance ends with what a fresh full pull gives, and the
// store's duties (here: the search index) pass to a surviving instance.
// Push reaches an agent whichever instance their socket is on, and a rule
// made through one instance routes on every other. An instance frozen while
// it holds the duties gives them up to another.
#include "tests/support/feedmirror.h"
#include "tests/support/pushlistener.h"
#include "tests/support/worldtest.h"

#include "devsupport/postgrescluster.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

class TestServerInstances : public WorldTest
{
    Q_OBJECT

    static void pullToTheEnd(ApiClient &api, const QString &token, FeedMirror &mirror, int limit)
    {
        for (int pages = 0; pages < 2000; ++pages) {
            const Response response = api.get(u"/api/v1/sync?limit=%1&cursor=%2"_s.arg(limit).arg(mirror.cursor), token);
            QCOMPARE(response.status, 200);
            const QJsonObject json = response.json();
            mirror.apply(json);
            if (QTest::currentTestFailed() || !json.value(u"has_more"_s).toBool())
                return;
        }
        QFAIL("the feed never ended");
    }
    static QList<qint64> found(ApiClient &api, const QString &token, const QString &word)
    {
        QList<qint64> ids;
        for (const QJsonValue &t : api.get(u"/api/v1/search?q="_s + word, token).json().value(u"tickets"_s).toArray())
            ids.append(t[u"id"_s].toInteger());
        return ids;
    }

    // PATCHes `first` through one instance and `second` through another
    // while the writers' turn is taken (here by the test), so that both
    // wait for it at the same time; true when both were applied.
    bool bothAtOnce(const TestServer &one, const QString &firstPath, const QJsonObject &first,
                    const TestServer &other, const QString &secondPath, const QJsonObject &second)
    {
        QNetworkAccessManager network;
        const auto patch = [&](const TestServer &server, const QString &path, const QJsonObject &change) {
            QNetworkRequest request(server.baseUrl().resolved(QUrl(path)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            request.setRawHeader("Authorization", "Bearer " + m_world.token(u"admin"_s).toUtf8());
            return std::unique_ptr<QNetworkReply>(
                network.sendCustomRequest(request, "PATCH", QJsonDocument(change).toJson()));
        };
        std::unique_ptr<QNetworkReply> firstReply;
        std::unique_ptr<QNetworkReply> secondReply;
        const bool bothWaited = one.withStore([&](QSqlDatabase &db) {
            // The only writes besides the two: the search index catching up
            // (a duty). Once it has, the two waiting for the lock are the two.
            QSqlQuery indexed(db);
            if (!QTest::qWaitFor([&]() {
                    return indexed.exec(u"SELECT (SELECT COALESCE(MAX(seq), 0) FROM tickets)"
                                        " <= (SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'words_seq')"_s)
                        && indexed.next() && indexed.value(0).toBool();
                }, 15'000)) {
                qWarning("The search index did not catch up.");
                return false;
            }
            QSqlQuery lock(db);
            if (!db.transaction() || !lock.exec(u"SELECT pg_advisory_xact_lock(7401)"_s)) {
                qWarning() << lock.lastError().text();
                return false;
            }
            firstReply = patch(one, firstPath, first);
            secondReply = patch(other, secondPath, second);
            QSqlQuery waiting(db);
            const bool both = QTest::qWaitFor([&]() {
                return waiting.exec(u"SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 7401"
                                    " AND NOT granted"_s)
                    && waiting.next() && waiting.value(0).toInt() == 2;
            }, 15'000);
            db.commit();
            return both;
        });
        if (!bothWaited) {
            qWarning("The two changes did not both wait for the writers' turn.");
            return false;
        }
        if (!QTest::qWaitFor([&]() { return firstReply->isFinished() && secondReply->isFinished(); }, 15'000))
            return false;
        for (QNetworkReply *reply : {firstReply.get(), secondReply.get()}) {
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
                qWarning() << reply->url() << reply->readAll();
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestServer::onPostgres())
            QSKIP("Several instances need a PostgreSQL store (SIGNPOST_TEST_DATABASE=postgresql).");
    }
    void cleanup()
    {
        if (m_server)
            m_server->resume(); // a test that failed while it was frozen
        QVERIFY(stopWorld());
    }

    void twoInstancesServeOneStore()
    {
        QVERIFY2(startWorld(), qPrintable(m_error));
        TestServer second;
        QVERIFY2(second.startBeside(*m_server), qPrintable(second.errorOutput()));
        ApiClient first(m_server->baseUrl());
        ApiClient other(second.baseUrl());
        ApiClient *instances[] = {&first, &other};

        // A session made through one instance works on the other.
        const QString sam = m_world.token(u"sam"_s);
        QCOMPARE(other.get(u"/api/v1/me"_s, sam).status, 200);
        // The other instance routes by a rule made through the first one
        // (after it had routed by the rules before it).
        const QString admin = m_world.token(u"admin"_s);
        const qint64 before = m_world.intake(other, 0, u"I want a refund"_s);
        QCOMPARE(first.post(u"/api/v1/routing-rules"_s,
                            {{u"name"_s, u"Refunds"_s}, {u"department"_s, m_world.returns}, {u"pattern"_s, u"refund"_s}},
                            admin).status,
                 201);
        const qint64 after = m_world.intake(other, 0, u"I want a refund"_s);
        const auto departmentOf = [&](qint64 ticket) {
            return other.get(u"/api/v1/tickets/%1"_s.arg(ticket), admin).json().value(u"department"_s).toInteger();
        };
        QVERIFY(departmentOf(before) != m_world.returns);
        QCOMPARE(departmentOf(after), m_world.returns);

        // Push: Sam's socket is on the other instance; a ticket through the
        // first one still reaches him, and so does Sue's account being
        // disabled there (her socket on the other instance is closed).
        Listener samsDesk(second.baseUrl(), sam);
        Listener suesDesk(second.baseUrl(), m_world.token(u"sue"_s));
        QTRY_VERIFY(samsDesk.hello() && suesDesk.hello());
        const qint64 announced = m_world.intake(first, m_world.support, u"Parcel arrived broken"_s);
        QTRY_COMPARE_WITH_TIMEOUT(samsDesk.notifications(u"new_ticket"_s).size(), 1, 10'000);
        QCOMPARE(samsDesk.notifications(u"new_ticket"_s).constFirst().value(u"ticket"_s).toInteger(), announced);
        QCOMPARE(first.patch(u"/api/v1/agents/%1"_s.arg(m_world.agent(u"sue"_s)), {{u"disabled"_s, true}},
                             m_world.token(u"admin"_s)).status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(suesDesk.closeCode != -1, 10'000);
        QCOMPARE(samsDesk.closeCode, -1);

        // Tickets and notes through both, while Sam's desk pages the feed
        // through the other one, a few entries at a time.
        FeedMirror follower;
        QList<qint64> tickets{announced};
        for (int i = 0; i < 24; ++i) {
            ApiClient &api = *instances[i % 2];
            const qint64 ticket = m_world.intake(api, m_world.support, u"Order %1 never came"_s.arg(i));
            QVERIFY(ticket > 0);
            tickets.append(ticket);
            const QJsonObject noted = m_world.command(
                *instances[(i + 1) % 2], u"sam"_s,
                {{u"ticket"_s, tickets.at(i / 2 + 1)}, {u"base_version"_s, 1}, {u"type"_s, u"note"_s},
                 {u"body"_s, u"Checked with the carrier (%1)"_s.arg(i)}});
            QVERIFY2(noted[u"outcome"_s].toString() == u"applied", qPrintable(noted[u"outcome"_s].toString()));
            if (i % 3 == 0) {
                const Response page = other.get(u"/api/v1/sync?limit=2&cursor=%1"_s.arg(follower.cursor), sam);
                QCOMPARE(page.status, 200);
                follower.apply(page.json());
            }
        }

        // The first instance dies mid-load; the work goes on through the other.
        m_server->kill();
        for (int i = 0; i < 6; ++i) {
            const qint64 ticket = m_world.intake(other, m_world.support, u"Afterwards %1 zebracrossing"_s.arg(i));
            QVERIFY(ticket > 0);
            tickets.append(ticket);
        }

        // Every ticket once, with its number; the numbers never repeat.
        QCOMPARE(QSet<qint64>(tickets.cbegin(), tickets.cend()).size(), tickets.size());
        for (qint64 ticket : std::as_const(tickets))
            QCOMPARE(other.get(u"/api/v1/tickets/%1"_s.arg(ticket), sam).status, 200);
        // The follower ends where a fresh full pull does.
        pullToTheEnd(other, sam, follower, 2);
        FeedMirror fresh;
        pullToTheEnd(other, sam, fresh, 200);
        QCOMPARE(follower.held(), fresh.held());
        for (qint64 ticket : std::as_const(tickets))
            QVERIFY(fresh.tickets.contains(ticket));

        // The search index is one of the duties the first instance held: the
        // survivor takes them over, and what came after is found.
        QTRY_COMPARE_WITH_TIMEOUT(found(other, sam, u"zebracrossing"_s).size(), 6, 15'000);
        // And push goes on for the agents on the survivor.
        const qint64 later = m_world.intake(other, m_world.support, u"One more"_s);
        QTRY_COMPARE_WITH_TIMEOUT(samsDesk.notifications(u"new_ticket"_s).constLast().value(u"ticket"_s).toInteger(),
                                  later, 10'000);
        QVERIFY(second.stop());
    }

    // Two changes to one agent, department, canned reply, shop or routing
    // rule at the same moment through two instances, each to a different
    // field: both stay. (Each
    // instance used to read the row before its turn to write, and wrote
    // every field back: the second to write undid the first's change.)
    void twoChangesToOneThingAtOnce()
    {
        QVERIFY2(startWorld(), qPrintable(m_error));
        TestServer second;
        QVERIFY2(second.startBeside(*m_server), qPrintable(second.errorOutput()));
        const QString admin = m_world.token(u"admin"_s);
        const QString agent = u"/api/v1/agents/%1"_s.arg(m_world.agent(u"sam"_s));
        const QString department = u"/api/v1/departments/%1"_s.arg(m_world.returns);

        QVERIFY(bothAtOnce(*m_server, agent, {{u"name"_s, u"Sam Rivers"_s}}, second, agent, {{u"is_admin"_s, true}}));
        QVERIFY(bothAtOnce(*m_server, department, {{u"signature"_s, u"The Returns desk"_s}}, second, department,
                           {{u"sender_name"_s, u"Acme Returns"_s}}));
        const Response made = m_api->post(u"/api/v1/departments/%1/canned-replies"_s.arg(m_world.returns),
                                          {{u"title"_s, u"Label"_s}, {u"body"_s, u"Here is your label."_s}}, admin);
        QCOMPARE(made.status, 201);
        const QString canned = u"/api/v1/canned-replies/%1"_s.arg(made.json().value(u"id"_s).toInteger());
        QVERIFY(bothAtOnce(*m_server, canned, {{u"title"_s, u"Return label"_s}}, second, canned,
                           {{u"body"_s, u"Your return label is attached."_s}}));
        const QString shop = u"/api/v1/shops/%1"_s.arg(m_world.shop);
        QVERIFY(bothAtOnce(*m_server, shop, {{u"name"_s, u"Acme Outdoor"_s}}, second, shop,
                           {{u"allowed_origins"_s, QJsonArray{u"https://acme.example"_s}}}));
        const Response rule = m_api->post(u"/api/v1/routing-rules"_s,
                                          {{u"name"_s, u"Refunds"_s}, {u"department"_s, m_world.returns},
                                           {u"pattern"_s, u"refund"_s}}, admin);
        QCOMPARE(rule.status, 201);
        const QString ruleAt = u"/api/v1/routing-rules/%1"_s.arg(rule.json().value(u"id"_s).toInteger());
        QVERIFY(bothAtOnce(*m_server, ruleAt, {{u"name"_s, u"Refunds and returns"_s}}, second, ruleAt,
                           {{u"pattern"_s, u"refund|return"_s}, {u"is_regex"_s, true}}));

        ApiClient api(second.baseUrl());
        const QJsonObject sam = api.get(agent, admin).json();
        QCOMPARE(sam.value(u"name"_s).toString(), u"Sam Rivers"_s);
        QCOMPARE(sam.value(u"is_admin"_s).toBool(), true);
        const QJsonObject returns = api.get(department, admin).json();
        QCOMPARE(returns.value(u"signature"_s).toString(), u"The Returns desk"_s);
        QCOMPARE(returns.value(u"sender_name"_s).toString(), u"Acme Returns"_s);
        const QJsonArray replies =
            api.get(u"/api/v1/departments/%1/canned-replies"_s.arg(m_world.returns), admin).json().value(u"canned_replies"_s).toArray();
        QCOMPARE(replies.size(), 1);
        QCOMPARE(replies.first()[u"title"_s].toString(), u"Return label"_s);
        QCOMPARE(replies.first()[u"body"_s].toString(), u"Your return label is attached."_s);
        const QJsonArray shops = api.get(u"/api/v1/shops"_s, admin).json().value(u"shops"_s).toArray();
        const auto acme = std::find_if(shops.begin(), shops.end(),
                                       [&](const QJsonValue &s) { return s[u"id"_s].toInteger() == m_world.shop; });
        QVERIFY(acme != shops.end());
        QCOMPARE((*acme)[u"name"_s].toString(), u"Acme Outdoor"_s);
        QCOMPARE((*acme)[u"allowed_origins"_s].toArray(), QJsonArray{u"https://acme.example"_s});
        const QJsonArray rules = api.get(u"/api/v1/routing-rules"_s, admin).json().value(u"rules"_s).toArray();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules.first()[u"name"_s].toString(), u"Refunds and returns"_s);
        QCOMPARE(rules.first()[u"pattern"_s].toString(), u"refund|return"_s);
        QVERIFY(second.stop());
    }

    // The database restarts (an operator's upgrade, a failover) under two
    // running instances. While it is away every request is answered at
    // once, with 503 "unavailable" (try again) rather than a hang or a
    // plain 500; once it is back each instance finds it by itself:
    // requests, sync pages on the reader threads, the store's duties, and
    // push between the instances.
    void theDatabaseRestarts()
    {
        QVERIFY2(startWorld(), qPrintable(m_error));
        TestServer second;
        QVERIFY2(second.startBeside(*m_server), qPrintable(second.errorOutput()));
        ApiClient first(m_server->baseUrl());
        ApiClient other(second.baseUrl());
        const QString sam = m_world.token(u"sam"_s);
        Listener samsDesk(second.baseUrl(), sam);
        QTRY_VERIFY(samsDesk.hello());
        QCOMPARE(other.get(u"/api/v1/sync?limit=5"_s, sam).status, 200);
        QCOMPARE(other.get(u"/healthz"_s).json().value(u"instances"_s).toString(), u"listening"_s);

        Signpost::PostgresCluster *cluster = Signpost::PostgresCluster::shared();
        QVERIFY(cluster);
        cluster->halt();
        // The first request after the loss finds it; it and every one after
        // are told to try again.
        for (ApiClient *api : {&first, &first, &other}) {
            const Response refused = api->get(u"/api/v1/me"_s, sam);
            QVERIFY2(refused.status == 503, refused.body.constData());
            QCOMPARE(refused.json()[u"error"_s][u"code"_s].toString(), u"unavailable"_s);
        }
        QCOMPARE(other.get(u"/api/v1/sync?limit=5"_s, sam).status, 503);
        QCOMPARE(first.get(u"/healthz"_s).status, 503);
        QVERIFY2(cluster->resume(), qPrintable(cluster->error()));

        // Back, without either instance restarting.
        QTRY_COMPARE_WITH_TIMEOUT(first.get(u"/healthz"_s).status, 200, 15'000);
        QCOMPARE(first.get(u"/api/v1/me"_s, sam).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(other.get(u"/api/v1/sync?limit=5"_s, sam).status, 200, 15'000);
        // The other instance listens again: a ticket through the first one
        // reaches Sam's desk on it, and its words are indexed (a duty).
        QTRY_COMPARE_WITH_TIMEOUT(other.get(u"/healthz"_s).json().value(u"instances"_s).toString(), u"listening"_s,
                                  30'000);
        const qint64 ticket = m_world.intake(first, m_world.support, u"Restarted zebrafinch"_s);
        QVERIFY(ticket > 0);
        QTRY_COMPARE_WITH_TIMEOUT(samsDesk.notifications(u"new_ticket"_s).size(), 1, 10'000);
        QCOMPARE(samsDesk.notifications(u"new_ticket"_s).constFirst().value(u"ticket"_s).toInteger(), ticket);
        QCOMPARE(samsDesk.closeCode, -1);
        QTRY_COMPARE_WITH_TIMEOUT(found(other, sam, u"zebrafinch"_s), QList<qint64>{ticket}, 15'000);
        QVERIFY(second.stop());
    }

    // The instance doing the store's duties freezes (SIGSTOP: a hung
    // process, a paused machine) without its connection to the database
    // ending, so its lock would be held for good. The other instance finds
    // it silent past the duties timeout and takes the duties over; woken,
    // the frozen one finds its session ended and serves requests again,
    // and takes the duties back when the other freezes in its turn.
    void aFrozenInstanceGivesUpItsDuties()
    {
        const QStringList quickly{u"--duties-timeout"_s, u"3"_s};
        QVERIFY2(startWorld(quickly), qPrintable(m_error));
        ApiClient first(m_server->baseUrl());
        const QString sam = m_world.token(u"sam"_s);
        // The first instance holds the duties: it indexes its tickets.
        const qint64 before = m_world.intake(first, m_world.support, u"Before the frost zebrafish"_s);
        QTRY_COMPARE_WITH_TIMEOUT(found(first, sam, u"zebrafish"_s), QList<qint64>{before}, 15'000);
        TestServer second;
        QVERIFY2(second.startBeside(*m_server, quickly), qPrintable(second.errorOutput()));
        ApiClient other(second.baseUrl());

        m_server->suspend();
        const qint64 during = m_world.intake(other, m_world.support, u"During the frost zebrafish"_s);
        QVERIFY(during > 0);
        QTRY_COMPARE_WITH_TIMEOUT(found(other, sam, u"zebrafish"_s).size(), 2, 20'000);
        QVERIFY(found(other, sam, u"zebrafish"_s).contains(during));

        // Woken, the first instance serves again; a ticket through it is
        // indexed (by whichever instance holds the duties now).
        m_server->resume();
        QTRY_COMPARE_WITH_TIMEOUT(first.get(u"/api/v1/me"_s, sam).status, 200, 10'000);
        const qint64 after = m_world.intake(first, m_world.support, u"After the frost zebrafish"_s);
        QVERIFY(after > 0);
        QTRY_COMPARE_WITH_TIMEOUT(found(other, sam, u"zebrafish"_s).size(), 3, 15'000);
        second.suspend();
        const qint64 last = m_world.intake(first, m_world.support, u"The other freezes zebrafish"_s);
        QVERIFY(last > 0);
        // And back again when the other one freezes in its turn.
        QTRY_COMPARE_WITH_TIMEOUT(found(first, sam, u"zebrafish"_s).size(), 4, 20'000);
        second.resume();
        QVERIFY(second.stop());
    }
};

QTEST_GUILESS_MAIN(TestServerInstances)
#include "tst_server_instances.moc"
