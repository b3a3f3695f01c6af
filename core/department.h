#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Signpost {

// A function of the helpdesk (Support, Sales, Returns, …): its own queue,
// its own voice towards customers and its own place on the contact forms.
struct Department
{
    qint64 id = 0;
    QString name;
    QString publicLabel; // what customers see in the contact form's selector
    QString senderName;  // "From" name on every reply
    QString signature;   // appended to every reply
    bool isDefault = false;
    bool archived = false;
    QList<qint64> shopIds;       // shops whose contact form offers it
    QStringList addresses;       // receiving addresses routed here

    QJsonObject toJson() const;
    static Department fromJson(const QJsonObject &json);
};

} // namespace Signpost
