#pragma once

#include <QString>

namespace Signpost {

enum class SqlEngine { SQLite, PostgreSQL };

// Where SQLite and PostgreSQL spell the same thing differently, in one
// place: the statements ask for the fragment by what it does. Everything
// else is written once, in the SQL both engines read.
class SqlDialect
{
public:
    explicit SqlDialect(SqlEngine engine)
        : m_engine(engine)
    {
    }
    SqlEngine engine() const { return m_engine; }
    bool isPostgres() const { return m_engine == SqlEngine::PostgreSQL; }

    // The elements of a JSON array bound as one parameter, as a table
    // `alias` with one column `value`: as text (numbers compare as numbers
    // through CAST) or, with `asJson`, as JSON for jsonInteger().
    QString jsonValues(const QString &alias, bool asJson = false) const;
    // The integer at `path` ("$.key" or "$[n]") of a JSON text expression.
    QString jsonInteger(const QString &json, const QString &path) const;
    // The text at `path` of a JSON text expression.
    QString jsonText(const QString &json, const QString &path) const;
    // A text expression to compare and sort without regard to case.
    QString caseless(const QString &expression) const;
    // A row's physical identity, for bounded deletes and insertion order.
    QString rowIdentity() const;
    // Text values of a group joined by a space.
    QString joinedText(const QString &expression) const;
    // Whether the words of ticket_words `w` match the bound search
    // expression, and the expression for what an agent typed: every word
    // as a prefix. Empty when nothing typed has a word in it on PostgreSQL
    // (FTS5 finds nothing for such an expression itself).
    QString searchMatches() const;
    QString searchExpression(const QString &text) const;

private:
    SqlEngine m_engine;
};

} // namespace Signpost
