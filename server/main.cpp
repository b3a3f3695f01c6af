// signpost-server: the helpdesk backend on embedded SQLite.
#include "core/timestamps.h"
#include "server/apiserver.h"
#include "server/channels/email/deliver.h"
#include "server/database.h"
#include "server/demodata.h"
#include "server/logging.h"
#include "server/secrets.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>
#include <QUrl>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Signpost;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[0], &byte, 1);
}

// SIGTERM and SIGINT end the event loop, so the store closes cleanly.
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app]() {
        char byte;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[1], &byte, 1);
        qCInfo(lcServer) << "Stopping";
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "signpost-server: " << message << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"signpost-server"_s);
    QCoreApplication::setOrganizationName(u"Signpost"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGNPOST_VERSION));
    // `signpost-server deliver`: one message from a local MTA to the running server.
    if (app.arguments().value(1) == u"deliver")
        return deliver(app.arguments().mid(1));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Signpost helpdesk server. Prints its base URL on stdout once it is ready to serve."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(u"data-dir"_s, u"Where the store lives (created if missing)."_s, u"dir"_s,
                                     QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption listen(u"listen"_s, u"Address to listen on."_s, u"address"_s, u"127.0.0.1"_s);
    const QCommandLineOption port(u"port"_s, u"Port to listen on; 0 picks a free one."_s, u"port"_s, u"8080"_s);
    const QCommandLineOption demo(u"demo"_s, u"Seed demo shops, departments, agents and tickets into an empty store."_s);
    const QCommandLineOption bootstrapAdmin(
        u"bootstrap-admin"_s,
        u"Create this admin on an empty store, with the password in $SIGNPOST_ADMIN_PASSWORD."_s, u"email"_s);
    const QCommandLineOption contactRate(u"contact-rate"_s,
                                         u"Contact form posts per minute per address (0 = no limit)."_s, u"n"_s,
                                         u"10"_s);
    const QCommandLineOption loginRate(u"login-rate"_s, u"Sign-in attempts per minute per address (0 = no limit)."_s,
                                       u"n"_s, u"30"_s);
    const QCommandLineOption maxBody(u"max-body"_s, u"Largest request body in bytes."_s, u"bytes"_s, u"1048576"_s);
    const QCommandLineOption trustedProxy(u"trusted-proxy"_s,
                                          u"A reverse proxy whose X-Forwarded-For is believed (repeatable)."_s,
                                          u"address"_s);
    const QCommandLineOption allowedOrigin(u"allowed-origin"_s,
                                           u"A web origin allowed to open the push channel (repeatable)."_s,
                                           u"origin"_s);
    const QCommandLineOption slaCheck(u"sla-check-interval"_s,
                                      u"Seconds between looks for SLA risks and breaches."_s, u"seconds"_s, u"30"_s);
    const QCommandLineOption pushPing(u"push-ping-interval"_s,
                                      u"Seconds between pings of push connections; one silent for two is dropped."_s,
                                      u"seconds"_s, u"30"_s);
    const QCommandLineOption publicUrl(u"public-url"_s,
                                       u"Where customers reach this server, for links in mail"
                                       " (default: the address it listens on)."_s,
                                       u"url"_s);
    const QCommandLineOption mailDrop(u"mail-drop"_s,
                                      u"Without a relay, write outgoing mail into this directory instead"
                                      " (with --demo: DATA_DIR/outgoing-mail)."_s,
                                      u"dir"_s);
    const QCommandLineOption testHooks(u"test-hooks"_s, u"Enable fault injection under /api/v1/test (tests only)."_s);
    parser.addOptions({dataDir, listen, port, demo, bootstrapAdmin, contactRate, loginRate, maxBody, trustedProxy,
                       allowedOrigin, slaCheck, pushPing, publicUrl, mailDrop, testHooks});
    parser.process(app);

    bool ok = false;
    const int portNumber = parser.value(port).toInt(&ok);
    if (!ok || portNumber < 0 || portNumber > 65535)
        return fail(u"--port needs a number from 0 to 65535."_s);
    const QHostAddress address(parser.value(listen));
    if (address.isNull())
        return fail(u"--listen needs an IP address, such as 127.0.0.1."_s);

    ServerConfig config;
    config.contactPerMinute = parser.value(contactRate).toInt(&ok);
    if (!ok || config.contactPerMinute < 0)
        return fail(u"--contact-rate needs a number, 0 or more."_s);
    config.loginPerMinute = parser.value(loginRate).toInt(&ok);
    if (!ok || config.loginPerMinute < 0)
        return fail(u"--login-rate needs a number, 0 or more."_s);
    config.maxBodyBytes = parser.value(maxBody).toLongLong(&ok);
    if (!ok || config.maxBodyBytes < 1024)
        return fail(u"--max-body needs a number of bytes, 1024 or more."_s);
    for (const QString &proxy : parser.values(trustedProxy)) {
        const QHostAddress proxyAddress(proxy);
        if (proxyAddress.isNull())
            return fail(u"--trusted-proxy needs an IP address."_s);
        config.trustedProxies.append(proxyAddress);
    }
    config.allowedOrigins = parser.values(allowedOrigin);
    config.slaCheckSeconds = parser.value(slaCheck).toInt(&ok);
    if (!ok || config.slaCheckSeconds < 1 || config.slaCheckSeconds > 3600)
        return fail(u"--sla-check-interval needs a number of seconds from 1 to 3600."_s);
    config.pushPingSeconds = parser.value(pushPing).toInt(&ok);
    if (!ok || config.pushPingSeconds < 1 || config.pushPingSeconds > 3600)
        return fail(u"--push-ping-interval needs a number of seconds from 1 to 3600."_s);
    config.testHooks = parser.isSet(testHooks);

    if (!Secrets::initialise())
        return fail(u"libsodium could not be initialised."_s);

    const QString directory = parser.value(dataDir);
    if (!QDir().mkpath(directory))
        return fail(u"Cannot create the data directory %1."_s.arg(directory));
    Expected<std::unique_ptr<Database>> db = Database::open(QDir(directory).filePath(u"signpost.sqlite3"_s));
    if (!db)
        return fail(db.error().message);

    // The key that seals mail passwords lives beside the store, not in it:
    // a copy of the database alone does not give them away.
    QFile keyFile(QDir(directory).filePath(u"mail.key"_s));
    if (!keyFile.exists()) {
        if (!keyFile.open(QIODevice::WriteOnly) || keyFile.write(Secrets::newToken().toLatin1()) <= 0)
            return fail(u"Cannot write the mail key %1."_s.arg(keyFile.fileName()));
        keyFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        keyFile.close();
    }
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(u"Cannot read the mail key %1."_s.arg(keyFile.fileName()));
    config.mailKey = keyFile.readAll().trimmed();
    if (config.mailKey.size() < 32)
        return fail(u"The mail key %1 is too short; remove it to have a new one made."_s.arg(keyFile.fileName()));

    config.mailDropDir = parser.value(mailDrop);
    if (config.mailDropDir.isEmpty() && parser.isSet(demo))
        config.mailDropDir = QDir(directory).filePath(u"outgoing-mail"_s);

    ApiServer server(**db, config);
    QTextStream err(stderr);
    QStringList logins;
    if (parser.isSet(demo)) {
        Expected<QStringList> seeded = DemoData::seed(server);
        if (!seeded)
            return fail(u"Cannot seed demo data: "_s + seeded.error().message);
        logins = *seeded;
    }

    if (parser.isSet(bootstrapAdmin)) {
        const QString password = qEnvironmentVariable("SIGNPOST_ADMIN_PASSWORD");
        if (Status created = server.accounts().bootstrapAdmin(parser.value(bootstrapAdmin), password); !created)
            return fail(u"Cannot create the admin: "_s + created.error().message);
    }

    const quint16 bound = server.listen(address, static_cast<quint16>(portNumber));
    if (bound == 0)
        return fail(u"Cannot listen on %1:%2."_s.arg(address.toString()).arg(portNumber));
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(address.toString())
                                                                              : address.toString();
    const QString base = u"http://%1:%2"_s.arg(host).arg(bound);
    QString publicBase = parser.value(publicUrl).trimmed();
    while (publicBase.endsWith(u'/'))
        publicBase.chop(1);
    if (!publicBase.isEmpty() && !QUrl(publicBase, QUrl::StrictMode).isValid())
        return fail(u"--public-url needs a URL such as https://help.example.com."_s);
    server.email().setPublicUrl(publicBase.isEmpty() ? base : publicBase);

    err << "Signpost server " << QCoreApplication::applicationVersion() << ", store in " << directory << "\n"
        << "  API:          " << base << "/api/v1\n"
        << "  Contact form: " << base << "/contact\n";
    if (!config.mailDropDir.isEmpty())
        err << "  Mail out:     " << config.mailDropDir << " (while no relay is set)\n";
    if (!logins.isEmpty()) {
        err << "  Demo logins (password \"" << DemoData::Password << "\"):\n";
        for (const QString &login : std::as_const(logins))
            err << "    " << login << "\n";
    }
    err.flush();
    QTextStream(stdout) << base << Qt::endl;

    quitOnSignals(app);
    const int status = app.exec();
    qCInfo(lcServer) << "Stopped";
    return status;
}
