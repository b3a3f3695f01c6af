#pragma once

#include "core/accessscope.h"
#include "core/cannedreply.h"
#include "core/expected.h"

#include <QJsonObject>
#include <QList>

namespace Signpost {

class Transaction;

class Database;

// Departments' canned replies. Everyone in a department reads them; its
// leads and admins write them. Every change moves the directory version, so
// desks read them again on their next sync.
class CannedReplyStore
{
public:
    explicit CannedReplyStore(Database &db) : m_db(db) {}

    // Those of the departments the scope sees (one department if given).
    Expected<QList<CannedReply>> list(const AccessScope &scope, qint64 departmentId = 0);
    Expected<CannedReply> create(const AccessScope &scope, qint64 departmentId, const QJsonObject &json);
    Expected<CannedReply> update(const AccessScope &scope, qint64 id, const QJsonObject &json);
    // The removed reply, as it was.
    Expected<CannedReply> remove(const AccessScope &scope, qint64 id);

private:
    Expected<CannedReply> find(const AccessScope &scope, qint64 id);
    static Status mayWrite(const AccessScope &scope, qint64 departmentId);
    static Status apply(CannedReply &reply, const QJsonObject &json, bool creating);
    // The write, in the caller's transaction, opened before it read what it
    // changes (see DepartmentStore::saveDepartment); commits it.
    Expected<CannedReply> save(Transaction &tx, const AccessScope &scope, CannedReply reply);

    Database &m_db;
};

} // namespace Signpost
