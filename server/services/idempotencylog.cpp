#include "server/services/idempotencylog.h"

#include "core/timestamps.h"
#include "server/storage/database.h"
#include "server/services/secrets.h"

#include <QCryptographicHash>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

} // namespace

bool IdempotencyLog::isValidKey(const QByteArray &key)
{
    if (key.isEmpty() || key.size() > 255)
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](char c) { return c >= 0x21 && c <= 0x7e; });
}

Expected<std::optional<IdempotencyLog::Answer>> IdempotencyLog::find(const QString &scope, const QByteArray &key,
                                                                     const QByteArray &request)
{
    QSqlQuery &query = m_db.prepared(
        u"SELECT request_hash, status, answer FROM idempotency_keys WHERE scope = ? AND key_hash = ?"_s);
    query.addBindValue(scope);
    query.addBindValue(sha256(key));
    if (!query.exec())
        return storageError(query);
    if (!query.next())
        return std::optional<Answer>();
    const bool same = query.value(0).toByteArray() == sha256(request);
    const int status = query.value(1).toInt();
    const std::optional<QByteArray> body = Secrets::open(key, query.value(2).toByteArray());
    query.finish();
    if (!same)
        return Error::invalid(u"Idempotency-Key"_s,
                              u"This Idempotency-Key was used before for a different request."_s);
    if (!body)
        return Error{ErrorCode::Internal, u"The answer kept for this Idempotency-Key cannot be read."_s, {}};
    return std::optional<Answer>(Answer{status, *body});
}

Status IdempotencyLog::remember(const QString &scope, const QByteArray &key, const QByteArray &request,
                                const Answer &answer)
{
    QSqlQuery &insert = m_db.prepared(
        u"INSERT INTO idempotency_keys (scope, key_hash, request_hash, status, answer, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)"_s);
    insert.addBindValue(scope);
    insert.addBindValue(sha256(key));
    insert.addBindValue(sha256(request));
    insert.addBindValue(answer.status);
    insert.addBindValue(Secrets::seal(key, answer.body));
    insert.addBindValue(nowMs());
    return m_db.exec(insert);
}

Expected<int> IdempotencyLog::prune(qint64 before, int limit)
{
    return m_db.deleteOlder(u"idempotency_keys"_s, u"created_at"_s, before, limit);
}

} // namespace Signpost
