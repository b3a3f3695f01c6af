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
#include <QWebSocket>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <array>
#include <atomic>
#include <cstring>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

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
  --store S          sqlite (the embedded store) or postgresql: a fresh database
                     each run, in a cluster this starts (synchronous_commit off:
                     as durable as the embedded store's WAL with synchronous =
                     NORMAL) (default sqlite)
  --instances N      servers on the one database, postgresql only: the
                     connections take turns among them, and the push sockets
                     are on the last, so that a notification of a ticket taken
                     in by another instance crosses over (default 1)
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

// Sockets that read and drop what comes, on a thread of their own that
// waits with epoll. Linux only, as the benchmarks are.
class Drain
{
public:
    ~Drain()
    {
        m_running = false;
        if (m_thread.joinable())
            m_thread.join();
        for (int fd : m_fds)
            ::close(fd);
        if (m_epoll >= 0)
            ::close(m_epoll);
    }
    void start(quint16 port, const QList<QByteArray> &upgrades)
    {
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        if (m_epoll < 0)
            die(u"epoll_create1 failed"_s);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        for (const QByteArray &upgrade : upgrades) {
            const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
                || ::send(fd, upgrade.constData(), size_t(upgrade.size()), MSG_NOSIGNAL) != upgrade.size())
                die(u"push socket: %1"_s.arg(QString::fromLocal8Bit(std::strerror(errno))));
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
            epoll_event event{};
            event.events = EPOLLIN;
            event.data.fd = fd;
            ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
            m_fds.push_back(fd);
        }
        m_open = int(m_fds.size());
        m_thread = std::thread([this]() { run(); });
    }
    qint64 bytes() const { return m_bytes; }
    int connected() const { return m_open; }

private:
    void run()
    {
        std::array<epoll_event, 256> events;
        std::vector<char> buffer(64 * 1024);
        while (m_running) {
            const int ready = ::epoll_wait(m_epoll, events.data(), int(events.size()), 100);
            for (int i = 0; i < ready; ++i) {
                const int fd = events[size_t(i)].data.fd;
                for (;;) {
                    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
                    if (got > 0) {
                        m_bytes += got;
                        continue;
                    }
                    if (got == 0 || (errno != EAGAIN && errno != EINTR)) {
                        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
                        --m_open;
                    }
                    break;
                }
            }
        }
    }

    int m_epoll = -1;
    std::vector<int> m_fds;
    std::thread m_thread;
    std::atomic<bool> m_running = true;
    std::atomic<qint64> m_bytes = 0;
    std::atomic<int> m_open = 0;
};

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
        // below never wait behind a thousand reads of this process. The
        // thread waits with epoll, so that a thousand idle sockets cost it
        // nothing per wake-up: it stands for desks on other machines, and
        // should take as little as it can of the cores the server runs on.
        QList<QByteArray> upgrades;
        for (int i = 0; i < sockets; ++i)
            upgrades.append("GET /api/v1/push HTTP/1.1\r\nHost: bench\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                            "Authorization: Bearer " + tokens[int(departments.size()) + i / 4] + "\r\n\r\n");
        m_drain.start(quint16(base.port()), upgrades);
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
            if (open == int(m_probes.size()) && m_drain.bytes() >= qint64(sockets) * 100)
                break;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        }
    }
    int drained() { return m_drain.connected(); }
    // Milliseconds from each ticket's `sinceNs` (its request going out, or
    // its answer read) to its notification.
    QList<double> latencies(const QHash<qint64, qint64> &sinceNs)
    {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 200);
        QList<double> list;
        for (auto it = sinceNs.cbegin(); it != sinceNs.cend(); ++it) {
            if (m_arrivedNs.contains(it.key()))
                list.append(double(m_arrivedNs.value(it.key()) - it.value()) / 1e6);
        }
        return list;
    }

private:
    Drain m_drain;
    std::vector<std::unique_ptr<QWebSocket>> m_probes;
    QHash<qint64, qint64> m_arrivedNs;
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
    double answerP99 = 0;      // the intake's own answer
    double afterAnswerP99 = 0; // from the answer to the notification
    qsizetype notified = 0;
    double crossedP99 = 0;     // tickets taken in by another instance than the sockets'
    qsizetype crossed = 0;
    double perSecond = 0;
    double databaseCoreShare = 0;
    double serverCpuPerTicketUs = 0;
    double serverCoreShare = 0; // server CPU seconds / wall seconds
    double clientCpuPerTicketUs = 0;
    double stolen = 0; // of the machine's CPU time, by its host
};

RunResult measure(const Options &options, int connections, int run, int runs)
{
    const qsizetype tickets = options.number(u"tickets"_s);
    const qsizetype warmup = options.number(u"warmup"_s);
    const QString client = options.text(u"client"_s);

    // The push agents sign in at once: no sign-in limit on these servers.
    BenchStore store(options.text(u"store"_s));
    const QStringList arguments =
        QStringList{u"--login-rate"_s, u"0"_s} + store.serverArguments(u"intake_%1_%2"_s.arg(connections).arg(run));
    const int instances = int(options.number(u"instances"_s));
    // Each in a data directory of its own: the intake keeps no files there.
    std::vector<std::unique_ptr<ServerProcess>> servers;
    for (int i = 0; i < instances; ++i) {
        servers.push_back(std::make_unique<ServerProcess>());
        if (!servers.back()->start(options.text(u"server"_s), {}, arguments))
            die(u"the server did not start: "_s + servers.back()->errorOutput());
    }
    ServerProcess &server = *servers.front();
    const auto serversCpu = [&servers]() {
        double seconds = 0;
        for (const auto &instance : servers)
            seconds += instance->cpuSeconds();
        return seconds;
    };
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
    push.start(servers.back()->baseUrl(), setup, *world, int(options.number(u"sockets"_s)));

    std::vector<std::unique_ptr<HttpConnection>> owned;
    QList<HttpConnection *> lanes;
    for (int i = 0; i < connections; ++i) {
        owned.push_back(std::make_unique<HttpConnection>(servers[size_t(i % instances)]->baseUrl()));
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

    const StealMeter steal;
    const double serverCpuBefore = serversCpu();
    const double clientCpuBefore = ownCpuSeconds();
    const double databaseCpuBefore = store.databaseCpuSeconds();
    const IntakeOutcome outcome = send(bodies);
    syncs.stop();
    const double serverCpu = serversCpu() - serverCpuBefore;
    const double clientCpu = ownCpuSeconds() - clientCpuBefore;
    const double databaseCpu = store.databaseCpuSeconds() - databaseCpuBefore;
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
    QList<double> answers;
    for (auto it = outcome.answeredNs.cbegin(); it != outcome.answeredNs.cend(); ++it)
        answers.append(double(it.value() - outcome.sentNs.value(it.key())) / 1e6);
    result.answerP99 = percentile(answers, 0.99);
    result.afterAnswerP99 = percentile(push.latencies(outcome.answeredNs), 0.99);
    if (instances > 1) {
        // Tickets taken in by an instance other than the push sockets' one.
        QHash<qint64, qint64> crossed;
        for (auto it = outcome.sentNs.cbegin(); it != outcome.sentNs.cend(); ++it) {
            if (outcome.lane.value(it.key()) % instances != instances - 1)
                crossed.insert(it.key(), it.value());
        }
        const QList<double> crossing = push.latencies(crossed);
        result.crossedP99 = percentile(crossing, 0.99);
        result.crossed = crossing.size();
    }
    result.perSecond = double(tickets) / outcome.seconds;
    result.serverCpuPerTicketUs = serverCpu / double(tickets) * 1e6;
    result.serverCoreShare = serverCpu / outcome.seconds;
    result.clientCpuPerTicketUs = clientCpu / double(tickets) * 1e6;
    result.databaseCoreShare = databaseCpu / outcome.seconds;
    result.stolen = steal.share();

    QStringList routed;
    for (qint64 department : world->departments())
        routed.append(u"%1 %2"_s.arg(world->departmentName(department)).arg(outcome.byDepartment.value(department)));
    say(u"  run %1/%2: %3 tickets in %4 s = %5 tickets/s | server CPU %6 us/ticket (%7% of a core),"
        " client CPU %8 us/ticket | routed: %9%10 | %11% of the machine's CPU time stolen by its host"_s.arg(run + 1)
            .arg(runs)
            .arg(tickets)
            .arg(outcome.seconds, 0, 'f', 2)
            .arg(result.perSecond, 0, 'f', 0)
            .arg(result.serverCpuPerTicketUs, 0, 'f', 0)
            .arg(result.serverCoreShare * 100, 0, 'f', 0)
            .arg(result.clientCpuPerTicketUs, 0, 'f', 0)
            .arg(routed.join(u", "_s))
            .arg(reconnects > 0 ? u" | %1 reconnects"_s.arg(reconnects) : QString())
            .arg(result.stolen * 100, 0, 'f', 0));
    if (store.onPostgres())
        say(u"    PostgreSQL: %1% of a core; servers %2 at %3% of a core together"_s
                .arg(result.databaseCoreShare * 100, 0, 'f', 0)
                .arg(instances)
                .arg(result.serverCoreShare * 100, 0, 'f', 0));
    if (options.number(u"syncers"_s) > 0)
        say(u"    the syncing desks got %1 pages of 1,000 tickets meanwhile (%2 whole first syncs)"_s.arg(syncs.pages())
                .arg(syncs.fullSyncs()));
    if (options.number(u"sockets"_s) > 0)
        say(u"    push: %1 sockets still connected; intake -> notification p50 %2 ms, p99 %3 ms over %4 tickets"
            " (the intake's answer p99 %5 ms; answer -> notification p99 %6 ms)"_s
                .arg(push.drained())
                .arg(result.notifyP50, 0, 'f', 1)
                .arg(result.notifyP99, 0, 'f', 1)
                .arg(result.notified)
                .arg(result.answerP99, 0, 'f', 1)
                .arg(result.afterAnswerP99, 0, 'f', 1));
    if (instances > 1 && options.number(u"sockets"_s) > 0)
        say(u"    push across instances: intake on another instance -> notification p99 %1 ms over %2 tickets"_s
                .arg(result.crossedP99, 0, 'f', 1)
                .arg(result.crossed));
    for (const auto &instance : servers) {
        if (!instance->stop())
            die(u"the server did not stop cleanly"_s);
    }
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
                           {u"store"_s, u"sqlite"_s},
                           {u"instances"_s, u"1"_s},
                           {u"server"_s, ServerProcess::defaultBinary()}},
                          Usage);
    if (options.number(u"instances"_s) < 1
        || (options.number(u"instances"_s) > 1 && options.text(u"store"_s) != u"postgresql"))
        die(u"--instances takes 1, or more with --store postgresql"_s);
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
        QList<double> rates, serverCpu, cores, clientCpu, p99s, crossedP99s, databaseCores, stolen;
        for (int run = 0; run < runs; ++run) {
            const RunResult result = measure(options, int(connections), run, runs);
            rates.append(result.perSecond);
            serverCpu.append(result.serverCpuPerTicketUs);
            cores.append(result.serverCoreShare * 100);
            clientCpu.append(result.clientCpuPerTicketUs);
            p99s.append(result.notifyP99);
            crossedP99s.append(result.crossedP99);
            databaseCores.append(result.databaseCoreShare * 100);
            stolen.append(result.stolen * 100);
        }
        lines.append(u"connections %1: %2 tickets/s | server CPU %3 us/ticket, %4% of a core | client CPU %5 us/ticket"_s
                         .arg(connections)
                         .arg(formatSummary(summarize(rates)), formatSummary(summarize(serverCpu)))
                         .arg(summarize(cores).median, 0, 'f', 0)
                         .arg(summarize(clientCpu).median, 0, 'f', 0)
                     + (options.number(u"sockets"_s) > 0
                            ? u" | %1 push sockets, notification p99 %2 ms"_s.arg(options.number(u"sockets"_s))
                                  .arg(formatSummary(summarize(p99s), 1))
                            : QString())
                     + (options.number(u"instances"_s) > 1 && options.number(u"sockets"_s) > 0
                            ? u" (from another instance %1 ms)"_s.arg(formatSummary(summarize(crossedP99s), 1))
                            : QString())
                     + (options.text(u"store"_s) == u"postgresql"
                            ? u" | PostgreSQL %1% of a core"_s.arg(summarize(databaseCores).median, 0, 'f', 0)
                            : QString())
                     + u" | %1% of the CPU time stolen"_s.arg(summarize(stolen).median, 0, 'f', 0));
    }
    say(u"summary (%1 client; load average now %2):"_s.arg(options.text(u"client"_s), loadAverage()));
    for (const QString &line : std::as_const(lines))
        say(u"  "_s + line);
    return 0;
}
