#include "scenariocommand.h"

#include "engine/scenariorunner.h"

#include "clitool.h"

#include "analysis/plausibility.h"
#include "analysis/scenario.h"
#include "engine/runner.h"
#include "io/resultjson.h"
#include "io/resulttable.h"
#include "signalcatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <cstdio>
#include <optional>
#include <variant>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

void out(FILE *f, const QString &text)
{
    std::fputs(qPrintable(text), f);
    std::fputc('\n', f);
    std::fflush(f);
}

struct Request
{
    Scenario scenario;
    std::optional<int> prediction; // the index of the class's choice
    QString jsonTarget;
};

struct Outcome
{
    QList<RunResult> results; // of the whole scenario, with its verdict
    std::optional<Verdict> verdict;
    QString failure;
    int failureCode = Cli::Ok;
    bool cancelledByUser = false;
    int signalExit = Cli::Ok;
};

// The scenario the command line asks for; an exit status when there is nothing to run.
std::variant<int, Request> parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Runs one of the lesson's experiments and explains the result from the "
                                     "measurements. Without NAME, lists them."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"scenario"_s, u"The command."_s);
    parser.addPositionalArgument(u"NAME"_s, u"Which scenario."_s, u"[NAME]"_s);
    const QCommandLineOption predictOpt(u"predict"_s, u"Your prediction: the number of one of the choices."_s,
                                        u"N"_s);
    const QCommandLineOption workersOpt(u"workers"_s, u"Workers (default: logical CPUs)."_s, u"N"_s);
    const QCommandLineOption jsonOpt(u"json"_s, u"Write the verdict and the runs as JSON to FILE or -."_s,
                                     u"FILE"_s);
    parser.addOptions({predictOpt, workersOpt, jsonOpt});
    const auto usageError = [](const QString &why) { return Cli::usageError(u"scenario"_s, why); };
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Cli::Ok;
    }
    int workers = Experiment::defaultWorkers();
    if (parser.isSet(workersOpt)) {
        bool ok = false;
        workers = parser.value(workersOpt).toInt(&ok);
        if (!ok || workers < 1 || workers > Experiment::kMaxWorkers)
            return usageError(u"--workers needs a whole number from 1 to %1"_s.arg(Experiment::kMaxWorkers));
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() == 1) {
        for (const Scenario &s : Scenario::all(workers))
            out(stdout, u"%1  %2: %3"_s.arg(s.id.leftJustified(14), s.title, s.question));
        return Cli::Ok;
    }
    if (positional.size() != 2)
        return usageError(u"expected: scenario [NAME]"_s);
    const auto scenario = Scenario::byId(positional.at(1), workers);
    if (!scenario)
        return usageError(
            u"no scenario '%1' (run 'wordrace-cli scenario' for the list)"_s.arg(positional.at(1)));
    std::optional<int> prediction;
    if (parser.isSet(predictOpt)) {
        bool ok = false;
        const int n = parser.value(predictOpt).toInt(&ok);
        if (!ok || n < 1 || n > scenario->choices.size())
            return usageError(u"--predict needs a choice from 1 to %1"_s.arg(scenario->choices.size()));
        prediction = n - 1;
    }
    return Request{*scenario, prediction, parser.value(jsonOpt)};
}

// Runs the scenario's experiments on a Runner of this command's own; Ctrl-C and SIGTERM cancel.
Outcome run(const Scenario &scenario)
{
    Outcome o;
    Runner runner;
    ScenarioRunner scenarioRunner;
    SignalCatcher signals;
    QList<RunResult> runs; // of the experiment under way

    QObject::connect(&signals, &SignalCatcher::signalled, &runner, [&] {
        o.cancelledByUser = true;
        runner.cancel();
    });
    QObject::connect(&scenarioRunner, &ScenarioRunner::experimentRequested, &runner,
                     [&](const Experiment &e, int index, int count) {
                         out(stderr, u"running %1 of %2 ..."_s.arg(index + 1).arg(count));
                         runs.clear();
                         runner.start(e);
                     });
    QObject::connect(&scenarioRunner, &ScenarioRunner::cancelRequested, &runner, [&] { runner.cancel(); });
    QObject::connect(&scenarioRunner, &ScenarioRunner::verdictReady, &runner,
                     [&](const Verdict &v, const QList<RunResult> &all) {
                         o.verdict = v;
                         o.results = all;
                         QCoreApplication::exit(0);
                     });
    QObject::connect(&scenarioRunner, &ScenarioRunner::stopped, &runner, [] { QCoreApplication::exit(0); });
    QObject::connect(&runner, &Runner::runStarted, &runner, [&] { scenarioRunner.experimentStarted(); });
    QObject::connect(&runner, &Runner::runFinished, &runner,
                     [&](quint64, const RunResult &r) { runs.append(r); });
    QObject::connect(&runner, &Runner::runFailed, &runner,
                     [&](quint64, const QString &why, Runner::FailureKind k) {
                         o.failure = why;
                         o.failureCode = k == Runner::FailureKind::BadInput ? Cli::BadUsage : Cli::RunFailed;
                     });
    QObject::connect(&runner, &Runner::experimentFinished, &runner, [&](quint64, bool cancelled) {
        const auto ending = !o.failure.isEmpty() ? ScenarioRunner::Ending::Failed
                            : cancelled          ? ScenarioRunner::Ending::Cancelled
                                                 : ScenarioRunner::Ending::Done;
        scenarioRunner.experimentEnded(runs, ending, o.failure, o.cancelledByUser);
    });
    scenarioRunner.start(scenario);
    QCoreApplication::exec();
    runner.wait();

    o.signalExit = signals.exitCode();
    return o;
}

// The table, the o.verdict and the prediction's fate; the JSON when asked for.
int report(const Request &request, Outcome &o)
{
    const Scenario *scenario = &request.scenario;
    const std::optional<int> &prediction = request.prediction;
    const QString &jsonTarget = request.jsonTarget;
    FILE *text = jsonTarget == u"-" ? stderr : stdout;
    if (!o.failure.isEmpty()) {
        out(stderr, u"wordrace-cli: "_s + o.failure);
        return o.failureCode;
    }
    if (o.cancelledByUser)
        return o.signalExit;
    if (!o.verdict)
        return Cli::RunFailed;
    out(text, QString());
    Plausibility::judge(o.results, QThread::idealThreadCount());
    std::fputs(qPrintable(ResultTable::text(o.results)), text);
    std::fputs(qPrintable(Plausibility::text(o.results)), text);
    out(text, QString());
    out(text, u"Verdict: %1"_s.arg(o.verdict->answer));
    out(text, o.verdict->explanation);
    if (prediction)
        out(text, scenario->choices.at(*prediction) == o.verdict->answer
                      ? u"Your prediction was right."_s
                      : u"Your prediction was: %1."_s.arg(scenario->choices.at(*prediction)));
    if (!jsonTarget.isEmpty()) {
        QJsonObject s{{u"id"_s, scenario->id},
                      {u"title"_s, scenario->title},
                      {u"question"_s, scenario->question},
                      {u"choices"_s, QJsonArray::fromStringList(scenario->choices)},
                      {u"answer"_s, o.verdict->answer},
                      {u"explanation"_s, o.verdict->explanation},
                      {u"evidence"_s, QJsonArray::fromStringList(o.verdict->evidence)}};
        if (prediction)
            s[u"prediction"_s] = scenario->choices.at(*prediction);
        QByteArray json = ResultJson::serialize(o.results);
        // One more key in front of the run document's own.
        json.insert(1, "\"scenario\":" + QJsonDocument(s).toJson(QJsonDocument::Compact) + ",\n");
        if (const QString why = Cli::writeOutput(jsonTarget, json); !why.isEmpty()) {
            Cli::printErr(u"wordrace-cli: "_s + why);
            return Cli::RunFailed;
        }
    }
    return Cli::Ok;
}

} // namespace

int ScenarioCommand::exec(const QStringList &arguments)
{
    const std::variant<int, Request> parsed = parse(arguments);
    if (const int *exitCode = std::get_if<int>(&parsed))
        return *exitCode;
    const Request &request = std::get<Request>(parsed);
    FILE *text = request.jsonTarget == u"-" ? stderr : stdout;
    const Scenario *scenario = &request.scenario;
    const std::optional<int> &prediction = request.prediction;

    out(text, u"%1 (%2)"_s.arg(scenario->title, scenario->lesson));
    out(text, scenario->question);
    for (qsizetype i = 0; i < scenario->choices.size(); ++i)
        out(text, u"  %1. %2%3"_s.arg(i + 1).arg(scenario->choices[i],
                                                 prediction == i ? u"   <- your prediction"_s : QString()));

    Outcome outcome = run(request.scenario);
    return report(request, outcome);
}

} // namespace wordrace
