#pragma once

#include <QList>
#include <QStringList>

// The store's schema, one numbered list of migrations per engine. Each
// step runs in its own transaction; a step that has shipped is never
// edited, the next one is added (to both lists when both engines need it).
namespace Signpost::Schema {

const QList<QStringList> &sqlite();
const QList<QStringList> &postgres();

} // namespace Signpost::Schema
