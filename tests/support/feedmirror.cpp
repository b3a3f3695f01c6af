#include "tests/support/feedmirror.h"

#include <QJsonArray>
#include <QMap>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Signpost::Test {

void FeedMirror::apply(const QJsonObject &page)
{
    QVERIFY2(page.contains(u"cursor"_s), "not a page of the feed");
    ++pages;
    reset = reset || page.value(u"reset"_s).toBool();
    for (const QJsonValue &value : page.value(u"tickets"_s).toArray()) {
        QJsonObject ticket = value.toObject();
        const qint64 id = ticket.value(u"id"_s).toInteger();
        if (!ticket.value(u"full"_s).toBool()) {
            // A delta: merge the thread entries by id into what we had (an
            // entry may come again if the ticket was sent whole while it
            // changed).
            QVERIFY2(tickets.contains(id), qPrintable(u"a delta for ticket %1, which the client never had"_s.arg(id)));
            for (const QString &list : {u"messages"_s, u"events"_s}) {
                QMap<qint64, QJsonValue> merged;
                for (const QJsonValue &entry : tickets[id].value(list).toArray())
                    merged.insert(entry.toObject().value(u"id"_s).toInteger(), entry);
                for (const QJsonValue &entry : ticket.value(list).toArray())
                    merged.insert(entry.toObject().value(u"id"_s).toInteger(), entry);
                QJsonArray ordered;
                for (const QJsonValue &entry : std::as_const(merged))
                    ordered.append(entry);
                ticket.insert(list, ordered);
            }
        }
        tickets.insert(id, ticket);
    }
    for (const QJsonValue &id : page.value(u"revoked_tickets"_s).toArray()) {
        revokedTickets.insert(id.toInteger());
        tickets.remove(id.toInteger());
    }
    for (const QJsonValue &id : page.value(u"revoked_departments"_s).toArray()) {
        revokedDepartments.insert(id.toInteger());
        tickets.removeIf([&](auto it) { return it.value().value(u"department"_s).toInteger() == id.toInteger(); });
    }
    for (const QJsonValue &id : page.value(u"granted_departments"_s).toArray())
        grantedDepartments.insert(id.toInteger());
    cursor = page.value(u"cursor"_s).toString();
}

QHash<qint64, QJsonObject> FeedMirror::held() const
{
    QHash<qint64, QJsonObject> out = tickets;
    for (QJsonObject &ticket : out)
        ticket.remove(u"full"_s);
    return out;
}

} // namespace Signpost::Test
