#include "sync/feedreader.h"

#include "sync/apiclient.h"

#include <QCoreApplication>
#include <QPointer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Signpost {

// The reading side, on the reader's thread: its own network manager, so the
// answers are received and parsed there.
class FeedWorker : public QObject
{
    Q_OBJECT
public:
    FeedWorker(FeedReader *reader)
        : m_reader(reader)
    {
    }

    // Each runs on the worker's thread (invoked queued).
    void read(quint64 generation, FeedReader::Request request);
    void taken(quint64 generation);
    void halt();

Q_SIGNALS:
    void resumed();

private:
    QCoro::Task<> run(quint64 generation, FeedReader::Request request);

    FeedReader *m_reader; // on the other thread: only invoked queued
    // Made on this thread, so its network manager lives here.
    std::unique_ptr<ApiClient> m_api;
    quint64 m_generation = 0;
    int m_ahead = 0; // delivered and not yet taken
};

namespace {

Error stoppedError()
{
    return Error{ErrorCode::Unavailable, FeedReader::tr("The sync was stopped."), {}};
}

} // namespace

void FeedWorker::read(quint64 generation, FeedReader::Request request)
{
    halt();
    m_generation = generation;
    if (!m_api)
        m_api = std::make_unique<ApiClient>();
    m_api->setServer(request.server);
    m_api->setToken(request.token);
    m_api->setTimeout(request.timeout);
    QCoro::connect(run(generation, std::move(request)), this, []() {});
}

void FeedWorker::taken(quint64 generation)
{
    if (generation != m_generation)
        return;
    --m_ahead;
    Q_EMIT resumed();
}

void FeedWorker::halt()
{
    // What runs for the old generation resumes and ends.
    ++m_generation;
    m_ahead = 0;
    if (m_api)
        m_api->abortAll();
    Q_EMIT resumed();
}

QCoro::Task<> FeedWorker::run(quint64 generation, FeedReader::Request request)
{
    for (QString cursor = request.cursor;;) {
        while (generation == m_generation && m_ahead >= FeedReader::Ahead)
            co_await signalled(this, &FeedWorker::resumed);
        if (generation != m_generation)
            co_return;
        const Expected<QJsonObject> answer =
            co_await m_api->get(ApiPath::sync(cursor, request.limit, request.windowDays));
        if (generation != m_generation)
            co_return;
        const bool more = answer && FeedReader::hasMore(*answer);
        if (more)
            cursor = FeedReader::cursorOf(*answer);
        Expected<FeedPage> page = answer ? Expected<FeedPage>(FeedPage::fromJson(*answer)) : answer.error();
        ++m_ahead;
        FeedReader *reader = m_reader;
        QMetaObject::invokeMethod(
            reader, [reader, generation, page = std::move(page)]() { reader->deliver(generation, page); },
            Qt::QueuedConnection);
        if (!more)
            co_return;
    }
}

FeedReader::FeedReader(QObject *parent)
    : QObject(parent)
    , m_worker(new FeedWorker(this))
{
    m_thread.setObjectName(u"sync feed"_s);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

FeedReader::~FeedReader()
{
    stop();
    // Halted, its coroutines resume from queued calls: let them run and end
    // on the worker's thread before it stops, or their frames are lost.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker]() {
            worker->halt();
            QCoreApplication::sendPostedEvents();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool FeedReader::hasMore(const QJsonObject &page)
{
    return page.value(u"has_more"_s).toBool();
}

QString FeedReader::cursorOf(const QJsonObject &page)
{
    return page.value(u"cursor"_s).toString();
}

quint64 FeedReader::start(const Request &request)
{
    const quint64 generation = ++m_generation;
    m_pages.clear();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, generation, request]() { worker->read(generation, request); },
        Qt::QueuedConnection);
    return generation;
}

QCoro::Task<Expected<FeedPage>> FeedReader::next()
{
    const quint64 generation = m_generation;
    const QPointer<FeedReader> self(this);
    while (m_pages.isEmpty()) {
        co_await signalled(this, &FeedReader::arrived);
        // Stopped, or started again: what is queued now is the new run's.
        if (!self || generation != m_generation)
            co_return stoppedError();
    }
    Expected<FeedPage> page = m_pages.dequeue();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, generation]() { worker->taken(generation); }, Qt::QueuedConnection);
    co_return page;
}

void FeedReader::letGo(FeedPage &&page)
{
    QMetaObject::invokeMethod(m_worker, [page = std::move(page)]() {}, Qt::QueuedConnection);
}

void FeedReader::stopRun(quint64 run)
{
    if (run == m_generation)
        stop();
}

void FeedReader::stop()
{
    ++m_generation;
    m_pages.clear();
    QMetaObject::invokeMethod(m_worker, &FeedWorker::halt, Qt::QueuedConnection);
    Q_EMIT arrived(); // a caller waiting in next() resumes
}

void FeedReader::deliver(quint64 generation, const Expected<FeedPage> &page)
{
    if (generation != m_generation)
        return;
    m_pages.enqueue(page);
    Q_EMIT arrived();
}

} // namespace Signpost

#include "feedreader.moc"
