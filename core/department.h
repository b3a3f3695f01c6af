#pragma once

#include "core/slapolicy.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Signpost {

// A function of the helpdesk (Support, Sales, Returns, …): its own queue,
// its own voice towards customers and its own place on the contact forms.
struct Department
{
    qint64 id = 0;
    QString name;
    QString publicLabel; // what customers see in the contact form's selector
    QHash<QString, QString> publicLabels; // the same in other languages, by code
    QString publicLabelIn(const QString &language) const { return publicLabels.value(language, publicLabel); }
    QString senderName;  // "From" name on every reply
    QString signature;   // appended to every reply
    bool isDefault = false;
    bool archived = false;
    enum class AssignmentMode { Manual, RoundRobin, LeastLoaded };
    AssignmentMode assignmentMode = AssignmentMode::Manual;
    int assignmentCapacity = 0;  // open tickets an agent may hold here; 0 = no cap

    SlaPolicy sla;

    // What files may weigh here, one and all of a message's together: the
    // customer's (mail, contact form) and the agents' alike.
    static constexpr qint64 DefaultMaxFileBytes = 25LL * 1024 * 1024;
    static constexpr qint64 DefaultMaxMessageBytes = 50LL * 1024 * 1024;
    static constexpr qint64 MaxFileBytesCap = 50LL * 1024 * 1024;  // what an admin may allow at most
    qint64 maxFileBytes = DefaultMaxFileBytes;
    qint64 maxMessageBytes = DefaultMaxMessageBytes;

    // Who hears of each event in the department: "members" (all of them),
    // "leads", "assignee" (the ticket's assignee; the members while it has
    // none) or "assignee_and_leads". Keys: notifyEvents().
    QHash<QString, QString> notify;
    QString audience(const QString &event) const;
    static const QStringList &notifyEvents();
    // What a department's leads may change of it (admins change anything):
    // how it works and how it speaks to customers, not what reaches it.
    static const QStringList &leadKeys();
    static const QStringList &notifyAudiences();

    QList<qint64> shopIds;       // shops whose contact form offers it
    QStringList addresses;       // receiving addresses routed here
    // A shop's own name for the department's replies ("Lumen Returns").
    QHash<qint64, QString> shopSenderNames;
    QString senderNameFor(qint64 shopId) const { return shopSenderNames.value(shopId, senderName); }

    QJsonObject toJson() const;
    static Department fromJson(const QJsonObject &json);
};

QString toString(Department::AssignmentMode mode);
std::optional<Department::AssignmentMode> assignmentModeFromString(const QString &text);

} // namespace Signpost
