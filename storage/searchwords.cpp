#include "storage/searchwords.h"

#include "core/logging.h"

#include <QHash>
#include <QString>

#include <sqlite3.h>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

// PostgreSQL's limits for a tsvector (MAXENTRYPOS, MAXNUMPOS, MAXSTRLEN and,
// with room to spare, MAXSTRPOS): beyond them it refuses the whole value.
constexpr int LastPosition = 16'383;
constexpr int PositionsPerWord = 256;
constexpr qsizetype LongestWord = 2'046;
constexpr qsizetype VectorBytes = 1'000'000;

// A lexeme as tsvector and tsquery text read it.
void appendQuoted(QByteArray &out, QByteArrayView word)
{
    out += '\'';
    for (const char c : word) {
        if (c == '\'' || c == '\\')
            out += c;
        out += c;
    }
    out += '\'';
}

} // namespace

SearchWords::SearchWords()
    : m_api(std::make_unique<fts5_tokenizer>())
{
    // The FTS5 API of a connection of our own, as SQLite's documentation
    // shows how to get it: SELECT fts5(?1) with a pointer bound.
    if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        qCWarning(lcCore) << "Search words: no in-memory SQLite connection:" << sqlite3_errmsg(m_db);
        return;
    }
    fts5_api *fts5 = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(m_db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, &fts5, "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    void *context = nullptr;
    if (!fts5 || fts5->xFindTokenizer(fts5, "unicode61", &context, m_api.get()) != SQLITE_OK
        || m_api->xCreate(context, nullptr, 0, &m_tokenizer) != SQLITE_OK) {
        qCWarning(lcCore) << "Search words: this SQLite has no FTS5 unicode61 tokenizer";
        m_tokenizer = nullptr;
    }
}

SearchWords::~SearchWords()
{
    if (m_tokenizer)
        m_api->xDelete(m_tokenizer);
    sqlite3_close(m_db);
}

void SearchWords::tokenize(QByteArrayView utf8, const std::function<void(QByteArrayView)> &word) const
{
    if (!m_tokenizer || utf8.isEmpty())
        return;
    const auto each = [](void *context, int, const char *token, int size, int, int) {
        (*static_cast<const std::function<void(QByteArrayView)> *>(context))(QByteArrayView(token, size));
        return SQLITE_OK;
    };
    // Texts past 2 GB are not a ticket's; the tokenizer takes an int.
    const int size = int(std::min<qsizetype>(utf8.size(), std::numeric_limits<int>::max()));
    m_api->xTokenize(m_tokenizer, const_cast<std::function<void(QByteArrayView)> *>(&word),
                     FTS5_TOKENIZE_DOCUMENT, utf8.data(), size, each);
}

QList<QByteArray> SearchWords::words(QByteArrayView utf8) const
{
    QList<QByteArray> words;
    tokenize(utf8, [&](QByteArrayView word) { words.append(word.toByteArray()); });
    return words;
}

QByteArray SearchWords::vector(const QStringList &columns) const
{
    QHash<QByteArray, QList<int>> positions;
    QList<QByteArray> order; // first seen first: the text reads the same every time
    qsizetype bytes = 0;
    int position = 0;
    for (qsizetype column = 0; column < columns.size(); ++column) {
        if (column > 0)
            ++position;
        tokenize(columns[column].toUtf8(), [&](QByteArrayView word) {
            const int at = std::min(++position, LastPosition);
            if (word.size() > LongestWord)
                return;
            // What PostgreSQL counts against its limit: a word's bytes (to
            // an even number), its count of positions, two bytes a position.
            auto found = positions.find(QByteArray::fromRawData(word.data(), word.size()));
            if (found == positions.end()) {
                const qsizetype needs = (word.size() + 1) / 2 * 2 + 4;
                if (bytes + needs > VectorBytes)
                    return;
                bytes += needs;
                order.append(word.toByteArray());
                positions.insert(order.last(), {at});
            } else if (found->size() < PositionsPerWord && found->last() != at && bytes + 2 <= VectorBytes) {
                bytes += 2;
                found->append(at);
            }
        });
    }
    QByteArray text;
    text.reserve(bytes + order.size() * 8);
    for (const QByteArray &word : std::as_const(order)) {
        if (!text.isEmpty())
            text += ' ';
        appendQuoted(text, word);
        const QList<int> &at = *positions.constFind(word);
        for (qsizetype i = 0; i < at.size(); ++i) {
            text += i == 0 ? ':' : ',';
            text += QByteArray::number(at[i]);
        }
    }
    return text;
}

QByteArray SearchWords::query(const QString &typed) const
{
    QByteArray text;
    for (QString typedWord : typed.split(u' ', Qt::SkipEmptyParts)) {
        // As the FTS5 expression is made: quotes out, the rest cut by the tokenizer.
        typedWord.remove(u'"');
        const QList<QByteArray> phrase = words(typedWord.toUtf8());
        if (phrase.isEmpty())
            continue;
        if (!text.isEmpty())
            text += " & ";
        for (qsizetype i = 0; i < phrase.size(); ++i) {
            if (i > 0)
                text += " <-> ";
            appendQuoted(text, phrase[i]);
        }
        text += ":*";
    }
    return text;
}

} // namespace Signpost
