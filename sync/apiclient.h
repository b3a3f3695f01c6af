#pragma once

#include "core/expected.h"

#include <QCoroSignal>
#include <QCoroTask>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QHash>
#include <QSet>
#include <QUrl>

#include <chrono>

namespace Signpost {

// The API's paths, for coroutines (which cannot hold string literals).
namespace ApiPath {
QString login();
QString logout();
QString me();
QString availability();
QString departments();
QString departmentAgents(qint64 departmentId);
QString transferTargets();
QString cannedReplies();
QString departmentCannedReplies(qint64 departmentId);
QString cannedReply(qint64 id);
QString attachment(qint64 id);
QString figures(qint64 departmentId, int days);
QString commands();
// windowDays: the history the client keeps (0: all).
QString sync(const QString &cursor, int limit, int windowDays);
QString search(const QString &text, qint64 departmentId, int limit);
QString uploads();
} // namespace ApiPath

// Tells a waiting request that its reply finished, one event later than the
// reply itself said so (see ApiClient::send()).
class ReplyRelay : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void finished();
};

// Waits until `sender` emits `signal`. QCoro resumes a signal's awaiter from
// a queued call, so a signal that fires twice before that call runs would
// resume the waiting coroutine a second time, perhaps after it has gone:
// this wait hears the signal once, through a relay of its own.
template<typename Sender, typename Signal>
QCoro::Task<> signalled(Sender *sender, Signal signal)
{
    ReplyRelay relay;
    QObject::connect(sender, signal, &relay, &ReplyRelay::finished, Qt::SingleShotConnection);
    co_await qCoro(&relay, &ReplyRelay::finished);
}

// The client's side of the HTTP API: one long-lived network manager, bearer
// authentication, JSON in and out, a transfer timeout on every request.
// Failures come back as values: `Unavailable` when the server could not be
// reached, otherwise the server's own error.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QObject *parent = nullptr);

    void setServer(const QUrl &server) { m_server = server; }
    QUrl server() const { return m_server; }
    void setToken(const QString &token) { m_token = token; }
    QString token() const { return m_token; }
    static constexpr std::chrono::milliseconds DefaultTimeout{30'000};
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // Parameters by value: the coroutine outlives the caller's arguments.
    QCoro::Task<Expected<QJsonObject>> get(QString path);
    QCoro::Task<Expected<QJsonObject>> post(QString path, QJsonObject body);
    QCoro::Task<Expected<QJsonObject>> put(QString path, QJsonObject body);
    QCoro::Task<Expected<QJsonObject>> patch(QString path, QJsonObject body);
    QCoro::Task<Expected<QJsonObject>> del(QString path);

    // The answer's bytes as they are (a file), not JSON.
    QCoro::Task<Expected<QByteArray>> download(QString path);
    // A file's bytes as the body; the answer as JSON.
    QCoro::Task<Expected<QJsonObject>> upload(QString path, QByteArray bytes);

    // Signs in; on success the token is kept for the following requests.
    QCoro::Task<Expected<QJsonObject>> login(QUrl server, QString email, QString password);

    QUrl url(const QString &path) const;

    // Aborts every request in flight: their coroutines resume with
    // `Unavailable`. The owner calls this before it goes away.
    void abortAll();

private:
    QCoro::Task<Expected<QJsonObject>> send(QByteArray method, QString path, QByteArray body);
    QCoro::Task<Expected<QByteArray>> transfer(QByteArray method, QString path, QByteArray body,
                                               QByteArray contentType);
    // As char arrays, not literals: GCC 12 cannot keep literals in a
    // coroutine frame.
    static constexpr char JsonType[] = "application/json";
    static constexpr char BytesType[] = "application/octet-stream";
    static constexpr char GetMethod[] = "GET";
    static constexpr char PostMethod[] = "POST";
    static Error timeoutError(std::chrono::milliseconds timeout);
    static Error stoppedError();

    QNetworkAccessManager m_network;
    QHash<QNetworkReply *, ReplyRelay *> m_inFlight;
    QUrl m_server;
    QString m_token;
    std::chrono::milliseconds m_timeout{DefaultTimeout};
};

} // namespace Signpost
