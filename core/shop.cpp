#include "core/shop.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Signpost {

QJsonObject Shop::toJson() const
{
    return QJsonObject{{u"id"_s, id},
                       {u"slug"_s, slug},
                       {u"name"_s, name},
                       {u"allowed_origins"_s, QJsonArray::fromStringList(allowedOrigins)},
                       {u"languages"_s, QJsonArray::fromStringList(languages)}};
}

Shop Shop::fromJson(const QJsonObject &json)
{
    QStringList origins;
    for (const QJsonValue &origin : json.value(u"allowed_origins"_s).toArray())
        origins.append(origin.toString());
    Shop shop{json.value(u"id"_s).toInteger(), json.value(u"slug"_s).toString(), json.value(u"name"_s).toString(),
              origins};
    QStringList languages;
    for (const QJsonValue &language : json.value(u"languages"_s).toArray())
        languages.append(language.toString());
    if (!languages.isEmpty())
        shop.languages = languages;
    return shop;
}

} // namespace Signpost
