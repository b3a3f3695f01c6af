#pragma once

#include "tests/support/apiclient.h"

#include <QHash>
#include <QString>

namespace Signpost::Test {

// A small helpdesk for tests, made through the API: one shop, four
// departments and agents in one or two of them.
//
//   Triage (default)   —
//   Support            sue (lead), sam (member), two (member)
//   Returns            rob (member), two (member)
//   Sales              sal (member)
struct TestWorld
{
    qint64 shop = 0;
    QString shopSlug = QStringLiteral("acme");
    qint64 triage = 0, support = 0, returns = 0, sales = 0;
    QHash<QString, qint64> agents;  // by short name; "admin" too
    QHash<QString, QString> tokens; // by short name

    static constexpr auto Password = "agent-password-1";

    // Builds the world; empty on failure (the reason in `error`).
    static TestWorld create(ApiClient &api, QString *error = nullptr);

    QString token(const QString &name) const { return tokens.value(name); }
    qint64 agent(const QString &name) const { return agents.value(name); }

    // A ticket through the JSON intake, in the given department (0: routed).
    qint64 intake(ApiClient &api, qint64 department, const QString &subject = QStringLiteral("Help"),
                  const QString &email = QStringLiteral("customer@example.com"), QString *secret = nullptr) const;
    // One command for `agent`; returns the result object.
    QJsonObject command(ApiClient &api, const QString &agent, QJsonObject command) const;
    // The ticket's current version as `agent` sees it (admin if empty).
    qint64 version(ApiClient &api, qint64 ticket) const;
};

} // namespace Signpost::Test
