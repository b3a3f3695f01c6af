#pragma once

#include "models/desk.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Signpost {

// Where a lead keeps their departments' canned replies: pick the
// department, choose a reply or start a new one, edit its title and text,
// save or delete. Changes go to the server at once (this needs a
// connection); agents' desks get them with their next sync.
class CannedRepliesWindow : public QWidget
{
    Q_OBJECT
public:
    explicit CannedRepliesWindow(Desk &desk, QWidget *parent = nullptr);

    void reload();

    QComboBox *departmentBox() const { return m_department; }
    QListWidget *list() const { return m_list; }
    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *statusLabel() const { return m_status; }

private:
    void showDepartment();
    void showReply();
    void startNew();
    void save();
    void remove();
    void setBusy(bool busy);
    qint64 departmentId() const;

    Desk &m_desk;
    QComboBox *m_department;
    QListWidget *m_list;
    QLineEdit *m_title;
    QPlainTextEdit *m_body;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_delete;
    QLabel *m_status;
    QString m_select;       // the title to select when the list comes back
    qint64 m_editingId = 0; // the reply in the form; 0: a new one
    bool m_busy = false;    // waiting for the server
};

} // namespace Signpost
