// Accounts: sign-in, tokens, the admin's management of agents, departments,
// shops and memberships, and the errors for bad input.
#include "tests/support/apiclient.h"
#include "tests/support/testserver.h"
#include "tests/support/testworld.h"
#include "tests/support/worldtest.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

class TestServerAccounts : public WorldTest
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY2(startWorld(), qPrintable(m_error));
    }
    void cleanup()
    {
        QVERIFY(stopWorld());
    }

    void healthAndVersion()
    {
        QCOMPARE(m_api->get(u"/healthz"_s).status, 200);
        QCOMPARE(m_api->get(u"/api/v1"_s).json().value(u"name"_s).toString(), u"signpost"_s);
    }

    void loginGivesTokenAndLogoutRevokesIt()
    {
        const QString token = m_api->login(u"sam@acme.example"_s, QString::fromLatin1(TestWorld::Password));
        QVERIFY(token.size() >= 40);
        const Response me = m_api->get(u"/api/v1/me"_s, token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"email"_s).toString(), u"sam@acme.example"_s);
        QCOMPARE(me.json().value(u"memberships"_s).toArray().size(), 1);

        QCOMPARE(m_api->post(u"/api/v1/auth/logout"_s, {}, token).status, 204);
        const Response after = m_api->get(u"/api/v1/me"_s, token);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.errorCode(), u"unauthorized"_s);
        // Other sessions of the same agent are untouched.
        QCOMPARE(m_api->get(u"/api/v1/me"_s, m_world.token(u"sam"_s)).status, 200);
    }

    void wrongPasswordOrUnknownEmailIsRefusedAlike()
    {
        const Response wrong = m_api->post(u"/api/v1/auth/login"_s,
                                           {{u"email"_s, u"sam@acme.example"_s}, {u"password"_s, u"nope-nope"_s}});
        const Response unknown = m_api->post(u"/api/v1/auth/login"_s,
                                             {{u"email"_s, u"who@acme.example"_s}, {u"password"_s, u"nope-nope"_s}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.json().value(u"error"_s).toObject().value(u"message"_s),
                 unknown.json().value(u"error"_s).toObject().value(u"message"_s));
        // A blank email is a field to fill in, not a failed sign-in.
        const Response blank = m_api->post(u"/api/v1/auth/login"_s, {{u"email"_s, u"   "_s}, {u"password"_s, u"x"_s}});
        QCOMPARE(blank.status, 422);
        QCOMPARE(blank.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"email"_s);
    }

    // What the server says to agents comes in the language their desk asks
    // for (Accept-Language), on every path: a refusal made at once, one
    // made by the shared core (the rule's pattern), one made after the
    // password check on a worker, one made on a reader thread (a sync
    // page). The machine-readable parts never change.
    void refusalsSpeakTheAgentsLanguage()
    {
        const QString admin = m_world.token(u"admin"_s);
        const QByteArray duplicate = QJsonDocument(QJsonObject{{u"name"_s, u"Support"_s}}).toJson();
        const auto message = [](const Response &response) { return response.json()[u"error"_s][u"message"_s].toString(); };
        const auto asking = [&](const QByteArray &language, const QByteArray &method, const QString &path,
                                const QByteArray &body, const QString &token) {
            return m_api->send(method, path, body, "application/json", token, {{"Accept-Language", language}});
        };

        const Response german = asking("de-DE,de;q=0.9,en;q=0.5", "POST", u"/api/v1/departments"_s, duplicate, admin);
        QCOMPARE(german.status, 409);
        QCOMPARE(german.errorCode(), u"conflict"_s);
        QCOMPARE(german.json()[u"error"_s][u"field"_s].toString(), u"name"_s);
        QCOMPARE(message(german), u"Es gibt bereits eine Abteilung mit diesem Namen."_s);
        const Response norwegian = asking("nb-NO, en;q=0.5", "POST", u"/api/v1/departments"_s, duplicate, admin);
        QCOMPARE(message(norwegian), u"Det finnes allerede en avdeling med dette navnet."_s);
        // Nynorsk asks for the nearest there is; a language Signpost does not
        // speak gets English.
        QCOMPARE(message(asking("nn", "POST", u"/api/v1/departments"_s, duplicate, admin)), message(norwegian));
        QCOMPARE(message(asking("fr-FR", "POST", u"/api/v1/departments"_s, duplicate, admin)),
                 u"A department with this name exists already."_s);

        const QByteArray badRule = QJsonDocument(QJsonObject{{u"name"_s, u"Broken"_s},
                                                             {u"department"_s, m_world.sales},
                                                             {u"pattern"_s, u"(unclosed"_s},
                                                             {u"is_regex"_s, true}})
                                       .toJson();
        const Response rule = asking("de", "POST", u"/api/v1/routing-rules"_s, badRule, admin);
        QCOMPARE(rule.status, 422);
        QVERIFY2(message(rule).startsWith(u"Der reguläre Ausdruck ist ungültig: "_s), qPrintable(message(rule)));

        const QByteArray wrongPassword =
            QJsonDocument(QJsonObject{{u"email"_s, u"sam@acme.example"_s}, {u"password"_s, u"nope-nope"_s}}).toJson();
        const Response signIn = asking("de", "POST", u"/api/v1/auth/login"_s, wrongPassword, {});
        QCOMPARE(signIn.status, 401);
        QCOMPARE(message(signIn), u"E-Mail-Adresse oder Passwort ist falsch."_s);

        const Response page =
            asking("nb", "GET", u"/api/v1/sync?cursor=not-a-cursor"_s, {}, m_world.token(u"sam"_s));
        QCOMPARE(page.status, 422);
        QCOMPARE(message(page), u"Denne cursoren kommer ikke fra denne serveren."_s);
        // And English for one that asks for English.
        QCOMPARE(message(m_api->get(u"/api/v1/sync?cursor=not-a-cursor"_s, m_world.token(u"sam"_s))),
                 u"The cursor is not one this server handed out."_s);
    }

    // Password checks run off the event loop: while sign-ins are being
    // checked, the server goes on answering everyone else.
    void signInsDoNotStallOtherRequests()
    {
        QNetworkAccessManager logins;
        QList<QNetworkReply *> pending;
        for (int i = 0; i < 6; ++i) {
            QNetworkRequest request(m_api->url(u"/api/v1/auth/login"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            pending.append(logins.post(request, QByteArrayLiteral(
                                                    "{\"email\":\"sam@acme.example\",\"password\":\"agent-password-1\"}")));
        }
        // Wait until the server has all six: the first answer is on its way.
        QSignalSpy firstDone(pending.first(), &QNetworkReply::finished);
        QVERIFY(firstDone.wait(10'000));
        ApiClient other(m_server->baseUrl());
        QCOMPARE(other.get(u"/healthz"_s).status, 200);
        int stillChecking = 0;
        for (QNetworkReply *reply : std::as_const(pending))
            stillChecking += reply->isFinished() ? 0 : 1;
        QVERIFY2(stillChecking > 0, "/healthz waited for every sign-in");
        for (QNetworkReply *reply : std::as_const(pending)) {
            if (!reply->isFinished())
                QVERIFY(QSignalSpy(reply, &QNetworkReply::finished).wait(10'000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
    }

    void passwordsAreStoredHashed()
    {
        const QByteArray bytes = m_server->storeContents();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(TestWorld::Password));
        QVERIFY(bytes.contains("$argon2id$"));
    }

    void adminOnlyEndpointsRefuseAgents_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("list agents") << QByteArray("GET") << u"/api/v1/agents"_s;
        QTest::newRow("create agent") << QByteArray("POST") << u"/api/v1/agents"_s;
        QTest::newRow("create department") << QByteArray("POST") << u"/api/v1/departments"_s;
        QTest::newRow("create shop") << QByteArray("POST") << u"/api/v1/shops"_s;
        QTest::newRow("list rules") << QByteArray("GET") << u"/api/v1/routing-rules"_s;
        QTest::newRow("create rule") << QByteArray("POST") << u"/api/v1/routing-rules"_s;
    }
    void adminOnlyEndpointsRefuseAgents()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const Response asLead = m_api->send(method, path, "{}", "application/json", m_world.token(u"sue"_s));
        QCOMPARE(asLead.status, 403);
        QCOMPARE(asLead.errorCode(), u"forbidden"_s);
        const Response anonymous = m_api->send(method, path, "{}", "application/json");
        QCOMPARE(anonymous.status, 401);
    }

    void createAgentValidatesEveryField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject good{{u"email"_s, u"new@acme.example"_s}, {u"name"_s, u"New"_s},
                               {u"password"_s, u"long-enough-1"_s}};
        QJsonObject badEmail = good;
        badEmail[u"email"_s] = u"not-an-email"_s;
        QJsonObject noName = good;
        noName.remove(u"name"_s);
        QJsonObject shortPassword = good;
        shortPassword[u"password"_s] = u"short"_s;
        QJsonObject duplicate = good;
        duplicate[u"email"_s] = u"SAM@acme.example"_s;
        QTest::newRow("bad email") << badEmail << u"email"_s;
        QTest::newRow("no name") << noName << u"name"_s;
        QTest::newRow("short password") << shortPassword << u"password"_s;
        QTest::newRow("duplicate email, other case") << duplicate << u"email"_s;
    }
    void createAgentValidatesEveryField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const int before = m_api->get(u"/api/v1/agents"_s, m_world.token(u"admin"_s)).json()
                               .value(u"agents"_s).toArray().size();
        const Response response = m_api->post(u"/api/v1/agents"_s, body, m_world.token(u"admin"_s));
        QVERIFY2(response.status == 422 || response.status == 409, response.body.constData());
        QCOMPARE(response.json().value(u"error"_s).toObject().value(u"field"_s).toString(), field);
        QVERIFY(!response.json().value(u"error"_s).toObject().value(u"message"_s).toString().isEmpty());
        const int after = m_api->get(u"/api/v1/agents"_s, m_world.token(u"admin"_s)).json()
                              .value(u"agents"_s).toArray().size();
        QCOMPARE(after, before);
    }

    // Someone must be left to run the helpdesk: the only active admin can
    // be neither demoted nor disabled (nor lock themselves out); once
    // another agent is an admin, the first may step down.
    void theLastAdminStays()
    {
        const QString admin = m_world.token(u"admin"_s);
        const QString adminPath = u"/api/v1/agents/%1"_s.arg(m_world.agent(u"admin"_s));
        for (const auto &[flag, value] : {std::pair{u"is_admin"_s, false}, std::pair{u"disabled"_s, true}}) {
            const Response refused = m_api->patch(adminPath, {{flag, value}, {u"name"_s, u"Renamed"_s}}, admin);
            QCOMPARE(refused.status, 409);
            QCOMPARE(refused.errorCode(), u"conflict"_s);
            QCOMPARE(refused.json()[u"error"_s][u"field"_s].toString(), flag);
        }
        // Nothing of the refused changes was kept, and the session still works.
        const QJsonObject unchanged = m_api->get(adminPath, admin).json();
        QVERIFY(unchanged[u"is_admin"_s].toBool());
        QVERIFY(!unchanged[u"disabled"_s].toBool());
        QVERIFY(unchanged[u"name"_s].toString() != u"Renamed"_s);

        const QString samPath = u"/api/v1/agents/%1"_s.arg(m_world.agent(u"sam"_s));
        QCOMPARE(m_api->patch(samPath, {{u"is_admin"_s, true}}, admin).status, 200);
        QCOMPARE(m_api->patch(adminPath, {{u"is_admin"_s, false}}, admin).status, 200);
        // Now Sam is the one left.
        const QString sam = m_world.token(u"sam"_s);
        const Response last = m_api->patch(samPath, {{u"disabled"_s, true}}, sam);
        QCOMPARE(last.status, 409);
        QCOMPARE(last.json()[u"error"_s][u"field"_s].toString(), u"disabled"_s);
        QCOMPARE(m_api->get(u"/api/v1/me"_s, sam).status, 200);
    }

    void malformedJsonIsRejectedClearly()
    {
        const Response response = m_api->send("POST", u"/api/v1/agents"_s, "{\"email\": ", "application/json",
                                              m_world.token(u"admin"_s));
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorCode(), u"malformed"_s);
        const Response array = m_api->send("POST", u"/api/v1/departments"_s, "[1,2]", "application/json",
                                           m_world.token(u"admin"_s));
        QCOMPARE(array.status, 400);
    }

    void disablingAnAgentSignsThemOut()
    {
        const QString admin = m_world.token(u"admin"_s);
        const Response disabled = m_api->patch(u"/api/v1/agents/%1"_s.arg(m_world.agent(u"sam"_s)),
                                               {{u"disabled"_s, true}}, admin);
        QCOMPARE(disabled.status, 200);
        const Response refused = m_api->get(u"/api/v1/me"_s, m_world.token(u"sam"_s));
        QCOMPARE(refused.status, 401);
        // The desk is told why, so it can clear what the account may no longer hold.
        QCOMPARE(refused.json().value(u"error"_s).toObject().value(u"reason"_s).toString(), u"account_disabled"_s);
        QVERIFY(m_api->login(u"sam@acme.example"_s, QString::fromLatin1(TestWorld::Password)).isEmpty());
        // Enabled again, the old session stays revoked.
        QCOMPARE(m_api->patch(u"/api/v1/agents/%1"_s.arg(m_world.agent(u"sam"_s)), {{u"disabled"_s, false}}, admin).status,
                 200);
        QCOMPARE(m_api->get(u"/api/v1/me"_s, m_world.token(u"sam"_s)).status, 401);
        QVERIFY(!m_api->login(u"sam@acme.example"_s, QString::fromLatin1(TestWorld::Password)).isEmpty());
    }

    // A session unused for two weeks has expired (every use renews it), and
    // expired sessions and old idempotency keys are pruned.
    void sessionsExpireWhenUnusedAndArePruned()
    {
        const qint64 day = 24LL * 3600 * 1000;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray sam = QCryptographicHash::hash(m_world.token(u"sam"_s).toUtf8(), QCryptographicHash::Sha256);
        const QByteArray rob = QCryptographicHash::hash(m_world.token(u"rob"_s).toUtf8(), QCryptographicHash::Sha256);
        const Response intake = m_api->send("POST", u"/api/v1/public/intake"_s,
                                            QJsonDocument(QJsonObject{{u"shop"_s, m_world.shop}, {u"name"_s, u"N"_s},
                                                                      {u"email"_s, u"n@example.com"_s},
                                                                      {u"subject"_s, u"S"_s}, {u"message"_s, u"M"_s}})
                                                .toJson(QJsonDocument::Compact),
                                            "application/json", {}, {{"Idempotency-Key", "old-key"}});
        QCOMPARE(intake.status, 201);
        QVERIFY(m_server->stop());
        QVERIFY(m_server->withStore([&](QSqlDatabase &db) {
            QSqlQuery query(db);
            query.prepare(u"UPDATE tokens SET used_at = ? WHERE token_hash = ?"_s);
            query.addBindValue(now - 15 * day);
            query.addBindValue(sam);
            if (!query.exec())
                return false;
            query.addBindValue(now - 13 * day);
            query.addBindValue(rob);
            return query.exec()
                   && query.exec(u"UPDATE idempotency_keys SET created_at = %1"_s.arg(now - 8 * day));
        }));
        QVERIFY(m_server->start({u"--test-hooks"_s}));
        m_api = std::make_unique<ApiClient>(m_server->baseUrl());

        const Response expired = m_api->get(u"/api/v1/me"_s, m_world.token(u"sam"_s));
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.json().value(u"error"_s).toObject().value(u"reason"_s).toString(), u"session_expired"_s);
        QCOMPARE(m_api->get(u"/api/v1/me"_s, m_world.token(u"rob"_s)).status, 200); // renewed by this use

        const Response pruned = m_api->post(u"/api/v1/test/maintain"_s, {});
        QCOMPARE(pruned.status, 200);
        QCOMPARE(pruned.json().value(u"removed"_s).toInt(), 2); // sam's session and the old key
        const Response gone = m_api->get(u"/api/v1/me"_s, m_world.token(u"sam"_s));
        QCOMPARE(gone.status, 401);
        QVERIFY(gone.json().value(u"error"_s).toObject().value(u"reason"_s).toString().isEmpty());
        QCOMPARE(m_api->get(u"/api/v1/me"_s, m_world.token(u"rob"_s)).status, 200);
    }

    void departmentsCrudAndDefaultRules()
    {
        const QString admin = m_world.token(u"admin"_s);
        const Response created = m_api->post(u"/api/v1/departments"_s,
                                             {{u"name"_s, u"Wholesale"_s},
                                              {u"sender_name"_s, u"Trade desk"_s},
                                              {u"signature"_s, u"Regards"_s},
                                              {u"shops"_s, QJsonArray{m_world.shop}}},
                                             admin);
        QCOMPARE(created.status, 201);
        const qint64 id = created.json().value(u"id"_s).toInteger();
        QCOMPARE(created.json().value(u"public_label"_s).toString(), u"Wholesale"_s);

        const Response renamed = m_api->patch(u"/api/v1/departments/%1"_s.arg(id),
                                              {{u"public_label"_s, u"Business orders"_s}}, admin);
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.json().value(u"public_label"_s).toString(), u"Business orders"_s);
        QCOMPARE(renamed.json().value(u"sender_name"_s).toString(), u"Trade desk"_s);

        // Exactly one default: making Wholesale the default unsets Triage.
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(id), {{u"is_default"_s, true}}, admin).status, 200);
        QCOMPARE(m_api->get(u"/api/v1/departments/%1"_s.arg(m_world.triage), admin).json()
                     .value(u"is_default"_s).toBool(), false);
        const Response unset = m_api->patch(u"/api/v1/departments/%1"_s.arg(id), {{u"is_default"_s, false}}, admin);
        QCOMPARE(unset.status, 422);
        const Response archiveDefault = m_api->patch(u"/api/v1/departments/%1"_s.arg(id), {{u"archived"_s, true}}, admin);
        QCOMPARE(archiveDefault.status, 422);

        const Response duplicate = m_api->post(u"/api/v1/departments"_s, {{u"name"_s, u"support"_s}}, admin);
        QCOMPARE(duplicate.status, 409);
        const Response unknownShop = m_api->post(u"/api/v1/departments"_s,
                                                 {{u"name"_s, u"Else"_s}, {u"shops"_s, QJsonArray{999}}}, admin);
        QCOMPARE(unknownShop.status, 422);
        QCOMPARE(unknownShop.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"shops"_s);

        // A department with tickets cannot be deleted, only archived.
        QVERIFY(m_world.intake(*m_api, m_world.sales) > 0);
        QCOMPARE(m_api->del(u"/api/v1/departments/%1"_s.arg(m_world.sales), admin).status, 409);
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.sales), {{u"archived"_s, true}}, admin).status,
                 200);
    }

    void membershipsGrantAndRemove()
    {
        const QString admin = m_world.token(u"admin"_s);
        const qint64 sal = m_world.agent(u"sal"_s);
        const Response lead = m_api->put(u"/api/v1/agents/%1/memberships/%2"_s.arg(sal).arg(m_world.returns),
                                         {{u"role"_s, u"lead"_s}}, admin);
        QCOMPARE(lead.status, 200);
        QCOMPARE(lead.json().value(u"memberships"_s).toArray().size(), 2);
        const Response badRole = m_api->put(u"/api/v1/agents/%1/memberships/%2"_s.arg(sal).arg(m_world.returns),
                                            {{u"role"_s, u"boss"_s}}, admin);
        QCOMPARE(badRole.status, 422);
        const Response unknownDepartment = m_api->put(u"/api/v1/agents/%1/memberships/999"_s.arg(sal),
                                                      {{u"role"_s, u"member"_s}}, admin);
        QCOMPARE(unknownDepartment.status, 404);
        QCOMPARE(m_api->del(u"/api/v1/agents/%1/memberships/%2"_s.arg(sal).arg(m_world.returns), admin).status, 200);
        QCOMPARE(m_api->del(u"/api/v1/agents/%1/memberships/%2"_s.arg(sal).arg(m_world.returns), admin).status, 404);
    }

    void unknownPathsAndMethods()
    {
        QCOMPARE(m_api->get(u"/api/v1/nothing"_s).status, 404);
        QCOMPARE(m_api->del(u"/api/v1/auth/login"_s).status, 405);
    }

private:
};

QTEST_GUILESS_MAIN(TestServerAccounts)
#include "tst_server_accounts.moc"
