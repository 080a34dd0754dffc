#include "runcommand.h"

#include "clitool.h"

#include "analysis/modesummary.h"
#include "analysis/plausibility.h"
#include "backends/clusterbackend.h"
#include "engine/runner.h"
#include "experimentoptions.h"
#include "io/csvexport.h"
#include "io/markdownexport.h"
#include "io/outputfile.h"
#include "io/resultjson.h"
#include "io/resulttable.h"
#include "io/traceexport.h"
#include "model/experiment.h"
#include "signalcatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace wordrace {

using namespace Cli;

namespace {

// An export the user asked for: the option that named it, the file, and how to fill it.
struct Export
{
    const QCommandLineOption *option;
    std::function<bool(QIODevice *, const QList<RunResult> &)> write;
};

// One `wordrace-cli run`: its options, the experiment they describe, the run and what it writes.
class RunInvocation
{
public:
    RunInvocation()
        : m_options(ExperimentOptions::Config{
              .corpus = true,
              .chunk = true,
              .runs = true,
              .autoRuns = true,
              .runsHelp =
                  u"Measured runs of each mode, interleaved across modes (default 1); auto: as many as fit "
                  u"in about a second after the first round, at most 9."_s,
              .modes = true,
              .modesDefault = u"sequential,threads,processes"_s,
              .modesHelp =
                  u"Modes to run, comma-separated: sequential,threads,processes (and cluster, MPI ranks; "
                  "python-sequential,python-threads,python-processes, the lesson's code in CPython)."_s,
              .sequentialIsBaseline = false})
    {
        m_parser.setApplicationDescription(u"Counts words sequentially, on a thread pool and on worker "
                                           "processes, and shows what each way costs."_s);
        m_parser.addHelpOption();
        m_parser.addPositionalArgument(u"run"_s,
                                       u"Run an experiment. ('wordrace-cli sweep --help' for sweeps.)"_s);
        m_parser.addOptions({m_workersOpt, m_jsonOpt, m_csvOpt, m_csvTasksOpt, m_markdownOpt, m_traceOpt,
                             m_hostfileOpt, m_hostsOpt, m_scheduleOpt});
        m_options.addTo(m_parser);
    }

    int exec(const QStringList &arguments)
    {
        if (const std::optional<int> done = parse(arguments))
            return *done;
        if (const std::optional<int> done = checkTargets())
            return *done;
        const int stoppedBy = run();
        report();
        writeFiles();
        if (stoppedBy == SIGINT)
            return Interrupted;
        if (stoppedBy == SIGTERM)
            return Terminated;
        return m_exitCode;
    }

private:
    static int usageError(const QString &why) { return Cli::usageError({}, why); }

    // The experiment the options describe; an exit status when there is nothing to run.
    std::optional<int> parse(const QStringList &arguments)
    {
        if (!m_parser.parse(arguments))
            return usageError(m_parser.errorText());
        if (m_parser.isSet(u"help"_s)) {
            std::fputs(qPrintable(m_parser.helpText()), stdout);
            return Ok;
        }
        const QStringList positional = m_parser.positionalArguments();
        if (positional.size() != 1 || positional.first() != u"run")
            return usageError(u"expected the command 'run', 'sweep' or 'scenario' (see --help)"_s);
        if (m_parser.isSet(m_workersOpt)) {
            bool ok = false;
            m_experiment.workers = m_parser.value(m_workersOpt).toInt(&ok);
            if (!ok)
                return usageError(
                    u"--workers needs a whole number, not '%1'"_s.arg(m_parser.value(m_workersOpt)));
        }
        if (m_parser.isSet(m_hostfileOpt) && m_parser.isSet(m_hostsOpt))
            return usageError(u"give --hostfile or --hosts, not both"_s);
        m_experiment.cluster.hostfile = m_parser.value(m_hostfileOpt);
        m_experiment.cluster.hosts = m_parser.value(m_hostsOpt);
        if (const QString schedule = m_parser.value(m_scheduleOpt); schedule == u"static")
            m_experiment.cluster.schedule = ClusterSchedule::Static;
        else if (schedule != u"dynamic")
            return usageError(u"--cluster-schedule must be dynamic or static, not '%1'"_s.arg(schedule));
        if (const QString why = m_options.apply(m_parser, m_experiment); !why.isEmpty())
            return usageError(why);
        if (const QString why = m_experiment.validate(); !why.isEmpty())
            return usageError(why);
        m_jsonTarget = m_parser.value(m_jsonOpt);
        m_tableOut = m_jsonTarget == u"-" ? stderr : stdout;
        return std::nullopt;
    }

    // Every target checked before the run, so that a typo never costs a long run.
    std::optional<int> checkTargets()
    {
        QStringList targets;
        if (!m_jsonTarget.isEmpty() && m_jsonTarget != u"-") {
            if (const QString why = OutputFile::checkTarget(u"--json"_s, m_jsonTarget); !why.isEmpty())
                return usageError(why);
            targets << QFileInfo(m_jsonTarget).absoluteFilePath();
        }
        for (const Export &e : m_exports) {
            if (!m_parser.isSet(*e.option))
                continue;
            const QString path = m_parser.value(*e.option);
            if (const QString why = OutputFile::checkTarget(u"--"_s + e.option->names().constFirst(), path);
                !why.isEmpty())
                return usageError(why);
            const QString absolute = QFileInfo(path).absoluteFilePath();
            if (targets.contains(absolute))
                return usageError(
                    u"%1 is named by two options; each export needs a file of its own"_s.arg(path));
            targets << absolute;
        }
        return std::nullopt;
    }

    // Runs the experiment to its end; Ctrl-C and SIGTERM cancel it cleanly (workers stopped,
    // partial results kept). Returns the signal that stopped it, or 0.
    int run()
    {
        Runner runner;
        auto stopSignals = std::make_unique<SignalCatcher>();
        QObject::connect(stopSignals.get(), &SignalCatcher::signalled, &runner, [&runner](int sig) {
            printErr(
                u"wordrace-cli: stopping (%1)"_s.arg(sig == SIGINT ? u"interrupted"_s : u"terminated"_s));
            runner.cancel();
        });
        QObject::connect(&runner, &Runner::experimentPrepared, &runner,
                         [](quint64, const QString &summary, const QStringList &warnings) {
                             printErr(summary);
                             for (const QString &w : warnings)
                                 printErr(u"warning: "_s + w);
                         });
        QObject::connect(&runner, &Runner::runCountChosen, &runner, [](quint64, int runs) {
            printErr(u"auto: %1 measured run(s) of each mode"_s.arg(runs));
        });
        QObject::connect(&runner, &Runner::runFinished, &runner,
                         [this](quint64, const RunResult &r) { m_results.append(r); });
        QObject::connect(&runner, &Runner::runFailed, &runner,
                         [this](quint64, const QString &why, Runner::FailureKind kind) {
                             printErr(u"wordrace-cli: "_s + why);
                             m_exitCode = kind == Runner::FailureKind::BadInput ? BadUsage : RunFailed;
                         });
        QObject::connect(&runner, &Runner::experimentFinished, &runner,
                         [](quint64, bool) { QCoreApplication::exit(0); });
        runner.start(m_experiment);
        QCoreApplication::exec();
        runner.wait();
        return stopSignals->caught(); // destroyed here: a second Ctrl-C while files are written stops at once
    }

    // The table, the warnings and (with several runs) the statistics.
    void report()
    {
        Plausibility::judge(m_results, QThread::idealThreadCount());
        if (m_results.isEmpty())
            return;
        std::fputs(qPrintable(ResultTable::text(m_results)), m_tableOut);
        std::fputs(qPrintable(Plausibility::text(m_results)), m_tableOut);
        if (m_experiment.runs != 1)
            std::fputs(qPrintable(ModeSummary::text(ModeSummary::summarize(m_results))), m_tableOut);
        for (const RunResult &r : std::as_const(m_results))
            if (r.mode == Mode::Cluster && r.clockAlignmentErrorS)
                // The ranks' clocks were aligned on rank 0's; their timeline is this exact, no more.
                std::fputs(
                    qPrintable(u"cluster: %1 ranks on %2, %3 schedule; clock alignment error +/- %4 us\n"_s
                                   .arg(r.workers)
                                   .arg(r.clusterHosts.join(u", "_s),
                                        clusterScheduleName(m_experiment.cluster.schedule))
                                   .arg(*r.clockAlignmentErrorS * 1e6, 0, 'f', 1)),
                    m_tableOut);
        std::fflush(m_tableOut);
    }

    void writeFiles()
    {
        if (m_results.isEmpty() && m_exitCode != Ok)
            return;
        const auto writeFailed = [this](const QString &why) {
            printErr(u"wordrace-cli: "_s + why);
            if (m_exitCode == Ok)
                m_exitCode = RunFailed;
        };
        if (!m_jsonTarget.isEmpty()) {
            if (const QString why = writeOutput(m_jsonTarget, ResultJson::serialize(m_results));
                !why.isEmpty())
                writeFailed(why);
        }
        for (const Export &e : m_exports) {
            if (!m_parser.isSet(*e.option))
                continue;
            const QString why = OutputFile::write(m_parser.value(*e.option),
                                                  [this, &e](QIODevice *d) { return e.write(d, m_results); });
            if (!why.isEmpty())
                writeFailed(why);
        }
    }

    QCommandLineParser m_parser;
    ExperimentOptions m_options;
    const QCommandLineOption m_hostfileOpt{
        u"hostfile"_s, u"Cluster: an Open MPI hostfile placing the ranks on other machines."_s, u"FILE"_s};
    const QCommandLineOption m_hostsOpt{
        u"hosts"_s, u"Cluster: hosts for mpirun --host, e.g. node1:2,node2:2 (default: this machine)."_s,
        u"LIST"_s};
    const QCommandLineOption m_scheduleOpt{
        u"cluster-schedule"_s,
        u"Cluster: dynamic (rank 0 hands out the next task, default) or static (rank r takes every Nth)."_s,
        u"HOW"_s, u"dynamic"_s};
    const QCommandLineOption m_workersOpt{
        u"workers"_s,
        u"Threads or processes (default: logical CPUs, %1)."_s.arg(Experiment::defaultWorkers()), u"N"_s};
    const QCommandLineOption m_jsonOpt{
        u"json"_s, u"Write the results as JSON to FILE, or to standard output with -."_s, u"FILE"_s};
    const QCommandLineOption m_csvOpt{u"csv"_s, u"Write one CSV row per run to FILE."_s, u"FILE"_s};
    const QCommandLineOption m_csvTasksOpt{u"csv-tasks"_s, u"Write one CSV row per task to FILE."_s,
                                           u"FILE"_s};
    const QCommandLineOption m_markdownOpt{u"markdown"_s,
                                           u"Write the statistics as Markdown tables to FILE."_s, u"FILE"_s};
    const QCommandLineOption m_traceOpt{
        u"trace"_s, u"Write a Chrome trace (Perfetto, chrome://tracing) of every task to FILE."_s, u"FILE"_s};
    const QList<Export> m_exports{
        {&m_csvOpt, CsvExport::writeRuns},
        {&m_csvTasksOpt, CsvExport::writeTasks},
        {&m_markdownOpt,
         [](QIODevice *d, const QList<RunResult> &runs) {
             const QByteArray text = MarkdownExport::report(runs).toUtf8();
             return d->write(text) == text.size();
         }},
        {&m_traceOpt, TraceExport::write},
    };

    Experiment m_experiment;
    QString m_jsonTarget;
    FILE *m_tableOut = stdout;
    QList<RunResult> m_results;
    int m_exitCode = Ok;
};

} // namespace

int RunCommand::exec(const QStringList &arguments)
{
    return RunInvocation().exec(arguments);
}

} // namespace wordrace
