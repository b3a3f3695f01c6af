#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

namespace Signpost {

// An HTTP answer as a route handler builds it.
struct HttpReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpReply json(const QJsonObject &object, int status = 200);
    static HttpReply json(const QJsonArray &array, int status = 200);
    static HttpReply raw(QByteArray json, int status = 200);
    static HttpReply error(const Error &error);
    static HttpReply html(QByteArray page, int status = 200);
    static HttpReply noContent() { return HttpReply{204, {}, {}, {}}; }
};

} // namespace Signpost
