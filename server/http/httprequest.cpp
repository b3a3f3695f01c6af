#include "server/http/httprequest.h"

namespace Signpost {

QByteArray HttpRequest::value(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace Signpost
