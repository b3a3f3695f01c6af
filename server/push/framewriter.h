#pragma once

#include <QByteArray>
#include <QList>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace Signpost {

// Writes a tick's frames straight to the kernel, one socket after another,
// and with many sockets on two threads: the caller's and one of its own.
// Nearly all of a tick is the kernel's work in send() (on loopback, the
// receiving side's too), so where the machine has a second core, two
// threads walk a thousand sockets in less time than one.
//
// Only plain descriptors are touched: whatever a socket's own buffer holds,
// or the kernel does not take, is the caller's to write afterwards, on its
// own thread.
class FrameWriter
{
public:
    struct Write
    {
        int descriptor = -1; // -1: not written here (something waits before it)
        QByteArray frame;
        qsizetype written = 0; // how much of `frame` the kernel took
    };

    FrameWriter();
    ~FrameWriter();
    FrameWriter(const FrameWriter &) = delete;
    FrameWriter &operator=(const FrameWriter &) = delete;

    // Writes what it can of each frame without blocking; returns when all
    // are done. The frames are only read, from both threads.
    void writeAll(QList<Write> &writes);
    static void writeOne(Write &write);

    // Fewer writes than this are not worth waking the second thread for.
    static constexpr qsizetype SplitFrom = 128;

private:
    void helperLoop();
    // Takes the next writes in chunks until none are left.
    void takeChunks();

    std::mutex m_lock;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    Write *m_writes = nullptr; // the job, while there is one
    qsizetype m_count = 0;
    qsizetype m_next = 0; // the next write not yet taken; under m_lock
    bool m_jobWaiting = false; // posted, not yet picked up by the helper
    bool m_helperBusy = false;
    bool m_stop = false;
    std::thread m_helper; // not started on a single core
};

} // namespace Signpost
