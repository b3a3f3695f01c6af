#pragma once

#include "core/slaclock.h"
#include "sync/localstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimer>

namespace Signpost {

// A department's queue over the local cache, in the current sort and filter
// (done in SQL). It holds the ordered ticket ids and reads row data in pages
// only when a view asks for them, so 100,000 tickets stay smooth. Live
// changes are applied by ticket id — rows removed, moved, inserted and
// changed in place — never by a reset, so selection and scrolling survive.
class TicketQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // A status or priority as agents read it, translated (never the
    // identifier); one the desk does not know is shown as it came.
    static QString statusName(TicketStatus status);
    static QString priorityName(Signpost::Priority priority);
    static QString statusName(const QString &status);
    static QString priorityName(const QString &priority);

    enum Column { Number, Subject, Customer, Status, Priority, Due, Assignee, Age, Updated, ColumnCount };

    explicit TicketQueueModel(LocalStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // A new department, filter or search: a new list.
    void setQuery(const QueueQuery &query);
    const QueueQuery &query() const { return m_query; }
    // The cache changed: bring the rows in line with it, by id.
    void refresh();

    qint64 ticketAt(int row) const;
    int rowOf(qint64 ticketId) const;

    // For tests: a clock to compute ages against.
    void setNow(qint64 nowMs) { m_now = nowMs; }

    static constexpr int PageSize = 200;

Q_SIGNALS:
    // Around a refresh(): rows that leave the list move the views' current
    // row meanwhile, which is not the agent choosing another ticket.
    void refreshStarted();
    void refreshFinished();

private:
    void refreshRows();
    const QueueRow *rowData(int row) const;
    QList<qint64> loadIds() const;
    static QString age(qint64 fromMs, qint64 nowMs);

    LocalStore &m_store;
    QueueQuery m_query;
    QList<qint64> m_ids;
    QHash<qint64, int> m_rowOfId;
    mutable QHash<qint64, QueueRow> m_rows; // the pages read so far
    mutable QList<int> m_loadedPages;
    qint64 m_now = 0;
    // Each department's business hours, for the countdowns; and its name,
    // shown with the subject when the list spans departments.
    QHash<qint64, SlaClock> m_clocks;
    QHash<qint64, QString> m_departmentNames;
    QTimer m_countdown;  // the Due column moves on by itself
};

} // namespace Signpost
