#pragma once

#include "core/enums.h"
#include "core/expected.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace Signpost {

// A file an agent sends with a reply or a note: its bytes are uploaded first
// (POST /api/v1/uploads) and named here by their SHA-256.
struct OutgoingFile
{
    QString sha256; // lower-case hex, as the upload answered
    QString filename;
    QString contentType;
    qint64 size = 0;

    QJsonObject toJson() const;
    static OutgoingFile fromJson(const QJsonObject &json); // as written by toJson(), unchecked
    static QJsonArray toJson(const QList<OutgoingFile> &files);
    static QList<OutgoingFile> listFromJson(const QJsonArray &json);
};

// An agent's action on a ticket, as the client queues it and the server runs
// it: identified by a client-generated id (the idempotency key) and based on
// the ticket version the agent saw.
struct Command
{
    enum class Type { Reply, Note, Transfer, Assign, SetStatus, SetPriority };

    QString id;
    qint64 ticketId = 0;
    qint64 baseVersion = 0;
    Type type = Type::Note;
    QString body;                        // reply, note
    std::optional<TicketStatus> status;  // status; reply (send and set status)
    std::optional<Priority> priority;    // priority
    qint64 departmentId = 0;             // transfer: the target department
    qint64 assigneeId = 0;               // assign (0 = unassign); transfer (0 = none)
    QString note;                        // transfer: the note for the next team
    // Reply, note: the ticket's change number (seq) when the agent began
    // writing. If someone else wrote on the ticket after it, the command is
    // refused as a conflict, so the agent reads that first. 0: not checked.
    qint64 seenSeq = 0;
    QList<OutgoingFile> attachments;     // reply, note

    QJsonObject toJson() const;
    static Expected<Command> fromJson(const QJsonObject &json);
};

QString toString(Command::Type type);

// Whether a command's answer is its final word. Applied, duplicate and the
// refusals that resending cannot change (conflict, invalid, not found,
// forbidden, malformed) are; anything else (internal, unavailable, rate
// limited, …) leaves the outcome unknown: the client resends the same
// command under the same id, later.
bool isFinalOutcome(const QString &outcome, const QString &reason);

inline constexpr qsizetype MaxBodyLength = 50'000;
inline constexpr qsizetype MaxCommandIdLength = 100;
inline constexpr qsizetype MaxAttachmentsPerMessage = 20;
inline constexpr qsizetype MaxFilenameLength = 255;

} // namespace Signpost
