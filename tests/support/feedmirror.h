#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace Signpost::Test {

// What a client holds after applying pages of the change feed, kept the
// plainest way: whole tickets by id, deltas merged into them by entry id.
struct FeedMirror
{
    QString cursor;
    QHash<qint64, QJsonObject> tickets;
    QSet<qint64> revokedTickets;
    QSet<qint64> revokedDepartments;
    QSet<qint64> grantedDepartments;
    int pages = 0;
    bool reset = false;

    // Applies one page like a client. A page that is not one, or a delta
    // for a ticket the client never had, fails the running test.
    void apply(const QJsonObject &page);
    // The tickets without the "full" flag, to compare with another mirror.
    QHash<qint64, QJsonObject> held() const;
};

} // namespace Signpost::Test
