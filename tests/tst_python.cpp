#include "backends/pythonbackend.h"
#include "corpus/corpus.h"
#include "engine/runner.h"
#include "patience.h"
#include "procscan.h"

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wordrace;

Q_DECLARE_METATYPE(wordrace::Mode)
Q_DECLARE_METATYPE(wordrace::Start)

namespace {

struct Outcome
{
    QList<RunResult> results;
    QStringList failures;
    QList<Runner::FailureKind> kinds;
};

Outcome runToEnd(const Experiment &e)
{
    Runner runner;
    Outcome out;
    QObject::connect(&runner, &Runner::runFinished,
                     [&](quint64, const RunResult &r) { out.results.append(r); });
    QObject::connect(&runner, &Runner::runFailed, [&](quint64, const QString &why, Runner::FailureKind kind) {
        out.failures.append(why);
        out.kinds.append(kind);
    });
    QSignalSpy done(&runner, &Runner::experimentFinished);
    runner.start(e);
    if (!done.wait(kPatienceMs))
        qWarning("experiment did not finish in time");
    return out;
}

Experiment experiment(const CorpusSpec &corpus, const QList<Mode> &modes, int workers = 2)
{
    Experiment e;
    e.corpus = corpus;
    e.modes = modes;
    e.workers = workers;
    return e;
}

} // namespace

// The lesson's own code in CPython, measured as the C++ engines are (issue 19).
class TestPython : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = PythonBackend::checkAvailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
    }

    // str.split is the definition the engines follow: CPython must count exactly what they count,
    // odd bytes and Unicode whitespace included.
    void countsMatchTheEngines_data()
    {
        QTest::addColumn<QString>("corpus");
        QTest::addColumn<Mode>("mode");
        const QStringList corpora = {u"lesson:2000"_s,
                                     u"nicehat:300"_s,
                                     QFINDTESTDATA("data/multilingual.txt"),
                                     QFINDTESTDATA("data/unicode-whitespace.txt"),
                                     QFINDTESTDATA("data/invalid-utf8.bin"),
                                     QFINDTESTDATA("data/crlf.txt"),
                                     QFINDTESTDATA("data/whitespace-only.txt"),
                                     QFINDTESTDATA("data/empty.txt")};
        for (const QString &c : corpora)
            for (Mode m : pythonModes())
                QTest::addRow("%s %s", qPrintable(c.section(u'/', -1)), qPrintable(modeName(m))) << c << m;
    }
    void countsMatchTheEngines()
    {
        QFETCH(QString, corpus);
        QFETCH(Mode, mode);
        const auto spec = CorpusSpec::parse(corpus);
        QVERIFY(spec);
        const Outcome out = runToEnd(experiment(*spec, {Mode::Sequential, mode}));
        QVERIFY2(out.failures.isEmpty(), qPrintable(out.failures.join(u"; "_s)));
        QCOMPARE(out.results.size(), 2);
        QCOMPARE(out.results.at(1).mode, mode);
        QCOMPARE(out.results.at(1).words, out.results.at(0).words);
        QCOMPARE(out.results.at(1).tasks.size(), out.results.at(1).taskCount);
    }

    // The issue's own check: 2,200,000 words in each mode, two workers for threads and processes,
    // and for processes a parent's CPU (what %time saw) below the total.
    void lessonOnTwoWorkers()
    {
        const Outcome out =
            runToEnd(experiment(CorpusSpec::lesson(200'000),
                                {Mode::PythonSequential, Mode::PythonThreads, Mode::PythonProcesses}));
        QVERIFY2(out.failures.isEmpty(), qPrintable(out.failures.join(u"; "_s)));
        QCOMPARE(out.results.size(), 3);
        for (const RunResult &r : out.results) {
            QCOMPARE(r.words, 2'200'000u);
            QSet<int> workers;
            for (const TaskRecord &t : r.tasks) {
                workers.insert(t.worker);
                QVERIFY(t.endS >= t.startS);
                QVERIFY(t.startS >= 0.0);
                QVERIFY(t.endS <= r.wallS + 1e-3); // one clock: every task inside the run
            }
            QCOMPARE(workers.size(), isSequential(r.mode) ? 1 : 2);
            QCOMPARE(r.workerNames.size(), isSequential(r.mode) ? 1 : 2);
            QVERIFY(r.parentCpu.total() > 0.0);
        }
        const RunResult &processes = out.results.at(2);
        QVERIFY(!processes.workersInsideParent);
        QVERIFY(processes.workersCpu.total() > 0.0);
        QVERIFY(processes.parentCpu.total() < processes.totalCpu().total());
        // The start method the pool had, never "default".
        QVERIFY(processes.knobs.start != Start::Default);
        const RunResult &threads = out.results.at(1);
        double gilWait = 0.0;
        for (const TaskRecord &t : threads.tasks)
            gilWait += t.gilWaitS;
        QVERIFY(gilWait >= 0.0);
        QVERIFY(threads.workersInsideParent);
    }

    void startMethodIsHonoured_data()
    {
        QTest::addColumn<Start>("start");
        QTest::newRow("spawn") << Start::Spawn;
        QTest::newRow("forkserver") << Start::Forkserver;
        QTest::newRow("fork") << Start::Fork;
    }
    void startMethodIsHonoured()
    {
        QFETCH(Start, start);
        Experiment e = experiment(CorpusSpec::niceHat(100), {Mode::PythonProcesses});
        e.knobs.start = start;
        const Outcome out = runToEnd(e);
        QVERIFY2(out.failures.isEmpty(), qPrintable(out.failures.join(u"; "_s)));
        QCOMPARE(out.results.size(), 1);
        QCOMPARE(out.results.first().knobs.start, start);
        QCOMPARE(out.results.first().words, 1100u);
        QVERIFY(descendantProcesses(QCoreApplication::applicationPid()).isEmpty());
    }

    void threadPerString()
    {
        Experiment e = experiment(CorpusSpec::niceHat(100), {Mode::PythonThreads});
        e.knobs.spawn = Spawn::PerTask;
        e.chunkLines = 1; // the lesson's thread per string
        const Outcome out = runToEnd(e);
        QVERIFY2(out.failures.isEmpty(), qPrintable(out.failures.join(u"; "_s)));
        QCOMPARE(out.results.first().words, 1100u);
        QCOMPARE(out.results.first().tasks.size(), 300);
    }

    // Cancelled mid-run: the run ends cancelled with the tasks done so far, and no Python process,
    // pool workers included, is left.
    void cancelLeavesNoPythonProcess_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<Start>("start");
        for (Mode m : pythonModes())
            QTest::addRow("%s", qPrintable(modeName(m))) << m << Start::Default;
        QTest::newRow("processes, spawn") << Mode::PythonProcesses << Start::Spawn;
        QTest::newRow("processes, forkserver") << Mode::PythonProcesses << Start::Forkserver;
    }
    void cancelLeavesNoPythonProcess()
    {
        QFETCH(Mode, mode);
        QFETCH(Start, start);
        Experiment e = experiment(CorpusSpec::lesson(3'000'000), {mode});
        e.knobs.start = start;
        e.chunkLines = 200; // many small tasks: progress comes early, the run lasts
        Runner runner;
        QSignalSpy progress(&runner, &Runner::progressChanged);
        QSignalSpy finished(&runner, &Runner::runFinished);
        QSignalSpy done(&runner, &Runner::experimentFinished);
        runner.start(e);
        QTRY_VERIFY_WITH_TIMEOUT(
            !progress.isEmpty() && progress.last().at(1).value<RunProgress>().tasksDone > 0, kPatienceMs);
        runner.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kPatienceMs);
        QCOMPARE(done.first().at(1).toBool(), true);
        QCOMPARE(finished.size(), 1);
        const auto r = finished.first().at(1).value<RunResult>();
        QVERIFY(r.cancelled);
        QVERIFY(!r.tasks.isEmpty());
        QVERIFY(r.tasks.size() < r.taskCount);
        QVERIFY(descendantProcesses(QCoreApplication::applicationPid()).isEmpty());
    }

    // An exception in the harness fails the run with its message.
    void exceptionFailsTheRun()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"broken-harness.py"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "import sys\nsys.stdout.write('X ValueError: the harness broke on purpose\\n')\nsys.exit(1)\n");
        f.close();
        qputenv("WORDRACE_PYTHON_HARNESS", path.toLocal8Bit());
        const Outcome out = runToEnd(experiment(CorpusSpec::niceHat(10), {Mode::PythonSequential}));
        qunsetenv("WORDRACE_PYTHON_HARNESS");
        QCOMPARE(out.failures.size(), 1);
        QVERIFY2(out.failures.first().contains(u"the harness broke on purpose"_s),
                 qPrintable(out.failures.first()));
        QVERIFY(descendantProcesses(QCoreApplication::applicationPid()).isEmpty());
    }

    // Without python3 the modes are refused before anything runs, with a one-line reason.
    void missingPythonIsRefused()
    {
        qputenv("WORDRACE_PYTHON", "/nonexistent/python3");
        const QString why = PythonBackend::checkAvailable();
        const Outcome out =
            runToEnd(experiment(CorpusSpec::niceHat(10), {Mode::Sequential, Mode::PythonThreads}));
        qunsetenv("WORDRACE_PYTHON");
        QVERIFY(!why.isEmpty());
        QVERIFY(!why.contains(u'\n'));
        QCOMPARE(out.failures.size(), 1);
        QCOMPARE(out.kinds.first(), Runner::FailureKind::BadInput);
        QVERIFY(out.results.isEmpty()); // refused before the first mode ran
    }
};

QTEST_GUILESS_MAIN(TestPython)
#include "tst_python.moc"
