#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Signpost {

enum class TicketStatus { New, Open, Pending, Solved, Closed };
enum class Priority { Low, Normal, High, Urgent };
enum class MessageKind { Customer, Reply, Note };
enum class Role { Member, Lead };
enum class Channel { Web, Email, Api };

QString toString(TicketStatus status);
QString toString(Priority priority);
QString toString(MessageKind kind);
QString toString(Role role);
QString toString(Channel channel);

std::optional<TicketStatus> ticketStatusFromString(const QString &text);
std::optional<Priority> priorityFromString(const QString &text);
std::optional<MessageKind> messageKindFromString(const QString &text);
std::optional<Role> roleFromString(const QString &text);
std::optional<Channel> channelFromString(const QString &text);

QStringList allTicketStatusNames();
QStringList allPriorityNames();

// The status machine: which status an agent may move a ticket to from which.
// A ticket is only "new" until someone acts on it; closed tickets can only
// be reopened.
bool isAllowedTransition(TicketStatus from, TicketStatus to);

} // namespace Signpost
