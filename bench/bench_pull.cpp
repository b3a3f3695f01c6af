// bench_pull: how long a client's first full sync takes. Starts the real
// signpost-server (a child process), seeds tickets through the public intake
// endpoint (so the store holds them exactly as the server writes them:
// ticket, first message, "created" and "routed" events), then pulls
// GET /api/v1/sync from an empty cursor page by page until has_more is false,
// as an admin (sees every ticket) and as an agent of the default department
// (which holds ~98% of them), for several page sizes.
#include "benchsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace Signpost::Bench;

namespace {

const QString Usage = uR"(bench_pull [options]
  --tickets N            tickets to seed into a fresh store (default 100000)
  --pages L,..           page sizes (limit) to pull with (default 500,1000,2000)
  --runs R               timed pulls per page size and identity (default 5)
  --who W,..             admin and/or agent (default admin,agent)
  --seed-connections K   connections the seeding intake uses (default 8)
  --data-dir DIR         keep the store here; a store made by an earlier run is
                         reused as it is, without seeding (default: a fresh
                         temporary directory)
  --store S              sqlite (the embedded store) or postgresql: a fresh
                         database in a cluster this starts (default sqlite)
  --server PATH          the signpost-server binary (default: the one built with this tree))"_s;

struct PullResult
{
    double seconds = 0;
    qint64 pages = 0;
    qint64 received = 0; // ticket entries in all pages
    qint64 unique = 0;   // distinct ticket ids among them
    qint64 bytes = 0;
    double serverSeconds = 0;   // request sent until the first byte of the answer
    double transferSeconds = 0; // first byte until the whole answer was read
    double parseSeconds = 0;    // the client's QJsonDocument parse of the pages
    double serverCpu = 0;       // the server process's CPU time during the pull
    double databaseCpu = 0;     // PostgreSQL's, on that engine
    double stolen = 0;          // of the machine's CPU time, by its host
};

PullResult pull(HttpConnection &http, const ServerProcess &server, const BenchStore &store, const QByteArray &token,
                int limit)
{
    PullResult result;
    QSet<qint64> ids;
    ids.reserve(120'000);
    QString cursor;
    const double cpuBefore = server.cpuSeconds();
    const double databaseCpuBefore = store.databaseCpuSeconds();
    const StealMeter steal;
    const qint64 start = clockNs();
    while (true) {
        QByteArray target = "/api/v1/sync?limit=" + QByteArray::number(limit);
        if (!cursor.isEmpty())
            target += "&cursor=" + QUrl::toPercentEncoding(cursor);
        const HttpResponse response = http.call("GET", target, {}, token);
        if (response.status != 200)
            die(u"sync page %1: HTTP %2 %3 %4"_s.arg(result.pages + 1)
                    .arg(response.status)
                    .arg(QString::fromUtf8(response.body.left(300)), response.error));
        ++result.pages;
        result.bytes += response.body.size();
        result.serverSeconds += double(response.firstByteNs - response.sentNs) / 1e9;
        result.transferSeconds += double(response.doneNs - response.firstByteNs) / 1e9;

        const qint64 parseStart = clockNs();
        const QJsonObject page = QJsonDocument::fromJson(response.body).object();
        const QJsonArray tickets = page.value(u"tickets"_s).toArray();
        for (const QJsonValue &ticket : tickets)
            ids.insert(ticket.toObject().value(u"id"_s).toInteger());
        result.received += tickets.size();
        cursor = page.value(u"cursor"_s).toString();
        const bool more = page.value(u"has_more"_s).toBool();
        result.parseSeconds += double(clockNs() - parseStart) / 1e9;
        if (cursor.isEmpty())
            die(u"sync page %1 has no cursor"_s.arg(result.pages));
        if (!more)
            break;
    }
    result.seconds = double(clockNs() - start) / 1e9;
    result.serverCpu = server.cpuSeconds() - cpuBefore;
    result.databaseCpu = store.databaseCpuSeconds() - databaseCpuBefore;
    result.unique = ids.size();
    result.stolen = steal.share();
    return result;
}

QString describe(const PullResult &r)
{
    return u"%1 s, %2 pages, %3 tickets (%4 entries), %5 MB | server until first byte %6 s, transfer %7 s,"
           " client parse %8 s | server CPU %9 s"_s.arg(r.seconds, 0, 'f', 2)
        .arg(r.pages)
        .arg(r.unique)
        .arg(r.received)
        .arg(double(r.bytes) / 1e6, 0, 'f', 1)
        .arg(r.serverSeconds, 0, 'f', 2)
        .arg(r.transferSeconds, 0, 'f', 2)
        .arg(r.parseSeconds, 0, 'f', 2)
        .arg(r.serverCpu, 0, 'f', 2)
        + (r.databaseCpu > 0 ? u", PostgreSQL CPU %1 s"_s.arg(r.databaseCpu, 0, 'f', 2) : QString())
        + u" | %1% of the CPU time stolen"_s.arg(r.stolen * 100, 0, 'f', 0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options(app.arguments(),
                          {{u"tickets"_s, u"100000"_s},
                           {u"pages"_s, u"500,1000,2000"_s},
                           {u"runs"_s, u"5"_s},
                           {u"who"_s, u"admin,agent"_s},
                           {u"seed-connections"_s, u"8"_s},
                           {u"data-dir"_s, QString()},
                           {u"store"_s, u"sqlite"_s},
                           {u"server"_s, ServerProcess::defaultBinary()}},
                          Usage);
    const qint64 seedCount = options.number(u"tickets"_s);
    const QList<qint64> pageSizes = options.numbers(u"pages"_s);
    const int runs = int(options.number(u"runs"_s));
    const QStringList who = options.text(u"who"_s).split(u',', Qt::SkipEmptyParts);
    for (const QString &identity : who) {
        if (identity != u"admin" && identity != u"agent")
            die(u"--who takes admin and agent"_s);
    }
    const QString dataDir = options.text(u"data-dir"_s);
    BenchStore store(options.text(u"store"_s));
    const bool reuse = !store.onPostgres() && !dataDir.isEmpty()
        && QFileInfo::exists(QDir(dataDir).filePath(u"signpost.sqlite3"_s));

    ServerProcess server;
    if (!server.start(options.text(u"server"_s), dataDir, store.serverArguments(u"pull"_s)))
        die(u"the server did not start: "_s + server.errorOutput());
    say(u"bench_pull: server %1, store in %2; load average %3"_s.arg(
        options.text(u"server"_s), store.onPostgres() ? u"PostgreSQL"_s : server.dataDir(), loadAverage()));
    HttpConnection http(server.baseUrl());
    QString error;
    const std::optional<BenchWorld> world = reuse ? BenchWorld::reopen(http, &error) : BenchWorld::create(http, &error);
    if (!world)
        die(error);

    if (!reuse) {
        // Seeding: the same intake path as bench_intake, in chunks to bound
        // the client's memory; 2% of tickets match a rule, the rest land in
        // Support, the default department.
        std::vector<std::unique_ptr<HttpConnection>> owned;
        QList<HttpConnection *> lanes;
        for (qint64 i = 0; i < options.number(u"seed-connections"_s); ++i) {
            owned.push_back(std::make_unique<HttpConnection>(server.baseUrl()));
            lanes.append(owned.back().get());
        }
        double seconds = 0;
        constexpr qsizetype Chunk = 20'000;
        for (qsizetype done = 0; done < seedCount; done += Chunk) {
            const qsizetype count = std::min<qsizetype>(Chunk, seedCount - done);
            const IntakeOutcome outcome =
                postIntake(lanes, makeIntakeBodies(world->shop, count, 0.02, 42u + quint32(done)));
            if (outcome.failed > 0)
                die(u"seeding: "_s + outcome.firstFailure);
            seconds += outcome.seconds;
        }
        say(u"seeded %1 tickets through /api/v1/public/intake in %2 s (%3 tickets/s)"_s.arg(seedCount)
                .arg(seconds, 0, 'f', 1)
                .arg(double(seedCount) / seconds, 0, 'f', 0));
    } else {
        say(u"reusing the seeded store"_s);
    }

    const QHash<qint64, qint64> counts = world->ticketCounts(http);
    qint64 total = 0;
    for (qint64 count : counts)
        total += count;
    const qint64 agentVisible = counts.value(world->support);
    say(u"store: %1 tickets; the agent's department (Support) holds %2"_s.arg(total).arg(agentVisible));
    if (!reuse && total != seedCount)
        die(u"the store holds %1 tickets, expected %2"_s.arg(total).arg(seedCount));

    auto tokenOf = [&](const QString &identity) {
        return identity == u"admin" ? world->adminToken : world->agentToken;
    };
    auto expected = [&](const QString &identity) { return identity == u"admin" ? total : agentVisible; };

    // One pull before the clock counts: the first touches the store's pages.
    const PullResult warm = pull(http, server, store, tokenOf(who.first()), int(pageSizes.first()));
    say(u"warm-up pull (%1, limit %2): %3"_s.arg(who.first()).arg(pageSizes.first()).arg(describe(warm)));

    QHash<QString, QList<PullResult>> results; // by "who/limit"
    for (int run = 0; run < runs; ++run) {
        for (qint64 limit : pageSizes) {
            for (const QString &identity : who) {
                const PullResult result = pull(http, server, store, tokenOf(identity), int(limit));
                if (result.unique != expected(identity))
                    die(u"%1 pulled %2 distinct tickets, expected %3"_s.arg(identity)
                            .arg(result.unique)
                            .arg(expected(identity)));
                say(u"  run %1/%2 %3 limit %4: %5"_s.arg(run + 1).arg(runs).arg(identity).arg(limit).arg(
                    describe(result)));
                results[u"%1/%2"_s.arg(identity).arg(limit)].append(result);
            }
        }
    }

    say(u"summary (%1 runs each; seconds for the whole pull, tickets/s = distinct tickets / seconds;"
        " load average now %2):"_s.arg(runs).arg(loadAverage()));
    for (const QString &identity : who) {
        for (qint64 limit : pageSizes) {
            const QList<PullResult> &list = results.value(u"%1/%2"_s.arg(identity).arg(limit));
            QList<double> seconds, rates, server, transfer, parse, cpu;
            for (const PullResult &r : list) {
                seconds.append(r.seconds);
                rates.append(double(r.unique) / r.seconds);
                server.append(r.serverSeconds);
                transfer.append(r.transferSeconds);
                parse.append(r.parseSeconds);
                cpu.append(r.serverCpu);
            }
            const PullResult &any = list.first();
            say(u"  %1 limit %2: %3 tickets (%4 entries, %5 pages, %6 MB): seconds %7 | tickets/s %8 |"
                " medians: server until first byte %9 s, transfer %10 s, client parse %11 s, server CPU %12 s"_s
                    .arg(identity)
                    .arg(limit)
                    .arg(any.unique)
                    .arg(any.received)
                    .arg(any.pages)
                    .arg(double(any.bytes) / 1e6, 0, 'f', 1)
                    .arg(formatSummary(summarize(seconds), 2), formatSummary(summarize(rates)))
                    .arg(summarize(server).median, 0, 'f', 2)
                    .arg(summarize(transfer).median, 0, 'f', 2)
                    .arg(summarize(parse).median, 0, 'f', 2)
                    .arg(summarize(cpu).median, 0, 'f', 2));
        }
    }
    if (!server.stop())
        die(u"the server did not stop cleanly"_s);
    return 0;
}
