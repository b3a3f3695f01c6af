#pragma once

#include "models/desk.h"

#include <QMainWindow>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QSplitter;
class QTableView;

namespace Signpost {

class DashboardWindow;
class OutboxWindow;
class AdministrationWindow;
class CannedRepliesWindow;
class TicketView;
class ToastPopup;

// The agent's desk: departments with live counts on the left, the selected
// department's queue in the middle, the selected ticket on the right, and
// the connection state always in view.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Desk &desk, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Text for the desktop's notifications, safe from markup.
    static QString desktopText(const QString &text);

    void openTicket(qint64 ticketId);
    void selectDepartment(qint64 departmentId);
    // The department's queue of tickets at risk of, or past, an SLA target.
    void showSlaTickets(qint64 departmentId, bool breached);

    QListView *departmentList() const { return m_departments; }
    QComboBox *statusFilter() const { return m_statusFilter; }
    QTableView *queueView() const { return m_queue; }
    QLineEdit *searchBox() const { return m_search; }
    QCheckBox *searchEverywhere() const { return m_everywhere; }
    TicketView *ticketView() const { return m_ticket; }
    ToastPopup *toast() const { return m_toast; }
    QLabel *connectionBanner() const { return m_banner; }
    QLabel *connectionLabel() const { return m_connection; }
    OutboxWindow *outboxWindow() const;
    // The queue's selected tickets, in queue order. With two or more, the
    // bulk bar acts on all of them (as do Ctrl+M, Ctrl+T, Ctrl+Shift+A/S).
    QList<qint64> selectedTickets() const;
    QWidget *bulkBar() const { return m_bulkBar; }
    QLabel *bulkLabel() const { return m_bulkLabel; }
    QComboBox *bulkAssign() const { return m_bulkAssign; }
    QComboBox *bulkStatus() const { return m_bulkStatus; }
    CannedRepliesWindow *cannedRepliesWindow() const;
    AdministrationWindow *administrationWindow() const;
    // For admins: departments, members and routing rules.
    void showAdministration();
    // A lead's editor of their departments' canned replies.
    void showCannedReplies();
    // Every menu action with a shortcut: what Help > Keyboard shortcuts shows.
    QList<std::pair<QString, QKeySequence>> shortcuts() const;

Q_SIGNALS:
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Window size, splitter, department and sort, as the agent left them.
    void saveLayout();
    void restoreLayout();
    void buildMenus();
    void showShortcuts();
    void bringToFront();
    void showOutbox();
    // A tool window made once (by `make`), then read again and brought up.
    template<typename Window, typename Make>
    void present(QPointer<Window> &window, Make make);
    void goToTicket();
    void applyFilter();
    // The search box's words on the server too, for tickets older than what
    // this computer keeps.
    void searchServer();
    void setHistoryWindow(int days);
    void updateConnection();
    void step(int delta);
    // Makes `row` of the queue the current and only selected one.
    void selectRow(int row);
    void updateBulkBar();
    // A click on a popup or the tray's message: its ticket, or a burst's queue.
    void openNotified(qint64 ticketId, qint64 departmentId);
    // Runs `action` on every selected ticket (each goes to the outbox) and
    // says what came of it: `done` takes the number of tickets.
    void bulkApply(const std::function<QString(int)> &done, const std::function<Status(qint64)> &action);
    void bulkTransfer();
    bool bulkSelected() const { return selectedTickets().size() > 1; }

    bool m_queueRefreshing = false; // a refresh moves the queue's current row
    qint64 m_lastToastTicket = 0;   // what a click on the tray's message opens
    qint64 m_lastToastDepartment = 0;
    QSplitter *m_split = nullptr;
    Desk &m_desk;
    QListView *m_departments;
    QComboBox *m_statusFilter;
    QCheckBox *m_mine;
    QCheckBox *m_unassigned;
    QLineEdit *m_search;
    QCheckBox *m_everywhere;
    QTableView *m_queue;
    TicketView *m_ticket;
    QLabel *m_banner;
    QLabel *m_connection;
    ToastPopup *m_toast;
    QWidget *m_bulkBar;
    QLabel *m_bulkLabel;
    QComboBox *m_bulkAssign;
    QComboBox *m_bulkStatus;
    qint64 m_department = 0;
    QPointer<DashboardWindow> m_dashboard;
    QPointer<OutboxWindow> m_outbox;
    QPointer<CannedRepliesWindow> m_canned;
    QPointer<AdministrationWindow> m_administration;
};

} // namespace Signpost
