#include "tests/support/testserver.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace Signpost::Test {

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    if (isRunning())
        kill();
}

bool TestServer::restart()
{
    QStringList arguments = m_arguments;
    arguments << u"--port"_s << QString::number(m_baseUrl.port());
    return start(arguments);
}

bool TestServer::start(const QStringList &extraArguments)
{
    m_arguments = extraArguments;
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SIGNPOST_ADMIN_PASSWORD"_s, QString::fromLatin1(AdminPassword));
    m_process->setProcessEnvironment(environment);
    m_process->setProgram(QStringLiteral(SIGNPOST_SERVER_BINARY));
#ifdef Q_OS_LINUX
    // If the test itself crashes, its servers go with it.
    m_process->setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    m_process->setArguments(QStringList{u"--data-dir"_s, m_dataDir.path(), u"--listen"_s, u"127.0.0.1"_s, u"--port"_s,
                                        u"0"_s, u"--bootstrap-admin"_s, QString::fromLatin1(AdminEmail),
                                        u"--contact-rate"_s, u"0"_s}
                            + extraArguments);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(),
                     [this]() { m_stderr += QString::fromUtf8(m_process->readAllStandardError()); });
    m_process->start();
    if (!m_process->waitForStarted(10'000))
        return false;
    // The server prints its base URL once it serves.
    const QDeadlineTimer deadline(60'000);
    while (!m_process->canReadLine()) {
        if (deadline.hasExpired() || m_process->state() != QProcess::Running)
            return false;
        m_process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    m_baseUrl = QUrl(QString::fromUtf8(m_process->readLine()).trimmed());
    return m_baseUrl.isValid() && m_baseUrl.port() > 0;
}

bool TestServer::stop()
{
    if (!isRunning())
        return true;
    m_process->terminate();
    return m_process->waitForFinished(20'000) && m_process->exitStatus() == QProcess::NormalExit;
}

void TestServer::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10'000);
}

bool TestServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

int TestServer::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

} // namespace Signpost::Test
