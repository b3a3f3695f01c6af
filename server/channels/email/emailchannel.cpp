#include "server/channels/email/emailchannel.h"

#include "server/channels/email/imapclient.h"
#include "server/channels/email/mailcomposer.h"
#include "server/channels/email/mailparser.h"
#include "server/storage/database.h"
#include "server/services/departmentstore.h"
#include "server/services/wording.h"
#include "server/logging.h"
#include "core/language.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QSaveFile>
#include <QFutureWatcher>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

constexpr int MessagesPerVisit = 100;
constexpr int SendersAtOnce = 4;
constexpr int MaxAttempts = 12;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The body a ticket keeps: within the intake's limit, saying so when cut.
QString ticketText(const InboundMail &mail)
{
    QString text = mail.text;
    if (text.trimmed().isEmpty())
        text = mail.attachments.isEmpty() ? u"(This message has no text.)"_s : u"(This message has only attachments.)"_s;
    const QString cut = u"\n\n[The rest of this message, %1 characters, is kept in the original mail.]"_s;
    if (text.size() > IntakeLimits::Message) {
        const qsizetype rest = text.size() - (IntakeLimits::Message - 100);
        text = text.left(IntakeLimits::Message - 100) + cut.arg(rest);
    }
    return text;
}

QString subjectOf(const InboundMail &mail)
{
    QString subject = mail.subject.simplified();
    if (subject.isEmpty())
        subject = u"(no subject)"_s;
    if (subject.size() > IntakeLimits::Subject)
        subject = subject.left(IntakeLimits::Subject - 1) + u'…';
    return subject;
}

QString replySubject(qint64 ticketId, QString subject)
{
    const QString token = u"[#%1]"_s.arg(ticketId);
    static const QRegularExpression prefixes(u"^((re|aw|sv|fwd?|vs)\\s*:\\s*)+"_s, QRegularExpression::CaseInsensitiveOption);
    subject.remove(prefixes);
    if (!subject.contains(token))
        subject += u' ' + token;
    return u"Re: "_s + subject;
}

// A pickup directory instead of a relay: one file per mail, written whole.
SmtpSender::Result dropInto(const QString &directory, const OutboxEntry &entry)
{
    SmtpSender::Result result;
    QSaveFile file(QDir(directory).filePath(u"%1-ticket-%2.eml"_s.arg(entry.id, 6, 10, QChar(u'0')).arg(entry.ticketId)));
    if (!QDir().mkpath(directory) || !file.open(QIODevice::WriteOnly) || file.write(entry.content) != entry.content.size()
        || !file.commit()) {
        result.answer = u"Cannot write to %1: %2"_s.arg(directory, file.errorString());
        return result;
    }
    result.outcome = SmtpSender::Result::Outcome::Sent;
    return result;
}

} // namespace

QJsonObject EmailChannel::Taken::toJson() const
{
    static const char *names[] = {"new_ticket", "added_to_ticket", "duplicate", "bounce", "ignored"};
    return {{u"outcome"_s, QString::fromLatin1(names[int(outcome)])},
            {u"ticket"_s, ticketId > 0 ? QJsonValue(ticketId) : QJsonValue()},
            {u"reason"_s, reason}};
}

EmailChannel::EmailChannel(Database &db, TicketStore &tickets, DepartmentStore &departments, QByteArray key,
                           QString dropDirectory, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_tickets(tickets)
    , m_departments(departments)
    , m_store(db, key)
    , m_attachments(db)
    , m_key(std::move(key))
    , m_dropDirectory(std::move(dropDirectory))
{
    MailParser::initialise();
    SmtpSender::initialise();
    m_senders.setMaxThreadCount(SendersAtOnce);
    m_tickets.setReplyHook([this](const TicketStore::StoredReply &reply) { return queueReply(reply); });
    m_tickets.setIntakeHook([this](const TicketStore::StoredIntake &intake) { return queueAcknowledgement(intake); });
    m_timer.setInterval(1'000);
    connect(&m_timer, &QTimer::timeout, this, &EmailChannel::tick);
}

EmailChannel::~EmailChannel()
{
    m_tickets.setReplyHook({});
    m_tickets.setIntakeHook({});
    m_senders.waitForDone();
}

void EmailChannel::start()
{
    m_timer.start();
    sendDue();
}

bool EmailChannel::takeDuties()
{
    if (!m_db.holdsDuties()) {
        m_dutiesTaken = false; // taken over meanwhile: taken again, afresh
        return false;
    }
    if (!m_dutiesTaken) {
        // What the last holder (this instance before a restart, or another
        // that died) left half-sent is sent again.
        m_dutiesTaken = true;
        if (Status requeued = m_store.requeueInterrupted(); !requeued)
            qCWarning(lcServer) << "Mail: the outbox could not be read:" << requeued.error().message;
    }
    return true;
}

QByteArray EmailChannel::ticketToken(qint64 ticketId) const
{
    return QMessageAuthenticationCode::hash("ticket:" + QByteArray::number(ticketId), m_key, QCryptographicHash::Sha256)
        .toHex()
        .left(8);
}

QString EmailChannel::replyAddress(qint64 ticketId, const QString &fromAddress) const
{
    const qsizetype at = fromAddress.indexOf(u'@');
    if (at <= 0)
        return fromAddress;
    const QString local = fromAddress.left(at).section(u'+', 0, 0);
    return u"%1+t%2-%3%4"_s.arg(local).arg(ticketId).arg(QString::fromLatin1(ticketToken(ticketId)), fromAddress.mid(at));
}

qint64 EmailChannel::ticketByAddress(const QStringList &recipients) const
{
    static const QRegularExpression token(u"\\+t(\\d+)-([0-9a-f]{8})@"_s);
    for (const QString &recipient : recipients) {
        const QRegularExpressionMatch match = token.match(recipient);
        if (!match.hasMatch())
            continue;
        const qint64 ticket = match.captured(1).toLongLong();
        if (match.captured(2).toLatin1() == ticketToken(ticket))
            return ticket;
    }
    return 0;
}

Expected<std::optional<OutgoingMail>> EmailChannel::mailFrom(const Department &department, qint64 ticketId,
                                                            const Customer &customer, const QString &subject,
                                                            const QString &idPart, qint64 at, MailStore::Identity *used)
{
    if (customer.email.isEmpty())
        return std::optional<OutgoingMail>();
    Expected<MailEndpoint> relay = m_store.relay();
    if (!relay)
        return relay.error();
    if (relay->host.isEmpty() && m_dropDirectory.isEmpty())
        return std::optional<OutgoingMail>(); // mail is not set up: the customer reads replies on their ticket page
    Expected<MailStore::Identity> identity = m_store.identity(department.id, customer.shopId);
    if (!identity)
        return identity.error();
    if (used && !identity->acknowledges())
        return std::optional<OutgoingMail>(); // asked for an acknowledgement the department does not send
    if (identity->address.isEmpty()) {
        qCWarning(lcServer) << "Mail: department" << department.name << "has no From address; nothing mailed";
        return std::optional<OutgoingMail>();
    }
    Expected<MailStore::Thread> thread = m_store.thread(ticketId);
    if (!thread)
        return thread.error();
    const QString random = QString::number(QRandomGenerator::system()->generate64() & 0xffffffffffULL, 36);
    OutgoingMail mail;
    mail.fromName = identity->senderName.isEmpty() ? department.senderName : identity->senderName;
    mail.fromAddress = identity->address;
    mail.replyTo = replyAddress(ticketId, identity->address);
    mail.toName = customer.name;
    mail.toAddress = customer.email;
    mail.subject = replySubject(ticketId, subject);
    mail.messageId = u"signpost.%1.%2.%3@%4"_s.arg(ticketId).arg(idPart, random, identity->address.section(u'@', 1));
    mail.inReplyTo = thread->lastReceived;
    mail.references = thread->ids;
    mail.dateMs = at;
    if (used)
        *used = *identity;
    return std::optional<OutgoingMail>(mail);
}

Status EmailChannel::queue(OutgoingMail mail, const Department &department, qint64 ticketId, qint64 messageRow)
{
    if (!department.signature.trimmed().isEmpty())
        mail.text += u"\n\n"_s + department.signature;
    const QByteArray content = MailComposer::compose(mail);
    if (Status recorded = m_store.recordMessage(ticketId, messageRow, true, 0, mail.messageId, mail.dateMs); !recorded)
        return recorded;
    if (Status queued = m_store.enqueue({0, messageRow, ticketId, mail.fromAddress, mail.toAddress, content, 0}, mail.dateMs);
        !queued)
        return queued;
    // After the change's commit: the event loop runs this once it is done.
    if (!std::exchange(m_sendQueued, true))
        QMetaObject::invokeMethod(this, [this]() {
            m_sendQueued = false;
            sendDue();
        }, Qt::QueuedConnection);
    return ok();
}

Status EmailChannel::queueReply(const TicketStore::StoredReply &reply)
{
    const Ticket &ticket = reply.ticket;
    Expected<std::optional<OutgoingMail>> mail = mailFrom(reply.department, ticket.id, ticket.customer, ticket.subject,
                                                          QString::number(reply.messageId), reply.at);
    if (!mail)
        return mail.error();
    if (!*mail)
        return ok();
    (*mail)->text = reply.body;
    for (const OutgoingFile &file : reply.attachments) {
        Expected<QByteArray> bytes = m_attachments.bytes(file.sha256);
        if (!bytes)
            return bytes.error();
        (*mail)->attachments.append({file.filename, file.contentType, std::move(*bytes)});
    }
    return queue(**mail, reply.department, ticket.id, reply.messageId);
}

Status EmailChannel::queueAcknowledgement(const TicketStore::StoredIntake &intake)
{
    // Never to machines, nor twice in an hour to one sender (a customer
    // writing three times in a row gets one).
    const QString email = intake.request.email.trimmed().toLower();
    const QString local = email.section(u'@', 0, 0);
    static const QRegularExpression machine(u"^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+.-]|$)"_s);
    if (email.isEmpty() || machine.match(local).hasMatch() || intake.request.automatic)
        return ok();
    Customer customer{intake.request.name.trimmed(), email, intake.request.shopId, {}};
    MailStore::Identity identity;
    Expected<std::optional<OutgoingMail>> mail = mailFrom(intake.department, intake.ticketId, customer,
                                                          intake.request.subject.trimmed(), u"ack"_s, intake.at, &identity);
    if (!mail)
        return mail.error();
    // In the customer's language, or else the text written for all, which
    // says no language of its own: its last line then comes in the shop's.
    const bool inTheirLanguage = identity.acknowledgements.contains(intake.request.language);
    QString text = inTheirLanguage ? identity.acknowledgements.value(intake.request.language) : identity.acknowledgement;
    if (!*mail || text.isEmpty())
        return ok();
    QString language = intake.request.language;
    if (!inTheirLanguage) {
        Expected<QStringList> offered = m_departments.languagesOf(intake.request.shopId);
        if (!offered)
            return offered.error();
        language = offered->value(0, u"en"_s);
    }
    Expected<bool> recently = m_store.acknowledgedSince(email, intake.at - 3'600'000);
    if (!recently)
        return recently.error();
    if (*recently)
        return ok();
    const QString link = m_publicUrl.isEmpty() ? QString() : m_publicUrl + u"/ticket/"_s + intake.secret;
    text.replace(u"{name}"_s, customer.name).replace(u"{ticket}"_s, QString::number(intake.ticketId));
    if (text.contains(u"{link}"_s))
        text.replace(u"{link}"_s, link);
    else if (!link.isEmpty())
        text += u"\n\n"_s + Wording::of(language)
                                 .translate("Signpost::Acknowledgement",
                                            "Your ticket number is %1. You can follow it and write to us here: %2")
                                 .arg(intake.ticketId)
                                 .arg(link);
    (*mail)->text = text;
    (*mail)->autoReplied = true;
    if (inTheirLanguage)
        (*mail)->language = Wording::of(language).code();
    return queue(**mail, intake.department, intake.ticketId, 0);
}

void EmailChannel::sendDue()
{
    // One instance sends and fetches (see Database::holdsDuties).
    if (!takeDuties())
        return;
    const int free = SendersAtOnce * 4 - int(m_sending.size());
    if (free <= 0)
        return;
    Expected<MailEndpoint> relay = m_store.relay();
    if (!relay || (relay->host.isEmpty() && m_dropDirectory.isEmpty()))
        return;
    Expected<QList<OutboxEntry>> due = m_store.takeDue(nowMs(), free, m_sending);
    if (!due) {
        qCWarning(lcServer) << "Mail: the outbox could not be read:" << due.error().message;
        return;
    }
    for (const OutboxEntry &entry : *due) {
        m_sending.append(entry.id);
        QtConcurrent::run(&m_senders, [relay = *relay, entry, drop = m_dropDirectory]() {
            return relay.host.isEmpty() ? dropInto(drop, entry)
                                        : SmtpSender::send(relay, entry.envelopeFrom, entry.recipient, entry.content);
        }).then(this, [this, entry](const SmtpSender::Result &result) { sent(entry, result); });
    }
}

void EmailChannel::sent(const OutboxEntry &entry, const SmtpSender::Result &result)
{
    m_sending.removeOne(entry.id);
    const qint64 at = nowMs();
    // What the outbox entry becomes (and, for the history, what is said of
    // it: the first delay only, not every retry).
    QString outbox = u"failed"_s;
    QString told = u"failed"_s;
    qint64 nextAttempt = 0;
    if (result.outcome == SmtpSender::Result::Outcome::Sent) {
        outbox = told = u"sent"_s;
    } else if (result.outcome == SmtpSender::Result::Outcome::Temporary && entry.attempts < MaxAttempts) {
        // 2 s, 4 s, 8 s … up to an hour between attempts.
        outbox = u"queued"_s;
        told = entry.attempts == 1 ? u"retrying"_s : QString();
        nextAttempt = at + std::min<qint64>(3'600'000, 1'000LL << std::min(entry.attempts, 22));
    } else if (result.outcome == SmtpSender::Result::Outcome::Permanent) {
        qCWarning(lcServer) << "Mail: the relay refused reply" << entry.messageId << "for good:" << result.answer;
    }
    auto record = [&]() { return m_store.recordOutcome(entry.id, at, outbox, result.answer, nextAttempt); };
    // The new state and the ticket's history of it, together.
    const Status recorded = told.isEmpty() || entry.messageId == 0
                                ? record()
                                : m_tickets.addSystemEvent(entry.ticketId, QString::fromUtf16(EventKind::MailDelivery),
                                                           {{u"message"_s, entry.messageId},
                                                            {u"state"_s, told},
                                                            {u"to"_s, entry.recipient},
                                                            {u"answer"_s, result.answer}},
                                                           record);
    if (!recorded)
        qCWarning(lcServer) << "Mail: the result of sending reply" << entry.messageId
                            << "could not be recorded:" << recorded.error().message;
    sendDue();
}

void EmailChannel::tick()
{
    if (!takeDuties())
        return;
    sendDue();
    Expected<QList<Mailbox>> boxes = m_store.mailboxes();
    if (!boxes)
        return;
    const qint64 now = nowMs();
    watch(*boxes, now);
    for (const Mailbox &box : *boxes) {
        if (!box.enabled || m_visiting.contains(box.id))
            continue;
        if (m_nextVisit.value(box.id, 0) > now)
            continue;
        m_nextVisit.insert(box.id, now + box.pollSeconds * 1000LL);
        visit(box);
    }
}

void EmailChannel::watch(const QList<Mailbox> &boxes, qint64 now)
{
    // One watcher in IDLE per enabled mailbox, on its current settings; new
    // mail it hears of is fetched at once. Polling goes on beside it, for
    // servers without IDLE and as a safety net.
    QHash<qint64, QString> wanted;
    for (const Mailbox &box : boxes) {
        if (box.enabled)
            wanted.insert(box.id, u"%1|%2|%3|%4|%5|%6"_s.arg(box.server.host).arg(box.server.port)
                                      .arg(toString(box.server.security), box.server.username, box.server.password,
                                           box.folder));
    }
    for (auto it = m_watchers.begin(); it != m_watchers.end();) {
        if (wanted.value(it.key()) != it->settings) {
            it->client->deleteLater();
            it = m_watchers.erase(it);
        } else {
            ++it;
        }
    }
    for (const Mailbox &box : boxes) {
        if (!wanted.contains(box.id) || m_watchers.contains(box.id) || m_watchAgainAt.value(box.id) > now)
            continue;
        auto *client = new ImapClient(this);
        const qint64 id = box.id;
        m_watchers.insert(id, {client, wanted.value(id)});
        client->watch(box.server, box.folder, [this, id]() { checkNow(id); }, [this, id, client](const QString &error) {
            // Tried again in a minute; a server without IDLE, in an hour.
            m_watchAgainAt.insert(id, nowMs() + (error == QLatin1String(ImapClient::NoIdle) ? 3'600'000 : 60'000));
            if (const auto it = m_watchers.constFind(id); it != m_watchers.cend() && it->client == client)
                m_watchers.remove(id);
            client->deleteLater();
        });
    }
}

void EmailChannel::checkNow(qint64 mailboxId)
{
    // A visit under way may have searched before the new mail came: one
    // more after it.
    if (m_visiting.contains(mailboxId))
        m_visitAgain.insert(mailboxId);
    m_nextVisit.remove(mailboxId);
    QMetaObject::invokeMethod(this, &EmailChannel::tick, Qt::QueuedConnection);
}

void EmailChannel::visit(const Mailbox &mailbox)
{
    m_visiting.insert(mailbox.id);
    auto *client = new ImapClient(this);
    const qint64 id = mailbox.id;
    auto finish = [this, client, id](const QString &error, int fetched, int limited) {
        if (!error.isEmpty())
            qCWarning(lcServer) << "Mail: mailbox" << id << error;
        (void)m_store.recordCheck(id, nowMs(), error, fetched, limited);
        m_visiting.remove(id);
        client->deleteLater();
        // A full batch: more is waiting, so the next visit is now; so too
        // when new mail was heard of meanwhile.
        if (m_visitAgain.remove(id) || (error.isEmpty() && fetched >= MessagesPerVisit))
            checkNow(id);
    };
    client->fetchUnseen(mailbox.server, mailbox.folder, MessagesPerVisit,
                        [this, client, mailbox, finish](const QList<ImapClient::Fetched> &messages, const QString &error) {
                            if (!error.isEmpty()) {
                                finish(error, 0, 0);
                                return;
                            }
                            // Seen on the mail server only once its ticket is committed.
                            QList<qint64> stored;
                            int limited = 0;
                            QString problem;
                            for (const ImapClient::Fetched &message : messages) {
                                Expected<Taken> taken = take(mailbox, message.raw);
                                if (!taken) {
                                    problem = taken.error().message;
                                    continue;
                                }
                                stored.append(message.uid);
                                if (taken->reason.startsWith(u"Over the sender's limit"))
                                    ++limited;
                            }
                            const int fetched = int(stored.size());
                            client->markSeenAndClose(stored, [finish, problem, fetched, limited](const QString &error) {
                                finish(error.isEmpty() ? problem : error, fetched, limited);
                            });
                        });
}

Expected<EmailChannel::Taken> EmailChannel::take(const Mailbox &mailbox, const QByteArray &raw)
{
    const InboundMail mail = MailParser::parse(raw);
    Taken taken;
    if (mail.unreadable) {
        taken.reason = u"Not a mail message."_s;
        return taken;
    }
    const QString key = mail.messageId.isEmpty()
                            ? u"sha256:"_s + QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex())
                            : mail.messageId;
    Expected<bool> seen = m_store.received(mailbox.id, key);
    if (!seen)
        return seen.error();
    if (*seen) {
        taken.outcome = Taken::Outcome::Duplicate;
        taken.reason = u"Taken in before."_s;
        return taken;
    }
    const qint64 at = nowMs();
    // The files first (outside the transaction, by content: kept once),
    // within the limits; what is over them stays in the mailbox, and the
    // message says so.
    // The limits of the mailbox's department (the defaults for a mailbox
    // routed by address and rules: the department is not known yet).
    Department limits;
    if (mailbox.departmentId > 0) {
        if (Expected<Department> department = m_departments.department(mailbox.departmentId))
            limits = *department;
    }
    QList<AttachmentStore::File> files;
    qint64 total = 0;
    QStringList left;
    for (const MailAttachment &attachment : mail.attachments) {
        const qint64 size = attachment.data.size();
        if (size > limits.maxFileBytes || total + size > limits.maxMessageBytes) {
            left.append(u"%1 (%2 MB)"_s.arg(attachment.filename.isEmpty() ? u"attachment"_s : attachment.filename)
                            .arg(double(size) / (1024 * 1024), 0, 'f', 1));
            continue;
        }
        if (Status kept = m_attachments.keep(attachment.data); !kept)
            return kept.error();
        total += size;
        files.append({attachment.filename, attachment.contentType, attachment.isInline, attachment.data});
    }
    QString text = ticketText(mail);
    if (!left.isEmpty())
        text += u"\n\n[Over the size limit, kept only in the mailbox: %1]"_s.arg(left.join(u", "_s));
    auto remember = [&](qint64 ticket, qint64 message) -> Status {
        for (const AttachmentStore::File &file : std::as_const(files)) {
            if (Status recorded = m_attachments.record(ticket, message, file, at); !recorded)
                return recorded;
        }
        return m_store.recordMessage(ticket, 0, false, mailbox.id, key, at);
    };

    // A bounce of one of our replies: the reply is marked as bounced, and
    // the ticket's history says so with the reporting server's words (the
    // report itself is no message of the customer's). One change.
    if (mail.bounce && !mail.bouncedMessageId.isEmpty()) {
        Expected<std::optional<std::pair<qint64, qint64>>> bounced = m_store.outboxOf(mail.bouncedMessageId);
        if (!bounced)
            return bounced.error();
        Expected<qint64> ticket = m_store.ticketOf({mail.bouncedMessageId});
        if (!ticket)
            return ticket.error();
        if (*bounced && *ticket > 0) {
            const auto [entry, reply] = **bounced;
            const QString answer = u"%1 %2"_s.arg(mail.bounceStatus, mail.bounceDiagnostic).trimmed();
            const Status told = m_tickets.addSystemEvent(
                *ticket, QString::fromUtf16(EventKind::MailDelivery),
                {{u"message"_s, reply}, {u"state"_s, u"bounced"_s}, {u"to"_s, mail.bounceRecipient}, {u"answer"_s, answer}},
                [&]() -> Status {
                    if (Status marked = m_store.recordOutcome(entry, at, u"bounced"_s, answer); !marked)
                        return marked;
                    return m_store.recordMessage(*ticket, 0, false, mailbox.id, key, at);
                });
            if (!told)
                return told.error();
            return Taken{Taken::Outcome::Bounce, *ticket,
                         u"The reply could not be delivered to %1: %2"_s.arg(mail.bounceRecipient, answer)};
        }
    }

    // Threading: the Message-IDs it answers, then the ticket's own reply
    // address, then the ticket number in the subject when the sender is
    // the ticket's customer (anyone can type a number).
    QStringList answered = mail.references;
    if (!mail.inReplyTo.isEmpty())
        answered.append(mail.inReplyTo);
    Expected<qint64> ticket = m_store.ticketOf(answered);
    if (!ticket)
        return ticket.error();
    QString how = u"Answers a message of the ticket"_s;
    if (*ticket == 0) {
        *ticket = ticketByAddress(mail.recipients);
        how = u"Sent to the ticket's reply address"_s;
    }
    if (*ticket == 0) {
        static const QRegularExpression number(u"\\[#(\\d+)\\]"_s);
        if (const QRegularExpressionMatch match = number.match(mail.subject); match.hasMatch()) {
            Expected<Ticket> named = m_tickets.ticket(match.captured(1).toLongLong(), false);
            if (named && named->customer.email.compare(mail.fromAddress, Qt::CaseInsensitive) == 0) {
                *ticket = named->id;
                how = u"The ticket number in the subject, from its customer"_s;
            }
        }
    }
    if (*ticket == 0 && !m_perSender.allow(mail.fromAddress, at)) {
        QSqlQuery &latest = m_db.prepared(u"SELECT id FROM tickets WHERE customer_email = ? ORDER BY id DESC LIMIT 1"_s);
        latest.addBindValue(mail.fromAddress);
        if (latest.exec() && latest.next())
            *ticket = latest.value(0).toLongLong();
        latest.finish();
        how = u"Over the sender's limit of new tickets: added to their latest"_s;
    }
    if (*ticket > 0) {
        Expected<qint64> added = m_tickets.customerMessage(*ticket, text, mail.automatic, remember);
        if (!added)
            return added.error();
        taken.outcome = Taken::Outcome::AddedToTicket;
        taken.ticketId = *ticket;
        taken.reason = mail.automatic ? how + u" (automatic: "_s + mail.automaticReason + u')' : how;
        return taken;
    }
    // Machine mail that answers no ticket (a newsletter, an auto-reply to
    // someone else, backscatter) makes none; it stays in the mailbox.
    if (mail.automatic) {
        taken.reason = mail.bounce ? u"A delivery report about no reply of ours."_s
                                   : u"Automatic mail (%1) that answers no ticket."_s.arg(mail.automaticReason);
        return taken;
    }

    IntakeRequest request;
    request.shopId = mailbox.shopId;
    request.channel = Channel::Email;
    request.automatic = mail.automatic;
    request.email = mail.fromAddress;
    request.name = (mail.fromName.isEmpty() ? mail.fromAddress.section(u'@', 0, 0) : mail.fromName).left(IntakeLimits::Name);
    request.subject = subjectOf(mail);
    request.message = text;
    // The language the sender's program named, if the shop speaks it; else
    // the shop's own.
    Expected<QStringList> offered = m_departments.languagesOf(mailbox.shopId);
    if (!offered)
        return offered.error();
    const QString named = languageCode(mail.contentLanguage);
    request.language = offered->contains(named) ? named : offered->value(0, u"en"_s);
    // The department address it was sent to (plus-tags aside), else the
    // mailbox's department, else the rules and the default department.
    Expected<QList<Department>> departments = m_departments.departments();
    if (!departments)
        return departments.error();
    for (const QString &recipient : mail.recipients) {
        const QString plain = recipient.section(u'@', 0, 0).section(u'+', 0, 0) + u'@' + recipient.section(u'@', 1);
        for (const Department &department : *departments) {
            if (request.toAddress.isEmpty() && !department.archived
                && department.addresses.contains(plain, Qt::CaseInsensitive))
                request.toAddress = plain;
        }
    }
    if (request.toAddress.isEmpty() && mailbox.departmentId > 0) {
        for (const Department &department : *departments) {
            if (department.id == mailbox.departmentId && !department.addresses.isEmpty())
                request.toAddress = department.addresses.first();
        }
    }
    // Said to admins, in English.
    IntakeRequest checked = request;
    checked.language = u"en"_s;
    if (const QList<Error> problems = checked.validate(); !problems.isEmpty()) {
        taken.reason = u"Not taken in: "_s + problems.first().message;
        return taken;
    }
    Expected<IntakeResult> made = m_tickets.intake(request, [&](const IntakeResult &result) {
        return remember(result.ticketId, result.messageId);
    });
    if (!made)
        return made.error();
    taken.outcome = Taken::Outcome::NewTicket;
    taken.ticketId = made->ticketId;
    taken.reason = made->routing.detail;
    return taken;
}

} // namespace Signpost
