#include "server/storage/checkpointer.h"

#include "server/logging.h"
#include "storage/sqlconnection.h"

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Signpost {

Checkpointer::Checkpointer(const QString &path, int thresholdPages)
    : m_path(path)
    , m_threshold(thresholdPages)
    , m_context(std::make_unique<QObject>())
{
    m_thread.setObjectName(u"checkpoints"_s);
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

Checkpointer::~Checkpointer()
{
    // The connection closes on the thread that opened it.
    QMetaObject::invokeMethod(m_context.get(), [this]() { m_connection.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void Checkpointer::watch(sqlite3 *writer)
{
    sqlite3_wal_autocheckpoint(writer, 0);
    sqlite3_wal_hook(writer, &Checkpointer::committed, this);
}

void Checkpointer::stopWatching(sqlite3 *writer)
{
    // SQLite's own hook replaces this one.
    sqlite3_wal_autocheckpoint(writer, m_threshold);
}

int Checkpointer::committed(void *context, sqlite3 *db, const char *name, int pages)
{
    auto *self = static_cast<Checkpointer *>(context);
    self->m_logPages = pages;
    if (pages < self->m_copied)
        self->m_copied = 0; // the log started over
    if (pages < self->m_threshold)
        return SQLITE_OK;
    // The log starts over only after a checkpoint that copied all of it
    // ended before the writer's next transaction began: one on this thread
    // never does while tickets come in (each commit lands during it). So
    // the thread copies the bulk, and the writer the last few pages.
    const int left = pages - self->m_copied;
    const int finish = std::min(FinishPages, self->m_threshold / 8);
    if (left <= finish || pages >= WriterFallbackFactor * self->m_threshold) {
        if (left > finish)
            qCWarning(lcServer) << "The store's log has" << pages << "pages: checkpointing it in the writer";
        if (sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) == SQLITE_OK)
            ++self->m_writerCheckpoints;
        return SQLITE_OK;
    }
    if (!self->m_asked.exchange(true))
        QMetaObject::invokeMethod(self->m_context.get(), [self]() { self->run(); }, Qt::QueuedConnection);
    return SQLITE_OK;
}

void Checkpointer::run()
{
    if (!m_connection) {
        auto connection = std::make_unique<SqlConnection>(lcStore(), u"store"_s);
        // Reading the schema opens the log: until then the connection does
        // not know the store is in WAL mode, and has nothing to checkpoint.
        if (Status opened = connection->open(m_path, {u"SELECT count(*) FROM sqlite_master"_s},
                                             u"QSQLITE_BUSY_TIMEOUT=5000"_s);
            !opened) {
            qCWarning(lcServer) << "The store's log cannot be checkpointed:" << opened.error().message;
            m_asked = false;
            return;
        }
        m_connection = std::move(connection);
    }
    int logged = 0;
    int copied = 0;
    const int result = sqlite3_wal_checkpoint_v2(m_connection->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &logged,
                                                 &copied);
    if (result == SQLITE_OK) {
        ++m_checkpoints;
        if (copied > 0)
            m_copied = copied;
    } else if (result != SQLITE_BUSY) {
        qCWarning(lcServer) << "Checkpointing the store's log failed:" << sqlite3_errstr(result);
    }
    // Asked again only by a commit after this: one that came meanwhile
    // finds the flag still set, and its pages are copied by the next run.
    m_asked = false;
}

} // namespace Signpost
