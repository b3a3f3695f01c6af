#include "server/api/apiserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include "core/timestamps.h"
#include "server/services/wording.h"
#include "server/storage/database.h"
#include "server/logging.h"

#include <QJsonDocument>
#include <QThread>
#include <QJsonParseError>
#include <QTcpSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace Signpost {

ApiServer::ApiServer(Database &db, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_config(config)
    , m_accounts(db)
    , m_departments(db)
    , m_cannedReplies(db)
    , m_tickets(db, m_departments)
    , m_idempotency(db)
    , m_push(m_accounts)
    , m_cluster(db, m_push)
    , m_email(db, m_tickets, m_departments, config.mailKey, config.mailDropDir)
    , m_attachments(db)
    , m_words(db)
    , m_contactLimiter(config.contactPerMinute, config.contactBurst)
    , m_loginLimiter(config.loginPerMinute, config.loginBurst)
    , m_http(HttpServer::Limits{config.maxBodyBytes, 32 * 1024, 75'000, 30'000,
                                [this](const HttpRequest &request) -> qint64 {
                                    // An agent's file, within what any department may allow, and
                                    // a mail from the MTA, for a token that is one; a customer's
                                    // files on a form or through a shop.
                                    const QString path = request.url().path();
                                    const QByteArray authorization = request.value("Authorization");
                                    if ((path == u"/api/v1/uploads" || path == u"/api/v1/mail/inbound")
                                        && authorization.startsWith("Bearer ") && m_db.ensureConnected()
                                        && m_accounts.authenticate(QString::fromLatin1(authorization.mid(7).trimmed())))
                                        return AttachmentStore::MaxUploadBytes;
                                    if (request.method() == HttpRequest::Method::Post
                                        && (path.startsWith(u"/contact/") || path.startsWith(u"/ticket/")
                                            || path == u"/api/v1/public/intake" || path == u"/api/v1/public/replies"))
                                        return AttachmentStore::MaxPublicUploadBytes;
                                    return 0;
                                }},
             [this](const HttpRequest &request, HttpServer::Respond respond) { handle(request, std::move(respond)); },
             [this](const HttpRequest &request) -> std::optional<HttpReply> {
                 if (Status store = m_db.ensureConnected(); !store)
                     return decorated(HttpReply::error(store.error()));
                 const Expected<AccountStore::Session> allowed = m_push.checkUpgrade(
                     request.url().path(), request.value("Origin"), request.value("Authorization"));
                 if (allowed)
                     return std::nullopt;
                 return decorated(HttpReply::error(allowed.error()));
             })
{
    // Hashing never takes every core: one stays for the event loop.
    m_work.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    // Nor do sync pages: a desk's first sync may take longer, an agent's
    // reply or a customer's message never waits for it.
    m_readers.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    m_indexer.setMaxThreadCount(1);
    m_push.setAllowedOrigins(config.allowedOrigins);
    m_push.setPingInterval(std::chrono::seconds(config.pushPingSeconds));
    m_push.setAudience([this](qint64 departmentId, const QString &event) {
        Expected<const RoutingTable *> table = m_departments.routingTable();
        if (!table) {
            qCWarning(lcServer) << "Notifying all members: the departments cannot be read:" << table.error().message;
            return u"members"_s;
        }
        const Department *department = (*table)->department(departmentId);
        return department ? department->audience(event) : u"members"_s;
    });
    m_push.setDepartmentOf([this](qint64 ticketId) -> std::optional<qint64> {
        const Expected<Ticket> ticket = m_tickets.ticket(ticketId, false);
        return ticket ? std::optional<qint64>(ticket->departmentId) : std::nullopt;
    });
    m_tickets.setChangeListener([this](const ChangeNotice &notice) { m_cluster.publish(notice); });
    connect(&m_cluster, &ClusterRelay::agentAccessChanged, this,
            [this](qint64 agentId) { m_syncReadAhead.forget(agentId); });
    connect(&m_cluster, &ClusterRelay::noticesMissed, this, [this]() { m_syncReadAhead.forgetAll(); });
    m_cluster.start();
    connect(&m_http, &HttpServer::upgraded, this,
            [this](QTcpSocket *socket, const HttpRequest &request) { m_push.adopt(socket, request); });

    // Healthy when the store answers: a balancer sends no one to an instance
    // that lost its database.
    route(HttpRequest::Method::Get, u"/healthz"_s, Access::Public, [this](Call &) {
        QSqlQuery &probe = m_db.prepared(u"SELECT 1"_s);
        const bool answered = probe.exec() && probe.next();
        probe.finish();
        if (!answered)
            return HttpReply::error({ErrorCode::Unavailable,
                    QCoreApplication::translate("Signpost::Api", "The store does not answer."), {}});
        QJsonObject health{{u"status"_s, u"ok"_s}};
        // Push from the other instances (PostgreSQL): "listening", or
        // "reconnecting" while their notices are not heard.
        if (m_db.isPostgres())
            health.insert(u"instances"_s, m_cluster.isListening() ? u"listening"_s : u"reconnecting"_s);
        return HttpReply::json(health);
    });
    route(HttpRequest::Method::Get, u"/metrics"_s, Access::Public, [this](Call &call) { return metrics(call); });
    route(HttpRequest::Method::Get, u"/api/v1"_s, Access::Public, [](Call &) {
        return HttpReply::json(QJsonObject{{u"name"_s, u"signpost"_s}, {u"version"_s, QStringLiteral(SIGNPOST_VERSION)}});
    });
    addAccountRoutes();
    addHelpdeskRoutes();
    addTicketRoutes();
    addPublicRoutes();
    addMailRoutes();
    if (config.testHooks)
        addTestRoutes();

    m_db.setDutiesTimeout(std::chrono::seconds(config.dutiesTimeoutSeconds));
    m_slaTimer = new QTimer(this);
    m_slaTimer->setInterval(std::chrono::seconds(std::max(1, config.slaCheckSeconds)));
    connect(m_slaTimer, &QTimer::timeout, this, &ApiServer::startSlaSweep);
    m_slaTimer->start();
    // A policy change's rescheduling that a stop interrupted goes on at once.
    QTimer::singleShot(0, this, [this]() {
        if (m_tickets.sla().hasPendingReschedules())
            startSlaSweep();
    });

    // The search's words follow the writes within a second; a store that
    // had none (a new version's first start) is indexed in the background.
    m_wordsTimer = new QTimer(this);
    m_wordsTimer->setInterval(std::chrono::seconds(1));
    connect(m_wordsTimer, &QTimer::timeout, this, &ApiServer::indexWords);
    m_wordsTimer->start();

    m_maintenanceTimer = new QTimer(this);
    m_maintenanceTimer->setInterval(std::chrono::minutes(10));
    connect(m_maintenanceTimer, &QTimer::timeout, this, [this]() {
        if (Expected<int> removed = maintain(); !removed)
            qCWarning(lcServer) << "Pruning failed:" << removed.error().message;
    });
    m_maintenanceTimer->start();
    m_email.start();
}

void ApiServer::indexWords()
{
    if (!m_db.holdsDuties() || m_indexingWords)
        return;
    if (m_db.isPostgres()) {
        // Whole rounds on a thread of their own (with a reader's connection,
        // never in a reader's place). A backlog (many tickets at once, a
        // store just migrated) goes on in rounds a fifth of a second apart.
        m_indexingWords = true;
        onReader<int>(
            [](SqlConnection &sql, const QString &) { return SearchIndex::catchUpOnPostgres(sql, SearchIndex::Batch); },
            &m_indexer)
            .then(this, [this](Expected<int> indexed) {
                m_indexingWords = false;
                if (!indexed)
                    qCWarning(lcServer) << "The search index could not be brought up to date:"
                                        << indexed.error().message;
                else if (*indexed == SearchIndex::Batch)
                    QTimer::singleShot(std::chrono::milliseconds(200), this, &ApiServer::indexWords);
            });
        return;
    }
    // Never long at a time: the requests behind wait for the event loop.
    QElapsedTimer spent;
    spent.start();
    while (spent.elapsed() < 50) {
        const Expected<int> indexed = m_words.catchUp(SearchIndex::Batch);
        if (!indexed) {
            qCWarning(lcServer) << "The search index could not be brought up to date:" << indexed.error().message;
            return;
        }
        if (*indexed < SearchIndex::Batch)
            return;
    }
}

Expected<int> ApiServer::maintain()
{
    constexpr int Limit = 2000;
    if (Status store = m_db.ensureConnected(); !store)
        return store.error();
    const qint64 now = nowMs();
    Expected<int> accounts = m_accounts.prune(now, Limit);
    if (!accounts)
        return accounts;
    Expected<int> keys = m_idempotency.prune(now - IdempotencyKeysKeptMs, Limit);
    if (!keys)
        return keys;
    Expected<int> uploads = m_attachments.pruneUploads(now - AttachmentStore::UploadKeptMs, Limit);
    if (!uploads)
        return uploads;
    return *accounts + *keys + *uploads;
}

void ApiServer::addTestRoutes()
{
    qCWarning(lcServer) << "Test hooks are on: never run like this in production";
    route(HttpRequest::Method::Post, u"/api/v1/test/drop-next-answer"_s, Access::Public, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        m_dropNextAnswerTo = body->value(u"path"_s).toString();
        return HttpReply::noContent();
    });
    route(HttpRequest::Method::Post, u"/api/v1/test/maintain"_s, Access::Public, [this](Call &) {
        Expected<int> removed = maintain();
        return removed ? HttpReply::json(QJsonObject{{u"removed"_s, *removed}}) : HttpReply::error(removed.error());
    });
    route(HttpRequest::Method::Post, u"/api/v1/test/fail-commands"_s, Access::Public, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        m_failNextCommands = body->value(u"count"_s).toInt();
        m_failCommandsOf = body->value(u"agent"_s).toInteger(); // 0: anyone's
        return HttpReply::noContent();
    });
    // {"paused": true} holds the SLA sweep (a policy change's rest waits),
    // as a server stopped right after the change would.
    route(HttpRequest::Method::Post, u"/api/v1/test/sla-sweep"_s, Access::Public, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        m_slaPaused = body->value(u"paused"_s).toBool();
        return HttpReply::noContent();
    });
    // The server's "now" stands still at {"now": iso} (so tests can walk SLA
    // clocks forward), and the SLA check runs at once.
    route(HttpRequest::Method::Post, u"/api/v1/test/clock"_s, Access::Public, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        const qint64 target = msFromIso(body->value(u"now"_s).toString());
        if (target <= 0)
            return HttpReply::error(Error::invalid(u"now"_s,
                    QCoreApplication::translate("Signpost::Api", "now is an ISO 8601 time.")));
        m_tickets.setClock([target]() { return target; });
        // {"check": false} moves the time only, as between two checks.
        Expected<int> announced = body->value(u"check"_s).toBool(true) && !m_slaPaused
                                      ? m_tickets.sla().checkAll(m_config.slaChunk)
                                      : Expected<int>(0);
        return announced ? HttpReply::json(QJsonObject{{u"announced"_s, *announced}})
                         : HttpReply::error(announced.error());
    });
}

void ApiServer::startSlaSweep()
{
    // One chain of chunks at a time: a timer tick while one runs adds none.
    // One instance sweeps (see Database::holdsDuties).
    if (m_slaSweeping || m_slaPaused || !m_db.holdsDuties())
        return;
    m_slaSweeping = true;
    m_slaChunksInARow = 0;
    sweepSla();
}

void ApiServer::sweepSla()
{
    // Each chunk asks again: the duties may have passed to another instance
    // while this one was stopped.
    if (m_slaPaused || !m_db.holdsDuties()) {
        m_slaSweeping = false;
        return;
    }
    Expected<SlaScheduler::Sweep> sweep = m_tickets.sla().sweep(m_config.slaChunk);
    if (!sweep) {
        qCWarning(lcServer) << "The SLA check failed:" << sweep.error().message;
        m_slaSweeping = false;
        return;
    }
    // The next chunk after what waits in the event loop (requests first),
    // up to a bound; the timer takes up anything left.
    if (sweep->more && ++m_slaChunksInARow < MaxSlaChunksInARow)
        QTimer::singleShot(0, this, &ApiServer::sweepSla);
    else
        m_slaSweeping = false;
}

ApiServer::~ApiServer()
{
    m_work.waitForDone();
    m_readers.waitForDone();
    m_indexer.waitForDone();
}

void ApiServer::route(HttpRequest::Method method, const QString &pattern, Access access, Handler handler)
{
    m_routes.append(Route{method, pattern.split(u'/', Qt::SkipEmptyParts), access, std::move(handler)});
}

QString ApiServer::clientAddress(const HttpRequest &request) const
{
    const QHostAddress peer = request.remoteAddress();
    if (m_config.trustedProxies.contains(peer)) {
        // The proxy appends the address it saw last.
        const QByteArray forwarded = request.value("X-Forwarded-For");
        const QString last = QString::fromLatin1(forwarded.split(',').last()).trimmed();
        if (!last.isEmpty() && !QHostAddress(last).isNull())
            return last;
    }
    return peer.toString();
}

namespace {

// RFC 8259 allows no raw control character inside a string (Qt's parser
// lets them through): the offset of the first, or -1.
qsizetype rawControlInString(const QByteArray &json)
{
    bool inString = false;
    bool escaped = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const auto c = static_cast<unsigned char>(json[i]);
        if (!inString) {
            inString = c == '"';
            continue;
        }
        if (c < 0x20)
            return i;
        if (escaped)
            escaped = false;
        else if (c == '\\')
            escaped = true;
        else if (c == '"')
            inString = false;
    }
    return -1;
}

// Whether a string anywhere in the value holds U+0000, which no text
// field keeps.
bool holdsNul(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().contains(QChar(0));
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(), [](const QJsonValue &item) { return holdsNul(item); });
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().contains(QChar(0)) || holdsNul(it.value()))
                return true;
        }
    }
    return false;
}

} // namespace

Expected<QJsonObject> ApiServer::jsonBody(const Call &call)
{
    const QByteArray body = call.request.body();
    if (const qsizetype at = rawControlInString(body); at >= 0)
        return Error{ErrorCode::MalformedRequest,
                     QCoreApplication::translate("Signpost::Api",
                                                 "The body is not valid JSON: a control character inside a string at offset %1 (escape it).")
                                             .arg(at),
                     {}};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        // Qt reads only objects and arrays at the top: a bare value such as
        // 42 is valid JSON, just not what the API takes.
        QJsonParseError wrapped;
        QJsonDocument::fromJson("[" + body + "]", &wrapped);
        if (wrapped.error == QJsonParseError::NoError && !body.trimmed().isEmpty())
            return Error{ErrorCode::MalformedRequest,
                    QCoreApplication::translate("Signpost::Api", "The body must be a JSON object."), {}};
        return Error{ErrorCode::MalformedRequest,
                     QCoreApplication::translate("Signpost::Api",
                                                 "The body is not valid JSON: %1 at offset %2.")
                                             .arg(error.errorString()).arg(error.offset),
                     {}};
    }
    if (!document.isObject())
        return Error{ErrorCode::MalformedRequest,
                QCoreApplication::translate("Signpost::Api", "The body must be a JSON object."), {}};
    if (holdsNul(document.object()))
        return Error{ErrorCode::MalformedRequest,
                QCoreApplication::translate("Signpost::Api",
                                            "Text in the body must not hold NUL characters (\\u0000)."), {}};
    return document.object();
}

HttpReply ApiServer::dispatch(const HttpRequest &request, QString &routeLabel)
{
    routeLabel = u"(none)"_s;
    // No search or filter holds one, and no text stored may (the path's
    // are refused as it is read).
    if (request.url().query(QUrl::FullyDecoded).contains(QChar(0)))
        return HttpReply::error({ErrorCode::MalformedRequest,
                QCoreApplication::translate("Signpost::Api", "The query must not hold NUL characters (%00)."), {}});
    // The store's connection, lost (PostgreSQL restarted), is opened again
    // here, before any statement of the request's is prepared.
    if (Status store = m_db.ensureConnected(); !store)
        return HttpReply::error(store.error());
    const QStringList path = request.url().path().split(u'/', Qt::SkipEmptyParts);
    bool pathKnown = false;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.segments.size() != path.size())
            continue;
        QStringList params;
        bool match = true;
        for (qsizetype i = 0; i < path.size() && match; ++i) {
            const QString &segment = route.segments[i];
            if (segment.startsWith(u'{')) {
                // {id} takes a positive number, {name} any segment.
                bool numeric = true;
                if (segment == u"{id}") {
                    const qint64 value = path[i].toLongLong(&numeric);
                    numeric = numeric && value > 0;
                }
                match = numeric;
                params.append(path[i]);
            } else {
                match = segment == path[i];
            }
        }
        if (!match)
            continue;
        pathKnown = true;
        routeLabel = u'/' + route.segments.join(u'/');
        // HEAD is GET without the body (uptime monitors and link checkers).
        const auto method = request.method() == HttpRequest::Method::Head ? HttpRequest::Method::Get
                                                                               : request.method();
        if (route.method != method)
            continue;

        Call call{request, params, clientAddress(request), {}, {}, {}};
        if (route.access != Access::Public) {
            const QByteArray authorization = request.value("Authorization");
            const QString token = authorization.startsWith("Bearer ")
                                      ? QString::fromLatin1(authorization.mid(7).trimmed())
                                      : QString();
            const Expected<AccountStore::Session> session = m_accounts.authenticate(token);
            if (!session)
                return HttpReply::error(session.error());
            // One read of the agent gives both their name and their access.
            Expected<Agent> agent = m_accounts.agent(session->agentId);
            if (!agent)
                return HttpReply::error({ErrorCode::Unauthorized,
                        QCoreApplication::translate("Signpost::Api", "Sign in first."), {}});
            if (route.access == Access::Admin && !agent->isAdmin)
                return HttpReply::error({ErrorCode::Forbidden,
                        QCoreApplication::translate("Signpost::Api", "Only admins may do this."), {}});
            call.session = *session;
            call.scope = AccessScope::of(*agent);
            call.agentName = agent->name;
        }
        return route.handler(call);
    }
    if (pathKnown)
        return HttpReply::error({ErrorCode::MethodNotAllowed,
                QCoreApplication::translate("Signpost::Api", "This method is not allowed here."), {}});
    return HttpReply::error(Error::notFound(
            QCoreApplication::translate("Signpost::Api", "There is nothing at %1.").arg(request.url().path())));
}

void ApiServer::handle(const HttpRequest &request, HttpServer::Respond respond)
{
    // What the server says to agents (refusals, what is wrong with a field)
    // is in the language their desk asks for.
    const Wording::Scope speaking(request.value("Accept-Language"));
    // A shop's own page calls the public intake from the browser: its
    // origin, if a shop lists it, may read the answers (CORS), and a
    // preflight is answered here.
    const QByteArray origin = request.value("Origin");
    const bool publicApi = request.url().path().startsWith(u"/api/v1/public/");
    const bool corsAllowed = publicApi && !origin.isEmpty() && originAllowed(origin);
    if (publicApi && request.method() == HttpRequest::Method::Options) {
        HttpReply preflight = HttpReply::noContent();
        if (corsAllowed) {
            preflight.headers.append(qMakePair(QByteArray("Access-Control-Allow-Methods"), QByteArray("GET, POST")));
            preflight.headers.append(
                qMakePair(QByteArray("Access-Control-Allow-Headers"), QByteArray("Content-Type, Idempotency-Key")));
            preflight.headers.append(qMakePair(QByteArray("Access-Control-Max-Age"), QByteArray("600")));
        }
        respond(decorated(withCors(std::move(preflight), corsAllowed ? origin : QByteArray())));
        return;
    }
    QElapsedTimer took;
    took.start();
    QString route;
    const DepartmentStore::RequestScope oneDirectory(m_departments);
    HttpReply reply = dispatch(request, route);
    // A statement failed because the store's connection ended: the caller
    // may try again (503), and the next request opens it again.
    if (reply.status == 500 && reply.contentType == "application/json" && m_db.connectionLost())
        reply = HttpReply::error(Database::unreachable());
    if (publicApi)
        reply = withCors(std::move(reply), corsAllowed ? origin : QByteArray());
    if (!m_dropNextAnswerTo.isEmpty() && request.url().path() == m_dropNextAnswerTo) {
        m_dropNextAnswerTo.clear();
        reply.abortConnection = true;
    }
    const QByteArray method = methodLabel(request.method());
    if (reply.later) {
        // Work elsewhere: the answer comes when it is done.
        reply.later([this, respond, took, method, route](HttpReply done) {
            m_metrics.recordRequest(method, route, done.status, took.nsecsElapsed() / 1000);
            respond(decorated(std::move(done)));
        });
        return;
    }
    m_metrics.recordRequest(method, route, reply.status, took.nsecsElapsed() / 1000);
    respond(decorated(std::move(reply)));
}

QByteArray ApiServer::methodLabel(HttpRequest::Method method)
{
    // Fixed names: a made-up method must not make a series of its own.
    switch (method) {
    case HttpRequest::Method::Get: return "GET";
    case HttpRequest::Method::Head: return "HEAD";
    case HttpRequest::Method::Post: return "POST";
    case HttpRequest::Method::Put: return "PUT";
    case HttpRequest::Method::Patch: return "PATCH";
    case HttpRequest::Method::Delete: return "DELETE";
    case HttpRequest::Method::Options: return "OPTIONS";
    case HttpRequest::Method::Other: break;
    }
    return "OTHER";
}

HttpReply ApiServer::metrics(const Call &call)
{
    // Prometheus on this machine scrapes freely; from elsewhere only with
    // an admin's token. A request a proxy passed on counts as from
    // elsewhere whatever its address says: without --trusted-proxy, nginx's
    // requests would all seem to come from 127.0.0.1.
    const bool forwarded = !call.request.value("X-Forwarded-For").isEmpty()
                           || !call.request.value("Forwarded").isEmpty() || !call.request.value("X-Real-IP").isEmpty();
    if (forwarded || !QHostAddress(call.clientAddress).isLoopback()) {
        const QByteArray authorization = call.request.value("Authorization");
        const Expected<AccountStore::Session> session = m_accounts.authenticate(
            authorization.startsWith("Bearer ") ? QString::fromLatin1(authorization.mid(7).trimmed()) : QString());
        if (!session)
            return HttpReply::error({ErrorCode::Forbidden,
                                     QCoreApplication::translate("Signpost::Api",
                                                                 "The metrics are for this machine, or for an admin's token."), {}});
        const Expected<Agent> agent = m_accounts.agent(session->agentId);
        if (!agent || !agent->isAdmin)
            return HttpReply::error({ErrorCode::Forbidden,
                    QCoreApplication::translate("Signpost::Api", "Only admins may read the metrics."), {}});
    }
    const int pushConnections = m_push.connectionCount();
    return readAside(
        [](SqlConnection &sql, const QString &) -> Expected<QByteArray> {
            QByteArray text =
                Metrics::header("signpost_tickets", "gauge", "Tickets in the store, by department and status.");
            QSqlQuery &tickets = sql.prepared(
                u"SELECT t.department_id, COALESCE(d.name, ''), t.status, COUNT(*) FROM tickets t"
                " LEFT JOIN departments d ON d.id = t.department_id GROUP BY t.department_id, d.name, t.status"_s);
            if (Status done = sql.exec(tickets); !done)
                return done.error();
            while (tickets.next())
                text += Metrics::sample("signpost_tickets",
                                       {{"department_id", tickets.value(0).toString()},
                                        {"department", tickets.value(1).toString()},
                                        {"status", tickets.value(2).toString()}},
                                       tickets.value(3).toDouble());
            tickets.finish();
            QSqlQuery &outbox = sql.prepared(u"SELECT state, COUNT(*) FROM mail_outbox GROUP BY state"_s);
            if (Status done = sql.exec(outbox); !done)
                return done.error();
            QList<std::pair<QString, double>> states{
                {u"queued"_s, 0}, {u"sending"_s, 0}, {u"sent"_s, 0}, {u"failed"_s, 0}, {u"bounced"_s, 0}};
            while (outbox.next()) {
                for (auto &[state, count] : states) {
                    if (state == outbox.value(0).toString())
                        count = outbox.value(1).toDouble();
                }
            }
            outbox.finish();
            text += Metrics::byLabel("signpost_mail_outbox", "gauge",
                                     "Mail in the outbox, by state (queued and sending wait to go).", "state", states);
            return text;
        },
        [this, pushConnections](QByteArray stored) {
            QByteArray text =
                Metrics::byLabel("signpost_build_info", "gauge", "The server's version.", "version",
                                 {{QStringLiteral(SIGNPOST_VERSION), 1}})
                + Metrics::header("signpost_push_connections", "gauge", "Push sockets open on this instance.")
                + Metrics::sample("signpost_push_connections", {}, pushConnections)
                + Metrics::byLabel("signpost_store_checkpoints_total", "counter",
                                   "Checkpoints of the store's write-ahead log, by thread: beside the request thread,"
                                   " or in it (the last few pages).",
                                   "thread",
                                   {{u"checkpoints"_s, double(m_db.checkpoints())},
                                    {u"writer"_s, double(m_db.writerCheckpoints())}})
                + Metrics::header("signpost_store_log_pages", "gauge", "Pages in the store's write-ahead log.")
                + Metrics::sample("signpost_store_log_pages", {}, m_db.logPages())
                + Metrics::byLabel("signpost_sync_read_ahead_pages_total", "counter",
                                   "Sync pages read before the client asked for them: used, or forgotten unasked.",
                                   "outcome",
                                   {{u"used"_s, double(m_syncReadAhead.used())},
                                    {u"unused"_s, double(m_syncReadAhead.unused())}})
                + stored + m_metrics.requestsText();
            HttpReply reply;
            reply.contentType = "text/plain; version=0.0.4; charset=utf-8";
            reply.body = std::move(text);
            return reply;
        });
}

bool ApiServer::originAllowed(const QByteArray &origin)
{
    Expected<QList<Shop>> shops = m_departments.shops();
    if (!shops)
        return false;
    const QString text = QString::fromUtf8(origin).toLower();
    return std::any_of(shops->cbegin(), shops->cend(), [&](const Shop &shop) { return shop.allowedOrigins.contains(text); });
}

HttpReply ApiServer::withCors(HttpReply reply, const QByteArray &origin)
{
    reply.headers.append(qMakePair(QByteArray("Vary"), QByteArray("Origin")));
    if (origin.isEmpty())
        return reply;
    reply.headers.append(qMakePair(QByteArray("Access-Control-Allow-Origin"), origin));
    reply.headers.append(qMakePair(QByteArray("Access-Control-Expose-Headers"), QByteArray("Idempotent-Replayed")));
    return reply;
}

HttpReply ApiServer::decorated(HttpReply reply)
{
    reply.headers.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    reply.headers.append(qMakePair(QByteArray("X-Content-Type-Options"), QByteArray("nosniff")));
    // A ticket page's address is its credential: never sent on as a referrer.
    reply.headers.append(qMakePair(QByteArray("Referrer-Policy"), QByteArray("no-referrer")));
    if (reply.contentType.startsWith("text/html")) {
        // Never inside another site's frame (clickjacking).
        reply.headers.append(qMakePair(QByteArray("Content-Security-Policy"), QByteArray("default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")));
        reply.headers.append(qMakePair(QByteArray("X-Frame-Options"), QByteArray("DENY")));
    }
    return reply;
}

} // namespace Signpost
