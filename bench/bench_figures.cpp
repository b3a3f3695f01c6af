// bench_figures: the team lead dashboard over a big department. Starts the
// real signpost-server (a child process) on a fresh store so it creates and
// migrates the schema, makes the benchmark's helpdesk, a lead and the agents
// of the measured department through the admin API, and stops the server.
// Then it writes N tickets (default 1,000,000) into that one department
// straight into the SQLite file, in one transaction: about two years of
// created_at, most of them answered and solved long ago, a few thousand still
// new, open or pending, assigned among the department's agents. Finally it
// starts the server again on that store, with the file dropped from the OS
// page cache (on PostgreSQL: copies the store into a database with
// `signpost-server migrate` and starts the server on that), and times
// GET /api/v1/departments/{id}/figures as the lead: one
// cold first request, then per period one warm-up and R timed requests; and
// the queue's first page in every documented sort.
// See docs/benchmarks.md for the figures.
#include "benchsupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Signpost::Bench;

namespace {

const QString Usage = uR"(bench_figures [options]
  --tickets N        tickets to write into the measured department (default 1000000)
  --days D,..        periods to ask for, 1 to 90 days (default 7,30,90)
  --runs R           timed requests per period, after one warm-up (default 15)
  --data-dir DIR     keep the store here; a store made by an earlier run is
                     reused as it is, without loading (default: a fresh
                     temporary directory)
  --store S          sqlite (the embedded store) or postgresql: the loaded
                     store is copied with `signpost-server migrate` into a fresh
                     database in a cluster this starts, and measured there
                     (default sqlite)
  --server PATH      the signpost-server binary (default: the one built with this tree))"_s;

constexpr auto LeadEmail = "lee@bench.example";
constexpr auto LeadPassword = "bench-lead-password";
constexpr qint64 Minute = 60LL * 1000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

QString describe(const QString &what, const HttpResponse &response)
{
    return u"%1: HTTP %2 %3 %4"_s.arg(what)
        .arg(response.status)
        .arg(QString::fromUtf8(response.body.left(300)), response.error);
}

QByteArray login(HttpConnection &http, const char *email, const char *password)
{
    const HttpResponse response = http.postJson(
        u"/api/v1/auth/login"_s,
        {{u"email"_s, QString::fromLatin1(email)}, {u"password"_s, QString::fromLatin1(password)}});
    if (response.status != 200)
        die(describe(u"login %1"_s.arg(QString::fromLatin1(email)), response));
    return response.json().value(u"token"_s).toString().toLatin1();
}

qint64 addAgent(HttpConnection &http, const BenchWorld &world, const QString &email, const QString &name,
                const QString &password, const QString &role)
{
    HttpResponse response = http.postJson(
        u"/api/v1/agents"_s, {{u"email"_s, email}, {u"name"_s, name}, {u"password"_s, password}}, world.adminToken);
    if (response.status != 201)
        die(describe(u"agent "_s + email, response));
    const qint64 id = response.json().value(u"id"_s).toInteger();
    response = http.call("PUT", u"/api/v1/agents/%1/memberships/%2"_s.arg(id).arg(world.support).toUtf8(),
                         QJsonDocument(QJsonObject{{u"role"_s, role}}).toJson(QJsonDocument::Compact),
                         world.adminToken);
    if (response.status != 200)
        die(describe(u"membership of "_s + email, response));
    return id;
}

// The measured department's lead and the agents tickets are assigned to:
// the benchmark's agent (Sam) and four more members.
QList<qint64> addDepartmentPeople(HttpConnection &http, const BenchWorld &world)
{
    addAgent(http, world, QString::fromLatin1(LeadEmail), u"Lee Lead"_s, QString::fromLatin1(LeadPassword),
             u"lead"_s);
    QList<qint64> assignees{world.agent};
    for (const QString &name : {u"Ana"_s, u"Ben"_s, u"Cleo"_s, u"Dev"_s}) {
        assignees.append(addAgent(http, world, name.toLower() + u"@bench.example"_s, name + u" Support"_s,
                                  u"bench-member-password"_s, u"member"_s));
    }
    return assignees;
}

void execOrDie(QSqlQuery &query, const QString &sql)
{
    if (!query.exec(sql))
        die(u"load: %1 in %2"_s.arg(query.lastError().text(), sql));
}

// Writes `count` tickets into `department` of the store at `path` in one
// transaction, with one INSERT … SELECT over a recursive CTE. The tickets'
// creation times are spread evenly over the two years before `nowMs`, with
// random times within each ticket's slot. Every random value is drawn once
// per row in the recursive part (its rows are stored, never re-evaluated);
// the rest is arithmetic on them:
// - first reply 5 minutes to 48 hours after creation, solve 10 minutes to 6
//   days after that (products of two uniform draws: most are quick);
// - what has happened by `nowMs` sets the status: solved (closed 4 days
//   later), open or pending once answered, new before that;
// - 1% are solved without a reply; 0.3% of the rest are never solved (stuck
//   open or pending);
// - 60% of new tickets are unassigned, the rest go round the assignees.
// No messages or events are written: the figures read the tickets only.
void loadTickets(const QString &path, qint64 department, qint64 shop, const QList<qint64> &assignees, qint64 count,
                 qint64 nowMs)
{
    const QString connection = u"bench-load"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (!db.open())
            die(u"load: cannot open %1: %2"_s.arg(path, db.lastError().text()));
        QSqlQuery query(db);
        execOrDie(query, u"PRAGMA cache_size = -1048576"_s); // 1 GiB: the indexes are written in random order
        execOrDie(query, u"PRAGMA synchronous = OFF"_s);
        execOrDie(query, u"PRAGMA temp_store = MEMORY"_s);

        execOrDie(query, u"SELECT value FROM meta WHERE key = 'change_seq'"_s);
        const qint64 firstSeq = (query.next() ? query.value(0).toLongLong() : 0) + 1;
        query.finish();

        QStringList pick;
        for (qsizetype i = 0; i < assignees.size(); ++i)
            pick.append(u"WHEN %1 THEN %2"_s.arg(i).arg(assignees[i]));
        const QString assignee = u"CASE a % %1 %2 END"_s.arg(assignees.size()).arg(pick.join(u' '));

        const qint64 span = 730 * Day;
        const qint64 slot = std::max<qint64>(1, span / count);
        const QString replyDelay = u"5 * %1 + (abs(random()) % 1000) * (abs(random()) % 1000) * %2 / 1000000"_s
                                       .arg(Minute)
                                       .arg(48 * Hour);
        const QString solveDelay = u"10 * %1 + (abs(random()) % 1000) * (abs(random()) % 1000) * %2 / 1000000"_s
                                       .arg(Minute)
                                       .arg(6 * Day);
        // n: i, created, reply delay, solve delay, two draws of 0..999.
        const QString sql = uR"(
INSERT INTO tickets (subject, department_id, customer_name, customer_email, shop_id, order_number, channel,
                     status, priority, assignee_id, version, seq, entered_seq, created_at, updated_at,
                     customer_secret_hash, first_replied_at, solved_at, sla_missed, sla_at_risk, sla_breached)
WITH RECURSIVE
n(i, created, rd, sd, r, a) AS (
  SELECT 1, %1 + abs(random()) % %2, %3, %4, abs(random()) % 1000, abs(random()) % 1000
  UNION ALL
  SELECT i + 1, %1 + i * %5 / %6 + abs(random()) % %2, %3, %4, abs(random()) % 1000, abs(random()) % 1000
  FROM n WHERE i < %6
),
m AS (
  SELECT i, created, r, a,
         CASE WHEN r < 10 THEN NULL ELSE created + rd END AS replied,
         CASE WHEN r >= 10 AND a < 3 THEN NULL ELSE created + rd + sd END AS solved
  FROM n
),
s AS (
  SELECT i, created, r, a,
         CASE WHEN replied <= %7 THEN replied END AS first_replied_at,
         CASE WHEN solved <= %7 THEN solved END AS solved_at,
         CASE WHEN solved <= %7 - 4 * %8 THEN 'closed'
              WHEN solved <= %7 THEN 'solved'
              WHEN replied <= %7 THEN CASE WHEN r % 5 < 2 THEN 'pending' ELSE 'open' END
              ELSE 'new' END AS status
  FROM m
)
SELECT CASE i % 6 WHEN 0 THEN 'Question about sizing' WHEN 1 THEN 'Zip broke after two weeks'
                   WHEN 2 THEN 'Which tent for the Alps?' WHEN 3 THEN 'Account login does not work'
                   WHEN 4 THEN 'Change my address please' ELSE 'Is the jacket waterproof?' END,
       %9,
       CASE i % 5 WHEN 0 THEN 'Maria Rossi' WHEN 1 THEN 'Jonas Novak' WHEN 2 THEN 'Priya Okafor'
                   WHEN 3 THEN 'Chen Jensen' ELSE 'Sofia Haddad' END,
       'customer' || (abs(random()) % 300000) || '@example.com',
       %10,
       CASE WHEN i % 2 = 0 THEN 'BO-' || (100000 + abs(random()) % 900000) ELSE '' END,
       CASE WHEN i % 10 < 7 THEN 'web' ELSE 'email' END,
       status,
       CASE r % 20 WHEN 0 THEN 'urgent' WHEN 1 THEN 'high' WHEN 2 THEN 'low' ELSE 'normal' END,
       CASE WHEN status = 'new' AND a % 10 < 6 THEN NULL ELSE %11 END,
       CASE status WHEN 'new' THEN 1 WHEN 'open' THEN 3 WHEN 'pending' THEN 3 ELSE 4 END,
       %12 + i - 1,
       %12 + i - 1,
       created,
       COALESCE(solved_at, first_replied_at, created),
       randomblob(32),
       first_replied_at,
       solved_at,
       CASE WHEN r % 10 = 0 THEN 1 ELSE 0 END,
       CASE WHEN status IN ('new', 'open') AND a % 4 = 0 THEN 4 ELSE 0 END,
       CASE WHEN status IN ('new', 'open') AND a % 7 = 0 THEN 1 ELSE 0 END
FROM s
)"_s.arg(nowMs - span)  // %1: the start of the first ticket's slot
                              .arg(slot)          // %2
                              .arg(replyDelay)    // %3
                              .arg(solveDelay)    // %4
                              .arg(span)          // %5
                              .arg(count)         // %6
                              .arg(nowMs)         // %7
                              .arg(Day)           // %8
                              .arg(department)    // %9
                              .arg(shop)          // %10
                              .arg(assignee)      // %11
                              .arg(firstSeq);     // %12

        QElapsedTimer timer;
        timer.start();
        if (!db.transaction())
            die(u"load: "_s + db.lastError().text());
        execOrDie(query, sql);
        // One stay per ticket: arrived at creation, touched at the first reply
        // (or the solve, for the few solved without one).
        execOrDie(query, u"INSERT INTO department_stays (ticket_id, department_id, arrived_at, touched_at)"
                         " SELECT id, department_id, created_at, COALESCE(first_replied_at, solved_at) FROM tickets"
                         " WHERE department_id = %1"_s
                             .arg(department));
        const double insertSeconds = double(timer.nsecsElapsed()) / 1e9;
        query.prepare(u"UPDATE meta SET value = ? WHERE key = 'change_seq'"_s);
        query.addBindValue(firstSeq + count - 1);
        if (!query.exec())
            die(u"load: "_s + query.lastError().text());
        if (!db.commit())
            die(u"load: "_s + db.lastError().text());
        const double commitSeconds = double(timer.nsecsElapsed()) / 1e9 - insertSeconds;
        execOrDie(query, u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        query.finish();
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        say(u"loaded %1 tickets into the store in %2 s (insert %3 s, commit %4 s, checkpoint %5 s);"
            " seq %6 to %7"_s.arg(count)
                .arg(seconds, 0, 'f', 1)
                .arg(insertSeconds, 0, 'f', 1)
                .arg(commitSeconds, 0, 'f', 1)
                .arg(seconds - insertSeconds - commitSeconds, 0, 'f', 1)
                .arg(firstSeq)
                .arg(firstSeq + count - 1));

        execOrDie(query, u"SELECT status, COUNT(*), SUM(assignee_id IS NULL) FROM tickets WHERE department_id = %1"
                         " GROUP BY status ORDER BY status"_s.arg(department));
        QStringList statuses;
        while (query.next())
            statuses.append(u"%1 %2 (%3 unassigned)"_s.arg(query.value(0).toString())
                                .arg(query.value(1).toLongLong())
                                .arg(query.value(2).toLongLong()));
        say(u"the department's tickets by status: "_s + statuses.join(u", "_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

double milliseconds(const HttpResponse &response)
{
    return double(response.doneNs - response.sentNs) / 1e6;
}

HttpResponse askFigures(HttpConnection &http, const QByteArray &token, qint64 department, qint64 days)
{
    const HttpResponse response = http.call(
        "GET", u"/api/v1/departments/%1/figures?days=%2"_s.arg(department).arg(days).toUtf8(), {}, token);
    if (response.status != 200)
        die(describe(u"figures for %1 days"_s.arg(days), response));
    return response;
}

// What one answer covered, so the timings can be read against it.
QString content(const QJsonObject &figures)
{
    qint64 created = 0;
    qint64 solved = 0;
    for (const QJsonValue &day : figures.value(u"trend"_s).toArray()) {
        created += day.toObject().value(u"created"_s).toInteger();
        solved += day.toObject().value(u"solved"_s).toInteger();
    }
    const QJsonObject first = figures.value(u"first_response"_s).toObject();
    const QJsonObject resolution = figures.value(u"resolution"_s).toObject();
    return u"open %1, new %2, unassigned %3, pending %4, created today %5, solved today %6; in the period:"
           " created %7, solved %8, first response median %9 min (%10 tickets), resolution median %11 min"
           " (%12 tickets); %13 agents"_s.arg(figures.value(u"open"_s).toInteger())
        .arg(figures.value(u"new"_s).toInteger())
        .arg(figures.value(u"unassigned"_s).toInteger())
        .arg(figures.value(u"pending"_s).toInteger())
        .arg(figures.value(u"created_today"_s).toInteger())
        .arg(figures.value(u"solved_today"_s).toInteger())
        .arg(created)
        .arg(solved)
        .arg(first.value(u"median_minutes"_s).toDouble())
        .arg(first.value(u"count"_s).toInteger())
        .arg(resolution.value(u"median_minutes"_s).toDouble())
        .arg(resolution.value(u"count"_s).toInteger())
        .arg(figures.value(u"load"_s).toArray().size());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options(app.arguments(),
                          {{u"tickets"_s, u"1000000"_s},
                           {u"days"_s, u"7,30,90"_s},
                           {u"runs"_s, u"15"_s},
                           {u"data-dir"_s, QString()},
                           {u"store"_s, u"sqlite"_s},
                           {u"server"_s, ServerProcess::defaultBinary()}},
                          Usage);
    const qint64 count = options.number(u"tickets"_s);
    const QList<qint64> periods = options.numbers(u"days"_s);
    const int runs = int(options.number(u"runs"_s));
    if (count < 1 || periods.isEmpty() || runs < 1)
        die(u"--tickets, --days and --runs need positive numbers\n"_s + Usage);
    const QString binary = options.text(u"server"_s);
    QString dataDir = options.text(u"data-dir"_s);
    const bool reuse = !dataDir.isEmpty() && QFileInfo::exists(QDir(dataDir).filePath(u"signpost.sqlite3"_s));

    // A fresh store, migrated by the server, with the helpdesk around it.
    ServerProcess server;
    if (!server.start(binary, dataDir))
        die(u"the server did not start: "_s + server.errorOutput());
    dataDir = server.dataDir();
    const QString storePath = QDir(dataDir).filePath(u"signpost.sqlite3"_s);
    say(u"bench_figures: server %1, store in %2; load average %3"_s.arg(binary, dataDir, loadAverage()));
    qint64 department = 0;
    {
        HttpConnection http(server.baseUrl());
        QString error;
        const std::optional<BenchWorld> world =
            reuse ? BenchWorld::reopen(http, &error) : BenchWorld::create(http, &error);
        if (!world)
            die(error);
        department = world->support;
        if (!reuse) {
            const QList<qint64> assignees = addDepartmentPeople(http, *world);
            if (!server.stop())
                die(u"the server did not stop cleanly"_s);
            loadTickets(storePath, department, world->shop, assignees, count, QDateTime::currentMSecsSinceEpoch());
        } else {
            say(u"reusing the loaded store"_s);
        }
    }
    if (!server.stop())
        die(u"the server did not stop cleanly"_s);
    say(u"store file: %1 MB"_s.arg(double(QFileInfo(storePath).size()) / 1e6, 0, 'f', 0));

    // The server again on that store, with the file out of the OS page cache;
    // or on a copy of it in PostgreSQL.
    BenchStore store(options.text(u"store"_s));
    QString measuredDir = dataDir;
    const QStringList storeArguments = store.serverArguments(u"figures"_s);
    if (store.onPostgres()) {
        QProcess migrate;
        migrate.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer copying;
        copying.start();
        migrate.start(binary, {u"migrate"_s, u"--from"_s, dataDir, u"--to"_s, store.url()});
        if (!migrate.waitForFinished(-1) || migrate.exitStatus() != QProcess::NormalExit || migrate.exitCode() != 0)
            die(u"migrate: "_s + QString::fromUtf8(migrate.readAll()));
        say(u"copied into PostgreSQL with signpost-server migrate in %1 s"_s.arg(double(copying.elapsed()) / 1000, 0,
                                                                                 'f', 0));
        measuredDir.clear(); // a fresh one: the store is the database
    } else {
        evictFromPageCache(storePath);
    }
    ServerProcess measured;
    if (!measured.start(binary, measuredDir, storeArguments))
        die(u"the server did not start again: "_s + measured.errorOutput());
    HttpConnection http(measured.baseUrl());
    const QByteArray lead = login(http, LeadEmail, LeadPassword);

    const HttpResponse cold = askFigures(http, lead, department, periods.first());
    say(u"%1 (%2 days; server just started%3): %4 ms"_s
            .arg(store.onPostgres() ? u"first request"_s : u"cold first request"_s)
            .arg(periods.first())
            .arg(store.onPostgres() ? u", on a database just copied in"_s
                                    : u", store file dropped from the OS page cache"_s)
            .arg(milliseconds(cold), 0, 'f', 1));

    QList<QList<double>> times;
    QList<double> cpuPerRequest;
    for (qint64 days : periods) {
        const HttpResponse warm = askFigures(http, lead, department, days);
        say(u"%1 days: warm-up %2 ms, %3 bytes; %4"_s.arg(days)
                .arg(milliseconds(warm), 0, 'f', 1)
                .arg(warm.body.size())
                .arg(content(warm.json())));
        QList<double> list;
        const double cpuBefore = measured.cpuSeconds() + store.databaseCpuSeconds();
        for (int run = 0; run < runs; ++run)
            list.append(milliseconds(askFigures(http, lead, department, days)));
        cpuPerRequest.append((measured.cpuSeconds() + store.databaseCpuSeconds() - cpuBefore) * 1000 / runs);
        times.append(list);
    }

    say(u"summary (%1 timed requests per period after one warm-up; milliseconds from the request to the whole"
        " answer; load average now %2):"_s.arg(runs).arg(loadAverage()));
    for (qsizetype i = 0; i < periods.size(); ++i) {
        say(u"  days=%1: %2 | server%3 CPU %4 ms per request"_s.arg(periods[i])
                .arg(formatSummary(summarize(times[i]), 1))
                .arg(store.onPostgres() ? u" and PostgreSQL"_s : QString())
                .arg(cpuPerRequest[i], 0, 'f', 0));
    }

    // The queue's first page in every documented sort, as an agent of the
    // department opens it (the desk's server-side listing; 50 a page).
    say(u"queue first page, 50 tickets, %1 timed requests per sort after one warm-up:"_s.arg(runs));
    const QStringList sorts{u"-updated_at"_s, u"updated_at"_s, u"-created_at"_s, u"created_at"_s,
                            u"-priority"_s,   u"priority"_s,   u"-id"_s,         u"id"_s};
    for (const QString &filter : {QString(), u"&status=open,pending"_s}) {
        for (const QString &sort : sorts) {
            const QByteArray path = u"/api/v1/departments/%1/tickets?limit=50&sort=%2%3"_s.arg(department).arg(sort, filter).toUtf8();
            QList<double> list;
            for (int run = 0; run <= runs; ++run) {
                const HttpResponse page = http.call("GET", path, {}, lead);
                if (page.status != 200)
                    die(describe(u"queue page"_s, page));
                if (run > 0)
                    list.append(milliseconds(page));
            }
            say(u"  sort=%1%2: %3"_s.arg(sort, filter).arg(formatSummary(summarize(list), 1)));
        }
    }

    if (!measured.stop())
        die(u"the server did not stop cleanly"_s);
    return 0;
}
