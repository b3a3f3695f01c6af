// Access by department: every agent × department × action, through the API.
// Outside an agent's departments everything answers as if it did not exist.
#include "tests/support/apiclient.h"
#include "tests/support/testserver.h"
#include "tests/support/testworld.h"
#include "tests/support/worldtest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

class TestServerAccess : public WorldTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // One world for the whole matrix: every row only reads, or writes a
        // note that other rows do not look at.
        QVERIFY2(startWorld(), qPrintable(m_error));
        for (const auto &[name, id] : {std::pair{u"triage"_s, m_world.triage}, std::pair{u"support"_s, m_world.support},
                                       std::pair{u"returns"_s, m_world.returns}, std::pair{u"sales"_s, m_world.sales}}) {
            // Triage is not on the form: its ticket gets there by default routing.
            const qint64 ticket = m_world.intake(*m_api, name == u"triage" ? 0 : id, u"Ticket in "_s + name,
                                                 name + u"@example.com"_s);
            QVERIFY(ticket > 0);
            m_departments.insert(name, id);
            m_tickets.insert(name, ticket);
        }
    }
    void cleanupTestCase() { QVERIFY(stopWorld()); }

    void matrix_data()
    {
        QTest::addColumn<QString>("agent");
        QTest::addColumn<QString>("department");
        QTest::addColumn<bool>("visible");
        const QHash<QString, QStringList> memberOf{
            {u"admin"_s, {u"triage"_s, u"support"_s, u"returns"_s, u"sales"_s}},
            {u"sue"_s, {u"support"_s}},
            {u"sam"_s, {u"support"_s}},
            {u"rob"_s, {u"returns"_s}},
            {u"two"_s, {u"support"_s, u"returns"_s}},
            {u"sal"_s, {u"sales"_s}},
        };
        for (const QString &agent : {u"admin"_s, u"sue"_s, u"sam"_s, u"rob"_s, u"two"_s, u"sal"_s}) {
            for (const QString &department : {u"triage"_s, u"support"_s, u"returns"_s, u"sales"_s}) {
                const bool visible = memberOf.value(agent).contains(department);
                QTest::addRow("%s in %s", qPrintable(agent), qPrintable(department)) << agent << department << visible;
            }
        }
    }
    void matrix()
    {
        QFETCH(QString, agent);
        QFETCH(QString, department);
        QFETCH(bool, visible);
        const QString token = m_world.token(agent);
        const qint64 departmentId = m_departments.value(department);
        const qint64 ticket = m_tickets.value(department);
        const int expected = visible ? 200 : 404;

        // Reading.
        QCOMPARE(m_api->get(u"/api/v1/tickets/%1"_s.arg(ticket), token).status, expected);
        QCOMPARE(m_api->get(u"/api/v1/departments/%1"_s.arg(departmentId), token).status, expected);
        QCOMPARE(m_api->get(u"/api/v1/departments/%1/tickets"_s.arg(departmentId), token).status, expected);
        QCOMPARE(m_api->get(u"/api/v1/departments/%1/agents"_s.arg(departmentId), token).status, expected);
        const QJsonArray listed = m_api->get(u"/api/v1/departments"_s, token).json().value(u"departments"_s).toArray();
        const bool inList = std::any_of(listed.begin(), listed.end(), [&](const QJsonValue &d) {
            return d.toObject().value(u"id"_s).toInteger() == departmentId;
        });
        QCOMPARE(inList, visible);

        // Acting: every command type answers the same for an invisible ticket.
        const qint64 version = m_world.version(*m_api, ticket);
        const QList<QJsonObject> commands{
            {{u"type"_s, u"note"_s}, {u"body"_s, u"n"_s}},
            {{u"type"_s, u"status"_s}, {u"status"_s, u"open"_s}},
            {{u"type"_s, u"priority"_s}, {u"priority"_s, u"normal"_s}},
        };
        for (QJsonObject command : commands) {
            command.insert(u"ticket"_s, ticket);
            command.insert(u"base_version"_s, version);
            const QJsonObject result = m_world.command(*m_api, agent, command);
            if (visible) {
                QCOMPARE(result.value(u"outcome"_s).toString(), u"applied"_s);
            } else {
                QCOMPARE(result.value(u"outcome"_s).toString(), u"rejected"_s);
                QCOMPARE(result.value(u"reason"_s).toString(), u"not_found"_s);
                QVERIFY(!result.contains(u"ticket"_s)); // nothing about it leaks
            }
        }
        if (!visible) {
            // Transfer and assign too, even with the right version.
            const qint64 now = m_world.version(*m_api, ticket);
            const QJsonObject transfer = m_world.command(*m_api, agent, {{u"ticket"_s, ticket}, {u"base_version"_s, now},
                                                                         {u"type"_s, u"transfer"_s},
                                                                         {u"department"_s, m_world.triage}});
            QCOMPARE(transfer.value(u"reason"_s).toString(), u"not_found"_s);
            const QJsonObject assign = m_world.command(*m_api, agent, {{u"ticket"_s, ticket}, {u"base_version"_s, now},
                                                                       {u"type"_s, u"assign"_s},
                                                                       {u"assignee"_s, m_world.agent(agent)}});
            QCOMPARE(assign.value(u"reason"_s).toString(), u"not_found"_s);
            QCOMPARE(m_world.version(*m_api, ticket), now); // nothing changed
        }

        // The sync feed holds exactly the visible tickets.
        QSet<qint64> pulled;
        QString cursor;
        for (bool more = true; more;) {
            const QJsonObject page = m_api->get(u"/api/v1/sync?limit=2&cursor="_s + cursor, token).json();
            for (const QJsonValue &t : page.value(u"tickets"_s).toArray())
                pulled.insert(t.toObject().value(u"id"_s).toInteger());
            cursor = page.value(u"cursor"_s).toString();
            more = page.value(u"has_more"_s).toBool();
            QVERIFY(!cursor.isEmpty());
        }
        QCOMPARE(pulled.contains(ticket), visible);
    }

    // A ticket moved out of an agent's department: their late command is
    // told where it went and who moved it; an agent it never concerned
    // learns nothing more than "No such ticket.".
    void aTicketMovedAwaySaysWhereToThoseItLeft()
    {
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Moving on"_s);
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, ticket},
                                                   {u"base_version"_s, m_world.version(*m_api, ticket)},
                                                   {u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        const qint64 now = m_world.version(*m_api, ticket);
        auto noteBy = [&](const QString &agent) {
            return m_world.command(*m_api, agent, {{u"ticket"_s, ticket}, {u"base_version"_s, now},
                                                   {u"type"_s, u"note"_s}, {u"body"_s, u"Late"_s}});
        };
        const QJsonObject sam = noteBy(u"sam"_s);
        QCOMPARE(sam.value(u"reason"_s).toString(), u"not_found"_s);
        QVERIFY2(sam.value(u"message"_s).toString().startsWith(u"Ticket #%1 was moved to Returns by sue"_s.arg(ticket)),
                 qPrintable(sam.value(u"message"_s).toString()));
        const QJsonObject sal = noteBy(u"sal"_s);
        QCOMPARE(sal.value(u"reason"_s).toString(), u"not_found"_s);
        QCOMPARE(sal.value(u"message"_s).toString(), u"No such ticket."_s);
        QVERIFY(!sal.contains(u"ticket"_s));
        QCOMPARE(m_world.version(*m_api, ticket), now);
    }

    void otherTicketsOfTheCustomerOnlyFromVisibleDepartments()
    {
        // The same customer wrote to Support and to Sales.
        const qint64 support = m_world.intake(*m_api, m_world.support, u"First"_s, u"same@example.com"_s);
        const qint64 sales = m_world.intake(*m_api, m_world.sales, u"Second"_s, u"same@example.com"_s);
        const qint64 returns = m_world.intake(*m_api, m_world.returns, u"Third"_s, u"SAME@example.com"_s);
        QVERIFY(support && sales && returns);
        auto others = [&](const QString &agent) {
            QSet<qint64> ids;
            const QJsonArray list = m_api->get(u"/api/v1/tickets/%1"_s.arg(support), m_world.token(agent)).json()
                                        .value(u"other_tickets"_s).toArray();
            for (const QJsonValue &t : list)
                ids.insert(t.toObject().value(u"id"_s).toInteger());
            return ids;
        };
        QCOMPARE(others(u"sam"_s), QSet<qint64>{});
        QCOMPARE(others(u"two"_s), QSet<qint64>{returns});
        QCOMPARE(others(u"admin"_s), (QSet<qint64>{sales, returns}));
    }

    // Canned replies: the department reads them, its leads write them, and
    // other departments don't know they exist. Each change reaches desks
    // through the sync feed's directory_version.
    void cannedRepliesBelongToTheirDepartment()
    {
        const QString support = u"/api/v1/departments/%1/canned-replies"_s.arg(m_world.support);
        auto directoryVersion = [this]() {
            return m_api->get(u"/api/v1/sync"_s, m_world.token(u"sam"_s)).json().value(u"directory_version"_s).toInteger();
        };
        const qint64 before = directoryVersion();

        const Response made = m_api->post(support, {{u"title"_s, u"Where is my parcel"_s},
                                                    {u"body"_s, u"Hi {customer.first_name}, order {order.number} left today."_s}},
                                          m_world.token(u"sue"_s));
        QCOMPARE(made.status, 201);
        const qint64 id = made.json().value(u"id"_s).toInteger();
        QCOMPARE(made.json().value(u"department"_s).toInteger(), m_world.support);
        QVERIFY(directoryVersion() > before);

        // Sam (a member) reads; he may not write.
        const QJsonArray samSees = m_api->get(u"/api/v1/canned-replies"_s, m_world.token(u"sam"_s))
                                       .json().value(u"canned_replies"_s).toArray();
        QCOMPARE(samSees.size(), 1);
        QCOMPARE(samSees[0][u"title"_s].toString(), u"Where is my parcel"_s);
        QCOMPARE(m_api->get(support, m_world.token(u"sam"_s)).json().value(u"canned_replies"_s).toArray().size(), 1);
        const Response samWrites = m_api->post(support, {{u"title"_s, u"Mine"_s}, {u"body"_s, u"x"_s}}, m_world.token(u"sam"_s));
        QCOMPARE(samWrites.status, 403);
        QVERIFY(samWrites.json()[u"error"_s][u"message"_s].toString().contains(u"leads and admins"_s));
        QCOMPARE(m_api->patch(u"/api/v1/canned-replies/%1"_s.arg(id), {{u"title"_s, u"x"_s}}, m_world.token(u"sam"_s)).status,
                 403);
        QCOMPARE(m_api->del(u"/api/v1/canned-replies/%1"_s.arg(id), m_world.token(u"sam"_s)).status, 403);

        // Rob (Returns) doesn't know it exists.
        QVERIFY(m_api->get(u"/api/v1/canned-replies"_s, m_world.token(u"rob"_s))
                    .json().value(u"canned_replies"_s).toArray().isEmpty());
        QCOMPARE(m_api->get(support, m_world.token(u"rob"_s)).status, 404);
        QCOMPARE(m_api->patch(u"/api/v1/canned-replies/%1"_s.arg(id), {{u"title"_s, u"x"_s}}, m_world.token(u"rob"_s)).status,
                 404);
        QCOMPARE(m_api->post(support, {{u"title"_s, u"x"_s}, {u"body"_s, u"x"_s}}, m_world.token(u"rob"_s)).status, 404);

        // Bad input is refused with a precise word, and nothing is written.
        auto refused = [&](const QJsonObject &body) {
            const Response answer = m_api->post(support, body, m_world.token(u"sue"_s));
            return u"%1 %2 %3"_s.arg(answer.status)
                .arg(answer.json()[u"error"_s][u"field"_s].toString(), answer.json()[u"error"_s][u"message"_s].toString());
        };
        QVERIFY(refused({{u"title"_s, u" "_s}, {u"body"_s, u"x"_s}}).startsWith(u"422 title"_s));
        QVERIFY(refused({{u"title"_s, u"Typo"_s}, {u"body"_s, u"Hi {customer.firstname}"_s}})
                    .startsWith(u"422 body Unknown field {customer.firstname}"_s));
        QVERIFY(refused({{u"title"_s, u"where is MY parcel"_s}, {u"body"_s, u"x"_s}}).startsWith(u"409 title"_s));
        QVERIFY(refused({{u"title"_s, u"x"_s}, {u"body"_s, u"x"_s}, {u"colour"_s, u"red"_s}}).startsWith(u"422 colour"_s));
        QVERIFY(refused({{u"title"_s, QString(101, u'x')}, {u"body"_s, u"x"_s}}).startsWith(u"422 title"_s));
        QCOMPARE(m_api->get(support, m_world.token(u"sue"_s)).json().value(u"canned_replies"_s).toArray().size(), 1);

        // The lead edits it; an admin removes it.
        const Response edited = m_api->patch(u"/api/v1/canned-replies/%1"_s.arg(id),
                                             {{u"body"_s, u"Hi {customer.first_name}, it left."_s}}, m_world.token(u"sue"_s));
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.json().value(u"title"_s).toString(), u"Where is my parcel"_s);
        QCOMPARE(m_api->del(u"/api/v1/canned-replies/%1"_s.arg(id), m_world.token(u"admin"_s)).status, 204);
        QCOMPARE(m_api->get(support, m_world.token(u"sue"_s)).json().value(u"canned_replies"_s).toArray().size(), 0);
    }

    void unauthenticatedGetsNothing_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : {u"/api/v1/me"_s, u"/api/v1/departments"_s, u"/api/v1/tickets/1001"_s,
                                    u"/api/v1/departments/1/tickets"_s, u"/api/v1/sync"_s, u"/api/v1/shops"_s})
            QTest::newRow(qPrintable(path)) << path;
    }
    // A department's lead runs how it works and how it speaks to customers
    // (sender, signature, service levels, assignment, who hears of what);
    // what reaches it stays with the admins. A member changes nothing, and
    // a lead nothing of another department; a refused change keeps none of
    // its parts.
    void leadsRunTheirDepartment()
    {
        const QString sue = m_world.token(u"sue"_s); // lead of Support
        const QString support = u"/api/v1/departments/%1"_s.arg(m_world.support);
        const QJsonObject policy{{u"targets"_s, QJsonObject{{u"normal"_s, QJsonObject{{u"first_response"_s, 120}}}}},
                                 {u"at_risk_percent"_s, 80}};
        const Response changed = m_api->patch(support,
                                              {{u"sender_name"_s, u"Acme Support team"_s},
                                               {u"signature"_s, u"Sue and the team"_s},
                                               {u"sla"_s, policy},
                                               {u"assignment"_s, QJsonObject{{u"mode"_s, u"round_robin"_s}}},
                                               {u"notify"_s, QJsonObject{{u"new_ticket"_s, u"leads"_s}}},
                                               {u"attachment_limits"_s, QJsonObject{{u"file_bytes"_s, 5 << 20},
                                                                                    {u"message_bytes"_s, 10 << 20}}}},
                                              sue);
        QCOMPARE(changed.status, 200);
        const QJsonObject now = m_api->get(support, sue).json();
        QCOMPARE(now[u"sender_name"_s].toString(), u"Acme Support team"_s);
        QCOMPARE(now[u"sla"_s][u"targets"_s][u"normal"_s][u"first_response"_s].toInt(), 120);
        QCOMPARE(now[u"assignment"_s][u"mode"_s].toString(), u"round_robin"_s);
        QCOMPARE(now[u"notify"_s][u"new_ticket"_s].toString(), u"leads"_s);

        for (const QString &key : {u"name"_s, u"addresses"_s, u"shops"_s, u"is_default"_s, u"archived"_s}) {
            const QJsonValue value = key == u"name" ? QJsonValue(u"Mine now"_s)
                                     : key == u"addresses" || key == u"shops" ? QJsonValue(QJsonArray())
                                                                              : QJsonValue(true);
            const Response refused = m_api->patch(support, {{u"sender_name"_s, u"Half written"_s}, {key, value}}, sue);
            QCOMPARE(refused.status, 403);
            QCOMPARE(refused.json()[u"error"_s][u"field"_s].toString(), key);
        }
        QCOMPARE(m_api->get(support, sue).json()[u"sender_name"_s].toString(), u"Acme Support team"_s);
        // Sam is a member of Support, not its lead; Returns is not Sue's.
        QCOMPARE(m_api->patch(support, {{u"signature"_s, u"Sam"_s}}, m_world.token(u"sam"_s)).status, 403);
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.returns), {{u"signature"_s, u"Sue"_s}}, sue)
                     .status,
                 404);
        QCOMPARE(m_api->del(support, sue).status, 403);
    }

    void unauthenticatedGetsNothing()
    {
        QFETCH(QString, path);
        const Response anonymous = m_api->get(path);
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.header("WWW-Authenticate"), QByteArray("Bearer"));
        QCOMPARE(m_api->get(path, u"forged-token"_s).status, 401);
    }

private:
    QHash<QString, qint64> m_departments;
    QHash<QString, qint64> m_tickets;
};

QTEST_GUILESS_MAIN(TestServerAccess)
#include "tst_server_access.moc"
