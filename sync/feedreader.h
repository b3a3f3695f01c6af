#pragma once

#include "core/expected.h"
#include "sync/apiclient.h"
#include "sync/localstore.h"

#include <QCoroTask>
#include <QJsonObject>
#include <QObject>
#include <QQueue>
#include <QThread>
#include <QUrl>

#include <chrono>

namespace Signpost {

class FeedWorker;

// Reads the sync feed ahead of the cache, on a thread of its own: while the
// cache stores one page on the desk's thread, the next is fetched and parsed
// there, and the one after it is asked for as soon as that one's cursor is
// known. At most `Ahead` pages wait to be taken. Reading a page (its JSON
// into tickets) costs about half of what storing it does, and a first sync
// is mostly pages.
class FeedReader : public QObject
{
    Q_OBJECT
public:
    explicit FeedReader(QObject *parent = nullptr);
    ~FeedReader() override;

    struct Request
    {
        QUrl server;
        QString token;
        std::chrono::milliseconds timeout;
        QString cursor; // where to start
        int limit = 0;
        int windowDays = 0;
    };
    static constexpr int Ahead = 2;

    // Whether a page says more follow, and the cursor it leaves.
    static bool hasMore(const QJsonObject &page);
    static QString cursorOf(const QJsonObject &page);

    // Starts reading at the request's cursor. Pages an earlier start left
    // unread are dropped. Returns the run's number, for stopRun().
    quint64 start(const Request &request);
    // The next page in order, or what ended the reading: after an error or
    // the last page (has_more false) nothing more comes.
    QCoro::Task<Expected<FeedPage>> next();
    // Hands a page the caller is done with to the reader's thread, which
    // frees it there (a page of 1,000 tickets is many small allocations).
    void letGo(FeedPage &&page);
    // Stops reading: the request in flight is given up, nothing more comes,
    // and a caller waiting in next() resumes now with `Unavailable`.
    void stop();
    // As stop(), if that run is still the current one.
    void stopRun(quint64 run);

Q_SIGNALS:
    void arrived();

private:
    friend class FeedWorker;
    void deliver(quint64 generation, const Expected<FeedPage> &page);

    QThread m_thread;
    FeedWorker *m_worker; // lives on m_thread
    quint64 m_generation = 0;
    QQueue<Expected<FeedPage>> m_pages;
};

} // namespace Signpost
