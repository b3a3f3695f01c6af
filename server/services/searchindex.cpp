#include "server/services/searchindex.h"

#include "server/storage/database.h"
#include "server/storage/transaction.h"
#include "storage/searchwords.h"
#include "storage/ticketrows.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

// The tickets one round indexes.
struct Round
{
    QString ids; // a JSON array
    qint64 last = 0;
    int count = 0;
};

// The tickets of a round, in a statement.
QString listedIds(const SqlDialect &dialect)
{
    return u"IN (SELECT CAST(j.value AS BIGINT) FROM %1)"_s.arg(dialect.jsonValues(u"j"_s));
}

Expected<Round> changedSinceTheMark(SqlConnection &sql, int limit)
{
    // One writer at a time: changes commit in sequence order, so every
    // ticket changed after `words_seq` has a higher seq than it.
    QSqlQuery &changed = sql.prepared(
        u"SELECT id, seq FROM tickets WHERE seq > (SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'words_seq')"
        " ORDER BY seq LIMIT ?"_s);
    changed.addBindValue(limit);
    if (!changed.exec())
        return sql.error(changed);
    Round round;
    QByteArray ids = "[";
    while (changed.next()) {
        if (round.count++ > 0)
            ids += ',';
        ids += QByteArray::number(changed.value(0).toLongLong());
        round.last = changed.value(1).toLongLong();
    }
    changed.finish();
    ids += ']';
    round.ids = QString::fromLatin1(ids);
    return round;
}

// Inside the round's transaction: the tickets' old rows out, `insert` (its
// values bound) in, and the mark moved on.
Status replaceRows(SqlConnection &sql, const Round &round, QSqlQuery &insert)
{
    QSqlQuery &remove = sql.prepared(u"DELETE FROM ticket_words WHERE rowid "_s + listedIds(sql.dialect()));
    remove.addBindValue(round.ids);
    if (!remove.exec())
        return sql.error(remove);
    if (!insert.exec())
        return sql.error(insert);
    QSqlQuery &mark = sql.prepared(u"UPDATE meta SET value = ? WHERE key = 'words_seq'"_s);
    mark.addBindValue(round.last);
    if (!mark.exec())
        return sql.error(mark);
    return ok();
}

} // namespace

Expected<int> SearchIndex::catchUp(int limit)
{
    SqlConnection &sql = m_db.sql();
    if (m_db.isPostgres())
        return catchUpOnPostgres(sql, limit);
    const Expected<Round> round = changedSinceTheMark(sql, limit);
    if (!round)
        return round.error();
    if (round->count == 0)
        return 0;
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    QSqlQuery &insert = sql.prepared(u"INSERT INTO ticket_words (rowid, subject, customer, body) "_s
                                     + TicketRows::searchRowsSql(sql.dialect()) + listedIds(sql.dialect()));
    insert.addBindValue(round->ids);
    if (Status replaced = replaceRows(sql, *round, insert); !replaced)
        return replaced.error();
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return round->count;
}

Expected<int> SearchIndex::catchUpOnPostgres(SqlConnection &sql, int limit)
{
    const Expected<Round> round = changedSinceTheMark(sql, limit);
    if (!round)
        return round.error();
    if (round->count == 0)
        return 0;

    // [[id, "tsvector text"], …]
    QSqlQuery &text = sql.prepared(TicketRows::searchRowsSql(sql.dialect()) + listedIds(sql.dialect()));
    text.addBindValue(round->ids);
    if (!text.exec())
        return sql.error(text);
    const SearchWords words; // there is one: the store would not have opened without it
    QByteArray vectors = "[";
    while (text.next()) {
        if (vectors.size() > 1)
            vectors += ',';
        QByteArray vector =
            words.vector({text.value(1).toString(), text.value(2).toString(), text.value(3).toString()});
        if (vector.contains('\\') || vector.contains('"'))
            vector.replace('\\', "\\\\").replace('"', "\\\"");
        vectors += '[' + QByteArray::number(text.value(0).toLongLong()) + ",\"" + vector + "\"]";
    }
    text.finish();
    vectors += ']';

    SqlTransaction tx(sql);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    // Read-write for the occasion; and, as the writer's own, waits bounded
    // both ways: a round waits at most 15 s for a row another instance's
    // round holds, and one whose instance hangs mid-round (stopped, cut
    // off) is ended after 30 s, its rows free again.
    QSqlQuery setting(sql.database()); // SET is never a prepared statement
    for (const QString &set : {u"SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE"_s,
                               u"SET LOCAL lock_timeout = '15s'"_s,
                               u"SET LOCAL idle_in_transaction_session_timeout = '30s'"_s}) {
        if (!setting.exec(set))
            return sql.error(setting);
    }
    QSqlQuery &insert = sql.prepared(u"INSERT INTO ticket_words (rowid, words) SELECT CAST(r->>0 AS BIGINT),"
                                     " CAST(r->>1 AS tsvector) FROM json_array_elements(CAST(? AS json)) AS r"_s);
    insert.addBindValue(QString::fromUtf8(vectors));
    if (Status replaced = replaceRows(sql, *round, insert); !replaced)
        return replaced.error();
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return round->count;
}

} // namespace Signpost
