#include "core/department.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Signpost {

QJsonObject Department::toJson() const
{
    QJsonArray shops;
    for (qint64 shop : shopIds)
        shops.append(shop);
    return QJsonObject{
        {u"id"_s, id},
        {u"name"_s, name},
        {u"public_label"_s, publicLabel},
        {u"sender_name"_s, senderName},
        {u"signature"_s, signature},
        {u"is_default"_s, isDefault},
        {u"archived"_s, archived},
        {u"shops"_s, shops},
        {u"addresses"_s, QJsonArray::fromStringList(addresses)},
    };
}

Department Department::fromJson(const QJsonObject &json)
{
    Department d;
    d.id = json.value(u"id"_s).toInteger();
    d.name = json.value(u"name"_s).toString();
    d.publicLabel = json.value(u"public_label"_s).toString();
    d.senderName = json.value(u"sender_name"_s).toString();
    d.signature = json.value(u"signature"_s).toString();
    d.isDefault = json.value(u"is_default"_s).toBool();
    d.archived = json.value(u"archived"_s).toBool();
    const QJsonArray shops = json.value(u"shops"_s).toArray();
    for (const QJsonValue &shop : shops)
        d.shopIds.append(shop.toInteger());
    const QJsonArray addresses = json.value(u"addresses"_s).toArray();
    for (const QJsonValue &address : addresses)
        d.addresses.append(address.toString());
    return d;
}

} // namespace Signpost
