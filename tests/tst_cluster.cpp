#include "backends/clusterbackend.h"
#include "engine/runner.h"
#include "patience.h"
#include "referencecounter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <set>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

struct Outcome
{
    QList<RunResult> results;
    QStringList failures;
    bool cancelled = false;
    bool finished = false;
    RunProgress progress; // the latest
};

std::uint64_t oracle(const CorpusSpec &spec)
{
    QString error;
    const auto corpus = Corpus::open(spec, &error);
    return corpus ? reference::countWords(corpus->bytes()) : ~0ull;
}

QByteArray procFile(qint64 pid, const char *name)
{
    QFile f(u"/proc/%1/%2"_s.arg(pid).arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Parent pid and command name of a process, from /proc/PID/stat.
std::pair<qint64, QByteArray> statOf(qint64 pid)
{
    const QByteArray line = procFile(pid, "stat");
    const qsizetype open = line.indexOf('('), close = line.lastIndexOf(')');
    if (open < 0 || close < 0)
        return {0, {}};
    const QList<QByteArray> rest = line.mid(close + 2).split(' ');
    return {rest.size() > 1 ? rest[1].toLongLong() : 0, line.mid(open + 1, close - open - 1)};
}

QList<qint64> allPids()
{
    QList<qint64> pids;
    for (const QString &e : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const qint64 pid = e.toLongLong(&ok);
        if (ok)
            pids.append(pid);
    }
    return pids;
}

// Live MPI ranks anywhere on the machine (the kernel keeps 15 characters of the name): a rank
// orphaned by a dead mpirun is reparented away from us, so the whole machine is searched.
QList<qint64> rankProcesses()
{
    QList<qint64> found;
    for (qint64 pid : allPids())
        if (statOf(pid).second == "wordrace-mpi-wo")
            found.append(pid);
    return found;
}

// The MPI rank number of a rank process, from the environment mpirun gave it.
int rankOf(qint64 pid)
{
    for (const QByteArray &kv : procFile(pid, "environ").split('\0'))
        if (kv.startsWith("OMPI_COMM_WORLD_RANK="))
            return kv.mid(21).toInt();
    return -1;
}

qint64 childNamed(const QByteArray &name)
{
    const qint64 self = QCoreApplication::applicationPid();
    for (qint64 pid : allPids())
        if (const auto [parent, comm] = statOf(pid); parent == self && comm == name)
            return pid;
    return 0;
}

Experiment clusterExperiment(const CorpusSpec &corpus, int workers = 2)
{
    Experiment e;
    e.corpus = corpus;
    e.modes = {Mode::Cluster};
    e.workers = workers;
    return e;
}

// Long enough to kill or cancel in the middle: 60 tasks of 300 ms each, on two ranks (9 s).
Experiment slowExperiment()
{
    Experiment e = clusterExperiment(CorpusSpec::lesson(200));
    e.chunkLines = 10;
    e.knobs.ioLatencyMs = 300;
    return e;
}

class RunnerHarness
{
public:
    explicit RunnerHarness(const Experiment &e)
    {
        QObject::connect(&m_runner, &Runner::runFinished,
                         [this](quint64, const RunResult &r) { m_out.results.append(r); });
        QObject::connect(
            &m_runner, &Runner::runFailed,
            [this](quint64, const QString &why, Runner::FailureKind) { m_out.failures.append(why); });
        QObject::connect(&m_runner, &Runner::progressChanged,
                         [this](quint64, const RunProgress &p) { m_out.progress = p; });
        QObject::connect(&m_runner, &Runner::experimentFinished, [this](quint64, bool cancelled) {
            m_out.finished = true;
            m_out.cancelled = cancelled;
        });
        m_runner.start(e);
    }
    Runner &runner() { return m_runner; }
    const Outcome &outcome() const { return m_out; }

private:
    Runner m_runner;
    Outcome m_out;
};

// Both ranks running, or the reason why they never will.
bool waitForRanks(const RunnerHarness &h)
{
    QElapsedTimer t;
    t.start();
    while (rankProcesses().size() != 2) {
        if (h.outcome().finished || t.elapsed() > kPatienceMs) {
            qWarning("ranks never ran: %s", qPrintable(h.outcome().failures.join(u'\n')));
            return false;
        }
        QTest::qWait(20);
    }
    return true;
}

// Both ranks counting: rank 0 has reported every rank (their names carry their pids) and a first
// chunk is done. What a kill or a cancel "in the middle of the run" needs, however slow the start.
bool waitForCounting(const RunnerHarness &h)
{
    QElapsedTimer t;
    t.start();
    const auto counting = [&] {
        const RunProgress &p = h.outcome().progress;
        return p.tasksDone >= 1 && p.workerNames.size() == 2 &&
               std::all_of(p.workerNames.begin(), p.workerNames.end(),
                           [](const QString &name) { return name.contains(u"(pid "_s); });
    };
    while (!counting()) {
        if (h.outcome().finished || t.elapsed() > kPatienceMs) {
            qWarning("ranks never counted: %s", qPrintable(h.outcome().failures.join(u'\n')));
            return false;
        }
        QTest::qWait(20);
    }
    return true;
}

} // namespace

class TestCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!ClusterBackend::isBuilt())
            QSKIP("cluster mode not built: install libopenmpi-dev and rebuild");
        const QString why = ClusterBackend::checkAvailable({});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        // Running as root, mpirun wants both of these (the backend also passes --allow-run-as-root).
        qputenv("OMPI_ALLOW_RUN_AS_ROOT", "1");
        qputenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
    }

    void cleanup() { QTRY_VERIFY_WITH_TIMEOUT(rankProcesses().isEmpty(), kPatienceMs); }

    void countsMatchOracle_data()
    {
        QTest::addColumn<QString>("corpus");
        QTest::addColumn<int>("schedule");
        QTest::addColumn<qulonglong>("chunk"); // 0: Pool.map's default
        const QList<std::pair<const char *, QString>> corpora = {
            {"nicehat", u"nicehat"_s},
            {"lesson:2000", u"lesson:2000"_s},
            {"multilingual", QFINDTESTDATA("data/multilingual.txt")},
            {"invalid-utf8", QFINDTESTDATA("data/invalid-utf8.bin")},
            {"unicode-whitespace", QFINDTESTDATA("data/unicode-whitespace.txt")},
            {"lesson-excerpt", QFINDTESTDATA("data/lesson-excerpt.txt")},
            {"empty", QFINDTESTDATA("data/empty.txt")},
        };
        for (const auto &[name, spec] : corpora)
            QTest::addRow("%s dynamic", name) << spec << int(ClusterSchedule::Dynamic) << 0ull;
        QTest::addRow("lesson-excerpt static")
            << QFINDTESTDATA("data/lesson-excerpt.txt") << int(ClusterSchedule::Static) << 0ull;
        QTest::addRow("lesson:2000 static, 7-line chunks")
            << u"lesson:2000"_s << int(ClusterSchedule::Static) << 7ull;
        QTest::addRow("lesson:2000 dynamic, 7-line chunks")
            << u"lesson:2000"_s << int(ClusterSchedule::Dynamic) << 7ull;
    }

    void countsMatchOracle()
    {
        QFETCH(QString, corpus);
        QFETCH(int, schedule);
        QFETCH(qulonglong, chunk);
        const auto spec = CorpusSpec::parse(corpus);
        QVERIFY(spec);
        Experiment e = clusterExperiment(*spec);
        e.cluster.schedule = ClusterSchedule(schedule);
        if (chunk)
            e.chunkLines = chunk;
        RunnerHarness h(e);
        QTRY_VERIFY_WITH_TIMEOUT(h.outcome().finished, kPatienceMs);
        QVERIFY2(h.outcome().failures.isEmpty(), qPrintable(h.outcome().failures.join(u'\n')));
        QCOMPARE(h.outcome().results.size(), 1);
        const RunResult &r = h.outcome().results.first();
        QCOMPARE(r.mode, Mode::Cluster);
        QCOMPARE(r.words, oracle(*spec));
        QVERIFY(!r.cancelled);

        // The timeline: every planned task exactly once, each on a rank, on the run's time axis.
        QCOMPARE(r.tasks.size(), r.taskCount);
        std::set<std::int64_t> indices;
        std::set<int> ranks;
        std::uint64_t sum = 0;
        for (const TaskRecord &t : r.tasks) {
            indices.insert(t.task);
            ranks.insert(t.worker);
            sum += t.words;
            QVERIFY(t.worker >= 0 && t.worker < 2);
            QVERIFY2(t.startS >= 0 && t.startS <= t.endS && t.endS <= r.wallS,
                     qPrintable(
                         u"task %1: %2..%3 s of %4 s"_s.arg(t.task).arg(t.startS).arg(t.endS).arg(r.wallS)));
        }
        QCOMPARE(qsizetype(indices.size()), r.taskCount);
        QCOMPARE(sum, r.words);
        if (e.cluster.schedule == ClusterSchedule::Static && r.taskCount >= 2)
            QCOMPARE(ranks.size(), std::size_t(2)); // rank r takes tasks r, r + 2, ...
        QCOMPARE(r.workerNames.size(), 2);
        QVERIFY2(r.workerNames.at(1).startsWith(u"rank 1 @"_s), qPrintable(r.workerNames.at(1)));
        QCOMPARE(r.clusterHosts.size(), 2);

        // The measurements the other modes have: clocks, CPU, and where the time went.
        QVERIFY(r.clockAlignmentErrorS.has_value());
        // An upper bound, in seconds: half the best round trip, far below a second even on a loaded machine.
        QVERIFY(*r.clockAlignmentErrorS >= 0 && *r.clockAlignmentErrorS < 1.0);
        QVERIFY(!r.workersInsideParent);
        QVERIFY(r.workersCpu.total() > 0);
        QVERIFY(r.startupS > 0 && r.startupS < r.wallS);
        QCOMPARE(r.overhead.startupS, r.startupS);
        if (r.words > 0)
            QVERIFY(r.overhead.computeS > 0);
        QVERIFY(r.overhead.gatherS > 0);
    }

    // Rank 0 hands tasks out to whoever asks: the waits for it are the distribution cost.
    void dynamicScheduleRecordsDistribution()
    {
        Experiment e = clusterExperiment(CorpusSpec::lesson(2000));
        e.chunkLines = 30; // 200 tasks
        e.knobs.ioLatencyMs = 1;
        RunnerHarness h(e);
        QTRY_VERIFY_WITH_TIMEOUT(h.outcome().finished, kPatienceMs);
        QVERIFY2(h.outcome().failures.isEmpty(), qPrintable(h.outcome().failures.join(u'\n')));
        const RunResult &r = h.outcome().results.first();
        QCOMPARE(r.tasks.size(), 200);
        QCOMPARE(r.words, oracle(e.corpus));
        double rank1Wait = 0;
        int rank1Tasks = 0;
        for (const TaskRecord &t : r.tasks)
            if (t.worker == 1) {
                rank1Wait += t.transferS;
                ++rank1Tasks;
            }
        // Each of rank 1's tasks waited for a message from rank 0; rank 0's own never do.
        QVERIFY(rank1Tasks > 0);
        QVERIFY(rank1Wait > 0);
        QVERIFY(r.overhead.transferS > 0);
        QVERIFY(r.overhead.ioS >= 0.2 * 0.9);
    }

    // Rank 0 on another machine has a clock of its own: the parent pins it to its own clock when
    // rank 0's ready line arrives, and the timeline must still fall within the run.
    void rankZeroOnAnotherClock()
    {
        qputenv("WORDRACE_MPI_BOOT_ID", "another-machine");
        Experiment e = clusterExperiment(CorpusSpec::lesson(2000));
        e.chunkLines = 100;
        RunnerHarness h(e);
        QTRY_VERIFY_WITH_TIMEOUT(h.outcome().finished, kPatienceMs);
        qunsetenv("WORDRACE_MPI_BOOT_ID");
        QVERIFY2(h.outcome().failures.isEmpty(), qPrintable(h.outcome().failures.join(u'\n')));
        const RunResult &r = h.outcome().results.first();
        QCOMPARE(r.words, oracle(e.corpus));
        QCOMPARE(r.tasks.size(), 60);
        for (const TaskRecord &t : r.tasks)
            // Tasks start after the ranks were ready; the pin is late by the pipe's latency at most.
            QVERIFY2(t.startS >= r.startupS - 0.05 && t.startS <= t.endS && t.endS <= r.wallS,
                     qPrintable(u"task %1: %2..%3 s, ready at %4 s, wall %5 s"_s.arg(t.task)
                                    .arg(t.startS)
                                    .arg(t.endS)
                                    .arg(r.startupS)
                                    .arg(r.wallS)));
    }

    void mpirunMissing()
    {
        Experiment e = clusterExperiment(CorpusSpec::niceHat());
        e.cluster.mpirunPath = u"/nonexistent/mpirun"_s;
        RunnerHarness h(e);
        QTRY_VERIFY_WITH_TIMEOUT(h.outcome().finished, kPatienceMs);
        QCOMPARE(h.outcome().failures.size(), 1);
        QVERIFY2(h.outcome().failures.first().contains(u"mpirun"_s),
                 qPrintable(h.outcome().failures.first()));
        QVERIFY(h.outcome().results.isEmpty());
    }

    void misconfigured_data()
    {
        QTest::addColumn<QString>("hostfileText");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown host") << u"no-such-host.invalid slots=2\n"_s << u"mpirun"_s;
        QTest::newRow("too few slots") << u"localhost slots=1\n"_s << u"mpirun"_s;
    }

    // A hostfile mpirun cannot use fails the run with mpirun's reason, quickly, leaving nothing.
    void misconfigured()
    {
        QFETCH(QString, hostfileText);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QFile hostfile(dir.filePath(u"hosts"_s));
        QVERIFY(hostfile.open(QIODevice::WriteOnly));
        hostfile.write(hostfileText.toUtf8());
        hostfile.close();
        Experiment e = clusterExperiment(CorpusSpec::niceHat());
        e.cluster.hostfile = hostfile.fileName();
        RunnerHarness h(e);
        QTRY_VERIFY_WITH_TIMEOUT(h.outcome().finished, kPatienceMs);
        QCOMPARE(h.outcome().failures.size(), 1);
        QVERIFY2(h.outcome().failures.first().contains(expected), qPrintable(h.outcome().failures.first()));
        QVERIFY(childNamed("mpirun") == 0);
    }

    // A "worker" that exits at once with status 3, before it is a rank at all.
    void rankExitingFailsTheRun()
    {
        QTemporaryDir dir;
        const QString fake = dir.filePath(u"fake-mpi-worker"_s);
        QFile script(fake);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\nexit 3\n");
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));
        Experiment e = clusterExperiment(CorpusSpec::niceHat());
        e.cluster.workerPath = fake;
        RunnerHarness h(e);
        QTRY_VERIFY_WITH_TIMEOUT(h.outcome().finished, kPatienceMs);
        QCOMPARE(h.outcome().failures.size(), 1);
        QVERIFY2(h.outcome().failures.first().contains(u"exited with status 3"_s),
                 qPrintable(h.outcome().failures.first()));
        QVERIFY(childNamed("mpirun") == 0);
    }

    void rankKilledFailsTheRunNamingIt()
    {
        RunnerHarness h(slowExperiment());
        QVERIFY(waitForCounting(h));
        qint64 victim = 0;
        for (qint64 pid : rankProcesses())
            if (rankOf(pid) == 1)
                victim = pid;
        QVERIFY(victim != 0);
        QVERIFY(::kill(pid_t(victim), SIGKILL) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(h.outcome().finished, kPatienceMs);
        QCOMPARE(h.outcome().failures.size(), 1);
        const QString why = h.outcome().failures.first();
        QVERIFY2(why.contains(u"rank 1"_s) && why.contains(QString::number(victim)), qPrintable(why));
        QTRY_VERIFY_WITH_TIMEOUT(rankProcesses().isEmpty(), kPatienceMs);
        QVERIFY(childNamed("mpirun") == 0);
    }

    // mpirun itself killed with SIGKILL cannot stop its ranks; they die with it (PR_SET_PDEATHSIG).
    void mpirunKilledLeavesNoRanks()
    {
        RunnerHarness h(slowExperiment());
        QVERIFY(waitForCounting(h));
        const qint64 mpirun = childNamed("mpirun");
        QVERIFY(mpirun > 0);
        QVERIFY(::kill(pid_t(mpirun), SIGKILL) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(h.outcome().finished, kPatienceMs);
        QCOMPARE(h.outcome().failures.size(), 1);
        QVERIFY2(h.outcome().failures.first().contains(u"mpirun"_s),
                 qPrintable(h.outcome().failures.first()));
        QTRY_VERIFY_WITH_TIMEOUT(rankProcesses().isEmpty(), kPatienceMs);
    }

    // Cancel: the ranks stop, gather what they did, and go; the partial timeline is kept.
    void cancelKeepsPartialTimeline()
    {
        Experiment e = slowExperiment();
        // However slow the machine, the ranks get to gather: the gentle stop is what is tested.
        e.cluster.stopGraceS = kPatienceMs / 1000.0;
        RunnerHarness h(e);
        QVERIFY(waitForCounting(h));
        h.runner().cancel();
        QTRY_VERIFY_WITH_TIMEOUT(h.outcome().finished, kPatienceMs);
        QVERIFY(h.outcome().cancelled);
        QVERIFY2(h.outcome().failures.isEmpty(), qPrintable(h.outcome().failures.join(u'\n')));
        QCOMPARE(h.outcome().results.size(), 1);
        const RunResult &r = h.outcome().results.first();
        QVERIFY(r.cancelled);
        QVERIFY(!r.tasks.isEmpty());
        QVERIFY(r.tasks.size() < r.taskCount);
        QTRY_VERIFY_WITH_TIMEOUT(rankProcesses().isEmpty(), kPatienceMs);
    }

    void cliRunsClusterMode()
    {
        QProcess cli;
        cli.start(QCoreApplication::applicationDirPath() + u"/wordrace-cli"_s,
                  {u"run"_s, u"--mode"_s, u"cluster"_s, u"--workers"_s, u"2"_s, u"--corpus"_s,
                   QFINDTESTDATA("data/multilingual.txt"), u"--json"_s, u"-"_s});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QByteArray err = cli.readAllStandardError();
        QVERIFY2(err.contains("clock alignment error"), err.constData());
        const QJsonObject run = QJsonDocument::fromJson(cli.readAllStandardOutput())
                                    .object()[u"runs"_s]
                                    .toArray()
                                    .first()
                                    .toObject();
        QCOMPARE(run[u"mode"_s].toString(), u"cluster"_s);
        QCOMPARE(qulonglong(run[u"words"_s].toDouble()),
                 oracle(CorpusSpec::file(QFINDTESTDATA("data/multilingual.txt"))));
        QVERIFY(run.contains(u"clock_alignment_error_s"_s));
        QVERIFY(!run[u"tasks"_s].toArray().isEmpty());
        QVERIFY(run[u"overhead"_s].toObject()[u"startup_s"_s].toDouble() > 0);
    }

    void cliInterruptLeavesNoRanks()
    {
        QProcess cli;
        cli.start(QCoreApplication::applicationDirPath() + u"/wordrace-cli"_s,
                  {u"run"_s, u"--mode"_s, u"cluster"_s, u"--workers"_s, u"2"_s, u"--corpus"_s,
                   u"lesson:200"_s, u"--chunk"_s, u"10"_s, u"--io-latency"_s, u"150"_s, u"--json"_s, u"-"_s});
        QTRY_VERIFY_WITH_TIMEOUT(rankProcesses().size() == 2 || cli.state() == QProcess::NotRunning,
                                 kPatienceMs);
        QVERIFY2(cli.state() == QProcess::Running, cli.readAllStandardError().constData());
        ::kill(pid_t(cli.processId()), SIGINT);
        QVERIFY(cli.waitForFinished(kPatienceMs));
        QCOMPARE(cli.exitCode(), 130);
        const QJsonObject run = QJsonDocument::fromJson(cli.readAllStandardOutput())
                                    .object()[u"runs"_s]
                                    .toArray()
                                    .first()
                                    .toObject();
        QVERIFY(run[u"cancelled"_s].toBool());
        QTRY_VERIFY_WITH_TIMEOUT(rankProcesses().isEmpty(), kPatienceMs);
    }
};

QTEST_GUILESS_MAIN(TestCluster)
#include "tst_cluster.moc"
