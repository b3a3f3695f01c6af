#include "core/synccursor.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Signpost {

QString SyncCursor::encode() const
{
    const QString text = u"%1.%2.%3.%4.%5"_s.arg(epoch).arg(since).arg(head).arg(static_cast<int>(phase)).arg(position);
    return wholeStore ? text + u".w"_s : text;
}

std::optional<SyncCursor> SyncCursor::decode(const QString &text)
{
    const QStringList parts = text.split(u'.');
    if (parts.size() < 5 || parts.size() > 6 || parts[0].isEmpty() || parts[0].size() > 64
        || (parts.size() == 6 && parts[5] != u"w"))
        return std::nullopt;
    SyncCursor cursor;
    cursor.epoch = parts[0];
    bool ok[4] = {};
    cursor.since = parts[1].toLongLong(&ok[0]);
    cursor.head = parts[2].toLongLong(&ok[1]);
    const int phase = parts[3].toInt(&ok[2]);
    cursor.position = parts[4].toLongLong(&ok[3]);
    cursor.wholeStore = parts.size() == 6;
    if (!ok[0] || !ok[1] || !ok[2] || !ok[3] || phase < 0 || phase > 2 || cursor.since < 0 || cursor.head < 0
        || cursor.position < 0)
        return std::nullopt;
    cursor.phase = static_cast<Phase>(phase);
    return cursor;
}

} // namespace Signpost
