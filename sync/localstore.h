#pragma once

#include "core/agent.h"
#include "core/cannedreply.h"
#include "core/command.h"
#include "core/department.h"
#include "core/expected.h"
#include "core/ticket.h"
#include "storage/sqlconnection.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <array>
#include <memory>
#include <array>
#include <optional>

namespace Signpost {

// The periods a lead's dashboard can show, in days.
inline constexpr std::array<int, 2> FigurePeriods{7, 30};

// One row of a department's queue, as compact as a view needs it.
struct QueueRow
{
    qint64 id = 0;
    qint64 departmentId = 0;
    QString subject;
    QString customer;
    TicketStatus status = TicketStatus::New;
    Priority priority = Priority::Normal;
    qint64 assigneeId = 0;
    QString assigneeName;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    TicketSla sla;
    int pendingChanges = 0; // queued in the outbox, not yet confirmed
    bool hasDraft = false;  // the agent has started writing on it
};

// What an agent is writing on a ticket and has not sent: kept in the cache
// until it is sent or emptied, through switching tickets, restarts, crashes
// and whatever others do to the ticket meanwhile.
struct Draft
{
    qint64 ticketId = 0;
    bool note = false; // an internal note, not a reply to the customer
    QString body;
    qint64 updatedAt = 0;
    // The ticket's seq when the agent began writing (or last read what
    // others wrote since): a send asks first if others wrote after it.
    qint64 seenSeq = 0;
    QList<OutgoingFile> attachments; // kept beside the cache (SyncEngine::keepOutgoing)
};

// Which rows of which department, in which order.
struct QueueQuery
{
    enum class Assignee { Any, Me, Nobody };
    // As the lead's dashboard counts them: at risk but not yet breached, or
    // breached; both among open work.
    enum class Sla { Any, AtRisk, Breached };
    enum class Column { Id, Subject, Customer, Status, Priority, Due, Assignee, Created, Updated };

    qint64 departmentId = 0;
    // Every department of the agent's (what the cache holds) instead of one:
    // a search that looks everywhere.
    bool allDepartments = false;
    QList<TicketStatus> statuses; // empty: all
    Assignee assignee = Assignee::Any;
    Sla sla = Sla::Any;
    qint64 me = 0;
    QString search; // full-text over subject, customer and thread
    Column sortColumn = Column::Updated;
    bool descending = true;
};

struct DepartmentSummary
{
    Department department;
    std::optional<Role> role; // unset for admins who are not members
    int newCount = 0;
    int openCount = 0;
    int unassigned = 0;
    int mine = 0;
};

// A command waiting in the outbox, or what became of it.
struct OutboxEntry
{
    enum class State { Pending, Sent, Rejected };

    qint64 id = 0;
    Command command;
    State state = State::Pending;
    QString reason;       // rejected: conflict, invalid, not_found, …
    QString message;      // rejected: the server's sentence
    QJsonObject serverTicket; // rejected: the ticket as the server has it
    qint64 createdAt = 0;
};

// A ticket as the sync feed or the server's search sends it, read into
// values (for a feed page, on the feed reader's thread).
struct IncomingTicket
{
    Ticket ticket;
    bool whole = false;          // its thread replaces what the cache had of it
    QList<QByteArray> eventData; // each event's data, as compact JSON (their `data` is left empty)
    static IncomingTicket fromJson(const QJsonObject &json);
};

// A page of the sync feed: its tickets read, the rest as the server sent it.
struct FeedPage
{
    QJsonObject meta; // cursor, has_more, revocations, … (no "tickets")
    QList<IncomingTicket> tickets;
    static FeedPage fromJson(QJsonObject page);
};

// The client's cache: only the tickets the agent may see, plus the outbox of
// changes made offline. The cache can always be rebuilt from the server; the
// outbox cannot, so it survives everything but an explicit discard.
class LocalStore
{
public:
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    static Expected<std::unique_ptr<LocalStore>> open(const QString &path);

    // Session and directory.
    QString meta(const QString &key);
    Status setMeta(const QString &key, const QString &value);
    QString cursor() { return meta(QStringLiteral("cursor")); }
    std::optional<Agent> me();
    Status setMe(const Agent &agent);
    Status setDepartments(const QList<Department> &departments);
    QList<Department> departments();
    Status setColleagues(qint64 departmentId, const QList<Agent> &agents);
    QList<Agent> colleagues(qint64 departmentId);
    QString agentName(qint64 agentId);
    Status setTransferTargets(const QJsonArray &targets);
    QJsonArray transferTargets();
    // The departments' canned replies, as the server listed them.
    Status setCannedReplies(const QJsonArray &replies);
    QList<CannedReply> cannedReplies(qint64 departmentId);
    // The server's directory_version the cached directory was read at.
    qint64 directoryVersion() { return meta(QStringLiteral("directory_version")).toLongLong(); }
    Status setDirectoryVersion(qint64 version) { return setMeta(QStringLiteral("directory_version"), QString::number(version)); }
    // The last figures a lead's dashboard got for a department, kept so the
    // dashboard shows them offline, marked as of when.
    // Per period in days (see FigurePeriods).
    Status setFigures(qint64 departmentId, int days, const QJsonObject &figures);
    QJsonObject figures(qint64 departmentId, int days);

    // The one apply path for a page of the change feed: tickets (whole or
    // as deltas), revocations and the new cursor, in one transaction, with
    // the outbox's optimistic changes laid over the server's state again.
    Status applyPage(const FeedPage &page);

    // Tickets found on the server (whole, as the feed sends them): those the
    // cache lacks are stored and kept until `keepUntil` though they are
    // older than the window. Returns how many were new to the cache.
    Expected<int> storeFound(const QJsonArray &tickets, qint64 keepUntil);
    // Lets go of up to `limit` solved or closed tickets in which nothing has
    // happened since `cutoff` (see the sync feed's window); a draft, a
    // queued change or a recent find keeps a ticket. Returns how many went.
    Expected<int> pruneHistory(qint64 cutoff, qint64 now, int limit);

    // The account was disabled: every cached ticket goes (as a department
    // revoked would), with the cursor; the outbox stays, nothing typed is lost.
    Status purgeTickets();

    // One bounded step of merging the search index's segments (each page
    // of a sync adds one; see migration 9), a few tens of milliseconds, on
    // levels that have gathered at least four. Returns whether there is
    // more to merge.
    Expected<bool> tidySearchIndex();

    // Reads for the models; never touch the network.
    QList<DepartmentSummary> departmentSummaries();
    int queueCount(const QueueQuery &query);
    QList<QueueRow> queueRows(const QueueQuery &query, int offset, int limit);
    // The whole queue's ticket ids, in order: cheap, for windowed models.
    QList<qint64> queueIds(const QueueQuery &query);
    std::optional<Ticket> ticket(qint64 ticketId);
    QList<QueueRow> customerTickets(const QString &email, qint64 exceptTicket);
    int ticketCount();

    // The outbox. enqueue() fills in the id and base version, applies the
    // change to the cached ticket and queues it, in one transaction.
    Expected<OutboxEntry> enqueue(Command command);
    // What to send next: the oldest unconfirmed command of each ticket.
    QList<OutboxEntry> sendable();
    Status markSent(const QList<qint64> &entryIds);
    // Applied or duplicate: the entry is done. Rejected: it stays, visible,
    // with the server's reason and state, until the agent resolves it.
    Status recordResult(const OutboxEntry &entry, const QJsonObject &result);
    Status discard(qint64 entryId);
    QList<OutboxEntry> rejected();
    // Every entry, oldest first, whatever its state or ticket.
    QList<OutboxEntry> outbox();
    QList<OutboxEntry> outboxFor(qint64 ticketId);
    int pendingCount();

    // Drafts: saving an empty one deletes it.
    Status saveDraft(const Draft &draft);
    Status deleteDraft(qint64 ticketId);
    std::optional<Draft> draft(qint64 ticketId);
    // Drafts whose ticket has left the cache (moved out of the agent's
    // departments): kept to be read and copied until discarded.
    QList<Draft> strandedDrafts();

private:
    LocalStore();
    QSqlQuery &prepared(const QString &sql);
    // Whether a search matches fewer than NarrowSearchHits tickets in the
    // whole cache (then the queue's query starts from the matches). The
    // last answer is kept: a queue asks for each page of the same search.
    bool narrowSearch(const QString &text);
    static constexpr int NarrowSearchHits = 2000;
    std::pair<QString, bool> m_lastSearch;
    // Tickets of a page (or a search), each whole or a delta, with the
    // outbox laid over them and their search rows; `onlyNew` skips those
    // already cached. Runs in the caller's transaction.
    Status storeTickets(const QList<IncomingTicket> &tickets, bool onlyNew);
    Status upsertTicket(const IncomingTicket &incoming);
    Status removeTicket(qint64 ticketId);
    Status refreshSearchIndex(qint64 ticketId);
    Status overlayOutbox(qint64 ticketId);
    Status applyOptimistic(const OutboxEntry &entry);
    // Outbox entries: `condition` follows "FROM outbox o".
    QList<OutboxEntry> entries(const QString &condition, const QVariantList &binds = {});
    OutboxEntry readEntry(const QSqlQuery &query);
    static Draft readDraft(const QSqlQuery &query);

    SqlConnection m_sql;
};

} // namespace Signpost
