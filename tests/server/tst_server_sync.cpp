// The change feed: first sync, deltas, paging under concurrent changes,
// revocation after a transfer out or a membership removed, grant backfill.
#include "tests/support/apiclient.h"
#include "tests/support/feedmirror.h"
#include "tests/support/testserver.h"
#include "tests/support/testworld.h"
#include "tests/support/worldtest.h"

#include "core/timestamps.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;


class TestServerSync : public WorldTest
{
    Q_OBJECT

    QJsonObject page(const QString &agent, const QString &cursor, int limit = 500, int window = 0)
    {
        const Response response = m_api->get(
            u"/api/v1/sync?limit=%1&cursor=%2&window=%3"_s.arg(limit).arg(cursor).arg(window), m_world.token(agent));
        return response.status == 200 ? response.json() : QJsonObject{};
    }
    // Pulls until has_more is false, applying each page like a client.
    void pull(const QString &agent, FeedMirror &mirror, int limit = 500, int window = 0)
    {
        mirror.revokedTickets.clear();
        mirror.revokedDepartments.clear();
        mirror.grantedDepartments.clear();
        mirror.pages = 0;
        for (bool more = true; more && mirror.pages < 1000;) {
            const QJsonObject json = page(agent, mirror.cursor, limit, window);
            mirror.apply(json);
            if (QTest::currentTestFailed())
                return;
            more = json.value(u"has_more"_s).toBool();
        }
    }
    // The mirror must equal what the ticket endpoint says, ticket by ticket.
    void compareWithServer(const QString &agent, const FeedMirror &mirror)
    {
        QSet<qint64> expected;
        for (qint64 department : {m_world.triage, m_world.support, m_world.returns, m_world.sales}) {
            const QJsonObject list = m_api->get(u"/api/v1/departments/%1/tickets?limit=200"_s.arg(department),
                                                m_world.token(agent)).json();
            for (const QJsonValue &t : list.value(u"tickets"_s).toArray())
                expected.insert(t.toObject().value(u"id"_s).toInteger());
        }
        QCOMPARE(QSet<qint64>(mirror.tickets.keyBegin(), mirror.tickets.keyEnd()), expected);
        for (qint64 id : expected) {
            const QJsonObject truth = m_api->get(u"/api/v1/tickets/%1"_s.arg(id), m_world.token(agent)).json();
            QJsonObject mine = mirror.tickets.value(id);
            mine.remove(u"full"_s);
            QJsonObject theirs = truth;
            theirs.remove(u"other_tickets"_s);
            QCOMPARE(mine, theirs);
        }
    }
    QJsonObject act(const QString &agent, qint64 ticket, QJsonObject command)
    {
        command.insert(u"ticket"_s, ticket);
        command.insert(u"base_version"_s, m_world.version(*m_api, ticket));
        return m_world.command(*m_api, agent, command);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY2(startWorld({u"--test-hooks"_s}), qPrintable(m_error));
        m_support.clear();
        for (int i = 0; i < 7; ++i)
            m_support.append(m_world.intake(*m_api, m_world.support, u"Support %1"_s.arg(i)));
        m_returns = m_world.intake(*m_api, m_world.returns, u"Returns"_s);
        m_sales = m_world.intake(*m_api, m_world.sales, u"Sales"_s);
        QVERIFY(!m_support.contains(0) && m_returns && m_sales);
    }
    void cleanup() { QVERIFY(stopWorld()); }

    void firstSyncInPagesHasEverythingVisible()
    {
        FeedMirror sam;
        pull(u"sam"_s, sam, 3);
        QCOMPARE(sam.pages, 3); // 7 tickets, 3 a page
        QCOMPARE(sam.tickets.size(), 7);
        QCOMPARE(sam.grantedDepartments, QSet<qint64>{m_world.support});
        for (const QJsonObject &ticket : std::as_const(sam.tickets)) {
            QVERIFY(ticket.value(u"full"_s).toBool());
            QCOMPARE(ticket.value(u"messages"_s).toArray().size(), 1);
            QCOMPARE(ticket.value(u"events"_s).toArray().size(), 2);
        }
        compareWithServer(u"sam"_s, sam);

        // An admin's first sync sends each ticket once: 9 tickets, 3 pages.
        FeedMirror admin;
        int sent = 0;
        for (bool more = true; more;) {
            const QJsonObject json = page(u"admin"_s, admin.cursor, 4);
            sent += int(json.value(u"tickets"_s).toArray().size());
            admin.cursor = json.value(u"cursor"_s).toString();
            more = json.value(u"has_more"_s).toBool();
        }
        QCOMPARE(sent, 9);
        pull(u"admin"_s, admin);
        QCOMPARE(admin.pages, 1);
    }

    void nothingChangedIsCheapAndStable()
    {
        FeedMirror sam;
        pull(u"sam"_s, sam);
        const QJsonObject again = page(u"sam"_s, sam.cursor);
        QCOMPARE(again.value(u"cursor"_s).toString(), sam.cursor);
        QVERIFY(again.value(u"tickets"_s).toArray().isEmpty());
        QCOMPARE(again.value(u"has_more"_s).toBool(), false);
        // A change sam cannot see does not show up either.
        QCOMPARE(act(u"sal"_s, m_sales, {{u"type"_s, u"note"_s}, {u"body"_s, u"x"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        pull(u"sam"_s, sam);
        QCOMPARE(sam.tickets.size(), 7);
        compareWithServer(u"sam"_s, sam);
    }

    void deltaCarriesOnlyWhatChanged()
    {
        FeedMirror sam;
        pull(u"sam"_s, sam);
        QCOMPARE(act(u"sue"_s, m_support[2], {{u"type"_s, u"reply"_s}, {u"body"_s, u"Hi"_s}}).value(u"outcome"_s).toString(),
                 u"applied"_s);
        const QJsonObject delta = page(u"sam"_s, sam.cursor);
        const QJsonArray tickets = delta.value(u"tickets"_s).toArray();
        QCOMPARE(tickets.size(), 1);
        const QJsonObject changed = tickets.first().toObject();
        QCOMPARE(changed.value(u"id"_s).toInteger(), m_support[2]);
        QCOMPARE(changed.value(u"full"_s).toBool(), false);
        QCOMPARE(changed.value(u"messages"_s).toArray().size(), 1); // only the reply
        QCOMPARE(changed.value(u"status"_s).toString(), u"open"_s);
        pull(u"sam"_s, sam);
        compareWithServer(u"sam"_s, sam);
    }

    void changesDuringPagingAreNotLost()
    {
        FeedMirror sam;
        const QJsonObject first = page(u"sam"_s, {}, 3);
        QVERIFY(first.value(u"has_more"_s).toBool());
        for (const QJsonValue &value : first.value(u"tickets"_s).toArray())
            sam.tickets.insert(value.toObject().value(u"id"_s).toInteger(), value.toObject());
        sam.cursor = first.value(u"cursor"_s).toString();

        // One ticket already sent and one not yet sent change; a new one arrives.
        QCOMPARE(act(u"sue"_s, m_support[0], {{u"type"_s, u"note"_s}, {u"body"_s, u"sent already"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(act(u"sue"_s, m_support[6], {{u"type"_s, u"priority"_s}, {u"priority"_s, u"urgent"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        const qint64 fresh = m_world.intake(*m_api, m_world.support, u"Arrived meanwhile"_s);
        pull(u"sam"_s, sam, 3);
        pull(u"sam"_s, sam, 3);
        QVERIFY(sam.tickets.contains(fresh));
        QCOMPARE(sam.tickets.value(m_support[6]).value(u"priority"_s).toString(), u"urgent"_s);
        compareWithServer(u"sam"_s, sam);
    }

    // While a client takes in a page, the server reads the next: it is
    // sent when asked for, once, to that agent only, and not once their
    // access has changed.
    void theNextPageIsReadAhead()
    {
        const auto readAhead = [this](const char *outcome) {
            const QByteArray line = "signpost_sync_read_ahead_pages_total{outcome=\"" + QByteArray(outcome) + "\"} ";
            const QByteArray text = m_api->get(u"/metrics"_s).body;
            const qsizetype at = text.indexOf(line);
            return at < 0 ? -1 : text.mid(at + line.size(), text.indexOf('\n', at) - at - line.size()).toInt();
        };
        const QJsonObject first = page(u"sam"_s, {}, 3);
        QVERIFY(first.value(u"has_more"_s).toBool());
        const QString cursor = first.value(u"cursor"_s).toString();

        // Another agent with sam's cursor is read their own page.
        const QJsonObject foreign = page(u"sal"_s, cursor, 3);
        QVERIFY(!foreign.value(u"tickets"_s).toArray().isEmpty());
        for (const QJsonValue &ticket : foreign.value(u"tickets"_s).toArray())
            QCOMPARE(ticket[u"department"_s].toInteger(), m_world.sales);
        QCOMPARE(readAhead("used"), 0);

        const QJsonObject second = page(u"sam"_s, cursor, 3);
        QCOMPARE(readAhead("used"), 1);
        QCOMPARE(second.value(u"tickets"_s).toArray().size(), 3);
        // Asked again, the same page is read afresh, and is the same.
        const QJsonObject again = page(u"sam"_s, cursor, 3);
        QCOMPARE(readAhead("used"), 1);
        QCOMPARE(again.value(u"tickets"_s), second.value(u"tickets"_s));
        QCOMPARE(again.value(u"cursor"_s), second.value(u"cursor"_s));

        // Sam's role changes: the page read ahead for him is dropped.
        const int unused = readAhead("unused");
        QCOMPARE(m_api->put(u"/api/v1/agents/%1/memberships/%2"_s.arg(m_world.agent(u"sam"_s)).arg(m_world.support),
                            {{u"role"_s, u"lead"_s}}, m_world.token(u"admin"_s)).status, 200);
        QCOMPARE(readAhead("unused"), unused + 1);
        const QJsonObject last = page(u"sam"_s, second.value(u"cursor"_s).toString(), 3);
        QCOMPARE(readAhead("used"), 1);
        QCOMPARE(last.value(u"tickets"_s).toArray().size(), 1);
        QCOMPARE(last.value(u"has_more"_s).toBool(), false);
    }

    void transferOutRevokesAndTransferInArrivesWhole()
    {
        FeedMirror sam, rob;
        pull(u"sam"_s, sam);
        pull(u"rob"_s, rob);
        QCOMPARE(act(u"sam"_s, m_support[1], {{u"type"_s, u"note"_s}, {u"body"_s, u"context for returns"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(act(u"sam"_s, m_support[1], {{u"type"_s, u"transfer"_s}, {u"department"_s, m_world.returns},
                                              {u"note"_s, u"yours"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);

        pull(u"sam"_s, sam);
        QCOMPARE(sam.revokedTickets, QSet<qint64>{m_support[1]});
        QVERIFY(!sam.tickets.contains(m_support[1]));
        compareWithServer(u"sam"_s, sam);

        pull(u"rob"_s, rob);
        QVERIFY(rob.revokedTickets.isEmpty());
        const QJsonObject arrived = rob.tickets.value(m_support[1]);
        QCOMPARE(arrived.value(u"full"_s).toBool(), true); // the whole thread, notes and history
        QCOMPARE(arrived.value(u"messages"_s).toArray().size(), 2);
        compareWithServer(u"rob"_s, rob);

        // "two" is in both departments: the ticket stays, as a change.
        FeedMirror two;
        pull(u"two"_s, two);
        QVERIFY(two.tickets.contains(m_support[1]));
    }

    void membershipRemovedRevokesGrantBackfills()
    {
        FeedMirror two;
        pull(u"two"_s, two);
        QCOMPARE(two.tickets.size(), 8);
        const QString admin = m_world.token(u"admin"_s);
        const qint64 agent = m_world.agent(u"two"_s);
        QCOMPARE(m_api->del(u"/api/v1/agents/%1/memberships/%2"_s.arg(agent).arg(m_world.support), admin).status, 200);
        pull(u"two"_s, two);
        QCOMPARE(two.revokedDepartments, QSet<qint64>{m_world.support});
        QCOMPARE(two.tickets.size(), 1);
        compareWithServer(u"two"_s, two);
        // Access is checked at read time, at once.
        QCOMPARE(m_api->get(u"/api/v1/tickets/%1"_s.arg(m_support[0]), m_world.token(u"two"_s)).status, 404);

        QCOMPARE(m_api->put(u"/api/v1/agents/%1/memberships/%2"_s.arg(agent).arg(m_world.sales),
                            {{u"role"_s, u"member"_s}}, admin).status, 200);
        pull(u"two"_s, two);
        QCOMPARE(two.grantedDepartments, QSet<qint64>{m_world.sales});
        QVERIFY(two.tickets.contains(m_sales));
        QVERIFY(two.tickets.value(m_sales).value(u"full"_s).toBool());
        compareWithServer(u"two"_s, two);
    }

    // The property behind every case above: followers paging the feed with
    // tiny pages while others write (replies, notes, transfers, new tickets,
    // memberships and the admin flag changing) end up with exactly what a
    // fresh full pull gives, and never get a delta for a ticket they lack.
    void followersPagingWhileOthersWriteConverge_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 8; ++seed)
            QTest::addRow("seed %u", seed) << seed;
    }
    void followersPagingWhileOthersWriteConverge()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        const QStringList followers{u"sam"_s, u"two"_s, u"rob"_s, u"sal"_s};
        QHash<QString, FeedMirror> mirrors;
        const QList<qint64> departments{m_world.triage, m_world.support, m_world.returns, m_world.sales};
        QList<qint64> tickets = m_support;
        tickets << m_returns << m_sales;
        const QString admin = m_world.token(u"admin"_s);
        bool twoInReturns = true;
        bool salAdmin = false;

        auto write = [&]() {
            const qint64 ticket = tickets.at(random.bounded(int(tickets.size())));
            const qint64 department = departments.at(random.bounded(int(departments.size())));
            switch (random.bounded(8)) {
            case 0:
                // 0: routed (to Triage, the default).
                tickets.append(m_world.intake(*m_api, department == m_world.triage ? 0 : department,
                                              u"New %1"_s.arg(tickets.size())));
                QVERIFY(tickets.last() > 0);
                break;
            case 1:
            case 2: {
                const QString type = random.bounded(2) ? u"note"_s : u"reply"_s;
                const QJsonObject result =
                    act(u"admin"_s, ticket, {{u"type"_s, type}, {u"body"_s, u"%1 on %2"_s.arg(type).arg(ticket)}});
                QVERIFY2(result.value(u"outcome"_s).toString() == u"applied",
                         qPrintable(QString::fromUtf8(QJsonDocument(result).toJson())));
                break;
            }
            case 3:
            case 4:
                // Rejected when it is there already: nothing to check.
                act(u"admin"_s, ticket, {{u"type"_s, u"transfer"_s}, {u"department"_s, department}, {u"note"_s, u"moved"_s}});
                break;
            case 5:
                act(u"admin"_s, ticket, {{u"type"_s, u"priority"_s},
                                         {u"priority"_s, random.bounded(2) ? u"high"_s : u"low"_s}});
                break;
            case 6: {
                const QString path = u"/api/v1/agents/%1/memberships/%2"_s.arg(m_world.agent(u"two"_s)).arg(m_world.returns);
                const int status = twoInReturns ? m_api->del(path, admin).status
                                                : m_api->put(path, {{u"role"_s, u"member"_s}}, admin).status;
                QCOMPARE(status, 200);
                twoInReturns = !twoInReturns;
                break;
            }
            case 7:
                salAdmin = !salAdmin;
                QCOMPARE(m_api->patch(u"/api/v1/agents/%1"_s.arg(m_world.agent(u"sal"_s)), {{u"is_admin"_s, salAdmin}}, admin)
                             .status, 200);
                break;
            }
        };

        for (int step = 0; step < 120; ++step) {
            const QString follower = followers.at(random.bounded(int(followers.size())));
            FeedMirror &mirror = mirrors[follower];
            const QJsonObject json = page(follower, mirror.cursor, 1 + random.bounded(3));
            mirror.apply(json);
            if (QTest::currentTestFailed())
                return;
            if (random.bounded(3) != 0) {
                write();
                if (QTest::currentTestFailed())
                    return;
            }
        }
        for (const QString &follower : followers) {
            FeedMirror &mirror = mirrors[follower];
            pull(follower, mirror, 2);
            if (QTest::currentTestFailed())
                return;
            // One more pass: what the last one could not yet see.
            pull(follower, mirror, 2);
            FeedMirror fresh;
            pull(follower, fresh);
            const QHash<qint64, QJsonObject> held = mirror.held(), truth = fresh.held();
            for (auto it = truth.cbegin(); it != truth.cend(); ++it) {
                const QJsonObject mine = held.value(it.key());
                QStringList differences;
                for (const QString &key : it.value().keys()) {
                    if (mine.value(key) == it.value().value(key))
                        continue;
                    if (!mine.value(key).isArray()) {
                        differences << key;
                        continue;
                    }
                    QStringList ids[2];
                    for (int side = 0; side < 2; ++side) {
                        for (const QJsonValue &entry : (side ? it.value() : mine).value(key).toArray())
                            ids[side] << QString::number(entry.toObject().value(u"id"_s).toInteger());
                    }
                    differences << u"%1 [%2] instead of [%3]"_s.arg(key, ids[0].join(u','), ids[1].join(u','));
                }
                QVERIFY2(differences.isEmpty(), qPrintable(u"%1 holds ticket %2 differently: %3"_s.arg(follower).arg(it.key()).arg(
                                                     differences.join(u"; "_s))));
            }
            for (auto it = held.cbegin(); it != held.cend(); ++it)
                QVERIFY2(truth.contains(it.key()), qPrintable(u"%1 still holds ticket %2 of department %3"_s.arg(follower)
                                                                 .arg(it.key()).arg(it.value().value(u"department"_s).toInteger())));
            compareWithServer(follower, mirror);
        }
    }

    // A page is bounded by its size too: tickets with long threads make
    // shorter pages, and the pull still brings everything.
    void pagesAreBoundedBySize()
    {
        const QString big(40'000, u'x');
        for (qint64 ticket : {m_support[0], m_support[1]}) {
            for (int batch = 0; batch < 3; ++batch) {
                QJsonArray commands;
                for (int i = 0; i < 20; ++i)
                    commands.append(QJsonObject{{u"id"_s, u"big-%1-%2-%3"_s.arg(ticket).arg(batch).arg(i)},
                                                {u"ticket"_s, ticket}, {u"base_version"_s, 1},
                                                {u"type"_s, u"note"_s}, {u"body"_s, big}});
                QCOMPARE(m_api->post(u"/api/v1/commands"_s, {{u"commands"_s, commands}}, m_world.token(u"sue"_s)).status, 200);
            }
        }
        // Two tickets of 2.4 MB each do not fit one page of 4 MB.
        const QJsonObject first = page(u"sam"_s, {}, 500);
        QCOMPARE(first.value(u"has_more"_s).toBool(), true);
        QVERIFY(first.value(u"tickets"_s).toArray().size() < 7);
        FeedMirror sam;
        pull(u"sam"_s, sam, 500);
        QVERIFY(sam.pages >= 2);
        QCOMPARE(sam.tickets.size(), 7);
        QCOMPARE(sam.tickets.value(m_support[1]).value(u"messages"_s).toArray().size(), 61);
        compareWithServer(u"sam"_s, sam);
    }

    void badAndForeignCursors()
    {
        const Response bad = m_api->get(u"/api/v1/sync?cursor=nonsense"_s, m_world.token(u"sam"_s));
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"cursor"_s);
        QCOMPARE(m_api->get(u"/api/v1/sync?limit=0"_s, m_world.token(u"sam"_s)).status, 422);

        // A cursor from another store (another epoch): the client rebuilds.
        FeedMirror sam;
        sam.cursor = u"otherepoch.5.5.0.0"_s;
        pull(u"sam"_s, sam);
        QVERIFY(sam.reset);
        QCOMPARE(sam.tickets.size(), 7);
    }

    // A desk keeps open work and the last `window` days; what it never had
    // or let go comes whole when something happens to it.
    void aWindowKeepsCurrentWorkAndOldTicketsComeBackWhole()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(setClock(now - 100 * Day));
        const qint64 oldSolved = m_world.intake(*m_api, m_world.support, u"Tent pole snapped"_s);
        const qint64 oldOpen = m_world.intake(*m_api, m_world.support, u"Still waiting"_s);
        QCOMPARE(act(u"sue"_s, oldSolved, {{u"type"_s, u"status"_s}, {u"status"_s, u"solved"_s}})[u"outcome"_s].toString(),
                 u"applied"_s);
        QVERIFY(setClock(now));

        FeedMirror sam;
        pull(u"sam"_s, sam, 3, 30);
        QSet<qint64> expected(m_support.cbegin(), m_support.cend());
        expected.insert(oldOpen); // open work stays, however old
        QCOMPARE(QSet<qint64>(sam.tickets.keyBegin(), sam.tickets.keyEnd()), expected);

        // The old ticket comes to life: it arrives whole, thread and history.
        QCOMPARE(act(u"sue"_s, oldSolved, {{u"type"_s, u"note"_s}, {u"body"_s, u"Customer called again"_s}})
                     [u"outcome"_s].toString(),
                 u"applied"_s);
        pull(u"sam"_s, sam, 3, 30); // a delta for a ticket it never had fails here
        QVERIFY(sam.tickets.value(oldSolved).value(u"full"_s).toBool());
        QCOMPARE(sam.tickets.value(oldSolved).value(u"messages"_s).toArray().size(), 2);
        QCOMPARE(sam.tickets.value(oldSolved).value(u"events"_s).toArray().size(),
                 m_api->get(u"/api/v1/tickets/%1"_s.arg(oldSolved), m_world.token(u"sam"_s))
                     .json()
                     .value(u"events"_s)
                     .toArray()
                     .size());

        // Work solved now ages out of the desk 40 days later (it keeps a day
        // more than the window); then a colleague's note brings it back whole.
        QCOMPARE(act(u"sue"_s, m_support[0], {{u"type"_s, u"status"_s}, {u"status"_s, u"solved"_s}})[u"outcome"_s]
                     .toString(),
                 u"applied"_s);
        pull(u"sam"_s, sam, 3, 30);
        QVERIFY(setClock(now + 40 * Day));
        for (auto it = sam.tickets.begin(); it != sam.tickets.end();) {
            const QString status = it->value(u"status"_s).toString();
            const qint64 updated = Signpost::msFromIso(it->value(u"updated_at"_s).toString());
            if ((status == u"solved" || status == u"closed") && updated < now + 40 * Day - 31 * Day)
                it = sam.tickets.erase(it);
            else
                ++it;
        }
        QVERIFY(!sam.tickets.contains(m_support[0]));
        QCOMPARE(act(u"sue"_s, m_support[0], {{u"type"_s, u"note"_s}, {u"body"_s, u"Reopened by phone"_s}})
                     [u"outcome"_s].toString(),
                 u"applied"_s);
        pull(u"sam"_s, sam, 3, 30);
        QVERIFY(sam.tickets.value(m_support[0]).value(u"full"_s).toBool());
        QCOMPARE(sam.tickets.value(m_support[0]).value(u"messages"_s).toArray().size(), 2);
        // A change to a ticket active within the window stays a delta.
        QCOMPARE(act(u"sue"_s, m_support[0], {{u"type"_s, u"note"_s}, {u"body"_s, u"x"_s}})[u"outcome"_s].toString(),
                 u"applied"_s);
        const QJsonArray delta = page(u"sam"_s, sam.cursor, 500, 30).value(u"tickets"_s).toArray();
        QCOMPARE(delta.size(), 1);
        QCOMPARE(delta.first()[u"full"_s].toBool(), false);

        const Response bad = m_api->get(u"/api/v1/sync?window=-1"_s, m_world.token(u"sam"_s));
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"window"_s);
    }

    // Beyond the window, a search on the server: by word, order number or
    // ticket number, only in the caller's departments, newest first, whole.
    void searchFindsTicketsOfTheAgentsDepartmentsOnly()
    {
        const qint64 first = m_world.intake(*m_api, m_world.support, u"Parcel BO-777111 lost"_s);
        const qint64 second = m_world.intake(*m_api, m_world.support, u"Where is BO-777111?"_s);
        const qint64 foreign = m_world.intake(*m_api, m_world.sales, u"Invoice for BO-777111"_s);
        QVERIFY(first && second && foreign);
        QCOMPARE(act(u"sue"_s, first, {{u"type"_s, u"note"_s}, {u"body"_s, u"Carrier Brudesløret"_s}})[u"outcome"_s]
                     .toString(),
                 u"applied"_s);
        auto search = [this](const QString &agent, const QString &query) {
            return m_api->get(u"/api/v1/search?"_s + query, m_world.token(agent));
        };
        auto ids = [](const Response &response) {
            QList<qint64> list;
            for (const QJsonValue &t : response.json().value(u"tickets"_s).toArray())
                list.append(t[u"id"_s].toInteger());
            return list;
        };
        // The words follow the writes within a second or so.
        QTRY_COMPARE_WITH_TIMEOUT(ids(search(u"sam"_s, u"q=brudesl%C3%B8"_s)), QList<qint64>{first}, 10'000);
        QCOMPARE(ids(search(u"sam"_s, u"q=bo-777111"_s)), (QList<qint64>{second, first}));
        QCOMPARE(ids(search(u"sal"_s, u"q=BO-777111"_s)), QList<qint64>{foreign});
        QCOMPARE(ids(search(u"admin"_s, u"q=BO-777111"_s)), (QList<qint64>{foreign, second, first}));
        // Words of the thread, prefixes, letters beyond ASCII, the number.
        const Response byNote = search(u"sam"_s, u"q=brudesl%C3%B8"_s);
        QCOMPARE(ids(byNote), QList<qint64>{first});
        const QJsonObject whole = byNote.json()[u"tickets"_s].toArray().first().toObject();
        QVERIFY(whole[u"full"_s].toBool());
        QCOMPARE(whole[u"messages"_s].toArray().size(), 2);
        QCOMPARE(ids(search(u"sam"_s, u"q=%23"_s + QString::number(second))), QList<qint64>{second});
        QVERIFY(ids(search(u"sal"_s, u"q=brudesl%C3%B8"_s)).isEmpty());
        // Page by page.
        const Response one = search(u"sam"_s, u"q=BO-777111&limit=1"_s);
        QCOMPARE(ids(one), QList<qint64>{second});
        QVERIFY(one.json()[u"more"_s].toBool());
        const Response next = search(u"sam"_s, u"q=BO-777111&limit=1&before=%1"_s.arg(second));
        QCOMPARE(ids(next), QList<qint64>{first});
        QVERIFY(!next.json()[u"more"_s].toBool());
        QCOMPARE(ids(search(u"admin"_s, u"q=BO-777111&department=%1"_s.arg(m_world.sales))), QList<qint64>{foreign});

        // Clear refusals.
        const auto refused = [&](const QString &query, int status, const QString &field) {
            const Response response = search(u"sam"_s, query);
            QCOMPARE(response.status, status);
            if (!field.isEmpty())
                QCOMPARE(response.json()[u"error"_s][u"field"_s].toString(), field);
        };
        refused(u"q=%20%22%20"_s, 422, u"q"_s);
        refused(u"x=1"_s, 422, u"x"_s);
        refused(u"q=a&limit=0"_s, 422, u"limit"_s);
        refused(u"q=a&limit=201"_s, 422, u"limit"_s);
        refused(u"q=a&before=x"_s, 422, u"before"_s);
        refused(u"q=a&department=%1"_s.arg(m_world.sales), 404, QString());
        refused(u"q="_s + QString(201, u'a'), 422, u"q"_s);
    }

    // A search finds the same tickets on either engine: words cut as FTS5's
    // unicode61 cuts them (the desk's own index too), whatever PostgreSQL's
    // parser would have made of an address, an apostrophe or a diacritic.
    void searchCutsWordsAsTheDeskDoes()
    {
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Lampe für Frau Müller, O'Brien's order"_s,
                                             u"mo.brien@brightlamps.example"_s);
        const qint64 other = m_world.intake(*m_api, m_world.support, u"Lamp for Mr Mullerton"_s);
        QVERIFY(ticket && other);
        auto found = [this](const QString &typed) {
            const Response response = m_api->get(
                u"/api/v1/search?q="_s + QString::fromLatin1(QUrl::toPercentEncoding(typed)), m_world.token(u"sam"_s));
            if (response.status != 200)
                qWarning() << typed << response.status << response.body;
            QList<qint64> list;
            for (const QJsonValue &t : response.json().value(u"tickets"_s).toArray())
                list.append(t[u"id"_s].toInteger());
            return list;
        };
        QTRY_COMPARE_WITH_TIMEOUT(found(u"Lampe"_s), QList<qint64>{ticket}, 10'000);
        const QList<qint64> one{ticket};
        const QList<qint64> both{other, ticket};
        // Diacritics and case.
        QCOMPARE(found(u"muller"_s), both);
        QCOMPARE(found(u"MÜLLER,"_s), both);
        QCOMPARE(found(u"fur"_s), one);
        // Parts of an address and of a word with an apostrophe.
        QCOMPARE(found(u"brightlamps"_s), one);
        QCOMPARE(found(u"brightlamps.exa"_s), one);
        QCOMPARE(found(u"brien"_s), one);
        QCOMPARE(found(u"O'Brien"_s), one);
        // Several words: each required, a typed word's parts side by side.
        QCOMPARE(found(u"order lampe"_s), one);
        QCOMPARE(found(u"frau-muller"_s), one);
        QVERIFY(found(u"muller-frau"_s).isEmpty());
        QVERIFY(found(u"mullerx"_s).isEmpty());
        // Nothing to search for in what was typed: nothing found, no error.
        QVERIFY(found(u"-- ?"_s).isEmpty());
        QCOMPARE(found(u"lampe --"_s), one);
    }

private:
    static constexpr qint64 Day = 86'400'000;
    bool setClock(qint64 ms)
    {
        return m_api->post(u"/api/v1/test/clock"_s, {{u"now"_s, Signpost::isoFromMs(ms)}}).status == 200;
    }

    QList<qint64> m_support;
    qint64 m_returns = 0;
    qint64 m_sales = 0;
};

QTEST_GUILESS_MAIN(TestServerSync)
#include "tst_server_sync.moc"
