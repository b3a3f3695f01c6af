#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QWebSocket>

namespace Signpost::Test {

using namespace Qt::StringLiterals;

// One agent's push connection and everything it received.
class Listener : public QObject
{
public:
    Listener(const QUrl &base, const QString &token, const QByteArray &origin = {}, const QString &path = u"/api/v1/push"_s)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
            if (message.value(u"type"_s).toString() != u"notifications") {
                messages.append(message);
                return;
            }
            for (const QJsonValue &item : message.value(u"items"_s).toArray())
                messages.append(item.toObject());
        });
        connect(&socket, &QWebSocket::disconnected, this, [this]() { closeCode = socket.closeCode(); });
        QUrl url = base;
        url.setScheme(u"ws"_s);
        url.setPath(path);
        QNetworkRequest request(url);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        if (!origin.isEmpty())
            request.setRawHeader("Origin", origin);
        socket.open(request);
    }
    bool hello() const { return !messages.isEmpty() && messages.first().value(u"type"_s).toString() == u"hello"; }
    QList<QJsonObject> notifications(const QString &event = {}) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &m : messages) {
            if (m.value(u"type"_s).toString() == u"notification" && (event.isEmpty() || m.value(u"event"_s).toString() == event))
                found.append(m);
        }
        return found;
    }
    // A notification stands for a poke too (the client pulls on either).
    qint64 pokedUpTo() const
    {
        qint64 seq = 0;
        for (const QJsonObject &m : messages) {
            const QString type = m.value(u"type"_s).toString();
            if (type == u"poke" || type == u"notification")
                seq = std::max(seq, m.value(u"seq"_s).toInteger());
        }
        return seq;
    }

    QWebSocket socket;
    QList<QJsonObject> messages;
    int closeCode = -1;
};

} // namespace Signpost::Test
