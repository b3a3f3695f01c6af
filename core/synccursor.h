#pragma once

#include <QString>

#include <optional>

namespace Signpost {

// Where a client stands in the change feed. Opaque to clients: they store the
// string the server hands out and send it back.
//
// `since` is the change sequence the client has fully applied. While a pull
// spans several pages, `head` is the sequence the pull runs up to, `phase`
// says whether the server is sending whole departments (a first sync or a
// department newly granted) or changes, and `position` is the last ticket id
// (backfill) or sequence (changes) sent. `wholeStore` is set when the pass
// began by sending every ticket (an admin's first sync).
struct SyncCursor
{
    enum class Phase { Idle, Backfill, Changes };

    QString epoch;
    qint64 since = 0;
    qint64 head = 0;
    Phase phase = Phase::Idle;
    qint64 position = 0;
    bool wholeStore = false;

    QString encode() const;
    static std::optional<SyncCursor> decode(const QString &text);
};

} // namespace Signpost
