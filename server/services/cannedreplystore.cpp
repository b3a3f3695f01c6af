#include "server/services/cannedreplystore.h"

#include "core/timestamps.h"
#include "server/storage/database.h"
#include "server/storage/transaction.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

CannedReply fromRow(const QSqlQuery &query)
{
    return CannedReply{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                       query.value(3).toString(), query.value(4).toLongLong()};
}

const QString Columns = u"id, department_id, title, body, updated_at"_s;

} // namespace

Expected<QList<CannedReply>> CannedReplyStore::list(const AccessScope &scope, qint64 departmentId)
{
    QSqlQuery &query = m_db.prepared(u"SELECT %1 FROM canned_replies WHERE ? = 0 OR department_id = ?"
                                     " ORDER BY department_id, %2"_s.arg(Columns, m_db.dialect().caseless(u"title"_s)));
    query.addBindValue(departmentId);
    query.addBindValue(departmentId);
    if (!query.exec())
        return storageError(query);
    QList<CannedReply> replies;
    while (query.next()) {
        if (scope.canSee(query.value(1).toLongLong()))
            replies.append(fromRow(query));
    }
    return replies;
}

Expected<CannedReply> CannedReplyStore::find(const AccessScope &scope, qint64 id)
{
    QSqlQuery &query = m_db.prepared(u"SELECT %1 FROM canned_replies WHERE id = ?"_s.arg(Columns));
    query.addBindValue(id);
    if (!query.exec())
        return storageError(query);
    if (!query.next() || !scope.canSee(query.value(1).toLongLong()))
        return Error::notFound(QCoreApplication::translate("Signpost::CannedReplies", "No such canned reply."));
    CannedReply reply = fromRow(query);
    query.finish();
    return reply;
}

Status CannedReplyStore::mayWrite(const AccessScope &scope, qint64 departmentId)
{
    if (!scope.leads(departmentId))
        return Error{ErrorCode::Forbidden,
                QCoreApplication::translate("Signpost::CannedReplies",
                                            "Only the department's leads and admins can change its canned replies."), {}};
    return ok();
}

Status CannedReplyStore::apply(CannedReply &reply, const QJsonObject &json, bool creating)
{
    for (const QString &key : json.keys()) {
        if (key != u"title" && key != u"body")
            return Error::invalid(key,
                    QCoreApplication::translate("Signpost::CannedReplies",
                                                "Unknown field %1: a canned reply has a title and a body.").arg(key));
    }
    auto read = [&](const QString &key, QString &out, qsizetype max) -> Status {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() && !creating)
            return ok();
        if (!value.isString() || value.toString().trimmed().isEmpty())
            return Error::invalid(key,
                    QCoreApplication::translate("Signpost::CannedReplies",
                                                "%1 is required: text that is not blank.").arg(key));
        if (value.toString().size() > max)
            return Error::invalid(key,
                    QCoreApplication::translate("Signpost::CannedReplies",
                                                "%1 is longer than %2 characters.").arg(key).arg(max));
        out = key == u"title" ? value.toString().simplified() : value.toString();
        return ok();
    };
    if (Status title = read(u"title"_s, reply.title, CannedReply::MaxTitleLength); !title)
        return title;
    if (Status body = read(u"body"_s, reply.body, CannedReply::MaxBodyLength); !body)
        return body;
    if (const QStringList unknown = CannedReply::unknownFields(reply.body); !unknown.isEmpty())
        return Error::invalid(u"body"_s,
                QCoreApplication::translate("Signpost::CannedReplies", "Unknown field {%1}; the fields are {%2}.").arg(
                                             unknown.first(), CannedReply::fieldNames().join(u"}, {"_s)));
    return ok();
}

Expected<CannedReply> CannedReplyStore::save(Transaction &tx, const AccessScope &scope, CannedReply reply)
{
    const SqlDialect dialect = m_db.dialect();
    QSqlQuery &clash = m_db.prepared(u"SELECT 1 FROM canned_replies WHERE department_id = ? AND %1 = %2 AND id <> ?"_s.arg(
        dialect.caseless(u"title"_s), dialect.caseless(u"?"_s)));
    clash.addBindValue(reply.departmentId);
    clash.addBindValue(reply.title);
    clash.addBindValue(reply.id);
    if (!clash.exec())
        return storageError(clash);
    if (clash.next())
        return Error{ErrorCode::Conflict,
                QCoreApplication::translate("Signpost::CannedReplies",
                                            "This department has a canned reply with this title already."), u"title"_s};
    clash.finish();

    reply.updatedAt = nowMs();
    QSqlQuery &write = m_db.prepared(
        reply.id == 0 ? u"INSERT INTO canned_replies (title, body, updated_by, updated_at, department_id) VALUES (?, ?, ?, ?, ?)"
                        " RETURNING id"_s
                      : u"UPDATE canned_replies SET title = ?, body = ?, updated_by = ?, updated_at = ? WHERE id = ?"_s);
    write.addBindValue(reply.title);
    write.addBindValue(reply.body);
    write.addBindValue(scope.agentId);
    write.addBindValue(reply.updatedAt);
    write.addBindValue(reply.id == 0 ? reply.departmentId : reply.id);
    if (!write.exec())
        return storageError(write);
    if (reply.id == 0) {
        const Expected<qint64> id = insertedId(write);
        if (!id)
            return id.error();
        reply.id = *id;
    }
    if (Status touched = m_db.touchDirectory(); !touched)
        return touched.error();
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return reply;
}

Expected<CannedReply> CannedReplyStore::create(const AccessScope &scope, qint64 departmentId, const QJsonObject &json)
{
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    QSqlQuery &exists = m_db.prepared(u"SELECT 1 FROM departments WHERE id = ?"_s);
    exists.addBindValue(departmentId);
    if (!exists.exec())
        return storageError(exists);
    if (!exists.next() || !scope.canSee(departmentId))
        return Error::notFound(QCoreApplication::translate("Signpost::CannedReplies", "No such department."));
    exists.finish();
    if (Status allowed = mayWrite(scope, departmentId); !allowed)
        return allowed.error();
    CannedReply reply;
    reply.departmentId = departmentId;
    if (Status applied = apply(reply, json, true); !applied)
        return applied.error();
    return save(tx, scope, reply);
}

Expected<CannedReply> CannedReplyStore::update(const AccessScope &scope, qint64 id, const QJsonObject &json)
{
    // Read under the writers' lock: a change made meanwhile through another
    // instance is read, not written over.
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    Expected<CannedReply> reply = find(scope, id);
    if (!reply)
        return reply;
    if (Status allowed = mayWrite(scope, reply->departmentId); !allowed)
        return allowed.error();
    if (Status applied = apply(*reply, json, false); !applied)
        return applied.error();
    return save(tx, scope, *reply);
}

Expected<CannedReply> CannedReplyStore::remove(const AccessScope &scope, qint64 id)
{
    Transaction tx(m_db);
    if (Status begun = tx.begun(); !begun)
        return begun.error();
    Expected<CannedReply> reply = find(scope, id);
    if (!reply)
        return reply;
    if (Status allowed = mayWrite(scope, reply->departmentId); !allowed)
        return allowed.error();
    QSqlQuery &remove = m_db.prepared(u"DELETE FROM canned_replies WHERE id = ?"_s);
    remove.addBindValue(id);
    if (!remove.exec())
        return storageError(remove);
    if (Status touched = m_db.touchDirectory(); !touched)
        return touched.error();
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return reply;
}

} // namespace Signpost
