// Tickets in the API: queues, the full ticket view, the agents' command
// batches and the sync feed.
#include "server/api/apiserver.h"
#include "server/services/figurestore.h"

#include "core/timestamps.h"
#include "server/storage/database.h"
#include "storage/ticketrows.h"

#include <QCoreApplication>
#include <QFile>
#include <QUrl>
#include <QtConcurrent>

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

constexpr qsizetype MaxCommandsPerBatch = 100;
constexpr qsizetype MaxSearchText = 200;

} // namespace

void ApiServer::addTicketRoutes()
{
    using Method = HttpRequest::Method;

    route(Method::Get, u"/api/v1/departments/{id}/tickets"_s, Access::Agent, [this](Call &call) {
        Expected<TicketStore::ListFilter> filter =
            TicketStore::parseFilter(call.request.query().queryItems(QUrl::FullyDecoded));
        if (!filter)
            return HttpReply::error(filter.error());
        Expected<QJsonObject> page = m_tickets.list(call.scope, call.id(), *filter);
        return page ? HttpReply::json(*page) : HttpReply::error(page.error());
    });

    // The lead dashboard's figures: for the department's leads and admins.
    route(Method::Get, u"/api/v1/departments/{id}/figures"_s, Access::Agent, [this](Call &call) {
        if (!call.scope.canSee(call.id()) || !m_departments.department(call.id()))
            return HttpReply::error(Error::notFound(
                    QCoreApplication::translate("Signpost::Api", "No such department.")));
        if (!call.scope.leads(call.id()))
            return HttpReply::error({ErrorCode::Forbidden,
                    QCoreApplication::translate("Signpost::Api", "Only the department's leads see its figures."), {}});
        const QUrlQuery query = call.request.query();
        int days = 7;
        if (query.hasQueryItem(u"days"_s)) {
            bool numeric = false;
            days = query.queryItemValue(u"days"_s).toInt(&numeric);
            if (!numeric || days < 1 || days > 90)
                return HttpReply::error(Error::invalid(u"days"_s,
                        QCoreApplication::translate("Signpost::Api", "days is a period of 1 to 90 days.")));
        }
        return readAside(
            [department = call.id(), days, now = m_tickets.now()](SqlConnection &sql,
                                                                   const QString &) -> Expected<QByteArray> {
                Expected<QJsonObject> figures = FigureStore(sql).figures(department, days, now);
                if (!figures)
                    return figures.error();
                return QJsonDocument(*figures).toJson(QJsonDocument::Compact);
            },
            [](QByteArray body) { return HttpReply::raw(std::move(body)); });
    });

    route(Method::Get, u"/api/v1/tickets/{id}"_s, Access::Agent, [this](Call &call) {
        Expected<QJsonObject> view = m_tickets.ticketView(call.scope, call.id());
        return view ? HttpReply::json(*view) : HttpReply::error(view.error());
    });

    // A file of a customer's message, for agents who may see its ticket;
    // always as a download, never shown by the browser as a page.
    route(Method::Get, u"/api/v1/attachments/{id}"_s, Access::Agent, [this](Call &call) {
        Expected<AttachmentStore::Stored> stored = m_attachments.find(call.id());
        if (!stored)
            return HttpReply::error(stored.error());
        if (Expected<QJsonObject> visible = m_tickets.ticketView(call.scope, stored->ticketId); !visible)
            return HttpReply::error(Error::notFound(
                    QCoreApplication::translate("Signpost::Api", "No such attachment.")));
        return fileReply(*stored);
    });

    // An agent's file, before a reply or note names it: kept by content,
    // answered with the name to use.
    route(Method::Post, u"/api/v1/uploads"_s, Access::Agent, [this](Call &call) {
        if (call.request.body().isEmpty())
            return HttpReply::error(Error::invalid(u"body"_s,
                    QCoreApplication::translate("Signpost::Api", "Send the file's bytes as the request body.")));
        Expected<QString> sha = m_attachments.upload(call.scope.agentId, call.request.body(), m_tickets.now());
        if (!sha)
            return HttpReply::error(sha.error());
        return HttpReply::json(QJsonObject{{u"upload"_s, *sha}, {u"size"_s, call.request.body().size()}}, 201);
    });

    route(Method::Post, u"/api/v1/commands"_s, Access::Agent, [this](Call &call) {
        Expected<QJsonObject> body = jsonBody(call);
        if (!body)
            return HttpReply::error(body.error());
        const QJsonValue commands = body->value(u"commands"_s);
        if (!commands.isArray() || commands.toArray().isEmpty())
            return HttpReply::error(Error::invalid(u"commands"_s,
                    QCoreApplication::translate("Signpost::Api", "commands must be a non-empty list.")));
        if (commands.toArray().size() > MaxCommandsPerBatch)
            return HttpReply::error(Error::invalid(
                u"commands"_s,
                        QCoreApplication::translate("Signpost::Api",
                                                    "Send at most %1 commands in one batch.")
                                                .arg(MaxCommandsPerBatch)));

        // Each command stands alone: a rejected one never blocks the ones
        // behind it.
        QJsonArray results;
        for (const QJsonValue &entry : commands.toArray()) {
            Expected<Command> command = Command::fromJson(entry.toObject());
            if (!command) {
                QJsonObject rejected{{u"id"_s, entry.toObject().value(u"id"_s)},
                                     {u"outcome"_s, u"rejected"_s},
                                     {u"reason"_s, errorCodeName(command.error().code)},
                                     {u"message"_s, command.error().message},
                                     {u"field"_s, command.error().field}};
                results.append(rejected);
                continue;
            }
            if (m_failNextCommands > 0 && (m_failCommandsOf == 0 || m_failCommandsOf == call.scope.agentId)) {
                --m_failNextCommands;
                results.append(QJsonObject{{u"id"_s, command->id},
                                           {u"outcome"_s, u"rejected"_s},
                                           {u"reason"_s, errorCodeName(ErrorCode::Internal)},
                                           {u"message"_s, u"The store could not complete the request."_s}});
                continue;
            }
            results.append(m_tickets.run(call.scope, call.agentName, *command));
        }
        return HttpReply::json(QJsonObject{{u"results"_s, results}});
    });

    route(Method::Get, u"/api/v1/sync"_s, Access::Agent, [this](Call &call) {
        const QUrlQuery query = call.request.query();
        int limit = SyncFeed::DefaultPageSize;
        if (query.hasQueryItem(u"limit"_s)) {
            bool numeric = false;
            limit = query.queryItemValue(u"limit"_s).toInt(&numeric);
            if (!numeric || limit < 1 || limit > SyncFeed::MaxPageSize)
                return HttpReply::error(Error::invalid(
                    u"limit"_s,
                            QCoreApplication::translate("Signpost::Api",
                                                        "limit must be 1 to %1.").arg(SyncFeed::MaxPageSize)));
        }
        SyncWindow window{0, m_tickets.now()};
        if (query.hasQueryItem(u"window"_s)) {
            bool numeric = false;
            window.days = query.queryItemValue(u"window"_s).toInt(&numeric);
            if (!numeric || window.days < 0 || window.days > SyncFeed::MaxWindowDays)
                return HttpReply::error(Error::invalid(
                    u"window"_s,
                            QCoreApplication::translate("Signpost::Api",
                                                        "window is a number of days, 0 to %1 (0: all history).")
                                                    .arg(SyncFeed::MaxWindowDays)));
        }
        return syncPage({call.scope.agentId, query.queryItemValue(u"cursor"_s), limit, window.days}, window);
    });

    // Words in the tickets of the agent's departments, also those beyond a
    // desk's window.
    route(Method::Get, u"/api/v1/search"_s, Access::Agent, [this](Call &call) {
        const QUrlQuery query = call.request.query();
        for (const auto &[name, value] : query.queryItems()) {
            if (name != u"q" && name != u"department" && name != u"before" && name != u"limit")
                return HttpReply::error(Error::invalid(name,
                        QCoreApplication::translate("Signpost::Api", "Unknown parameter “%1”.").arg(name)));
        }
        const QString text = query.queryItemValue(u"q"_s, QUrl::FullyDecoded).simplified();
        if (TicketRows::searchExpression(text).isEmpty())
            return HttpReply::error(Error::invalid(u"q"_s,
                    QCoreApplication::translate("Signpost::Api", "Say what to search for.")));
        if (text.size() > MaxSearchText)
            return HttpReply::error(
                Error::invalid(u"q"_s,
                        QCoreApplication::translate("Signpost::Api",
                                                    "A search is at most %1 characters.").arg(MaxSearchText)));
        qint64 numbers[3] = {0, 0, SyncFeed::DefaultSearchLimit};
        const char16_t *names[3] = {u"department", u"before", u"limit"};
        for (int i = 0; i < 3; ++i) {
            const QString name = QString::fromUtf16(names[i]);
            if (!query.hasQueryItem(name))
                continue;
            bool numeric = false;
            numbers[i] = query.queryItemValue(name).toLongLong(&numeric);
            if (!numeric || numbers[i] < 1 || (i == 2 && numbers[i] > SyncFeed::MaxSearchLimit))
                return HttpReply::error(Error::invalid(
                    name, i == 2 ? QCoreApplication::translate("Signpost::Api", "limit must be 1 to %1.")
                                       .arg(SyncFeed::MaxSearchLimit)
                                 : QCoreApplication::translate("Signpost::Api",
                                                               "%1 must be a positive number.").arg(name)));
        }
        return readAside(
            [agent = call.scope.agentId, text, numbers](SqlConnection &sql, const QString &epoch) {
                return SyncFeed(sql, epoch).search(agent, text, numbers[0], numbers[1], int(numbers[2]));
            },
            [](QByteArray found) { return HttpReply::raw(std::move(found)); });
    });
}

HttpReply ApiServer::fileReply(const AttachmentStore::Stored &stored)
{
    // Always a download, never shown by the browser as a page.
    QFile file(stored.path);
    if (!file.open(QIODevice::ReadOnly))
        return HttpReply::error({ErrorCode::Internal,
                QCoreApplication::translate("Signpost::Api", "The attachment's file is missing from the store."), {}});
    HttpReply reply;
    reply.contentType = stored.contentType.toUtf8();
    reply.body = file.readAll();
    reply.headers = {{"Content-Disposition", "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(stored.filename)},
                     {"Cache-Control", "private, max-age=86400"}};
    return reply;
}

template <typename T>
QFuture<Expected<T>> ApiServer::onReader(std::function<Expected<T>(SqlConnection &, const QString &epoch)> read,
                                        QThreadPool *pool)
{
    const Wording &wording = Wording::current();
    return QtConcurrent::run(pool ? pool : &m_readers,
                             [location = m_db.location(), epoch = m_db.epoch(), read = std::move(read),
                              &wording]() -> Expected<T> {
                                 const Wording::Scope speaking(wording);
                                 Expected<SqlConnection *> sql = Database::readerForThisThread(location);
                                 if (!sql)
                                     return sql.error();
                                 Expected<T> answer = read(**sql, epoch);
                                 // The connection ended mid-read: try again (503).
                                 if (!answer && Database::isLost(**sql))
                                     return Database::unreachable();
                                 return answer;
                             });
}

// The search index's rounds on PostgreSQL (ApiServer::indexWords).
template QFuture<Expected<int>> ApiServer::onReader(std::function<Expected<int>(SqlConnection &, const QString &)>,
                                                    QThreadPool *);

HttpReply ApiServer::readAside(std::function<Expected<QByteArray>(SqlConnection &, const QString &epoch)> read,
                               std::function<HttpReply(QByteArray)> answer)
{
    // On a reader thread with its own connection: a long read never holds
    // up the requests behind it.
    HttpReply reply;
    reply.later = [this, read = std::move(read), answer = std::move(answer)](std::function<void(HttpReply)> respond) {
        const Wording &wording = Wording::current();
        onReader(read).then(this, [respond, answer, &wording](Expected<QByteArray> read) {
            const Wording::Scope speaking(wording);
            respond(read ? answer(std::move(*read)) : HttpReply::error(read.error()));
        });
    };
    return reply;
}

SyncReadAhead::Page ApiServer::readSyncPage(const SyncReadAhead::Key &key, SyncWindow window)
{
    return onReader<SyncPage>([key, window](SqlConnection &sql, const QString &epoch) {
        return SyncFeed(sql, epoch).pull(key.agentId, key.cursor, key.limit, window);
    });
}

HttpReply ApiServer::syncPage(const SyncReadAhead::Key &key, SyncWindow window)
{
    HttpReply reply;
    reply.later = [this, key, window](std::function<void(HttpReply)> respond) {
        const Wording &wording = Wording::current();
        const auto send = [this, key, respond, &wording](Expected<SyncPage> page) {
            const Wording::Scope speaking(wording);
            if (!page) {
                respond(HttpReply::error(page.error()));
                return;
            }
            if (page->hasMore) {
                const SyncReadAhead::Key next{key.agentId, page->nextCursor, key.limit, key.windowDays};
                m_syncReadAhead.keep(next, readSyncPage(next, SyncWindow{key.windowDays, m_tickets.now()}));
            }
            respond(HttpReply::raw(std::move(page->body)));
        };
        if (std::optional<SyncReadAhead::Page> ahead = m_syncReadAhead.take(key)) {
            ahead->then(this, [this, key, window, send, &wording](Expected<SyncPage> page) {
                if (page) {
                    send(std::move(page));
                    return;
                }
                // Read again, now: it was an outage, perhaps over.
                const Wording::Scope speaking(wording);
                readSyncPage(key, window).then(this, send);
            });
            return;
        }
        readSyncPage(key, window).then(this, send);
    };
    return reply;
}

} // namespace Signpost
