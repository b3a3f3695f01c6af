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
    // The languages its customers are written to in (codes of
    // core/language.h), the first the default: the contact form, the ticket
    // page and acknowledgements speak the one a customer's browser prefers.
    QStringList languages{QStringLiteral("en")};

    QJsonObject toJson() const;
    static Shop fromJson(const QJsonObject &json);
};

} // namespace Signpost
