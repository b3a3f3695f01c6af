// Faults on the real server: it is killed with SIGKILL and hung with SIGSTOP
// at random moments while agents send commands, customers write in through
// the JSON intake and the contact form, and followers page the feed with
// tiny pages. Clients do what docs/api.md tells them: no answer means
// "unknown", so they send the same request again (same idempotency key,
// same command id) until they get one. At the end every acknowledged item
// exists exactly once, every follower holds what a fresh full pull gives,
// and the store passes its engine's integrity check (SQLite's
// integrity_check; on PostgreSQL, amcheck over every index of the tables).
#include "tests/support/feedmirror.h"
#include "tests/support/worldtest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

namespace {

struct PendingIntake
{
    QByteArray key;
    QByteArray body;
    QString subject;
};

struct PendingForm
{
    QList<QPair<QString, QString>> fields;
    QString subject;
};

struct PendingCommand
{
    QString agent;
    QJsonObject command;
};

} // namespace

class TestFaults : public WorldTest
{
    Q_OBJECT

    // One try; true when the server answered for good.
    bool sendIntake(const PendingIntake &intake)
    {
        const Response response = m_api->send("POST", u"/api/v1/public/intake"_s, intake.body, "application/json", {},
                                              {{"Idempotency-Key", intake.key}});
        if (response.status == 201) {
            m_intakeAnswers[intake.subject].insert(response.json().value(u"ticket"_s).toInteger());
            return true;
        }
        // No answer, or the server could not say: unknown, send again.
        if (response.status != 0 && response.status < 500)
            qWarning() << "intake refused for good:" << response.status << response.body;
        return false;
    }
    bool sendForm(const PendingForm &form)
    {
        const Response response = m_api->postForm(u"/contact/acme"_s, form.fields);
        if (response.status != 200)
            return false;
        const QString number = QRegularExpression(u"<strong>#(\\d+)</strong>"_s)
                                   .match(QString::fromUtf8(response.body)).captured(1);
        if (number.isEmpty())
            return false;
        m_intakeAnswers[form.subject].insert(number.toLongLong());
        return true;
    }
    bool sendCommand(const PendingCommand &pending)
    {
        const Response response = m_api->post(u"/api/v1/commands"_s, {{u"commands"_s, QJsonArray{pending.command}}},
                                               m_world.token(pending.agent));
        if (response.status != 200)
            return false;
        const QJsonObject result = response.json().value(u"results"_s).toArray().first().toObject();
        const QString outcome = result.value(u"outcome"_s).toString();
        return outcome == u"applied" || outcome == u"duplicate";
    }
    QJsonObject page(const QString &agent, const QString &cursor, int limit)
    {
        const Response response =
            m_api->get(u"/api/v1/sync?limit=%1&cursor=%2"_s.arg(limit).arg(cursor), m_world.token(agent));
        return response.status == 200 ? response.json() : QJsonObject{};
    }
    void pullToTheEnd(const QString &agent, FeedMirror &mirror, int limit)
    {
        for (int pages = 0; pages < 2000; ++pages) {
            const QJsonObject json = page(agent, mirror.cursor, limit);
            QVERIFY2(!json.isEmpty(), "the feed did not answer");
            mirror.apply(json);
            if (QTest::currentTestFailed() || !json.value(u"has_more"_s).toBool())
                return;
        }
        QFAIL("the feed never ended");
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY2(startWorld({u"--test-hooks"_s}), qPrintable(m_error));
        m_tickets.clear();
        m_intakeAnswers.clear();
        for (int i = 0; i < 4; ++i)
            m_tickets.append(m_world.intake(*m_api, m_world.support, u"Support %1"_s.arg(i)));
        QVERIFY(!m_tickets.contains(0));
        m_api->setTimeout(1500);
    }
    void cleanup()
    {
        if (m_server)
            m_server->resume();
        QVERIFY(stopWorld());
    }

    void everyAcknowledgedItemExistsExactlyOnce()
    {
        QRandomGenerator random(QRandomGenerator::global()->generate());
        const QStringList agents{u"sam"_s, u"sue"_s, u"two"_s};
        const QStringList followers{u"sam"_s, u"two"_s, u"rob"_s};
        QHash<QString, FeedMirror> mirrors;
        QList<PendingIntake> intakes;
        QList<PendingForm> forms;
        QList<PendingCommand> commands;
        QSet<QString> acknowledgedSubjects;
        QSet<QString> acknowledgedNotes;
        int kills = 0, hangs = 0, made = 0;
        // What is still unanswered is sent again, as it was.
        auto retryWaiting = [&]() {
        for (qsizetype i = intakes.size() - 1; i >= 0; --i) {
            if (sendIntake(intakes[i]))
                acknowledgedSubjects.insert(intakes.takeAt(i).subject);
        }
        for (qsizetype i = forms.size() - 1; i >= 0; --i) {
            if (sendForm(forms[i]))
                acknowledgedSubjects.insert(forms.takeAt(i).subject);
        }
        for (qsizetype i = commands.size() - 1; i >= 0; --i) {
            if (sendCommand(commands[i]))
                acknowledgedNotes.insert(commands.takeAt(i).command.value(u"body"_s).toString());
        }
        };

        QElapsedTimer clock;
        clock.start();
        for (int step = 0; step < 400 && clock.elapsed() < 45'000; ++step) {
            const int action = random.bounded(100);
            if (action < 4) {
                m_server->kill();
                QVERIFY(m_server->restart());
                ++kills;
            } else if (action < 7) {
                // Hung: the next request waits and gets no answer.
                m_server->suspend();
                const Response lost = m_api->get(u"/healthz"_s);
                QCOMPARE(lost.status, 0);
                m_server->resume();
                ++hangs;
            } else if (action < 25) {
                const QString subject = u"Order question %1"_s.arg(++made);
                const QJsonObject body{{u"shop"_s, m_world.shop},          {u"name"_s, u"Kunde"_s},
                                       {u"email"_s, u"kunde@example.de"_s}, {u"subject"_s, subject},
                                       {u"message"_s, u"Wo bleibt meine Bestellung?"_s},
                                       {u"department"_s, m_world.support}};
                intakes.append({subject.toUtf8().toBase64(), QJsonDocument(body).toJson(QJsonDocument::Compact), subject});
            } else if (action < 32) {
                const Response formPage = m_api->get(u"/contact/acme"_s);
                const QString token = QRegularExpression(u"name=\"form_token\" value=\"([^\"]+)\""_s)
                                          .match(QString::fromUtf8(formPage.body)).captured(1);
                if (token.isEmpty())
                    continue; // the page did not come: the customer tries later
                const QString subject = u"Form question %1"_s.arg(++made);
                forms.append({{{u"name"_s, u"Kari"_s}, {u"email"_s, u"kari@example.no"_s}, {u"subject"_s, subject},
                               {u"message"_s, u"Hvor er pakken min?"_s}, {u"department"_s, QString::number(m_world.support)},
                               {u"form_token"_s, token}},
                              subject});
            } else if (action < 55) {
                const QString body = u"Note %1"_s.arg(++made);
                commands.append({agents.at(random.bounded(int(agents.size()))),
                                 QJsonObject{{u"id"_s, u"cmd-%1"_s.arg(made)},
                                             {u"ticket"_s, m_tickets.at(random.bounded(int(m_tickets.size())))},
                                             {u"base_version"_s, 1},
                                             {u"type"_s, u"note"_s},
                                             {u"body"_s, body}}});
            } else {
                const QString follower = followers.at(random.bounded(int(followers.size())));
                FeedMirror &mirror = mirrors[follower];
                const QJsonObject json = page(follower, mirror.cursor, 1 + random.bounded(3));
                if (!json.isEmpty())
                    mirror.apply(json);
                if (QTest::currentTestFailed())
                    return;
                continue;
            }
            retryWaiting(); // everything waiting gets one more try
        }
        qInfo() << "kills" << kills << "hangs" << hangs << "made" << made << "in" << clock.elapsed() << "ms";

        // The faults stop; the clients send what is still unanswered.
        m_server->resume();
        for (int round = 0; round < 20 && !(intakes.isEmpty() && forms.isEmpty() && commands.isEmpty()); ++round)
            retryWaiting();
        QVERIFY(intakes.isEmpty() && forms.isEmpty() && commands.isEmpty());

        // Exactly once: every answer named the same ticket, and the store
        // holds one ticket per subject and one message per note.
        FeedMirror everything;
        pullToTheEnd(u"admin"_s, everything, 500);
        QHash<QString, int> subjects, notes;
        for (const QJsonObject &ticket : std::as_const(everything.tickets)) {
            subjects[ticket.value(u"subject"_s).toString()] += 1;
            for (const QJsonValue &message : ticket.value(u"messages"_s).toArray())
                notes[message.toObject().value(u"body"_s).toString()] += 1;
        }
        for (const QString &subject : std::as_const(acknowledgedSubjects)) {
            QCOMPARE(m_intakeAnswers.value(subject).size(), 1);
            QVERIFY2(subjects.value(subject) == 1, qPrintable(u"%1 exists %2 times"_s.arg(subject).arg(subjects.value(subject))));
        }
        for (const QString &note : std::as_const(acknowledgedNotes))
            QVERIFY2(notes.value(note) == 1, qPrintable(u"%1 exists %2 times"_s.arg(note).arg(notes.value(note))));

        // Every follower converges on what a fresh full pull gives.
        for (const QString &follower : followers) {
            FeedMirror &mirror = mirrors[follower];
            pullToTheEnd(follower, mirror, 2);
            FeedMirror fresh;
            pullToTheEnd(follower, fresh, 500);
            if (QTest::currentTestFailed())
                return;
            QVERIFY2(mirror.held() == fresh.held(), qPrintable(follower));
        }

        QVERIFY(m_server->stop());
        QString integrity;
        QVERIFY(m_server->withStore([&integrity](QSqlDatabase &db) {
            QSqlQuery check(db);
            if (TestServer::onPostgres()) {
                // Each B-tree index against its table (heapallindexed):
                // an error names what is broken.
                if (!check.exec(u"CREATE EXTENSION IF NOT EXISTS amcheck"_s)
                    || !check.exec(u"SELECT count(bt_index_check(c.oid, true)) FROM pg_index i"
                                   " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam"
                                   " WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace"_s)
                    || !check.next()) {
                    integrity = check.lastError().text();
                    return true;
                }
                integrity = check.value(0).toInt() > 10 ? u"ok"_s : u"too few indexes checked"_s;
                return true;
            }
            if (!check.exec(u"PRAGMA integrity_check"_s) || !check.next())
                return false;
            integrity = check.value(0).toString();
            return true;
        }));
        QCOMPARE(integrity, u"ok"_s);
    }

private:
    QList<qint64> m_tickets;
    QHash<QString, QSet<qint64>> m_intakeAnswers; // subject → ticket numbers answered
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
