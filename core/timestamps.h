#pragma once

#include <QDateTime>
#include <QJsonValue>

namespace Signpost {

// Times travel as milliseconds since the epoch in storage and as ISO 8601
// UTC strings with milliseconds in JSON.
QString isoFromMs(qint64 ms);
qint64 msFromIso(const QString &iso); // -1 if not a valid time
QJsonValue isoOrNull(qint64 ms);      // 0 means "not set"
qint64 nowMs();

} // namespace Signpost
