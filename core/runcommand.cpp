#include "runcommand.h"

#include "experiment.h"
#include "resultjson.h"
#include "resulttable.h"
#include "runner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSocketNotifier>

#include <cstdio>
#include <csignal>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int sig)
{
    const unsigned char s = static_cast<unsigned char>(sig);
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &s, 1);
}

void printErr(const QString &line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

} // namespace

int RunCommand::exec(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Counts words sequentially, on a thread pool and on worker processes, "
                                     "and shows what each way costs."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"run"_s, u"Run an experiment."_s);
    const QCommandLineOption modeOpt(u"mode"_s, u"Modes to run, comma-separated: sequential,threads,processes."_s,
                                     u"MODES"_s, u"sequential,threads,processes"_s);
    const QCommandLineOption workersOpt(u"workers"_s, u"Threads or processes (default: logical CPUs, %1)."_s.arg(
                                                          Experiment::defaultWorkers()),
                                        u"N"_s);
    const QCommandLineOption corpusOpt(u"corpus"_s, u"lesson[:REPEAT], nicehat[:REPEAT] or a file (default lesson)."_s,
                                       u"SPEC"_s, u"lesson"_s);
    const QCommandLineOption chunkOpt(u"chunk"_s, u"Lines per task (default: ceil(lines / (4 x workers)))."_s, u"N"_s);
    const QCommandLineOption jsonOpt(u"json"_s, u"Write the results as JSON to FILE, or to standard output with -."_s,
                                     u"FILE"_s);
    parser.addOptions({modeOpt, workersOpt, corpusOpt, chunkOpt, jsonOpt});

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
        return usageError(u"expected the command 'run' (see --help)"_s);

    Experiment experiment;
    experiment.modes.clear();
    for (const QString &name : parser.value(modeOpt).split(u',', Qt::SkipEmptyParts)) {
        const auto mode = modeFromName(name.trimmed());
        if (!mode)
            return usageError(u"unknown mode '%1' (use sequential, threads or processes)"_s.arg(name));
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
            return usageError(u"--chunk needs a whole number of lines >= 1, not '%1'"_s.arg(parser.value(chunkOpt)));
        experiment.chunkLines = std::uint64_t(chunk);
    }
    QString error;
    const auto spec = CorpusSpec::parse(parser.value(corpusOpt), &error);
    if (!spec)
        return usageError(error);
    experiment.corpus = *spec;
    if (const QString why = experiment.validate(); !why.isEmpty())
        return usageError(why);

    const QString jsonTarget = parser.value(jsonOpt);
    const bool jsonToStdout = jsonTarget == u"-";
    if (!jsonTarget.isEmpty() && !jsonToStdout) {
        const QFileInfo info(jsonTarget);
        if (info.isDir())
            return usageError(u"--json %1: is a directory"_s.arg(jsonTarget));
        if (!info.absoluteDir().exists())
            return usageError(u"--json %1: the folder %2 does not exist"_s.arg(jsonTarget, info.absolutePath()));
    }
    FILE *tableOut = jsonToStdout ? stderr : stdout;

    // Ctrl-C and SIGTERM cancel the run cleanly (workers stopped, partial results kept).
    int stoppedBy = 0;
    Runner runner;
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) == 0) {
        struct sigaction sa{};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, nullptr);
        sigaction(SIGTERM, &sa, nullptr);
    }
    QSocketNotifier notifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &runner, [&] {
        unsigned char s = 0;
        while (::read(g_signalPipe[0], &s, 1) == 1)
            stoppedBy = s;
        printErr(u"wordrace-cli: stopping (%1)"_s.arg(stoppedBy == SIGINT ? u"interrupted"_s : u"terminated"_s));
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
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);

    if (!results.isEmpty())
        std::fputs(qPrintable(ResultTable::text(results)), tableOut);
    if (!jsonTarget.isEmpty() && (!results.isEmpty() || exitCode == Ok)) {
        const QByteArray json = ResultJson::serialize(results);
        if (jsonToStdout) {
            std::fwrite(json.constData(), 1, std::size_t(json.size()), stdout);
            std::fflush(stdout);
        } else {
            QSaveFile file(jsonTarget);
            if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
                printErr(u"wordrace-cli: cannot write %1: %2"_s.arg(jsonTarget, file.errorString()));
                if (exitCode == Ok)
                    exitCode = RunFailed;
            }
        }
    }
    if (stoppedBy == SIGINT)
        return Interrupted;
    if (stoppedBy == SIGTERM)
        return Terminated;
    return exitCode;
}

} // namespace wordrace
