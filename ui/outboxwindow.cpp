#include "ui/outboxwindow.h"

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

namespace {

QString actionName(Command::Type type)
{
    switch (type) {
    case Command::Type::Reply: return OutboxWindow::tr("Reply");
    case Command::Type::Note: return OutboxWindow::tr("Internal note");
    case Command::Type::Transfer: return OutboxWindow::tr("Transfer");
    case Command::Type::Assign: return OutboxWindow::tr("Assignment");
    case Command::Type::SetStatus: return OutboxWindow::tr("Status");
    case Command::Type::SetPriority: return OutboxWindow::tr("Priority");
    }
    return toString(type);
}

} // namespace

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
        if (const OutboxEntry *entry = current())
            QApplication::clipboard()->setText(typedText(*entry));
    });
    connect(m_open, &QPushButton::clicked, this, [this]() {
        if (const OutboxEntry *entry = current())
            Q_EMIT ticketRequested(entry->command.ticketId);
    });
    connect(m_discard, &QPushButton::clicked, this, [this]() {
        const OutboxEntry *entry = current();
        if (!entry || entry->state != OutboxEntry::State::Rejected)
            return;
        if (!typedText(*entry).isEmpty()
            && QMessageBox::question(this, tr("Discard"), tr("Discard this change and what you wrote with it?"))
                   != QMessageBox::Yes)
            return;
        if (m_desk.discard(entry->id))
            reload();
    });
    connect(&m_desk, &Desk::ticketsChanged, this, &OutboxWindow::reload);
    connect(&m_desk.engine(), &SyncEngine::pendingCountChanged, this, &OutboxWindow::reload);
    reload();
}

QString OutboxWindow::typedText(const OutboxEntry &entry) const
{
    return entry.command.type == Command::Type::Transfer ? entry.command.note : entry.command.body;
}

QString OutboxWindow::stateText(const OutboxEntry &entry) const
{
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
    const qint64 selected = current() ? current()->id : 0;
    m_entries = m_desk.outbox();
    int refused = 0;
    m_table->setRowCount(int(m_entries.size()));
    int selectRow = m_entries.isEmpty() ? -1 : 0;
    for (int row = 0; row < m_entries.size(); ++row) {
        const OutboxEntry &entry = m_entries[row];
        refused += entry.state == OutboxEntry::State::Rejected ? 1 : 0;
        const std::optional<Ticket> ticket = m_desk.ticket(entry.command.ticketId);
        const QString ticketText = ticket ? tr("#%1 %2").arg(ticket->id).arg(ticket->subject)
                                          : tr("#%1 (not in your departments)").arg(entry.command.ticketId);
        const QStringList cells{ticketText, actionName(entry.command.type),
                                QDateTime::fromMSecsSinceEpoch(entry.createdAt).toString(u"d MMM, HH:mm"_s),
                                stateText(entry)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (entry.state == OutboxEntry::State::Rejected)
                item->setForeground(QColor(u"#b00020"_s));
            m_table->setItem(row, column, item);
        }
        if (entry.id == selected)
            selectRow = row;
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(m_entries.isEmpty() ? tr("Everything you did has reached the server.")
                       : refused > 0
                           ? tr("Waiting or refused: %1 (refused: %2). Nothing you wrote is lost: read or copy it below.")
                                 .arg(m_entries.size())
                                 .arg(refused)
                           : tr("Waiting to reach the server: %1.").arg(m_entries.size()));
    m_table->setCurrentCell(selectRow, 0);
    showCurrent();
}

const OutboxEntry *OutboxWindow::current() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

void OutboxWindow::showCurrent()
{
    const OutboxEntry *entry = current();
    QString text;
    if (entry) {
        text = typedText(*entry);
        if (entry->state == OutboxEntry::State::Rejected && !entry->message.isEmpty())
            text = entry->message + u"\n\n"_s + text;
    }
    m_details->setPlainText(text);
    m_copy->setEnabled(entry && !typedText(*entry).isEmpty());
    m_open->setEnabled(entry && m_desk.ticket(entry->command.ticketId).has_value());
    m_discard->setEnabled(entry && entry->state == OutboxEntry::State::Rejected);
}

} // namespace Signpost
