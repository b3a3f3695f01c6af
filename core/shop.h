#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Signpost {

// A storefront feeding the helpdesk; each has its own contact form.
struct Shop
{
    qint64 id = 0;
    QString slug; // in the contact form's address: /contact/<slug>
    QString name;
    // Web origins (scheme://host[:port]) whose pages may call the public
    // intake from the browser (CORS).
    QStringList allowedOrigins;

    QJsonObject toJson() const;
    static Shop fromJson(const QJsonObject &json);
};

} // namespace Signpost
