#include "ui/toastpopup.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

namespace Signpost {

ToastPopup::ToastPopup(QWidget *window)
    : QFrame(window)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("toast"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#toast { background: #1f2937; border-radius: 8px; }"
                                 " #toast QLabel { color: #f9fafb; }"));
    setCursor(Qt::PointingHandCursor);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_title->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    setFixedWidth(320);
    hide();
    m_hide.setSingleShot(true);
    m_hide.setInterval(7000);
    connect(&m_hide, &QTimer::timeout, this, &QWidget::hide);
    window->installEventFilter(this);
}

QString ToastPopup::title() const
{
    return m_title->text();
}

void ToastPopup::present(const NotificationCentre::Toast &toast)
{
    m_ticketId = toast.ticketId;
    m_departmentId = toast.departmentId;
    m_title->setText(toast.title);
    m_text->setText(toast.text);
    adjustSize();
    place();
    show();
    raise();
    m_hide.start();
}

void ToastPopup::place()
{
    const QWidget *window = parentWidget();
    // Top right, under the menu bar: clear of the reply buttons.
    move(window->width() - width() - 16, 36);
}

void ToastPopup::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        hide();
        Q_EMIT activated(m_ticketId, m_departmentId);
    }
}

bool ToastPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        place();
    return QFrame::eventFilter(watched, event);
}

} // namespace Signpost
