// Agents' commands: replies stamped with the department's voice, transfers
// that keep every piece of context, idempotent replay, stale versions.
#include "tests/support/apiclient.h"
#include "tests/support/testserver.h"
#include "tests/support/testworld.h"
#include "tests/support/worldtest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

class TestServerCommands : public WorldTest
{
    Q_OBJECT

    QJsonObject view(qint64 ticket, const QString &agent = u"admin"_s)
    {
        return m_api->get(u"/api/v1/tickets/%1"_s.arg(ticket), m_world.token(agent)).json();
    }
    QJsonObject run(const QString &agent, qint64 ticket, QJsonObject command)
    {
        command.insert(u"ticket"_s, ticket);
        if (!command.contains(u"base_version"_s))
            command.insert(u"base_version"_s, m_world.version(*m_api, ticket));
        return m_world.command(*m_api, agent, command);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY2(startWorld(), qPrintable(m_error));
        m_ticket = m_world.intake(*m_api, m_world.support, u"Broken zip"_s, u"kim@example.com"_s);
        QVERIFY(m_ticket > 0);
    }
    void cleanup() { QVERIFY(stopWorld()); }

    void replyIsStampedWithTheDepartmentsVoiceAtTheTime()
    {
        QCOMPARE(run(u"sam"_s, m_ticket, {{u"type"_s, u"reply"_s}, {u"body"_s, u"On its way"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        // The department changes its signature later; the sent reply keeps the old one.
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support),
                              {{u"signature"_s, u"New signature"_s}}, m_world.token(u"admin"_s)).status, 200);
        QCOMPARE(run(u"sam"_s, m_ticket, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Second"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);

        const QJsonObject ticket = view(m_ticket);
        const QJsonArray messages = ticket.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 3);
        const QJsonObject first = messages[1].toObject();
        QCOMPARE(first.value(u"kind"_s).toString(), u"reply"_s);
        QCOMPARE(first.value(u"sender_name"_s).toString(), u"Support at Acme"_s);
        QCOMPARE(first.value(u"signature"_s).toString(), u"-- \nSupport desk"_s);
        QCOMPARE(first.value(u"author_name"_s).toString(), u"sam"_s);
        QCOMPARE(messages[2].toObject().value(u"signature"_s).toString(), u"New signature"_s);
        // Replying to a new ticket opens it.
        QCOMPARE(ticket.value(u"status"_s).toString(), u"open"_s);
    }

    void notesAreInternalAndSendAndSetStatusWorks()
    {
        QCOMPARE(run(u"sam"_s, m_ticket, {{u"type"_s, u"note"_s}, {u"body"_s, u"Check the batch"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        const QJsonObject reply = run(u"sam"_s, m_ticket, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Can you send a photo?"_s},
                                                           {u"status"_s, u"pending"_s}});
        QCOMPARE(reply.value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(reply.value(u"ticket"_s).toObject().value(u"status"_s).toString(), u"pending"_s);
        const QJsonArray messages = view(m_ticket).value(u"messages"_s).toArray();
        QCOMPARE(messages[1].toObject().value(u"kind"_s).toString(), u"note"_s);
        QVERIFY(!messages[1].toObject().contains(u"signature"_s));
    }

    void transferKeepsEveryPieceOfContext()
    {
        const qint64 sam = m_world.agent(u"sam"_s);
        QCOMPARE(run(u"sam"_s, m_ticket, {{u"type"_s, u"assign"_s}, {u"assignee"_s, sam}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        QCOMPARE(run(u"sam"_s, m_ticket, {{u"type"_s, u"note"_s}, {u"body"_s, u"Customer sent photos"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(run(u"sam"_s, m_ticket, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Looking into it"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        const QJsonObject before = view(m_ticket);

        const QJsonObject transfer = run(u"sam"_s, m_ticket, {{u"type"_s, u"transfer"_s},
                                                              {u"department"_s, m_world.returns},
                                                              {u"assignee"_s, m_world.agent(u"rob"_s)},
                                                              {u"note"_s, u"A return, not a repair"_s}});
        QCOMPARE(transfer.value(u"outcome"_s).toString(), u"applied"_s);

        // Sam no longer sees it; Rob sees all of it.
        QCOMPARE(m_api->get(u"/api/v1/tickets/%1"_s.arg(m_ticket), m_world.token(u"sam"_s)).status, 404);
        const QJsonObject after = view(m_ticket, u"rob"_s);
        QCOMPARE(after.value(u"department"_s).toInteger(), m_world.returns);
        QCOMPARE(after.value(u"assignee"_s).toInteger(), m_world.agent(u"rob"_s));
        QCOMPARE(after.value(u"customer"_s), before.value(u"customer"_s));
        QCOMPARE(after.value(u"subject"_s), before.value(u"subject"_s));
        QCOMPARE(after.value(u"status"_s), before.value(u"status"_s));
        QCOMPARE(after.value(u"messages"_s), before.value(u"messages"_s)); // thread and notes
        const QJsonArray events = after.value(u"events"_s).toArray();
        for (qsizetype i = 0; i < before.value(u"events"_s).toArray().size(); ++i)
            QCOMPARE(events[i], before.value(u"events"_s).toArray()[i]); // history kept, in order
        const QJsonObject moved = events.last().toObject();
        QCOMPARE(moved.value(u"kind"_s).toString(), u"transferred"_s);
        QCOMPARE(moved.value(u"actor_agent"_s).toInteger(), sam);
        const QJsonObject data = moved.value(u"data"_s).toObject();
        QCOMPARE(data.value(u"from"_s).toInteger(), m_world.support);
        QCOMPARE(data.value(u"to"_s).toInteger(), m_world.returns);
        QCOMPARE(data.value(u"note"_s).toString(), u"A return, not a repair"_s);
        QCOMPARE(data.value(u"previous_assignee"_s).toInteger(), sam);
    }

    void transferValidation_data()
    {
        QTest::addColumn<QJsonObject>("command");
        QTest::addColumn<QString>("reason");
        QTest::newRow("same department") << QJsonObject{{u"type"_s, u"transfer"_s}, {u"department"_s, 2}} << u"invalid"_s;
        QTest::newRow("unknown department") << QJsonObject{{u"type"_s, u"transfer"_s}, {u"department"_s, 999}}
                                            << u"invalid"_s;
        QTest::newRow("assignee not in target") << QJsonObject{{u"type"_s, u"transfer"_s}, {u"department"_s, 3},
                                                               {u"assignee"_s, -1}}
                                                << u"invalid"_s;
    }
    void transferValidation()
    {
        QFETCH(QJsonObject, command);
        QFETCH(QString, reason);
        if (command.value(u"department"_s).toInteger() == 2)
            command[u"department"_s] = m_world.support;
        if (command.value(u"department"_s).toInteger() == 3)
            command[u"department"_s] = m_world.returns;
        if (command.value(u"assignee"_s).toInteger() == -1)
            command[u"assignee"_s] = m_world.agent(u"sam"_s); // Support, not Returns
        const qint64 version = m_world.version(*m_api, m_ticket);
        const QJsonObject result = run(u"sue"_s, m_ticket, command);
        QCOMPARE(result.value(u"outcome"_s).toString(), u"rejected"_s);
        QCOMPARE(result.value(u"reason"_s).toString(), reason);
        QVERIFY(!result.value(u"message"_s).toString().isEmpty());
        QCOMPARE(m_world.version(*m_api, m_ticket), version);
        QCOMPARE(view(m_ticket).value(u"department"_s).toInteger(), m_world.support);
    }

    void idempotentReplayOfTheSameBatch()
    {
        const QJsonArray batch{
            QJsonObject{{u"id"_s, u"k-1"_s}, {u"ticket"_s, m_ticket}, {u"base_version"_s, 1}, {u"type"_s, u"reply"_s},
                        {u"body"_s, u"Hello"_s}},
            QJsonObject{{u"id"_s, u"k-2"_s}, {u"ticket"_s, m_ticket}, {u"base_version"_s, 2}, {u"type"_s, u"assign"_s},
                        {u"assignee"_s, m_world.agent(u"sam"_s)}},
        };
        const Response first = m_api->post(u"/api/v1/commands"_s, {{u"commands"_s, batch}}, m_world.token(u"sam"_s));
        QCOMPARE(first.status, 200);
        const QJsonArray results = first.json().value(u"results"_s).toArray();
        QCOMPARE(results[0].toObject().value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(results[1].toObject().value(u"outcome"_s).toString(), u"applied"_s);
        const QJsonObject state = view(m_ticket);

        // The answer was lost; the client sends the same batch again.
        const Response again = m_api->post(u"/api/v1/commands"_s, {{u"commands"_s, batch}}, m_world.token(u"sam"_s));
        const QJsonArray replayed = again.json().value(u"results"_s).toArray();
        for (qsizetype i = 0; i < 2; ++i) {
            QCOMPARE(replayed[i].toObject().value(u"outcome"_s).toString(), u"duplicate"_s);
            QCOMPARE(replayed[i].toObject().value(u"ticket"_s), results[i].toObject().value(u"ticket"_s));
        }
        QCOMPARE(view(m_ticket), state); // nothing applied twice
        QCOMPARE(state.value(u"messages"_s).toArray().size(), 2);

        // The same key with other content is refused.
        QJsonObject changed = batch[0].toObject();
        changed[u"body"_s] = u"Something else"_s;
        const QJsonObject reused = m_world.command(*m_api, u"sam"_s, changed);
        QCOMPARE(reused.value(u"outcome"_s).toString(), u"rejected"_s);
        QCOMPARE(reused.value(u"reason"_s).toString(), u"invalid"_s);
        // Keys belong to their agent: Sue may use "k-1" for her own command.
        QJsonObject sues = batch[0].toObject();
        sues[u"base_version"_s] = state.value(u"version"_s);
        QCOMPARE(m_world.command(*m_api, u"sue"_s, sues).value(u"outcome"_s).toString(), u"applied"_s);
    }

    void staleVersionRejectsTransferAndAssignButNotReplies()
    {
        const qint64 seen = m_world.version(*m_api, m_ticket);
        // Someone else acts meanwhile.
        QCOMPARE(run(u"sue"_s, m_ticket, {{u"type"_s, u"priority"_s}, {u"priority"_s, u"high"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);

        const QJsonObject transfer = run(u"sam"_s, m_ticket, {{u"type"_s, u"transfer"_s}, {u"base_version"_s, seen},
                                                              {u"department"_s, m_world.sales}});
        QCOMPARE(transfer.value(u"outcome"_s).toString(), u"rejected"_s);
        QCOMPARE(transfer.value(u"reason"_s).toString(), u"conflict"_s);
        // The rejection carries the current state, so the agent sees both.
        QCOMPARE(transfer.value(u"ticket"_s).toObject().value(u"priority"_s).toString(), u"high"_s);
        QCOMPARE(transfer.value(u"ticket"_s).toObject().value(u"version"_s).toInteger(), seen + 1);

        const QJsonObject assign = run(u"sam"_s, m_ticket, {{u"type"_s, u"assign"_s}, {u"base_version"_s, seen},
                                                            {u"assignee"_s, m_world.agent(u"sam"_s)}});
        QCOMPARE(assign.value(u"reason"_s).toString(), u"conflict"_s);

        const QJsonObject reply = run(u"sam"_s, m_ticket, {{u"type"_s, u"reply"_s}, {u"base_version"_s, seen},
                                                           {u"body"_s, u"Still fine"_s}});
        QCOMPARE(reply.value(u"outcome"_s).toString(), u"applied"_s);
        const QJsonObject status = run(u"sam"_s, m_ticket, {{u"type"_s, u"status"_s}, {u"base_version"_s, seen},
                                                            {u"status"_s, u"pending"_s}});
        QCOMPARE(status.value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(view(m_ticket).value(u"department"_s).toInteger(), m_world.support);
    }

    void aReplyWrittenBeforeOthersWroteIsRefusedWithWhoWrote()
    {
        QString secret;
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Late parcel"_s, u"nora@example.com"_s, &secret);
        QVERIFY(ticket > 0);
        auto seqOf = [&]() { return view(ticket).value(u"seq"_s).toInteger(); };
        const qint64 began = seqOf();
        QVERIFY(began > 0);

        // Our own note and a colleague's status change do not count.
        QCOMPARE(run(u"sam"_s, ticket, {{u"type"_s, u"note"_s}, {u"body"_s, u"Checking"_s}, {u"seen_seq"_s, began}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(run(u"sue"_s, ticket, {{u"type"_s, u"priority"_s}, {u"priority"_s, u"high"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(run(u"sam"_s, ticket, {{u"type"_s, u"reply"_s}, {u"body"_s, u"First"_s}, {u"seen_seq"_s, began}})
                     .value(u"outcome"_s).toString(), u"applied"_s);

        // The customer writes again, and a colleague replies.
        const qint64 seen = seqOf();
        QCOMPARE(m_api->post(u"/api/v1/public/replies"_s, {{u"secret"_s, secret}, {u"message"_s, u"Any news?"_s}}).status,
                 201);
        QCOMPARE(run(u"sue"_s, ticket, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Tomorrow"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);

        const QJsonObject refused =
            run(u"sam"_s, ticket, {{u"type"_s, u"reply"_s}, {u"body"_s, u"It left today"_s}, {u"seen_seq"_s, seen}});
        QCOMPARE(refused.value(u"outcome"_s).toString(), u"rejected"_s);
        QCOMPARE(refused.value(u"reason"_s).toString(), u"conflict"_s);
        QCOMPARE(refused.value(u"field"_s).toString(), u"seen_seq"_s);
        const QString message = refused.value(u"message"_s).toString();
        QVERIFY2(message.contains(u"wrote again"_s) && message.contains(u"sue replied"_s), qPrintable(message));
        QCOMPARE(refused.value(u"ticket"_s).toObject().value(u"seq"_s).toInteger(), seqOf());
        const QJsonObject note =
            run(u"sam"_s, ticket, {{u"type"_s, u"note"_s}, {u"body"_s, u"Hm"_s}, {u"seen_seq"_s, seen}});
        QCOMPARE(note.value(u"reason"_s).toString(), u"conflict"_s);
        QCOMPARE(view(ticket).value(u"messages"_s).toArray().size(), 5); // nothing of the refused ones stored

        // Having read it, the agent sends on the current seq.
        QCOMPARE(run(u"sam"_s, ticket, {{u"type"_s, u"reply"_s}, {u"body"_s, u"It left today"_s}, {u"seen_seq"_s, seqOf()}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        const QJsonObject bad = run(u"sam"_s, ticket, {{u"type"_s, u"note"_s}, {u"body"_s, u"x"_s}, {u"seen_seq"_s, u"one"_s}});
        QCOMPARE(bad.value(u"field"_s).toString(), u"seen_seq"_s);
    }

    void aRejectedCommandNeverBlocksTheOnesBehindIt()
    {
        const QJsonArray batch{
            QJsonObject{{u"id"_s, u"a"_s}, {u"ticket"_s, m_ticket}, {u"base_version"_s, 1}, {u"type"_s, u"note"_s},
                        {u"body"_s, u"one"_s}},
            QJsonObject{{u"id"_s, u"b"_s}, {u"ticket"_s, m_ticket}, {u"base_version"_s, 1}, {u"type"_s, u"transfer"_s},
                        {u"department"_s, m_world.sales}},
            QJsonObject{{u"ticket"_s, m_ticket}, {u"type"_s, u"note"_s}},
            QJsonObject{{u"id"_s, u"d"_s}, {u"ticket"_s, 99999}, {u"base_version"_s, 1}, {u"type"_s, u"note"_s},
                        {u"body"_s, u"x"_s}},
            QJsonObject{{u"id"_s, u"e"_s}, {u"ticket"_s, m_ticket}, {u"base_version"_s, 1}, {u"type"_s, u"note"_s},
                        {u"body"_s, u"two"_s}},
        };
        const QJsonArray results = m_api->post(u"/api/v1/commands"_s, {{u"commands"_s, batch}}, m_world.token(u"sam"_s))
                                       .json().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 5);
        const QStringList outcomes{u"applied"_s, u"rejected"_s, u"rejected"_s, u"rejected"_s, u"applied"_s};
        const QStringList reasons{QString(), u"conflict"_s, u"invalid"_s, u"not_found"_s, QString()};
        for (qsizetype i = 0; i < results.size(); ++i) {
            QCOMPARE(results[i].toObject().value(u"outcome"_s).toString(), outcomes[i]);
            QCOMPARE(results[i].toObject().value(u"reason"_s).toString(), reasons[i]);
        }
        QCOMPARE(view(m_ticket).value(u"messages"_s).toArray().size(), 3);
    }

    void batchShapeErrors()
    {
        const QString token = m_world.token(u"sam"_s);
        QCOMPARE(m_api->post(u"/api/v1/commands"_s, {}, token).status, 422);
        QCOMPARE(m_api->post(u"/api/v1/commands"_s, {{u"commands"_s, QJsonArray()}}, token).status, 422);
        QJsonArray tooMany;
        for (int i = 0; i < 101; ++i)
            tooMany.append(QJsonObject{{u"id"_s, QString::number(i)}});
        const Response large = m_api->post(u"/api/v1/commands"_s, {{u"commands"_s, tooMany}}, token);
        QCOMPARE(large.status, 422);
        QCOMPARE(large.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"commands"_s);
        QCOMPARE(m_world.version(*m_api, m_ticket), 1);
    }

    void aCommandThatChangesNothingKeepsTheVersion()
    {
        const QJsonObject same = run(u"sam"_s, m_ticket, {{u"type"_s, u"priority"_s}, {u"priority"_s, u"normal"_s}});
        QCOMPARE(same.value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(m_world.version(*m_api, m_ticket), 1);
        QCOMPARE(view(m_ticket).value(u"events"_s).toArray().size(), 2); // created, routed
    }

    void closedTicketsOnlyReopen()
    {
        QCOMPARE(run(u"sam"_s, m_ticket, {{u"type"_s, u"status"_s}, {u"status"_s, u"closed"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        const QJsonObject pending = run(u"sam"_s, m_ticket, {{u"type"_s, u"status"_s}, {u"status"_s, u"pending"_s}});
        QCOMPARE(pending.value(u"reason"_s).toString(), u"invalid"_s);
        // A reply that would set an impossible status leaves no half-written message.
        const QJsonObject reply = run(u"sam"_s, m_ticket, {{u"type"_s, u"reply"_s}, {u"body"_s, u"x"_s},
                                                           {u"status"_s, u"pending"_s}});
        QCOMPARE(reply.value(u"outcome"_s).toString(), u"rejected"_s);
        QCOMPARE(view(m_ticket).value(u"messages"_s).toArray().size(), 1);
        QCOMPARE(run(u"sam"_s, m_ticket, {{u"type"_s, u"status"_s}, {u"status"_s, u"open"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
    }

    void queueFiltersAndSort()
    {
        const qint64 second = m_world.intake(*m_api, m_world.support, u"Second"_s);
        const qint64 third = m_world.intake(*m_api, m_world.support, u"Third"_s);
        QVERIFY(second && third);
        QCOMPARE(run(u"sam"_s, second, {{u"type"_s, u"assign"_s}, {u"assignee"_s, m_world.agent(u"sam"_s)}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(run(u"sam"_s, third, {{u"type"_s, u"status"_s}, {u"status"_s, u"pending"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        auto ids = [&](const QString &query) {
            QList<qint64> list;
            const Response response = m_api->get(u"/api/v1/departments/%1/tickets?"_s.arg(m_world.support) + query,
                                                 m_world.token(u"sam"_s));
            for (const QJsonValue &t : response.json().value(u"tickets"_s).toArray())
                list.append(t.toObject().value(u"id"_s).toInteger());
            return list;
        };
        QCOMPARE(ids(u"assignee=me"_s), QList<qint64>{second});
        QCOMPARE(ids(u"assignee=none&sort=id"_s), (QList<qint64>{m_ticket, third}));
        QCOMPARE(ids(u"status=pending"_s), QList<qint64>{third});
        QCOMPARE(ids(u"status=new,open&sort=-id"_s), (QList<qint64>{second, m_ticket}));
        QCOMPARE(ids(u"sort=id&limit=1&offset=1"_s), QList<qint64>{second});
        const Response bad = m_api->get(u"/api/v1/departments/%1/tickets?status=done"_s.arg(m_world.support),
                                        m_world.token(u"sam"_s));
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"status"_s);
    }

private:
    qint64 m_ticket = 0;
};

QTEST_GUILESS_MAIN(TestServerCommands)
#include "tst_server_commands.moc"
