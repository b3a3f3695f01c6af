#include "tests/support/testserver.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Signpost::Test {

bool TestServer::start(const QStringList &extraArguments)
{
    m_arguments = extraArguments;
    return m_server.start({QStringLiteral(SIGNPOST_SERVER_BINARY), m_dataDir.path(), QString::fromLatin1(AdminEmail),
                           QString::fromLatin1(AdminPassword), extraArguments});
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
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(QDir(dataDir()).filePath(u"signpost.sqlite3"_s));
        done = db.open() && use(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return done;
}

bool TestServer::stop()
{
    return m_server.stop(20'000);
}

void TestServer::kill()
{
    m_server.kill();
}

} // namespace Signpost::Test
