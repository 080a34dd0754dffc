#include "analysis/plausibility.h"
#include "clirun.h"
#include "engine/machineload.h"
#include "io/resultjson.h"
#include "kernel/clock.h"
#include "patience.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace wordrace;
using namespace Qt::StringLiterals;

namespace {

// A finished run of the lesson corpus (58 MB) with the given wall and CPU times.
RunResult run(Mode mode, int workers, double wallS, double cpuS, int repetition = 0)
{
    RunResult r;
    r.mode = mode;
    r.workers = workers;
    r.corpus = *CorpusSpec::parse(u"lesson"_s);
    r.corpusBytes = 58'000'000;
    r.words = 9'000'000;
    r.wallS = wallS;
    r.parentCpu = {cpuS, 0.0};
    r.repetition = repetition;
    return r;
}

// User plus system ticks a process has used (/proc/<pid>/stat).
qint64 cpuTicks(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = f.readAll();
    const QList<QByteArray> rest = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return rest.size() > 12 ? rest[11].toLongLong() + rest[12].toLongLong() : 0;
}

QStringList kinds(const RunResult &r)
{
    QStringList k;
    for (const RunWarning &w : r.warnings)
        k << w.kind;
    return k;
}

} // namespace

class TestPlausibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void speedupRule_data()
    {
        QTest::addColumn<double>("sequentialS");
        QTest::addColumn<double>("threadsS");
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("cores");
        QTest::addColumn<double>("ioLatencyMs");
        QTest::addColumn<bool>("flagged");
        // The first click: 0.222 s against 0.017 s on 2 cores.
        QTest::newRow("13x on 2 cores") << 0.222 << 0.017 << 2 << 2 << 0.0 << true;
        QTest::newRow("2.0x on 2 cores") << 0.040 << 0.020 << 2 << 2 << 0.0 << false;
        QTest::newRow("2.2x is the limit") << 0.0440 << 0.0201 << 2 << 2 << 0.0 << false;
        QTest::newRow("2.5x on 2 cores") << 0.050 << 0.020 << 2 << 2 << 0.0 << true;
        QTest::newRow("1 worker, 8x") << 0.222 << 0.028 << 1 << 2 << 0.0 << true;
        QTest::newRow("8 workers on 2 cores, 3x") << 0.060 << 0.020 << 8 << 2 << 0.0 << true;
        QTest::newRow("8 workers on 8 cores, 6x") << 0.120 << 0.020 << 8 << 8 << 0.0 << false;
        // Waits overlap: I/O-bound work can gain more than the cores.
        QTest::newRow("I/O-bound, 8x") << 0.800 << 0.100 << 8 << 2 << 20.0 << false;
        QTest::newRow("within noise") << 0.004 << 0.001 << 2 << 2 << 0.0 << false;
    }
    void speedupRule()
    {
        QFETCH(double, sequentialS);
        QFETCH(double, threadsS);
        QFETCH(int, workers);
        QFETCH(int, cores);
        QFETCH(double, ioLatencyMs);
        QFETCH(bool, flagged);
        QList<RunResult> runs{run(Mode::Sequential, 1, sequentialS, sequentialS),
                              run(Mode::Threads, workers, threadsS, sequentialS)};
        for (RunResult &r : runs)
            r.knobs.ioLatencyMs = ioLatencyMs;
        Plausibility::judge(runs, cores);
        QCOMPARE(kinds(runs[1]).contains(u"implausible-speedup"_s), flagged);
        QVERIFY(!kinds(runs[0]).contains(u"implausible-speedup"_s));
        if (flagged)
            QVERIFY2(runs[1].warnings.first().message.contains(u"faster than sequential"_s),
                     qPrintable(runs[1].warnings.first().message));
    }

    void slowCounting_data()
    {
        QTest::addColumn<double>("sequentialCpuS");
        QTest::addColumn<double>("threadsCpuS");
        QTest::addColumn<bool>("sequentialFlagged");
        QTest::addColumn<bool>("threadsFlagged");
        // The issue: sequential's CPU rose with its wall; the counting itself ran slowly.
        QTest::newRow("sequential 5x the CPU") << 0.200 << 0.040 << true << false;
        // Two threads may each count at half one core's rate (they share the memory bus): 4x is not that.
        QTest::newRow("threads 4x the CPU") << 0.040 << 0.160 << false << true;
        QTest::newRow("threads 2x the CPU: a shared bus") << 0.040 << 0.080 << false << false;
        QTest::newRow("alike") << 0.040 << 0.044 << false << false;
        QTest::newRow("1.5x: not far enough") << 0.040 << 0.060 << false << false;
        QTest::newRow("tiny, within noise") << 0.001 << 0.004 << false << false;
    }
    void slowCounting()
    {
        QFETCH(double, sequentialCpuS);
        QFETCH(double, threadsCpuS);
        QFETCH(bool, sequentialFlagged);
        QFETCH(bool, threadsFlagged);
        QList<RunResult> runs{run(Mode::Sequential, 1, sequentialCpuS, sequentialCpuS),
                              run(Mode::Threads, 2, threadsCpuS / 2, threadsCpuS)};
        Plausibility::judge(runs, 2);
        QCOMPARE(kinds(runs[0]).contains(u"slow-counting"_s), sequentialFlagged);
        QCOMPARE(kinds(runs[1]).contains(u"slow-counting"_s), threadsFlagged);
    }

    void perTaskProcessesAreNotSlowCounting()
    {
        // A new process per task spends CPU on purpose: that is the experiment, not a symptom.
        QList<RunResult> runs{run(Mode::Sequential, 1, 0.040, 0.040), run(Mode::Processes, 2, 0.300, 0.500)};
        for (RunResult &r : runs)
            r.knobs.spawn = Spawn::PerTask;
        Plausibility::judge(runs, 2);
        QVERIFY(!kinds(runs[1]).contains(u"slow-counting"_s));
    }

    void coldFirstRun()
    {
        QList<RunResult> runs{
            run(Mode::Sequential, 1, 0.200, 0.200, 0), run(Mode::Threads, 2, 0.021, 0.040, 0),
            run(Mode::Sequential, 1, 0.041, 0.041, 1), run(Mode::Threads, 2, 0.020, 0.040, 1),
            run(Mode::Sequential, 1, 0.040, 0.040, 2), run(Mode::Threads, 2, 0.020, 0.040, 2)};
        Plausibility::judge(runs, 2);
        QVERIFY(kinds(runs[0]).contains(u"cold-run"_s));
        for (int i = 1; i < runs.size(); ++i)
            QVERIFY2(!kinds(runs[i]).contains(u"cold-run"_s), qPrintable(QString::number(i)));
        // The median sequential (0.041 s) makes threads' 2x plausible: no speed-up warning.
        for (const RunResult &r : std::as_const(runs))
            QVERIFY(!kinds(r).contains(u"implausible-speedup"_s));
    }

    void judgingAgainReplacesButKeepsBusyMachine()
    {
        QList<RunResult> runs{run(Mode::Sequential, 1, 0.222, 0.222), run(Mode::Threads, 2, 0.017, 0.034)};
        runs[1].warnings.append(RunWarning{u"busy-machine"_s, u"other programs used 1.0 of 2 cores"_s});
        Plausibility::judge(runs, 2);
        Plausibility::judge(runs, 2);
        QCOMPARE(kinds(runs[1]).count(u"implausible-speedup"_s), 1);
        QCOMPARE(kinds(runs[1]).count(u"busy-machine"_s), 1);
    }

    void onlySameExperimentsCompare()
    {
        // A sequential run with a 20 ms latency says nothing about a CPU-bound threads run.
        QList<RunResult> runs{run(Mode::Sequential, 1, 0.222, 0.040), run(Mode::Threads, 2, 0.017, 0.034)};
        runs[0].knobs.ioLatencyMs = 20.0;
        Plausibility::judge(runs, 2);
        QVERIFY(runs[1].warnings.isEmpty());
    }

    void warningsRoundTripThroughJson()
    {
        QList<RunResult> runs{run(Mode::Sequential, 1, 0.222, 0.222), run(Mode::Threads, 2, 0.017, 0.034)};
        Plausibility::judge(runs, 2);
        const QJsonArray array =
            QJsonDocument::fromJson(ResultJson::serialize(runs)).object()[u"runs"_s].toArray();
        QCOMPARE(array.size(), 2);
        // The first click: sequential's counting ran slowly, and threads looks 13x faster.
        QCOMPARE(array[0].toObject()[u"warnings"_s].toArray()[0][u"kind"_s].toString(), u"slow-counting"_s);
        const QJsonArray w = array[1].toObject()[u"warnings"_s].toArray();
        QVERIFY(!w.isEmpty());
        QCOMPARE(w[0].toObject()[u"kind"_s].toString(), u"implausible-speedup"_s);
        const auto back = ResultJson::fromJson(array[1].toObject());
        QVERIFY(back);
        QCOMPARE(back->warnings, runs[1].warnings);
    }

    void machineLoad_data()
    {
        QTest::addColumn<double>("wallS");
        QTest::addColumn<double>("busyS"); // all cores' busy time from /proc/stat
        QTest::addColumn<double>("ownCpuS");
        QTest::addColumn<double>("waitS"); // the counting threads' run_delay, added up
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("othersBefore"); // other programs' runnable threads as the run started
        QTest::addColumn<int>("othersAfter");
        QTest::addColumn<bool>("busy");
        QTest::addColumn<QString>("says");
        // stress-ng --cpu 2 beside a 1 s sequential run on 2 cores: others take 1 core.
        QTest::newRow("stress beside a long run")
            << 1.0 << 2.0 << 1.0 << 0.5 << 1 << 2 << 2 << true << u"1.0 of 2 cores"_s;
        QTest::newRow("quiet long run") << 1.0 << 1.02 << 1.0 << 0.0 << 1 << 0 << 0 << false << QString();
        // 10 ms: /proc/stat's ticks cannot tell; two spinning programs are seen at both ends.
        QTest::newRow("short run beside two spinners")
            << 0.010 << 0.0 << 0.010 << 0.0 << 1 << 2 << 2 << true << u"2 thread(s)"_s;
        QTest::newRow("a spinner at one end only")
            << 0.010 << 0.0 << 0.010 << 0.0 << 1 << 1 << 0 << false << QString();
        // One other busy thread leaves a core to a sequential run: not disturbed.
        QTest::newRow("one other beside sequential")
            << 0.010 << 0.0 << 0.010 << 0.0 << 1 << 1 << 1 << false << QString();
        // Beside two threads it takes a core from them, which their waits show.
        QTest::newRow("one other beside two threads, no wait")
            << 0.010 << 0.0 << 0.020 << 0.0005 << 2 << 1 << 1 << false << QString();
        QTest::newRow("one other beside two threads, waited")
            << 0.010 << 0.0 << 0.020 << 0.004 << 2 << 1 << 1 << true << u"1 thread(s)"_s;
        // ... and then the counting's own waits tell whether it held a core.
        QTest::newRow("short run, waited half")
            << 0.020 << 0.0 << 0.020 << 0.020 << 2 << 1 << 0 << true << u"50%"_s;
        QTest::newRow("waited a third, another program there")
            << 0.020 << 0.0 << 0.020 << 0.010 << 2 << 1 << 0 << false << QString();
        // The scheduler starting both new threads on one core: waits, but no other program.
        QTest::newRow("waits without another program")
            << 0.010 << 0.0 << 0.010 << 0.005 << 2 << 0 << 0 << false << QString();
        QTest::newRow("short quiet run")
            << 0.020 << 0.0 << 0.040 << 0.0005 << 2 << 0 << 0 << false << QString();
        QTest::newRow("a wait within noise")
            << 0.002 << 0.0 << 0.001 << 0.0015 << 1 << 1 << 0 << false << QString();
        // 8 threads on 2 cores wait for each other: WordRace's own doing, not another program's.
        QTest::newRow("oversubscribed by WordRace")
            << 0.020 << 0.0 << 0.040 << 0.120 << 8 << 0 << 1 << false << QString();
    }
    void machineLoad()
    {
        QFETCH(double, wallS);
        QFETCH(double, busyS);
        QFETCH(double, ownCpuS);
        QFETCH(double, waitS);
        QFETCH(int, threads);
        QFETCH(int, othersBefore);
        QFETCH(int, othersAfter);
        QFETCH(bool, busy);
        QFETCH(QString, says);
        const double tick = 1.0 / double(::sysconf(_SC_CLK_TCK));
        const MachineLoad before{1000, 5000, othersBefore};
        const MachineLoad after{before.busyTicks + std::uint64_t(std::llround(busyS / tick)),
                                before.totalTicks + std::uint64_t(std::llround(2 * wallS / tick)),
                                othersAfter};
        OwnUse own{wallS, ownCpuS, threads, 2};
        own.countingCpuS = ownCpuS;
        own.countingWaitS = waitS;
        const auto w = busyMachineWarning(judgeLoad(before, after, own), own);
        QCOMPARE(w.has_value(), busy);
        if (w) {
            QCOMPARE(w->kind, u"busy-machine"_s);
            QVERIFY2(w->message.contains(says), qPrintable(w->message));
        }
    }

    // Who counts as another program: not this process's descendants (its workers, mpirun and the
    // ranks below it), not the kernel's threads; every other process's runnable threads do.
    void othersRunnable_data()
    {
        QTest::addColumn<QList<ProcessState>>("processes");
        QTest::addColumn<int>("others");
        const auto proc = [](qint64 pid, qint64 ppid, int runnable, bool kernel = false) {
            ProcessState p;
            p.pid = pid;
            p.ppid = ppid;
            p.runnable = runnable;
            p.kernel = kernel;
            return p;
        };
        // This process is 100.
        QTest::newRow("quiet") << QList<ProcessState>{proc(1, 0, 0), proc(100, 1, 3)} << 0;
        QTest::newRow("our workers") << QList<ProcessState>{proc(100, 1, 1), proc(101, 100, 1),
                                                            proc(102, 100, 1)}
                                     << 0;
        QTest::newRow("mpirun's ranks, grandchildren")
            << QList<ProcessState>{proc(100, 1, 1), proc(200, 100, 0), proc(201, 200, 1), proc(202, 200, 1)}
            << 0;
        QTest::newRow("kernel threads")
            << QList<ProcessState>{proc(2, 0, 0, true), proc(15, 2, 1, true), proc(100, 1, 1)} << 0;
        QTest::newRow("a compiler beside us")
            << QList<ProcessState>{proc(100, 1, 1), proc(300, 1, 1), proc(301, 300, 1)} << 2;
        QTest::newRow("our parent is not ours") << QList<ProcessState>{proc(50, 1, 1), proc(100, 50, 1)} << 1;
        QTest::newRow("a multi-threaded program")
            << QList<ProcessState>{proc(100, 1, 1), proc(400, 1, 4)} << 4;
    }
    void othersRunnable()
    {
        QFETCH(QList<ProcessState>, processes);
        QFETCH(int, others);
        QCOMPARE(wordrace::othersRunnable(std::vector<ProcessState>(processes.begin(), processes.end()), 100),
                 others);
    }

    void countingThreadsKnowTheirWait()
    {
        // The kernel keeps run_delay here; without it the busy check would have only /proc/stat.
        QVERIFY(threadRunDelayNs() >= 0);
    }

    void readsThisMachine()
    {
        const MachineLoad a = MachineLoad::now();
        QVERIFY(a.isValid());
        QVERIFY(a.busyTicks <= a.totalTicks);
    }

    void cliMarksRunsBesideAHog()
    {
        // Two processes spinning on the cores, as stress-ng --cpu 2 does: every run is marked.
        QList<QProcess *> hogs;
        for (int i = 0; i < 2; ++i) {
            auto *hog = new QProcess(this);
            hog->start(u"sh"_s, {u"-c"_s, u"while :; do :; done"_s});
            QVERIFY(hog->waitForStarted());
            hogs.append(hog);
        }
        // Both spinning before the first run starts.
        for (QProcess *hog : std::as_const(hogs))
            QTRY_VERIFY_WITH_TIMEOUT(cpuTicks(hog->processId()) >= 5, kPatienceMs);
        const CliRun r = runCli(
            {u"run"_s, u"--corpus"_s, u"lesson:3000000"_s, u"--workers"_s, u"2"_s, u"--json"_s, u"-"_s});
        for (QProcess *hog : std::as_const(hogs)) {
            hog->kill();
            hog->waitForFinished(kPatienceMs);
        }
        QCOMPARE(r.exitCode, 0);
        const QJsonArray runs = QJsonDocument::fromJson(r.out).object()[u"runs"_s].toArray();
        QCOMPARE(runs.size(), 3);
        for (const QJsonValue &v : runs) {
            bool marked = false;
            for (const QJsonValue &w : v[u"warnings"_s].toArray())
                marked = marked || w[u"kind"_s].toString() == u"busy-machine"_s;
            QVERIFY2(marked, qPrintable(v[u"mode"_s].toString() + u" run not marked"_s));
        }
        QVERIFY2(r.err.contains("busy-machine"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestPlausibility)
#include "tst_plausibility.moc"
