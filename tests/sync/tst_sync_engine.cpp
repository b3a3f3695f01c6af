// The client's sync engine against a real signpost-server: first sync,
// deltas by push, revocation, outages, restarts with a pending outbox,
// conflicting transfers and a lost answer.
#include "core/timestamps.h"
#include "sync/localstore.h"
#include "sync/syncengine.h"
#include "tests/support/worldtest.h"

#include <QCoroTask>
#include <QDateTime>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QScopeGuard>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;
using namespace Signpost::Test;

namespace {

// One agent's client: a cache file and an engine over it.
struct Client
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<SyncEngine> engine;

    bool open(const QString &path)
    {
        Expected<std::unique_ptr<LocalStore>> opened = LocalStore::open(path);
        if (!opened)
            return false;
        store = std::move(*opened);
        engine = std::make_unique<SyncEngine>(*store);
        // Prove that changes arrive by push: polling alone would be too slow.
        engine->setPollInterval(std::chrono::minutes(10));
        return true;
    }
    void close()
    {
        engine.reset();
        store.reset();
    }
    Command command(Command::Type type, qint64 ticket)
    {
        Command c;
        c.type = type;
        c.ticketId = ticket;
        return c;
    }
};

} // namespace

class TestSyncEngine : public WorldTest
{
    Q_OBJECT

    bool signIn(Client &client, const QString &agent)
    {
        const Status done = QCoro::waitFor(client.engine->signIn(
            m_server->baseUrl(), agent + u"@acme.example"_s, QString::fromLatin1(TestWorld::Password)));
        return done.has_value();
    }
    // A client on a cache at `path`, signed in as `agent` and in step.
    bool startLive(Client &client, const QString &path, const QString &agent)
    {
        return client.open(path) && signIn(client, agent)
               && QTest::qWaitFor([&client]() { return client.engine->state() == SyncEngine::State::Live; }, 15'000);
    }
    // A client keeping `days` of history, signed in and in step.
    bool startWindowed(Client &client, const QString &path, const QString &agent, int days)
    {
        return client.open(path) && client.engine->setHistoryWindow(days) && signIn(client, agent)
               && QTest::qWaitFor([&client]() { return client.engine->state() == SyncEngine::State::Live; }, 15'000);
    }
    // The server's "now" stands at `ms`.
    int setServerClock(qint64 ms)
    {
        return m_api->post(u"/api/v1/test/clock"_s, {{u"now"_s, isoFromMs(ms)}}).status;
    }
    // Sue solves the ticket; the command's outcome.
    QString solve(qint64 ticket, qint64 baseVersion)
    {
        return m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, baseVersion},
                                                  {u"type"_s, u"status"_s}, {u"status"_s, u"solved"_s}})
            .value(u"outcome"_s)
            .toString();
    }
    // Runs `sql` on the cache file through a connection of its own, as
    // another program would; the first column of the first row, or an
    // invalid value when it failed.
    static QVariant besideTheDesk(const QString &path, const QString &sql)
    {
        QVariant value;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"beside"_s);
            db.setDatabaseName(path);
            QSqlQuery query(db);
            if (db.open() && query.exec(sql))
                value = query.next() ? query.value(0) : QVariant(0);
        }
        QSqlDatabase::removeDatabase(u"beside"_s);
        return value;
    }
    QJsonObject serverTicket(qint64 id)
    {
        return m_api->get(u"/api/v1/tickets/%1"_s.arg(id), m_world.token(u"admin"_s)).json();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY2(startWorld({u"--test-hooks"_s}), qPrintable(m_error));
        m_tickets.clear();
        for (int i = 0; i < 5; ++i)
            m_tickets.append(m_world.intake(*m_api, m_world.support, u"Support %1"_s.arg(i)));
        m_returns = m_world.intake(*m_api, m_world.returns, u"Returns"_s);
        QVERIFY(!m_tickets.contains(0) && m_returns > 0);
    }
    void cleanup() { QVERIFY(stopWorld()); }

    void initialSyncFillsTheCacheWithVisibleTicketsOnly()
    {
        QTemporaryDir dir;
        Client sam;
        QVERIFY(startLive(sam, dir.filePath(u"sam.sqlite"_s), u"sam"_s));
        QCOMPARE(sam.store->ticketCount(), 5);
        QVERIFY(!sam.store->ticket(m_returns));
        const std::optional<Ticket> first = sam.store->ticket(m_tickets.first());
        QVERIFY(first);
        QCOMPARE(first->messages.size(), 1);
        QCOMPARE(first->events.size(), 2);
        // The directory came too: departments, colleagues, transfer targets.
        QCOMPARE(sam.store->departments().size(), 1);
        QVERIFY(!sam.store->colleagues(m_world.support).isEmpty());
        QCOMPARE(sam.store->transferTargets().size(), 4);
        QCOMPARE(sam.store->me()->id, m_world.agent(u"sam"_s));
    }

    void changesArriveByPushAndTransferOutRevokes()
    {
        QTemporaryDir dir;
        Client sam;
        QVERIFY(startLive(sam, dir.filePath(u"sam.sqlite"_s), u"sam"_s));
        QSignalSpy notified(sam.engine.get(), &SyncEngine::notificationReceived);

        const qint64 fresh = m_world.intake(*m_api, m_world.support, u"New by push"_s);
        QTRY_VERIFY_WITH_TIMEOUT(sam.store->ticket(fresh).has_value(), 15'000);
        // The notification comes on the push hub's next tick: a pull that was
        // under way may bring the ticket first.
        QTRY_VERIFY_WITH_TIMEOUT(!notified.isEmpty(), 15'000);
        QCOMPARE(notified.first().first().toJsonObject().value(u"event"_s).toString(), u"new_ticket"_s);

        // Sue replies: the delta lands in Sam's cache.
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, fresh}, {u"base_version"_s, 1},
                                                    {u"type"_s, u"reply"_s}, {u"body"_s, u"On it"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_COMPARE_WITH_TIMEOUT(sam.store->ticket(fresh)->messages.size(), 2, 15'000);

        // Sue transfers it to Returns: it leaves Sam's cache.
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, fresh}, {u"base_version"_s, 2},
                                                    {u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!sam.store->ticket(fresh).has_value(), 15'000);
    }

    void actionsWorkOfflineAndReplayInOrderAfterAnOutage()
    {
        QTemporaryDir dir;
        Client sam;
        QVERIFY(startLive(sam, dir.filePath(u"sam.sqlite"_s), u"sam"_s));

        m_server->kill(); // the server dies mid-whatever
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->state(), SyncEngine::State::Offline, 15'000);

        const qint64 ticket = m_tickets[1];
        Command note = sam.command(Command::Type::Note, ticket);
        note.body = u"Written offline"_s;
        QVERIFY(sam.engine->act(note));
        Command reply = sam.command(Command::Type::Reply, ticket);
        reply.body = u"Also offline"_s;
        reply.status = TicketStatus::Pending;
        QVERIFY(sam.engine->act(reply));
        Command assign = sam.command(Command::Type::Assign, ticket);
        assign.assigneeId = m_world.agent(u"sam"_s);
        QVERIFY(sam.engine->act(assign));
        QCOMPARE(sam.engine->pendingCount(), 3);
        // The cache shows the changes at once.
        const std::optional<Ticket> local = sam.store->ticket(ticket);
        QCOMPARE(local->messages.size(), 3);
        QVERIFY(local->status == TicketStatus::Pending);
        QCOMPARE(local->assigneeId, m_world.agent(u"sam"_s));

        QVERIFY(m_server->restart());
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->pendingCount(), 0, 60'000);
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->state(), SyncEngine::State::Live, 15'000);
        m_api = std::make_unique<Test::ApiClient>(m_server->baseUrl());
        const QJsonObject server = serverTicket(ticket);
        const QJsonArray messages = server.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages[1].toObject().value(u"body"_s).toString(), u"Written offline"_s);
        QCOMPARE(messages[2].toObject().value(u"body"_s).toString(), u"Also offline"_s);
        QCOMPARE(server.value(u"status"_s).toString(), u"pending"_s);
        QCOMPARE(server.value(u"assignee"_s).toInteger(), m_world.agent(u"sam"_s));
        // And the cache agrees with the server, placeholders replaced.
        QTRY_COMPARE_WITH_TIMEOUT(sam.store->ticket(ticket)->messages.last().id,
                                  messages[2].toObject().value(u"id"_s).toInteger(), 15'000);
    }

    void clientRestartWithPendingOutboxLosesNothingAndSendsNothingTwice()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sam.sqlite"_s);
        QString token;
        {
            Client sam;
            QVERIFY(startLive(sam, path, u"sam"_s));
            token = sam.engine->api().token();
            QVERIFY(m_server->stop());
            QTRY_COMPARE_WITH_TIMEOUT(sam.engine->state(), SyncEngine::State::Offline, 15'000);
            Command reply = sam.command(Command::Type::Reply, m_tickets[2]);
            reply.body = u"Typed before the crash"_s;
            QVERIFY(sam.engine->act(reply));
            sam.close(); // the client goes away with the change queued
        }
        QVERIFY(m_server->restart());
        Client again;
        QVERIFY(again.open(path));
        QCOMPARE(again.store->pendingCount(), 1);
        again.engine->resume(m_server->baseUrl(), token);
        QTRY_COMPARE_WITH_TIMEOUT(again.engine->pendingCount(), 0, 30'000);
        m_api = std::make_unique<Test::ApiClient>(m_server->baseUrl());
        const QJsonArray messages = serverTicket(m_tickets[2]).value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.last().toObject().value(u"body"_s).toString(), u"Typed before the crash"_s);
    }

    void conflictingTransfersFromTwoClients()
    {
        // The admin's client decides offline; "two" decides meanwhile online.
        QTemporaryDir dir;
        const QString adminPath = dir.filePath(u"admin.sqlite"_s);
        QString adminToken;
        const qint64 ticket = m_tickets[3];
        {
            Client admin;
            QVERIFY(admin.open(adminPath));
            const Status signedIn = QCoro::waitFor(admin.engine->signIn(
                m_server->baseUrl(), QString::fromLatin1(TestServer::AdminEmail),
                QString::fromLatin1(TestServer::AdminPassword)));
            QVERIFY(signedIn.has_value());
            QTRY_COMPARE_WITH_TIMEOUT(admin.engine->state(), SyncEngine::State::Live, 15'000);
            adminToken = admin.engine->api().token();
            admin.engine.reset(); // offline from here
            Command toSales = admin.command(Command::Type::Transfer, ticket);
            toSales.departmentId = m_world.sales;
            toSales.note = u"Admin says: a sales question"_s;
            QVERIFY(admin.store->enqueue(toSales));
        }
        Client two;
        QVERIFY(startLive(two, dir.filePath(u"two.sqlite"_s), u"two"_s));
        Command toReturns = two.command(Command::Type::Transfer, ticket);
        toReturns.departmentId = m_world.returns;
        toReturns.note = u"Two says: a return"_s;
        QVERIFY(two.engine->act(toReturns));
        QTRY_COMPARE_WITH_TIMEOUT(two.engine->pendingCount(), 0, 15'000);
        QCOMPARE(serverTicket(ticket).value(u"department"_s).toInteger(), m_world.returns);

        // The admin comes back online: the transfer is refused, not applied.
        Client admin;
        QVERIFY(admin.open(adminPath));
        QSignalSpy rejected(admin.engine.get(), &SyncEngine::commandRejected);
        admin.engine->resume(m_server->baseUrl(), adminToken);
        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 15'000);
        QCOMPARE(admin.engine->pendingCount(), 0); // a rejection never blocks the outbox
        const QList<OutboxEntry> refused = admin.store->rejected();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().reason, u"conflict"_s);
        // Both versions: the server's, and what the admin wrote, kept.
        QCOMPARE(refused.first().serverTicket.value(u"department"_s).toInteger(), m_world.returns);
        QCOMPARE(refused.first().command.note, u"Admin says: a sales question"_s);
        QCOMPARE(serverTicket(ticket).value(u"department"_s).toInteger(), m_world.returns);
        QTRY_COMPARE_WITH_TIMEOUT(admin.store->ticket(ticket)->departmentId, m_world.returns, 15'000);
        QVERIFY(admin.engine->discard(refused.first().id));
        QCOMPARE(admin.store->rejected().size(), 0);
    }

    void lostAnswerIsReplayedAsDuplicate()
    {
        QTemporaryDir dir;
        Client sam;
        QVERIFY(startLive(sam, dir.filePath(u"sam.sqlite"_s), u"sam"_s));
        // The server will do the work and then drop the connection.
        QCOMPARE(m_api->post(u"/api/v1/test/drop-next-answer"_s, {{u"path"_s, u"/api/v1/commands"_s}}).status, 204);

        Command reply = sam.command(Command::Type::Reply, m_tickets[4]);
        reply.body = u"Exactly once"_s;
        QVERIFY(sam.engine->act(reply));
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->pendingCount(), 0, 60'000);
        const QJsonArray messages = serverTicket(m_tickets[4]).value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.last().toObject().value(u"body"_s).toString(), u"Exactly once"_s);
    }

    // Offline, Sam queues a note and then "assign to me"; meanwhile Sue
    // takes the ticket. The note goes through, but the assignment was
    // decided on a ticket that has changed since: it must meet the conflict
    // check, not be moved onto the version that holds Sue's change.
    void queuedCommandsNeverMoveOverAColleaguesChange()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sam.sqlite"_s);
        const qint64 ticket = m_tickets[0];
        QString token;
        {
            Client sam;
            QVERIFY(startLive(sam, path, u"sam"_s));
            token = sam.engine->api().token();
            sam.engine.reset(); // offline from here
            Command note = sam.command(Command::Type::Note, ticket);
            note.body = u"Checked the order"_s;
            QVERIFY(sam.store->enqueue(note));
            Command mine = sam.command(Command::Type::Assign, ticket);
            mine.assigneeId = m_world.agent(u"sam"_s);
            QVERIFY(sam.store->enqueue(mine));
        }
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, 1},
                                                    {u"type"_s, u"assign"_s}, {u"assignee"_s, m_world.agent(u"sue"_s)}})
                     .value(u"outcome"_s).toString(), u"applied"_s);

        Client sam;
        QVERIFY(sam.open(path));
        QSignalSpy rejected(sam.engine.get(), &SyncEngine::commandRejected);
        sam.engine->resume(m_server->baseUrl(), token);
        QTRY_COMPARE_WITH_TIMEOUT(rejected.size(), 1, 15'000);
        const QList<OutboxEntry> refused = sam.store->rejected();
        QCOMPARE(refused.size(), 1);
        QVERIFY(refused.first().command.type == Command::Type::Assign);
        QCOMPARE(refused.first().reason, u"conflict"_s);
        const QJsonObject server = serverTicket(ticket);
        QCOMPARE(server.value(u"assignee"_s).toInteger(), m_world.agent(u"sue"_s));
        QCOMPARE(server.value(u"messages"_s).toArray().last().toObject().value(u"body"_s).toString(), u"Checked the order"_s);
        QTRY_COMPARE_WITH_TIMEOUT(sam.store->ticket(ticket)->assigneeId, m_world.agent(u"sue"_s), 15'000);

        // Our own change alone still lets the next command move on.
        Command reply = sam.command(Command::Type::Reply, ticket);
        reply.body = u"On it"_s;
        QVERIFY(sam.engine->act(reply));
        Command priority = sam.command(Command::Type::SetPriority, ticket);
        priority.priority = Priority::High;
        QVERIFY(sam.engine->act(priority));
        Command back = sam.command(Command::Type::Assign, ticket);
        back.assigneeId = m_world.agent(u"sam"_s);
        QVERIFY(sam.engine->act(back));
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->pendingCount(), 0, 15'000);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(serverTicket(ticket).value(u"assignee"_s).toInteger(), m_world.agent(u"sam"_s));
    }

    // "internal" means the outcome is unknown: the desk sends the same
    // command again (same id), never offers to discard it, and does not
    // hammer the server meanwhile.
    void internalErrorsAreRetriedNotRejected()
    {
        QTemporaryDir dir;
        Client sam;
        QVERIFY(startLive(sam, dir.filePath(u"sam.sqlite"_s), u"sam"_s));
        QSignalSpy rejected(sam.engine.get(), &SyncEngine::commandRejected);
        QCOMPARE(m_api->post(u"/api/v1/test/fail-commands"_s, {{u"count"_s, 3}}).status, 204);

        Command reply = sam.command(Command::Type::Reply, m_tickets[1]);
        reply.body = u"Through a bad moment"_s;
        QVERIFY(sam.engine->act(reply));
        // While that command waits for its next try, the desk goes on: a
        // new ticket still reaches it.
        const qint64 fresh = m_world.intake(*m_api, m_world.support, u"Meanwhile"_s);
        QTRY_VERIFY_WITH_TIMEOUT(sam.store->ticket(fresh).has_value(), 15'000);
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->pendingCount(), 0, 30'000);
        QVERIFY(rejected.isEmpty());
        QVERIFY(sam.store->rejected().isEmpty());
        const QJsonArray messages = serverTicket(m_tickets[1]).value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages.last().toObject().value(u"body"_s).toString(), u"Through a bad moment"_s);
    }

    // Access changes take effect on the desk at once: losing the admin flag
    // takes away the departments the agent is not a member of, and a
    // disabled account's desk keeps no tickets at all.
    void losingAdminOrTheAccountEmptiesTheCache()
    {
        const QString admin = m_world.token(u"admin"_s);
        const QString sal = u"/api/v1/agents/%1"_s.arg(m_world.agent(u"sal"_s));
        QCOMPARE(m_api->patch(sal, {{u"is_admin"_s, true}}, admin).status, 200);
        const qint64 sales = m_world.intake(*m_api, m_world.sales, u"A sales question"_s);
        QVERIFY(sales > 0);

        QTemporaryDir dir;
        Client client;
        QVERIFY(startLive(client, dir.filePath(u"sal.sqlite"_s), u"sal"_s));
        QCOMPARE(client.store->ticketCount(), 7); // everything, as an admin

        QCOMPARE(m_api->patch(sal, {{u"is_admin"_s, false}}, admin).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(client.store->ticketCount(), 1, 15'000);
        QVERIFY(client.store->ticket(sales).has_value());

        QCOMPARE(m_api->patch(sal, {{u"is_admin"_s, true}}, admin).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(client.store->ticketCount(), 7, 15'000);

        QSignalSpy signedOut(client.engine.get(), &SyncEngine::signedOut);
        QCOMPARE(m_api->patch(sal, {{u"disabled"_s, true}}, admin).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(client.engine->state(), SyncEngine::State::SignedOut, 15'000);
        QCOMPARE(client.store->ticketCount(), 0);
        QVERIFY(!signedOut.isEmpty());
        QVERIFY(signedOut.first().first().toString().contains(u"disabled"_s));
    }

    // A server that accepts and never answers (hung: SIGSTOP) makes every
    // request time out. The desk goes offline, keeps what the agent does,
    // and comes back when the server does; it used to crash after the first
    // timeout (the reply was deleted inside its own finished()).
    void aHungServerNeverCrashesTheDesk()
    {
        QTemporaryDir dir;
        Client sam;
        // Short deadlines from the start: a request already on its way when
        // the server hangs must not wait the desk's usual 30 seconds.
        QVERIFY(sam.open(dir.filePath(u"sam.sqlite"_s)));
        sam.engine->api().setTimeout(std::chrono::milliseconds(400));
        QVERIFY(signIn(sam, u"sam"_s));
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->state(), SyncEngine::State::Live, 15'000);

        m_server->suspend();
        Command note = sam.command(Command::Type::Note, m_tickets[2]);
        note.body = u"Written while the server hung"_s;
        QVERIFY(sam.engine->act(note));
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->state(), SyncEngine::State::Offline, 15'000);
        // Retries with backoff time out too; the desk lives on through them.
        QSignalSpy states(sam.engine.get(), &SyncEngine::stateChanged);
        QVERIFY(states.wait(10'000)); // Syncing again: the next try
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->state(), SyncEngine::State::Offline, 15'000);
        QCOMPARE(sam.engine->pendingCount(), 1);

        m_server->resume();
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->pendingCount(), 0, 30'000);
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->state(), SyncEngine::State::Live, 30'000);
        const QJsonArray messages = serverTicket(m_tickets[2]).value(u"messages"_s).toArray();
        QCOMPARE(messages.last().toObject().value(u"body"_s).toString(), u"Written while the server hung"_s);
    }

    // The desk reads pages of the feed ahead while it stores the one before.
    // A page the cache cannot store stops the sync there: the pages read
    // ahead are dropped and the cursor stays, so the next sync brings every
    // ticket after the last page stored, none skipped.
    void aPageTheCacheCannotStoreDropsThePagesReadAhead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sam.sqlite"_s);
        Client sam;
        QVERIFY(sam.open(path));
        sam.engine->setPageSize(1); // five pages, the third of them refused
        const qint64 refused = m_tickets[2];
        const auto onCache = [&path](const QString &sql) { return besideTheDesk(path, sql).isValid(); };
        QVERIFY(onCache(u"CREATE TRIGGER refuse BEFORE INSERT ON tickets WHEN new.id = %1"
                        " BEGIN SELECT RAISE(ABORT, 'refused'); END"_s.arg(refused)));
        QVERIFY(signIn(sam, u"sam"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!sam.engine->lastError().isEmpty(), 15'000);
        QCOMPARE(sam.store->ticketCount(), 2); // the two pages before it
        const QString cursor = sam.store->cursor();
        QVERIFY(!cursor.isEmpty());
        QVERIFY(!sam.store->ticket(refused));

        QVERIFY(onCache(u"DROP TRIGGER refuse"_s));
        sam.engine->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(sam.store->ticketCount(), 5, 15'000);
        for (qint64 id : std::as_const(m_tickets)) {
            const std::optional<Ticket> ticket = sam.store->ticket(id);
            QVERIFY(ticket);
            QCOMPARE(ticket->messages.size(), 1);
            QCOMPARE(ticket->events.size(), 2);
        }
    }

    // Each page of a sync adds a segment to the cache's search index; once
    // Live the desk merges them, and search finds the same.
    void theSearchIndexIsTidiedWhenIdle()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sam.sqlite"_s);
        Client sam;
        QVERIFY(sam.open(path));
        sam.engine->setPageSize(1);
        QVERIFY(signIn(sam, u"sam"_s));
        QTRY_COMPARE_WITH_TIMEOUT(sam.engine->state(), SyncEngine::State::Live, 15'000);
        QCOMPARE(sam.store->ticketCount(), 5);
        // Five one-ticket pages, five segments; those of one level merge.
        const QString segments = u"SELECT count(DISTINCT segid) FROM ticket_search_idx"_s;
        QVERIFY(QTest::qWaitFor([&]() { return besideTheDesk(path, segments).toInt() <= 2; }, 15'000));
        QCOMPARE(besideTheDesk(path, u"SELECT count(*) FROM ticket_search WHERE ticket_search MATCH 'support'"_s).toInt(), 5);
    }

    // Over years of history the cache keeps open work and a window of the
    // rest; the server's search finds older tickets and the cache keeps them
    // a while; what ages out goes, and comes back whole when it changes.
    void aWindowOfHistoryAndTheServersSearchForTheRest()
    {
        constexpr qint64 Day = 86'400'000;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(setServerClock(now - 100 * Day), 200);
        const qint64 old = m_world.intake(*m_api, m_world.support, u"Tent pole BO-5150 snapped"_s);
        QCOMPARE(solve(old, 1), u"applied"_s);
        QCOMPARE(setServerClock(now), 200);

        QTemporaryDir dir;
        Client sam;
        QVERIFY(startWindowed(sam, dir.filePath(u"sam.sqlite"_s), u"sam"_s, 60));
        QCOMPARE(sam.store->ticketCount(), 5);
        QVERIFY(!sam.store->ticket(old));

        // Found on the server, whole, and listed by the cache's own search.
        QSignalSpy changed(sam.engine.get(), &SyncEngine::ticketsChanged);
        // The server's words follow its writes within a second or so.
        // (Not QTRY: each call that finds it stores it, so a second one finds nothing new.)
        QVERIFY(QTest::qWaitFor([&sam]() {
            const Expected<int> found = QCoro::waitFor(sam.engine->searchServer(u"bo-5150"_s));
            return found && *found == 1;
        }, 10'000));
        QVERIFY(!changed.isEmpty());
        const std::optional<Ticket> fetched = sam.store->ticket(old);
        QVERIFY(fetched);
        QCOMPARE(fetched->messages.size(), 1);
        QCOMPARE(fetched->events.size(), serverTicket(old).value(u"events"_s).toArray().size());
        QueueQuery query;
        query.departmentId = m_world.support;
        query.search = u"BO-5150"_s;
        QCOMPARE(sam.store->queueIds(query), QList<qint64>{old});
        QCOMPARE(*QCoro::waitFor(sam.engine->searchServer(u"bo-5150"_s)), 0); // nothing new the second time

        // Letting go: a found ticket stays its week; a draft keeps a ticket.
        QCOMPARE(solve(m_tickets[0], 1), u"applied"_s);
        QCOMPARE(solve(m_tickets[1], 1), u"applied"_s);
        QTRY_VERIFY_WITH_TIMEOUT(sam.store->ticket(m_tickets[1])->status == TicketStatus::Solved, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(sam.store->ticket(m_tickets[0])->status == TicketStatus::Solved, 15'000);
        QVERIFY(sam.store->saveDraft({m_tickets[1], false, u"One more thing"_s, now, 0}));
        const Expected<int> gone = sam.store->pruneHistory(now + Day, now, 100);
        QVERIFY(gone);
        QCOMPARE(*gone, 1);
        QVERIFY(!sam.store->ticket(m_tickets[0]));
        QVERIFY(sam.store->ticket(m_tickets[1]));
        QVERIFY(sam.store->ticket(old));
        QCOMPARE(*sam.store->pruneHistory(now + Day, now + 8 * Day, 100), 1); // the find's week is over
        QVERIFY(!sam.store->ticket(old));

        // A ticket let go of comes back whole when something happens to it.
        QCOMPARE(setServerClock(now + 62 * Day), 200);
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, m_tickets[0]}, {u"base_version"_s, 3},
                                                    {u"type"_s, u"note"_s}, {u"body"_s, u"Customer called"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_VERIFY_WITH_TIMEOUT(sam.store->ticket(m_tickets[0]).has_value(), 15'000);
        QCOMPARE(sam.store->ticket(m_tickets[0])->messages.size(), 2);
        QCOMPARE(sam.store->ticket(m_tickets[0])->events.size(),
                 serverTicket(m_tickets[0]).value(u"events"_s).toArray().size());

        // Keeping everything rebuilds the cache from the server.
        QVERIFY(sam.engine->setHistoryWindow(0));
        QTRY_VERIFY_WITH_TIMEOUT(sam.store->ticket(old).has_value(), 15'000);
        QCOMPARE(sam.store->ticketCount(), 6);
        QVERIFY(sam.store->draft(m_tickets[1])); // drafts stay through it
    }

    // What ages out of the window goes by the server's clock, not the
    // desk's: the server decides by its own which tickets come whole.
    void ticketsAgeOutByTheServersClock()
    {
        constexpr qint64 Day = 86'400'000;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(setServerClock(now), 200);
        QTemporaryDir dir;
        Client sam;
        QVERIFY(startWindowed(sam, dir.filePath(u"sam.sqlite"_s), u"sam"_s, 60));
        QCOMPARE(solve(m_tickets[0], 1), u"applied"_s);
        QTRY_VERIFY_WITH_TIMEOUT(sam.store->ticket(m_tickets[0])->status == TicketStatus::Solved, 15'000);
        // The server's clock is 70 days on; this desk's is not.
        QCOMPARE(setServerClock(now + 70 * Day), 200);
        sam.engine->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!sam.store->ticket(m_tickets[0]).has_value(), 15'000);
        QVERIFY(sam.store->ticket(m_tickets[1])); // open work stays
    }

    void availabilityGoesStraightToTheServer()
    {
        QTemporaryDir dir;
        Client sam;
        QVERIFY(startLive(sam, dir.filePath(u"sam.sqlite"_s), u"sam"_s));
        QVERIFY(QCoro::waitFor(sam.engine->setAvailable(false)).has_value());
        QCOMPARE(sam.store->me()->available, false);
        QCOMPARE(m_api->get(u"/api/v1/me"_s, m_world.token(u"sam"_s)).json().value(u"available"_s).toBool(), false);
        m_server->kill();
        const Status offline = QCoro::waitFor(sam.engine->setAvailable(true));
        QVERIFY(!offline.has_value());
        QVERIFY(offline.error().code == ErrorCode::Unavailable);
        QVERIFY(m_server->restart());
    }

    void startsFromTheCacheWithNoServerAtAll()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sam.sqlite"_s);
        QString token;
        {
            Client sam;
            QVERIFY(startLive(sam, path, u"sam"_s));
            token = sam.engine->api().token();
        }
        QVERIFY(m_server->stop());
        Client offline;
        QVERIFY(offline.open(path));
        offline.engine->resume(m_server->baseUrl(), token);
        QTRY_COMPARE_WITH_TIMEOUT(offline.engine->state(), SyncEngine::State::Offline, 15'000);
        QCOMPARE(offline.store->ticketCount(), 5);
        QueueQuery query;
        query.departmentId = m_world.support;
        QCOMPARE(offline.store->queueCount(query), 5);
        query.search = u"Support 3"_s;
        QCOMPARE(offline.store->queueRows(query, 0, 10).first().id, m_tickets[3]);
        QVERIFY(m_server->restart());
    }

    // The server's refusals come in the language the desk speaks (its
    // locale, set from the language chosen), as the rest of the desk does.
    void theServerAnswersInTheDesksLanguage()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const auto restore = qScopeGuard([before]() { QLocale::setDefault(before); });
        QTemporaryDir dir;
        Client desk;
        QVERIFY(desk.open(dir.filePath(u"de.sqlite"_s)));
        const Status refused =
            QCoro::waitFor(desk.engine->signIn(m_server->baseUrl(), u"sam@acme.example"_s, u"nope-nope"_s));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unauthorized);
        QCOMPARE(refused.error().message, u"E-Mail-Adresse oder Passwort ist falsch."_s);
    }

private:
    QList<qint64> m_tickets;
    qint64 m_returns = 0;
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_sync_engine.moc"
