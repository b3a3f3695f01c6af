#include "benchsupport.h"

#include "devsupport/postgrescluster.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Signpost::Bench {

void evictFromPageCache(const QString &path)
{
    for (const QString &file : {path, path + u"-wal"_s, path + u"-shm"_s}) {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

void say(const QString &line)
{
    QTextStream out(stdout);
    out << line << Qt::endl;
}

void die(const QString &line)
{
    QTextStream(stderr) << "error: " << line << Qt::endl;
    std::exit(1);
}

// ---------------------------------------------------------------------------
// The server process

QString ServerProcess::defaultBinary()
{
    return QStringLiteral(SIGNPOST_SERVER_BINARY);
}

bool ServerProcess::start(const QString &binary, const QString &dataDir, const QStringList &extraArguments)
{
    if (dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(u"signpost-bench-XXXXXX"_s));
        if (!m_tempDir->isValid())
            return false;
        m_dataDir = m_tempDir->path();
    } else {
        m_dataDir = dataDir;
    }
    return m_server.start({binary, m_dataDir, QString::fromLatin1(AdminEmail), QString::fromLatin1(AdminPassword),
                           extraArguments});
}

namespace {

// utime + stime (and, with `waited`, cutime + cstime) of one process.
double statCpuSeconds(qint64 pid, bool waited, qint64 *parent = nullptr)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the command name, which is in parentheses and may hold
    // spaces: state, ppid, ... utime and stime are fields 14 and 15 of the
    // whole line (11 and 12 here), cutime and cstime 16 and 17.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return 0;
    if (parent)
        *parent = fields[1].toLongLong();
    qint64 ticks = fields[11].toLongLong() + fields[12].toLongLong();
    if (waited)
        ticks += fields[13].toLongLong() + fields[14].toLongLong();
    return double(ticks) / double(::sysconf(_SC_CLK_TCK));
}

} // namespace

double ServerProcess::cpuSeconds() const
{
    return m_server.isRunning() ? statCpuSeconds(m_server.pid(), false) : 0;
}

double processTreeCpuSeconds(qint64 pid)
{
    if (pid <= 0)
        return 0;
    double seconds = statCpuSeconds(pid, true);
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool number = false;
        const qint64 child = entry.toLongLong(&number);
        qint64 parent = 0;
        if (number && child != pid) {
            const double used = statCpuSeconds(child, false, &parent);
            if (parent == pid)
                seconds += used;
        }
    }
    return seconds;
}

namespace {

PostgresCluster *benchCluster()
{
    static PostgresCluster cluster;
    if (!cluster.isRunning()
        && !cluster.start({u"synchronous_commit=off"_s, u"max_connections=200"_s, u"shared_buffers=256MB"_s}))
        die(u"PostgreSQL did not start: "_s + cluster.error());
    return &cluster;
}

} // namespace

BenchStore::BenchStore(const QString &engine)
    : m_postgres(engine == u"postgresql")
{
    if (!m_postgres && engine != u"sqlite")
        die(u"--store is sqlite or postgresql"_s);
}

QStringList BenchStore::serverArguments(const QString &name)
{
    if (!m_postgres)
        return {};
    m_url = benchCluster()->createDatabase(name);
    if (m_url.isEmpty())
        die(benchCluster()->error());
    return {u"--database"_s, m_url};
}

double BenchStore::databaseCpuSeconds() const
{
    return m_postgres ? processTreeCpuSeconds(benchCluster()->pid()) : 0;
}

double ownCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() < 3 ? u"unknown"_s
                             : QString::fromLatin1(fields[0] + ' ' + fields[1] + ' ' + fields[2]);
}

StealMeter::StealMeter()
    : m_start(read())
{
}

std::pair<quint64, quint64> StealMeter::read()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {0, 0};
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    if (fields.size() < 9 || fields[0] != "cpu")
        return {0, 0};
    quint64 all = 0;
    for (qsizetype i = 1; i <= 8; ++i)
        all += fields[i].toULongLong();
    return {fields[8].toULongLong(), all};
}

double StealMeter::share() const
{
    const auto [steal, all] = read();
    if (all == 0)
        return -1;
    if (all <= m_start.second)
        return 0; // not a tick since
    return double(steal - m_start.first) / double(all - m_start.second);
}

// ---------------------------------------------------------------------------
// HTTP

qint64 clockNs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.nsecsElapsed();
}

QJsonObject HttpResponse::json() const
{
    return QJsonDocument::fromJson(body).object();
}

HttpConnection::HttpConnection(const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(baseUrl)
    , m_hostHeader(baseUrl.host().toLatin1() + ':' + QByteArray::number(baseUrl.port()))
{
    m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(&m_socket, &QTcpSocket::connected, this, [this]() {
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (!m_pending.isEmpty())
            m_socket.write(std::exchange(m_pending, {}));
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            fail(m_socket.errorString());
    });
}

void HttpConnection::request(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                             const QByteArray &token, Callback done)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_done = std::move(done);
    m_response = HttpResponse{};
    m_in.clear();
    m_headersDone = false;
    m_chunked = false;
    m_closeAfter = false;
    m_contentLength = -1;

    QByteArray head;
    head.reserve(256 + body.size());
    head += method + ' ' + target + " HTTP/1.1\r\nHost: " + m_hostHeader + "\r\n";
    if (!token.isEmpty())
        head += "Authorization: Bearer " + token + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH") {
        head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    head += "\r\n";
    head += body;

    m_response.sentNs = clockNs();
    if (m_socket.state() == QAbstractSocket::ConnectedState) {
        m_socket.write(head);
    } else {
        m_pending = head;
        if (m_socket.state() == QAbstractSocket::UnconnectedState) {
            ++m_connects;
            m_socket.connectToHost(m_baseUrl.host(), quint16(m_baseUrl.port()));
        }
    }
}

void HttpConnection::onReadyRead()
{
    if (!m_busy) {
        m_socket.readAll(); // nothing asked: ignore
        return;
    }
    if (m_response.firstByteNs == 0)
        m_response.firstByteNs = clockNs();
    m_in += m_socket.readAll();

    if (!m_headersDone) {
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_in.left(end).split('\n');
        const QList<QByteArray> status = lines.first().trimmed().split(' ');
        if (status.size() < 2 || !status[0].startsWith("HTTP/1."))
            return fail(u"not an HTTP answer"_s);
        m_response.status = status[1].toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                m_contentLength = value.toLongLong();
            else if (name == "transfer-encoding" && value.toLower().contains("chunked"))
                m_chunked = true;
            else if (name == "connection" && value.toLower() == "close")
                m_closeAfter = true;
        }
        m_headersDone = true;
        m_bodyStart = end + 4;
    }

    if (m_chunked) {
        // Decode when the terminating chunk is there.
        QByteArray body;
        qsizetype at = m_bodyStart;
        while (true) {
            const qsizetype lineEnd = m_in.indexOf("\r\n", at);
            if (lineEnd < 0)
                return;
            bool ok = false;
            const qint64 size = m_in.mid(at, lineEnd - at).split(';').first().trimmed().toLongLong(&ok, 16);
            if (!ok)
                return fail(u"bad chunk"_s);
            if (size == 0) {
                if (m_in.indexOf("\r\n", lineEnd + 2) < 0)
                    return;
                break;
            }
            if (m_in.size() < lineEnd + 2 + size + 2)
                return;
            body += m_in.mid(lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        m_response.body = std::move(body);
        return finish();
    }
    if (m_contentLength < 0)
        return fail(u"an answer without Content-Length"_s);
    if (m_in.size() - m_bodyStart < m_contentLength)
        return;
    m_response.body = m_in.mid(m_bodyStart, m_contentLength);
    finish();
}

void HttpConnection::finish()
{
    m_response.doneNs = clockNs();
    m_busy = false;
    m_in.clear();
    if (m_closeAfter)
        m_socket.disconnectFromHost();
    // The callback may start the next request on this connection at once.
    Callback done = std::move(m_done);
    HttpResponse response = std::move(m_response);
    done(std::move(response));
}

void HttpConnection::onDisconnected()
{
    if (m_busy)
        fail(u"the server closed the connection"_s);
}

void HttpConnection::fail(const QString &why)
{
    if (!m_busy)
        return;
    m_response.status = 0;
    m_response.error = why;
    m_socket.abort();
    finish();
}

HttpResponse HttpConnection::call(const QByteArray &method, const QByteArray &target, const QByteArray &body,
                                  const QByteArray &token)
{
    QEventLoop loop;
    HttpResponse result;
    bool done = false;
    request(method, target, body, token, [&](HttpResponse &&response) {
        result = std::move(response);
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

HttpResponse HttpConnection::postJson(const QString &path, const QJsonObject &body, const QByteArray &token)
{
    return call("POST", path.toUtf8(), QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

HttpResponse HttpConnection::getJson(const QString &pathAndQuery, const QByteArray &token)
{
    return call("GET", pathAndQuery.toUtf8(), {}, token);
}

// ---------------------------------------------------------------------------
// The helpdesk

namespace {

QString describe(const QString &what, const HttpResponse &response)
{
    return u"%1: HTTP %2 %3 %4"_s.arg(what)
        .arg(response.status)
        .arg(QString::fromUtf8(response.body.left(300)), response.error);
}

QByteArray login(HttpConnection &http, const char *email, const char *password, QString *error)
{
    const HttpResponse response = http.postJson(
        u"/api/v1/auth/login"_s,
        {{u"email"_s, QString::fromLatin1(email)}, {u"password"_s, QString::fromLatin1(password)}});
    if (response.status != 200) {
        *error = describe(u"login %1"_s.arg(QString::fromLatin1(email)), response);
        return {};
    }
    return response.json().value(u"token"_s).toString().toLatin1();
}

} // namespace

QString BenchWorld::departmentName(qint64 id) const
{
    if (id == support)
        return u"Support"_s;
    if (id == returns)
        return u"Returns"_s;
    if (id == billing)
        return u"Billing"_s;
    if (id == shipping)
        return u"Shipping"_s;
    return u"department %1"_s.arg(id);
}

std::optional<BenchWorld> BenchWorld::create(HttpConnection &http, QString *error)
{
    BenchWorld world;
    world.adminToken = login(http, AdminEmail, AdminPassword, error);
    if (world.adminToken.isEmpty())
        return std::nullopt;
    const QByteArray &admin = world.adminToken;

    HttpResponse response =
        http.postJson(u"/api/v1/shops"_s, {{u"slug"_s, u"bench"_s}, {u"name"_s, u"Bench Outfitters"_s}}, admin);
    if (response.status != 201) {
        *error = describe(u"shop"_s, response);
        return std::nullopt;
    }
    world.shop = response.json().value(u"id"_s).toInteger();

    for (const auto &[name, isDefault, target] :
         {std::tuple{u"Support"_s, true, &world.support}, std::tuple{u"Returns"_s, false, &world.returns},
          std::tuple{u"Billing"_s, false, &world.billing}, std::tuple{u"Shipping"_s, false, &world.shipping}}) {
        response = http.postJson(u"/api/v1/departments"_s,
                                 {{u"name"_s, name},
                                  {u"public_label"_s, name},
                                  {u"sender_name"_s, name + u" at Bench Outfitters"_s},
                                  {u"signature"_s, u"-- \n"_s + name + u" team"_s},
                                  {u"is_default"_s, isDefault},
                                  {u"shops"_s, QJsonArray{world.shop}},
                                  {u"addresses"_s, QJsonArray{name.toLower() + u"@bench.example"_s}}},
                                 admin);
        if (response.status != 201) {
            *error = describe(u"department "_s + name, response);
            return std::nullopt;
        }
        *target = response.json().value(u"id"_s).toInteger();
    }

    // Keyword rules (whole words, any case), one a regular expression, in
    // subject and body; the first that matches wins.
    const QList<QJsonObject> rules{
        {{u"name"_s, u"Refunds and returns"_s},
         {u"department"_s, world.returns},
         {u"pattern"_s, u"refund, money back, return label, send it back"_s}},
        {{u"name"_s, u"Invoices"_s},
         {u"department"_s, world.billing},
         {u"pattern"_s, u"invoice, receipt, vat, billing"_s}},
        {{u"name"_s, u"Where is my parcel"_s},
         {u"department"_s, world.shipping},
         {u"field"_s, u"subject"_s},
         {u"is_regex"_s, true},
         {u"pattern"_s, u"(track(ing)?|deliver(y|ed)|parcel|courier)"_s}},
    };
    for (const QJsonObject &rule : rules) {
        response = http.postJson(u"/api/v1/routing-rules"_s, rule, admin);
        if (response.status != 201) {
            *error = describe(u"routing rule"_s, response);
            return std::nullopt;
        }
    }

    response = http.postJson(u"/api/v1/agents"_s,
                             {{u"email"_s, QString::fromLatin1(AgentEmail)},
                              {u"name"_s, u"Sam Support"_s},
                              {u"password"_s, QString::fromLatin1(AgentPassword)}},
                             admin);
    if (response.status != 201) {
        *error = describe(u"agent"_s, response);
        return std::nullopt;
    }
    world.agent = response.json().value(u"id"_s).toInteger();
    response = http.call("PUT", u"/api/v1/agents/%1/memberships/%2"_s.arg(world.agent).arg(world.support).toUtf8(),
                         R"({"role":"member"})", admin);
    if (response.status != 200) {
        *error = describe(u"membership"_s, response);
        return std::nullopt;
    }
    world.agentToken = login(http, AgentEmail, AgentPassword, error);
    if (world.agentToken.isEmpty())
        return std::nullopt;
    return world;
}

std::optional<BenchWorld> BenchWorld::reopen(HttpConnection &http, QString *error)
{
    BenchWorld world;
    world.adminToken = login(http, AdminEmail, AdminPassword, error);
    if (world.adminToken.isEmpty())
        return std::nullopt;
    world.agentToken = login(http, AgentEmail, AgentPassword, error);
    if (world.agentToken.isEmpty())
        return std::nullopt;
    const HttpResponse shops = http.getJson(u"/api/v1/shops"_s, world.adminToken);
    for (const QJsonValue &shop : shops.json().value(u"shops"_s).toArray()) {
        if (shop.toObject().value(u"slug"_s).toString() == u"bench")
            world.shop = shop.toObject().value(u"id"_s).toInteger();
    }
    const HttpResponse departments = http.getJson(u"/api/v1/departments"_s, world.adminToken);
    for (const QJsonValue &value : departments.json().value(u"departments"_s).toArray()) {
        const QJsonObject department = value.toObject();
        const QString name = department.value(u"name"_s).toString();
        const qint64 id = department.value(u"id"_s).toInteger();
        if (name == u"Support")
            world.support = id;
        else if (name == u"Returns")
            world.returns = id;
        else if (name == u"Billing")
            world.billing = id;
        else if (name == u"Shipping")
            world.shipping = id;
    }
    const HttpResponse me = http.getJson(u"/api/v1/me"_s, world.agentToken);
    world.agent = me.json().value(u"id"_s).toInteger();
    if (world.shop == 0 || world.support == 0 || world.returns == 0 || world.billing == 0 || world.shipping == 0
        || world.agent == 0) {
        *error = u"the store was not made by this benchmark"_s;
        return std::nullopt;
    }
    return world;
}

QHash<qint64, qint64> BenchWorld::ticketCounts(HttpConnection &http) const
{
    // Through the admin's sync feed: listings count exactly only up to a
    // bound, the feed holds every ticket.
    QHash<qint64, qint64> counts;
    QString cursor;
    for (bool more = true; more;) {
        const HttpResponse page = http.getJson(u"/api/v1/sync?limit=2000&cursor=%1"_s.arg(cursor), adminToken);
        if (page.status != 200)
            return {};
        const QJsonObject json = page.json();
        for (const QJsonValue &ticket : json.value(u"tickets"_s).toArray())
            counts[ticket.toObject().value(u"department"_s).toInteger()] += 1;
        cursor = json.value(u"cursor"_s).toString();
        more = json.value(u"has_more"_s).toBool();
    }
    return counts;
}

// ---------------------------------------------------------------------------
// Tickets

QList<QByteArray> makeIntakeBodies(qint64 shop, qsizetype count, double ruleShare, quint32 seed)
{
    static const QStringList firstNames{u"Alex"_s, u"Maria"_s, u"Jonas"_s, u"Priya"_s, u"Chen"_s, u"Fatima"_s,
                                        u"Lukas"_s, u"Sofia"_s, u"Kwame"_s, u"Élodie"_s, u"Mateo"_s, u"Ingrid"_s};
    static const QStringList lastNames{u"Schmidt"_s, u"García"_s, u"Okafor"_s, u"Nakamura"_s, u"Novak"_s,
                                       u"Jensen"_s, u"Rossi"_s, u"Kowalski"_s, u"Haddad"_s, u"Müller"_s};
    // Subjects and openings no rule matches: these go to the default department.
    static const QStringList plainSubjects{u"Question about sizing"_s, u"Zip broke after two weeks"_s,
                                           u"Which tent for the Alps?"_s, u"Account login does not work"_s,
                                           u"Change my address please"_s, u"Product availability"_s,
                                           u"Is the jacket waterproof?"_s, u"Discount code not accepted"_s};
    // Subjects a rule matches, with the department the rule routes to.
    static const QStringList ruleSubjects{u"I want a refund for order"_s, u"Please send the invoice again"_s,
                                          u"Tracking number shows nothing"_s, u"Need a return label"_s,
                                          u"VAT missing on my receipt"_s, u"Parcel not delivered yet"_s};
    static const QStringList sentences{
        u"I ordered the item last week and have a question about it."_s,
        u"The colour looks different from the pictures on your website."_s,
        u"Could you tell me whether it is still covered by the warranty?"_s,
        u"I have attached a description of the problem below."_s,
        u"It happened on the second day of a hiking trip in the mountains."_s,
        u"My friend bought the same model and did not have this issue."_s,
        u"Please let me know what the next steps are."_s,
        u"I am happy to send photos if that helps."_s,
        u"Thank you for your help, I really like your shop."_s,
        u"The size chart says M but it fits like an S."_s,
    };

    QRandomGenerator random(seed);
    QList<QByteArray> bodies;
    bodies.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const QString first = firstNames[random.bounded(int(firstNames.size()))];
        const QString last = lastNames[random.bounded(int(lastNames.size()))];
        const bool matched = random.generateDouble() < ruleShare;
        const QString subject = matched ? ruleSubjects[random.bounded(int(ruleSubjects.size()))]
                                        : plainSubjects[random.bounded(int(plainSubjects.size()))];
        QStringList message;
        const int length = 3 + random.bounded(5); // 3 to 7 sentences, about 150 to 450 characters
        for (int s = 0; s < length; ++s)
            message.append(sentences[random.bounded(int(sentences.size()))]);
        message.append(u"\n\nKind regards,\n"_s + first);
        QJsonObject json{
            {u"shop"_s, shop},
            {u"name"_s, first + u' ' + last},
            {u"email"_s, u"%1.%2.%3@example.com"_s.arg(first.toLower(), last.toLower()).arg(random.bounded(100000))},
            {u"subject"_s, subject},
            {u"message"_s, message.join(u' ')},
        };
        if (random.bounded(2) == 0)
            json.insert(u"order_number"_s, u"BO-%1"_s.arg(100000 + random.bounded(900000)));
        bodies.append(QJsonDocument(json).toJson(QJsonDocument::Compact));
    }
    return bodies;
}

void IntakeOutcome::count(int status, const QJsonObject &answer, const QString &failure)
{
    if (status != 201) {
        ++failed;
        if (firstFailure.isEmpty())
            firstFailure = failure;
        return;
    }
    ++created;
    const qint64 ticket = answer.value(u"ticket"_s).toInteger();
    byDepartment[answer.value(u"routing"_s).toObject().value(u"department"_s).toInteger()] += 1;
    if (firstTicket == 0 || ticket < firstTicket)
        firstTicket = ticket;
    lastTicket = std::max(lastTicket, ticket);
}

IntakeOutcome postIntake(const QList<HttpConnection *> &connections, const QList<QByteArray> &bodies, double perSecond)
{
    IntakeOutcome outcome;
    qsizetype next = 0;
    qsizetype answered = 0;
    QEventLoop loop;
    QElapsedTimer timer;
    std::function<void(HttpConnection *)> sendNext = [&](HttpConnection *connection) {
        const int lane = int(connections.indexOf(connection));
        if (next >= bodies.size())
            return;
        if (perSecond > 0) {
            // Paced: ticket n goes out no earlier than n / rate seconds in.
            const qint64 due = qint64(double(next) * 1000.0 / perSecond) - timer.elapsed();
            if (due > 0) {
                QTimer::singleShot(std::chrono::milliseconds(due), Qt::PreciseTimer, &loop,
                                   [&sendNext, connection]() { sendNext(connection); });
                return;
            }
        }
        const QByteArray &body = bodies[next++];
        connection->request("POST", "/api/v1/public/intake", body, {}, [&, connection, lane](HttpResponse &&response) {
            ++answered;
            // Parsing is cheap enough next to the server's work.
            const QJsonObject answer = response.status == 201 ? response.json() : QJsonObject{};
            outcome.count(response.status, answer, response.status == 201 ? QString() : describe(u"intake"_s, response));
            if (response.status == 201) {
                outcome.sentNs.insert(answer.value(u"ticket"_s).toInteger(), response.sentNs);
                outcome.answeredNs.insert(answer.value(u"ticket"_s).toInteger(), response.doneNs);
                outcome.lane.insert(answer.value(u"ticket"_s).toInteger(), lane);
            }
            if (answered == bodies.size())
                loop.quit();
            else
                sendNext(connection);
        });
    };
    timer.start();
    for (HttpConnection *connection : connections)
        sendNext(connection);
    if (answered < bodies.size())
        loop.exec();
    outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
    return outcome;
}

// ---------------------------------------------------------------------------
// Statistics and options

double percentile(QList<double> values, double share)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min<qsizetype>(values.size() - 1, qsizetype(share * double(values.size())))];
}

Summary summarize(QList<double> values)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return Summary{median, values.first(), values.last()};
}

QString formatSummary(const Summary &summary, int precision)
{
    return u"median %1 (min %2, max %3)"_s.arg(summary.median, 0, 'f', precision)
        .arg(summary.min, 0, 'f', precision)
        .arg(summary.max, 0, 'f', precision);
}

Options::Options(const QStringList &arguments, const QHash<QString, QString> &defaults, const QString &usage)
    : m_values(defaults)
    , m_usage(usage)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == u"--help" || argument == u"-h") {
            say(usage);
            std::exit(0);
        }
        if (!argument.startsWith(u"--") || !defaults.contains(argument.mid(2)) || i + 1 >= arguments.size())
            die(u"unknown or incomplete option %1\n%2"_s.arg(argument, usage));
        m_values.insert(argument.mid(2), arguments[++i]);
    }
}

qint64 Options::number(const QString &name) const
{
    bool ok = false;
    const qint64 value = m_values.value(name).toLongLong(&ok);
    if (!ok)
        die(u"--%1 needs a number\n%2"_s.arg(name, m_usage));
    return value;
}

QList<qint64> Options::numbers(const QString &name) const
{
    QList<qint64> list;
    for (const QString &part : m_values.value(name).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        list.append(part.trimmed().toLongLong(&ok));
        if (!ok)
            die(u"--%1 needs numbers separated by commas\n%2"_s.arg(name, m_usage));
    }
    return list;
}

} // namespace Signpost::Bench
