// The mail parser over the corpus of real-world-shaped messages in
// tests/data/mail: every message decodes to the subject, sender, text and
// attachments its manifest names, machine mail and bounces are told apart,
// and mutated messages never crash or hang it. Also what the composer
// writes reads back the same.
#include "server/channels/email/mailcomposer.h"
#include "server/channels/email/mailparser.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;

namespace {

const QString CorpusDir = QStringLiteral(SIGNPOST_SOURCE_DIR "/tests/data/mail");

QJsonArray manifest()
{
    QFile file(QDir(CorpusDir).filePath(u"manifest.json"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).array();
}

QByteArray corpusFile(const QString &name)
{
    QFile file(QDir(CorpusDir).filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestMailParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QJsonObject>("expected");
        const QJsonArray entries = manifest();
        QVERIFY2(entries.size() >= 20, "the corpus manifest is missing or short");
        for (const QJsonValue &entry : entries)
            QTest::newRow(qPrintable(entry[u"file"_s].toString())) << entry.toObject();
    }

    void corpus()
    {
        QFETCH(QJsonObject, expected);
        const QByteArray raw = corpusFile(expected[u"file"_s].toString());
        QVERIFY(!raw.isEmpty());
        const InboundMail mail = MailParser::parse(raw);
        QVERIFY(!mail.unreadable);

        QCOMPARE(mail.fromAddress, expected[u"from_address"_s].toString().toLower());
        if (expected.contains(u"from_name"_s))
            QCOMPARE(mail.fromName, expected[u"from_name"_s].toString());
        if (expected.contains(u"subject"_s))
            QCOMPARE(mail.subject, expected[u"subject"_s].toString());
        if (expected.contains(u"subject_prefix"_s))
            QVERIFY2(mail.subject.startsWith(expected[u"subject_prefix"_s].toString()), qPrintable(mail.subject.left(80)));
        for (const QJsonValue &part : expected[u"text_contains"_s].toArray())
            QVERIFY2(mail.text.contains(part.toString()),
                     qPrintable(u"\u201c%1\u201d not in: %2"_s.arg(part.toString(), mail.text.left(600))));
        for (const QJsonValue &part : expected[u"text_excludes"_s].toArray())
            QVERIFY2(!mail.text.contains(part.toString(), Qt::CaseInsensitive),
                     qPrintable(u"\u201c%1\u201d is in: %2"_s.arg(part.toString(), mail.text.left(600))));
        if (expected[u"text_empty"_s].toBool())
            QVERIFY(mail.text.trimmed().isEmpty());

        const QString kind = expected[u"kind"_s].toString();
        QCOMPARE(mail.bounce, kind == u"bounce");
        QVERIFY2(mail.automatic == (kind != u"message"), qPrintable(mail.automaticReason));
        if (mail.bounce) {
            QCOMPARE(mail.bouncedMessageId, MailParser::bareId(expected[u"bounces"_s].toString()));
            if (expected.contains(u"bounce_status"_s))
                QCOMPARE(mail.bounceStatus, expected[u"bounce_status"_s].toString());
            if (expected.contains(u"bounce_recipient"_s))
                QCOMPARE(mail.bounceRecipient, expected[u"bounce_recipient"_s].toString());
        } else {
            const QJsonArray attachments = expected[u"attachments"_s].toArray();
            QCOMPARE(mail.attachments.size(), attachments.size());
            for (qsizetype i = 0; i < attachments.size(); ++i) {
                QCOMPARE(mail.attachments[i].filename, attachments[i][u"filename"_s].toString());
                QCOMPARE(mail.attachments[i].contentType, attachments[i][u"content_type"_s].toString());
                QVERIFY(!mail.attachments[i].data.isEmpty());
            }
        }
        if (expected.contains(u"in_reply_to"_s))
            QCOMPARE(mail.inReplyTo, MailParser::bareId(expected[u"in_reply_to"_s].toString()));
        if (expected.contains(u"references_count"_s))
            QCOMPARE(mail.references.size(), expected[u"references_count"_s].toInteger());
    }

    // HTML as mail programs write it: readable text, nothing of scripts,
    // styles, comments or remote images.
    void htmlBecomesText()
    {
        const QString text = MailParser::htmlToText(
            u"<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
            "<!--[if mso]><p>Outlook only</p><![endif]--><p>Hei &amp; h&aring;per&nbsp;du har det bra.</p>"
            "<div>Linje 1<br>Linje&#32;2<br/>Pris: 100&euro; &#x263A;</div><ul><li>En</li><li>To</li></ul>"
            "<img src=\"https://tracker.example/p.gif\"><script src=x></script></body></html>"_s);
        QVERIFY(text.contains(u"Hei & håper du har det bra."_s));
        QVERIFY(text.contains(u"Linje 1\nLinje 2"_s));
        QVERIFY(text.contains(u"Pris: 100€ ☺"_s));
        QVERIFY(text.contains(u"• En\n• To"_s));
        for (const QString &absent : {u"alert"_s, u"color:red"_s, u"Outlook only"_s, u"tracker"_s, u"<"_s})
            QVERIFY2(!text.contains(absent), qPrintable(absent));
    }

    // A broken or hostile sender's NUL bytes: the mail is read, without them
    // (no text stored may hold one), in any charset and in an HTML part.
    void nulBytesAreDropped()
    {
        const QByteArray nul(1, '\0');
        for (const QByteArray &charset : {QByteArray("utf-8"), QByteArray("iso-8859-1"), QByteArray("utf-16le")}) {
            const QByteArray text = charset == "utf-16le" ? QByteArray("H\0i\0\0\0!\0", 8) : "Hi" + nul + "!";
            const QByteArray raw = "From: Kari <kari@example.no>\r\nTo: support@shop.example\r\nSubject: Nul\r\n"
                                   "Message-ID: <nul@example.no>\r\nMIME-Version: 1.0\r\n"
                                   "Content-Type: text/plain; charset=" + charset + "\r\n"
                                   "Content-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n";
            const InboundMail mail = MailParser::parse(raw);
            QVERIFY2(!mail.text.contains(QChar(0)), charset.constData());
            QVERIFY2(mail.text.startsWith(u"Hi!"_s), qPrintable(mail.text));
        }
        const InboundMail html = MailParser::parse(
            "From: kari@example.no\r\nSubject: Nul\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            "<p>Hei" + nul + " der</p>\r\n");
        QVERIFY2(html.text.contains(u"Hei der"_s), qPrintable(html.text));
    }

    // What Signpost sends reads back as written: names, subject and text in
    // UTF-8 whatever the letters, the thread headers in place.
    void composedMailReadsBack()
    {
        OutgoingMail out;
        out.fromName = u"Returns — Northwind Outdoor"_s;
        out.fromAddress = u"returns@northwind.example"_s;
        out.replyTo = u"returns+t1001-0a1b2c3d@northwind.example"_s;
        out.toName = u"Jørgen Hægstad"_s;
        out.toAddress = u"jorgen@example.com"_s;
        out.subject = u"Re: Bytte av sko – størrelse 44 [#1001]"_s;
        out.text = u"Hei Jørgen,\nGrüße aus dem Lager.\n.\nA line with a lone dot above.\n\n-- \nReturns"_s;
        out.messageId = u"signpost.1001.7.abc@northwind.example"_s;
        out.inReplyTo = u"customer-2@example.com"_s;
        out.references = {u"customer-1@example.com"_s, u"signpost.1001.5.x@northwind.example"_s, u"customer-2@example.com"_s};
        out.dateMs = 1'796'000'000'000;
        const QByteArray bytes = MailComposer::compose(out);
        QVERIFY(!bytes.contains("\n\n")); // CRLF throughout
        for (char c : bytes)
            QVERIFY2(uchar(c) < 0x80, "not 7-bit safe");

        const InboundMail back = MailParser::parse(bytes);
        QCOMPARE(back.fromName, out.fromName);
        QCOMPARE(back.fromAddress, out.fromAddress);
        QCOMPARE(back.subject, out.subject);
        QCOMPARE(back.text, out.text);
        QCOMPARE(back.messageId, out.messageId);
        QCOMPARE(back.inReplyTo, out.inReplyTo);
        QCOMPARE(back.references, out.references);
        QVERIFY(back.recipients.contains(u"jorgen@example.com"_s));
        QVERIFY(!back.automatic);
        QVERIFY(bytes.contains("\r\nReply-To: "));
    }

    // Mutated corpus messages, for a bounded time: the parser returns on
    // every one of them (a crash or a hang fails the run).
    void mutatedMessagesNeverCrash()
    {
        QList<QByteArray> seeds;
        for (const QJsonValue &entry : manifest())
            seeds.append(corpusFile(entry[u"file"_s].toString()));
        QVERIFY(!seeds.isEmpty());
        QRandomGenerator random(20261201);
        static const QList<QByteArray> tokens{"\r\n", "--", "=?UTF-8?B?", "?=", "boundary=\"", "Content-Type: multipart/mixed; ",
                                              "charset=\"x-unknown\"", "=\r\n", "\x80\xff", "{", "<", ">", ";", "\0", "=3D"};
        QDeadlineTimer deadline(4'000);
        int parsed = 0;
        while (!deadline.hasExpired()) {
            QByteArray message = seeds[random.bounded(int(seeds.size()))];
            const int edits = 1 + random.bounded(8);
            for (int i = 0; i < edits && !message.isEmpty(); ++i) {
                const int at = random.bounded(int(message.size()));
                switch (random.bounded(4)) {
                case 0: message.remove(at, random.bounded(64)); break;
                case 1: message.insert(at, tokens[random.bounded(int(tokens.size()))]); break;
                case 2: message[at] = char(random.bounded(256)); break;
                default: message.truncate(at); break;
                }
            }
            const InboundMail mail = MailParser::parse(message);
            QVERIFY(mail.text.size() <= message.size() * 4 + 64);
            ++parsed;
        }
        QVERIFY2(parsed > 100, qPrintable(u"only %1 parsed"_s.arg(parsed)));
    }
};

QTEST_GUILESS_MAIN(TestMailParser)
#include "tst_mail_parser.moc"
