#include "server/channels/email/deliver.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTextStream>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

// sysexits.h, spelled out: what an MTA's pipe transport understands.
// Postfix and Exim bounce on most codes but 75, so a problem of the setup
// (a wrong option, a token that expired, an unreadable file, an unknown
// mailbox) answers 75: the mail waits in the MTA's queue until it is fixed, with the reason
// in its log, and no customer's mail is returned to them.
enum Exit { Taken = 0, NotAMessage = 65, TryLater = 75 };

int say(int status, const QString &text)
{
    // MTAs put what the command printed into their logs and bounces.
    QTextStream(stderr) << "signpost-server deliver: " << text << Qt::endl;
    return status;
}

} // namespace

int deliver(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Hands the message on standard input to a running Signpost server."_s);
    parser.addHelpOption();
    const QCommandLineOption server(u"server"_s, u"The server's base URL."_s, u"url"_s, u"http://127.0.0.1:8080"_s);
    const QCommandLineOption tokenFile(u"token-file"_s, u"A file holding an admin's API token."_s, u"file"_s,
                                       u"/etc/signpost/mta-token"_s);
    const QCommandLineOption mailbox(u"mailbox"_s, u"Take it in as this mailbox would (its shop and department)."_s,
                                     u"id"_s);
    const QCommandLineOption shop(u"shop"_s, u"The shop the ticket belongs to."_s, u"id"_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Seconds to wait for the server."_s, u"seconds"_s, u"60"_s);
    parser.addOptions({server, tokenFile, mailbox, shop, timeout});
    if (!parser.parse(arguments))
        return say(TryLater, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return Taken;
    }
    const QUrl base(parser.value(server));
    if (!base.isValid() || (base.scheme() != u"http" && base.scheme() != u"https"))
        return say(TryLater, u"--server needs an http or https URL."_s);
    if (parser.isSet(mailbox) && parser.isSet(shop))
        return say(TryLater, u"Give --mailbox or --shop, not both."_s);
    QFile file(parser.value(tokenFile));
    if (!file.open(QIODevice::ReadOnly))
        return say(TryLater, u"The token cannot be read from %1: %2"_s.arg(file.fileName(), file.errorString()));
    const QByteArray token = file.readAll().trimmed();
    if (token.isEmpty())
        return say(TryLater, u"%1 holds no token."_s.arg(file.fileName()));
    bool numeric = false;
    const int seconds = parser.value(timeout).toInt(&numeric);
    if (!numeric || seconds < 1)
        return say(TryLater, u"--timeout needs a number of seconds."_s);

    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return say(TryLater, u"Standard input cannot be read."_s);
    const QByteArray message = in.readAll();
    if (message.trimmed().isEmpty())
        return say(NotAMessage, u"Standard input holds no message."_s);

    QUrl url = base.resolved(QUrl(u"/api/v1/mail/inbound"_s));
    QUrlQuery query;
    if (parser.isSet(mailbox))
        query.addQueryItem(u"mailbox"_s, parser.value(mailbox));
    if (parser.isSet(shop))
        query.addQueryItem(u"shop"_s, parser.value(shop));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("message/rfc822"));
    request.setRawHeader("Authorization", "Bearer " + token);
    // What the mail server logs of a refusal, in English (Qt would send the
    // locale the MTA happens to run in).
    request.setRawHeader("Accept-Language", "en");
    request.setTransferTimeout(seconds * 1000);
    QNetworkAccessManager network;
    QNetworkReply *reply = network.post(request, message);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    const QString error = reply->errorString();
    reply->deleteLater();

    if (status == 0)
        return say(TryLater, u"The server did not answer: %1"_s.arg(error));
    const QString why = answer.value(u"error"_s).toObject().value(u"message"_s).toString();
    if (status == 200 || status == 201) {
        QTextStream(stdout) << answer.value(u"outcome"_s).toString() << ' '
                            << answer.value(u"ticket"_s).toInteger() << ' ' << answer.value(u"reason"_s).toString()
                            << Qt::endl;
        return Taken;
    }
    if (status == 401 || status == 403)
        return say(TryLater, u"The server refused the token (%1): %2"_s.arg(status).arg(why));
    const QString field = answer.value(u"error"_s).toObject().value(u"field"_s).toString();
    if (status == 422 && (field == u"mailbox" || field == u"shop"))
        return say(TryLater, u"The server does not take it so (%1): %2"_s.arg(status).arg(why));
    if (status == 400 || status == 413 || status == 422)
        return say(NotAMessage, u"The server refused the message (%1): %2"_s.arg(status).arg(why));
    // 404 (no such mailbox: a configuration to fix), 429 and every 5xx:
    // the MTA keeps the message and tries again.
    return say(TryLater, u"The server answered %1: %2"_s.arg(status).arg(why));
}

} // namespace Signpost
