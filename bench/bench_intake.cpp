// bench_intake: contact-form tickets per second through routing into the
// store. Starts the real signpost-server (a child process, fresh data
// directory, no contact rate limit), builds a shop, departments and keyword
// routing rules through the admin API, then posts tickets to
// /api/v1/public/intake as fast as K keep-alive connections allow, each with
// one request in flight. Every measured run uses a fresh server.
#include "benchsupport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QTcpSocket>
#include <QThread>
#include <QWebSocket>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <atomic>

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
  --preload N        tickets made before the run, not measured (default 0)
  --syncers S        desks doing full first syncs as an admin, over and over,
                     while the run goes on (default 0)
  --rate R           tickets a second, paced (default 0: as fast as they go)
  --sockets N        agents' push sockets open during the run (default 0): agents
                     in one department each, round the four; each socket reads
                     and drops what comes, and one WebSocket per department
                     times intake -> notification)
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

// Agents connected while the tickets come in: sockets that read and drop
// what the server pushes (as many as asked), and per department one
// WebSocket that notes when each new ticket's notification arrived.
class PushLoad
{
public:
    void start(const QUrl &base, HttpConnection &http, const BenchWorld &world, int sockets)
    {
        if (sockets <= 0)
            return;
        const QList<qint64> departments = world.departments();
        // A session keeps at most four sockets: one agent per four.
        const int agents = (sockets + 3) / 4 + int(departments.size());
        QList<QByteArray> tokens;
        QList<qint64> homes;
        for (int i = 0; i < agents; ++i) {
            const QString email = u"push%1@bench.example"_s.arg(i);
            HttpResponse made = http.postJson(u"/api/v1/agents"_s,
                                              {{u"email"_s, email}, {u"name"_s, u"Push %1"_s.arg(i)},
                                               {u"password"_s, u"bench-push-password"_s}},
                                              world.adminToken);
            if (made.status != 201)
                die(u"push agent: HTTP %1"_s.arg(made.status));
            const qint64 id = made.json().value(u"id"_s).toInteger();
            const qint64 home = departments[i % departments.size()];
            if (http.call("PUT", u"/api/v1/agents/%1/memberships/%2"_s.arg(id).arg(home).toUtf8(),
                          R"({"role":"member"})", world.adminToken)
                    .status != 200)
                die(u"push agent membership"_s);
            const HttpResponse login = http.postJson(u"/api/v1/auth/login"_s,
                                                     {{u"email"_s, email}, {u"password"_s, u"bench-push-password"_s}});
            tokens.append(login.json().value(u"token"_s).toString().toLatin1());
            homes.append(home);
        }
        // The other agents' sockets read on a thread of their own, as the
        // desks they stand for would in their own processes: the probes
        // below never wait behind a thousand reads of this process.
        m_drainThread.start();
        m_drainContext->moveToThread(&m_drainThread);
        QList<QByteArray> upgrades;
        for (int i = 0; i < sockets; ++i)
            upgrades.append("GET /api/v1/push HTTP/1.1\r\nHost: bench\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                            "Authorization: Bearer " + tokens[int(departments.size()) + i / 4] + "\r\n\r\n");
        QMetaObject::invokeMethod(m_drainContext.get(), [this, base, upgrades]() {
            for (const QByteArray &upgrade : upgrades) {
                auto socket = std::make_unique<QTcpSocket>();
                QTcpSocket *raw = socket.get();
                QObject::connect(raw, &QTcpSocket::readyRead, raw, [this, raw]() { m_bytes += raw->readAll().size(); });
                raw->connectToHost(base.host(), quint16(base.port()));
                raw->write(upgrade);
                m_drains.push_back(std::move(socket));
            }
        });
        for (qsizetype d = 0; d < departments.size(); ++d) {
            auto probe = std::make_unique<QWebSocket>();
            QWebSocket *raw = probe.get();
            QObject::connect(raw, &QWebSocket::textMessageReceived, raw, [this](const QString &text) {
                const qint64 now = clockNs();
                const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
                QJsonArray items = message.value(u"items"_s).toArray();
                if (message.value(u"type"_s).toString() == u"notification")
                    items.append(message);
                for (const QJsonValue &item : std::as_const(items))
                    m_arrivedNs.insert(item.toObject().value(u"ticket"_s).toInteger(), now);
            });
            QUrl url = base;
            url.setScheme(u"ws"_s);
            url.setPath(u"/api/v1/push"_s);
            QNetworkRequest request(url);
            request.setRawHeader("Authorization", "Bearer " + tokens[d]);
            raw->open(request);
            m_probes.push_back(std::move(probe));
        }
        // Wait until every socket is through its handshake.
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 60'000) {
            int open = 0;
            for (const auto &probe : m_probes)
                open += probe->state() == QAbstractSocket::ConnectedState ? 1 : 0;
            if (open == int(m_probes.size()) && m_bytes >= qint64(sockets) * 100)
                break;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        }
    }
    ~PushLoad()
    {
        if (!m_drainThread.isRunning())
            return;
        QMetaObject::invokeMethod(m_drainContext.get(), [this]() { m_drains.clear(); }, Qt::BlockingQueuedConnection);
        m_drainThread.quit();
        m_drainThread.wait();
    }
    int drained()
    {
        int connected = 0;
        QHash<QString, int> why;
        if (m_drainThread.isRunning()) {
            QMetaObject::invokeMethod(m_drainContext.get(), [&]() {
                for (const auto &socket : m_drains) {
                    connected += socket->state() == QAbstractSocket::ConnectedState ? 1 : 0;
                    if (socket->state() != QAbstractSocket::ConnectedState)
                        why[socket->errorString()] += 1;
                }
            }, Qt::BlockingQueuedConnection);
        }
        for (auto it = why.cbegin(); it != why.cend(); ++it)
            say(u"    closed: %1 x %2"_s.arg(it.key()).arg(it.value()));
        return connected;
    }
    // Milliseconds from each ticket's intake request to its notification.
    QList<double> latencies(const QHash<qint64, qint64> &sentNs)
    {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 200);
        QList<double> list;
        for (auto it = sentNs.cbegin(); it != sentNs.cend(); ++it) {
            if (m_arrivedNs.contains(it.key()))
                list.append(double(m_arrivedNs.value(it.key()) - it.value()) / 1e6);
        }
        return list;
    }

private:
    QThread m_drainThread;
    std::unique_ptr<QObject> m_drainContext = std::make_unique<QObject>();
    std::vector<std::unique_ptr<QTcpSocket>> m_drains; // on m_drainThread
    std::vector<std::unique_ptr<QWebSocket>> m_probes;
    QHash<qint64, qint64> m_arrivedNs;
    std::atomic<qint64> m_bytes = 0;
};

// Desks doing a whole first sync, again and again, while the tickets come in.
class SyncLoad
{
public:
    void start(const QUrl &base, const QByteArray &token, int desks)
    {
        m_token = token;
        for (int i = 0; i < desks; ++i) {
            m_lanes.push_back(std::make_unique<HttpConnection>(base));
            pull(m_lanes.back().get(), QString());
        }
    }
    void stop() { m_running = false; }
    int fullSyncs() const { return m_done; }
    int pages() const { return m_pages; }

private:
    void pull(HttpConnection *lane, const QString &cursor)
    {
        if (!m_running)
            return;
        lane->request("GET", "/api/v1/sync?limit=1000&cursor=" + cursor.toUtf8(), {}, m_token,
                      [this, lane](HttpResponse &&response) {
                          // Only the cursor and has_more, which the page
                          // writes first: parsing megabytes of tickets here
                          // would take the server's CPU from it.
                          const QByteArray head = response.body.left(300);
                          m_pages += response.status == 200 ? 1 : 0;
                          const qsizetype at = head.indexOf("\"cursor\":\"");
                          const bool more = head.contains("\"has_more\":true");
                          if (response.status != 200 || at < 0 || !more) {
                              m_done += response.status == 200 ? 1 : 0;
                              pull(lane, QString()); // and from the start again
                              return;
                          }
                          const qsizetype start = at + 10;
                          pull(lane, QString::fromLatin1(head.mid(start, head.indexOf('"', start) - start)));
                      });
    }

    std::vector<std::unique_ptr<HttpConnection>> m_lanes;
    QByteArray m_token;
    bool m_running = true;
    int m_done = 0;
    int m_pages = 0;
};

struct RunResult
{
    double notifyP50 = 0;
    double notifyP99 = 0;
    qsizetype notified = 0;
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
    // The push agents sign in at once: no sign-in limit on this server.
    if (!server.start(options.text(u"server"_s), {}, {u"--login-rate"_s, u"0"_s}))
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

    PushLoad push;
    push.start(server.baseUrl(), setup, *world, int(options.number(u"sockets"_s)));

    std::vector<std::unique_ptr<HttpConnection>> owned;
    QList<HttpConnection *> lanes;
    for (int i = 0; i < connections; ++i) {
        owned.push_back(std::make_unique<HttpConnection>(server.baseUrl()));
        lanes.append(owned.back().get());
    }
    auto send = [&](const QList<QByteArray> &load) {
        return client == u"qnam" ? postIntakeQnam(server.baseUrl(), connections, load) : postIntake(lanes, load, double(options.number(u"rate"_s)));
    };

    if (warmup > 0) {
        const IntakeOutcome warm = send(warmupBodies);
        if (warm.failed > 0)
            die(u"warm-up: "_s + warm.firstFailure);
    }
    const qsizetype preload = options.number(u"preload"_s);
    if (preload > 0) {
        const IntakeOutcome loaded =
            send(makeIntakeBodies(world->shop, preload, options.text(u"rule-share"_s).toDouble(), 99u + quint32(run)));
        if (loaded.failed > 0)
            die(u"preload: "_s + loaded.firstFailure);
    }
    SyncLoad syncs;
    syncs.start(server.baseUrl(), world->adminToken, int(options.number(u"syncers"_s)));

    const double serverCpuBefore = server.cpuSeconds();
    const double clientCpuBefore = ownCpuSeconds();
    const IntakeOutcome outcome = send(bodies);
    syncs.stop();
    const double serverCpu = server.cpuSeconds() - serverCpuBefore;
    const double clientCpu = ownCpuSeconds() - clientCpuBefore;
    if (outcome.failed > 0)
        die(u"%1 of %2 tickets failed; first: %3"_s.arg(outcome.failed).arg(tickets).arg(outcome.firstFailure));

    // The store must hold every ticket, in the departments the answers named.
    const QHash<qint64, qint64> stored = world->ticketCounts(setup);
    qint64 total = 0;
    for (qint64 count : stored)
        total += count;
    if (total != warmup + preload + tickets)
        die(u"the store holds %1 tickets, expected %2"_s.arg(total).arg(warmup + preload + tickets));
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
    const QList<double> latencies = push.latencies(outcome.sentNs);
    result.notified = latencies.size();
    result.notifyP50 = percentile(latencies, 0.5);
    result.notifyP99 = percentile(latencies, 0.99);
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
    if (options.number(u"syncers"_s) > 0)
        say(u"    the syncing desks got %1 pages of 1,000 tickets meanwhile (%2 whole first syncs)"_s.arg(syncs.pages())
                .arg(syncs.fullSyncs()));
    if (options.number(u"sockets"_s) > 0)
        say(u"    push: %1 sockets still connected; intake -> notification p50 %2 ms, p99 %3 ms over %4 tickets"_s
                .arg(push.drained())
                .arg(result.notifyP50, 0, 'f', 1)
                .arg(result.notifyP99, 0, 'f', 1)
                .arg(result.notified));
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
                           {u"sockets"_s, u"0"_s},
                           {u"rate"_s, u"0"_s},
                           {u"preload"_s, u"0"_s},
                           {u"syncers"_s, u"0"_s},
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
        QList<double> rates, serverCpu, cores, clientCpu, p99s;
        for (int run = 0; run < runs; ++run) {
            const RunResult result = measure(options, int(connections), run, runs);
            rates.append(result.perSecond);
            serverCpu.append(result.serverCpuPerTicketUs);
            cores.append(result.serverCoreShare * 100);
            clientCpu.append(result.clientCpuPerTicketUs);
            p99s.append(result.notifyP99);
        }
        lines.append(u"connections %1: %2 tickets/s | server CPU %3 us/ticket, %4% of a core | client CPU %5 us/ticket"_s
                         .arg(connections)
                         .arg(formatSummary(summarize(rates)), formatSummary(summarize(serverCpu)))
                         .arg(summarize(cores).median, 0, 'f', 0)
                         .arg(summarize(clientCpu).median, 0, 'f', 0)
                     + (options.number(u"sockets"_s) > 0
                            ? u" | %1 push sockets, notification p99 %2 ms"_s.arg(options.number(u"sockets"_s))
                                  .arg(formatSummary(summarize(p99s), 1))
                            : QString()));
    }
    say(u"summary (%1 client; load average now %2):"_s.arg(options.text(u"client"_s), loadAverage()));
    for (const QString &line : std::as_const(lines))
        say(u"  "_s + line);
    return 0;
}
