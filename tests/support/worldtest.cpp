#include "tests/support/worldtest.h"

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
    return m_world.shop > 0;
}

} // namespace Signpost::Test
