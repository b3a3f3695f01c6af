#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Signpost {

// A throwaway PostgreSQL cluster for the tests and the benchmarks: initdb
// into a temporary directory, the postmaster as a child process listening
// on a Unix socket in it only (no TCP port to collide on), stopped and
// removed when this goes, and killed with the process that started it.
// initdb and postgres refuse to run as root: as root they run as the
// `postgres` user.
class PostgresCluster
{
public:
    PostgresCluster() = default;
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster &) = delete;
    PostgresCluster &operator=(const PostgresCluster &) = delete;

    // `settings` are postgres -c options (e.g. "fsync=off").
    bool start(const QStringList &settings = {});
    void stop();
    // Stops the postmaster ("fast": every connection is ended) and starts it
    // again on the same data, as an operator's restart does, with time in
    // between to see what happens while it is away.
    void halt();
    bool resume();
    bool isRunning() const;
    // A new empty database, and the URL the server takes for it.
    QString createDatabase(const QString &name);
    // Drops a database made by createDatabase, ending its connections first.
    bool dropDatabase(const QString &name);
    QString urlOf(const QString &database) const;
    QString socketDirectory() const { return m_dir ? m_dir->path() : QString(); }
    QString error() const { return m_error; }
    // The postmaster's process id (0 when not running).
    qint64 pid() const;

    // The cluster this test process shares among its servers, started on
    // first use (fsync off: a test's data need not survive a power cut).
    // Null, with the reason on stderr, when it cannot be started.
    static PostgresCluster *shared();

private:
    bool run(const QString &program, const QStringList &arguments);
    bool launch();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_postmaster;
    QStringList m_arguments; // the postmaster's
    QString m_bin;
    QString m_error;
};

} // namespace Signpost
