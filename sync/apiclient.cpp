#include "sync/apiclient.h"

#include "sync/logging.h"

#include <QCoroSignal>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkReply>
#include <QPointer>
#include <QScopeGuard>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace ApiPath {
QString login() { return u"/api/v1/auth/login"_s; }
QString logout() { return u"/api/v1/auth/logout"_s; }
QString me() { return u"/api/v1/me"_s; }
QString availability() { return u"/api/v1/me/availability"_s; }
QString departments() { return u"/api/v1/departments"_s; }
QString departmentAgents(qint64 departmentId) { return u"/api/v1/departments/%1/agents"_s.arg(departmentId); }
QString transferTargets() { return u"/api/v1/transfer-targets"_s; }
QString cannedReplies() { return u"/api/v1/canned-replies"_s; }
QString departmentCannedReplies(qint64 departmentId)
{
    return u"/api/v1/departments/%1/canned-replies"_s.arg(departmentId);
}
QString cannedReply(qint64 id) { return u"/api/v1/canned-replies/%1"_s.arg(id); }

QString attachment(qint64 id) { return u"/api/v1/attachments/%1"_s.arg(id); }
QString figures(qint64 departmentId, int days)
{
    return u"/api/v1/departments/%1/figures?days=%2"_s.arg(departmentId).arg(days);
}
QString commands() { return u"/api/v1/commands"_s; }
QString sync(const QString &cursor, int limit, int windowDays)
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(limit));
    query.addQueryItem(u"cursor"_s, cursor);
    if (windowDays > 0)
        query.addQueryItem(u"window"_s, QString::number(windowDays));
    return u"/api/v1/sync?"_s + query.toString(QUrl::FullyEncoded);
}

QString uploads()
{
    return u"/api/v1/uploads"_s;
}

QString search(const QString &text, qint64 departmentId, int limit)
{
    QUrlQuery query;
    query.addQueryItem(u"q"_s, text);
    query.addQueryItem(u"limit"_s, QString::number(limit));
    if (departmentId > 0)
        query.addQueryItem(u"department"_s, QString::number(departmentId));
    return u"/api/v1/search?"_s + query.toString(QUrl::FullyEncoded);
}
} // namespace ApiPath

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
{
    m_network.setAutoDeleteReplies(false);
}

QUrl ApiClient::url(const QString &path) const
{
    QUrl url = m_server;
    const qsizetype question = path.indexOf(u'?');
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    return url;
}

QCoro::Task<Expected<QJsonObject>> ApiClient::send(QByteArray method, QString path, QByteArray body)
{
    const Expected<QByteArray> answer =
        co_await transfer(std::move(method), std::move(path), std::move(body), QByteArray(JsonType));
    if (!answer)
        co_return answer.error();
    co_return QJsonDocument::fromJson(*answer).object();
}

QCoro::Task<Expected<QByteArray>> ApiClient::download(QString path)
{
    co_return co_await transfer(QByteArray(GetMethod), std::move(path), {}, QByteArray(JsonType));
}

QCoro::Task<Expected<QJsonObject>> ApiClient::upload(QString path, QByteArray bytes)
{
    const Expected<QByteArray> answer =
        co_await transfer(QByteArray(PostMethod), std::move(path), std::move(bytes), QByteArray(BytesType));
    if (!answer)
        co_return answer.error();
    co_return QJsonDocument::fromJson(*answer).object();
}

QCoro::Task<Expected<QByteArray>> ApiClient::transfer(QByteArray method, QString path, QByteArray body,
                                                      QByteArray contentType)
{
    QNetworkRequest request(url(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    // The server's refusals in the desk's language.
    request.setRawHeader("Accept-Language", QLocale().bcp47Name().toLatin1());
    // The client may be gone when the coroutine resumes (its owner went away
    // with the request in flight), and the reply with it.
    const QPointer<ApiClient> self(this);
    const QPointer<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
    const auto release = qScopeGuard([&reply]() {
        if (reply)
            reply->deleteLater();
    });
    // Never resumed from inside the network code: QCoro 0.8 resumes an
    // awaited reply straight from its finished() signal, and Qt's own
    // transfer timeout aborts it from a queued call that may still be on its
    // way, so what the coroutine then does (deleting the reply, the engine
    // going on) ran inside Qt's stack and crashed the desk on a hung server.
    // The relay hears finished() queued, and our own timer aborts.
    ReplyRelay relay;
    connect(reply, &QNetworkReply::finished, &relay, &ReplyRelay::finished, Qt::QueuedConnection);
    QTimer deadline;
    deadline.setSingleShot(true);
    connect(&deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    // As long as the answer's bytes come in, the server is alive: the
    // deadline is for its silence, not for the whole answer (a big sync page
    // on a slow link takes longer). Bytes going out prove nothing: the
    // kernel takes them from a hung server's peer as well.
    connect(reply, &QNetworkReply::downloadProgress, &deadline, [&deadline](qint64 received) {
        if (received > 0)
            deadline.start();
    });
    // Nor for an upload on a slow link: bytes that keep leaving are being
    // read (a hung server's kernel takes a few megabytes, then nothing, and
    // the deadline runs out from there).
    connect(reply, &QNetworkReply::uploadProgress, &deadline, [&deadline](qint64 sent) {
        if (sent > 0)
            deadline.start();
    });
    deadline.start(m_timeout);
    m_inFlight.insert(reply, &relay);
    co_await qCoro(&relay, &ReplyRelay::finished);
    if (!self || !reply)
        co_return stoppedError();
    m_inFlight.remove(reply);
    const bool timedOut = !deadline.isActive() && reply->error() == QNetworkReply::OperationCanceledError;
    deadline.stop();
    if (timedOut)
        co_return timeoutError(m_timeout);

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray data = reply->readAll();
    if (status == 0) {
        qCDebug(lcSync) << method << path << "failed:" << reply->errorString();
        co_return Error{ErrorCode::Unavailable, reply->errorString(), {}};
    }
    if (status >= 400) {
        Error error = Error::fromJson(QJsonDocument::fromJson(data).object());
        if (error.message.isEmpty())
            error = Error{status == 401 ? ErrorCode::Unauthorized : ErrorCode::Internal,
                          u"The server answered %1."_s.arg(status), {}};
        co_return error;
    }
    co_return data;
}

void ApiClient::abortAll()
{
    // Their coroutines resume now, while the owner is still whole.
    const auto inFlight = m_inFlight;
    for (auto it = inFlight.cbegin(); it != inFlight.cend(); ++it) {
        // One resumed before may have ended others (their relays are gone).
        if (m_inFlight.value(it.key()) != it.value())
            continue;
        it.key()->abort();
        Q_EMIT it.value()->finished();
    }
}

QCoro::Task<Expected<QJsonObject>> ApiClient::get(QString path)
{
    return send(QByteArray("GET"), std::move(path), QByteArray());
}

QCoro::Task<Expected<QJsonObject>> ApiClient::post(QString path, QJsonObject body)
{
    return send(QByteArray("POST"), std::move(path), QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QCoro::Task<Expected<QJsonObject>> ApiClient::put(QString path, QJsonObject body)
{
    return send(QByteArray("PUT"), std::move(path), QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QCoro::Task<Expected<QJsonObject>> ApiClient::patch(QString path, QJsonObject body)
{
    return send(QByteArray("PATCH"), std::move(path), QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QCoro::Task<Expected<QJsonObject>> ApiClient::del(QString path)
{
    return send(QByteArray("DELETE"), std::move(path), QByteArray());
}

namespace {

// GCC 12 cannot keep string-literal temporaries in a coroutine frame, so the
// coroutines below get their literals from plain functions.
QJsonObject credentials(const QString &email, const QString &password)
{
    return QJsonObject{{u"email"_s, email}, {u"password"_s, password}};
}

} // namespace

Error ApiClient::stoppedError()
{
    return Error{ErrorCode::Unavailable, u"The request was given up."_s, {}};
}

Error ApiClient::timeoutError(std::chrono::milliseconds timeout)
{
    return Error{ErrorCode::Unavailable,
                 tr("The server did not answer within %n seconds.", nullptr, int(timeout.count() / 1000)), {}};
}

namespace {

QString tokenOf(const QJsonObject &answer)
{
    return answer.value(u"token"_s).toString();
}

} // namespace

QCoro::Task<Expected<QJsonObject>> ApiClient::login(QUrl server, QString email, QString password)
{
    m_server = server;
    m_token.clear();
    Expected<QJsonObject> answer = co_await post(ApiPath::login(), credentials(email, password));
    if (answer)
        m_token = tokenOf(*answer);
    co_return answer;
}

} // namespace Signpost
