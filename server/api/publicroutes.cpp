// What customers reach without signing in: the contact forms, the JSON intake
// for shops' own forms, and the customer's page of their ticket.
#include "server/api/apiserver.h"

#include "core/language.h"
#include "core/timestamps.h"
#include "server/api/contactpages.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

QString threadPath(const QString &secret)
{
    return u"/ticket/"_s + secret;
}

HttpReply replayed(const IdempotencyLog::Answer &answer)
{
    HttpReply reply = HttpReply::raw(answer.body, answer.status);
    reply.headers.append(qMakePair(QByteArray("Idempotent-Replayed"), QByteArray("true")));
    return reply;
}

HttpReply replyAnswer(qint64 ticket)
{
    return HttpReply::json(QJsonObject{{u"ticket"_s, ticket}}, 201);
}

// The language a customer's page speaks: the one they chose (a link of the
// page's language choice, or the form they post), else the one of `offered`
// their browser prefers.
const Wording &wordingFor(const HttpRequest &request, const QStringList &offered, const QString &chosen = {})
{
    const QString asked = chosen.isEmpty() ? request.query().queryItemValue(u"lang"_s) : chosen;
    if (offered.contains(asked))
        return Wording::of(asked);
    return Wording::of(negotiateLanguage(request.value("Accept-Language"), offered));
}

QJsonObject errorsJson(const QList<Error> &errors)
{
    QJsonArray list;
    for (const Error &error : errors)
        list.append(error.toJson().value(u"error"_s));
    QJsonObject json = errors.first().toJson();
    json.insert(u"errors"_s, list);
    return json;
}

} // namespace

HttpReply ApiServer::contactForm(Call &call, const Shop &shop)
{
    using ContactPages::Notice;
    const bool posting = call.request.method() == HttpRequest::Method::Post;
    ContactPages::Values values;
    QList<AttachmentStore::File> files;
    const bool whole = !posting
                       || ContactPages::decodePost(call.request.value("Content-Type"), call.request.body(), values, files);
    // A posted form speaks the language it was shown in.
    const Wording &wording = wordingFor(call.request, shop.languages, values.value(u"lang"_s));
    Expected<const RoutingTable *> table = m_departments.routingTable();
    if (!table)
        return HttpReply::html(ContactPages::notice(Notice::FormUnavailable, wording), table.error().httpStatus());
    const QList<Department> offered = (*table)->publicDepartments(shop.id, wording.code());
    if (!posting)
        return HttpReply::html(ContactPages::form(shop, offered, {}, {}, wording));
    if (!whole)
        return HttpReply::html(ContactPages::notice(Notice::FormIncomplete, wording), 400);
    // A double click or a refresh gets the confirmation of the ticket the
    // first post made.
    const FormToken token = formToken(u"form"_s, values, call);
    if (token.earlier) {
        const QJsonObject made = QJsonDocument::fromJson(token.earlier->body).object();
        return HttpReply::html(ContactPages::confirmation(shop, made.value(u"ticket"_s).toInteger(),
                                                          made.value(u"thread_path"_s).toString(), wording));
    }
    if (!m_contactLimiter.allow(call.clientAddress, nowMs()))
        return HttpReply::html(ContactPages::notice(Notice::TooManyMessages, wording), 429);
    if (!values.value(u"website"_s).isEmpty()) {
        // Filled in the field people never see: a robot. Thank it, keep nothing.
        return HttpReply::html(ContactPages::notice(Notice::RobotThanked, wording));
    }

    IntakeRequest request;
    request.shopId = shop.id;
    request.channel = Channel::Web;
    request.language = wording.code();
    request.name = values.value(u"name"_s);
    request.email = values.value(u"email"_s);
    request.orderNumber = values.value(u"order_number"_s);
    request.subject = values.value(u"subject"_s);
    request.message = values.value(u"message"_s);
    request.files = files;
    QList<Error> errors = request.validate();
    const QString chosen = values.value(u"department"_s);
    if (!chosen.isEmpty()) {
        bool numeric = false;
        request.departmentId = chosen.toLongLong(&numeric);
        const bool offeredHere = numeric && std::any_of(offered.cbegin(), offered.cend(), [&](const Department &d) {
                                     return d.id == request.departmentId;
                                 });
        if (!offeredHere)
            errors.prepend(Error::invalid(u"department"_s, wording.translate("Signpost::ContactPages",
                                                                             "Please choose one of the departments in the list.")));
    }
    if (!errors.isEmpty())
        return HttpReply::html(ContactPages::form(shop, offered, values, errors, wording), 422);

    Expected<IntakeResult> result = m_tickets.intake(request, [&](const IntakeResult &made) {
        return keepAnswer(token, intakeAnswer(made), call);
    });
    if (!result) {
        if (result.error().code == ErrorCode::InvalidInput)
            return HttpReply::html(ContactPages::form(shop, offered, values, {result.error()}, wording), 422);
        return HttpReply::html(ContactPages::notice(Notice::NotSaved, wording), result.error().httpStatus());
    }
    return HttpReply::html(ContactPages::confirmation(shop, result->ticketId, threadPath(result->secret), wording));
}

HttpReply ApiServer::customerThread(Call &call, bool posting)
{
    using ContactPages::Notice;
    const QString secret = call.params.value(0);
    const QString path = threadPath(secret);
    // Before the ticket is known: the language the browser prefers.
    const Wording &browsers = wordingFor(call.request, languageCodes());
    bool replied = false;
    QList<Error> errors;
    if (posting) {
        if (!m_contactLimiter.allow(call.clientAddress, nowMs()))
            return HttpReply::html(ContactPages::notice(Notice::TooManyReplies, browsers), 429);
        ContactPages::Values values;
        QList<AttachmentStore::File> files;
        if (!ContactPages::decodePost(call.request.value("Content-Type"), call.request.body(), values, files))
            return HttpReply::html(ContactPages::notice(Notice::FormIncomplete, browsers), 400);
        // As on the contact form: a refresh or a double click posts once.
        const FormToken token = formToken(u"reply-form"_s, values, call);
        Expected<qint64> reply = token.earlier ? Expected<qint64>(qint64(0))
                                               : m_tickets.customerReply(secret, values.value(u"message"_s), files,
                                                                         [&](qint64 ticket) {
                                                                             return keepAnswer(token, replyAnswer(ticket), call);
                                                                         });
        if (!reply && reply.error().code == ErrorCode::NotFound)
            return HttpReply::html(ContactPages::notice(Notice::LinkNotValid, browsers), 404);
        if (!reply && reply.error().code != ErrorCode::InvalidInput)
            return HttpReply::html(ContactPages::notice(Notice::NotSaved, browsers), reply.error().httpStatus());
        if (!reply)
            errors.append(reply.error());
        replied = reply.has_value();
    }
    Expected<TicketStore::CustomerThread> thread = m_tickets.customerThread(secret);
    if (!thread)
        return HttpReply::html(ContactPages::notice(thread.error().code == ErrorCode::NotFound ? Notice::LinkNotValid
                                                                                              : Notice::FormUnavailable,
                                                    browsers),
                               thread.error().httpStatus());
    // The ticket's page speaks the language its customer wrote in.
    return HttpReply::html(ContactPages::thread(thread->ticket, thread->shopName, path, errors, replied,
                                                Wording::of(thread->language)),
                           errors.isEmpty() ? 200 : 422);
}

ApiServer::FormToken ApiServer::formToken(const QString &scope, const ContactPages::Values &values, const Call &call)
{
    FormToken token{scope, values.value(u"form_token"_s).toLatin1(), {}, false};
    if (!IdempotencyLog::isValidKey(token.key))
        return token; // an old page, or a robot: taken as it is
    Expected<std::optional<IdempotencyLog::Answer>> earlier = m_idempotency.find(scope, token.key, call.request.body());
    // The same token with other text is a new message, written after going
    // back: taken, and the token stays with its first one.
    if (earlier) {
        token.earlier = *earlier;
        token.keep = !*earlier;
    }
    return token;
}

Status ApiServer::keepAnswer(const FormToken &token, const HttpReply &answer, const Call &call)
{
    if (!token.keep)
        return ok();
    return m_idempotency.remember(token.scope, token.key, call.request.body(), {answer.status, answer.body});
}

std::optional<HttpReply> ApiServer::earlierAnswer(const QString &scope, const QByteArray &key, const Call &call)
{
    if (key.isEmpty())
        return std::nullopt;
    if (!IdempotencyLog::isValidKey(key))
        return HttpReply::error(
            Error::invalid(u"Idempotency-Key"_s,
                    QCoreApplication::translate("Signpost::Api",
                                                "The Idempotency-Key is 1 to 255 printable ASCII characters.")));
    Expected<std::optional<IdempotencyLog::Answer>> earlier = m_idempotency.find(scope, key, call.request.body());
    if (!earlier)
        return HttpReply::error(earlier.error());
    if (!*earlier)
        return std::nullopt;
    return replayed(**earlier);
}

HttpReply ApiServer::intakeAnswer(const IntakeResult &result)
{
    return HttpReply::json(QJsonObject{{u"ticket"_s, result.ticketId},
                                       {u"routing"_s, result.routing.toJson()},
                                       {u"secret"_s, result.secret},
                                       {u"thread_path"_s, threadPath(result.secret)}},
                           201);
}

void ApiServer::addPublicRoutes()
{
    using Method = HttpRequest::Method;

    route(Method::Get, u"/contact"_s, Access::Public, [this](Call &call) {
        Expected<QList<Shop>> shops = m_departments.shops();
        if (!shops)
            return HttpReply::error(shops.error());
        if (shops->size() == 1)
            return contactForm(call, shops->first());
        return HttpReply::html(ContactPages::shopList(*shops, wordingFor(call.request, languageCodes())));
    });
    for (Method method : {Method::Get, Method::Post}) {
        route(method, u"/contact/{slug}"_s, Access::Public, [this](Call &call) {
            const std::optional<Shop> shop = m_departments.shopBySlug(call.params.value(0));
            if (!shop)
                return HttpReply::html(
                    ContactPages::notice(ContactPages::Notice::NoSuchForm, wordingFor(call.request, languageCodes())), 404);
            return contactForm(call, *shop);
        });
        route(method, u"/ticket/{secret}"_s, Access::Public,
              [this, method](Call &call) { return customerThread(call, method == Method::Post); });
    }
    // A file of the ticket, for its customer: theirs, or the agents' replies'.
    route(Method::Get, u"/ticket/{secret}/files/{id}"_s, Access::Public, [this](Call &call) {
        Expected<TicketStore::CustomerThread> thread = m_tickets.customerThread(call.params.value(0));
        if (!thread)
            return HttpReply::html(
                ContactPages::notice(thread.error().code == ErrorCode::NotFound ? ContactPages::Notice::LinkNotValid
                                                                                : ContactPages::Notice::FormUnavailable,
                                     wordingFor(call.request, languageCodes())),
                thread.error().httpStatus());
        bool numeric = false;
        const qint64 id = call.params.value(1).toLongLong(&numeric);
        Expected<AttachmentStore::Stored> stored = numeric ? m_attachments.findForCustomer(thread->ticket.id, id)
                                                           : Expected<AttachmentStore::Stored>(Error::notFound(QString()));
        if (!stored)
            return HttpReply::html(ContactPages::notice(ContactPages::Notice::NoSuchFile, Wording::of(thread->language)),
                                   404);
        return fileReply(*stored);
    });

    route(Method::Get, u"/api/v1/public/shops/{slug}/departments"_s, Access::Public, [this](Call &call) {
        const std::optional<Shop> shop = m_departments.shopBySlug(call.params.value(0));
        if (!shop)
            return HttpReply::error(Error::notFound(QCoreApplication::translate("Signpost::Api", "No such shop.")));
        Expected<const RoutingTable *> table = m_departments.routingTable();
        if (!table)
            return HttpReply::error(table.error());
        // The labels in the language asked for (?lang=, else the browser's
        // among the shop's), and in all of them for a shop's own selector.
        const QString language = wordingFor(call.request, shop->languages).code();
        QJsonArray list;
        for (const Department &department : (*table)->publicDepartments(shop->id, language)) {
            QJsonObject labels;
            for (const QString &code : shop->languages)
                labels.insert(code, department.publicLabelIn(code));
            list.append(QJsonObject{
                {u"id"_s, department.id}, {u"label"_s, department.publicLabelIn(language)}, {u"labels"_s, labels}});
        }
        return HttpReply::json(
            QJsonObject{{u"shop"_s, shop->toJson()}, {u"language"_s, language}, {u"departments"_s, list}});
    });

    route(Method::Post, u"/api/v1/public/intake"_s, Access::Public, [this](Call &call) {
        const QByteArray key = call.request.value("Idempotency-Key");
        if (std::optional<HttpReply> earlier = earlierAnswer(u"intake"_s, key, call))
            return *earlier;
        if (!m_contactLimiter.allow(call.clientAddress, nowMs()))
            return HttpReply::error({ErrorCode::RateLimited,
                    QCoreApplication::translate("Signpost::Api",
                                                "Too many messages from this address; try again in a few minutes."), {}});
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        // The field people never see: anything in it but nothing (or an
        // empty string) is a robot's. Thank it, keep nothing.
        const QJsonValue website = body->value(u"website"_s);
        if (!website.isUndefined() && !website.isNull() && website != QJsonValue(u""_s))
            return HttpReply::json(QJsonObject{{u"received"_s, true}}, 202);
        // The shop's languages; without a shop, all of Signpost's.
        QList<Error> errors;
        const Expected<QStringList> shopLanguages = m_departments.languagesOf(body->value(u"shop"_s).toInteger());
        if (!shopLanguages && shopLanguages.error().code != ErrorCode::InvalidInput)
            return HttpReply::error(shopLanguages.error());
        if (!shopLanguages)
            errors.append(shopLanguages.error());
        const QStringList offered = shopLanguages ? *shopLanguages : languageCodes();
        IntakeRequest request = IntakeRequest::fromJson(*body, offered, call.request.value("Accept-Language"), errors);
        errors += request.validate();
        if (!errors.isEmpty())
            return HttpReply::json(errorsJson(errors), 422);
        Expected<IntakeResult> result = m_tickets.intake(request, [&](const IntakeResult &made) -> Status {
            if (key.isEmpty())
                return ok();
            const HttpReply answer = intakeAnswer(made);
            return m_idempotency.remember(u"intake"_s, key, call.request.body(), {answer.status, answer.body});
        });
        if (!result)
            return HttpReply::json(errorsJson({result.error()}), result.error().httpStatus());
        return intakeAnswer(*result);
    });

    route(Method::Post, u"/api/v1/public/replies"_s, Access::Public, [this](Call &call) {
        const QByteArray key = call.request.value("Idempotency-Key");
        if (std::optional<HttpReply> earlier = earlierAnswer(u"reply"_s, key, call))
            return *earlier;
        if (!m_contactLimiter.allow(call.clientAddress, nowMs()))
            return HttpReply::error({ErrorCode::RateLimited,
                    QCoreApplication::translate("Signpost::Api",
                                                "Too many messages from this address; try again in a few minutes."), {}});
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        QList<Error> errors;
        const QList<AttachmentStore::File> files = filesFromJson(body->value(u"attachments"_s), errors);
        if (!errors.isEmpty())
            return HttpReply::error(errors.first());
        Expected<qint64> reply = m_tickets.customerReply(
            body->value(u"secret"_s).toString(), body->value(u"message"_s).toString(), files, [&](qint64 ticket) -> Status {
                if (key.isEmpty())
                    return ok();
                const HttpReply answer = replyAnswer(ticket);
                return m_idempotency.remember(u"reply"_s, key, call.request.body(), {answer.status, answer.body});
            });
        return reply ? replyAnswer(*reply) : HttpReply::error(reply.error());
    });
}

} // namespace Signpost
