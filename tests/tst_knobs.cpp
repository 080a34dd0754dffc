#include "backend.h"
#include "emulatedgil.h"
#include "procscan.h"
#include "runner.h"
#include "taskexecutor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <thread>

using namespace Qt::StringLiterals;
using namespace wordrace;

Q_DECLARE_METATYPE(wordrace::Mode)

namespace {

// Sanitizer builds slow every process start by tens of milliseconds and distort timing; there the
// parallel speed-up is not asserted, only what does not depend on timing.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

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
    done.wait(120000);
    return results;
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
        QVERIFY2(thr.wallS < 0.5 * seq.wallS, qPrintable(u"%1 vs %2"_s.arg(thr.wallS).arg(seq.wallS)));
        QVERIFY(thr.overhead.ioS >= 40 * 0.050 * 0.99);
        QCOMPARE(seq.words, 440u);
        QCOMPARE(thr.words, 440u);
    }

    // The CPU-bound quiz: with the GIL, threads gain (almost) nothing; processes do.
    void gilSerializesThreadsNotProcesses()
    {
        if (QThread::idealThreadCount() < 2)
            QSKIP("needs two cores to show processes running in parallel");
        Experiment e;
        e.corpus = CorpusSpec::lesson(200'000); // 2,200,000 words: about 0.2 s of emulated work
        e.workers = 2;
        e.knobs.workPerWordNs = 95;
        e.knobs.gil = true;
        // A busy machine can steal the second core from one attempt; the claim is that processes
        // can run in parallel and threads under the GIL cannot, so the best of three attempts counts.
        double bestProcessSpeedup = 0.0;
        double worstThreadSpeedup = 0.0;
        for (int attempt = 0; attempt < (kSanitized ? 1 : 3) && bestProcessSpeedup <= 1.3; ++attempt) {
            const QList<RunResult> r = run(e);
            QCOMPARE(r.size(), 3);
            const RunResult &seq = byMode(r, Mode::Sequential);
            const RunResult &thr = byMode(r, Mode::Threads);
            const RunResult &proc = byMode(r, Mode::Processes);
            for (const RunResult &x : r) {
                QCOMPARE(x.words, 2'200'000u);
                QVERIFY(x.knobs.gil);
            }
            // The emulated work is real CPU time: about words x 95 ns in every mode.
            QVERIFY2(seq.totalCpu().total() > 0.5 * 2'200'000 * 95e-9,
                     qPrintable(QString::number(seq.totalCpu().total())));
            QVERIFY(thr.overhead.gilWaitS > 0.0);
            worstThreadSpeedup = std::max(worstThreadSpeedup, seq.wallS / thr.wallS);
            bestProcessSpeedup = std::max(bestProcessSpeedup, seq.wallS / proc.wallS);
        }
        QVERIFY2(worstThreadSpeedup < 1.15, qPrintable(u"threads %1x"_s.arg(worstThreadSpeedup)));
        if (kSanitized)
            QSKIP("sanitizer build: process start-up is too slow here to measure a speed-up");
        QVERIFY2(bestProcessSpeedup > 1.3, qPrintable(u"processes %1x"_s.arg(bestProcessSpeedup)));
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
        QVERIFY(done.wait(30000));
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
        e.knobs.latencyPatternMs = {500, 200, 300};
        const QList<RunResult> r = run(e);
        QCOMPARE(r.size(), 1);
        QList<TaskRecord> byEnd = r.first().tasks;
        std::sort(byEnd.begin(), byEnd.end(),
                  [](const TaskRecord &a, const TaskRecord &b) { return a.endS < b.endS; });
        QCOMPARE(byEnd.size(), 3);
        QCOMPARE(byEnd[0].task, 1); // the 200 ms one first
        QCOMPARE(byEnd[1].task, 2);
        QCOMPARE(byEnd[2].task, 0);
        QVERIFY(r.first().wallS < 0.5 + 0.2 + 0.3); // the waits overlapped
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
        QVERIFY(started.wait(10000));
        QTest::qWait(100);
        QElapsedTimer t;
        t.start();
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 5000);
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestKnobs)
#include "tst_knobs.moc"
