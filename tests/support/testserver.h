#pragma once

#include "devsupport/childserver.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>
#include <QTemporaryDir>
#include <QUrl>


namespace Signpost::Test {

// A real signpost-server process on loopback, on a free port, with its own
// data directory. The first admin is admin@test.example / AdminPassword.
class TestServer
{
public:

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
    // SIGSTOP / SIGCONT: the server hangs with its connections open.
    void suspend() { m_server.suspend(); }
    void resume() { m_server.resume(); }
    bool isRunning() const { return m_server.isRunning(); }

    // Opens the store's SQLite file (the server stopped) and hands it to
    // `use`, for tests that must set up what no API makes: an old session,
    // a rule that no longer reads; or check the file itself.
    bool withStore(const std::function<bool(QSqlDatabase &)> &use) const;

    QUrl baseUrl() const { return m_server.baseUrl(); }
    QString dataDir() const { return m_dataDir.path(); }
    QString errorOutput() const { return m_server.errorOutput(); }
    int exitCode() const { return m_server.exitCode(); }

private:
    QTemporaryDir m_dataDir;
    ChildServer m_server;
    QStringList m_arguments;
};

} // namespace Signpost::Test
