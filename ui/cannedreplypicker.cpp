#include "ui/cannedreplypicker.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Signpost {

CannedReplyPicker::CannedReplyPicker(const QList<CannedReply> &replies, const CannedReply::Fields &fields,
                                     const QString &departmentName, QWidget *parent)
    : QDialog(parent)
    , m_replies(replies)
    , m_fields(fields)
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_preview(new QPlainTextEdit(this))
    , m_empty(new QLabel(this))
{
    setWindowTitle(tr("Insert a canned reply — %1").arg(departmentName));
    setObjectName(u"cannedReplyPicker"_s);
    m_filter->setPlaceholderText(tr("Type to filter by title or text"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("Preview"));
    m_list->setAccessibleName(tr("Canned replies"));
    m_empty->setWordWrap(true);
    m_empty->setText(replies.isEmpty() ? tr("%1 has no canned replies yet. Its leads add them under "
                                            "Ticket > Canned replies.")
                                             .arg(departmentName)
                                       : tr("Nothing matches."));
    m_empty->hide();

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_list);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Insert"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_empty);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(720, 420);

    connect(m_filter, &QLineEdit::textChanged, this, &CannedReplyPicker::refilter);
    connect(m_list, &QListWidget::currentRowChanged, this, &CannedReplyPicker::showPreview);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(m_list, &QListWidget::currentRowChanged, buttons->button(QDialogButtonBox::Ok),
            [this, ok = buttons->button(QDialogButtonBox::Ok)](int row) { ok->setEnabled(row >= 0); });
    refilter();
    m_filter->setFocus();
}

void CannedReplyPicker::refilter()
{
    const QString needle = m_filter->text().trimmed();
    m_list->clear();
    for (qsizetype i = 0; i < m_replies.size(); ++i) {
        const CannedReply &reply = m_replies[i];
        if (!needle.isEmpty() && !reply.title.contains(needle, Qt::CaseInsensitive)
            && !reply.body.contains(needle, Qt::CaseInsensitive))
            continue;
        auto *item = new QListWidgetItem(reply.title, m_list);
        item->setData(Qt::UserRole, int(i));
    }
    m_empty->setVisible(m_list->count() == 0);
    m_list->setCurrentRow(m_list->count() > 0 ? 0 : -1);
    showPreview();
}

void CannedReplyPicker::showPreview()
{
    m_preview->setPlainText(chosenText());
}

QString CannedReplyPicker::chosenText() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return {};
    return m_replies.value(item->data(Qt::UserRole).toInt()).expand(m_fields);
}

bool CannedReplyPicker::eventFilter(QObject *watched, QEvent *event)
{
    // Up and Down in the filter move through the list.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down || key->key() == Qt::Key_PageUp
            || key->key() == Qt::Key_PageDown) {
            QApplication::sendEvent(m_list, event);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Signpost
