#include "core/enums.h"

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

template<typename E, std::size_t N>
using NameTable = std::array<std::pair<E, const char16_t *>, N>;

constexpr NameTable<TicketStatus, 5> statusNames{{
    {TicketStatus::New, u"new"},
    {TicketStatus::Open, u"open"},
    {TicketStatus::Pending, u"pending"},
    {TicketStatus::Solved, u"solved"},
    {TicketStatus::Closed, u"closed"},
}};
constexpr NameTable<Priority, 4> priorityNames{{
    {Priority::Low, u"low"},
    {Priority::Normal, u"normal"},
    {Priority::High, u"high"},
    {Priority::Urgent, u"urgent"},
}};
constexpr NameTable<MessageKind, 3> messageKindNames{{
    {MessageKind::Customer, u"customer"},
    {MessageKind::Reply, u"reply"},
    {MessageKind::Note, u"note"},
}};
constexpr NameTable<Role, 2> roleNames{{
    {Role::Member, u"member"},
    {Role::Lead, u"lead"},
}};
constexpr NameTable<Channel, 3> channelNames{{
    {Channel::Web, u"web"},
    {Channel::Email, u"email"},
    {Channel::Api, u"api"},
}};

template<typename E, std::size_t N>
QString nameOf(const NameTable<E, N> &table, E value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const NameTable<E, N> &table, const QString &text)
{
    for (const auto &[e, name] : table) {
        if (text == QStringView(name))
            return e;
    }
    return std::nullopt;
}

template<typename E, std::size_t N>
QStringList namesOf(const NameTable<E, N> &table)
{
    QStringList names;
    for (const auto &entry : table)
        names.append(QString::fromUtf16(entry.second));
    return names;
}

} // namespace

QString toString(TicketStatus status) { return nameOf(statusNames, status); }
QString toString(Priority priority) { return nameOf(priorityNames, priority); }
QString toString(MessageKind kind) { return nameOf(messageKindNames, kind); }
QString toString(Role role) { return nameOf(roleNames, role); }
QString toString(Channel channel) { return nameOf(channelNames, channel); }

std::optional<TicketStatus> ticketStatusFromString(const QString &text) { return valueOf(statusNames, text); }
std::optional<Priority> priorityFromString(const QString &text) { return valueOf(priorityNames, text); }
std::optional<MessageKind> messageKindFromString(const QString &text) { return valueOf(messageKindNames, text); }
std::optional<Role> roleFromString(const QString &text) { return valueOf(roleNames, text); }
std::optional<Channel> channelFromString(const QString &text) { return valueOf(channelNames, text); }

QStringList allTicketStatusNames() { return namesOf(statusNames); }
QStringList allPriorityNames() { return namesOf(priorityNames); }

bool isAllowedTransition(TicketStatus from, TicketStatus to)
{
    if (from == to)
        return true;
    if (to == TicketStatus::New)
        return false;
    if (from == TicketStatus::Closed)
        return to == TicketStatus::Open;
    return true;
}

} // namespace Signpost
