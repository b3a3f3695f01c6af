#pragma once

#include "models/desk.h"

#include <QWidget>

class QGridLayout;
class QComboBox;
class QLabel;

namespace Signpost {

// The team lead's dashboard: for each department the agent leads, side by
// side, the workload now, response and resolution times, open load per
// agent and the 30-day trend as charts. Read from the cache, so it shows
// offline too, marked as of when; it updates when new figures arrive.
class DashboardWindow : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardWindow(Desk &desk, QWidget *parent = nullptr);

    void reload();
    QString toCsv() const;
    bool exportCsv(const QString &path) const;

    int departmentCount() const { return int(m_shown.size()); }
    // The period the figures cover: 7 or 30 days.
    void setPeriod(int days);
    int period() const { return m_days; }
    QString valueText(qint64 departmentId, const QString &figure) const;
    // The label of a figure, for tests.
    QLabel *valueLabel(qint64 departmentId, const QString &figure) const
    {
        return m_values.value(QStringLiteral("%1/%2").arg(departmentId).arg(figure));
    }

Q_SIGNALS:
    // "SLA at risk" or "SLA breached" was clicked: show those tickets.
    void slaTicketsRequested(qint64 departmentId, bool breached);

private:
    QWidget *departmentColumn(const Department &department, const QJsonObject &figures);

    Desk &m_desk;
    QGridLayout *m_grid;
    QLabel *m_empty;
    QComboBox *m_period;
    int m_days = 7;
    QList<std::pair<Department, QJsonObject>> m_shown;
    QHash<QString, QLabel *> m_values; // "department/figure" -> label
};

} // namespace Signpost
