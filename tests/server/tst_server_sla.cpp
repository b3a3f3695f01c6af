// SLA policies per department: validation, due times stored on tickets and
// recomputed as the ticket changes (replies, pending, priority, transfer),
// business hours, and the announcements of risks and breaches. The server's
// time is held still through the test hook, so every due time is exact.
#include "core/timestamps.h"
#include "tests/support/worldtest.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;
using namespace Signpost::Test;

namespace {

constexpr qint64 Minute = 60 * 1000;
// A Monday, 08:00 UTC.
const qint64 T0 = msFromIso(u"2026-11-23T08:00:00.000Z"_s);

QJsonObject targets(int first, int next, int resolution)
{
    return QJsonObject{{u"first_response"_s, first}, {u"next_response"_s, next}, {u"resolution"_s, resolution}};
}

} // namespace

class TestServerSla : public WorldTest
{
    Q_OBJECT

    QString admin() const { return m_world.token(u"admin"_s); }

    void setPolicy(qint64 department, const QJsonObject &sla)
    {
        const Response response = m_api->patch(u"/api/v1/departments/%1"_s.arg(department), {{u"sla"_s, sla}}, admin());
        QVERIFY2(response.status == 200, response.body.constData());
    }
    // Moves the server's clock; returns how many announcements that made.
    int at(qint64 ms, bool check = true)
    {
        const Response response = m_api->post(u"/api/v1/test/clock"_s, {{u"now"_s, isoFromMs(ms)}, {u"check"_s, check}});
        return response.status == 200 ? response.json().value(u"announced"_s).toInt() : -1;
    }
    QJsonObject ticket(qint64 id) { return m_api->get(u"/api/v1/tickets/%1"_s.arg(id), admin()).json(); }
    QJsonObject sla(qint64 id) { return ticket(id).value(u"sla"_s).toObject(); }
    qint64 due(qint64 id, const QString &target)
    {
        const QJsonValue value = sla(id).value(u"due"_s).toObject().value(target);
        return value.isString() ? msFromIso(value.toString()) : 0;
    }
    QStringList flags(qint64 id, const QString &which)
    {
        QStringList names;
        for (const QJsonValue &name : sla(id).value(which).toArray())
            names.append(name.toString());
        return names;
    }
    QList<QJsonObject> events(qint64 id, const QString &kind)
    {
        QList<QJsonObject> found;
        for (const QJsonValue &event : ticket(id).value(u"events"_s).toArray()) {
            if (event.toObject().value(u"kind"_s).toString() == kind)
                found.append(event.toObject());
        }
        return found;
    }
    QJsonObject run(const QString &agent, qint64 ticket, QJsonObject command)
    {
        command.insert(u"ticket"_s, ticket);
        command.insert(u"base_version"_s, m_world.version(*m_api, ticket));
        return m_world.command(*m_api, agent, command);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY2(startWorld({u"--test-hooks"_s}), qPrintable(m_error));
        QCOMPARE(at(T0), 0);
    }
    void cleanup() { QVERIFY(stopWorld()); }

    void policyIsValidatedAndNothingIsHalfWritten()
    {
        const QString path = u"/api/v1/departments/%1"_s.arg(m_world.support);
        struct Bad
        {
            QJsonObject sla;
            QString field;
        };
        const QList<Bad> bad{
            {{{u"targets"_s, QJsonObject{{u"normal"_s, targets(-5, 10, 10)}}}}, u"sla.targets.normal.first_response"_s},
            {{{u"targets"_s, QJsonObject{{u"normal"_s, QJsonObject{{u"resolution"_s, 1.5}}}}}}, u"sla.targets.normal.resolution"_s},
            {{{u"targets"_s, QJsonObject{{u"critical"_s, targets(5, 10, 10)}}}}, u"sla.targets"_s},
            {{{u"at_risk_percent"_s, 100}}, u"sla.at_risk_percent"_s},
            {{{u"ownership"_s, u"soon"_s}}, u"sla.ownership"_s},
            {{{u"business_hours"_s, QJsonObject{{u"time_zone"_s, u"Mars/Olympus"_s}}}}, u"sla.business_hours.time_zone"_s},
            {{{u"escalate"_s, true}}, u"sla"_s},
        };
        for (const Bad &b : bad) {
            // The name changes in the same request: refused as a whole.
            const Response response = m_api->patch(path, {{u"name"_s, u"Renamed"_s}, {u"sla"_s, b.sla}}, admin());
            QCOMPARE(response.status, 422);
            QCOMPARE(response.json().value(u"error"_s).toObject().value(u"field"_s).toString(), b.field);
        }
        const QJsonObject unchanged = m_api->get(path, admin()).json();
        QCOMPARE(unchanged.value(u"name"_s).toString(), u"Support"_s);
        QVERIFY(unchanged.value(u"sla"_s).toObject().value(u"targets"_s).toObject().value(u"normal"_s).toObject()
                    .value(u"first_response"_s).isNull());

        setPolicy(m_world.support, {{u"targets"_s, QJsonObject{{u"urgent"_s, targets(15, 30, 120)}}},
                                    {u"ownership"_s, 20}, {u"at_risk_percent"_s, 80}});
        const QJsonObject stored = m_api->get(path, m_world.token(u"sam"_s)).json().value(u"sla"_s).toObject();
        QCOMPARE(stored.value(u"targets"_s).toObject().value(u"urgent"_s).toObject(), targets(15, 30, 120));
        QCOMPARE(stored.value(u"ownership"_s).toInt(), 20);
        QCOMPARE(stored.value(u"at_risk_percent"_s).toInt(), 80);
    }

    void dueTimesFollowRepliesPendingAndPriority()
    {
        setPolicy(m_world.support, {{u"targets"_s, QJsonObject{{u"normal"_s, targets(60, 120, 480)},
                                                              {u"urgent"_s, targets(15, 30, 120)}}},
                                    {u"ownership"_s, 30}});
        QString secret;
        const qint64 id = m_world.intake(*m_api, m_world.support, u"Broken zip"_s, u"c@example.com"_s, &secret);
        QCOMPARE(due(id, u"first_response"_s), T0 + 60 * Minute);
        QCOMPARE(due(id, u"resolution"_s), T0 + 480 * Minute);
        QCOMPARE(due(id, u"ownership"_s), T0 + 30 * Minute);
        QCOMPARE(due(id, u"next_response"_s), 0);

        // Answered after 10 minutes and waiting on the customer: nothing runs.
        at(T0 + 10 * Minute);
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Which size?"_s}, {u"status"_s, u"pending"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QVERIFY(sla(id).value(u"due"_s).toObject().isEmpty());

        // The customer writes back an hour later: a next response is owed and
        // resolution resumes with the 10 minutes it had used.
        at(T0 + 70 * Minute);
        QCOMPARE(m_api->post(u"/api/v1/public/replies"_s, {{u"secret"_s, secret}, {u"message"_s, u"Size M"_s}}).status, 201);
        QCOMPARE(ticket(id).value(u"status"_s).toString(), u"open"_s);
        QCOMPARE(due(id, u"next_response"_s), T0 + (70 + 120) * Minute);
        QCOMPARE(due(id, u"resolution"_s), T0 + (70 + 470) * Minute);
        QCOMPARE(due(id, u"first_response"_s), 0);
        QCOMPARE(due(id, u"ownership"_s), 0);

        // Urgent now: the same clocks against the urgent targets.
        at(T0 + 80 * Minute);
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"priority"_s}, {u"priority"_s, u"urgent"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        QCOMPARE(due(id, u"next_response"_s), T0 + (70 + 30) * Minute);
        QCOMPARE(due(id, u"resolution"_s), T0 + (70 + 110) * Minute);

        // Solved: nothing is due any more.
        at(T0 + 90 * Minute);
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Sent"_s}, {u"status"_s, u"solved"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QVERIFY(sla(id).value(u"due"_s).toObject().isEmpty());
    }

    void aPolicyChangeReschedulesOpenTickets()
    {
        const qint64 id = m_world.intake(*m_api, m_world.support);
        QVERIFY(sla(id).value(u"due"_s).toObject().isEmpty());
        const qint64 seq = ticket(id).value(u"seq"_s).toInteger();
        at(T0 + 5 * Minute);
        setPolicy(m_world.support, {{u"targets"_s, QJsonObject{{u"normal"_s, targets(60, 0, 0)}}}});
        // Counted from the ticket's arrival, not from the policy change.
        QCOMPARE(due(id, u"first_response"_s), T0 + 60 * Minute);
        QVERIFY(ticket(id).value(u"seq"_s).toInteger() > seq); // so the desks pull it
        QCOMPARE(ticket(id).value(u"version"_s).toInteger(), 1);
    }

    // A policy change over more open tickets than the server reschedules
    // at once: the first chunk is written with the policy, the rest follows
    // a chunk at a time between other requests; a server stopped in between
    // finishes it after its restart.
    void aPolicyChangeOverManyTicketsIsFinishedInChunks()
    {
        // Five chunks' worth, with chunks of 20.
        QVERIFY(m_server->stop());
        QVERIFY(m_server->start({u"--test-hooks"_s, u"--sla-chunk"_s, u"20"_s, u"--port"_s,
                                 QString::number(m_server->baseUrl().port())}));
        QCOMPARE(at(T0), 0);
        const int tickets = 5 * 20;
        for (int i = 0; i < tickets; ++i)
            QVERIFY(m_world.intake(*m_api, m_world.support) > 0);
        at(T0 + 5 * Minute);
        auto inStore = [this](const QString &sql) {
            qint64 value = -1;
            m_server->withStore([&](QSqlDatabase &db) {
                QSqlQuery query(db);
                if (query.exec(sql) && query.next())
                    value = query.value(0).toLongLong();
                return true;
            });
            return value;
        };
        const QString rescheduled = u"SELECT count(*) FROM tickets WHERE department_id = %1 AND first_response_due_at = %2"_s
                                        .arg(m_world.support)
                                        .arg(T0 + 60 * Minute);

        // The sweep held: what the change itself wrote, and the rest kept.
        QCOMPARE(m_api->post(u"/api/v1/test/sla-sweep"_s, {{u"paused"_s, true}}).status, 204);
        setPolicy(m_world.support, {{u"targets"_s, QJsonObject{{u"normal"_s, targets(60, 0, 0)}}}});
        QCOMPARE(inStore(rescheduled), 20);
        QCOMPARE(inStore(u"SELECT after_id FROM sla_reschedules WHERE department_id = %1"_s.arg(m_world.support)),
                 inStore(u"SELECT max(id) FROM (SELECT id FROM tickets ORDER BY id LIMIT 20) first_ones"_s));
        // A ticket the sweep has not reached gets the new policy as soon as
        // an agent acts on it.
        const qint64 last = inStore(u"SELECT max(id) FROM tickets"_s);
        QCOMPARE(due(last, u"first_response"_s), 0);
        QCOMPARE(run(u"sam"_s, last, {{u"type"_s, u"note"_s}, {u"body"_s, u"Looking"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(due(last, u"first_response"_s), T0 + 60 * Minute);

        // Stopped before the sweep did the rest: it does after the restart.
        m_server->kill();
        QVERIFY(m_server->restart());
        QTRY_COMPARE(inStore(rescheduled), qint64(tickets));
        QTRY_COMPARE(inStore(u"SELECT count(*) FROM sla_reschedules"_s), 0);
    }

    void transferAppliesTheReceivingPolicyAndRestartsOwnership()
    {
        setPolicy(m_world.support, {{u"targets"_s, QJsonObject{{u"normal"_s, targets(60, 120, 480)}}}, {u"ownership"_s, 30}});
        setPolicy(m_world.returns, {{u"targets"_s, QJsonObject{{u"normal"_s, targets(240, 240, 1440)}}}, {u"ownership"_s, 60}});
        const qint64 id = m_world.intake(*m_api, m_world.support);
        at(T0 + 20 * Minute);
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns}, {u"note"_s, u"refund"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        // The 20 minutes spent in Support count against Returns' targets.
        QCOMPARE(due(id, u"first_response"_s), T0 + 240 * Minute);
        QCOMPARE(due(id, u"resolution"_s), T0 + 1440 * Minute);
        QCOMPARE(due(id, u"ownership"_s), T0 + (20 + 60) * Minute);
        // Rob's note is the first touch in Returns: the ownership clock stops.
        at(T0 + 35 * Minute);
        QCOMPARE(run(u"rob"_s, id, {{u"type"_s, u"note"_s}, {u"body"_s, u"on it"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        QCOMPARE(due(id, u"ownership"_s), 0);
        QCOMPARE(due(id, u"first_response"_s), T0 + 240 * Minute);
    }

    void riskAndBreachAreAnnouncedOnceAndKeptInTheHistory()
    {
        setPolicy(m_world.support, {{u"targets"_s, QJsonObject{{u"normal"_s, targets(60, 120, 0)}}}, {u"at_risk_percent"_s, 75}});
        const qint64 id = m_world.intake(*m_api, m_world.support);
        QCOMPARE(at(T0 + 44 * Minute), 0);
        QVERIFY(flags(id, u"at_risk"_s).isEmpty());

        QCOMPARE(at(T0 + 46 * Minute), 1);
        QCOMPARE(flags(id, u"at_risk"_s), QStringList{u"first_response"_s});
        QCOMPARE(events(id, u"sla_at_risk"_s).size(), 1);
        QCOMPARE(events(id, u"sla_at_risk"_s).first().value(u"data"_s).toObject().value(u"at_risk_at"_s).toString(),
                 isoFromMs(T0 + 45 * Minute));
        QCOMPARE(at(T0 + 50 * Minute), 0); // once

        QCOMPARE(at(T0 + 61 * Minute), 1);
        QCOMPARE(flags(id, u"breached"_s), QStringList{u"first_response"_s});
        QVERIFY(flags(id, u"at_risk"_s).isEmpty());
        const QList<QJsonObject> breaches = events(id, u"sla_breached"_s);
        QCOMPARE(breaches.size(), 1);
        QCOMPARE(breaches.first().value(u"data"_s).toObject().value(u"target"_s).toString(), u"first_response"_s);
        QCOMPARE(breaches.first().value(u"data"_s).toObject().value(u"due_at"_s).toString(), isoFromMs(T0 + 60 * Minute));
        QCOMPARE(at(T0 + 90 * Minute), 0);
        // The sync feed carries the same SLA state as the ticket view, written
        // by its own fast path (which the server would fall back from, saying so).
        const QJsonArray page = m_api->get(u"/api/v1/sync?limit=100"_s, admin()).json().value(u"tickets"_s).toArray();
        QJsonObject synced;
        for (const QJsonValue &t : page) {
            if (t.toObject().value(u"id"_s).toInteger() == id)
                synced = t.toObject();
        }
        QCOMPARE(synced.value(u"sla"_s).toObject(), sla(id));
        QVERIFY2(!m_server->errorOutput().contains(u"no longer matches"_s), qPrintable(m_server->errorOutput()));
        // Announcements are not an agent's change: a transfer based on the
        // version the agent saw before them still goes through.
        QCOMPARE(ticket(id).value(u"version"_s).toInteger(), 1);

        // The reply ends the breached clock; the next customer message starts
        // a fresh one, with its own announcements.
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Sorry for the wait"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        QVERIFY(flags(id, u"breached"_s).isEmpty());
        QCOMPARE(due(id, u"next_response"_s), 0);
    }

    void businessHoursSkipNightsAndWeekends()
    {
        setPolicy(m_world.sales, {{u"targets"_s, QJsonObject{{u"normal"_s, targets(120, 0, 0)}}},
                                  {u"business_hours"_s,
                                   QJsonObject{{u"time_zone"_s, u"Europe/Oslo"_s},
                                               {u"week"_s, QJsonObject{{u"mon"_s, QJsonArray{QJsonArray{u"09:00"_s, u"17:00"_s}}},
                                                                       {u"tue"_s, QJsonArray{QJsonArray{u"09:00"_s, u"17:00"_s}}},
                                                                       {u"wed"_s, QJsonArray{QJsonArray{u"09:00"_s, u"17:00"_s}}},
                                                                       {u"thu"_s, QJsonArray{QJsonArray{u"09:00"_s, u"17:00"_s}}},
                                                                       {u"fri"_s, QJsonArray{QJsonArray{u"09:00"_s, u"17:00"_s}}}}}}}});
        // Friday 16:00 in Oslo (15:00 UTC): one working hour on Friday, the
        // second on Monday from 09:00 Oslo (08:00 UTC).
        at(msFromIso(u"2026-11-27T15:00:00.000Z"_s));
        const qint64 id = m_world.intake(*m_api, m_world.sales);
        QCOMPARE(isoFromMs(due(id, u"first_response"_s)), u"2026-11-30T09:00:00.000Z"_s);
    }

    void aBreachBetweenChecksIsNotHiddenByTheAgentsAction()
    {
        setPolicy(m_world.support, {{u"targets"_s, QJsonObject{{u"normal"_s, targets(60, 0, 0)}}}});
        const qint64 id = m_world.intake(*m_api, m_world.support);
        // Due at +60; the reply comes at +70, before the server looked.
        at(T0 + 70 * Minute, false);
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Late, sorry"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        const QList<QJsonObject> breaches = events(id, u"sla_breached"_s);
        QCOMPARE(breaches.size(), 1);
        QCOMPARE(breaches.first().value(u"data"_s).toObject().value(u"due_at"_s).toString(), isoFromMs(T0 + 60 * Minute));
        const QJsonObject figures =
            m_api->get(u"/api/v1/departments/%1/figures"_s.arg(m_world.support), admin()).json();
        QCOMPARE(figures.value(u"sla"_s).toObject().value(u"missed"_s).toInt(), 1);
    }

    void aBreachStaysWhenTheTargetMovesAndAPausedOverdueClockStaysOverdue()
    {
        setPolicy(m_world.support, {{u"targets"_s, QJsonObject{{u"normal"_s, targets(0, 0, 60)},
                                                              {u"low"_s, targets(0, 0, 240)}}}});
        QString secret;
        const qint64 id = m_world.intake(*m_api, m_world.support, u"Slow"_s, u"c@example.com"_s, &secret);
        QCOMPARE(at(T0 + 61 * Minute), 1); // resolution breached (its risk passed unannounced)
        QCOMPARE(flags(id, u"breached"_s), QStringList{u"resolution"_s});

        // Lower priority: due later, but the breach happened and stays.
        at(T0 + 62 * Minute);
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"priority"_s}, {u"priority"_s, u"low"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        QCOMPARE(flags(id, u"breached"_s), QStringList{u"resolution"_s});
        QCOMPARE(at(T0 + 300 * Minute), 0); // not a second time
        QCOMPARE(events(id, u"sla_breached"_s).size(), 1);

        // Back to normal, pending at +310 with 310 minutes used of 60, and the
        // customer writes at +400: still 250 minutes overdue, not due anew.
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"priority"_s}, {u"priority"_s, u"normal"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        at(T0 + 310 * Minute);
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"status"_s}, {u"status"_s, u"pending"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        at(T0 + 400 * Minute);
        QCOMPARE(m_api->post(u"/api/v1/public/replies"_s, {{u"secret"_s, secret}, {u"message"_s, u"Any news?"_s}}).status, 201);
        QCOMPARE(due(id, u"resolution"_s), T0 + (400 - 250) * Minute);
    }

    void aNewPolicyShowsWhatIsLateWithoutAnnouncingIt()
    {
        const qint64 id = m_world.intake(*m_api, m_world.support);
        at(T0 + 90 * Minute);
        setPolicy(m_world.support, {{u"targets"_s, QJsonObject{{u"normal"_s, targets(60, 0, 0)}}}});
        QCOMPARE(flags(id, u"breached"_s), QStringList{u"first_response"_s});
        QVERIFY(events(id, u"sla_breached"_s).isEmpty());
        QCOMPARE(at(T0 + 95 * Minute), 0);
        const QJsonObject figures =
            m_api->get(u"/api/v1/departments/%1/figures"_s.arg(m_world.support), admin()).json();
        QCOMPARE(figures.value(u"breached"_s).toInt(), 1);
        QCOMPARE(figures.value(u"sla"_s).toObject().value(u"missed"_s).toInt(), 0);
    }

    void aSolvedTicketMovedOnWaitsForNobody()
    {
        setPolicy(m_world.returns, {{u"ownership"_s, 30}});
        const qint64 id = m_world.intake(*m_api, m_world.support);
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"status"_s}, {u"status"_s, u"solved"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(due(id, u"ownership"_s), 0);
        const QJsonObject figures =
            m_api->get(u"/api/v1/departments/%1/figures"_s.arg(m_world.returns), admin()).json();
        QCOMPARE(figures.value(u"ownership"_s).toObject().value(u"arrived"_s).toInt(), 1);
    }

    void aDepartmentWhoseTicketsMovedOnCanBeDeleted()
    {
        const Response made = m_api->post(u"/api/v1/departments"_s,
                                          {{u"name"_s, u"Pop-up"_s}, {u"shops"_s, QJsonArray{m_world.shop}}}, admin());
        QCOMPARE(made.status, 201);
        const qint64 popUp = made.json().value(u"id"_s).toInteger();
        const qint64 id = m_world.intake(*m_api, popUp);
        QVERIFY(id > 0);
        QCOMPARE(run(u"admin"_s, id, {{u"type"_s, u"transfer"_s}, {u"department"_s, m_world.support}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(m_api->del(u"/api/v1/departments/%1"_s.arg(popUp), admin()).status, 204);
    }
};

QTEST_GUILESS_MAIN(TestServerSla)
#include "tst_server_sla.moc"
