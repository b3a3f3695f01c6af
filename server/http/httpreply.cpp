#include "server/http/httpreply.h"

#include <QJsonDocument>

namespace Signpost {

HttpReply HttpReply::json(const QJsonObject &object, int status)
{
    return raw(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

HttpReply HttpReply::json(const QJsonArray &array, int status)
{
    return raw(QJsonDocument(array).toJson(QJsonDocument::Compact), status);
}

HttpReply HttpReply::raw(QByteArray json, int status)
{
    return HttpReply{status, "application/json", std::move(json), {}, false, {}};
}

HttpReply HttpReply::error(const Error &error)
{
    HttpReply reply = json(error.toJson(), error.httpStatus());
    if (error.code == ErrorCode::Unauthorized)
        reply.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
    if (error.code == ErrorCode::RateLimited)
        reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("60")));
    if (error.code == ErrorCode::Unavailable)
        reply.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("2")));
    return reply;
}

HttpReply HttpReply::html(QByteArray page, int status)
{
    return HttpReply{status, "text/html; charset=utf-8", std::move(page), {}, false, {}};
}

} // namespace Signpost
