#include "core/department.h"

#include "core/language.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Signpost {

QString toString(Department::AssignmentMode mode)
{
    switch (mode) {
    case Department::AssignmentMode::Manual: return u"manual"_s;
    case Department::AssignmentMode::RoundRobin: return u"round_robin"_s;
    case Department::AssignmentMode::LeastLoaded: return u"least_loaded"_s;
    }
    return u"manual"_s;
}

std::optional<Department::AssignmentMode> assignmentModeFromString(const QString &text)
{
    for (auto mode : {Department::AssignmentMode::Manual, Department::AssignmentMode::RoundRobin,
                      Department::AssignmentMode::LeastLoaded}) {
        if (toString(mode) == text)
            return mode;
    }
    return std::nullopt;
}

const QStringList &Department::notifyEvents()
{
    static const QStringList events{u"new_ticket"_s, u"customer_reply"_s, u"transferred_in"_s, u"sla_at_risk"_s,
                                    u"sla_breached"_s};
    return events;
}

const QStringList &Department::leadKeys()
{
    static const QStringList keys{u"public_label"_s, u"public_labels"_s, u"sender_name"_s, u"signature"_s,
                                  u"sla"_s,          u"assignment"_s,    u"notify"_s,      u"attachment_limits"_s};
    return keys;
}

const QStringList &Department::notifyAudiences()
{
    static const QStringList audiences{u"members"_s, u"leads"_s, u"assignee"_s, u"assignee_and_leads"_s};
    return audiences;
}

QString Department::audience(const QString &event) const
{
    // An SLA risk is the assignee's to act on; a breach escalates to the leads.
    const QString fallback = event == u"sla_at_risk" ? u"assignee"_s
                             : event == u"sla_breached" ? u"assignee_and_leads"_s
                                                        : u"members"_s;
    return notify.value(event, fallback);
}

QJsonObject Department::toJson() const
{
    QJsonObject audiences;
    for (const QString &event : notifyEvents())
        audiences.insert(event, audience(event));
    QJsonArray shops;
    for (qint64 shop : shopIds)
        shops.append(shop);
    QJsonObject shopSenders;
    for (auto it = shopSenderNames.cbegin(); it != shopSenderNames.cend(); ++it)
        shopSenders.insert(QString::number(it.key()), it.value());
    return QJsonObject{
        {u"id"_s, id},
        {u"name"_s, name},
        {u"public_label"_s, publicLabel},
        {u"public_labels"_s, textsByLanguageJson(publicLabels)},
        {u"sender_name"_s, senderName},
        {u"shop_sender_names"_s, shopSenders},
        {u"signature"_s, signature},
        {u"is_default"_s, isDefault},
        {u"archived"_s, archived},
        {u"shops"_s, shops},
        {u"addresses"_s, QJsonArray::fromStringList(addresses)},
        {u"assignment"_s, QJsonObject{{u"mode"_s, toString(assignmentMode)}, {u"capacity"_s, assignmentCapacity}}},
        {u"notify"_s, audiences},
        {u"sla"_s, sla.toJson()},
        {u"attachment_limits"_s, QJsonObject{{u"file_bytes"_s, maxFileBytes}, {u"message_bytes"_s, maxMessageBytes}}},
    };
}

Department Department::fromJson(const QJsonObject &json)
{
    Department d;
    d.id = json.value(u"id"_s).toInteger();
    d.name = json.value(u"name"_s).toString();
    d.publicLabel = json.value(u"public_label"_s).toString();
    d.publicLabels = textsByLanguage(json.value(u"public_labels"_s), 100).value_or(d.publicLabels);
    d.senderName = json.value(u"sender_name"_s).toString();
    d.signature = json.value(u"signature"_s).toString();
    d.isDefault = json.value(u"is_default"_s).toBool();
    d.archived = json.value(u"archived"_s).toBool();
    const QJsonObject assignment = json.value(u"assignment"_s).toObject();
    d.assignmentMode = assignmentModeFromString(assignment.value(u"mode"_s).toString()).value_or(AssignmentMode::Manual);
    d.assignmentCapacity = assignment.value(u"capacity"_s).toInt();
    const QJsonObject notify = json.value(u"notify"_s).toObject();
    for (auto it = notify.begin(); it != notify.end(); ++it)
        d.notify.insert(it.key(), it.value().toString());
    if (Expected<SlaPolicy> policy = SlaPolicy::fromJson(json.value(u"sla"_s).toObject()))
        d.sla = *policy;
    const QJsonArray shops = json.value(u"shops"_s).toArray();
    for (const QJsonValue &shop : shops)
        d.shopIds.append(shop.toInteger());
    const QJsonObject shopSenders = json.value(u"shop_sender_names"_s).toObject();
    for (auto it = shopSenders.begin(); it != shopSenders.end(); ++it)
        d.shopSenderNames.insert(it.key().toLongLong(), it.value().toString());
    const QJsonArray addresses = json.value(u"addresses"_s).toArray();
    for (const QJsonValue &address : addresses)
        d.addresses.append(address.toString());
    const QJsonObject limits = json.value(u"attachment_limits"_s).toObject();
    d.maxFileBytes = limits.value(u"file_bytes"_s).toInteger(DefaultMaxFileBytes);
    d.maxMessageBytes = limits.value(u"message_bytes"_s).toInteger(DefaultMaxMessageBytes);
    return d;
}

} // namespace Signpost
