#include "server/services/departmentstore.h"

#include "core/language.h"
#include "server/storage/database.h"
#include "server/logging.h"
#include "server/storage/transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

Status readText(const QJsonObject &json, const QString &key, QString &out, qsizetype min, qsizetype max)
{
    if (json.contains(key)) {
        if (!json.value(key).isString())
            return Error::invalid(key,
                    QCoreApplication::translate("Signpost::Departments", "%1 must be text.").arg(key));
        out = json.value(key).toString().trimmed();
    }
    if (out.size() < min || out.size() > max)
        return Error::invalid(
            key, min > 0 ? QCoreApplication::translate("Signpost::Departments", "%1 needs %2 to %3 characters.")
                               .arg(key)
                               .arg(min)
                               .arg(max)
                         : QCoreApplication::translate("Signpost::Departments", "%1 may have at most %2 characters.")
                               .arg(key)
                               .arg(max));
    return ok();
}

// A JSON value as a column holds it.
QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

QString notifyText(const Department &department)
{
    QJsonObject notify;
    for (auto it = department.notify.cbegin(); it != department.notify.cend(); ++it)
        notify.insert(it.key(), it.value());
    return compact(notify);
}

QString labelsText(const Department &department)
{
    return compact(textsByLanguageJson(department.publicLabels));
}

QString slaText(const Department &department)
{
    return compact(department.sla.toJson());
}

Status readFlag(const QJsonObject &json, const QString &key, bool &out)
{
    if (!json.contains(key))
        return ok();
    if (!json.value(key).isBool())
        return Error::invalid(key,
                QCoreApplication::translate("Signpost::Departments", "%1 must be true or false.").arg(key));
    out = json.value(key).toBool();
    return ok();
}

} // namespace

Expected<QList<Department>> DepartmentStore::departments()
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT id, name, public_label, sender_name, signature, is_default, archived, assignment_mode,"
        " assignment_capacity, notify, sla, max_file_bytes, max_message_bytes, public_labels FROM departments"
        " ORDER BY name"_s);
    if (!query.exec())
        return storageError(query);
    QList<Department> list;
    QHash<qint64, qsizetype> index;
    while (query.next()) {
        Department d;
        d.id = query.value(0).toLongLong();
        d.name = query.value(1).toString();
        d.publicLabel = query.value(2).toString();
        d.senderName = query.value(3).toString();
        d.signature = query.value(4).toString();
        d.isDefault = query.value(5).toBool();
        d.archived = query.value(6).toBool();
        d.assignmentMode =
            assignmentModeFromString(query.value(7).toString()).value_or(Department::AssignmentMode::Manual);
        d.assignmentCapacity = query.value(8).toInt();
        const QJsonObject notify = QJsonDocument::fromJson(query.value(9).toByteArray()).object();
        for (auto it = notify.begin(); it != notify.end(); ++it)
            d.notify.insert(it.key(), it.value().toString());
        if (Expected<SlaPolicy> sla = SlaPolicy::fromJson(QJsonDocument::fromJson(query.value(10).toByteArray()).object()))
            d.sla = *sla;
        d.maxFileBytes = query.value(11).toLongLong();
        d.maxMessageBytes = query.value(12).toLongLong();
        d.publicLabels =
            textsByLanguage(QJsonDocument::fromJson(query.value(13).toByteArray()).object(), 100).value_or(d.publicLabels);
        index.insert(d.id, list.size());
        list.append(d);
    }
    QSqlQuery &shops = m_db.prepared(u"SELECT department_id, shop_id FROM department_shops ORDER BY shop_id"_s);
    if (!shops.exec())
        return storageError(shops);
    while (shops.next())
        list[index.value(shops.value(0).toLongLong())].shopIds.append(shops.value(1).toLongLong());
    QSqlQuery &addresses = m_db.prepared(u"SELECT department_id, address FROM department_addresses ORDER BY address"_s);
    if (!addresses.exec())
        return storageError(addresses);
    while (addresses.next())
        list[index.value(addresses.value(0).toLongLong())].addresses.append(addresses.value(1).toString());
    QSqlQuery &senders = m_db.prepared(u"SELECT department_id, shop_id, sender_name FROM department_mail"
                                       " WHERE shop_id > 0 AND sender_name <> ''"_s);
    if (!senders.exec())
        return storageError(senders);
    while (senders.next()) {
        if (const auto at = index.constFind(senders.value(0).toLongLong()); at != index.cend())
            list[*at].shopSenderNames.insert(senders.value(1).toLongLong(), senders.value(2).toString());
    }
    return list;
}

Expected<Department> DepartmentStore::department(qint64 id)
{
    Expected<QList<Department>> all = departments();
    if (!all)
        return all.error();
    for (const Department &d : *all) {
        if (d.id == id)
            return d;
    }
    return Error::notFound(QCoreApplication::translate("Signpost::Departments", "No such department."));
}

Status DepartmentStore::checkShopReference(qint64 shopId, const QString &field)
{
    QSqlQuery &query = m_db.prepared(u"SELECT 1 FROM shops WHERE id = ?"_s);
    query.addBindValue(shopId);
    if (!query.exec())
        return storageError(query);
    const bool found = query.next();
    query.finish();
    return found ? ok() : Status(Error::invalid(field,
            QCoreApplication::translate("Signpost::Departments", "There is no shop %1.").arg(shopId)));
}

Status DepartmentStore::checkDepartmentReference(qint64 departmentId, const QString &field)
{
    QSqlQuery &query = m_db.prepared(u"SELECT archived FROM departments WHERE id = ?"_s);
    query.addBindValue(departmentId);
    if (!query.exec())
        return storageError(query);
    const bool found = query.next();
    query.finish();
    return found ? ok() : Status(Error::invalid(field,
            QCoreApplication::translate("Signpost::Departments", "There is no department %1.").arg(departmentId)));
}

Status DepartmentStore::applyDepartmentJson(Department &department, const QJsonObject &json)
{
    if (Status read = readText(json, u"name"_s, department.name, 1, 100); !read)
        return read;
    if (department.publicLabel.isEmpty())
        department.publicLabel = department.name;
    if (department.senderName.isEmpty())
        department.senderName = department.name;
    if (Status read = readText(json, u"public_label"_s, department.publicLabel, 1, 100); !read)
        return read;
    if (json.contains(u"public_labels"_s)) {
        // The label in other languages; one left out (or empty) falls back
        // to public_label.
        const auto labels = textsByLanguage(json.value(u"public_labels"_s), 100);
        if (!labels)
            return Error::invalid(u"public_labels"_s,
                    QCoreApplication::translate("Signpost::Departments",
                                                "public_labels maps language codes (%1) to labels of 1 to 100 characters.")
                                                          .arg(languageCodes().join(u", "_s)));
        department.publicLabels = *labels;
    }
    if (Status read = readText(json, u"sender_name"_s, department.senderName, 1, 200); !read)
        return read;
    if (Status read = readText(json, u"signature"_s, department.signature, 0, 5000); !read)
        return read;
    const bool wasDefault = department.isDefault;
    if (Status read = readFlag(json, u"is_default"_s, department.isDefault); !read)
        return read;
    if (wasDefault && !department.isDefault)
        return Error::invalid(u"is_default"_s,
                QCoreApplication::translate("Signpost::Departments",
                                            "There must be a default department: make another one the default instead."));
    if (Status read = readFlag(json, u"archived"_s, department.archived); !read)
        return read;
    if (department.isDefault && department.archived)
        return Error::invalid(u"archived"_s,
                QCoreApplication::translate("Signpost::Departments", "The default department cannot be archived."));
    if (json.contains(u"notify"_s)) {
        const QJsonObject notify = json.value(u"notify"_s).toObject();
        for (auto it = notify.begin(); it != notify.end(); ++it) {
            if (!Department::notifyEvents().contains(it.key())
                || !Department::notifyAudiences().contains(it.value().toString()))
                return Error::invalid(u"notify"_s,
                        QCoreApplication::translate("Signpost::Departments", "notify maps %1 to %2.").arg(
                                                       Department::notifyEvents().join(u", "_s),
                                                       Department::notifyAudiences().join(u", "_s)));
            department.notify.insert(it.key(), it.value().toString());
        }
    }
    if (json.contains(u"sla"_s)) {
        if (!json.value(u"sla"_s).isObject())
            return Error::invalid(u"sla"_s, QCoreApplication::translate("Signpost::Departments",
                                                                        "sla must be an object with targets, ownership,"
                                                                        " at_risk_percent and business_hours."));
        Expected<SlaPolicy> sla = SlaPolicy::fromJson(json.value(u"sla"_s).toObject());
        if (!sla)
            return sla.error();
        department.sla = *sla;
    }
    if (json.contains(u"assignment"_s)) {
        const QJsonObject assignment = json.value(u"assignment"_s).toObject();
        if (assignment.contains(u"mode"_s)) {
            const auto mode = assignmentModeFromString(assignment.value(u"mode"_s).toString());
            if (!mode)
                return Error::invalid(u"assignment"_s,
                        QCoreApplication::translate("Signpost::Departments",
                                                    "The assignment mode is manual, round_robin or least_loaded."));
            department.assignmentMode = *mode;
        }
        if (assignment.contains(u"capacity"_s)) {
            const QJsonValue capacity = assignment.value(u"capacity"_s);
            if (!capacity.isDouble() || capacity.toInt() < 0 || capacity.toInt() > 10'000)
                return Error::invalid(u"assignment"_s,
                        QCoreApplication::translate("Signpost::Departments",
                                                    "The capacity is a number of open tickets, 0 for no cap."));
            department.assignmentCapacity = capacity.toInt();
        }
    }
    if (json.contains(u"attachment_limits"_s)) {
        const QJsonObject limits = json.value(u"attachment_limits"_s).toObject();
        const QString shape = QCoreApplication::translate("Signpost::Departments",
                                                          "attachment_limits takes file_bytes (1 KB to %1 MB) and"
                                                          " message_bytes (at least file_bytes, at most 4 times the"
                                                          " most a file may weigh).")
                                  .arg(Department::MaxFileBytesCap / (1024 * 1024));
        const qint64 file = limits.value(u"file_bytes"_s).toInteger(department.maxFileBytes);
        const qint64 message = limits.value(u"message_bytes"_s).toInteger(department.maxMessageBytes);
        if (!json.value(u"attachment_limits"_s).isObject() || file < 1024 || file > Department::MaxFileBytesCap
            || message < file || message > 4 * Department::MaxFileBytesCap)
            return Error::invalid(u"attachment_limits"_s, shape);
        department.maxFileBytes = file;
        department.maxMessageBytes = message;
    }

    if (json.contains(u"shops"_s)) {
        if (!json.value(u"shops"_s).isArray())
            return Error::invalid(u"shops"_s,
                    QCoreApplication::translate("Signpost::Departments", "shops must be a list of shop ids."));
        QSet<qint64> seen;
        department.shopIds.clear();
        for (const QJsonValue &shop : json.value(u"shops"_s).toArray()) {
            if (!shop.isDouble())
                return Error::invalid(u"shops"_s,
                        QCoreApplication::translate("Signpost::Departments", "shops must be a list of shop ids."));
            if (Status known = checkShopReference(shop.toInteger(), u"shops"_s); !known)
                return known;
            if (!seen.contains(shop.toInteger()))
                department.shopIds.append(shop.toInteger());
            seen.insert(shop.toInteger());
        }
    }
    if (json.contains(u"addresses"_s)) {
        if (!json.value(u"addresses"_s).isArray())
            return Error::invalid(u"addresses"_s,
                    QCoreApplication::translate("Signpost::Departments",
                                                "addresses must be a list of email addresses."));
        static const QRegularExpression email(u"^[^@\\s]+@[^@\\s]+$"_s);
        department.addresses.clear();
        for (const QJsonValue &address : json.value(u"addresses"_s).toArray()) {
            const QString text = address.toString().trimmed().toLower();
            if (!address.isString() || text.size() > 254 || !email.match(text).hasMatch())
                return Error::invalid(u"addresses"_s,
                        QCoreApplication::translate("Signpost::Departments",
                                                    "“%1” is not an email address.").arg(address.toString()));
            if (!department.addresses.contains(text))
                department.addresses.append(text);
        }
    }
    return ok();
}

Expected<Department> DepartmentStore::createDepartment(const QJsonObject &json)
{
    Department department;
    if (Status applied = applyDepartmentJson(department, json); !applied)
        return applied.error();
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    // Exactly one department is always the default: the first one made is.
    QSqlQuery &anyDefault = m_db.prepared(u"SELECT EXISTS (SELECT 1 FROM departments WHERE is_default <> 0)"_s);
    if (!anyDefault.exec() || !anyDefault.next())
        return storageError(anyDefault);
    if (!anyDefault.value(0).toBool())
        department.isDefault = true;
    anyDefault.finish();
    return saveDepartment(tx, department);
}

Expected<Department> DepartmentStore::updateDepartment(qint64 id, const QJsonObject &json,
                                                       const std::function<Status()> &alongside)
{
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    Expected<Department> current = department(id);
    if (!current)
        return current;
    Department changed = *current;
    if (Status applied = applyDepartmentJson(changed, json); !applied)
        return applied.error();
    return saveDepartment(tx, changed, alongside);
}

Expected<Department> DepartmentStore::saveDepartment(Transaction &tx, const Department &department,
                                                     const std::function<Status()> &alongside)
{
    QSqlQuery &clash = m_db.prepared(u"SELECT 1 FROM departments WHERE name = ? AND id <> ?"_s);
    clash.addBindValue(department.name);
    clash.addBindValue(department.id);
    if (!clash.exec())
        return storageError(clash);
    if (clash.next())
        return Error{ErrorCode::Conflict,
                QCoreApplication::translate("Signpost::Departments",
                                            "A department with this name exists already."), u"name"_s};
    clash.finish();
    for (const QString &address : department.addresses) {
        QSqlQuery &taken = m_db.prepared(u"SELECT 1 FROM department_addresses WHERE address = ? AND department_id <> ?"_s);
        taken.addBindValue(address);
        taken.addBindValue(department.id);
        if (!taken.exec())
            return storageError(taken);
        if (taken.next())
            return Error{ErrorCode::Conflict,
                    QCoreApplication::translate("Signpost::Departments",
                                                "%1 already routes to another department.")
                                            .arg(address), u"addresses"_s};
        taken.finish();
    }

    if (department.isDefault) {
        QSqlQuery &unset = m_db.prepared(u"UPDATE departments SET is_default = 0 WHERE id <> ?"_s);
        unset.addBindValue(department.id);
        if (!unset.exec())
            return storageError(unset);
    }
    qint64 id = department.id;
    if (id == 0) {
        QSqlQuery &insert = m_db.prepared(
            u"INSERT INTO departments (name, public_label, sender_name, signature, is_default, archived,"
            " assignment_mode, assignment_capacity, notify, sla, max_file_bytes, max_message_bytes, public_labels)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s);
        insert.addBindValue(department.name);
        insert.addBindValue(department.publicLabel);
        insert.addBindValue(department.senderName);
        insert.addBindValue(notNull(department.signature));
        insert.addBindValue(int(department.isDefault));
        insert.addBindValue(int(department.archived));
        insert.addBindValue(toString(department.assignmentMode));
        insert.addBindValue(department.assignmentCapacity);
        insert.addBindValue(notifyText(department));
        insert.addBindValue(slaText(department));
        insert.addBindValue(department.maxFileBytes);
        insert.addBindValue(department.maxMessageBytes);
        insert.addBindValue(labelsText(department));
        if (!insert.exec())
            return storageError(insert);
        const Expected<qint64> inserted = insertedId(insert);
        if (!inserted)
            return inserted.error();
        id = *inserted;
    } else {
        QSqlQuery &update = m_db.prepared(
            u"UPDATE departments SET name = ?, public_label = ?, sender_name = ?, signature = ?, is_default = ?,"
            " archived = ?, assignment_mode = ?, assignment_capacity = ?, notify = ?, sla = ?, max_file_bytes = ?,"
            " max_message_bytes = ?, public_labels = ? WHERE id = ?"_s);
        update.addBindValue(department.name);
        update.addBindValue(department.publicLabel);
        update.addBindValue(department.senderName);
        update.addBindValue(notNull(department.signature));
        update.addBindValue(int(department.isDefault));
        update.addBindValue(int(department.archived));
        update.addBindValue(toString(department.assignmentMode));
        update.addBindValue(department.assignmentCapacity);
        update.addBindValue(notifyText(department));
        update.addBindValue(slaText(department));
        update.addBindValue(department.maxFileBytes);
        update.addBindValue(department.maxMessageBytes);
        update.addBindValue(labelsText(department));
        update.addBindValue(id);
        if (!update.exec())
            return storageError(update);
    }
    for (const QString &table : {u"department_shops"_s, u"department_addresses"_s}) {
        QSqlQuery &clear = m_db.prepared(u"DELETE FROM %1 WHERE department_id = ?"_s.arg(table));
        clear.addBindValue(id);
        if (!clear.exec())
            return storageError(clear);
    }
    for (qint64 shop : department.shopIds) {
        QSqlQuery &insert = m_db.prepared(u"INSERT INTO department_shops (department_id, shop_id) VALUES (?, ?)"_s);
        insert.addBindValue(id);
        insert.addBindValue(shop);
        if (!insert.exec())
            return storageError(insert);
    }
    for (const QString &address : department.addresses) {
        QSqlQuery &insert = m_db.prepared(u"INSERT INTO department_addresses (address, department_id) VALUES (?, ?)"_s);
        insert.addBindValue(address);
        insert.addBindValue(id);
        if (!insert.exec())
            return storageError(insert);
    }
    if (Status touched = m_db.touchDirectory(); !touched)
        return touched.error();
    if (alongside) {
        m_routing.reset(); // read again, with this transaction's rows
        if (Status done = alongside(); !done) {
            m_routing.reset();
            return done.error();
        }
    }
    if (Status committed = tx.commit(); !committed) {
        m_routing.reset();
        return committed.error();
    }
    m_routing.reset();
    return this->department(id);
}

Status DepartmentStore::deleteDepartment(qint64 id)
{
    // Checked under the writers' lock: a ticket or member added meanwhile
    // through another instance is seen.
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun;
    Expected<Department> current = department(id);
    if (!current)
        return current.error();
    if (current->isDefault)
        return Error{ErrorCode::Conflict,
                QCoreApplication::translate("Signpost::Departments", "The default department cannot be deleted."), {}};
    for (const QString &table : {u"tickets"_s, u"routing_rules"_s, u"memberships"_s}) {
        QSqlQuery &used = m_db.prepared(u"SELECT 1 FROM %1 WHERE department_id = ? LIMIT 1"_s.arg(table));
        used.addBindValue(id);
        if (!used.exec())
            return storageError(used);
        if (used.next())
            return Error{ErrorCode::Conflict,
                         QCoreApplication::translate("Signpost::Departments",
                                                     "The department still has tickets, rules or members; archive it instead."), {}};
        used.finish();
    }
    for (const QString &sql : {u"DELETE FROM canned_replies WHERE department_id = ?"_s,
                               u"DELETE FROM departments WHERE id = ?"_s}) {
        QSqlQuery &remove = m_db.prepared(sql);
        remove.addBindValue(id);
        if (!remove.exec())
            return storageError(remove);
    }
    if (Status touched = m_db.touchDirectory(); !touched)
        return touched;
    if (Status committed = tx.commit(); !committed)
        return committed;
    m_routing.reset();
    return ok();
}

Expected<QList<Shop>> DepartmentStore::shops()
{
    QSqlQuery &query = m_db.prepared(u"SELECT id, slug, name, allowed_origins, languages FROM shops ORDER BY id"_s);
    if (!query.exec())
        return storageError(query);
    QList<Shop> list;
    while (query.next()) {
        QStringList origins;
        for (const QJsonValue &origin : QJsonDocument::fromJson(query.value(3).toByteArray()).array())
            origins.append(origin.toString());
        Shop shop{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(), origins};
        QStringList languages;
        for (const QJsonValue &language : QJsonDocument::fromJson(query.value(4).toByteArray()).array())
            languages.append(language.toString());
        if (!languages.isEmpty())
            shop.languages = languages;
        list.append(shop);
    }
    return list;
}

std::optional<Shop> DepartmentStore::shopBySlug(const QString &slug)
{
    Expected<QList<Shop>> all = shops();
    if (!all)
        return std::nullopt;
    for (const Shop &shop : *all) {
        if (shop.slug == slug)
            return shop;
    }
    return std::nullopt;
}

Expected<QStringList> DepartmentStore::languagesOf(qint64 shopId)
{
    if (shopId <= 0)
        return languageCodes();
    Expected<QList<Shop>> all = shops();
    if (!all)
        return all.error();
    for (const Shop &shop : *all) {
        if (shop.id == shopId)
            return shop.languages;
    }
    return Error::invalid(u"shop"_s,
            QCoreApplication::translate("Signpost::Departments", "There is no shop %1.").arg(shopId));
}

Expected<Shop> DepartmentStore::createShop(const QJsonObject &json)
{
    return updateShop(0, json);
}

Expected<Shop> DepartmentStore::updateShop(qint64 id, const QJsonObject &json)
{
    // Read under the writers' lock (see saveDepartment).
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    Shop shop;
    if (id > 0) {
        Expected<QList<Shop>> all = shops();
        if (!all)
            return all.error();
        auto found = std::find_if(all->cbegin(), all->cend(), [&](const Shop &s) { return s.id == id; });
        if (found == all->cend())
            return Error::notFound(QCoreApplication::translate("Signpost::Departments", "No such shop."));
        shop = *found;
    }
    if (Status read = readText(json, u"name"_s, shop.name, 1, 100); !read)
        return read.error();
    if (Status read = readText(json, u"slug"_s, shop.slug, 1, 50); !read)
        return read.error();
    static const QRegularExpression slugPattern(u"^[a-z0-9][a-z0-9-]*$"_s);
    if (!slugPattern.match(shop.slug).hasMatch())
        return Error::invalid(u"slug"_s,
                QCoreApplication::translate("Signpost::Departments",
                                            "slug may hold lower-case letters, digits and dashes."));
    if (json.contains(u"allowed_origins"_s)) {
        // An origin as browsers send it: scheme, host and an optional port,
        // nothing more (no path, no wildcard).
        static const QRegularExpression originPattern(u"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$"_s);
        const QJsonValue origins = json.value(u"allowed_origins"_s);
        if (!origins.isArray())
            return Error::invalid(u"allowed_origins"_s,
                    QCoreApplication::translate("Signpost::Departments",
                                                "allowed_origins must be a list of web origins."));
        shop.allowedOrigins.clear();
        for (const QJsonValue &origin : origins.toArray()) {
            const QString text = origin.toString().toLower();
            if (!origin.isString() || !originPattern.match(text).hasMatch())
                return Error::invalid(u"allowed_origins"_s,
                                      QCoreApplication::translate("Signpost::Departments",
                                                                  "“%1” is not an origin such as https://shop.example.")
                                                              .arg(origin.toString()));
            if (!shop.allowedOrigins.contains(text))
                shop.allowedOrigins.append(text);
        }
    }
    if (json.contains(u"languages"_s)) {
        const QString shape =
            QCoreApplication::translate("Signpost::Departments",
                                        "languages is a list of one or more of %1, the default first.")
                .arg(languageCodes().join(u", "_s));
        const QJsonValue languages = json.value(u"languages"_s);
        if (!languages.isArray() || languages.toArray().isEmpty())
            return Error::invalid(u"languages"_s, shape);
        shop.languages.clear();
        for (const QJsonValue &language : languages.toArray()) {
            if (!language.isString() || !languageCodes().contains(language.toString()))
                return Error::invalid(u"languages"_s, shape);
            if (!shop.languages.contains(language.toString()))
                shop.languages.append(language.toString());
        }
    }
    QSqlQuery &clash = m_db.prepared(u"SELECT 1 FROM shops WHERE slug = ? AND id <> ?"_s);
    clash.addBindValue(shop.slug);
    clash.addBindValue(shop.id);
    if (!clash.exec())
        return storageError(clash);
    if (clash.next())
        return Error{ErrorCode::Conflict,
                QCoreApplication::translate("Signpost::Departments", "Another shop has this slug."), u"slug"_s};
    clash.finish();
    QSqlQuery &save =
        m_db.prepared(shop.id == 0
                          ? u"INSERT INTO shops (slug, name, allowed_origins, languages) VALUES (?, ?, ?, ?) RETURNING id"_s
                          : u"UPDATE shops SET slug = ?, name = ?, allowed_origins = ?, languages = ? WHERE id = ?"_s);
    save.addBindValue(shop.slug);
    save.addBindValue(shop.name);
    save.addBindValue(compact(QJsonArray::fromStringList(shop.allowedOrigins)));
    save.addBindValue(compact(QJsonArray::fromStringList(shop.languages)));
    if (shop.id != 0)
        save.addBindValue(shop.id);
    if (!save.exec())
        return storageError(save);
    if (shop.id == 0) {
        const Expected<qint64> id = insertedId(save);
        if (!id)
            return id.error();
        shop.id = *id;
    }
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return shop;
}

Expected<QList<RoutingRule>> DepartmentStore::rules()
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT id, position, name, department_id, field, pattern, is_regex, shop_id, channel, enabled"
        " FROM routing_rules ORDER BY position, id"_s);
    if (!query.exec())
        return storageError(query);
    QList<RoutingRule> list;
    while (query.next()) {
        QJsonObject json{
            {u"name"_s, query.value(2).toString()},
            {u"department"_s, query.value(3).toLongLong()},
            {u"field"_s, query.value(4).toString()},
            {u"pattern"_s, query.value(5).toString()},
            {u"is_regex"_s, query.value(6).toBool()},
            {u"shop"_s, query.value(7).isNull() ? QJsonValue() : QJsonValue(query.value(7).toLongLong())},
            {u"channel"_s, query.value(8).isNull() ? QJsonValue() : QJsonValue(query.value(8).toString())},
            {u"enabled"_s, query.value(9).toBool()},
            {u"position"_s, query.value(1).toInt()},
        };
        Expected<RoutingRule> rule = RoutingRule::fromJson(json, RoutingRule{}, true);
        if (!rule) {
            // A stored rule that no longer reads would route silently
            // elsewhere: say so instead.
            qCWarning(lcStore) << "Routing rule" << query.value(0).toLongLong() << "cannot be read:"
                               << rule.error().message;
            return Error{ErrorCode::Internal,
                         QCoreApplication::translate("Signpost::Departments",
                                                     "Routing rule %1 cannot be read: %2")
                                                 .arg(query.value(0).toLongLong()).arg(rule.error().message),
                         {}};
        }
        rule->id = query.value(0).toLongLong();
        list.append(*rule);
    }
    return list;
}

Expected<RoutingRule> DepartmentStore::createRule(const QJsonObject &json)
{
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    RoutingRule base;
    QSqlQuery &last = m_db.prepared(u"SELECT COALESCE(MAX(position), 0) + 10 FROM routing_rules"_s);
    if (!last.exec() || !last.next())
        return storageError(last);
    base.position = last.value(0).toInt();
    last.finish();
    Expected<RoutingRule> rule = RoutingRule::fromJson(json, base, true);
    if (!rule)
        return rule;
    return saveRule(tx, *rule);
}

Expected<RoutingRule> DepartmentStore::updateRule(qint64 id, const QJsonObject &json)
{
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    Expected<QList<RoutingRule>> all = rules();
    if (!all)
        return all.error();
    auto found = std::find_if(all->cbegin(), all->cend(), [&](const RoutingRule &r) { return r.id == id; });
    if (found == all->cend())
        return Error::notFound(QCoreApplication::translate("Signpost::Departments", "No such routing rule."));
    Expected<RoutingRule> rule = RoutingRule::fromJson(json, *found, false);
    if (!rule)
        return rule;
    return saveRule(tx, *rule);
}

Expected<RoutingRule> DepartmentStore::saveRule(Transaction &tx, const RoutingRule &rule)
{
    if (Status known = checkDepartmentReference(rule.departmentId, u"department"_s); !known)
        return known.error();
    if (rule.shopId > 0) {
        if (Status known = checkShopReference(rule.shopId, u"shop"_s); !known)
            return known.error();
    }
    const QJsonObject json = rule.toJson();
    // With the directory's version, so every instance's routing table
    // follows (see routingTable()).
    QSqlQuery &save = m_db.prepared(
        rule.id == 0 ? u"INSERT INTO routing_rules (position, name, department_id, field, pattern, is_regex, shop_id,"
                       " channel, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s
                     : u"UPDATE routing_rules SET position = ?, name = ?, department_id = ?, field = ?, pattern = ?,"
                       " is_regex = ?, shop_id = ?, channel = ?, enabled = ? WHERE id = ?"_s);
    save.addBindValue(rule.position);
    save.addBindValue(rule.name);
    save.addBindValue(rule.departmentId);
    save.addBindValue(json.value(u"field"_s).toString());
    save.addBindValue(rule.pattern);
    save.addBindValue(int(rule.isRegex));
    save.addBindValue(rule.shopId > 0 ? QVariant(rule.shopId) : QVariant());
    save.addBindValue(rule.channel ? QVariant(toString(*rule.channel)) : QVariant());
    save.addBindValue(int(rule.enabled));
    if (rule.id != 0)
        save.addBindValue(rule.id);
    if (!save.exec())
        return storageError(save);
    RoutingRule saved = rule;
    if (saved.id == 0) {
        const Expected<qint64> id = insertedId(save);
        if (!id)
            return id.error();
        saved.id = *id;
    }
    if (Status touched = m_db.touchDirectory(); !touched)
        return touched.error();
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    m_routing.reset();
    return saved;
}

Status DepartmentStore::deleteRule(qint64 id)
{
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun;
    QSqlQuery &remove = m_db.prepared(u"DELETE FROM routing_rules WHERE id = ?"_s);
    remove.addBindValue(id);
    if (!remove.exec())
        return storageError(remove);
    if (remove.numRowsAffected() == 0)
        return Error::notFound(QCoreApplication::translate("Signpost::Departments", "No such routing rule."));
    if (Status touched = m_db.touchDirectory(); !touched)
        return touched;
    if (Status committed = tx.commit(); !committed)
        return committed;
    m_routing.reset();
    return ok();
}

Expected<const RoutingTable *> DepartmentStore::routingTable()
{
    if (m_db.isPostgres()) {
        // Another instance may have changed a department or a rule: every
        // such change moves the directory's version. A writing transaction
        // read it under the writers' lock as it began; a request reads it
        // once otherwise.
        std::optional<qint64> version = m_db.directoryVersionWhileWriting();
        if (!version && !(m_inRequest && m_versionChecked)) {
            const Expected<qint64> read = m_db.directoryVersion();
            if (!read)
                return read.error();
            version = *read;
            m_versionChecked = m_inRequest;
        }
        if (version && *version != m_routingVersion) {
            m_routing.reset();
            m_routingVersion = *version;
        }
    }
    if (!m_routing) {
        Expected<QList<Department>> all = departments();
        if (!all)
            return all.error();
        Expected<QList<RoutingRule>> ordered = rules();
        if (!ordered)
            return ordered.error();
        m_routing.emplace(*all, *ordered);
    }
    return &*m_routing;
}

} // namespace Signpost
