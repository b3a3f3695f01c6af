#include "ui/cannedreplieswindow.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <qcorotask.h>

using namespace Qt::StringLiterals;

namespace Signpost {

CannedRepliesWindow::CannedRepliesWindow(Desk &desk, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_desk(desk)
    , m_department(new QComboBox(this))
    , m_list(new QListWidget(this))
    , m_title(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_new(new QPushButton(tr("New"), this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Canned replies"));
    setObjectName(u"cannedRepliesWindow"_s);
    m_title->setMaxLength(int(CannedReply::MaxTitleLength));
    m_title->setPlaceholderText(tr("A title agents will search for, e.g. Where is my parcel"));
    m_body->setPlaceholderText(tr("Hi {customer.first_name},\n\n…"));
    m_list->setAccessibleName(tr("Canned replies of the department"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    auto *fields = new QLabel(tr("Fields filled in from the ticket: %1")
                                  .arg(u"{"_s + CannedReply::fieldNames().join(u"}  {"_s) + u"}"_s),
                              this);
    fields->setWordWrap(true);
    fields->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fields->setStyleSheet(u"color: palette(placeholder-text);"_s);

    auto *form = new QWidget(this);
    auto *formLayout = new QFormLayout(form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addRow(tr("&Title"), m_title);
    formLayout->addRow(tr("Te&xt"), m_body);
    formLayout->addRow(QString(), fields);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);
    formLayout->addRow(buttons);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_new);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(form);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);

    auto *top = new QFormLayout;
    top->addRow(tr("&Department"), m_department);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    resize(860, 520);

    connect(m_department, &QComboBox::currentIndexChanged, this, [this]() {
        startNew();
        showDepartment();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &CannedRepliesWindow::showReply);
    connect(m_new, &QPushButton::clicked, this, &CannedRepliesWindow::startNew);
    connect(m_save, &QPushButton::clicked, this, &CannedRepliesWindow::save);
    connect(m_delete, &QPushButton::clicked, this, &CannedRepliesWindow::remove);
    connect(&m_desk.engine(), &SyncEngine::directoryChanged, this, &CannedRepliesWindow::showDepartment);
    reload();
}

void CannedRepliesWindow::reload()
{
    const qint64 was = departmentId();
    const QSignalBlocker block(m_department);
    m_department->clear();
    for (qint64 id : m_desk.ledDepartments()) {
        const std::optional<Department> department = m_desk.department(id);
        m_department->addItem(department ? department->name : tr("Department %1").arg(id), id);
    }
    const int index = m_department->findData(was);
    m_department->setCurrentIndex(index >= 0 ? index : 0);
    if (departmentId() != was)
        startNew();
    showDepartment();
}

qint64 CannedRepliesWindow::departmentId() const
{
    return m_department->currentData().toLongLong();
}

void CannedRepliesWindow::showDepartment()
{
    // The list only: what is in the form is the lead's until they choose
    // another reply (a refresh from the server never overwrites it).
    const QSignalBlocker block(m_list);
    m_list->clear();
    int select = -1;
    for (const CannedReply &reply : m_desk.cannedReplies(departmentId())) {
        auto *item = new QListWidgetItem(reply.title, m_list);
        item->setData(Qt::UserRole, reply.id);
        item->setData(Qt::UserRole + 1, reply.body);
        const bool saved = !m_select.isEmpty() && reply.title.compare(m_select, Qt::CaseInsensitive) == 0;
        if (saved)
            m_editingId = reply.id;
        if (saved || (m_editingId > 0 && reply.id == m_editingId))
            select = m_list->count() - 1;
    }
    m_select.clear();
    m_list->setCurrentRow(select);
    m_delete->setEnabled(m_editingId > 0);
    m_department->setEnabled(m_department->count() > 1);
}

void CannedRepliesWindow::showReply()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    m_editingId = item->data(Qt::UserRole).toLongLong();
    m_title->setText(item->text());
    m_body->setPlainText(item->data(Qt::UserRole + 1).toString());
    m_delete->setEnabled(true);
    m_status->clear();
}

void CannedRepliesWindow::startNew()
{
    const QSignalBlocker block(m_list);
    m_list->setCurrentRow(-1);
    m_editingId = 0;
    m_title->clear();
    m_body->clear();
    m_delete->setEnabled(false);
    m_title->setFocus();
}

void CannedRepliesWindow::setBusy(bool busy)
{
    // The buttons stay enabled (disabling the focused one would hand the
    // focus to the list, which selects its first reply): a click while
    // busy is ignored instead.
    m_busy = busy;
    if (busy)
        m_status->setText(tr("Saving…"));
}

void CannedRepliesWindow::save()
{
    CannedReply reply;
    reply.id = m_editingId;
    reply.departmentId = departmentId();
    reply.title = m_title->text().trimmed();
    reply.body = m_body->toPlainText();
    if (m_busy || reply.departmentId <= 0)
        return;
    setBusy(true);
    QCoro::connect(m_desk.engine().saveCannedReply(reply), this, [this, title = reply.title](const Status &done) {
        setBusy(false);
        if (!done) {
            m_status->setText(tr("Not saved: %1").arg(done.error().message));
            return;
        }
        m_select = title;
        showDepartment();
        m_status->setText(tr("Saved. Agents' desks get it within moments."));
    });
}

void CannedRepliesWindow::remove()
{
    const qint64 id = m_editingId;
    if (m_busy || id <= 0)
        return;
    if (QMessageBox::question(this, tr("Delete canned reply"),
                              tr("Delete “%1” for everyone in the department?").arg(m_title->text()))
        != QMessageBox::Yes)
        return;
    setBusy(true);
    QCoro::connect(m_desk.engine().deleteCannedReply(id), this, [this](const Status &done) {
        setBusy(false);
        if (!done) {
            m_status->setText(tr("Not deleted: %1").arg(done.error().message));
            return;
        }
        startNew();
        showDepartment();
        m_status->setText(tr("Deleted."));
    });
}

} // namespace Signpost
