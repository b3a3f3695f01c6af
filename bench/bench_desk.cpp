// bench_desk: the desk client over a large cache. Starts the real
// signpost-server (a child process), seeds tickets through the public intake
// endpoint (most land in Support, the rest in Returns, Billing and Shipping),
// assigns and answers a share of them, and makes an agent who is a member of
// all four departments. Then, as that agent, with the client's own libraries
// (LocalStore, SyncEngine, TicketQueueModel):
//   1. full initial sync into an empty cache, signIn until the engine is Live
//      (1b: the same with the desk's main window open and following the pages),
//      each run in a fresh child process, which also reports its memory with
//      the queue open afterwards;
//   2. cold start from the cache: open LocalStore, setQuery on the biggest
//      department, read the first screen; each run in a fresh child process,
//      with the cache file in the OS page cache and with it evicted;
//   3. switching department queues and 4. searching in the biggest one, in
//      this process, on the cache the last sync left.
// The child processes are this program again, started with --child-sync or
// --child-cold (internal options); each prints one "RESULT key=value ..."
// line. See docs/benchmarks.md for the figures.
#include "benchsupport.h"

#include "models/departmentlistmodel.h"
#include "models/desk.h"
#include "models/roles.h"
#include "models/ticketqueuemodel.h"
#include "sync/localstore.h"
#include "sync/syncengine.h"
#include "ui/mainwindow.h"
#include "ui/ticketview.h"

#include <QCoroTask>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QApplication>
#include <QGuiApplication>
#include <QTableView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <cstdlib>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Signpost;
using namespace Signpost::Bench;

namespace {

const QString Usage = uR"(bench_desk [options]
  --tickets N            tickets to seed into a fresh store (default 100000)
  --rule-share F         share of tickets a routing rule sends out of Support
                         into Returns, Billing and Shipping (default 0.15)
  --touched N            tickets given an assignee, and every second of them
                         a reply, before the client syncs (default 5000)
  --history-days D       spread the seeded tickets over the last D days, as
                         years of a helpdesk's history: all but 0.5% of those
                         older than a week solved, older than 11 days closed
                         (default 0: every ticket seeded now, and open)
  --window D             the history the desk keeps, in days (default 0: all)
  --sync-runs R          initial syncs, each in a fresh process (default 5)
  --cold-runs R          cold starts per page-cache state (default 7)
  --runs R               timed department switches and searches each (default 9)
  --rows N               rows of the first screen (default 50)
  --seed-connections K   connections the seeding intake uses (default 8)
  --data-dir DIR         keep the server's store here; a store made by an
                         earlier run is reused as it is (default: a fresh
                         temporary directory)
  --server PATH          the signpost-server binary (default: the one built with this tree))"_s;

constexpr auto DeskEmail = "dana@bench.example";
constexpr auto DeskPassword = "bench-desk-password";

double msSince(qint64 startNs)
{
    return double(clockNs() - startNs) / 1e6;
}

// VmRSS or VmHWM of this process, in MB.
double procStatusMb(const QByteArray &field)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return double(line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong()) / 1024.0;
    }
    return -1;
}

// What a table view asks of the first screen: every column's text and font,
// the id and the loading state of each row.
int readFirstScreen(TicketQueueModel &model, int rows)
{
    int read = 0;
    const int count = std::min(rows, model.rowCount());
    for (int row = 0; row < count; ++row) {
        if (model.index(row, 0).data(LoadingRole).toBool())
            die(u"row %1 is still loading"_s.arg(row));
        model.index(row, 0).data(TicketIdRole);
        for (int column = 0; column < TicketQueueModel::ColumnCount; ++column) {
            const QModelIndex index = model.index(row, column);
            // Due stays empty where no SLA target runs, as in this helpdesk.
            if (!index.data(Qt::DisplayRole).isValid() && column != TicketQueueModel::Due)
                die(u"no text at row %1, column %2"_s.arg(row).arg(column));
            index.data(Qt::FontRole);
        }
        ++read;
    }
    return read;
}

QueueQuery queueOf(qint64 department, const QString &search = {})
{
    QueueQuery query;
    query.departmentId = department;
    query.search = search;
    return query; // the desk's default: every status, newest update first
}

std::unique_ptr<LocalStore> openStore(const QString &path)
{
    Expected<std::unique_ptr<LocalStore>> store = LocalStore::open(path);
    if (!store)
        die(u"cannot open the cache %1: %2"_s.arg(path, store.error().message));
    return std::move(*store);
}

// "RESULT key=value key=value" on the child's stdout.
void report(const QList<std::pair<QString, double>> &values)
{
    QStringList parts;
    for (const auto &[key, value] : values)
        parts.append(u"%1=%2"_s.arg(key).arg(value, 0, 'f', 3));
    say(u"RESULT "_s + parts.join(u' '));
}

// ---------------------------------------------------------------------------
// Child processes

// One full initial sync into an empty cache, then the queue of the biggest
// department opened as the desk opens it, then this process's memory.
int childSync(const QStringList &args, bool withDesk)
{
    const QUrl server(args.value(0));
    const QString cache = args.value(1);
    const qint64 expected = args.value(2).toLongLong();
    const qint64 big = args.value(3).toLongLong();
    const int rows = args.value(4).toInt();
    const int window = args.value(5).toInt();
    if (QFileInfo::exists(cache))
        die(u"the cache %1 is not empty"_s.arg(cache));

    const double rssAtStart = procStatusMb("VmRSS");
    qint64 start = clockNs();
    std::unique_ptr<LocalStore> store = openStore(cache);
    const double openMs = msSince(start);
    auto engine = std::make_unique<SyncEngine>(*store);
    if (Status windowed = engine->setHistoryWindow(window); !windowed)
        die(u"window: "_s + windowed.error().message);
    // As the agent sees a first sync: the main window open, its queue and
    // department list following the pages as they are stored.
    std::unique_ptr<Desk> desk;
    std::unique_ptr<MainWindow> mainWindow;
    if (withDesk) {
        desk = std::make_unique<Desk>(*engine);
        mainWindow = std::make_unique<MainWindow>(*desk);
        mainWindow->resize(1560, 900);
        mainWindow->show();
    }

    QEventLoop loop;
    bool live = false;
    QObject::connect(engine.get(), &SyncEngine::stateChanged, &loop, [&](SyncEngine::State state) {
        if (state == SyncEngine::State::Live) {
            live = true;
            loop.quit();
        } else if (state == SyncEngine::State::Offline || state == SyncEngine::State::SignedOut) {
            loop.quit();
        }
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);

    const double cpuBefore = ownCpuSeconds();
    start = clockNs();
    const Status signedIn = QCoro::waitFor(
        engine->signIn(server, QString::fromLatin1(DeskEmail), QString::fromLatin1(DeskPassword)));
    if (!signedIn)
        die(u"sign-in: "_s + signedIn.error().message);
    const double signInMs = msSince(start);
    if (engine->state() != SyncEngine::State::Live) {
        deadline.start(300'000);
        loop.exec();
    }
    const double syncMs = msSince(start);
    const double cpu = ownCpuSeconds() - cpuBefore;
    if (!live)
        die(u"the engine did not get Live: state %1, %2"_s.arg(int(engine->state())).arg(engine->lastError()));
    const int cached = store->ticketCount();
    // With a window, tickets at its edge may cross it between the count and
    // the sync.
    if (window > 0 ? std::abs(cached - expected) > expected / 100 + 1 : cached != expected)
        die(u"the cache holds %1 tickets, expected %2"_s.arg(cached).arg(expected));
    const double rssSynced = procStatusMb("VmRSS");
    // What the engine does in steps once Live: merge the search index's
    // segments (a page adds one). Done here at once, so the searches below
    // run on the index a desk has a moment after its first sync.
    const qint64 tidyStart = clockNs();
    for (;;) {
        const Expected<bool> more = store->tidySearchIndex();
        if (!more)
            die(u"tidying the search index: "_s + more.error().message);
        if (!*more)
            break;
    }
    const double tidyMs = msSince(tidyStart);

    TicketQueueModel model(*store);
    DepartmentListModel departments(*store);
    model.setQuery(queueOf(big));
    readFirstScreen(model, rows);
    const double rss = procStatusMb("VmRSS");
    const double peak = procStatusMb("VmHWM");
    report({{u"sync_ms"_s, syncMs},
            {u"signin_ms"_s, signInMs},
            {u"open_ms"_s, openMs},
            {u"cpu_s"_s, cpu},
            {u"tickets"_s, double(cached)},
            {u"queue_rows"_s, double(model.rowCount())},
            {u"departments"_s, double(departments.rowCount())},
            {u"rss_start_mb"_s, rssAtStart},
            {u"rss_synced_mb"_s, rssSynced},
            {u"tidy_ms"_s, tidyMs},
            {u"rss_mb"_s, rss},
            {u"hwm_mb"_s, peak}});
    mainWindow.reset();
    desk.reset();
    engine.reset();
    store.reset();
    return 0;
}

// A desk starting from its cache: open it, the biggest queue, its first screen.
int childCold(const QStringList &args)
{
    const QString cache = args.value(0);
    const qint64 big = args.value(1).toLongLong();
    const int rows = args.value(2).toInt();
    if (!QFileInfo::exists(cache))
        die(u"no cache at "_s + cache);

    const qint64 start = clockNs();
    std::unique_ptr<LocalStore> store = openStore(cache);
    const double openMs = msSince(start);
    TicketQueueModel model(*store);
    model.setQuery(queueOf(big));
    const double queryMs = msSince(start);
    const int read = readFirstScreen(model, rows);
    const double totalMs = msSince(start);
    // Not part of the target: the department list beside the queue, with
    // its counts.
    const qint64 listStart = clockNs();
    DepartmentListModel departments(*store);
    const double listMs = msSince(listStart);
    report({{u"total_ms"_s, totalMs},
            {u"open_ms"_s, openMs},
            {u"setquery_ms"_s, queryMs - openMs},
            {u"screen_ms"_s, totalMs - queryMs},
            {u"rows"_s, double(model.rowCount())},
            {u"read"_s, double(read)},
            {u"deptlist_ms"_s, listMs},
            {u"departments"_s, double(departments.rowCount())}});
    return 0;
}

// The whole desk on the cache the sync left: its main window with the
// biggest queue open and a ticket shown, for the resident memory with
// widgets. The engine is not started (no network here).
int childDesk(const QStringList &args)
{
    const QString cache = args.value(0);
    const qint64 big = args.value(1).toLongLong();
    std::unique_ptr<LocalStore> store = openStore(cache);
    const double rssOpen = procStatusMb("VmRSS");
    {
        SyncEngine engine(*store);
        Desk desk(engine);
        MainWindow window(desk);
        window.resize(1560, 900);
        window.show();
        window.selectDepartment(big);
        QCoreApplication::processEvents();
        QTableView *queue = window.queueView();
        for (int row = 0; row < std::min(50, queue->model()->rowCount()); ++row)
            queue->model()->index(row, 1).data();
        if (queue->model()->rowCount() > 0)
            window.openTicket(queue->model()->index(0, 0).data(TicketIdRole).toLongLong());
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        window.grab(); // everything painted once
        report({{u"rss_mb"_s, procStatusMb("VmRSS")},
                {u"hwm_mb"_s, procStatusMb("VmHWM")},
                {u"rss_open_mb"_s, rssOpen},
                {u"rows"_s, double(queue->model()->rowCount())},
                {u"shown"_s, double(window.ticketView()->ticketId())}});
    }
    store.reset();
    return 0;
}

struct ChildResult
{
    QHash<QString, double> values;
    double wallMs = 0; // start of the process until it exited
};

ChildResult runChild(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(QCoreApplication::applicationFilePath());
    process.setArguments(arguments);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    const qint64 start = clockNs();
    process.start();
    if (!process.waitForFinished(600'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        die(u"child %1 failed: %2"_s.arg(arguments.join(u' '),
                                         QString::fromUtf8(process.readAllStandardError().right(2000))));
    ChildResult result;
    result.wallMs = msSince(start);
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (!line.startsWith("RESULT "))
            continue;
        for (const QByteArray &pair : line.mid(7).trimmed().split(' ')) {
            const qsizetype eq = pair.indexOf('=');
            result.values.insert(QString::fromLatin1(pair.left(eq)), pair.mid(eq + 1).toDouble());
        }
    }
    if (result.values.isEmpty())
        die(u"child %1 reported nothing"_s.arg(arguments.join(u' ')));
    return result;
}

// ---------------------------------------------------------------------------
// The helpdesk around the measured agent

struct DeskWorld
{
    qint64 desk = 0; // the measured agent
    QList<qint64> colleagues;
};

qint64 createAgent(HttpConnection &http, const QByteArray &admin, const QString &email, const QString &name,
                   const QString &password, const QList<std::pair<qint64, QString>> &memberships)
{
    HttpResponse response = http.postJson(
        u"/api/v1/agents"_s, {{u"email"_s, email}, {u"name"_s, name}, {u"password"_s, password}}, admin);
    if (response.status != 201)
        die(u"agent %1: HTTP %2 %3"_s.arg(email).arg(response.status).arg(QString::fromUtf8(response.body)));
    const qint64 id = response.json().value(u"id"_s).toInteger();
    for (const auto &[department, role] : memberships) {
        response = http.call("PUT", u"/api/v1/agents/%1/memberships/%2"_s.arg(id).arg(department).toUtf8(),
                             QJsonDocument(QJsonObject{{u"role"_s, role}}).toJson(QJsonDocument::Compact), admin);
        if (response.status != 200)
            die(u"membership of %1: HTTP %2 %3"_s.arg(email).arg(response.status).arg(QString::fromUtf8(response.body)));
    }
    return id;
}

DeskWorld createDeskWorld(HttpConnection &http, const BenchWorld &world)
{
    const QByteArray &admin = world.adminToken;
    DeskWorld desk;
    const QList<qint64> all = world.departments();
    QList<std::pair<qint64, QString>> everywhere;
    for (qint64 department : all)
        everywhere.append({department, department == world.support ? u"lead"_s : u"member"_s});
    desk.desk = createAgent(http, admin, QString::fromLatin1(DeskEmail), u"Dana Desk"_s,
                            QString::fromLatin1(DeskPassword), everywhere);
    // Colleagues: two who work everywhere, one per smaller department.
    desk.colleagues.append(createAgent(http, admin, u"alex@bench.example"_s, u"Alex Allround"_s,
                                       u"bench-colleague"_s, everywhere));
    desk.colleagues.append(createAgent(http, admin, u"kim@bench.example"_s, u"Kim Keller"_s,
                                       u"bench-colleague"_s, everywhere));
    createAgent(http, admin, u"robin@bench.example"_s, u"Robin Returns"_s, u"bench-colleague"_s,
                {{world.returns, u"member"_s}});
    createAgent(http, admin, u"bea@bench.example"_s, u"Bea Billing"_s, u"bench-colleague"_s,
                {{world.billing, u"member"_s}});
    createAgent(http, admin, u"sid@bench.example"_s, u"Sid Shipping"_s, u"bench-colleague"_s,
                {{world.shipping, u"member"_s}});
    return desk;
}

// Every `stride`-th ticket gets an assignee (the measured agent or a
// colleague who is in every department); every second of those also a reply
// that sets it pending. As an admin, in batches of 100 commands.
void touchTickets(HttpConnection &http, const BenchWorld &world, const DeskWorld &desk, qint64 first, qint64 last,
                  qint64 count)
{
    if (count <= 0)
        return;
    const qint64 stride = std::max<qint64>(1, (last - first + 1) / count);
    const QList<qint64> assignees{desk.desk, desk.colleagues.value(0), desk.colleagues.value(1)};
    QJsonArray batch;
    qint64 applied = 0;
    auto send = [&]() {
        if (batch.isEmpty())
            return;
        const HttpResponse response = http.postJson(u"/api/v1/commands"_s, {{u"commands"_s, batch}}, world.adminToken);
        if (response.status != 200)
            die(u"commands: HTTP %1 %2"_s.arg(response.status).arg(QString::fromUtf8(response.body.left(300))));
        for (const QJsonValue &result : response.json().value(u"results"_s).toArray()) {
            if (result.toObject().value(u"outcome"_s).toString() != u"applied")
                die(u"command rejected: "_s
                    + QString::fromUtf8(QJsonDocument(result.toObject()).toJson(QJsonDocument::Compact)));
            ++applied;
        }
        batch = QJsonArray();
    };
    const qint64 start = clockNs();
    qint64 n = 0;
    for (qint64 ticket = first; ticket <= last && n < count; ticket += stride, ++n) {
        batch.append(QJsonObject{{u"id"_s, u"bench-assign-%1"_s.arg(ticket)},
                                 {u"ticket"_s, ticket},
                                 {u"base_version"_s, 1},
                                 {u"type"_s, u"assign"_s},
                                 {u"assignee"_s, assignees[n % assignees.size()]}});
        if (n % 2 == 0)
            batch.append(QJsonObject{{u"id"_s, u"bench-reply-%1"_s.arg(ticket)},
                                     {u"ticket"_s, ticket},
                                     {u"base_version"_s, 2},
                                     {u"type"_s, u"reply"_s},
                                     {u"status"_s, u"pending"_s},
                                     {u"body"_s, u"Thank you for writing to us. We have looked at your order and"
                                                 " will get back to you within two days."_s}});
        if (batch.size() >= 99)
            send();
    }
    send();
    say(u"touched %1 tickets (%2 commands applied) in %3 s"_s.arg(n).arg(applied).arg(msSince(start) / 1000, 0, 'f',
                                                                                           1));
}


QString ms(const Summary &s)
{
    return formatSummary(s, 1) + u" ms"_s;
}

QString verdict(double value, double target)
{
    return value < target ? u"met"_s : u"MISSED"_s;
}

constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

// Years of a helpdesk, from tickets seeded today: the store's tickets (server
// stopped) spread evenly over the last `days` days in id order, each updated
// within two days of its creation, its messages and events within that
// time; all but one in 200 of those older than a week solved, older than 11
// days closed.
void spreadOverHistory(const QString &path, int days)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 start = clockNs();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"history"_s);
        db.setDatabaseName(path);
        if (!db.open())
            die(u"history: cannot open %1"_s.arg(path));
        QSqlQuery query(db);
        const auto run = [&query](const QString &sql) {
            if (!query.exec(sql))
                die(u"history: %1 in %2"_s.arg(query.lastError().text(), sql));
        };
        run(u"PRAGMA cache_size = -524288"_s);
        run(u"BEGIN"_s);
        run(u"CREATE TEMP TABLE span AS SELECT min(id) AS first, max(id) - min(id) + 1 AS count FROM tickets"_s);
        run(u"UPDATE tickets SET created_at = %1 - (SELECT (span.first + span.count - 1 - tickets.id) * %2 / span.count"
            " FROM span)"_s.arg(now - Hour).arg(qint64(days) * Day));
        run(u"UPDATE tickets SET updated_at = min(created_at + (id %% 48) * %1, %2),"
            " status = CASE WHEN id %% 200 = 0 THEN status WHEN created_at < %2 - 11 * %3 THEN 'closed'"
            " WHEN created_at < %2 - 7 * %3 THEN 'solved' ELSE status END"_s.arg(Hour).arg(now).arg(Day)
                .replace(u"%%"_s, u"%"_s));
        for (const QString &table : {u"messages"_s, u"events"_s})
            run(u"UPDATE %1 SET created_at = (SELECT min(t.created_at + (%1.id %% 60) * %2, t.updated_at)"
                " FROM tickets t WHERE t.id = %1.ticket_id)"_s.arg(table).arg(Minute).replace(u"%%"_s, u"%"_s));
        run(u"COMMIT"_s);
        run(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        run(u"SELECT status, COUNT(*) FROM tickets GROUP BY status ORDER BY status"_s);
        QStringList statuses;
        while (query.next())
            statuses.append(u"%1 %2"_s.arg(query.value(0).toString()).arg(query.value(1).toLongLong()));
        say(u"spread the tickets over %1 days in %2 s: %3"_s.arg(days)
                .arg(double(clockNs() - start) / 1e9, 0, 'f', 1)
                .arg(statuses.join(u", "_s)));
    }
    QSqlDatabase::removeDatabase(u"history"_s);
}

// How many tickets a desk with a window of `days` keeps: those not solved,
// and the others updated within it.
qint64 currentTickets(const QString &path, int days)
{
    qint64 count = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"count"_s);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open())
            die(u"cannot open %1"_s.arg(path));
        QSqlQuery query(db);
        if (!query.exec(u"SELECT COUNT(*) FROM tickets WHERE status NOT IN ('solved', 'closed') OR updated_at >= %1"_s.arg(
                QDateTime::currentMSecsSinceEpoch() - qint64(days) * Day))
            || !query.next())
            die(u"count: "_s + query.lastError().text());
        count = query.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(u"count"_s);
    return count;
}

} // namespace

int main(int argc, char *argv[])
{
    // The models' fonts need a GUI application; no window is ever shown.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        qputenv("QT_LOGGING_RULES", "signpost.*.info=false");
    // The whole desk (widgets) in one kind of child; the models alone in
    // the rest.
    const bool widgets =
        argc > 1 && (qstrcmp(argv[1], "--child-desk") == 0 || qstrcmp(argv[1], "--child-sync-desk") == 0);
    std::unique_ptr<QGuiApplication> application =
        widgets ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QGuiApplication>(argc, argv);
    QGuiApplication &app = *application;
    const QStringList arguments = app.arguments();
    if (arguments.value(1) == u"--child-desk")
        return childDesk(arguments.mid(2));
    if (arguments.value(1) == u"--child-sync" || arguments.value(1) == u"--child-sync-desk")
        return childSync(arguments.mid(2), widgets);
    if (arguments.value(1) == u"--child-cold")
        return childCold(arguments.mid(2));

    const Options options(arguments,
                          {{u"tickets"_s, u"100000"_s},
                           {u"rule-share"_s, u"0.15"_s},
                           {u"touched"_s, u"5000"_s},
                           {u"history-days"_s, u"0"_s},
                           {u"window"_s, u"0"_s},
                           {u"sync-runs"_s, u"5"_s},
                           {u"cold-runs"_s, u"7"_s},
                           {u"runs"_s, u"9"_s},
                           {u"rows"_s, u"50"_s},
                           {u"seed-connections"_s, u"8"_s},
                           {u"data-dir"_s, QString()},
                           {u"server"_s, ServerProcess::defaultBinary()}},
                          Usage);
    const qint64 seedCount = options.number(u"tickets"_s);
    const double ruleShare = options.text(u"rule-share"_s).toDouble();
    const int syncRuns = int(options.number(u"sync-runs"_s));
    const int coldRuns = int(options.number(u"cold-runs"_s));
    const int runs = int(options.number(u"runs"_s));
    const int rows = int(options.number(u"rows"_s));
    const QString dataDir = options.text(u"data-dir"_s);
    const bool reuse = !dataDir.isEmpty() && QFileInfo::exists(QDir(dataDir).filePath(u"signpost.sqlite3"_s));

    ServerProcess server;
    if (!server.start(options.text(u"server"_s), dataDir))
        die(u"the server did not start: "_s + server.errorOutput());
    say(u"bench_desk: server %1, store in %2; load average %3"_s.arg(options.text(u"server"_s), server.dataDir(),
                                                                        loadAverage()));
    auto http = std::make_unique<HttpConnection>(server.baseUrl());
    QString error;
    const std::optional<BenchWorld> world = reuse ? BenchWorld::reopen(*http, &error) : BenchWorld::create(*http, &error);
    if (!world)
        die(error);

    if (!reuse) {
        const DeskWorld desk = createDeskWorld(*http, *world);
        std::vector<std::unique_ptr<HttpConnection>> owned;
        QList<HttpConnection *> lanes;
        for (qint64 i = 0; i < options.number(u"seed-connections"_s); ++i) {
            owned.push_back(std::make_unique<HttpConnection>(server.baseUrl()));
            lanes.append(owned.back().get());
        }
        double seconds = 0;
        qint64 first = 0, last = 0;
        constexpr qsizetype Chunk = 20'000;
        for (qsizetype done = 0; done < seedCount; done += Chunk) {
            const qsizetype count = std::min<qsizetype>(Chunk, seedCount - done);
            const IntakeOutcome outcome =
                postIntake(lanes, makeIntakeBodies(world->shop, count, ruleShare, 4242u + quint32(done)));
            if (outcome.failed > 0)
                die(u"seeding: "_s + outcome.firstFailure);
            seconds += outcome.seconds;
            first = first == 0 ? outcome.firstTicket : std::min(first, outcome.firstTicket);
            last = std::max(last, outcome.lastTicket);
        }
        say(u"seeded %1 tickets through /api/v1/public/intake in %2 s"_s.arg(seedCount).arg(seconds, 0, 'f', 1));
        touchTickets(*http, *world, desk, first, last, options.number(u"touched"_s));
        if (const int days = int(options.number(u"history-days"_s)); days > 0) {
            if (!server.stop())
                die(u"the server did not stop cleanly"_s);
            spreadOverHistory(QDir(server.dataDir()).filePath(u"signpost.sqlite3"_s), days);
            if (!server.start(options.text(u"server"_s), server.dataDir()))
                die(u"the server did not start again: "_s + server.errorOutput());
            http = std::make_unique<HttpConnection>(server.baseUrl());
        }
    } else {
        say(u"reusing the seeded store"_s);
    }

    const QHash<qint64, qint64> counts = world->ticketCounts(*http);
    qint64 total = 0;
    qint64 big = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        total += it.value();
        if (big == 0 || it.value() > counts.value(big))
            big = it.key();
    }
    QStringList sizes;
    for (qint64 department : world->departments())
        sizes.append(u"%1 %2"_s.arg(world->departmentName(department)).arg(counts.value(department)));
    say(u"store: %1 tickets (%2); the measured agent is in all four departments"_s.arg(total).arg(
        sizes.join(u", "_s)));
    if (!reuse && total != seedCount)
        die(u"the store holds %1 tickets, expected %2"_s.arg(total).arg(seedCount));
    const int window = int(options.number(u"window"_s));
    const qint64 expected =
        window > 0 ? currentTickets(QDir(server.dataDir()).filePath(u"signpost.sqlite3"_s), window) : total;
    if (window > 0)
        say(u"the desk keeps open tickets and %1 days of the rest: %2 tickets"_s.arg(window).arg(expected));

    QTemporaryDir caches(QDir::temp().filePath(u"signpost-desk-bench-XXXXXX"_s));
    if (!caches.isValid())
        die(u"no temporary directory"_s);

    // 1. Full initial syncs, each in a fresh process into an empty cache.
    say(u"1. full initial sync, %1 runs, each a fresh process into an empty cache"_s.arg(syncRuns));
    QList<double> syncMs, syncCpu, serverCpu, rss, hwm, rssSynced, rssStart, tidyMs;
    QString cache;
    for (int run = 0; run < syncRuns; ++run) {
        if (!cache.isEmpty()) {
            for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
                QFile::remove(cache + suffix);
        }
        cache = caches.filePath(u"cache-%1.sqlite"_s.arg(run));
        const double serverBefore = server.cpuSeconds();
        const ChildResult r = runChild({u"--child-sync"_s, server.baseUrl().toString(), cache,
                                        QString::number(expected), QString::number(big), QString::number(rows),
                                        QString::number(window)});
        const double serverUsed = server.cpuSeconds() - serverBefore;
        syncMs.append(r.values.value(u"sync_ms"_s));
        syncCpu.append(r.values.value(u"cpu_s"_s));
        serverCpu.append(serverUsed);
        rss.append(r.values.value(u"rss_mb"_s));
        hwm.append(r.values.value(u"hwm_mb"_s));
        rssSynced.append(r.values.value(u"rss_synced_mb"_s));
        tidyMs.append(r.values.value(u"tidy_ms"_s));
        rssStart.append(r.values.value(u"rss_start_mb"_s));
        say(u"  run %1/%2: %3 s to Live (sign-in %4 ms), %5 tickets cached; client CPU %6 s, server CPU %7 s;"
            " VmRSS %8 MB at start, %9 MB synced, %10 MB with the queue open (%11 rows); VmHWM %12 MB;"
            " search index merged after it in %13 ms"_s
                .arg(run + 1)
                .arg(syncRuns)
                .arg(r.values.value(u"sync_ms"_s) / 1000, 0, 'f', 2)
                .arg(r.values.value(u"signin_ms"_s), 0, 'f', 0)
                .arg(r.values.value(u"tickets"_s), 0, 'f', 0)
                .arg(r.values.value(u"cpu_s"_s), 0, 'f', 2)
                .arg(serverUsed, 0, 'f', 2)
                .arg(r.values.value(u"rss_start_mb"_s), 0, 'f', 0)
                .arg(r.values.value(u"rss_synced_mb"_s), 0, 'f', 0)
                .arg(r.values.value(u"rss_mb"_s), 0, 'f', 0)
                .arg(r.values.value(u"queue_rows"_s), 0, 'f', 0)
                .arg(r.values.value(u"hwm_mb"_s), 0, 'f', 0)
                .arg(r.values.value(u"tidy_ms"_s), 0, 'f', 0));
    }
    qint64 cacheBytes = 0;
    for (const QString &suffix : {u""_s, u"-wal"_s})
        cacheBytes += QFileInfo(cache + suffix).size();
    say(u"  cache file: %1 MB"_s.arg(double(cacheBytes) / 1e6, 0, 'f', 0));

    // 1b. The same with the desk's main window open, as an agent signs in.
    const int deskSyncRuns = std::min(3, syncRuns);
    say(u"1b. full initial sync with the desk's main window open, %1 runs"_s.arg(deskSyncRuns));
    QList<double> deskSyncMs;
    for (int run = 0; run < deskSyncRuns; ++run) {
        const QString deskCache = caches.filePath(u"desk-cache-%1.sqlite"_s.arg(run));
        const ChildResult r = runChild({u"--child-sync-desk"_s, server.baseUrl().toString(), deskCache,
                                        QString::number(expected), QString::number(big), QString::number(rows),
                                        QString::number(window)});
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(deskCache + suffix);
        deskSyncMs.append(r.values.value(u"sync_ms"_s));
        say(u"  run %1/%2: %3 s to Live; client CPU %4 s"_s.arg(run + 1)
                .arg(deskSyncRuns)
                .arg(r.values.value(u"sync_ms"_s) / 1000, 0, 'f', 2)
                .arg(r.values.value(u"cpu_s"_s), 0, 'f', 2));
    }

    // 2. Cold starts from the cache the last sync left.
    say(u"2. cold start (open the cache, setQuery on %1, read %2 rows), %3 runs each, a fresh process per run"_s
            .arg(world->departmentName(big))
            .arg(rows)
            .arg(coldRuns));
    QHash<QString, QList<double>> cold; // "<state>/<key>"
    for (const QString &state : {u"warm"_s, u"evicted"_s}) {
        runChild({u"--child-cold"_s, cache, QString::number(big), QString::number(rows)}); // untimed
        for (int run = 0; run < coldRuns; ++run) {
            if (state == u"evicted")
                evictFromPageCache(cache);
            const ChildResult r = runChild({u"--child-cold"_s, cache, QString::number(big), QString::number(rows)});
            for (const QString &key : {u"total_ms"_s, u"open_ms"_s, u"setquery_ms"_s, u"screen_ms"_s,
                                       u"deptlist_ms"_s})
                cold[state + u'/' + key].append(r.values.value(key));
            cold[state + u"/wall_ms"_s].append(r.wallMs);
            say(u"  %1 page cache, run %2/%3: %4 ms (open %5, setQuery %6 for %7 rows, first screen %8);"
                " process start to exit %9 ms; department list %10 ms"_s.arg(state)
                    .arg(run + 1)
                    .arg(coldRuns)
                    .arg(r.values.value(u"total_ms"_s), 0, 'f', 1)
                    .arg(r.values.value(u"open_ms"_s), 0, 'f', 1)
                    .arg(r.values.value(u"setquery_ms"_s), 0, 'f', 1)
                    .arg(r.values.value(u"rows"_s), 0, 'f', 0)
                    .arg(r.values.value(u"screen_ms"_s), 0, 'f', 1)
                    .arg(r.wallMs, 0, 'f', 0)
                    .arg(r.values.value(u"deptlist_ms"_s), 0, 'f', 1));
        }
    }

    // 5b. The whole desk, widgets and all, on the same cache.
    say(u"5b. the whole desk (main window, biggest queue, a ticket shown) on the cache, %1 runs"_s.arg(coldRuns));
    QList<double> deskRss, deskHwm;
    for (int run = 0; run < coldRuns; ++run) {
        const ChildResult r = runChild({u"--child-desk"_s, cache, QString::number(big)});
        deskRss.append(r.values.value(u"rss_mb"_s));
        deskHwm.append(r.values.value(u"hwm_mb"_s));
        say(u"  run %1/%2: VmRSS %3 MB (%4 MB with the cache open, before the window), VmHWM %5 MB; %6 rows, ticket #%7"_s
                .arg(run + 1)
                .arg(coldRuns)
                .arg(r.values.value(u"rss_mb"_s), 0, 'f', 0)
                .arg(r.values.value(u"rss_open_mb"_s), 0, 'f', 0)
                .arg(r.values.value(u"hwm_mb"_s), 0, 'f', 0)
                .arg(r.values.value(u"rows"_s), 0, 'f', 0)
                .arg(r.values.value(u"shown"_s), 0, 'f', 0));
    }

    // 3 and 4, in this process on the same cache (the engine is not running:
    // nothing else touches it meanwhile).
    std::unique_ptr<LocalStore> store = openStore(cache);
    TicketQueueModel model(*store);
    auto timedQuery = [&](const QueueQuery &query) {
        const qint64 start = clockNs();
        model.setQuery(query);
        readFirstScreen(model, rows);
        return msSince(start);
    };
    timedQuery(queueOf(big)); // untimed warm-up

    say(u"3. switching department queues, in this process, %1 rounds"_s.arg(runs));
    QList<double> toSmall, toBig;
    for (int run = 0; run < runs; ++run) {
        for (qint64 department : world->departments()) {
            if (department == big)
                continue;
            const double a = timedQuery(queueOf(department));
            const int smallRows = model.rowCount();
            const double b = timedQuery(queueOf(big));
            toSmall.append(a);
            toBig.append(b);
            if (run == 0)
                say(u"  round 1: to %1 (%2 rows) %3 ms, back to %4 (%5 rows) %6 ms"_s
                        .arg(world->departmentName(department))
                        .arg(smallRows)
                        .arg(a, 0, 'f', 1)
                        .arg(world->departmentName(big))
                        .arg(model.rowCount())
                        .arg(b, 0, 'f', 1));
        }
    }
    say(u"  to a smaller department: "_s + ms(summarize(toSmall)));
    say(u"  to %1: "_s.arg(world->departmentName(big)) + ms(summarize(toBig)));

    // Search terms: a ticket from the middle of the queue, and the first
    // after it with an order number.
    model.setQuery(queueOf(big));
    const int middle = model.rowCount() / 2;
    const std::optional<Ticket> sample = store->ticket(model.ticketAt(middle));
    qint64 withOrder = 0;
    for (int row = middle; row < model.rowCount() && withOrder == 0; ++row) {
        const std::optional<Ticket> t = store->ticket(model.ticketAt(row));
        if (t && !t->customer.orderNumber.isEmpty())
            withOrder = t->id;
    }
    if (!sample || withOrder == 0)
        die(u"no sample ticket in the cache"_s);
    const QString orderNumber = store->ticket(withOrder)->customer.orderNumber;
    const QList<std::pair<QString, QString>> terms{
        {u"customer surname"_s, u"Kowalski"_s},
        {u"first and last name"_s, u"Maria Rossi"_s},
        {u"order number"_s, orderNumber},
        {u"ticket number"_s, QString::number(sample->id)},
        {u"word in the subject"_s, u"waterproof"_s},
        {u"common word in the messages"_s, u"warranty"_s},
    };
    say(u"4. search in %1, in this process, %2 runs per term"_s.arg(world->departmentName(big)).arg(runs));
    QList<std::tuple<QString, QString, int, Summary>> searchRows;
    for (const auto &[what, term] : terms) {
        timedQuery(queueOf(big)); // from the plain queue, as when typing starts
        timedQuery(queueOf(big, term)); // untimed warm-up
        QList<double> times;
        int hits = 0;
        for (int run = 0; run < runs; ++run) {
            timedQuery(queueOf(big));
            times.append(timedQuery(queueOf(big, term)));
            hits = model.rowCount();
        }
        const Summary s = summarize(times);
        searchRows.append({what, term, hits, s});
        say(u"  %1 \"%2\": %3 hits, %4"_s.arg(what, term).arg(hits).arg(ms(s)));
    }
    if (store->queueCount(queueOf(big, QString::number(sample->id))) < 1)
        die(u"the ticket number search did not find the ticket"_s);

    // 4b. The same words on the server, as the desk asks when Enter is
    // pressed in the search box: the whole store, the agent's departments.
    say(u"4b. search on the server (GET /api/v1/search, 50 tickets a page), %1 runs per term"_s.arg(runs));
    http = std::make_unique<HttpConnection>(server.baseUrl()); // the last one may have idled out meanwhile
    const HttpResponse login = http->postJson(
        u"/api/v1/auth/login"_s,
        {{u"email"_s, QString::fromLatin1(DeskEmail)}, {u"password"_s, QString::fromLatin1(DeskPassword)}});
    const QByteArray token = login.json().value(u"token"_s).toString().toLatin1();
    if (login.status != 200)
        die(u"login for the search: HTTP %1"_s.arg(login.status));
    QList<std::tuple<QString, QString, int, Summary, double>> serverRows;
    for (const auto &[what, term] : terms) {
        const QString path = u"/api/v1/search?q=%1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(term)));
        QList<double> times;
        int found = 0;
        for (int run = 0; run <= runs; ++run) {
            const qint64 start = clockNs();
            const HttpResponse answer = http->getJson(path, token);
            const double took = msSince(start);
            if (answer.status != 200)
                die(u"search %1: HTTP %2 %3"_s.arg(term).arg(answer.status).arg(QString::fromUtf8(answer.body.left(300))));
            found = int(answer.json().value(u"tickets"_s).toArray().size());
            if (run > 0) // the first warms up
                times.append(took);
        }
        const Summary s = summarize(times);
        const double p95 = percentile(times, 0.95);
        serverRows.append({what, term, found, s, p95});
        say(u"  %1 \"%2\": %3 tickets, %4; p95 %5 ms"_s.arg(what, term).arg(found).arg(ms(s)).arg(p95, 0, 'f', 1));
    }

    model.setQuery({});
    store.reset();
    const bool stopped = server.stop();
    if (!stopped)
        die(u"the server did not stop cleanly"_s);

    const Summary sync = summarize(syncMs);
    const Summary memory = summarize(rss);
    const Summary coldWarm = summarize(cold.value(u"warm/total_ms"_s));
    const Summary coldEvicted = summarize(cold.value(u"evicted/total_ms"_s));
    const Summary small = summarize(toSmall);
    const Summary bigSwitch = summarize(toBig);

    say(u"summary (%1 tickets in the cache; load average now %2):"_s.arg(total).arg(loadAverage()));
    say(u"  1. full initial sync: %1 s median (min %2, max %3); client CPU %4 s, server CPU %5 s (medians)"
        " -> target < 8 s %6"_s.arg(sync.median / 1000, 0, 'f', 2)
            .arg(sync.min / 1000, 0, 'f', 2)
            .arg(sync.max / 1000, 0, 'f', 2)
            .arg(summarize(syncCpu).median, 0, 'f', 2)
            .arg(summarize(serverCpu).median, 0, 'f', 2)
            .arg(verdict(sync.median, 8'000)));
    say(u"     then merging the search index's segments (the engine does it in steps once Live): %1"_s.arg(ms(summarize(tidyMs))));
    if (!deskSyncMs.isEmpty()) {
        const Summary deskSync = summarize(deskSyncMs);
        say(u"  1b. the same with the desk's window open: %1 s median (min %2, max %3) -> target < 8 s %4"_s
                .arg(deskSync.median / 1000, 0, 'f', 2)
                .arg(deskSync.min / 1000, 0, 'f', 2)
                .arg(deskSync.max / 1000, 0, 'f', 2)
                .arg(verdict(deskSync.median, 8'000)));
    }
    say(u"  2. cold start, page cache warm: %1 -> target < 1000 ms %2"_s.arg(ms(coldWarm), verdict(coldWarm.median, 1000)));
    say(u"     cold start, cache file evicted: %1 -> %2"_s.arg(ms(coldEvicted), verdict(coldEvicted.median, 1000)));
    say(u"     medians: open %1 ms, setQuery %2 ms, first screen %3 ms; process start to exit %4 ms (warm),"
        " %5 ms (evicted)"_s.arg(summarize(cold.value(u"warm/open_ms"_s)).median, 0, 'f', 1)
            .arg(summarize(cold.value(u"warm/setquery_ms"_s)).median, 0, 'f', 1)
            .arg(summarize(cold.value(u"warm/screen_ms"_s)).median, 0, 'f', 1)
            .arg(summarize(cold.value(u"warm/wall_ms"_s)).median, 0, 'f', 0)
            .arg(summarize(cold.value(u"evicted/wall_ms"_s)).median, 0, 'f', 0));
    say(u"  3. switch to a smaller department: %1 -> target < 100 ms %2"_s.arg(ms(small), verdict(small.median, 100)));
    say(u"     switch to %1: %2 -> %3"_s.arg(world->departmentName(big), ms(bigSwitch), verdict(bigSwitch.median, 100)));
    for (const auto &[what, term, hits, s] : searchRows)
        say(u"  4. search %1 \"%2\" (%3 hits): %4 -> target < 50 ms %5"_s.arg(what, term)
                .arg(hits)
                .arg(ms(s), verdict(s.median, 50)));
    for (const auto &[what, term, found, s, p95] : serverRows)
        say(u"  4b. server search %1 \"%2\" (%3 tickets): %4, p95 %5 ms -> target < 200 ms %6"_s.arg(what, term)
                .arg(found)
                .arg(ms(s))
                .arg(p95, 0, 'f', 1)
                .arg(verdict(p95, 200)));
    say(u"  5. VmRSS after the full sync with the queue open: %1 MB median (min %2, max %3); VmHWM %4 MB"
        " -> target < 200 MB %5"_s.arg(memory.median, 0, 'f', 0)
            .arg(memory.min, 0, 'f', 0)
            .arg(memory.max, 0, 'f', 0)
            .arg(summarize(hwm).median, 0, 'f', 0)
            .arg(verdict(memory.median, 200)));
    say(u"     medians: VmRSS %1 MB before the sync, %2 MB synced before the queue opened"_s
            .arg(summarize(rssStart).median, 0, 'f', 0)
            .arg(summarize(rssSynced).median, 0, 'f', 0));
    const auto wholeDesk = summarize(deskRss);
    say(u"  5b. VmRSS of the whole desk with its widgets on the cache: %1 MB median (min %2, max %3); VmHWM %4 MB"
        " -> target < 250 MB %5"_s.arg(wholeDesk.median, 0, 'f', 0)
            .arg(wholeDesk.min, 0, 'f', 0)
            .arg(wholeDesk.max, 0, 'f', 0)
            .arg(summarize(deskHwm).median, 0, 'f', 0)
            .arg(verdict(wholeDesk.median, 250)));
    return 0;
}
