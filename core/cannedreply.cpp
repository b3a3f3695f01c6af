#include "core/cannedreply.h"

#include "core/timestamps.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

const QRegularExpression &fieldPattern()
{
    static const QRegularExpression pattern(u"\\{([a-z_]+(?:\\.[a-z_]+)*)\\}"_s);
    return pattern;
}

} // namespace

QJsonObject CannedReply::toJson() const
{
    return QJsonObject{{u"id"_s, id},
                       {u"department"_s, departmentId},
                       {u"title"_s, title},
                       {u"body"_s, body},
                       {u"updated_at"_s, isoFromMs(updatedAt)}};
}

CannedReply CannedReply::fromJson(const QJsonObject &json)
{
    return CannedReply{json.value(u"id"_s).toInteger(), json.value(u"department"_s).toInteger(),
                       json.value(u"title"_s).toString(), json.value(u"body"_s).toString(),
                       msFromIso(json.value(u"updated_at"_s).toString())};
}

const QStringList &CannedReply::fieldNames()
{
    static const QStringList names{u"customer.first_name"_s, u"customer.name"_s, u"order.number"_s,
                                   u"ticket.number"_s,       u"agent.name"_s,    u"department.name"_s};
    return names;
}

QStringList CannedReply::unknownFields(const QString &text)
{
    QStringList unknown;
    for (const QRegularExpressionMatch &match : fieldPattern().globalMatch(text)) {
        const QString name = match.captured(1);
        if (!fieldNames().contains(name) && !unknown.contains(name))
            unknown.append(name);
    }
    return unknown;
}

QString CannedReply::expand(const Fields &fields) const
{
    const QString name = fields.customerName.trimmed();
    const QString firstName = name.section(u' ', 0, 0, QString::SectionSkipEmpty);
    QString text;
    qsizetype from = 0;
    for (const QRegularExpressionMatch &match : fieldPattern().globalMatch(body)) {
        const QString field = match.captured(1);
        QString value;
        if (field == u"customer.first_name")
            value = firstName;
        else if (field == u"customer.name")
            value = name;
        else if (field == u"order.number")
            value = fields.orderNumber;
        else if (field == u"ticket.number")
            value = fields.ticketId > 0 ? u"#%1"_s.arg(fields.ticketId) : QString();
        else if (field == u"agent.name")
            value = fields.agentName;
        else if (field == u"department.name")
            value = fields.departmentName;
        else
            value = match.captured(0); // not a field: left as written
        text += QStringView(body).mid(from, match.capturedStart() - from);
        text += value;
        from = match.capturedEnd();
    }
    text += QStringView(body).mid(from);
    return text;
}

} // namespace Signpost
