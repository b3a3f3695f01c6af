// Domain codecs and rules shared by server and client: the sync cursor, the
// command format, the status machine and ticket JSON.
#include "core/cannedreply.h"
#include "core/command.h"
#include "core/synccursor.h"
#include "core/ticket.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;

class TestCoreCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cannedReplyFieldsAreFilledIn()
    {
        Signpost::CannedReply reply;
        reply.body = u"Hei {customer.first_name}! Ordre {order.number} ({ticket.number}) er sendt. {unknown}\n{agent.name}, {department.name}"_s;
        const QString text = reply.expand({u"  Åse Bjørnstad "_s, u"A-77"_s, 1042, u"Kari"_s, u"Returns"_s});
        QCOMPARE(text, u"Hei Åse! Ordre A-77 (#1042) er sendt. {unknown}\nKari, Returns"_s);
        QCOMPARE(reply.expand({}), u"Hei ! Ordre  () er sendt. {unknown}\n, "_s);
        QCOMPARE(Signpost::CannedReply::unknownFields(reply.body), QStringList{u"unknown"_s});
        QVERIFY(Signpost::CannedReply::unknownFields(u"{customer.name} {ticket.number}"_s).isEmpty());
    }

    void cursorRoundTrip()
    {
        const SyncCursor cursor{u"abc123"_s, 41, 99, SyncCursor::Phase::Changes, 57};
        const std::optional<SyncCursor> decoded = SyncCursor::decode(cursor.encode());
        QVERIFY(decoded);
        QCOMPARE(decoded->epoch, cursor.epoch);
        QCOMPARE(decoded->since, 41);
        QCOMPARE(decoded->head, 99);
        QVERIFY(decoded->phase == SyncCursor::Phase::Changes);
        QCOMPARE(decoded->position, 57);
    }

    void badCursorsAreRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << u"hello"_s;
        QTest::newRow("negative") << u"e.-1.0.0.0"_s;
        QTest::newRow("bad phase") << u"e.1.2.7.0"_s;
        QTest::newRow("too few parts") << u"e.1.2.0"_s;
        QTest::newRow("no epoch") << u".1.2.0.0"_s;
    }
    void badCursorsAreRefused()
    {
        QFETCH(QString, text);
        QVERIFY(!SyncCursor::decode(text));
    }

    void commandRoundTrip()
    {
        Command transfer;
        transfer.id = u"c-1"_s;
        transfer.ticketId = 1001;
        transfer.baseVersion = 3;
        transfer.type = Command::Type::Transfer;
        transfer.departmentId = 4;
        transfer.assigneeId = 9;
        transfer.note = u"Over to you"_s;
        const Expected<Command> decoded = Command::fromJson(transfer.toJson());
        QVERIFY(decoded);
        QVERIFY(decoded->type == Command::Type::Transfer);
        QCOMPARE(decoded->departmentId, 4);
        QCOMPARE(decoded->assigneeId, 9);
        QCOMPARE(decoded->note, u"Over to you"_s);
        QCOMPARE(decoded->toJson(), transfer.toJson());
    }

    void commandValidation_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        const QJsonObject base{{u"id"_s, u"x"_s}, {u"ticket"_s, 1}, {u"base_version"_s, 1}};
        auto with = [&](QJsonObject extra) {
            QJsonObject json = base;
            for (auto it = extra.begin(); it != extra.end(); ++it)
                json.insert(it.key(), it.value());
            return json;
        };
        QJsonObject noId = with({{u"type"_s, u"note"_s}, {u"body"_s, u"b"_s}});
        noId.remove(u"id"_s);
        QTest::newRow("no id") << noId << u"id"_s;
        QTest::newRow("long id") << with({{u"id"_s, QString(101, u'x')}, {u"type"_s, u"note"_s}, {u"body"_s, u"b"_s}})
                                 << u"id"_s;
        QTest::newRow("ticket as text") << with({{u"ticket"_s, u"1"_s}, {u"type"_s, u"note"_s}, {u"body"_s, u"b"_s}})
                                        << u"ticket"_s;
        QTest::newRow("no base version") << QJsonObject{{u"id"_s, u"x"_s}, {u"ticket"_s, 1}, {u"type"_s, u"note"_s},
                                                        {u"body"_s, u"b"_s}}
                                         << u"base_version"_s;
        QTest::newRow("unknown type") << with({{u"type"_s, u"delete"_s}}) << u"type"_s;
        QTest::newRow("empty reply") << with({{u"type"_s, u"reply"_s}, {u"body"_s, u"  "_s}}) << u"body"_s;
        QTest::newRow("huge note") << with({{u"type"_s, u"note"_s}, {u"body"_s, QString(MaxBodyLength + 1, u'a')}})
                                   << u"body"_s;
        QTest::newRow("transfer without target") << with({{u"type"_s, u"transfer"_s}}) << u"department"_s;
        QTest::newRow("assign without assignee") << with({{u"type"_s, u"assign"_s}}) << u"assignee"_s;
        QTest::newRow("bad status") << with({{u"type"_s, u"status"_s}, {u"status"_s, u"done"_s}}) << u"status"_s;
        QTest::newRow("bad priority") << with({{u"type"_s, u"priority"_s}, {u"priority"_s, u"asap"_s}}) << u"priority"_s;
    }
    void commandValidation()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        const Expected<Command> command = Command::fromJson(json);
        QVERIFY(!command.has_value());
        QCOMPARE(command.error().field, field);
        QVERIFY(!command.error().message.isEmpty());
    }

    void statusMachine_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("new to open") << int(TicketStatus::New) << int(TicketStatus::Open) << true;
        QTest::newRow("open to pending") << int(TicketStatus::Open) << int(TicketStatus::Pending) << true;
        QTest::newRow("pending to solved") << int(TicketStatus::Pending) << int(TicketStatus::Solved) << true;
        QTest::newRow("solved to open") << int(TicketStatus::Solved) << int(TicketStatus::Open) << true;
        QTest::newRow("back to new") << int(TicketStatus::Open) << int(TicketStatus::New) << false;
        QTest::newRow("closed to pending") << int(TicketStatus::Closed) << int(TicketStatus::Pending) << false;
        QTest::newRow("closed reopened") << int(TicketStatus::Closed) << int(TicketStatus::Open) << true;
    }
    void statusMachine()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, allowed);
        QCOMPARE(isAllowedTransition(TicketStatus(from), TicketStatus(to)), allowed);
    }

    void ticketJsonRoundTrip()
    {
        Ticket t;
        t.id = 1042;
        t.subject = u"<b>Broken</b> & bent"_s;
        t.departmentId = 3;
        t.customer = {u"Åse"_s, u"ase@example.no"_s, 2, u"NW-1"_s};
        t.channel = Channel::Email;
        t.status = TicketStatus::Pending;
        t.priority = Priority::High;
        t.assigneeId = 7;
        t.version = 5;
        t.seq = 77;
        t.createdAt = 1'700'000'000'123;
        t.updatedAt = 1'700'000'100'456;
        Message reply;
        reply.id = 1;
        reply.ticketId = t.id;
        reply.kind = MessageKind::Reply;
        reply.authorAgentId = 7;
        reply.authorName = u"Sam"_s;
        reply.body = u"Hello"_s;
        reply.senderName = u"Support team"_s;
        reply.signature = u"Regards"_s;
        reply.createdAt = t.updatedAt;
        reply.seq = 77;
        t.messages = {reply};
        const Ticket back = Ticket::fromJson(t.toJson(true));
        QCOMPARE(back.toJson(true), t.toJson(true));
        QCOMPARE(back.customer.name, u"Åse"_s);
        QCOMPARE(back.messages.first().signature, u"Regards"_s);
        QVERIFY(!t.toJson(false).contains(u"messages"_s));
    }
};

QTEST_GUILESS_MAIN(TestCoreCodecs)
#include "tst_core_codecs.moc"
