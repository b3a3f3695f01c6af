#pragma once

#include "models/notificationcentre.h"

#include <QFrame>
#include <QTimer>

class QLabel;

namespace Signpost {

// A calm toast in the corner of the main window: one at a time, gone after a
// few seconds, a click opens the ticket.
class ToastPopup : public QFrame
{
    Q_OBJECT
public:
    explicit ToastPopup(QWidget *window);

    void present(const NotificationCentre::Toast &toast);
    qint64 ticketId() const { return m_ticketId; }
    QString title() const;

Q_SIGNALS:
    // A click: the toast's ticket, or (a burst) 0 and its department.
    void activated(qint64 ticketId, qint64 departmentId);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QLabel *m_title;
    QLabel *m_text;
    QTimer m_hide;
    qint64 m_ticketId = 0;
    qint64 m_departmentId = 0;
};

} // namespace Signpost
