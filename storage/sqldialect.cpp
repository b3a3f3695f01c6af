#include "storage/sqldialect.h"

#include "storage/searchwords.h"

#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

// "$.key" → {'key'}, "$[2]" → {2}: PostgreSQL's path for #>>.
QString postgresPath(const QString &path)
{
    QStringList parts;
    QString rest = path.mid(1);
    while (!rest.isEmpty()) {
        if (rest.startsWith(u'.')) {
            const qsizetype end = rest.indexOf(QRegularExpression(u"[.\\[]"_s), 1);
            parts.append(rest.mid(1, end < 0 ? -1 : end - 1));
            rest = end < 0 ? QString() : rest.mid(end);
        } else if (rest.startsWith(u'[')) {
            const qsizetype end = rest.indexOf(u']');
            parts.append(rest.mid(1, end - 1));
            rest = rest.mid(end + 1);
        } else {
            break;
        }
    }
    return u"'{%1}'"_s.arg(parts.join(u','));
}

} // namespace

QString SqlDialect::jsonValues(const QString &alias, bool asJson) const
{
    if (!isPostgres())
        return u"json_each(?) %1"_s.arg(alias);
    return u"%1(CAST(? AS json)) AS %2(value)"_s.arg(asJson ? u"json_array_elements"_s : u"json_array_elements_text"_s,
                                                      alias);
}

QString SqlDialect::jsonInteger(const QString &json, const QString &path) const
{
    if (!isPostgres())
        return u"CAST(json_extract(%1, '%2') AS INTEGER)"_s.arg(json, path);
    return u"CAST(CAST(%1 AS json) #>> %2 AS BIGINT)"_s.arg(json, postgresPath(path));
}

QString SqlDialect::jsonText(const QString &json, const QString &path) const
{
    if (!isPostgres())
        return u"json_extract(%1, '%2')"_s.arg(json, path);
    return u"(CAST(%1 AS json) #>> %2)"_s.arg(json, postgresPath(path));
}

QString SqlDialect::caseless(const QString &expression) const
{
    return isPostgres() ? u"lower(%1)"_s.arg(expression) : u"%1 COLLATE NOCASE"_s.arg(expression);
}

QString SqlDialect::rowIdentity() const
{
    return isPostgres() ? u"ctid"_s : u"rowid"_s;
}

QString SqlDialect::joinedText(const QString &expression) const
{
    return isPostgres() ? u"string_agg(%1, ' ')"_s.arg(expression) : u"group_concat(%1, ' ')"_s.arg(expression);
}

QString SqlDialect::searchMatches() const
{
    return isPostgres() ? u"w.words @@ CAST(? AS tsquery)"_s : u"ticket_words MATCH ?"_s;
}

QString SqlDialect::searchExpression(const QString &text) const
{
    // PostgreSQL's words were cut by FTS5's tokenizer (SearchWords), so
    // what was typed is cut by it too.
    if (isPostgres())
        return QString::fromUtf8(SearchWords().query(text));
    QStringList terms;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts)) {
        word.remove(u'"');
        if (!word.isEmpty())
            terms.append(u"\"%1\"*"_s.arg(word));
    }
    return terms.join(u" "_s);
}

} // namespace Signpost
