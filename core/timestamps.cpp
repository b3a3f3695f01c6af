#include "core/timestamps.h"

namespace Signpost {

QString isoFromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 msFromIso(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

QJsonValue isoOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(isoFromMs(ms)) : QJsonValue(QJsonValue::Null);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace Signpost
