// The server's store itself, on a real SQLite file: a transaction that could
// not begin is said so before anything is written, a change sequence
// value that could not be kept is never handed out, and the write-ahead log
// is checkpointed beside the writer; a store of every earlier schema
// version, with data in it, is brought up to date.
#include "server/logging.h"
#include "server/storage/database.h"
#include "server/storage/schema.h"
#include "server/storage/transaction.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;

class TestServerStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyEarlierSchemaVersionIsMigratedWithItsData_data()
    {
        QTest::addColumn<int>("from");
        for (int version = 1; version < Schema::sqlite().size(); ++version)
            QTest::addRow("version %d", version) << version;
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
            for (const QString &statement : {
                     u"INSERT INTO meta (key, value) VALUES ('epoch', 'olden'), ('change_seq', '3')"_s,
                     u"INSERT INTO shops (id, slug, name) VALUES (1, 'acme', 'Acme')"_s,
                     u"INSERT INTO departments (id, name, public_label, sender_name, is_default)"
                     " VALUES (1, 'Support', 'Support', 'Acme Support', 1)"_s,
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
            (*db)->publishSeq();
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
            (*db)->publishSeq();
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
