#include "server/channels/email/mailstore.h"

#include "core/language.h"

#include "server/storage/database.h"
#include "server/services/secrets.h"
#include "server/storage/transaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

bool plausibleAddress(const QString &address)
{
    const qsizetype at = address.indexOf(u'@');
    return at > 0 && at == address.lastIndexOf(u'@') && at < address.size() - 1 && !address.contains(u' ')
           && address.size() <= 254;
}

Status validEndpoint(const MailEndpoint &server, const QString &prefix)
{
    if (server.host.trimmed().isEmpty() || server.host.contains(u' ') || server.host.contains(u'/'))
        return Error::invalid(prefix + u"host"_s, u"Give the mail server's host name."_s);
    if (server.port < 1 || server.port > 65535)
        return Error::invalid(prefix + u"port"_s, u"The port must be between 1 and 65535."_s);
    return ok();
}

// Reads host, port, security, username and password where given.
Status readEndpoint(MailEndpoint &server, const QJsonObject &json)
{
    if (json.contains(u"host"_s)) {
        if (!json.value(u"host"_s).isString())
            return Error::invalid(u"host"_s, u"host must be a text."_s);
        server.host = json.value(u"host"_s).toString().trimmed();
    }
    if (json.contains(u"port"_s)) {
        if (!json.value(u"port"_s).isDouble())
            return Error::invalid(u"port"_s, u"port must be a number."_s);
        server.port = json.value(u"port"_s).toInt();
    }
    if (json.contains(u"security"_s)
        && !securityFromString(json.value(u"security"_s).toString(), server.security))
        return Error::invalid(u"security"_s, u"security must be tls, starttls or none."_s);
    if (json.contains(u"username"_s))
        server.username = json.value(u"username"_s).toString();
    if (json.contains(u"password"_s)) {
        if (!json.value(u"password"_s).isString())
            return Error::invalid(u"password"_s, u"password must be a text."_s);
        server.password = json.value(u"password"_s).toString();
    }
    return ok();
}

// Text for a NOT NULL column: a null QString would be bound as NULL.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(u""_s)) : QVariant(value);
}

} // namespace

QJsonObject Mailbox::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"department"_s, departmentId > 0 ? QJsonValue(departmentId) : QJsonValue()},
            {u"shop"_s, shopId > 0 ? QJsonValue(shopId) : QJsonValue()},
            {u"host"_s, server.host},
            {u"port"_s, server.port},
            {u"security"_s, toString(server.security)},
            {u"username"_s, server.username},
            {u"password_set"_s, !server.password.isEmpty()},
            {u"folder"_s, folder},
            {u"poll_seconds"_s, pollSeconds},
            {u"enabled"_s, enabled},
            {u"checked_at"_s, checkedAt > 0 ? QJsonValue(checkedAt) : QJsonValue()},
            {u"last_error"_s, lastError},
            {u"fetched"_s, fetched},
            {u"limited"_s, limited}};
}

Expected<MailEndpoint> MailStore::relay()
{
    QSqlQuery &query = m_db.prepared(u"SELECT host, port, security, username, password FROM mail_relay WHERE id = 1"_s);
    if (!query.exec())
        return storageError(query);
    MailEndpoint relay;
    if (query.next()) {
        relay.host = query.value(0).toString();
        relay.port = query.value(1).toInt();
        securityFromString(query.value(2).toString(), relay.security);
        relay.username = query.value(3).toString();
        if (const QByteArray sealed = query.value(4).toByteArray(); !sealed.isEmpty())
            relay.password = QString::fromUtf8(Secrets::open(m_key, sealed).value_or(QByteArray()));
    }
    query.finish();
    return relay;
}

Expected<QJsonObject> MailStore::relayJson()
{
    Expected<MailEndpoint> current = relay();
    if (!current)
        return current.error();
    return QJsonObject{{u"host"_s, current->host},
                       {u"port"_s, current->port},
                       {u"security"_s, toString(current->security)},
                       {u"username"_s, current->username},
                       {u"password_set"_s, !current->password.isEmpty()},
                       {u"configured"_s, !current->host.isEmpty()}};
}

Expected<QJsonObject> MailStore::setRelay(const QJsonObject &json)
{
    Expected<MailEndpoint> current = relay();
    if (!current)
        return current.error();
    MailEndpoint next = *current;
    if (next.port == 0)
        next.port = 587;
    if (Status read = readEndpoint(next, json); !read)
        return read.error();
    // An empty host turns sending off.
    if (!next.host.isEmpty()) {
        if (Status valid = validEndpoint(next, {}); !valid)
            return valid.error();
    }
    QSqlQuery &save = m_db.prepared(
        u"INSERT INTO mail_relay (id, host, port, security, username, password, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port, security = excluded.security,"
        " username = excluded.username, password = excluded.password, updated_at = excluded.updated_at"_s);
    save.addBindValue(text(next.host));
    save.addBindValue(next.port);
    save.addBindValue(toString(next.security));
    save.addBindValue(text(next.username));
    save.addBindValue(next.password.isEmpty() ? QByteArray() : Secrets::seal(m_key, next.password.toUtf8()));
    save.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!save.exec())
        return storageError(save);
    return relayJson();
}

Expected<Mailbox> MailStore::readMailbox(qint64 id)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT id, name, department_id, shop_id, host, port, security, username, password, folder, poll_seconds,"
        " enabled, checked_at, last_error, fetched, limited FROM mailboxes WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return storageError(query);
    if (!query.next())
        return Error::notFound(u"No such mailbox."_s);
    Mailbox box;
    box.id = query.value(0).toLongLong();
    box.name = query.value(1).toString();
    box.departmentId = query.value(2).toLongLong();
    box.shopId = query.value(3).toLongLong();
    box.server.host = query.value(4).toString();
    box.server.port = query.value(5).toInt();
    securityFromString(query.value(6).toString(), box.server.security);
    box.server.username = query.value(7).toString();
    box.server.password = QString::fromUtf8(Secrets::open(m_key, query.value(8).toByteArray()).value_or(QByteArray()));
    box.folder = query.value(9).toString();
    box.pollSeconds = query.value(10).toInt();
    box.enabled = query.value(11).toBool();
    box.checkedAt = query.value(12).toLongLong();
    box.lastError = query.value(13).toString();
    box.fetched = query.value(14).toLongLong();
    box.limited = query.value(15).toLongLong();
    query.finish();
    return box;
}

Expected<QList<Mailbox>> MailStore::mailboxes()
{
    QSqlQuery &query = m_db.prepared(u"SELECT id FROM mailboxes ORDER BY name"_s);
    if (!query.exec())
        return storageError(query);
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    query.finish();
    QList<Mailbox> boxes;
    for (qint64 id : ids) {
        Expected<Mailbox> box = readMailbox(id);
        if (!box)
            return box.error();
        boxes.append(*box);
    }
    return boxes;
}

Expected<Mailbox> MailStore::mailbox(qint64 id)
{
    return readMailbox(id);
}

Expected<Mailbox> MailStore::mailboxFromJson(Mailbox box, const QJsonObject &json, bool creating)
{
    if (json.contains(u"name"_s) || creating) {
        box.name = json.value(u"name"_s).toString().trimmed();
        if (box.name.isEmpty() || box.name.size() > 100)
            return Error::invalid(u"name"_s, u"Give the mailbox a name of at most 100 characters."_s);
    }
    if (json.contains(u"department"_s))
        box.departmentId = json.value(u"department"_s).toInteger();
    if (json.contains(u"shop"_s))
        box.shopId = json.value(u"shop"_s).toInteger();
    if (creating) {
        box.server.port = 993;
        box.server.security = MailEndpoint::Security::Tls;
    }
    if (Status read = readEndpoint(box.server, json); !read)
        return read.error();
    if (Status valid = validEndpoint(box.server, {}); !valid)
        return valid.error();
    if (box.server.username.isEmpty())
        return Error::invalid(u"username"_s, u"Give the user name of the mailbox."_s);
    if (box.server.password.isEmpty())
        return Error::invalid(u"password"_s, u"Give the password of the mailbox."_s);
    if (json.contains(u"folder"_s)) {
        box.folder = json.value(u"folder"_s).toString().trimmed();
        if (box.folder.isEmpty() || box.folder.contains(u'\r') || box.folder.contains(u'\n'))
            return Error::invalid(u"folder"_s, u"Give the folder to fetch from, such as INBOX."_s);
    }
    if (json.contains(u"poll_seconds"_s)) {
        box.pollSeconds = json.value(u"poll_seconds"_s).toInt();
        if (box.pollSeconds < 1 || box.pollSeconds > 3600)
            return Error::invalid(u"poll_seconds"_s, u"poll_seconds must be between 1 and 3600."_s);
    }
    if (json.contains(u"enabled"_s))
        box.enabled = json.value(u"enabled"_s).toBool(true);
    return box;
}

Expected<Mailbox> MailStore::createMailbox(const QJsonObject &json)
{
    Expected<Mailbox> box = mailboxFromJson(Mailbox{}, json, true);
    if (!box)
        return box.error();
    return saveMailbox(*box);
}

Expected<Mailbox> MailStore::updateMailbox(qint64 id, const QJsonObject &json)
{
    Expected<Mailbox> current = readMailbox(id);
    if (!current)
        return current.error();
    Expected<Mailbox> box = mailboxFromJson(*current, json, false);
    if (!box)
        return box.error();
    return saveMailbox(*box);
}

Expected<Mailbox> MailStore::saveMailbox(const Mailbox &box)
{
    QSqlQuery &save = m_db.prepared(
        box.id > 0 ? u"UPDATE mailboxes SET name = ?, department_id = ?, shop_id = ?, host = ?, port = ?, security = ?,"
                     " username = ?, password = ?, folder = ?, poll_seconds = ?, enabled = ?, last_error = ''"
                     " WHERE id = ? RETURNING id"_s
                   : u"INSERT INTO mailboxes (name, department_id, shop_id, host, port, security, username, password,"
                     " folder, poll_seconds, enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"_s);
    save.addBindValue(text(box.name));
    save.addBindValue(box.departmentId > 0 ? QVariant(box.departmentId) : QVariant());
    save.addBindValue(box.shopId > 0 ? QVariant(box.shopId) : QVariant());
    save.addBindValue(text(box.server.host));
    save.addBindValue(box.server.port);
    save.addBindValue(toString(box.server.security));
    save.addBindValue(text(box.server.username));
    save.addBindValue(Secrets::seal(m_key, box.server.password.toUtf8()));
    save.addBindValue(text(box.folder));
    save.addBindValue(box.pollSeconds);
    save.addBindValue(int(box.enabled));
    if (box.id > 0)
        save.addBindValue(box.id);
    if (!save.exec()) {
        // Both engines name the constraint that failed.
        const QString why = save.lastError().text();
        if (why.contains(u"unique"_s, Qt::CaseInsensitive))
            return Error::invalid(u"name"_s, u"There is a mailbox of that name already."_s);
        if (why.contains(u"foreign key"_s, Qt::CaseInsensitive))
            return Error::invalid(u"department"_s, u"Choose an existing department and shop."_s);
        return storageError(save);
    }
    const Expected<qint64> id = insertedId(save);
    if (!id)
        return id.error();
    return readMailbox(*id);
}

Status MailStore::deleteMailbox(qint64 id)
{
    QSqlQuery &remove = m_db.prepared(u"DELETE FROM mailboxes WHERE id = ?"_s);
    remove.addBindValue(id);
    if (!remove.exec())
        return storageError(remove);
    if (remove.numRowsAffected() == 0)
        return Error::notFound(u"No such mailbox."_s);
    return ok();
}

Status MailStore::recordCheck(qint64 id, qint64 at, const QString &error, int fetched, int limited)
{
    QSqlQuery &update = m_db.prepared(u"UPDATE mailboxes SET checked_at = ?, last_error = ?, fetched = fetched + ?,"
                                      " limited = limited + ? WHERE id = ?"_s);
    update.addBindValue(at);
    update.addBindValue(text(error));
    update.addBindValue(fetched);
    update.addBindValue(limited);
    update.addBindValue(id);
    if (!update.exec())
        return storageError(update);
    return ok();
}

Expected<MailStore::Identity> MailStore::identity(qint64 departmentId, qint64 shopId)
{
    // The shop's own first, then the department's for all shops, then its
    // first receiving address.
    QSqlQuery &query = m_db.prepared(
        u"SELECT sender_name, from_address, acknowledgement, acknowledgements FROM department_mail"
        " WHERE department_id = ? AND shop_id IN (?, 0) ORDER BY shop_id DESC"_s);
    query.addBindValue(departmentId);
    query.addBindValue(shopId);
    if (!query.exec())
        return storageError(query);
    Identity identity;
    while (query.next()) {
        if (identity.senderName.isEmpty())
            identity.senderName = query.value(0).toString();
        if (identity.address.isEmpty())
            identity.address = query.value(1).toString();
        // The texts come together: a shop's own, else the department's.
        if (!identity.acknowledges()) {
            identity.acknowledgement = query.value(2).toString();
            identity.acknowledgements =
                textsByLanguage(QJsonDocument::fromJson(query.value(3).toByteArray()).object(), 5000).value_or(
                    QHash<QString, QString>());
        }
    }
    query.finish();
    if (identity.address.isEmpty()) {
        // The first as the department lists them (and the Administration
        // window's preview shows): the same on either engine, and after a
        // move from one to the other.
        QSqlQuery &address = m_db.prepared(
            u"SELECT address FROM department_addresses WHERE department_id = ? ORDER BY address LIMIT 1"_s);
        address.addBindValue(departmentId);
        if (!address.exec())
            return storageError(address);
        if (address.next())
            identity.address = address.value(0).toString();
        address.finish();
    }
    return identity;
}

Expected<QJsonObject> MailStore::identitiesJson(qint64 departmentId)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT shop_id, sender_name, from_address, acknowledgement, acknowledgements FROM department_mail"
        " WHERE department_id = ? ORDER BY shop_id"_s);
    query.addBindValue(departmentId);
    if (!query.exec())
        return storageError(query);
    QJsonObject all{{u"department"_s, departmentId},
                    {u"from_address"_s, QString()},
                    {u"acknowledgement"_s, QString()},
                    {u"acknowledgements"_s, QJsonObject()}};
    QJsonArray shops;
    while (query.next()) {
        const QJsonObject texts = QJsonDocument::fromJson(query.value(4).toByteArray()).object();
        if (query.value(0).toLongLong() == 0) {
            all.insert(u"from_address"_s, query.value(2).toString());
            all.insert(u"acknowledgement"_s, query.value(3).toString());
            all.insert(u"acknowledgements"_s, texts);
        } else {
            shops.append(QJsonObject{{u"shop"_s, query.value(0).toLongLong()},
                                     {u"sender_name"_s, query.value(1).toString()},
                                     {u"from_address"_s, query.value(2).toString()},
                                     {u"acknowledgement"_s, query.value(3).toString()},
                                     {u"acknowledgements"_s, texts}});
        }
    }
    query.finish();
    all.insert(u"shops"_s, shops);
    return all;
}

Expected<QJsonObject> MailStore::setIdentity(qint64 departmentId, qint64 shopId, const QJsonObject &json)
{
    const QString address = json.value(u"from_address"_s).toString().trimmed().toLower();
    const QString name = json.value(u"sender_name"_s).toString().simplified();
    const QString acknowledgement = json.value(u"acknowledgement"_s).toString().trimmed();
    if (acknowledgement.size() > 5000)
        return Error::invalid(u"acknowledgement"_s, u"The acknowledgement can be at most 5000 characters long."_s);
    // The acknowledgement in other languages, by code.
    QHash<QString, QString> texts;
    if (json.contains(u"acknowledgements"_s)) {
        const auto given = textsByLanguage(json.value(u"acknowledgements"_s), 5000);
        if (!given)
            return Error::invalid(u"acknowledgements"_s,
                                  u"acknowledgements maps language codes (%1) to texts of at most 5000 characters."_s.arg(
                                      languageCodes().join(u", "_s)));
        texts = *given;
    }
    if (!address.isEmpty() && !plausibleAddress(address))
        return Error::invalid(u"from_address"_s, u"Give an email address such as returns@shop.example."_s);
    if (name.size() > 200)
        return Error::invalid(u"sender_name"_s, u"The sender name can be at most 200 characters long."_s);
    if (address.isEmpty() && name.isEmpty() && acknowledgement.isEmpty() && texts.isEmpty()) {
        QSqlQuery &remove = m_db.prepared(u"DELETE FROM department_mail WHERE department_id = ? AND shop_id = ?"_s);
        remove.addBindValue(departmentId);
        remove.addBindValue(shopId);
        if (!remove.exec())
            return storageError(remove);
        return identitiesJson(departmentId);
    }
    // Desks read the shops' sender names with the departments.
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    if (Status touched = m_db.touchDirectory(); !touched)
        return touched.error();
    QSqlQuery &save = m_db.prepared(
        u"INSERT INTO department_mail (department_id, shop_id, sender_name, from_address, acknowledgement,"
        " acknowledgements) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (department_id, shop_id) DO UPDATE SET"
        " sender_name = excluded.sender_name, from_address = excluded.from_address,"
        " acknowledgement = excluded.acknowledgement, acknowledgements = excluded.acknowledgements"_s);
    save.addBindValue(departmentId);
    save.addBindValue(shopId);
    save.addBindValue(text(name));
    save.addBindValue(text(address));
    save.addBindValue(text(acknowledgement));
    save.addBindValue(QString::fromUtf8(QJsonDocument(textsByLanguageJson(texts)).toJson(QJsonDocument::Compact)));
    if (!save.exec())
        return storageError(save);
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return identitiesJson(departmentId);
}

Expected<qint64> MailStore::ticketOf(const QStringList &messageIds)
{
    // The latest first: a reply to the newest message of a merged thread.
    for (qsizetype i = messageIds.size() - 1; i >= 0; --i) {
        if (messageIds[i].isEmpty())
            continue;
        QSqlQuery &query = m_db.prepared(u"SELECT ticket_id FROM mail_messages WHERE rfc_id = ? LIMIT 1"_s);
        query.addBindValue(messageIds[i]);
        if (!query.exec())
            return storageError(query);
        const qint64 ticket = query.next() ? query.value(0).toLongLong() : 0;
        query.finish();
        if (ticket > 0)
            return ticket;
    }
    return qint64(0);
}

Expected<bool> MailStore::received(qint64 mailboxId, const QString &messageId)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT 1 FROM mail_messages WHERE direction = 'in' AND mailbox_id = ? AND rfc_id = ?"_s);
    query.addBindValue(mailboxId);
    query.addBindValue(text(messageId));
    if (!query.exec())
        return storageError(query);
    const bool found = query.next();
    query.finish();
    return found;
}

Status MailStore::recordMessage(qint64 ticketId, qint64 messageRow, bool outgoing, qint64 mailboxId,
                                const QString &messageId, qint64 at)
{
    QSqlQuery &insert = m_db.prepared(
        u"INSERT INTO mail_messages (ticket_id, message_id, direction, mailbox_id, rfc_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)"_s);
    insert.addBindValue(ticketId);
    insert.addBindValue(messageRow > 0 ? QVariant(messageRow) : QVariant());
    insert.addBindValue(outgoing ? u"out"_s : u"in"_s);
    insert.addBindValue(mailboxId);
    insert.addBindValue(text(messageId));
    insert.addBindValue(at);
    if (!insert.exec())
        return storageError(insert);
    return ok();
}

Expected<MailStore::Thread> MailStore::thread(qint64 ticketId)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT rfc_id, direction FROM mail_messages WHERE ticket_id = ? AND rfc_id NOT LIKE 'sha256:%' ORDER BY id"_s);
    query.addBindValue(ticketId);
    if (!query.exec())
        return storageError(query);
    Thread thread;
    while (query.next()) {
        thread.ids.append(query.value(0).toString());
        if (query.value(1).toString() == u"in")
            thread.lastReceived = query.value(0).toString();
    }
    query.finish();
    return thread;
}

Status MailStore::enqueue(const OutboxEntry &entry, qint64 at)
{
    QSqlQuery &insert = m_db.prepared(
        u"INSERT INTO mail_outbox (message_id, kind, ticket_id, envelope_from, recipient, content, state, attempts,"
        " next_attempt_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)"_s);
    insert.addBindValue(entry.messageId > 0 ? QVariant(entry.messageId) : QVariant());
    insert.addBindValue(entry.messageId > 0 ? u"reply"_s : u"acknowledgement"_s);
    insert.addBindValue(entry.ticketId);
    insert.addBindValue(text(entry.envelopeFrom));
    insert.addBindValue(text(entry.recipient));
    insert.addBindValue(entry.content);
    insert.addBindValue(at);
    insert.addBindValue(at);
    if (!insert.exec())
        return storageError(insert);
    return ok();
}

Expected<bool> MailStore::acknowledgedSince(const QString &recipient, qint64 since)
{
    QSqlQuery &query = m_db.prepared(u"SELECT 1 FROM mail_outbox WHERE recipient = ? AND updated_at >= ?"
                                     " AND kind = 'acknowledgement' LIMIT 1"_s);
    query.addBindValue(recipient);
    query.addBindValue(since);
    if (!query.exec())
        return storageError(query);
    const bool found = query.next();
    query.finish();
    return found;
}

Expected<QList<OutboxEntry>> MailStore::takeDue(qint64 at, int limit, const QList<qint64> &inFlight)
{
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    QSqlQuery &query = m_db.prepared(
        u"SELECT id, message_id, ticket_id, envelope_from, recipient, content, attempts FROM mail_outbox"
        " WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"_s);
    query.addBindValue(at);
    query.addBindValue(limit + int(inFlight.size()));
    if (!query.exec())
        return storageError(query);
    QList<OutboxEntry> due;
    while (query.next() && due.size() < limit) {
        OutboxEntry entry{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                          query.value(3).toString(),   query.value(4).toString(),   query.value(5).toByteArray(),
                          query.value(6).toInt()};
        if (!inFlight.contains(entry.id))
            due.append(entry);
    }
    query.finish();
    for (OutboxEntry &entry : due) {
        QSqlQuery &mark = m_db.prepared(
            u"UPDATE mail_outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?"_s);
        mark.addBindValue(at);
        mark.addBindValue(entry.id);
        if (!mark.exec())
            return storageError(mark);
        entry.attempts += 1;
    }
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return due;
}

Status MailStore::recordOutcome(qint64 id, qint64 at, const QString &state, const QString &answer, qint64 nextAttempt)
{
    QSqlQuery &update = m_db.prepared(u"UPDATE mail_outbox SET state = ?, last_answer = ?,"
                                      " next_attempt_at = CASE WHEN CAST(? AS BIGINT) > 0 THEN ? ELSE next_attempt_at END,"
                                      " updated_at = ? WHERE id = ?"_s);
    update.addBindValue(text(state));
    update.addBindValue(text(answer));
    update.addBindValue(nextAttempt);
    update.addBindValue(nextAttempt);
    update.addBindValue(at);
    update.addBindValue(id);
    if (!update.exec())
        return storageError(update);
    return ok();
}

Status MailStore::requeueInterrupted()
{
    QSqlQuery &update = m_db.prepared(u"UPDATE mail_outbox SET state = 'queued' WHERE state = 'sending'"_s);
    if (!update.exec())
        return storageError(update);
    return ok();
}

Expected<std::optional<std::pair<qint64, qint64>>> MailStore::outboxOf(const QString &messageId)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT o.id, o.message_id FROM mail_messages m JOIN mail_outbox o ON o.message_id = m.message_id"
        " WHERE m.direction = 'out' AND m.rfc_id = ?"_s);
    query.addBindValue(text(messageId));
    if (!query.exec())
        return storageError(query);
    std::optional<std::pair<qint64, qint64>> found;
    if (query.next())
        found = std::pair{query.value(0).toLongLong(), query.value(1).toLongLong()};
    query.finish();
    return found;
}

Expected<QJsonObject> MailStore::deliveries(qint64 ticketId)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT message_id, state, last_answer, attempts, updated_at FROM mail_outbox WHERE ticket_id = ?"
        " AND message_id IS NOT NULL"_s);
    query.addBindValue(ticketId);
    if (!query.exec())
        return storageError(query);
    QJsonObject byMessage;
    while (query.next())
        byMessage.insert(query.value(0).toString(), QJsonObject{{u"state"_s, query.value(1).toString()},
                                                               {u"answer"_s, query.value(2).toString()},
                                                               {u"attempts"_s, query.value(3).toInt()},
                                                               {u"updated_at"_s, query.value(4).toLongLong()}});
    query.finish();
    return byMessage;
}

} // namespace Signpost
