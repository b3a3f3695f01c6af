// bench_edge: the server under the requests that used to stall or swell it.
// Starts the real signpost-server (a child process, fresh store, no rate
// limits) with the benchmark's helpdesk, and measures three things:
//
// 1. /healthz latency while N sign-ins run at once (each checks an Argon2id
//    hash): the p50 and p99 of health checks sent every 2 ms meanwhile;
// 2. the server's resident memory after the first 100 and after R varied
//    API requests (queue listings with every status filter and sort, ticket
//    views, sync pages, departments), which once grew without bound;
// 3. its resident memory while a client announces a 1 GiB body and tries to
//    send it, and what the client got back.
// See docs/benchmarks.md for the figures.
#include "benchsupport.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Signpost::Bench;

namespace {

const QString Usage = uR"(bench_edge [options]
  --logins N         concurrent sign-ins while /healthz is timed (default 50)
  --requests R       varied API requests for the memory figure (default 10000)
  --upload-mb M      the announced body, in MiB (default 1024)
  --server PATH      the signpost-server binary (default: the one built with this tree))"_s;

double rssMegabytes(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

void healthDuringSignIns(const ServerProcess &server, int logins)
{
    // The sign-ins, all at once, each on its own connection.
    std::vector<std::unique_ptr<HttpConnection>> lanes;
    int answered = 0, refused = 0;
    const QByteArray body = QByteArray(R"({"email":")") + AgentEmail + R"(","password":")" + AgentPassword + "\"}";
    for (int i = 0; i < logins; ++i) {
        lanes.push_back(std::make_unique<HttpConnection>(server.baseUrl()));
        lanes.back()->request("POST", "/api/v1/auth/login", body, {}, [&](HttpResponse &&response) {
            ++answered;
            refused += response.status == 200 ? 0 : 1;
        });
    }
    // Meanwhile a health check every 2 ms, one at a time.
    HttpConnection health(server.baseUrl());
    QList<double> times;
    QEventLoop loop;
    std::function<void()> check = [&]() {
        health.request("GET", "/healthz", {}, {}, [&](HttpResponse &&response) {
            if (response.status == 200)
                times.append(double(response.doneNs - response.sentNs) / 1e6);
            if (answered < logins)
                QTimer::singleShot(2, &loop, check);
            else
                loop.quit();
        });
    };
    const qint64 started = clockNs();
    check();
    loop.exec();
    const double seconds = double(clockNs() - started) / 1e9;
    say(u"%1 sign-ins at once took %2 s (%3 refused); /healthz meanwhile: %4 checks, p50 %5 ms, p99 %6 ms, max %7 ms"_s
            .arg(logins)
            .arg(seconds, 0, 'f', 2)
            .arg(refused)
            .arg(times.size())
            .arg(percentile(times, 0.5), 0, 'f', 1)
            .arg(percentile(times, 0.99), 0, 'f', 1)
            .arg(percentile(times, 1.0), 0, 'f', 1));
}

void memoryUnderVariedRequests(const ServerProcess &server, const BenchWorld &world, int requests)
{
    HttpConnection http(server.baseUrl());
    // Some tickets to read.
    const QList<QByteArray> bodies = makeIntakeBodies(world.shop, 200, 0.5, 42);
    for (const QByteArray &body : bodies)
        http.call("POST", "/api/v1/public/intake", body);
    const QStringList statuses{u"new"_s, u"open"_s, u"pending"_s, u"solved"_s, u"closed"_s};
    const QStringList sorts{u"updated_at"_s, u"-updated_at"_s, u"created_at"_s, u"-created_at"_s,
                            u"priority"_s,   u"-priority"_s,   u"id"_s,         u"-id"_s};
    auto target = [&](int i) -> QByteArray {
        switch (i % 5) {
        case 0: {
            // A status filter of 1 to 200 entries (repeats included, as a
            // careless or hostile client sends them) and a sort.
            QStringList filter;
            for (int n = 0; n <= (i / 5) % 200; ++n)
                filter.append(statuses[(i / 7 + n) % statuses.size()]);
            return u"/api/v1/departments/%1/tickets?status=%2&sort=%3&limit=%4"_s.arg(world.support)
                .arg(filter.join(u','), sorts[(i / 3) % sorts.size()])
                .arg(1 + i % 50)
                .toUtf8();
        }
        case 1: return u"/api/v1/tickets/%1"_s.arg(1001 + i % 200).toUtf8();
        case 2: return QByteArray("/api/v1/sync?limit=") + QByteArray::number(1 + i % 100);
        case 3: return QByteArray("/api/v1/departments");
        default: return u"/api/v1/departments/%1/tickets?assignee=none&offset=%2"_s.arg(world.shipping).arg(i % 30).toUtf8();
        }
    };
    double after100 = 0;
    for (int i = 0; i < requests; ++i) {
        const HttpResponse response = http.call("GET", target(i), {}, world.adminToken);
        if (response.status != 200)
            die(u"request %1 (%2): HTTP %3 %4"_s.arg(i).arg(QString::fromUtf8(target(i))).arg(response.status)
                    .arg(QString::fromUtf8(response.body.left(200))));
        if (i == 99)
            after100 = rssMegabytes(server.pid());
    }
    const double afterAll = rssMegabytes(server.pid());
    say(u"resident memory: %1 MB after 100 varied requests, %2 MB after %3 (%4%)"_s.arg(after100, 0, 'f', 1)
            .arg(afterAll, 0, 'f', 1)
            .arg(requests)
            .arg((afterAll / after100 - 1) * 100, 0, 'f', 1));
}

void memoryDuringHugeUpload(const ServerProcess &server, qint64 megabytes)
{
    const double before = rssMegabytes(server.pid());
    QTcpSocket socket;
    socket.connectToHost(server.baseUrl().host(), quint16(server.baseUrl().port()));
    if (!socket.waitForConnected(5'000))
        die(u"upload: cannot connect"_s);
    const qint64 total = megabytes * 1024 * 1024;
    socket.write("POST /api/v1/public/intake HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
                 "Content-Length: " + QByteArray::number(total) + "\r\n\r\n");
    const QByteArray chunk(1 << 20, 'x');
    qint64 sent = 0;
    double peak = before;
    QByteArray answer;
    const qint64 started = clockNs();
    // Send as fast as the server takes it, until it answers and closes.
    while (sent < total && socket.state() == QAbstractSocket::ConnectedState && clockNs() - started < 30'000'000'000LL) {
        if (socket.bytesToWrite() < 4 * chunk.size()) {
            socket.write(chunk);
            sent += chunk.size();
        }
        socket.waitForBytesWritten(50);
        answer += socket.readAll();
        peak = std::max(peak, rssMegabytes(server.pid()));
    }
    socket.waitForReadyRead(1'000);
    answer += socket.readAll();
    say(u"announced %1 MiB: the server answered \"%2\", the client got %3 MiB out before the server stopped"
        " reading; server resident memory %4 MB before, %5 MB at most during"_s.arg(megabytes)
            .arg(QString::fromUtf8(answer.left(answer.indexOf('\r'))))
            .arg(double(sent - socket.bytesToWrite()) / 1048576.0, 0, 'f', 1)
            .arg(before, 0, 'f', 1)
            .arg(peak, 0, 'f', 1));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options(app.arguments(),
                          {{u"logins"_s, u"50"_s},
                           {u"requests"_s, u"10000"_s},
                           {u"upload-mb"_s, u"1024"_s},
                           {u"server"_s, ServerProcess::defaultBinary()}},
                          Usage);
    ServerProcess server;
    if (!server.start(options.text(u"server"_s), {}, {u"--login-rate"_s, u"0"_s}))
        die(u"the server did not start: "_s + server.errorOutput());
    HttpConnection setup(server.baseUrl());
    QString error;
    const std::optional<BenchWorld> world = BenchWorld::create(setup, &error);
    if (!world)
        die(error);
    say(u"bench_edge: server %1; load average %2"_s.arg(options.text(u"server"_s), loadAverage()));
    healthDuringSignIns(server, int(options.number(u"logins"_s)));
    memoryUnderVariedRequests(server, *world, int(options.number(u"requests"_s)));
    memoryDuringHugeUpload(server, options.number(u"upload-mb"_s));
    if (!server.stop())
        die(u"the server did not stop cleanly"_s);
    return 0;
}
