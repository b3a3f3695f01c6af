#pragma once

#include <QStringList>

namespace Signpost {

// `signpost-server migrate --from DATA_DIR --to postgresql://…`: copies an
// embedded store into an empty PostgreSQL database, every table in one
// transaction, and prints each table's row count and a checksum of its rows
// read back from both sides (a sum of the rows' SHA-256, so it does not
// depend on the order either engine returns them in). The store's epoch and
// change sequence go along, so desks carry on with their cursors. It
// refuses a target that holds any agent, department, shop or ticket. The
// embedded store is held for writing throughout, so nothing written meanwhile
// is missed (stop its server first).
// Files (attachments, the mail key) stay in the data directory, which the
// server on PostgreSQL goes on using.
int migrateStore(const QStringList &arguments);

} // namespace Signpost
