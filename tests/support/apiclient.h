#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

namespace Signpost::Test {

struct Response
{
    int status = 0; // 0: no HTTP answer at all
    QString networkError; // why, when there was none
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
    QString errorCode() const { return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
};

// Plain HTTP to the test server, one request at a time: each call waits for
// its answer (on the reply's signal, with a deadline).
class ApiClient
{
public:
    explicit ApiClient(const QUrl &baseUrl) : m_baseUrl(baseUrl) {}

    Response get(const QString &path, const QString &token = {});
    Response post(const QString &path, const QJsonObject &body, const QString &token = {});
    Response patch(const QString &path, const QJsonObject &body, const QString &token = {});
    Response put(const QString &path, const QJsonObject &body, const QString &token = {});
    Response del(const QString &path, const QString &token = {});
    Response send(const QByteArray &method, const QString &path, const QByteArray &body,
                  const QByteArray &contentType, const QString &token = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Response postForm(const QString &path, const QList<QPair<QString, QString>> &fields);

    // Signs in and returns the token, or an empty string.
    QString login(const QString &email, const QString &password);

    QUrl url(const QString &path) const;
    // How long a request may go unanswered (a hung server) before it counts
    // as failed with status 0.
    void setTimeout(int ms) { m_timeoutMs = ms; }

private:
    int m_timeoutMs = 30'000;
    QUrl m_baseUrl;
    QNetworkAccessManager m_network;
};

} // namespace Signpost::Test
