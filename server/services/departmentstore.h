#pragma once

#include <functional>

#include "core/department.h"
#include "core/expected.h"
#include "core/routing.h"
#include "core/shop.h"

#include <QJsonObject>

#include <optional>

namespace Signpost {

class Transaction;

class Database;

// Departments, shops and classification rules: the helpdesk's shape, and the
// routing table built from it (kept until one of them changes).
class DepartmentStore
{
public:
    explicit DepartmentStore(Database &db) : m_db(db) {}

    Expected<QList<Department>> departments();
    Expected<Department> department(qint64 id);
    Expected<Department> createDepartment(const QJsonObject &json);
    // `alongside` runs in the same transaction once the department is
    // written (and visible through routingTable()); its failure undoes all.
    Expected<Department> updateDepartment(qint64 id, const QJsonObject &json,
                                          const std::function<Status()> &alongside = {});
    Status deleteDepartment(qint64 id);

    Expected<QList<Shop>> shops();
    std::optional<Shop> shopBySlug(const QString &slug);
    // The languages a shop's customers are written to in, its default
    // first; all of Signpost's without a shop (0). An unknown shop is an
    // invalid "shop".
    Expected<QStringList> languagesOf(qint64 shopId);
    Expected<Shop> createShop(const QJsonObject &json);
    Expected<Shop> updateShop(qint64 id, const QJsonObject &json);

    Expected<QList<RoutingRule>> rules();
    Expected<RoutingRule> createRule(const QJsonObject &json);
    Expected<RoutingRule> updateRule(qint64 id, const QJsonObject &json);
    Status deleteRule(qint64 id);

    // Built once and kept until a department or rule changes (on
    // PostgreSQL, through any instance). A store that cannot be read is an
    // error, never an empty table kept for later.
    Expected<const RoutingTable *> routingTable();
    // Something the departments are read with changed elsewhere (a shop's
    // sender name for one): read them afresh.
    void forgetCache() { m_routing.reset(); }

    // One request reads the directory's version once (PostgreSQL): the
    // first routingTable() within the scope checks it, the others in it
    // (an intake's routing, its notice's audience) take what that found,
    // except inside a writing transaction, which has the version read
    // under the writers' lock as it began. Outside a request (timers, the
    // relay) every call checks. Not nested.
    class RequestScope
    {
    public:
        explicit RequestScope(DepartmentStore &store)
            : m_store(store)
        {
            m_store.m_inRequest = true;
            m_store.m_versionChecked = false;
        }
        ~RequestScope()
        {
            m_store.m_inRequest = false;
            m_store.m_versionChecked = false;
        }
        RequestScope(const RequestScope &) = delete;
        RequestScope &operator=(const RequestScope &) = delete;

    private:
        DepartmentStore &m_store;
    };

private:
    Status applyDepartmentJson(Department &department, const QJsonObject &json);
    // The writes of a change, in the caller's transaction, which it opened
    // before it read what it changes (under the writers' lock, so a change
    // another instance made meanwhile is read, not written over); they
    // commit it.
    Expected<Department> saveDepartment(Transaction &tx, const Department &department,
                                        const std::function<Status()> &alongside = {});
    Status checkDepartmentReference(qint64 departmentId, const QString &field);
    Status checkShopReference(qint64 shopId, const QString &field);
    Expected<RoutingRule> saveRule(Transaction &tx, const RoutingRule &rule);

    Database &m_db;
    std::optional<RoutingTable> m_routing;
    qint64 m_routingVersion = -1; // the directory version it was read at (PostgreSQL)
    bool m_inRequest = false;
    bool m_versionChecked = false; // within the request in progress
};

} // namespace Signpost
