#include "experiment.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace wordrace {

int Experiment::defaultWorkers()
{
    return std::max(1, QThread::idealThreadCount());
}

QString Experiment::validate() const
{
    if (modes.isEmpty())
        return u"no mode chosen: pick sequential, threads or processes"_s;
    if (workers < 1)
        return u"--workers must be at least 1"_s;
    if (workers > kMaxWorkers)
        return u"--workers %1 is more than WordRace allows (%2)"_s.arg(workers).arg(kMaxWorkers);
    if (chunkLines && *chunkLines == 0)
        return u"--chunk must be at least 1 line"_s;
    return {};
}

} // namespace wordrace
