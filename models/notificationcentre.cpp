#include "models/notificationcentre.h"

#include "models/logging.h"

#include "sync/localstore.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Signpost {

NotificationCentre::NotificationCentre(LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_window.setSingleShot(true);
    m_window.setInterval(1500);
    connect(&m_window, &QTimer::timeout, this, &NotificationCentre::flush);
    const QJsonArray muted = QJsonDocument::fromJson(m_store.meta(u"muted_departments"_s).toUtf8()).array();
    for (const QJsonValue &id : muted)
        m_muted.insert(id.toInteger());
}

void NotificationCentre::setMuted(qint64 departmentId, bool muted)
{
    if (muted)
        m_muted.insert(departmentId);
    else
        m_muted.remove(departmentId);
    QJsonArray list;
    for (qint64 id : std::as_const(m_muted))
        list.append(id);
    // The muting holds for this session either way; only keeping it for the
    // next start can fail, and the store has logged why.
    if (Status saved = m_store.setMeta(u"muted_departments"_s,
                                       QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
        !saved)
        qCWarning(lcModels) << "Cannot keep the muted departments:" << saved.error().message;
}

void NotificationCentre::notify(const QJsonObject &notification)
{
    if (isMuted(notification.value(u"department"_s).toInteger()))
        return;
    // The first of a burst waits a moment, so what follows joins it.
    m_pending.append(notification);
    if (!m_window.isActive())
        m_window.start();
}

QString NotificationCentre::describe(const QJsonObject &notification) const
{
    const QString event = notification.value(u"event"_s).toString();
    if (event == u"new_ticket")
        return tr("New ticket");
    if (event == u"customer_reply")
        return tr("Customer replied");
    if (event == u"transferred_in")
        return tr("Transferred to your department");
    if (event == u"assigned")
        return tr("Assigned to you");
    if (event == u"sla_at_risk")
        return tr("SLA at risk");
    if (event == u"sla_breached")
        return tr("SLA breached");
    return tr("Ticket updated");
}

void NotificationCentre::flush()
{
    const QList<QJsonObject> pending = std::exchange(m_pending, {});
    if (pending.isEmpty())
        return;
    QSet<qint64> tickets;
    for (const QJsonObject &n : pending)
        tickets.insert(n.value(u"ticket"_s).toInteger());
    if (tickets.size() == 1) {
        const QJsonObject &last = pending.last();
        Q_EMIT toast(Toast{describe(last),
                           u"#%1 %2"_s.arg(last.value(u"ticket"_s).toInteger()).arg(last.value(u"subject"_s).toString()),
                           last.value(u"ticket"_s).toInteger(), 1, last.value(u"department"_s).toInteger()});
        return;
    }
    // Which departments, busiest first: "Returns 4, Support 1".
    QHash<qint64, QSet<qint64>> byDepartment;
    for (const QJsonObject &n : pending)
        byDepartment[n.value(u"department"_s).toInteger()].insert(n.value(u"ticket"_s).toInteger());
    QList<qint64> departments = byDepartment.keys();
    std::sort(departments.begin(), departments.end(), [&](qint64 a, qint64 b) {
        const auto countA = byDepartment.value(a).size(), countB = byDepartment.value(b).size();
        return countA != countB ? countA > countB : a < b;
    });
    QHash<qint64, QString> names;
    for (const Department &department : m_store.departments())
        names.insert(department.id, department.name);
    QStringList parts;
    for (qint64 id : std::as_const(departments))
        parts.append(tr("%1 %2").arg(names.value(id, tr("Department %1").arg(id))).arg(byDepartment.value(id).size()));
    Q_EMIT toast(Toast{tr("%n tickets need attention", nullptr, int(tickets.size())),
                       tr("In %1. Click to open the queue.").arg(parts.join(u", "_s)), 0, int(tickets.size()),
                       departments.first()});
}

} // namespace Signpost
