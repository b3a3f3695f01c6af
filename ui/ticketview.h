#pragma once

#include "models/desk.h"

#include <QTimer>
#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabBar;
class QTextBrowser;

namespace Signpost {

// One ticket: the thread (customer messages, replies and internal notes told
// apart) interleaved with its history, the customer panel, the actions, and
// the reply editor showing the department's sender name and signature as
// the customer will see them.
class TicketView : public QWidget
{
    Q_OBJECT
public:
    explicit TicketView(Desk &desk, QWidget *parent = nullptr);

    void showTicket(qint64 ticketId);
    qint64 ticketId() const { return m_ticketId; }
    void reload();

    // The daily path, also bound to shortcuts by the main window. The
    // editor writes either a reply to the customer or an internal note,
    // never both: the mode is always on show, and sending sends that.
    void focusReply();
    void focusNote();
    bool noteMode() const;
    void setNoteMode(bool note);
    void send(std::optional<TicketStatus> status = std::nullopt);
    void undoSend();
    // Chooses one of the department's canned replies and puts it, its
    // fields filled in, where the cursor is in the editor.
    void insertCannedReply();
    // Keeps what is in the editor as the ticket's draft now (it is kept a
    // moment after typing stops anyway); for closing the window.
    void saveDraftNow();
    void assignToMe();
    void openTransferDialog();
    // The ticket's lists, opened from the keyboard.
    void chooseStatus();
    void choosePriority();
    void chooseAssignee();
    // Opens a file of a message with the system's program: the copy kept
    // from before, else fetched now.
    void openAttachment(qint64 attachmentId);
    // Files for the reply or note being written: chosen in a file dialog,
    // or given (tests, drops).
    void chooseFiles();
    void attachFiles(const QStringList &paths);
    QList<OutgoingFile> attachedFiles() const { return m_attachments; }
    QLabel *filesLine() const { return m_files; }

    QPlainTextEdit *editor() const { return m_editor; }
    QTextBrowser *thread() const { return m_thread; }
    QLabel *senderPreview() const { return m_sender; }
    QLabel *rejectionBanner() const { return m_rejection; }
    QLabel *heldBanner() const { return m_heldLabel; }
    // Shown instead of sending when others wrote since the agent began.
    QLabel *changedBanner() const { return m_changedLabel; }
    QPushButton *sendAnywayButton() const { return m_sendAnyway; }
    QPushButton *rewriteButton() const { return m_rewrite; }
    // Colleagues viewing or writing on the same ticket.
    QLabel *presenceLine() const { return m_presence; }

    // The thread's colours for a palette.
    struct ThreadStyle
    {
        QColor text, muted, customer, reply, note;
    };
    static ThreadStyle threadStyle(const QPalette &palette);

Q_SIGNALS:
    void ticketRequested(qint64 ticketId);
    void statusMessage(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    QString renderThread(const Ticket &ticket);
    void showThread(const Ticket &ticket);
    QString describeEvent(const TicketEvent &event);
    void fillActions(const Ticket &ticket);
    void showSla();
    void report(const Status &done, const QString &success);
    void loadDraft();
    void showMode();
    void showHeld();
    void showChanged(const QList<Message> &since, std::optional<TicketStatus> status);
    void hideChanged();
    void showPresence();
    void tellPresence();

    Desk &m_desk;
    qint64 m_ticketId = 0;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_sla;
    QLabel *m_presence;
    QTimer *m_slaTimer;
    QComboBox *m_status;
    QComboBox *m_priority;
    QComboBox *m_assignee;
    QPushButton *m_assignToMe;
    QPushButton *m_transfer;
    QLabel *m_rejection;
    QPushButton *m_discard;
    QPushButton *m_rewrite;
    qint64 m_rejectedEntry = 0;
    QTextBrowser *m_thread;
    QString m_threadHtml;    // what the thread shows now …
    qint64 m_threadTicket = 0; // … and of which ticket
    int m_threadPlace = -1;    // where the agent is in it; -1: at the newest
    QLabel *m_customer;
    QListWidget *m_otherTickets;
    // The shown ticket's department and customer, as reload() read them.
    std::optional<Department> m_shownDepartment;
    QString m_shownCustomer;
    qint64 m_shownShop = 0; // whose name for the department the reply goes out in
    QSet<qint64> m_unfolded; // messages whose quoted history the agent opened
    QTabBar *m_mode;
    QLabel *m_modeHint;
    QLabel *m_sender;
    QPlainTextEdit *m_editor;
    QTimer *m_draftTimer;
    QLabel *m_signature;
    QWidget *m_heldBar;
    QLabel *m_heldLabel;
    QTimer *m_heldTick;
    QPushButton *m_undo;
    QWidget *m_changedBar;
    QLabel *m_changedLabel;
    QPushButton *m_sendAnyway;
    QPushButton *m_keepEditing;
    std::optional<TicketStatus> m_changedStatus; // what Send anyway sends with
    QPushButton *m_send;
    QPushButton *m_sendPending;
    QPushButton *m_canned;
    QPushButton *m_attach;
    QLabel *m_files; // the draft's files, each with a way to take it off
    QList<OutgoingFile> m_attachments;
    void showFiles();
    QWidget *m_body;
    QLabel *m_placeholder;
};

} // namespace Signpost
