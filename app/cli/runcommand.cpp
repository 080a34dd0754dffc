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

} // namespace

int RunCommand::exec(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Counts words sequentially, on a thread pool and on worker processes, "
                                     "and shows what each way costs."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"run"_s, u"Run an experiment. ('wordrace-cli sweep --help' for sweeps.)"_s);
    const QCommandLineOption modeOpt(
        u"mode"_s, u"Modes to run, comma-separated: sequential,threads,processes (and cluster, MPI ranks)."_s,
        u"MODES"_s, u"sequential,threads,processes"_s);
    const QCommandLineOption hostfileOpt(
        u"hostfile"_s, u"Cluster: an Open MPI hostfile placing the ranks on other machines."_s, u"FILE"_s);
    const QCommandLineOption hostsOpt(
        u"hosts"_s, u"Cluster: hosts for mpirun --host, e.g. node1:2,node2:2 (default: this machine)."_s,
        u"LIST"_s);
    const QCommandLineOption scheduleOpt(
        u"cluster-schedule"_s,
        u"Cluster: dynamic (rank 0 hands out the next task, default) or static (rank r takes every Nth)."_s,
        u"HOW"_s, u"dynamic"_s);
    const QCommandLineOption workersOpt(
        u"workers"_s,
        u"Threads or processes (default: logical CPUs, %1)."_s.arg(Experiment::defaultWorkers()), u"N"_s);
    const QCommandLineOption corpusOpt(u"corpus"_s,
                                       u"lesson[:REPEAT], nicehat[:REPEAT] or a file (default lesson)."_s,
                                       u"SPEC"_s, u"lesson"_s);
    const QCommandLineOption chunkOpt(u"chunk"_s, u"Lines per task (default: ceil(lines / (4 x workers)))."_s,
                                      u"N"_s);
    const QCommandLineOption jsonOpt(
        u"json"_s, u"Write the results as JSON to FILE, or to standard output with -."_s, u"FILE"_s);
    const QCommandLineOption runsOpt(
        u"runs"_s,
        u"Measured runs of each mode, interleaved across modes (default 1); auto: as many as fit in about "
        u"a second after the first round, at most 9."_s,
        u"N"_s, u"1"_s);
    const QCommandLineOption warmupOpt(
        u"warmup"_s, u"Unmeasured runs of each mode before them (default 0)."_s, u"K"_s, u"0"_s);
    const QCommandLineOption csvOpt(u"csv"_s, u"Write one CSV row per run to FILE."_s, u"FILE"_s);
    const QCommandLineOption csvTasksOpt(u"csv-tasks"_s, u"Write one CSV row per task to FILE."_s, u"FILE"_s);
    const QCommandLineOption markdownOpt(u"markdown"_s, u"Write the statistics as Markdown tables to FILE."_s,
                                         u"FILE"_s);
    const QCommandLineOption traceOpt(
        u"trace"_s, u"Write a Chrome trace (Perfetto, chrome://tracing) of every task to FILE."_s, u"FILE"_s);
    parser.addOptions({modeOpt, workersOpt, corpusOpt, chunkOpt, jsonOpt, runsOpt, warmupOpt, csvOpt,
                       csvTasksOpt, markdownOpt, traceOpt, hostfileOpt, hostsOpt, scheduleOpt});
    const ExperimentOptions knobOptions;
    knobOptions.addTo(parser);

    auto usageError = [](const QString &why) {
        printErr(u"wordrace-cli: "_s + why);
        return int(BadUsage);
    };
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first() != u"run")
        return usageError(u"expected the command 'run', 'sweep' or 'scenario' (see --help)"_s);

    Experiment experiment;
    experiment.modes.clear();
    for (const QString &name : parser.value(modeOpt).split(u',', Qt::SkipEmptyParts)) {
        const auto mode = modeFromName(name.trimmed());
        if (!mode)
            return usageError(
                u"unknown mode '%1' (use sequential, threads, processes or cluster)"_s.arg(name));
        if (*mode == Mode::Cluster && !ClusterBackend::isBuilt())
            return usageError(ClusterBackend::checkAvailable({}));
        if (!experiment.modes.contains(*mode))
            experiment.modes.append(*mode);
    }
    if (parser.isSet(workersOpt)) {
        bool ok = false;
        experiment.workers = parser.value(workersOpt).toInt(&ok);
        if (!ok)
            return usageError(u"--workers needs a whole number, not '%1'"_s.arg(parser.value(workersOpt)));
    }
    if (parser.isSet(chunkOpt)) {
        bool ok = false;
        const qlonglong chunk = parser.value(chunkOpt).toLongLong(&ok);
        if (!ok || chunk < 1)
            return usageError(
                u"--chunk needs a whole number of lines >= 1, not '%1'"_s.arg(parser.value(chunkOpt)));
        experiment.chunkLines = std::uint64_t(chunk);
    }
    for (auto [opt, target, name] : {std::tuple{&runsOpt, &experiment.runs, "--runs"},
                                     std::tuple{&warmupOpt, &experiment.warmup, "--warmup"}}) {
        if (target == &experiment.runs && parser.value(*opt) == u"auto") {
            *target = Experiment::kAutoRuns;
            continue;
        }
        bool ok = false;
        *target = parser.value(*opt).toInt(&ok);
        if (!ok)
            return usageError(
                u"%1 needs a whole number, not '%2'"_s.arg(QLatin1String(name), parser.value(*opt)));
        // 0 is how an automatic count is stored; on the command line it is spelled "auto".
        if (target == &experiment.runs && *target == Experiment::kAutoRuns)
            return usageError(u"--runs must be between 1 and %1, or auto"_s.arg(Experiment::kMaxRuns));
    }
    if (parser.isSet(hostfileOpt) && parser.isSet(hostsOpt))
        return usageError(u"give --hostfile or --hosts, not both"_s);
    experiment.cluster.hostfile = parser.value(hostfileOpt);
    experiment.cluster.hosts = parser.value(hostsOpt);
    if (const QString schedule = parser.value(scheduleOpt); schedule == u"static")
        experiment.cluster.schedule = ClusterSchedule::Static;
    else if (schedule != u"dynamic")
        return usageError(u"--cluster-schedule must be dynamic or static, not '%1'"_s.arg(schedule));
    QString error;
    const auto spec = CorpusSpec::parse(parser.value(corpusOpt), &error);
    if (!spec)
        return usageError(error);
    experiment.corpus = *spec;
    if (const QString why = knobOptions.apply(parser, experiment); !why.isEmpty())
        return usageError(why);
    if (const QString why = experiment.validate(); !why.isEmpty())
        return usageError(why);

    const QString jsonTarget = parser.value(jsonOpt);
    const bool jsonToStdout = jsonTarget == u"-";
    const QList<Export> exports = {
        {&csvOpt, CsvExport::writeRuns},
        {&csvTasksOpt, CsvExport::writeTasks},
        {&markdownOpt,
         [](QIODevice *d, const QList<RunResult> &runs) {
             const QByteArray text = MarkdownExport::report(runs).toUtf8();
             return d->write(text) == text.size();
         }},
        {&traceOpt, TraceExport::write},
    };
    // Every target checked before the run, so that a typo never costs a long run.
    QStringList targets;
    if (!jsonTarget.isEmpty() && !jsonToStdout) {
        if (const QString why = OutputFile::checkTarget(u"--json"_s, jsonTarget); !why.isEmpty())
            return usageError(why);
        targets << QFileInfo(jsonTarget).absoluteFilePath();
    }
    for (const Export &e : exports) {
        if (!parser.isSet(*e.option))
            continue;
        const QString path = parser.value(*e.option);
        if (const QString why = OutputFile::checkTarget(u"--"_s + e.option->names().constFirst(), path);
            !why.isEmpty())
            return usageError(why);
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (targets.contains(absolute))
            return usageError(u"%1 is named by two options; each export needs a file of its own"_s.arg(path));
        targets << absolute;
    }
    FILE *tableOut = jsonToStdout ? stderr : stdout;

    // Ctrl-C and SIGTERM cancel the run cleanly (workers stopped, partial results kept).
    Runner runner;
    auto stopSignals = std::make_unique<SignalCatcher>();
    QObject::connect(stopSignals.get(), &SignalCatcher::signalled, &runner, [&](int sig) {
        printErr(u"wordrace-cli: stopping (%1)"_s.arg(sig == SIGINT ? u"interrupted"_s : u"terminated"_s));
        runner.cancel();
    });

    QList<RunResult> results;
    int exitCode = Ok;
    QObject::connect(&runner, &Runner::experimentPrepared, &runner,
                     [&](quint64, const QString &summary, const QStringList &warnings) {
                         printErr(summary);
                         for (const QString &w : warnings)
                             printErr(u"warning: "_s + w);
                     });
    QObject::connect(&runner, &Runner::runCountChosen, &runner, [&](quint64, int runs) {
        printErr(u"auto: %1 measured run(s) of each mode"_s.arg(runs));
    });
    QObject::connect(&runner, &Runner::runFinished, &runner,
                     [&](quint64, const RunResult &r) { results.append(r); });
    QObject::connect(&runner, &Runner::runFailed, &runner,
                     [&](quint64, const QString &why, Runner::FailureKind kind) {
                         printErr(u"wordrace-cli: "_s + why);
                         exitCode = kind == Runner::FailureKind::BadInput ? BadUsage : RunFailed;
                     });
    QObject::connect(&runner, &Runner::experimentFinished, &runner,
                     [&](quint64, bool) { QCoreApplication::exit(0); });
    runner.start(experiment);
    QCoreApplication::exec();
    runner.wait();
    const int stoppedBy = stopSignals->caught();
    stopSignals.reset(); // a second Ctrl-C while the files are written stops at once

    Plausibility::judge(results, QThread::idealThreadCount());
    if (!results.isEmpty()) {
        std::fputs(qPrintable(ResultTable::text(results)), tableOut);
        std::fputs(qPrintable(Plausibility::text(results)), tableOut);
        if (experiment.runs != 1)
            std::fputs(qPrintable(ModeSummary::text(ModeSummary::summarize(results))), tableOut);
        for (const RunResult &r : std::as_const(results))
            if (r.mode == Mode::Cluster && r.clockAlignmentErrorS)
                // The ranks' clocks were aligned on rank 0's; their timeline is this exact, no more.
                std::fputs(
                    qPrintable(u"cluster: %1 ranks on %2, %3 schedule; clock alignment error +/- %4 us\n"_s
                                   .arg(r.workers)
                                   .arg(r.clusterHosts.join(u", "_s),
                                        clusterScheduleName(experiment.cluster.schedule))
                                   .arg(*r.clockAlignmentErrorS * 1e6, 0, 'f', 1)),
                    tableOut);
        std::fflush(tableOut);
    }
    auto writeFailed = [&](const QString &why) {
        printErr(u"wordrace-cli: "_s + why);
        if (exitCode == Ok)
            exitCode = RunFailed;
    };
    if (!results.isEmpty() || exitCode == Ok) {
        if (!jsonTarget.isEmpty()) {
            const QByteArray json = ResultJson::serialize(results);
            if (jsonToStdout) {
                std::fwrite(json.constData(), 1, std::size_t(json.size()), stdout);
                std::fflush(stdout);
            } else if (const QString why = OutputFile::write(
                           jsonTarget, [&](QIODevice *d) { return d->write(json) == json.size(); });
                       !why.isEmpty()) {
                writeFailed(why);
            }
        }
        for (const Export &e : exports) {
            if (!parser.isSet(*e.option))
                continue;
            const QString why =
                OutputFile::write(parser.value(*e.option), [&](QIODevice *d) { return e.write(d, results); });
            if (!why.isEmpty())
                writeFailed(why);
        }
    }
    if (stoppedBy == SIGINT)
        return Interrupted;
    if (stoppedBy == SIGTERM)
        return Terminated;
    return exitCode;
}

} // namespace wordrace
