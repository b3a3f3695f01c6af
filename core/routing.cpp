#include "core/routing.h"

#include <QCoreApplication>
#include <QCollator>
#include <QLocale>

#include <QJsonValue>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

QString fieldName(RoutingRule::Field field)
{
    switch (field) {
    case RoutingRule::Field::Subject: return u"subject"_s;
    case RoutingRule::Field::Body: return u"body"_s;
    case RoutingRule::Field::Any: return u"any"_s;
    }
    return u"any"_s;
}

std::optional<RoutingRule::Field> fieldFromName(const QString &name)
{
    if (name == u"subject")
        return RoutingRule::Field::Subject;
    if (name == u"body")
        return RoutingRule::Field::Body;
    if (name == u"any")
        return RoutingRule::Field::Any;
    return std::nullopt;
}

QRegularExpression compile(const RoutingRule &rule)
{
    QString source;
    if (rule.isRegex) {
        source = rule.pattern;
    } else {
        QStringList words;
        for (const QString &keyword : rule.pattern.split(u',', Qt::SkipEmptyParts)) {
            const QString trimmed = keyword.trimmed();
            if (!trimmed.isEmpty())
                words.append(QRegularExpression::escape(trimmed));
        }
        source = u"\\b(?:"_s + words.join(u'|') + u")\\b"_s;
    }
    return QRegularExpression(source, QRegularExpression::CaseInsensitiveOption
                                          | QRegularExpression::UseUnicodePropertiesOption);
}

} // namespace

QJsonObject RoutingRule::toJson() const
{
    return QJsonObject{
        {u"id"_s, id},
        {u"position"_s, position},
        {u"name"_s, name},
        {u"department"_s, departmentId},
        {u"field"_s, fieldName(field)},
        {u"pattern"_s, pattern},
        {u"is_regex"_s, isRegex},
        {u"shop"_s, shopId > 0 ? QJsonValue(shopId) : QJsonValue(QJsonValue::Null)},
        {u"channel"_s, channel ? QJsonValue(toString(*channel)) : QJsonValue(QJsonValue::Null)},
        {u"enabled"_s, enabled},
    };
}

Expected<RoutingRule> RoutingRule::fromJson(const QJsonObject &json, const RoutingRule &base, bool complete)
{
    RoutingRule rule = base;
    auto has = [&](const char16_t *key) { return json.contains(QStringView(key)); };

    if (has(u"name"))
        rule.name = json.value(u"name"_s).toString().trimmed();
    if (rule.name.isEmpty() || rule.name.size() > 200)
        return Error::invalid(u"name"_s,
                QCoreApplication::translate("Signpost::Routing", "A rule needs a name of 1 to 200 characters."));

    if (has(u"department")) {
        if (!json.value(u"department"_s).isDouble())
            return Error::invalid(u"department"_s,
                    QCoreApplication::translate("Signpost::Routing", "department must be a department id."));
        rule.departmentId = json.value(u"department"_s).toInteger();
    }
    if (complete && rule.departmentId <= 0)
        return Error::invalid(u"department"_s,
                QCoreApplication::translate("Signpost::Routing", "A rule needs the department it routes to."));

    if (has(u"field")) {
        const auto field = fieldFromName(json.value(u"field"_s).toString());
        if (!field)
            return Error::invalid(u"field"_s,
                    QCoreApplication::translate("Signpost::Routing", "field must be one of subject, body, any."));
        rule.field = *field;
    }
    if (has(u"is_regex")) {
        if (!json.value(u"is_regex"_s).isBool())
            return Error::invalid(u"is_regex"_s,
                    QCoreApplication::translate("Signpost::Routing", "is_regex must be true or false."));
        rule.isRegex = json.value(u"is_regex"_s).toBool();
    }
    if (has(u"pattern"))
        rule.pattern = json.value(u"pattern"_s).toString();
    if (rule.pattern.trimmed().isEmpty() || rule.pattern.size() > 2000)
        return Error::invalid(u"pattern"_s,
                QCoreApplication::translate("Signpost::Routing", "A rule needs a pattern of 1 to 2000 characters."));
    if (!rule.isRegex) {
        const QStringList keywords = rule.pattern.split(u',', Qt::SkipEmptyParts);
        if (std::none_of(keywords.cbegin(), keywords.cend(), [](const QString &k) { return !k.trimmed().isEmpty(); }))
            return Error::invalid(u"pattern"_s,
                    QCoreApplication::translate("Signpost::Routing",
                                                "Give at least one keyword, separated by commas."));
    } else {
        const QRegularExpression expression(rule.pattern);
        if (!expression.isValid())
            return Error::invalid(u"pattern"_s,
                    QCoreApplication::translate("Signpost::Routing",
                                                "The regular expression is not valid: %1")
                                            .arg(expression.errorString()));
    }

    if (has(u"shop")) {
        const QJsonValue shop = json.value(u"shop"_s);
        if (!shop.isNull() && !shop.isDouble())
            return Error::invalid(u"shop"_s,
                    QCoreApplication::translate("Signpost::Routing", "shop must be a shop id or null."));
        rule.shopId = shop.isNull() ? 0 : shop.toInteger();
    }
    if (has(u"channel")) {
        const QJsonValue channel = json.value(u"channel"_s);
        if (channel.isNull()) {
            rule.channel.reset();
        } else {
            rule.channel = channelFromString(channel.toString());
            if (!rule.channel)
                return Error::invalid(u"channel"_s,
                        QCoreApplication::translate("Signpost::Routing",
                                                    "channel must be one of web, email, api, or null."));
        }
    }
    if (has(u"enabled")) {
        if (!json.value(u"enabled"_s).isBool())
            return Error::invalid(u"enabled"_s,
                    QCoreApplication::translate("Signpost::Routing", "enabled must be true or false."));
        rule.enabled = json.value(u"enabled"_s).toBool();
    }
    if (has(u"position")) {
        if (!json.value(u"position"_s).isDouble())
            return Error::invalid(u"position"_s,
                    QCoreApplication::translate("Signpost::Routing", "position must be a number."));
        rule.position = json.value(u"position"_s).toInt();
    }
    return rule;
}

QString toString(RoutingDecision::Reason reason)
{
    switch (reason) {
    case RoutingDecision::Reason::Form: return u"form"_s;
    case RoutingDecision::Reason::Address: return u"address"_s;
    case RoutingDecision::Reason::Rule: return u"rule"_s;
    case RoutingDecision::Reason::Default: return u"default"_s;
    }
    return u"default"_s;
}

QJsonObject RoutingDecision::toJson() const
{
    QJsonObject json{
        {u"department"_s, departmentId},
        {u"reason"_s, toString(reason)},
        {u"detail"_s, detail},
    };
    if (ruleId > 0)
        json.insert(u"rule"_s, ruleId);
    return json;
}

RoutingTable::RoutingTable(QList<Department> departments, QList<RoutingRule> rules)
    : m_departments(std::move(departments))
{
    std::stable_sort(rules.begin(), rules.end(), [](const RoutingRule &a, const RoutingRule &b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
    for (RoutingRule &rule : rules) {
        if (!rule.enabled)
            continue;
        QRegularExpression expression = compile(rule);
        if (expression.isValid())
            m_rules.append({std::move(rule), std::move(expression)});
    }
}

const Department *RoutingTable::department(qint64 departmentId) const
{
    for (const Department &d : m_departments) {
        if (d.id == departmentId)
            return &d;
    }
    return nullptr;
}

const Department *RoutingTable::active(qint64 departmentId) const
{
    for (const Department &department : m_departments) {
        if (department.id == departmentId)
            return department.archived ? nullptr : &department;
    }
    return nullptr;
}

bool RoutingTable::matches(const CompiledRule &compiled, const Inquiry &inquiry) const
{
    const RoutingRule &rule = compiled.rule;
    if (rule.shopId > 0 && rule.shopId != inquiry.shopId)
        return false;
    if (rule.channel && *rule.channel != inquiry.channel)
        return false;
    const bool inSubject = rule.field != RoutingRule::Field::Body
                           && compiled.expression.match(inquiry.subject).hasMatch();
    if (inSubject)
        return true;
    return rule.field != RoutingRule::Field::Subject && compiled.expression.match(inquiry.body).hasMatch();
}

Expected<RoutingDecision> RoutingTable::route(const Inquiry &inquiry) const
{
    if (inquiry.chosenDepartmentId > 0) {
        const Department *chosen = active(inquiry.chosenDepartmentId);
        if (!chosen || (inquiry.shopId > 0 && !chosen->shopIds.contains(inquiry.shopId)))
            return Error::invalid(u"department"_s,
                    QCoreApplication::translate("Signpost::Routing",
                                                "Choose one of the departments offered on this form."));
        return RoutingDecision{chosen->id, RoutingDecision::Reason::Form, 0,
                               u"Chosen on the contact form: %1"_s.arg(chosen->publicLabel)};
    }

    const QString address = inquiry.toAddress.trimmed();
    if (!address.isEmpty()) {
        for (const Department &department : m_departments) {
            if (department.archived)
                continue;
            for (const QString &known : department.addresses) {
                if (known.compare(address, Qt::CaseInsensitive) == 0)
                    return RoutingDecision{department.id, RoutingDecision::Reason::Address, 0,
                                           u"Sent to %1"_s.arg(known)};
            }
        }
    }

    for (const CompiledRule &compiled : m_rules) {
        if (!active(compiled.rule.departmentId) || !matches(compiled, inquiry))
            continue;
        return RoutingDecision{compiled.rule.departmentId, RoutingDecision::Reason::Rule, compiled.rule.id,
                               u"Matched rule \u201c%1\u201d"_s.arg(compiled.rule.name)};
    }

    for (const Department &department : m_departments) {
        if (department.isDefault && !department.archived)
            return RoutingDecision{department.id, RoutingDecision::Reason::Default, 0,
                                   u"No department chosen and no rule matched"_s};
    }
    return Error{ErrorCode::Internal,
            QCoreApplication::translate("Signpost::Routing", "There is no default department to route to."), {}};
}

QList<Department> RoutingTable::publicDepartments(qint64 shopId, const QString &language) const
{
    QList<Department> offered;
    for (const Department &department : m_departments) {
        if (!department.archived && department.shopIds.contains(shopId))
            offered.append(department);
    }
    const QCollator collator{QLocale(language)};
    std::sort(offered.begin(), offered.end(), [&](const Department &a, const Department &b) {
        return collator.compare(a.publicLabelIn(language), b.publicLabelIn(language)) < 0;
    });
    return offered;
}

} // namespace Signpost
