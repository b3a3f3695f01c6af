#include "sync/syncengine.h"

#include "core/timestamps.h"

#include "sync/logging.h"

#include <QCoroSignal>
#include <QCoroTimer>
#include <QDateTime>
#include <QMimeDatabase>
#include <QFile>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Signpost {

SyncEngine::SyncEngine(LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(&m_push, &PushChannel::poked, this, [this]() {
        requestWake();
    });
    connect(&m_push, &PushChannel::connectedChanged, this, [this](bool connected) {
        // Pull on every (re)connect: pokes may have been missed meanwhile.
        if (connected && m_state == State::Offline)
            setState(State::Syncing);
        requestWake();
    });
    connect(&m_push, &PushChannel::notificationReceived, this, [this](const QJsonObject &notification) {
        Q_EMIT notificationReceived(notification);
        requestWake();
    });
    connect(&m_push, &PushChannel::presenceReceived, this, &SyncEngine::presenceReceived);
    connect(&m_push, &PushChannel::unauthorized, this, [this](const QString &reason) {
        m_running = false;
        m_feed.stop();
        lostAccess(Error{ErrorCode::Unauthorized, tr("You were signed out on the server."), {}, reason});
        requestWake();
    });
    m_wakeTimer.setSingleShot(true);
    // Steps of about 20 ms with room for the agent's input between them: a
    // first sync's segments are merged within a second or two of Live.
    m_tidyTimer.setInterval(std::chrono::milliseconds(10));
    connect(&m_tidyTimer, &QTimer::timeout, this, &SyncEngine::tidySearchIndex);
    updatePending();
}

void SyncEngine::tidySearchIndex()
{
    if (m_state != State::Live) {
        m_tidyTimer.stop(); // again once Live: pages add segments meanwhile
        return;
    }
    const Expected<bool> more = m_store.tidySearchIndex();
    if (!more)
        qCWarning(lcSync) << "Could not tidy the search index:" << more.error().message;
    if (!more || !*more) {
        m_searchUntidy = false;
        m_tidyTimer.stop();
    }
}

SyncEngine::~SyncEngine()
{
    // Let suspended coroutines finish while the engine is still whole.
    m_running = false;
    m_push.stop();
    m_api.abortAll();
    m_feed.stop();
}

void SyncEngine::requestWake()
{
    m_dirty = true;
    m_wakeTimer.start(0);
}

void SyncEngine::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    if (state == State::Live && m_searchUntidy)
        m_tidyTimer.start();
    Q_EMIT stateChanged(state);
}

void SyncEngine::updatePending()
{
    const int pending = m_store.pendingCount();
    if (pending != m_pending) {
        m_pending = pending;
        Q_EMIT pendingCountChanged(pending);
    }
}

QCoro::Task<Status> SyncEngine::signIn(QUrl server, QString email, QString password)
{
    QPointer<SyncEngine> self(this);
    Expected<QJsonObject> answer = co_await m_api.login(server, email, password);
    if (!self)
        co_return stopped();
    if (!answer)
        co_return answer.error();
    if (Status saved = rememberSignIn(server, *answer); !saved)
        co_return saved;
    resume(server, m_api.token());
    co_return ok();
}

Status SyncEngine::rememberSignIn(const QUrl &server, const QJsonObject &answer)
{
    if (Status saved = m_store.setMeta(u"server"_s, server.toString()); !saved)
        return saved;
    return m_store.setMe(Agent::fromJson(answer.value(u"agent"_s).toObject()));
}

Error SyncEngine::stopped()
{
    return Error{ErrorCode::Unavailable, u"Synchronisation stopped."_s, {}};
}

void SyncEngine::resume(const QUrl &server, const QString &token)
{
    m_api.setServer(server);
    m_api.setToken(token);
    m_directoryStale = true;
    m_push.start(server, token);
    setState(State::Syncing);
    start();
}

QCoro::Task<Status> SyncEngine::signOut()
{
    QPointer<SyncEngine> self(this);
    m_running = false;
    m_push.stop();
    m_feed.stop();
    requestWake();
    const Expected<QJsonObject> answer = co_await m_api.post(ApiPath::logout(), QJsonObject());
    if (!self)
        co_return ok();
    finishSignOut();
    if (!answer && answer.error().code != ErrorCode::Unauthorized)
        co_return answer.error();
    co_return ok();
}

void SyncEngine::lostAccess(const Error &why)
{
    // A disabled account may no longer hold its departments' tickets: they
    // go from the cache as a revoked department's would.
    QString message = why.message;
    if (why.reason == u"account_disabled") {
        message = tr("This account is disabled. Ask an admin.");
        if (Status purged = m_store.purgeTickets(); !purged)
            qCWarning(lcSync) << "Cannot clear the cache of a disabled account:" << purged.error().message;
        Q_EMIT ticketsChanged();
    }
    setState(State::SignedOut);
    Q_EMIT signedOut(message);
}

void SyncEngine::finishSignOut()
{
    m_api.setToken({});
    setState(State::SignedOut);
    Q_EMIT signedOut(tr("Signed out."));
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    m_dirty = true;
    // The loop lives as long as the engine runs; it is not awaited, so it
    // logs its own failures.
    QCoro::connect(loop(), this, []() {});
}

Expected<OutboxEntry> SyncEngine::act(Command command)
{
    Expected<OutboxEntry> entry = m_store.enqueue(std::move(command));
    if (entry) {
        updatePending();
        Q_EMIT ticketsChanged();
        requestWake();
    }
    return entry;
}

QCoro::Task<Status> SyncEngine::setAvailable(bool available)
{
    QPointer<SyncEngine> self(this);
    const Expected<QJsonObject> answer = co_await m_api.put(ApiPath::availability(), availabilityBody(available));
    if (!self)
        co_return stopped();
    if (!answer)
        co_return answer.error();
    if (Status saved = m_store.setMe(Agent::fromJson(*answer)); !saved)
        co_return saved;
    requestWake();
    co_return ok();
}

QJsonObject SyncEngine::availabilityBody(bool available)
{
    return QJsonObject{{u"available"_s, available}};
}

Status SyncEngine::discard(qint64 outboxEntryId)
{
    Status done = m_store.discard(outboxEntryId);
    updatePending();
    Q_EMIT ticketsChanged();
    return done;
}

void SyncEngine::syncNow()
{
    requestWake();
}

QCoro::Task<> SyncEngine::loop()
{
    QPointer<SyncEngine> self(this);
    int failures = 0;
    while (self && m_running) {
        m_dirty = false;
        if (m_state != State::Live)
            setState(State::Syncing);
        Status done = co_await flushOutbox();
        if (!self || !m_running)
            co_return;
        if (done && m_directoryStale) {
            done = co_await refreshDirectory();
            if (!self || !m_running)
                co_return;
        }
        if (done) {
            done = co_await pullAll();
            if (!self || !m_running)
                co_return;
        }
        if (done)
            pruneIfDue();
        if (done) {
            done = co_await refreshFigures();
            if (!self || !m_running)
                co_return;
        }
        if (!settle(done, failures))
            co_return;
        if (m_dirty && done)
            continue;
        // One single-shot timer for both the wait and a wake-up: each start
        // fires once, however many wake-ups came meanwhile.
        m_wakeTimer.start(nextWait(done, failures));
        co_await signalled(&m_wakeTimer, &QTimer::timeout);
    }
}

bool SyncEngine::settle(const Status &done, int &failures)
{
    if (done) {
        failures = 0;
        m_lastError.clear();
        setState(State::Live);
        return true;
    }
    if (done.error().code == ErrorCode::Unauthorized) {
        m_running = false;
        m_push.stop();
        m_feed.stop();
        lostAccess(done.error());
        return false;
    }
    ++failures;
    m_lastError = done.error().message;
    qCInfo(lcSync) << "Offline:" << m_lastError;
    setState(State::Offline);
    return true;
}

std::chrono::milliseconds SyncEngine::nextWait(const Status &done, int failures) const
{
    // A command waiting out a pause (see recordResults) wakes the loop when
    // the pause ends, whatever else the loop would wait for.
    std::chrono::milliseconds wait = baseWait(done, failures);
    if (m_outboxHeld)
        wait = std::min(wait, std::chrono::milliseconds(std::max<qint64>(m_outboxRetry.remainingTime(), 0) + 1));
    return wait;
}

std::chrono::milliseconds SyncEngine::baseWait(const Status &done, int failures) const
{
    // Offline: back off, with jitter, up to a minute. Live with push: wait
    // for a poke, polling now and then anyway; without push: poll.
    if (!done) {
        const int base = std::min(60'000, 1000 << std::min(failures - 1, 6));
        return std::chrono::milliseconds(base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1));
    }
    if (m_push.isConnected())
        return std::max(m_pollInterval, std::chrono::milliseconds(60'000));
    return m_pollInterval;
}

QJsonObject SyncEngine::batchOf(const QList<OutboxEntry> &entries)
{
    QJsonArray commands;
    for (const OutboxEntry &entry : entries)
        commands.append(entry.command.toJson());
    return QJsonObject{{u"commands"_s, commands}};
}

Status SyncEngine::recordResults(const QList<OutboxEntry> &batch, const QJsonObject &answer)
{
    Status recorded = ok();
    bool unknown = false;
    const QJsonArray results = answer.value(u"results"_s).toArray();
    for (const OutboxEntry &entry : batch) {
        const auto found = std::find_if(results.cbegin(), results.cend(), [&](const QJsonValue &value) {
            return value.toObject().value(u"id"_s).toString() == entry.command.id;
        });
        const QJsonObject result = found != results.cend() ? found->toObject() : QJsonObject();
        const QString outcome = result.value(u"outcome"_s).toString();
        const QString reason = result.value(u"reason"_s).toString();
        if (!isFinalOutcome(outcome, reason)) {
            // The server could not say (or said nothing of it): the command
            // goes again, same id, after a pause.
            unknown = true;
            continue;
        }
        if (Status done = m_store.recordResult(entry, result); !done) {
            recorded = done;
            continue;
        }
        if (outcome == u"rejected") {
            OutboxEntry rejected = entry;
            rejected.state = OutboxEntry::State::Rejected;
            rejected.reason = reason;
            rejected.message = result.value(u"message"_s).toString();
            rejected.serverTicket = result.value(u"ticket"_s).toObject();
            Q_EMIT commandRejected(rejected);
        }
    }
    updatePending();
    Q_EMIT ticketsChanged();
    // A result the cache could not keep: the loop backs off as a whole.
    if (!recorded)
        return recorded;
    // An unknown outcome: that command goes again after a pause of its own,
    // growing with each try; meanwhile the desk goes on pulling, so one
    // command the server cannot complete never holds up everything else.
    if (unknown) {
        pauseOutbox();
        return ok();
    }
    m_outboxFailures = 0;
    return ok();
}

void SyncEngine::pauseOutbox()
{
    m_outboxFailures = std::min(m_outboxFailures + 1, 7);
    const int base = 500 << m_outboxFailures; // 1 s, 2 s, … about a minute
    const int pause = base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
    m_outboxRetry.setRemainingTime(pause);
}

QCoro::Task<Status> SyncEngine::flushOutbox()
{
    QPointer<SyncEngine> self(this);
    // What the server had of the files is known for this flush only: it
    // forgets uploads nobody named within a week.
    m_uploaded.clear();
    for (;;) {
        // Waiting out a pause after an unknown outcome (see recordResults).
        m_outboxHeld = !m_outboxRetry.hasExpired();
        if (m_outboxHeld)
            co_return ok();
        const QList<OutboxEntry> sendable = m_store.sendable();
        if (sendable.isEmpty())
            co_return ok();
        const Expected<QList<OutboxEntry>> ready = co_await uploadFiles(sendable);
        if (!self || !m_running)
            co_return stopped();
        if (!ready)
            co_return ready.error();
        const QList<OutboxEntry> &batch = *ready;
        if (batch.isEmpty())
            continue; // all refused here: the next commands of their tickets
        QList<qint64> ids;
        for (const OutboxEntry &entry : batch)
            ids.append(entry.id);
        if (Status marked = m_store.markSent(ids); !marked)
            co_return marked;
        const Expected<QJsonObject> answer = co_await m_api.post(ApiPath::commands(), batchOf(batch));
        if (!self || !m_running)
            co_return stopped();
        if (!answer)
            co_return answer.error(); // stays "sent": resent later under the same id
        if (Status recorded = recordResults(batch, *answer); !recorded)
            co_return recorded;
    }
}

namespace {

qint64 directoryVersionOf(const QJsonObject &answer)
{
    return answer.value(u"directory_version"_s).toInteger();
}

// An upload the server will never take as it is.
bool refusesForGood(const Error &error)
{
    return error.code == ErrorCode::PayloadTooLarge || error.code == ErrorCode::InvalidInput
           || error.code == ErrorCode::Forbidden;
}

QJsonArray cannedRepliesOf(const QJsonObject &answer)
{
    return answer.value(u"canned_replies"_s).toArray();
}

} // namespace

QCoro::Task<Expected<QList<OutboxEntry>>> SyncEngine::uploadFiles(QList<OutboxEntry> batch)
{
    QPointer<SyncEngine> self(this);
    QList<OutboxEntry> ready;
    for (const OutboxEntry &entry : batch) {
        bool refused = false;
        for (const OutgoingFile &file : entry.command.attachments) {
            if (m_uploaded.contains(file.sha256))
                continue;
            const Expected<QByteArray> bytes = outgoingBytes(file);
            if (!bytes) {
                if (Status recorded = refuseLocally(entry, bytes.error()); !recorded)
                    co_return recorded.error();
                refused = true;
                break;
            }
            const Expected<QJsonObject> sent = co_await m_api.upload(ApiPath::uploads(), *bytes);
            if (!self || !m_running)
                co_return stopped();
            if (!sent && sent.error().code == ErrorCode::Unauthorized)
                co_return sent.error();
            if (!sent && !refusesForGood(sent.error())) {
                // Not now (a timeout, a failure): the outbox waits a pause
                // of its own, as for an unknown outcome, and the desk goes
                // on pulling meanwhile.
                pauseOutbox();
                co_return ready;
            }
            if (!sent) {
                if (Status recorded = refuseLocally(entry, sent.error()); !recorded)
                    co_return recorded.error();
                refused = true;
                break;
            }
            m_uploaded.insert(file.sha256);
        }
        if (!refused)
            ready.append(entry);
    }
    co_return ready;
}

QString SyncEngine::outgoingPath(const QString &sha256) const
{
    return QDir(m_attachmentDirectory).filePath(u"outgoing/"_s + sha256);
}

Expected<OutgoingFile> SyncEngine::keepOutgoing(const QString &localPath)
{
    QFile source(localPath);
    if (!source.open(QIODevice::ReadOnly))
        return Error::invalid(u"file"_s, u"%1 cannot be read: %2"_s.arg(QFileInfo(localPath).fileName(), source.errorString()));
    if (source.size() > Department::MaxFileBytesCap)
        return Error{ErrorCode::PayloadTooLarge, u"%1 weighs more than the %2 MB any department takes."_s.arg(
                                                     QFileInfo(localPath).fileName())
                                                     .arg(Department::MaxFileBytesCap / (1024 * 1024)),
                     {}};
    const QByteArray data = source.readAll();
    OutgoingFile file;
    file.sha256 = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    file.filename = QFileInfo(localPath).fileName();
    file.contentType = QMimeDatabase().mimeTypeForFileNameAndData(localPath, data).name();
    file.size = data.size();
    const QString kept = outgoingPath(file.sha256);
    if (QFileInfo(kept).size() != data.size()) {
        QDir().mkpath(QFileInfo(kept).absolutePath());
        QSaveFile copy(kept);
        if (!copy.open(QIODevice::WriteOnly) || copy.write(data) != data.size() || !copy.commit())
            return Error{ErrorCode::Internal, u"%1 could not be kept for sending: %2"_s.arg(file.filename, copy.errorString()), {}};
    }
    return file;
}

Expected<QByteArray> SyncEngine::outgoingBytes(const OutgoingFile &file) const
{
    QFile kept(outgoingPath(file.sha256));
    if (!kept.open(QIODevice::ReadOnly))
        return Error::invalid(u"attachments"_s, u"%1 is no longer on this computer; attach it again."_s.arg(file.filename));
    return kept.readAll();
}

Status SyncEngine::refuseLocally(const OutboxEntry &entry, const Error &why)
{
    // As if the server had refused it: the entry stays, with the reason,
    // until the agent deals with it; nothing written is lost.
    const QJsonObject result{{u"id"_s, entry.command.id},
                             {u"outcome"_s, u"rejected"_s},
                             {u"reason"_s, errorCodeName(why.code == ErrorCode::PayloadTooLarge ? ErrorCode::InvalidInput
                                                                                                  : why.code)},
                             {u"message"_s, why.message}};
    Status recorded = m_store.recordResult(entry, result);
    updatePending();
    Q_EMIT ticketsChanged();
    if (recorded) {
        OutboxEntry rejected = entry;
        rejected.state = OutboxEntry::State::Rejected;
        rejected.reason = result.value(u"reason"_s).toString();
        rejected.message = why.message;
        Q_EMIT commandRejected(rejected);
    }
    return recorded;
}

Status SyncEngine::setHistoryWindow(int days)
{
    days = std::max(0, days);
    m_windowDays = days;
    // The cursor belongs to the window it was pulled with: another window
    // starts the cache again from the server.
    const QString kept = m_store.meta(u"window"_s);
    if (kept == QString::number(days))
        return ok();
    if (!kept.isEmpty() || !m_store.cursor().isEmpty()) {
        if (Status purged = m_store.purgeTickets(); !purged)
            return purged;
        Q_EMIT ticketsChanged();
    }
    if (Status saved = m_store.setMeta(u"window"_s, QString::number(days)); !saved)
        return saved;
    m_prunedAt = 0;
    syncNow();
    return ok();
}

void SyncEngine::pruneIfDue()
{
    // By the server's clock, as its window is: a desk whose clock runs ahead
    // would let go of tickets the server still counts as within the window,
    // and get their later changes as deltas.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() + m_serverClockOffset;
    if (m_windowDays <= 0 || now - m_prunedAt < std::chrono::milliseconds(PruneInterval).count())
        return;
    m_prunedAt = now;
    // A day more than the server's window: clocks may disagree.
    constexpr qint64 Day = 86'400'000;
    const Expected<int> gone = m_store.pruneHistory(now - (m_windowDays + 1) * Day, now, PruneBatch);
    if (!gone) {
        qCWarning(lcSync) << "Could not let go of old tickets:" << gone.error().message;
        return;
    }
    if (*gone > 0) {
        qCInfo(lcSync) << "Let go of" << *gone << "tickets older than the window of" << m_windowDays << "days";
        if (*gone == PruneBatch)
            m_prunedAt = 0; // more next time round
        Q_EMIT ticketsChanged();
    }
}

QCoro::Task<Expected<int>> SyncEngine::searchServer(QString text, qint64 departmentId)
{
    QPointer<SyncEngine> self(this);
    const Expected<QJsonObject> answer = co_await m_api.get(ApiPath::search(text, departmentId, ServerSearchLimit));
    if (!self)
        co_return stopped();
    co_return storeFound(answer);
}

Expected<int> SyncEngine::storeFound(const Expected<QJsonObject> &answer)
{
    if (!answer)
        return answer.error();
    // Found tickets stay a week, then go like any other old ticket.
    constexpr qint64 KeptFor = 7 * 86'400'000LL;
    const Expected<int> added = m_store.storeFound(answer->value(u"tickets"_s).toArray(),
                                                   QDateTime::currentMSecsSinceEpoch() + m_serverClockOffset + KeptFor);
    if (added && *added > 0)
        Q_EMIT ticketsChanged();
    return added;
}

SyncEngine::PageEffect SyncEngine::applyPulled(const FeedPage &pulled)
{
    const QJsonObject &page = pulled.meta;
    PageEffect effect;
    effect.applied = m_store.applyPage(pulled);
    if (!effect.applied)
        return effect;
    effect.more = FeedReader::hasMore(page);
    if (const qint64 serverTime = msFromIso(page.value(u"server_time"_s).toString()); serverTime > 0)
        m_serverClockOffset = serverTime - QDateTime::currentMSecsSinceEpoch();
    effect.accessChanged = !page.value(u"granted_departments"_s).toArray().isEmpty()
                           || !page.value(u"revoked_departments"_s).toArray().isEmpty();
    effect.directoryChanged = page.contains(u"directory_version"_s)
                              && directoryVersionOf(page) != m_store.directoryVersion();
    // Each page adds a segment to the search index: merged once Live.
    if (!pulled.tickets.isEmpty()) {
        m_searchUntidy = true;
        if (m_state == State::Live && !m_tidyTimer.isActive())
            m_tidyTimer.start();
    }
    if (!pulled.tickets.isEmpty() || effect.accessChanged
        || !page.value(u"revoked_tickets"_s).toArray().isEmpty())
        Q_EMIT ticketsChanged();
    return effect;
}

FeedReader::Request SyncEngine::feedRequest() const
{
    return FeedReader::Request{m_api.server(), m_api.token(), m_api.timeout(), m_store.cursor(), m_pageSize, m_windowDays};
}

QCoro::Task<Status> SyncEngine::pullAll()
{
    QPointer<SyncEngine> self(this);
    // The pages are fetched and parsed on the feed reader's thread, ahead of
    // this loop, which stores them in order. Each next page is asked for
    // with the cursor of the one before, before that one is stored: a page
    // that cannot be stored stops the reading and leaves the cursor where
    // it was, and the pages read ahead are dropped.
    const int window = m_windowDays;
    const quint64 run = m_feed.start(feedRequest());
    Status done = ok();
    for (bool more = true; more;) {
        Expected<FeedPage> page = co_await m_feed.next();
        if (!self || !m_running) {
            done = stopped();
            break;
        }
        if (!page) {
            done = page.error();
            break;
        }
        if (window != m_windowDays)
            break; // the cache started again meanwhile: the loop pulls anew
        const PageEffect effect = applyPulled(*page);
        m_feed.letGo(std::move(*page));
        if (!effect.applied) {
            done = effect.applied;
            break;
        }
        more = effect.more;
        if ((effect.accessChanged || effect.directoryChanged) && !more) {
            Status refreshed = co_await refreshDirectory();
            if (!self || !m_running)
                co_return stopped();
            if (!refreshed)
                co_return refreshed;
        }
    }
    if (self)
        m_feed.stopRun(run); // not a later pull's, started meanwhile
    co_return done;
}

Expected<QList<Department>> SyncEngine::storeDepartments(const QJsonObject &answer)
{
    QList<Department> list;
    for (const QJsonValue &value : answer.value(u"departments"_s).toArray())
        list.append(Department::fromJson(value.toObject()));
    if (Status saved = m_store.setDepartments(list); !saved)
        return saved.error();
    return list;
}

Status SyncEngine::storeColleagues(qint64 departmentId, const QJsonObject &answer)
{
    QList<Agent> colleagues;
    for (const QJsonValue &value : answer.value(u"agents"_s).toArray()) {
        const QJsonObject json = value.toObject();
        Agent agent;
        agent.id = json.value(u"id"_s).toInteger();
        agent.name = json.value(u"name"_s).toString();
        agent.memberships.append({departmentId, roleFromString(json.value(u"role"_s).toString()).value_or(Role::Member)});
        colleagues.append(agent);
    }
    return m_store.setColleagues(departmentId, colleagues);
}

Status SyncEngine::storeTransferTargets(const QJsonObject &answer)
{
    if (Status saved = m_store.setTransferTargets(answer.value(u"departments"_s).toArray()); !saved)
        return saved;
    m_directoryStale = false;
    Q_EMIT directoryChanged();
    return ok();
}

QList<qint64> SyncEngine::ledDepartments()
{
    QList<qint64> led;
    const std::optional<Agent> me = m_store.me();
    if (!me)
        return led;
    for (const Department &department : m_store.departments()) {
        const bool lead = std::any_of(me->memberships.cbegin(), me->memberships.cend(), [&](const Membership &m) {
            return m.departmentId == department.id && m.role == Role::Lead;
        });
        if (me->isAdmin || lead)
            led.append(department.id);
    }
    return led;
}

QCoro::Task<Status> SyncEngine::refreshFigures()
{
    // A lead's dashboard figures, at most every 30 seconds: they are
    // computed by the server over the whole department.
    QPointer<SyncEngine> self(this);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_figuresFetchedAt < 30'000)
        co_return ok();
    m_figuresFetchedAt = now;
    bool changed = false;
    for (qint64 department : ledDepartments()) {
        for (int days : FigurePeriods) {
            const Expected<QJsonObject> figures = co_await m_api.get(ApiPath::figures(department, days));
            if (!self || !m_running)
                co_return stopped();
            if (!figures)
                co_return figures.error();
            if (Status saved = m_store.setFigures(department, days, *figures); !saved)
                co_return saved;
            changed = true;
        }
    }
    if (changed)
        Q_EMIT figuresChanged();
    co_return ok();
}

QCoro::Task<Status> SyncEngine::refreshDirectory()
{
    QPointer<SyncEngine> self(this);
    const Expected<QJsonObject> me = co_await m_api.get(ApiPath::me());
    if (!self || !m_running)
        co_return stopped();
    if (!me)
        co_return me.error();
    if (Status saved = m_store.setMe(Agent::fromJson(*me)); !saved)
        co_return saved;
    // The version as of before the rest is read: a change made meanwhile
    // shows as a newer one in the next pull.
    const qint64 directoryVersion = directoryVersionOf(*me);

    const Expected<QJsonObject> departments = co_await m_api.get(ApiPath::departments());
    if (!self || !m_running)
        co_return stopped();
    if (!departments)
        co_return departments.error();
    const Expected<QList<Department>> list = storeDepartments(*departments);
    if (!list)
        co_return list.error();

    for (const Department &department : *list) {
        const Expected<QJsonObject> agents = co_await m_api.get(ApiPath::departmentAgents(department.id));
        if (!self || !m_running)
            co_return stopped();
        if (!agents)
            co_return agents.error();
        if (Status saved = storeColleagues(department.id, *agents); !saved)
            co_return saved;
    }

    const Status canned = co_await refreshCannedReplies();
    if (!self || !m_running)
        co_return stopped();
    if (!canned)
        co_return canned;

    const Expected<QJsonObject> targets = co_await m_api.get(ApiPath::transferTargets());
    if (!self || !m_running)
        co_return stopped();
    if (!targets)
        co_return targets.error();
    if (Status saved = m_store.setDirectoryVersion(directoryVersion); !saved)
        co_return saved;
    co_return storeTransferTargets(*targets);
}

QCoro::Task<Status> SyncEngine::refreshCannedReplies()
{
    QPointer<SyncEngine> self(this);
    const Expected<QJsonObject> canned = co_await m_api.get(ApiPath::cannedReplies());
    if (!self)
        co_return stopped();
    if (!canned)
        co_return canned.error();
    co_return m_store.setCannedReplies(cannedRepliesOf(*canned));
}

namespace {

QJsonObject cannedReplyBody(const CannedReply &reply)
{
    return QJsonObject{{u"title"_s, reply.title}, {u"body"_s, reply.body}};
}

} // namespace

QCoro::Task<Status> SyncEngine::saveCannedReply(CannedReply reply)
{
    QPointer<SyncEngine> self(this);
    // (No co_await inside a conditional expression: GCC 12 miscompiles it.)
    Expected<QJsonObject> answer = Error{ErrorCode::Internal, QString(), {}};
    if (reply.id > 0)
        answer = co_await m_api.patch(ApiPath::cannedReply(reply.id), cannedReplyBody(reply));
    else
        answer = co_await m_api.post(ApiPath::departmentCannedReplies(reply.departmentId), cannedReplyBody(reply));
    if (!self)
        co_return stopped();
    co_return co_await cannedRepliesChanged(answer);
}

QCoro::Task<Status> SyncEngine::deleteCannedReply(qint64 id)
{
    QPointer<SyncEngine> self(this);
    const Expected<QJsonObject> answer = co_await m_api.del(ApiPath::cannedReply(id));
    if (!self)
        co_return stopped();
    co_return co_await cannedRepliesChanged(answer);
}

QCoro::Task<Expected<QString>> SyncEngine::fetchAttachment(AttachmentRef file)
{
    // Named by id (unique) and the sender's name, cleaned of anything a
    // file system or a shell would read as more than a name.
    QString name = file.filename;
    static const QRegularExpression unsafe(u"[\\\\/:*?\"<>|\\x00-\\x1f]"_s);
    name.replace(unsafe, u"_"_s);
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    const QString path = QDir(m_attachmentDirectory).filePath(u"%1-%2"_s.arg(file.id).arg(name.left(120)));
    if (QFileInfo(path).size() == file.size)
        co_return path;
    QPointer<SyncEngine> self(this);
    const Expected<QByteArray> bytes = co_await m_api.download(ApiPath::attachment(file.id));
    if (!self)
        co_return stopped();
    if (!bytes)
        co_return bytes.error();
    QSaveFile out(path);
    if (!QDir().mkpath(m_attachmentDirectory) || !out.open(QIODevice::WriteOnly) || out.write(*bytes) != bytes->size()
        || !out.commit())
        co_return Error{ErrorCode::Internal, tr("The file could not be saved: %1").arg(out.errorString()), {}};
    co_return path;
}

QCoro::Task<Status> SyncEngine::cannedRepliesChanged(Expected<QJsonObject> answer)
{
    if (!answer)
        co_return answer.error();
    QPointer<SyncEngine> self(this);
    const Status refreshed = co_await refreshCannedReplies();
    if (self && refreshed)
        Q_EMIT directoryChanged();
    co_return refreshed;
}

} // namespace Signpost
