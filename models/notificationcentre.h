#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace Signpost {

class LocalStore;

// Turns push notifications into calm toasts: muted departments are dropped,
// a burst becomes one grouped toast, never a flood. Popups listen here, not
// to the socket.
class NotificationCentre : public QObject
{
    Q_OBJECT
public:
    struct Toast
    {
        QString title;
        QString text;
        qint64 ticketId = 0; // 0 for a grouped toast
        int count = 1;
        // The department it concerns; for a grouped toast the one with the
        // most tickets in it (a click opens its queue).
        qint64 departmentId = 0;
    };

    explicit NotificationCentre(LocalStore &store, QObject *parent = nullptr);

    void setGroupingWindow(int milliseconds) { m_window.setInterval(milliseconds); }

    bool isMuted(qint64 departmentId) const { return m_muted.contains(departmentId); }
    void setMuted(qint64 departmentId, bool muted);

public Q_SLOTS:
    void notify(const QJsonObject &notification);

Q_SIGNALS:
    void toast(const Signpost::NotificationCentre::Toast &toast);

private:
    void flush();
    QString describe(const QJsonObject &notification) const;

    LocalStore &m_store;
    QSet<qint64> m_muted;
    QList<QJsonObject> m_pending;
    QTimer m_window;
};

} // namespace Signpost

Q_DECLARE_METATYPE(Signpost::NotificationCentre::Toast)
