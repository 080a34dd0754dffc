#include "analysis/statistics.h"
#include "analysis/sweep.h"
#include "clirun.h"
#include "patience.h"
#include "procscan.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

RunResult makeRun(Mode mode, int workers, double wallS, const CorpusSpec &corpus = CorpusSpec::lesson(1000),
                  int repetition = 0)
{
    RunResult r;
    r.mode = mode;
    r.workers = workers;
    r.corpus = corpus;
    r.corpusBytes = corpus.repeat * 58;
    r.words = corpus.repeat * 11;
    r.wallS = wallS;
    r.repetition = repetition;
    return r;
}

// The runs a machine obeying Amdahl's law with serial fraction s would produce, sequential taking 1 s.
QList<RunResult> amdahlRuns(double s, const QList<int> &counts, Mode mode = Mode::Threads)
{
    QList<RunResult> runs{makeRun(Mode::Sequential, 1, 1.0)};
    for (int n : counts)
        runs << makeRun(mode, n, 1.0 / Statistics::amdahlSpeedup(s, n));
    return runs;
}

// Sweeps run many experiments: three minutes before one counts as hung.
CliRun runSweepCli(const QStringList &args)
{
    return runCli(args, QProcessEnvironment::systemEnvironment(), 180000);
}

const SweepPoint *findPoint(const Sweep &sweep, Mode mode, int workers)
{
    for (const SweepPoint &p : sweep.points())
        if (p.summary.mode == mode && p.summary.workers == workers)
            return &p;
    return nullptr;
}

} // namespace

class TestSweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workerSweepRecoversSerialFraction_data()
    {
        QTest::addColumn<double>("serialFraction");
        QTest::newRow("s = 0.05") << 0.05;
        QTest::newRow("s = 0.2") << 0.2;
        QTest::newRow("s = 0.6") << 0.6;
    }
    void workerSweepRecoversSerialFraction()
    {
        QFETCH(double, serialFraction);
        const Sweep sweep(Sweep::Kind::Workers, amdahlRuns(serialFraction, {1, 2, 4, 8}), 8);
        QCOMPARE(sweep.points().size(), 5);
        QCOMPARE(sweep.points().first().summary.mode, Mode::Sequential);
        QCOMPARE(sweep.fits().size(), 1);
        const ModeFit &f = sweep.fits().first();
        QCOMPARE(f.mode, Mode::Threads);
        QVERIFY(std::abs(f.fit.serialFraction - serialFraction) < 1e-9);
        QCOMPARE(f.fittedWorkers, (QList<int>{2, 4, 8}));
        QVERIFY(!f.beyondCores);

        const SweepPoint *four = findPoint(sweep, Mode::Threads, 4);
        QVERIFY(four);
        const double s4 = Statistics::amdahlSpeedup(serialFraction, 4);
        QVERIFY(std::abs(four->summary.speedup->value - s4) < 1e-9);
        QVERIFY(std::abs(four->efficiency.value - s4 / 4) < 1e-9);
        QCOMPARE(four->idealSpeedup, 4.0);
        QVERIFY(std::abs(four->amdahlSpeedup - s4) < 1e-9);

        const QString text = sweep.text();
        QVERIFY2(text.contains(u"at most %1 times faster, whatever the number of cores"_s.arg(
                     QString::number(1.0 / serialFraction, 'f', 1))),
                 qPrintable(text));
    }

    void workerSweepFitsOnlyWhatTheCoresCanRun()
    {
        // Two cores: beyond N = 2 the speed-up stays flat, which is no serial part.
        QList<RunResult> runs = amdahlRuns(0.1, {1, 2});
        const double atTwo = runs.last().wallS;
        runs << makeRun(Mode::Threads, 4, atTwo) << makeRun(Mode::Threads, 8, atTwo);
        const Sweep sweep(Sweep::Kind::Workers, runs, 2);
        QCOMPARE(sweep.fits().size(), 1);
        QCOMPARE(sweep.fits().first().fittedWorkers, QList<int>{2});
        QVERIFY(std::abs(sweep.fits().first().fit.serialFraction - 0.1) < 1e-9);
        QVERIFY(sweep.text().contains(u"not fitted"_s));

        // All points beyond the cores: fitted anyway, with a caution.
        const Sweep beyond(Sweep::Kind::Workers, runs, 1);
        QCOMPARE(beyond.fits().first().fittedWorkers, (QList<int>{2, 4, 8}));
        QVERIFY(beyond.fits().first().beyondCores);
        QVERIFY(beyond.text().contains(u"caution"_s));
    }

    void workerSweepJsonAndCsv()
    {
        const Sweep sweep(Sweep::Kind::Workers, amdahlRuns(0.25, {1, 2, 4}, Mode::Processes), 4);
        const QJsonObject o = sweep.toJson();
        QCOMPARE(o[u"kind"_s].toString(), u"workers"_s);
        const QJsonArray points = o[u"points"_s].toArray();
        QCOMPARE(points.size(), 4);
        for (const QJsonValue &v : points) {
            for (const char *key : {"mode", "workers", "corpus", "runs", "wall_s", "speedup", "efficiency",
                                    "ideal_speedup", "amdahl_speedup"})
                QVERIFY2(v.toObject().contains(QLatin1String(key)), key);
        }
        const QJsonObject fit = o[u"amdahl"_s][u"processes"_s].toObject();
        QVERIFY(std::abs(fit[u"serial_fraction"_s].toDouble() - 0.25) < 1e-9);
        QVERIFY(std::abs(fit[u"max_speedup"_s].toDouble() - 4.0) < 1e-9);
        QCOMPARE(fit[u"fitted_workers"_s].toArray(), (QJsonArray{2, 4}));
        QVERIFY(!o.contains(u"crossover"_s));

        const QList<QByteArray> lines = sweep.csv().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 4);
        QCOMPARE(QString::fromUtf8(lines[0]).split(u','), Sweep::csvColumns());
        for (const QByteArray &line : lines)
            QCOMPARE(line.count(','), Sweep::csvColumns().size() - 1);
        QVERIFY(lines[1].startsWith("workers,sequential,1,lesson:1000,58000,1,1,"));
    }

    void sizeSweepCrossover_data()
    {
        QTest::addColumn<QList<double>>("threadWalls"); // at 1,000 / 100,000 / 1,000,000 repeats
        QTest::addColumn<bool>("always");
        QTest::addColumn<bool>("never");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("lost");
        // Sequential takes 0.001, 0.1 and 1 s.
        QTest::newRow("overtakes in the middle")
            << QList<double>{0.002, 0.08, 0.55} << false << false << u"lesson:100000"_s << u"lesson:1000"_s;
        QTest::newRow("overtakes at the largest")
            << QList<double>{0.01, 0.2, 0.6} << false << false << u"lesson:1000000"_s << u"lesson:100000"_s;
        QTest::newRow("never") << QList<double>{0.05, 0.2, 1.2} << false << true << QString() << QString();
        QTest::newRow("always") << QList<double>{0.0005, 0.05, 0.5} << true << false << u"lesson:1000"_s
                                << QString();
        // Faster at the smallest by luck, slower in the middle: it counts from where it stays ahead.
        QTest::newRow("noisy start") << QList<double>{0.0009, 0.2, 0.5} << false << false
                                     << u"lesson:1000000"_s << u"lesson:100000"_s;
    }
    void sizeSweepCrossover()
    {
        QFETCH(QList<double>, threadWalls);
        QFETCH(bool, always);
        QFETCH(bool, never);
        QFETCH(QString, from);
        QFETCH(QString, lost);
        const QList<std::uint64_t> repeats{1000, 100000, 1000000};
        const QList<double> seqWalls{0.001, 0.1, 1.0};
        QList<RunResult> runs;
        // Largest first: the analysis must order by size, not by arrival.
        for (qsizetype i = repeats.size() - 1; i >= 0; --i) {
            const CorpusSpec corpus = CorpusSpec::lesson(repeats[i]);
            runs << makeRun(Mode::Sequential, 1, seqWalls[i], corpus)
                 << makeRun(Mode::Threads, 2, threadWalls[i], corpus);
        }
        const Sweep sweep(Sweep::Kind::Sizes, runs, 2);
        QCOMPARE(sweep.points().size(), 6);
        QCOMPARE(sweep.points().first().summary.corpus, CorpusSpec::lesson(1000));
        QCOMPARE(sweep.crossovers().size(), 1);
        const Crossover &c = sweep.crossovers().first();
        QCOMPARE(c.mode, Mode::Threads);
        QCOMPARE(c.workers, 2);
        QCOMPARE(c.always, always);
        QCOMPARE(c.never, never);
        QCOMPARE(c.fromCorpus, from);
        QCOMPARE(c.lostCorpus, lost);
        if (!lost.isEmpty()) {
            QVERIFY(c.estimateBytes > double(c.lostBytes));
            QVERIFY(c.estimateBytes < double(c.fromBytes));
        } else {
            QVERIFY(std::isnan(c.estimateBytes));
        }
        const QJsonObject o = sweep.toJson();
        QCOMPARE(o[u"kind"_s].toString(), u"sizes"_s);
        const QJsonObject j = o[u"crossover"_s][u"threads"_s].toObject();
        QCOMPARE(j[u"never"_s].toBool(), never);
        QCOMPARE(j[u"beats_sequential_from"_s].toString(), from);
        QVERIFY(sweep.text().contains(u"setup overhead"_s));
    }

    void crossoverEstimateIsHandComputed()
    {
        // Speed-up 0.5 at 58,000 bytes and 2 at 5,800,000: S = 1 a third of the way on a log scale.
        QList<RunResult> runs;
        runs << makeRun(Mode::Sequential, 1, 1.0, CorpusSpec::lesson(1000))
             << makeRun(Mode::Threads, 2, 2.0, CorpusSpec::lesson(1000))
             << makeRun(Mode::Sequential, 1, 2.0, CorpusSpec::lesson(100000))
             << makeRun(Mode::Threads, 2, 1.0, CorpusSpec::lesson(100000));
        const Sweep sweep(Sweep::Kind::Sizes, runs, 2);
        const double expected =
            std::exp(std::log(58000.0) + (1.0 / 3.0) * (std::log(5800000.0) - std::log(58000.0)));
        QVERIFY(std::abs(sweep.crossovers().first().estimateBytes - expected) < 1e-6 * expected);
    }

    // The CLI, end to end.
    void cliWorkerSweep()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(u"sweep.csv"_s);
        const CliRun r = runSweepCli({u"sweep"_s, u"--workers"_s, u"1,2"_s, u"--corpus"_s, u"lesson:1000"_s,
                                      u"--runs"_s, u"2"_s, u"--json"_s, u"-"_s, u"--csv"_s, csv});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError pe{};
        const QJsonObject doc = QJsonDocument::fromJson(r.out, &pe).object();
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        // Sequential once (2 runs), then threads and processes at 1 and 2 workers (2 runs each).
        QCOMPARE(doc[u"runs"_s].toArray().size(), 2 + 2 * 2 * 2);
        const QJsonObject sweep = doc[u"sweep"_s].toObject();
        QCOMPARE(sweep[u"kind"_s].toString(), u"workers"_s);
        const QJsonArray points = sweep[u"points"_s].toArray();
        QCOMPARE(points.size(), 5);
        QCOMPARE(points[0][u"mode"_s].toString(), u"sequential"_s);
        for (const QJsonValue &p : points) {
            QCOMPARE(p[u"runs"_s].toInt(), 2);
            QVERIFY(p[u"speedup"_s][u"value"_s].toDouble() > 0);
            QCOMPARE(p[u"ideal_speedup"_s].toDouble(), double(p[u"workers"_s].toInt()));
        }
        const QJsonObject amdahl = sweep[u"amdahl"_s].toObject();
        QCOMPARE(amdahl.keys(), (QStringList{u"processes"_s, u"threads"_s}));
        for (const QJsonValue &fit : amdahl) {
            const double s = fit[u"serial_fraction"_s].toDouble(-1);
            QVERIFY(s >= 0.0 && s <= 1.0);
            QCOMPARE(fit[u"fitted_workers"_s].toArray(), QJsonArray{2});
        }
        QCOMPARE(doc[u"summaries"_s].toArray().size(), 5);
        // Progress and the report went to stderr, since stdout carries the JSON.
        QVERIFY(r.err.contains("sweep 1/2"));
        QVERIFY(r.err.contains("Amdahl's law, threads"));
        QVERIFY(r.err.contains("efficiency E(N)"));

        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 5);
    }

    void cliSizeSweep_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("corpora");
        QTest::newRow("specs") << QStringList{u"--sizes"_s, u"lesson:100,lesson:1000"_s}
                               << QStringList{u"lesson:100"_s, u"lesson:1000"_s};
        QTest::newRow("REPEAT values of --corpus")
            << QStringList{u"--sizes"_s, u"1000,100"_s, u"--corpus"_s, u"nicehat"_s}
            << QStringList{u"nicehat:100"_s, u"nicehat:1000"_s};
    }
    void cliSizeSweep()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, corpora);
        QTemporaryDir dir;
        const QString json = dir.filePath(u"sweep.json"_s);
        const CliRun r = runSweepCli(
            QStringList{u"sweep"_s, u"--workers"_s, u"2"_s, u"--mode"_s, u"threads"_s, u"--json"_s, json} +
            args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("setup overhead"));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonObject sweep = doc[u"sweep"_s].toObject();
        QCOMPARE(sweep[u"kind"_s].toString(), u"sizes"_s);
        const QJsonArray points = sweep[u"points"_s].toArray();
        QCOMPARE(points.size(), 4);
        QStringList seen;
        for (const QJsonValue &p : points)
            if (!seen.contains(p[u"corpus"_s].toString()))
                seen << p[u"corpus"_s].toString();
        QCOMPARE(seen, corpora); // smallest first
        QVERIFY(sweep[u"crossover"_s].toObject().contains(u"threads"_s));
        QCOMPARE(doc[u"runs"_s].toArray().size(), 4);
    }

    void cliBadUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        QTest::newRow("nothing to sweep") << QStringList{} << u"--workers LIST"_s;
        QTest::newRow("only sequential")
            << QStringList{u"--workers"_s, u"1,2"_s, u"--mode"_s, u"sequential"_s}
            << u"sequential is always"_s;
        QTest::newRow("unknown mode")
            << QStringList{u"--workers"_s, u"1,2"_s, u"--mode"_s, u"gpu"_s} << u"unknown mode"_s;
        QTest::newRow("zero workers") << QStringList{u"--workers"_s, u"0,2"_s} << u"--workers"_s;
        QTest::newRow("too many workers") << QStringList{u"--workers"_s, u"2,100000"_s} << u"--workers"_s;
        QTest::newRow("one size") << QStringList{u"--sizes"_s, u"lesson:100"_s} << u"at least two"_s;
        QTest::newRow("bad size") << QStringList{u"--sizes"_s, u"lesson:100,lesson:many"_s} << u"REPEAT"_s;
        QTest::newRow("REPEAT of a file") << QStringList{u"--sizes"_s, u"10,100"_s, u"--corpus"_s,
                                                         QStringLiteral(WORDRACE_TEST_DATA) + u"/crlf.txt"_s}
                                          << u"lesson or nicehat"_s;
        QTest::newRow("a list of workers with sizes")
            << QStringList{u"--sizes"_s, u"lesson:100,lesson:1000"_s, u"--workers"_s, u"1,2"_s}
            << u"one whole"_s;
        QTest::newRow("zero runs") << QStringList{u"--workers"_s, u"1,2"_s, u"--runs"_s, u"0"_s}
                                   << u"--runs"_s;
        QTest::newRow("json into a missing folder")
            << QStringList{u"--workers"_s, u"1,2"_s, u"--json"_s, u"/nonexistent/dir/s.json"_s}
            << u"does not exist"_s;
        QTest::newRow("csv into a missing folder")
            << QStringList{u"--workers"_s, u"1,2"_s, u"--csv"_s, u"/nonexistent/dir/s.csv"_s}
            << u"does not exist"_s;
        QTest::newRow("unknown option")
            << QStringList{u"--workers"_s, u"1,2"_s, u"--frobnicate"_s} << u"frobnicate"_s;
        QTest::newRow("extra argument") << QStringList{u"--workers"_s, u"1,2"_s, u"now"_s} << u"now"_s;
    }
    void cliBadUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        const CliRun r = runSweepCli(QStringList{u"sweep"_s, u"--corpus"_s, u"nicehat"_s} + args);
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromLocal8Bit(r.err).trimmed();
        QVERIFY2(err.contains(reason), qPrintable(err));
        QVERIFY2(!err.contains(u'\n'), qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }

    void cliRunIsUnchanged()
    {
        // "sweep" only as the command; run still refuses a second positional argument.
        const CliRun r = runSweepCli({u"run"_s, u"sweep"_s, u"--corpus"_s, u"nicehat"_s});
        QCOMPARE(r.exitCode, 2);
        const CliRun help = runSweepCli({u"sweep"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--sizes"));
    }

    void cliTakesTheKnobs()
    {
        const CliRun r = runSweepCli({u"sweep"_s, u"--workers"_s, u"1,2"_s, u"--mode"_s, u"threads"_s,
                                      u"--corpus"_s, u"nicehat"_s, u"--gil"_s, u"--json"_s, u"-"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(QJsonDocument::fromJson(r.out).object()[u"sweep"_s][u"points"_s].toArray().size(), 3);
        const CliRun bad = runSweepCli({u"sweep"_s, u"--workers"_s, u"1,2"_s, u"--io-latency"_s, u"-1"_s});
        QCOMPARE(bad.exitCode, 2);
    }

    void cliInterruptStopsTheSweep()
    {
        QProcess p;
        // Eight tasks of 500 ms waits: the sequential baseline takes 4 s, then the two pooled
        // workers live at least 2 s, long enough to be seen however busy the machine is.
        p.start(cliPath(), {u"sweep"_s, u"--workers"_s, u"2,3"_s, u"--mode"_s, u"processes"_s, u"--corpus"_s,
                            u"lesson:1000"_s, u"--chunk"_s, u"375"_s, u"--io-latency"_s, u"500"_s});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("prepared") ||
                                     p.state() != QProcess::Running,
                                 kPatienceMs);
        QList<qint64> workers;
        QTRY_VERIFY_WITH_TIMEOUT(!(workers = workerProcesses(p.processId())).isEmpty(), kPatienceMs);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(kPatienceMs));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        err += p.readAllStandardError();
        QVERIFY2(err.contains("stopping"), err.constData());
        // The sweep did not go on to its second point.
        QVERIFY(!err.contains("sweep 2/2"));
        const QList<qint64> left = workerProcesses();
        for (qint64 pid : workers)
            QVERIFY2(!left.contains(pid), qPrintable(u"worker %1 outlived the CLI"_s.arg(pid)));
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
