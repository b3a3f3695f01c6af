#include "server/http/ratelimiter.h"

#include <algorithm>

namespace Signpost {

bool RateLimiter::allow(const QString &key, qint64 nowMs)
{
    if (m_perMinute <= 0)
        return true;
    if (m_buckets.size() > 10'000)
        prune(nowMs);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_burst), nowMs});
    Bucket &bucket = it.value();
    const double refill = double(nowMs - bucket.updatedMs) * m_perMinute / 60'000.0;
    bucket.tokens = std::min(double(m_burst), bucket.tokens + std::max(0.0, refill));
    bucket.updatedMs = nowMs;
    if (bucket.tokens < 1.0)
        return false;
    bucket.tokens -= 1.0;
    return true;
}

void RateLimiter::prune(qint64 nowMs)
{
    // Buckets that have refilled completely carry no information.
    const qint64 fullAfterMs = qint64(m_burst) * 60'000 / std::max(1, m_perMinute);
    m_buckets.removeIf([&](const auto &entry) { return nowMs - entry.value().updatedMs > fullAfterMs; });
}

} // namespace Signpost
