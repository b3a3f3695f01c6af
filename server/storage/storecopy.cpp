#include "server/storage/storecopy.h"

#include "server/storage/database.h"
#include "server/storage/transaction.h"
#include "storage/searchwords.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QtEndian>
#include <QSqlRecord>
#include <QTextStream>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

// Parents before children (foreign keys), every table of the schema.
const QStringList Tables{
    u"meta"_s,          u"shops"_s,          u"departments"_s,       u"department_shops"_s,
    u"department_addresses"_s, u"agents"_s,  u"memberships"_s,       u"membership_revocations"_s,
    u"tokens"_s,        u"routing_rules"_s,  u"tickets"_s,           u"messages"_s,
    u"events"_s,        u"ticket_moves"_s,   u"applied_commands"_s,  u"department_stays"_s,
    u"ticket_solves"_s, u"idempotency_keys"_s, u"canned_replies"_s,  u"mail_relay"_s,
    u"mailboxes"_s,     u"department_mail"_s, u"mail_messages"_s,    u"mail_outbox"_s,
    u"attachments"_s,   u"uploads"_s,        u"sla_reschedules"_s,   u"ticket_words"_s,
};
// Tables whose ids PostgreSQL hands out: its sequence goes on after the copy.
const QStringList Identities{u"shops"_s,    u"departments"_s, u"agents"_s,        u"routing_rules"_s,
                             u"tickets"_s,  u"messages"_s,    u"events"_s,        u"canned_replies"_s,
                             u"mailboxes"_s, u"mail_messages"_s, u"mail_outbox"_s, u"attachments"_s};

struct Tally
{
    qint64 rows = 0;
    quint64 sum = 0;
};

// One value as both engines give it, tagged so that no text can pass for
// a NULL or for bytes: bytes as hex, the rest as text.
QByteArray canonical(const QVariant &value)
{
    if (value.isNull())
        return "N";
    if (value.metaType().id() == QMetaType::QByteArray)
        return "B" + value.toByteArray().toHex();
    return "V" + value.toString().toUtf8();
}

// The columns of a table of the embedded store (its search table's text
// besides FTS5's own hidden ones).
QStringList columnsOf(SqlConnection &from, const QString &table)
{
    QStringList columns;
    if (table == u"ticket_words")
        return {u"rowid"_s, u"subject"_s, u"customer"_s, u"body"_s};
    const QSqlRecord record = from.database().record(table);
    for (int i = 0; i < record.count(); ++i)
        columns.append(record.fieldName(i));
    return columns;
}

Expected<Tally> tally(SqlConnection &sql, const QString &table, const QStringList &columns)
{
    QSqlQuery query(sql.database());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT %1 FROM %2"_s.arg(columns.join(u", "_s), table)))
        return sql.error(query);
    Tally tally;
    while (query.next()) {
        QCryptographicHash row(QCryptographicHash::Sha256);
        for (int i = 0; i < columns.size(); ++i) {
            row.addData(canonical(query.value(i)));
            row.addData(QByteArrayView("\x1f", 1));
        }
        const QByteArray digest = row.result();
        tally.sum += qFromBigEndian<quint64>(digest.constData());
        ++tally.rows;
    }
    return tally;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "signpost-server migrate: " << message << Qt::endl;
    return 1;
}

} // namespace

int migrateStore(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Copies an embedded store into an empty PostgreSQL database."_s);
    parser.addHelpOption();
    const QCommandLineOption fromOption(u"from"_s, u"The data directory of the embedded store."_s, u"dir"_s);
    const QCommandLineOption toOption(u"to"_s, u"The PostgreSQL database (postgresql://…)."_s, u"url"_s);
    parser.addOptions({fromOption, toOption});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QString file = QDir(parser.value(fromOption)).filePath(u"signpost.sqlite3"_s);
    if (!parser.isSet(fromOption) || !QFileInfo::exists(file))
        return fail(u"--from needs the data directory of an embedded store (with signpost.sqlite3 in it)."_s);
    const QString to = parser.value(toOption);
    if (!Database::isPostgresUrl(to))
        return fail(u"--to needs a PostgreSQL URL such as postgresql://signpost@localhost/signpost."_s);

    // Both at the newest schema first: the columns match table by table.
    Expected<std::unique_ptr<Database>> source = Database::open(file);
    if (!source)
        return fail(source.error().message);
    Expected<std::unique_ptr<Database>> target = Database::openPostgres(QUrl(to), parser.value(fromOption));
    if (!target)
        return fail(target.error().message);
    SqlConnection &from = (*source)->sql();
    SqlConnection &into = (*target)->sql();

    QSqlQuery query(into.database());
    if (!query.exec(u"SELECT (SELECT count(*) FROM agents) + (SELECT count(*) FROM departments)"
                    " + (SELECT count(*) FROM shops) + (SELECT count(*) FROM tickets)"_s)
        || !query.next())
        return fail(into.error(query).message);
    if (query.value(0).toLongLong() > 0)
        return fail(u"The target database is not empty; migrate only into a new one."_s);
    query.finish();

    // Nothing changes the embedded store while it is copied and read back:
    // a server still running on it has its writes wait (and fail after a
    // few seconds) rather than go missing from the copy.
    QSqlQuery hold(from.database());
    if (!hold.exec(u"BEGIN IMMEDIATE"_s))
        return fail(u"The embedded store stayed busy with writes; stop its server first."_s);

    QTextStream out(stdout);
    {
        Transaction tx(**target);
        if (Status begun = tx.begun(); !begun)
            return fail(begun.error().message);
        // The target's own first values (epoch, change sequence) give way to the store's.
        if (!query.exec(u"DELETE FROM meta"_s))
            return fail(into.error(query).message);
        const SearchWords cutter;
        for (const QString &table : Tables) {
            const QStringList columns = columnsOf(from, table);
            QSqlQuery read(from.database());
            read.setForwardOnly(true);
            if (!read.exec(u"SELECT %1 FROM %2"_s.arg(columns.join(u", "_s), table)))
                return fail(from.error(read).message);
            // Many rows a statement: one round trip per row made a million
            // tickets take minutes. PostgreSQL takes at most 65,535 values
            // a statement.
            // PostgreSQL's search table keeps the words of the embedded
            // store's text, cut as the server cuts them (SearchIndex).
            const bool words = table == u"ticket_words";
            const QStringList written = words ? QStringList{u"rowid"_s, u"words"_s} : columns;
            const qsizetype batch = std::clamp<qsizetype>(60'000 / written.size(), 1, 500);
            const QString row = words ? u"(?, CAST(? AS tsvector))"_s
                                      : u"("_s + QStringList(columns.size(), u"?"_s).join(u", "_s) + u")"_s;
            QVariantList values;
            // The rows gathered in `values`, written; an error's text, if any.
            auto flush = [&]() -> QString {
                if (values.isEmpty())
                    return {};
                QSqlQuery &write = into.prepared(u"INSERT INTO %1 (%2) VALUES %3"_s.arg(
                    table, written.join(u", "_s), QStringList(values.size() / written.size(), row).join(u", "_s)));
                for (const QVariant &value : std::as_const(values))
                    write.addBindValue(value);
                values.clear();
                return write.exec() ? QString() : into.error(write).message;
            };
            QString failed;
            while (failed.isEmpty() && read.next()) {
                if (words) {
                    values.append(read.value(0));
                    values.append(QString::fromUtf8(cutter.vector(
                        {read.value(1).toString(), read.value(2).toString(), read.value(3).toString()})));
                } else {
                    for (int i = 0; i < columns.size(); ++i)
                        values.append(read.value(i));
                }
                if (values.size() == batch * written.size())
                    failed = flush();
            }
            if (failed.isEmpty())
                failed = flush();
            if (!failed.isEmpty())
                return fail(u"%1: %2"_s.arg(table, failed));
        }
        for (const QString &table : Identities) {
            if (!query.exec(u"SELECT setval(pg_get_serial_sequence('%1', 'id'), COALESCE(MAX(id), %2) + 1, false)"
                            " FROM %1"_s.arg(table).arg(table == u"tickets" ? 1000 : 0)))
                return fail(into.error(query).message);
        }
        if (Status committed = tx.commit(); !committed)
            return fail(committed.error().message);
    }
    // The planner's statistics for what was just copied: without them the
    // first queries on a big store plan as if its tables were empty, until
    // autovacuum comes round.
    if (!query.exec(u"ANALYZE"_s))
        return fail(into.error(query).message);

    // Read back from both sides.
    bool same = true;
    out << qSetFieldWidth(24) << Qt::left << "table" << qSetFieldWidth(10) << Qt::right << "rows"
        << qSetFieldWidth(0) << "  checksum\n";
    for (const QString &table : Tables) {
        // The search table: its tickets (the words are PostgreSQL's own).
        const QStringList columns = table == u"ticket_words" ? QStringList{u"rowid"_s} : columnsOf(from, table);
        const Expected<Tally> before = tally(from, table, columns);
        const Expected<Tally> after = tally(into, table, columns);
        if (!before || !after)
            return fail((before ? after.error() : before.error()).message);
        const bool equal = before->rows == after->rows && before->sum == after->sum;
        same = same && equal;
        out << qSetFieldWidth(24) << Qt::left << table << qSetFieldWidth(10) << Qt::right << after->rows
            << qSetFieldWidth(0) << "  " << QString::number(after->sum, 16).rightJustified(16, u'0')
            << (equal ? "" : "  DIFFERS from the embedded store") << "\n";
    }
    out.flush();
    hold.exec(u"ROLLBACK"_s);
    if (!same)
        return fail(u"The copy differs from the embedded store (see above); do not use it."_s);
    out << "Copied. Start the server with --database " << QUrl(to).toDisplayString(QUrl::RemovePassword)
        << " (and the same --data-dir for its files).\n";
    return 0;
}

} // namespace Signpost
