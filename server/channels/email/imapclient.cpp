#include "server/channels/email/imapclient.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {
constexpr int StepTimeoutMs = 60'000;
constexpr qint64 MaxLiteral = 64LL * 1024 * 1024; // a message larger than this is not taken in
} // namespace

const char ImapClient::NoIdle[] = "The mail server does not offer IDLE.";

ImapClient::ImapClient(QObject *parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this]() { fail(u"The mail server did not answer in time."_s); });
    m_renew.setSingleShot(true);
    connect(&m_renew, &QTimer::timeout, this, &ImapClient::stopIdling);
    connect(&m_socket, &QSslSocket::readyRead, this, &ImapClient::readSome);
    connect(&m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        fail(u"Connection to the mail server: "_s + m_socket.errorString());
    });
    connect(&m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        fail(u"The mail server's certificate is not trusted: "_s + errors.value(0).errorString());
    });
}

ImapClient::~ImapClient()
{
    m_socket.abort();
}

QByteArray ImapClient::quoted(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + bytes + '"';
}

void ImapClient::fail(const QString &error)
{
    m_deadline.stop();
    m_pending = nullptr;
    m_socket.abort();
    if (auto report = std::exchange(m_onError, nullptr))
        report(error);
}

void ImapClient::command(const QByteArray &text, Completion done)
{
    m_pendingTag = 'A' + QByteArray::number(++m_tag);
    m_pending = std::move(done);
    m_untagged.clear();
    m_socket.write(m_pendingTag + ' ' + text + "\r\n");
    m_deadline.start(StepTimeoutMs);
}

void ImapClient::readSome()
{
    m_buffer += m_socket.readAll();
    for (;;) {
        if (m_literalLeft > 0) {
            const qsizetype take = qsizetype(std::min<qint64>(m_literalLeft, m_buffer.size()));
            m_current.literals.last().append(m_buffer.left(take));
            m_buffer.remove(0, take);
            m_literalLeft -= take;
            if (m_literalLeft > 0)
                return;
            continue;
        }
        const qsizetype end = m_buffer.indexOf("\r\n");
        if (end < 0) {
            if (m_buffer.size() > 1024 * 1024)
                fail(u"The mail server sent a line longer than 1 MB."_s);
            return;
        }
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        m_current.text += line;
        static const QRegularExpression literal(u"\\{(\\d+)\\}$"_s);
        const QRegularExpressionMatch match = literal.match(QString::fromLatin1(line.right(24)));
        if (match.hasMatch()) {
            m_literalLeft = match.captured(1).toLongLong();
            if (m_literalLeft > MaxLiteral) {
                fail(u"A message is larger than 64 MB."_s);
                return;
            }
            m_current.literals.append(QByteArray());
            m_current.literals.last().reserve(qsizetype(m_literalLeft));
            continue;
        }
        lineComplete();
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void ImapClient::lineComplete()
{
    Response response = std::exchange(m_current, Response());
    if (!m_greeted) {
        m_greeted = true;
        if (!response.text.startsWith("* OK") && !response.text.startsWith("* PREAUTH")) {
            fail(u"The mail server refused the connection: "_s + QString::fromUtf8(response.text));
            return;
        }
        if (m_server.security == MailEndpoint::Security::StartTls) {
            command("STARTTLS", [this](bool ok, const QByteArray &status, const QList<Response> &) {
                if (!ok) {
                    fail(u"The mail server does not offer STARTTLS: "_s + QString::fromUtf8(status));
                    return;
                }
                connect(&m_socket, &QSslSocket::encrypted, this, &ImapClient::signIn, Qt::SingleShotConnection);
                m_socket.startClientEncryption();
            });
        } else {
            signIn();
        }
        return;
    }
    if (response.text.startsWith("* ")) {
        // Idling: new mail ends the IDLE, and the owner hears of it once
        // the server has closed the command.
        if (m_idling && (response.text.endsWith(" EXISTS") || response.text.endsWith(" RECENT"))) {
            m_newMail = true;
            stopIdling();
        }
        m_untagged.append(std::move(response));
        return;
    }
    if (response.text.startsWith("+") && m_idling) {
        m_deadline.stop(); // idling for as long as it takes
        m_doneSent = false;
        return;
    }
    if (!m_pendingTag.isEmpty() && response.text.startsWith(m_pendingTag + ' ')) {
        m_deadline.stop();
        const QByteArray status = response.text.mid(m_pendingTag.size() + 1);
        m_pendingTag.clear();
        const QList<Response> untagged = std::exchange(m_untagged, {});
        if (Completion done = std::exchange(m_pending, nullptr))
            done(status.startsWith("OK"), status, untagged);
    }
}

void ImapClient::open(const MailEndpoint &server, const QString &folder, std::function<void()> signedIn)
{
    m_server = server;
    m_folder = folder;
    m_signedIn = std::move(signedIn);
    m_deadline.start(StepTimeoutMs);
    if (server.security == MailEndpoint::Security::Tls)
        m_socket.connectToHostEncrypted(server.host, quint16(server.port));
    else
        m_socket.connectToHost(server.host, quint16(server.port));
}

void ImapClient::fetchUnseen(const MailEndpoint &server, const QString &folder, int limit, FetchedHandler fetched)
{
    m_limit = limit;
    m_fetched = std::move(fetched);
    m_onError = [this](const QString &error) {
        if (FetchedHandler handler = std::exchange(m_fetched, nullptr))
            handler({}, error);
    };
    open(server, folder, [this]() { searchUnseen(); });
}

void ImapClient::watch(const MailEndpoint &server, const QString &folder, std::function<void()> arrived,
                       std::function<void(const QString &)> ended)
{
    m_arrived = std::move(arrived);
    m_onError = std::move(ended);
    open(server, folder, [this]() {
        command("CAPABILITY", [this](bool ok, const QByteArray &, const QList<Response> &untagged) {
            bool offered = false;
            for (const Response &response : untagged)
                offered = offered || (response.text.startsWith("* CAPABILITY") && response.text.split(' ').contains("IDLE"));
            if (!ok || !offered) {
                fail(QString::fromLatin1(NoIdle));
                return;
            }
            command("SELECT " + quoted(m_folder), [this](bool ok, const QByteArray &status, const QList<Response> &) {
                if (!ok) {
                    fail(u"The folder \u201c%1\u201d cannot be opened: %2"_s.arg(m_folder, QString::fromUtf8(status)));
                    return;
                }
                // What came before the watch began is fetched too.
                if (m_arrived)
                    m_arrived();
                idle();
            });
        });
    });
}

void ImapClient::idle()
{
    // RFC 2177: the server may drop an idle session after 30 minutes, so
    // it is renewed before.
    m_renew.start(25 * 60 * 1000);
    m_idling = true;
    command("IDLE", [this](bool ok, const QByteArray &status, const QList<Response> &) {
        m_idling = false;
        m_renew.stop();
        if (!ok) {
            fail(u"The mail server ended IDLE: "_s + QString::fromUtf8(status));
            return;
        }
        if (std::exchange(m_newMail, false) && m_arrived)
            m_arrived();
        idle();
    });
}

void ImapClient::stopIdling()
{
    if (m_idling && !m_doneSent) {
        m_doneSent = true;
        m_socket.write("DONE\r\n");
        m_deadline.start(StepTimeoutMs);
    }
}

void ImapClient::signIn()
{
    const QByteArray login = "LOGIN " + quoted(m_server.username) + ' ' + quoted(m_server.password);
    command(login, [this](bool ok, const QByteArray &status, const QList<Response> &) {
        if (!ok) {
            fail(u"The mail server refused the sign-in: "_s + QString::fromUtf8(status));
            return;
        }
        if (std::function<void()> next = std::exchange(m_signedIn, nullptr))
            next();
    });
}

void ImapClient::searchUnseen()
{
    command("SELECT " + quoted(m_folder), [this](bool ok, const QByteArray &status, const QList<Response> &) {
        if (!ok) {
            fail(u"The folder \u201c%1\u201d cannot be opened: %2"_s.arg(m_folder, QString::fromUtf8(status)));
            return;
        }
        command("UID SEARCH UNSEEN", [this](bool ok, const QByteArray &status, const QList<Response> &untagged) {
            if (!ok) {
                fail(u"The mail server cannot search the folder: "_s + QString::fromUtf8(status));
                return;
            }
            QList<qint64> uids;
            for (const Response &response : untagged) {
                if (!response.text.startsWith("* SEARCH"))
                    continue;
                for (const QByteArray &word : response.text.mid(8).split(' ')) {
                    if (const qint64 uid = word.toLongLong(); uid > 0)
                        uids.append(uid);
                }
            }
            std::sort(uids.begin(), uids.end());
            uids = uids.mid(0, m_limit);
            auto deliver = [this](QList<Fetched> messages) {
                if (FetchedHandler handler = std::exchange(m_fetched, nullptr))
                    handler(messages, QString());
            };
            if (uids.isEmpty()) {
                deliver({});
                return;
            }
            QByteArrayList set;
            for (qint64 uid : uids)
                set.append(QByteArray::number(uid));
            command("UID FETCH " + set.join(',') + " (UID BODY.PEEK[])",
                    [this, deliver](bool ok, const QByteArray &status, const QList<Response> &untagged) {
                        if (!ok) {
                            fail(u"The mail server cannot fetch: "_s + QString::fromUtf8(status));
                            return;
                        }
                        QList<Fetched> messages;
                        static const QRegularExpression uid(u"UID (\\d+)"_s);
                        for (const Response &response : untagged) {
                            if (!response.text.contains(" FETCH ") || response.literals.isEmpty())
                                continue;
                            const QRegularExpressionMatch match = uid.match(QString::fromLatin1(response.text));
                            if (match.hasMatch())
                                messages.append({match.captured(1).toLongLong(), response.literals.first()});
                        }
                        deliver(messages);
                    });
        });
    });
}

void ImapClient::markSeenAndClose(const QList<qint64> &uids, std::function<void(const QString &)> done)
{
    m_onError = done;
    auto logout = [this, done]() {
        m_onError = nullptr;
        command("LOGOUT", [this, done](bool, const QByteArray &, const QList<Response> &) {
            m_socket.disconnectFromHost();
            done(QString());
        });
    };
    if (m_socket.state() != QAbstractSocket::ConnectedState) {
        m_onError = nullptr;
        done(uids.isEmpty() ? QString() : u"The connection to the mail server was lost."_s);
        return;
    }
    if (uids.isEmpty()) {
        logout();
        return;
    }
    QByteArrayList set;
    for (qint64 uid : uids)
        set.append(QByteArray::number(uid));
    command("UID STORE " + set.join(',') + " +FLAGS.SILENT (\\Seen)",
            [this, logout](bool ok, const QByteArray &status, const QList<Response> &) {
                if (!ok) {
                    fail(u"The mail server cannot mark messages as read: "_s + QString::fromUtf8(status));
                    return;
                }
                logout();
            });
}

} // namespace Signpost
