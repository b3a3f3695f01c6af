#include "ui/outboxwindow.h"

#include "ui/language.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Signpost {

OutboxWindow::OutboxWindow(Desk &desk, QWidget *parent)
    : QDialog(parent)
    , m_desk(desk)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_details(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("Copy text"), this))
    , m_open(new QPushButton(tr("Open ticket"), this))
    , m_discard(new QPushButton(tr("Discard…"), this))
{
    setWindowTitle(tr("Waiting to send"));
    setObjectName(u"outboxWindow"_s);
    m_summary->setWordWrap(true);
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Ticket"), tr("Change"), tr("Queued"), tr("State")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_details->setReadOnly(true);
    m_details->setMaximumHeight(160);
    m_details->setPlaceholderText(tr("Choose a change to read what you wrote."));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_open);
    buttons->addStretch(1);
    buttons->addWidget(m_discard);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);
    layout->addWidget(close);
    resize(760, 520);

    connect(m_table, &QTableWidget::currentCellChanged, this, &OutboxWindow::showCurrent);
    connect(m_copy, &QPushButton::clicked, this, [this]() {
        if (const Row *row = current())
            QApplication::clipboard()->setText(typedText(*row));
    });
    connect(m_open, &QPushButton::clicked, this, [this]() {
        if (const Row *row = current())
            Q_EMIT ticketRequested(row->ticketId());
    });
    connect(m_discard, &QPushButton::clicked, this, [this]() {
        const Row *row = current();
        if (!row || !refused(*row))
            return;
        if (!typedText(*row).isEmpty()
            && QMessageBox::question(this, tr("Discard"), tr("Discard this change and what you wrote with it?"))
                   != QMessageBox::Yes)
            return;
        if (row->entry ? m_desk.discard(row->entry->id) : m_desk.discardDraft(row->draft->ticketId))
            reload();
    });
    connect(&m_desk, &Desk::ticketsChanged, this, &OutboxWindow::reload);
    connect(&m_desk.engine(), &SyncEngine::pendingCountChanged, this, &OutboxWindow::reload);
    reload();
}

QString OutboxWindow::typedText(const Row &row) const
{
    if (row.draft)
        return row.draft->body;
    return row.entry->command.type == Command::Type::Transfer ? row.entry->command.note : row.entry->command.body;
}

bool OutboxWindow::refused(const Row &row) const
{
    return row.draft || row.entry->state == OutboxEntry::State::Rejected;
}

QString OutboxWindow::stateText(const Row &row) const
{
    if (row.draft)
        return tr("Not sent: the ticket left your departments before it could go");
    const OutboxEntry &entry = *row.entry;
    switch (entry.state) {
    case OutboxEntry::State::Pending:
        return tr("Waiting to be sent");
    case OutboxEntry::State::Sent:
        return tr("Sent, waiting for the server's answer");
    case OutboxEntry::State::Rejected:
        return entry.reason == u"conflict" ? tr("Not applied: the ticket changed first")
                                           : tr("Refused: %1").arg(entry.message);
    }
    return {};
}

void OutboxWindow::reload()
{
    const Row *was = current();
    const std::pair<qint64, qint64> selected = was ? std::pair(was->entry ? was->entry->id : 0, was->ticketId())
                                                   : std::pair<qint64, qint64>(0, 0);
    m_rows.clear();
    for (const OutboxEntry &entry : m_desk.outbox())
        m_rows.append(Row{entry, std::nullopt});
    for (const Draft &draft : m_desk.strandedDrafts())
        m_rows.append(Row{std::nullopt, draft});
    int refusedCount = 0;
    m_table->setRowCount(int(m_rows.size()));
    int selectRow = m_rows.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows[i];
        const bool isRefused = refused(row);
        refusedCount += isRefused ? 1 : 0;
        const std::optional<Ticket> ticket = m_desk.ticket(row.ticketId());
        const QString ticketText = ticket ? tr("#%1 %2").arg(ticket->id).arg(ticket->subject)
                                          : tr("#%1 (not in your departments)").arg(row.ticketId());
        const QString what = Desk::commandName(row.draft ? (row.draft->note ? Command::Type::Note : Command::Type::Reply)
                                                         : row.entry->command.type);
        const qint64 at = row.draft ? row.draft->updatedAt : row.entry->createdAt;
        const QStringList cells{ticketText, what, shortDateTime(at),
                                stateText(row)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (isRefused)
                item->setForeground(QColor(u"#b00020"_s));
            m_table->setItem(i, column, item);
        }
        if ((row.entry && row.entry->id == selected.first) || (row.draft && selected.first == 0 && row.ticketId() == selected.second))
            selectRow = i;
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(m_rows.isEmpty() ? tr("Everything you did has reached the server.")
                       : refusedCount > 0
                           ? tr("Waiting or refused: %1 (refused: %2). Nothing you wrote is lost: read or copy it below.")
                                 .arg(m_rows.size())
                                 .arg(refusedCount)
                           : tr("Waiting to reach the server: %1.").arg(m_rows.size()));
    m_table->setCurrentCell(selectRow, 0);
    showCurrent();
}

const OutboxWindow::Row *OutboxWindow::current() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

void OutboxWindow::showCurrent()
{
    const Row *row = current();
    QString text;
    if (row) {
        text = typedText(*row);
        if (row->entry && row->entry->state == OutboxEntry::State::Rejected && !row->entry->message.isEmpty())
            text = row->entry->message + u"\n\n"_s + text;
    }
    m_details->setPlainText(text);
    m_copy->setEnabled(row && !typedText(*row).isEmpty());
    m_open->setEnabled(row && m_desk.ticket(row->ticketId()).has_value());
    m_discard->setEnabled(row && refused(*row));
}

} // namespace Signpost
