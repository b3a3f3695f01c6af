#pragma once

#include "core/enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Signpost {

struct Membership
{
    qint64 departmentId = 0;
    Role role = Role::Member;
};

// A person who answers tickets: admin over everything, or a member or lead
// of one or more departments.
struct Agent
{
    qint64 id = 0;
    QString email;
    QString name;
    bool isAdmin = false;
    bool disabled = false;
    bool available = true; // takes new work; "away" agents are skipped by automation
    QList<Membership> memberships;

    QJsonObject toJson() const;
    static Agent fromJson(const QJsonObject &json);
};

} // namespace Signpost
