#include "ui/mainwindow.h"

#include "models/roles.h"
#include "models/ticketqueuemodel.h"
#include "ui/cannedreplieswindow.h"
#include "ui/administrationwindow.h"
#include "ui/dashboardwindow.h"
#include "ui/departmentdelegate.h"
#include "ui/language.h"
#include "ui/outboxwindow.h"
#include "ui/ticketview.h"
#include "ui/toastpopup.h"
#include "ui/transferdialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QActionGroup>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Signpost {

MainWindow::MainWindow(Desk &desk, QWidget *parent)
    : QMainWindow(parent)
    , m_desk(desk)
    , m_departments(new QListView(this))
    , m_statusFilter(new QComboBox(this))
    , m_mine(new QCheckBox(tr("&Mine"), this))
    , m_unassigned(new QCheckBox(tr("&Unassigned"), this))
    , m_search(new QLineEdit(this))
    , m_everywhere(new QCheckBox(tr("&All departments"), this))
    , m_queue(new QTableView(this))
    , m_ticket(new TicketView(desk, this))
    , m_banner(new QLabel(this))
    , m_connection(new QLabel(this))
    , m_toast(new ToastPopup(this))
    , m_bulkBar(new QWidget(this))
    , m_bulkLabel(new QLabel(m_bulkBar))
    , m_bulkAssign(new QComboBox(m_bulkBar))
    , m_bulkStatus(new QComboBox(m_bulkBar))
{
    setWindowTitle(tr("Signpost"));
    resize(1560, 900);

    m_departments->setModel(&desk.departments());
    m_departments->setItemDelegate(new DepartmentDelegate(m_departments));
    m_departments->setMinimumWidth(230);
    m_departments->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_statusFilter->addItem(tr("Open work"), u"new,open,pending"_s);
    m_statusFilter->addItem(tr("New"), u"new"_s);
    m_statusFilter->addItem(tr("Open"), u"open"_s);
    m_statusFilter->addItem(tr("Pending"), u"pending"_s);
    m_statusFilter->addItem(tr("Solved"), u"solved"_s);
    m_statusFilter->addItem(tr("Closed"), u"closed"_s);
    m_statusFilter->addItem(tr("All"), QString());
    // The dashboard's "SLA at risk" and "SLA breached" open these.
    m_statusFilter->addItem(tr("SLA at risk"), u"sla:at_risk"_s);
    m_statusFilter->addItem(tr("SLA breached"), u"sla:breached"_s);
    m_search->setPlaceholderText(tr("Search this department (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);

    m_queue->setModel(&desk.queue());
    m_queue->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Shift and Ctrl pick several rows for the bulk bar.
    m_queue->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_queue->setSortingEnabled(true);
    m_queue->sortByColumn(TicketQueueModel::Updated, Qt::DescendingOrder);
    m_queue->verticalHeader()->hide();
    m_queue->verticalHeader()->setDefaultSectionSize(m_queue->fontMetrics().height() + 10);
    QHeaderView *header = m_queue->horizontalHeader();
    header->setSectionResizeMode(TicketQueueModel::Subject, QHeaderView::Stretch);
    const int digit = m_queue->fontMetrics().horizontalAdvance(u'0');
    // Narrow enough that the subjects keep most of a 1280-pixel screen.
    for (const auto &[column, width] : {std::pair{TicketQueueModel::Number, 5}, {TicketQueueModel::Customer, 11},
                                        {TicketQueueModel::Status, 7}, {TicketQueueModel::Priority, 7},
                                        {TicketQueueModel::Due, 10},
                                        {TicketQueueModel::Assignee, 10}, {TicketQueueModel::Age, 4},
                                        {TicketQueueModel::Updated, 7}})
        header->resizeSection(column, width * digit + 14);
    m_queue->setAlternatingRowColors(true);
    m_queue->setWordWrap(false);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_statusFilter);
    filters->addWidget(m_mine);
    filters->addWidget(m_unassigned);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_everywhere);
    // Several tickets selected: act on all of them at once.
    m_bulkBar->setObjectName(u"bulkBar"_s);
    m_bulkLabel->setTextFormat(Qt::PlainText);
    m_bulkAssign->setPlaceholderText(tr("Assign to…"));
    m_bulkAssign->setToolTip(tr("Assign the selected tickets (Ctrl+Shift+A)"));
    m_bulkStatus->setPlaceholderText(tr("Set status…"));
    m_bulkStatus->setToolTip(tr("Set the status of the selected tickets (Ctrl+Shift+S)"));
    for (TicketStatus status : {TicketStatus::Open, TicketStatus::Pending, TicketStatus::Solved, TicketStatus::Closed})
        m_bulkStatus->addItem(TicketQueueModel::statusName(status), toString(status));
    auto *bulkTransfer = new QPushButton(tr("Transfer…"), m_bulkBar);
    bulkTransfer->setToolTip(tr("Transfer the selected tickets (Ctrl+T)"));
    auto *bulkLayout = new QHBoxLayout(m_bulkBar);
    bulkLayout->setContentsMargins(6, 4, 6, 4);
    bulkLayout->addWidget(m_bulkLabel, 1);
    bulkLayout->addWidget(m_bulkAssign);
    bulkLayout->addWidget(m_bulkStatus);
    bulkLayout->addWidget(bulkTransfer);
    m_bulkBar->setAutoFillBackground(true);
    m_bulkBar->setBackgroundRole(QPalette::AlternateBase);
    m_bulkBar->hide();
    connect(m_bulkAssign, &QComboBox::activated, this, [this]() {
        const qint64 agent = m_bulkAssign->currentData().toLongLong();
        const QString name = m_bulkAssign->currentText();
        bulkApply([agent, name](int n) { return agent > 0 ? tr("Assigned %n tickets to %1.", nullptr, n).arg(name)
                                                          : tr("Unassigned %n tickets.", nullptr, n); },
                  [this, agent](qint64 ticket) { return m_desk.assign(ticket, agent); });
    });
    connect(m_bulkStatus, &QComboBox::activated, this, [this]() {
        const std::optional<TicketStatus> status = ticketStatusFromString(m_bulkStatus->currentData().toString());
        const QString label = m_bulkStatus->currentText();
        if (status)
            bulkApply([label](int n) { return tr("Set %n tickets to %1.", nullptr, n).arg(label); },
                      [this, status](qint64 ticket) { return m_desk.setStatus(ticket, *status); });
    });
    connect(bulkTransfer, &QPushButton::clicked, this, &MainWindow::bulkTransfer);

    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addLayout(filters);
    middleLayout->addWidget(m_bulkBar);
    middleLayout->addWidget(m_queue, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_departments);
    split->addWidget(middle);
    split->addWidget(m_ticket);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 4);
    split->setSizes({230, 820, 510});

    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setStyleSheet(u"background: #fff4ce; color: #5c4400; padding: 6px 10px;"_s);
    m_banner->hide();
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(6, 0, 6, 0);
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(split, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_connection);

    connect(m_departments->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_department = current.data(DepartmentIdRole).toLongLong();
                applyFilter();
            });
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    connect(m_mine, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_unassigned->setChecked(false);
        applyFilter();
    });
    connect(m_unassigned, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_mine->setChecked(false);
        applyFilter();
    });
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::searchServer);
    m_search->setToolTip(tr("Typing searches this computer; Enter also searches older tickets on the server"));
    m_everywhere->setToolTip(tr("Search every department you work in, not only this one"));
    connect(m_everywhere, &QCheckBox::toggled, this, [this](bool on) {
        m_search->setPlaceholderText(on ? tr("Search all your departments (Ctrl+F)") : tr("Search this department (Ctrl+F)"));
        applyFilter();
    });
    connect(m_queue->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                // A ticket that leaves the queue (a colleague solved it, it
                // was transferred) stays open: the queue moving on must not
                // take the agent to another customer mid-sentence.
                if (current.isValid() && !m_queueRefreshing)
                    m_ticket->showTicket(current.data(TicketIdRole).toLongLong());
            });
    connect(m_queue->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateBulkBar);
    connect(&desk.queue(), &QAbstractItemModel::modelReset, this, &MainWindow::updateBulkBar);
    connect(&desk.queue(), &TicketQueueModel::refreshStarted, this, [this]() { m_queueRefreshing = true; });
    connect(&desk.queue(), &TicketQueueModel::refreshFinished, this, [this]() {
        m_queueRefreshing = false;
        if (m_desk.queue().rowOf(m_ticket->ticketId()) < 0)
            m_queue->selectionModel()->clearCurrentIndex();
        updateBulkBar();
    });
    connect(m_ticket, &TicketView::ticketRequested, this, &MainWindow::openTicket);
    connect(m_ticket, &TicketView::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 5000);
    });
    connect(&desk.engine(), &SyncEngine::stateChanged, this, &MainWindow::updateConnection);
    connect(&desk.engine(), &SyncEngine::pendingCountChanged, this, &MainWindow::updateConnection);
    connect(&desk.engine(), &SyncEngine::commandRejected, this, [this](const OutboxEntry &entry) {
        statusBar()->showMessage(tr("A change to #%1 was not applied: %2 What you wrote is kept under View > "
                                    "Waiting to send.")
                                     .arg(entry.command.ticketId)
                                     .arg(entry.message),
                                 15'000);
    });
    connect(&desk, &Desk::sendFailed, this, [this](qint64 ticketId, const QString &message) {
        statusBar()->showMessage(
            tr("Not sent to #%1: %2 What you wrote is kept under View > Waiting to send.").arg(ticketId).arg(message),
            15'000);
    });
    connect(&desk.notifications(), &NotificationCentre::toast, m_toast, &ToastPopup::present);
    connect(m_toast, &ToastPopup::activated, this, &MainWindow::openNotified);
    // The taskbar entry asks for attention whenever a popup comes.
    connect(&desk.notifications(), &NotificationCentre::toast, this, [this]() { QApplication::alert(this); });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        auto *tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray->setToolTip(tr("Signpost"));
        tray->show();
        connect(&desk.notifications(), &NotificationCentre::toast, tray,
                [this, tray](const NotificationCentre::Toast &toast) {
                    m_lastToastTicket = toast.ticketId;
                    m_lastToastDepartment = toast.departmentId;
                    tray->showMessage(desktopText(toast.title), desktopText(toast.text));
                });
        // A click on the message opens its ticket (a burst: its queue).
        connect(tray, &QSystemTrayIcon::messageClicked, this,
                [this]() { openNotified(m_lastToastTicket, m_lastToastDepartment); });
        connect(tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger)
                bringToFront();
        });
    }

    buildMenus();
    updateConnection();
    m_split = split;
    restoreLayout();
    // The department worked in last time, else the first.
    auto selectRemembered = [this]() {
        if (m_departments->currentIndex().isValid() || m_desk.departments().rowCount() == 0)
            return;
        const int remembered = m_desk.departments().rowOf(QSettings().value(u"queue/department"_s).toLongLong());
        m_departments->setCurrentIndex(m_desk.departments().index(std::max(remembered, 0)));
    };
    selectRemembered();
    connect(&desk.departments(), &QAbstractItemModel::rowsInserted, this, selectRemembered);
    connect(m_queue->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [](int column, Qt::SortOrder order) {
        QSettings settings;
        settings.setValue(u"queue/sortColumn"_s, column);
        settings.setValue(u"queue/sortOrder"_s, int(order));
    });
}

MainWindow::~MainWindow()
{
    saveLayout();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_ticket->saveDraftNow(); // the last keystrokes too
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/splitter"_s, m_split->saveState());
    if (m_department > 0)
        settings.setValue(u"queue/department"_s, m_department);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (settings.contains(u"window/geometry"_s))
        restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    if (settings.contains(u"window/splitter"_s))
        m_split->restoreState(settings.value(u"window/splitter"_s).toByteArray());
    if (settings.contains(u"queue/sortColumn"_s))
        m_queue->sortByColumn(settings.value(u"queue/sortColumn"_s).toInt(),
                              Qt::SortOrder(settings.value(u"queue/sortOrder"_s).toInt()));
}

QString MainWindow::desktopText(const QString &text)
{
    // Linux notification servers read the body as markup: a customer's
    // subject such as "<b>50% off</b> & more" must arrive as typed.
#ifdef Q_OS_LINUX
    return text.toHtmlEscaped();
#else
    return text;
#endif
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *syncNow = file->addAction(tr("Sync now"), this, [this]() { m_desk.engine().syncNow(); });
    syncNow->setShortcut(QKeySequence::Refresh);
    QAction *available = file->addAction(tr("Available for new tickets"));
    available->setCheckable(true);
    connect(file, &QMenu::aboutToShow, available, [this, available]() {
        const std::optional<Agent> me = m_desk.me();
        const QSignalBlocker block(available);
        available->setChecked(!me || me->available);
    });
    connect(available, &QAction::toggled, this, [this](bool on) {
        QCoro::connect(m_desk.engine().setAvailable(on), this, [this, on](const Status &done) {
            statusBar()->showMessage(!done      ? tr("Could not change availability: %1").arg(done.error().message)
                                     : on       ? tr("You are available: new tickets may be assigned to you.")
                                                : tr("You are away: your open tickets go to colleagues where the "
                                                     "department assigns automatically."),
                                     8000);
        });
    });
    QAction *administration = file->addAction(tr("Administration…"), this, &MainWindow::showAdministration);
    connect(file, &QMenu::aboutToShow, administration, [this, administration]() {
        const std::optional<Agent> me = m_desk.me();
        // Admins, and leads for the departments they lead.
        administration->setVisible(!m_desk.ledDepartments().isEmpty());
        administration->setText(me && me->isAdmin ? tr("Administration…") : tr("Department settings…"));
    });
    file->addSeparator();
    file->addAction(tr("Sign out"), this, &MainWindow::signOutRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *ticket = menuBar()->addMenu(tr("&Ticket"));
    auto add = [&](const QString &text, const QKeySequence &keys, auto slot) {
        QAction *action = ticket->addAction(text, this, slot);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        return action;
    };
    add(tr("Next ticket"), QKeySequence(Qt::CTRL | Qt::Key_J), [this]() { step(1); });
    add(tr("Previous ticket"), QKeySequence(Qt::CTRL | Qt::Key_K), [this]() { step(-1); });
    ticket->addSeparator();
    add(tr("Reply"), QKeySequence(Qt::CTRL | Qt::Key_R), [this]() { m_ticket->focusReply(); });
    add(tr("Write an internal note"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this]() { m_ticket->focusNote(); });
    add(tr("Send"), QKeySequence(Qt::CTRL | Qt::Key_Return), [this]() { m_ticket->send(); });
    add(tr("Send and set pending"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
        [this]() { m_ticket->send(TicketStatus::Pending); });
    add(tr("Undo send"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), [this]() { m_ticket->undoSend(); });
    add(tr("Insert canned reply…"), QKeySequence(Qt::CTRL | Qt::Key_I), [this]() { m_ticket->insertCannedReply(); });
    // With several tickets selected, these act on all of them.
    add(tr("Assign to me"), QKeySequence(Qt::CTRL | Qt::Key_M), [this]() {
        const std::optional<Agent> me = m_desk.me();
        if (!bulkSelected())
            m_ticket->assignToMe();
        else if (me)
            bulkApply([](int n) { return tr("Assigned %n tickets to you.", nullptr, n); },
                      [this, id = me->id](qint64 ticket) { return m_desk.assign(ticket, id); });
    });
    add(tr("Assign to…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), [this]() {
        if (!bulkSelected())
            return m_ticket->chooseAssignee();
        m_bulkAssign->setFocus();
        m_bulkAssign->showPopup();
    });
    add(tr("Set status…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this]() {
        if (!bulkSelected())
            return m_ticket->chooseStatus();
        m_bulkStatus->setFocus();
        m_bulkStatus->showPopup();
    });
    add(tr("Set priority…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), [this]() { m_ticket->choosePriority(); });
    add(tr("Transfer…"), QKeySequence(Qt::CTRL | Qt::Key_T), [this]() {
        if (bulkSelected())
            bulkTransfer();
        else
            m_ticket->openTransferDialog();
    });
    ticket->addSeparator();
    add(tr("Search"), QKeySequence::Find, [this]() {
        m_search->setFocus();
        m_search->selectAll();
    });
    add(tr("Go to ticket…"), QKeySequence(Qt::CTRL | Qt::Key_G), [this]() { goToTicket(); });
    ticket->addSeparator();
    QAction *canned = ticket->addAction(tr("Canned replies of my departments…"), this, &MainWindow::showCannedReplies);
    connect(ticket, &QMenu::aboutToShow, canned, [this, canned]() { canned->setEnabled(!m_desk.ledDepartments().isEmpty()); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *dashboard = view->addAction(tr("Team dashboard"), this, [this]() {
        present(m_dashboard, [this]() {
            auto *window = new DashboardWindow(m_desk, this);
            connect(window, &DashboardWindow::slaTicketsRequested, this, &MainWindow::showSlaTickets);
            return window;
        });
    });
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction *outbox = view->addAction(tr("Waiting to send"), this, &MainWindow::showOutbox);
    outbox->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    view->addSeparator();
    // Over years of history: what this computer keeps, the rest on the server.
    QMenu *history = view->addMenu(tr("Keep on this computer"));
    auto *windows = new QActionGroup(history);
    for (const auto &[days, label] : {std::pair{30, tr("Open tickets and the last 30 days")},
                                      std::pair{60, tr("Open tickets and the last 60 days")},
                                      std::pair{180, tr("Open tickets and the last 6 months")},
                                      std::pair{365, tr("Open tickets and the last year")},
                                      std::pair{0, tr("Every ticket")}}) {
        QAction *action = history->addAction(label);
        action->setCheckable(true);
        action->setData(days);
        windows->addAction(action);
        connect(action, &QAction::triggered, this, [this, days = days]() { setHistoryWindow(days); });
    }
    connect(history, &QMenu::aboutToShow, this, [this, windows]() {
        for (QAction *action : windows->actions())
            action->setChecked(action->data().toInt() == m_desk.engine().historyWindow());
    });
    connect(view, &QMenu::aboutToShow, dashboard, [this, dashboard]() {
        dashboard->setEnabled(!m_desk.ledDepartments().isEmpty());
    });
    // The language: the system's, or one of the desk's, from the next start.
    QMenu *languageMenu = view->addMenu(tr("Language"));
    auto *spoken = new QActionGroup(languageMenu);
    QList<Language> choices{{QString(), tr("As the system")}};
    choices += languages();
    for (const Language &language : std::as_const(choices)) {
        QAction *action = languageMenu->addAction(language.name);
        action->setCheckable(true);
        action->setData(language.code);
        spoken->addAction(action);
        connect(action, &QAction::triggered, this, [this, language]() {
            QSettings().setValue(u"language"_s, language.code);
            statusBar()->showMessage(language.code.isEmpty()
                                         ? tr("Signpost follows the system's language from its next start.")
                                         : tr("Signpost speaks %1 from its next start.").arg(language.name),
                                     8000);
        });
    }
    connect(languageMenu, &QMenu::aboutToShow, this, [spoken]() {
        const QString chosen = QSettings().value(u"language"_s).toString();
        for (QAction *action : spoken->actions())
            action->setChecked(action->data().toString() == chosen);
    });

    QMenu *notifications = menuBar()->addMenu(tr("&Notifications"));
    connect(notifications, &QMenu::aboutToShow, this, [this, notifications]() {
        notifications->clear();
        for (int row = 0; row < m_desk.departments().rowCount(); ++row) {
            const qint64 id = m_desk.departments().departmentAt(row);
            QAction *action = notifications->addAction(
                tr("Popups for %1").arg(m_desk.departments().index(row).data().toString()));
            action->setCheckable(true);
            action->setChecked(!m_desk.notifications().isMuted(id));
            connect(action, &QAction::toggled, this, [this, id](bool on) { m_desk.notifications().setMuted(id, !on); });
        }
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("About Signpost"), this, [this]() {
        QMessageBox::about(this, tr("About Signpost"),
                           tr("<h3>Signpost %1</h3><p>The helpdesk for e-commerce teams, department by department.</p>"
                              "<p>Built with Qt %2.</p>")
                               .arg(QApplication::applicationVersion().toHtmlEscaped(), QString::fromLatin1(qVersion())));
    });
}

QList<std::pair<QString, QKeySequence>> MainWindow::shortcuts() const
{
    QList<std::pair<QString, QKeySequence>> list;
    for (QAction *menu : menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (!action->shortcut().isEmpty())
                list.append({action->text().remove(u'&'), action->shortcut()});
        }
    }
    return list;
}

void MainWindow::showSlaTickets(qint64 departmentId, bool breached)
{
    selectDepartment(departmentId);
    m_mine->setChecked(false);
    m_unassigned->setChecked(false);
    m_search->clear();
    m_statusFilter->setCurrentIndex(m_statusFilter->findData(breached ? u"sla:breached"_s : u"sla:at_risk"_s));
    bringToFront();
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    raise();
    activateWindow();
}

OutboxWindow *MainWindow::outboxWindow() const
{
    return m_outbox;
}

template<typename Window, typename Make>
void MainWindow::present(QPointer<Window> &window, Make make)
{
    if (!window) {
        window = make();
        window->setAttribute(Qt::WA_DeleteOnClose);
    }
    window->reload();
    window->show();
    window->raise();
}

void MainWindow::showOutbox()
{
    present(m_outbox, [this]() {
        auto *window = new OutboxWindow(m_desk, this);
        connect(window, &OutboxWindow::ticketRequested, this, &MainWindow::openTicket);
        return window;
    });
}

CannedRepliesWindow *MainWindow::cannedRepliesWindow() const
{
    return m_canned;
}

void MainWindow::showCannedReplies()
{
    if (!m_desk.ledDepartments().isEmpty())
        present(m_canned, [this]() { return new CannedRepliesWindow(m_desk, this); });
}

AdministrationWindow *MainWindow::administrationWindow() const
{
    return m_administration;
}

void MainWindow::showAdministration()
{
    if (!m_desk.ledDepartments().isEmpty())
        present(m_administration, [this]() { return new AdministrationWindow(m_desk, this); });
}

void MainWindow::showShortcuts()
{
    // Every shortcut, read from the menus themselves so the list never
    // drifts from what the keys do.
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(u"shortcutsDialog"_s);
    dialog->setWindowTitle(tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(dialog);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    QList<std::pair<QString, QKeySequence>> list = shortcuts();
    list.append({tr("Send the reply or note (in the editor)"), QKeySequence(Qt::CTRL | Qt::Key_Return)});
    for (const auto &[text, keys] : std::as_const(list)) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(text));
        table->setItem(row, 1, new QTableWidgetItem(keys.toString(QKeySequence::NativeText)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog->resize(520, 560);
    dialog->show();
}

void MainWindow::goToTicket()
{
    bool ok = false;
    const QString typed = QInputDialog::getText(this, tr("Go to ticket"), tr("Ticket number:"), QLineEdit::Normal,
                                                QString(), &ok);
    if (!ok)
        return;
    QString digits = typed.trimmed();
    if (digits.startsWith(u'#'))
        digits.remove(0, 1);
    const qint64 id = digits.toLongLong(&ok);
    if (!ok || id <= 0) {
        statusBar()->showMessage(tr("“%1” is not a ticket number.").arg(typed), 5000);
        return;
    }
    if (!m_desk.ticket(id)) {
        statusBar()->showMessage(tr("Ticket #%1 is not in your departments.").arg(id), 5000);
        return;
    }
    openTicket(id);
}

void MainWindow::applyFilter()
{
    QueueQuery query = m_desk.queue().query();
    query.departmentId = m_department;
    query.statuses.clear();
    const QString filter = m_statusFilter->currentData().toString();
    query.sla = filter == u"sla:at_risk"   ? QueueQuery::Sla::AtRisk
                : filter == u"sla:breached" ? QueueQuery::Sla::Breached
                                            : QueueQuery::Sla::Any;
    const QString statuses = query.sla == QueueQuery::Sla::Any ? filter : u"new,open,pending"_s;
    for (const QString &name : statuses.split(u',', Qt::SkipEmptyParts)) {
        if (const auto status = ticketStatusFromString(name))
            query.statuses.append(*status);
    }
    query.assignee = m_mine->isChecked()         ? QueueQuery::Assignee::Me
                     : m_unassigned->isChecked() ? QueueQuery::Assignee::Nobody
                                                 : QueueQuery::Assignee::Any;
    const std::optional<Agent> me = m_desk.me();
    query.me = me ? me->id : 0;
    query.search = m_search->text();
    query.allDepartments = m_everywhere->isChecked() && !query.search.trimmed().isEmpty();
    const qint64 selected = m_ticket->ticketId();
    m_desk.queue().setQuery(query);
    // Keep the open ticket selected if it is still listed; else the first.
    int row = m_desk.queue().rowOf(selected);
    if (row < 0 && m_desk.queue().rowCount() > 0)
        row = 0;
    if (row >= 0)
        selectRow(row);
}

void MainWindow::searchServer()
{
    const QString text = m_search->text().simplified();
    if (text.isEmpty())
        return;
    const qint64 department = m_everywhere->isChecked() ? 0 : m_department;
    statusBar()->showMessage(tr("Searching the server for “%1”…").arg(text));
    QCoro::connect(m_desk.engine().searchServer(text, department), this, [this, text](const Expected<int> &found) {
        if (!found)
            statusBar()->showMessage(tr("Could not search the server: %1").arg(found.error().message), 8000);
        else if (*found == 0)
            statusBar()->showMessage(tr("The server has no other tickets for “%1”.").arg(text), 8000);
        else {
            // Old tickets are mostly solved: show every status, so they are listed.
            m_statusFilter->setCurrentIndex(m_statusFilter->findData(QString()));
            statusBar()->showMessage(tr("Found %n more ticket(s) for “%1” on the server.", nullptr, *found).arg(text),
                                     8000);
        }
    });
}

void MainWindow::setHistoryWindow(int days)
{
    QSettings().setValue(u"historyDays"_s, days);
    if (Status set = m_desk.engine().setHistoryWindow(days); !set) {
        statusBar()->showMessage(tr("Could not change what this computer keeps: %1").arg(set.error().message));
        return;
    }
    statusBar()->showMessage(days > 0 ? tr("This computer keeps open tickets and %n day(s) of the rest; "
                                           "older ones are found by searching the server.",
                                           nullptr, days)
                                      : tr("This computer keeps every ticket of your departments."),
                             8000);
}

void MainWindow::selectRow(int row)
{
    // Exactly this row: QAbstractItemView::setCurrentIndex() would read the
    // keys held down (the Ctrl of Ctrl+J) and add to the selection.
    const QModelIndex index = m_desk.queue().index(row, 0);
    m_queue->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_queue->scrollTo(index);
}

void MainWindow::selectDepartment(qint64 departmentId)
{
    const int row = m_desk.departments().rowOf(departmentId);
    if (row >= 0)
        m_departments->setCurrentIndex(m_desk.departments().index(row));
}

void MainWindow::openTicket(qint64 ticketId)
{
    const std::optional<Ticket> ticket = m_desk.ticket(ticketId);
    if (!ticket)
        return;
    if (ticket->departmentId != m_department)
        selectDepartment(ticket->departmentId);
    int row = m_desk.queue().rowOf(ticketId);
    if (row < 0) {
        // Hidden by the filters: show the whole department.
        m_statusFilter->setCurrentIndex(m_statusFilter->findData(QString()));
        m_mine->setChecked(false);
        m_unassigned->setChecked(false);
        m_search->clear();
        row = m_desk.queue().rowOf(ticketId);
    }
    if (row >= 0)
        selectRow(row);
    m_ticket->showTicket(ticketId);
}

void MainWindow::step(int delta)
{
    const int rows = m_desk.queue().rowCount();
    if (rows == 0)
        return;
    const int current = m_queue->currentIndex().isValid() ? m_queue->currentIndex().row() : -1;
    selectRow(std::clamp(current + delta, 0, rows - 1));
}

void MainWindow::openNotified(qint64 ticketId, qint64 departmentId)
{
    if (ticketId > 0) {
        openTicket(ticketId);
    } else if (departmentId > 0) {
        // A burst: the department's open work, newest first.
        selectDepartment(departmentId);
        m_statusFilter->setCurrentIndex(m_statusFilter->findData(u"new,open,pending"_s));
        m_mine->setChecked(false);
        m_unassigned->setChecked(false);
        m_search->clear();
        m_queue->sortByColumn(TicketQueueModel::Updated, Qt::DescendingOrder);
        m_queue->setFocus();
    }
    bringToFront();
}

QList<qint64> MainWindow::selectedTickets() const
{
    QModelIndexList rows = m_queue->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex &row : std::as_const(rows))
        ids.append(row.data(TicketIdRole).toLongLong());
    return ids;
}

void MainWindow::updateBulkBar()
{
    const int count = int(selectedTickets().size());
    m_bulkBar->setVisible(count > 1);
    if (count < 2)
        return;
    m_bulkLabel->setText(tr("%n tickets selected", nullptr, count));
    // Who they can go to: the agent, nobody, or a colleague here.
    const QSignalBlocker block(m_bulkAssign);
    m_bulkAssign->clear();
    const std::optional<Agent> me = m_desk.me();
    if (me)
        m_bulkAssign->addItem(tr("Me"), me->id);
    m_bulkAssign->addItem(tr("Nobody (unassign)"), qint64(0));
    for (const Agent &agent : m_desk.colleagues(m_department)) {
        if (!me || agent.id != me->id)
            m_bulkAssign->addItem(agent.name, agent.id);
    }
    m_bulkAssign->setCurrentIndex(-1);
    m_bulkStatus->setCurrentIndex(-1);
}

void MainWindow::bulkApply(const std::function<QString(int)> &done, const std::function<Status(qint64)> &action)
{
    const QList<qint64> tickets = selectedTickets();
    int applied = 0;
    QStringList failures;
    for (qint64 ticket : tickets) {
        const Status status = action(ticket);
        if (status)
            ++applied;
        else
            failures.append(tr("#%1: %2").arg(ticket).arg(status.error().message));
    }
    QString message = done(applied);
    if (!failures.isEmpty())
        message += u' ' + tr("Not done for %n:", nullptr, int(failures.size())) + u' ' + failures.join(u"; "_s);
    statusBar()->showMessage(message, 8000);
    updateBulkBar();
}

void MainWindow::bulkTransfer()
{
    QList<Ticket> tickets;
    for (qint64 id : selectedTickets()) {
        if (const std::optional<Ticket> ticket = m_desk.ticket(id))
            tickets.append(*ticket);
    }
    if (tickets.isEmpty())
        return;
    TransferDialog dialog(m_desk, tickets, this);
    dialog.setObjectName(u"transferDialog"_s);
    if (dialog.exec() != QDialog::Accepted)
        return;
    bulkApply([](int n) { return tr("Transfer of %n tickets queued.", nullptr, n); },
              [&](qint64 ticket) { return m_desk.transfer(ticket, dialog.departmentId(), dialog.assigneeId(), dialog.note()); });
}

void MainWindow::updateConnection()
{
    const int pending = m_desk.engine().pendingCount();
    QString text;
    switch (m_desk.engine().state()) {
    case SyncEngine::State::Live: text = tr("● Live"); break;
    case SyncEngine::State::Syncing: text = tr("◌ Syncing…"); break;
    case SyncEngine::State::Offline: text = tr("○ Offline"); break;
    case SyncEngine::State::SignedOut: text = tr("Signed out"); break;
    }
    const QString changes = pending == 1 ? tr("1 change") : tr("%1 changes").arg(pending);
    if (pending > 0)
        text += tr(" — %1 waiting").arg(changes);
    m_connection->setText(text);

    const bool offline = m_desk.engine().state() == SyncEngine::State::Offline;
    m_banner->setVisible(offline);
    if (offline)
        m_banner->setText(pending > 0 ? tr("Offline: the server cannot be reached. You can keep working; %1 will be "
                                           "sent when the connection is back.")
                                            .arg(changes)
                                      : tr("Offline: the server cannot be reached. You can keep working from the "
                                           "cache; changes will be sent when the connection is back."));
}

} // namespace Signpost
