#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

struct sqlite3;

namespace Signpost {

class SqlConnection;

// Copies the store's write-ahead log back into the database file on a
// thread of its own. SQLite does this by default in the writer, after the
// commit that fills the log: every few hundred tickets one request would
// wait 30 ms or more for it, and every request queued behind that one. The
// writer's commits only count the log's pages here (watch()); past
// `threshold` pages a checkpoint is run on this thread's own connection
// (PASSIVE: it never blocks the writer nor the readers). The writer copies
// only the last few pages itself, after which the log can start over.
class Checkpointer
{
public:
    Checkpointer(const QString &path, int thresholdPages);
    ~Checkpointer();
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

    // Takes over the writer's checkpoints: SQLite's own are turned off.
    void watch(sqlite3 *writer);
    // Gives them back to SQLite (before this goes, while the writer stays).
    void stopWatching(sqlite3 *writer);

    // Checkpoints this thread ran, and those the writer ran (the last few
    // pages, or all of a log the thread fell behind on).
    quint64 checkpoints() const { return m_checkpoints; }
    quint64 writerCheckpoints() const { return m_writerCheckpoints; }
    // Pages in the log after the writer's last commit.
    int logPages() const { return m_logPages; }

    // Past this, the writer checkpoints itself after all: a log this long
    // means the thread has not kept up, and readers slow down as it grows.
    static constexpr int WriterFallbackFactor = 4;
    // What the writer copies itself when the thread has copied the rest
    // (an eighth of the threshold at most).
    static constexpr int FinishPages = 256;

private:
    static int committed(void *context, sqlite3 *db, const char *name, int pages);
    void run();

    QString m_path;
    int m_threshold;
    QThread m_thread;
    std::unique_ptr<QObject> m_context; // lives on m_thread
    std::unique_ptr<SqlConnection> m_connection; // opened and closed on m_thread
    std::atomic<bool> m_asked = false;
    std::atomic<quint64> m_checkpoints = 0;
    std::atomic<quint64> m_writerCheckpoints = 0;
    std::atomic<int> m_logPages = 0;
    std::atomic<int> m_copied = 0; // pages of the log the thread has copied
};

} // namespace Signpost
