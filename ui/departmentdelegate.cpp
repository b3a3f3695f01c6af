#include "ui/departmentdelegate.h"

#include "models/roles.h"

#include <QApplication>
#include <QPainter>

namespace Signpost {

void DepartmentDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect area = option.rect.adjusted(10, 6, -10, -6);
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    QFont name = option.font;
    name.setBold(true);
    painter->setFont(name);
    const QFontMetrics nameMetrics(name);
    painter->drawText(area.left(), area.top() + nameMetrics.ascent(), index.data(Qt::DisplayRole).toString());
    const QString role = index.data(RoleNameRole).toString();
    painter->setFont(option.font);
    painter->drawText(QRect(area.left(), area.top(), area.width(), nameMetrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, role);

    const QString counts = tr("%1 new · %2 open · %3 unassigned · %4 mine")
                               .arg(index.data(NewCountRole).toInt())
                               .arg(index.data(OpenCountRole).toInt())
                               .arg(index.data(UnassignedCountRole).toInt())
                               .arg(index.data(MineCountRole).toInt());
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.9);
    painter->setFont(small);
    if (!selected)
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
    painter->drawText(area.left(), area.top() + nameMetrics.height() + QFontMetrics(small).ascent() + 2, counts);
    painter->restore();
}

QSize DepartmentDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index);
    const QFontMetrics metrics(option.font);
    return QSize(240, metrics.height() * 2 + 18);
}

} // namespace Signpost
