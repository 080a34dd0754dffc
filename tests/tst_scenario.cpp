#include "analysis/scenario.h"
#include "engine/scenariorunner.h"
#include "io/units.h"
#include "patience.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

RunResult result(Mode mode, double wall, double cpu, int workers = 2)
{
    RunResult r;
    r.mode = mode;
    r.workers = workers;
    r.wallS = wall;
    r.parentCpu = {cpu, 0.0};
    r.workersCpu = {cpu, 0.0};
    return r;
}

TaskRecord task(std::int64_t index, double start, double end, double io = 0.0)
{
    TaskRecord t;
    t.task = index;
    t.startS = start;
    t.endS = end;
    t.ioS = io;
    return t;
}

} // namespace

class TestScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allScenariosAreRunnable()
    {
        const QList<Scenario> all = Scenario::all(2);
        QCOMPARE(all.size(), 8);
        QStringList ids;
        for (const Scenario &s : all) {
            ids << s.id;
            QVERIFY(!s.question.isEmpty());
            QVERIFY(s.choices.size() >= 2);
            QVERIFY(!s.experiments.isEmpty());
            for (const Experiment &e : s.experiments)
                QVERIFY2(e.validate().isEmpty(), qPrintable(s.id + u": "_s + e.validate()));
        }
        QCOMPARE(ids, (QStringList{u"delays"_s, u"return-values"_s, u"race"_s, u"web-scraping"_s,
                                   u"cpu-bound-gil"_s, u"tiny-tasks"_s, u"zombies"_s, u"real-gil"_s}));
    }

    // The emulated GIL against CPython's: each language's threads over its own sequential, within
    // 15% or not.
    void realGilVerdict_data()
    {
        QTest::addColumn<double>("emulatedThreads"); // wall, against a sequential of 1.0 s
        QTest::addColumn<double>("realThreads");     // wall, against a python-sequential of 2.0 s
        QTest::addColumn<int>("choice");
        QTest::newRow("both gain nothing") << 1.02 << 2.06 << 0;
        QTest::newRow("12% apart: within") << 1.0 << 2.25 << 0;
        QTest::newRow("the emulation gains, CPython does not") << 0.55 << 2.0 << 1;
        QTest::newRow("CPython gains, the emulation does not") << 1.0 << 1.0 << 1;
    }
    void realGilVerdict()
    {
        QFETCH(double, emulatedThreads);
        QFETCH(double, realThreads);
        QFETCH(int, choice);
        const auto s = Scenario::byId(u"real-gil"_s, 2);
        QVERIFY(s);
        RunResult threads = result(Mode::Threads, emulatedThreads, emulatedThreads);
        threads.knobs.workPerWordNs = 31.5;
        const Verdict v = s->verdict({result(Mode::Sequential, 1.0, 1.0, 1), threads,
                                      result(Mode::PythonSequential, 2.0, 2.0, 1),
                                      result(Mode::PythonThreads, realThreads, realThreads)});
        QCOMPARE(v.answer, s->choices.at(choice));
        QVERIFY2(v.explanation.contains(u"31.5 ns"_s), qPrintable(v.explanation));
        QCOMPARE(v.evidence.size(), 3);
    }

    // Verdicts follow the numbers, whatever they are: the same scenario read from opposite
    // measurements gives opposite answers.
    void raceVerdictFollowsTheNumbers_data()
    {
        QTest::addColumn<double>("seq");
        QTest::addColumn<double>("thr");
        QTest::addColumn<double>("proc");
        QTest::addColumn<QString>("answer");
        QTest::newRow("threads fastest") << 4.0 << 0.5 << 0.6 << u"threads"_s;
        QTest::newRow("processes fastest") << 4.0 << 3.9 << 2.0 << u"processes"_s;
        QTest::newRow("sequential fastest") << 0.1 << 0.3 << 0.9 << u"sequential"_s;
    }
    void raceVerdictFollowsTheNumbers()
    {
        QFETCH(double, seq);
        QFETCH(double, thr);
        QFETCH(double, proc);
        QFETCH(QString, answer);
        const auto s = Scenario::byId(u"web-scraping"_s, 2);
        QVERIFY(s);
        const Verdict v = s->verdict({result(Mode::Sequential, seq, 0.01, 1),
                                      result(Mode::Threads, thr, 0.01), result(Mode::Processes, proc, 0.02)});
        QCOMPARE(v.answer, answer);
        QVERIFY(s->choices.contains(v.answer));
        QVERIFY2(v.explanation.contains(Units::seconds(seq)), qPrintable(v.explanation));
    }

    // Repeated runs: the verdict reads each mode's median run and gives the speed-up with its
    // uncertainty, as "1.95 ± 0.05".
    void raceVerdictCarriesItsUncertainty()
    {
        const auto s = Scenario::byId(u"race"_s, 2);
        QVERIFY(s);
        QList<RunResult> results;
        const QList<double> seq{1.00, 1.02, 0.98}, thr{0.50, 0.52, 0.49};
        for (int i = 0; i < 3; ++i) {
            RunResult a = result(Mode::Sequential, seq[i], 0.01, 1);
            RunResult b = result(Mode::Threads, thr[i], 0.01);
            a.repetition = b.repetition = i;
            results << a << b;
        }
        const Verdict v = s->verdict(results);
        QCOMPARE(v.answer, u"threads"_s);
        QVERIFY2(v.explanation.contains(u"median of 3"_s), qPrintable(v.explanation));
        QVERIFY2(v.explanation.contains(Units::seconds(0.50)), qPrintable(v.explanation)); // median run
        const QRegularExpressionMatch m =
            QRegularExpression(u"(\\d\\.\\d+) ± (\\d\\.\\d+)x as fast"_s).match(v.explanation);
        QVERIFY2(m.hasMatch(), qPrintable(v.explanation));
        QVERIFY(std::abs(m.captured(1).toDouble() - 2.0) < 0.05);
        QVERIFY(m.captured(2).toDouble() > 0.0);
        // One run each: no spread claimed.
        const Verdict once =
            s->verdict({result(Mode::Sequential, 1.0, 0.01, 1), result(Mode::Threads, 0.5, 0.01)});
        QVERIFY2(!once.explanation.contains(u"±"_s), qPrintable(once.explanation));
        QVERIFY2(once.explanation.contains(u"ran once"_s), qPrintable(once.explanation));
    }

    // The scenario runner asks for each experiment in turn and reads the verdict after the last;
    // a failure or the user's cancel ends it without one.
    void scenarioRunnerDrivesTheExperiments_data()
    {
        QTest::addColumn<int>("failAt"); // -1: none
        QTest::addColumn<bool>("userCancels");
        QTest::newRow("all three run: a verdict") << -1 << false;
        QTest::newRow("the second fails: stopped") << 1 << false;
        QTest::newRow("the user cancels the first: stopped") << -1 << true;
    }
    void scenarioRunnerDrivesTheExperiments()
    {
        QFETCH(int, failAt);
        QFETCH(bool, userCancels);
        const auto s = Scenario::byId(u"tiny-tasks"_s, 2);
        QVERIFY(s);
        QCOMPARE(s->experiments.size(), 3);
        ScenarioRunner runner;
        QList<int> requested;
        QSignalSpy verdicts(&runner, &ScenarioRunner::verdictReady);
        QSignalSpy stopped(&runner, &ScenarioRunner::stopped);
        connect(&runner, &ScenarioRunner::experimentRequested, this,
                [&](const Experiment &e, int index, int count) {
                    requested << index;
                    QCOMPARE(count, 3);
                    QCOMPARE(e, s->experiments.at(index));
                    // The client answers later, from its own event loop, as a real run would.
                    QTimer::singleShot(0, &runner, [&runner, e, index, failAt, userCancels] {
                        runner.experimentStarted();
                        const Mode mode = e.modes.first();
                        RunResult r = result(mode, 0.1 * (index + 1), 0.1, e.workers);
                        r.knobs = e.knobs;
                        const auto ending = index == failAt ? ScenarioRunner::Ending::Failed
                                            : userCancels   ? ScenarioRunner::Ending::Cancelled
                                                            : ScenarioRunner::Ending::Done;
                        runner.experimentEnded({r}, ending, u"worker 1 was killed"_s, userCancels);
                    });
                });
        runner.start(*s);
        QVERIFY(runner.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!runner.isRunning(), kPatienceMs);
        if (failAt < 0 && !userCancels) {
            QCOMPARE(requested, (QList<int>{0, 1, 2}));
            QCOMPARE(verdicts.size(), 1);
            QCOMPARE(stopped.size(), 0);
            QCOMPARE(verdicts.first().at(1).value<QList<RunResult>>().size(), 3);
            QVERIFY(s->choices.contains(verdicts.first().at(0).value<Verdict>().answer));
        } else {
            QCOMPARE(requested.size(), userCancels ? 1 : failAt + 1);
            QCOMPARE(verdicts.size(), 0);
            QCOMPARE(stopped.size(), 1);
            const QString why = stopped.first().at(0).toString();
            QVERIFY2(why.contains(userCancels ? u"cancelled"_s : u"worker 1 was killed"_s), qPrintable(why));
        }
    }

    void delaysVerdict()
    {
        const auto s = Scenario::byId(u"delays"_s);
        QVERIFY(s);
        RunResult r = result(Mode::Threads, 5.01, 0.0, 3);
        r.tasks = {task(0, 0, 5.0, 5.0), task(1, 0, 2.0, 2.0), task(2, 0, 3.0, 3.0)};
        Verdict v = s->verdict({r});
        QCOMPARE(v.answer, s->choices[1]);
        QVERIFY2(v.explanation.contains(u"2.0 s, 3.0 s, 5.0 s"_s), qPrintable(v.explanation));
        // Waits that did not overlap are reported as such.
        r.wallS = 10.02;
        v = s->verdict({r});
        QCOMPARE(v.answer, s->choices[2]);
    }

    void returnValuesVerdict()
    {
        const auto s = Scenario::byId(u"return-values"_s);
        QVERIFY(s);
        RunResult r = result(Mode::Threads, 1.0, 0.0);
        r.tasks = {task(0, 0, 0.3), task(1, 0, 0.1), task(2, 0, 0.2)};
        QCOMPARE(s->verdict({r}).answer, s->choices[1]);
        r.tasks = {task(0, 0, 0.1), task(1, 0, 0.2), task(2, 0, 0.3)};
        QCOMPARE(s->verdict({r}).answer, s->choices[0]);
    }

    void zombiesVerdict()
    {
        const auto s = Scenario::byId(u"zombies"_s);
        QVERIFY(s);
        RunResult r = result(Mode::Processes, 1.0, 0.5);
        r.cancelled = true;
        QCOMPARE(s->verdict({r}, {101, 102}, {}).answer, s->choices[1]);
        QCOMPARE(s->verdict({r}, {101, 102}, {102}).answer, s->choices[0]);
    }

    // Headless, end to end: the web-scraping quiz measured on this machine.
    void cliRunsAScenario()
    {
        QProcess p;
        p.start(QCoreApplication::applicationDirPath() + u"/wordrace-cli"_s,
                {u"scenario"_s, u"web-scraping"_s, u"--predict"_s, u"2"_s, u"--json"_s, u"-"_s});
        QVERIFY(p.waitForFinished(kPatienceMs));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject doc = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const QJsonObject s = doc[u"scenario"_s].toObject();
        QCOMPARE(s[u"id"_s].toString(), u"web-scraping"_s);
        QCOMPARE(s[u"prediction"_s].toString(), u"threads"_s);
        const QJsonArray runs = doc[u"runs"_s].toArray();
        QCOMPARE(runs.size(), 3);
        QHash<QString, double> wall;
        QHash<QString, int> overlap;
        for (const QJsonValue &r : runs) {
            const QString mode = r[u"mode"_s].toString();
            wall[mode] = r[u"wall_s"_s].toDouble();
            // The most tasks under way at one moment, from the run's own timeline.
            std::vector<std::pair<double, int>> edges;
            for (const QJsonValue &t : r[u"tasks"_s].toArray()) {
                edges.emplace_back(t[u"start_s"_s].toDouble(), +1);
                edges.emplace_back(t[u"end_s"_s].toDouble(), -1);
            }
            std::sort(edges.begin(), edges.end());
            int now = 0;
            for (const auto &[at, step] : edges)
                overlap[mode] = std::max(overlap[mode], now += step);
        }
        // Threads and processes both overlap the 100 ms waits (5 rounds of 8, against 40 in a row).
        // How much faster that makes them depends on the machine's load; that the waits overlap
        // does not.
        QCOMPARE(overlap[u"sequential"_s], 1);
        QVERIFY2(overlap[u"threads"_s] >= 2, qPrintable(QString::number(overlap[u"threads"_s])));
        QVERIFY2(overlap[u"processes"_s] >= 2, qPrintable(QString::number(overlap[u"processes"_s])));
        const QString answer = s[u"answer"_s].toString();
        const QString slower = answer == u"threads"_s ? u"processes"_s : u"threads"_s;
        QVERIFY2(answer == u"threads"_s || answer == u"processes"_s, qPrintable(answer));
        QVERIFY(wall[answer] <= wall[slower]); // the answer is the measured winner
    }

    void unknownScenarioIsBadUsage()
    {
        QProcess p;
        p.start(QCoreApplication::applicationDirPath() + u"/wordrace-cli"_s, {u"scenario"_s, u"nope"_s});
        QVERIFY(p.waitForFinished(kPatienceMs));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("no scenario"));
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
