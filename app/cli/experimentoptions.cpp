#include "experimentoptions.h"

#include "backends/clusterbackend.h"
#include "model/experiment.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace wordrace {

ExperimentOptions::ExperimentOptions(Config config)
    : m_config(std::move(config)),
      m_corpus(u"corpus"_s, u"lesson[:REPEAT], nicehat[:REPEAT] or a file (default lesson)."_s, u"SPEC"_s,
               u"lesson"_s),
      m_chunk(u"chunk"_s, u"Lines per task (default: ceil(lines / (4 x workers)))."_s, u"N"_s),
      m_runs(u"runs"_s, m_config.runsHelp, u"N"_s, u"1"_s),
      m_warmup(u"warmup"_s, u"Unmeasured runs of each mode before them (default 0)."_s, u"K"_s, u"0"_s),
      m_modes(u"mode"_s, m_config.modesHelp, u"MODES"_s, m_config.modesDefault),
      m_ioLatency(u"io-latency"_s,
                  u"Each task first waits MS milliseconds, as if fetching a page (I/O-bound)."_s, u"MS"_s),
      m_workPerWord(
          u"work-per-word"_s,
          u"Emulated interpreter cost: NS nanoseconds of real CPU work per word, or auto: CPython's "
          "own cost per word, measured on this machine before the run."_s,
          u"NS"_s),
      m_gil(u"gil"_s, u"Emulate a global interpreter lock for the thread backend (5 ms switch interval)."_s),
      m_spawn(u"spawn"_s, u"pool: N reused workers; per-task: a new thread or process for every task."_s,
              u"HOW"_s, u"pool"_s),
      m_transport(
          u"transport"_s,
          u"Processes: shared (corpus mapped, default) or pipe (each task's bytes sent, as Pool.map pickles)."_s,
          u"HOW"_s, u"shared"_s),
      m_start(u"start"_s,
              u"Processes: spawn (exec wordrace-worker), fork (workers forked from this program, "
              "inheriting the corpus, as Python's default on Linux), forkserver (CPython only) or default "
              "(spawn for wordrace-worker, multiprocessing's own for CPython)."_s,
              u"HOW"_s, u"default"_s),
      m_taskTimeout(u"task-timeout"_s, u"Fail the run when a worker is silent on a task for S seconds."_s,
                    u"S"_s)
{}

void ExperimentOptions::addTo(QCommandLineParser &parser) const
{
    if (m_config.corpus)
        parser.addOption(m_corpus);
    if (m_config.chunk)
        parser.addOption(m_chunk);
    if (m_config.runs)
        parser.addOptions({m_runs, m_warmup});
    if (m_config.modes)
        parser.addOption(m_modes);
    parser.addOptions({m_ioLatency, m_workPerWord, m_gil, m_spawn, m_transport, m_start, m_taskTimeout});
}

QString ExperimentOptions::apply(const QCommandLineParser &parser, Experiment &e) const
{
    if (m_config.modes)
        if (QString why = applyModes(parser, e); !why.isEmpty())
            return why;
    if (m_config.chunk && parser.isSet(m_chunk)) {
        bool ok = false;
        const qlonglong chunk = parser.value(m_chunk).toLongLong(&ok);
        if (!ok || chunk < 1)
            return u"--chunk needs a whole number of lines >= 1, not '%1'"_s.arg(parser.value(m_chunk));
        e.chunkLines = std::uint64_t(chunk);
    }
    if (m_config.runs)
        if (QString why = applyRuns(parser, e); !why.isEmpty())
            return why;
    if (m_config.corpus) {
        QString error;
        const auto spec = CorpusSpec::parse(parser.value(m_corpus), &error);
        if (!spec)
            return error;
        e.corpus = *spec;
    }
    return applyKnobs(parser, e);
}

QString ExperimentOptions::applyModes(const QCommandLineParser &parser, Experiment &e) const
{
    e.modes.clear();
    for (const QString &name : parser.value(m_modes).split(u',', Qt::SkipEmptyParts)) {
        const auto mode = modeFromName(name.trimmed());
        if (!mode)
            return m_config.sequentialIsBaseline ? u"unknown mode '%1' (use threads or processes)"_s.arg(name)
                                                 : u"unknown mode '%1' (use sequential, threads, processes, "
                                                   u"cluster, python-sequential, "
                                                   "python-threads or python-processes)"_s.arg(name);
        if (*mode == Mode::Cluster && !ClusterBackend::isBuilt())
            return ClusterBackend::checkAvailable({});
        if (m_config.sequentialIsBaseline && isSequential(*mode))
            continue;
        if (!e.modes.contains(*mode))
            e.modes.append(*mode);
    }
    if (m_config.sequentialIsBaseline && e.modes.isEmpty())
        return u"--mode needs threads or processes; sequential is always the baseline"_s;
    return {};
}

QString ExperimentOptions::applyRuns(const QCommandLineParser &parser, Experiment &e) const
{
    const QString runs = parser.value(m_runs);
    if (m_config.autoRuns && runs == u"auto") {
        e.runs = Experiment::kAutoRuns;
    } else {
        bool ok = false;
        e.runs = runs.toInt(&ok);
        if (!ok)
            return u"--runs needs a whole number, not '%1'"_s.arg(runs);
        // 0 is how an automatic count is stored; on the command line it is spelled "auto".
        if (e.runs < 1 || e.runs > Experiment::kMaxRuns)
            return m_config.autoRuns ? u"--runs must be between 1 and %1, or auto"_s.arg(Experiment::kMaxRuns)
                                     : u"--runs must be between 1 and %1"_s.arg(Experiment::kMaxRuns);
    }
    bool ok = false;
    e.warmup = parser.value(m_warmup).toInt(&ok);
    if (!ok)
        return u"--warmup needs a whole number, not '%1'"_s.arg(parser.value(m_warmup));
    return {};
}

QString ExperimentOptions::applyKnobs(const QCommandLineParser &parser, Experiment &e) const
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
    if (parser.isSet(m_workPerWord) && parser.value(m_workPerWord) == u"auto"_s)
        e.knobs.workPerWordNs = Knobs::kAutoWorkPerWord;
    else if (QString why = number(m_workPerWord, e.knobs.workPerWordNs, u"--work-per-word"_s); !why.isEmpty())
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
        return u"--start must be spawn, fork, forkserver or default, not '%1'"_s.arg(parser.value(m_start));
    e.knobs.spawn = *spawn;
    e.knobs.transport = *transport;
    e.knobs.start = *start;
    return {};
}

} // namespace wordrace
