#include "backends/backendfactory.h"
#include "corpus/taskplanner.h"
#include "engine/runner.h"
#include "hugepageprobe.h"
#include "patience.h"
#include "procscan.h"
#include "referencecounter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace wordrace;

Q_DECLARE_METATYPE(wordrace::Mode)
Q_DECLARE_METATYPE(wordrace::Transport)
Q_DECLARE_METATYPE(wordrace::Start)

namespace {

struct Outcome
{
    QList<RunResult> results;
    QStringList failures;
    QString prepared; // the Runner's one-line summary of the corpus
    bool cancelled = false;
    bool finished = false;
};

// Runs an experiment through the Runner, as the GUI does, and collects what it reports.
Outcome runToEnd(const Experiment &e, int timeoutMs = kPatienceMs)
{
    Runner runner;
    Outcome out;
    QObject::connect(&runner, &Runner::runFinished,
                     [&](quint64, const RunResult &r) { out.results.append(r); });
    QObject::connect(&runner, &Runner::runFailed,
                     [&](quint64, const QString &why, Runner::FailureKind) { out.failures.append(why); });
    QObject::connect(&runner, &Runner::experimentPrepared,
                     [&](quint64, const QString &summary, const QStringList &) { out.prepared = summary; });
    QSignalSpy done(&runner, &Runner::experimentFinished);
    runner.start(e);
    if (!done.wait(timeoutMs))
        qWarning("experiment did not finish in time");
    if (!done.isEmpty()) {
        out.finished = true;
        out.cancelled = done.first().at(1).toBool();
    }
    return out;
}

std::uint64_t oracle(const CorpusSpec &spec)
{
    QString error;
    const auto corpus = Corpus::open(spec, &error);
    return corpus ? reference::countWords(corpus->bytes()) : ~0ull;
}

} // namespace

class TestBackends : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QCoreApplication::applicationDirPath() + u"/wordrace-worker"_s),
                 "wordrace-worker must be built next to the tests");
    }

    void countsMatchOracle_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<QString>("corpus");
        QTest::addColumn<int>("workers");
        QTest::addColumn<qulonglong>("chunk"); // 0: default
        QTest::addColumn<Start>("start");
        const QStringList corpora = {u"nicehat"_s,
                                     u"lesson:2000"_s,
                                     u"lesson:0"_s,
                                     QFINDTESTDATA("data/multilingual.txt"),
                                     QFINDTESTDATA("data/invalid-utf8.bin"),
                                     QFINDTESTDATA("data/unicode-whitespace.txt"),
                                     QFINDTESTDATA("data/crlf.txt"),
                                     QFINDTESTDATA("data/empty.txt"),
                                     QFINDTESTDATA("data/whitespace-only.txt"),
                                     QFINDTESTDATA("data/lesson-excerpt.txt")};
        for (Mode mode : allModes()) {
            for (const QString &c : corpora) {
                for (int workers : {1, 3}) {
                    for (qulonglong chunk : {0ull, 1ull}) {
                        QTest::addRow("%s %s w%d c%llu", qPrintable(modeName(mode)),
                                      qPrintable(QFileInfo(c).fileName()), workers, chunk)
                            << mode << c << workers << chunk << Start::Spawn;
                        if (mode == Mode::Processes)
                            QTest::addRow("processes forked %s w%d c%llu",
                                          qPrintable(QFileInfo(c).fileName()), workers, chunk)
                                << mode << c << workers << chunk << Start::Fork;
                    }
                }
            }
        }
        // Large enough for huge pages (64 MiB and more), so exec'd workers map the memfd whole
        // huge pages at a time, past the corpus's end into the zeros that fill its last one.
        for (int workers : {1, 3}) {
            QTest::addRow("processes lesson:1157050 (just over 64 MiB) w%d", workers)
                << Mode::Processes << u"lesson:1157050"_s << workers << 0ull << Start::Spawn;
            QTest::addRow("processes lesson:1200000 w%d c7777", workers)
                << Mode::Processes << u"lesson:1200000"_s << workers << 7777ull << Start::Spawn;
        }
    }
    void countsMatchOracle()
    {
        QFETCH(Mode, mode);
        QFETCH(QString, corpus);
        QFETCH(int, workers);
        QFETCH(qulonglong, chunk);
        QFETCH(Start, start);
        Experiment e;
        e.corpus = *CorpusSpec::parse(corpus);
        e.modes = {mode};
        e.workers = workers;
        e.knobs.start = start;
        if (chunk)
            e.chunkLines = chunk;
        const Outcome out = runToEnd(e);
        QVERIFY(out.finished);
        QVERIFY2(out.failures.isEmpty(), qPrintable(out.failures.join(u"; "_s)));
        QCOMPARE(out.results.size(), 1);
        const RunResult &r = out.results.first();
        QCOMPARE(r.mode, mode);
        QCOMPARE(r.words, oracle(e.corpus));
        QVERIFY(!r.cancelled);
        QCOMPARE(r.tasks.size(), r.taskCount);
        QCOMPARE(r.workers, mode == Mode::Sequential ? 1 : workers);
        QCOMPARE(r.workerNames.size(), r.workers);
        std::uint64_t words = 0, bytes = 0;
        QList<bool> seen(r.taskCount, false);
        for (const TaskRecord &t : r.tasks) {
            QVERIFY(t.worker >= 0 && t.worker < r.workers);
            QVERIFY(t.startS >= 0.0);
            QVERIFY(t.endS >= t.startS);
            QVERIFY(t.endS <= r.wallS);
            QVERIFY(!seen[t.task]);
            seen[t.task] = true;
            words += t.words;
            bytes += t.bytes;
        }
        QCOMPARE(words, r.words);
        QCOMPARE(bytes, r.corpusBytes);
        if (mode == Mode::Processes) {
            QVERIFY(!r.workersInsideParent);
            for (const QString &name : r.workerNames)
                QVERIFY2(name.startsWith(u"pid "_s), qPrintable(name));
            QVERIFY(workerProcesses(QCoreApplication::applicationPid()).isEmpty());
        } else {
            for (const QString &name : r.workerNames)
                QVERIFY2(name.startsWith(u"thread "_s), qPrintable(name));
        }
    }

    // The backends called directly on this thread, without the Runner's queued signals: the
    // suite ThreadSanitizer runs, since Qt's own event hand-over is invisible to it.
    // A generated corpus is in huge pages for every experiment but forked workers (they inherit
    // anonymous memory) and tiny corpora, and the summary says so.
    void corpusStorageFollowsTheWorkers_data()
    {
        QTest::addColumn<bool>("processes");
        QTest::addColumn<Transport>("transport");
        QTest::addColumn<Start>("start");
        QTest::addColumn<QString>("corpus");
        QTest::addColumn<bool>("huge");
        const QString big = u"lesson:1200000"_s;
        QTest::newRow("exec'd workers mapping it")
            << true << Transport::Shared << Start::Spawn << big << true;
        // Every mode reads the corpus in huge pages, workers or not, so that sequential and threads
        // measure the same beside processes as without them (issue 21).
        QTest::newRow("piped workers") << true << Transport::Pipe << Start::Spawn << big << true;
        QTest::newRow("forked workers (inherited)")
            << true << Transport::Shared << Start::Fork << big << false;
        QTest::newRow("no processes") << false << Transport::Shared << Start::Spawn << big << true;
        // No cliff in corpus size (issue 21): 5.8 MB is in huge pages too, half a megabyte not.
        QTest::newRow("a few megabytes")
            << true << Transport::Shared << Start::Spawn << u"lesson:100000"_s << true;
        QTest::newRow("below a megabyte")
            << true << Transport::Shared << Start::Spawn << u"lesson:10000"_s << false;
    }
    void corpusStorageFollowsTheWorkers()
    {
        QFETCH(bool, processes);
        QFETCH(Transport, transport);
        QFETCH(Start, start);
        QFETCH(QString, corpus);
        QFETCH(bool, huge);
        if (huge && !kernelCollapsesMemfds())
            QSKIP("this kernel does not collapse memfd pages into huge ones (MADV_COLLAPSE, Linux 6.1)");
        Experiment e;
        e.corpus = *CorpusSpec::parse(corpus);
        e.modes = processes ? QList<Mode>{Mode::Sequential, Mode::Processes} : QList<Mode>{Mode::Sequential};
        e.workers = 2;
        e.knobs.transport = transport;
        e.knobs.start = start;
        const Outcome out = runToEnd(e);
        QVERIFY(out.finished);
        QVERIFY2(out.failures.isEmpty(), qPrintable(out.failures.join(u"; "_s)));
        QVERIFY2(out.prepared.contains(u"prepared in"_s), qPrintable(out.prepared));
        QCOMPARE(out.prepared.contains(u"in 2 MiB pages"_s), huge);
        for (const RunResult &r : out.results)
            QCOMPARE(r.words, 11ull * e.corpus.repeat);
    }

    void directBackends_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<int>("workers");
        for (Mode m : allModes())
            for (int w : {1, 2, 4})
                QTest::addRow("%s w%d", qPrintable(modeName(m)), w) << m << w;
    }
    void directBackends()
    {
        QFETCH(Mode, mode);
        QFETCH(int, workers);
        QString error;
        const auto corpus = Corpus::open(CorpusSpec::lesson(200'000), &error);
        QVERIFY(corpus);
        const auto plan = TaskPlanner::plan(*corpus, workers, 500);
        QVERIFY(plan);
        RunContext context;
        context.corpus = corpus.get();
        context.plan = &*plan;
        context.workers = workers;
        context.cancel = std::make_shared<std::atomic_bool>(false);
        qsizetype reported = 0;
        context.progress = [&](const RunProgress &p) { reported += p.newTasks.size(); };
        const BackendOutcome out = BackendFactory::create(mode)->run(context);
        QVERIFY2(out.error.isEmpty(), qPrintable(out.error));
        QCOMPARE(out.result.words, 2'200'000u);
        QCOMPARE(out.result.tasks.size(), plan->tasks.size());
        QCOMPARE(reported, plan->tasks.size());
    }

    // A CPU-bound sequential run of a few milliseconds keeps its one core busy: its CPU, from the
    // kernel's exact clocks, covers the wall time it could run (the time it waited for a core,
    // its run_delay, is left out, so that a busy machine does not fail this).
    void sequentialRunKeepsOneCoreBusy_data()
    {
        QTest::addColumn<qulonglong>("repeat");
        QTest::newRow("about 2 ms") << 200'000ull;
        QTest::newRow("about 10 ms") << 1'000'000ull;
    }
    void sequentialRunKeepsOneCoreBusy()
    {
        QFETCH(qulonglong, repeat);
        QString error;
        const auto corpus = Corpus::open(CorpusSpec::lesson(repeat), &error);
        QVERIFY(corpus);
        const auto plan = TaskPlanner::plan(*corpus, 2, std::nullopt);
        QVERIFY(plan);
        RunContext context;
        context.corpus = corpus.get();
        context.plan = &*plan;
        context.workers = 1;
        context.cancel = std::make_shared<std::atomic_bool>(false);
        const BackendOutcome warm = BackendFactory::create(Mode::Sequential)->run(context); // pages, caches
        QVERIFY(warm.error.isEmpty());
        // The kernel charges a wait for a core when the thread gets one, so a wait that began
        // before the run counts whole: the waits are an upper bound on the time the run lost, and
        // wall less waits a lower bound on the time it ran. One thread is never more than one core
        // (CPU <= wall), and it must have counted through the time it surely ran (CPU >= wall less
        // waits). On a loaded machine the waits can cover the whole run and leave nothing to
        // check; the test waits for a run that mostly ran (the condition), however long the
        // machine takes to give it.
        for (int attempt = 1; attempt <= 50; ++attempt) {
            const BackendOutcome out = BackendFactory::create(Mode::Sequential)->run(context);
            QVERIFY2(out.error.isEmpty(), qPrintable(out.error));
            const RunResult &r = out.result;
            QVERIFY(r.countingWaitS && *r.countingWaitS >= 0.0);
            const double cpu = r.totalCpu().total();
            const QString figures = u"CPU %1 ms in %2 ms of wall (%3 ms waiting for a core)"_s.arg(cpu * 1e3)
                                        .arg(r.wallS * 1e3)
                                        .arg(*r.countingWaitS * 1e3);
            QVERIFY2(cpu <= r.wallS * 1.05 + 1e-3, qPrintable(figures));
            const double ran = r.wallS - *r.countingWaitS;
            if (ran < r.wallS * 0.7)
                continue;
            QVERIFY2(cpu >= ran * 0.95, qPrintable(figures));
            return;
        }
        QSKIP("every one of 50 runs waited for a core over 30% of its time: too busy a machine to tell "
              "a busy core from a waiting one");
    }

    void lessonCorpusAllModes()
    {
        // A tenth of the lesson's corpus keeps CI quick; the CLI test runs the full one.
        Experiment e;
        e.corpus = CorpusSpec::lesson(1'000'000);
        e.workers = 2;
        const Outcome out = runToEnd(e);
        QVERIFY2(out.failures.isEmpty(), qPrintable(out.failures.join(u"; "_s)));
        QCOMPARE(out.results.size(), 3);
        for (const RunResult &r : out.results) {
            QCOMPARE(r.words, 11'000'000u);
            QVERIFY(r.wallS > 0.0);
            QVERIFY(r.totalCpu().total() >= 0.0);
        }
        // Processes: the workers' CPU lives outside the parent and is added, not hidden.
        const RunResult &p = out.results.last();
        QCOMPARE(p.mode, Mode::Processes);
        QVERIFY(p.totalCpu().total() >= p.parentCpu.total());
        QVERIFY(p.workersCpu.total() > 0.0);
    }

    void progressArrivesWithTasks()
    {
        Experiment e;
        e.corpus = CorpusSpec::lesson(2'000'000);
        e.modes = {Mode::Sequential};
        e.chunkLines = 1000;
        Runner runner;
        qsizetype tasksSeen = 0;
        QObject::connect(&runner, &Runner::progressChanged,
                         [&](quint64, const RunProgress &p) { tasksSeen += p.newTasks.size(); });
        QSignalSpy done(&runner, &Runner::experimentFinished);
        runner.start(e);
        QVERIFY(done.wait(kPatienceMs));
        QCOMPARE(tasksSeen, qsizetype(6000)); // every task reported exactly once
    }

    void cancel_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<Start>("start");
        for (Mode m : allModes())
            QTest::addRow("%s", qPrintable(modeName(m))) << m << Start::Spawn;
        QTest::addRow("processes forked") << Mode::Processes << Start::Fork;
    }
    void cancel()
    {
        QFETCH(Mode, mode);
        QFETCH(Start, start);
        Experiment e;
        e.knobs.start = start;
        e.corpus = CorpusSpec::lesson(2'000'000);
        e.modes = {mode};
        e.workers = 2;
        e.chunkLines = 3;
        // A millisecond of I/O per task: minutes of run, so the cancel always finds it under way.
        e.knobs.ioLatencyMs = 1;
        Runner runner;
        QSignalSpy started(&runner, &Runner::runStarted);
        QSignalSpy finished(&runner, &Runner::runFinished);
        QSignalSpy done(&runner, &Runner::experimentFinished);
        runner.start(e);
        QVERIFY(started.wait(kPatienceMs));
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kPatienceMs);
        QCOMPARE(done.first().at(1).toBool(), true);
        QCOMPARE(finished.size(), 1);
        const auto r = finished.first().at(1).value<RunResult>();
        QVERIFY(r.cancelled);
        QVERIFY(r.tasks.size() < r.taskCount);
        QVERIFY(workerProcesses(QCoreApplication::applicationPid()).isEmpty());
    }

    // An automatic count fits the measured runs in about a second beyond the first round (warm-up
    // rounds included), between one and kAutoMaxRuns.
    void autoRunCount_data()
    {
        QTest::addColumn<double>("roundS");
        QTest::addColumn<int>("warmup");
        QTest::addColumn<int>("runs");
        QTest::newRow("fast rounds: the most") << 0.05 << 1 << Experiment::kAutoMaxRuns;
        QTest::newRow("0.3 s rounds, one warm-up") << 0.3 << 1 << 3;
        QTest::newRow("0.3 s rounds, no warm-up") << 0.3 << 0 << 3;
        QTest::newRow("0.25 s rounds, three warm-ups spend two") << 0.25 << 3 << 2;
        QTest::newRow("0.6 s rounds: one") << 0.6 << 1 << 1;
        QTest::newRow("slow rounds: still one") << 30.0 << 0 << 1;
        QTest::newRow("no time measured") << 0.0 << 1 << Experiment::kAutoMaxRuns;
    }
    void autoRunCount()
    {
        QFETCH(double, roundS);
        QFETCH(int, warmup);
        QFETCH(int, runs);
        QCOMPARE(Experiment::autoRuns(roundS, warmup), runs);
    }

    // The Runner says the count it chose, then runs exactly that many of each mode.
    void autoRunsRunWhatTheyChose()
    {
        Experiment e;
        e.corpus = CorpusSpec::niceHat(50);
        e.modes = {Mode::Sequential, Mode::Threads};
        e.workers = 2;
        e.runs = Experiment::kAutoRuns;
        e.warmup = 1;
        QVERIFY(e.validate().isEmpty());
        Runner runner;
        QSignalSpy chosen(&runner, &Runner::runCountChosen);
        QSignalSpy finished(&runner, &Runner::runFinished);
        QSignalSpy done(&runner, &Runner::experimentFinished);
        runner.start(e);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kPatienceMs);
        QCOMPARE(chosen.size(), 1);
        const int runs = chosen.first().at(1).toInt();
        QVERIFY(runs >= 1 && runs <= Experiment::kAutoMaxRuns);
        QCOMPARE(finished.size(), 2 * runs);
        QCOMPARE(finished.last().at(1).value<RunResult>().repetition, runs - 1);
    }

    // With a display, the next run waits for the last result to be drawn, so that drawing it
    // does not compete with the next run's workers; a display that never says so, or a cancel,
    // still ends the wait.
    void waitsForTheDisplayBetweenRuns_data()
    {
        QTest::addColumn<QString>("then");
        QTest::newRow("shown") << u"shown"_s;
        QTest::newRow("shown for an older job") << u"stale"_s;
        QTest::newRow("never shown") << u"never"_s;
        QTest::newRow("cancelled") << u"cancel"_s;
    }

    void waitsForTheDisplayBetweenRuns()
    {
        QFETCH(QString, then);
        Experiment e;
        e.corpus = CorpusSpec::lesson(2000);
        e.modes = {Mode::Sequential, Mode::Threads};
        e.workers = 2;
        Runner runner;
        // Told or cancelled, the runner must go on long before this wait would end by itself; a
        // display that never answers is waited for a short while.
        const bool answers = then != u"never"_s;
        runner.setDisplayWait(answers ? 600000 : 300);
        QSignalSpy started(&runner, &Runner::runStarted);
        QSignalSpy finished(&runner, &Runner::runFinished);
        QSignalSpy done(&runner, &Runner::experimentFinished);
        const quint64 job = runner.start(e);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, kPatienceMs);
        if (answers) {
            QTest::qWait(200);
            QCOMPARE(finished.size(), 0); // the run waits until its start is drawn
            runner.shown(job, 1);
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kPatienceMs);
        if (answers) {
            QTest::qWait(200);
            QCOMPARE(started.size(), 1); // the next one until this result is drawn
        }
        if (then == u"stale"_s) {
            runner.shown(job - 1, 2); // an older job's display does not count
            QTest::qWait(200);
            QCOMPARE(started.size(), 1);
        }
        if (then == u"shown"_s || then == u"stale"_s) {
            runner.shown(job, 2);
            QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, kPatienceMs);
            QTest::qWait(200);
            QCOMPARE(finished.size(), 1);
            runner.shown(job, 3);
        } else if (then == u"cancel"_s) {
            runner.cancel();
        }
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kPatienceMs);
        QCOMPARE(done.first().at(1).toBool(), then == u"cancel"_s);
        QCOMPARE(started.size(), then == u"cancel"_s ? 1 : 2);
        QCOMPARE(finished.size(), then == u"cancel"_s ? 1 : 2);
    }

    void missingWorkerIsReportedBeforeTheRun()
    {
        Experiment e;
        e.corpus = CorpusSpec::niceHat();
        e.modes = {Mode::Sequential, Mode::Processes};
        e.workerPath = u"/nonexistent/wordrace-worker"_s;
        const Outcome out = runToEnd(e);
        QCOMPARE(out.failures.size(), 1);
        QVERIFY2(out.failures.first().contains(u"missing"_s), qPrintable(out.failures.first()));
        QVERIFY(out.results.isEmpty()); // nothing ran
    }

    void workerThatIsNotAWorker_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("reason");
        QTest::newRow("exits at once") << u"/bin/false"_s << u"exited with status 1"_s;
        QTest::newRow("writes garbage") << u"garbage"_s << u"malformed"_s;
        QTest::newRow("hangs up at once") << u"eof"_s << u"exited with status 0 before it was ready"_s;
        QTest::newRow("speaks another protocol version") << u"version"_s << u"protocol version 99"_s;
        QTest::newRow("never answers") << u"silent"_s << u"did not start within"_s;
    }
    void workerThatIsNotAWorker()
    {
        QFETCH(QString, program);
        QFETCH(QString, reason);
        // Stand-ins for a broken worker binary: shell scripts that misbehave in one way each.
        QTemporaryDir dir;
        const QHash<QString, QByteArray> scripts = {
            {u"garbage"_s,
             "#!/bin/sh\necho 'this is not the WordRace protocol at all'\nexec cat >/dev/null\n"},
            {u"eof"_s, "#!/bin/sh\nexit 0\n"},
            // A well-formed Ready header that claims protocol version 99.
            {u"version"_s,
             "#!/bin/sh\nprintf '\\127\\122\\120\\061\\002\\000\\143\\000\\030\\000\\000\\000'\n"
             "head -c 24 /dev/zero\nexec cat >/dev/null\n"},
            {u"silent"_s, "#!/bin/sh\nexec sleep 60\n"},
        };
        if (scripts.contains(program)) {
            const QString script = dir.filePath(program);
            QFile f(script);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(scripts.value(program));
            f.close();
            QVERIFY(
                f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
            program = script;
        }
        Experiment e;
        e.corpus = CorpusSpec::niceHat();
        e.modes = {Mode::Processes};
        e.workers = 2;
        e.workerPath = program;
        e.taskTimeoutS = 1.0;
        const Outcome out = runToEnd(e);
        QVERIFY(out.finished);
        QCOMPARE(out.failures.size(), 1);
        QVERIFY2(out.failures.first().contains(reason), qPrintable(out.failures.first()));
        QVERIFY2(out.failures.first().contains(u"worker"_s), qPrintable(out.failures.first()));
        QVERIFY(workerProcesses(QCoreApplication::applicationPid()).isEmpty());
    }

    // Both transports: with the pipe, the feeder thread is in the middle of writing a task's
    // bytes when the worker goes, and must neither hang the run nor kill the parent (SIGPIPE).
    static void transports()
    {
        QTest::addColumn<Transport>("transport");
        QTest::addColumn<qint64>("chunkLines");
        QTest::addColumn<double>("ioLatencyMs");
        QTest::addColumn<Start>("start");
        QTest::newRow("shared corpus, tiny tasks") << Transport::Shared << qint64(3) << 0.0 << Start::Spawn;
        // 40 tasks of 3 MB, each after a 40 ms wait: the next task's bytes fill the pipe meanwhile.
        QTest::newRow("pipe, 3 MB tasks") << Transport::Pipe << qint64(150'000) << 40.0 << Start::Spawn;
        QTest::newRow("forked, tiny tasks") << Transport::Shared << qint64(3) << 0.0 << Start::Fork;
    }

    void workerKilledMidRun_data() { transports(); }
    void workerKilledMidRun()
    {
        QFETCH(Transport, transport);
        QFETCH(qint64, chunkLines);
        QFETCH(double, ioLatencyMs);
        QFETCH(Start, start);
        Experiment e;
        e.corpus = CorpusSpec::lesson(2'000'000);
        e.knobs.ioLatencyMs = ioLatencyMs;
        e.knobs.start = start;
        e.modes = {Mode::Processes};
        e.workers = 2;
        e.chunkLines = chunkLines; // long enough to be caught mid-run
        e.knobs.transport = transport;
        Runner runner;
        QStringList failures;
        QObject::connect(&runner, &Runner::runFailed,
                         [&](quint64, const QString &why, Runner::FailureKind) { failures.append(why); });
        QSignalSpy started(&runner, &Runner::runStarted);
        QSignalSpy done(&runner, &Runner::experimentFinished);
        runner.start(e);
        QVERIFY(started.wait(kPatienceMs));
        QList<qint64> workers;
        QTRY_VERIFY_WITH_TIMEOUT(!(workers = workerProcesses(QCoreApplication::applicationPid())).isEmpty(),
                                 kPatienceMs);
        // Killed before or after its Ready, the worker is named by its pid.
        ::kill(pid_t(workers.first()), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kPatienceMs);
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.first().contains(u"pid %1"_s.arg(workers.first())), qPrintable(failures.first()));
        QVERIFY2(failures.first().contains(u"killed"_s), qPrintable(failures.first()));
        QVERIFY(workerProcesses(QCoreApplication::applicationPid()).isEmpty());
    }

    void hungWorkerHitsTheTaskTimeout_data() { transports(); }
    void hungWorkerHitsTheTaskTimeout()
    {
        QFETCH(Transport, transport);
        QFETCH(qint64, chunkLines);
        QFETCH(double, ioLatencyMs);
        QFETCH(Start, start);
        Experiment e;
        e.corpus = CorpusSpec::lesson(2'000'000);
        e.knobs.ioLatencyMs = ioLatencyMs * 5; // the pipe's 40 tasks last 4 s: still under way when stopped
        e.knobs.start = start;
        e.modes = {Mode::Processes};
        e.workers = 2;
        e.chunkLines = chunkLines;
        e.knobs.transport = transport;
        e.taskTimeoutS = 2.0;
        Runner runner;
        QStringList failures;
        QObject::connect(&runner, &Runner::runFailed,
                         [&](quint64, const QString &why, Runner::FailureKind) { failures.append(why); });
        // Both workers ready and counting: each is named by its pid in the progress.
        bool counting = false;
        QObject::connect(&runner, &Runner::progressChanged, [&](quint64, const RunProgress &p) {
            counting = counting || (p.tasksDone > 0 && p.workerNames.size() == 2 &&
                                    std::all_of(p.workerNames.begin(), p.workerNames.end(),
                                                [](const QString &n) { return n.contains(u"pid"_s); }));
        });
        QSignalSpy done(&runner, &Runner::experimentFinished);
        runner.start(e);
        QTRY_VERIFY_WITH_TIMEOUT(counting || !done.isEmpty(), kPatienceMs);
        QVERIFY2(done.isEmpty(), qPrintable(failures.join(u'\n')));
        // Alive but silent, as workers stuck in a loop. Both, so that the one whose task times out
        // first is one of them, however the machine schedules the other.
        const QList<qint64> workers = workerProcesses(QCoreApplication::applicationPid());
        QCOMPARE(workers.size(), 2);
        for (qint64 w : workers)
            ::kill(pid_t(w), SIGSTOP);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kPatienceMs);
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.first().contains(u"task timeout"_s), qPrintable(failures.first()));
        QVERIFY2(failures.first().contains(u"pid %1"_s.arg(workers.first())) ||
                     failures.first().contains(u"pid %1"_s.arg(workers.last())),
                 qPrintable(failures.first()));
        QVERIFY(workerProcesses(QCoreApplication::applicationPid()).isEmpty());
    }

    // A memory-mapped file that shrinks under the run raises SIGBUS; it must become an error.
    void sigbus_data()
    {
        QTest::addColumn<Mode>("mode");
        for (Mode m : allModes())
            QTest::addRow("%s", qPrintable(modeName(m))) << m;
    }
    void sigbus()
    {
        QFETCH(Mode, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"shrinking.txt"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.write("some words here\n"_ba.repeated(1 << 19)) > 0); // 8 MiB
        f.close();
        QString error;
        const auto corpus = Corpus::open(CorpusSpec::file(path), &error);
        QVERIFY2(corpus, qPrintable(error));
        const auto plan = TaskPlanner::plan(*corpus, 2, std::nullopt);
        QVERIFY(plan);
        QVERIFY(f.resize(0)); // another program truncates the file
        RunContext context;
        context.corpus = corpus.get();
        context.plan = &*plan;
        context.workers = 2;
        context.cancel = std::make_shared<std::atomic_bool>(false);
        const BackendOutcome out = BackendFactory::create(mode)->run(context);
        QVERIFY2(out.error.contains(u"shrank"_s), qPrintable(out.error));
        QVERIFY(workerProcesses(QCoreApplication::applicationPid()).isEmpty());
    }

    void badExperiments_data()
    {
        QTest::addColumn<int>("workers");
        QTest::addColumn<qulonglong>("chunk");
        QTest::addColumn<QString>("corpus");
        QTest::addColumn<QString>("reason");
        QTest::newRow("zero workers") << 0 << 0ull << u"nicehat"_s << u"--workers"_s;
        QTest::newRow("absurd workers") << 100000 << 0ull << u"nicehat"_s << u"--workers"_s;
        QTest::newRow("zero chunk") << 2 << 0ull << u"nicehat"_s << u"--chunk"_s;
        QTest::newRow("missing file") << 2 << 1ull << u"/nonexistent/x.txt"_s << u"no such file"_s;
        QTest::newRow("directory") << 2 << 1ull << u"/tmp"_s << u"directory"_s;
    }
    void badExperiments()
    {
        QFETCH(int, workers);
        QFETCH(qulonglong, chunk);
        QFETCH(QString, corpus);
        QFETCH(QString, reason);
        Experiment e;
        e.corpus = *CorpusSpec::parse(corpus);
        e.workers = workers;
        e.chunkLines = chunk;
        Runner runner;
        QSignalSpy failed(&runner, &Runner::runFailed);
        QSignalSpy done(&runner, &Runner::experimentFinished);
        runner.start(e);
        QVERIFY(done.wait(kPatienceMs));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().at(1).toString().contains(reason),
                 qPrintable(failed.first().at(1).toString()));
        QCOMPARE(failed.first().at(2).value<Runner::FailureKind>(), Runner::FailureKind::BadInput);
    }

    void staleJobsAreNewJobs()
    {
        Runner runner;
        Experiment e;
        e.corpus = CorpusSpec::lesson(500'000);
        QSignalSpy done(&runner, &Runner::experimentFinished);
        const quint64 first = runner.start(e);
        const quint64 second = runner.start(e); // cancels the first
        QVERIFY(second != first);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, kPatienceMs);
        QCOMPARE(done.at(0).at(0).toULongLong(), first);
        QCOMPARE(done.at(0).at(1).toBool(), true);
        QCOMPARE(done.at(1).at(0).toULongLong(), second);
        QCOMPARE(done.at(1).at(1).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestBackends)
#include "tst_backends.moc"
