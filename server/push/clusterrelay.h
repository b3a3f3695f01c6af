#pragma once

#include "core/expected.h"
#include "server/events/changenotice.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

namespace Signpost {

class Database;
class PushHub;
class PostgresListener;

// What the push channel must hear, from this instance and from every other
// on the same PostgreSQL store: each call goes to this instance's PushHub
// and, on PostgreSQL, out as a NOTIFY on the `signpost_push` channel, which
// every instance LISTENs to on a connection of its own and hands to its
// PushHub. On the embedded store it is the PushHub alone.
//
// Delivery to the other instances is at most once: a NOTIFY is sent after
// the change commits, so an instance that dies between the two leaves the
// others' desks to find the change at their next pull. While the listening
// connection is lost (the database restarted) notices are missed: once it
// is back, every desk connected here is poked to pull.
class ClusterRelay : public QObject
{
    Q_OBJECT

public:
    ClusterRelay(Database &db, PushHub &push, QObject *parent = nullptr);
    ~ClusterRelay() override;

    // Starts listening (PostgreSQL), and keeps at it.
    void start();
    bool isListening() const;

    void publish(const ChangeNotice &notice);
    void accessChanged(qint64 agentId, qint64 seq);
    void disconnectAgent(qint64 agentId, const QString &reason);
    void disconnectToken(const QByteArray &tokenHash);
    // Something every desk reads changed (the departments): all pull.
    void pokeEveryone(qint64 seq);

    static QJsonObject toJson(const ChangeNotice &notice);
    static ChangeNotice noticeFromJson(const QJsonObject &json);

Q_SIGNALS:
    // What an agent may see changed, through this instance or another.
    void agentAccessChanged(qint64 agentId);
    // The other instances' notices may have been missed (the listening
    // connection was lost): any agent's access may have changed.
    void noticesMissed();

private:
    void announce(QJsonObject message);
    void received(const QString &payload);
    void pokeAfterLoss();

    Database &m_db;
    PushHub &m_push;
    std::unique_ptr<PostgresListener> m_listener;
    QString m_instance; // this instance's own messages come back too: skipped
};

} // namespace Signpost
