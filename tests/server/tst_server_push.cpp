// The push channel: authenticated WebSockets, pokes and notifications that
// reach the agents of the departments concerned and nobody else.
#include "core/timestamps.h"
#include "tests/support/apiclient.h"
#include "tests/support/testserver.h"
#include "tests/support/testworld.h"
#include "tests/support/pushlistener.h"
#include "tests/support/worldtest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTcpSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;


class TestServerPush : public WorldTest
{
    Q_OBJECT

    std::shared_ptr<Listener> listen(const QString &agent)
    {
        return std::make_shared<Listener>(m_server->baseUrl(), m_world.token(agent));
    }
    qint64 headSeq() { return m_api->get(u"/api/v1/me"_s, m_world.token(u"admin"_s)).json().value(u"change_seq"_s).toInteger(); }

private Q_SLOTS:
    void init()
    {
        QVERIFY2(startWorld({u"--test-hooks"_s}), qPrintable(m_error));
        m_listeners.clear();
        for (const QString &agent : {u"sam"_s, u"sue"_s, u"rob"_s, u"two"_s, u"sal"_s})
            m_listeners.insert(agent, listen(agent));
        for (auto &listener : m_listeners)
            QTRY_VERIFY_WITH_TIMEOUT(listener->hello(), 10'000);
    }
    void cleanup()
    {
        m_listeners.clear();
        QVERIFY(stopWorld());
    }

    void newTicketReachesItsDepartmentOnly()
    {
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Where is my parcel"_s);
        QVERIFY(ticket > 0);
        const qint64 seq = headSeq();
        for (const QString &agent : {u"sam"_s, u"sue"_s, u"two"_s}) {
            Listener &l = *m_listeners.value(agent);
            QTRY_COMPARE_WITH_TIMEOUT(l.notifications(u"new_ticket"_s).size(), 1, 10'000);
            const QJsonObject n = l.notifications().first();
            QCOMPARE(n.value(u"ticket"_s).toInteger(), ticket);
            QCOMPARE(n.value(u"department"_s).toInteger(), m_world.support);
            QCOMPARE(n.value(u"subject"_s).toString(), u"Where is my parcel"_s);
            QTRY_COMPARE_WITH_TIMEOUT(l.pokedUpTo(), seq, 10'000);
        }
        // A ticket for Sales afterwards: once Sal has that notification, Rob and
        // Sal have provably not been told about the Support ticket.
        const qint64 sentinel = m_world.intake(*m_api, m_world.sales, u"Sentinel"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sal"_s)->notifications().size(), 1, 10'000);
        QCOMPARE(m_listeners.value(u"sal"_s)->notifications().first().value(u"ticket"_s).toInteger(), sentinel);
        QVERIFY(m_listeners.value(u"rob"_s)->notifications().isEmpty());
        QCOMPARE(m_listeners.value(u"rob"_s)->pokedUpTo(), 0);
        QCOMPARE(m_listeners.value(u"sam"_s)->notifications().size(), 1);
    }

    // Every desk lists every department (transfer targets): making,
    // changing or deleting one pokes every desk, in any department, to
    // read the directory again.
    void departmentChangesPokeEveryDesk()
    {
        const QString admin = m_world.token(u"admin"_s);
        const auto pokes = [this]() {
            QHash<QString, int> counted;
            for (auto it = m_listeners.cbegin(); it != m_listeners.cend(); ++it) {
                for (const QJsonObject &message : it.value()->messages)
                    counted[it.key()] += message.value(u"type"_s).toString() == u"poke" ? 1 : 0;
            }
            return counted;
        };
        const auto everyonePokedSince = [&](const QHash<QString, int> &before) {
            const QHash<QString, int> now = pokes();
            for (auto it = m_listeners.cbegin(); it != m_listeners.cend(); ++it) {
                if (now.value(it.key()) <= before.value(it.key()))
                    return false;
            }
            return true;
        };
        QHash<QString, int> before = pokes();
        const Response created = m_api->post(u"/api/v1/departments"_s, {{u"name"_s, u"Wholesale"_s}}, admin);
        QCOMPARE(created.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(everyonePokedSince(before), 10'000);
        before = pokes();
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.sales), {{u"signature"_s, u"Sales desk"_s}}, admin)
                     .status,
                 200);
        QTRY_VERIFY_WITH_TIMEOUT(everyonePokedSince(before), 10'000);
        before = pokes();
        QCOMPARE(m_api->del(u"/api/v1/departments/%1"_s.arg(created.json()[u"id"_s].toInteger()), admin).status, 204);
        QTRY_VERIFY_WITH_TIMEOUT(everyonePokedSince(before), 10'000);
    }

    // Who is on a ticket (viewing, writing) is told to the others on the
    // same ticket, live, and only to agents who may see it.
    void presenceReachesThoseOnTheSameTicketOnly()
    {
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Wrong size"_s);
        const qint64 other = m_world.intake(*m_api, m_world.support, u"Other"_s);
        for (const QString &agent : {u"sam"_s, u"sue"_s, u"rob"_s, u"two"_s})
            QTRY_VERIFY_WITH_TIMEOUT(m_listeners.value(agent)->hello(), 10'000);
        auto say = [this](const QString &agent, qint64 ticketId, const QString &state) {
            m_listeners.value(agent)->socket.sendTextMessage(QString::fromUtf8(
                QJsonDocument(QJsonObject{{u"type"_s, u"presence"_s}, {u"ticket"_s, ticketId}, {u"state"_s, state}})
                    .toJson(QJsonDocument::Compact)));
        };
        // The last list of who is on `ticketId`, as "name:state" sorted.
        auto seen = [this](const QString &agent, qint64 ticketId) {
            QStringList who{u"(none)"_s};
            for (const QJsonObject &m : m_listeners.value(agent)->messages) {
                if (m.value(u"type"_s).toString() != u"presence" || m.value(u"ticket"_s).toInteger() != ticketId)
                    continue;
                who.clear();
                for (const QJsonValue &a : m.value(u"agents"_s).toArray())
                    who.append(a[u"name"_s].toString() + u':' + a[u"state"_s].toString());
                who.sort();
            }
            return who.join(u',');
        };
        auto errors = [this](const QString &agent) {
            QStringList found;
            for (const QJsonObject &m : m_listeners.value(agent)->messages) {
                if (m.value(u"type"_s).toString() == u"error")
                    found.append(m.value(u"message"_s).toString());
            }
            return found;
        };

        say(u"sam"_s, ticket, u"viewing"_s);
        QTRY_COMPARE_WITH_TIMEOUT(seen(u"sam"_s, ticket), u"sam:viewing"_s, 10'000);
        say(u"sue"_s, ticket, u"writing"_s);
        QTRY_COMPARE_WITH_TIMEOUT(seen(u"sam"_s, ticket), u"sam:viewing,sue:writing"_s, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(seen(u"sue"_s, ticket), u"sam:viewing,sue:writing"_s, 10'000);
        // Rob (Returns) can't see the ticket: refused, and nobody hears of him.
        say(u"rob"_s, ticket, u"viewing"_s);
        QTRY_COMPARE_WITH_TIMEOUT(errors(u"rob"_s), QStringList{u"No such ticket: %1."_s.arg(ticket)}, 10'000);
        // Two is on another ticket: hears nothing of this one.
        say(u"two"_s, other, u"viewing"_s);
        QTRY_COMPARE_WITH_TIMEOUT(seen(u"two"_s, other), u"two:viewing"_s, 10'000);
        say(u"sue"_s, ticket, u"viewing"_s);
        QTRY_COMPARE_WITH_TIMEOUT(seen(u"sam"_s, ticket), u"sam:viewing,sue:viewing"_s, 10'000);
        QCOMPARE(seen(u"two"_s, ticket), u"(none)"_s);
        QCOMPARE(seen(u"rob"_s, ticket), u"(none)"_s);

        // Sue moves on to the other ticket, then her desk goes away.
        say(u"sue"_s, other, u"writing"_s);
        QTRY_COMPARE_WITH_TIMEOUT(seen(u"sam"_s, ticket), u"sam:viewing"_s, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(seen(u"two"_s, other), u"sue:writing,two:viewing"_s, 10'000);
        m_listeners.remove(u"sue"_s);
        QTRY_COMPARE_WITH_TIMEOUT(seen(u"two"_s, other), u"two:viewing"_s, 10'000);

        // Nonsense gets a clear error; a flood is cut off.
        m_listeners.value(u"sam"_s)->socket.sendTextMessage(u"{\"type\": \"presence\", \"ticket\": \"x\"}"_s);
        QTRY_VERIFY_WITH_TIMEOUT(errors(u"sam"_s).join(u' ').contains(u"presence needs a ticket number"_s), 10'000);
        for (int i = 0; i < 40; ++i)
            say(u"sam"_s, i % 2 ? ticket : 0, u"viewing"_s);
        QTRY_VERIFY_WITH_TIMEOUT(errors(u"sam"_s).join(u' ').contains(u"Too many presence messages"_s), 10'000);
    }

    // A desk says where it is as soon as the server has greeted it; the
    // answer comes at once, however soon after the handshake it speaks.
    void presenceRightAfterTheGreetingIsHeardAtOnce()
    {
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Wrong size"_s);
        for (int round = 0; round < 20; ++round) {
            Listener sue(m_server->baseUrl(), m_world.token(u"sue"_s));
            bool answered = false;
            connect(&sue.socket, &QWebSocket::textMessageReceived, &sue, [&](const QString &text) {
                const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
                const QString type = message.value(u"type"_s).toString();
                if (type == u"hello")
                    sue.socket.sendTextMessage(u"{\"type\":\"presence\",\"ticket\":%1,\"state\":\"writing\"}"_s.arg(ticket));
                else if (type == u"presence")
                    answered = true;
            });
            QElapsedTimer waited;
            waited.start();
            QVERIFY2(QTest::qWaitFor([&answered]() { return answered; }, 5'000),
                     qPrintable(u"round %1: no answer"_s.arg(round)));
            QVERIFY2(waited.elapsed() < 5'000, qPrintable(u"round %1"_s.arg(round)));
        }
    }

    void transferNotifiesTheReceivingDepartmentAndPokesTheOldOne()
    {
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Wrong team"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sam"_s)->notifications().size(), 1, 10'000);
        const QJsonObject result = m_world.command(*m_api, u"sam"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, 1},
                                                                      {u"type"_s, u"transfer"_s},
                                                                      {u"department"_s, m_world.returns},
                                                                      {u"note"_s, u"for you"_s}});
        QCOMPARE(result.value(u"outcome"_s).toString(), u"applied"_s);
        const qint64 seq = result.value(u"ticket"_s).toObject().value(u"seq"_s).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"rob"_s)->notifications(u"transferred_in"_s).size(), 1, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"two"_s)->notifications(u"transferred_in"_s).size(), 1, 10'000);
        // Support's agents are poked, so their clients pull the revocation.
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sue"_s)->pokedUpTo(), seq, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sam"_s)->pokedUpTo(), seq, 10'000);
        QVERIFY(m_listeners.value(u"sue"_s)->notifications(u"transferred_in"_s).isEmpty());
        QVERIFY(m_listeners.value(u"sam"_s)->notifications(u"transferred_in"_s).isEmpty());
    }

    void assignmentNotifiesTheAssigneeOnly()
    {
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Assign me"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sam"_s)->notifications().size(), 1, 10'000);
        const QJsonObject result = m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, 1},
                                                                      {u"type"_s, u"assign"_s},
                                                                      {u"assignee"_s, m_world.agent(u"sam"_s)}});
        QCOMPARE(result.value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sam"_s)->notifications(u"assigned"_s).size(), 1, 10'000);
        // The assigner is not told of their own action, the others not at all.
        const qint64 sentinel = m_world.intake(*m_api, m_world.support, u"Sentinel"_s);
        for (const QString &agent : {u"sue"_s, u"two"_s}) {
            QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(agent)->notifications(u"new_ticket"_s).size(), 2, 10'000);
            QCOMPARE(m_listeners.value(agent)->notifications(u"new_ticket"_s).last().value(u"ticket"_s).toInteger(),
                     sentinel);
            QVERIFY(m_listeners.value(agent)->notifications(u"assigned"_s).isEmpty());
        }
    }

    void slaRiskReachesTheAssigneeAndABreachAlsoTheLeads()
    {
        const qint64 t0 = Signpost::msFromIso(u"2026-11-23T08:00:00.000Z"_s);
        QCOMPARE(m_api->post(u"/api/v1/test/clock"_s, {{u"now"_s, Signpost::isoFromMs(t0)}}).status, 200);
        const QJsonObject sla{{u"targets"_s, QJsonObject{{u"normal"_s, QJsonObject{{u"first_response"_s, 60}}}}}};
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support), {{u"sla"_s, sla}},
                              m_world.token(u"admin"_s)).status, 200);
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Late"_s);
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, 1}, {u"type"_s, u"assign"_s},
                                                   {u"assignee"_s, m_world.agent(u"sam"_s)}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sam"_s)->notifications(u"assigned"_s).size(), 1, 10'000);

        auto clock = [&](int minutes) {
            const Response moved = m_api->post(u"/api/v1/test/clock"_s,
                                               {{u"now"_s, Signpost::isoFromMs(t0 + minutes * 60'000LL)}});
            QCOMPARE(moved.json().value(u"announced"_s).toInt(), 1);
        };
        clock(46); // 75 % of the hour: at risk, for the assignee
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sam"_s)->notifications(u"sla_at_risk"_s).size(), 1, 10'000);
        QCOMPARE(m_listeners.value(u"sam"_s)->notifications(u"sla_at_risk"_s).first().value(u"ticket"_s).toInteger(), ticket);
        clock(61); // breached: the assignee and the department's lead
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sam"_s)->notifications(u"sla_breached"_s).size(), 1, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sue"_s)->notifications(u"sla_breached"_s).size(), 1, 10'000);
        // A sentinel notification for Two after both: Two, a member who is
        // neither assignee nor lead, heard of neither, nor did Sue of the risk.
        m_world.intake(*m_api, m_world.returns, u"Sentinel"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"two"_s)->notifications(u"new_ticket"_s).size(), 2, 10'000);
        QVERIFY(m_listeners.value(u"two"_s)->notifications(u"sla_at_risk"_s).isEmpty());
        QVERIFY(m_listeners.value(u"two"_s)->notifications(u"sla_breached"_s).isEmpty());
        QVERIFY(m_listeners.value(u"sue"_s)->notifications(u"sla_at_risk"_s).isEmpty());
    }

    void customerReplyNotifiesTheDepartment()
    {
        QString secret;
        const qint64 ticket = m_world.intake(*m_api, m_world.returns, u"Label?"_s, u"c@example.com"_s, &secret);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"rob"_s)->notifications().size(), 1, 10'000);
        QCOMPARE(m_api->post(u"/api/v1/public/replies"_s, {{u"secret"_s, secret}, {u"message"_s, u"Any news?"_s}}).status,
                 201);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"rob"_s)->notifications(u"customer_reply"_s).size(), 1, 10'000);
        QCOMPARE(m_listeners.value(u"rob"_s)->notifications(u"customer_reply"_s).first().value(u"ticket"_s).toInteger(),
                 ticket);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"two"_s)->notifications(u"customer_reply"_s).size(), 1, 10'000);
    }

    void departmentsChooseWhoHears()
    {
        // Support: new tickets to the leads only, customer replies to the
        // assignee only.
        const Response set = m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support),
                                          {{u"notify"_s, QJsonObject{{u"new_ticket"_s, u"leads"_s},
                                                                     {u"customer_reply"_s, u"assignee"_s}}}},
                                          m_world.token(u"admin"_s));
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json().value(u"notify"_s).toObject().value(u"transferred_in"_s).toString(), u"members"_s);

        QString secret;
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Leads only"_s, u"c@example.com"_s, &secret);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sue"_s)->notifications(u"new_ticket"_s).size(), 1, 10'000);
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, 1}, {u"type"_s, u"assign"_s},
                                                    {u"assignee"_s, m_world.agent(u"two"_s)}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"two"_s)->notifications(u"assigned"_s).size(), 1, 10'000);
        QCOMPARE(m_api->post(u"/api/v1/public/replies"_s, {{u"secret"_s, secret}, {u"message"_s, u"Hello?"_s}}).status,
                 201);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"two"_s)->notifications(u"customer_reply"_s).size(), 1, 10'000);
        // A sentinel to Sam's department proves what he did not get.
        m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support), {{u"notify"_s, QJsonObject{{u"new_ticket"_s,
                                                                                                 u"members"_s}}}},
                     m_world.token(u"admin"_s));
        const qint64 sentinel = m_world.intake(*m_api, m_world.support, u"Everyone"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sam"_s)->notifications().size(), 1, 10'000);
        QCOMPARE(m_listeners.value(u"sam"_s)->notifications().first().value(u"ticket"_s).toInteger(), sentinel);
        QVERIFY(m_listeners.value(u"sue"_s)->notifications(u"customer_reply"_s).isEmpty());

        const Response bad = m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support),
                                          {{u"notify"_s, QJsonObject{{u"new_ticket"_s, u"everyone"_s}}}},
                                          m_world.token(u"admin"_s));
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"notify"_s);
    }

    void membershipChangePokesTheAgent()
    {
        const qint64 before = m_listeners.value(u"sal"_s)->pokedUpTo();
        QCOMPARE(m_api->put(u"/api/v1/agents/%1/memberships/%2"_s.arg(m_world.agent(u"sal"_s)).arg(m_world.support),
                            {{u"role"_s, u"member"_s}}, m_world.token(u"admin"_s)).status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(m_listeners.value(u"sal"_s)->pokedUpTo() > before, 10'000);
        // From now on Sal hears about Support.
        m_world.intake(*m_api, m_world.support, u"Now Sal too"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"sal"_s)->notifications(u"new_ticket"_s).size(), 1, 10'000);
    }

    void refusedConnections_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("no token") << QString() << QByteArray() << u"/api/v1/push"_s << 401;
        QTest::newRow("forged token") << u"forged"_s << QByteArray() << u"/api/v1/push"_s << 401;
        QTest::newRow("foreign origin") << u"sam"_s << QByteArray("https://evil.example") << u"/api/v1/push"_s << 403;
        QTest::newRow("wrong path") << u"sam"_s << QByteArray() << u"/api/v1/other"_s << 404;
    }
    void refusedConnections()
    {
        QFETCH(QString, token);
        QFETCH(QByteArray, origin);
        QFETCH(QString, path);
        QFETCH(int, status);
        const QString real = token == u"sam" ? m_world.token(u"sam"_s) : token;

        // Refused before the handshake, with a plain HTTP answer.
        QTcpSocket raw;
        raw.connectToHost(m_server->baseUrl().host(), quint16(m_server->baseUrl().port()));
        QVERIFY(raw.waitForConnected(10'000));
        QByteArray request = "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                             "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\n";
        if (!real.isEmpty())
            request += "Authorization: Bearer " + real.toLatin1() + "\r\n";
        if (!origin.isEmpty())
            request += "Origin: " + origin + "\r\n";
        raw.write(request + "\r\n");
        while (!raw.canReadLine())
            QVERIFY(raw.waitForReadyRead(10'000));
        const QByteArray statusLine = raw.readLine();
        QVERIFY2(statusLine.startsWith("HTTP/1.1 " + QByteArray::number(status)), statusLine.constData());

        // And a real WebSocket client never gets in.
        Listener refused(m_server->baseUrl(), real, origin, path);
        QSignalSpy disconnected(&refused.socket, &QWebSocket::disconnected);
        QVERIFY(disconnected.wait(10'000));
        QVERIFY(!refused.hello());
    }

    void logoutClosesThatSessionsSocket()
    {
        const QString token = m_api->login(u"rob@acme.example"_s, QString::fromLatin1(TestWorld::Password));
        Listener second(m_server->baseUrl(), token);
        QTRY_VERIFY_WITH_TIMEOUT(second.hello(), 10'000);
        QCOMPARE(m_api->post(u"/api/v1/auth/logout"_s, {}, token).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(second.closeCode, 4401, 10'000);
        // Rob's other session is still connected and hears news.
        m_world.intake(*m_api, m_world.returns, u"Still here"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_listeners.value(u"rob"_s)->notifications().size(), 1, 10'000);
    }

    // A busy department with many desks online: the server writes a tick's
    // messages on two threads once there are more than a hundred, and
    // every desk still hears of every ticket once, in the order they came.
    void aBusyDepartmentIsHeardOnEveryDeskInOrder()
    {
        m_listeners.clear();
        QVERIFY(stopWorld());
        QVERIFY2(startWorld({u"--test-hooks"_s, u"--login-rate"_s, u"0"_s}), qPrintable(m_error));
        // Four sockets a session at most: forty sessions of one agent.
        QList<std::shared_ptr<Listener>> desks;
        for (int session = 0; session < 40; ++session) {
            const QString token = m_api->login(u"sam@acme.example"_s, QString::fromLatin1(TestWorld::Password));
            QVERIFY(!token.isEmpty());
            for (int socket = 0; socket < 4; ++socket)
                desks.append(std::make_shared<Listener>(m_server->baseUrl(), token));
        }
        for (const auto &desk : std::as_const(desks))
            QTRY_VERIFY_WITH_TIMEOUT(desk->hello(), 10'000);

        QList<qint64> tickets;
        for (int i = 0; i < 30; ++i) {
            tickets.append(m_world.intake(*m_api, m_world.support, u"Busy %1"_s.arg(i)));
            QVERIFY(tickets.last() > 0);
        }
        const qint64 seq = headSeq();
        for (const auto &desk : std::as_const(desks)) {
            QTRY_COMPARE_WITH_TIMEOUT(desk->notifications(u"new_ticket"_s).size(), tickets.size(), 10'000);
            QList<qint64> heard;
            for (const QJsonObject &notification : desk->notifications(u"new_ticket"_s))
                heard.append(notification.value(u"ticket"_s).toInteger());
            QCOMPARE(heard, tickets);
            QTRY_COMPARE_WITH_TIMEOUT(desk->pokedUpTo(), seq, 10'000);
            QCOMPARE(desk->socket.state(), QAbstractSocket::ConnectedState);
        }
    }

    // What a client sends is small: a huge frame closes its socket instead
    // of being buffered.
    void hugeFramesCloseTheSocket()
    {
        const auto sam = listen(u"sam"_s);
        QTRY_VERIFY_WITH_TIMEOUT(sam->hello(), 10'000);
        QSignalSpy closed(&sam->socket, &QWebSocket::disconnected);
        sam->socket.sendTextMessage(QString(1024 * 1024, u'x'));
        QVERIFY(closed.wait(10'000));
        QCOMPARE(sam->closeCode, int(QWebSocketProtocol::CloseCodeTooMuchData));
    }

    // A session's half-open sockets do not pile up: its oldest goes.
    void aSessionKeepsAFewSocketsAtMost()
    {
        QList<std::shared_ptr<Listener>> sockets;
        for (int i = 0; i < 5; ++i) {
            sockets.append(listen(u"sam"_s));
            QTRY_VERIFY_WITH_TIMEOUT(sockets.last()->hello(), 10'000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(sockets.first()->closeCode, int(QWebSocketProtocol::CloseCodePolicyViolated), 10'000);
        for (qsizetype i = 1; i < sockets.size(); ++i)
            QCOMPARE(sockets[i]->socket.state(), QAbstractSocket::ConnectedState);
    }

    // A peer that stops answering pings is dropped; one that answers stays.
    void deadPeersAreDropped()
    {
        TestServer pinging;
        QVERIFY(pinging.start({u"--push-ping-interval"_s, u"1"_s}));
        ApiClient api(pinging.baseUrl());
        const QString token = api.login(QString::fromLatin1(TestServer::AdminEmail), QString::fromLatin1(TestServer::AdminPassword));
        QVERIFY(!token.isEmpty());
        Listener alive(pinging.baseUrl(), token);
        QTRY_VERIFY_WITH_TIMEOUT(alive.hello(), 10'000);

        // A raw client: it shakes hands, then never reads or answers again.
        QTcpSocket silent;
        silent.connectToHost(pinging.baseUrl().host(), quint16(pinging.baseUrl().port()));
        QVERIFY(silent.waitForConnected(5'000));
        silent.write("GET /api/v1/push HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                     "Authorization: Bearer " + token.toLatin1() + "\r\n\r\n");
        QVERIFY(silent.waitForReadyRead(5'000));
        QVERIFY(silent.peek(64).startsWith("HTTP/1.1 101"));
        QSignalSpy dropped(&silent, &QTcpSocket::disconnected);
        QVERIFY(dropped.wait(10'000));
        QCOMPARE(alive.socket.state(), QAbstractSocket::ConnectedState);
        QVERIFY(pinging.stop());
    }

private:
    QHash<QString, std::shared_ptr<Listener>> m_listeners;
};

QTEST_GUILESS_MAIN(TestServerPush)
#include "tst_server_push.moc"
