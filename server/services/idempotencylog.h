#pragma once

#include "core/expected.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Signpost {

class Database;

// Answers given under callers' idempotency keys (an integration's
// Idempotency-Key header, a contact form's one-time token), so a request
// sent again after a timeout gets the first answer instead of making a
// second ticket. The store keeps only the key's hash and the answer sealed
// with the key itself, so reading the store does not give away the
// customer's secret link an answer holds.
class IdempotencyLog
{
public:
    explicit IdempotencyLog(Database &db) : m_db(db) {}

    struct Answer
    {
        int status = 0;
        QByteArray body;
    };

    // The answer kept for `key` in `scope`; none when the key is new. A key
    // used before for another request is refused.
    Expected<std::optional<Answer>> find(const QString &scope, const QByteArray &key, const QByteArray &request);
    // Keeps the answer; inside the transaction of the change it answers.
    Status remember(const QString &scope, const QByteArray &key, const QByteArray &request, const Answer &answer);
    // Forgets answers older than `before` (ms since the epoch), at most
    // `limit` of them.
    Expected<int> prune(qint64 before, int limit);

    // Whether `key` may be used as one: 1 to 255 printable ASCII characters.
    static bool isValidKey(const QByteArray &key);

private:
    Database &m_db;
};

} // namespace Signpost
