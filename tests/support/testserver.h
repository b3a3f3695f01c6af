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
// With SIGNPOST_TEST_DATABASE=postgresql in the environment, its store is a
// fresh database of its own in a PostgreSQL cluster the test process starts
// (see PostgresCluster); else the embedded SQLite file.
class TestServer
{
public:

    TestServer() = default;
    // With SIGNPOST_TEST_SERVER_LOG=1, prints what the server wrote to
    // stderr (its warnings: a failed statement names itself there).
    ~TestServer();

    static constexpr auto AdminEmail = "admin@test.example";
    static constexpr auto AdminPassword = "admin-password-1";

    // Starts the server and waits for its base URL on stdout. Extra
    // arguments go after the defaults (a later option wins).
    bool start(const QStringList &extraArguments = {});
    // Starts another instance on the store of `other` (PostgreSQL only):
    // its database and its data directory (attachments, the mail key).
    bool startBeside(const TestServer &other, const QStringList &extraArguments = {});
    // Starts on the PostgreSQL database at `url` with files in `dataDir`.
    bool startOn(const QString &url, const QString &dataDir, const QStringList &extraArguments = {});
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

    // Opens the store (on SQLite, the server stopped) and hands it to `use`, for tests
    // that must set up what no API makes: an old session, a rule that no
    // longer reads; or check the store itself.
    bool withStore(const std::function<bool(QSqlDatabase &)> &use) const;
    // Every byte the store holds, for tests that a secret is not among
    // them: the SQLite file and its log as they are on disk, or every value
    // of every table of the PostgreSQL database (bytea as its bytes).
    QByteArray storeContents() const;
    // Whether the tests run on PostgreSQL.
    static bool onPostgres();

    QUrl baseUrl() const { return m_server.baseUrl(); }
    QString dataDir() const { return m_sharedDataDir.isEmpty() ? m_dataDir.path() : m_sharedDataDir; }
    QString errorOutput() const { return m_server.errorOutput(); }
    int exitCode() const { return m_server.exitCode(); }

private:
    QTemporaryDir m_dataDir;
    ChildServer m_server;
    QStringList m_arguments;
    QString m_databaseUrl;
    QString m_sharedDataDir;
    QString m_ownDatabase; // made for this server, dropped with it
};

} // namespace Signpost::Test
