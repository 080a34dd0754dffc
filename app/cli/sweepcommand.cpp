#include "sweepcommand.h"

#include "clitool.h"
#include "io/units.h"

#include "analysis/modesummary.h"
#include "analysis/sweep.h"
#include "engine/runner.h"
#include "engine/sweeprunner.h"
#include "experimentoptions.h"
#include "io/outputfile.h"
#include "io/resultjson.h"
#include "model/experiment.h"
#include "signalcatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>
#include <variant>

using namespace Qt::StringLiterals;

namespace wordrace {

using namespace Cli;

// The experiments of the sweep, in order: sequential once per corpus, beside the first parallel
// point, so that it is interleaved with them as the Runner interleaves modes.
std::variant<int, QList<Experiment>> planSweep(const QCommandLineParser &parser, Experiment base,
                                               bool sizesKind, const QCommandLineOption &sizesOpt,
                                               const QCommandLineOption &workersOpt)
{
    QString error;
    QList<Experiment> experiments;
    if (sizesKind) {
        const auto sizes = SweepRunner::parseSizes(parser.value(sizesOpt), base.corpus, &error);
        if (!sizes)
            return usageError(u"sweep"_s, u"--sizes "_s + error);
        if (parser.isSet(workersOpt)) {
            bool ok = false;
            base.workers = parser.value(workersOpt).toInt(&ok);
            if (!ok)
                return usageError(u"sweep"_s,
                                  u"--workers with --sizes needs one whole number, not '%1'"_s.arg(
                                      parser.value(workersOpt)));
        }
        experiments = SweepRunner::sizesPlan(base, *sizes);
    } else {
        if (!parser.isSet(workersOpt))
            return usageError(u"sweep"_s,
                              u"give --workers LIST (a worker sweep) or --sizes LIST (a size sweep)"_s);
        const auto counts = SweepRunner::parseWorkerCounts(parser.value(workersOpt), &error);
        if (!counts)
            return usageError(u"sweep"_s, u"--workers "_s + error);
        experiments = SweepRunner::workersPlan(base, *counts);
    }
    for (const Experiment &e : std::as_const(experiments))
        if (const QString why = e.validate(); !why.isEmpty())
            return usageError(u"sweep"_s, why);

    return experiments;
}

// Every target checked before the run, so that a typo never costs a long sweep.
std::optional<int> checkTargets(const QString &jsonTarget, const QString &csvTarget, bool csv)
{
    const bool jsonToStdout = jsonTarget == u"-";
    if (!jsonTarget.isEmpty() && !jsonToStdout)
        if (const QString why = OutputFile::checkTarget(u"--json"_s, jsonTarget); !why.isEmpty())
            return usageError(u"sweep"_s, why);
    if (csv) {
        if (const QString why = OutputFile::checkTarget(u"--csv"_s, csvTarget); !why.isEmpty())
            return usageError(u"sweep"_s, why);
        if (!jsonToStdout && !jsonTarget.isEmpty() &&
            QFileInfo(jsonTarget).absoluteFilePath() == QFileInfo(csvTarget).absoluteFilePath())
            return usageError(u"sweep"_s, u"--json and --csv name the same file"_s);
    }
    return std::nullopt;
}

struct SweepOutcome
{
    QList<RunResult> results;
    int exitCode = Cli::Ok;
    int stoppedBy = 0; // the signal that stopped it
};

// Runs the sweep's experiments, saying each point and run on stderr; Ctrl-C and SIGTERM cancel.
SweepOutcome runSweep(Sweep::Kind kind, const QList<Experiment> &experiments)
{
    SweepRunner sweeps;
    auto stopSignals = std::make_unique<SignalCatcher>();
    QObject::connect(stopSignals.get(), &SignalCatcher::signalled, &sweeps, [&](int sig) {
        printErr(u"wordrace-cli: stopping (%1)"_s.arg(sig == SIGINT ? u"interrupted"_s : u"terminated"_s));
        sweeps.cancel();
    });
    SweepOutcome o;
    int done = 0;
    QEventLoop loop;
    QObject::connect(&sweeps, &SweepRunner::pointStarted, &sweeps, [&](quint64, int point, int points) {
        const Experiment &e = sweeps.plan().at(point);
        QStringList modes;
        for (Mode m : e.modes)
            modes << modeName(m);
        printErr(u"sweep %1/%2: %3 on %4, %5 worker(s) for the parallel modes"_s.arg(point + 1)
                     .arg(points)
                     .arg(modes.join(u", "_s), e.corpus.displayName())
                     .arg(e.workers));
    });
    QObject::connect(&sweeps, &SweepRunner::experimentPrepared, &sweeps,
                     [&](quint64, const QString &summary, const QStringList &warnings) {
                         printErr(u"  "_s + summary);
                         for (const QString &w : warnings)
                             printErr(u"  warning: "_s + w);
                     });
    QObject::connect(&sweeps, &SweepRunner::runFinished, &sweeps, [&](quint64, const RunResult &r) {
        ++done;
        printErr(u"  [%1/%2] %3: %4%5"_s.arg(done)
                     .arg(sweeps.totalRuns())
                     .arg(ModeSummary::labelFor(r.mode, r.workers), Units::seconds(r.wallS),
                          r.cancelled ? u" (cancelled)"_s : QString()));
    });
    QObject::connect(&sweeps, &SweepRunner::runFailed, &sweeps,
                     [&o](quint64, const QString &why, Runner::FailureKind kind) {
                         printErr(u"wordrace-cli: "_s + why);
                         o.exitCode = kind == Runner::FailureKind::BadInput ? Cli::BadUsage : Cli::RunFailed;
                     });
    QObject::connect(&sweeps, &SweepRunner::sweepFinished, &loop, &QEventLoop::quit);
    sweeps.start(kind, experiments);
    if (sweeps.isRunning())
        loop.exec();
    sweeps.wait();
    o.results = sweeps.results();
    o.stoppedBy = stopSignals->caught();
    stopSignals.reset();

    return o;
}

// The table and the warnings, then the JSON and the CSV files.
void writeOutputs(Sweep::Kind kind, SweepOutcome &o, const QString &jsonTarget, const QString &csvTarget,
                  bool csv)
{
    const bool jsonToStdout = jsonTarget == u"-";
    FILE *tableOut = jsonToStdout ? stderr : stdout;
    const QList<RunResult> &results = o.results;
    int &exitCode = o.exitCode;
    const Sweep sweep(kind, results, QThread::idealThreadCount());
    if (!results.isEmpty()) {
        std::fputs(qPrintable(sweep.text()), tableOut);
        QStringList warnings;
        for (const SweepPoint &p : sweep.points())
            warnings << p.summary.warnings;
        for (const QString &w : std::as_const(warnings))
            std::fputs(qPrintable(u"warning: "_s + w + u'\n'), tableOut);
        std::fflush(tableOut);
    }
    auto writeFailed = [&](const QString &why) {
        printErr(u"wordrace-cli: "_s + why);
        if (exitCode == Cli::Ok)
            exitCode = Cli::RunFailed;
    };
    if (!jsonTarget.isEmpty()) {
        const QByteArray json = ResultJson::serialize(results, QJsonObject{{u"sweep"_s, sweep.toJson()}});
        if (const QString why = writeOutput(jsonToStdout ? u"-"_s : jsonTarget, json); !why.isEmpty())
            writeFailed(why);
    }
    if (csv) {
        const QByteArray csv = sweep.csv();
        if (const QString why = writeOutput(csvTarget, csv); !why.isEmpty())
            writeFailed(why);
    }
}

int SweepCommand::exec(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Runs an experiment over several worker counts (speed-up, efficiency, Amdahl's law) or over "
        "several corpus sizes (where threads and processes start to beat sequential)."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"sweep"_s, u"Run a sweep."_s);
    const QCommandLineOption workersOpt(
        u"workers"_s,
        u"Worker counts to sweep, comma-separated (1,2,4,8); with --sizes one count (default: logical CPUs, %1)."_s
            .arg(Experiment::defaultWorkers()),
        u"LIST"_s);
    const QCommandLineOption sizesOpt(
        u"sizes"_s,
        u"Corpora to sweep, comma-separated: lesson:1000,lesson:100000 or REPEAT values of --corpus."_s,
        u"LIST"_s);
    const QCommandLineOption jsonOpt(u"json"_s,
                                     u"Write the sweep and its runs as JSON to FILE, or to standard "
                                     "output with -."_s,
                                     u"FILE"_s);
    const QCommandLineOption csvOpt(u"csv"_s, u"Write one CSV row per point to FILE."_s, u"FILE"_s);
    parser.addOptions({workersOpt, sizesOpt, jsonOpt, csvOpt});
    const ExperimentOptions options(ExperimentOptions::Config{
        .corpus = true,
        .chunk = true,
        .runs = true,
        .autoRuns = false, // the points of a sweep are compared at one count of runs each
        .runsHelp = u"Measured runs of each mode at each point (default 1)."_s,
        .modes = true,
        .modesDefault = u"threads,processes"_s,
        .modesHelp = u"Parallel modes, comma-separated (default threads,processes; python-threads and "
                     "python-processes run the lesson's code in CPython); each language's sequential mode "
                     "always runs once as the baseline."_s,
        .sequentialIsBaseline = true});
    options.addTo(parser);

    if (!parser.parse(arguments))
        return usageError(u"sweep"_s, parser.errorText());
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Cli::Ok;
    }
    if (parser.positionalArguments() != QStringList{u"sweep"_s})
        return usageError(u"sweep"_s,
                          u"unexpected argument '%1'"_s.arg(parser.positionalArguments().mid(1).join(u' ')));

    // What every point shares.
    Experiment base;
    if (const QString why = options.apply(parser, base); !why.isEmpty())
        return usageError(u"sweep"_s, why);

    const bool sizesKind = parser.isSet(sizesOpt);
    const Sweep::Kind kind = sizesKind ? Sweep::Kind::Sizes : Sweep::Kind::Workers;
    const std::variant<int, QList<Experiment>> plan =
        planSweep(parser, base, sizesKind, sizesOpt, workersOpt);
    if (const int *exitCode = std::get_if<int>(&plan))
        return *exitCode;
    const QString jsonTarget = parser.value(jsonOpt);
    const QString csvTarget = parser.value(csvOpt);
    if (const std::optional<int> bad = checkTargets(jsonTarget, csvTarget, parser.isSet(csvOpt)))
        return *bad;
    SweepOutcome outcome = runSweep(kind, std::get<QList<Experiment>>(plan));
    if (!outcome.results.isEmpty() || outcome.exitCode == Cli::Ok)
        writeOutputs(kind, outcome, jsonTarget, csvTarget, parser.isSet(csvOpt));
    if (outcome.stoppedBy == SIGINT)
        return Cli::Interrupted;
    if (outcome.stoppedBy == SIGTERM)
        return Cli::Terminated;
    return outcome.exitCode;
}

} // namespace wordrace
