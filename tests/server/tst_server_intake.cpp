// First contact: the contact form, the JSON intake, routing through the real
// server, and what bad or hostile input gets.
#include "tests/support/apiclient.h"
#include "tests/support/testserver.h"
#include "tests/support/testworld.h"
#include "tests/support/worldtest.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost::Test;

class TestServerIntake : public WorldTest
{
    Q_OBJECT

    int ticketCount()
    {
        int total = 0;
        for (qint64 department : {m_world.triage, m_world.support, m_world.returns, m_world.sales})
            total += m_api->get(u"/api/v1/departments/%1/tickets"_s.arg(department), m_world.token(u"admin"_s))
                         .json().value(u"total"_s).toInt();
        return total;
    }
    QJsonObject routedEvent(qint64 ticket)
    {
        const QJsonArray events = m_api->get(u"/api/v1/tickets/%1"_s.arg(ticket), m_world.token(u"admin"_s))
                                      .json().value(u"events"_s).toArray();
        for (const QJsonValue &event : events) {
            if (event.toObject().value(u"kind"_s).toString() == u"routed")
                return event.toObject().value(u"data"_s).toObject();
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        QFETCH_GLOBAL(QStringList, serverArguments);
        QVERIFY2(startWorld(serverArguments), qPrintable(m_error));
        const Response rule = m_api->post(u"/api/v1/routing-rules"_s,
                                          {{u"name"_s, u"Refunds"_s},
                                           {u"department"_s, m_world.returns},
                                           {u"pattern"_s, u"refund, money back"_s}},
                                          m_world.token(u"admin"_s));
        QCOMPARE(rule.status, 201);
    }
    void cleanup() { QVERIFY(stopWorld()); }
    void initTestCase_data()
    {
        QTest::addColumn<QStringList>("serverArguments");
        QTest::newRow("embedded store") << QStringList{};
    }

    void formListsOnlyThatShopsPublicDepartments()
    {
        const Response page = m_api->get(u"/contact/acme"_s);
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        const QString html = QString::fromUtf8(page.body);
        QVERIFY(html.contains(u"<select id=\"department\" name=\"department\""_s));
        for (qint64 id : {m_world.support, m_world.returns, m_world.sales})
            QVERIFY2(html.contains(u"<option value=\"%1\">"_s.arg(id)), qPrintable(html));
        QVERIFY(!html.contains(u"<option value=\"%1\">"_s.arg(m_world.triage))); // not public
        QVERIFY(html.contains(u"<label for=\"email\">"_s));
        QVERIFY(html.contains(u"name=\"website\""_s)); // the honeypot

        // One shop: /contact is its form.
        QVERIFY(QString::fromUtf8(m_api->get(u"/contact"_s).body).contains(u"Contact Acme Outdoor"_s));
        QCOMPARE(m_api->get(u"/contact/nope"_s).status, 404);
    }

    // A shop speaking Norwegian and German: its form, the errors, the
    // confirmation and the ticket's page in the customer's language; the
    // departments under their labels in it.
    void customersAreWrittenToInTheirLanguage()
    {
        const QString admin = m_world.token(u"admin"_s);
        // What a shop and a department may say of languages.
        for (const QJsonValue &wrong : {QJsonValue(QJsonArray{}), QJsonValue(QJsonArray{u"fr"_s}), QJsonValue(u"nb"_s)}) {
            const Response refused = m_api->patch(u"/api/v1/shops/%1"_s.arg(m_world.shop), {{u"languages"_s, wrong}}, admin);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"languages"_s);
        }
        const Response badLabel = m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.returns),
                                               {{u"public_labels"_s, QJsonObject{{u"fr"_s, u"Retours"_s}}}}, admin);
        QCOMPARE(badLabel.status, 422);
        QCOMPARE(badLabel.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"public_labels"_s);

        const Response shop = m_api->patch(u"/api/v1/shops/%1"_s.arg(m_world.shop),
                                           {{u"languages"_s, QJsonArray{u"nb"_s, u"de"_s, u"nb"_s}}}, admin);
        QCOMPARE(shop.status, 200);
        QCOMPARE(shop.json().value(u"languages"_s).toArray(), (QJsonArray{u"nb"_s, u"de"_s}));
        const Response labelled = m_api->patch(
            u"/api/v1/departments/%1"_s.arg(m_world.returns),
            {{u"public_labels"_s, QJsonObject{{u"de"_s, u"Rücksendungen"_s}, {u"nb"_s, u"Retur"_s}}}}, admin);
        QCOMPARE(labelled.status, 200);
        QCOMPARE(labelled.json().value(u"public_labels"_s).toObject().value(u"de"_s).toString(), u"Rücksendungen"_s);

        auto page = [&](const QString &path, const QByteArray &accept) {
            return m_api->send("GET", path, {}, {}, {}, {{"Accept-Language", accept}});
        };
        // The browser's preference among the shop's languages: Austrian
        // German is German; English, which the shop does not offer, loses.
        const QString german = QString::fromUtf8(page(u"/contact/acme"_s, "en-GB, de-AT;q=0.8").body);
        QVERIFY2(german.contains(u"<html lang=\"de\">"_s), qPrintable(german));
        QVERIFY(german.contains(u"<h1>Kontakt zu Acme Outdoor</h1>"_s));
        QVERIFY(german.contains(u"<option value=\"%1\">Rücksendungen</option>"_s.arg(m_world.returns)));
        // A department without a German label keeps its own.
        QVERIFY(german.contains(u"<option value=\"%1\">Sales team</option>"_s.arg(m_world.sales)));
        // The other language is a link, named in itself.
        QVERIFY(german.contains(u"<a href=\"/contact/acme?lang=nb\" lang=\"nb\" hreflang=\"nb\">Norsk bokmål</a>"_s));
        // Nothing the shop offers: its first language. A chosen one wins.
        QVERIFY(QString::fromUtf8(page(u"/contact/acme"_s, "fr, en;q=0.5").body).contains(u"<html lang=\"nb\">"_s));
        QVERIFY(QString::fromUtf8(page(u"/contact/acme?lang=de"_s, "nb").body).contains(u"<html lang=\"de\">"_s));
        QVERIFY(QString::fromUtf8(page(u"/contact/acme?lang=fr"_s, "de").body).contains(u"<html lang=\"de\">"_s));

        // A post speaks the language its form was shown in, whatever the
        // browser says: its errors, then its confirmation.
        QList<QPair<QString, QString>> fields{{u"lang"_s, u"de"_s},          {u"name"_s, QString()},
                                              {u"email"_s, u"jorg@example.de"_s}, {u"subject"_s, u"Lampe"_s},
                                              {u"message"_s, u"Die Lampe ist kaputt."_s}};
        const Response refused = m_api->postForm(u"/contact/acme"_s, fields);
        QCOMPARE(refused.status, 422);
        const QString errors = QString::fromUtf8(refused.body);
        QVERIFY2(errors.contains(u"<p>Bitte prüfen Sie das Formular:</p>"_s), qPrintable(errors));
        QVERIFY(errors.contains(u"<div class=\"error\" id=\"name-error\">Bitte geben Sie Ihren Namen ein.</div>"_s));
        fields[1].second = u"Jörg"_s;
        const Response made = m_api->postForm(u"/contact/acme"_s, fields);
        QCOMPARE(made.status, 200);
        const QString confirmation = QString::fromUtf8(made.body);
        QVERIFY2(confirmation.contains(u"Ihre Ticketnummer lautet <strong>#1001</strong>"_s), qPrintable(confirmation));
        // The agents see the customer's language with the ticket, in its
        // view and in the sync feed.
        QCOMPARE(m_api->get(u"/api/v1/tickets/1001"_s, admin).json()[u"customer"_s][u"language"_s].toString(), u"de"_s);
        bool synced = false;
        for (const QJsonValue &ticket : m_api->get(u"/api/v1/sync"_s, admin).json()[u"tickets"_s].toArray()) {
            if (ticket[u"id"_s].toInteger() == 1001)
                synced = ticket[u"customer"_s][u"language"_s].toString() == u"de"_s;
        }
        QVERIFY(synced);
        static const QRegularExpression link(u"/ticket/[A-Za-z0-9_-]+"_s);
        const QString thread = link.match(confirmation).captured();
        QVERIFY(!thread.isEmpty());
        // The ticket's page speaks the customer's language, not the
        // browser's of whoever opens it.
        const QString threadPage = QString::fromUtf8(page(thread, "nb").body);
        QVERIFY2(threadPage.contains(u"<html lang=\"de\">"_s), qPrintable(threadPage));
        QVERIFY(threadPage.contains(u"<label for=\"message\">Antworten</label>"_s));
        // Its dates in German, in UTC.
        static const QRegularExpression germanDate(u"<time datetime=\"[^\"]+\">\\d{1,2}\\. [A-Z][a-zä]+\\.? \\d{4}, \\d\\d:\\d\\d UTC</time>"_s);
        QVERIFY2(germanDate.match(threadPage).hasMatch(), qPrintable(threadPage));
        const Response emptyReply = m_api->postForm(thread, {{u"message"_s, u" "_s}});
        QCOMPARE(emptyReply.status, 422);
        QVERIFY(QString::fromUtf8(emptyReply.body).contains(u"Bitte geben Sie Ihre Nachricht ein."_s));
        // A link that leads nowhere: in the browser's language.
        const Response lost = page(u"/ticket/no-such-link"_s, "nb-NO,nb;q=0.9");
        QCOMPARE(lost.status, 404);
        QVERIFY(QString::fromUtf8(lost.body).contains(u"<h1>Ugyldig lenke</h1>"_s));

        // A shop's own form: its errors in the customer's language, the
        // language kept; one the shop does not speak is refused.
        auto intake = [&](const QJsonObject &body, const QByteArray &accept) {
            return m_api->send("POST", u"/api/v1/public/intake"_s, QJsonDocument(body).toJson(), "application/json", {},
                               {{"Accept-Language", accept}});
        };
        QJsonObject body{{u"shop"_s, m_world.shop}, {u"name"_s, u"Kari"_s}, {u"email"_s, u"kari@example.no"_s},
                         {u"subject"_s, QString()}, {u"message"_s, u"Hei"_s}};
        const Response norwegian = intake(body, "nb");
        QCOMPARE(norwegian.status, 422);
        QCOMPARE(norwegian.json().value(u"error"_s).toObject().value(u"message"_s).toString(), u"Skriv inn et emne."_s);
        body.insert(u"subject"_s, u"Frakt"_s);
        body.insert(u"language"_s, u"en"_s);
        const Response notSpoken = intake(body, "nb");
        QCOMPARE(notSpoken.status, 422);
        QCOMPARE(notSpoken.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"language"_s);
        body.insert(u"language"_s, u"nb"_s);
        const Response accepted = intake(body, "de");
        QCOMPARE(accepted.status, 201);
        const QString norwegianPage =
            QString::fromUtf8(m_api->get(accepted.json().value(u"thread_path"_s).toString()).body);
        QVERIFY2(norwegianPage.contains(u"<label for=\"message\">Skriv til oss</label>"_s), qPrintable(norwegianPage));

        // The labels for a shop's own selector: in the language asked for,
        // and in all of the shop's.
        const QJsonObject listed = m_api->get(u"/api/v1/public/shops/acme/departments?lang=de"_s).json();
        QCOMPARE(listed.value(u"language"_s).toString(), u"de"_s);
        bool found = false;
        for (const QJsonValue &entry : listed.value(u"departments"_s).toArray()) {
            const QJsonObject department = entry.toObject();
            if (department.value(u"id"_s).toInteger() != m_world.returns)
                continue;
            found = true;
            QCOMPARE(department.value(u"label"_s).toString(), u"Rücksendungen"_s);
            QCOMPARE(department.value(u"labels"_s).toObject().value(u"nb"_s).toString(), u"Retur"_s);
        }
        QVERIFY(found);
    }

    void formPostCreatesTicketInChosenDepartment()
    {
        const Response response = m_api->postForm(u"/contact/acme"_s,
                                                  {{u"department"_s, QString::number(m_world.sales)},
                                                   {u"name"_s, u"Dana"_s},
                                                   {u"email"_s, u"dana@example.com"_s},
                                                   {u"order_number"_s, u"A-1 + 2"_s},
                                                   {u"subject"_s, u"Refund?"_s},
                                                   {u"message"_s, u"Line one\nline two & more"_s},
                                                   {u"website"_s, u""_s}});
        QCOMPARE(response.status, 200);
        const QString html = QString::fromUtf8(response.body);
        QVERIFY(html.contains(u"Your ticket number is <strong>#1001</strong>"_s));
        QVERIFY(html.contains(u"/ticket/"_s));

        const QJsonObject ticket = m_api->get(u"/api/v1/tickets/1001"_s, m_world.token(u"admin"_s)).json();
        QCOMPARE(ticket.value(u"department"_s).toInteger(), m_world.sales); // chosen beats the refund rule
        QCOMPARE(ticket.value(u"customer"_s).toObject().value(u"order_number"_s).toString(), u"A-1 + 2"_s);
        QCOMPARE(ticket.value(u"messages"_s).toArray().first().toObject().value(u"body"_s).toString(),
                 u"Line one\nline two & more"_s);
        QCOMPARE(routedEvent(1001).value(u"reason"_s).toString(), u"form"_s);
    }

    // No text in the store holds a NUL character (PostgreSQL stores none):
    // a form's are dropped (a browser never sends one), an address with one
    // is refused. JSON bodies: controlCharactersAndBareValuesAreRefused.
    void nulCharactersNeverReachTheStore()
    {
        const Response encoded =
            m_api->send("POST", u"/contact/acme"_s,
                        "name=Nu%00l&email=nul%40example.com&subject=Lost%00parcel&message=a%00b&website=",
                        "application/x-www-form-urlencoded");
        QCOMPARE(encoded.status, 200);
        const QByteArray nul(1, '\0');
        const QByteArray multipart = "--edge\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nMulti" + nul
                                     + "part\r\n--edge\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n"
                                       "multi@example.com\r\n--edge\r\nContent-Disposition: form-data; name=\"subject\""
                                       "\r\n\r\nBroken" + nul + "lamp\r\n--edge\r\nContent-Disposition: form-data; "
                                       "name=\"message\"\r\n\r\nc" + nul + "d\r\n--edge--\r\n";
        const Response parts = m_api->send("POST", u"/contact/acme"_s, multipart, "multipart/form-data; boundary=edge");
        QCOMPARE(parts.status, 200);

        const QString admin = m_world.token(u"admin"_s);
        const QJsonObject first = m_api->get(u"/api/v1/tickets/1001"_s, admin).json();
        QCOMPARE(first.value(u"subject"_s).toString(), u"Lostparcel"_s);
        QCOMPARE(first.value(u"customer"_s).toObject().value(u"name"_s).toString(), u"Nul"_s);
        QCOMPARE(first.value(u"messages"_s).toArray().first().toObject().value(u"body"_s).toString(), u"ab"_s);
        const QJsonObject second = m_api->get(u"/api/v1/tickets/1002"_s, admin).json();
        QCOMPARE(second.value(u"subject"_s).toString(), u"Brokenlamp"_s);
        QCOMPARE(second.value(u"messages"_s).toArray().first().toObject().value(u"body"_s).toString(), u"cd"_s);

        for (const QString &address : {u"/api/v1/search?q=lamp%00"_s, u"/contact/ac%00me"_s, u"/ticket/a%00b"_s}) {
            const Response refused = m_api->get(address, admin);
            QCOMPARE(refused.status, 400);
            QVERIFY2(refused.body.contains("NUL"), refused.body.constData());
        }
        QCOMPARE(ticketCount(), 2);
    }

    void routingReasonIsKept_data()
    {
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<QString>("expectedDepartment");
        QTest::addColumn<QString>("reason");
        QTest::newRow("receiving address") << QJsonObject{{u"to_address"_s, u"support@acme.example"_s}}
                                           << u"support"_s << u"address"_s;
        QTest::newRow("rule") << QJsonObject{{u"subject"_s, u"I want my money back"_s}} << u"returns"_s << u"rule"_s;
        QTest::newRow("default") << QJsonObject{{u"subject"_s, u"Hello there"_s}} << u"triage"_s << u"default"_s;
    }
    void routingReasonIsKept()
    {
        QFETCH(QJsonObject, extra);
        QFETCH(QString, expectedDepartment);
        QFETCH(QString, reason);
        QJsonObject body{{u"shop"_s, m_world.shop}, {u"name"_s, u"Eli"_s}, {u"email"_s, u"eli@example.com"_s},
                         {u"subject"_s, u"Question"_s}, {u"message"_s, u"Text"_s}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            body.insert(it.key(), it.value());
        const Response response = m_api->post(u"/api/v1/public/intake"_s, body);
        QCOMPARE(response.status, 201);
        const qint64 expected = expectedDepartment == u"support" ? m_world.support
                                : expectedDepartment == u"returns" ? m_world.returns
                                                                   : m_world.triage;
        QCOMPARE(response.json().value(u"routing"_s).toObject().value(u"department"_s).toInteger(), expected);
        const QJsonObject routed = routedEvent(response.json().value(u"ticket"_s).toInteger());
        QCOMPARE(routed.value(u"reason"_s).toString(), reason);
        QVERIFY(!routed.value(u"detail"_s).toString().isEmpty());
    }

    // A new ticket's first rows (the ticket, its first message, the events
    // of its arrival) are written together, on PostgreSQL in one statement:
    // each in its place, in order, and one change in the feed.
    void aNewTicketArrivesWhole()
    {
        const QString admin = m_world.token(u"admin"_s);
        const Response before = m_api->get(u"/api/v1/sync?limit=500"_s, admin);
        QCOMPARE(before.status, 200);
        QString cursor = before.json().value(u"cursor"_s).toString();
        for (Response page = before; page.json().value(u"has_more"_s).toBool();) {
            page = m_api->get(u"/api/v1/sync?limit=500&cursor=%1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(cursor))), admin);
            QCOMPARE(page.status, 200);
            cursor = page.json().value(u"cursor"_s).toString();
        }

        const Response made = m_api->post(u"/api/v1/public/intake"_s,
                                          {{u"shop"_s, m_world.shop}, {u"name"_s, u"Ola Nordmann"_s},
                                           {u"email"_s, u"ola@example.com"_s}, {u"subject"_s, u"Where is my parcel"_s},
                                           {u"message"_s, u"It left the warehouse a week ago."_s}});
        QCOMPARE(made.status, 201);
        const qint64 id = made.json().value(u"ticket"_s).toInteger();
        const QJsonObject ticket = m_api->get(u"/api/v1/tickets/%1"_s.arg(id), admin).json();
        QCOMPARE(ticket.value(u"department"_s).toInteger(), m_world.triage);
        const QJsonArray messages = ticket.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0][u"kind"_s].toString(), u"customer"_s);
        QCOMPARE(messages[0][u"author_name"_s].toString(), u"Ola Nordmann"_s);
        QCOMPARE(messages[0][u"body"_s].toString(), u"It left the warehouse a week ago."_s);
        QStringList kinds;
        for (const QJsonValue &event : ticket.value(u"events"_s).toArray())
            kinds.append(event[u"kind"_s].toString());
        QCOMPARE(kinds, (QStringList{u"created"_s, u"routed"_s}));

        // The next pull brings it whole, once.
        const Response next = m_api->get(
            u"/api/v1/sync?limit=500&cursor=%1"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(cursor))), admin);
        QCOMPARE(next.status, 200);
        const QJsonArray tickets = next.json().value(u"tickets"_s).toArray();
        QCOMPARE(tickets.size(), 1);
        QCOMPARE(tickets[0][u"id"_s].toInteger(), id);
        QCOMPARE(tickets[0][u"messages"_s].toArray().size(), 1);
        QCOMPARE(tickets[0][u"events"_s].toArray().size(), 2);
    }

    void formErrorsArePerFieldAndWriteNothing()
    {
        const Response response = m_api->postForm(u"/contact/acme"_s, {{u"department"_s, QString::number(m_world.triage)},
                                                                       {u"name"_s, u""_s},
                                                                       {u"email"_s, u"not-an-address"_s},
                                                                       {u"subject"_s, u"<script>alert(1)</script>"_s},
                                                                       {u"message"_s, u""_s}});
        QCOMPARE(response.status, 422);
        const QString html = QString::fromUtf8(response.body);
        QVERIFY(html.contains(u"id=\"department-error\""_s)); // triage is not offered on the form
        QVERIFY(html.contains(u"id=\"name-error\""_s));
        QVERIFY(html.contains(u"id=\"email-error\""_s));
        QVERIFY(html.contains(u"id=\"message-error\""_s));
        QVERIFY(!html.contains(u"id=\"subject-error\""_s));
        QVERIFY(html.contains(u"role=\"alert\""_s));
        // What the customer typed is kept, as text.
        QVERIFY(html.contains(u"value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""_s));
        QVERIFY(!html.contains(u"<script>"_s));
        QCOMPARE(ticketCount(), 0);
    }

    void jsonIntakeValidation_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<int>("status");
        const QJsonObject good{{u"name"_s, u"Eli"_s}, {u"email"_s, u"eli@example.com"_s},
                               {u"subject"_s, u"Q"_s}, {u"message"_s, u"T"_s}};
        auto without = [&](const QString &key) { QJsonObject b = good; b.remove(key); return b; };
        auto with = [&](const QString &key, const QJsonValue &value) { QJsonObject b = good; b.insert(key, value); return b; };
        QTest::newRow("missing name") << without(u"name"_s) << u"name"_s << 422;
        QTest::newRow("missing email") << without(u"email"_s) << u"email"_s << 422;
        QTest::newRow("missing subject") << without(u"subject"_s) << u"subject"_s << 422;
        QTest::newRow("missing message") << without(u"message"_s) << u"message"_s << 422;
        QTest::newRow("subject too long") << with(u"subject"_s, QString(201, u'x')) << u"subject"_s << 422;
        QTest::newRow("unknown department") << with(u"department"_s, 9999) << u"department"_s << 422;
        QTest::newRow("department as text") << with(u"department"_s, u"sales"_s) << u"department"_s << 422;
        QTest::newRow("unknown shop") << with(u"shop"_s, 9999) << u"shop"_s << 422;
        QTest::newRow("name not text") << with(u"name"_s, 12) << u"name"_s << 422;
    }
    void jsonIntakeValidation()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        QFETCH(int, status);
        const Response response = m_api->post(u"/api/v1/public/intake"_s, body);
        QCOMPARE(response.status, status);
        QCOMPARE(response.json().value(u"error"_s).toObject().value(u"field"_s).toString(), field);
        QVERIFY(!response.json().value(u"errors"_s).toArray().isEmpty());
        QCOMPARE(ticketCount(), 0);
    }

    void malformedAndOversizeBodiesWriteNothing()
    {
        const Response malformed = m_api->send("POST", u"/api/v1/public/intake"_s, "{\"name\": \"x\",", "application/json");
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.errorCode(), u"malformed"_s);
        // Customers' bodies may carry files, up to 25 MiB; past that the
        // server refuses them by their Content-Length.
        const QByteArray huge = "{\"name\":\"x\",\"message\":\"" + QByteArray(26 * 1024 * 1024, 'a') + "\"}";
        const Response oversize = m_api->send("POST", u"/api/v1/public/intake"_s, huge, "application/json");
        QCOMPARE(oversize.status, 413);
        QCOMPARE(oversize.errorCode(), u"payload_too_large"_s);
        // Within it, a message too long for the intake is refused as such.
        const QByteArray long2 = "{\"name\":\"x\",\"message\":\"" + QByteArray(2 * 1024 * 1024, 'a') + "\"}";
        QCOMPARE(m_api->send("POST", u"/api/v1/public/intake"_s, long2, "application/json").status, 422);
        // Other paths keep the server's --max-body.
        QCOMPARE(m_api->send("POST", u"/api/v1/auth/login"_s, long2, "application/json").status, 413);
        QCOMPARE(ticketCount(), 0);
    }

    void honeypotKeepsNothing()
    {
        const Response response = m_api->postForm(u"/contact/acme"_s, {{u"name"_s, u"Bot"_s},
                                                                       {u"email"_s, u"bot@example.com"_s},
                                                                       {u"subject"_s, u"Buy"_s},
                                                                       {u"message"_s, u"Spam"_s},
                                                                       {u"website"_s, u"http://spam.example"_s}});
        QCOMPARE(response.status, 200);
        QCOMPARE(ticketCount(), 0);
    }

    void customerLinkShowsThreadWithoutNotesAndReplyReopens()
    {
        QString secret;
        const qint64 ticket = m_world.intake(*m_api, m_world.support, u"Zip broken"_s, u"c@example.com"_s, &secret);
        QVERIFY(ticket > 0);
        QVERIFY(!secret.isEmpty());
        QCOMPARE(m_world.command(*m_api, u"sam"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, 1}, {u"type"_s, u"note"_s},
                                                     {u"body"_s, u"Internal: check stock"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);
        QCOMPARE(m_world.command(*m_api, u"sam"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, 2}, {u"type"_s, u"reply"_s},
                                                     {u"body"_s, u"We will send a new one <b>today</b>"_s},
                                                     {u"status"_s, u"solved"_s}})
                     .value(u"outcome"_s).toString(), u"applied"_s);

        const Response page = m_api->get(u"/ticket/"_s + secret);
        QCOMPARE(page.status, 200);
        const QString html = QString::fromUtf8(page.body);
        QVERIFY(html.contains(u"Support at Acme"_s));          // the department's sender name
        QVERIFY(html.contains(u"Support desk"_s));             // and its signature
        QVERIFY(html.contains(u"&lt;b&gt;today&lt;/b&gt;"_s)); // text, not markup
        QVERIFY(!html.contains(u"Internal: check stock"_s));
        QCOMPARE(m_api->get(u"/ticket/not-a-secret"_s).status, 404);

        const Response reply = m_api->postForm(u"/ticket/"_s + secret, {{u"message"_s, u"It broke again"_s}});
        QCOMPARE(reply.status, 200);
        const QJsonObject after = m_api->get(u"/api/v1/tickets/%1"_s.arg(ticket), m_world.token(u"admin"_s)).json();
        QCOMPARE(after.value(u"status"_s).toString(), u"open"_s);
        QCOMPARE(after.value(u"messages"_s).toArray().last().toObject().value(u"body"_s).toString(), u"It broke again"_s);

        const Response empty = m_api->post(u"/api/v1/public/replies"_s, {{u"secret"_s, secret}, {u"message"_s, u" "_s}});
        QCOMPARE(empty.status, 422);
        const Response wrong = m_api->post(u"/api/v1/public/replies"_s, {{u"secret"_s, u"nope"_s}, {u"message"_s, u"x"_s}});
        QCOMPARE(wrong.status, 404);
    }

    // Customers send files with their messages: on the contact form and the
    // ticket's page (multipart, as browsers send them) and through a shop's
    // JSON; within the department's limits; and fetch them, and the agents'
    // files, from their ticket's page (never a note's).
    void customersSendAndFetchFiles()
    {
        const QByteArray photo = QByteArray("\xff\xd8\xff\xe0 JPEG of the damage ") + QByteArray(4000, 'j');
        auto multipart = [](const QList<std::tuple<QString, QString, QByteArray>> &fields, QByteArray &type) {
            const QByteArray boundary = "----SignpostFormBoundary7MA4YWxkTrZu0gW";
            type = "multipart/form-data; boundary=" + boundary;
            QByteArray body;
            for (const auto &[name, filename, data] : fields) {
                body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name.toUtf8() + '"';
                if (!filename.isNull())
                    body += "; filename=\"" + filename.toUtf8() + "\"\r\nContent-Type: "
                            + (data.isEmpty() ? "application/octet-stream" : "image/jpeg");
                body += "\r\n\r\n" + data + "\r\n";
            }
            return body + "--" + boundary + "--\r\n";
        };
        QByteArray type;
        const QByteArray form = multipart({{u"department"_s, {}, QByteArray::number(m_world.support)},
                                           {u"name"_s, {}, "Ola Nordmann"},
                                           {u"email"_s, {}, "ola@example.no"},
                                           {u"subject"_s, {}, "Knust telt"},
                                           {u"message"_s, {}, "Se bildet."},
                                           {u"attachments"_s, u"skade ø.jpg"_s, photo},
                                           {u"attachments"_s, u""_s, {}}}, // a file field left empty
                                          type);
        const Response posted = m_api->send("POST", u"/contact/acme"_s, form, type);
        QVERIFY2(posted.status == 200, posted.body.mid(posted.body.indexOf("<h1"), 900).constData());
        const QString html = QString::fromUtf8(posted.body);
        const QString secret = QRegularExpression(u"/ticket/([A-Za-z0-9_-]+)"_s).match(html).captured(1);
        QVERIFY2(!secret.isEmpty(), qPrintable(html));
        const qint64 ticket = QRegularExpression(u"#(\\d+)"_s).match(html).captured(1).toLongLong();
        const QJsonArray files = m_api->get(u"/api/v1/tickets/%1"_s.arg(ticket), m_world.token(u"sam"_s))
                                     .json()[u"messages"_s][0][u"attachments"_s].toArray();
        QCOMPARE(files.size(), 1);
        QCOMPARE(files[0][u"filename"_s].toString(), u"skade ø.jpg"_s);
        QCOMPARE(files[0][u"content_type"_s].toString(), u"image/jpeg"_s);
        QCOMPARE(files[0][u"size"_s].toInteger(), photo.size());
        const qint64 photoId = files[0][u"id"_s].toInteger();

        // The customer's page lists it and hands it over.
        const QString page = QString::fromUtf8(m_api->get(u"/ticket/"_s + secret).body);
        QVERIFY2(page.contains(u"/ticket/%1/files/%2"_s.arg(secret).arg(photoId)), qPrintable(page));
        QVERIFY(page.contains(u"enctype=\"multipart/form-data\""_s));
        const Response fetched = m_api->get(u"/ticket/%1/files/%2"_s.arg(secret).arg(photoId));
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.body, photo);
        QVERIFY(fetched.header("Content-Disposition").startsWith("attachment"));

        // Writing back with a file, on the page.
        const QByteArray again = multipart({{u"message"_s, {}, "Og kvitteringen."},
                                            {u"attachments"_s, u"kvittering.jpg"_s, photo.left(100)}},
                                           type);
        QCOMPARE(m_api->send("POST", u"/ticket/"_s + secret, again, type).status, 200);
        const QJsonArray thread = m_api->get(u"/api/v1/tickets/%1"_s.arg(ticket), m_world.token(u"sam"_s))
                                      .json()[u"messages"_s].toArray();
        QCOMPARE(thread.last()[u"attachments"_s][0][u"filename"_s].toString(), u"kvittering.jpg"_s);

        // An agent's reply with a file: the customer fetches it; a note's not.
        const Response up = m_api->send("POST", u"/api/v1/uploads"_s, "label", "application/pdf", m_world.token(u"sam"_s));
        QCOMPARE(up.status, 201);
        const QJsonArray named{QJsonObject{{u"upload"_s, up.json()[u"upload"_s].toString()},
                                           {u"filename"_s, u"label.pdf"_s},
                                           {u"content_type"_s, u"application/pdf"_s},
                                           {u"size"_s, 5}}};
        for (const QString &kind : {u"reply"_s, u"note"_s})
            QCOMPARE(m_world.command(*m_api, u"sam"_s, {{u"ticket"_s, ticket}, {u"base_version"_s, m_world.version(*m_api, ticket)},
                                                         {u"type"_s, kind}, {u"body"_s, kind}, {u"attachments"_s, named}})
                         .value(u"outcome"_s).toString(),
                     u"applied"_s);
        const QJsonArray last = m_api->get(u"/api/v1/tickets/%1"_s.arg(ticket), m_world.token(u"sam"_s))
                                    .json()[u"messages"_s].toArray();
        const qint64 replyFile = last[last.size() - 2][u"attachments"_s][0][u"id"_s].toInteger();
        const qint64 noteFile = last[last.size() - 1][u"attachments"_s][0][u"id"_s].toInteger();
        QCOMPARE(m_api->get(u"/ticket/%1/files/%2"_s.arg(secret).arg(replyFile)).body, QByteArray("label"));
        QCOMPARE(m_api->get(u"/ticket/%1/files/%2"_s.arg(secret).arg(noteFile)).status, 404);
        QVERIFY(!QString::fromUtf8(m_api->get(u"/ticket/"_s + secret).body).contains(u"/files/%1\""_s.arg(noteFile)));

        // Another ticket's customer cannot reach these files.
        QString otherSecret;
        QVERIFY(m_world.intake(*m_api, m_world.support, u"Other"_s, u"x@example.com"_s, &otherSecret) > 0);
        QCOMPARE(m_api->get(u"/ticket/%1/files/%2"_s.arg(otherSecret).arg(photoId)).status, 404);

        // A shop's own form sends files as base64 in its JSON.
        const Response json = m_api->post(u"/api/v1/public/intake"_s,
                                          {{u"shop"_s, m_world.shop}, {u"name"_s, u"Kari"_s}, {u"email"_s, u"kari@example.no"_s},
                                           {u"subject"_s, u"Photo"_s}, {u"message"_s, u"Attached"_s},
                                           {u"attachments"_s, QJsonArray{QJsonObject{
                                                                  {u"filename"_s, u"a.jpg"_s},
                                                                  {u"content_type"_s, u"image/jpeg"_s},
                                                                  {u"data"_s, QString::fromLatin1(photo.toBase64())}}}}});
        QCOMPARE(json.status, 201);
        const qint64 jsonTicket = json.json()[u"ticket"_s].toInteger();
        QCOMPARE(m_api->get(u"/api/v1/tickets/%1"_s.arg(jsonTicket), m_world.token(u"admin"_s))
                     .json()[u"messages"_s][0][u"attachments"_s][0][u"size"_s].toInteger(),
                 photo.size());
        const Response bad = m_api->post(u"/api/v1/public/intake"_s,
                                         {{u"shop"_s, m_world.shop}, {u"name"_s, u"Kari"_s}, {u"email"_s, u"kari@example.no"_s},
                                          {u"subject"_s, u"Photo"_s}, {u"message"_s, u"Attached"_s},
                                          {u"attachments"_s, QJsonArray{QJsonObject{{u"filename"_s, u"a.jpg"_s},
                                                                                    {u"data"_s, u"not base64!"_s}}}}});
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json()[u"error"_s][u"field"_s].toString(), u"attachments"_s);

        // At most 20 files a message, however small.
        QList<std::tuple<QString, QString, QByteArray>> many{{u"name"_s, {}, "Ola"}, {u"email"_s, {}, "ola@example.no"},
                                                            {u"subject"_s, {}, "Files"}, {u"message"_s, {}, "Many"}};
        for (int i = 0; i < 21; ++i)
            many.append({u"attachments"_s, u"f%1.txt"_s.arg(i), "x"});
        QByteArray manyType;
        const QByteArray manyForm = multipart(many, manyType);
        const int beforeMany = ticketCount();
        const Response tooMany = m_api->send("POST", u"/contact/acme"_s, manyForm, manyType);
        QCOMPARE(tooMany.status, 422);
        QVERIFY(tooMany.body.contains("At most 20 files"));
        QCOMPARE(ticketCount(), beforeMany);
        // The larger cap of agents' uploads is for a token that is one.
        QCOMPARE(m_api->send("POST", u"/api/v1/uploads"_s, QByteArray(2 << 20, 'u'), "application/pdf", u"not-a-token"_s)
                     .status,
                 413);

        // Over the department's limit: the form says so, and nothing is kept.
        QCOMPARE(m_api->patch(u"/api/v1/departments/%1"_s.arg(m_world.support),
                              {{u"attachment_limits"_s, QJsonObject{{u"file_bytes"_s, 2048}}}}, m_world.token(u"admin"_s))
                     .status,
                 200);
        const int before = ticketCount();
        const Response tooBig = m_api->send("POST", u"/contact/acme"_s, form, type);
        QCOMPARE(tooBig.status, 422);
        QVERIFY2(QString::fromUtf8(tooBig.body).contains(u"files of up to 2.0 kB"_s), tooBig.body.constData());
        QCOMPARE(ticketCount(), before);
    }

    // A shop's form that sends again after a timeout, under the same
    // Idempotency-Key, gets the first answer: one ticket, the same number
    // and link. The key with another request is refused.
    void jsonIntakeAndRepliesAreIdempotent()
    {
        const QByteArray body = QJsonDocument(QJsonObject{{u"shop"_s, m_world.shop},
                                                          {u"name"_s, u"Kari Nordmann"_s},
                                                          {u"email"_s, u"kari@example.no"_s},
                                                          {u"subject"_s, u"Wrong size"_s},
                                                          {u"message"_s, u"Can I swap it?"_s}})
                                    .toJson(QJsonDocument::Compact);
        const QList<QPair<QByteArray, QByteArray>> key{{"Idempotency-Key", "order-7731-contact"}};
        const Response first = m_api->send("POST", u"/api/v1/public/intake"_s, body, "application/json", {}, key);
        QCOMPARE(first.status, 201);
        QVERIFY(first.header("Idempotent-Replayed").isEmpty());
        const Response again = m_api->send("POST", u"/api/v1/public/intake"_s, body, "application/json", {}, key);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.json(), first.json());
        QCOMPARE(ticketCount(), 1);

        QByteArray other = body;
        other.replace("swap", "return");
        const Response reused = m_api->send("POST", u"/api/v1/public/intake"_s, other, "application/json", {}, key);
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"Idempotency-Key"_s);
        const Response bad = m_api->send("POST", u"/api/v1/public/intake"_s, body, "application/json", {},
                                         {{"Idempotency-Key", QByteArray(300, 'k')}});
        QCOMPARE(bad.status, 422);
        QCOMPARE(ticketCount(), 1);
        // Without a key, the same body is a second message.
        QCOMPARE(m_api->send("POST", u"/api/v1/public/intake"_s, body, "application/json").status, 201);
        QCOMPARE(ticketCount(), 2);

        const QByteArray reply = QJsonDocument(QJsonObject{{u"secret"_s, first.json().value(u"secret"_s)},
                                                           {u"message"_s, u"Size 42 please"_s}})
                                     .toJson(QJsonDocument::Compact);
        const QList<QPair<QByteArray, QByteArray>> replyKey{{"Idempotency-Key", "reply-1"}};
        QCOMPARE(m_api->send("POST", u"/api/v1/public/replies"_s, reply, "application/json", {}, replyKey).status, 201);
        const Response replayed = m_api->send("POST", u"/api/v1/public/replies"_s, reply, "application/json", {}, replyKey);
        QCOMPARE(replayed.status, 201);
        QCOMPARE(replayed.header("Idempotent-Replayed"), QByteArray("true"));
        const qint64 ticket = first.json().value(u"ticket"_s).toInteger();
        const QJsonArray messages =
            m_api->get(u"/api/v1/tickets/%1"_s.arg(ticket), m_world.token(u"admin"_s)).json().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 2);
    }

    // A double click or a refresh of the contact form and of the
    // customer's reply form posts once.
    void formsCarryAOneTimeToken()
    {
        const QString html = QString::fromUtf8(m_api->get(u"/contact/acme"_s).body);
        const QRegularExpression tokenPattern(u"name=\"form_token\" value=\"([^\"]+)\""_s);
        const QString token = tokenPattern.match(html).captured(1);
        QVERIFY(!token.isEmpty());
        const QList<QPair<QString, QString>> fields{{u"name"_s, u"Ola"_s},
                                                    {u"email"_s, u"ola@example.no"_s},
                                                    {u"subject"_s, u"Where is my parcel"_s},
                                                    {u"message"_s, u"It has been a week."_s},
                                                    {u"form_token"_s, token}};
        const Response first = m_api->postForm(u"/contact/acme"_s, fields);
        const Response again = m_api->postForm(u"/contact/acme"_s, fields);
        QCOMPARE(first.status, 200);
        QCOMPARE(again.status, 200);
        QCOMPARE(ticketCount(), 1);
        const QRegularExpression numberPattern(u"<strong>#(\\d+)</strong>"_s);
        const QString number = numberPattern.match(QString::fromUtf8(first.body)).captured(1);
        QVERIFY(!number.isEmpty());
        QCOMPARE(numberPattern.match(QString::fromUtf8(again.body)).captured(1), number);

        const QString threadPath = QRegularExpression(u"href=\"(/ticket/[^\"]+)\""_s).match(QString::fromUtf8(first.body)).captured(1);
        QVERIFY(!threadPath.isEmpty());
        const QString threadToken = tokenPattern.match(QString::fromUtf8(m_api->get(threadPath).body)).captured(1);
        QVERIFY(!threadToken.isEmpty());
        const QList<QPair<QString, QString>> reply{{u"message"_s, u"Any news?"_s}, {u"form_token"_s, threadToken}};
        QCOMPARE(m_api->postForm(threadPath, reply).status, 200);
        QCOMPARE(m_api->postForm(threadPath, reply).status, 200);
        const QJsonArray messages = m_api->get(u"/api/v1/tickets/%1"_s.arg(number), m_world.token(u"admin"_s))
                                        .json().value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 2);
    }

    void honeypotOfAnyTypeKeepsNothing_data()
    {
        QTest::addColumn<QJsonValue>("website");
        QTest::newRow("number") << QJsonValue(5);
        QTest::newRow("true") << QJsonValue(true);
        QTest::newRow("empty list") << QJsonValue(QJsonArray());
        QTest::newRow("empty object") << QJsonValue(QJsonObject());
        QTest::newRow("text") << QJsonValue(u"http://spam.example"_s);
    }
    void honeypotOfAnyTypeKeepsNothing()
    {
        QFETCH(QJsonValue, website);
        const Response response = m_api->post(u"/api/v1/public/intake"_s,
                                              {{u"shop"_s, m_world.shop}, {u"name"_s, u"Bot"_s},
                                               {u"email"_s, u"bot@example.com"_s}, {u"subject"_s, u"Buy"_s},
                                               {u"message"_s, u"Spam"_s}, {u"website"_s, website}});
        QCOMPARE(response.status, 202);
        QCOMPARE(ticketCount(), 0);
    }

    void controlCharactersAndBareValuesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        const QByteArray fields = "\"shop\":1,\"name\":\"N\",\"email\":\"n@example.com\",\"subject\":\"S\",";
        QTest::newRow("raw NUL") << "{" + fields + "\"message\":\"a" + QByteArray(1, '\0') + "b\"}" << u"control character"_s;
        QTest::newRow("raw 0x01") << "{" + fields + "\"message\":\"a\x01b\"}" << u"control character"_s;
        QTest::newRow("raw newline") << "{" + fields + "\"message\":\"a\nb\"}" << u"control character"_s;
        QTest::newRow("escaped NUL") << "{" + fields + "\"message\":\"a\\u0000b\"}" << u"NUL"_s;
        QTest::newRow("bare number") << QByteArray("42") << u"must be a JSON object"_s;
        QTest::newRow("bare string") << QByteArray("\"hello\"") << u"must be a JSON object"_s;
    }
    void controlCharactersAndBareValuesAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const Response response = m_api->send("POST", u"/api/v1/public/intake"_s, body, "application/json");
        QCOMPARE(response.status, 400);
        QVERIFY2(response.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(message),
                 response.body.constData());
        QCOMPARE(ticketCount(), 0);
        // An escaped newline is fine.
        QCOMPARE(m_api->send("POST", u"/api/v1/public/intake"_s,
                             "{\"shop\":" + QByteArray::number(m_world.shop)
                                 + ",\"name\":\"N\",\"email\":\"n@example.com\",\"subject\":\"S\",\"message\":\"a\\nb\"}",
                             "application/json")
                     .status,
                 201);
    }

    // Public pages can't be framed, and the ticket page's address (its
    // credential) is never sent on as a referrer; HEAD works where GET does.
    void publicPagesAreNotFramedOrReferred()
    {
        QString secret;
        QVERIFY(m_world.intake(*m_api, m_world.support, u"Frames"_s, u"c@example.com"_s, &secret) > 0);
        for (const QString &path : {u"/contact/acme"_s, u"/ticket/"_s + secret}) {
            const Response page = m_api->get(path);
            QCOMPARE(page.status, 200);
            QCOMPARE(page.header("X-Frame-Options"), QByteArray("DENY"));
            QVERIFY(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
            QCOMPARE(page.header("Referrer-Policy"), QByteArray("no-referrer"));
        }
        for (const QString &path : {u"/healthz"_s, u"/contact/acme"_s, u"/api/v1"_s}) {
            const Response head = m_api->send("HEAD", path, {}, {});
            QCOMPARE(head.status, 200);
            QVERIFY(head.body.isEmpty());
            QVERIFY(head.header("Content-Length").toInt() > 0);
        }
        QCOMPARE(m_api->send("HEAD", u"/api/v1/public/intake"_s, {}, {}).status, 405);
    }

    // On a new store, the first department made is the default, so first
    // contacts have somewhere to go before an admin picks one.
    void firstDepartmentOfANewStoreIsTheDefault()
    {
        TestServer fresh;
        QVERIFY(fresh.start());
        ApiClient api(fresh.baseUrl());
        const QString admin = api.login(QString::fromLatin1(TestServer::AdminEmail), QString::fromLatin1(TestServer::AdminPassword));
        QVERIFY(!admin.isEmpty());
        const Response only = api.post(u"/api/v1/departments"_s, {{u"name"_s, u"Service"_s}}, admin);
        QCOMPARE(only.status, 201);
        QCOMPARE(only.json().value(u"is_default"_s).toBool(), true);
        const Response second = api.post(u"/api/v1/departments"_s, {{u"name"_s, u"Sales"_s}}, admin);
        QCOMPARE(second.json().value(u"is_default"_s).toBool(), false);
        const Response ticket = api.post(u"/api/v1/public/intake"_s, {{u"name"_s, u"N"_s}, {u"email"_s, u"n@example.com"_s},
                                                                      {u"subject"_s, u"Hello"_s}, {u"message"_s, u"First"_s}});
        QCOMPARE(ticket.status, 201);
        QCOMPARE(ticket.json().value(u"routing"_s).toObject().value(u"department"_s).toInteger(),
                 only.json().value(u"id"_s).toInteger());
        QVERIFY(fresh.stop());
    }

    // A stored rule that no longer reads is an error said out loud, not a
    // silent fall back to the default department.
    void unreadableRoutingRuleFailsLoudly()
    {
        QVERIFY(m_server->stop());
        QVERIFY(m_server->withStore([](QSqlDatabase &db) {
            return QSqlQuery(db).exec(u"UPDATE routing_rules SET is_regex = 1, pattern = '(unclosed'"_s);
        }));
        QVERIFY(m_server->restart());
        m_api = std::make_unique<ApiClient>(m_server->baseUrl());
        const Response response = m_api->post(u"/api/v1/public/intake"_s,
                                               {{u"shop"_s, m_world.shop}, {u"name"_s, u"N"_s},
                                                {u"email"_s, u"n@example.com"_s}, {u"subject"_s, u"Refund"_s},
                                                {u"message"_s, u"money back"_s}});
        QCOMPARE(response.status, 500);
        QVERIFY(response.body.contains("Routing rule"));
        QVERIFY(m_server->errorOutput().contains(u"cannot be read"_s));
        QCOMPARE(ticketCount(), 0);
    }

    // A shop's own form on its own site reads the intake's answer from the
    // browser: the origins the shop lists may, no other.
    void shopsOwnOriginsMayCallTheIntakeFromTheBrowser()
    {
        const QString admin = m_world.token(u"admin"_s);
        const QString shopPath = u"/api/v1/shops/%1"_s.arg(m_world.shop);
        QCOMPARE(m_api->patch(shopPath, {{u"allowed_origins"_s, QJsonArray{u"https://shop.example/contact"_s}}}, admin).status,
                 422);
        const Response shop = m_api->patch(shopPath, {{u"allowed_origins"_s, QJsonArray{u"https://Shop.example"_s}}}, admin);
        QCOMPARE(shop.status, 200);
        QCOMPARE(shop.json().value(u"allowed_origins"_s).toArray(), QJsonArray{u"https://shop.example"_s});

        const Response preflight = m_api->send("OPTIONS", u"/api/v1/public/intake"_s, {}, {}, {},
                                               {{"Origin", "https://shop.example"},
                                                {"Access-Control-Request-Method", "POST"},
                                                {"Access-Control-Request-Headers", "content-type, idempotency-key"}});
        QCOMPARE(preflight.status, 204);
        QCOMPARE(preflight.header("Access-Control-Allow-Origin"), QByteArray("https://shop.example"));
        QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("Idempotency-Key"));

        const QByteArray body = QJsonDocument(QJsonObject{{u"shop"_s, m_world.shop}, {u"name"_s, u"N"_s},
                                                          {u"email"_s, u"n@example.com"_s}, {u"subject"_s, u"S"_s},
                                                          {u"message"_s, u"M"_s}})
                                    .toJson(QJsonDocument::Compact);
        const Response allowed = m_api->send("POST", u"/api/v1/public/intake"_s, body, "application/json", {},
                                             {{"Origin", "https://shop.example"}});
        QCOMPARE(allowed.status, 201);
        QCOMPARE(allowed.header("Access-Control-Allow-Origin"), QByteArray("https://shop.example"));
        const Response other = m_api->send("POST", u"/api/v1/public/intake"_s, body, "application/json", {},
                                           {{"Origin", "https://evil.example"}});
        QVERIFY(other.header("Access-Control-Allow-Origin").isEmpty());
        const Response otherPreflight = m_api->send("OPTIONS", u"/api/v1/public/intake"_s, {}, {}, {},
                                                    {{"Origin", "https://evil.example"}});
        QVERIFY(otherPreflight.header("Access-Control-Allow-Origin").isEmpty());
    }

    void contactFormIsRateLimitedPerAddress()
    {
        // A second server with a tight limit: three posts a minute, burst three.
        TestServer limited;
        QVERIFY(limited.start({u"--contact-rate"_s, u"3"_s}));
        ApiClient api(limited.baseUrl());
        QString error;
        const TestWorld world = TestWorld::create(api, &error);
        QVERIFY2(world.shop > 0, qPrintable(error));
        // The limit allows a burst of up to five; count what gets through.
        int accepted = 0, refused = 0;
        for (int i = 0; i < 8; ++i) {
            const int status = api.postForm(u"/contact/acme"_s, {{u"name"_s, u"N"_s}, {u"email"_s, u"n@example.com"_s},
                                                                 {u"subject"_s, u"S"_s}, {u"message"_s, u"M"_s}})
                                   .status;
            (status == 200 ? accepted : refused) += 1;
            if (status != 200)
                QCOMPARE(status, 429);
        }
        QVERIFY2(accepted >= 3 && accepted <= 5, qPrintable(QString::number(accepted)));
        QCOMPARE(accepted + refused, 8);
        QCOMPARE(api.post(u"/api/v1/public/intake"_s, {{u"name"_s, u"N"_s}}).status, 429);
        QVERIFY(limited.stop());
    }

private:
};

QTEST_GUILESS_MAIN(TestServerIntake)
#include "tst_server_intake.moc"
