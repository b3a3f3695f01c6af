#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace Signpost {

// One HTTP request as it arrived: method, path and query, headers, and the
// whole body (never more than the server's cap).
class HttpRequest
{
public:
    enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };

    Method method() const { return m_method; }
    QByteArray methodName() const { return m_methodName; }
    // The path, percent-decoded; the query as sent.
    QUrl url() const { return m_url; }
    QUrlQuery query() const { return QUrlQuery(m_url); }
    // A header's value (the first of that name, case-insensitive), or empty.
    QByteArray value(const QByteArray &name) const;
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    QByteArray body() const { return m_body; }
    QHostAddress remoteAddress() const { return m_remote; }
    bool keepAlive() const { return m_keepAlive; }

private:
    friend class HttpConnection;
    Method m_method = Method::Other;
    QByteArray m_methodName;
    QUrl m_url;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    QHostAddress m_remote;
    bool m_keepAlive = true;
};

} // namespace Signpost
