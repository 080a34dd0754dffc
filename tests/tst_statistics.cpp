#include "analysis/statistics.h"
#include "kernel/clock.h"
#include "kernel/taskexecutor.h"

#include <QTest>

#include <cmath>
#include <ctime>
#include <limits>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// NaN compares equal to NaN here: "unknown" must stay unknown.
bool same(double a, double b, double tolerance = 1e-12)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b))
        return a == b;
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

#define COMPARE_NUM(actual, expected)                                                                        \
    QVERIFY2(same((actual), (expected)), qPrintable(u"%1 is %2, expected %3"_s.arg(QLatin1String(#actual))   \
                                                        .arg(actual, 0, 'g', 17)                             \
                                                        .arg(expected, 0, 'g', 17)))

SampleSummary summaryOf(qsizetype n, double mean, double stddev)
{
    SampleSummary s;
    s.n = n;
    s.mean = mean;
    s.stddev = stddev;
    return s;
}

} // namespace

Q_DECLARE_METATYPE(QList<qsizetype>)

class TestStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // CPU time comes from the kernel's exact clocks: a few milliseconds of computing read as that,
    // not as the tick-based getrusage figure (2.8 ms for a 4 ms loop on some kernels). Both sides
    // are CPU clocks, so a busy machine does not change the answer.
    void cpuTimeIsExact_data()
    {
        QTest::addColumn<double>("ms");
        QTest::newRow("1 ms") << 1.0;
        QTest::newRow("4 ms") << 4.0;
        QTest::newRow("20 ms") << 20.0;
    }
    void cpuTimeIsExact()
    {
        QFETCH(double, ms);
        const auto clockNs = [] {
            timespec ts{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
            return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
        };
        const wordrace::CpuTimes before = wordrace::threadCpu();
        const std::int64_t start = clockNs();
        while (clockNs() - start < std::int64_t(ms * 1e6))
            (void)wordrace::TaskExecutor::burn(1000);
        const double used = (wordrace::threadCpu() - before).total();
        QVERIFY2(used >= ms * 1e-3 && used < ms * 1e-3 + 0.5e-3, qPrintable(QString::number(used * 1e3)));
        const wordrace::CpuTimes process = wordrace::processCpu();
        QVERIFY(process.user >= 0.0 && process.sys >= 0.0);
        QVERIFY(process.total() >= wordrace::threadCpu().total() - 1e-3);
    }

    // A difference keeps the exact total even when the coarse split moved back a little.
    void cpuDifferenceKeepsTheTotal()
    {
        const wordrace::CpuTimes a{0.008, 0.002};
        const wordrace::CpuTimes b{0.0072, 0.0048}; // 2 ms later; the coarse user share fell
        const wordrace::CpuTimes d = b - a;
        QVERIFY(std::abs(d.total() - 0.002) < 1e-12);
        QVERIFY(d.user >= 0.0 && d.sys >= 0.0);
        QCOMPARE((a - b).total(), 0.0); // never negative
    }

    void summarize_data()
    {
        QTest::addColumn<QList<double>>("sample");
        QTest::addColumn<double>("mean");
        QTest::addColumn<double>("stddev");
        QTest::addColumn<double>("median");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("mad");
        // Deviations from 5: -3 -1 -1 -1 0 0 2 4, squares sum to 32; |x - 4.5| has median 0.5.
        QTest::newRow("even count") << QList<double>{2, 4, 4, 4, 5, 5, 7, 9} << 5.0 << std::sqrt(32.0 / 7.0)
                                    << 4.5 << 2.0 << 9.0 << 0.5;
        // Squares of -21 -20 -19 -18 78 sum to 7610; |x - 3| = 2 1 0 1 97.
        QTest::newRow("odd count, one far value") << QList<double>{4, 1, 100, 3, 2} << 22.0
                                                  << std::sqrt(7610.0 / 4.0) << 3.0 << 1.0 << 100.0 << 1.0;
        QTest::newRow("two values") << QList<double>{1, 3} << 2.0 << std::sqrt(2.0) << 2.0 << 1.0 << 3.0
                                    << 1.0;
        QTest::newRow("one value: no spread known")
            << QList<double>{7} << 7.0 << kNaN << 7.0 << 7.0 << 7.0 << 0.0;
        QTest::newRow("empty") << QList<double>{} << kNaN << kNaN << kNaN << kNaN << kNaN << kNaN;
        // The one-pass formula would lose these digits.
        QTest::newRow("tiny spread on a large mean") << QList<double>{1e9 + 1, 1e9 + 2, 1e9 + 3} << 1e9 + 2
                                                     << 1.0 << 1e9 + 2 << 1e9 + 1 << 1e9 + 3 << 1.0;
    }
    void summarize()
    {
        QFETCH(QList<double>, sample);
        const SampleSummary s = Statistics::summarize(sample);
        QCOMPARE(s.n, sample.size());
        QFETCH(double, mean);
        QFETCH(double, stddev);
        QFETCH(double, median);
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(double, mad);
        COMPARE_NUM(s.mean, mean);
        COMPARE_NUM(s.stddev, stddev);
        COMPARE_NUM(s.median, median);
        COMPARE_NUM(s.min, min);
        COMPARE_NUM(s.max, max);
        COMPARE_NUM(s.mad, mad);
    }

    // Checked against numpy.quantile's default (linear) method.
    void quartiles_data()
    {
        QTest::addColumn<QList<double>>("sample");
        QTest::addColumn<double>("lower");
        QTest::addColumn<double>("upper");
        QTest::newRow("even count") << QList<double>{2, 4, 4, 4, 5, 5, 7, 9} << 4.0 << 5.5;
        QTest::newRow("odd count, unsorted") << QList<double>{4, 1, 100, 3, 2} << 2.0 << 4.0;
        QTest::newRow("two values: interpolated") << QList<double>{1, 3} << 1.5 << 2.5;
        QTest::newRow("one value") << QList<double>{7} << 7.0 << 7.0;
        QTest::newRow("empty") << QList<double>{} << kNaN << kNaN;
    }
    void quartiles()
    {
        QFETCH(QList<double>, sample);
        QFETCH(double, lower);
        QFETCH(double, upper);
        const SampleSummary s = Statistics::summarize(sample);
        COMPARE_NUM(s.lowerQuartile, lower);
        COMPARE_NUM(s.upperQuartile, upper);
    }

    void modifiedZScores_data()
    {
        QTest::addColumn<QList<double>>("sample");
        QTest::addColumn<QList<double>>("scores");
        // median 3, MAD 1: M = 0.6745 (x - 3).
        QTest::newRow("MAD 1") << QList<double>{1, 2, 3, 4, 100}
                               << QList<double>{-1.349, -0.6745, 0, 0.6745, 0.6745 * 97};
        // Five equal values: MAD 0, mean absolute deviation 1/6, so M = 1 / (1.253314 / 6).
        QTest::newRow("MAD 0 falls back to the mean absolute deviation")
            << QList<double>{5, 5, 5, 5, 5, 6} << QList<double>{0, 0, 0, 0, 0, 6.0 / 1.253314};
        QTest::newRow("all equal") << QList<double>{3, 3, 3} << QList<double>{0, 0, 0};
    }
    void modifiedZScores()
    {
        QFETCH(QList<double>, sample);
        QFETCH(QList<double>, scores);
        const QList<double> got = Statistics::modifiedZScores(sample);
        QCOMPARE(got.size(), scores.size());
        for (qsizetype i = 0; i < got.size(); ++i)
            QVERIFY2(same(got[i], scores[i], 1e-9),
                     qPrintable(u"score %1 is %2, expected %3"_s.arg(i).arg(got[i]).arg(scores[i])));
    }

    void outliers_data()
    {
        QTest::addColumn<QList<double>>("sample");
        QTest::addColumn<QList<qsizetype>>("expected");
        // median 10.025, MAD 0.075: 30 scores 179.6.
        QTest::newRow("one slow run") << QList<double>{10, 10.1, 9.9, 10.05, 9.95, 30} << QList<qsizetype>{5};
        QTest::newRow("one fast run") << QList<double>{10, 10.1, 9.9, 10.05, 9.95, 1} << QList<qsizetype>{5};
        QTest::newRow("none") << QList<double>{1, 2, 3, 4, 5} << QList<qsizetype>{};
        // median 0, MAD 1: 5.5 scores 3.71, 5.1 scores 3.44.
        QTest::newRow("just above 3.5") << QList<double>{-1, -1, 0, 0, 0, 1, 1, 5.5} << QList<qsizetype>{7};
        QTest::newRow("just below 3.5") << QList<double>{-1, -1, 0, 0, 0, 1, 1, 5.1} << QList<qsizetype>{};
        QTest::newRow("MAD 0, one differs") << QList<double>{5, 5, 5, 5, 5, 6} << QList<qsizetype>{5};
        QTest::newRow("all equal") << QList<double>{3, 3, 3, 3, 3} << QList<qsizetype>{};
        QTest::newRow("two far apart, too few to judge") << QList<double>{1, 1000} << QList<qsizetype>{};
        QTest::newRow("four values, too few to judge") << QList<double>{1, 1, 1, 1000} << QList<qsizetype>{};
        QTest::newRow("two outliers")
            << QList<double>{10, 10.1, 9.9, 10.05, 9.95, 10, 30, 0.5} << QList<qsizetype>{6, 7};
    }
    void outliers()
    {
        QFETCH(QList<double>, sample);
        QFETCH(QList<qsizetype>, expected);
        QCOMPARE(Statistics::outliers(sample), expected);
    }

    void firstRunCold_data()
    {
        QTest::addColumn<QList<double>>("sample");
        QTest::addColumn<bool>("cold");
        QTest::newRow("first twice as slow") << QList<double>{2.0, 1.0, 1.01, 0.99, 1.0} << true;
        QTest::newRow("three runs, first much slower") << QList<double>{7.2, 5.6, 5.5} << true;
        QTest::newRow("steady") << QList<double>{1.0, 1.01, 0.99, 1.0, 1.02} << false;
        QTest::newRow("a later run slow") << QList<double>{1.0, 1.01, 2.0, 0.99, 1.0} << false;
        QTest::newRow("first run fast") << QList<double>{0.5, 1.0, 1.01, 0.99, 1.0} << false;
        // An outlier by its score, but 2% is no cold cache.
        QTest::newRow("tight sample, first 2% slower")
            << QList<double>{1.02, 1.0, 1.0, 1.0, 1.0001, 0.9999} << false;
        QTest::newRow("two runs") << QList<double>{5.0, 1.0} << false;
    }
    void firstRunCold()
    {
        QFETCH(QList<double>, sample);
        QFETCH(bool, cold);
        QCOMPARE(Statistics::firstRunCold(sample), cold);
    }

    void speedup_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("baseMean");
        QTest::addColumn<double>("baseSd");
        QTest::addColumn<double>("modeMean");
        QTest::addColumn<double>("modeSd");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("uncertainty");
        // S = 10 / 5 = 2; relative errors 0.1 and 0.1: 2 sqrt(0.02).
        QTest::newRow("twice as fast") << 5 << 10.0 << 1.0 << 5.0 << 0.5 << 2.0 << 2.0 * std::sqrt(0.02);
        // S = 1 / 4; relative errors 0.03 and 0.04: 0.25 * 0.05.
        QTest::newRow("four times slower") << 5 << 1.0 << 0.03 << 4.0 << 0.16 << 0.25 << 0.0125;
        QTest::newRow("no spread in either") << 5 << 3.0 << 0.0 << 1.5 << 0.0 << 2.0 << 0.0;
        QTest::newRow("one run: uncertainty unknown") << 1 << 3.0 << kNaN << 1.5 << kNaN << 2.0 << kNaN;
    }
    void speedup()
    {
        QFETCH(int, n);
        QFETCH(double, baseMean);
        QFETCH(double, baseSd);
        QFETCH(double, modeMean);
        QFETCH(double, modeSd);
        QFETCH(double, value);
        QFETCH(double, uncertainty);
        const Estimate e =
            Statistics::speedup(summaryOf(n, baseMean, baseSd), summaryOf(n, modeMean, modeSd));
        COMPARE_NUM(e.value, value);
        COMPARE_NUM(e.uncertainty, uncertainty);
        QCOMPARE(e.hasUncertainty(), !std::isnan(uncertainty));
    }

    void speedupOfNothingIsUnknown()
    {
        const Estimate e = Statistics::speedup(SampleSummary{}, summaryOf(3, 1.0, 0.1));
        QVERIFY(std::isnan(e.value));
        QVERIFY(!e.hasUncertainty());
    }

    void amdahlLaw()
    {
        COMPARE_NUM(Statistics::amdahlSpeedup(0.1, 4), 1.0 / 0.325);
        COMPARE_NUM(Statistics::amdahlSpeedup(0.0, 8), 8.0);
        COMPARE_NUM(Statistics::amdahlSpeedup(1.0, 8), 1.0);
        COMPARE_NUM(Statistics::amdahlSpeedup(0.5, 1), 1.0);
        COMPARE_NUM(Statistics::efficiency(3.0, 4), 0.75);
        COMPARE_NUM(Statistics::efficiency(8.0, 8), 1.0);
    }

    void fitAmdahl_data()
    {
        QTest::addColumn<double>("serialFraction");
        QTest::addColumn<double>("noise");     // relative, alternating sign
        QTest::addColumn<double>("tolerance"); // on the recovered fraction
        for (double s : {0.0, 0.05, 0.1, 0.25, 0.5, 0.9, 1.0})
            QTest::addRow("s = %g, exact", s) << s << 0.0 << 1e-12;
        QTest::addRow("s = 0.1, 2%% noise") << 0.1 << 0.02 << 0.02;
        QTest::addRow("s = 0.3, 5%% noise") << 0.3 << 0.05 << 0.05;
    }
    void fitAmdahl()
    {
        QFETCH(double, serialFraction);
        QFETCH(double, noise);
        QFETCH(double, tolerance);
        QList<ScalingPoint> points;
        int sign = 1;
        for (int n : {1, 2, 3, 4, 6, 8, 16, 32}) {
            points.append({double(n), Statistics::amdahlSpeedup(serialFraction, n) * (1.0 + sign * noise)});
            sign = -sign;
        }
        const AmdahlFit fit = Statistics::fitAmdahl(points);
        QVERIFY(fit.valid);
        QCOMPARE(fit.points, 7); // N = 1 says nothing about s
        QVERIFY2(std::abs(fit.serialFraction - serialFraction) <= tolerance,
                 qPrintable(u"fitted s = %1, true s = %2"_s.arg(fit.serialFraction).arg(serialFraction)));
        QVERIFY(fit.serialFraction >= 0.0 && fit.serialFraction <= 1.0);
        if (noise == 0.0) {
            QVERIFY(fit.rmsResidual < 1e-9);
            QVERIFY(fit.uncertainty < 1e-9);
            if (serialFraction > 0)
                COMPARE_NUM(fit.maxSpeedup(), 1.0 / serialFraction);
            else
                QVERIFY(std::isinf(fit.maxSpeedup()));
        } else {
            QVERIFY(fit.uncertainty > 0);
            QVERIFY(fit.rmsResidual > 0);
        }
        QVERIFY(!fit.clamped());
        COMPARE_NUM(fit.speedup(4), Statistics::amdahlSpeedup(fit.serialFraction, 4));
    }

    void fitAmdahlClamps_data()
    {
        QTest::addColumn<QList<double>>("speedups"); // at N = 2, 4, 8
        QTest::addColumn<double>("clampedTo");
        QTest::newRow("super-linear (caches)") << QList<double>{2.4, 4.8, 9.6} << 0.0;
        QTest::newRow("slower than sequential (overhead)") << QList<double>{0.5, 0.5, 0.5} << 1.0;
    }
    void fitAmdahlClamps()
    {
        QFETCH(QList<double>, speedups);
        QFETCH(double, clampedTo);
        const QList<ScalingPoint> points{{2, speedups[0]}, {4, speedups[1]}, {8, speedups[2]}};
        const AmdahlFit fit = Statistics::fitAmdahl(points);
        QVERIFY(fit.valid);
        QVERIFY(fit.clamped());
        QCOMPARE(fit.serialFraction, clampedTo);
        QVERIFY(clampedTo == 0.0 ? fit.unclampedFraction < 0.0 : fit.unclampedFraction > 1.0);
        if (clampedTo == 1.0)
            COMPARE_NUM(fit.maxSpeedup(), 1.0);
    }

    // Parallel runs slower than sequential: plain Amdahl would draw a line at S = 1 far above the
    // points; Amdahl plus a per-worker cost follows them, and a curve that cannot is not a fit.
    void fitFollowsASlowDown_data()
    {
        QTest::addColumn<QList<double>>("workers");
        QTest::addColumn<QList<double>>("speedups");
        QTest::addColumn<bool>("fits");
        QTest::addColumn<bool>("withCost");
        const auto model = [](double s, double c, const QList<double> &ns) {
            QList<double> out;
            for (double n : ns)
                out << 1.0 / (s + (1.0 - s) / n + c * (n - 1.0));
            return out;
        };
        const QList<double> ns{2, 3, 4, 6, 8};
        QTest::newRow("one point far below sequential (the issue's 0.06)")
            << QList<double>{2} << QList<double>{0.06} << true << true;
        QTest::newRow("serial 0.2, 5% per worker") << ns << model(0.2, 0.05, ns) << true << true;
        QTest::newRow("serial 0.1, no cost: plain Amdahl") << ns << model(0.1, 0.0, ns) << true << false;
        QTest::newRow("super-linear: no model follows it")
            << QList<double>{2, 4, 8} << QList<double>{2.4, 4.8, 9.6} << false << false;
        QTest::newRow("flat at half: misses")
            << QList<double>{2, 4, 8} << QList<double>{0.5, 0.5, 0.5} << false << true;
    }
    void fitFollowsASlowDown()
    {
        QFETCH(QList<double>, workers);
        QFETCH(QList<double>, speedups);
        QFETCH(bool, fits);
        QFETCH(bool, withCost);
        QList<ScalingPoint> points{{1.0, 1.0}};
        for (qsizetype i = 0; i < workers.size(); ++i)
            points.append({workers[i], speedups[i]});
        const AmdahlFit fit = Statistics::fitAmdahl(points);
        QVERIFY(fit.valid);
        QCOMPARE(fit.fits(), fits);
        QCOMPARE(fit.perWorkerCost > 0, withCost);
        QVERIFY(fit.serialFraction >= 0.0 && fit.serialFraction <= 1.0);
        QVERIFY(fit.perWorkerCost >= 0.0);
        double worst = 0;
        for (qsizetype i = 0; i < workers.size(); ++i)
            worst = std::max(worst, std::abs(fit.speedup(workers[i]) - speedups[i]) / speedups[i]);
        COMPARE_NUM(fit.maxRelativeResidual, worst);
        QVERIFY2(fit.text().contains(fits ? u"fits"_s : u"no model drawn"_s) ||
                     (fits && fit.points == 1 && fit.text().contains(u"by construction"_s)),
                 qPrintable(fit.text()));
        if (fits && workers.size() > 1)
            QVERIFY(fit.maxRelativeResidual < 1e-6); // exact data, exact fit
    }

    void fitAmdahlNeedsMoreThanOneWorker()
    {
        QVERIFY(!Statistics::fitAmdahl({}).valid);
        QVERIFY(!Statistics::fitAmdahl({{1.0, 1.0}, {1.0, 0.9}}).valid);
        QVERIFY(!Statistics::fitAmdahl({{4.0, 0.0}, {2.0, -1.0}}).valid); // no usable speed-up
        QVERIFY(std::isnan(Statistics::fitAmdahl({}).maxSpeedup()));
        const AmdahlFit one = Statistics::fitAmdahl({{1.0, 1.0}, {2.0, 1.6}});
        QVERIFY(one.valid);
        QCOMPARE(one.points, 1);
        // 1/1.6 - 1/2 = s / 2: s = 0.25, the fit goes through the point; no spread from one point.
        COMPARE_NUM(one.serialFraction, 0.25);
        QVERIFY(std::isnan(one.uncertainty));
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
