#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace Signpost {

// The real signpost-server as a child process on loopback, for the tests and
// the benchmarks: started on a data directory with a first admin, ready once
// it prints its base URL, and never outliving the process that started it.
class ChildServer
{
public:
    ChildServer() = default;
    ~ChildServer(); // kills a server still running
    ChildServer(const ChildServer &) = delete;
    ChildServer &operator=(const ChildServer &) = delete;

    struct Options
    {
        QString binary;
        QString dataDir;
        QString adminEmail;    // created on an empty store
        QString adminPassword;
        QStringList extraArguments; // after the defaults: a later option wins
    };
    // Starts and waits (up to a minute) for the base URL on stdout.
    bool start(const Options &options);
    // SIGTERM, and waits for a clean exit.
    bool stop(int timeoutMs = 60'000);
    // SIGKILL: the process dies mid-whatever.
    void kill();
    // SIGSTOP and SIGCONT: a server that hangs, connections open, answering
    // nothing, and then goes on.
    void suspend();
    void resume();
    bool isRunning() const;

    QUrl baseUrl() const { return m_baseUrl; }
    QString errorOutput() const { return m_stderr; }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    int exitCode() const { return m_process ? m_process->exitCode() : -1; }

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QString m_stderr;
};

} // namespace Signpost
