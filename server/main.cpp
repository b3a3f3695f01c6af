// signpost-server: the helpdesk backend on embedded SQLite.
#include "core/timestamps.h"
#include "server/api/apiserver.h"
#include "server/channels/email/deliver.h"
#include "server/storage/storecopy.h"
#include "server/storage/database.h"
#include "server/demodata.h"
#include "server/logging.h"
#include "server/services/secrets.h"
#include "server/services/wording.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>
#include <QUrl>

#include <algorithm>
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

// What the options say, checked: everything the server needs before it
// opens its store.
struct Settings
{
    QString dataDir;
    QString database;
    QHostAddress address;
    int port = 0;
    ServerConfig config;
    QString publicBase;
    bool demo = false;
    QString bootstrapAdmin;
};

struct Options
{
    QCommandLineOption config{u"config"_s,
                              u"Read options from this file first: one \"name = value\" a line, names as the long"
                              " options below; the command line wins (repeatable ones add up)."_s,
                              u"file"_s};
    QCommandLineOption dataDir{u"data-dir"_s, u"Where the store lives (created if missing)."_s, u"dir"_s,
                               QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
    QCommandLineOption database{u"database"_s,
                                u"The store: a PostgreSQL URL (postgresql://user@host:port/name; the password from"
                                " $PGPASSWORD or ~/.pgpass) that several instances may share. Default: the"
                                " embedded SQLite file in the data directory."_s,
                                u"url"_s};
    QCommandLineOption listen{u"listen"_s, u"Address to listen on."_s, u"address"_s, u"127.0.0.1"_s};
    QCommandLineOption port{u"port"_s, u"Port to listen on; 0 picks a free one."_s, u"port"_s, u"8080"_s};
    QCommandLineOption demo{u"demo"_s, u"Seed demo shops, departments, agents and tickets into an empty store."_s};
    QCommandLineOption bootstrapAdmin{
        u"bootstrap-admin"_s, u"Create this admin on an empty store, with the password in $SIGNPOST_ADMIN_PASSWORD."_s,
        u"email"_s};
    QCommandLineOption contactRate{u"contact-rate"_s, u"Contact form posts per minute per address (0 = no limit)."_s,
                                   u"n"_s, u"10"_s};
    QCommandLineOption loginRate{u"login-rate"_s, u"Sign-in attempts per minute per address (0 = no limit)."_s, u"n"_s,
                                 u"30"_s};
    QCommandLineOption maxBody{u"max-body"_s, u"Largest request body in bytes."_s, u"bytes"_s, u"1048576"_s};
    QCommandLineOption trustedProxy{u"trusted-proxy"_s,
                                    u"A reverse proxy whose X-Forwarded-For is believed (repeatable)."_s,
                                    u"address"_s};
    QCommandLineOption allowedOrigin{u"allowed-origin"_s,
                                     u"A web origin allowed to open the push channel (repeatable)."_s, u"origin"_s};
    QCommandLineOption slaCheck{u"sla-check-interval"_s, u"Seconds between looks for SLA risks and breaches."_s,
                                u"seconds"_s, u"30"_s};
    QCommandLineOption slaChunk{u"sla-chunk"_s,
                                u"Tickets the SLA work takes at a time between other requests (rescheduling"
                                " after a policy change, announcing risks)."_s,
                                u"tickets"_s, u"250"_s};
    QCommandLineOption pushPing{u"push-ping-interval"_s,
                                u"Seconds between pings of push connections; one silent for two is dropped."_s,
                                u"seconds"_s, u"30"_s};
    QCommandLineOption dutiesTimeout{u"duties-timeout"_s,
                                     u"With PostgreSQL: seconds an instance doing the periodic duties (SLA checks,"
                                     " mail, the search index) may be silent before another takes them over."_s,
                                     u"seconds"_s, u"30"_s};
    QCommandLineOption publicUrl{u"public-url"_s,
                                 u"Where customers reach this server, for links in mail"
                                 " (default: the address it listens on)."_s,
                                 u"url"_s};
    QCommandLineOption mailDrop{u"mail-drop"_s,
                                u"Without a relay, write outgoing mail into this directory instead"
                                " (with --demo: DATA_DIR/outgoing-mail)."_s,
                                u"dir"_s};
    QCommandLineOption testHooks{u"test-hooks"_s, u"Enable fault injection under /api/v1/test (tests only)."_s};

    QList<QCommandLineOption> all() const
    {
        return {config,       dataDir,       database, listen,   port,     demo,          bootstrapAdmin,
                contactRate,  loginRate,     maxBody,  trustedProxy, allowedOrigin, slaCheck, slaChunk,
                pushPing,     dutiesTimeout, publicUrl, mailDrop, testHooks};
    }
};

// The options a config file gives, as command-line arguments to go before
// the real ones. `name = value` a line; `#` starts a comment; a flag takes
// true/false (yes/no, on/off); a repeatable option may come again.
Expected<QStringList> configArguments(const QString &path, const Options &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error{ErrorCode::InvalidInput, u"Cannot read the config file %1: %2"_s.arg(path, file.errorString()), {}};
    QStringList arguments;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto where = [&]() { return u"%1, line %2: "_s.arg(path).arg(lineNumber); };
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            return Error{ErrorCode::InvalidInput, where() + u"expected \"name = value\"."_s, {}};
        const QString name = line.left(equals).trimmed();
        QString value = line.mid(equals + 1);
        // A comment may follow a value after white space.
        static const QRegularExpression trailingComment(u"\\s+#.*$"_s);
        value.remove(trailingComment);
        value = value.trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        const QList<QCommandLineOption> all = options.all();
        const auto option = std::find_if(all.cbegin(), all.cend(),
                                         [&name](const QCommandLineOption &o) { return o.names().contains(name); });
        if (option == all.cend() || name == u"config")
            return Error{ErrorCode::InvalidInput, where() + u"there is no option \"%1\"."_s.arg(name), {}};
        if (option->valueName().isEmpty()) {
            const QString flag = value.toLower();
            if (flag == u"true" || flag == u"yes" || flag == u"on")
                arguments.append(u"--"_s + name);
            else if (flag != u"false" && flag != u"no" && flag != u"off")
                return Error{ErrorCode::InvalidInput, where() + u"%1 takes true or false."_s.arg(name), {}};
            continue;
        }
        arguments.append(u"--%1=%2"_s.arg(name, value));
    }
    return arguments;
}

Expected<Settings> settingsFrom(const QCommandLineParser &parser, const Options &options)
{
    const auto invalid = [](const QString &message) { return Error{ErrorCode::InvalidInput, message, {}}; };
    Settings settings;
    bool ok = false;
    settings.port = parser.value(options.port).toInt(&ok);
    if (!ok || settings.port < 0 || settings.port > 65535)
        return invalid(u"--port needs a number from 0 to 65535."_s);
    settings.address = QHostAddress(parser.value(options.listen));
    if (settings.address.isNull())
        return invalid(u"--listen needs an IP address, such as 127.0.0.1."_s);
    ServerConfig &config = settings.config;
    config.contactPerMinute = parser.value(options.contactRate).toInt(&ok);
    if (!ok || config.contactPerMinute < 0)
        return invalid(u"--contact-rate needs a number, 0 or more."_s);
    config.loginPerMinute = parser.value(options.loginRate).toInt(&ok);
    if (!ok || config.loginPerMinute < 0)
        return invalid(u"--login-rate needs a number, 0 or more."_s);
    config.maxBodyBytes = parser.value(options.maxBody).toLongLong(&ok);
    if (!ok || config.maxBodyBytes < 1024)
        return invalid(u"--max-body needs a number of bytes, 1024 or more."_s);
    for (const QString &proxy : parser.values(options.trustedProxy)) {
        const QHostAddress proxyAddress(proxy);
        if (proxyAddress.isNull())
            return invalid(u"--trusted-proxy needs an IP address."_s);
        config.trustedProxies.append(proxyAddress);
    }
    config.allowedOrigins = parser.values(options.allowedOrigin);
    config.slaCheckSeconds = parser.value(options.slaCheck).toInt(&ok);
    if (!ok || config.slaCheckSeconds < 1 || config.slaCheckSeconds > 3600)
        return invalid(u"--sla-check-interval needs a number of seconds from 1 to 3600."_s);
    config.slaChunk = parser.value(options.slaChunk).toInt(&ok);
    if (!ok || config.slaChunk < 1 || config.slaChunk > 100'000)
        return invalid(u"--sla-chunk needs a number of tickets from 1 to 100000."_s);
    config.pushPingSeconds = parser.value(options.pushPing).toInt(&ok);
    if (!ok || config.pushPingSeconds < 1 || config.pushPingSeconds > 3600)
        return invalid(u"--push-ping-interval needs a number of seconds from 1 to 3600."_s);
    config.dutiesTimeoutSeconds = parser.value(options.dutiesTimeout).toInt(&ok);
    if (!ok || config.dutiesTimeoutSeconds < 3 || config.dutiesTimeoutSeconds > 3600)
        return invalid(u"--duties-timeout needs a number of seconds from 3 to 3600."_s);
    config.testHooks = parser.isSet(options.testHooks);
    settings.dataDir = parser.value(options.dataDir);
    if (settings.dataDir.isEmpty())
        return invalid(u"--data-dir needs a directory."_s);
    settings.database = parser.value(options.database).trimmed();
    if (!settings.database.isEmpty()) {
        const QUrl url(settings.database, QUrl::StrictMode);
        if (!Database::isPostgresUrl(settings.database) || !url.isValid() || url.path().size() < 2)
            return invalid(u"--database needs a PostgreSQL URL such as postgresql://signpost@localhost/signpost."_s);
    }
    settings.demo = parser.isSet(options.demo);
    config.mailDropDir = parser.value(options.mailDrop);
    if (config.mailDropDir.isEmpty() && settings.demo)
        config.mailDropDir = QDir(settings.dataDir).filePath(u"outgoing-mail"_s);
    settings.publicBase = parser.value(options.publicUrl).trimmed();
    while (settings.publicBase.endsWith(u'/'))
        settings.publicBase.chop(1);
    if (!settings.publicBase.isEmpty()) {
        const QUrl url(settings.publicBase, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
            return invalid(u"--public-url needs a URL such as https://help.example.com."_s);
    }
    settings.bootstrapAdmin = parser.value(options.bootstrapAdmin);
    return settings;
}

// Whether the server could make or use its data directory.
Status checkDataDir(const QString &path)
{
    QFileInfo info(path);
    if (info.exists()) {
        if (!info.isDir() || !info.isWritable())
            return Error{ErrorCode::InvalidInput, u"The data directory %1 is not a writable directory."_s.arg(path), {}};
        return ok();
    }
    QFileInfo parent(info.absolutePath());
    while (!parent.exists() && parent.absoluteFilePath() != parent.absolutePath())
        parent = QFileInfo(parent.absolutePath());
    if (!parent.isDir() || !parent.isWritable())
        return Error{ErrorCode::InvalidInput,
                     u"The data directory %1 does not exist and cannot be made in %2."_s.arg(path, parent.absoluteFilePath()),
                     {}};
    return ok();
}

// `signpost-server check-config`: the options as the server would take them,
// or what is wrong with them; nothing is opened or bound.
int printSettings(const Settings &settings)
{
    const ServerConfig &config = settings.config;
    QStringList proxies;
    for (const QHostAddress &proxy : config.trustedProxies)
        proxies.append(proxy.toString());
    QTextStream out(stdout);
    out << "The configuration is valid.\n"
        << "data-dir = " << settings.dataDir << "\n"
        << "database = "
        << (settings.database.isEmpty() ? u"(the embedded store in the data directory)"_s
                                        : QUrl(settings.database).toDisplayString(QUrl::RemovePassword))
        << "\n"
        << "listen = " << settings.address.toString() << "\n"
        << "port = " << settings.port << "\n"
        << "public-url = " << (settings.publicBase.isEmpty() ? u"(the address it listens on)"_s : settings.publicBase)
        << "\n"
        << "contact-rate = " << config.contactPerMinute << "\n"
        << "login-rate = " << config.loginPerMinute << "\n"
        << "max-body = " << config.maxBodyBytes << "\n"
        << "trusted-proxy = " << (proxies.isEmpty() ? u"(none)"_s : proxies.join(u", "_s)) << "\n"
        << "allowed-origin = " << (config.allowedOrigins.isEmpty() ? u"(none)"_s : config.allowedOrigins.join(u", "_s))
        << "\n"
        << "sla-check-interval = " << config.slaCheckSeconds << "\n"
        << "sla-chunk = " << config.slaChunk << "\n"
        << "push-ping-interval = " << config.pushPingSeconds << "\n"
        << "duties-timeout = " << config.dutiesTimeoutSeconds << "\n"
        << "mail-drop = " << (config.mailDropDir.isEmpty() ? u"(none)"_s : config.mailDropDir) << "\n"
        << "demo = " << (settings.demo ? "true" : "false") << "\n"
        << "test-hooks = " << (config.testHooks ? "true" : "false") << Qt::endl;
    return 0;
}

// Where --config names the file (before the parser runs: the file's options
// go in front of the command line's).
QString configPath(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == u"--config")
            return arguments.value(i + 1);
        if (arguments[i].startsWith(u"--config="))
            return arguments[i].mid(9);
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"signpost-server"_s);
    QCoreApplication::setOrganizationName(u"Signpost"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(SIGNPOST_VERSION));
    Wording::installForRequests();
    QStringList arguments = app.arguments();
    // `signpost-server deliver`: one message from a local MTA to the running server.
    if (arguments.value(1) == u"deliver")
        return deliver(arguments.mid(1));
    // `signpost-server migrate --from DATA_DIR --to postgresql://…`.
    if (arguments.value(1) == u"migrate")
        return migrateStore(arguments.mid(1));
    // `signpost-server check-config [options]`: validate, print, stop.
    const bool checkOnly = arguments.value(1) == u"check-config";
    if (checkOnly)
        arguments.removeAt(1);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Signpost helpdesk server. Prints its base URL on stdout once it is ready to serve.\n"
        "signpost-server check-config [options] validates the options (and --config file) and prints them.\n"
        "signpost-server migrate --from DATA_DIR --to postgresql://… copies an embedded store into PostgreSQL."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const Options options;
    parser.addOptions(options.all());
    if (const QString path = configPath(arguments); !path.isEmpty()) {
        const Expected<QStringList> fromFile = configArguments(path, options);
        if (!fromFile)
            return fail(fromFile.error().message);
        arguments = arguments.mid(0, 1) + *fromFile + arguments.mid(1);
    }
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty())
        return fail(u"Unknown command %1: the commands are check-config, migrate and deliver."_s.arg(
            parser.positionalArguments().constFirst()));
    const Expected<Settings> read = settingsFrom(parser, options);
    if (!read)
        return fail(read.error().message);
    Settings settings = *read;
    if (checkOnly) {
        if (Status usable = checkDataDir(settings.dataDir); !usable)
            return fail(usable.error().message);
        return printSettings(settings);
    }
    ServerConfig &config = settings.config;

    if (!Secrets::initialise())
        return fail(u"libsodium could not be initialised."_s);

    const QString directory = settings.dataDir;
    if (!QDir().mkpath(directory))
        return fail(u"Cannot create the data directory %1."_s.arg(directory));
    Expected<std::unique_ptr<Database>> db =
        settings.database.isEmpty() ? Database::open(QDir(directory).filePath(u"signpost.sqlite3"_s))
                                    : Database::openPostgres(QUrl(settings.database), directory);
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

    ApiServer server(**db, config);
    QTextStream err(stderr);
    QStringList logins;
    if (settings.demo) {
        Expected<QStringList> seeded = DemoData::seed(server);
        if (!seeded)
            return fail(u"Cannot seed demo data: "_s + seeded.error().message);
        logins = *seeded;
    }

    if (!settings.bootstrapAdmin.isEmpty()) {
        const QString password = qEnvironmentVariable("SIGNPOST_ADMIN_PASSWORD");
        if (Status created = server.accounts().bootstrapAdmin(settings.bootstrapAdmin, password); !created)
            return fail(u"Cannot create the admin: "_s + created.error().message);
    }

    // Before the address is out: whoever starts the server may stop it as
    // soon as they read it. A signal before the event loop runs waits for it.
    quitOnSignals(app);
    const quint16 bound = server.listen(settings.address, static_cast<quint16>(settings.port));
    if (bound == 0)
        return fail(u"Cannot listen on %1:%2."_s.arg(settings.address.toString()).arg(settings.port));
    const QString host = settings.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(settings.address.toString())
                             : settings.address.toString();
    const QString base = u"http://%1:%2"_s.arg(host).arg(bound);
    server.email().setPublicUrl(settings.publicBase.isEmpty() ? base : settings.publicBase);

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

    const int status = app.exec();
    qCInfo(lcServer) << "Stopped";
    return status;
}
