// bench_intake: contact-form tickets per second through routing into the
// store. Starts the real signpost-server (a child process, fresh data
// directory, no contact rate limit), builds a shop, departments and keyword
// routing rules through the admin API, then posts tickets to
// /api/v1/public/intake as fast as K keep-alive connections allow, each with
// one request in flight. Every measured run uses a fresh server.
#include "benchsupport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;
using namespace Signpost::Bench;

namespace {

const QString Usage = uR"(bench_intake [options]
  --tickets N        tickets per measured run (default 20000)
  --warmup N         tickets sent before each measured run (default 500)
  --connections K,.. concurrent keep-alive connections; a list runs each (default 8)
  --runs R           measured runs per connection count, each on a fresh server (default 5)
  --client C         raw (QTcpSocket HTTP/1.1) or qnam (QNetworkAccessManager) (default raw)
  --rule-share F     share of tickets a routing rule matches (default 0.5)
  --server PATH      the signpost-server binary (default: the one built with this tree))"_s;

// The same load through QNetworkAccessManager: one manager per connection,
// so each keeps exactly one keep-alive connection with one request in flight.
IntakeOutcome postIntakeQnam(const QUrl &base, int connections, const QList<QByteArray> &bodies)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    for (int i = 0; i < connections; ++i)
        managers.push_back(std::make_unique<QNetworkAccessManager>());
    QUrl url = base;
    url.setPath(u"/api/v1/public/intake"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    IntakeOutcome outcome;
    qsizetype next = 0;
    qsizetype answered = 0;
    QEventLoop loop;
    std::function<void(QNetworkAccessManager *)> sendNext = [&](QNetworkAccessManager *manager) {
        if (next >= bodies.size())
            return;
        QNetworkReply *reply = manager->post(request, bodies[next++]);
        QObject::connect(reply, &QNetworkReply::finished, manager, [&, reply, manager]() {
            reply->deleteLater();
            ++answered;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            outcome.count(status, QJsonDocument::fromJson(body).object(),
                          u"intake: HTTP %1 %2 %3"_s.arg(status).arg(QString::fromUtf8(body.left(300)),
                                                                     reply->errorString()));
            if (answered == bodies.size())
                loop.quit();
            else
                sendNext(manager);
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (const auto &manager : managers)
        sendNext(manager.get());
    if (answered < bodies.size())
        loop.exec();
    outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
    return outcome;
}

struct RunResult
{
    double perSecond = 0;
    double serverCpuPerTicketUs = 0;
    double serverCoreShare = 0; // server CPU seconds / wall seconds
    double clientCpuPerTicketUs = 0;
};

RunResult measure(const Options &options, int connections, int run, int runs)
{
    const qsizetype tickets = options.number(u"tickets"_s);
    const qsizetype warmup = options.number(u"warmup"_s);
    const QString client = options.text(u"client"_s);

    ServerProcess server;
    if (!server.start(options.text(u"server"_s)))
        die(u"the server did not start: "_s + server.errorOutput());
    HttpConnection setup(server.baseUrl());
    QString error;
    const std::optional<BenchWorld> world = BenchWorld::create(setup, &error);
    if (!world)
        die(error);

    // Different tickets in each run; generated before the clock starts.
    const QList<QByteArray> warmupBodies =
        makeIntakeBodies(world->shop, warmup, options.text(u"rule-share"_s).toDouble(), 7u + quint32(run));
    const QList<QByteArray> bodies =
        makeIntakeBodies(world->shop, tickets, options.text(u"rule-share"_s).toDouble(), 1000u + quint32(run));

    std::vector<std::unique_ptr<HttpConnection>> owned;
    QList<HttpConnection *> lanes;
    for (int i = 0; i < connections; ++i) {
        owned.push_back(std::make_unique<HttpConnection>(server.baseUrl()));
        lanes.append(owned.back().get());
    }
    auto send = [&](const QList<QByteArray> &load) {
        return client == u"qnam" ? postIntakeQnam(server.baseUrl(), connections, load) : postIntake(lanes, load);
    };

    if (warmup > 0) {
        const IntakeOutcome warm = send(warmupBodies);
        if (warm.failed > 0)
            die(u"warm-up: "_s + warm.firstFailure);
    }

    const double serverCpuBefore = server.cpuSeconds();
    const double clientCpuBefore = ownCpuSeconds();
    const IntakeOutcome outcome = send(bodies);
    const double serverCpu = server.cpuSeconds() - serverCpuBefore;
    const double clientCpu = ownCpuSeconds() - clientCpuBefore;
    if (outcome.failed > 0)
        die(u"%1 of %2 tickets failed; first: %3"_s.arg(outcome.failed).arg(tickets).arg(outcome.firstFailure));

    // The store must hold every ticket, in the departments the answers named.
    const QHash<qint64, qint64> stored = world->ticketCounts(setup);
    qint64 total = 0;
    for (qint64 count : stored)
        total += count;
    if (total != warmup + tickets)
        die(u"the store holds %1 tickets, expected %2"_s.arg(total).arg(warmup + tickets));
    if (outcome.lastTicket - outcome.firstTicket + 1 != tickets)
        die(u"ticket ids %1..%2 for %3 tickets"_s.arg(outcome.firstTicket).arg(outcome.lastTicket).arg(tickets));
    for (qint64 department : world->departments()) {
        if (stored.value(department) < outcome.byDepartment.value(department))
            die(u"%1 holds fewer tickets than were routed to it"_s.arg(world->departmentName(department)));
    }
    int reconnects = 0;
    for (HttpConnection *lane : std::as_const(lanes))
        reconnects += std::max(0, lane->connectionsOpened() - 1);

    RunResult result;
    result.perSecond = double(tickets) / outcome.seconds;
    result.serverCpuPerTicketUs = serverCpu / double(tickets) * 1e6;
    result.serverCoreShare = serverCpu / outcome.seconds;
    result.clientCpuPerTicketUs = clientCpu / double(tickets) * 1e6;

    QStringList routed;
    for (qint64 department : world->departments())
        routed.append(u"%1 %2"_s.arg(world->departmentName(department)).arg(outcome.byDepartment.value(department)));
    say(u"  run %1/%2: %3 tickets in %4 s = %5 tickets/s | server CPU %6 us/ticket (%7% of a core),"
        " client CPU %8 us/ticket | routed: %9%10"_s.arg(run + 1)
            .arg(runs)
            .arg(tickets)
            .arg(outcome.seconds, 0, 'f', 2)
            .arg(result.perSecond, 0, 'f', 0)
            .arg(result.serverCpuPerTicketUs, 0, 'f', 0)
            .arg(result.serverCoreShare * 100, 0, 'f', 0)
            .arg(result.clientCpuPerTicketUs, 0, 'f', 0)
            .arg(routed.join(u", "_s))
            .arg(reconnects > 0 ? u" | %1 reconnects"_s.arg(reconnects) : QString()));
    if (!server.stop())
        die(u"the server did not stop cleanly"_s);
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options(app.arguments(),
                          {{u"tickets"_s, u"20000"_s},
                           {u"warmup"_s, u"500"_s},
                           {u"connections"_s, u"8"_s},
                           {u"runs"_s, u"5"_s},
                           {u"client"_s, u"raw"_s},
                           {u"rule-share"_s, u"0.5"_s},
                           {u"server"_s, ServerProcess::defaultBinary()}},
                          Usage);
    if (options.text(u"client"_s) != u"raw" && options.text(u"client"_s) != u"qnam")
        die(u"--client is raw or qnam"_s);
    const int runs = int(options.number(u"runs"_s));

    say(u"bench_intake: %1 tickets per run (after %2 warm-up), %3 runs, %4 client, server %5; load average %6"_s
            .arg(options.number(u"tickets"_s))
            .arg(options.number(u"warmup"_s))
            .arg(runs)
            .arg(options.text(u"client"_s), options.text(u"server"_s), loadAverage()));
    QStringList lines;
    for (qint64 connections : options.numbers(u"connections"_s)) {
        say(u"connections %1:"_s.arg(connections));
        QList<double> rates, serverCpu, cores, clientCpu;
        for (int run = 0; run < runs; ++run) {
            const RunResult result = measure(options, int(connections), run, runs);
            rates.append(result.perSecond);
            serverCpu.append(result.serverCpuPerTicketUs);
            cores.append(result.serverCoreShare * 100);
            clientCpu.append(result.clientCpuPerTicketUs);
        }
        lines.append(u"connections %1: %2 tickets/s | server CPU %3 us/ticket, %4% of a core | client CPU %5 us/ticket"_s
                         .arg(connections)
                         .arg(formatSummary(summarize(rates)), formatSummary(summarize(serverCpu)))
                         .arg(summarize(cores).median, 0, 'f', 0)
                         .arg(summarize(clientCpu).median, 0, 'f', 0));
    }
    say(u"summary (%1 client; load average now %2):"_s.arg(options.text(u"client"_s), loadAverage()));
    for (const QString &line : std::as_const(lines))
        say(u"  "_s + line);
    return 0;
}
