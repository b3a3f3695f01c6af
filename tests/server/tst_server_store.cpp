// The server's store itself, on a real SQLite file: a transaction that could
// not begin is said so before anything is written, a change sequence
// value that could not be kept is never handed out, and the write-ahead log
// is checkpointed beside the writer; a store of every earlier schema
// version, with data in it, is brought up to date.
#include "server/logging.h"
#include "server/storage/database.h"
#include "server/storage/schema.h"
#include "server/storage/transaction.h"
#include "server/services/searchindex.h"
#include "storage/searchwords.h"
#include "devsupport/postgrescluster.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;

namespace {

// A row of test data for each version before the last of `steps`.
void earlierVersions(const QList<QStringList> &steps)
{
    QTest::addColumn<int>("from");
    for (int version = 1; version < steps.size(); ++version)
        QTest::addRow("version %d", version) << version;
}

// The start of a helpdesk in the columns every version has: the store's
// identity and sequence, a shop, a department.
const QStringList OldHelpdesk{
    u"INSERT INTO meta (key, value) VALUES ('epoch', 'olden'), ('change_seq', '3')"_s,
    u"INSERT INTO shops (id, slug, name) VALUES (1, 'acme', 'Acme')"_s,
    u"INSERT INTO departments (id, name, public_label, sender_name, is_default)"
    " VALUES (1, 'Support', 'Support', 'Acme Support', 1)"_s,
};

} // namespace

class TestServerStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyEarlierSchemaVersionIsMigratedWithItsData_data()
    {
        earlierVersions(Schema::sqlite());
    }
    void everyEarlierSchemaVersionIsMigratedWithItsData()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite3"_s);
        {
            // A store as that version left it: its schema, a helpdesk with
            // one ticket in the columns every version has.
            SqlConnection old(lcStore(), u"old store"_s);
            QVERIFY(old.open(path, {u"PRAGMA foreign_keys = ON"_s}));
            QVERIFY(old.migrate(Schema::sqlite().mid(0, from), u"newer"_s));
            QCOMPARE(old.userVersion(), from);
            QSqlQuery query(old.database());
            for (const QString &statement : OldHelpdesk + QStringList{
                     u"INSERT INTO agents (id, email, name, password_hash, is_admin, created_at)"
                     " VALUES (1, 'sam@acme.example', 'Sam', 'hash', 0, 1000)"_s,
                     u"INSERT INTO memberships (agent_id, department_id, role, granted_seq) VALUES (1, 1, 'lead', 1)"_s,
                     u"INSERT INTO tickets (id, subject, department_id, customer_name, customer_email, shop_id, channel,"
                     " status, priority, version, seq, entered_seq, created_at, updated_at, customer_secret_hash)"
                     " VALUES (1001, 'Parcel broken', 1, 'Cy', 'cy@example.com', 1, 'web', 'open', 'normal', 2, 3, 1,"
                     " 1000, 2000, X'01')"_s,
                     u"INSERT INTO messages (ticket_id, kind, author_name, body, created_at, seq)"
                     " VALUES (1001, 'customer', 'Cy', 'It came broken', 1000, 1)"_s,
                     u"INSERT INTO events (ticket_id, kind, data, created_at, seq)"
                     " VALUES (1001, 'status_changed', '{\"from\":\"new\",\"to\":\"open\"}', 1500, 3)"_s}) {
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
            }
        }

        Expected<std::unique_ptr<Database>> db = Database::open(path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        SqlConnection &sql = (*db)->sql();
        QCOMPARE(sql.userVersion(), int(Schema::sqlite().size()));
        // The store's identity and sequence are kept: desks' cursors hold.
        QCOMPARE((*db)->epoch(), u"olden"_s);
        QCOMPARE((*db)->headSeq(), qint64(3));
        QSqlQuery query(sql.database());
        QVERIFY(query.exec(u"SELECT t.subject, t.customer_email, t.sla_clocks, t.customer_language,"
                           " (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id),"
                           " (SELECT COUNT(*) FROM department_stays s WHERE s.ticket_id = t.id)"
                           " FROM tickets t WHERE t.id = 1001"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"Parcel broken"_s);
        QCOMPARE(query.value(1).toString(), u"cy@example.com"_s);
        QCOMPARE(query.value(4).toInt(), 1);
        if (from < 5) {
            // Migration 5 gave the ticket from before its clocks and its stay.
            QVERIFY(query.value(2).toString().contains(u"resolution"_s));
            QCOMPARE(query.value(5).toInt(), 1);
        }
        QVERIFY(query.exec(u"PRAGMA foreign_key_check"_s));
        QVERIFY(!query.next());
        QVERIFY(query.exec(u"PRAGMA integrity_check"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"ok"_s);
        // And it takes changes.
        {
            Transaction tx(**db);
            QVERIFY(tx.begun());
            const Expected<qint64> seq = (*db)->nextSeq();
            QVERIFY(seq);
            QCOMPARE(*seq, qint64(4));
            QVERIFY(tx.commit());
        }
        QCOMPARE((*db)->headSeq(), qint64(4));
    }

    // The same on PostgreSQL, from every earlier version of its own list.
    void everyEarlierPostgresSchemaVersionIsMigratedWithItsData_data()
    {
        earlierVersions(Schema::postgres());
    }
    void everyEarlierPostgresSchemaVersionIsMigratedWithItsData()
    {
        QFETCH(int, from);
        PostgresCluster *cluster = PostgresCluster::shared();
        QVERIFY(cluster);
        const QString name = u"migrated_from_%1"_s.arg(from);
        const QString url = cluster->createDatabase(name);
        QVERIFY2(!url.isEmpty(), qPrintable(cluster->error()));
        const auto dropped = qScopeGuard([&] { cluster->dropDatabase(name); });
        {
            SqlConnection old(lcStore(), u"old store"_s);
            QVERIFY(old.openPostgres(QUrl(url)));
            QVERIFY(old.migrate(Schema::postgres().mid(0, from), u"newer"_s));
            QCOMPARE(old.userVersion(), from);
            QSqlQuery query(old.database());
            for (const QString &statement : OldHelpdesk + QStringList{
                     u"INSERT INTO tickets (id, subject, department_id, customer_name, customer_email, shop_id, channel,"
                     " status, priority, version, seq, entered_seq, created_at, updated_at, customer_secret_hash)"
                     " VALUES (1001, 'Parcel for Müller broken', 1, 'Cy', 'cy@example.com', 1, 'web', 'open',"
                     " 'normal', 2, 3, 1, 1000, 2000, '\\x01')"_s,
                     u"INSERT INTO messages (ticket_id, kind, author_name, body, created_at, seq)"
                     " VALUES (1001, 'customer', 'Cy', 'It came broken', 1000, 1)"_s,
                     u"INSERT INTO ticket_words (rowid, subject, customer, body)"
                     " VALUES (1001, 'Parcel for Müller broken', 'Cy cy@example.com #1001', 'It came broken')"_s,
                     u"UPDATE meta SET value = '3' WHERE key = 'words_seq'"_s}) {
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
            }
        }

        QTemporaryDir files;
        Expected<std::unique_ptr<Database>> db = Database::openPostgres(QUrl(url), files.path());
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        SqlConnection &sql = (*db)->sql();
        QCOMPARE(sql.userVersion(), int(Schema::postgres().size()));
        QCOMPARE((*db)->epoch(), u"olden"_s);
        QCOMPARE((*db)->headSeq(), qint64(3));
        // The words, cut as the embedded store cuts them, once indexed again.
        const auto found = [&sql](const QString &typed) {
            QSqlQuery &query = sql.prepared(u"SELECT w.rowid FROM ticket_words w WHERE "_s
                                            + sql.dialect().searchMatches());
            query.addBindValue(sql.dialect().searchExpression(typed));
            QList<qint64> rows;
            if (!query.exec())
                return QList<qint64>{-1};
            while (query.next())
                rows.append(query.value(0).toLongLong());
            return rows;
        };
        QCOMPARE(found(u"broke"_s), QList<qint64>{1001}); // the old words, searched meanwhile
        SearchIndex index(**db);
        const Expected<int> indexed = index.catchUp(SearchIndex::Batch);
        QVERIFY(indexed);
        QCOMPARE(*indexed, 1);
        QCOMPARE(found(u"muller"_s), QList<qint64>{1001});
        QCOMPARE(found(u"example"_s), QList<qint64>{1001});
        QCOMPARE(found(u"came broke"_s), QList<qint64>{1001});
    }

    // However long a thread, its words make a tsvector PostgreSQL takes:
    // past its limits it would refuse the value, and the index would stop
    // at that ticket for good.
    void aLongThreadsWordsFitPostgres()
    {
        PostgresCluster *cluster = PostgresCluster::shared();
        QVERIFY(cluster);
        SqlConnection sql(lcStore(), u"words"_s);
        QVERIFY(sql.openPostgres(QUrl(cluster->urlOf(u"postgres"_s))));
        // 2 MB of distinct words, one word 300 times, one of 3,000 letters.
        QString body = QString(3000, u'x') + u" "_s + u"again "_s.repeated(300);
        for (int i = 0; i < 200'000; ++i)
            body += u"w%1 "_s.arg(i, 8, 36, QChar(u'0'));
        const QByteArray vector = SearchWords().vector({u"Subject first"_s, u"Cy"_s, body});
        QSqlQuery query(sql.database());
        QVERIFY(query.prepare(u"SELECT length(CAST(? AS tsvector)), CAST(? AS tsvector) @@ CAST(? AS tsquery)"_s));
        query.addBindValue(QString::fromUtf8(vector));
        query.addBindValue(QString::fromUtf8(vector));
        query.addBindValue(QString::fromUtf8(SearchWords().query(u"subject"_s)));
        QVERIFY2(query.exec() && query.next(), qPrintable(query.lastError().text()));
        QVERIFY(query.value(0).toInt() > 50'000);
        QVERIFY(query.value(1).toBool()); // the first words are kept
    }

    void aTransactionThatDidNotBeginSaysSo()
    {
        QTemporaryDir dir;
        Expected<std::unique_ptr<Database>> db = Database::open(dir.filePath(u"store.sqlite3"_s));
        QVERIFY(db);
        Transaction outer(**db);
        QVERIFY(outer.begun());
        // SQLite has no nested transactions: the inner one must not pretend.
        Transaction inner(**db);
        const Status begun = inner.begun();
        QVERIFY(!begun);
        QVERIFY(begun.error().code == ErrorCode::Internal);
    }

    // The write-ahead log is copied back on a thread of its own once it is
    // long enough (the writer would otherwise stop for it after a commit),
    // and the log starts over once it has been.
    void theLogIsCheckpointedBesideTheWriter()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite3"_s);
        constexpr int Pages = 64;
        Expected<std::unique_ptr<Database>> db = Database::open(path, Pages);
        QVERIFY(db);
        SqlConnection &sql = (*db)->sql();
        QSqlQuery create(sql.database());
        QVERIFY(create.exec(u"CREATE TABLE scratch (body BLOB)"_s));
        const qint64 fileBefore = QFileInfo(path).size();
        auto commitOne = [&sql]() {
            SqlTransaction transaction(sql);
            QSqlQuery &insert = sql.prepared(u"INSERT INTO scratch (body) VALUES (randomblob(8000))"_s);
            return transaction.begun() && sql.exec(insert) && transaction.commit();
        };
        while ((*db)->logPages() < Pages)
            QVERIFY(commitOne());
        QTRY_VERIFY((*db)->checkpoints() >= 1);
        QCOMPARE((*db)->writerCheckpoints(), quint64(0)); // the bulk was not copied in the writer
        QVERIFY2(QFileInfo(path).size() > fileBefore, qPrintable(u"%1 %2 %3"_s.arg(QFileInfo(path).size()).arg(fileBefore).arg((*db)->logPages())));
        // The writer copies what came since, and the log starts over.
        for (int i = 0; i < 3 && (*db)->logPages() >= Pages; ++i)
            QVERIFY(commitOne());
        QVERIFY2((*db)->logPages() < Pages / 2, qPrintable(QString::number((*db)->logPages())));
    }

    // Statements built from a request's filters come in many texts: the
    // cache keeps the most recently used ones, not every text ever seen.
    void preparedStatementsAreBounded()
    {
        QTemporaryDir dir;
        Expected<std::unique_ptr<Database>> db = Database::open(dir.filePath(u"store.sqlite3"_s));
        QVERIFY(db);
        SqlConnection &sql = (*db)->sql();
        for (int i = 0; i < 1000; ++i) {
            QSqlQuery &query = sql.prepared(u"SELECT %1 FROM meta WHERE key = ?"_s.arg(i));
            query.addBindValue(u"epoch"_s);
            QVERIFY(query.exec());
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), i);
            query.finish();
            QVERIFY(sql.statementCount() <= SqlConnection::MaxStatements);
        }
        // A statement in steady use stays, and still works.
        QSqlQuery &steady = sql.prepared(u"SELECT value FROM meta WHERE key = 'epoch'"_s);
        for (int i = 0; i < 500; ++i) {
            QSqlQuery &again = sql.prepared(u"SELECT value FROM meta WHERE key = 'epoch'"_s);
            QCOMPARE(&again, &steady);
            sql.prepared(u"SELECT %1"_s.arg(i));
        }
        QVERIFY(steady.exec() && steady.next());
        QCOMPARE(steady.value(0).toString(), (*db)->epoch());
    }

    void aSequenceValueThatCannotBeKeptIsNotHandedOut()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite3"_s);
        qint64 head = 0;
        {
            Expected<std::unique_ptr<Database>> db = Database::open(path);
            QVERIFY(db);
            Expected<qint64> first = (*db)->nextSeq();
            QVERIFY(first);
            (*db)->endWriting(true);
            head = *first;

            // Another writer holds the store past the busy timeout.
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery lock(other);
            QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));
            const Expected<qint64> refused = (*db)->nextSeq();
            QVERIFY(!refused);
            QVERIFY(lock.exec(u"COMMIT"_s));
            lock = QSqlQuery();
            other.close();
            other = QSqlDatabase();
            QSqlDatabase::removeDatabase(u"other"_s);

            // The refused value was not used: the next one follows the head.
            Expected<qint64> next = (*db)->nextSeq();
            QVERIFY(next);
            QCOMPARE(*next, head + 1);
            (*db)->endWriting(true);
            head = *next;
        }
        // And it was kept: after a restart the sequence goes on from there.
        Expected<std::unique_ptr<Database>> reopened = Database::open(path);
        QVERIFY(reopened);
        QCOMPARE((*reopened)->headSeq(), head);
        Expected<qint64> after = (*reopened)->nextSeq();
        QVERIFY(after);
        QCOMPARE(*after, head + 1);
    }
};

QTEST_GUILESS_MAIN(TestServerStore)
#include "tst_server_store.moc"
