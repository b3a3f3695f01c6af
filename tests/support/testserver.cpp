#include "tests/support/testserver.h"

#include "devsupport/postgrescluster.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Signpost::Test {

TestServer::~TestServer()
{
    if (qEnvironmentVariableIntValue("SIGNPOST_TEST_SERVER_LOG") && !m_server.errorOutput().isEmpty())
        qWarning().noquote() << "The server's log:\n" << m_server.errorOutput();
    if (!m_ownDatabase.isEmpty()) {
        // A database per server: a test process starts dozens.
        m_server.kill();
        if (PostgresCluster *cluster = PostgresCluster::shared(); cluster && !cluster->dropDatabase(m_ownDatabase))
            qWarning("%s", qPrintable(cluster->error()));
    }
}

bool TestServer::onPostgres()
{
    return qEnvironmentVariable("SIGNPOST_TEST_DATABASE") == u"postgresql";
}

bool TestServer::start(const QStringList &extraArguments)
{
    m_arguments = extraArguments;
    if (onPostgres() && m_databaseUrl.isEmpty()) {
        static int databases = 0;
        PostgresCluster *cluster = PostgresCluster::shared();
        if (!cluster)
            return false;
        m_ownDatabase = u"signpost_%1"_s.arg(++databases);
        m_databaseUrl = cluster->createDatabase(m_ownDatabase);
        if (m_databaseUrl.isEmpty()) {
            m_ownDatabase.clear();
            qWarning("%s", qPrintable(cluster->error()));
            return false;
        }
    }
    QStringList arguments = extraArguments;
    if (!m_databaseUrl.isEmpty())
        arguments = QStringList{u"--database"_s, m_databaseUrl} + arguments;
    return m_server.start({QStringLiteral(SIGNPOST_SERVER_BINARY), dataDir(), QString::fromLatin1(AdminEmail),
                           QString::fromLatin1(AdminPassword), arguments});
}

bool TestServer::startBeside(const TestServer &other, const QStringList &extraArguments)
{
    return !other.m_databaseUrl.isEmpty() && startOn(other.m_databaseUrl, other.dataDir(), extraArguments);
}

bool TestServer::startOn(const QString &url, const QString &dataDir, const QStringList &extraArguments)
{
    m_databaseUrl = url;
    m_sharedDataDir = dataDir;
    return start(extraArguments);
}

bool TestServer::restart()
{
    return start(m_arguments + QStringList{u"--port"_s, QString::number(baseUrl().port())});
}

bool TestServer::withStore(const std::function<bool(QSqlDatabase &)> &use) const
{
    const QString name = u"test-store"_s;
    bool done = false;
    {
        QSqlDatabase db;
        if (m_databaseUrl.isEmpty()) {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(QDir(dataDir()).filePath(u"signpost.sqlite3"_s));
        } else {
            const QUrl url(m_databaseUrl);
            db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setDatabaseName(url.path().mid(1));
            db.setUserName(url.userName());
            db.setHostName(QUrlQuery(url).queryItemValue(u"host"_s, QUrl::FullyDecoded));
        }
        done = db.open() && use(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return done;
}

QByteArray TestServer::storeContents() const
{
    QByteArray bytes;
    if (m_databaseUrl.isEmpty()) {
        for (const QString &file : {u"signpost.sqlite3"_s, u"signpost.sqlite3-wal"_s}) {
            QFile store(QDir(dataDir()).filePath(file));
            if (store.open(QIODevice::ReadOnly))
                bytes += store.readAll();
        }
        return bytes;
    }
    withStore([&bytes](QSqlDatabase &db) {
        QSqlQuery tables(db);
        tables.exec(u"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"_s);
        while (tables.next()) {
            QSqlQuery rows(db);
            rows.exec(u"SELECT * FROM \"%1\""_s.arg(tables.value(0).toString()));
            while (rows.next()) {
                for (int i = 0; i < rows.record().count(); ++i) {
                    const QVariant value = rows.value(i);
                    bytes += value.metaType().id() == QMetaType::QByteArray ? value.toByteArray()
                                                                            : value.toString().toUtf8();
                    bytes += '\n';
                }
            }
        }
        return true;
    });
    return bytes;
}

bool TestServer::stop()
{
    if (m_server.stop(20'000))
        return true;
    qWarning().noquote() << "The server did not stop cleanly (exit code" << m_server.exitCode() << "):\n"
                         << m_server.errorOutput().right(3000);
    return false;
}

void TestServer::kill()
{
    m_server.kill();
}

} // namespace Signpost::Test
