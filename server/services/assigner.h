#pragma once

#include "core/department.h"
#include "core/expected.h"

#include <optional>

namespace Signpost {

class Database;

// Assignment automation within a department: round robin over the available
// members, or the least loaded one (fewest open tickets there), never above
// the department's capacity cap. Deterministic: ties go to the lowest id.
class Assigner
{
public:
    explicit Assigner(Database &db) : m_db(db) {}

    struct Choice
    {
        qint64 agentId = 0;
        QString reason; // for the history: why this agent
    };

    // Whom the department's mode picks now; nothing for manual departments
    // or when nobody can take more. Runs inside the caller's transaction.
    Expected<std::optional<Choice>> choose(const Department &department, qint64 exceptAgent = 0);

private:
    Database &m_db;
};

} // namespace Signpost
