#include "server/push/clusterrelay.h"

#include "server/logging.h"
#include "server/push/pushhub.h"
#include "server/storage/database.h"
#include "server/storage/postgreslistener.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Signpost {

namespace {

const QString PushChannel = u"signpost_push"_s;
// PostgreSQL refuses payloads from 8000 bytes; a subject is cut well below.
constexpr int SubjectInPayload = 300;

QJsonArray ids(const QList<qint64> &list)
{
    QJsonArray array;
    for (qint64 id : list)
        array.append(id);
    return array;
}

QList<qint64> idList(const QJsonValue &value)
{
    QList<qint64> list;
    for (const QJsonValue &id : value.toArray())
        list.append(id.toInteger());
    return list;
}

} // namespace

ClusterRelay::ClusterRelay(Database &db, PushHub &push, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_push(push)
    , m_instance(QUuid::createUuid().toString(QUuid::Id128))
{
}

ClusterRelay::~ClusterRelay() = default;

void ClusterRelay::start()
{
    if (!m_db.isPostgres())
        return;
    m_listener = std::make_unique<PostgresListener>(m_db.location(), PushChannel);
    connect(m_listener.get(), &PostgresListener::notified, this, &ClusterRelay::received);
    connect(m_listener.get(), &PostgresListener::listening, this, [this](bool again) {
        if (again)
            pokeAfterLoss();
    });
    m_listener->start();
}

void ClusterRelay::pokeAfterLoss()
{
    // The head of the sequence is read on the writer's connection, which
    // may not be back yet.
    if (!m_db.ensureConnected()) {
        QTimer::singleShot(1000, this, &ClusterRelay::pokeAfterLoss);
        return;
    }
    m_push.pokeEveryone(m_db.headSeq());
    Q_EMIT noticesMissed();
}

bool ClusterRelay::isListening() const
{
    return m_listener && m_listener->isListening();
}

QJsonObject ClusterRelay::toJson(const ChangeNotice &notice)
{
    return {{u"seq"_s, notice.seq},
            {u"ticket"_s, notice.ticketId},
            {u"subject"_s, notice.subject.left(SubjectInPayload)},
            {u"departments"_s, ids(notice.departments)},
            {u"agents"_s, ids(notice.agents)},
            {u"event"_s, int(notice.event)},
            {u"event_department"_s, notice.eventDepartment},
            {u"event_agent"_s, notice.eventAgent},
            {u"actor"_s, notice.actorAgent},
            {u"assignee"_s, notice.ticketAssignee}};
}

ChangeNotice ClusterRelay::noticeFromJson(const QJsonObject &json)
{
    ChangeNotice notice;
    notice.seq = json.value(u"seq"_s).toInteger();
    notice.ticketId = json.value(u"ticket"_s).toInteger();
    notice.subject = json.value(u"subject"_s).toString();
    notice.departments = idList(json.value(u"departments"_s));
    notice.agents = idList(json.value(u"agents"_s));
    const int event = json.value(u"event"_s).toInt();
    notice.event = event >= 0 && event <= int(ChangeNotice::Event::SlaBreached) ? ChangeNotice::Event(event)
                                                                                : ChangeNotice::Event::None;
    notice.eventDepartment = json.value(u"event_department"_s).toInteger();
    notice.eventAgent = json.value(u"event_agent"_s).toInteger();
    notice.actorAgent = json.value(u"actor"_s).toInteger();
    notice.ticketAssignee = json.value(u"assignee"_s).toInteger();
    return notice;
}

void ClusterRelay::publish(const ChangeNotice &notice)
{
    m_push.publish(notice);
    announce({{u"kind"_s, u"change"_s}, {u"notice"_s, toJson(notice)}});
}

void ClusterRelay::accessChanged(qint64 agentId, qint64 seq)
{
    m_push.accessChanged(agentId, seq);
    Q_EMIT agentAccessChanged(agentId);
    announce({{u"kind"_s, u"access"_s}, {u"agent"_s, agentId}, {u"seq"_s, seq}});
}

void ClusterRelay::disconnectAgent(qint64 agentId, const QString &reason)
{
    m_push.disconnectAgent(agentId, reason);
    announce({{u"kind"_s, u"disconnect_agent"_s}, {u"agent"_s, agentId}, {u"reason"_s, reason}});
}

void ClusterRelay::disconnectToken(const QByteArray &tokenHash)
{
    m_push.disconnectToken(tokenHash);
    announce({{u"kind"_s, u"disconnect_token"_s}, {u"token_hash"_s, QString::fromLatin1(tokenHash.toHex())}});
}

void ClusterRelay::pokeEveryone(qint64 seq)
{
    m_push.pokeEveryone(seq);
    announce({{u"kind"_s, u"poke_everyone"_s}, {u"seq"_s, seq}});
}

void ClusterRelay::announce(QJsonObject message)
{
    if (!m_listener)
        return;
    message.insert(u"from"_s, m_instance);
    QSqlQuery &notify = m_db.prepared(u"SELECT pg_notify('%1', ?)"_s.arg(PushChannel));
    notify.addBindValue(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    if (!notify.exec())
        storageError(notify); // logged; the others' desks pull at their next poke or reconnect
    notify.finish();
}

void ClusterRelay::received(const QString &payload)
{
    const QJsonObject message = QJsonDocument::fromJson(payload.toUtf8()).object();
    if (message.value(u"from"_s).toString() == m_instance)
        return;
    const QString kind = message.value(u"kind"_s).toString();
    if (kind == u"change")
        m_push.publish(noticeFromJson(message.value(u"notice"_s).toObject()));
    else if (kind == u"access") {
        m_push.accessChanged(message.value(u"agent"_s).toInteger(), message.value(u"seq"_s).toInteger());
        Q_EMIT agentAccessChanged(message.value(u"agent"_s).toInteger());
    }
    else if (kind == u"disconnect_agent")
        m_push.disconnectAgent(message.value(u"agent"_s).toInteger(), message.value(u"reason"_s).toString());
    else if (kind == u"poke_everyone")
        m_push.pokeEveryone(message.value(u"seq"_s).toInteger());
    else if (kind == u"disconnect_token")
        m_push.disconnectToken(QByteArray::fromHex(message.value(u"token_hash"_s).toString().toLatin1()));
}

} // namespace Signpost
