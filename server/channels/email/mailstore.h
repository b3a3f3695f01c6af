#pragma once

#include "core/expected.h"
#include "server/channels/email/smtpsender.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Signpost {

class Database;

// A mailbox a department's mail arrives in, fetched over IMAP.
struct Mailbox
{
    qint64 id = 0;
    QString name;
    qint64 departmentId = 0; // 0: routed by address and rules alone
    qint64 shopId = 0;
    MailEndpoint server;
    QString folder = QStringLiteral("INBOX");
    int pollSeconds = 60;
    bool enabled = true;
    qint64 checkedAt = 0;
    QString lastError;
    qint64 fetched = 0;  // messages taken in so far
    qint64 limited = 0;  // of them, added to an earlier ticket by the per-sender limit

    QJsonObject toJson() const; // never the password
};

// A reply waiting for the relay, as stored with the reply.
struct OutboxEntry
{
    qint64 id = 0;
    qint64 messageId = 0; // the reply's row in the thread
    qint64 ticketId = 0;
    QString envelopeFrom;
    QString recipient;
    QByteArray content;
    int attempts = 0;
};

// The email channel's part of the store: the relay, the mailboxes, which
// Message-IDs belong to which ticket, and the outbox. Passwords are sealed
// with the server's mail key, never stored or answered in the clear.
class MailStore
{
public:
    MailStore(Database &db, QByteArray key) : m_db(db), m_key(std::move(key)) {}

    // The relay; an empty host means mail is not sent.
    Expected<MailEndpoint> relay();
    Expected<QJsonObject> relayJson();
    Expected<QJsonObject> setRelay(const QJsonObject &json);

    Expected<QList<Mailbox>> mailboxes();
    Expected<Mailbox> mailbox(qint64 id);
    Expected<Mailbox> createMailbox(const QJsonObject &json);
    Expected<Mailbox> updateMailbox(qint64 id, const QJsonObject &json);
    Status deleteMailbox(qint64 id);
    Status recordCheck(qint64 id, qint64 at, const QString &error, int fetched, int limited);

    // A department's voice in mail: its From address (per shop, or for all
    // shops with shop 0) and, per shop, another sender name.
    struct Identity
    {
        QString senderName;      // empty: the department's own
        QString address;
        // What a new ticket is acknowledged with: in the customer's
        // language if written in it, else `acknowledgement` (in no language
        // in particular); neither: not acknowledged by mail. A shop's own
        // texts replace the department's for all shops.
        QString acknowledgement;
        QHash<QString, QString> acknowledgements; // by language code
        bool acknowledges() const { return !acknowledgement.isEmpty() || !acknowledgements.isEmpty(); }
    };
    Expected<Identity> identity(qint64 departmentId, qint64 shopId);
    Expected<QJsonObject> identitiesJson(qint64 departmentId);
    Expected<QJsonObject> setIdentity(qint64 departmentId, qint64 shopId, const QJsonObject &json);

    // Threading: the ticket a Message-ID (sent or received) belongs to.
    Expected<qint64> ticketOf(const QStringList &messageIds);
    Expected<bool> received(qint64 mailboxId, const QString &messageId);
    Status recordMessage(qint64 ticketId, qint64 messageRow, bool outgoing, qint64 mailboxId,
                         const QString &messageId, qint64 at);
    // The ticket's Message-IDs in order, and the customer's latest.
    struct Thread
    {
        QStringList ids;
        QString lastReceived;
    };
    Expected<Thread> thread(qint64 ticketId);

    // `messageId` 0: an acknowledgement, not a reply.
    Status enqueue(const OutboxEntry &entry, qint64 at);
    // Whether this address was acknowledged since `since` (never twice in a while).
    Expected<bool> acknowledgedSince(const QString &recipient, qint64 since);
    // The entries due now, marked as being sent (their attempt recorded
    // before the relay hears of them).
    Expected<QList<OutboxEntry>> takeDue(qint64 at, int limit, const QList<qint64> &inFlight);
    // What an attempt (or a bounce) made of an entry: its state, the
    // relay's words, and when to try again (0: not again).
    Status recordOutcome(qint64 id, qint64 at, const QString &state, const QString &answer, qint64 nextAttempt = 0);
    // Entries a crash left as being sent go back to the queue.
    Status requeueInterrupted();
    // The reply a bounce is about: its outbox entry id and message row.
    Expected<std::optional<std::pair<qint64, qint64>>> outboxOf(const QString &messageId);
    // Delivery of each reply of a ticket by message row: state and answer.
    Expected<QJsonObject> deliveries(qint64 ticketId);

private:
    Expected<Mailbox> readMailbox(qint64 id);
    // Inserts a new mailbox (id 0) or writes an existing one.
    Expected<Mailbox> saveMailbox(const Mailbox &box);
    static Expected<Mailbox> mailboxFromJson(Mailbox box, const QJsonObject &json, bool creating);

    Database &m_db;
    QByteArray m_key;
};

} // namespace Signpost
