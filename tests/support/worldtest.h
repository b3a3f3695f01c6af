#pragma once

#include "tests/support/apiclient.h"
#include "tests/support/testserver.h"
#include "tests/support/testworld.h"

#include <QObject>

#include <memory>

namespace Signpost::Test {

// Base of the server test classes: a fresh server and TestWorld per call of
// startWorld(), usually from init().
class WorldTest : public QObject
{
    Q_OBJECT

protected:
    // Starts the server with `arguments` and builds the world; on failure the
    // reason is in m_error.
    bool startWorld(const QStringList &arguments = {});
    bool stopWorld() { return !m_server || m_server->stop(); }

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    TestWorld m_world;
    QString m_error;
};

} // namespace Signpost::Test
