#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Signpost {

// The languages Signpost speaks: to agents in the desk, and to customers on
// the contact forms, their ticket pages and in acknowledgements. English is
// the source; the others are translated.
struct Language
{
    QString code; // "en", "nb", "de"
    QString name; // in the language itself, as a language menu shows it
};

// English first.
const QList<Language> &languages();
QStringList languageCodes();

// The code of ours a language tag means ("nb-NO", "no" and "nn" are
// Bokmål, "de-AT" is German), or an empty string.
QString languageCode(const QString &tag);

// Of `offered` (codes, the first the default), the one an Accept-Language
// header (RFC 9110, 12.5.4) prefers most; the first offered when none fits.
QString negotiateLanguage(const QByteArray &acceptLanguage, const QStringList &offered);

// Texts by language code as JSON (a department's public labels, its
// acknowledgements): trimmed, the empty ones dropped. Nothing for another
// shape, a code Signpost does not speak, or a text longer than `maxLength`.
std::optional<QHash<QString, QString>> textsByLanguage(const QJsonValue &json, qsizetype maxLength);
QJsonObject textsByLanguageJson(const QHash<QString, QString> &texts);

} // namespace Signpost
