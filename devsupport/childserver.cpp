#include "devsupport/childserver.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>

#ifdef Q_OS_UNIX
#include <csignal>
#endif
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace Signpost {

ChildServer::~ChildServer()
{
    if (isRunning())
        kill();
}

bool ChildServer::start(const Options &options)
{
    m_stderr.clear();
    m_process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SIGNPOST_ADMIN_PASSWORD"_s, options.adminPassword);
    m_process->setProcessEnvironment(environment);
    m_process->setProgram(options.binary);
#ifdef Q_OS_LINUX
    // If the test or benchmark itself dies, its server goes with it.
    m_process->setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    m_process->setArguments(QStringList{u"--data-dir"_s, options.dataDir, u"--listen"_s, u"127.0.0.1"_s, u"--port"_s,
                                        u"0"_s, u"--bootstrap-admin"_s, options.adminEmail, u"--contact-rate"_s, u"0"_s}
                            + options.extraArguments);
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

bool ChildServer::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    m_process->terminate();
    return m_process->waitForFinished(timeoutMs) && m_process->exitStatus() == QProcess::NormalExit;
}

void ChildServer::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished(10'000);
}

void ChildServer::suspend()
{
#ifdef Q_OS_UNIX
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGSTOP);
#endif
}

void ChildServer::resume()
{
#ifdef Q_OS_UNIX
    if (isRunning())
        ::kill(pid_t(m_process->processId()), SIGCONT);
#endif
}

bool ChildServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

} // namespace Signpost
