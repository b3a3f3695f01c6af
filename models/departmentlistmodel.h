#pragma once

#include "sync/localstore.h"

#include <QAbstractListModel>

namespace Signpost {

// The agent's departments with live counts (new, open, unassigned, mine).
// refresh() updates rows in place.
class DepartmentListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit DepartmentListModel(LocalStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void refresh();
    qint64 departmentAt(int row) const;
    int rowOf(qint64 departmentId) const;

private:
    LocalStore &m_store;
    QList<DepartmentSummary> m_rows;
};

} // namespace Signpost
