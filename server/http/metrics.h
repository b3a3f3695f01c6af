#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <array>

namespace Signpost {

// What /metrics tells Prometheus about the requests this instance served:
// a counter per route, method and status, and a latency histogram per route
// and method. Routes are the patterns (/api/v1/tickets/{id}), never the
// paths, so the series stay few. Safe to record from any thread.
class Metrics
{
public:
    void recordRequest(const QByteArray &method, const QString &route, int status, qint64 microseconds);

    // The request series in Prometheus' text format (version 0.0.4).
    QByteArray requestsText() const;

    // One sample line, of any kind of series: `name{labels} value`, the
    // labels' values escaped.
    static QByteArray sample(const QByteArray &name, const QList<std::pair<QByteArray, QString>> &labels, double value);
    // A series' HELP and TYPE lines ("counter", "gauge").
    static QByteArray header(const QByteArray &name, const char *type, const char *help);
    // A whole series of one label: its header, then a sample per value.
    static QByteArray byLabel(const QByteArray &name, const char *type, const char *help, const QByteArray &label,
                              const QList<std::pair<QString, double>> &values);

    // The histogram's upper bounds, in seconds.
    static constexpr std::array<double, 11> Buckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

private:
    struct Latency
    {
        std::array<quint64, Buckets.size()> buckets{}; // not cumulative here
        quint64 count = 0;
        double sumSeconds = 0;
    };
    mutable QMutex m_lock;
    QHash<std::pair<QByteArray, QString>, QHash<int, quint64>> m_requests; // (method, route) → status → count
    QHash<std::pair<QByteArray, QString>, Latency> m_latency;
};

} // namespace Signpost
