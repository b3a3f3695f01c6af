#include "core/shop.h"

using namespace Qt::StringLiterals;

namespace Signpost {

QJsonObject Shop::toJson() const
{
    return QJsonObject{{u"id"_s, id}, {u"slug"_s, slug}, {u"name"_s, name}};
}

Shop Shop::fromJson(const QJsonObject &json)
{
    return Shop{json.value(u"id"_s).toInteger(), json.value(u"slug"_s).toString(), json.value(u"name"_s).toString()};
}

} // namespace Signpost
