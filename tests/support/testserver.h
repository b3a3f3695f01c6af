#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Signpost::Test {

// A real signpost-server process on loopback, on a free port, with its own
// data directory. The first admin is admin@test.example / AdminPassword.
class TestServer
{
public:
    TestServer();
    ~TestServer();

    static constexpr auto AdminEmail = "admin@test.example";
    static constexpr auto AdminPassword = "admin-password-1";

    // Starts the server and waits for its base URL on stdout. Extra
    // arguments go after the defaults (a later option wins).
    bool start(const QStringList &extraArguments = {});
    // Starts again on the same port and data directory (after stop or kill).
    bool restart();
    // SIGTERM, and wait for a clean exit.
    bool stop();
    // SIGKILL: the process dies mid-whatever.
    void kill();
    bool isRunning() const;

    QUrl baseUrl() const { return m_baseUrl; }
    QString dataDir() const { return m_dataDir.path(); }
    QString errorOutput() const { return m_stderr; }
    int exitCode() const;

private:
    QTemporaryDir m_dataDir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    QString m_stderr;
    QStringList m_arguments;
};

} // namespace Signpost::Test
