// bench_mail: the email channel with the real server, real Dovecot and a real
// SMTP server, all on loopback.
//
// Inbound: N customer mails (about 20 KB of text/plain with the headers a
// big provider's mail carries; a share multipart/mixed with a 200 KB base64
// attachment) are delivered into a Dovecot folder with dovecot-lda before
// the clock starts. Then a mailbox for that folder is created in a fresh
// server (poll_seconds 1) and the clock runs until the mailbox's `fetched`
// counter says all N were taken in; the sync feed then has to hold N tickets.
// The mail is delivered once: later runs mark it unseen again over IMAP.
//
// Outbound: M contact-form tickets in a fresh server, the relay set to the
// tests' SMTP sink (tests/support/smtp_sink.py, aiosmtpd), then the agent
// replies to every ticket in batches of commands, several requests in
// flight. The clock runs from the first batch until the sink holds all M.
// Per reply: "stored" is when its batch's answer came back, "accepted" the
// sink's file for it (its mtime) and, as the server saw it, the delivery's
// updated_at once sent.
//
// --reply-rate paces the replies (latency at a given load rather than behind
// a burst); --relay discard hands them to an SMTP server in this process that
// keeps nothing, to see the server's own pace without the Python sink.
//
// Last, the sink alone: one of the server's messages handed to it by the
// server's own SmtpSender from as many threads as the server uses, no server
// at all: how fast the sink goes by itself.
#include "benchsupport.h"

#include "server/channels/email/smtpsender.h"
#include "tests/support/mailservers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Signpost;
using namespace Signpost::Bench;
using Signpost::Test::Dovecot;
using Signpost::Test::SmtpSink;

namespace {

const QString Usage = uR"(bench_mail [options]
  --messages N         mails taken in per inbound run (default 3000; 0: no inbound part)
  --attachments F      share of them multipart/mixed with a 200 KB attachment (default 0.1)
  --deliverers D       dovecot-lda processes at once while the mail is put in place (default 4)
  --replies M          replies mailed per outbound run (default 2000; 0: no outbound part)
  --batch B            reply commands per request (default 50)
  --requests R         command requests in flight at once (default 4)
  --reply-rate R       replies a second, paced in whole batches (default 0: all at once)
  --relay KIND         sink (tests/support/smtp_sink.py, default) or discard (an SMTP
                       server in this process that keeps nothing)
  --sink-messages K    messages for the sink-alone check (default: as --replies; 0: none)
  --sink-threads T     its sending threads (default 4, as the server's senders)
  --runs R             measured runs of each part, each on a fresh server (default 3)
  --server PATH        the signpost-server binary (default: the one built with this tree))"_s;

constexpr auto MailboxUser = "helpdesk";
constexpr auto MailboxPassword = "bench-mailbox-password";

qint64 wallUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Runs the event loop for a while (answers and child processes' output go on).
void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// User + system CPU seconds of a process and all of its descendants: the
// live ones, and those that ended (in their parents' cutime and cstime).
double treeCpuSeconds(qint64 root)
{
    if (root <= 0)
        return 0;
    struct Times
    {
        qint64 parent = 0;
        double ticks = 0;
    };
    QHash<qint64, Times> all;
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // After the command name in parentheses: state ppid ... utime(14) stime cutime cstime.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 15)
            continue;
        all.insert(pid, {fields[1].toLongLong(), double(fields[11].toLongLong() + fields[12].toLongLong()
                                                        + fields[13].toLongLong() + fields[14].toLongLong())});
    }
    QHash<qint64, QList<qint64>> children;
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        children[it->parent].append(it.key());
    double ticks = 0;
    QList<qint64> todo{root};
    while (!todo.isEmpty()) {
        const qint64 pid = todo.takeLast();
        ticks += all.value(pid).ticks;
        todo.append(children.value(pid));
    }
    return ticks / double(::sysconf(_SC_CLK_TCK));
}

QString commandLine(const QStringList &arguments)
{
    QStringList quoted;
    for (const QString &argument : arguments)
        quoted.append(argument.contains(u' ') || argument.isEmpty() ? u'\'' + argument + u'\'' : argument);
    return quoted.join(u' ');
}

// ---------------------------------------------------------------------------
// Customer mail as it arrives from a big provider

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype at = 0; at < encoded.size(); at += 76)
        out += encoded.mid(at, 76) + "\r\n";
    return out;
}

// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks at 76.
QByteArray quotedPrintable(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size() * 11 / 10);
    static const char hex[] = "0123456789ABCDEF";
    for (const QByteArray &line : text.split('\n')) {
        qsizetype column = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const uchar c = uchar(line[i]);
            const bool last = i == line.size() - 1;
            QByteArray piece;
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last))
                piece = QByteArray(1, char(c));
            else
                piece = QByteArray{"="} + hex[c >> 4] + hex[c & 15];
            if (column + piece.size() > 75) {
                out += "=\r\n";
                column = 0;
            }
            out += piece;
            column += piece.size();
        }
        out += "\r\n";
    }
    return out;
}

QByteArray encodedWord(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() > 127)
            return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
    }
    return text.toUtf8();
}

QByteArray randomToken(QRandomGenerator &random, int length, const char *alphabet)
{
    const int size = int(qstrlen(alphabet));
    QByteArray token(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        token[i] = alphabet[random.bounded(size)];
    return token;
}

constexpr auto Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr auto HexAlphabet = "0123456789abcdef";

struct MailShape
{
    QByteArray raw;
    bool attachment = false;
};

// Mail number `index`: one sender each (the per-sender limit never joins
// them), to one of the four department addresses, deterministic for a seed.
MailShape customerMail(qsizetype index, double attachmentShare, quint32 seed)
{
    static const QStringList firstNames{u"Alex"_s, u"Maria"_s, u"Jonas"_s, u"Priya"_s, u"Chen"_s, u"Fatima"_s,
                                        u"Lukas"_s, u"Sofia"_s, u"Kwame"_s, u"Élodie"_s, u"Mateo"_s, u"Ingrid"_s};
    static const QStringList lastNames{u"Schmidt"_s, u"García"_s, u"Okafor"_s, u"Nakamura"_s, u"Novak"_s,
                                       u"Jensen"_s, u"Rossi"_s, u"Kowalski"_s, u"Haddad"_s, u"Müller"_s};
    static const QStringList domains{u"example.net"_s, u"example.org"_s, u"mail.example.com"_s, u"example.de"_s};
    static const QStringList subjects{u"Question about my order"_s, u"Zip broke after two weeks"_s,
                                      u"Wrong size delivered"_s, u"Re: Your order has shipped"_s,
                                      u"Fwd: Order confirmation"_s, u"Refund still not on my card"_s,
                                      u"Invoice with VAT number, please"_s, u"Parcel says delivered, it is not"_s,
                                      u"Tent pole snapped on first use"_s, u"Änderung der Lieferadresse"_s};
    static const QStringList sentences{
        u"I ordered the item last week and have a question about it."_s,
        u"The colour looks different from the pictures on your website."_s,
        u"Could you tell me whether it is still covered by the warranty?"_s,
        u"It happened on the second day of a hiking trip in the mountains."_s,
        u"My friend bought the same model and did not have this issue."_s,
        u"Please let me know what the next steps are."_s,
        u"I am happy to send photos if that helps."_s,
        u"The size chart says M but it fits like an S, so I would like to exchange it."_s,
        u"Die Lieferung kam zwei Tage später als angekündigt, aber vollständig."_s,
        u"Thank you for your help, I really like your shop — the last order was perfect."_s,
    };
    static const QStringList orderLines{
        u"1 x Trail Runner GTX, size 43, colour slate — 149,00 €"_s,
        u"2 x Merino Crew Socks, size L — 2 x 17,90 €"_s,
        u"1 x Ultralight Tent 2P, green — 389,00 €"_s,
        u"1 x Down Jacket Ørsted, size M, navy — 229,00 €"_s,
        u"1 x Headlamp 400 lm, rechargeable — 44,50 €"_s,
        u"Shipping (standard, 3–5 working days) — 4,90 €"_s,
    };
    static const QStringList departments{u"support"_s, u"support"_s, u"returns"_s, u"billing"_s, u"shipping"_s};

    QRandomGenerator random(seed ^ quint32(index * 2654435761u));
    const QString first = firstNames[random.bounded(int(firstNames.size()))];
    const QString last = lastNames[random.bounded(int(lastNames.size()))];
    const QString domain = domains[random.bounded(int(domains.size()))];
    const QByteArray address = u"customer%1.%2@%3"_s.arg(index).arg(random.bounded(1000)).arg(domain).toUtf8();
    const QByteArray to = (departments[random.bounded(int(departments.size()))] + u"@bench.example"_s).toUtf8();
    const QString subject = subjects[random.bounded(int(subjects.size()))];
    const QDateTime sent = QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC).addSecs(index * 7);
    const QByteArray date = QLocale::c().toString(sent, u"ddd, dd MMM yyyy hh:mm:ss"_s).toLatin1() + " +0000";
    const QByteArray messageId = "CA+" + randomToken(random, 40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
                                 + "@mail.gmail.com";
    const QByteArray queueId = randomToken(random, 12, "BCDFGHJKLMNPQRSTVWXYZ0123456789");

    // The text: the customer's own words, then a forwarded order
    // confirmation and the quoted earlier mail, about 15 to 19 KB in all.
    QString text;
    const int paragraphs = 2 + random.bounded(3);
    for (int p = 0; p < paragraphs; ++p) {
        QStringList paragraph;
        for (int s = 3 + random.bounded(4); s > 0; --s)
            paragraph.append(sentences[random.bounded(int(sentences.size()))]);
        text += paragraph.join(u' ') + u"\n\n"_s;
    }
    text += u"Kind regards,\n%1 %2\n\n"_s.arg(first, last);
    const int target = 15'000 + random.bounded(4'000);
    text += u"---------- Forwarded message ---------\nFrom: Bench Outfitters <orders@bench.example>\n"
            "Date: %1\nSubject: Your order BO-%2\nTo: %3\n\n"_s.arg(QString::fromLatin1(date))
                .arg(100000 + random.bounded(900000))
                .arg(QString::fromLatin1(address));
    while (text.size() < target) {
        text += u"> "_s + orderLines[random.bounded(int(orderLines.size()))] + u'\n';
        if (random.bounded(4) == 0)
            text += u"> "_s + sentences[random.bounded(int(sentences.size()))] + u"\n>\n"_s;
    }
    const QByteArray utf8 = text.toUtf8();
    const bool qp = random.bounded(2) == 0;
    const QByteArray textHeaders = "Content-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: "
                                   + QByteArray(qp ? "quoted-printable" : "8bit") + "\r\n";
    QByteArray textBody = qp ? quotedPrintable(utf8) : QByteArray(utf8).replace("\n", "\r\n");

    const QByteArray dkim = base64Lines(randomToken(random, 256, Base64Alphabet)).replace("\r\n", "\r\n\t");
    QByteArray mail;
    mail.reserve(30'000);
    mail += "Return-Path: <" + address + ">\r\n"
            "Delivered-To: helpdesk@bench.example\r\n"
            "Received: from mx2.bench.example\r\n\tby imap1.bench.example with LMTP\r\n\tid "
            + randomToken(random, 22, Base64Alphabet) + "\r\n\t(envelope-from <" + address + ">)\r\n\tfor <helpdesk@bench.example>; "
            + date + "\r\n"
            "Received: from mail-wr1-f54.google.com (mail-wr1-f54.google.com [209.85.221.54])\r\n"
            "\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n"
            "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\r\n"
            "\t(No client certificate requested)\r\n\tby mx2.bench.example (Postfix) with ESMTPS id " + queueId
            + "\r\n\tfor <" + to + ">; " + date + "\r\n"
            "Received: by mail-wr1-f54.google.com with SMTP id ffacd0b85a97d-"
            + randomToken(random, 12, HexAlphabet) + "\r\n        for <" + to + ">; " + date + "\r\n"
            "Authentication-Results: mx2.bench.example;\r\n\tdkim=pass (2048-bit key; unprotected) header.d=" + domain.toUtf8()
            + " header.i=@" + domain.toUtf8() + " header.b=\"" + randomToken(random, 8, Base64Alphabet) + "\";\r\n"
            "\tdkim-atps=neutral;\r\n\tspf=pass (sender SPF authorized) smtp.mailfrom=" + domain.toUtf8() + ";\r\n"
            "\tdmarc=pass (p=none dis=none) header.from=" + domain.toUtf8() + "\r\n"
            "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n        d=" + domain.toUtf8()
            + "; s=20230601; t=1796112000; x=1796716800; darn=bench.example;\r\n"
              "        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject\r\n"
              "         :date:message-id:reply-to;\r\n        bh=" + randomToken(random, 43, Base64Alphabet) + "=;\r\n"
              "        b=" + dkim.trimmed() + "\r\n"
            "X-Google-DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\r\n        d=1e100.net; s=20230601; t=1796112000;\r\n"
            "        bh=" + randomToken(random, 43, Base64Alphabet) + "=;\r\n        b=" + randomToken(random, 300, Base64Alphabet) + "\r\n"
            "X-Gm-Message-State: AOJu0Y" + randomToken(random, 120, Base64Alphabet) + "\r\n"
            "X-Google-Smtp-Source: AGHT+IE" + randomToken(random, 80, Base64Alphabet) + "\r\n"
            "X-Received: by 2002:a05:6000:1b0b:b0:3a1:f5c4:8a2 with SMTP id " + randomToken(random, 30, HexAlphabet)
            + ";\r\n        " + date + "\r\n"
            "MIME-Version: 1.0\r\n"
            "From: " + encodedWord(first + u' ' + last) + " <" + address + ">\r\n"
            "Date: " + date + "\r\n"
            "Message-ID: <" + messageId + ">\r\n"
            "Subject: " + encodedWord(subject) + "\r\n"
            "To: " + to + "\r\n";

    MailShape shape;
    shape.attachment = random.generateDouble() < attachmentShare;
    if (!shape.attachment) {
        mail += textHeaders + "\r\n" + textBody;
    } else {
        const QByteArray boundary = "000000000000" + randomToken(random, 16, HexAlphabet);
        QByteArray pdf = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
        pdf.reserve(200 * 1024);
        while (pdf.size() < 200 * 1024) {
            const quint32 word = random.generate();
            pdf.append(reinterpret_cast<const char *>(&word), sizeof word);
        }
        const QByteArray name = "invoice-" + QByteArray::number(100000 + random.bounded(900000)) + ".pdf";
        mail += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                "--" + boundary + "\r\n" + textHeaders + "\r\n" + textBody + "\r\n"
                "--" + boundary + "\r\n"
                "Content-Type: application/pdf; name=\"" + name + "\"\r\n"
                "Content-Disposition: attachment; filename=\"" + name + "\"\r\n"
                "Content-Transfer-Encoding: base64\r\n"
                "Content-ID: <f_" + randomToken(random, 10, HexAlphabet) + ">\r\n"
                "X-Attachment-Id: f_" + randomToken(random, 10, HexAlphabet) + "\r\n\r\n"
                + base64Lines(pdf) + "--" + boundary + "--\r\n";
    }
    shape.raw = std::move(mail);
    return shape;
}

// ---------------------------------------------------------------------------
// A few IMAP commands, blocking, to put the folder back as delivered.

class ImapSession
{
public:
    bool open(quint16 port, QString *error)
    {
        m_socket.connectToHost(u"127.0.0.1"_s, port);
        if (!m_socket.waitForConnected(10'000) || readLine().isEmpty()) {
            *error = u"IMAP: no greeting: "_s + m_socket.errorString();
            return false;
        }
        return command("LOGIN " + QByteArray(MailboxUser) + ' ' + QByteArray(MailboxPassword), nullptr, error)
               && command("SELECT INBOX", nullptr, error);
    }
    // The untagged lines into `untagged`; false unless the answer is OK.
    bool command(const QByteArray &text, QByteArrayList *untagged, QString *error)
    {
        const QByteArray tag = 'b' + QByteArray::number(++m_tag);
        m_socket.write(tag + ' ' + text + "\r\n");
        for (;;) {
            const QByteArray line = readLine();
            if (line.isEmpty()) {
                *error = u"IMAP %1: no answer"_s.arg(QString::fromLatin1(text.left(40)));
                return false;
            }
            if (line.startsWith(tag + ' ')) {
                if (line.mid(tag.size() + 1).startsWith("OK"))
                    return true;
                *error = u"IMAP %1: %2"_s.arg(QString::fromLatin1(text.left(40)), QString::fromLatin1(line));
                return false;
            }
            if (untagged)
                untagged->append(line);
        }
    }
    // Every message of the folder unseen again; how many there are.
    qsizetype markAllUnseen(QString *error)
    {
        QByteArrayList lines;
        if (!command("STORE 1:* -FLAGS.SILENT (\\Seen)", nullptr, error)
            || !command("UID SEARCH UNSEEN", &lines, error))
            return -1;
        qsizetype unseen = 0;
        for (const QByteArray &line : std::as_const(lines)) {
            if (line.startsWith("* SEARCH"))
                unseen += line.mid(8).split(' ').size() - 1;
        }
        command("LOGOUT", nullptr, error);
        return unseen;
    }

private:
    QByteArray readLine()
    {
        while (!m_socket.canReadLine()) {
            if (!m_socket.waitForReadyRead(30'000))
                return {};
        }
        return m_socket.readLine().trimmed();
    }
    QTcpSocket m_socket;
    int m_tag = 0;
};

// ---------------------------------------------------------------------------
// Inbound

struct InboundResult
{
    double perSecond = 0;
    double serverCpuMs = 0;  // per message
    double serverShare = 0;  // of a core
    double dovecotCpuMs = 0; // per message
    double firstBatchMs = 0;
};

InboundResult measureInbound(const Options &options, Dovecot &dovecot, qsizetype messages, int run, int runs)
{
    QString error;
    {
        ImapSession imap;
        if (!imap.open(dovecot.imapPort(), &error))
            die(error);
        const qsizetype unseen = imap.markAllUnseen(&error);
        if (unseen != messages)
            die(u"the folder holds %1 unseen messages, not %2 %3"_s.arg(unseen).arg(messages).arg(error));
    }
    ServerProcess server;
    if (!server.start(options.text(u"server"_s)))
        die(u"the server did not start: "_s + server.errorOutput());
    HttpConnection http(server.baseUrl());
    const std::optional<BenchWorld> world = BenchWorld::create(http, &error);
    if (!world)
        die(error);

    const double serverCpuBefore = server.cpuSeconds();
    const double dovecotCpuBefore = treeCpuSeconds(dovecot.pid());
    const qint64 startNs = clockNs();
    const HttpResponse created = http.postJson(u"/api/v1/mail/mailboxes"_s,
                                               {{u"name"_s, u"Helpdesk inbox"_s},
                                                {u"department"_s, world->support},
                                                {u"shop"_s, world->shop},
                                                {u"host"_s, u"127.0.0.1"_s},
                                                {u"port"_s, dovecot.imapPort()},
                                                {u"security"_s, u"none"_s},
                                                {u"username"_s, QString::fromLatin1(MailboxUser)},
                                                {u"password"_s, QString::fromLatin1(MailboxPassword)},
                                                {u"folder"_s, u"INBOX"_s},
                                                {u"poll_seconds"_s, 1}},
                                               world->adminToken);
    if (created.status != 201)
        die(u"mailbox: HTTP %1 %2"_s.arg(created.status).arg(QString::fromUtf8(created.body)));
    const qint64 mailbox = created.json().value(u"id"_s).toInteger();

    // The counter moves once per visit of up to 100 messages; asked every 25 ms.
    qint64 fetched = 0, limited = 0, firstNs = 0, doneNs = 0, lastChangeNs = startNs;
    QString lastError;
    while (true) {
        const HttpResponse boxes = http.getJson(u"/api/v1/mail/mailboxes"_s, world->adminToken);
        const qint64 now = clockNs();
        for (const QJsonValue &value : boxes.json().value(u"mailboxes"_s).toArray()) {
            const QJsonObject box = value.toObject();
            if (box.value(u"id"_s).toInteger() != mailbox)
                continue;
            const qint64 count = box.value(u"fetched"_s).toInteger();
            if (count != fetched)
                lastChangeNs = now;
            if (count > 0 && firstNs == 0)
                firstNs = now;
            fetched = count;
            limited = box.value(u"limited"_s).toInteger();
            lastError = box.value(u"last_error"_s).toString();
        }
        if (fetched >= messages) {
            doneNs = now;
            break;
        }
        if (now - lastChangeNs > 60'000'000'000LL)
            die(u"inbound stalled at %1 of %2 messages; last error: %3\n%4"_s.arg(fetched).arg(messages).arg(lastError,
                                                                                                         server.errorOutput().right(2000)));
        pause(25);
    }
    const double seconds = double(doneNs - startNs) / 1e9;
    const double serverCpu = server.cpuSeconds() - serverCpuBefore;
    const double dovecotCpu = treeCpuSeconds(dovecot.pid()) - dovecotCpuBefore;

    qint64 tickets = 0;
    const QHash<qint64, qint64> counts = world->ticketCounts(http);
    QStringList routed;
    for (qint64 department : world->departments()) {
        tickets += counts.value(department);
        routed.append(u"%1 %2"_s.arg(world->departmentName(department)).arg(counts.value(department)));
    }
    if (tickets != messages || limited != 0)
        die(u"%1 messages fetched made %2 tickets (%3 added by the per-sender limit); last error: %4"_s.arg(fetched)
                .arg(tickets)
                .arg(limited)
                .arg(lastError));

    InboundResult result;
    result.perSecond = double(messages) / seconds;
    result.serverCpuMs = serverCpu / double(messages) * 1e3;
    result.serverShare = serverCpu / seconds;
    result.dovecotCpuMs = dovecotCpu / double(messages) * 1e3;
    result.firstBatchMs = double(firstNs - startNs) / 1e6;
    say(u"  in  %1/%2: %3 messages in %4 s = %5 messages/s | server CPU %6 ms/message (%7% of a core),"
        " Dovecot %8 ms/message | first 100 counted after %9 ms | tickets: %10"_s.arg(run + 1)
            .arg(runs)
            .arg(messages)
            .arg(seconds, 0, 'f', 2)
            .arg(result.perSecond, 0, 'f', 0)
            .arg(result.serverCpuMs, 0, 'f', 2)
            .arg(result.serverShare * 100, 0, 'f', 0)
            .arg(result.dovecotCpuMs, 0, 'f', 2)
            .arg(result.firstBatchMs, 0, 'f', 0)
            .arg(routed.join(u", "_s)));
    if (!server.stop())
        die(u"the server did not stop cleanly"_s);
    return result;
}

// ---------------------------------------------------------------------------
// A relay that keeps nothing: an SMTP server on its own thread of this
// process that answers 250 to everything and notes when each message's data
// ended, to see how fast the server hands over replies when the relay costs
// next to nothing (--relay discard).

class DiscardRelay
{
public:
    ~DiscardRelay()
    {
        if (m_thread.isRunning())
            QMetaObject::invokeMethod(&m_context, [this]() { qDeleteAll(m_context.children()); },
                                      Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    bool start()
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(&m_context, [this]() { listen(); }, Qt::BlockingQueuedConnection);
        return m_port != 0;
    }
    quint16 port() const { return m_port; }
    qsizetype count() const { return m_count; }
    // The reply's message row (from the Message-ID the server gives it) → when its data ended (wall µs).
    QList<std::pair<qint64, qint64>> accepted() const
    {
        std::lock_guard lock(m_mutex);
        return m_accepted;
    }

private:
    struct Session
    {
        QByteArray in;
        bool data = false;
    };
    void listen()
    {
        auto *server = new QTcpServer(&m_context);
        if (!server->listen(QHostAddress::LocalHost, 0))
            return;
        QObject::connect(server, &QTcpServer::newConnection, server, [this, server]() {
            while (QTcpSocket *socket = server->nextPendingConnection()) {
                auto session = std::make_shared<Session>();
                socket->write("220 discard.test ESMTP\r\n");
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, session]() {
                    session->in += socket->readAll();
                    serve(socket, *session);
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_port = server->serverPort();
    }
    void serve(QTcpSocket *socket, Session &session)
    {
        static const QRegularExpression messageId(u"^Message-Id:\\s*<signpost\\.(\\d+)\\.(\\d+)\\."_s,
                                                  QRegularExpression::CaseInsensitiveOption
                                                      | QRegularExpression::MultilineOption);
        for (;;) {
            if (session.data) {
                const qsizetype end = session.in.indexOf("\r\n.\r\n");
                if (end < 0)
                    return;
                const qint64 now = wallUs();
                const QRegularExpressionMatch match = messageId.match(QString::fromLatin1(session.in.left(std::min<qsizetype>(end, 8192))));
                session.in.remove(0, end + 5);
                session.data = false;
                {
                    std::lock_guard lock(m_mutex);
                    m_accepted.append({match.hasMatch() ? match.captured(2).toLongLong() : 0, now});
                }
                ++m_count;
                socket->write("250 2.0.0 OK discarded\r\n");
                continue;
            }
            const qsizetype end = session.in.indexOf("\r\n");
            if (end < 0)
                return;
            const QByteArray verb = session.in.left(std::min<qsizetype>(end, 4)).toUpper();
            session.in.remove(0, end + 2);
            if (verb == "EHLO")
                socket->write("250-discard.test\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n");
            else if (verb == "DATA") {
                socket->write("354 End data with <CR><LF>.<CR><LF>\r\n");
                session.data = true;
                // What came before "\r\n" of the data's first line is
                // matched by the search for "\r\n.\r\n": keep one CRLF in front.
                session.in.prepend("\r\n");
            } else if (verb == "QUIT") {
                socket->write("221 2.0.0 Bye\r\n");
                socket->disconnectFromHost();
                return;
            } else {
                socket->write("250 2.0.0 OK\r\n");
            }
        }
    }

    QThread m_thread;
    QObject m_context;
    quint16 m_port = 0;
    std::atomic<qsizetype> m_count = 0;
    mutable std::mutex m_mutex;
    QList<std::pair<qint64, qint64>> m_accepted;
};

// ---------------------------------------------------------------------------
// Outbound

struct OutboundResult
{
    double perSecond = 0;       // replies accepted by the relay per second, first batch sent → last accepted
    double postSeconds = 0;     // first batch sent → last batch answered
    double acceptedWhilePosting = 0; // share of the replies accepted before the last batch was answered
    double drainPerSecond = 0;  // replies accepted per second after that
    double p50 = 0, p95 = 0, max = 0;          // accepted (at the relay) − stored, ms
    double serverP50 = 0, serverP95 = 0;       // updated_at when sent − stored, ms
    double serverCpuMs = 0;     // per reply
    double serverShare = 0;
    double sinkCpuMs = 0;       // per reply (the Python sink only)
    double sinkShare = 0;
    QByteArray sample;          // one message as the sink received it
    QString sampleFrom, sampleTo;
};

QList<QString> sinkFiles(const QString &directory)
{
    return QDir(directory).entryList({u"*.eml"_s}, QDir::Files, QDir::Name);
}

// The reply's message row and when the sink took it (its file's mtime), per file.
QList<std::pair<qint64, qint64>> sinkAccepted(const QString &directory, OutboundResult &result)
{
    static const QRegularExpression messageId(u"^Message-Id:\\s*<signpost\\.(\\d+)\\.(\\d+)\\."_s,
                                              QRegularExpression::CaseInsensitiveOption
                                                  | QRegularExpression::MultilineOption);
    QList<std::pair<qint64, qint64>> accepted;
    for (const QString &name : sinkFiles(directory)) {
        const QString path = QDir(directory).filePath(name);
        struct stat info{};
        if (::stat(QFile::encodeName(path).constData(), &info) != 0)
            die(u"cannot stat "_s + path);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            die(u"cannot read "_s + path);
        const QRegularExpressionMatch match = messageId.match(QString::fromLatin1(file.read(8192)));
        accepted.append({match.hasMatch() ? match.captured(2).toLongLong() : 0,
                         qint64(info.st_mtim.tv_sec) * 1'000'000 + info.st_mtim.tv_nsec / 1000});
        if (result.sample.isEmpty()) {
            file.seek(0);
            result.sample = file.readAll();
            QFile envelope(path.chopped(4) + u".json"_s);
            if (envelope.open(QIODevice::ReadOnly)) {
                const QJsonObject json = QJsonDocument::fromJson(envelope.readAll()).object();
                result.sampleFrom = json.value(u"from"_s).toString();
                result.sampleTo = json.value(u"to"_s).toArray().first().toString();
            }
        }
    }
    return accepted;
}

OutboundResult measureOutbound(const Options &options, qsizetype replies, int run, int runs)
{
    const bool discard = options.text(u"relay"_s) == u"discard";
    SmtpSink sink;
    DiscardRelay discardRelay;
    if (discard ? !discardRelay.start() : !sink.start())
        die(u"the relay did not start: "_s + sink.log());
    const quint16 relayPort = discard ? discardRelay.port() : sink.port();
    ServerProcess server;
    if (!server.start(options.text(u"server"_s)))
        die(u"the server did not start: "_s + server.errorOutput());
    QString error;
    HttpConnection http(server.baseUrl());
    const std::optional<BenchWorld> world = BenchWorld::create(http, &error);
    if (!world)
        die(error);

    // The tickets: contact-form ones in Support, the agent's department.
    // ASCII addresses: the sink (aiosmtpd without SMTPUTF8) refuses others
    // with "500 Error: strict ASCII mode", and the generator makes some
    // such as élodie.müller.123@example.com.
    const int lanes = int(std::max<qint64>(1, options.number(u"requests"_s)));
    QList<HttpConnection *> connections;
    for (int i = 0; i < lanes; ++i)
        connections.append(new HttpConnection(server.baseUrl(), qApp));
    QList<QByteArray> bodies = makeIntakeBodies(world->shop, replies, 0.0, 7 + run);
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        QJsonObject body = QJsonDocument::fromJson(bodies[i]).object();
        body.insert(u"email"_s, u"customer%1@example.net"_s.arg(i));
        bodies[i] = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    const IntakeOutcome intake = postIntake(connections, bodies);
    if (intake.created != replies)
        die(u"intake: %1 of %2 tickets made: %3"_s.arg(intake.created).arg(replies).arg(intake.firstFailure));
    QList<qint64> tickets = intake.sentNs.keys();
    std::sort(tickets.begin(), tickets.end());
    const qint64 version = http.getJson(u"/api/v1/tickets/%1"_s.arg(tickets.first()), world->agentToken)
                               .json().value(u"version"_s).toInteger(1);

    const HttpResponse relay = http.call("PUT", "/api/v1/mail/relay",
                                         QJsonDocument(QJsonObject{{u"host"_s, u"127.0.0.1"_s},
                                                                   {u"port"_s, relayPort},
                                                                   {u"security"_s, u"none"_s}})
                                             .toJson(QJsonDocument::Compact),
                                         world->adminToken);
    if (relay.status != 200)
        die(u"relay: HTTP %1 %2"_s.arg(relay.status).arg(QString::fromUtf8(relay.body)));

    // The replies, a few hundred to a thousand characters each.
    static const QStringList lines{
        u"Thank you for getting in touch, and sorry for the trouble."_s,
        u"I have looked at your order and can see what went wrong."_s,
        u"A replacement is on its way today; you will get the tracking number by mail."_s,
        u"There is no need to send the old one back."_s,
        u"If anything else comes up, just answer this mail and it lands with us again."_s,
        u"Ich habe die Rücksendung für Sie freigegeben, das Etikett liegt bei."_s,
    };
    const qsizetype batchSize = std::max<qint64>(1, options.number(u"batch"_s));
    QList<QByteArray> batches;
    QRandomGenerator random(1000 + run);
    for (qsizetype at = 0; at < tickets.size(); at += batchSize) {
        QJsonArray commands;
        for (qsizetype i = at; i < std::min(at + batchSize, tickets.size()); ++i) {
            QStringList body{u"Hello,"_s};
            for (int n = 3 + random.bounded(8); n > 0; --n)
                body.append(lines[random.bounded(int(lines.size()))]);
            commands.append(QJsonObject{{u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                        {u"type"_s, u"reply"_s},
                                        {u"ticket"_s, tickets[i]},
                                        {u"base_version"_s, version},
                                        {u"body"_s, body.join(u' ')}});
        }
        batches.append(QJsonDocument(QJsonObject{{u"commands"_s, commands}}).toJson(QJsonDocument::Compact));
    }

    const QString directory = discard ? QString() : sink.directory();
    // The sink names its files 000001.eml, 000002.eml ... as they come:
    // look for the next one rather than list the directory every time.
    qsizetype sinkCount = 0;
    auto acceptedSoFar = [&]() {
        if (discard)
            return discardRelay.count();
        while (QFile::exists(u"%1/%2.eml"_s.arg(directory).arg(sinkCount + 1, 6, 10, QLatin1Char('0'))))
            ++sinkCount;
        return sinkCount;
    };
    const double perSecond = options.text(u"reply-rate"_s).toDouble();
    QHash<qint64, qint64> storedUs; // reply's message row → when its batch was answered
    qsizetype nextBatch = 0, answeredBatches = 0, rejected = 0;
    QString firstRejection;
    qint64 postsDoneUs = 0;
    qsizetype received = 0;
    qint64 lastProgressNs = clockNs();
    QEventLoop loop;
    bool finished = false;

    const double serverCpuBefore = server.cpuSeconds();
    const double sinkCpuBefore = discard ? 0 : treeCpuSeconds(sink.pid());
    const qint64 startUs = wallUs();
    QElapsedTimer paced;
    paced.start();
    std::function<void(HttpConnection *)> sendNext = [&](HttpConnection *connection) {
        if (nextBatch >= batches.size())
            return;
        if (perSecond > 0) {
            // Paced: batch n goes out no earlier than n * batch / rate seconds in.
            const qint64 due = qint64(double(nextBatch * batchSize) * 1000.0 / perSecond) - paced.elapsed();
            if (due > 0) {
                QTimer::singleShot(std::chrono::milliseconds(due), Qt::PreciseTimer, &loop,
                                   [&sendNext, connection]() { sendNext(connection); });
                return;
            }
        }
        connection->request("POST", "/api/v1/commands", batches[nextBatch++], world->agentToken,
                            [&, connection](HttpResponse &&response) {
                                const qint64 now = wallUs();
                                ++answeredBatches;
                                const QJsonArray results = response.json().value(u"results"_s).toArray();
                                if (response.status != 200 || results.isEmpty()) {
                                    rejected += batchSize;
                                    if (firstRejection.isEmpty())
                                        firstRejection = u"HTTP %1 %2 %3"_s.arg(response.status)
                                                             .arg(QString::fromUtf8(response.body.left(300)), response.error);
                                }
                                for (const QJsonValue &value : results) {
                                    const QJsonObject result = value.toObject();
                                    if (result.value(u"outcome"_s).toString() != u"applied") {
                                        ++rejected;
                                        if (firstRejection.isEmpty())
                                            firstRejection = QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Compact));
                                        continue;
                                    }
                                    storedUs.insert(result.value(u"message"_s).toInteger(), now);
                                }
                                if (answeredBatches == batches.size())
                                    postsDoneUs = now;
                                sendNext(connection);
                            });
    };
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &loop, [&]() {
        const qsizetype count = acceptedSoFar();
        if (count != received)
            lastProgressNs = clockNs();
        received = count;
        if (answeredBatches == batches.size() && received >= storedUs.size()) {
            finished = true;
            loop.quit();
        } else if (clockNs() - lastProgressNs > 30'000'000'000LL) {
            loop.quit(); // stalled
        }
    });
    for (HttpConnection *connection : std::as_const(connections))
        sendNext(connection);
    watch.start(20);
    loop.exec();
    watch.stop();
    const double serverCpu = server.cpuSeconds() - serverCpuBefore;
    const double sinkCpu = discard ? 0 : treeCpuSeconds(sink.pid()) - sinkCpuBefore;
    if (rejected > 0)
        die(u"%1 reply commands were not applied; the first: %2"_s.arg(rejected).arg(firstRejection));
    if (!finished)
        die(u"outbound stalled: the relay has %1 of %2 replies\n%3\n%4"_s.arg(received).arg(storedUs.size())
                .arg(server.errorOutput().right(2000), sink.log().right(2000)));

    // Each accepted message, by its reply's row (in the Message-ID the server
    // gave it, signpost.<ticket>.<row>.<random>@domain).
    OutboundResult result;
    const QList<std::pair<qint64, qint64>> accepted = discard ? discardRelay.accepted() : sinkAccepted(directory, result);
    QList<double> latencies;
    qint64 lastAcceptedUs = 0;
    qsizetype whilePosting = 0;
    QSet<qint64> seen;
    for (const auto &[row, acceptedUs] : accepted) {
        if (!storedUs.contains(row) || seen.contains(row))
            die(u"a message that is no reply of this run, or a second copy (row %1)"_s.arg(row));
        seen.insert(row);
        latencies.append(double(acceptedUs - storedUs.value(row)) / 1e3);
        lastAcceptedUs = std::max(lastAcceptedUs, acceptedUs);
        whilePosting += acceptedUs <= postsDoneUs ? 1 : 0;
    }

    // As the server saw it: each reply's delivery.
    QList<double> serverLatencies;
    QHash<QString, qsizetype> states;
    qsizetype retried = 0, asked = 0, answered = 0;
    QEventLoop deliveryLoop;
    std::function<void(HttpConnection *)> askNext = [&](HttpConnection *connection) {
        if (asked >= tickets.size())
            return;
        const qint64 ticket = tickets[asked++];
        connection->request("GET", u"/api/v1/tickets/%1/mail"_s.arg(ticket).toUtf8(), {}, world->agentToken,
                            [&, connection](HttpResponse &&response) {
                                const QJsonObject deliveries = response.json().value(u"deliveries"_s).toObject();
                                for (auto it = deliveries.constBegin(); it != deliveries.constEnd(); ++it) {
                                    const QJsonObject delivery = it.value().toObject();
                                    states[delivery.value(u"state"_s).toString()] += 1;
                                    if (delivery.value(u"attempts"_s).toInt() > 1)
                                        ++retried;
                                    const qint64 row = it.key().toLongLong();
                                    if (delivery.value(u"state"_s).toString() == u"sent" && storedUs.contains(row))
                                        serverLatencies.append(double(delivery.value(u"updated_at"_s).toInteger() * 1000
                                                                      - storedUs.value(row))
                                                               / 1e3);
                                }
                                if (++answered == tickets.size())
                                    deliveryLoop.quit();
                                else
                                    askNext(connection);
                            });
    };
    for (HttpConnection *connection : std::as_const(connections))
        askNext(connection);
    if (answered < tickets.size())
        deliveryLoop.exec();
    qDeleteAll(connections);

    const double seconds = double(lastAcceptedUs - startUs) / 1e6;
    result.perSecond = double(replies) / seconds;
    result.postSeconds = double(postsDoneUs - startUs) / 1e6;
    result.acceptedWhilePosting = double(whilePosting) / double(replies);
    result.drainPerSecond = lastAcceptedUs > postsDoneUs
                                ? double(replies - whilePosting) / (double(lastAcceptedUs - postsDoneUs) / 1e6)
                                : 0;
    result.p50 = percentile(latencies, 0.5);
    result.p95 = percentile(latencies, 0.95);
    result.max = percentile(latencies, 1.0);
    result.serverP50 = percentile(serverLatencies, 0.5);
    result.serverP95 = percentile(serverLatencies, 0.95);
    result.serverCpuMs = serverCpu / double(replies) * 1e3;
    result.serverShare = serverCpu / seconds;
    result.sinkCpuMs = sinkCpu / double(replies) * 1e3;
    result.sinkShare = sinkCpu / seconds;
    QStringList stateCounts;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        stateCounts.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    say(u"  out %1/%2: %3 replies accepted by the %4 in %5 s = %6 replies/s | commands answered after %7 s, %8% of the"
        " replies accepted by then, %9/s after | stored -> accepted p50 %10 ms, p95 %11 ms, max %12 ms (server's"
        " updated_at: p50 %13, p95 %14 ms) | server CPU %15 ms/reply (%16% of a core)%17 | deliveries: %18, %19 tried again"_s
            .arg(run + 1)
            .arg(runs)
            .arg(replies)
            .arg(discard ? u"discard relay"_s : u"sink"_s)
            .arg(seconds, 0, 'f', 2)
            .arg(result.perSecond, 0, 'f', 0)
            .arg(result.postSeconds, 0, 'f', 2)
            .arg(result.acceptedWhilePosting * 100, 0, 'f', 0)
            .arg(result.drainPerSecond, 0, 'f', 0)
            .arg(result.p50, 0, 'f', 0)
            .arg(result.p95, 0, 'f', 0)
            .arg(result.max, 0, 'f', 0)
            .arg(result.serverP50, 0, 'f', 0)
            .arg(result.serverP95, 0, 'f', 0)
            .arg(result.serverCpuMs, 0, 'f', 2)
            .arg(result.serverShare * 100, 0, 'f', 0)
            .arg(discard ? QString()
                         : u", sink %1 ms/reply (%2%)"_s.arg(result.sinkCpuMs, 0, 'f', 2).arg(result.sinkShare * 100, 0, 'f', 0))
            .arg(stateCounts.join(u", "_s))
            .arg(retried));
    if (!server.stop())
        die(u"the server did not stop cleanly"_s);
    return result;
}

// ---------------------------------------------------------------------------
// The sink alone, fed by the server's own sending code from T threads.

struct SinkResult
{
    double perSecond = 0;
    double p50 = 0;        // one send, ms
    double sinkCpuMs = 0;  // per message
    double sinkShare = 0;
};

SinkResult measureSink(qsizetype count, int threads, const OutboundResult &template_)
{
    SmtpSink sink;
    if (!sink.start())
        die(u"the SMTP sink did not start: "_s + sink.log());
    MailEndpoint relay;
    relay.host = u"127.0.0.1"_s;
    relay.port = sink.port();
    relay.security = MailEndpoint::Security::None;
    SmtpSender::initialise();

    std::atomic<qsizetype> next = 0;
    std::atomic<int> failed = 0, running = threads;
    std::mutex mutex;
    QString firstFailure;
    QList<double> sendMs;
    std::vector<std::thread> workers;
    const double sinkCpuBefore = treeCpuSeconds(sink.pid());
    const qint64 startNs = clockNs();
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&]() {
            QList<double> mine;
            while (next++ < count) {
                const qint64 begin = clockNs();
                const SmtpSender::Result sent = SmtpSender::send(relay, template_.sampleFrom, template_.sampleTo,
                                                                 template_.sample);
                mine.append(double(clockNs() - begin) / 1e6);
                if (sent.outcome != SmtpSender::Result::Outcome::Sent) {
                    ++failed;
                    std::lock_guard lock(mutex);
                    if (firstFailure.isEmpty())
                        firstFailure = sent.answer;
                }
            }
            std::lock_guard lock(mutex);
            sendMs.append(mine);
            --running;
        });
    }
    // The event loop runs meanwhile: the sink's log is read, so it never blocks writing it.
    while (running > 0)
        pause(10);
    const qint64 doneNs = clockNs();
    for (std::thread &worker : workers)
        worker.join();
    const double sinkCpu = treeCpuSeconds(sink.pid()) - sinkCpuBefore;
    if (failed > 0)
        die(u"the sink refused %1 messages: %2"_s.arg(failed.load()).arg(firstFailure));
    if (sinkFiles(sink.directory()).size() != count)
        die(u"the sink kept %1 of %2 messages"_s.arg(sinkFiles(sink.directory()).size()).arg(count));
    const double seconds = double(doneNs - startNs) / 1e9;
    SinkResult result;
    result.perSecond = double(count) / seconds;
    result.p50 = percentile(sendMs, 0.5);
    result.sinkCpuMs = sinkCpu / double(count) * 1e3;
    result.sinkShare = sinkCpu / seconds;
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options(app.arguments(),
                          {{u"messages"_s, u"3000"_s},
                           {u"attachments"_s, u"0.1"_s},
                           {u"deliverers"_s, u"4"_s},
                           {u"replies"_s, u"2000"_s},
                           {u"batch"_s, u"50"_s},
                           {u"requests"_s, u"4"_s},
                           {u"reply-rate"_s, u"0"_s},
                           {u"relay"_s, u"sink"_s},
                           {u"sink-messages"_s, QString()},
                           {u"sink-threads"_s, u"4"_s},
                           {u"runs"_s, u"3"_s},
                           {u"server"_s, ServerProcess::defaultBinary()}},
                          Usage);
    const qsizetype messages = options.number(u"messages"_s);
    const qsizetype replies = options.number(u"replies"_s);
    const qsizetype sinkMessages = options.text(u"sink-messages"_s).isEmpty() ? replies : options.number(u"sink-messages"_s);
    const int runs = int(options.number(u"runs"_s));
    bool shareOk = false;
    const double attachmentShare = options.text(u"attachments"_s).toDouble(&shareOk);
    if (!shareOk || attachmentShare < 0 || attachmentShare > 1)
        die(u"--attachments is a share from 0 to 1"_s);

    say(u"command: %1"_s.arg(commandLine(app.arguments())));
    say(u"bench_mail: %1 messages in, %2 replies out, %3 runs each; server %4; nproc %5; load average %6"_s
            .arg(messages)
            .arg(replies)
            .arg(runs)
            .arg(options.text(u"server"_s))
            .arg(::sysconf(_SC_NPROCESSORS_ONLN))
            .arg(loadAverage()));

    QList<double> inRates, inCpu, inShare, inDovecot;
    if (messages > 0) {
        Dovecot dovecot;
        if (!dovecot.addUser(QString::fromLatin1(MailboxUser), QString::fromLatin1(MailboxPassword)) || !dovecot.start())
            die(u"Dovecot did not start:\n"_s + dovecot.log());
        // Put in place before any clock runs: dovecot-lda is a process per message.
        const int deliverers = int(std::max<qint64>(1, options.number(u"deliverers"_s)));
        std::atomic<qsizetype> next = 0, bytes = 0, attachments = 0, done = 0;
        std::atomic<int> failed = 0, running = deliverers;
        std::vector<std::thread> workers;
        const qint64 startNs = clockNs();
        for (int t = 0; t < deliverers; ++t) {
            workers.emplace_back([&]() {
                for (qsizetype i; (i = next++) < messages;) {
                    const MailShape mail = customerMail(i, attachmentShare, 42);
                    bytes += mail.raw.size();
                    attachments += mail.attachment ? 1 : 0;
                    if (!dovecot.deliver(QString::fromLatin1(MailboxUser), mail.raw))
                        ++failed;
                    ++done;
                }
                --running;
            });
        }
        qsizetype reported = 0;
        while (running > 0) {
            pause(100);
            if (done - reported >= 1000) {
                reported = done;
                say(u"  delivered %1 of %2 into Dovecot ..."_s.arg(reported).arg(messages));
            }
        }
        for (std::thread &worker : workers)
            worker.join();
        if (failed > 0)
            die(u"dovecot-lda failed for %1 messages:\n%2"_s.arg(failed.load()).arg(dovecot.log().right(3000)));
        const double seconds = double(clockNs() - startNs) / 1e9;
        say(u"inbound: %1 mails (%2 with a 200 KB attachment), %3 MB, %4 KB on average, put in Dovecot by"
            " dovecot-lda in %5 s (%6 at once; not measured)"_s.arg(messages)
                .arg(attachments.load())
                .arg(double(bytes) / 1e6, 0, 'f', 1)
                .arg(double(bytes) / double(messages) / 1024, 0, 'f', 1)
                .arg(seconds, 0, 'f', 1)
                .arg(deliverers));
        for (int run = 0; run < runs; ++run) {
            const InboundResult result = measureInbound(options, dovecot, messages, run, runs);
            inRates.append(result.perSecond);
            inCpu.append(result.serverCpuMs);
            inShare.append(result.serverShare * 100);
            inDovecot.append(result.dovecotCpuMs);
        }
    }

    QList<double> outRates, outPost, outWhilePosting, outDrain, outP50, outP95, outMax, outServerP50, outServerP95,
        outCpu, outShare, outSinkCpu, outSinkShare;
    const bool discard = options.text(u"relay"_s) == u"discard";
    if (!discard && options.text(u"relay"_s) != u"sink")
        die(u"--relay is sink or discard"_s);
    OutboundResult last;
    if (replies > 0) {
        const double rate = options.text(u"reply-rate"_s).toDouble();
        say(u"outbound: %1 replies in batches of %2, %3 requests at once, %4, to the %5"_s.arg(replies)
                .arg(options.number(u"batch"_s))
                .arg(options.number(u"requests"_s))
                .arg(rate > 0 ? u"paced at %1 replies/s"_s.arg(rate) : u"all at once"_s,
                     discard ? u"discard relay in this process"_s : u"SMTP sink (aiosmtpd)"_s));
        for (int run = 0; run < runs; ++run) {
            last = measureOutbound(options, replies, run, runs);
            outRates.append(last.perSecond);
            outPost.append(last.postSeconds);
            outWhilePosting.append(last.acceptedWhilePosting * 100);
            outDrain.append(last.drainPerSecond);
            outP50.append(last.p50);
            outP95.append(last.p95);
            outMax.append(last.max);
            outServerP50.append(last.serverP50);
            outServerP95.append(last.serverP95);
            outCpu.append(last.serverCpuMs);
            outShare.append(last.serverShare * 100);
            outSinkCpu.append(last.sinkCpuMs);
            outSinkShare.append(last.sinkShare * 100);
        }
    }

    SinkResult sinkAlone;
    const int sinkThreads = int(std::max<qint64>(1, options.number(u"sink-threads"_s)));
    if (sinkMessages > 0 && !last.sample.isEmpty()) {
        sinkAlone = measureSink(sinkMessages, sinkThreads, last);
        say(u"sink alone: %1 of the server's replies (%2 bytes each) sent with its SmtpSender from %3 threads:"
            " %4 messages/s, one send p50 %5 ms | sink CPU %6 ms/message (%7% of a core)"_s.arg(sinkMessages)
                .arg(last.sample.size())
                .arg(sinkThreads)
                .arg(sinkAlone.perSecond, 0, 'f', 0)
                .arg(sinkAlone.p50, 0, 'f', 1)
                .arg(sinkAlone.sinkCpuMs, 0, 'f', 2)
                .arg(sinkAlone.sinkShare * 100, 0, 'f', 0));
    }

    say(u"summary (nproc %1; load average now %2):"_s.arg(::sysconf(_SC_NPROCESSORS_ONLN)).arg(loadAverage()));
    if (!inRates.isEmpty())
        say(u"  inbound:  %1 messages/s (target 300) | server CPU %2 ms/message, %3% of a core | Dovecot %4 ms/message"_s
                .arg(formatSummary(summarize(inRates)), formatSummary(summarize(inCpu), 2))
                .arg(summarize(inShare).median, 0, 'f', 0)
                .arg(summarize(inDovecot).median, 0, 'f', 2));
    if (!outRates.isEmpty()) {
        say(u"  outbound: %1 replies/s (target 200) | commands answered after %2 s, %3% accepted by then, %4/s after"
            " | server CPU %5 ms/reply, %6% of a core%7"_s.arg(formatSummary(summarize(outRates)))
                .arg(summarize(outPost).median, 0, 'f', 2)
                .arg(summarize(outWhilePosting).median, 0, 'f', 0)
                .arg(summarize(outDrain).median, 0, 'f', 0)
                .arg(formatSummary(summarize(outCpu), 2))
                .arg(summarize(outShare).median, 0, 'f', 0)
                .arg(discard ? QString()
                             : u" | sink %1 ms/reply, %2% of a core"_s.arg(summarize(outSinkCpu).median, 0, 'f', 2)
                                   .arg(summarize(outSinkShare).median, 0, 'f', 0)));
        say(u"  outbound: stored -> accepted p50 %1 ms (target < 1000), p95 %2 ms, max %3 ms;"
            " by the server's updated_at p50 %4 ms, p95 %5 ms"_s.arg(formatSummary(summarize(outP50)))
                .arg(formatSummary(summarize(outP95)), formatSummary(summarize(outMax)))
                .arg(summarize(outServerP50).median, 0, 'f', 0)
                .arg(summarize(outServerP95).median, 0, 'f', 0));
    }
    if (sinkAlone.perSecond > 0)
        say(u"  sink alone: %1 messages/s from %2 threads"_s.arg(sinkAlone.perSecond, 0, 'f', 0).arg(sinkThreads));
    return 0;
}
