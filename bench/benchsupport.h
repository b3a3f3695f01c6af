#pragma once

// Shared pieces of the load generators: the real signpost-server as a child
// process, a lean keep-alive HTTP/1.1 client, the helpdesk the benchmarks
// route into, generated contact-form tickets, and statistics.

#include "devsupport/childserver.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace Signpost::Bench {

inline constexpr auto AdminEmail = "admin@bench.example";
inline constexpr auto AdminPassword = "bench-admin-password";
inline constexpr auto AgentEmail = "sam@bench.example";
inline constexpr auto AgentPassword = "bench-agent-password";

// Drops an SQLite file's clean pages (and its -wal and -shm) from the OS
// page cache, as after a reboot, for cold-start figures.
void evictFromPageCache(const QString &path);

// Prints to stdout at once (the output is a log of a long run).
void say(const QString &line);
[[noreturn]] void die(const QString &line);

// The real server binary on loopback, on a free port. The data directory is
// a fresh temporary one unless a directory is given.
class ServerProcess
{
public:
    static QString defaultBinary();

    bool start(const QString &binary, const QString &dataDir = {}, const QStringList &extraArguments = {});
    bool stop() { return m_server.stop(); }

    QUrl baseUrl() const { return m_server.baseUrl(); }
    QString dataDir() const { return m_dataDir; }
    QString errorOutput() const { return m_server.errorOutput(); }
    qint64 pid() const { return m_server.pid(); }
    // User + system CPU seconds the server has used so far (from /proc).
    double cpuSeconds() const;

private:
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    ChildServer m_server;
};

// CPU seconds this process has used so far.
double ownCpuSeconds();
// User + system CPU seconds of a process and of its children, those still
// running and those it has waited for (the postmaster and its backends).
double processTreeCpuSeconds(qint64 pid);

// Where a benchmark's server keeps its store: the embedded SQLite file, or a
// database of its own in a PostgreSQL cluster this process starts on first
// use (synchronous_commit off: as durable as the embedded store's WAL with
// synchronous = NORMAL).
class BenchStore
{
public:
    // "sqlite" or "postgresql"; dies on anything else.
    explicit BenchStore(const QString &engine);
    bool onPostgres() const { return m_postgres; }
    // A new database named `name` and the server's arguments for it; none
    // on the embedded store.
    QStringList serverArguments(const QString &name);
    // The URL of the database the last serverArguments() made.
    QString url() const { return m_url; }
    // CPU seconds PostgreSQL has used so far (0 on the embedded store).
    double databaseCpuSeconds() const;

private:
    bool m_postgres = false;
    QString m_url;
};
// The machine's 1, 5 and 15 minute load averages, as /proc/loadavg gives them:
// on a shared machine, what else was running.
QString loadAverage();

// The share of the machine's CPU time the host gave to others (steal, in
// /proc/stat) since construction: on a virtual machine whose host is busy,
// what every figure measured meanwhile lost.
class StealMeter
{
public:
    StealMeter();
    // 0 to 1; -1 if /proc/stat cannot be read.
    double share() const;

private:
    static std::pair<quint64, quint64> read(); // (steal, all) in ticks
    std::pair<quint64, quint64> m_start;
};

struct HttpResponse
{
    int status = 0; // 0: no HTTP answer (see error)
    QByteArray body;
    QString error;
    qint64 sentNs = 0;      // on the connection's clock (QElapsedTimer::nsecsElapsed of a shared timer)
    qint64 firstByteNs = 0; // first byte of the answer
    qint64 doneNs = 0;      // whole answer read

    QJsonObject json() const;
};

// A monotonic clock shared by all connections, in nanoseconds.
qint64 clockNs();

// One persistent HTTP/1.1 connection on a plain QTcpSocket, one request in
// flight at a time (no pipelining), answers read by Content-Length or chunks.
// Reconnects by itself if the server closed the connection.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(HttpResponse &&)>;

    explicit HttpConnection(const QUrl &baseUrl, QObject *parent = nullptr);

    void request(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                 const QByteArray &token, Callback done);
    // Waits in a local event loop.
    HttpResponse call(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                      const QByteArray &token = {});
    HttpResponse postJson(const QString &path, const QJsonObject &body, const QByteArray &token = {});
    HttpResponse getJson(const QString &pathAndQuery, const QByteArray &token = {});

    int connectionsOpened() const { return m_connects; }

private:
    void onReadyRead();
    void onDisconnected();
    void fail(const QString &why);
    void finish();

    QUrl m_baseUrl;
    QByteArray m_hostHeader;
    QTcpSocket m_socket;
    QByteArray m_pending; // request bytes waiting for the connection
    QByteArray m_in;
    Callback m_done;
    HttpResponse m_response;
    bool m_busy = false;
    bool m_headersDone = false;
    bool m_chunked = false;
    bool m_closeAfter = false;
    qint64 m_contentLength = -1;
    qsizetype m_bodyStart = 0;
    int m_connects = 0;
};

// The helpdesk the benchmarks route into: one shop, a default department and
// three departments that keyword rules route to, and one agent in the
// default department.
struct BenchWorld
{
    QByteArray adminToken;
    QByteArray agentToken;
    qint64 shop = 0;
    qint64 support = 0; // the default department, where unmatched tickets go
    qint64 returns = 0;
    qint64 billing = 0;
    qint64 shipping = 0;
    qint64 agent = 0;

    QList<qint64> departments() const { return {support, returns, billing, shipping}; }
    QString departmentName(qint64 id) const;

    // Builds it through the admin API on a fresh store.
    static std::optional<BenchWorld> create(HttpConnection &http, QString *error);
    // Finds it again in a store made by create() earlier.
    static std::optional<BenchWorld> reopen(HttpConnection &http, QString *error);
    // Tickets in each department, counted through the admin's sync feed.
    QHash<qint64, qint64> ticketCounts(HttpConnection &http) const;
};

// Contact-form tickets as a shop's own form posts them to
// /api/v1/public/intake. `ruleShare` of them carry words that a routing rule
// matches; the rest go to the default department. Deterministic for a seed.
QList<QByteArray> makeIntakeBodies(qint64 shop, qsizetype count, double ruleShare, quint32 seed);

// Sends `bodies` to the intake endpoint over `connections` connections, each
// with one request in flight, and waits until all are answered.
struct IntakeOutcome
{
    qsizetype created = 0;
    qsizetype failed = 0;
    QString firstFailure;
    QHash<qint64, qint64> byDepartment;
    qint64 firstTicket = 0;
    qint64 lastTicket = 0;
    QHash<qint64, qint64> sentNs;     // ticket → when its request went out (clockNs)
    QHash<qint64, qint64> answeredNs; // ticket → when its answer was read
    QHash<qint64, int> lane;          // ticket → the index of the connection it went through
    double seconds = 0;

    // One answer from the intake: 201 with {"ticket", "routing"} counts as
    // created, anything else as failed (the first failure is kept).
    void count(int status, const QJsonObject &answer, const QString &failure);
};
// As fast as the connections go, or at most `perSecond` tickets a second.
IntakeOutcome postIntake(const QList<HttpConnection *> &connections, const QList<QByteArray> &bodies,
                         double perSecond = 0);

struct Summary
{
    double median = 0;
    double min = 0;
    double max = 0;
};
Summary summarize(QList<double> values);
// The value below which `share` (0 to 1) of them lie.
double percentile(QList<double> values, double share);
QString formatSummary(const Summary &summary, int precision = 0);

// "--name value" options in argv.
class Options
{
public:
    Options(const QStringList &arguments, const QHash<QString, QString> &defaults, const QString &usage);
    QString text(const QString &name) const { return m_values.value(name); }
    qint64 number(const QString &name) const;
    QList<qint64> numbers(const QString &name) const;

private:
    QHash<QString, QString> m_values;
    QString m_usage;
};

} // namespace Signpost::Bench
