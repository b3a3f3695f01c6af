#include "tests/support/mailservers.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <memory>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Signpost::Test {

namespace {

// Loopback ports nobody listens on right now, all different (someone may
// take one before the server binds it; Dovecot::start tries again then).
QList<quint16> freeLoopbackPorts(int count)
{
    std::vector<std::unique_ptr<QTcpServer>> probes;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        probes.push_back(std::make_unique<QTcpServer>());
        if (!probes.back()->listen(QHostAddress::LocalHost, 0))
            return {};
        ports.append(probes.back()->serverPort());
    }
    return ports;
}

// If the test itself dies, its servers go with it.
void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

QString findTool(const QString &name)
{
    const QString onPath = QStandardPaths::findExecutable(name);
    return !onPath.isEmpty() ? onPath
                             : QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/usr/lib/dovecot"_s,
                                                                     u"/usr/libexec/dovecot"_s});
}

void terminate(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(10'000)) {
        process.kill();
        process.waitForFinished(10'000);
    }
}

} // namespace

Dovecot::~Dovecot()
{
    terminate(m_process);
}

bool Dovecot::start()
{
    if (isRunning())
        return true;
    // Dovecot's auth and mail processes run as "dovecot" and must reach the
    // passwd-file and the mail below this directory (created 0700).
    const passwd *owner = ::getpwnam("dovecot");
    if (!m_dir.isValid() || !owner || !QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner
                                                                   | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                                                   | QFile::ReadOther | QFile::ExeOther)) {
        m_errors += u"no temporary directory, or no dovecot user\n"_s;
        return false;
    }
    if (!QDir(m_dir.path()).mkpath(u"mail"_s) || ::chown(qPrintable(path(u"mail"_s)), owner->pw_uid, owner->pw_gid) != 0
        || !writeUsers())
        return false;
    const bool restart = m_imapPort != 0;
    if (!restart) {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        m_tls = !openssl.isEmpty()
                && run(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                 u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                                 u"/CN=localhost"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1,DNS:localhost"_s,
                                 u"-keyout"_s, path(u"key.pem"_s), u"-out"_s, path(u"cert.pem"_s)},
                       {});
    }
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (!restart) {
            const QList<quint16> ports = freeLoopbackPorts(2);
            if (ports.isEmpty())
                return false;
            m_imapPort = ports[0];
            m_imapsPort = m_tls ? ports[1] : 0;
        }
        const qsizetype said = m_output.size();
        if (this->attempt())
            return true;
        // A port taken meanwhile: Dovecot says so on stderr and exits.
        log();
        if (restart || !m_output.mid(said).contains(u"Address already in use"_s))
            return false;
    }
    return false;
}

bool Dovecot::attempt()
{
    const QString dovecot = findTool(u"dovecot"_s);
    if (dovecot.isEmpty() || !writeConfig())
        return false;
    m_process.setProgram(dovecot);
    m_process.setArguments({u"-F"_s, u"-c"_s, path(u"dovecot.conf"_s)});
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    dieWithParent(m_process);
    const qint64 logged = QFileInfo(path(u"dovecot.log"_s)).size();
    m_process.start();
    if (!m_process.waitForStarted(10'000))
        return false;
    // The master logs that it starts up once it holds its ports (or exits
    // if one is taken); then its greeting, naming this instance, says that
    // logins are served.
    auto startedUp = [&]() {
        QFile file(path(u"dovecot.log"_s));
        return file.open(QIODevice::ReadOnly) && file.seek(logged) && file.readAll().contains(" starting up ");
    };
    if (!QTest::qWaitFor([&]() { return !isRunning() || startedUp(); }, 20'000) || !isRunning()) {
        terminate(m_process);
        return false;
    }
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, m_imapPort);
    if (probe.waitForConnected(10'000) && probe.waitForReadyRead(10'000)
        && probe.readLine().contains(QFileInfo(m_dir.path()).fileName().toLatin1()))
        return true;
    terminate(m_process);
    return false;
}

bool Dovecot::stop()
{
    if (!isRunning())
        return true;
    m_process.terminate();
    return m_process.waitForFinished(20'000) && m_process.exitStatus() == QProcess::NormalExit;
}

bool Dovecot::writeConfig()
{
    // Complete, so that no default points into /etc/dovecot or /run/dovecot.
    const QString tls = m_tls ? u"ssl = yes\nssl_cert = <%1/cert.pem\nssl_key = <%1/key.pem"_s.arg(m_dir.path())
                              : u"ssl = no"_s;
    const QString config = uR"(# Written by Signpost::Test::Dovecot.
base_dir = %1/run
state_dir = %1/state
log_path = %1/dovecot.log
instance_name = %2
login_greeting = %2
protocols = imap
listen = 127.0.0.1
%3
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_verbose = yes
# Wrong passwords are refused in half a second, however often: not after
# two, nor with a penalty that grows for each failure from an address.
auth_failure_delay = 0
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
mail_max_userip_connections = 100
# Mail belongs to "dovecot", whose uid is below the default floor of 500.
first_valid_uid = %4
mail_location = maildir:~/Maildir
# Stored as IMAP shows it, so that messages() is what clients fetch.
mail_save_crlf = yes
postmaster_address = postmaster@test.example
lda_mailbox_autocreate = yes
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN %1/users
}
userdb {
  driver = static
  args = uid=dovecot gid=dovecot home=%1/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = %5
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = %6
    ssl = yes
  }
}
)"_s.arg(m_dir.path(), QFileInfo(m_dir.path()).fileName(), tls, QString::number(::getpwnam("dovecot")->pw_uid),
         QString::number(m_imapPort), QString::number(m_imapsPort));
    QSaveFile file(path(u"dovecot.conf"_s));
    return file.open(QIODevice::WriteOnly) && file.write(config.toUtf8()) > 0 && file.commit();
}

bool Dovecot::addUser(const QString &user, const QString &password)
{
    static const QRegularExpression unfit(u"[:\\s]"_s);
    if (user.isEmpty() || user.contains(unfit) || password.contains(u':') || password.contains(u'\n'))
        return false;
    // Dovecot lowercases user names before it looks them up.
    m_users.insert(user.toLower(), password);
    return writeUsers();
}

bool Dovecot::writeUsers()
{
    QByteArray users;
    for (auto it = m_users.cbegin(); it != m_users.cend(); ++it)
        users += (it.key() + u":{PLAIN}"_s + it.value() + u"::::::\n"_s).toUtf8();
    // Renamed into place whole: Dovecot rereads it when it changes, maybe mid-write.
    QSaveFile file(path(u"users"_s));
    return file.open(QIODevice::WriteOnly) && file.write(users) == users.size()
           && file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther)
           && file.commit();
}

bool Dovecot::deliver(const QString &user, const QByteArray &rfc822, const QString &folder)
{
    return run(findTool(u"dovecot-lda"_s), {u"-c"_s, path(u"dovecot.conf"_s), u"-d"_s, user, u"-m"_s, folder}, rfc822);
}

QList<Dovecot::Message> Dovecot::messages(const QString &user, const QString &folder)
{
    QByteArray out;
    if (!run(findTool(u"doveadm"_s), {u"-c"_s, path(u"dovecot.conf"_s), u"fetch"_s, u"-u"_s, user,
                                      u"uid flags size.physical text"_s, u"mailbox"_s, folder, u"ALL"_s},
             {}, &out))
        return {};
    // doveadm's pager format: "uid: 1\nflags: \Seen\nsize.physical: 96\ntext:\n"
    // then the message and "\f\n" between records. The message is read by
    // its size, since nothing in it is escaped.
    QList<Message> messages;
    qsizetype at = 0;
    auto field = [&](const QByteArray &name) {
        const qsizetype end = out.indexOf('\n', at);
        const QByteArray line = out.mid(at, end - at);
        if (end < 0 || !line.startsWith(name + ':'))
            return QByteArray("?");
        at = end + 1;
        return line.mid(name.size() + 1).trimmed();
    };
    while (at < out.size()) {
        Message message;
        message.uid = field("uid").toUInt();
        message.flags = QString::fromUtf8(field("flags")).split(u' ', Qt::SkipEmptyParts);
        bool sized = false;
        const qsizetype size = field("size.physical").toLongLong(&sized);
        if (!sized || !field("text").isEmpty() || at + size > out.size()) {
            m_errors += u"doveadm fetch: cannot read at %1:\n%2\n"_s.arg(at).arg(QString::fromUtf8(out.mid(at, 200)));
            break;
        }
        message.raw = out.mid(at, size);
        at += size;
        if (out.mid(at, 2) == "\f\n")
            at += 2;
        messages.append(message);
    }
    return messages;
}

QString Dovecot::log()
{
    m_output += QString::fromUtf8(m_process.readAll());
    QFile file(path(u"dovecot.log"_s));
    return m_output + (file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString()) + m_errors;
}

bool Dovecot::run(const QString &program, const QStringList &arguments, const QByteArray &input, QByteArray *output)
{
    QProcess tool;
    tool.start(program, arguments);
    const bool started = tool.waitForStarted(10'000);
    tool.write(input);
    tool.closeWriteChannel();
    const bool finished = started && tool.waitForFinished(30'000);
    if (output)
        *output = tool.readAllStandardOutput();
    if (finished && tool.exitStatus() == QProcess::NormalExit && tool.exitCode() == 0)
        return true;
    m_errors += u"%1 %2: %3 %4\n%5"_s.arg(program, arguments.join(u' '), finished ? u"exit code"_s : u"failed"_s)
                    .arg(tool.exitCode())
                    .arg(QString::fromUtf8(tool.readAllStandardError()));
    terminate(tool);
    return false;
}

SmtpSink::~SmtpSink()
{
    m_process.kill();
    m_process.waitForFinished(10'000);
}

bool SmtpSink::start()
{
    if (m_process.state() == QProcess::Running)
        return true;
    if (!m_dir.isValid())
        return false;
    writeConfig();
    // Debian's python3-aiosmtpd is in /usr/bin/python3's path; a python3
    // earlier on $PATH (pyenv, a venv) may well not have it.
    QString python = qEnvironmentVariable("SIGNPOST_PYTHON");
    if (python.isEmpty())
        python = QFileInfo(u"/usr/bin/python3"_s).isExecutable() ? u"/usr/bin/python3"_s
                                                                 : QStandardPaths::findExecutable(u"python3"_s);
    QStringList arguments{QStringLiteral(SIGNPOST_SMTP_SINK), m_dir.path()};
    if (m_port != 0)
        arguments.append(QString::number(m_port));
    m_process.setProgram(python);
    m_process.setArguments(arguments);
    dieWithParent(m_process);
    m_process.start();
    if (!m_process.waitForStarted(10'000))
        return false;
    // The script binds the port itself (0: any free one) and says which
    // once it serves, so there is no race for it.
    const QDeadlineTimer deadline(30'000);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || m_process.state() != QProcess::Running)
            return false;
        m_process.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
    }
    const QByteArray line = m_process.readLine().trimmed();
    m_port = line.startsWith("listening ") ? quint16(line.mid(10).toUInt()) : 0;
    return m_port != 0;
}

bool SmtpSink::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    m_process.terminate();
    return m_process.waitForFinished(10'000) && m_process.exitStatus() == QProcess::NormalExit
           && m_process.exitCode() == 0;
}

void SmtpSink::setAnswer(const QString &recipient, const QString &smtpReply, Stage at)
{
    const QString key = at == Stage::Rcpt ? u"refuse"_s : u"refuse_data"_s;
    QJsonObject answers = m_config.value(key).toObject();
    if (smtpReply.isEmpty())
        answers.remove(recipient.toLower());
    else
        answers.insert(recipient.toLower(), smtpReply);
    m_config.insert(key, answers);
    writeConfig();
}

void SmtpSink::setHang(bool hang)
{
    m_config.insert(u"hang"_s, hang);
    writeConfig();
}

void SmtpSink::setCredentials(const QString &user, const QString &password)
{
    m_config.insert(u"auth"_s, QJsonObject{{user, password}});
    writeConfig();
}

void SmtpSink::writeConfig()
{
    // Renamed into place whole: the script reads it for every command.
    QSaveFile file(path(u"config.json"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(m_config).toJson()) < 0 || !file.commit())
        m_output += u"could not write %1\n"_s.arg(file.fileName());
}

QStringList SmtpSink::messageFiles(const QString &suffix) const
{
    // NNNNNN.eml: the names sort in arrival order.
    return QDir(m_dir.path()).entryList({u"*"_s + suffix}, QDir::Files, QDir::Name);
}

QList<QByteArray> SmtpSink::received() const
{
    QList<QByteArray> messages;
    for (const QString &name : messageFiles(u".eml"_s)) {
        QFile file(path(name));
        messages.append(file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }
    return messages;
}

QList<QJsonObject> SmtpSink::envelopes() const
{
    QList<QJsonObject> envelopes;
    for (const QString &name : messageFiles(u".eml"_s)) {
        QFile file(path(name.chopped(4) + u".json"_s)); // written before the .eml
        envelopes.append(file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll()).object()
                                                        : QJsonObject());
    }
    return envelopes;
}

bool SmtpSink::waitForMessages(int count, int timeoutMs) const
{
    // Another process writes them: nothing here to signal, so poll.
    const QDeadlineTimer deadline(timeoutMs);
    while (messageFiles(u".eml"_s).size() < count) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}

QString SmtpSink::log()
{
    m_output += QString::fromUtf8(m_process.readAllStandardError());
    return m_output;
}

} // namespace Signpost::Test
