#pragma once

#include "models/desk.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Signpost {

// "Waiting to send": every change in the outbox and what became of it,
// including those on tickets that have left the agent's departments. What
// the agent wrote can always be read and copied here; a refused change goes
// only when they discard it.
class OutboxWindow : public QDialog
{
    Q_OBJECT
public:
    explicit OutboxWindow(Desk &desk, QWidget *parent = nullptr);

    void reload();
    QTableWidget *table() const { return m_table; }
    QPlainTextEdit *details() const { return m_details; }

Q_SIGNALS:
    void ticketRequested(qint64 ticketId);

private:
    void showCurrent();
    const OutboxEntry *current() const;
    QString stateText(const OutboxEntry &entry) const;
    QString typedText(const OutboxEntry &entry) const;

    Desk &m_desk;
    QList<OutboxEntry> m_entries;
    QLabel *m_summary;
    QTableWidget *m_table;
    QPlainTextEdit *m_details;
    QPushButton *m_copy;
    QPushButton *m_open;
    QPushButton *m_discard;
};

} // namespace Signpost
