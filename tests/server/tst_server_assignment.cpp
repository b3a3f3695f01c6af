// Assignment automation within a department: round robin, least loaded with
// a capacity cap, away agents skipped, an agent going away, transfers in.
#include "tests/support/worldtest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

class TestServerAssignment : public WorldTest
{
    Q_OBJECT

    void setMode(qint64 department, const QString &mode, int capacity = 0)
    {
        const Response response = m_api->patch(u"/api/v1/departments/%1"_s.arg(department),
                                               {{u"assignment"_s, QJsonObject{{u"mode"_s, mode}, {u"capacity"_s, capacity}}}},
                                               m_world.token(u"admin"_s));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"assignment"_s).toObject().value(u"mode"_s).toString(), mode);
    }
    QJsonObject ticket(qint64 id)
    {
        return m_api->get(u"/api/v1/tickets/%1"_s.arg(id), m_world.token(u"admin"_s)).json();
    }
    qint64 assigneeOf(qint64 id) { return ticket(id).value(u"assignee"_s).toInteger(); }
    QString lastReason(qint64 id)
    {
        const QJsonArray events = ticket(id).value(u"events"_s).toArray();
        for (qsizetype i = events.size() - 1; i >= 0; --i) {
            if (events[i].toObject().value(u"kind"_s).toString() == u"assigned")
                return events[i].toObject().value(u"data"_s).toObject().value(u"reason"_s).toString();
        }
        return {};
    }
    void setAvailable(const QString &agent, bool available, int expectReassigned = -1)
    {
        const Response response = m_api->put(u"/api/v1/me/availability"_s, {{u"available"_s, available}},
                                             m_world.token(agent));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value(u"available"_s).toBool(), available);
        if (expectReassigned >= 0)
            QCOMPARE(response.json().value(u"reassigned"_s).toInt(), expectReassigned);
    }

private Q_SLOTS:
    void init() { QVERIFY2(startWorld(), qPrintable(m_error)); }
    void cleanup() { QVERIFY(stopWorld()); }

    void manualLeavesTicketsUnassigned()
    {
        const qint64 id = m_world.intake(*m_api, m_world.support);
        QCOMPARE(assigneeOf(id), 0);
    }

    void roundRobinTakesTurnsInIdOrder()
    {
        // Support: sue, sam, two (created in that order).
        setMode(m_world.support, u"round_robin"_s);
        QList<qint64> assignees;
        for (int i = 0; i < 4; ++i)
            assignees.append(assigneeOf(m_world.intake(*m_api, m_world.support)));
        const QList<qint64> expected{m_world.agent(u"sue"_s), m_world.agent(u"sam"_s), m_world.agent(u"two"_s),
                                     m_world.agent(u"sue"_s)};
        QCOMPARE(assignees, expected);
        QCOMPARE(lastReason(m_world.intake(*m_api, m_world.support)), u"round robin"_s);
    }

    void awayAgentsAreSkipped()
    {
        setMode(m_world.support, u"round_robin"_s);
        setAvailable(u"sam"_s, false, 0);
        QList<qint64> assignees;
        for (int i = 0; i < 3; ++i)
            assignees.append(assigneeOf(m_world.intake(*m_api, m_world.support)));
        QVERIFY(!assignees.contains(m_world.agent(u"sam"_s)));
        setAvailable(u"sam"_s, true);
        bool samAgain = false;
        for (int i = 0; i < 3; ++i)
            samAgain = samAgain || assigneeOf(m_world.intake(*m_api, m_world.support)) == m_world.agent(u"sam"_s);
        QVERIFY(samAgain);
    }

    void leastLoadedWithCapacity()
    {
        // Returns: rob and two. Rob already holds two open tickets.
        for (int i = 0; i < 2; ++i) {
            const qint64 id = m_world.intake(*m_api, m_world.returns);
            QCOMPARE(m_world.command(*m_api, u"rob"_s, {{u"ticket"_s, id}, {u"base_version"_s, 1}, {u"type"_s, u"assign"_s},
                                                        {u"assignee"_s, m_world.agent(u"rob"_s)}})
                         .value(u"outcome"_s).toString(), u"applied"_s);
        }
        setMode(m_world.returns, u"least_loaded"_s, 2);
        const qint64 first = m_world.intake(*m_api, m_world.returns);
        QCOMPARE(assigneeOf(first), m_world.agent(u"two"_s));
        QCOMPARE(lastReason(first), u"least loaded (0 open)"_s);
        QCOMPARE(assigneeOf(m_world.intake(*m_api, m_world.returns)), m_world.agent(u"two"_s));
        // Both at the cap of two: the next one waits unassigned.
        QCOMPARE(assigneeOf(m_world.intake(*m_api, m_world.returns)), 0);
        // Solving one frees a place.
        QCOMPARE(m_world.command(*m_api, u"two"_s, {{u"ticket"_s, first}, {u"base_version"_s, 2}, {u"type"_s, u"status"_s},
                                                    {u"status"_s, u"solved"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(assigneeOf(m_world.intake(*m_api, m_world.returns)), m_world.agent(u"two"_s));
    }

    void goingAwayHandsTicketsOn()
    {
        setMode(m_world.support, u"least_loaded"_s);
        QList<qint64> sams;
        for (int i = 0; i < 6; ++i) {
            const qint64 id = m_world.intake(*m_api, m_world.support);
            if (assigneeOf(id) == m_world.agent(u"sam"_s))
                sams.append(id);
        }
        QCOMPARE(sams.size(), 2);
        setAvailable(u"sam"_s, false, 2);
        for (qint64 id : std::as_const(sams)) {
            const qint64 now = assigneeOf(id);
            QVERIFY(now == m_world.agent(u"sue"_s) || now == m_world.agent(u"two"_s));
            QVERIFY(lastReason(id).startsWith(u"sam is away"_s));
        }
        // In a manual department nothing moves.
        const qint64 manual = m_world.intake(*m_api, m_world.sales);
        QCOMPARE(m_world.command(*m_api, u"sal"_s, {{u"ticket"_s, manual}, {u"base_version"_s, 1}, {u"type"_s, u"assign"_s},
                                                    {u"assignee"_s, m_world.agent(u"sal"_s)}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        setAvailable(u"sal"_s, false, 0);
        QCOMPARE(assigneeOf(manual), m_world.agent(u"sal"_s));
    }

    void transferInFollowsTheTargetsMode()
    {
        setMode(m_world.returns, u"round_robin"_s);
        const qint64 id = m_world.intake(*m_api, m_world.support);
        QCOMPARE(m_world.command(*m_api, u"sam"_s, {{u"ticket"_s, id}, {u"base_version"_s, 1}, {u"type"_s, u"transfer"_s},
                                                    {u"department"_s, m_world.returns}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(assigneeOf(id), m_world.agent(u"rob"_s));
        QCOMPARE(lastReason(id), u"round robin"_s);
        // A named assignee wins over the mode.
        const qint64 named = m_world.intake(*m_api, m_world.support);
        QCOMPARE(m_world.command(*m_api, u"sam"_s, {{u"ticket"_s, named}, {u"base_version"_s, 1},
                                                    {u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns},
                                                    {u"assignee"_s, m_world.agent(u"two"_s)}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(assigneeOf(named), m_world.agent(u"two"_s));
    }

    void badSettingsAreRefused()
    {
        const QString admin = m_world.token(u"admin"_s);
        const Response mode = m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support),
                                           {{u"assignment"_s, QJsonObject{{u"mode"_s, u"random"_s}}}}, admin);
        QCOMPARE(mode.status, 422);
        QCOMPARE(mode.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"assignment"_s);
        const Response capacity = m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support),
                                               {{u"assignment"_s, QJsonObject{{u"capacity"_s, -1}}}}, admin);
        QCOMPARE(capacity.status, 422);
        const Response availability = m_api->put(u"/api/v1/me/availability"_s, {{u"available"_s, u"yes"_s}},
                                                 m_world.token(u"sam"_s));
        QCOMPARE(availability.status, 422);
        QCOMPARE(m_api->get(u"/api/v1/departments/%1"_s.arg(m_world.support), admin).json()
                     .value(u"assignment"_s).toObject().value(u"mode"_s).toString(), u"manual"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerAssignment)
#include "tst_server_assignment.moc"
