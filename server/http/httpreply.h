#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <functional>

namespace Signpost {

// An HTTP answer as a route handler builds it.
struct HttpReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // Test hooks: drop the connection instead of answering.
    bool abortConnection = false;
    // An answer that comes later (work on another thread): called with the
    // function that sends it. The connection reads nothing else meanwhile.
    std::function<void(std::function<void(HttpReply)>)> later;

    static HttpReply json(const QJsonObject &object, int status = 200);
    static HttpReply json(const QJsonArray &array, int status = 200);
    static HttpReply raw(QByteArray json, int status = 200);
    static HttpReply error(const Error &error);
    static HttpReply html(QByteArray page, int status = 200);
    static HttpReply noContent() { return HttpReply{204, {}, {}, {}, false, {}}; }
};

} // namespace Signpost
