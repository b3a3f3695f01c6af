#pragma once

#include "core/expected.h"

#include <QStringList>

namespace Signpost {

class ApiServer;

namespace DemoData {

inline constexpr auto Password = "signpost-demo";

// Seeds an empty store with two shops, five departments, their agents and a
// few dozen tickets with threads, notes and transfers. Returns the logins
// (email and role) to print; seeds nothing if the store has agents already.
Expected<QStringList> seed(ApiServer &server);

} // namespace DemoData
} // namespace Signpost
