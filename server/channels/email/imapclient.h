#pragma once

#include "server/channels/email/smtpsender.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>

#include <functional>

namespace Signpost {

// One visit to a mailbox over IMAP (RFC 3501), on the event loop: sign in,
// select the folder, fetch the unseen messages without marking them
// (BODY.PEEK[]), hand them over, and mark as seen only those the caller
// says are stored. Or a watch on the folder in IDLE, to hear of new mail
// at once. libcurl's IMAP cannot fetch without setting \Seen (the
// literal of a custom FETCH is dropped), hence this small client; the mail
// itself is read by GMime.
class ImapClient : public QObject
{
    Q_OBJECT
public:
    struct Fetched
    {
        qint64 uid = 0;
        QByteArray raw;
    };

    explicit ImapClient(QObject *parent = nullptr);
    ~ImapClient() override;

    // Up to `limit` unseen messages of `folder`; `fetched` is called once
    // with them (or with an error), then the session waits for markSeen().
    using FetchedHandler = std::function<void(const QList<Fetched> &messages, const QString &error)>;
    void fetchUnseen(const MailEndpoint &server, const QString &folder, int limit, FetchedHandler fetched);
    // Marks the given messages \Seen and signs out; `done` gets the error.
    void markSeenAndClose(const QList<qint64> &uids, std::function<void(const QString &error)> done);

    // Waits in IDLE (RFC 2177) on the folder, for as long as the connection
    // lasts: `arrived` whenever new mail comes, `ended` once with why it
    // stopped (NoIdle when the server does not offer it).
    void watch(const MailEndpoint &server, const QString &folder, std::function<void()> arrived,
               std::function<void(const QString &error)> ended);
    static const char NoIdle[];

private:
    struct Response
    {
        QByteArray text; // the line(s), with each literal as {n}
        QList<QByteArray> literals;
    };
    using Completion = std::function<void(bool ok, const QByteArray &status, const QList<Response> &untagged)>;

    void command(const QByteArray &text, Completion done);
    void readSome();
    void lineComplete();
    void fail(const QString &error);
    void open(const MailEndpoint &server, const QString &folder, std::function<void()> signedIn);
    void signIn();
    void searchUnseen();
    void idle();
    void stopIdling();
    static QByteArray quoted(const QString &text);

    MailEndpoint m_server;
    QString m_folder;
    int m_limit = 0;
    FetchedHandler m_fetched;
    QSslSocket m_socket;
    QTimer m_deadline;
    QByteArray m_buffer;
    Response m_current;
    qint64 m_literalLeft = 0;
    bool m_greeted = false;
    int m_tag = 0;
    QByteArray m_pendingTag;
    Completion m_pending;
    QList<Response> m_untagged;
    std::function<void(const QString &)> m_onError;
    std::function<void()> m_signedIn;
    std::function<void()> m_arrived;
    QTimer m_renew;
    bool m_idling = false;
    bool m_doneSent = false;
    bool m_newMail = false;
};

} // namespace Signpost
