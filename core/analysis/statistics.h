#pragma once

#include <QList>
#include <QString>

#include <limits>

namespace wordrace {

// What a benchmark tool reports about a sample of timings. Unknown values are NaN (a standard
// deviation of one run), never 0, so that nobody mistakes "not measured" for "no spread".
struct SampleSummary
{
    qsizetype n = 0;
    double mean = std::numeric_limits<double>::quiet_NaN();
    double stddev = std::numeric_limits<double>::quiet_NaN(); // sample (n - 1); NaN below 2 values
    double median = std::numeric_limits<double>::quiet_NaN();
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    double mad = std::numeric_limits<double>::quiet_NaN(); // median absolute deviation, unscaled
    // The middle half of the values, linearly interpolated (R's type 7, as numpy's default).
    double lowerQuartile = std::numeric_limits<double>::quiet_NaN();
    double upperQuartile = std::numeric_limits<double>::quiet_NaN();
};

// A derived number and its one-sigma uncertainty (NaN when the inputs had no spread to propagate).
struct Estimate
{
    double value = std::numeric_limits<double>::quiet_NaN();
    double uncertainty = std::numeric_limits<double>::quiet_NaN();
    bool hasUncertainty() const;
};

// One point of a strong-scaling measurement: the speed-up S measured with N workers.
struct ScalingPoint
{
    double workers = 1.0;
    double speedup = 1.0;
};

// Amdahl's law S(N) = 1 / (s + (1 - s) / N) fitted to measured speed-ups; where that cannot follow
// the points (parallel runs slower than sequential), Amdahl plus a per-worker cost,
// S(N) = 1 / (s + (1 - s) / N + c (N - 1)), which can bend down.
struct AmdahlFit
{
    // A fit whose curve misses a point by more than this share of the point is not drawn.
    static constexpr double kFitTolerance = 0.15;

    bool valid = false;                                                  // false: no point with N > 1
    double serialFraction = std::numeric_limits<double>::quiet_NaN();    // s, clamped to [0, 1]
    double unclampedFraction = std::numeric_limits<double>::quiet_NaN(); // the least-squares s itself
    double uncertainty = std::numeric_limits<double>::quiet_NaN();       // standard error of s (2+ points)
    double rmsResidual = std::numeric_limits<double>::quiet_NaN();       // of S against the fitted curve
    int points = 0;                                                      // points that carried the fit
    // c: the time each worker beyond the first adds, as a share of the sequential time; 0: plain Amdahl.
    double perWorkerCost = 0.0;
    // The largest |S - fitted S| / S over the points: how well the curve follows them.
    double maxRelativeResidual = std::numeric_limits<double>::quiet_NaN();
    // The ceiling no number of cores can pass: 1 / s for plain Amdahl (infinity when s is 0), the
    // curve's peak with a per-worker cost.
    double maxSpeedup() const;
    double speedup(double workers) const;
    bool clamped() const { return valid && unclampedFraction != serialFraction; }
    bool fits() const { return valid && maxRelativeResidual <= kFitTolerance; }
    // "serial fraction 0.120 ± 0.030, at most 8.3 times faster; fits its 3 points within 4%": the
    // sentence the CLI, the panel and the chart's legend all use.
    QString text() const;
};

class Statistics
{
public:
    // Iglewicz and Hoaglin's cut-off for the modified Z-score.
    static constexpr double kOutlierThreshold = 3.5;
    // A first run flagged as an outlier must also be this much slower than the median of the others
    // to count as cold: a very tight sample would otherwise flag a first run that is 1% slower.
    static constexpr double kColdRunMinRatio = 1.1;
    // Below this many values the MAD is one or two of the gaps between them, and ordinary noise
    // makes "outliers" of every other sample.
    static constexpr qsizetype kMinOutlierSample = 5;

    static SampleSummary summarize(const QList<double> &sample);
    static double median(QList<double> sample);
    // The q-quantile (0 <= q <= 1), linearly interpolated between the sorted values.
    static double quantile(QList<double> sample, double q);

    // M_i = 0.6745 (x_i - median) / MAD. When more than half the values are equal the MAD is 0; the
    // scores then fall back to the mean absolute deviation, M_i = (x_i - median) / (1.253314 MeanAD),
    // as IBM's write-up of the method does, and are all 0 when every value is the same.
    static QList<double> modifiedZScores(const QList<double> &sample);
    // Indices into the sample whose |M_i| exceeds the threshold; none below kMinOutlierSample values.
    static QList<qsizetype> outliers(const QList<double> &sample, double threshold = kOutlierThreshold);
    // True when sample[0] (the first run in time) is an outlier on the slow side and clearly slower
    // than the rest: caches, page tables or the CPU governor were still cold. Needs three values;
    // the ratio guard keeps the small samples this allows from crying wolf.
    static bool firstRunCold(const QList<double> &sample);

    // How many times faster `mode` is than `baseline`: the ratio of their means, its uncertainty by
    // first-order propagation of both standard deviations (as hyperfine's "relative" column).
    static Estimate speedup(const SampleSummary &baseline, const SampleSummary &mode);

    // Least squares on the linearised law 1/S - 1/N = s (1 - 1/N), a line through the origin in
    // x = 1 - 1/N. Points with N <= 1 or S <= 0 carry no information about s and are skipped.
    static AmdahlFit fitAmdahl(const QList<ScalingPoint> &points);
    static double amdahlSpeedup(double serialFraction, double workers);
    // E(N) = S(N) / N: 1 is perfect scaling.
    static double efficiency(double speedup, double workers);
};

} // namespace wordrace
