#include "tests/support/testworld.h"

#include "tests/support/testserver.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace Signpost::Test {

TestWorld TestWorld::create(ApiClient &api, QString *error)
{
    TestWorld world;
    auto failed = [&](const QString &what, const Response &response) {
        if (error)
            *error = u"%1: HTTP %2 %3"_s.arg(what).arg(response.status)
                         .arg(response.status == 0 ? response.networkError : QString::fromUtf8(response.body));
        return TestWorld{};
    };
    const Response adminLogin = api.post(u"/api/v1/auth/login"_s,
                                         {{u"email"_s, QString::fromLatin1(TestServer::AdminEmail)},
                                          {u"password"_s, QString::fromLatin1(TestServer::AdminPassword)}});
    const QString admin = adminLogin.status == 200 ? adminLogin.json().value(u"token"_s).toString() : QString();
    if (admin.isEmpty())
        return failed(u"admin login"_s, adminLogin);
    world.tokens.insert(u"admin"_s, admin);
    world.agents.insert(u"admin"_s, api.get(u"/api/v1/me"_s, admin).json().value(u"id"_s).toInteger());

    Response shop = api.post(u"/api/v1/shops"_s, {{u"slug"_s, world.shopSlug}, {u"name"_s, u"Acme Outdoor"_s}}, admin);
    if (shop.status != 201)
        return failed(u"shop"_s, shop);
    world.shop = shop.json().value(u"id"_s).toInteger();

    auto department = [&](const QString &name, bool isDefault, qint64 &id) {
        const Response created = api.post(u"/api/v1/departments"_s,
                                          {{u"name"_s, name},
                                           {u"public_label"_s, name + u" team"_s},
                                           {u"sender_name"_s, name + u" at Acme"_s},
                                           {u"signature"_s, u"-- \n"_s + name + u" desk"_s},
                                           {u"is_default"_s, isDefault},
                                           {u"shops"_s, isDefault ? QJsonArray() : QJsonArray{world.shop}},
                                           {u"addresses"_s, QJsonArray{name.toLower() + u"@acme.example"_s}}},
                                          admin);
        id = created.json().value(u"id"_s).toInteger();
        return created;
    };
    for (const auto &[name, isDefault, target] :
         {std::tuple{u"Triage"_s, true, &world.triage}, std::tuple{u"Support"_s, false, &world.support},
          std::tuple{u"Returns"_s, false, &world.returns}, std::tuple{u"Sales"_s, false, &world.sales}}) {
        const Response created = department(name, isDefault, *target);
        if (created.status != 201)
            return failed(u"department "_s + name, created);
    }

    const QList<std::tuple<QString, QList<std::pair<qint64, QString>>>> agents{
        {u"sue"_s, {{world.support, u"lead"_s}}},
        {u"sam"_s, {{world.support, u"member"_s}}},
        {u"rob"_s, {{world.returns, u"member"_s}}},
        {u"two"_s, {{world.support, u"member"_s}, {world.returns, u"member"_s}}},
        {u"sal"_s, {{world.sales, u"member"_s}}},
    };
    for (const auto &[name, memberships] : agents) {
        const Response created = api.post(u"/api/v1/agents"_s,
                                          {{u"email"_s, name + u"@acme.example"_s},
                                           {u"name"_s, name},
                                           {u"password"_s, QString::fromLatin1(Password)}},
                                          admin);
        if (created.status != 201)
            return failed(u"agent "_s + name, created);
        const qint64 id = created.json().value(u"id"_s).toInteger();
        for (const auto &[departmentId, role] : memberships) {
            const Response member = api.put(u"/api/v1/agents/%1/memberships/%2"_s.arg(id).arg(departmentId),
                                            {{u"role"_s, role}}, admin);
            if (member.status != 200)
                return failed(u"membership "_s + name, member);
        }
        world.agents.insert(name, id);
        // The answer itself on failure, not only "no token".
        const Response login = api.post(u"/api/v1/auth/login"_s, {{u"email"_s, name + u"@acme.example"_s},
                                                                   {u"password"_s, QString::fromLatin1(Password)}});
        const QString token = login.status == 200 ? login.json().value(u"token"_s).toString() : QString();
        if (token.isEmpty())
            return failed(u"login "_s + name, login);
        world.tokens.insert(name, token);
    }
    return world;
}

qint64 TestWorld::intake(ApiClient &api, qint64 department, const QString &subject, const QString &email,
                         QString *secret) const
{
    QJsonObject body{{u"shop"_s, shop},
                     {u"name"_s, u"Casey Customer"_s},
                     {u"email"_s, email},
                     {u"subject"_s, subject},
                     {u"message"_s, u"Please help with order 42."_s}};
    if (department > 0)
        body.insert(u"department"_s, department);
    const Response response = api.post(u"/api/v1/public/intake"_s, body);
    if (secret)
        *secret = response.json().value(u"secret"_s).toString();
    return response.status == 201 ? response.json().value(u"ticket"_s).toInteger() : 0;
}

QJsonObject TestWorld::command(ApiClient &api, const QString &agent, QJsonObject command) const
{
    if (!command.contains(u"id"_s))
        command.insert(u"id"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    const Response response = api.post(u"/api/v1/commands"_s, {{u"commands"_s, QJsonArray{command}}}, token(agent));
    return response.json().value(u"results"_s).toArray().first().toObject();
}

qint64 TestWorld::version(ApiClient &api, qint64 ticket) const
{
    return api.get(u"/api/v1/tickets/%1"_s.arg(ticket), token(u"admin"_s)).json().value(u"version"_s).toInteger();
}

} // namespace Signpost::Test
