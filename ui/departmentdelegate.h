#pragma once

#include <QStyledItemDelegate>

namespace Signpost {

// A department in the side list: its name, and under it the counts that
// matter (new, open, unassigned, mine).
class DepartmentDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Signpost
