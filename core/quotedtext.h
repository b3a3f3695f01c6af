#pragma once

#include <QString>

namespace Signpost {

// A customer's mail as people write it: their new words on top, and the
// history they answered below (Gmail's "On … wrote:", Outlook's "From: …
// Sent: …" block, "> " lines, the same in German and Norwegian mail). The
// history is folded in the thread, never deleted.
struct QuotedText
{
    QString fresh;  // what they wrote this time
    QString quoted; // from the first line of the history on; empty if none

    static QuotedText split(const QString &text);
};

} // namespace Signpost
