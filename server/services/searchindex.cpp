#include "server/services/searchindex.h"

#include "server/storage/database.h"
#include "server/storage/transaction.h"
#include "storage/ticketrows.h"

#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost {

Expected<int> SearchIndex::catchUp(int limit)
{
    // One writer: changes commit in sequence order, so every ticket changed
    // after `words_seq` has a higher seq than it.
    QSqlQuery &changed = m_db.prepared(
        u"SELECT id, seq FROM tickets WHERE seq > (SELECT CAST(value AS BIGINT) FROM meta WHERE key = 'words_seq')"
        " ORDER BY seq LIMIT ?"_s);
    changed.addBindValue(limit);
    if (!changed.exec())
        return storageError(changed);
    QByteArray ids = "[";
    qint64 last = 0;
    int count = 0;
    while (changed.next()) {
        if (count++ > 0)
            ids += ',';
        ids += QByteArray::number(changed.value(0).toLongLong());
        last = changed.value(1).toLongLong();
    }
    changed.finish();
    if (count == 0)
        return 0;
    ids += ']';

    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    const QString list = QString::fromLatin1(ids);
    const SqlDialect dialect = m_db.dialect();
    const QString listed = u"IN (SELECT CAST(j.value AS BIGINT) FROM %1)"_s.arg(dialect.jsonValues(u"j"_s));
    QSqlQuery &remove = m_db.prepared(u"DELETE FROM ticket_words WHERE rowid "_s + listed);
    remove.addBindValue(list);
    if (!remove.exec())
        return storageError(remove);
    QSqlQuery &insert = m_db.prepared(u"INSERT INTO ticket_words (rowid, subject, customer, body) "_s
                                      + TicketRows::searchRowsSql(dialect) + listed);
    insert.addBindValue(list);
    if (!insert.exec())
        return storageError(insert);
    QSqlQuery &mark = m_db.prepared(u"UPDATE meta SET value = ? WHERE key = 'words_seq'"_s);
    mark.addBindValue(last);
    if (!mark.exec())
        return storageError(mark);
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return count;
}

} // namespace Signpost
