#include "ui/ticketview.h"

#include "core/quotedtext.h"
#include "core/timestamps.h"
#include "models/slacountdown.h"
#include "models/ticketqueuemodel.h"
#include "ui/cannedreplypicker.h"
#include "ui/language.h"
#include "ui/transferdialog.h"

#include <QComboBox>
#include <QCoroTask>
#include <QDateTime>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabBar>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', u"<br>"_s);
}

QString when(qint64 ms)
{
    return shortDateTime(ms);
}

} // namespace

TicketView::TicketView(Desk &desk, QWidget *parent)
    : QWidget(parent)
    , m_desk(desk)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_sla(new QLabel(this))
    , m_presence(new QLabel(this))
    , m_slaTimer(new QTimer(this))
    , m_status(new QComboBox(this))
    , m_priority(new QComboBox(this))
    , m_assignee(new QComboBox(this))
    , m_assignToMe(new QPushButton(tr("Assign to me"), this))
    , m_transfer(new QPushButton(tr("Transfer…"), this))
    , m_rejection(new QLabel(this))
    , m_discard(new QPushButton(tr("Discard"), this))
    , m_rewrite(new QPushButton(tr("Write it again"), this))
    , m_thread(new QTextBrowser(this))
    , m_customer(new QLabel(this))
    , m_otherTickets(new QListWidget(this))
    , m_mode(new QTabBar(this))
    , m_modeHint(new QLabel(this))
    , m_sender(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
    , m_draftTimer(new QTimer(this))
    , m_signature(new QLabel(this))
    , m_heldBar(new QWidget(this))
    , m_heldLabel(new QLabel(m_heldBar))
    , m_heldTick(new QTimer(this))
    , m_undo(new QPushButton(tr("Undo"), m_heldBar))
    , m_changedBar(new QWidget(this))
    , m_changedLabel(new QLabel(m_changedBar))
    , m_sendAnyway(new QPushButton(tr("Send anyway"), m_changedBar))
    , m_keepEditing(new QPushButton(tr("Keep editing"), m_changedBar))
    , m_send(new QPushButton(tr("Send reply"), this))
    , m_sendPending(new QPushButton(tr("Send && set pending"), this))
    , m_canned(new QPushButton(tr("Canned reply…"), this))
    , m_attach(new QPushButton(tr("Atta&ch files…"), this))
    , m_files(new QLabel(this))
    , m_body(new QWidget(this))
    , m_placeholder(new QLabel(tr("Choose a ticket from the queue."), this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_meta->setTextFormat(Qt::PlainText);
    m_meta->setStyleSheet(u"color: palette(placeholder-text);"_s);
    m_sla->setTextFormat(Qt::RichText);
    m_sla->setWordWrap(true); // never widens the pane
    m_sla->setAccessibleName(tr("Service levels"));
    m_presence->setTextFormat(Qt::RichText);
    m_presence->setWordWrap(true);
    m_presence->setAccessibleName(tr("Colleagues on this ticket"));
    m_presence->setObjectName(u"presenceLine"_s);
    m_presence->hide();
    connect(&m_desk, &Desk::presenceChanged, this, [this](qint64 ticketId) {
        if (ticketId == m_ticketId)
            showPresence();
    });
    // The countdowns run from the cache, online or not.
    m_slaTimer->setInterval(std::chrono::seconds(30));
    connect(m_slaTimer, &QTimer::timeout, this, &TicketView::showSla);
    m_slaTimer->start();

    // "New" is where tickets start; nobody can set it.
    for (TicketStatus status : {TicketStatus::Open, TicketStatus::Pending, TicketStatus::Solved, TicketStatus::Closed})
        m_status->addItem(TicketQueueModel::statusName(status), toString(status));
    for (Priority priority : {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent})
        m_priority->addItem(TicketQueueModel::priorityName(priority), toString(priority));
    m_status->setPlaceholderText(TicketQueueModel::statusName(TicketStatus::New));
    m_status->setToolTip(tr("Status (Ctrl+Shift+S)"));
    m_priority->setToolTip(tr("Priority (Ctrl+Shift+P)"));
    m_assignee->setToolTip(tr("Assignee (Ctrl+Shift+A)"));
    m_assignToMe->setToolTip(tr("Ctrl+M"));
    m_transfer->setToolTip(tr("Ctrl+T"));

    m_rejection->setWordWrap(true);
    m_rejection->setTextFormat(Qt::PlainText);
    m_rejection->setStyleSheet(u"background: #fdecea; color: #7a1c14; padding: 8px; border-radius: 4px;"_s);

    connect(m_thread->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int maximum) {
        m_thread->verticalScrollBar()->setValue(m_threadPlace < 0 ? maximum : std::min(m_threadPlace, maximum));
    });
    // Scrolling by the agent sets the place kept; at the end means "follow".
    connect(m_thread->verticalScrollBar(), &QScrollBar::actionTriggered, this, [this]() {
        QScrollBar *bar = m_thread->verticalScrollBar();
        m_threadPlace = bar->sliderPosition() >= bar->maximum() - 4 ? -1 : bar->sliderPosition();
    });
    m_thread->setOpenLinks(false);
    connect(m_thread, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"attachment") {
            openAttachment(url.path().toLongLong());
        } else if (url.scheme() == u"fold") {
            const qint64 message = url.path().toLongLong();
            if (!m_unfolded.remove(message))
                m_unfolded.insert(message);
            reload();
        }
    });
    m_thread->setOpenExternalLinks(false);
    m_customer->setWordWrap(true);
    m_customer->setTextFormat(Qt::RichText);
    m_customer->setAlignment(Qt::AlignTop);
    m_sender->setTextFormat(Qt::PlainText);
    m_signature->setTextFormat(Qt::PlainText);
    m_signature->setStyleSheet(u"color: palette(placeholder-text);"_s);
    m_mode->addTab(tr("Reply to customer"));
    m_mode->addTab(tr("Internal note"));
    m_mode->setTabToolTip(0, tr("Ctrl+R"));
    m_mode->setTabToolTip(1, tr("Ctrl+Shift+N"));
    m_mode->setExpanding(false);
    m_mode->setObjectName(u"composeMode"_s);
    m_modeHint->setTextFormat(Qt::PlainText);
    m_modeHint->setWordWrap(true);
    m_editor->setObjectName(u"composeEditor"_s);
    m_editor->setTabChangesFocus(true);
    m_editor->setMinimumHeight(80);
    m_editor->setMaximumHeight(180);
    m_send->setToolTip(tr("Ctrl+Return"));
    m_sendPending->setToolTip(tr("Ctrl+Shift+Return"));
    // Saved as the agent types, a moment after they stop.
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(400);
    connect(m_draftTimer, &QTimer::timeout, this, &TicketView::saveDraftNow);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this]() {
        if (m_editor->isEnabled())
            m_draftTimer->start();
        tellPresence();
    });
    connect(m_mode, &QTabBar::currentChanged, this, [this]() {
        showMode();
        saveDraftNow();
    });

    m_heldLabel->setTextFormat(Qt::PlainText);
    m_heldLabel->setObjectName(u"heldLabel"_s);
    m_undo->setToolTip(tr("Ctrl+Shift+U"));
    auto *heldLayout = new QHBoxLayout(m_heldBar);
    heldLayout->setContentsMargins(8, 4, 8, 4);
    heldLayout->addWidget(m_heldLabel, 1);
    heldLayout->addWidget(m_undo);
    m_heldBar->setAutoFillBackground(true);
    m_heldBar->hide();
    m_heldTick->setInterval(250);
    connect(m_heldTick, &QTimer::timeout, this, &TicketView::showHeld);
    connect(m_undo, &QPushButton::clicked, this, &TicketView::undoSend);
    connect(&m_desk, &Desk::heldChanged, this, [this](qint64 ticketId) {
        if (ticketId != m_ticketId)
            return;
        loadDraft();
        reload();
    });

    // Others wrote since the agent began: what they wrote, and a choice.
    m_changedLabel->setTextFormat(Qt::PlainText);
    m_changedLabel->setWordWrap(true);
    m_changedLabel->setObjectName(u"changedLabel"_s);
    auto *changedLayout = new QHBoxLayout(m_changedBar);
    changedLayout->setContentsMargins(8, 4, 8, 4);
    changedLayout->addWidget(m_changedLabel, 1);
    changedLayout->addWidget(m_keepEditing);
    changedLayout->addWidget(m_sendAnyway);
    m_changedBar->setAutoFillBackground(true);
    QPalette changedPalette = m_changedBar->palette();
    changedPalette.setColor(QPalette::Window, QColor(u"#fef9c3"_s));
    changedPalette.setColor(QPalette::WindowText, QColor(u"#111827"_s));
    m_changedBar->setPalette(changedPalette);
    m_changedBar->hide();
    connect(m_sendAnyway, &QPushButton::clicked, this, [this]() {
        const std::optional<TicketStatus> status = m_changedStatus;
        report(m_desk.markRead(m_ticketId), QString());
        hideChanged();
        send(status);
    });
    connect(m_keepEditing, &QPushButton::clicked, this, [this]() {
        report(m_desk.markRead(m_ticketId), tr("Read what changed, then send again."));
        hideChanged();
        m_editor->setFocus();
    });

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_status);
    actions->addWidget(m_priority);
    actions->addWidget(m_assignee, 1);
    actions->addWidget(m_assignToMe);
    actions->addWidget(m_transfer);

    auto *rejection = new QHBoxLayout;
    rejection->addWidget(m_rejection, 1);
    rejection->addWidget(m_rewrite);
    rejection->addWidget(m_discard);

    auto *customerPanel = new QWidget(this);
    auto *customerLayout = new QVBoxLayout(customerPanel);
    customerLayout->setContentsMargins(0, 0, 0, 0);
    customerLayout->addWidget(m_customer);
    customerLayout->addWidget(new QLabel(tr("Their other tickets"), customerPanel));
    customerLayout->addWidget(m_otherTickets, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_thread);
    split->addWidget(customerPanel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    m_canned->setToolTip(tr("Insert one of the department's canned replies (Ctrl+I)"));
    connect(m_canned, &QPushButton::clicked, this, &TicketView::insertCannedReply);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_canned);
    buttons->addWidget(m_sender, 1);
    buttons->addWidget(m_sendPending);
    buttons->addWidget(m_send);

    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->addWidget(m_title);
    body->addWidget(m_meta);
    body->addWidget(m_sla);
    body->addWidget(m_presence);
    body->addLayout(actions);
    body->addLayout(rejection);
    body->addWidget(split, 1);
    body->addWidget(m_mode);
    body->addWidget(m_modeHint);
    body->addWidget(m_heldBar);
    body->addWidget(m_changedBar);
    body->addWidget(m_editor);
    auto *files = new QHBoxLayout;
    m_attach->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    files->addWidget(m_attach);
    files->addWidget(m_files, 1);
    files->addStretch(); // the button at the left when no file is attached
    body->addLayout(files);
    body->addWidget(m_signature);
    body->addLayout(buttons);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setStyleSheet(u"color: palette(placeholder-text);"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_body);
    m_body->hide();

    connect(m_send, &QPushButton::clicked, this, [this]() { send(); });
    m_attach->setToolTip(tr("Files for the customer (a reply) or for your team (a note)"));
    connect(m_attach, &QPushButton::clicked, this, &TicketView::chooseFiles);
    m_files->setObjectName(u"composeFiles"_s);
    m_files->setTextFormat(Qt::RichText);
    m_files->setWordWrap(true);
    m_files->hide();
    connect(m_files, &QLabel::linkActivated, this, [this](const QString &link) {
        const qsizetype index = link.section(u':', 1).toLongLong();
        if (!link.startsWith(u"remove:") || index < 0 || index >= m_attachments.size())
            return;
        m_attachments.removeAt(index);
        showFiles();
        saveDraftNow();
    });
    connect(m_sendPending, &QPushButton::clicked, this, [this]() { send(TicketStatus::Pending); });
    connect(m_assignToMe, &QPushButton::clicked, this, &TicketView::assignToMe);
    connect(m_transfer, &QPushButton::clicked, this, &TicketView::openTransferDialog);
    connect(m_status, &QComboBox::activated, this, [this]() {
        const auto status = ticketStatusFromString(m_status->currentData().toString());
        if (status)
            report(m_desk.setStatus(m_ticketId, *status), tr("Status changed."));
    });
    connect(m_priority, &QComboBox::activated, this, [this]() {
        const auto priority = priorityFromString(m_priority->currentData().toString());
        if (priority)
            report(m_desk.setPriority(m_ticketId, *priority), tr("Priority changed."));
    });
    connect(m_assignee, &QComboBox::activated, this, [this]() {
        report(m_desk.assign(m_ticketId, m_assignee->currentData().toLongLong()), tr("Assigned."));
    });
    connect(m_discard, &QPushButton::clicked, this, [this]() {
        report(m_desk.discard(m_rejectedEntry), tr("Discarded."));
    });
    m_rewrite->setToolTip(tr("Put the text back in the editor, to send after reading what changed"));
    connect(m_rewrite, &QPushButton::clicked, this, [this]() {
        report(m_desk.rewrite(m_rejectedEntry), tr("Your text is back in the editor."));
        loadDraft();
        m_editor->setFocus();
    });
    connect(m_otherTickets, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT ticketRequested(item->data(Qt::UserRole).toLongLong());
    });
    connect(&m_desk, &Desk::ticketsChanged, this, &TicketView::reload);
}

void TicketView::showTicket(qint64 ticketId)
{
    if (ticketId != m_ticketId) {
        saveDraftNow();
        hideChanged();
        m_ticketId = ticketId;
        loadDraft();
        showPresence();
    }
    reload();
}

void TicketView::tellPresence()
{
    // Writing: there is unsent text for this ticket (typed, or held to go).
    m_desk.setPresence(m_ticketId, !m_editor->toPlainText().trimmed().isEmpty() || m_desk.isHeld(m_ticketId));
}

void TicketView::showPresence()
{
    QStringList parts;
    for (const Desk::Presence &colleague : m_desk.presence(m_ticketId)) {
        const QString name = colleague.name.toHtmlEscaped();
        parts.append(colleague.writing ? u"<span style=\"color:#b45309; font-weight:bold\">✎ %1</span>"_s.arg(
                                             tr("%1 is writing").arg(name))
                                       : u"<span style=\"color:#16a34a\">●</span> %1"_s.arg(
                                             tr("%1 is viewing").arg(name)));
    }
    m_presence->setText(parts.join(u" · "_s));
    m_presence->setVisible(!parts.isEmpty());
}

bool TicketView::noteMode() const
{
    return m_mode->currentIndex() == 1;
}

void TicketView::setNoteMode(bool note)
{
    m_mode->setCurrentIndex(note ? 1 : 0);
}

void TicketView::loadDraft()
{
    m_draftTimer->stop();
    const std::optional<Draft> held = m_desk.held(m_ticketId);
    const std::optional<Draft> draft = held ? held : m_desk.draft(m_ticketId);
    const QSignalBlocker modeBlock(m_mode);
    m_mode->setCurrentIndex(draft && draft->note ? 1 : 0);
    // While a send waits out its undo time the editor is empty and locked:
    // the text is on its way, and comes back on Undo.
    m_editor->setEnabled(!held);
    {
        const QSignalBlocker editorBlock(m_editor); // loading is not typing
        m_editor->setPlainText(draft && !held ? draft->body : QString());
    }
    m_attachments = draft && !held ? draft->attachments : QList<OutgoingFile>();
    m_attach->setEnabled(!held);
    showFiles();
    showMode();
    showHeld();
    tellPresence();
}

void TicketView::saveDraftNow()
{
    m_draftTimer->stop();
    if (m_ticketId <= 0 || !m_editor->isEnabled())
        return;
    const Status saved = m_desk.saveDraft(Draft{m_ticketId, noteMode(), m_editor->toPlainText(), 0, 0, m_attachments});
    if (!saved)
        Q_EMIT statusMessage(tr("Your draft could not be saved: %1").arg(saved.error().message));
}

void TicketView::showMode()
{
    // Two modes that cannot be mistaken: the editor's frame, the hint, the
    // sender line and the button all say which one it is.
    // (From what reload() last read: no second read of the ticket.)
    const bool note = noteMode();
    const std::optional<Department> &department = m_shownDepartment;
    m_editor->setStyleSheet(note ? u"QPlainTextEdit { border: 2px solid #d97706; border-radius: 3px; }"_s
                                 : u"QPlainTextEdit { border: 2px solid #2563eb; border-radius: 3px; }"_s);
    m_editor->setPlaceholderText(note ? tr("Write an internal note: only your team sees it…")
                                      : tr("Write your reply to the customer…"));
    m_modeHint->setText(note ? tr("Internal note: only agents see it, never the customer.")
                             : tr("Reply: %1 gets this by email.")
                                   .arg(m_shownCustomer.isEmpty() ? tr("the customer") : m_shownCustomer));
    m_modeHint->setStyleSheet(note ? u"color: #b45309; font-weight: bold;"_s : u"color: #2563eb; font-weight: bold;"_s);
    m_sender->setText(note ? tr("Not sent to the customer")
                           : (department ? tr("From: %1").arg(department->senderNameFor(m_shownShop)) : QString()));
    m_signature->setText(!note && department ? department->signature : QString());
    m_signature->setVisible(!m_signature->text().isEmpty());
    m_send->setText(note ? tr("Add internal note") : tr("Send reply"));
    m_sendPending->setVisible(!note);
}

void TicketView::showHeld()
{
    const std::optional<Draft> held = m_desk.held(m_ticketId);
    m_heldBar->setVisible(held.has_value());
    m_send->setEnabled(!held);
    m_sendPending->setEnabled(!held);
    if (!held) {
        m_heldTick->stop();
        return;
    }
    const int seconds = int((m_desk.heldRemainingMs(m_ticketId) + 999) / 1000);
    m_heldLabel->setText(held->note ? tr("Your note is added in %n s.", nullptr, seconds)
                                    : tr("Your reply goes to the customer in %n s.", nullptr, seconds));
    QPalette palette = m_heldBar->palette();
    palette.setColor(QPalette::Window, held->note ? QColor(u"#fef3c7"_s) : QColor(u"#dbeafe"_s));
    palette.setColor(QPalette::WindowText, QColor(u"#111827"_s));
    m_heldBar->setPalette(palette);
    if (!m_heldTick->isActive())
        m_heldTick->start();
}

void TicketView::report(const Status &done, const QString &success)
{
    Q_EMIT statusMessage(done ? success : done.error().message);
    reload();
}

void TicketView::fillActions(const Ticket &ticket)
{
    const QSignalBlocker statusBlock(m_status), priorityBlock(m_priority), assigneeBlock(m_assignee);
    // A new ticket shows "New", which is not a choice (see the constructor).
    m_status->setCurrentIndex(m_status->findData(toString(ticket.status)));
    m_priority->setCurrentIndex(m_priority->findData(toString(ticket.priority)));
    m_assignee->clear();
    m_assignee->addItem(tr("Unassigned"), qint64(0));
    for (const Agent &agent : m_desk.colleagues(ticket.departmentId))
        m_assignee->addItem(agent.name, agent.id);
    int current = m_assignee->findData(ticket.assigneeId);
    if (current < 0) {
        m_assignee->addItem(m_desk.agentName(ticket.assigneeId), ticket.assigneeId);
        current = m_assignee->count() - 1;
    }
    m_assignee->setCurrentIndex(current);
}

void TicketView::reload()
{
    const std::optional<Ticket> ticket = m_ticketId > 0 ? m_desk.ticket(m_ticketId) : std::nullopt;
    m_body->setVisible(ticket.has_value());
    m_placeholder->setVisible(!ticket.has_value());
    if (!ticket) {
        if (m_ticketId > 0)
            m_placeholder->setText(tr("This ticket is no longer in your departments."));
        return;
    }
    const std::optional<Department> department = m_desk.department(ticket->departmentId);
    m_title->setText(ticket->subject);
    m_meta->setText(tr("#%1 · %2 · via %3 · opened %4")
                        .arg(ticket->id)
                        .arg(department ? department->name : tr("another department"), toString(ticket->channel),
                             when(ticket->createdAt)));
    fillActions(*ticket);
    showSla();

    m_rejectedEntry = 0;
    QString rejection;
    bool written = false;
    for (const OutboxEntry &entry : m_desk.rejected()) {
        if (entry.command.ticketId != ticket->id)
            continue;
        m_rejectedEntry = entry.id;
        written = entry.command.type == Command::Type::Reply || entry.command.type == Command::Type::Note;
        const QString what = Desk::commandName(entry.command.type);
        rejection = entry.reason == u"conflict" && written
                        ? tr("Not sent (%1): %2").arg(what, entry.message)
                    : entry.reason == u"conflict"
                        ? tr("Not applied (%1): the ticket changed before it reached the server. "
                             "It now shows the server's state.")
                              .arg(what)
                        : tr("Refused (%1): %2").arg(what, entry.message);
        const QString typed = entry.command.type == Command::Type::Transfer ? entry.command.note : entry.command.body;
        if (!typed.isEmpty())
            rejection += tr("\nWhat you wrote: “%1”").arg(typed);
    }
    m_rejection->setText(rejection);
    m_rejection->setVisible(m_rejectedEntry > 0);
    m_discard->setVisible(m_rejectedEntry > 0);
    m_rewrite->setVisible(m_rejectedEntry > 0 && written);

    showThread(*ticket);

    // The language the customer is written to in (their page, the
    // acknowledgement), named in itself as a language menu does, when it is
    // not the desk's: a reply is best in it too.
    QString language;
    for (const Language &known : languages()) {
        if (known.code == ticket->customer.language && known.code != languageCode(QLocale().name()))
            language = u"<br>"_s + tr("Language: %1").arg(known.name);
    }
    m_customer->setText(tr("<b>%1</b><br>%2%3")
                            .arg(ticket->customer.name.toHtmlEscaped(), ticket->customer.email.toHtmlEscaped(),
                                 (ticket->customer.orderNumber.isEmpty()
                                      ? QString()
                                      : tr("<br>Order %1").arg(ticket->customer.orderNumber.toHtmlEscaped()))
                                     + language));
    m_otherTickets->clear();
    for (const QueueRow &row : m_desk.customerTickets(*ticket)) {
        auto *item = new QListWidgetItem(u"#%1 %2"_s.arg(row.id).arg(row.subject), m_otherTickets);
        item->setData(Qt::UserRole, row.id);
    }

    m_shownDepartment = department;
    m_shownCustomer = ticket->customer.name;
    m_shownShop = ticket->customer.shopId;
    showMode();
}

void TicketView::showThread(const Ticket &ticket)
{
    // Drawn again only when what it shows changed, keeping the agent's place:
    // at the newest message if they were there (or the ticket just opened),
    // else where they had scrolled to.
    const QString html = renderThread(ticket);
    const bool opened = ticket.id != m_threadTicket;
    if (!opened && html == m_threadHtml)
        return;
    QScrollBar *bar = m_thread->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    const int was = bar->value();
    // The document lays itself out in steps: the place is set again as the
    // range grows (see the constructor).
    m_threadPlace = opened || atEnd ? -1 : was;
    m_thread->setHtml(html);
    m_threadHtml = html;
    m_threadTicket = ticket.id;
    bar->setValue(m_threadPlace < 0 ? bar->maximum() : was);
}

void TicketView::showSla()
{
    const std::optional<Ticket> ticket = m_ticketId > 0 ? m_desk.ticket(m_ticketId) : std::nullopt;
    if (!ticket || ticket->sla.nextDue() == 0) {
        m_sla->clear();
        m_sla->setVisible(false);
        return;
    }
    const std::optional<Department> department = m_desk.department(ticket->departmentId);
    const SlaClock clock(department ? department->sla.hours : BusinessHours{});
    const qint64 now = nowMs();
    QStringList parts;
    for (SlaTarget target : AllSlaTargets) {
        if (ticket->sla.due(target) <= 0)
            continue;
        const SlaStanding standing = SlaStanding::of(ticket->sla, target, clock, now);
        QString text = tr("%1: %2").arg(slaTargetLabel(target), standing.text()).toHtmlEscaped();
        if (standing.colour().isValid())
            text = u"<span style=\"color: %1; font-weight: bold;\">%2</span>"_s.arg(standing.colour().name(), text);
        parts.append(text);
    }
    m_sla->setText(parts.join(u" · "_s));
    m_sla->setVisible(true);
}

QString TicketView::describeEvent(const TicketEvent &event)
{
    const QJsonObject &d = event.data;
    const QString who = event.actorAgentId > 0 ? m_desk.agentName(event.actorAgentId) : tr("Signpost");
    auto departmentName = [&](const QJsonValue &id) {
        const std::optional<Department> department = m_desk.department(id.toInteger());
        if (department)
            return department->name;
        for (const Desk::TransferTarget &target : m_desk.transferTargets()) {
            if (target.id == id.toInteger())
                return target.name;
        }
        return tr("department %1").arg(id.toInteger());
    };
    if (event.kind == u"created")
        return tr("Created via %1").arg(d.value(u"channel"_s).toString());
    if (event.kind == u"routed")
        return tr("Routed to %1 — %2").arg(departmentName(d.value(u"department"_s)), d.value(u"detail"_s).toString());
    if (event.kind == u"transferred") {
        QString text = tr("%1 transferred it from %2 to %3")
                           .arg(who, departmentName(d.value(u"from"_s)), departmentName(d.value(u"to"_s)));
        if (!d.value(u"note"_s).toString().isEmpty())
            text += tr(": “%1”").arg(d.value(u"note"_s).toString());
        return text;
    }
    if (event.kind == u"assigned") {
        const qint64 to = d.value(u"to"_s).toInteger();
        return to > 0 ? tr("%1 assigned it to %2").arg(who, m_desk.agentName(to)) : tr("%1 unassigned it").arg(who);
    }
    if (event.kind == u"status_changed")
        return tr("%1 set the status from %2 to %3")
            .arg(d.value(u"by"_s).toString() == u"customer" ? tr("The customer's reply") : who,
                 TicketQueueModel::statusName(d.value(u"from"_s).toString()),
                 TicketQueueModel::statusName(d.value(u"to"_s).toString()));
    if (event.kind == u"sla_at_risk" || event.kind == u"sla_breached") {
        const SlaTarget target = slaTargetFromString(d.value(u"target"_s).toString()).value_or(SlaTarget::Resolution);
        return event.kind == u"sla_at_risk" ? tr("%1 target at risk").arg(slaTargetLabel(target))
                                             : tr("%1 target breached (due %2)")
                                                   .arg(slaTargetLabel(target), when(msFromIso(d.value(u"due_at"_s).toString())));
    }
    if (event.kind == QStringView(EventKind::MailDelivery)) {
        const QString to = d.value(u"to"_s).toString();
        const QString state = d.value(u"state"_s).toString();
        if (state == u"sent")
            return tr("The reply was mailed to %1").arg(to);
        if (state == u"retrying")
            return tr("The mail to %1 is not accepted yet (%2); trying again").arg(to, d.value(u"answer"_s).toString());
        if (state == u"bounced")
            return tr("The mail to %1 bounced: %2").arg(to, d.value(u"answer"_s).toString());
        return tr("The mail to %1 could not be delivered: %2").arg(to, d.value(u"answer"_s).toString());
    }
    if (event.kind == u"priority_changed")
        return tr("%1 set the priority from %2 to %3")
            .arg(who, TicketQueueModel::priorityName(d.value(u"from"_s).toString()),
                 TicketQueueModel::priorityName(d.value(u"to"_s).toString()));
    return event.kind;
}

TicketView::ThreadStyle TicketView::threadStyle(const QPalette &palette)
{
    // Tinted blocks that keep to the palette: light tints on a light base,
    // deep ones on a dark base, and the palette's own text on both.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    ThreadStyle style;
    style.text = palette.color(QPalette::Text);
    style.customer = dark ? QColor(u"#262b33"_s) : QColor(u"#f9fafb"_s);
    style.reply = dark ? QColor(u"#172a46"_s) : QColor(u"#eff6ff"_s);
    style.note = dark ? QColor(u"#3a2c0f"_s) : QColor(u"#fffbeb"_s);
    style.muted = dark ? QColor(u"#9ca3af"_s) : QColor(u"#6b7280"_s);
    return style;
}

void TicketView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_ticketId > 0) {
        m_threadHtml.clear(); // drawn again in the new colours
        reload();
    }
}

QString TicketView::renderThread(const Ticket &ticket)
{
    // Messages and history in time order; customers' text is always escaped
    // here and never loaded as remote content.
    struct Item
    {
        qint64 at;
        int order;
        QString html;
    };
    QList<Item> items;
    int order = 0;
    const ThreadStyle colours = threadStyle(palette());
    // How each reply's mail fared, by its latest word.
    QHash<qint64, QString> delivery;
    for (const TicketEvent &e : ticket.events) {
        if (e.kind == QStringView(EventKind::MailDelivery))
            delivery.insert(e.data.value(u"message"_s).toInteger(), e.data.value(u"state"_s).toString());
    }
    for (const Message &m : ticket.messages) {
        QString label;
        QColor background, border;
        switch (m.kind) {
        case MessageKind::Customer:
            background = colours.customer;
            border = QColor(u"#9ca3af"_s);
            label = tr("%1 wrote").arg(m.authorName);
            break;
        case MessageKind::Reply:
            background = colours.reply;
            border = QColor(u"#2563eb"_s);
            label = tr("%1 replied as %2").arg(m.authorName, m.senderName);
            break;
        case MessageKind::Note:
            background = colours.note;
            border = QColor(u"#d97706"_s);
            label = tr("Internal note by %1").arg(m.authorName);
            break;
        }
        // The text's colour is set with the background, so a dark palette
        // never puts white text on a light block (or the reverse).
        const QString style = u"border-left: 4px solid %1; background: %2; color: %3;"_s.arg(
            border.name(), background.name(), colours.text.name());
        // A customer's mail shows their new words; the history they
        // answered is folded below them, a click away.
        QString body = esc(m.body);
        if (m.kind == MessageKind::Customer) {
            if (const QuotedText parts = QuotedText::split(m.body); !parts.quoted.isEmpty()) {
                const int lines = int(parts.quoted.count(u'\n')) + 1;
                body = esc(parts.fresh);
                if (m_unfolded.contains(m.id))
                    body += u"<br><a href=\"fold:%1\">%2</a><br><span style=\"color:%3\">%4</span>"_s.arg(
                        QString::number(m.id), tr("Hide the quoted text"), colours.muted.name(), esc(parts.quoted));
                else
                    body += u"<br><a href=\"fold:%1\">%2</a>"_s.arg(QString::number(m.id),
                                                                   tr("… show the quoted text (%n lines)", nullptr, lines));
            }
        }
        if (m.kind == MessageKind::Reply && !m.signature.isEmpty())
            body += u"<br><br><span style=\"color:%1\">"_s.arg(colours.muted.name()) + esc(m.signature) + u"</span>"_s;
        for (const AttachmentRef &file : m.attachments) {
            const QString size = file.size >= 1024 * 1024 ? tr("%1 MB").arg(double(file.size) / (1024 * 1024), 0, 'f', 1)
                                                          : tr("%1 KB").arg(std::max<qint64>(1, file.size / 1024));
            body += u"<br>📎 <a href=\"attachment:%1\">%2</a> <span style=\"color:%3\">%4</span>"_s.arg(
                QString::number(file.id), esc(file.filename), colours.muted.name(), size);
        }
        QString pending = m.id < 0 ? tr(" · waiting to be sent") : QString();
        const QString mailed = delivery.value(m.id);
        if (mailed == u"sent")
            pending = tr(" · ✉ mailed");
        else if (mailed == u"retrying")
            pending = tr(" · ✉ mail delayed");
        else if (mailed == u"failed" || mailed == u"bounced")
            pending = u" · <span style=\"color:#dc2626; font-weight:bold\">%1</span>"_s.arg(
                mailed == u"failed" ? tr("✉ mail not delivered") : tr("✉ mail bounced"));
        items.append({m.createdAt, order++,
                      u"<table width=\"100%\" cellpadding=\"8\" style=\"margin-bottom:10px; %1\"><tr><td>"
                      "<b>%2</b> <span style=\"color:%6\">%3%4</span><br>%5</td></tr></table>"_s.arg(
                          style, esc(label), when(m.createdAt), pending, body, colours.muted.name())});
    }
    for (const TicketEvent &e : ticket.events) {
        items.append({e.createdAt, order++,
                      u"<p style=\"color:%3; margin: 2px 0 8px 0\">● %1 <span style=\"font-size:small\">%2</span></p>"_s
                          .arg(esc(describeEvent(e)), when(e.createdAt), colours.muted.name())});
    }
    std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
        return a.at != b.at ? a.at < b.at : a.order < b.order;
    });
    QString html;
    for (const Item &item : std::as_const(items))
        html += item.html;
    return html;
}

void TicketView::openAttachment(qint64 attachmentId)
{
    const std::optional<Ticket> ticket = m_desk.ticket(m_ticketId);
    if (!ticket)
        return;
    for (const Message &m : ticket->messages) {
        for (const AttachmentRef &file : m.attachments) {
            if (file.id != attachmentId)
                continue;
            Q_EMIT statusMessage(tr("Opening %1…").arg(file.filename));
            QCoro::connect(m_desk.engine().fetchAttachment(file), this,
                           [this, name = file.filename](const Expected<QString> &path) {
                               if (!path) {
                                   Q_EMIT statusMessage(tr("%1 could not be opened: %2").arg(name, path.error().message));
                                   return;
                               }
                               QDesktopServices::openUrl(QUrl::fromLocalFile(*path));
                               Q_EMIT statusMessage(QString());
                           });
            return;
        }
    }
}

void TicketView::focusReply()
{
    setNoteMode(false);
    m_editor->setFocus();
}

void TicketView::focusNote()
{
    setNoteMode(true);
    m_editor->setFocus();
}

void TicketView::send(std::optional<TicketStatus> status)
{
    if (m_ticketId <= 0)
        return;
    const bool note = noteMode();
    // Others wrote since the agent began: show them what, and ask.
    saveDraftNow();
    if (const QList<Message> since = m_desk.writtenSince(m_ticketId); !since.isEmpty()) {
        showChanged(since, status);
        return;
    }
    const Status done =
        m_desk.send(Draft{m_ticketId, note, m_editor->toPlainText().trimmed(), 0, 0, m_attachments}, status);
    if (!done) {
        Q_EMIT statusMessage(done.error().message);
        return;
    }
    loadDraft();
    Q_EMIT statusMessage(m_desk.isHeld(m_ticketId) ? QString() : note ? tr("Note added.") : tr("Reply queued."));
}

void TicketView::showChanged(const QList<Message> &since, std::optional<TicketStatus> status)
{
    QStringList lines{tr("Since you began writing:")};
    for (const Message &message : since) {
        QString text = message.body.simplified();
        if (text.size() > 160)
            text = text.left(159) + u'…';
        const QString who = message.kind == MessageKind::Customer ? tr("%1 wrote").arg(message.authorName)
                            : message.kind == MessageKind::Note   ? tr("%1 added a note").arg(message.authorName)
                                                                  : tr("%1 replied").arg(message.authorName);
        lines.append(tr("• %1 at %2: “%3”").arg(who, when(message.createdAt), text));
    }
    m_changedLabel->setText(lines.join(u'\n'));
    m_changedStatus = status;
    m_changedBar->show();
    m_sendAnyway->setFocus();
    // The thread shows what came in, at its end.
    reload();
    m_threadPlace = -1;
    m_thread->verticalScrollBar()->setValue(m_thread->verticalScrollBar()->maximum());
}

void TicketView::hideChanged()
{
    m_changedBar->hide();
    m_changedStatus.reset();
}

void TicketView::insertCannedReply()
{
    if (m_ticketId <= 0 || !m_body->isVisible() || !m_editor->isEnabled() || !m_shownDepartment)
        return;
    CannedReplyPicker picker(m_desk.cannedReplies(m_shownDepartment->id), m_desk.cannedFields(m_ticketId),
                             m_shownDepartment->name, this);
    if (picker.exec() != QDialog::Accepted || picker.chosenText().isEmpty())
        return;
    m_editor->insertPlainText(picker.chosenText());
    m_editor->setFocus();
    saveDraftNow();
}

void TicketView::chooseFiles()
{
    if (m_ticketId <= 0 || !m_editor->isEnabled())
        return;
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    attachFiles(paths);
    m_editor->setFocus();
}

void TicketView::attachFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        const Expected<OutgoingFile> file = m_desk.attach(m_ticketId, path, m_attachments);
        if (!file) {
            Q_EMIT statusMessage(file.error().message);
            continue;
        }
        if (std::none_of(m_attachments.cbegin(), m_attachments.cend(),
                         [&](const OutgoingFile &had) { return had.sha256 == file->sha256; }))
            m_attachments.append(*file);
    }
    showFiles();
    saveDraftNow();
}

void TicketView::showFiles()
{
    QStringList items;
    for (qsizetype i = 0; i < m_attachments.size(); ++i)
        items.append(tr("<b>%1</b> (%2) <a href=\"remove:%3\">Remove</a>")
                         .arg(m_attachments[i].filename.toHtmlEscaped(), locale().formattedDataSize(m_attachments[i].size))
                         .arg(i));
    m_files->setText(tr("Files: %1").arg(items.join(u" · "_s)));
    m_files->setVisible(!items.isEmpty());
}

void TicketView::undoSend()
{
    if (m_desk.undoSend(m_ticketId)) {
        m_editor->setFocus();
        Q_EMIT statusMessage(tr("Not sent: your text is back in the editor."));
    }
}

void TicketView::assignToMe()
{
    const std::optional<Agent> me = m_desk.me();
    if (me && m_ticketId > 0)
        report(m_desk.assign(m_ticketId, me->id), tr("Assigned to you."));
}

void TicketView::chooseStatus()
{
    if (m_body->isVisible()) {
        m_status->setFocus();
        m_status->showPopup();
    }
}

void TicketView::choosePriority()
{
    if (m_body->isVisible()) {
        m_priority->setFocus();
        m_priority->showPopup();
    }
}

void TicketView::chooseAssignee()
{
    if (m_body->isVisible()) {
        m_assignee->setFocus();
        m_assignee->showPopup();
    }
}

void TicketView::openTransferDialog()
{
    const std::optional<Ticket> ticket = m_ticketId > 0 ? m_desk.ticket(m_ticketId) : std::nullopt;
    if (!ticket)
        return;
    TransferDialog dialog(m_desk, *ticket, this);
    dialog.setObjectName(u"transferDialog"_s);
    if (dialog.exec() != QDialog::Accepted)
        return;
    report(m_desk.transfer(ticket->id, dialog.departmentId(), dialog.assigneeId(), dialog.note()),
           tr("Transfer queued."));
}

} // namespace Signpost
