#include "clirun.h"
#include "model/experiment.h"
#include "patience.h"
#include "procscan.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonToStdoutIsPureJson()
    {
        const CliRun r =
            runCli({u"run"_s, u"--corpus"_s, u"nicehat"_s, u"--workers"_s, u"2"_s, u"--json"_s, u"-"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &pe);
        QVERIFY2(!doc.isNull(), qPrintable(pe.errorString()));
        const QJsonArray runs = doc.object()[u"runs"_s].toArray();
        QCOMPARE(runs.size(), 3);
        QStringList modes;
        for (const QJsonValue &v : runs) {
            const QJsonObject run = v.toObject();
            modes << run[u"mode"_s].toString();
            QCOMPARE(run[u"words"_s].toInteger(), 1100);
            QVERIFY(run[u"wall_s"_s].toDouble() > 0.0);
            QVERIFY(run.contains(u"cpu_user_s"_s) && run.contains(u"cpu_sys_s"_s) &&
                    run.contains(u"parent_cpu_s"_s));
            QVERIFY(!run[u"tasks"_s].toArray().isEmpty());
            QCOMPARE(run[u"worker_names"_s].toArray().size(), run[u"workers"_s].toInt());
        }
        QCOMPARE(modes, (QStringList{u"sequential"_s, u"threads"_s, u"processes"_s}));
        // The table went to stderr.
        QVERIFY(r.err.contains("CPU/wall"));
    }

    void tableOnStdout()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(u"out.json"_s);
        const CliRun r = runCli({u"run"_s, u"--mode"_s, u"threads,processes"_s, u"--corpus"_s,
                                 u"lesson:1000"_s, u"--chunk"_s, u"10"_s, u"--json"_s, json});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = tableLines(r.out);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith("mode"));
        QVERIFY(lines[1].startsWith("threads"));
        QVERIFY(lines[2].startsWith("processes"));
        QVERIFY(lines[1].contains("11,000"));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray runs = QJsonDocument::fromJson(f.readAll()).object()[u"runs"_s].toArray();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0].toObject()[u"tasks"_s].toArray().size(), 300);
    }

    void fullLessonCorpus()
    {
        // The lesson's own experiment: 110,000,000 words, in every mode.
        const CliRun r = runCli({u"run"_s, u"--json"_s, u"-"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray runs = QJsonDocument::fromJson(r.out).object()[u"runs"_s].toArray();
        QCOMPARE(runs.size(), 3);
        for (const QJsonValue &v : runs)
            QCOMPARE(v.toObject()[u"words"_s].toInteger(), 110000000);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing file")
            << QStringList{u"run"_s, u"--corpus"_s, u"/nonexistent/file.txt"_s} << u"no such file"_s;
        QTest::newRow("directory") << QStringList{u"run"_s, u"--corpus"_s, u"/tmp"_s} << u"directory"_s;
        QTest::newRow("device") << QStringList{u"run"_s, u"--corpus"_s, u"/dev/zero"_s} << u"regular file"_s;
        QTest::newRow("zero workers") << QStringList{u"run"_s, u"--workers"_s, u"0"_s} << u"--workers"_s;
        QTest::newRow("text workers") << QStringList{u"run"_s, u"--workers"_s, u"two"_s} << u"--workers"_s;
        QTest::newRow("zero chunk") << QStringList{u"run"_s, u"--chunk"_s, u"0"_s} << u"--chunk"_s;
        QTest::newRow("negative chunk") << QStringList{u"run"_s, u"--chunk"_s, u"-5"_s} << u"--chunk"_s;
        QTest::newRow("unknown mode") << QStringList{u"run"_s, u"--mode"_s, u"gpu"_s} << u"unknown mode"_s;
        QTest::newRow("zero runs") << QStringList{u"run"_s, u"--runs"_s, u"0"_s} << u"or auto"_s;
        QTest::newRow("text runs") << QStringList{u"run"_s, u"--runs"_s, u"many"_s} << u"--runs"_s;
        QTest::newRow("auto runs in a sweep")
            << QStringList{u"sweep"_s, u"--runs"_s, u"auto"_s} << u"--runs"_s;
        QTest::newRow("unknown option") << QStringList{u"run"_s, u"--frobnicate"_s} << u"frobnicate"_s;
        QTest::newRow("unknown start method") << QStringList{u"run"_s, u"--start"_s, u"vfork"_s}
                                              << u"--start must be spawn, fork, forkserver or default"_s;
        QTest::newRow("forkserver for the C++ workers")
            << QStringList{u"run"_s,        u"--mode"_s,   u"processes"_s, u"--start"_s,
                           u"forkserver"_s, u"--corpus"_s, u"nicehat:10"_s}
            << u"forkserver is CPython's own"_s;
        QTest::newRow("no command") << QStringList{} << u"run"_s;
        QTest::newRow("bad repeat") << QStringList{u"run"_s, u"--corpus"_s, u"lesson:many"_s} << u"REPEAT"_s;
        QTest::newRow("too much memory")
            << QStringList{u"run"_s, u"--corpus"_s, u"lesson:999999999999"_s} << u"would need"_s;
        QTest::newRow("too many tasks")
            << QStringList{u"run"_s, u"--corpus"_s, u"lesson:1000000"_s, u"--chunk"_s, u"1"_s} << u"tasks"_s;
        QTest::newRow("json into a missing folder")
            << QStringList{u"run"_s, u"--corpus"_s, u"nicehat"_s, u"--json"_s, u"/nonexistent/dir/out.json"_s}
            << u"does not exist"_s;
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        const CliRun r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromLocal8Bit(r.err).trimmed();
        QVERIFY2(err.contains(reason), qPrintable(err));
        QVERIFY2(!err.contains(u'\n'), qPrintable(err)); // one line
        QVERIFY(r.out.isEmpty());
    }

    // --runs auto: the count the engine chose is said on stderr, and that many runs of each mode
    // are in the JSON, numbered from 0.
    void autoRunsSayHowMany()
    {
        const CliRun r = runCli({u"run"_s, u"--corpus"_s, u"nicehat"_s, u"--mode"_s, u"sequential,threads"_s,
                                 u"--runs"_s, u"auto"_s, u"--warmup"_s, u"1"_s, u"--json"_s, u"-"_s});
        QCOMPARE(r.exitCode, 0);
        const QRegularExpressionMatch m =
            QRegularExpression(u"auto: (\\d+) measured run"_s).match(QString::fromLocal8Bit(r.err));
        QVERIFY2(m.hasMatch(), r.err.constData());
        const int chosen = m.captured(1).toInt();
        QVERIFY(chosen >= 1 && chosen <= wordrace::Experiment::kAutoMaxRuns);
        const QJsonArray runs = QJsonDocument::fromJson(r.out).object()[u"runs"_s].toArray();
        QCOMPARE(runs.size(), 2 * chosen);
        QSet<int> repetitions;
        for (const QJsonValue &v : runs)
            repetitions.insert(v[u"repetition"_s].toInt());
        QCOMPARE(repetitions.size(), chosen);
        QVERIFY(repetitions.contains(0) && repetitions.contains(chosen - 1));
    }

    void missingWorkerFailsTheRun()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"WORDRACE_WORKER"_s, u"/nonexistent/wordrace-worker"_s);
        const CliRun r = runCli({u"run"_s, u"--corpus"_s, u"nicehat"_s, u"--mode"_s, u"processes"_s}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("missing"), r.err.constData());
    }

    // The parent killed with SIGKILL cannot clean up; its workers must notice and go by themselves,
    // exec'd or forked.
    void workersDieWithAKilledParent_data()
    {
        QTest::addColumn<QString>("start");
        QTest::newRow("spawn") << u"spawn"_s;
        QTest::newRow("fork") << u"fork"_s;
    }
    void workersDieWithAKilledParent()
    {
        QFETCH(QString, start);
        QProcess p;
        p.start(cliPath(), {u"run"_s, u"--mode"_s, u"processes"_s, u"--corpus"_s, u"lesson:2000000"_s,
                            u"--chunk"_s, u"3"_s, u"--workers"_s, u"2"_s, u"--start"_s, start});
        QVERIFY(p.waitForStarted());
        QList<qint64> workers;
        QTRY_VERIFY_WITH_TIMEOUT(!(workers = workerProcesses(p.processId())).isEmpty(), kPatienceMs);
        QTRY_COMPARE_WITH_TIMEOUT(workerProcesses(p.processId()).size(), 2, kPatienceMs);
        workers = workerProcesses(p.processId());
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(kPatienceMs));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<qint64> left = workerProcesses();
                return std::none_of(workers.begin(), workers.end(),
                                    [&](qint64 w) { return left.contains(w); });
            }(),
            kPatienceMs);
    }

    void interruptStopsCleanly_data()
    {
        QTest::addColumn<int>("sig");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("mode");
        QTest::newRow("SIGINT processes") << int(SIGINT) << 130 << u"processes"_s;
        QTest::newRow("SIGTERM processes") << int(SIGTERM) << 143 << u"processes"_s;
        QTest::newRow("SIGINT threads") << int(SIGINT) << 130 << u"threads"_s;
    }
    void interruptStopsCleanly()
    {
        QFETCH(int, sig);
        QFETCH(int, status);
        QFETCH(QString, mode);
        QProcess p;
        // A millisecond of I/O a task: the run lasts minutes, so the signal always finds it under way.
        p.start(cliPath(), {u"run"_s, u"--mode"_s, mode, u"--corpus"_s, u"lesson:2000000"_s, u"--chunk"_s,
                            u"3"_s, u"--io-latency"_s, u"1"_s, u"--json"_s, u"-"_s});
        QVERIFY(p.waitForStarted());
        // Wait until the run is under way (its workers exist, or the corpus is prepared).
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("prepared") ||
                                     p.state() != QProcess::Running,
                                 kPatienceMs);
        QList<qint64> workers;
        if (mode == u"processes")
            QTRY_VERIFY_WITH_TIMEOUT(!(workers = workerProcesses(p.processId())).isEmpty(), kPatienceMs);
        ::kill(pid_t(p.processId()), sig);
        QVERIFY(p.waitForFinished(kPatienceMs));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), status);
        // The partial result is kept and marked cancelled.
        const QJsonObject run = QJsonDocument::fromJson(p.readAllStandardOutput())
                                    .object()[u"runs"_s]
                                    .toArray()
                                    .first()
                                    .toObject();
        QCOMPARE(run[u"cancelled"_s].toBool(), true);
        const QList<qint64> left = workerProcesses();
        for (qint64 pid : workers)
            QVERIFY2(!left.contains(pid), qPrintable(u"worker %1 outlived the CLI"_s.arg(pid)));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
