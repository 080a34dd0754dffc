#include "engine/resourcesampler.h"
#include "engine/runner.h"
#include "io/resultjson.h"
#include "io/traceexport.h"
#include "patience.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;
using namespace wordrace;

using Jiffies = std::vector<ResourceSampler::CoreJiffies>;
Q_DECLARE_METATYPE(Jiffies)
Q_DECLARE_METATYPE(std::optional<std::uint64_t>)

namespace {

QList<RunResult> runToEnd(const Experiment &e)
{
    Runner runner;
    QList<RunResult> results;
    QStringList failures;
    QObject::connect(&runner, &Runner::runFinished, [&](quint64, const RunResult &r) { results.append(r); });
    QObject::connect(&runner, &Runner::runFailed,
                     [&](quint64, const QString &why, Runner::FailureKind) { failures.append(why); });
    QSignalSpy done(&runner, &Runner::experimentFinished);
    runner.start(e);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kPatienceMs); }();
    if (!failures.isEmpty())
        qWarning("%s", qPrintable(failures.join(u"; "_s)));
    return results;
}

} // namespace

class TestResourceSampler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesProcStat_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<Jiffies>("cores");
        // user nice system idle iowait irq softirq steal guest guest_nice
        QTest::newRow("two cores") << QByteArray("cpu  300 0 100 1000 50 0 10 0 0 0\n"
                                                 "cpu0 100 0 50 500 20 0 5 0 0 0\n"
                                                 "cpu1 200 0 50 500 30 0 5 0 0 0\n"
                                                 "intr 12345 1 2 3\nctxt 999\n")
                                   << Jiffies{{155, 675}, {255, 785}};
        QTest::newRow("old kernel, four fields")
            << QByteArray("cpu 1 2 3 4\ncpu0 1 2 3 4\n") << Jiffies{{6, 10}};
        // An offline core leaves a hole; its slot stays empty rather than shifting the others.
        QTest::newRow("offline core") << QByteArray("cpu0 10 0 0 90 0 0 0 0\ncpu2 50 0 0 50 0 0 0 0\n")
                                      << Jiffies{{10, 100}, {0, 0}, {50, 100}};
        QTest::newRow("steal counts as busy")
            << QByteArray("cpu0 10 0 0 80 0 0 0 10 0 0\n") << Jiffies{{20, 100}};
        QTest::newRow("no cpu lines") << QByteArray("intr 1\nbtime 2\n") << Jiffies{};
        QTest::newRow("garbage") << QByteArray("cpuX 1 2 3\ncpu0 a b c\n") << Jiffies{};
    }

    void parsesProcStat()
    {
        QFETCH(QByteArray, text);
        QFETCH(Jiffies, cores);
        const Jiffies parsed = ResourceSampler::parseProcStat(text);
        QCOMPARE(parsed.size(), cores.size());
        for (std::size_t i = 0; i < cores.size(); ++i) {
            QCOMPARE(parsed[i].busy, cores[i].busy);
            QCOMPARE(parsed[i].total, cores[i].total);
        }
    }

    void busyShares_data()
    {
        QTest::addColumn<Jiffies>("before");
        QTest::addColumn<Jiffies>("after");
        QTest::addColumn<QList<float>>("busy");
        QTest::newRow("half and full") << Jiffies{{100, 1000}, {0, 1000}} << Jiffies{{150, 1100}, {100, 1100}}
                                       << QList<float>{0.5f, 1.0f};
        QTest::newRow("no ticks") << Jiffies{{5, 10}} << Jiffies{{5, 10}} << QList<float>{0.0f};
        QTest::newRow("counter reset") << Jiffies{{500, 1000}} << Jiffies{{10, 20}} << QList<float>{0.0f};
        QTest::newRow("core appeared") << Jiffies{} << Jiffies{{25, 100}} << QList<float>{0.25f};
    }

    void busyShares()
    {
        QFETCH(Jiffies, before);
        QFETCH(Jiffies, after);
        QFETCH(QList<float>, busy);
        QCOMPARE(ResourceSampler::busyBetween(before, after), busy);
    }

    void parsesPss_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<std::optional<std::uint64_t>>("bytes");
        QTest::newRow("kernel 6") << QByteArray(
                                         "55d0c6a4c000-7ffd1c9f5000 ---p 00000000 00:00 0    [rollup]\n"
                                         "Rss:                5400 kB\n"
                                         "Pss:                1234 kB\n"
                                         "Pss_Dirty:           800 kB\n"
                                         "Pss_Anon:            700 kB\n"
                                         "Pss_File:            500 kB\n"
                                         "Pss_Shmem:            34 kB\n")
                                  << std::optional<std::uint64_t>(1234 * 1024);
        // Pss_Anon before Pss must not be taken for it.
        QTest::newRow("Pss after its kin")
            << QByteArray("Pss_Anon: 7 kB\nPss: 9 kB\n") << std::optional<std::uint64_t>(9 * 1024);
        QTest::newRow("first line") << QByteArray("Pss: 1 kB") << std::optional<std::uint64_t>(1024);
        QTest::newRow("no Pss") << QByteArray("Rss: 5 kB\nPss_Anon: 3 kB\n")
                                << std::optional<std::uint64_t>();
        QTest::newRow("empty (process gone)") << QByteArray() << std::optional<std::uint64_t>();
    }

    void parsesPss()
    {
        QFETCH(QByteArray, text);
        QFETCH(std::optional<std::uint64_t>, bytes);
        QCOMPARE(ResourceSampler::parsePss(text), bytes);
    }

    void parsesStatm_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<std::optional<std::uint64_t>>("bytes");
        QTest::newRow("typical") << QByteArray("2500 300 200 10 0 400 0\n")
                                 << std::optional<std::uint64_t>(300 * 4096);
        QTest::newRow("truncated") << QByteArray("2500") << std::optional<std::uint64_t>();
        QTest::newRow("empty") << QByteArray() << std::optional<std::uint64_t>();
    }

    void parsesStatm()
    {
        QFETCH(QByteArray, text);
        QFETCH(std::optional<std::uint64_t>, bytes);
        QCOMPARE(ResourceSampler::parseStatmRss(text, 4096), bytes);
    }

    void readsThisProcess()
    {
        const auto stat = ResourceSampler::readProcStat();
        QVERIFY(!stat.empty());
        bool isPss = false;
        const auto memory = ResourceSampler::processMemory(QCoreApplication::applicationPid(), &isPss);
        QVERIFY(memory.has_value());
        QVERIFY(*memory > 1024 * 1024);                                   // a Qt test is more than a megabyte
        QVERIFY(!ResourceSampler::processMemory(0x7ffffff0).has_value()); // no such process
    }

    void samplesWhileRunning()
    {
        // The sampler on its own, with a busy thread: samples keep coming and stay in range.
        std::atomic_bool stop{false};
        std::thread busy([&] {
            volatile std::uint64_t x = 1;
            while (!stop.load())
                x = x * 6364136223846793005ull + 1;
        });
        // A budget of half a core, so memory is read whatever this build's reads cost (a sanitizer
        // build's resident size is large); the real budget is checked in budgetLimitsMemoryReads.
        ResourceSampler sampler(
            [] {
                return std::vector<qint64>{QCoreApplication::applicationPid(), 0};
            },
            0.5);
        const std::int64_t origin = monotonicNs();
        sampler.start();
        // Several samples, however long a loaded machine takes to give the sampler its turns.
        QTRY_VERIFY_WITH_TIMEOUT(sampler.samplesTaken() >= 5, kPatienceMs);
        const auto out = sampler.stop(origin);
        const double stoppedS = double(monotonicNs() - origin) / 1e9;
        stop = true;
        busy.join();
        // Every 10 ms for the first 0.1 s, then every 25 ms: about 18, fewer when a slow read (a
        // sanitizer build, a loaded machine) widens the interval; never just one or two.
        QVERIFY2(out.samples.size() >= 3, qPrintable(QString::number(out.samples.size())));
        double last = 0.0;
        double busiest = 0.0;
        int memoryReadings = 0;
        for (const ResourceSample &s : out.samples) {
            QVERIFY(s.timeS > last);
            last = s.timeS;
            if (!s.memoryBytes.isEmpty()) {
                ++memoryReadings;
                QCOMPARE(s.memoryBytes.size(), 2);
                QVERIFY(s.memoryBytes[0] > 0);
                QCOMPARE(s.memoryBytes[1], qint64(0)); // pid 0: nothing running in that slot
            }
            double sum = 0;
            for (const float b : s.coreBusy) {
                QVERIFY(b >= 0.0f && b <= 1.0f);
                sum += b;
            }
            busiest = std::max(busiest, sum);
        }
        QVERIFY(memoryReadings >= 1);
        QVERIFY(last <= stoppedS);
        // One thread spinning keeps about one core busy; jiffies are coarse, so only "clearly some".
        QVERIFY2(busiest > 0.5, qPrintable(QString::number(busiest)));
        QVERIFY(out.peakMemoryBytes.has_value());
        for (const ResourceSample &s : out.samples)
            if (!s.memoryBytes.isEmpty())
                QVERIFY(*out.peakMemoryBytes >= std::uint64_t(s.memoryBytes[0]));
    }

    void budgetLimitsMemoryReads()
    {
        // No budget at all: the cores are still sampled, memory never, and there is no peak.
        ResourceSampler sampler([] { return std::vector<qint64>{QCoreApplication::applicationPid()}; }, 0.0);
        const std::int64_t origin = monotonicNs();
        sampler.start();
        QTRY_VERIFY_WITH_TIMEOUT(sampler.samplesTaken() >= 2, kPatienceMs);
        const auto out = sampler.stop(origin);
        QVERIFY(out.samples.size() >= 2);
        for (const ResourceSample &s : out.samples) {
            QVERIFY(!s.coreBusy.isEmpty());
            QVERIFY(s.memoryBytes.isEmpty());
        }
        QVERIFY(!out.peakMemoryBytes.has_value());
    }

    void processRunIsSampled()
    {
        Experiment e;
        e.corpus = CorpusSpec::lesson(200'000);
        e.modes = {Mode::Processes, Mode::Threads};
        e.workers = 2;
        e.chunkLines = 30'000; // 20 tasks, 10 a worker
        // 1.5 s a worker: long enough for several memory readings within the 1 % budget, also in an
        // ASan build, whose readings cost several times more
        e.knobs.ioLatencyMs = 150;
        const QList<RunResult> results = runToEnd(e);
        QCOMPARE(results.size(), 2);
        for (const RunResult &r : results) {
            QVERIFY2(r.samples.size() >= 10, qPrintable(modeName(r.mode)));
            const bool processes = r.mode == Mode::Processes;
            QCOMPARE(r.memoryNames.size(), qsizetype(processes ? 1 + r.workers : 1));
            if (processes)
                QCOMPARE(r.memoryNames.mid(1), r.workerNames);
            QVERIFY(r.memoryIsPss);
            std::uint64_t fullest = 0;
            QList<bool> seen(r.memoryNames.size(), false);
            for (const ResourceSample &s : r.samples) {
                QVERIFY(s.timeS >= 0.0);
                // On the run's time axis: the closing sample is taken when the backend has returned,
                // a moment after the run's end (longer on a loaded machine), never long after it.
                QVERIFY2(s.timeS <= r.wallS + 1.0, qPrintable(u"%1 > %2"_s.arg(s.timeS).arg(r.wallS)));
                QVERIFY(!s.coreBusy.isEmpty());
                for (const float b : s.coreBusy)
                    QVERIFY(b >= 0.0f && b <= 1.0f);
                if (s.memoryBytes.isEmpty())
                    continue;
                QCOMPARE(s.memoryBytes.size(), r.memoryNames.size());
                QVERIFY(s.memoryBytes[0] > 0); // the parent is always there
                std::uint64_t sum = 0;
                for (qsizetype m = 0; m < s.memoryBytes.size(); ++m) {
                    sum += std::uint64_t(s.memoryBytes[m]);
                    if (s.memoryBytes[m] > 0)
                        seen[m] = true;
                }
                fullest = std::max(fullest, sum);
            }
            // Each worker process had a PSS of its own at some sample.
            for (qsizetype m = 0; m < r.memoryNames.size(); ++m)
                QVERIFY2(seen[m], qPrintable(r.memoryNames[m]));
            QVERIFY(r.peakMemoryBytes.has_value());
            QVERIFY(*r.peakMemoryBytes >= fullest);
            QVERIFY(r.samplerCpuS > 0.0);
        }
    }

    void samplesRoundTripThroughJsonAndTrace()
    {
        RunResult r;
        r.mode = Mode::Processes;
        r.workers = 1;
        r.wallS = 0.1;
        r.workerNames = {u"pid 42"_s};
        r.memoryNames = {u"parent"_s, u"pid 42"_s};
        r.peakMemoryBytes = 3'000'000;
        r.samples = {ResourceSample{0.02, {0.25f, 1.0f}, {1'000'000, 2'000'000}},
                     ResourceSample{0.035, {0.75f, 0.5f}, {}}, // CPU only: memory not read then
                     ResourceSample{0.05, {0.5f, 0.0f}, {1'000'000, 0}}};
        const QByteArray json = ResultJson::serialize({r});
        QString error;
        const auto back = ResultJson::parse(json, &error);
        QVERIFY2(back, qPrintable(error));
        const RunResult &b = back->first();
        QCOMPARE(b.peakMemoryBytes, r.peakMemoryBytes);
        QCOMPARE(b.memoryNames, r.memoryNames);
        QCOMPARE(b.samples.size(), 3);
        QCOMPARE(b.samples[0].timeS, 0.02);
        QCOMPARE(b.samples[0].coreBusy, (QList<float>{0.25f, 1.0f}));
        QVERIFY(b.samples[1].memoryBytes.isEmpty());
        QCOMPARE(b.samples[2].memoryBytes, (QList<qint64>{1'000'000, 0}));
        // The DOM writer and the streaming writer agree.
        const QJsonObject dom = ResultJson::toJson(r);
        QCOMPARE(dom[u"peak_memory_bytes"_s].toDouble(), 3e6);
        QCOMPARE(dom[u"samples"_s].toArray().size(), 3);
        const QJsonObject run =
            QJsonDocument::fromJson(json).object()[u"runs"_s].toArray().first().toObject();
        QCOMPARE(run[u"samples"_s].toArray(), dom[u"samples"_s].toArray());

        // A run too short to afford a memory reading has no peak, not a peak of 0.
        RunResult unread = r;
        unread.peakMemoryBytes.reset();
        const auto unreadBack = ResultJson::parse(ResultJson::serialize({unread}));
        QVERIFY(unreadBack && !unreadBack->first().peakMemoryBytes.has_value());

        const QByteArray trace = TraceExport::serialize({r});
        QVERIFY(QJsonDocument::fromJson(trace).isObject());
        QVERIFY(trace.contains("\"name\":\"CPU 1 busy %\",\"ts\":20000.000,\"args\":{\"percent\":100.0}"));
        QVERIFY(
            trace.contains("\"name\":\"memory (PSS) pid 42\",\"ts\":20000.000,\"args\":{\"bytes\":2000000}"));
    }
};

QTEST_GUILESS_MAIN(TestResourceSampler)
#include "tst_resourcesampler.moc"
