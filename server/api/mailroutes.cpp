// The email channel's part of the API: the relay, the mailboxes, each
// department's From address, mail handed over by a local MTA, and the
// delivery of a ticket's replies. All of it for admins, but the last.
#include "server/api/apiserver.h"

#include "server/storage/database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Signpost {

void ApiServer::addMailRoutes()
{
    using Method = HttpRequest::Method;
    auto json = [](const Expected<QJsonObject> &result, int status = 200) {
        return result ? HttpReply::json(*result, status) : HttpReply::error(result.error());
    };
    auto mailbox = [](const Expected<Mailbox> &result, int status = 200) {
        return result ? HttpReply::json(result->toJson(), status) : HttpReply::error(result.error());
    };

    route(Method::Get, u"/api/v1/mail/relay"_s, Access::Admin,
          [this, json](Call &) { return json(m_email.store().relayJson()); });
    route(Method::Put, u"/api/v1/mail/relay"_s, Access::Admin, [this, json](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        return body ? json(m_email.store().setRelay(*body)) : HttpReply::error(body.error());
    });

    route(Method::Get, u"/api/v1/mail/mailboxes"_s, Access::Admin, [this](Call &) {
        Expected<QList<Mailbox>> boxes = m_email.store().mailboxes();
        if (!boxes)
            return HttpReply::error(boxes.error());
        QJsonArray list;
        for (const Mailbox &box : *boxes)
            list.append(box.toJson());
        return HttpReply::json(QJsonObject{{u"mailboxes"_s, list}});
    });
    route(Method::Post, u"/api/v1/mail/mailboxes"_s, Access::Admin, [this, mailbox](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        Expected<Mailbox> created = m_email.store().createMailbox(*body);
        if (created)
            m_email.checkNow(created->id);
        return mailbox(created, 201);
    });
    route(Method::Get, u"/api/v1/mail/mailboxes/{id}"_s, Access::Admin,
          [this, mailbox](Call &call) { return mailbox(m_email.store().mailbox(call.id())); });
    route(Method::Patch, u"/api/v1/mail/mailboxes/{id}"_s, Access::Admin, [this, mailbox](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        return body ? mailbox(m_email.store().updateMailbox(call.id(), *body)) : HttpReply::error(body.error());
    });
    route(Method::Delete, u"/api/v1/mail/mailboxes/{id}"_s, Access::Admin, [this](Call &call) {
        const Status removed = m_email.store().deleteMailbox(call.id());
        return removed ? HttpReply::noContent() : HttpReply::error(removed.error());
    });
    route(Method::Post, u"/api/v1/mail/mailboxes/{id}/check"_s, Access::Admin, [this](Call &call) {
        Expected<Mailbox> box = m_email.store().mailbox(call.id());
        if (!box)
            return HttpReply::error(box.error());
        m_email.checkNow(box->id);
        return HttpReply::json(QJsonObject{{u"checking"_s, true}}, 202);
    });

    // Mail a local MTA hands over (a Postfix transport piping to curl):
    // the raw message as the body, taken in as if fetched from the mailbox
    // named in ?mailbox= (its shop and department), or for the ?shop= given.
    route(Method::Post, u"/api/v1/mail/inbound"_s, Access::Admin, [this, json](Call &call) {
        Mailbox box;
        const QString named = QUrlQuery(call.request.url()).queryItemValue(u"mailbox"_s);
        if (!named.isEmpty()) {
            Expected<Mailbox> found = m_email.store().mailbox(named.toLongLong());
            if (!found)
                return HttpReply::error(Error::invalid(u"mailbox"_s,
                        QCoreApplication::translate("Signpost::Api", "No mailbox with id %1.").arg(named)));
            box = *found;
        }
        // Or only the shop it came for (a transport per shop).
        const QString shop = QUrlQuery(call.request.url()).queryItemValue(u"shop"_s);
        if (!shop.isEmpty()) {
            bool numeric = false;
            box.shopId = shop.toLongLong(&numeric);
            if (!numeric || box.shopId <= 0)
                return HttpReply::error(Error::invalid(u"shop"_s,
                        QCoreApplication::translate("Signpost::Api", "shop must be a shop's id.")));
        }
        if (call.request.body().trimmed().isEmpty())
            return HttpReply::error(Error::invalid(u"body"_s,
                    QCoreApplication::translate("Signpost::Api",
                                                "Send the message itself as the body (message/rfc822).")));
        Expected<EmailChannel::Taken> taken = m_email.take(box, call.request.body());
        if (!taken)
            return HttpReply::error(taken.error());
        return HttpReply::json(taken->toJson(), taken->outcome == EmailChannel::Taken::Outcome::NewTicket ? 201 : 200);
    });

    route(Method::Get, u"/api/v1/departments/{id}/mail"_s, Access::Admin,
          [this, json](Call &call) { return json(m_email.store().identitiesJson(call.id())); });
    route(Method::Put, u"/api/v1/departments/{id}/mail"_s, Access::Admin, [this, json](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        if (Expected<Department> department = m_departments.department(call.id()); !department)
            return HttpReply::error(department.error());
        const qint64 shop = body->value(u"shop"_s).toInteger();
        Expected<QJsonObject> set = m_email.store().setIdentity(call.id(), shop, *body);
        m_departments.forgetCache();
        if (set) {
            // The department's desks pull, see the new directory_version and
            // read the departments (with the shops' sender names) again.
            ChangeNotice notice;
            notice.seq = m_db.headSeq();
            notice.departments = {call.id()};
            m_cluster.publish(notice);
        }
        return json(set);
    });

    // How each mailed reply of a ticket fared, by message id.
    route(Method::Get, u"/api/v1/tickets/{id}/mail"_s, Access::Agent, [this, json](Call &call) {
        if (Expected<QJsonObject> visible = m_tickets.ticketView(call.scope, call.id()); !visible)
            return HttpReply::error(visible.error());
        Expected<QJsonObject> deliveries = m_email.store().deliveries(call.id());
        return deliveries ? HttpReply::json(QJsonObject{{u"deliveries"_s, *deliveries}})
                          : HttpReply::error(deliveries.error());
    });
}

} // namespace Signpost
