#include "server/demodata.h"

#include "core/command.h"
#include "core/timestamps.h"
#include "server/api/apiserver.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Signpost::DemoData {

namespace {

struct DemoAgent
{
    const char16_t *name;
    const char16_t *email;
    QList<std::pair<int, Role>> memberships; // department index
};

struct DemoTicket
{
    int shop;
    int chosenDepartment; // -1: left to routing
    const char16_t *customer;
    const char16_t *email;
    const char16_t *order;
    const char16_t *subject;
    const char16_t *message;
};

} // namespace

Expected<QStringList> seed(ApiServer &server)
{
    AccountStore &accounts = server.accounts();
    DepartmentStore &departments = server.departments();
    TicketStore &tickets = server.tickets();
    if (!accounts.isEmpty())
        return QStringList{};

    const QString password = QString::fromLatin1(Password);
    QList<qint64> shopIds;
    // Northwind writes to its customers in English, Norwegian and German;
    // Lumen in German first, and English.
    for (const auto &[slug, name, spoken] :
         {std::tuple{u"northwind"_s, u"Northwind Outdoor"_s, QJsonArray{u"en"_s, u"nb"_s, u"de"_s}},
          std::tuple{u"lumen"_s, u"Lumen Home"_s, QJsonArray{u"de"_s, u"en"_s}}}) {
        Expected<Shop> shop = departments.createShop(
            QJsonObject{{u"slug"_s, slug}, {u"name"_s, name}, {u"languages"_s, spoken}});
        if (!shop)
            return shop.error();
        shopIds.append(shop->id);
    }
    const QJsonArray bothShops{shopIds[0], shopIds[1]};

    struct DemoDepartment
    {
        QString name, label, sender, signature;
        bool isDefault;
        QJsonArray shops;
        QJsonArray addresses;
        QJsonObject sla = {};
    };
    auto targets = [](int first, int next, int resolution) {
        return QJsonObject{{u"first_response"_s, first}, {u"next_response"_s, next}, {u"resolution"_s, resolution}};
    };
    const QJsonObject officeHours{
        {u"time_zone"_s, u"Europe/Oslo"_s},
        {u"week"_s, QJsonObject{{u"mon"_s, QJsonArray{QJsonArray{u"08:00"_s, u"18:00"_s}}},
                                {u"tue"_s, QJsonArray{QJsonArray{u"08:00"_s, u"18:00"_s}}},
                                {u"wed"_s, QJsonArray{QJsonArray{u"08:00"_s, u"18:00"_s}}},
                                {u"thu"_s, QJsonArray{QJsonArray{u"08:00"_s, u"18:00"_s}}},
                                {u"fri"_s, QJsonArray{QJsonArray{u"08:00"_s, u"16:00"_s}}}}},
        {u"holidays"_s, QJsonArray{u"2026-12-24"_s, u"2026-12-25"_s, u"2026-12-26"_s}},
    };
    // Support answers around the clock; Returns and Sales keep office hours.
    const QJsonObject supportSla{
        {u"targets"_s, QJsonObject{{u"urgent"_s, targets(60, 120, 480)}, {u"high"_s, targets(120, 240, 1440)},
                                   {u"normal"_s, targets(240, 480, 4320)}, {u"low"_s, targets(480, 960, 5760)}}},
        {u"ownership"_s, 60},
        {u"at_risk_percent"_s, 75}};
    const QJsonObject officeSla{
        {u"targets"_s, QJsonObject{{u"urgent"_s, targets(60, 120, 600)}, {u"high"_s, targets(120, 240, 1200)},
                                   {u"normal"_s, targets(240, 480, 2400)}, {u"low"_s, targets(480, 960, 4800)}}},
        {u"ownership"_s, 120},
        {u"at_risk_percent"_s, 80},
        {u"business_hours"_s, officeHours}};
    const QList<DemoDepartment> demoDepartments{
        {u"Triage"_s, u"Something else"_s, u"Customer Care"_s, u"Customer Care\nWe read every message."_s, true, {}, {}},
        {u"Support"_s, u"Help with an order or product"_s, u"Support team"_s,
         u"Kind regards,\nThe Support team"_s, false, bothShops, QJsonArray{u"support@northwind.example"_s}, supportSla},
        {u"Sales"_s, u"Questions before you buy"_s, u"Sales team"_s, u"Best wishes,\nThe Sales team"_s, false,
         bothShops, QJsonArray{u"sales@northwind.example"_s}, officeSla},
        {u"Returns"_s, u"Returns and refunds"_s, u"Returns desk"_s,
         u"Thank you,\nThe Returns desk\nReturn labels: northwind.example/returns"_s, false, bothShops,
         QJsonArray{u"returns@northwind.example"_s}, officeSla},
        {u"Wholesale"_s, u"Wholesale and business orders"_s, u"Wholesale accounts"_s,
         u"Regards,\nWholesale accounts"_s, false, QJsonArray{shopIds[0]}, QJsonArray{u"trade@northwind.example"_s}},
    };
    // What the contact forms call them in the shops' other languages.
    const QHash<QString, QJsonObject> labels{
        {u"Triage"_s, {{u"nb"_s, u"Noe annet"_s}, {u"de"_s, u"Etwas anderes"_s}}},
        {u"Support"_s,
         {{u"nb"_s, u"Hjelp med en bestilling eller et produkt"_s},
          {u"de"_s, u"Hilfe zu einer Bestellung oder einem Produkt"_s}}},
        {u"Sales"_s, {{u"nb"_s, u"Spørsmål før du kjøper"_s}, {u"de"_s, u"Fragen vor dem Kauf"_s}}},
        {u"Returns"_s, {{u"nb"_s, u"Retur og refusjon"_s}, {u"de"_s, u"Rücksendungen und Erstattungen"_s}}},
        {u"Wholesale"_s,
         {{u"nb"_s, u"Engros og bedriftsbestillinger"_s}, {u"de"_s, u"Großhandel und Firmenbestellungen"_s}}},
    };
    QList<qint64> departmentIds;
    for (const DemoDepartment &d : demoDepartments) {
        Expected<Department> created = departments.createDepartment(QJsonObject{
            {u"name"_s, d.name},
            {u"public_label"_s, d.label},
            {u"public_labels"_s, labels.value(d.name)},
            {u"sender_name"_s, d.sender},
            {u"signature"_s, d.signature},
            {u"is_default"_s, d.isDefault},
            {u"shops"_s, d.shops},
            {u"addresses"_s, d.addresses},
            {u"sla"_s, d.sla},
        });
        if (!created)
            return created.error();
        departmentIds.append(created->id);
    }

    const QList<QJsonObject> rules{
        {{u"name"_s, u"Refund words"_s}, {u"department"_s, departmentIds[3]},
         {u"pattern"_s, u"refund, return, exchange, money back"_s}},
        {{u"name"_s, u"Business buyers"_s}, {u"department"_s, departmentIds[4]},
         {u"pattern"_s, u"wholesale, bulk, invoice, VAT"_s}},
        {{u"name"_s, u"Pre-sales"_s}, {u"department"_s, departmentIds[2]},
         {u"pattern"_s, u"in stock|discount|price (?:of|for)"_s}, {u"is_regex"_s, true}},
        {{u"name"_s, u"Where is my order"_s}, {u"department"_s, departmentIds[1]}, {u"field"_s, u"any"_s},
         {u"pattern"_s, u"tracking, delivery, shipped, broken"_s}},
    };
    for (const QJsonObject &rule : rules) {
        if (Expected<RoutingRule> created = departments.createRule(rule); !created)
            return created.error();
    }

    const QList<DemoAgent> demoAgents{
        {u"Ada Admin", u"admin@signpost.example", {}},
        {u"Tove Triage", u"tove@signpost.example", {{0, Role::Lead}}},
        {u"Sam Support", u"sam@signpost.example", {{1, Role::Lead}}},
        {u"Priya Patel", u"priya@signpost.example", {{1, Role::Member}}},
        {u"Lars Berg", u"lars@signpost.example", {{1, Role::Member}, {3, Role::Lead}}},
        {u"Sofia Sales", u"sofia@signpost.example", {{2, Role::Lead}}},
        {u"Malik Reid", u"malik@signpost.example", {{2, Role::Member}}},
        {u"Rita Returns", u"rita@signpost.example", {{3, Role::Lead}}},
        {u"Jonas Vogel", u"jonas@signpost.example", {{3, Role::Member}}},
        {u"Wendy Wholesale", u"wendy@signpost.example", {{4, Role::Lead}}},
        {u"Otto Brandt", u"otto@signpost.example", {{4, Role::Member}}},
    };
    QStringList logins;
    QList<qint64> agentIds;
    QHash<qint64, QString> agentNames;
    for (const DemoAgent &a : demoAgents) {
        const bool admin = a.memberships.isEmpty();
        Expected<Agent> created = accounts.createAgent(QJsonObject{{u"email"_s, QString::fromUtf16(a.email)},
                                                                   {u"name"_s, QString::fromUtf16(a.name)},
                                                                   {u"password"_s, password},
                                                                   {u"is_admin"_s, admin}});
        if (!created)
            return created.error();
        QStringList roles;
        for (const auto &[index, role] : a.memberships) {
            if (Expected<Agent> member = accounts.setMembership(created->id, departmentIds[index], role); !member)
                return member.error();
            roles.append(u"%1 of %2"_s.arg(toString(role), demoDepartments[index].name));
        }
        agentIds.append(created->id);
        agentNames.insert(created->id, created->name);
        logins.append(u"%1  (%2)"_s.arg(created->email, admin ? u"admin"_s : roles.join(u", "_s)));
    }

    const QList<DemoTicket> demoTickets{
        {0, 1, u"Hanna Lind", u"hanna@example.net", u"NW-10421", u"Tent pole snapped on first use",
         u"Hi, one of the poles of the Fjell 2 tent snapped while pitching it. Can you send a replacement?"},
        {0, -1, u"Omar Haddad", u"omar@example.net", u"NW-10388", u"Refund for the sleeping bag",
         u"I returned the sleeping bag two weeks ago and have not seen the refund yet."},
        {1, -1, u"Greta Holm", u"greta@example.org", u"", u"Is the oak shelf in stock?",
         u"Is the 120 cm oak shelf in stock? I would like two."},
        {0, 4, u"Bjorn Kaufmann", u"bjorn@alpenhaus.example", u"", u"Bulk order for our store",
         u"We run a shop in Innsbruck and would like to order 40 rain jackets. What are your trade terms?"},
        {1, 1, u"Li Wei", u"li.wei@example.com", u"LH-2231", u"Lamp arrived broken",
         u"The glass shade of the Aurora lamp was broken in the box. Photos attached later."},
        {0, -1, u"Anna Novak", u"anna.novak@example.com", u"NW-10502", u"Where is my delivery?",
         u"The tracking has not moved for five days. Order NW-10502."},
        {0, -1, u"Peter Olsen", u"peter@example.net", u"", u"Question about my account",
         u"How do I change the email address on my account?"},
        {1, 3, u"Maria Rossi", u"maria.rossi@example.it", u"LH-2190", u"Exchange cushion covers",
         u"Could I exchange the grey cushion covers for the green ones?"},
        {0, 2, u"Tom Becker", u"tom@example.de", u"", u"Discount for club members?",
         u"Our hiking club has 60 members. Is there a discount on boots for clubs?"},
        {1, -1, u"Sara Nilsson", u"sara@example.se", u"LH-2250", u"Invoice with VAT number",
         u"Please send an invoice with our VAT number SE556677889901."},
        {0, 1, u"Kofi Mensah", u"kofi@example.com", u"NW-10555", u"Zip of the jacket stuck",
         u"The main zip of my new jacket gets stuck halfway."},
        {1, -1, u"Eva Schmidt", u"eva@example.de", u"", u"Do you ship to Switzerland?",
         u"Can I order to an address in Zurich, and what does delivery cost?"},
    };

    // Spread the demo over the last days so ages and queues look lived in.
    QRandomGenerator random(4242);
    const qint64 start = nowMs() - 4LL * 24 * 3600 * 1000;
    qint64 clock = start;
    tickets.setClock([&clock]() { return clock; });
    auto advance = [&](qint64 minutes) { clock += minutes * 60 * 1000; };

    auto agentOf = [&](int departmentIndex, int pick) {
        QList<qint64> members;
        for (qsizetype i = 0; i < demoAgents.size(); ++i) {
            for (const auto &[index, role] : demoAgents[i].memberships) {
                if (index == departmentIndex)
                    members.append(agentIds[i]);
            }
        }
        return members.isEmpty() ? agentIds[0] : members[pick % members.size()];
    };

    int made = 0;
    for (int round = 0; round < 3; ++round) {
        for (const DemoTicket &t : demoTickets) {
            advance(10 + random.bounded(100));
            IntakeRequest request;
            request.shopId = shopIds[t.shop];
            request.departmentId = t.chosenDepartment >= 0 ? departmentIds[t.chosenDepartment] : 0;
            request.name = QString::fromUtf16(t.customer);
            request.email = round == 0 ? QString::fromUtf16(t.email)
                                       : u"%1+%2"_s.arg(round).arg(QString::fromUtf16(t.email));
            request.orderNumber = QString::fromUtf16(t.order);
            request.subject = round == 0 ? QString::fromUtf16(t.subject)
                                         : u"%1 (%2)"_s.arg(QString::fromUtf16(t.subject)).arg(round + 1);
            request.message = QString::fromUtf16(t.message);
            Expected<IntakeResult> intake = tickets.intake(request);
            if (!intake)
                return intake.error();
            ++made;

            // Most tickets have been worked on; the newest are still new.
            if (round == 2 && made % 3 == 0)
                continue;
            Expected<Ticket> current = tickets.ticket(intake->ticketId, false);
            if (!current)
                return current.error();
            const int departmentIndex = int(departmentIds.indexOf(current->departmentId));
            const qint64 agent = agentOf(departmentIndex, made);
            AccessScope scope;
            scope.agentId = agent;
            scope.isAdmin = true;
            qint64 version = current->version;
            auto run = [&](Command command) -> Status {
                advance(2 + random.bounded(40));
                command.id = u"demo-%1-%2"_s.arg(intake->ticketId).arg(version);
                command.ticketId = intake->ticketId;
                command.baseVersion = version;
                const QJsonObject result = tickets.run(scope, agentNames.value(scope.agentId), command);
                if (result.value(u"outcome"_s).toString() != u"applied")
                    return Error{ErrorCode::Internal, u"Demo command failed: "_s + result.value(u"message"_s).toString(), {}};
                version = result.value(u"ticket"_s).toObject().value(u"version"_s).toInteger();
                return ok();
            };

            Command assign;
            assign.type = Command::Type::Assign;
            assign.assigneeId = agent;
            if (Status done = run(assign); !done)
                return done.error();

            // Triage hands everything on; a few Support tickets turn out to
            // be returns. The note travels with the ticket.
            if (departmentIndex == 0 || (departmentIndex == 1 && made % 4 == 0)) {
                const int target = departmentIndex == 0 ? 1 + (made % 2) : 3;
                Command note;
                note.type = Command::Type::Note;
                note.body = u"Customer is polite but in a hurry; order details checked in the shop admin."_s;
                if (Status done = run(note); !done)
                    return done.error();
                Command transfer;
                transfer.type = Command::Type::Transfer;
                transfer.departmentId = departmentIds[target];
                transfer.note = target == 3 ? u"This is a return, not a repair: please arrange the label."_s
                                            : u"Belongs with you \u2014 customer asked about it twice."_s;
                if (Status done = run(transfer); !done)
                    return done.error();
                continue;
            }

            Command reply;
            reply.type = Command::Type::Reply;
            reply.body = u"Hello %1,\n\nthank you for writing to us. We are looking into it and will come back to you "
                         "shortly."_s.arg(request.name.section(u' ', 0, 0));
            const int outcome = made % 4;
            reply.status = outcome == 0 ? TicketStatus::Solved : outcome == 1 ? TicketStatus::Pending : TicketStatus::Open;
            if (Status done = run(reply); !done)
                return done.error();
            if (made % 5 == 0) {
                Command priority;
                priority.type = Command::Type::SetPriority;
                priority.priority = made % 10 == 0 ? Priority::Urgent : Priority::High;
                if (Status done = run(priority); !done)
                    return done.error();
            }
        }
    }
    tickets.setClock(&nowMs);

    // Each shop speaks in its own name in Returns' mail; Returns says at
    // once that it has a new ticket.
    MailStore &mail = server.email().store();
    const QList<std::tuple<qint64, QString, QString>> identities{
        {0, QString(), u"returns@northwind.example"_s},
        {shopIds[0], u"Returns — Northwind Outdoor"_s, u"returns@northwind.example"_s},
        {shopIds[1], u"Returns — Lumen Home"_s, u"returns@lumen.example"_s},
    };
    for (const auto &[shop, name, address] : identities) {
        QJsonObject identity{{u"sender_name"_s, name}, {u"from_address"_s, address}};
        if (shop == 0)
            identity.insert(u"acknowledgement"_s,
                            u"Hello {name},\n\nthank you for writing to us. Your return is ticket {ticket}; we answer "
                            "within one working day."_s);
        if (Expected<QJsonObject> set = mail.setIdentity(departmentIds[3], shop, identity); !set)
            return set.error();
    }

    // Two customers who wrote by mail, taken in as the mailbox would: the
    // same reading, routing and threading as for fetched mail.
    Mailbox northwindInbox;
    northwindInbox.shopId = shopIds[0];
    const QList<QByteArray> mails{
        "From: =?UTF-8?Q?Ingrid_Fj=C3=A6restad?= <ingrid@example.no>\r\n"
        "To: Northwind Returns <returns@northwind.example>\r\n"
        "Subject: =?UTF-8?Q?Bytte_av_st=C3=B8vler_=E2=80=93_for_sm=C3=A5?=\r\n"
        "Message-ID: <demo-ingrid-1@example.no>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        "Hei!\r\n\r\nStøvlene jeg fikk i går (ordre NW-10577) er en størrelse for små. "
        "Kan jeg bytte dem til 42?\r\n\r\nHilsen Ingrid\r\n",
        "From: =?ISO-8859-1?Q?J=FCrgen_Wei=DF?= <juergen@example.de>\r\n"
        "To: support@northwind.example\r\n"
        "Subject: =?ISO-8859-1?Q?Rei=DFverschluss_klemmt?=\r\n"
        "Message-ID: <demo-juergen-1@example.de>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        "Guten Tag,\r\n\r\nder Rei=DFverschluss meiner neuen Jacke klemmt schon nach einer Woche. "
        "K=F6nnen Sie mir helfen?\r\n\r\nMit freundlichen Gr=FC=DFen\r\nJ=FCrgen Wei=DF\r\n",
    };
    for (const QByteArray &mail : mails) {
        if (Expected<EmailChannel::Taken> taken = server.email().take(northwindInbox, mail); !taken)
            return taken.error();
    }
    // The risks and breaches of the past days, announced now.
    if (Expected<int> announced = tickets.sla().checkAll(); !announced)
        return announced.error();
    return logins;
}

} // namespace Signpost::DemoData
