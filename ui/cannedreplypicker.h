#pragma once

#include "core/cannedreply.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace Signpost {

// Choosing a canned reply from the keyboard: type to filter (title and
// text), Up/Down to move, Return to insert. The preview shows the text as
// it will be inserted, its fields filled in from the ticket.
class CannedReplyPicker : public QDialog
{
    Q_OBJECT
public:
    CannedReplyPicker(const QList<CannedReply> &replies, const CannedReply::Fields &fields,
                      const QString &departmentName, QWidget *parent = nullptr);

    // The chosen reply's text with its fields filled in.
    QString chosenText() const;

    QLineEdit *filter() const { return m_filter; }
    QListWidget *list() const { return m_list; }
    QPlainTextEdit *preview() const { return m_preview; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void showPreview();

    QList<CannedReply> m_replies;
    CannedReply::Fields m_fields;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QPlainTextEdit *m_preview;
    QLabel *m_empty;
};

} // namespace Signpost
