#pragma once

#include "core/expected.h"
#include "server/channels/email/mailcomposer.h"
#include "server/channels/email/mailstore.h"
#include "server/channels/email/smtpsender.h"
#include "server/services/attachmentstore.h"
#include "server/http/ratelimiter.h"
#include "server/services/ticketstore.h"

#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

namespace Signpost {

class Database;
class DepartmentStore;
class ImapClient;

// Email in and out, per department. Mail fetched from the mailboxes (or
// handed over by a local MTA) becomes a ticket, or lands on the ticket it
// answers; an agent's reply is queued as a mail from the department in the
// reply's own transaction and handed to the relay by workers, so neither
// the network nor a slow relay ever holds up the event loop.
class EmailChannel : public QObject
{
    Q_OBJECT
public:
    // Without a relay and with `dropDirectory`, outgoing mail is written
    // there as .eml files instead (a pickup directory: demos, trying out).
    EmailChannel(Database &db, TicketStore &tickets, DepartmentStore &departments, QByteArray key,
                 QString dropDirectory = {}, QObject *parent = nullptr);
    ~EmailChannel() override;

    MailStore &store() { return m_store; }
    // Starts fetching and sending; replies interrupted by a crash are sent again.
    void start();

    // What became of one received message.
    struct Taken
    {
        enum class Outcome { NewTicket, AddedToTicket, Duplicate, Bounce, Ignored };
        Outcome outcome = Outcome::Ignored;
        qint64 ticketId = 0;
        QString reason;
        QJsonObject toJson() const;
    };
    // Takes in one message that arrived in `mailbox` (0: handed over by the
    // local MTA). Safe to call again with the same message.
    Expected<Taken> take(const Mailbox &mailbox, const QByteArray &raw);

    // Visits the mailbox now rather than at its next poll.
    void checkNow(qint64 mailboxId);
    // The address customers reply to on a ticket: plus-addressed, with a
    // token only this server can make.
    QString replyAddress(qint64 ticketId, const QString &fromAddress) const;

    // Where customers' ticket pages are ("https://help.example.com"), for
    // the link in acknowledgements.
    void setPublicUrl(const QString &url) { m_publicUrl = url; }

private:
    // The mail a department sends on a ticket, with the thread's headers;
    // none when mail is not set up or the department has no From address.
    // With `used` (an acknowledgement): the identity it goes out with, and
    // none, before the thread is read, when the department sends none.
    Expected<std::optional<OutgoingMail>> mailFrom(const Department &department, qint64 ticketId,
                                                   const Customer &customer, const QString &subject,
                                                   const QString &idPart, qint64 at, MailStore::Identity *used = nullptr);
    // Signs it, and writes it into the outbox in the caller's transaction.
    Status queue(OutgoingMail mail, const Department &department, qint64 ticketId, qint64 messageRow);
    Status queueReply(const TicketStore::StoredReply &reply);
    Status queueAcknowledgement(const TicketStore::StoredIntake &intake);
    void tick();
    // Whether this instance does the mail (Database::holdsDuties); the first
    // time it does, mail left half-sent is queued again.
    bool takeDuties();
    void visit(const Mailbox &mailbox);
    void watch(const QList<Mailbox> &boxes, qint64 now);
    void sendDue();
    void sent(const OutboxEntry &entry, const SmtpSender::Result &result);
    qint64 ticketByAddress(const QStringList &recipients) const;
    QByteArray ticketToken(qint64 ticketId) const;

    Database &m_db;
    TicketStore &m_tickets;
    DepartmentStore &m_departments;
    MailStore m_store;
    AttachmentStore m_attachments;
    QByteArray m_key;
    QString m_dropDirectory;
    QString m_publicUrl;
    QTimer m_timer;
    QHash<qint64, qint64> m_nextVisit; // mailbox → when (ms)
    QSet<qint64> m_visiting;
    QSet<qint64> m_visitAgain;
    struct Watcher
    {
        ImapClient *client = nullptr;
        QString settings; // what it was started with: new settings, a new watcher
    };
    QHash<qint64, Watcher> m_watchers;
    QHash<qint64, qint64> m_watchAgainAt;
    QList<qint64> m_sending;           // outbox entries with a worker
    QThreadPool m_senders;
    // New tickets per sender address: a sender writing many messages a
    // minute adds to their latest ticket instead of making a storm.
    RateLimiter m_perSender{6, 6};
    bool m_sendQueued = false;
    bool m_dutiesTaken = false;
};

} // namespace Signpost
