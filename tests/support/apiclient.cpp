#include "tests/support/apiclient.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace Signpost::Test {

QJsonObject Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QUrl ApiClient::url(const QString &path) const
{
    QUrl url = m_baseUrl;
    const qsizetype question = path.indexOf(u'?');
    // As written, percent escapes and all (a test may send what a browser would not).
    url.setPath(question < 0 ? path : path.left(question), QUrl::TolerantMode);
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    return url;
}

Response ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                         const QByteArray &contentType, const QString &token,
                         const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(path));
    request.setTransferTimeout(m_timeoutMs);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    // The server's messages in English, whatever this machine's language
    // (Qt would send the system's); a test that wants another says so.
    request.setRawHeader("Accept-Language", "en");
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QBuffer *buffer = new QBuffer;
    buffer->setData(body);
    // As a custom verb, HEAD would have the client wait for a body.
    QNetworkReply *reply = method == "HEAD" ? m_network.head(request) : m_network.sendCustomRequest(request, method, buffer);
    buffer->setParent(reply);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(m_timeoutMs + 5'000);
    Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (response.status == 0)
        response.networkError = reply->isFinished() ? reply->errorString() : u"no answer in time"_s;
    if (reply->isOpen())
        response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return response;
}

Response ApiClient::get(const QString &path, const QString &token)
{
    return send("GET", path, {}, {}, token);
}

Response ApiClient::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", token);
}

Response ApiClient::patch(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", token);
}

Response ApiClient::put(const QString &path, const QJsonObject &body, const QString &token)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", token);
}

Response ApiClient::del(const QString &path, const QString &token)
{
    return send("DELETE", path, {}, {}, token);
}

Response ApiClient::postForm(const QString &path, const QList<QPair<QString, QString>> &fields)
{
    QByteArrayList pairs;
    for (const auto &[key, value] : fields)
        pairs.append(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
    return send("POST", path, pairs.join('&'), "application/x-www-form-urlencoded");
}

QString ApiClient::login(const QString &email, const QString &password)
{
    const Response response = post(u"/api/v1/auth/login"_s, QJsonObject{{u"email"_s, email}, {u"password"_s, password}});
    return response.status == 200 ? response.json().value(u"token"_s).toString() : QString();
}

} // namespace Signpost::Test
