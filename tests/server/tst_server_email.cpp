// Email per department, end to end: a real signpost-server fetching from a
// real Dovecot over IMAP and handing replies to a real SMTP server, with the
// messages a customer's mail program would send.
#include "server/channels/email/mailparser.h"
#include "tests/support/mailservers.h"
#include "tests/support/worldtest.h"

#include <QDir>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;
using namespace Signpost::Test;

namespace {

const QString CorpusDir = QStringLiteral(SIGNPOST_SOURCE_DIR "/tests/data/mail");

QByteArray corpusFile(const QString &name)
{
    QFile file(QDir(CorpusDir).filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray customerMail(const QString &messageId, const QString &to, const QString &subject, const QString &text,
                        const QString &inReplyTo = {})
{
    QByteArray mail = "From: =?UTF-8?Q?=C3=85se_=C3=98deg=C3=A5rd?= <ase@example.net>\r\n"
                      "To: " + to.toUtf8() + "\r\n"
                      "Subject: " + subject.toUtf8() + "\r\n"
                      "Date: Tue, 01 Dec 2026 10:00:00 +0100\r\n"
                      "Message-ID: <" + messageId.toUtf8() + ">\r\n";
    if (!inReplyTo.isEmpty())
        mail += "In-Reply-To: <" + inReplyTo.toUtf8() + ">\r\nReferences: <" + inReplyTo.toUtf8() + ">\r\n";
    mail += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + text.toUtf8() + "\r\n";
    return mail;
}

} // namespace

class TestServerEmail : public WorldTest
{
    Q_OBJECT

    Dovecot m_dovecot;
    std::unique_ptr<SmtpSink> m_relay; // a fresh one per test: it keeps what it received
    SmtpSink &sink() { return *m_relay; }

    QString admin() const { return m_world.token(u"admin"_s); }

    QJsonObject run(const QString &agent, qint64 ticket, QJsonObject command)
    {
        command.insert(u"ticket"_s, ticket);
        if (!command.contains(u"base_version"_s))
            command.insert(u"base_version"_s, m_world.version(*m_api, ticket));
        return m_world.command(*m_api, agent, command);
    }

    QJsonArray thread(qint64 ticket)
    {
        return m_api->get(u"/api/v1/tickets/%1"_s.arg(ticket), admin()).json().value(u"messages"_s).toArray();
    }

    QJsonObject ticket(qint64 id) { return m_api->get(u"/api/v1/tickets/%1"_s.arg(id), admin()).json(); }

    // The one ticket of this customer, or 0.
    qint64 ticketOf(qint64 department, const QString &subject)
    {
        const QJsonArray tickets = m_api->get(u"/api/v1/departments/%1/tickets?limit=200"_s.arg(department), admin())
                                       .json().value(u"tickets"_s).toArray();
        for (const QJsonValue &t : tickets) {
            if (t[u"subject"_s].toString() == subject)
                return t[u"id"_s].toInteger();
        }
        return 0;
    }

    // The relay is the sink; Returns has a mailbox in Dovecot, polled every second.
    qint64 connectMail()
    {
        const Response relay = m_api->put(u"/api/v1/mail/relay"_s,
                                          {{u"host"_s, u"127.0.0.1"_s}, {u"port"_s, sink().port()}, {u"security"_s, u"none"_s}},
                                          admin());
        if (relay.status != 200)
            return 0;
        const Response box = m_api->post(u"/api/v1/mail/mailboxes"_s,
                                         {{u"name"_s, u"Returns inbox"_s},
                                          {u"department"_s, m_world.returns},
                                          {u"shop"_s, m_world.shop},
                                          {u"host"_s, u"127.0.0.1"_s},
                                          {u"port"_s, m_dovecot.imapPort()},
                                          {u"security"_s, u"none"_s},
                                          {u"username"_s, u"returns"_s},
                                          {u"password"_s, u"mailbox-secret-1"_s},
                                          {u"poll_seconds"_s, 1}},
                                         admin());
        return box.status == 201 ? box.json().value(u"id"_s).toInteger() : 0;
    }

    InboundMail lastSent() { return MailParser::parse(sink().received().value(sink().received().size() - 1)); }

    QString deliveryState(qint64 ticket, qint64 message)
    {
        return m_api->get(u"/api/v1/tickets/%1/mail"_s.arg(ticket), admin())
            .json()[u"deliveries"_s][QString::number(message)][u"state"_s]
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_dovecot.addUser(u"returns"_s, u"mailbox-secret-1"_s), qPrintable(m_dovecot.log()));
        QVERIFY2(m_dovecot.start(), qPrintable(m_dovecot.log()));
    }
    void init()
    {
        m_relay = std::make_unique<SmtpSink>();
        QVERIFY2(sink().start(), qPrintable(sink().log()));
        QVERIFY2(startWorld(), qPrintable(m_error));
    }
    void cleanup()
    {
        QVERIFY(stopWorld());
        m_relay.reset();
    }

    // The whole promise: a mail to returns@ becomes a Returns ticket; the
    // reply reaches the customer from Returns, with its signature, threaded;
    // the customer's answer lands on the ticket and reopens it; after a
    // transfer Support answers in its own name, and a reply to Returns'
    // old mail still finds the ticket.
    void aMailToReturnsIsAnsweredFromReturnsAndThreads()
    {
        const qint64 mailbox = connectMail();
        QVERIFY(mailbox > 0);
        const QString subject = u"Bytte av jakke – størrelse L"_s;
        QVERIFY(m_dovecot.deliver(u"returns"_s, customerMail(u"first@example.net"_s, u"returns@acme.example"_s,
                                                             u"=?UTF-8?Q?Bytte_av_jakke_=E2=80=93_st=C3=B8rrelse_L?="_s,
                                                             u"Hei! Jakken er for liten. Kan jeg bytte til L?"_s)));
        qint64 id = 0;
        QTRY_VERIFY_WITH_TIMEOUT((id = ticketOf(m_world.returns, subject)) > 0, 15'000);
        QJsonObject made = ticket(id);
        QCOMPARE(made[u"channel"_s].toString(), u"email"_s);
        QCOMPARE(made[u"customer"_s][u"name"_s].toString(), u"Åse Ødegård"_s);
        QCOMPARE(made[u"customer"_s][u"email"_s].toString(), u"ase@example.net"_s);
        QCOMPARE(thread(id).first()[u"body"_s].toString(), u"Hei! Jakken er for liten. Kan jeg bytte til L?"_s);
        // Seen on the mail server once it is a ticket, not before.
        QTRY_VERIFY_WITH_TIMEOUT(m_dovecot.messages(u"returns"_s).value(0).seen(), 10'000);

        // Rob of Returns answers; the mail comes from Returns.
        const QJsonObject replied = run(u"rob"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Hei Åse, vi sender en L i dag."_s},
                                                       {u"status"_s, u"solved"_s}});
        QCOMPARE(replied[u"outcome"_s].toString(), u"applied"_s);
        QVERIFY2(sink().waitForMessages(1), qPrintable(sink().log()));
        InboundMail sent = lastSent();
        QCOMPARE(sent.fromName, u"Returns at Acme"_s);
        QCOMPARE(sent.fromAddress, u"returns@acme.example"_s);
        QVERIFY(sent.recipients.contains(u"ase@example.net"_s));
        QCOMPARE(sent.subject, u"Re: %1 [#%2]"_s.arg(subject).arg(id));
        QCOMPARE(sent.inReplyTo, u"first@example.net"_s);
        QVERIFY(sent.text.startsWith(u"Hei Åse, vi sender en L i dag."_s));
        QVERIFY(sent.text.endsWith(u"-- \nReturns desk"_s));
        QCOMPARE(sink().envelopes().last()[u"from"_s].toString(), u"returns@acme.example"_s);
        const qint64 replyMessage = replied[u"message"_s].toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(deliveryState(id, replyMessage), u"sent"_s, 10'000);
        const QString returnsMessageId = sent.messageId;

        // The customer answers that mail: the same ticket, open again.
        QVERIFY(m_dovecot.deliver(u"returns"_s, customerMail(u"second@example.net"_s, u"returns@acme.example"_s,
                                                             u"Re: Bytte"_s, u"Takk! Men fargen?"_s, returnsMessageId)));
        QTRY_COMPARE_WITH_TIMEOUT(thread(id).size(), 3, 15'000);
        QCOMPARE(ticket(id)[u"status"_s].toString(), u"open"_s);
        QCOMPARE(thread(id).last()[u"body"_s].toString(), u"Takk! Men fargen?"_s);

        // Transferred to Support, which answers in its own name, from the
        // first of its addresses as the department lists them (the order
        // they were given in does not count).
        const QString support = u"/api/v1/departments/%1"_s.arg(m_world.support);
        QCOMPARE(m_api->patch(support, {{u"addresses"_s, QJsonArray{u"support@acme.example"_s, u"desk@acme.example"_s}}},
                              admin())
                     .status,
                 200);
        const QString firstListed = m_api->get(support, admin()).json()[u"addresses"_s][0].toString();
        QCOMPARE(firstListed, u"desk@acme.example"_s);
        QCOMPARE(run(u"rob"_s, id, {{u"type"_s, u"transfer"_s}, {u"department"_s, m_world.support},
                                    {u"note"_s, u"Colour question"_s}})[u"outcome"_s].toString(),
                 u"applied"_s);
        QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Fargen er blå."_s}})[u"outcome"_s].toString(),
                 u"applied"_s);
        QVERIFY(sink().waitForMessages(2));
        sent = lastSent();
        QCOMPARE(sent.fromName, u"Support at Acme"_s);
        QCOMPARE(sent.fromAddress, firstListed);
        QVERIFY(sent.text.endsWith(u"-- \nSupport desk"_s));
        QCOMPARE(sent.inReplyTo, u"second@example.net"_s);

        // A reply to Returns' old mail, to the old address: still this ticket.
        QVERIFY(m_dovecot.deliver(u"returns"_s, customerMail(u"third@example.net"_s, u"returns@acme.example"_s,
                                                             u"Re: Bytte"_s, u"Og størrelsen?"_s, returnsMessageId)));
        QTRY_COMPARE_WITH_TIMEOUT(thread(id).last()[u"body"_s].toString(), u"Og størrelsen?"_s, 15'000);
        QCOMPARE(ticket(id)[u"department"_s].toInteger(), m_world.support);
        QCOMPARE(ticketOf(m_world.returns, u"Re: Bytte"_s), 0);
    }

    // The files of a customer's mail are kept, once however often they
    // come, listed with the ticket and served only to its department.
    void attachmentsAreKeptAndServedToTheTicketsAgents()
    {
        const QByteArray raw = corpusFile(u"07-returns-applemail-inline-image-pdf.eml"_s);
        const InboundMail parsed = MailParser::parse(raw);
        QCOMPARE(parsed.attachments.size(), 2);
        auto inbound = [this](const QByteArray &message) {
            return m_api->send("POST", u"/api/v1/mail/inbound"_s, message, "message/rfc822", admin());
        };
        const Response taken = inbound(raw);
        QCOMPARE(taken.status, 201);
        const qint64 id = taken.json()[u"ticket"_s].toInteger();
        QCOMPARE(ticket(id)[u"department"_s].toInteger(), m_world.returns);
        // Listed on the message they came with.
        const QJsonArray listed = m_api->get(u"/api/v1/tickets/%1"_s.arg(id), m_world.token(u"rob"_s))
                                      .json()[u"messages"_s][0][u"attachments"_s].toArray();
        QCOMPARE(listed.size(), 2);
        for (qsizetype i = 0; i < listed.size(); ++i) {
            const QJsonObject file = listed[i].toObject();
            QCOMPARE(file[u"filename"_s].toString(), parsed.attachments[i].filename);
            QCOMPARE(file[u"content_type"_s].toString(), parsed.attachments[i].contentType);
            QCOMPARE(file[u"size"_s].toInteger(), parsed.attachments[i].data.size());
            QCOMPARE(file[u"inline"_s].toBool(), parsed.attachments[i].isInline);
            const QString path = u"/api/v1/attachments/%1"_s.arg(file[u"id"_s].toInteger());
            const Response download = m_api->get(path, m_world.token(u"rob"_s));
            QCOMPARE(download.status, 200);
            QCOMPARE(download.body, parsed.attachments[i].data);
            QCOMPARE(download.header("Content-Type"), parsed.attachments[i].contentType.toUtf8());
            QVERIFY(download.header("Content-Disposition").startsWith("attachment; filename*=UTF-8''"));
            QCOMPARE(download.header("X-Content-Type-Options"), QByteArray("nosniff")); // every answer has it
            // Support does not see Returns' tickets, nor their files.
            QCOMPARE(m_api->get(path, m_world.token(u"sam"_s)).status, 404);
        }
        QCOMPARE(listed[1][u"filename"_s].toString(), u"Kvittering ø.pdf"_s);

        // The same files again in another mail: a second ticket, the bytes
        // kept once.
        QByteArray again = raw;
        again.replace("Message-Id: <", "Message-Id: <again-");
        QCOMPARE(inbound(again).status, 201);
        int files = 0;
        for (QDirIterator it(QDir(m_server->dataDir()).filePath(u"attachments"_s), QDir::Files, QDirIterator::Subdirectories);
             it.hasNext(); it.next())
            ++files;
        QCOMPARE(files, 2);
    }

    // A mailbox polled only hourly still brings new mail in at once: the
    // server waits in IDLE on it.
    void idleBringsNewMailAtOnce()
    {
        const Response box = m_api->post(u"/api/v1/mail/mailboxes"_s,
                                         {{u"name"_s, u"Returns, idle"_s},
                                          {u"department"_s, m_world.returns},
                                          {u"host"_s, u"127.0.0.1"_s},
                                          {u"port"_s, m_dovecot.imapPort()},
                                          {u"security"_s, u"none"_s},
                                          {u"username"_s, u"returns"_s},
                                          {u"password"_s, u"mailbox-secret-1"_s},
                                          {u"poll_seconds"_s, 3600}},
                                         admin());
        QCOMPARE(box.status, 201);
        const QString path = u"/api/v1/mail/mailboxes/%1"_s.arg(box.json()[u"id"_s].toInteger());
        QTRY_VERIFY_WITH_TIMEOUT(!m_api->get(path, admin()).json()[u"checked_at"_s].isNull(), 10'000);
        for (int i = 0; i < 2; ++i) {
            const QString subject = u"Idle %1"_s.arg(i);
            QVERIFY(m_dovecot.deliver(u"returns"_s, customerMail(u"idle-%1@example.net"_s.arg(i), u"returns@acme.example"_s,
                                                                 subject, u"Hello"_s)));
            QTRY_VERIFY_WITH_TIMEOUT(ticketOf(m_world.returns, subject) > 0, 10'000);
        }
        QCOMPARE(m_api->get(path, admin()).json()[u"last_error"_s].toString(), QString());
    }

    // Taken in once: the same message twice (a mail server redelivering, a
    // copy in two folders) makes one ticket; an auto-reply stays on the
    // ticket without reopening it; a stranger's subject token does not
    // get into anyone's ticket.
    void aMessageIsTakenInOnceAndMachinesDoNotReopen()
    {
        auto inbound = [this](const QByteArray &raw) {
            return m_api->send("POST", u"/api/v1/mail/inbound"_s, raw, "message/rfc822", admin());
        };
        const QByteArray first = customerMail(u"once@example.net"_s, u"returns@acme.example"_s, u"Once"_s, u"Only once"_s);
        Response taken = inbound(first);
        QCOMPARE(taken.status, 201);
        const qint64 id = taken.json()[u"ticket"_s].toInteger();
        QCOMPARE(inbound(first).json()[u"outcome"_s].toString(), u"duplicate"_s);
        QCOMPARE(thread(id).size(), 1);

        QCOMPARE(run(u"rob"_s, id, {{u"type"_s, u"status"_s}, {u"status"_s, u"solved"_s}})[u"outcome"_s].toString(),
                 u"applied"_s);
        QByteArray autoReply = customerMail(u"ooo@example.net"_s, u"returns@acme.example"_s,
                                            u"Automatic reply: Once [#%1]"_s.arg(id), u"I am away until Monday."_s);
        autoReply.replace("MIME-Version", "Auto-Submitted: auto-replied\r\nMIME-Version");
        taken = inbound(autoReply);
        QCOMPARE(taken.json()[u"outcome"_s].toString(), u"added_to_ticket"_s);
        QCOMPARE(taken.json()[u"ticket"_s].toInteger(), id);
        QCOMPARE(thread(id).size(), 2);
        QCOMPARE(ticket(id)[u"status"_s].toString(), u"solved"_s);

        // Someone else typing the ticket number makes a ticket of their own.
        QByteArray stranger = customerMail(u"stranger@example.org"_s, u"returns@acme.example"_s,
                                           u"Re: [#%1] let me in"_s.arg(id), u"Hello"_s);
        stranger.replace("ase@example.net", "mallory@example.org");
        taken = inbound(stranger);
        QCOMPARE(taken.status, 201);
        QVERIFY(taken.json()[u"ticket"_s].toInteger() != id);
        QCOMPARE(thread(id).size(), 2);
    }

    // Every message of the corpus through the MTA hand-over: the ticket
    // numbers, Message-IDs and reply address it names are mapped onto a
    // real ticket of this server first.
    void theCorpusEndsAsTheRightTickets()
    {
        QVERIFY(connectMail() > 0);
        const Response seed = m_api->send("POST", u"/api/v1/mail/inbound"_s,
                                          customerMail(u"seed@example.com"_s, u"support@acme.example"_s,
                                                       u"Where is my order?"_s, u"Order 58121"_s)
                                              .replace("ase@example.net", "maria.jensen@example.com"),
                                          "message/rfc822", admin());
        QCOMPARE(seed.status, 201);
        const qint64 id = seed.json()[u"ticket"_s].toInteger();
        // One real reply for each Signpost Message-ID the corpus uses.
        QSet<QString> fixedIds;
        static const QRegularExpression signpostId(u"signpost\\.1001\\.[^>@\\s]+@acme\\.example"_s);
        QFile manifestFile(QDir(CorpusDir).filePath(u"manifest.json"_s));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const QJsonArray manifest = QJsonDocument::fromJson(manifestFile.readAll()).array();
        for (const QJsonValue &entry : manifest) {
            for (auto it = signpostId.globalMatch(QString::fromLatin1(corpusFile(entry[u"file"_s].toString()))); it.hasNext();)
                fixedIds.insert(it.next().captured(0));
        }
        QHash<QString, QString> realIds;
        QString replyAddress;
        for (const QString &fixed : std::as_const(fixedIds)) {
            QCOMPARE(run(u"sam"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, fixed}})[u"outcome"_s].toString(), u"applied"_s);
            QVERIFY(sink().waitForMessages(int(realIds.size()) + 1));
            const InboundMail sent = lastSent();
            realIds.insert(fixed, sent.messageId);
            replyAddress = QString::fromLatin1(sink().received().last()).section(u"Reply-To:"_s, 1).section(u'<', 1).section(u'>', 0, 0);
        }
        QVERIFY(replyAddress.contains(u"+t%1-"_s.arg(id)));

        const QHash<QString, qint64> departments{{u"Returns"_s, m_world.returns}, {u"Support"_s, m_world.support},
                                                 {u"Sales"_s, m_world.sales}, {u"Triage"_s, m_world.triage}};
        for (const QJsonValue &entry : manifest) {
            const QString file = entry[u"file"_s].toString();
            QByteArray raw = corpusFile(file);
            for (auto it = realIds.cbegin(); it != realIds.cend(); ++it)
                raw.replace(it.key().toLatin1(), it.value().toLatin1());
            raw.replace("support+t1001-abcdef12@acme.example", replyAddress.toLatin1());
            raw.replace("[#1001]", "[#" + QByteArray::number(id) + "]");
            const Response taken = m_api->send("POST", u"/api/v1/mail/inbound"_s, raw, "message/rfc822", admin());
            QVERIFY2(taken.status == 200 || taken.status == 201, qPrintable(file + u": "_s + QString::fromUtf8(taken.body)));
            const QString outcome = taken.json()[u"outcome"_s].toString();
            const QString kind = entry[u"kind"_s].toString();
            const QString why = file + u": "_s + QString::fromUtf8(taken.body);
            if (kind == u"bounce") {
                QVERIFY2(outcome == u"bounce"_s || !realIds.contains(MailParser::bareId(entry[u"bounces"_s].toString())),
                         qPrintable(why));
                continue;
            }
            if (!entry[u"thread"_s].isNull()) {
                QVERIFY2(outcome == u"added_to_ticket"_s, qPrintable(why));
                QCOMPARE(taken.json()[u"ticket"_s].toInteger(), id);
            } else if (kind == u"auto") {
                QVERIFY2(outcome == u"ignored"_s, qPrintable(why));
                continue;
            } else {
                QVERIFY2(outcome == u"new_ticket"_s, qPrintable(why));
                const qint64 made = taken.json()[u"ticket"_s].toInteger();
                QVERIFY2(ticket(made)[u"department"_s].toInteger()
                             == departments.value(entry[u"to_department"_s].toString()),
                         qPrintable(why));
            }
            const qint64 on = taken.json()[u"ticket"_s].toInteger();
            const QString body = thread(on).last()[u"body"_s].toString();
            for (const QJsonValue &part : entry[u"text_contains"_s].toArray())
                QVERIFY2(body.contains(part.toString()), qPrintable(why + u" lacks "_s + part.toString()));
        }
        // The bounce marked the reply it is about.
        const QString bounced = realIds.value(u"signpost.1001.9.q7w3@acme.example"_s);
        QVERIFY(!bounced.isEmpty());
        const QJsonObject deliveries = m_api->get(u"/api/v1/tickets/%1/mail"_s.arg(id), admin()).json()[u"deliveries"_s].toObject();
        int bouncedCount = 0;
        for (const QJsonValue &delivery : deliveries)
            bouncedCount += delivery[u"state"_s].toString() == u"bounced"_s;
        QVERIFY(bouncedCount >= 1);
        // And nothing reopened the solved-or-not state by machine mail alone:
        // the server is still answering.
        QCOMPARE(m_api->get(u"/healthz"_s).status, 200);
    }

    // What the relay answers decides: a 4xx is tried again until it goes,
    // a 5xx is a failure shown with the relay's words.
    void theRelaysAnswerDecides()
    {
        QVERIFY(connectMail() > 0);
        auto make = [this](const QString &email) {
            QByteArray raw = customerMail(email + u"-1"_s, u"returns@acme.example"_s, email, u"Hello"_s);
            raw.replace("ase@example.net", email.toLatin1());
            return m_api->send("POST", u"/api/v1/mail/inbound"_s, raw, "message/rfc822", admin()).json()[u"ticket"_s].toInteger();
        };
        const qint64 later = make(u"later@example.org"_s);
        const qint64 never = make(u"never@example.org"_s);
        QVERIFY(later > 0 && never > 0);
        sink().setAnswer(u"later@example.org"_s, u"451 4.3.0 Try again later"_s, SmtpSink::Stage::Data);
        sink().setAnswer(u"never@example.org"_s, u"550 5.1.1 No such user"_s);
        const qint64 first = run(u"rob"_s, later, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Soon"_s}})[u"message"_s].toInteger();
        const qint64 second = run(u"rob"_s, never, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Never"_s}})[u"message"_s].toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(deliveryState(never, second), u"failed"_s, 10'000);
        const QJsonObject failed = m_api->get(u"/api/v1/tickets/%1/mail"_s.arg(never), admin())
                                       .json()[u"deliveries"_s][QString::number(second)].toObject();
        QVERIFY2(failed[u"answer"_s].toString().contains(u"550"_s), qPrintable(failed[u"answer"_s].toString()));
        // The 4xx after DATA is a retry, not a failure.
        QTRY_VERIFY_WITH_TIMEOUT(m_api->get(u"/api/v1/tickets/%1/mail"_s.arg(later), admin())
                                         .json()[u"deliveries"_s][QString::number(first)][u"attempts"_s].toInt() >= 1
                                     && deliveryState(later, first) == u"queued"_s,
                                 10'000);
        sink().setAnswer(u"later@example.org"_s, {}, SmtpSink::Stage::Data);
        QTRY_COMPARE_WITH_TIMEOUT(deliveryState(later, first), u"sent"_s, 20'000);
        QCOMPARE(sink().received().size(), 1);
    }

    // Killed while the relay holds the message unanswered, started again:
    // the customer gets the reply exactly once.
    void aCrashWhileTheRelayHangsSendsItOnce()
    {
        QVERIFY(connectMail() > 0);
        QByteArray raw = customerMail(u"crash-1@example.org"_s, u"returns@acme.example"_s, u"Crash"_s, u"Hello"_s);
        const qint64 id = m_api->send("POST", u"/api/v1/mail/inbound"_s, raw, "message/rfc822", admin()).json()[u"ticket"_s].toInteger();
        QVERIFY(id > 0);
        sink().setHang(true);
        const qint64 message = run(u"rob"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Once only"_s}})[u"message"_s].toInteger();
        QVERIFY(message > 0);
        QTRY_VERIFY_WITH_TIMEOUT(sink().log().contains(u"hanging"_s), 10'000);
        m_server->kill();
        sink().setHang(false);
        QVERIFY(m_server->restart());
        QVERIFY(sink().waitForMessages(1, 20'000));
        QTRY_COMPARE_WITH_TIMEOUT(deliveryState(id, message), u"sent"_s, 10'000);
        QCOMPARE(sink().received().size(), 1);
        QCOMPARE(lastSent().text.section(u"\n"_s, 0, 0), u"Once only"_s);
    }

    // Passwords go in and never come out: not in answers, not in the store
    // file in the clear; agents cannot read mail settings; bad settings are
    // refused with the field named.
    void secretsStaySecretAndBadSettingsAreRefused()
    {
        QVERIFY(connectMail() > 0);
        const Response boxes = m_api->get(u"/api/v1/mail/mailboxes"_s, admin());
        QCOMPARE(boxes.status, 200);
        QVERIFY(!boxes.body.contains("mailbox-secret-1"));
        QVERIFY(boxes.json()[u"mailboxes"_s][0][u"password_set"_s].toBool());
        // A change keeps what it does not name, the password too.
        const QString box = u"/api/v1/mail/mailboxes/%1"_s.arg(boxes.json()[u"mailboxes"_s][0][u"id"_s].toInteger());
        const Response patched = m_api->patch(box, {{u"poll_seconds"_s, 30}}, admin());
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json()[u"poll_seconds"_s].toInt(), 30);
        QCOMPARE(patched.json()[u"username"_s].toString(), u"returns"_s);
        QVERIFY(patched.json()[u"password_set"_s].toBool());
        QCOMPARE(m_api->patch(box, {{u"port"_s, 0}}, admin()).status, 422);
        QCOMPARE(m_api->put(u"/api/v1/mail/relay"_s, {{u"username"_s, u"relay-user"_s}, {u"password"_s, u"relay-secret-9"_s}},
                            admin()).status,
                 200);
        QVERIFY(!m_api->get(u"/api/v1/mail/relay"_s, admin()).body.contains("relay-secret-9"));
        const QByteArray bytes = m_server->storeContents();
        QVERIFY(bytes.contains("relay-user"));
        QVERIFY(!bytes.contains("mailbox-secret-1"));
        QVERIFY(!bytes.contains("relay-secret-9"));

        QCOMPARE(m_api->get(u"/api/v1/mail/mailboxes"_s, m_world.token(u"sue"_s)).status, 403);
        const struct
        {
            QJsonObject body;
            QString field;
        } bad[] = {
            {{{u"name"_s, u"x"_s}, {u"port"_s, 993}, {u"username"_s, u"u"_s}, {u"password"_s, u"p"_s}}, u"host"_s},
            {{{u"name"_s, u"x"_s}, {u"host"_s, u"h"_s}, {u"port"_s, 70000}, {u"username"_s, u"u"_s}, {u"password"_s, u"p"_s}}, u"port"_s},
            {{{u"name"_s, u"x"_s}, {u"host"_s, u"h"_s}, {u"security"_s, u"maybe"_s}, {u"username"_s, u"u"_s}, {u"password"_s, u"p"_s}}, u"security"_s},
            {{{u"name"_s, u"x"_s}, {u"host"_s, u"h"_s}, {u"username"_s, u"u"_s}}, u"password"_s},
            {{{u"name"_s, u"Returns inbox"_s}, {u"host"_s, u"h"_s}, {u"username"_s, u"u"_s}, {u"password"_s, u"p"_s}}, u"name"_s},
            {{{u"name"_s, u"x"_s}, {u"host"_s, u"h"_s}, {u"username"_s, u"u"_s}, {u"password"_s, u"p"_s}, {u"poll_seconds"_s, 0}}, u"poll_seconds"_s},
        };
        for (const auto &[body, field] : bad) {
            const Response refused = m_api->post(u"/api/v1/mail/mailboxes"_s, body, admin());
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.json()[u"error"_s][u"field"_s].toString(), field);
        }
        QCOMPARE(m_api->put(u"/api/v1/departments/%1/mail"_s.arg(m_world.returns), {{u"from_address"_s, u"not an address"_s}},
                            admin()).status,
                 422);
        QCOMPARE(m_api->send("POST", u"/api/v1/mail/inbound"_s, {}, "message/rfc822", admin()).status, 422);
    }

    // A department that acknowledges new tickets does so once per sender in
    // a while, never to machines, from its own name, marked as automatic,
    // with the ticket number and a link to the ticket page that works.
    void newTicketsAreAcknowledgedOnce()
    {
        QVERIFY(connectMail() > 0);
        const Response set = m_api->put(u"/api/v1/departments/%1/mail"_s.arg(m_world.returns),
                                        {{u"acknowledgement"_s, u"Hei {name}, we have your message as ticket {ticket}."_s}},
                                        admin());
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json()[u"acknowledgement"_s].toString(), u"Hei {name}, we have your message as ticket {ticket}."_s);
        auto inbound = [this](const QString &from, const QString &id, const QString &subject) {
            QByteArray raw = customerMail(id, u"returns@acme.example"_s, subject, u"Hello"_s);
            raw.replace("=?UTF-8?Q?=C3=85se_=C3=98deg=C3=A5rd?= <ase@example.net>", from.toUtf8());
            return m_api->send("POST", u"/api/v1/mail/inbound"_s, raw, "message/rfc822", admin()).json()[u"ticket"_s].toInteger();
        };
        const qint64 first = inbound(u"Kari Nordmann <kari@example.no>"_s, u"k1@example.no"_s, u"Retur"_s);
        QVERIFY(first > 0);
        QVERIFY(inbound(u"Kari Nordmann <kari@example.no>"_s, u"k2@example.no"_s, u"Retur igjen"_s) > first);
        QVERIFY(inbound(u"Shop robot <noreply@shop.example>"_s, u"r1@shop.example"_s, u"Order 1 shipped"_s) > first);
        QVERIFY(inbound(u"Ola <ola@example.no>"_s, u"o1@example.no"_s, u"Bytte"_s) > first);
        QVERIFY2(sink().waitForMessages(2), qPrintable(sink().log()));
        // One each to Kari and Ola (senders work side by side: in either order).
        const QList<QJsonObject> envelopes = sink().envelopes();
        QCOMPARE(envelopes.size(), 2);
        QStringList to{envelopes[0][u"to"_s].toArray().first().toString(), envelopes[1][u"to"_s].toArray().first().toString()};
        const qsizetype kari = to.indexOf(u"kari@example.no"_s);
        to.sort();
        QCOMPARE(to, (QStringList{u"kari@example.no"_s, u"ola@example.no"_s}));
        const QByteArray raw = sink().received().at(kari);
        QVERIFY(raw.contains("\r\nAuto-Submitted: auto-replied\r\n"));
        const InboundMail ack = MailParser::parse(raw);
        QVERIFY(ack.automatic); // what other helpdesks' auto-replies must see
        QCOMPARE(ack.fromName, u"Returns at Acme"_s);
        QCOMPARE(ack.subject, u"Re: Retur [#%1]"_s.arg(first));
        QCOMPARE(ack.inReplyTo, u"k1@example.no"_s);
        QVERIFY(ack.text.startsWith(u"Hei Kari Nordmann, we have your message as ticket %1."_s.arg(first)));
        QVERIFY(ack.text.endsWith(u"-- \nReturns desk"_s));
        static const QRegularExpression link(u"(http://\\S+/ticket/\\S+)"_s);
        const QString url = link.match(ack.text).captured(1);
        QVERIFY2(url.startsWith(m_server->baseUrl().toString()), qPrintable(ack.text));
        const Response page = m_api->get(QUrl(url).path());
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Retur"));
    }

    // The acknowledgement in the language the customer's program named,
    // when the department wrote one in it; else the one for all languages.
    void acknowledgementsSpeakTheCustomersLanguage()
    {
        QVERIFY(connectMail() > 0);
        // The shop writes to its customers in English and German.
        QCOMPARE(m_api->patch(u"/api/v1/shops/%1"_s.arg(m_world.shop), {{u"languages"_s, QJsonArray{u"en"_s, u"de"_s}}},
                              admin()).status,
                 200);
        const Response refused = m_api->put(u"/api/v1/departments/%1/mail"_s.arg(m_world.returns),
                                            {{u"acknowledgements"_s, QJsonObject{{u"fr"_s, u"Merci"_s}}}}, admin());
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.json()[u"error"_s][u"field"_s].toString(), u"acknowledgements"_s);
        const Response set = m_api->put(
            u"/api/v1/departments/%1/mail"_s.arg(m_world.returns),
            {{u"acknowledgement"_s, u"Hello {name}, we have your message."_s},
             {u"acknowledgements"_s, QJsonObject{{u"de"_s, u"Hallo {name}, wir haben Ihre Nachricht erhalten."_s}}}},
            admin());
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json()[u"acknowledgements"_s][u"de"_s].toString(), u"Hallo {name}, wir haben Ihre Nachricht erhalten."_s);
        auto inbound = [this](const QString &from, const QString &id, const QByteArray &language) {
            QByteArray raw = customerMail(id, u"returns@acme.example"_s, u"Lampe"_s, u"Kaputt"_s);
            raw.replace("=?UTF-8?Q?=C3=85se_=C3=98deg=C3=A5rd?= <ase@example.net>", from.toUtf8());
            if (!language.isEmpty())
                raw.replace("MIME-Version: 1.0\r\n", "MIME-Version: 1.0\r\nContent-Language: " + language + "\r\n");
            return m_api->send("POST", u"/api/v1/mail/inbound"_s, raw, "message/rfc822", admin()).json()[u"ticket"_s].toInteger();
        };
        const qint64 german = inbound(u"Jörg <jorg@example.de>"_s, u"j1@example.de"_s, "de-DE, en");
        QVERIFY(german > 0);
        QVERIFY2(sink().waitForMessages(1), qPrintable(sink().log()));
        const QByteArray raw = sink().received().at(0);
        QVERIFY2(raw.contains("\r\nContent-Language: de\r\n"), raw.constData());
        const InboundMail ack = MailParser::parse(raw);
        QVERIFY(ack.text.startsWith(u"Hallo Jörg, wir haben Ihre Nachricht erhalten."_s));
        QVERIFY2(ack.text.contains(u"Ihre Ticketnummer lautet %1. Hier können Sie den Stand verfolgen"_s.arg(german)),
                 qPrintable(ack.text));
        // The link leads to a page in German too.
        static const QRegularExpression link(u"(http://\\S+/ticket/\\S+)"_s);
        const Response page = m_api->get(QUrl(link.match(ack.text).captured(1)).path());
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("<html lang=\"de\">"));

        // No language named, or one the shop does not speak: the text for all.
        const qint64 other = inbound(u"Pierre <pierre@example.fr>"_s, u"p1@example.fr"_s, "fr");
        QVERIFY(other > german);
        QVERIFY2(sink().waitForMessages(2), qPrintable(sink().log()));
        const InboundMail english = MailParser::parse(sink().received().at(1));
        QVERIFY2(english.text.startsWith(u"Hello Pierre, we have your message."_s), qPrintable(english.text));
        QVERIFY(english.text.contains(u"Your ticket number is %1."_s.arg(other)));

        // A German customer, and only the text for all: it goes out whole in
        // the shop's default language, not claimed to be German.
        QCOMPARE(m_api->put(u"/api/v1/departments/%1/mail"_s.arg(m_world.returns),
                            {{u"acknowledgement"_s, u"Hello {name}, we have your message."_s},
                             {u"acknowledgements"_s, QJsonObject()}},
                            admin()).status,
                 200);
        const qint64 third = inbound(u"Anna <anna@example.de>"_s, u"a1@example.de"_s, "de");
        QVERIFY(third > other);
        QVERIFY2(sink().waitForMessages(3), qPrintable(sink().log()));
        const QByteArray plain = sink().received().at(2);
        QVERIFY2(!plain.contains("Content-Language"), plain.constData());
        const InboundMail fallback = MailParser::parse(plain);
        QVERIFY(fallback.text.startsWith(u"Hello Anna, we have your message."_s));
        QVERIFY2(fallback.text.contains(u"Your ticket number is %1."_s.arg(third)), qPrintable(fallback.text));
    }

    // A shop's own sender name and From address for a department win over
    // the department's.
    void aShopCanSpeakWithItsOwnName()
    {
        QVERIFY(connectMail() > 0);
        QCOMPARE(m_api->put(u"/api/v1/departments/%1/mail"_s.arg(m_world.returns),
                            {{u"shop"_s, m_world.shop}, {u"sender_name"_s, u"Lumen Returns"_s},
                             {u"from_address"_s, u"returns@lumen.example"_s}},
                            admin()).status,
                 200);
        QByteArray raw = customerMail(u"lumen-1@example.org"_s, u"returns@acme.example"_s, u"Lumen"_s, u"Hello"_s);
        // Fetched through the shop's mailbox, so the ticket is the shop's.
        QVERIFY(m_dovecot.deliver(u"returns"_s, raw));
        qint64 id = 0;
        QTRY_VERIFY_WITH_TIMEOUT((id = ticketOf(m_world.returns, u"Lumen"_s)) > 0, 15'000);
        QCOMPARE(run(u"rob"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Hi"_s}})[u"outcome"_s].toString(), u"applied"_s);
        QVERIFY(sink().waitForMessages(1));
        const InboundMail sent = lastSent();
        QCOMPARE(sent.fromName, u"Lumen Returns"_s);
        QCOMPARE(sent.fromAddress, u"returns@lumen.example"_s);
        // The thread says the same as the mail, and agents' desks read it
        // with the department.
        QCOMPARE(thread(id).last()[u"sender_name"_s].toString(), u"Lumen Returns"_s);
        QCOMPARE(m_api->get(u"/api/v1/departments/%1"_s.arg(m_world.returns), m_world.token(u"rob"_s))
                     .json()[u"shop_sender_names"_s][QString::number(m_world.shop)].toString(),
                 u"Lumen Returns"_s);
    }

    // An agent's files go up first, then the reply names them: the customer
    // gets them as attachments of the department's mail; the thread lists
    // them; the department's limits and the uploader's own files hold.
    void anAgentsFilesReachTheCustomer()
    {
        QVERIFY(connectMail() > 0);
        QByteArray raw = customerMail(u"nora@example.org"_s, u"returns@acme.example"_s, u"Return label"_s, u"Hi"_s);
        QVERIFY(m_dovecot.deliver(u"returns"_s, raw));
        qint64 id = 0;
        QTRY_VERIFY_WITH_TIMEOUT((id = ticketOf(m_world.returns, u"Return label"_s)) > 0, 15'000);

        QByteArray label("%PDF-1.4 return label for order 42\n");
        label += QByteArray(3000, 'x');
        const Response up = m_api->send("POST", u"/api/v1/uploads"_s, label, "application/pdf", m_world.token(u"rob"_s));
        QCOMPARE(up.status, 201);
        const QString sha = up.json()[u"upload"_s].toString();
        QCOMPARE(sha, QString::fromLatin1(QCryptographicHash::hash(label, QCryptographicHash::Sha256).toHex()));
        const QJsonArray files{QJsonObject{{u"upload"_s, sha},
                                           {u"filename"_s, u"Returetikett ø.pdf"_s},
                                           {u"content_type"_s, u"application/pdf"_s},
                                           {u"size"_s, label.size()}}};

        // Someone else's upload cannot be named; an upload is not a body.
        QCOMPARE(m_api->send("POST", u"/api/v1/uploads"_s, {}, "application/pdf", m_world.token(u"two"_s)).status, 422);
        const QJsonObject foreign = run(u"two"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"x"_s}, {u"attachments"_s, files}});
        QCOMPARE(foreign[u"outcome"_s].toString(), u"rejected"_s);
        QCOMPARE(foreign[u"field"_s].toString(), u"attachments"_s);
        // Nor may Returns take more than it allows.
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.returns),
                              {{u"attachment_limits"_s, QJsonObject{{u"file_bytes"_s, 2048}}}}, admin())
                     .status,
                 200);
        const QJsonObject tooBig = run(u"rob"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"x"_s}, {u"attachments"_s, files}});
        QCOMPARE(tooBig[u"outcome"_s].toString(), u"rejected"_s);
        QVERIFY2(tooBig[u"message"_s].toString().contains(u"Returns takes files of up to"_s),
                 qPrintable(tooBig[u"message"_s].toString()));
        QCOMPARE(thread(id).size(), 1); // nothing half-written
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.returns),
                              {{u"attachment_limits"_s, QJsonObject{{u"file_bytes"_s, 10}}}}, admin())
                     .status,
                 422);
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.returns),
                              {{u"attachment_limits"_s, QJsonObject{{u"file_bytes"_s, 25 * 1024 * 1024}}}}, admin())
                     .status,
                 200);

        const QJsonObject sent = run(u"rob"_s, id, {{u"type"_s, u"reply"_s}, {u"body"_s, u"Here is your label."_s},
                                                    {u"attachments"_s, files}});
        QCOMPARE(sent[u"outcome"_s].toString(), u"applied"_s);
        QVERIFY(sink().waitForMessages(1));
        const InboundMail mail = lastSent();
        QCOMPARE(mail.attachments.size(), 1);
        QCOMPARE(mail.attachments[0].filename, u"Returetikett ø.pdf"_s);
        QCOMPARE(mail.attachments[0].contentType, u"application/pdf"_s);
        QCOMPARE(mail.attachments[0].data, label);
        QVERIFY(mail.text.contains(u"Here is your label."_s));
        // Listed on the reply, and served to the ticket's agents.
        const QJsonArray listed = thread(id).last()[u"attachments"_s].toArray();
        QCOMPARE(listed.size(), 1);
        const Response download =
            m_api->get(u"/api/v1/attachments/%1"_s.arg(listed[0][u"id"_s].toInteger()), m_world.token(u"rob"_s));
        QCOMPARE(download.body, label);
        // A note carries files for the team, and mails nobody.
        const QJsonObject note = run(u"rob"_s, id, {{u"type"_s, u"note"_s}, {u"body"_s, u"Label sent"_s},
                                                    {u"attachments"_s, files}});
        QCOMPARE(note[u"outcome"_s].toString(), u"applied"_s);
        QCOMPARE(thread(id).last()[u"attachments"_s].toArray().size(), 1);
        QCOMPARE(sink().received().size(), 1);
    }

    // A local MTA's pipe transport: `signpost-server deliver` hands one
    // message to the running server and says with its exit status what the
    // MTA should do: 0 taken, 65 bounce, 75 keep it and try again (the
    // server away, or the setup wrong).
    void theMtaHandsMailOverWithDeliver()
    {
        QTemporaryDir dir;
        const QString tokenFile = dir.filePath(u"mta-token"_s);
        {
            QFile file(tokenFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(admin().toLatin1() + "\n");
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        const QString badToken = dir.filePath(u"bad-token"_s);
        {
            QFile file(badToken);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not-a-token");
        }
        auto deliver = [](const QStringList &arguments, const QByteArray &input, QByteArray *out = nullptr) {
            QProcess process;
            process.start(QStringLiteral(SIGNPOST_SERVER_BINARY), QStringList{u"deliver"_s} + arguments);
            process.write(input);
            process.closeWriteChannel();
            if (!process.waitForFinished(60'000))
                return -1;
            if (out)
                *out = process.readAllStandardOutput();
            return process.exitCode();
        };
        const QString url = m_server->baseUrl().toString();
        const QByteArray raw = customerMail(u"mta-1@example.net"_s, u"returns@acme.example"_s, u"Via Postfix"_s, u"Hi"_s);
        QByteArray out;
        QCOMPARE(deliver({u"--server"_s, url, u"--token-file"_s, tokenFile, u"--shop"_s, QString::number(m_world.shop)},
                         raw, &out),
                 0);
        QVERIFY2(out.startsWith("new_ticket "), out.constData());
        const qint64 id = ticketOf(m_world.returns, u"Via Postfix"_s);
        QVERIFY(id > 0);
        QVERIFY(out.contains(QByteArray::number(id)));
        // Handed over twice (the MTA retried after a lost answer): one ticket.
        QCOMPARE(deliver({u"--server"_s, url, u"--token-file"_s, tokenFile}, raw, &out), 0);
        QVERIFY2(out.startsWith("duplicate"), out.constData());
        // What the MTA must do otherwise: bounce only what is not a message;
        // keep the mail while the setup is wrong or the server away.
        QCOMPARE(deliver({u"--server"_s, url, u"--token-file"_s, tokenFile}, "  \r\n"), 65);
        QCOMPARE(deliver({u"--server"_s, url, u"--token-file"_s, badToken}, raw), 75);
        QCOMPARE(deliver({u"--server"_s, u"http://127.0.0.1:1"_s, u"--token-file"_s, tokenFile}, raw), 75);
        QCOMPARE(deliver({u"--server"_s, url, u"--token-file"_s, tokenFile, u"--mailbox"_s, u"999"_s}, raw), 75);
        QCOMPARE(deliver({u"--server"_s, url, u"--token-file"_s, dir.filePath(u"missing"_s)}, raw), 75);
        QCOMPARE(deliver({u"--server"_s, url, u"--token-file"_s, tokenFile, u"--shop"_s, u"1"_s, u"--mailbox"_s, u"1"_s},
                         raw),
                 75);
        QCOMPARE(thread(id).size(), 1);
        // A mail over the server's --max-body (1 MiB) is taken from the MTA.
        QByteArray big = customerMail(u"mta-2@example.net"_s, u"returns@acme.example"_s, u"Big scan"_s, u"See the scan"_s);
        big.replace("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nSee the scan\r\n",
                    "Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nSee the scan\r\n"
                    "--b1\r\nContent-Type: application/pdf; name=scan.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + QByteArray(1'500'000, 'A').toBase64().left(2'000'000) + "\r\n--b1--\r\n");
        QVERIFY(big.size() > 2'000'000);
        QCOMPARE(deliver({u"--server"_s, url, u"--token-file"_s, tokenFile}, big, &out), 0);
        QVERIFY2(out.startsWith("new_ticket "), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerEmail)
#include "tst_server_email.moc"
