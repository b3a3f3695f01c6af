#pragma once

#include "models/desk.h"

#include <QDialog>

class QComboBox;
class QPlainTextEdit;
class QPushButton;

namespace Signpost {

// Sends a ticket (or several) to another department: the target, optionally an assignee
// there, and a note for the next team. Works from the keyboard alone.
class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    TransferDialog(Desk &desk, const Ticket &ticket, QWidget *parent = nullptr);
    // Several tickets of one department at once (the queue's selection).
    TransferDialog(Desk &desk, const QList<Ticket> &tickets, QWidget *parent = nullptr);

    qint64 departmentId() const;
    qint64 assigneeId() const;
    QString note() const;

    QComboBox *departmentBox() const { return m_department; }
    QComboBox *assigneeBox() const { return m_assignee; }
    QPlainTextEdit *noteEdit() const { return m_note; }

private:
    void fillAssignees();

    QList<Desk::TransferTarget> m_targets;
    QComboBox *m_department;
    QComboBox *m_assignee;
    QPlainTextEdit *m_note;
    QPushButton *m_transfer;
};

} // namespace Signpost
