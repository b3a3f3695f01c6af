#include "server/storage/postgreslistener.h"

#include "server/logging.h"

#include <libpq-fe.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

constexpr int ConnectTimeoutMs = 10'000;
constexpr int LongestWaitMs = 10'000;

} // namespace

PostgresListener::PostgresListener(const QString &url, const QString &channel, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_channel(channel)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &PostgresListener::connectNow);
    // libpq's connect_timeout holds for blocking connects only.
    m_connectDeadline.setSingleShot(true);
    m_connectDeadline.setInterval(ConnectTimeoutMs);
    connect(&m_connectDeadline, &QTimer::timeout, this, [this]() { lose(u"the connection took too long"_s); });
}

PostgresListener::~PostgresListener()
{
    m_notifier.reset();
    if (m_conn)
        PQfinish(m_conn);
}

void PostgresListener::start()
{
    connectNow();
}

void PostgresListener::connectNow()
{
    m_state = State::Connecting;
    const QByteArray url = m_url.toUtf8();
    // The URL's own parameters first; keepalives find a peer that went
    // away without a word (TCP only).
    const char *const keywords[] = {"dbname", "application_name", "keepalives_idle", "keepalives_interval",
                                    "keepalives_count", nullptr};
    const char *const values[] = {url.constData(), "signpost-listener", "30", "10", "3", nullptr};
    m_conn = PQconnectStartParams(keywords, values, 1);
    if (!m_conn || PQstatus(m_conn) == CONNECTION_BAD) {
        lose(m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed() : u"out of memory"_s);
        return;
    }
    m_connectDeadline.start();
    // As libpq asks: the first wait is for the socket to be writable.
    watch(QSocketNotifier::Write);
}

void PostgresListener::watch(QSocketNotifier::Type type)
{
    m_notifier = std::make_unique<QSocketNotifier>(PQsocket(m_conn), type);
    connect(m_notifier.get(), &QSocketNotifier::activated, this,
            [this]() { m_state == State::Connecting ? advanceConnect() : readable(); });
}

void PostgresListener::advanceConnect()
{
    switch (PQconnectPoll(m_conn)) {
    case PGRES_POLLING_READING:
        watch(QSocketNotifier::Read);
        return;
    case PGRES_POLLING_WRITING:
        watch(QSocketNotifier::Write);
        return;
    case PGRES_POLLING_FAILED:
        lose(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
        return;
    default:
        break;
    }
    // Connected: subscribe, and read the answer as it comes.
    const QByteArray listen = "LISTEN \"" + m_channel.toUtf8() + '"';
    if (PQsetnonblocking(m_conn, 1) != 0 || !PQsendQuery(m_conn, listen.constData())) {
        lose(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
        return;
    }
    m_state = State::Subscribing;
    watch(QSocketNotifier::Read);
    PQflush(m_conn);
}

void PostgresListener::readable()
{
    if (!PQconsumeInput(m_conn)) {
        lose(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
        return;
    }
    if (m_state == State::Subscribing) {
        while (!PQisBusy(m_conn)) {
            PGresult *result = PQgetResult(m_conn);
            if (!result) {
                m_connectDeadline.stop();
                m_state = State::Listening;
                m_failures = 0;
                const bool again = std::exchange(m_everListened, true);
                if (again)
                    qCInfo(lcStore) << "Listening to the other instances again";
                Q_EMIT listening(again);
                break;
            }
            const bool failed = PQresultStatus(result) != PGRES_COMMAND_OK;
            const QString why = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
            PQclear(result);
            if (failed) {
                lose(why);
                return;
            }
        }
    }
    while (PGnotify *notify = PQnotifies(m_conn)) {
        const QString payload = QString::fromUtf8(notify->extra);
        const bool ours = m_channel == QString::fromUtf8(notify->relname);
        PQfreemem(notify);
        if (ours)
            Q_EMIT notified(payload);
    }
}

void PostgresListener::lose(const QString &why)
{
    m_connectDeadline.stop();
    m_notifier.reset();
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
    const bool wasListening = m_state == State::Listening;
    m_state = State::Idle;
    const int wait = std::min(LongestWaitMs, 1000 << std::min(m_failures++, 4));
    if (wasListening || m_failures == 1)
        qCWarning(lcStore) << "Not listening to the other instances:" << why << "- trying again every few seconds";
    m_retry.start(wait);
}

} // namespace Signpost
