#include "server/http/metrics.h"

#include <QMutexLocker>

#include <algorithm>

namespace Signpost {

namespace {

QByteArray escaped(const QString &value)
{
    QByteArray text = value.toUtf8();
    text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return text;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 12);
}

} // namespace

void Metrics::recordRequest(const QByteArray &method, const QString &route, int status, qint64 microseconds)
{
    const double seconds = double(microseconds) / 1e6;
    const auto key = std::make_pair(method, route);
    QMutexLocker locked(&m_lock);
    ++m_requests[key][status];
    Latency &latency = m_latency[key];
    const auto bucket = std::lower_bound(Buckets.cbegin(), Buckets.cend(), seconds);
    if (bucket != Buckets.cend())
        ++latency.buckets[std::size_t(bucket - Buckets.cbegin())];
    ++latency.count;
    latency.sumSeconds += seconds;
}

QByteArray Metrics::sample(const QByteArray &name, const QList<std::pair<QByteArray, QString>> &labels, double value)
{
    QByteArray line = name;
    if (!labels.isEmpty()) {
        QList<QByteArray> parts;
        for (const auto &[label, text] : labels)
            parts.append(label + "=\"" + escaped(text) + '"');
        line += '{' + parts.join(',') + '}';
    }
    return line + ' ' + number(value) + '\n';
}

QByteArray Metrics::header(const QByteArray &name, const char *type, const char *help)
{
    return "# HELP " + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

QByteArray Metrics::byLabel(const QByteArray &name, const char *type, const char *help, const QByteArray &label,
                            const QList<std::pair<QString, double>> &values)
{
    QByteArray text = header(name, type, help);
    for (const auto &[labelValue, value] : values)
        text += sample(name, {{label, labelValue}}, value);
    return text;
}

QByteArray Metrics::requestsText() const
{
    QMutexLocker locked(&m_lock);
    QByteArray text;
    text += header("signpost_http_requests_total", "counter", "Requests answered, by route, method and status.");
    auto keys = m_requests.keys();
    std::sort(keys.begin(), keys.end());
    for (const auto &key : std::as_const(keys)) {
        const QHash<int, quint64> &statuses = m_requests[key];
        auto codes = statuses.keys();
        std::sort(codes.begin(), codes.end());
        for (int status : std::as_const(codes))
            text += sample("signpost_http_requests_total",
                          {{"route", key.second}, {"method", QString::fromLatin1(key.first)},
                           {"status", QString::number(status)}},
                          double(statuses[status]));
    }
    text += header("signpost_http_request_duration_seconds", "histogram",
                   "Time from a request read to its answer ready, by route and method.");
    for (const auto &key : std::as_const(keys)) {
        const Latency &latency = m_latency[key];
        const QList<std::pair<QByteArray, QString>> labels{{"route", key.second},
                                                            {"method", QString::fromLatin1(key.first)}};
        quint64 cumulative = 0;
        for (std::size_t i = 0; i < Buckets.size(); ++i) {
            cumulative += latency.buckets[i];
            auto withBound = labels;
            withBound.append({"le", QString::fromLatin1(number(Buckets[i]))});
            text += sample("signpost_http_request_duration_seconds_bucket", withBound, double(cumulative));
        }
        auto infinity = labels;
        infinity.append({"le", QStringLiteral("+Inf")});
        text += sample("signpost_http_request_duration_seconds_bucket", infinity, double(latency.count));
        text += sample("signpost_http_request_duration_seconds_sum", labels, latency.sumSeconds);
        text += sample("signpost_http_request_duration_seconds_count", labels, double(latency.count));
    }
    return text;
}

} // namespace Signpost
