#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

struct sqlite3;
struct Fts5Tokenizer;
struct fts5_tokenizer;

namespace Signpost {

// The words of a text as every search index of Signpost cuts them: SQLite
// FTS5's `unicode61` tokenizer (runs of letters and digits, case folded,
// diacritics removed), called directly. The embedded store and the desk
// index with FTS5 itself; PostgreSQL's index is written from these words,
// so a search finds the same tickets on either engine ("muller" finds
// Müller, "example" finds cy@example.com).
//
// One instance per thread at a time (the tokenizer keeps a buffer); making
// one opens an in-memory SQLite connection, so keep it for a batch.
class SearchWords
{
public:
    SearchWords();
    ~SearchWords();
    SearchWords(const SearchWords &) = delete;
    SearchWords &operator=(const SearchWords &) = delete;

    // Whether SQLite's FTS5 tokenizer was found; without it there are no words.
    bool isValid() const { return m_tokenizer != nullptr; }

    // The words of `utf8`, folded, in order.
    QList<QByteArray> words(QByteArrayView utf8) const;

    // PostgreSQL's tsvector, as text, of one ticket's columns (subject,
    // customer, thread): every word with its positions, a column's first
    // word two after the last of the one before, so a phrase never spans
    // two columns (as in FTS5). Within PostgreSQL's limits: positions stop
    // at 16,383, a word keeps 256 of them, words longer than 2,046 bytes
    // are left out, and once the whole would pass about 1 MB, what comes
    // after (the thread's end of a very long one) is too.
    QByteArray vector(const QStringList &columns) const;

    // PostgreSQL's tsquery, as text, for what an agent typed: each
    // space-separated word a phrase of its words with the last as a prefix,
    // all of them required, as the FTS5 expression `"word"* "word"*` means.
    // Empty when nothing typed has a word in it.
    QByteArray query(const QString &typed) const;

private:
    void tokenize(QByteArrayView utf8, const std::function<void(QByteArrayView)> &word) const;

    sqlite3 *m_db = nullptr;
    std::unique_ptr<fts5_tokenizer> m_api;
    Fts5Tokenizer *m_tokenizer = nullptr;
};

} // namespace Signpost
