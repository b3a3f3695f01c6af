// The client's models over a cache synced from the real server, checked by
// QAbstractItemModelTester: live changes arrive by id, never by a reset.
#include "models/departmentlistmodel.h"
#include "models/desk.h"
#include "models/roles.h"
#include "models/ticketqueuemodel.h"
#include "sync/syncengine.h"
#include "tests/support/worldtest.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QCoroTask>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;
using namespace Signpost::Test;

class TestModels : public WorldTest
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY2(startWorld(), qPrintable(m_error));
        m_tickets.clear();
        for (int i = 0; i < 6; ++i)
            m_tickets.append(m_world.intake(*m_api, m_world.support, u"Ticket %1 about parcels"_s.arg(i)));
        m_tickets.append(m_world.intake(*m_api, m_world.returns, u"Refund for boots"_s));
        QVERIFY(!m_tickets.contains(0));
        m_dir = std::make_unique<QTemporaryDir>();
        Expected<std::unique_ptr<LocalStore>> store = LocalStore::open(m_dir->filePath(u"cache.sqlite"_s));
        QVERIFY(store);
        m_store = std::move(*store);
        m_engine = std::make_unique<SyncEngine>(*m_store);
        const Status signedIn = QCoro::waitFor(m_engine->signIn(m_server->baseUrl(), u"two@acme.example"_s,
                                                                QString::fromLatin1(TestWorld::Password)));
        QVERIFY(signedIn.has_value());
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->state(), SyncEngine::State::Live, 15'000);
        m_desk = std::make_unique<Desk>(*m_engine);
    }
    void cleanup()
    {
        m_desk.reset();
        m_engine.reset();
        m_store.reset();
        QVERIFY(stopWorld());
    }

    void departmentsWithCounts()
    {
        DepartmentListModel &model = m_desk->departments();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2); // Returns and Support, by name
        const int support = model.rowOf(m_world.support);
        QVERIFY(support >= 0);
        QCOMPARE(model.index(support).data(NewCountRole).toInt(), 6);
        QCOMPARE(model.index(support).data(UnassignedCountRole).toInt(), 6);
        QCOMPARE(model.index(support).data(MineCountRole).toInt(), 0);

        QVERIFY(m_desk->assign(m_tickets[0], m_world.agent(u"two"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(model.index(model.rowOf(m_world.support)).data(MineCountRole).toInt(), 1, 10'000);
        QCOMPARE(model.index(model.rowOf(m_world.support)).data(UnassignedCountRole).toInt(), 5);
    }

    // The department list reads counts that triggers keep as tickets come,
    // change (locally and from the server), move away and are purged: they
    // must always equal a count of the tickets themselves.
    void departmentCountsStayEqualToTheTickets()
    {
        auto countedFromTickets = [this](qint64 department) {
            auto ids = [&](QList<TicketStatus> statuses, QueueQuery::Assignee assignee) {
                QueueQuery query;
                query.departmentId = department;
                query.statuses = statuses;
                query.assignee = assignee;
                query.me = m_world.agent(u"two"_s);
                return int(m_store->queueIds(query).size());
            };
            const QList<TicketStatus> open{TicketStatus::New, TicketStatus::Open, TicketStatus::Pending};
            return QList<int>{ids({TicketStatus::New}, QueueQuery::Assignee::Any),
                              ids({TicketStatus::New, TicketStatus::Open}, QueueQuery::Assignee::Any),
                              ids(open, QueueQuery::Assignee::Nobody), ids(open, QueueQuery::Assignee::Me)};
        };
        auto fromSummaries = [this](qint64 department) {
            for (const DepartmentSummary &summary : m_store->departmentSummaries()) {
                if (summary.department.id == department)
                    return QList<int>{summary.newCount, summary.openCount, summary.unassigned, summary.mine};
            }
            return QList<int>{};
        };
        auto agree = [&]() {
            for (qint64 department : {m_world.support, m_world.returns}) {
                if (fromSummaries(department) != countedFromTickets(department))
                    return false;
            }
            return true;
        };
        QVERIFY(agree());
        QCOMPARE(fromSummaries(m_world.support), (QList<int>{6, 6, 6, 0}));

        // Local changes, then what the server says of them.
        QVERIFY(m_desk->assign(m_tickets[0], m_world.agent(u"two"_s)));
        QVERIFY(m_desk->setStatus(m_tickets[1], TicketStatus::Pending));
        QVERIFY(m_desk->setStatus(m_tickets[2], TicketStatus::Solved));
        QVERIFY(agree());
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, 15'000);
        QVERIFY(agree());
        QCOMPARE(fromSummaries(m_world.support), (QList<int>{4, 4, 4, 1}));

        // A transfer within the agent's departments, one out of them (the
        // ticket is purged from the cache), and a colleague's change.
        QVERIFY(m_desk->transfer(m_tickets[3], m_world.returns, 0, QString()));
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->pendingCount(), 0, 15'000);
        QCOMPARE(m_world.command(*m_api, u"admin"_s, {{u"ticket"_s, m_tickets[4]},
                                                     {u"base_version"_s, m_world.version(*m_api, m_tickets[4])},
                                                     {u"type"_s, u"transfer"_s}, {u"department"_s, m_world.sales}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_store->ticket(m_tickets[4]).has_value(), 15'000);
        QTRY_VERIFY(agree());
        QCOMPARE(fromSummaries(m_world.support), (QList<int>{2, 2, 2, 1}));
        QCOMPARE(fromSummaries(m_world.returns), (QList<int>{2, 2, 2, 0}));
    }

    void queueFollowsLiveChangesWithoutReset()
    {
        TicketQueueModel &model = m_desk->queue();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QueueQuery query;
        query.departmentId = m_world.support;
        query.sortColumn = QueueQuery::Column::Id;
        query.descending = false;
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(0, TicketQueueModel::Number).data().toString(), u"#%1"_s.arg(m_tickets[0]));
        QCOMPARE(model.index(2, TicketQueueModel::Subject).data().toString(), u"Ticket 2 about parcels"_s);
        QCOMPARE(model.index(2, TicketQueueModel::Status).data().toString(), u"New"_s);

        // A selection on ticket 3 survives everything below.
        QPersistentModelIndex selected = model.index(3, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // A new ticket arrives (push), one leaves (transfer by a colleague),
        // one changes in place.
        const qint64 fresh = m_world.intake(*m_api, m_world.support, u"Brand new"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 7, 10'000);
        QCOMPARE(model.rowOf(fresh), 6);
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, m_tickets[1]}, {u"base_version"_s, 1},
                                                    {u"type"_s, u"transfer"_s}, {u"department"_s, m_world.sales}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 6, 10'000);
        QCOMPARE(model.rowOf(m_tickets[1]), -1);
        QCOMPARE(m_world.command(*m_api, u"sue"_s, {{u"ticket"_s, m_tickets[3]}, {u"base_version"_s, 1},
                                                    {u"type"_s, u"status"_s}, {u"status"_s, u"pending"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(model.rowOf(m_tickets[3]), TicketQueueModel::Status).data().toString(),
                                  u"Pending"_s, 10'000);
        QCOMPARE(resets.size(), 0);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.data(TicketIdRole).toLongLong(), m_tickets[3]);
        QCOMPARE(selected.row(), 2); // moved up when ticket 1 left
    }

    void queueSortFilterAndSearchInSql()
    {
        TicketQueueModel &model = m_desk->queue();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QueueQuery query;
        query.departmentId = m_world.support;
        model.setQuery(query);
        model.sort(TicketQueueModel::Number, Qt::DescendingOrder);
        QCOMPARE(model.ticketAt(0), m_tickets[5]);
        QVERIFY(m_desk->setPriority(m_tickets[2], Priority::Urgent));
        model.sort(TicketQueueModel::Priority, Qt::DescendingOrder);
        QCOMPARE(model.ticketAt(0), m_tickets[2]);
        // A change made offline-first shows at once, marked as waiting.
        QVERIFY(model.index(0, 0).data(PendingChangesRole).toInt() >= 0);

        query = model.query();
        query.search = QString::number(m_tickets[4]); // the ticket number
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.ticketAt(0), m_tickets[4]);
        // Another ticket that mentions it: the one with that number still
        // comes first, whatever the sort.
        QVERIFY(m_desk->note(m_tickets[1], u"Same customer as #%1"_s.arg(m_tickets[4])));
        model.sort(TicketQueueModel::Number, Qt::AscendingOrder);
        query = model.query();
        query.search = u"#%1"_s.arg(m_tickets[4]);
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.ticketAt(0), m_tickets[4]);
        QCOMPARE(model.ticketAt(1), m_tickets[1]);
        query.search = u"parc"_s; // prefixes match
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 6);
        query.search = u"\"unbalanced AND ("_s; // typed text is never FTS syntax
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 0);

        query.search.clear();
        query.statuses = {TicketStatus::Pending};
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 0);
        query.statuses.clear();
        query.assignee = QueueQuery::Assignee::Nobody;
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 6);
    }

    void queueCountsDownToTheSlaFromTheCache()
    {
        const QJsonObject sla{{u"targets"_s, QJsonObject{{u"normal"_s, QJsonObject{{u"first_response"_s, 60}}},
                                                        {u"urgent"_s, QJsonObject{{u"first_response"_s, 15}}}}}};
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.returns), {{u"sla"_s, sla}},
                              m_world.token(u"admin"_s)).status, 200);
        const qint64 urgent = m_world.intake(*m_api, m_world.returns, u"Parcel lost"_s);
        QCOMPARE(m_world.command(*m_api, u"rob"_s, {{u"ticket"_s, urgent}, {u"base_version"_s, 1},
                                                    {u"type"_s, u"priority"_s}, {u"priority"_s, u"urgent"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_store->ticket(urgent) && m_store->ticket(urgent)->priority == Priority::Urgent, 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_store->ticket(m_tickets[6])->sla.due(SlaTarget::FirstResponse) > 0, 10'000);

        TicketQueueModel &model = m_desk->queue();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QueueQuery query;
        query.departmentId = m_world.returns;
        model.setQuery(query);
        model.sort(TicketQueueModel::Due, Qt::AscendingOrder);
        QCOMPARE(model.ticketAt(0), urgent); // 15 minutes beat 60
        QCOMPARE(model.ticketAt(1), m_tickets[6]);

        // Counted from the cache against any "now", as when offline.
        const qint64 due = m_store->ticket(m_tickets[6])->sla.due(SlaTarget::FirstResponse);
        const QModelIndex cell = model.index(1, TicketQueueModel::Due);
        model.setNow(due - 30 * 60'000);
        QCOMPARE(cell.data().toString(), u"30 min left"_s);
        QVERIFY(!cell.data(Qt::ForegroundRole).isValid());
        model.setNow(due + 5 * 60'000);
        QCOMPARE(cell.data().toString(), u"overdue 5 min"_s);
        QCOMPARE(cell.data(Qt::ForegroundRole).value<QColor>(), QColor(0xb9, 0x1c, 0x1c));
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), u"First response: overdue 5 min"_s);
    }

    void groupedNotifications()
    {
        NotificationCentre &centre = m_desk->notifications();
        centre.setGroupingWindow(200);
        QSignalSpy toasts(&centre, &NotificationCentre::toast);
        m_world.intake(*m_api, m_world.support, u"One"_s);
        QTRY_COMPARE_WITH_TIMEOUT(toasts.size(), 1, 10'000);
        QCOMPARE(toasts.first().first().value<NotificationCentre::Toast>().count, 1);
        // A burst of five: one grouped toast, not five.
        for (int i = 0; i < 5; ++i)
            m_world.intake(*m_api, m_world.returns, u"Burst %1"_s.arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(toasts.size(), 2, 10'000);
        const auto grouped = toasts.last().first().value<NotificationCentre::Toast>();
        QVERIFY(grouped.count >= 2);
        QCOMPARE(grouped.ticketId, 0);
        // It names the department and leads to its queue.
        QCOMPARE(grouped.departmentId, m_world.returns);
        QVERIFY2(grouped.text.startsWith(u"In Returns %1."_s.arg(grouped.count)), qPrintable(grouped.text));
        // Muted departments stay quiet.
        centre.setMuted(m_world.returns, true);
        m_world.intake(*m_api, m_world.returns, u"Muted"_s);
        const qint64 loud = m_world.intake(*m_api, m_world.support, u"Loud"_s);
        QTRY_COMPARE_WITH_TIMEOUT(toasts.size(), 3, 10'000);
        QCOMPARE(toasts.last().first().value<NotificationCentre::Toast>().ticketId, loud);
    }

private:
    QList<qint64> m_tickets;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<Desk> m_desk;
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
