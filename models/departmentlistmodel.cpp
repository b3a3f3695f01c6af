#include "models/departmentlistmodel.h"

#include "models/roles.h"

namespace Signpost {

DepartmentListModel::DepartmentListModel(LocalStore &store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    refresh();
}

int DepartmentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DepartmentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DepartmentSummary &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return row.department.name;
    case Qt::ToolTipRole:
        return tr("%1: %2 new, %3 open, %4 unassigned, %5 yours")
            .arg(row.department.name)
            .arg(row.newCount)
            .arg(row.openCount)
            .arg(row.unassigned)
            .arg(row.mine);
    case DepartmentIdRole: return row.department.id;
    case NewCountRole: return row.newCount;
    case OpenCountRole: return row.openCount;
    case UnassignedCountRole: return row.unassigned;
    case MineCountRole: return row.mine;
    case RoleNameRole:
        return row.role ? (*row.role == Role::Lead ? tr("Lead") : tr("Member")) : tr("Admin");
    }
    return {};
}

qint64 DepartmentListModel::departmentAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).department.id : 0;
}

int DepartmentListModel::rowOf(qint64 departmentId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).department.id == departmentId)
            return int(i);
    }
    return -1;
}

void DepartmentListModel::refresh()
{
    const QList<DepartmentSummary> fresh = m_store.departmentSummaries();
    // Rows are kept by department id: removed ones go, new ones come in
    // order, the rest change in place.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const bool kept = std::any_of(fresh.cbegin(), fresh.cend(), [&](const DepartmentSummary &s) {
            return s.department.id == m_rows.at(row).department.id;
        });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        const int existing = rowOf(fresh.at(i).department.id);
        if (existing < 0) {
            beginInsertRows({}, int(i), int(i));
            m_rows.insert(i, fresh.at(i));
            endInsertRows();
        } else if (existing != i) {
            beginMoveRows({}, existing, existing, {}, int(i) > existing ? int(i) + 1 : int(i));
            m_rows.move(existing, i);
            endMoveRows();
            m_rows[i] = fresh.at(i);
            Q_EMIT dataChanged(index(int(i)), index(int(i)));
        } else {
            m_rows[i] = fresh.at(i);
            Q_EMIT dataChanged(index(int(i)), index(int(i)));
        }
    }
}

} // namespace Signpost
