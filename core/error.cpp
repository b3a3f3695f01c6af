#include "core/error.h"

using namespace Qt::StringLiterals;

namespace Signpost {

ErrorCode errorCodeFromName(const QString &name)
{
    for (ErrorCode code : {ErrorCode::InvalidInput, ErrorCode::MalformedRequest, ErrorCode::Unauthorized,
                           ErrorCode::Forbidden, ErrorCode::NotFound, ErrorCode::MethodNotAllowed, ErrorCode::Conflict,
                           ErrorCode::PayloadTooLarge, ErrorCode::RateLimited, ErrorCode::Unavailable}) {
        if (errorCodeName(code) == name)
            return code;
    }
    return ErrorCode::Internal;
}

Error Error::fromJson(const QJsonObject &json)
{
    const QJsonObject error = json.value(u"error"_s).toObject();
    return Error{errorCodeFromName(error.value(u"code"_s).toString()), error.value(u"message"_s).toString(),
                 error.value(u"field"_s).toString(), error.value(u"reason"_s).toString()};
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput: return u"invalid"_s;
    case ErrorCode::MalformedRequest: return u"malformed"_s;
    case ErrorCode::Unauthorized: return u"unauthorized"_s;
    case ErrorCode::Forbidden: return u"forbidden"_s;
    case ErrorCode::NotFound: return u"not_found"_s;
    case ErrorCode::MethodNotAllowed: return u"method_not_allowed"_s;
    case ErrorCode::Conflict: return u"conflict"_s;
    case ErrorCode::PayloadTooLarge: return u"payload_too_large"_s;
    case ErrorCode::RateLimited: return u"rate_limited"_s;
    case ErrorCode::Internal: return u"internal"_s;
    case ErrorCode::Unavailable: return u"unavailable"_s;
    }
    return u"internal"_s;
}

int Error::httpStatus() const
{
    switch (code) {
    case ErrorCode::InvalidInput: return 422;
    case ErrorCode::MalformedRequest: return 400;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::Forbidden: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::MethodNotAllowed: return 405;
    case ErrorCode::Conflict: return 409;
    case ErrorCode::PayloadTooLarge: return 413;
    case ErrorCode::RateLimited: return 429;
    case ErrorCode::Internal: return 500;
    case ErrorCode::Unavailable: return 503;
    }
    return 500;
}

QJsonObject Error::toJson() const
{
    QJsonObject error{{u"code"_s, errorCodeName(code)}, {u"message"_s, message}};
    if (!field.isEmpty())
        error.insert(u"field"_s, field);
    if (!reason.isEmpty())
        error.insert(u"reason"_s, reason);
    return QJsonObject{{u"error"_s, error}};
}

} // namespace Signpost
