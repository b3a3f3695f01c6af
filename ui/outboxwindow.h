#pragma once

#include "models/desk.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Signpost {

// "Waiting to send": every change in the outbox and what became of it,
// including those on tickets that have left the agent's departments, and
// drafts whose ticket left before they could go. What the agent wrote can
// always be read and copied here; a refused change goes only when they
// discard it.
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
    // A change in the outbox, or a draft whose ticket has gone.
    struct Row
    {
        std::optional<OutboxEntry> entry;
        std::optional<Draft> draft;
        qint64 ticketId() const { return entry ? entry->command.ticketId : draft->ticketId; }
    };
    void showCurrent();
    const Row *current() const;
    QString stateText(const Row &row) const;
    QString typedText(const Row &row) const;
    bool refused(const Row &row) const;

    Desk &m_desk;
    QList<Row> m_rows;
    QLabel *m_summary;
    QTableWidget *m_table;
    QPlainTextEdit *m_details;
    QPushButton *m_copy;
    QPushButton *m_open;
    QPushButton *m_discard;
};

} // namespace Signpost
