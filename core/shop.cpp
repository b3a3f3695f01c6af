#include "core/shop.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Signpost {

QJsonObject Shop::toJson() const
{
    return QJsonObject{{u"id"_s, id},
                       {u"slug"_s, slug},
                       {u"name"_s, name},
                       {u"allowed_origins"_s, QJsonArray::fromStringList(allowedOrigins)}};
}

Shop Shop::fromJson(const QJsonObject &json)
{
    QStringList origins;
    for (const QJsonValue &origin : json.value(u"allowed_origins"_s).toArray())
        origins.append(origin.toString());
    return Shop{json.value(u"id"_s).toInteger(), json.value(u"slug"_s).toString(), json.value(u"name"_s).toString(),
                origins};
}

} // namespace Signpost
