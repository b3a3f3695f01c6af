#include "ui/transferdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Signpost {

TransferDialog::TransferDialog(Desk &desk, const Ticket &ticket, QWidget *parent)
    : TransferDialog(desk, QList<Ticket>{ticket}, parent)
{
}

TransferDialog::TransferDialog(Desk &desk, const QList<Ticket> &tickets, QWidget *parent)
    : QDialog(parent)
    , m_targets(desk.transferTargets())
    , m_department(new QComboBox(this))
    , m_assignee(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
{
    const Ticket &ticket = tickets.first();
    setWindowTitle(tickets.size() == 1 ? tr("Transfer #%1").arg(ticket.id)
                                       : tr("Transfer %n tickets", nullptr, int(tickets.size())));
    m_targets.removeIf([&](const Desk::TransferTarget &t) { return t.id == ticket.departmentId; });
    for (const Desk::TransferTarget &target : std::as_const(m_targets))
        m_department->addItem(target.name, target.id);
    m_note->setPlaceholderText(tr("What should the next team know? (optional)"));
    m_note->setTabChangesFocus(true);

    QStringList lines;
    for (qsizetype i = 0; i < std::min<qsizetype>(tickets.size(), 5); ++i)
        lines.append(tr("<b>%1</b> from %2")
                         .arg(tickets[i].subject.toHtmlEscaped(), tickets[i].customer.name.toHtmlEscaped()));
    if (tickets.size() > 5)
        lines.append(tr("and %n more", nullptr, int(tickets.size() - 5)));
    auto *intro = new QLabel(lines.join(u"<br>"_s), this);
    intro->setTextFormat(Qt::RichText);
    auto *travels = new QLabel(tr("The thread, internal notes, history and customer details travel with the ticket."),
                               this);
    travels->setWordWrap(true);
    travels->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Department"), m_department);
    form->addRow(tr("&Assignee"), m_assignee);
    form->addRow(tr("&Note"), m_note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_transfer = buttons->addButton(tr("&Transfer"), QDialogButtonBox::AcceptRole);
    m_transfer->setDefault(true);
    m_transfer->setEnabled(!m_targets.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_department, &QComboBox::currentIndexChanged, this, &TransferDialog::fillAssignees);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(travels);
    layout->addWidget(buttons);
    setTabOrder(m_department, m_assignee);
    setTabOrder(m_assignee, m_note);
    m_department->setFocus();
    fillAssignees();
    resize(460, sizeHint().height());
}

void TransferDialog::fillAssignees()
{
    m_assignee->clear();
    m_assignee->addItem(tr("Anyone in the department"), qint64(0));
    const qint64 target = departmentId();
    for (const Desk::TransferTarget &t : std::as_const(m_targets)) {
        if (t.id != target)
            continue;
        for (const auto &[id, name] : t.agents)
            m_assignee->addItem(name, id);
    }
}

qint64 TransferDialog::departmentId() const
{
    return m_department->currentData().toLongLong();
}

qint64 TransferDialog::assigneeId() const
{
    return m_assignee->currentData().toLongLong();
}

QString TransferDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

} // namespace Signpost
