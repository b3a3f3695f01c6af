#include "core/accessscope.h"

#include <algorithm>

namespace Signpost {

QList<qint64> AccessScope::departmentIds() const
{
    QList<qint64> ids = departments.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace Signpost
