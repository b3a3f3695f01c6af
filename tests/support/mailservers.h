#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace Signpost::Test {

// Real Dovecot IMAP on loopback, in the foreground under QProcess with a
// complete throwaway configuration in its own directory: nothing in
// /etc/dovecot or /run/dovecot is read or written. Needs root (Dovecot
// switches to its own users) and dovecot-imapd. Mail belongs to the
// "dovecot" user, stored as Maildir with CRLF line ends, as IMAP shows it.
class Dovecot
{
public:
    struct Message
    {
        quint32 uid = 0;
        QStringList flags; // "\Seen", "\Recent", keywords ...
        QByteArray raw;    // the whole message, as an IMAP client fetches BODY[]
        bool seen() const { return flags.contains(QStringLiteral("\\Seen")); }
    };

    ~Dovecot(); // SIGTERM, then SIGKILL

    // Plain IMAP on a free port and, if openssl is there to make a
    // certificate, implicit TLS on another. After stop(), starts again on
    // the same ports and mail.
    bool start();
    // SIGTERM, and wait for a clean exit.
    bool stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }

    // Before or after start: Dovecot reads its passwd-file afresh when it changes.
    bool addUser(const QString &user, const QString &password);
    // Hands the message to dovecot-lda, as an MTA would (running only).
    // A folder that does not exist yet is created; "/" separates levels.
    bool deliver(const QString &user, const QByteArray &rfc822, const QString &folder = QStringLiteral("INBOX"));
    // The folder's messages in UID order, read with doveadm (running only).
    QList<Message> messages(const QString &user, const QString &folder = QStringLiteral("INBOX"));

    quint16 imapPort() const { return m_imapPort; }
    quint16 imapsPort() const { return m_imapsPort; } // 0: no TLS listener
    qint64 pid() const { return m_process.processId(); } // the master process (0: not running)
    // Dovecot's own output and log, and what the helper commands said, for failure messages.
    QString log();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool writeConfig();
    bool writeUsers();
    bool attempt();
    // Runs one of Dovecot's tools to the end; its stdout in `output`.
    bool run(const QString &program, const QStringList &arguments, const QByteArray &input, QByteArray *output = nullptr);

    QTemporaryDir m_dir;
    QProcess m_process;
    QMap<QString, QString> m_users;
    QString m_output;
    QString m_errors;
    bool m_tls = false;
    quint16 m_imapPort = 0;
    quint16 m_imapsPort = 0;
};

// A real SMTP server on loopback (tests/support/smtp_sink.py on aiosmtpd)
// that keeps every message it accepts, one file each, in arrival order, and
// answers as the test tells it to, read afresh for every command.
class SmtpSink
{
public:
    enum class Stage { Rcpt, Data };

    ~SmtpSink(); // kills the process

    // On a free port (or, after stop(), the same one as before).
    bool start();
    bool stop();
    quint16 port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); } // 0: not running
    // Where the accepted messages are, NNNNNN.eml with NNNNNN.json beside it.
    QString directory() const { return m_dir.path(); }

    // Answer `smtpReply` ("550 5.1.1 No such user") to this recipient's RCPT,
    // or to the DATA of any message it is an accepted recipient of. An empty
    // reply accepts it again. Effective for the next command.
    void setAnswer(const QString &recipient, const QString &smtpReply, Stage at = Stage::Rcpt);
    // A hung relay: accepts the message's data and then never answers it.
    void setHang(bool hang);
    // Offer AUTH PLAIN and LOGIN (without TLS) and require it, with only this
    // user; without a call no AUTH is offered.
    void setCredentials(const QString &user, const QString &password);

    // The accepted messages, raw as received (CRLF, dots unstuffed).
    QList<QByteArray> received() const;
    // Their envelopes: {"from": "...", "to": ["..."], "user": AUTH login or null}.
    QList<QJsonObject> envelopes() const;
    // Polls the directory, processing events, until `count` messages are there.
    bool waitForMessages(int count, int timeoutMs = 10'000) const;
    QString log();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QStringList messageFiles(const QString &suffix) const;
    void writeConfig();

    QTemporaryDir m_dir;
    QProcess m_process;
    QJsonObject m_config;
    QString m_output;
    quint16 m_port = 0;
};

} // namespace Signpost::Test
