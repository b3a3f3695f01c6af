#pragma once

#include "models/desk.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
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

    // The daily path, also bound to shortcuts by the main window.
    void focusReply();
    void sendReply(std::optional<TicketStatus> status = std::nullopt);
    void addNote();
    void assignToMe();
    void openTransferDialog();

    QPlainTextEdit *editor() const { return m_editor; }
    QTextBrowser *thread() const { return m_thread; }
    QLabel *senderPreview() const { return m_sender; }
    QLabel *rejectionBanner() const { return m_rejection; }

Q_SIGNALS:
    void ticketRequested(qint64 ticketId);
    void statusMessage(const QString &message);

private:
    QString renderThread(const Ticket &ticket);
    QString describeEvent(const TicketEvent &event);
    void fillActions(const Ticket &ticket);
    void showSla();
    void report(const Status &done, const QString &success);

    Desk &m_desk;
    qint64 m_ticketId = 0;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_sla;
    QTimer *m_slaTimer;
    QComboBox *m_status;
    QComboBox *m_priority;
    QComboBox *m_assignee;
    QPushButton *m_assignToMe;
    QPushButton *m_transfer;
    QLabel *m_rejection;
    QPushButton *m_discard;
    qint64 m_rejectedEntry = 0;
    QTextBrowser *m_thread;
    QLabel *m_customer;
    QListWidget *m_otherTickets;
    QLabel *m_sender;
    QPlainTextEdit *m_editor;
    QLabel *m_signature;
    QPushButton *m_sendReply;
    QPushButton *m_sendPending;
    QPushButton *m_addNote;
    QWidget *m_body;
    QLabel *m_placeholder;
};

} // namespace Signpost
