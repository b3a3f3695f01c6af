#include "models/ticketqueuemodel.h"

#include "core/timestamps.h"
#include "models/roles.h"
#include "models/slacountdown.h"

#include <QFont>
#include <QSet>

namespace Signpost {

namespace {

constexpr int MaxLoadedPages = 12;

} // namespace

QString TicketQueueModel::statusName(TicketStatus status)
{
    switch (status) {
    case TicketStatus::New: return tr("New");
    case TicketStatus::Open: return tr("Open");
    case TicketStatus::Pending: return tr("Pending");
    case TicketStatus::Solved: return tr("Solved");
    case TicketStatus::Closed: return tr("Closed");
    }
    return {};
}

QString TicketQueueModel::priorityName(Signpost::Priority priority)
{
    switch (priority) {
    case Signpost::Priority::Low: return tr("Low");
    case Signpost::Priority::Normal: return tr("Normal");
    case Signpost::Priority::High: return tr("High");
    case Signpost::Priority::Urgent: return tr("Urgent");
    }
    return {};
}

QString TicketQueueModel::statusName(const QString &status)
{
    const std::optional<TicketStatus> known = ticketStatusFromString(status);
    return known ? statusName(*known) : status;
}

QString TicketQueueModel::priorityName(const QString &priority)
{
    const std::optional<Signpost::Priority> known = priorityFromString(priority);
    return known ? priorityName(*known) : priority;
}

TicketQueueModel::TicketQueueModel(LocalStore &store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    // Countdowns are shown to the minute.
    m_countdown.setInterval(std::chrono::seconds(30));
    connect(&m_countdown, &QTimer::timeout, this, [this]() {
        if (!m_ids.isEmpty())
            Q_EMIT dataChanged(index(0, Due), index(int(m_ids.size()) - 1, Due), {Qt::DisplayRole, Qt::ForegroundRole});
    });
    m_countdown.start();
}

int TicketQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int TicketQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TicketQueueModel::age(qint64 fromMs, qint64 nowMs)
{
    const qint64 minutes = std::max<qint64>(0, (nowMs - fromMs) / 60'000);
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return tr("%1 h").arg(minutes / 60);
    return tr("%1 d").arg(minutes / (24 * 60));
}

const QueueRow *TicketQueueModel::rowData(int row) const
{
    const qint64 id = m_ids.at(row);
    auto it = m_rows.constFind(id);
    if (it != m_rows.constEnd())
        return &it.value();
    // Read the page around the row, in the query's order.
    const int page = row / PageSize;
    const QList<QueueRow> rows = m_store.queueRows(m_query, page * PageSize, PageSize);
    for (const QueueRow &r : rows)
        m_rows.insert(r.id, r);
    m_loadedPages.removeAll(page);
    m_loadedPages.append(page);
    while (m_loadedPages.size() > MaxLoadedPages) {
        const int evicted = m_loadedPages.takeFirst();
        for (int i = evicted * PageSize; i < std::min<int>((evicted + 1) * PageSize, int(m_ids.size())); ++i)
            m_rows.remove(m_ids.at(i));
    }
    it = m_rows.constFind(id);
    return it != m_rows.constEnd() ? &it.value() : nullptr;
}

QVariant TicketQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == TicketIdRole)
        return m_ids.at(index.row());
    const QueueRow *row = rowData(index.row());
    if (!row)
        return role == LoadingRole ? QVariant(true) : QVariant();
    const qint64 now = m_now > 0 ? m_now : nowMs();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number: return QStringLiteral("#%1").arg(row->id);
        // A pencil marks the tickets the agent has started writing on.
        case Subject: {
            const QString subject = m_query.allDepartments
                                        ? tr("%1 · %2").arg(m_departmentNames.value(row->departmentId), row->subject)
                                        : row->subject;
            return row->hasDraft ? tr("✎ %1").arg(subject) : subject;
        }
        case Customer: return row->customer;
        case Status: return statusName(row->status);
        case Priority: return priorityName(row->priority);
        case Due: {
            const auto urgent = SlaStanding::mostUrgent(row->sla, m_clocks.value(row->departmentId), now);
            return urgent ? urgent->second.text() : QVariant();
        }
        case Assignee: return row->assigneeName.isEmpty() && row->assigneeId == 0 ? tr("—") : row->assigneeName;
        case Age: return age(row->createdAt, now);
        case Updated: return age(row->updatedAt, now);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Subject && row->hasDraft)
            return tr("You have a draft on this ticket.\n%1").arg(row->subject);
        if (row->pendingChanges > 0)
            return row->pendingChanges == 1 ? tr("1 change waiting to be sent")
                                            : tr("%1 changes waiting to be sent").arg(row->pendingChanges);
        if (index.column() == Due) {
            const auto urgent = SlaStanding::mostUrgent(row->sla, m_clocks.value(row->departmentId), now);
            return urgent ? tr("%1: %2").arg(slaTargetLabel(urgent->first), urgent->second.text()) : QVariant();
        }
        return index.column() == Subject ? row->subject : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == Due) {
            const auto urgent = SlaStanding::mostUrgent(row->sla, m_clocks.value(row->departmentId), now);
            if (urgent && urgent->second.colour().isValid())
                return urgent->second.colour();
        }
        return {};
    case Qt::FontRole:
        if (row->status == TicketStatus::New || row->pendingChanges > 0) {
            QFont font;
            font.setBold(row->status == TicketStatus::New);
            font.setItalic(row->pendingChanges > 0);
            return font;
        }
        return {};
    case StatusRole: return toString(row->status);
    case PriorityRole: return toString(row->priority);
    case PendingChangesRole: return row->pendingChanges;
    case HasDraftRole: return row->hasDraft;
    case LoadingRole: return false;
    }
    return {};
}

QVariant TicketQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Number: return tr("#");
    case Subject: return tr("Subject");
    case Customer: return tr("Customer");
    case Status: return tr("Status");
    case Priority: return tr("Priority");
    case Due: return tr("Due");
    case Assignee: return tr("Assignee");
    case Age: return tr("Age");
    case Updated: return tr("Updated");
    }
    return {};
}

void TicketQueueModel::sort(int column, Qt::SortOrder order)
{
    QueueQuery query = m_query;
    static const QueueQuery::Column columns[] = {
        QueueQuery::Column::Id,       QueueQuery::Column::Subject,  QueueQuery::Column::Customer,
        QueueQuery::Column::Status,   QueueQuery::Column::Priority, QueueQuery::Column::Due,
        QueueQuery::Column::Assignee,
        QueueQuery::Column::Created,  QueueQuery::Column::Updated,
    };
    if (column < 0 || column >= ColumnCount)
        return;
    query.sortColumn = columns[column];
    // Age counts backwards from creation: the oldest first is "descending".
    query.descending = (order == Qt::DescendingOrder) != (column == Age);
    setQuery(query);
}

QList<qint64> TicketQueueModel::loadIds() const
{
    return m_store.queueIds(m_query);
}

void TicketQueueModel::setQuery(const QueueQuery &query)
{
    beginResetModel();
    m_query = query;
    m_clocks.clear();
    m_departmentNames.clear();
    for (const Department &department : m_store.departments()) {
        m_clocks.insert(department.id, SlaClock(department.sla.hours));
        m_departmentNames.insert(department.id, department.name);
    }
    m_rows.clear();
    m_loadedPages.clear();
    m_ids = query.departmentId > 0 || query.allDepartments ? loadIds() : QList<qint64>{};
    m_rowOfId.clear();
    for (int i = 0; i < m_ids.size(); ++i)
        m_rowOfId.insert(m_ids.at(i), i);
    endResetModel();
}

void TicketQueueModel::refresh()
{
    Q_EMIT refreshStarted();
    refreshRows();
    Q_EMIT refreshFinished();
}

void TicketQueueModel::refreshRows()
{
    if (m_query.departmentId <= 0 && !m_query.allDepartments)
        return;
    const QList<qint64> fresh = loadIds();
    const QSet<qint64> freshSet(fresh.cbegin(), fresh.cend());
    m_rows.clear();
    m_loadedPages.clear();

    // 1. Tickets that left the list.
    for (int row = int(m_ids.size()) - 1; row >= 0; --row) {
        if (freshSet.contains(m_ids.at(row)))
            continue;
        int first = row;
        while (first > 0 && !freshSet.contains(m_ids.at(first - 1)))
            --first;
        beginRemoveRows({}, first, row);
        m_ids.remove(first, row - first + 1);
        endRemoveRows();
        row = first;
    }
    // 2. The ones that stayed, into their new order.
    const QSet<qint64> kept(m_ids.cbegin(), m_ids.cend());
    QList<qint64> reordered;
    reordered.reserve(m_ids.size());
    for (qint64 id : fresh) {
        if (kept.contains(id))
            reordered.append(id);
    }
    if (reordered != m_ids) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        QHash<qint64, int> newRow;
        for (int i = 0; i < reordered.size(); ++i)
            newRow.insert(reordered.at(i), i);
        const QModelIndexList persistent = persistentIndexList();
        QModelIndexList to;
        to.reserve(persistent.size());
        for (const QModelIndex &index : persistent)
            to.append(this->index(newRow.value(m_ids.at(index.row())), index.column()));
        m_ids = reordered;
        changePersistentIndexList(persistent, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    // 3. New tickets, at their places.
    for (int i = 0; i < fresh.size(); ++i) {
        if (kept.contains(fresh.at(i)))
            continue;
        beginInsertRows({}, i, i);
        m_ids.insert(i, fresh.at(i));
        endInsertRows();
    }
    m_rowOfId.clear();
    for (int i = 0; i < m_ids.size(); ++i)
        m_rowOfId.insert(m_ids.at(i), i);
    // 4. Everything else may have changed in place.
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_ids.size()) - 1, ColumnCount - 1));
}

qint64 TicketQueueModel::ticketAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0;
}

int TicketQueueModel::rowOf(qint64 ticketId) const
{
    return m_rowOfId.value(ticketId, -1);
}

} // namespace Signpost
