// The lead dashboard's figures for a department, computed by the server from
// tickets and their history, and who may see them.
#include "core/timestamps.h"
#include "tests/support/worldtest.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

class TestServerFigures : public WorldTest
{
    Q_OBJECT

    QJsonObject figures(const QString &agent, qint64 department, const QString &query = {})
    {
        const Response response = m_api->get(u"/api/v1/departments/%1/figures%2"_s.arg(department).arg(query),
                                             m_world.token(agent));
        return response.status == 200 ? response.json() : QJsonObject{{u"status"_s, response.status}};
    }

    // Sets the server's clock to `minutes` after 08:00 on 23 November;
    // answers how many SLA events that raised.
    int setClock(int minutes)
    {
        const qint64 t0 = Signpost::msFromIso(u"2026-11-23T08:00:00.000Z"_s);
        return m_api->post(u"/api/v1/test/clock"_s, {{u"now"_s, Signpost::isoFromMs(t0 + minutes * 60'000LL)}})
            .json().value(u"announced"_s).toInt();
    }

private Q_SLOTS:
    void init() { QVERIFY2(startWorld({u"--test-hooks"_s}), qPrintable(m_error)); }
    void cleanup() { QVERIFY(stopWorld()); }

    void figuresFollowTheWork()
    {
        QList<qint64> tickets;
        for (int i = 0; i < 4; ++i)
            tickets.append(m_world.intake(*m_api, m_world.support));
        m_world.intake(*m_api, m_world.returns); // another function, not counted
        auto act = [&](const QString &agent, qint64 ticket, QJsonObject command) {
            command.insert(u"ticket"_s, ticket);
            command.insert(u"base_version"_s, m_world.version(*m_api, ticket));
            QCOMPARE(m_world.command(*m_api, agent, command).value(u"outcome"_s).toString(), u"applied"_s);
        };
        act(u"sam"_s, tickets[0], {{u"type"_s, u"reply"_s}, {u"body"_s, u"Hi"_s}, {u"status"_s, u"solved"_s}});
        act(u"sam"_s, tickets[1], {{u"type"_s, u"assign"_s}, {u"assignee"_s, m_world.agent(u"sam"_s)}});
        act(u"sam"_s, tickets[1], {{u"type"_s, u"reply"_s}, {u"body"_s, u"Photo?"_s}, {u"status"_s, u"pending"_s}});
        act(u"two"_s, tickets[2], {{u"type"_s, u"assign"_s}, {u"assignee"_s, m_world.agent(u"two"_s)}});

        const QJsonObject f = figures(u"sue"_s, m_world.support);
        QCOMPARE(f.value(u"open"_s).toInt(), 3);       // 1, 2, 3 (0 is solved)
        QCOMPARE(f.value(u"new"_s).toInt(), 2);        // 2, 3
        QCOMPARE(f.value(u"unassigned"_s).toInt(), 1); // 3
        QCOMPARE(f.value(u"pending"_s).toInt(), 1);    // 1
        QCOMPARE(f.value(u"created_today"_s).toInt(), 4);
        QCOMPARE(f.value(u"solved_today"_s).toInt(), 1);
        QCOMPARE(f.value(u"first_response"_s).toObject().value(u"count"_s).toInt(), 2);
        QVERIFY(f.value(u"first_response"_s).toObject().value(u"median_minutes"_s).toDouble() >= 0);
        QCOMPARE(f.value(u"resolution"_s).toObject().value(u"count"_s).toInt(), 1);
        QCOMPARE(f.value(u"period_days"_s).toInt(), 7);

        QHash<qint64, int> load;
        for (const QJsonValue &entry : f.value(u"load"_s).toArray())
            load.insert(entry.toObject().value(u"agent"_s).toInteger(), entry.toObject().value(u"open"_s).toInt());
        QCOMPARE(load.size(), 3); // sue, sam, two
        QCOMPARE(load.value(m_world.agent(u"sam"_s)), 1);
        QCOMPARE(load.value(m_world.agent(u"two"_s)), 1);
        QCOMPARE(load.value(m_world.agent(u"sue"_s)), 0);

        const QJsonArray trend = figures(u"sue"_s, m_world.support, u"?days=30"_s).value(u"trend"_s).toArray();
        QCOMPARE(trend.size(), 30);
        const QJsonObject todayEntry = trend.last().toObject();
        QCOMPARE(todayEntry.value(u"date"_s).toString(), QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
        QCOMPARE(todayEntry.value(u"created"_s).toInt(), 4);
        QCOMPARE(todayEntry.value(u"solved"_s).toInt(), 1);
        QCOMPARE(trend.first().toObject().value(u"created"_s).toInt(), 0);
    }

    void aTicketSolvedTwiceCountsOnceFromItsFirstSolve()
    {
        const qint64 id = m_world.intake(*m_api, m_world.support);
        for (const QString &status : {u"solved"_s, u"open"_s, u"solved"_s}) {
            QCOMPARE(m_world.command(*m_api, u"sam"_s, {{u"ticket"_s, id}, {u"base_version"_s, m_world.version(*m_api, id)},
                                                        {u"type"_s, u"status"_s}, {u"status"_s, status}})
                         .value(u"outcome"_s).toString(), u"applied"_s);
        }
        const QJsonObject f = figures(u"sue"_s, m_world.support);
        QCOMPARE(f.value(u"solved_today"_s).toInt(), 1);
        QCOMPARE(f.value(u"resolution"_s).toObject().value(u"count"_s).toInt(), 1);
        QCOMPARE(f.value(u"first_response"_s).toObject().value(u"count"_s).toInt(), 0); // no reply was sent
    }

    // The median and the 90th percentile are values that happened (the
    // nearest rank), on both engines: replies after 1, 2, 3, 4 and 10
    // minutes give 3 and 10, not 3 and 7.6.
    void durationsAreTheNearestRank()
    {
        setClock(0);
        QList<qint64> tickets;
        for (int i = 0; i < 5; ++i)
            tickets.append(m_world.intake(*m_api, m_world.support));
        const QList<int> after{1, 2, 3, 4, 10};
        for (int i = 0; i < 5; ++i) {
            setClock(after[i]);
            QCOMPARE(m_world.command(*m_api, u"sam"_s, {{u"ticket"_s, tickets[i]}, {u"base_version"_s, 1},
                                                        {u"type"_s, u"reply"_s}, {u"body"_s, u"Hello"_s}})
                         .value(u"outcome"_s).toString(), u"applied"_s);
        }
        const QJsonObject firstResponse = figures(u"sue"_s, m_world.support).value(u"first_response"_s).toObject();
        QCOMPARE(firstResponse.value(u"count"_s).toInt(), 5);
        QCOMPARE(firstResponse.value(u"median_minutes"_s).toDouble(), 3.0);
        QCOMPARE(firstResponse.value(u"p90_minutes"_s).toDouble(), 10.0);
        const QJsonObject firstTouch =
            figures(u"sue"_s, m_world.support).value(u"ownership"_s).toObject().value(u"first_touch"_s).toObject();
        QCOMPARE(firstTouch.value(u"count"_s).toInt(), 5);
        QCOMPARE(firstTouch.value(u"median_minutes"_s).toDouble(), 3.0);
        QCOMPARE(firstTouch.value(u"p90_minutes"_s).toDouble(), 10.0);
        const QJsonObject resolution = figures(u"sue"_s, m_world.support).value(u"resolution"_s).toObject();
        QCOMPARE(resolution.value(u"count"_s).toInt(), 0);
        QVERIFY(resolution.value(u"median_minutes"_s).isNull());
    }

    void slaAndOwnershipFigures()
    {
        auto at = [this](int minutes) { return setClock(minutes); };
        at(0);
        const QJsonObject sla{{u"targets"_s, QJsonObject{{u"normal"_s, QJsonObject{{u"first_response"_s, 60}}}}},
                              {u"ownership"_s, 30}};
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support), {{u"sla"_s, sla}},
                              m_world.token(u"admin"_s)).status, 200);
        const qint64 answered = m_world.intake(*m_api, m_world.support);
        const qint64 passedOn = m_world.intake(*m_api, m_world.support);
        m_world.intake(*m_api, m_world.support); // left waiting
        at(10);
        QCOMPARE(m_world.command(*m_api, u"sam"_s, {{u"ticket"_s, answered}, {u"base_version"_s, 1},
                                                    {u"type"_s, u"reply"_s}, {u"body"_s, u"Hello"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        at(20);
        QCOMPARE(m_world.command(*m_api, u"sam"_s, {{u"ticket"_s, passedOn}, {u"base_version"_s, 1},
                                                    {u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        // The waiting ticket: first touch breached at 30 (internal), its
        // first response at risk at 45 and breached at 60.
        QCOMPARE(at(50), 2);
        QJsonObject f = figures(u"sue"_s, m_world.support);
        QCOMPARE(f.value(u"at_risk"_s).toInt(), 0); // breached outranks at risk
        QCOMPARE(f.value(u"breached"_s).toInt(), 1);
        QCOMPARE(f.value(u"sla"_s).toObject().value(u"missed"_s).toInt(), 0); // ownership is internal
        QCOMPARE(at(61), 1);
        f = figures(u"sue"_s, m_world.support);
        const QJsonObject compliance = f.value(u"sla"_s).toObject();
        QCOMPARE(compliance.value(u"tickets"_s).toInt(), 2); // the transferred one is Returns' now
        QCOMPARE(compliance.value(u"missed"_s).toInt(), 1);
        QCOMPARE(compliance.value(u"compliance_percent"_s).toDouble(), 50.0);

        const QJsonObject ownership = f.value(u"ownership"_s).toObject();
        QCOMPARE(ownership.value(u"arrived"_s).toInt(), 3);
        QCOMPARE(ownership.value(u"untouched_now"_s).toInt(), 1);
        QCOMPARE(ownership.value(u"first_touch"_s).toObject().value(u"count"_s).toInt(), 1);
        QCOMPARE(ownership.value(u"first_touch"_s).toObject().value(u"median_minutes"_s).toDouble(), 10.0);
        QCOMPARE(ownership.value(u"held_before_transfer"_s).toObject().value(u"median_minutes"_s).toDouble(), 20.0);
        const QJsonObject returns = figures(u"admin"_s, m_world.returns).value(u"ownership"_s).toObject();
        QCOMPARE(returns.value(u"arrived"_s).toInt(), 1);
        QCOMPARE(returns.value(u"untouched_now"_s).toInt(), 1);
    }

    // What happened on a day stays put when tickets move on later; the SLA
    // trouble shows per agent.
    void pastDaysStayPutAndRiskShowsPerAgent()
    {
        auto at = [this](int minutes) { return setClock(minutes); };
        at(0);
        const QJsonObject sla{{u"targets"_s, QJsonObject{{u"normal"_s, QJsonObject{{u"first_response"_s, 60}}}}}};
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support), {{u"sla"_s, sla}},
                              m_world.token(u"admin"_s)).status, 200);
        const qint64 samsTicket = m_world.intake(*m_api, m_world.support);
        const qint64 solvedTicket = m_world.intake(*m_api, m_world.support);
        auto run = [&](const QString &agent, qint64 ticket, QJsonObject command) {
            command.insert(u"ticket"_s, ticket);
            command.insert(u"base_version"_s, m_world.version(*m_api, ticket));
            return m_world.command(*m_api, agent, command).value(u"outcome"_s).toString();
        };
        QCOMPARE(run(u"sam"_s, samsTicket, {{u"type"_s, u"assign"_s}, {u"assignee"_s, m_world.agent(u"sam"_s)}}),
                 u"applied"_s);
        QCOMPARE(run(u"sue"_s, solvedTicket, {{u"type"_s, u"status"_s}, {u"status"_s, u"solved"_s}}), u"applied"_s);

        auto samsLoad = [&]() {
            for (const QJsonValue &agent : figures(u"sue"_s, m_world.support).value(u"load"_s).toArray()) {
                if (agent[u"name"_s].toString() == u"sam")
                    return u"%1 open, %2 at risk, %3 breached"_s.arg(agent[u"open"_s].toInt())
                        .arg(agent[u"at_risk"_s].toInt()).arg(agent[u"breached"_s].toInt());
            }
            return QString();
        };
        QCOMPARE(samsLoad(), u"1 open, 0 at risk, 0 breached"_s);
        at(50);
        QCOMPARE(samsLoad(), u"1 open, 1 at risk, 0 breached"_s);
        at(61);
        QCOMPARE(samsLoad(), u"1 open, 0 at risk, 1 breached"_s);

        // Both go to Returns; Support's day keeps what Support did.
        QCOMPARE(run(u"sam"_s, samsTicket, {{u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns}}), u"applied"_s);
        QCOMPARE(run(u"sue"_s, solvedTicket, {{u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns}}),
                 u"applied"_s);
        const QJsonObject support = figures(u"sue"_s, m_world.support);
        QCOMPARE(support.value(u"created_today"_s).toInt(), 2);
        QCOMPARE(support.value(u"solved_today"_s).toInt(), 1);
        const QJsonObject today = support.value(u"trend"_s).toArray().last().toObject();
        QCOMPARE(today.value(u"created"_s).toInt(), 2);
        QCOMPARE(today.value(u"solved"_s).toInt(), 1);
        const QJsonObject returns = figures(u"admin"_s, m_world.returns);
        QCOMPARE(returns.value(u"created_today"_s).toInt(), 0);
        QCOMPARE(returns.value(u"trend"_s).toArray().last()[u"solved"_s].toInt(), 0);
        QCOMPARE(samsLoad(), u"0 open, 0 at risk, 0 breached"_s);
    }

    void onlyLeadsAndAdminsSeeThem()
    {
        QVERIFY(figures(u"sue"_s, m_world.support).contains(u"open"_s));   // lead
        QVERIFY(figures(u"admin"_s, m_world.support).contains(u"open"_s)); // admin
        QCOMPARE(figures(u"sam"_s, m_world.support).value(u"status"_s).toInt(), 403); // member
        QCOMPARE(figures(u"rob"_s, m_world.support).value(u"status"_s).toInt(), 404); // outside
        QCOMPARE(figures(u"admin"_s, 999).value(u"status"_s).toInt(), 404);
        QCOMPARE(figures(u"sue"_s, m_world.support, u"?days=0"_s).value(u"status"_s).toInt(), 422);
        QCOMPARE(figures(u"sue"_s, m_world.support, u"?days=91"_s).value(u"status"_s).toInt(), 422);
    }
};

QTEST_GUILESS_MAIN(TestServerFigures)
#include "tst_server_figures.moc"
