// Domain codecs and rules shared by server and client: the sync cursor, the
// command format, the status machine and ticket JSON.
#include "core/cannedreply.h"
#include "core/command.h"
#include "core/quotedtext.h"
#include "core/synccursor.h"
#include "core/ticket.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;

class TestCoreCodecs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The history below a customer's words is found as mail programs write
    // it, and a customer's own words are never taken for it.
    void quotedHistoryIsFound_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("fresh");
        QTest::addColumn<QString>("quotedStart");
        QTest::newRow("gmail") << u"Thanks!\n\nOn Mon, 30 Nov 2026 at 10:12, Acme Support <support@acme.example> wrote:\n> Hello\n> there"_s
                               << u"Thanks!"_s << u"On Mon, 30 Nov 2026"_s;
        QTest::newRow("gmail, wrapped") << u"Thanks!\n\nOn Mon, 30 Nov 2026 at 10:12, Acme Support\n<support@acme.example> wrote:\n> Hello"_s
                                        << u"Thanks!"_s << u"On Mon, 30 Nov 2026 at 10:12, Acme Support"_s;
        QTest::newRow("outlook") << u"Hi,\nsee below.\n\nFrom: Acme Support <support@acme.example>\nSent: Monday, 30 November 2026 10:12\nTo: Maria\nSubject: Re: Order\n\nOld text"_s
                                 << u"Hi,\nsee below."_s << u"From: Acme Support"_s;
        QTest::newRow("outlook, separator") << u"Yes.\n\n________________________________\nFra: Acme\nSendt: mandag\n"_s
                                            << u"Yes."_s << u"________________"_s;
        QTest::newRow("german") << u"Danke\n\nAm 30.11.2026 um 10:12 schrieb Acme Support <support@acme.example>:\n> Hallo"_s
                                << u"Danke"_s << u"Am 30.11.2026"_s;
        QTest::newRow("norwegian") << u"Takk\n\nDen 30. nov. 2026 kl. 10:12 skrev Acme Support <support@acme.example>:\n> Hei"_s
                                   << u"Takk"_s << u"Den 30. nov."_s;
        QTest::newRow("quoted lines to the end") << u"Fine by me.\n\n> Shall we send a new one?\n>\n> Acme"_s
                                                 << u"Fine by me."_s << u"> Shall we"_s;
        QTest::newRow("answers between quotes") << u"> Size?\nL please\n> Colour?\nRed"_s
                                                << u"> Size?\nL please\n> Colour?\nRed"_s << QString();
        QTest::newRow("own words with skrev") << u"Hei\nJeg skrev til dere i går om dette:\nOrdre 42"_s
                                              << u"Hei\nJeg skrev til dere i går om dette:\nOrdre 42"_s << QString();
        QTest::newRow("nothing new above") << u"On Mon, 30 Nov 2026 at 10:12, Acme wrote:\n> Hello"_s
                                           << u"On Mon, 30 Nov 2026 at 10:12, Acme wrote:\n> Hello"_s << QString();
    }
    void quotedHistoryIsFound()
    {
        QFETCH(QString, text);
        QFETCH(QString, fresh);
        QFETCH(QString, quotedStart);
        const QuotedText parts = QuotedText::split(text);
        QCOMPARE(parts.fresh, fresh);
        if (quotedStart.isEmpty())
            QVERIFY(parts.quoted.isEmpty());
        else
            QVERIFY2(parts.quoted.startsWith(quotedStart), qPrintable(parts.quoted));
    }

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
