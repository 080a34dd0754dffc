#include "backends/backend.h"
#include "engine/runner.h"
#include "kernel/emulatedgil.h"
#include "kernel/taskexecutor.h"
#include "patience.h"
#include "procscan.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <set>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace wordrace;

Q_DECLARE_METATYPE(wordrace::Mode)

namespace {

QList<RunResult> run(const Experiment &e, QStringList *failures = nullptr)
{
    Runner runner;
    QList<RunResult> results;
    QObject::connect(&runner, &Runner::runFinished, [&](quint64, const RunResult &r) { results.append(r); });
    QObject::connect(&runner, &Runner::runFailed, [&](quint64, const QString &why, Runner::FailureKind) {
        if (failures)
            failures->append(why);
    });
    QSignalSpy done(&runner, &Runner::experimentFinished);
    runner.start(e);
    done.wait(kPatienceMs);
    return results;
}

// The most tasks that were under way at one moment: how many workers really overlapped.
int peakOverlap(const QList<TaskRecord> &tasks)
{
    std::vector<std::pair<double, int>> edges;
    for (const TaskRecord &t : tasks) {
        edges.emplace_back(t.startS, +1);
        edges.emplace_back(t.endS, -1);
    }
    std::sort(edges.begin(), edges.end()); // an end before a start at the same instant
    int now = 0, peak = 0;
    for (const auto &[at, step] : edges)
        peak = std::max(peak, now += step);
    return peak;
}

const RunResult &byMode(const QList<RunResult> &results, Mode m)
{
    for (const RunResult &r : results)
        if (r.mode == m)
            return r;
    static RunResult none;
    return none;
}

} // namespace

// The lesson's conditions, recreated: each knob must change what is measured the way it claims.
class TestKnobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every label names what differs from plain counting, in one wording.
    void conditionsAreNamed_data()
    {
        QTest::addColumn<Knobs>("knobs");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain counting: nothing") << Knobs{} << QString();
        Knobs io;
        io.ioLatencyMs = 20;
        QTest::newRow("latency") << io << u"I/O 20 ms per task"_s;
        Knobs cpython;
        cpython.workPerWordNs = 95;
        cpython.gil = true;
        QTest::newRow("the lesson's CPU-bound quiz") << cpython << u"95 ns/word, emulated GIL"_s;
        Knobs tiny;
        tiny.spawn = Spawn::PerTask;
        tiny.transport = Transport::Pipe;
        tiny.start = Start::Fork;
        QTest::newRow("spawn, transport, start")
            << tiny
            << u"%1 spawn, %2 transport, %3 start"_s.arg(
                   spawnName(Spawn::PerTask), transportName(Transport::Pipe), startName(Start::Fork));
        Knobs pattern;
        pattern.latencyPatternMs = {5000, 2000, 3000};
        QTest::newRow("delays pattern") << pattern << u"I/O 5000/2000/3000 ms in turn"_s;
    }
    void conditionsAreNamed()
    {
        QFETCH(Knobs, knobs);
        QFETCH(QString, text);
        QCOMPARE(conditionsText(knobs), text);
    }

    void burnIsDeterministic()
    {
        QCOMPARE(TaskExecutor::burn(12345), TaskExecutor::burn(12345));
        QVERIFY(TaskExecutor::burn(12345) != TaskExecutor::burn(12346));
        QVERIFY(TaskExecutor::iterationsPerNs() > 0.0);
    }

    void gilAdmitsOneThreadAtATime()
    {
        EmulatedGil gil;
        std::atomic<int> inside{0};
        std::atomic<int> maxInside{0};
        auto worker = [&] {
            for (int i = 0; i < 200; ++i) {
                gil.acquire();
                const int now = ++inside;
                maxInside = std::max(maxInside.load(), now);
                TaskExecutor::burn(1000);
                --inside;
                gil.release();
            }
        };
        std::thread a(worker), b(worker), c(worker);
        a.join();
        b.join();
        c.join();
        QCOMPARE(maxInside.load(), 1);
    }

    // The web-scraping quiz: tasks that wait overlap on threads.
    void ioLatencyOverlapsOnThreads()
    {
        Experiment e;
        e.corpus = CorpusSpec::lesson(40);
        e.chunkLines = 3; // 40 tasks
        e.workers = 8;
        e.modes = {Mode::Sequential, Mode::Threads};
        e.knobs.ioLatencyMs = 50;
        const QList<RunResult> r = run(e);
        QCOMPARE(r.size(), 2);
        const RunResult &seq = byMode(r, Mode::Sequential);
        const RunResult &thr = byMode(r, Mode::Threads);
        QCOMPARE(seq.tasks.size(), 40);
        QVERIFY2(seq.wallS >= 40 * 0.050, qPrintable(QString::number(seq.wallS))); // the waits are real
        // Waits overlap on threads: several tasks under way at once (a fact of the timeline, not of
        // the machine's speed; how much faster that makes the run is the benchmark's business).
        QCOMPARE(peakOverlap(seq.tasks), 1);
        QVERIFY2(peakOverlap(thr.tasks) >= 2, qPrintable(QString::number(peakOverlap(thr.tasks))));
        QVERIFY(thr.overhead.ioS >= 40 * 0.050 * 0.99);
        QCOMPARE(seq.words, 440u);
        QCOMPARE(thr.words, 440u);
    }

    // The CPU-bound quiz: with the GIL, threads take turns to compute; processes each have their
    // own. Checked on the timeline, not by speed: a busy machine slows every mode, but it cannot
    // make two threads compute at once under one lock, nor make a process wait for another's.
    void gilSerializesThreadsNotProcesses()
    {
        Experiment e;
        e.corpus = CorpusSpec::lesson(200'000); // 2,200,000 words: about 0.2 s of emulated work
        e.workers = 2;
        e.knobs.workPerWordNs = 95;
        e.knobs.gil = true;
        const QList<RunResult> r = run(e);
        QCOMPARE(r.size(), 3);
        const RunResult &seq = byMode(r, Mode::Sequential);
        const RunResult &thr = byMode(r, Mode::Threads);
        const RunResult &proc = byMode(r, Mode::Processes);
        for (const RunResult &x : r) {
            QCOMPARE(x.words, 2'200'000u);
            QVERIFY(x.knobs.gil);
        }
        // The emulated work is real CPU time: about words x 95 ns in every mode (calibrated on the
        // thread's CPU clock, so a busy machine does not shrink it).
        for (const RunResult *x : {&seq, &thr, &proc})
            QVERIFY2(x->totalCpu().total() > 0.8 * 2'200'000 * 95e-9,
                     qPrintable(u"%1: %2 s"_s.arg(modeName(x->mode)).arg(x->totalCpu().total())));
        // Threads: both computed, took turns (waits for the GIL), and their computing, summed over
        // the tasks, fits in the run's wall time: one at a time.
        double computing = 0.0;
        std::set<int> threadWorkers;
        for (const TaskRecord &t : thr.tasks) {
            computing += t.computeS;
            threadWorkers.insert(t.worker);
        }
        QCOMPARE(threadWorkers.size(), std::size_t(2));
        QVERIFY(thr.overhead.gilWaitS > 0.0);
        QVERIFY2(computing <= thr.wallS * 1.01 + 0.002,
                 qPrintable(u"threads computed %1 s in %2 s of wall"_s.arg(computing).arg(thr.wallS)));
        // Processes: each worker has its own lock, so none ever waits for it.
        QCOMPARE(proc.overhead.gilWaitS, 0.0);
        for (const TaskRecord &t : proc.tasks)
            QCOMPARE(t.gilWaitS, 0.0);
    }

    void pipeTransportIsMeasured()
    {
        Experiment e;
        e.corpus = CorpusSpec::lesson(500'000);
        e.modes = {Mode::Processes};
        e.workers = 2;
        e.knobs.transport = Transport::Pipe;
        const QList<RunResult> piped = run(e);
        e.knobs.transport = Transport::Shared;
        const QList<RunResult> shared = run(e);
        QCOMPARE(piped.size(), 1);
        QCOMPARE(shared.size(), 1);
        QCOMPARE(piped.first().words, 5'500'000u);
        QVERIFY(piped.first().overhead.transferS > 0.0);
        QCOMPARE(shared.first().overhead.transferS, 0.0);
        QVERIFY(workerProcesses(QCoreApplication::applicationPid()).isEmpty());
    }

    void perTaskSpawn_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::newRow("threads") << Mode::Threads;
        QTest::newRow("processes") << Mode::Processes;
    }
    void perTaskSpawn()
    {
        QFETCH(Mode, mode);
        Experiment e;
        e.corpus = CorpusSpec::niceHat(10); // 30 strings
        e.chunkLines = 1;
        e.modes = {mode};
        e.workers = 3;
        e.knobs.spawn = Spawn::PerTask;
        QStringList failures;
        const QList<RunResult> r = run(e, &failures);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
        QCOMPARE(r.size(), 1);
        QCOMPARE(r.first().words, 110u);
        QCOMPARE(r.first().tasks.size(), 30);
        QVERIFY(r.first().startupS > 0.0); // thirty creations, summed
        QCOMPARE(r.first().workerNames.size(), 3);
        QVERIFY(workerProcesses(QCoreApplication::applicationPid()).isEmpty());
    }

    void absurdSpawnIsRefused()
    {
        Experiment e;
        e.corpus = CorpusSpec::lesson(100'000); // 300,000 strings
        e.chunkLines = 1;
        e.modes = {Mode::Threads};
        e.knobs.spawn = Spawn::PerTask;
        Runner runner;
        QSignalSpy failed(&runner, &Runner::runFailed);
        QSignalSpy done(&runner, &Runner::experimentFinished);
        runner.start(e);
        QVERIFY(done.wait(kPatienceMs));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().at(1).toString().contains(u"caps that at 100,000"_s),
                 qPrintable(failed.first().at(1).toString()));
        QCOMPARE(failed.first().at(2).value<Runner::FailureKind>(), Runner::FailureKind::BadInput);
    }

    void latencyPatternOrdersCompletion()
    {
        Experiment e;
        e.corpus = CorpusSpec::niceHat(1);
        e.chunkLines = 1;
        e.modes = {Mode::Threads};
        e.workers = 3;
        // Long against any scheduling delay in starting the three threads (they start together).
        e.knobs.latencyPatternMs = {2000, 800, 1200};
        const QList<RunResult> r = run(e);
        QCOMPARE(r.size(), 1);
        QList<TaskRecord> byEnd = r.first().tasks;
        std::sort(byEnd.begin(), byEnd.end(),
                  [](const TaskRecord &a, const TaskRecord &b) { return a.endS < b.endS; });
        QCOMPARE(byEnd.size(), 3);
        QCOMPARE(byEnd[0].task, 1); // the 200 ms one first
        QCOMPARE(byEnd[1].task, 2);
        QCOMPARE(byEnd[2].task, 0);
        QCOMPARE(peakOverlap(r.first().tasks), 3); // the waits overlapped
    }

    void cancelDuringLongWaits()
    {
        Experiment e;
        e.corpus = CorpusSpec::lesson(10);
        e.chunkLines = 3;
        e.modes = {Mode::Threads};
        e.workers = 2;
        e.knobs.ioLatencyMs = 60'000; // a minute per task
        Runner runner;
        QSignalSpy started(&runner, &Runner::runStarted);
        QSignalSpy done(&runner, &Runner::experimentFinished);
        runner.start(e);
        QVERIFY(started.wait(kPatienceMs));
        QElapsedTimer t;
        t.start();
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kPatienceMs);
        // Not the minute's wait: the waits are cut into slices that look at the cancel flag.
        QVERIFY2(t.elapsed() < 30000, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestKnobs)
#include "tst_knobs.moc"
