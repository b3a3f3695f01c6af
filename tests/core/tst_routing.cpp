// The routing table: form choice, receiving address, ordered rules, default.
#include "core/routing.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Signpost;

namespace {

enum : qint64 { Triage = 1, Support = 2, Returns = 3, Sales = 4, Wholesale = 5, Archived = 6 };
enum : qint64 { ShopA = 10, ShopB = 11 };

Department department(qint64 id, bool isDefault, QList<qint64> shops, QStringList addresses = {}, bool archived = false)
{
    Department d;
    d.id = id;
    d.name = d.publicLabel = u"D%1"_s.arg(id);
    d.isDefault = isDefault;
    d.shopIds = shops;
    d.addresses = addresses;
    d.archived = archived;
    return d;
}

RoutingRule rule(qint64 id, int position, qint64 target, const QString &pattern, bool regex = false,
                 RoutingRule::Field field = RoutingRule::Field::Any, qint64 shop = 0,
                 std::optional<Channel> channel = std::nullopt)
{
    RoutingRule r;
    r.id = id;
    r.name = u"rule %1"_s.arg(id);
    r.position = position;
    r.departmentId = target;
    r.pattern = pattern;
    r.isRegex = regex;
    r.field = field;
    r.shopId = shop;
    r.channel = channel;
    return r;
}

RoutingTable table()
{
    return RoutingTable(
        {department(Triage, true, {}), department(Support, false, {ShopA, ShopB}, {u"help@a.example"_s}),
         department(Returns, false, {ShopA, ShopB}, {u"returns@a.example"_s}), department(Sales, false, {ShopA}),
         department(Wholesale, false, {ShopA}, {u"trade@a.example"_s}),
         department(Archived, false, {ShopA}, {u"old@a.example"_s}, true)},
        {
            // Deliberately out of order: position decides, not insertion.
            rule(3, 30, Sales, u"price (?:of|for)|in stock"_s, true),
            rule(1, 10, Returns, u"refund, money back"_s),
            rule(2, 20, Wholesale, u"bulk, invoice"_s, false, RoutingRule::Field::Subject),
            rule(4, 40, Support, u"broken"_s, false, RoutingRule::Field::Any, ShopB),
            rule(5, 50, Sales, u"quote"_s, false, RoutingRule::Field::Any, 0, Channel::Email),
            rule(6, 5, Archived, u"anything"_s),
        });
}

} // namespace

class TestRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routes_data()
    {
        QTest::addColumn<qint64>("chosen");
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");
        QTest::addColumn<qint64>("shop");
        QTest::addColumn<int>("channel");
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<qint64>("ruleId");

        const int web = int(Channel::Web), email = int(Channel::Email);
        QTest::newRow("form choice wins over everything") << qint64(Sales) << u"returns@a.example"_s
                                                          << u"refund"_s << u""_s << qint64(ShopA) << web
                                                          << qint64(Sales) << u"form"_s << qint64(0);
        QTest::newRow("address wins over rules") << qint64(0) << u"RETURNS@a.example"_s << u"bulk order"_s << u""_s
                                                 << qint64(ShopA) << email << qint64(Returns) << u"address"_s << qint64(0);
        QTest::newRow("archived address falls through to rules") << qint64(0) << u"old@a.example"_s << u"refund"_s << u""_s
                                                                 << qint64(ShopA) << email << qint64(Returns) << u"rule"_s << qint64(1);
        QTest::newRow("unknown address falls through to default") << qint64(0) << u"x@a.example"_s << u"hello"_s << u""_s
                                                                  << qint64(ShopA) << email << qint64(Triage) << u"default"_s << qint64(0);
        QTest::newRow("keyword in body, any case") << qint64(0) << u""_s << u"Order 12"_s << u"I want my MONEY BACK"_s
                                                   << qint64(ShopA) << web << qint64(Returns) << u"rule"_s << qint64(1);
        QTest::newRow("keywords match whole words only") << qint64(0) << u""_s << u"refunded"_s << u"refundable"_s
                                                         << qint64(ShopA) << web << qint64(Triage) << u"default"_s << qint64(0);
        QTest::newRow("first rule by position wins") << qint64(0) << u""_s << u"bulk refund"_s << u""_s << qint64(ShopA)
                                                     << web << qint64(Returns) << u"rule"_s << qint64(1);
        QTest::newRow("subject-only rule ignores body") << qint64(0) << u""_s << u"Hello"_s << u"bulk please"_s
                                                        << qint64(ShopA) << web << qint64(Triage) << u"default"_s << qint64(0);
        QTest::newRow("subject-only rule matches subject") << qint64(0) << u""_s << u"Invoice needed"_s << u""_s
                                                           << qint64(ShopA) << web << qint64(Wholesale) << u"rule"_s << qint64(2);
        QTest::newRow("regex rule") << qint64(0) << u""_s << u"Is it in stock?"_s << u""_s << qint64(ShopA) << web
                                    << qint64(Sales) << u"rule"_s << qint64(3);
        QTest::newRow("shop-specific rule, other shop") << qint64(0) << u""_s << u"broken lamp"_s << u""_s
                                                        << qint64(ShopA) << web << qint64(Triage) << u"default"_s << qint64(0);
        QTest::newRow("shop-specific rule, its shop") << qint64(0) << u""_s << u"broken lamp"_s << u""_s << qint64(ShopB)
                                                      << web << qint64(Support) << u"rule"_s << qint64(4);
        QTest::newRow("channel-specific rule, web") << qint64(0) << u""_s << u"quote"_s << u""_s << qint64(ShopA) << web
                                                    << qint64(Triage) << u"default"_s << qint64(0);
        QTest::newRow("channel-specific rule, email") << qint64(0) << u""_s << u"quote"_s << u""_s << qint64(ShopA)
                                                      << email << qint64(Sales) << u"rule"_s << qint64(5);
        QTest::newRow("rule to archived department is skipped") << qint64(0) << u""_s << u"anything at all"_s << u""_s
                                                                << qint64(ShopA) << web << qint64(Triage) << u"default"_s << qint64(0);
        QTest::newRow("nothing matches: default") << qint64(0) << u""_s << u"Hi"_s << u"Just saying hello"_s
                                                  << qint64(ShopB) << web << qint64(Triage) << u"default"_s << qint64(0);
    }
    void routes()
    {
        QFETCH(qint64, chosen);
        QFETCH(QString, address);
        QFETCH(QString, subject);
        QFETCH(QString, body);
        QFETCH(qint64, shop);
        QFETCH(int, channel);
        QFETCH(qint64, expected);
        QFETCH(QString, reason);
        QFETCH(qint64, ruleId);

        const Expected<RoutingDecision> decision =
            table().route(Inquiry{chosen, address, subject, body, shop, Channel(channel)});
        QVERIFY(decision.has_value());
        QCOMPARE(decision->departmentId, expected);
        QCOMPARE(toString(decision->reason), reason);
        QCOMPARE(decision->ruleId, ruleId);
        QVERIFY(!decision->detail.isEmpty());
    }

    void chosenDepartmentMustBeOfferedOnThatShop_data()
    {
        QTest::addColumn<qint64>("chosen");
        QTest::addColumn<qint64>("shop");
        QTest::newRow("not on this shop's form") << qint64(Wholesale) << qint64(ShopB);
        QTest::newRow("archived") << qint64(Archived) << qint64(ShopA);
        QTest::newRow("does not exist") << qint64(99) << qint64(ShopA);
    }
    void chosenDepartmentMustBeOfferedOnThatShop()
    {
        QFETCH(qint64, chosen);
        QFETCH(qint64, shop);
        const Expected<RoutingDecision> decision = table().route(Inquiry{chosen, {}, u"x"_s, u"y"_s, shop, Channel::Web});
        QVERIFY(!decision.has_value());
        QCOMPARE(decision.error().field, u"department"_s);
    }

    void noDefaultDepartmentIsAnError()
    {
        const RoutingTable noDefault({department(Support, false, {ShopA})}, {});
        QVERIFY(!noDefault.route(Inquiry{0, {}, u"x"_s, u"y"_s, ShopA, Channel::Web}).has_value());
    }

    void publicDepartmentsPerShop()
    {
        const QList<Department> a = table().publicDepartments(ShopA);
        const QList<Department> b = table().publicDepartments(ShopB);
        QCOMPARE(a.size(), 4); // Support, Returns, Sales, Wholesale; not Triage, not archived
        QCOMPARE(b.size(), 2);
        for (const Department &d : b)
            QVERIFY(d.id == Support || d.id == Returns);
    }

    void ruleValidation_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << QJsonObject{{u"department"_s, 1}, {u"pattern"_s, u"x"_s}} << u"name"_s;
        QTest::newRow("no department") << QJsonObject{{u"name"_s, u"n"_s}, {u"pattern"_s, u"x"_s}} << u"department"_s;
        QTest::newRow("empty pattern") << QJsonObject{{u"name"_s, u"n"_s}, {u"department"_s, 1}, {u"pattern"_s, u" "_s}}
                                       << u"pattern"_s;
        QTest::newRow("broken regex") << QJsonObject{{u"name"_s, u"n"_s}, {u"department"_s, 1}, {u"pattern"_s, u"(a"_s},
                                                     {u"is_regex"_s, true}}
                                      << u"pattern"_s;
        QTest::newRow("unknown field") << QJsonObject{{u"name"_s, u"n"_s}, {u"department"_s, 1}, {u"pattern"_s, u"a"_s},
                                                      {u"field"_s, u"title"_s}}
                                       << u"field"_s;
        QTest::newRow("unknown channel") << QJsonObject{{u"name"_s, u"n"_s}, {u"department"_s, 1},
                                                        {u"pattern"_s, u"a"_s}, {u"channel"_s, u"fax"_s}}
                                         << u"channel"_s;
    }
    void ruleValidation()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        const Expected<RoutingRule> rule = RoutingRule::fromJson(json, RoutingRule{}, true);
        QVERIFY(!rule.has_value());
        QCOMPARE(rule.error().field, field);
    }
};

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
