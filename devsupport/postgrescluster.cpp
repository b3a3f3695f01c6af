#include "devsupport/postgrescluster.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QUrl>
#include <QUrlQuery>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#include <pwd.h>
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

// The newest PostgreSQL server binaries installed ($SIGNPOST_PG_BINDIR wins).
QString serverBinaries()
{
    const QString given = qEnvironmentVariable("SIGNPOST_PG_BINDIR");
    if (!given.isEmpty())
        return given;
    QDir versions(u"/usr/lib/postgresql"_s);
    const QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (auto it = found.crbegin(); it != found.crend(); ++it) {
        const QString bin = versions.filePath(*it + u"/bin"_s);
        if (QFileInfo::exists(bin + u"/postgres"_s))
            return bin;
    }
    return {};
}

#ifdef Q_OS_UNIX
// As root, who the cluster runs as.
const passwd *serverUser()
{
    return ::geteuid() == 0 ? ::getpwnam("postgres") : nullptr;
}
#endif

void prepareChild(QProcess &process)
{
    process.setChildProcessModifier([]() {
#ifdef Q_OS_UNIX
        if (const passwd *user = serverUser()) {
            if (::setgid(user->pw_gid) != 0 || ::setuid(user->pw_uid) != 0)
                ::_exit(126);
        }
#endif
#ifdef Q_OS_LINUX
        // After the change of user, which clears it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    });
}

} // namespace

PostgresCluster::~PostgresCluster()
{
    stop();
}

bool PostgresCluster::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    prepareChild(process);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QDir(m_bin).filePath(program), arguments);
    if (!process.waitForFinished(120'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = u"%1 failed: %2"_s.arg(program, QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

bool PostgresCluster::start(const QStringList &settings)
{
    m_bin = serverBinaries();
    if (m_bin.isEmpty()) {
        m_error = u"No PostgreSQL server is installed (apt-get install postgresql)."_s;
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(u"signpost-pg-XXXXXX"_s));
    if (!m_dir->isValid()) {
        m_error = u"Cannot make a directory for the cluster."_s;
        return false;
    }
#ifdef Q_OS_UNIX
    if (const passwd *user = serverUser()) {
        if (::chown(QFile::encodeName(m_dir->path()).constData(), user->pw_uid, user->pw_gid) != 0) {
            m_error = u"Cannot give the cluster's directory to the postgres user."_s;
            return false;
        }
    }
#endif
    const QString data = m_dir->filePath(u"data"_s);
    if (!run(u"initdb"_s, {u"--pgdata"_s, data, u"--auth"_s, u"trust"_s, u"--username"_s, u"postgres"_s,
                           u"--encoding"_s, u"UTF8"_s, u"--locale"_s, u"C.UTF-8"_s, u"--no-sync"_s}))
        return false;

    m_arguments = QStringList{u"-D"_s, data, u"-k"_s, m_dir->path(), u"-c"_s, u"listen_addresses="_s};
    for (const QString &setting : settings)
        m_arguments << u"-c"_s << setting;
    return launch();
}

bool PostgresCluster::resume()
{
    return m_dir && !isRunning() && launch();
}

bool PostgresCluster::launch()
{
    // Its log goes to a file: a pipe nobody reads while a test blocks would
    // fill and stop the cluster.
    const QString logPath = m_dir->filePath(u"postgres.log"_s);
    m_postmaster = std::make_unique<QProcess>();
    prepareChild(*m_postmaster);
    m_postmaster->setProcessChannelMode(QProcess::MergedChannels);
    m_postmaster->setStandardOutputFile(logPath);
    m_postmaster->start(QDir(m_bin).filePath(u"postgres"_s), m_arguments);
    // Ready once it says so.
    QFile log(logPath);
    const QDeadlineTimer deadline(60'000);
    for (;;) {
        const QByteArray said = log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
        log.close();
        if (said.contains("ready to accept connections"))
            return true;
        if (deadline.hasExpired() || m_postmaster->waitForFinished(100)) {
            m_error = u"postgres did not start: %1"_s.arg(QString::fromLocal8Bit(said));
            return false;
        }
    }
}

qint64 PostgresCluster::pid() const
{
    return isRunning() ? m_postmaster->processId() : 0;
}

bool PostgresCluster::isRunning() const
{
    return m_postmaster && m_postmaster->state() == QProcess::Running;
}

void PostgresCluster::halt()
{
    if (isRunning()) {
        // "Fast" shutdown: connections are ended, what was committed is kept.
        ::kill(pid_t(m_postmaster->processId()), SIGINT);
        if (!m_postmaster->waitForFinished(30'000))
            m_postmaster->kill();
        m_postmaster->waitForFinished(5'000);
    }
    m_postmaster.reset();
}

void PostgresCluster::stop()
{
    halt();
    m_dir.reset();
}

QString PostgresCluster::urlOf(const QString &database) const
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setUserName(u"postgres"_s);
    url.setPath(u"/"_s + database);
    QUrlQuery query;
    query.addQueryItem(u"host"_s, socketDirectory());
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

QString PostgresCluster::createDatabase(const QString &name)
{
    if (!run(u"createdb"_s, {u"--host"_s, socketDirectory(), u"--username"_s, u"postgres"_s, name}))
        return {};
    return urlOf(name);
}

bool PostgresCluster::dropDatabase(const QString &name)
{
    return isRunning()
        && run(u"dropdb"_s, {u"--host"_s, socketDirectory(), u"--username"_s, u"postgres"_s, u"--force"_s, name});
}

namespace {
std::unique_ptr<PostgresCluster> sharedCluster;
}

PostgresCluster *PostgresCluster::shared()
{
    static bool tried = false;
    std::unique_ptr<PostgresCluster> &cluster = sharedCluster;
    if (!tried) {
        tried = true;
        // Stopped while the application still runs (its processes need it).
        qAddPostRoutine([]() { sharedCluster.reset(); });
        cluster = std::make_unique<PostgresCluster>();
        if (!cluster->start({u"fsync=off"_s, u"synchronous_commit=off"_s, u"full_page_writes=off"_s,
                             u"max_connections=200"_s})) {
            std::fprintf(stderr, "PostgreSQL for the tests: %s\n", qPrintable(cluster->error()));
            cluster.reset();
        }
    }
    return cluster.get();
}

} // namespace Signpost
