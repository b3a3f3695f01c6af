#include "core/language.h"

using namespace Qt::StringLiterals;

namespace Signpost {

const QList<Language> &languages()
{
    static const QList<Language> all{{u"en"_s, u"English"_s}, {u"nb"_s, u"Norsk bokmål"_s}, {u"de"_s, u"Deutsch"_s}};
    return all;
}

QStringList languageCodes()
{
    QStringList codes;
    for (const Language &language : languages())
        codes.append(language.code);
    return codes;
}

QString languageCode(const QString &tag)
{
    const QString primary = tag.trimmed().section(u'-', 0, 0).section(u'_', 0, 0).toLower();
    if (primary == u"no" || primary == u"nn")
        return u"nb"_s;
    for (const Language &language : languages()) {
        if (language.code == primary)
            return primary;
    }
    return {};
}

QString negotiateLanguage(const QByteArray &acceptLanguage, const QStringList &offered)
{
    QString best;
    double bestWeight = 0;
    for (const QByteArray &item : acceptLanguage.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QString tag = QString::fromLatin1(parts.first().trimmed());
        double weight = 1;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts[i].trimmed();
            if (parameter.startsWith("q=")) {
                bool numeric = false;
                weight = parameter.mid(2).toDouble(&numeric);
                if (!numeric || weight < 0 || weight > 1)
                    weight = 0;
            }
        }
        // "*" is any language: the default serves it.
        const QString code = tag == u"*" ? offered.value(0) : languageCode(tag);
        // The first of equal weights wins: the order is the reader's.
        if (weight > bestWeight && !code.isEmpty() && offered.contains(code)) {
            best = code;
            bestWeight = weight;
        }
    }
    return best.isEmpty() ? offered.value(0, u"en"_s) : best;
}

std::optional<QHash<QString, QString>> textsByLanguage(const QJsonValue &json, qsizetype maxLength)
{
    if (!json.isObject())
        return std::nullopt;
    QHash<QString, QString> texts;
    const QJsonObject given = json.toObject();
    for (auto it = given.begin(); it != given.end(); ++it) {
        const QString text = it.value().toString().trimmed();
        if (languageCode(it.key()) != it.key() || !it.value().isString() || text.size() > maxLength)
            return std::nullopt;
        if (!text.isEmpty())
            texts.insert(it.key(), text);
    }
    return texts;
}

QJsonObject textsByLanguageJson(const QHash<QString, QString> &texts)
{
    QJsonObject json;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

} // namespace Signpost
