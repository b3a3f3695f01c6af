#include "tests/support/worldtest.h"

using namespace Qt::StringLiterals;

namespace Signpost::Test {

bool WorldTest::startWorld(const QStringList &arguments)
{
    m_server = std::make_unique<TestServer>();
    if (!m_server->start(arguments)) {
        m_error = m_server->errorOutput();
        return false;
    }
    m_api = std::make_unique<ApiClient>(m_server->baseUrl());
    m_world = TestWorld::create(*m_api, &m_error);
    if (m_world.shop <= 0) {
        // Whether the server is still there, and what it said.
        m_error += m_server->isRunning() ? u" (the server is running)"_s : u" (the server has exited)"_s;
        m_error += u"; server output: "_s + m_server->errorOutput().right(2000);
    }
    return m_world.shop > 0;
}

} // namespace Signpost::Test
