#pragma once

#include <QHash>
#include <QString>

namespace Signpost {

// A token bucket per client address: `burst` requests at once, then
// `perMinute` a minute. A limit of 0 turns it off.
class RateLimiter
{
public:
    RateLimiter(int perMinute, int burst) : m_perMinute(perMinute), m_burst(burst) {}

    bool allow(const QString &key, qint64 nowMs);
    bool enabled() const { return m_perMinute > 0; }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    void prune(qint64 nowMs);

    int m_perMinute;
    int m_burst;
    QHash<QString, Bucket> m_buckets;
};

} // namespace Signpost
