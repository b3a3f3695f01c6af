#pragma once

#include "core/command.h"
#include "core/expected.h"
#include "sync/apiclient.h"
#include "sync/feedreader.h"
#include "sync/localstore.h"
#include "sync/pushchannel.h"

#include <QCoroTask>
#include <QDeadlineTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>

namespace Signpost {

// Keeps the local cache in step with the server: one loop that sends the
// outbox in order, pulls the change feed until it is current, and then waits
// for a poke, an action of the agent, or the polling interval. It owns the
// network objects and outlives every widget; widgets start its coroutines
// through QCoro::connect with themselves as context.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class State { SignedOut, Offline, Syncing, Live };
    Q_ENUM(State)

    explicit SyncEngine(LocalStore &store, QObject *parent = nullptr);
    ~SyncEngine() override;

    LocalStore &store() { return m_store; }
    ApiClient &api() { return m_api; }
    State state() const { return m_state; }
    int pendingCount() const { return m_pending; }
    QString lastError() const { return m_lastError; }

    // Signs in with a password; the token can then be kept by the caller.
    QCoro::Task<Status> signIn(QUrl server, QString email, QString password);
    // Starts with a token kept from before (works offline from the cache).
    void resume(const QUrl &server, const QString &token);
    // Revokes the token on the server if it can be reached; the outbox stays.
    QCoro::Task<Status> signOut();

    // An agent action: into the outbox and the cached ticket at once, then
    // sent when the server can be reached.
    Expected<OutboxEntry> act(Command command);
    // Available for new work, or away (automation hands the agent's open
    // tickets on). Needs the server: it answers at once, not via the outbox.
    QCoro::Task<Status> setAvailable(bool available);
    Status discard(qint64 outboxEntryId);
    void syncNow();
    // A lead's changes to their departments' canned replies. Need the
    // server; the cached list is read again at once on success.
    QCoro::Task<Status> saveCannedReply(CannedReply reply);
    QCoro::Task<Status> deleteCannedReply(qint64 id);

    // Where opened attachments are kept, for offline use (set before use).
    void setAttachmentDirectory(const QString &directory) { m_attachmentDirectory = directory; }
    // The local file of an attachment: kept from an earlier opening, else
    // fetched now (with the agent's token).
    QCoro::Task<Expected<QString>> fetchAttachment(AttachmentRef file);
    // A file the agent attaches to a reply or note: copied beside the cache
    // (named by its SHA-256) so it waits there with the command, offline
    // too, and is uploaded just before the command is sent.
    Expected<OutgoingFile> keepOutgoing(const QString &localPath);
    // Where a kept file is (for opening it before it is sent).
    QString outgoingPath(const QString &sha256) const;
    // The departments whose dashboard this agent sees: those they lead
    // (admins: all of theirs).
    QList<qint64> ledDepartments();

    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }
    // Tickets per page of the sync feed (tests ask for few, to see paging).
    void setPageSize(int tickets) { m_pageSize = tickets; }

    // How much history the cache keeps: every ticket not yet solved, and the
    // others active in the last `days` (0: all). Older ones are let go of
    // now and then, and found again through searchServer(). Changing it
    // rebuilds the cache from the server (the outbox and drafts stay).
    Status setHistoryWindow(int days);
    int historyWindow() const { return m_windowDays; }
    static constexpr int DefaultHistoryWindow = 60;
    // Asks the server for tickets of the agent's departments (or of one)
    // matching `text`, also those beyond the window, and keeps them in the
    // cache for a while. Returns how many it found that the cache lacked.
    QCoro::Task<Expected<int>> searchServer(QString text, qint64 departmentId = 0);
    static constexpr int ServerSearchLimit = 50;
    // Which ticket the agent has open, and whether they are writing on it:
    // told to colleagues on the same ticket (live, when connected).
    void setPresence(qint64 ticketId, bool writing) { m_push.setPresence(ticketId, writing); }

Q_SIGNALS:
    void stateChanged(Signpost::SyncEngine::State state);
    void pendingCountChanged(int count);
    void ticketsChanged();
    void directoryChanged();
    void figuresChanged();
    void notificationReceived(const QJsonObject &notification);
    void presenceReceived(qint64 ticketId, const QJsonArray &agents);
    void commandRejected(const Signpost::OutboxEntry &entry);
    void signedOut(const QString &reason);

private:
    // Coroutines: they hold no string literals (GCC 12 cannot keep them in a
    // coroutine frame), so the JSON handling lives in the plain helpers.
    QCoro::Task<> loop();
    QCoro::Task<Status> flushOutbox();
    QCoro::Task<Status> pullAll();
    QCoro::Task<Status> refreshDirectory();
    QCoro::Task<Status> refreshCannedReplies();
    // After the server answered a lead's change: the cached list again.
    QCoro::Task<Status> cannedRepliesChanged(Expected<QJsonObject> answer);
    QCoro::Task<Status> refreshFigures();
    struct PageEffect
    {
        Status applied = ok();
        bool more = false;
        bool accessChanged = false;
        bool directoryChanged = false; // departments or canned replies
    };
    PageEffect applyPulled(const FeedPage &page);
    FeedReader::Request feedRequest() const;
    Expected<int> storeFound(const Expected<QJsonObject> &answer);
    // Lets go of what has aged out of the window, a bounded share at a time,
    // at most every PruneInterval.
    void pruneIfDue();
    static constexpr std::chrono::minutes PruneInterval{30};
    static constexpr int PruneBatch = 5000;
    static QJsonObject batchOf(const QList<OutboxEntry> &entries);
    // The files of the batch's commands go up first. A file the server
    // refuses for good (too big, gone from this computer) rejects its
    // command, which leaves the batch; a failure to reach the server ends
    // the flush (the command is resent later).
    QCoro::Task<Expected<QList<OutboxEntry>>> uploadFiles(QList<OutboxEntry> batch);
    Expected<QByteArray> outgoingBytes(const OutgoingFile &file) const;
    Status refuseLocally(const OutboxEntry &entry, const Error &why);
    // After an unknown outcome or a failed upload: no command goes out for
    // a pause that grows with each try in a row (see m_outboxRetry).
    void pauseOutbox();
    // Records what the server answered. An unknown outcome is sent again
    // after a pause of its own (the loop goes on pulling meanwhile); a
    // result the cache could not keep is an error, so the loop backs off.
    Status recordResults(const QList<OutboxEntry> &batch, const QJsonObject &answer);
    Expected<QList<Department>> storeDepartments(const QJsonObject &answer);
    Status storeColleagues(qint64 departmentId, const QJsonObject &answer);
    Status storeTransferTargets(const QJsonObject &answer);
    Status rememberSignIn(const QUrl &server, const QJsonObject &answer);
    static QJsonObject availabilityBody(bool available);
    void finishSignOut();
    // Signed out by the server; a disabled account's cache is cleared.
    void lostAccess(const Error &why);
    bool settle(const Status &done, int &failures);
    std::chrono::milliseconds nextWait(const Status &done, int failures) const;
    std::chrono::milliseconds baseWait(const Status &done, int failures) const;
    static Error stopped();
    static constexpr int DefaultPageSize = 1000;

    void setState(State state);
    void requestWake();
    void updatePending();
    void start();

    LocalStore &m_store;
    ApiClient m_api;
    FeedReader m_feed;
    QString m_attachmentDirectory;
    PushChannel m_push;
    QTimer m_wakeTimer;
    // Merges the search index's segments a step at a time after syncs have
    // added many, while the engine is Live (see tidySearchIndex()).
    QTimer m_tidyTimer;
    bool m_searchUntidy = false; // pages added segments since the last merge
    void tidySearchIndex();
    State m_state = State::SignedOut;
    int m_pending = 0;
    bool m_running = false;
    bool m_dirty = false;
    bool m_directoryStale = true;
    QString m_lastError;
    std::chrono::milliseconds m_pollInterval{15'000};
    int m_pageSize = DefaultPageSize;
    qint64 m_figuresFetchedAt = 0;
    int m_windowDays = 0;
    QSet<QString> m_uploaded; // files the server has, by SHA-256
    qint64 m_prunedAt = 0;          // by the server's clock
    qint64 m_serverClockOffset = 0; // the server's clock minus ours, from the last page
    // After a command's outcome was unknown: not before this (ms since the
    // epoch), and how many such tries in a row.
    // Set after an unknown outcome: no command goes out before it expires.
    QDeadlineTimer m_outboxRetry{0};
    bool m_outboxHeld = false; // the last flush left commands for that pause
    int m_outboxFailures = 0;
};

} // namespace Signpost
