#pragma once

#include "core/accessscope.h"
#include "core/expected.h"
#include "server/services/accountstore.h"
#include "server/services/attachmentstore.h"
#include "server/channels/email/emailchannel.h"
#include "server/api/contactpages.h"
#include "server/services/cannedreplystore.h"
#include "server/services/departmentstore.h"
#include "server/http/httpreply.h"
#include "server/services/idempotencylog.h"
#include "server/http/metrics.h"
#include "server/push/clusterrelay.h"
#include "server/push/pushhub.h"
#include "server/http/ratelimiter.h"
#include "server/services/searchindex.h"
#include "server/services/syncfeed.h"
#include "server/services/ticketstore.h"

#include "server/http/httpserver.h"
#include "server/api/syncreadahead.h"

#include <QHostAddress>
#include <QThreadPool>

#include <QStringList>
#include <QTimer>

#include <functional>

namespace Signpost {

class Database;

struct ServerConfig
{
    qint64 maxBodyBytes = 1 << 20;  // the server's own cap, behind nginx's
    int contactPerMinute = 10;      // contact form posts per client address
    int contactBurst = 5;
    int loginPerMinute = 30;
    int loginBurst = 20;
    QList<QHostAddress> trustedProxies; // whose X-Forwarded-For is believed
    QStringList allowedOrigins;         // for the push WebSocket
    bool testHooks = false;             // /api/v1/test/…: fault injection for tests
    int slaCheckSeconds = 30;           // how often SLA risks and breaches are looked for
    int slaChunk = 250;                 // tickets the SLA work takes at a time
    int pushPingSeconds = 30;           // how often push sockets are pinged (dead after two)
    int dutiesTimeoutSeconds = 30;      // a duties holder silent this long is taken over (PostgreSQL)
    QByteArray mailKey;                 // seals mail passwords; kept beside the store, never in it
    QString mailDropDir;                // without a relay, outgoing mail is written here (demos)
};

// The HTTP face of the server: one router for the JSON API, the public
// contact pages and the push channel; authentication, size and rate limits
// are checked here, once, before any handler runs.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    ApiServer(Database &db, const ServerConfig &config, QObject *parent = nullptr);
    ~ApiServer() override;

    // The port bound (0 on failure).
    quint16 listen(const QHostAddress &address, quint16 port) { return m_http.listen(address, port); }

    AccountStore &accounts() { return m_accounts; }
    DepartmentStore &departments() { return m_departments; }
    TicketStore &tickets() { return m_tickets; }
    EmailChannel &email() { return m_email; }

private:
    enum class Access { Public, Agent, Admin };

    // One request on its way through a handler.
    struct Call
    {
        const HttpRequest &request;
        QStringList params; // the {…} parts of the path, in order
        QString clientAddress;
        AccessScope scope;
        AccountStore::Session session;
        QString agentName;

        qint64 id(int index = 0) const { return params.value(index).toLongLong(); }
    };
    using Handler = std::function<HttpReply(Call &)>;
    struct Route
    {
        HttpRequest::Method method;
        QStringList segments;
        Access access;
        Handler handler;
    };

    void route(HttpRequest::Method method, const QString &pattern, Access access, Handler handler);
    void addAccountRoutes();
    void addHelpdeskRoutes();
    void addTicketRoutes();
    void addPublicRoutes();
    void addMailRoutes();
    void addTestRoutes();
    // Any read on a reader thread with its own connection; the answer is
    // made on this thread from what it returned.
    HttpReply readAside(std::function<Expected<QByteArray>(SqlConnection &, const QString &epoch)> read,
                        std::function<HttpReply(QByteArray)> answer);
    // `read` on a reader thread with its own connection, in the request's
    // language.
    template <typename T>
    QFuture<Expected<T>> onReader(std::function<Expected<T>(SqlConnection &, const QString &epoch)> read,
                                  QThreadPool *pool = nullptr);
    // GET /api/v1/sync: the page asked for (read ahead, or read now), and
    // the one after it read ahead.
    HttpReply syncPage(const SyncReadAhead::Key &key, SyncWindow window);
    SyncReadAhead::Page readSyncPage(const SyncReadAhead::Key &key, SyncWindow window);
    // GET /metrics (Prometheus): to this machine, or to an admin's token.
    HttpReply metrics(const Call &call);
    static QByteArray methodLabel(HttpRequest::Method method);
    // A kept file as a download.
    static HttpReply fileReply(const AttachmentStore::Stored &stored);

    void handle(const HttpRequest &request, HttpServer::Respond respond);
    // `route` is set to the pattern that matched, for the metrics.
    HttpReply dispatch(const HttpRequest &request, QString &route);
    // The headers every answer carries.
    static HttpReply decorated(HttpReply reply);
    // CORS for a shop's own page: whether some shop lists the origin, and
    // the answer with the headers that let its page read it.
    bool originAllowed(const QByteArray &origin);
    static HttpReply withCors(HttpReply reply, const QByteArray &origin);
    QString clientAddress(const HttpRequest &request) const;
    static Expected<QJsonObject> jsonBody(const Call &call);
    HttpReply contactForm(Call &call, const Shop &shop);
    // The JSON intake's answer to a ticket just made.
    static HttpReply intakeAnswer(const IntakeResult &result);
    // A request sent again under its caller's Idempotency-Key gets the first
    // answer (a malformed key or one used for another request, an error);
    // none when the request is new.
    std::optional<HttpReply> earlierAnswer(const QString &scope, const QByteArray &key, const Call &call);
    // A form's one-time token: what a post with it made before (a double
    // click, a refresh), and whether this post's answer is kept under it.
    struct FormToken
    {
        QString scope;
        QByteArray key;
        std::optional<IdempotencyLog::Answer> earlier;
        bool keep = false;
    };
    FormToken formToken(const QString &scope, const ContactPages::Values &values, const Call &call);
    // In the transaction of what the post made.
    Status keepAnswer(const FormToken &token, const HttpReply &answer, const Call &call);
    HttpReply customerThread(Call &call, bool posting);

    Database &m_db;
    ServerConfig m_config;
    AccountStore m_accounts;
    DepartmentStore m_departments;
    CannedReplyStore m_cannedReplies;
    TicketStore m_tickets;
    IdempotencyLog m_idempotency;
    PushHub m_push;
    ClusterRelay m_cluster; // what m_push must hear, from every instance
    EmailChannel m_email;
    AttachmentStore m_attachments;
    SearchIndex m_words;
    QTimer *m_wordsTimer = nullptr;
    bool m_indexingWords = false; // a round on a reader thread (PostgreSQL), not yet done
    // Brings the ticket words up to date, a few batches at a time.
    void indexWords();
    RateLimiter m_contactLimiter;
    RateLimiter m_loginLimiter;
    QList<Route> m_routes;
    // Test hooks: the path whose next answer is dropped after the work is
    // done, as if the connection failed on the way back.
    QString m_dropNextAnswerTo;
    // Test hooks: how many of the next commands fail as a storage error
    // would, before any of their work is done.
    int m_failNextCommands = 0;
    qint64 m_failCommandsOf = 0;
    QTimer *m_slaTimer = nullptr;
    // The SLA's work as a chain of chunks, each queued behind what is
    // waiting; one chain at a time.
    void startSlaSweep();
    void sweepSla();
    static constexpr int MaxSlaChunksInARow = 400;
    int m_slaChunksInARow = 0;
    bool m_slaSweeping = false;
    bool m_slaPaused = false; // test hook
    QTimer *m_maintenanceTimer = nullptr;
    HttpServer m_http;
    // Slow work off the event loop (password hashing); waited for on exit.
    QThreadPool m_work;
    // Sync pages are read here, each thread on its own read connection, so
    // a big first sync never holds up intake or commands.
    QThreadPool m_readers;
    QThreadPool m_indexer; // the search index's rounds on PostgreSQL: one thread, never a reader's
    SyncReadAhead m_syncReadAhead;
    Metrics m_metrics;
    // Forgets expired sessions, old command results and idempotency keys,
    // in bounded sweeps. Returns how many rows went.
    Expected<int> maintain();
    static constexpr qint64 IdempotencyKeysKeptMs = 7LL * 24 * 3600 * 1000;
};

} // namespace Signpost
