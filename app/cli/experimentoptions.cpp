#include "experimentoptions.h"

#include "model/experiment.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace wordrace {

ExperimentOptions::ExperimentOptions()
    : m_ioLatency(u"io-latency"_s,
                  u"Each task first waits MS milliseconds, as if fetching a page (I/O-bound)."_s, u"MS"_s),
      m_workPerWord(
          u"work-per-word"_s,
          u"Emulated interpreter cost: NS nanoseconds of real CPU work per word (about 95 is CPython)."_s,
          u"NS"_s),
      m_gil(u"gil"_s, u"Emulate a global interpreter lock for the thread backend (5 ms switch interval)."_s),
      m_spawn(u"spawn"_s, u"pool: N reused workers; per-task: a new thread or process for every task."_s,
              u"HOW"_s, u"pool"_s),
      m_transport(
          u"transport"_s,
          u"Processes: shared (corpus mapped, default) or pipe (each task's bytes sent, as Pool.map pickles)."_s,
          u"HOW"_s, u"shared"_s),
      m_start(u"start"_s,
              u"Processes: spawn (exec wordrace-worker, default) or fork (workers forked from this program, "
              "inheriting the corpus, as Python's default on Linux)."_s,
              u"HOW"_s, u"spawn"_s),
      m_taskTimeout(u"task-timeout"_s, u"Fail the run when a worker is silent on a task for S seconds."_s,
                    u"S"_s)
{}

void ExperimentOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_ioLatency, m_workPerWord, m_gil, m_spawn, m_transport, m_start, m_taskTimeout});
}

QString ExperimentOptions::apply(const QCommandLineParser &parser, Experiment &e) const
{
    auto number = [&](const QCommandLineOption &opt, double &target, const QString &name) -> QString {
        if (!parser.isSet(opt))
            return {};
        bool ok = false;
        const double v = parser.value(opt).toDouble(&ok);
        if (!ok || !(v >= 0.0))
            return u"%1 needs a number >= 0, not '%2'"_s.arg(name, parser.value(opt));
        target = v;
        return {};
    };
    if (QString why = number(m_ioLatency, e.knobs.ioLatencyMs, u"--io-latency"_s); !why.isEmpty())
        return why;
    if (QString why = number(m_workPerWord, e.knobs.workPerWordNs, u"--work-per-word"_s); !why.isEmpty())
        return why;
    if (QString why = number(m_taskTimeout, e.taskTimeoutS, u"--task-timeout"_s); !why.isEmpty())
        return why;
    e.knobs.gil = parser.isSet(m_gil);
    const auto spawn = spawnFromName(parser.value(m_spawn));
    if (!spawn)
        return u"--spawn must be pool or per-task, not '%1'"_s.arg(parser.value(m_spawn));
    const auto transport = transportFromName(parser.value(m_transport));
    if (!transport)
        return u"--transport must be shared or pipe, not '%1'"_s.arg(parser.value(m_transport));
    const auto start = startFromName(parser.value(m_start));
    if (!start)
        return u"--start must be spawn or fork, not '%1'"_s.arg(parser.value(m_start));
    e.knobs.spawn = *spawn;
    e.knobs.transport = *transport;
    e.knobs.start = *start;
    return {};
}

} // namespace wordrace
