#include "model/clusteroptions.h"

using namespace Qt::StringLiterals;

namespace wordrace {

QString clusterScheduleName(ClusterSchedule schedule)
{
    return schedule == ClusterSchedule::Static ? u"static"_s : u"dynamic"_s;
}

} // namespace wordrace
