#pragma once

#include "core/department.h"
#include "core/enums.h"
#include "core/expected.h"

#include <QJsonObject>
#include <QList>
#include <QRegularExpression>

#include <optional>

namespace Signpost {

// An ordered classification rule: text that matches sends the inquiry to a
// department. Keywords are comma-separated and match whole words, ignoring
// case; a regular expression matches anywhere, ignoring case.
struct RoutingRule
{
    enum class Field { Subject, Body, Any };

    qint64 id = 0;
    int position = 0;
    QString name;
    qint64 departmentId = 0;
    Field field = Field::Any;
    QString pattern;
    bool isRegex = false;
    qint64 shopId = 0;               // 0 = any shop
    std::optional<Channel> channel;  // unset = any channel
    bool enabled = true;

    QJsonObject toJson() const;
    // Reads a rule as admins send it; complete = false allows a partial update
    // onto `base`.
    static Expected<RoutingRule> fromJson(const QJsonObject &json, const RoutingRule &base,
                                          bool complete);
};

// What routing looks at in a first contact.
struct Inquiry
{
    qint64 chosenDepartmentId = 0; // from the contact form's selector, 0 if none
    QString toAddress;             // the receiving address, for channels with one
    QString subject;
    QString body;
    qint64 shopId = 0;
    Channel channel = Channel::Web;
};

// Where an inquiry went and why; the why is kept in the ticket's history.
struct RoutingDecision
{
    enum class Reason { Form, Address, Rule, Default };

    qint64 departmentId = 0;
    Reason reason = Reason::Default;
    qint64 ruleId = 0;
    QString detail; // a sentence for the history timeline

    QJsonObject toJson() const;
};

QString toString(RoutingDecision::Reason reason);

// The departments and rules of the helpdesk, prepared for routing many
// inquiries: regular expressions are compiled once.
class RoutingTable
{
public:
    RoutingTable() = default;
    RoutingTable(QList<Department> departments, QList<RoutingRule> rules);

    // First contact: the department chosen on the form, else the receiving
    // address, else the first matching rule, else the default department.
    // Fails only when a chosen department is not offered on that shop's form
    // or there is nowhere to route to.
    Expected<RoutingDecision> route(const Inquiry &inquiry) const;

    // A department as the table knows it (archived ones too), or null.
    const Department *department(qint64 departmentId) const;

    // The departments a shop's contact form offers, in the order of their
    // labels in `language` (a code of core/language.h) as that language
    // sorts them.
    QList<Department> publicDepartments(qint64 shopId, const QString &language = QStringLiteral("en")) const;

private:
    struct CompiledRule
    {
        RoutingRule rule;
        QRegularExpression expression;
    };
    bool matches(const CompiledRule &rule, const Inquiry &inquiry) const;
    const Department *active(qint64 departmentId) const;

    QList<Department> m_departments;
    QList<CompiledRule> m_rules;
};

} // namespace Signpost
