#include "server/push/framewriter.h"

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif
#ifdef Q_OS_LINUX
#include <pthread.h>
#endif

namespace Signpost {

namespace {
// Taken a few at a time, so a thread that starts late takes fewer.
constexpr qsizetype Chunk = 16;
} // namespace

FrameWriter::FrameWriter()
{
    if (std::thread::hardware_concurrency() > 1)
        m_helper = std::thread([this]() { helperLoop(); });
}

FrameWriter::~FrameWriter()
{
    {
        std::lock_guard locked(m_lock);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_helper.joinable())
        m_helper.join();
}

void FrameWriter::writeOne(Write &write)
{
#ifdef Q_OS_UNIX
    if (write.descriptor < 0)
        return;
    const QByteArray &frame = write.frame;
    const ssize_t sent = ::send(write.descriptor, frame.constData(), size_t(frame.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
    write.written = sent > 0 ? qsizetype(sent) : 0;
#else
    Q_UNUSED(write);
#endif
}

void FrameWriter::writeAll(QList<Write> &writes)
{
    if (!m_helper.joinable() || writes.size() < SplitFrom) {
        for (Write &write : writes)
            writeOne(write);
        return;
    }
    {
        std::lock_guard locked(m_lock);
        m_writes = writes.data();
        m_count = writes.size();
        m_next = 0;
        m_jobWaiting = true;
    }
    m_wake.notify_one();
    takeChunks();
    std::unique_lock locked(m_lock);
    // Not picked up yet: there is nothing left for it to take.
    m_jobWaiting = false;
    m_done.wait(locked, [this]() { return !m_helperBusy; });
    m_writes = nullptr;
    m_count = 0;
}

void FrameWriter::takeChunks()
{
    for (;;) {
        Write *writes = nullptr;
        qsizetype from = 0;
        qsizetype to = 0;
        {
            std::lock_guard locked(m_lock);
            writes = m_writes;
            from = m_next;
            to = std::min(m_count, from + Chunk);
            m_next = to;
        }
        if (from >= to)
            return;
        for (qsizetype i = from; i < to; ++i)
            writeOne(writes[i]);
    }
}

void FrameWriter::helperLoop()
{
#ifdef Q_OS_LINUX
    pthread_setname_np(pthread_self(), "push-writes");
#endif
    std::unique_lock locked(m_lock);
    for (;;) {
        m_wake.wait(locked, [this]() { return m_stop || m_jobWaiting; });
        if (m_stop)
            return;
        m_jobWaiting = false;
        m_helperBusy = true;
        locked.unlock();
        takeChunks();
        locked.lock();
        m_helperBusy = false;
        m_done.notify_one();
    }
}

} // namespace Signpost
