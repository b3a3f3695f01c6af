#include "server/services/assigner.h"

#include "server/storage/database.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost {

Expected<std::optional<Assigner::Choice>> Assigner::choose(const Department &department, qint64 exceptAgent)
{
    if (department.assignmentMode == Department::AssignmentMode::Manual)
        return std::optional<Choice>{};

    // Available members with their open load here, in id order.
    QSqlQuery &members = m_db.prepared(
        u"SELECT a.id, (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = a.id AND t.department_id = m.department_id"
        " AND t.status IN ('new', 'open', 'pending')) FROM memberships m JOIN agents a ON a.id = m.agent_id"
        " WHERE m.department_id = ? AND a.disabled = 0 AND a.available = 1 AND a.id <> ? ORDER BY a.id"_s);
    members.addBindValue(department.id);
    members.addBindValue(exceptAgent);
    if (!members.exec())
        return storageError(members);
    QList<std::pair<qint64, int>> candidates;
    while (members.next()) {
        const int load = members.value(1).toInt();
        if (department.assignmentCapacity == 0 || load < department.assignmentCapacity)
            candidates.append({members.value(0).toLongLong(), load});
    }
    if (candidates.isEmpty())
        return std::optional<Choice>{};

    if (department.assignmentMode == Department::AssignmentMode::LeastLoaded) {
        const auto least = std::min_element(candidates.cbegin(), candidates.cend(),
                                            [](const auto &a, const auto &b) { return a.second < b.second; });
        return std::optional<Choice>{
            Choice{least->first, u"least loaded (%1 open)"_s.arg(least->second)}};
    }

    // Round robin: the next member after the last one given a ticket.
    QSqlQuery &last = m_db.prepared(u"SELECT round_robin_last FROM departments WHERE id = ?"_s);
    last.addBindValue(department.id);
    if (!last.exec() || !last.next())
        return storageError(last);
    const qint64 previous = last.value(0).toLongLong();
    last.finish();
    auto next = std::find_if(candidates.cbegin(), candidates.cend(), [&](const auto &c) { return c.first > previous; });
    if (next == candidates.cend())
        next = candidates.cbegin();
    QSqlQuery &remember = m_db.prepared(u"UPDATE departments SET round_robin_last = ? WHERE id = ?"_s);
    remember.addBindValue(next->first);
    remember.addBindValue(department.id);
    if (!remember.exec())
        return storageError(remember);
    return std::optional<Choice>{Choice{next->first, u"round robin"_s}};
}

} // namespace Signpost
