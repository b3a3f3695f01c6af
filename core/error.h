#pragma once

#include <QJsonObject>
#include <QString>

namespace Signpost {

enum class ErrorCode {
    InvalidInput,     // the request was understood but a field is wrong
    MalformedRequest, // the body is not the JSON or form it should be
    Unauthorized,     // no valid token
    Forbidden,        // signed in, but not allowed (admin-only actions)
    NotFound,         // does not exist, or is outside the caller's departments
    MethodNotAllowed,
    Conflict,         // based on a version that is no longer current
    PayloadTooLarge,
    RateLimited,
    Internal,
    Unavailable,      // the server (client side) or its store could not be reached: try again
};

// What went wrong, for whom: a machine-readable code, the offending field
// (if any) and a sentence a person can act on.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString field;
    // A finer reason within the code, for clients to act on (e.g. an
    // Unauthorized "session_expired" or "account_disabled").
    QString reason;

    static Error invalid(const QString &field, const QString &message)
    {
        return {ErrorCode::InvalidInput, message, field};
    }
    static Error notFound(const QString &what) { return {ErrorCode::NotFound, what, {}}; }

    int httpStatus() const;
    QJsonObject toJson() const;
    // Reads {"error": {...}} as the server sends it.
    static Error fromJson(const QJsonObject &json);
};

QString errorCodeName(ErrorCode code);
ErrorCode errorCodeFromName(const QString &name);

} // namespace Signpost
