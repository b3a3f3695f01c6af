#pragma once

#include "core/expected.h"
#include "server/services/syncfeed.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Signpost {

// The next page of a client's sync, read while the client takes in the one
// it was just sent. A first sync or a catch-up is a chain of pages, each
// asked for with the cursor of the one before: read only when asked for, the
// server sat idle while the client parsed and stored a page, and the client
// while the server read the next. A page read ahead is what the client
// would have been sent had it asked at that moment: one snapshot with its
// own cursor, like any page; what changes later comes on the pages after
// it. It is kept a few seconds, for the agent whose cursor it follows, and
// taken once; a change to the agent's access drops it.
class SyncReadAhead
{
public:
    struct Key
    {
        qint64 agentId = 0;
        QString cursor;
        int limit = 0;
        int windowDays = 0;
        bool operator==(const Key &) const = default;
    };
    using Page = QFuture<Expected<SyncPage>>;

    // The page read ahead for `key`, if there is a recent one; it is taken.
    std::optional<Page> take(const Key &key);
    void keep(const Key &key, Page page);
    // The agent's access changed: what was read ahead for them may show
    // what they may no longer see.
    void forget(qint64 agentId);
    void forgetAll();

    // Pages taken, and pages read ahead that nobody asked for in time.
    quint64 used() const { return m_used; }
    quint64 unused() const { return m_unused; }

    // A few desks' first syncs at once, each page at most about
    // SyncFeed::MaxPageBytes.
    static constexpr int MaxPages = 8;
    static constexpr int KeptMs = 5'000;

private:
    struct Entry
    {
        Key key;
        Page page;
        QDeadlineTimer expires;
    };
    void forgetExpired();
    // Drops the entries `which` picks; a read of theirs not yet begun is
    // not begun.
    void drop(const std::function<bool(const Entry &)> &which);

    QList<Entry> m_entries; // oldest first
    quint64 m_used = 0;
    quint64 m_unused = 0;
};

} // namespace Signpost
