#include "ui/dashboardwindow.h"

#include "core/timestamps.h"
#include "ui/language.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QDateTimeAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScrollArea>
#include <QTextDocumentFragment>
#include <QValueAxis>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

struct Figure
{
    const char16_t *key;
    const char *label;
};

// The figures shown as numbers, in order; nested keys use a slash.
const Figure figureList[] = {
    {u"open", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "Open")},
    {u"new", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "New")},
    {u"unassigned", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "Unassigned")},
    {u"pending", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "Pending")},
    {u"at_risk", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "SLA at risk")},
    {u"breached", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "SLA breached")},
    {u"sla/compliance_percent", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "SLA compliance")},
    {u"created_today", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "Created today")},
    {u"solved_today", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "Solved today")},
    {u"first_response/median_minutes", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "First response, median")},
    {u"first_response/p90_minutes", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "First response, 90th percentile")},
    {u"resolution/median_minutes", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "Resolution, median")},
    {u"ownership/untouched_now", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "Waiting for a first touch")},
    {u"ownership/first_touch/median_minutes", QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "First touch, median")},
    {u"ownership/held_before_transfer/median_minutes",
     QT_TRANSLATE_NOOP("Signpost::DashboardWindow", "Held before a transfer, median")},
};

QJsonValue lookup(const QJsonObject &figures, const QString &key)
{
    const QStringList path = key.split(u'/');
    QJsonValue value = figures.value(path.first());
    for (qsizetype i = 1; i < path.size(); ++i)
        value = value.toObject().value(path.at(i));
    return value;
}

QString display(const QString &key, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return u"—"_s;
    if (key.contains(u"percent"))
        return DashboardWindow::tr("%1 %").arg(value.toDouble(), 0, 'f', 1);
    if (!key.contains(u"minutes"))
        return QString::number(value.toInt());
    const double minutes = value.toDouble();
    if (minutes < 60)
        return DashboardWindow::tr("%1 min").arg(qRound(minutes));
    if (minutes < 48 * 60)
        return DashboardWindow::tr("%1 h").arg(minutes / 60, 0, 'f', 1);
    return DashboardWindow::tr("%1 d").arg(minutes / 1440, 0, 'f', 1);
}

} // namespace

DashboardWindow::DashboardWindow(Desk &desk, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_desk(desk)
    , m_grid(new QGridLayout)
    , m_empty(new QLabel(tr("You lead no department, so there are no figures to show."), this))
    , m_period(new QComboBox(this))
{
    for (int days : FigurePeriods)
        m_period->addItem(tr("Last %1 days").arg(days), days);
    m_period->setAccessibleName(tr("Period"));
    connect(m_period, &QComboBox::currentIndexChanged, this, [this]() { setPeriod(m_period->currentData().toInt()); });
    setWindowTitle(tr("Team dashboard"));
    resize(1280, 860);
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    connect(exportButton, &QPushButton::clicked, this, [this]() {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export figures"), u"signpost-figures.csv"_s,
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_empty, 1);
    top->addWidget(m_period);
    top->addStretch();
    top->addWidget(exportButton);
    auto *content = new QWidget(this);
    content->setLayout(m_grid);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    connect(&desk, &Desk::figuresChanged, this, &DashboardWindow::reload);
    reload();
}

QWidget *DashboardWindow::departmentColumn(const Department &department, const QJsonObject &figures)
{
    auto *box = new QGroupBox(department.name, this);
    auto *layout = new QVBoxLayout(box);
    const qint64 asOf = msFromIso(figures.value(u"as_of"_s).toString());
    auto *when = new QLabel(asOf > 0 ? tr("As of %1").arg(shortDateTime(asOf))
                                     : tr("No figures yet"),
                            box);
    when->setStyleSheet(u"color: palette(placeholder-text);"_s);
    layout->addWidget(when);

    auto *numbers = new QFormLayout;
    for (const Figure &figure : figureList) {
        const QString key = QString::fromUtf16(figure.key);
        // Compliance means nothing where no targets are set.
        const bool noTargets = key.startsWith(u"sla/") && department.sla.isEmpty();
        const QJsonValue figureValue = noTargets ? QJsonValue() : lookup(figures, key);
        auto *value = new QLabel(display(key, figureValue), box);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        if ((key == u"at_risk" || key == u"breached") && figureValue.toInt() > 0) {
            // A link to those tickets in the department's queue.
            const QString colour = key == u"breached" ? u"#b91c1c"_s : u"#b45309"_s;
            value->setTextFormat(Qt::RichText);
            value->setText(u"<a href=\"%1\" style=\"color: %2;\">%3</a>"_s.arg(key, colour, value->text().toHtmlEscaped()));
            value->setToolTip(tr("Show these tickets"));
            const qint64 departmentId = department.id;
            connect(value, &QLabel::linkActivated, this, [this, departmentId](const QString &link) {
                Q_EMIT slaTicketsRequested(departmentId, link == u"breached");
            });
        }
        numbers->addRow(tr(figure.label), value);
        m_values.insert(u"%1/%2"_s.arg(department.id).arg(key), value);
    }
    layout->addLayout(numbers);

    // The last 30 days: created against solved.
    auto *created = new QLineSeries;
    created->setName(tr("Created"));
    auto *solved = new QLineSeries;
    solved->setName(tr("Solved"));
    const QJsonArray trend = figures.value(u"trend"_s).toArray();
    int peak = 1;
    QDateTime first, last;
    for (qsizetype i = 0; i < trend.size(); ++i) {
        const QJsonObject day = trend.at(i).toObject();
        // Each day at noon, so no time zone moves a point to a neighbour.
        const QDateTime at(QDate::fromString(day.value(u"date"_s).toString(), Qt::ISODate), QTime(12, 0));
        if (!at.isValid())
            continue;
        first = first.isValid() ? std::min(first, at) : at;
        last = last.isValid() ? std::max(last, at) : at;
        created->append(double(at.toMSecsSinceEpoch()), day.value(u"created"_s).toInt());
        solved->append(double(at.toMSecsSinceEpoch()), day.value(u"solved"_s).toInt());
        peak = std::max({peak, day.value(u"created"_s).toInt(), day.value(u"solved"_s).toInt()});
    }
    if (!first.isValid())
        first = last = QDateTime(QDate::currentDate(), QTime(12, 0));
    auto *trendChart = new QChart;
    trendChart->addSeries(created);
    trendChart->addSeries(solved);
    trendChart->setTitle(tr("Created and solved, last %1 days").arg(trend.size()));
    // Dates on the axis: a label for every day of a week, about one a week
    // for a month.
    auto *days = new QDateTimeAxis;
    days->setObjectName(u"trendDays"_s);
    days->setRange(first, last > first ? last : first.addDays(1));
    days->setFormat(u"d MMM"_s);
    days->setTickCount(int(std::clamp<qint64>(first.daysTo(last) + 1, 2, 8)));
    auto *count = new QValueAxis;
    count->setRange(0, peak);
    count->setTickCount(std::min(peak, 10) + 1); // whole numbers only
    count->setLabelFormat(u"%d"_s);
    trendChart->addAxis(days, Qt::AlignBottom);
    trendChart->addAxis(count, Qt::AlignLeft);
    for (QLineSeries *series : {created, solved}) {
        series->attachAxis(days);
        series->attachAxis(count);
    }
    auto *trendView = new QChartView(trendChart, box);
    trendView->setRenderHint(QPainter::Antialiasing);
    trendView->setMinimumHeight(220);
    layout->addWidget(trendView);

    // Open tickets per agent, and which of them are in SLA trouble.
    auto *open = new QBarSet(tr("Open"));
    auto *atRisk = new QBarSet(tr("SLA at risk"));
    auto *breached = new QBarSet(tr("SLA breached"));
    atRisk->setColor(QColor(u"#d97706"_s));
    breached->setColor(QColor(u"#b91c1c"_s));
    QStringList names;
    int most = 1;
    for (const QJsonValue &value : figures.value(u"load"_s).toArray()) {
        const QJsonObject agent = value.toObject();
        names.append(agent.value(u"name"_s).toString());
        *open << agent.value(u"open"_s).toInt();
        *atRisk << agent.value(u"at_risk"_s).toInt();
        *breached << agent.value(u"breached"_s).toInt();
        most = std::max(most, agent.value(u"open"_s).toInt());
    }
    auto *bars = new QBarSeries;
    bars->append(open);
    bars->append(atRisk);
    bars->append(breached);
    auto *loadChart = new QChart;
    loadChart->addSeries(bars);
    loadChart->setTitle(tr("Open load and SLA risk per agent"));
    loadChart->legend()->setAlignment(Qt::AlignBottom);
    auto *agents = new QBarCategoryAxis;
    agents->append(names);
    auto *tickets = new QValueAxis;
    tickets->setRange(0, most);
    tickets->setTickCount(std::min(most, 10) + 1);
    tickets->setLabelFormat(u"%d"_s);
    loadChart->addAxis(agents, Qt::AlignBottom);
    loadChart->addAxis(tickets, Qt::AlignLeft);
    bars->attachAxis(agents);
    bars->attachAxis(tickets);
    auto *loadView = new QChartView(loadChart, box);
    loadView->setMinimumHeight(200);
    layout->addWidget(loadView);
    return box;
}

void DashboardWindow::setPeriod(int days)
{
    if (days == m_days)
        return;
    m_days = days;
    m_period->setCurrentIndex(m_period->findData(days));
    reload();
}

void DashboardWindow::reload()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_values.clear();
    m_shown.clear();
    const QList<qint64> led = m_desk.ledDepartments();
    int column = 0;
    for (qint64 id : led) {
        const std::optional<Department> department = m_desk.department(id);
        if (!department)
            continue;
        const QJsonObject figures = m_desk.figures(id, m_days);
        m_shown.append({*department, figures});
        m_grid->addWidget(departmentColumn(*department, figures), 0, column++);
    }
    m_empty->setVisible(m_shown.isEmpty());
}

QString DashboardWindow::valueText(qint64 departmentId, const QString &figure) const
{
    const QLabel *label = m_values.value(u"%1/%2"_s.arg(departmentId).arg(figure));
    if (!label)
        return {};
    return label->textFormat() == Qt::RichText ? QTextDocumentFragment::fromHtml(label->text()).toPlainText()
                                               : label->text();
}

QString DashboardWindow::toCsv() const
{
    QStringList header{u"department"_s, u"as_of"_s, u"period_days"_s};
    for (const Figure &figure : figureList)
        header.append(QString::fromUtf16(figure.key).replace(u'/', u'_'));
    QStringList lines{header.join(u',')};
    for (const auto &[department, figures] : m_shown) {
        QStringList row{u"\"%1\""_s.arg(QString(department.name).replace(u'"', u"\"\""_s)),
                        figures.value(u"as_of"_s).toString(), QString::number(m_days)};
        for (const Figure &figure : figureList) {
            const QJsonValue value = lookup(figures, QString::fromUtf16(figure.key));
            row.append(value.isDouble() ? QString::number(value.toDouble()) : QString());
        }
        lines.append(row.join(u','));
    }
    return lines.join(u'\n') + u'\n';
}

bool DashboardWindow::exportCsv(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(toCsv().toUtf8()) >= 0;
}

} // namespace Signpost
