#include "analysis/statistics.h"

#include "io/units.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// 0.6745 is the 0.75 quantile of the standard normal: it makes the MAD estimate sigma.
constexpr double kMadScale = 0.6745;
// sqrt(pi / 2): the mean absolute deviation of a normal sample is sigma * sqrt(2 / pi).
constexpr double kMeanAdScale = 1.253314;
} // namespace

bool Estimate::hasUncertainty() const
{
    return std::isfinite(uncertainty);
}

double AmdahlFit::maxSpeedup() const
{
    if (!valid)
        return kNaN;
    if (perWorkerCost > 0) {
        // 1/S = s + (1 - s)/N + c (N - 1) is least at N = sqrt((1 - s) / c), and never below N = 1.
        const double best = std::max(1.0, std::sqrt((1.0 - serialFraction) / perWorkerCost));
        return speedup(best);
    }
    return serialFraction > 0 ? 1.0 / serialFraction : std::numeric_limits<double>::infinity();
}

double AmdahlFit::speedup(double workers) const
{
    if (!valid || !(workers > 0))
        return kNaN;
    return 1.0 / (serialFraction + (1.0 - serialFraction) / workers + perWorkerCost * (workers - 1.0));
}

QString AmdahlFit::text() const
{
    if (!valid)
        return QCoreApplication::translate("wordrace::AmdahlFit",
                                           "no fit: it needs a point with more than one worker");
    QString out = QCoreApplication::translate("wordrace::AmdahlFit", "serial fraction %1")
                      .arg(Units::decimal(serialFraction, 3));
    if (std::isfinite(uncertainty))
        out += u" ± "_s + Units::decimal(uncertainty, 3);
    if (perWorkerCost > 0)
        out += QCoreApplication::translate("wordrace::AmdahlFit",
                                           ", each worker beyond the first costs %1% of the sequential time")
                   .arg(Units::decimal(perWorkerCost * 100.0, perWorkerCost >= 0.1 ? 0 : 1));
    const double ceiling = maxSpeedup();
    if (ceiling <= 1.0 + 1e-9)
        out += QCoreApplication::translate("wordrace::AmdahlFit", ": never faster than sequential here");
    else if (std::isinf(ceiling))
        out += QCoreApplication::translate("wordrace::AmdahlFit", ": no ceiling in sight");
    else
        out += QCoreApplication::translate("wordrace::AmdahlFit",
                                           ": at most %1 times faster, whatever the number of cores")
                   .arg(Units::decimal(ceiling, 1));
    const QString pointsText =
        points == 1 ? QCoreApplication::translate("wordrace::AmdahlFit", "its 1 point")
                    : QCoreApplication::translate("wordrace::AmdahlFit", "its %1 points").arg(points);
    const QString miss = Units::decimal(maxRelativeResidual * 100.0, 0) + u"%"_s;
    if (fits())
        out += points == 1 ? QCoreApplication::translate(
                                 "wordrace::AmdahlFit",
                                 "; one point: the curve meets it by construction, and says nothing more")
                           : QCoreApplication::translate("wordrace::AmdahlFit", "; fits %1 within %2")
                                 .arg(pointsText, miss);
    else
        out += QCoreApplication::translate("wordrace::AmdahlFit", "; misses %1 by up to %2: no model drawn")
                   .arg(pointsText, miss);
    return out;
}

double Statistics::median(QList<double> sample)
{
    if (sample.isEmpty())
        return kNaN;
    const qsizetype mid = sample.size() / 2;
    std::nth_element(sample.begin(), sample.begin() + mid, sample.end());
    const double upper = sample[mid];
    if (sample.size() % 2 == 1)
        return upper;
    const double lower = *std::max_element(sample.begin(), sample.begin() + mid);
    return (lower + upper) / 2.0;
}

double Statistics::quantile(QList<double> sample, double q)
{
    if (sample.isEmpty() || !(q >= 0.0 && q <= 1.0))
        return kNaN;
    std::sort(sample.begin(), sample.end());
    const double at = q * double(sample.size() - 1);
    const auto below = qsizetype(std::floor(at));
    const qsizetype above = std::min(below + 1, sample.size() - 1);
    return sample[below] + (at - double(below)) * (sample[above] - sample[below]);
}

SampleSummary Statistics::summarize(const QList<double> &sample)
{
    SampleSummary s;
    s.n = sample.size();
    if (sample.isEmpty())
        return s;
    double sum = 0.0;
    for (double x : sample)
        sum += x;
    s.mean = sum / double(s.n);
    if (s.n > 1) {
        // Two passes: the one-pass formula loses digits when the spread is tiny against the mean,
        // which is exactly the case of repeated timings.
        double squares = 0.0;
        for (double x : sample)
            squares += (x - s.mean) * (x - s.mean);
        s.stddev = std::sqrt(squares / double(s.n - 1));
    }
    const auto [lo, hi] = std::minmax_element(sample.begin(), sample.end());
    s.min = *lo;
    s.max = *hi;
    s.median = median(sample);
    QList<double> deviations;
    deviations.reserve(s.n);
    for (double x : sample)
        deviations.append(std::abs(x - s.median));
    s.mad = median(deviations);
    s.lowerQuartile = quantile(sample, 0.25);
    s.upperQuartile = quantile(sample, 0.75);
    return s;
}

QList<double> Statistics::modifiedZScores(const QList<double> &sample)
{
    QList<double> scores(sample.size(), 0.0);
    if (sample.isEmpty())
        return scores;
    const SampleSummary s = summarize(sample);
    double scale = s.mad / kMadScale;
    if (!(scale > 0)) {
        double meanAd = 0.0;
        for (double x : sample)
            meanAd += std::abs(x - s.median);
        meanAd /= double(sample.size());
        scale = kMeanAdScale * meanAd;
    }
    if (!(scale > 0))
        return scores; // every value equal: nothing stands out
    for (qsizetype i = 0; i < sample.size(); ++i)
        scores[i] = (sample[i] - s.median) / scale;
    return scores;
}

QList<qsizetype> Statistics::outliers(const QList<double> &sample, double threshold)
{
    QList<qsizetype> out;
    if (sample.size() < kMinOutlierSample)
        return out;
    const QList<double> scores = modifiedZScores(sample);
    for (qsizetype i = 0; i < scores.size(); ++i)
        if (std::abs(scores[i]) > threshold)
            out.append(i);
    return out;
}

bool Statistics::firstRunCold(const QList<double> &sample)
{
    if (sample.size() < 3)
        return false;
    const QList<double> scores = modifiedZScores(sample);
    if (!(scores.first() > kOutlierThreshold))
        return false;
    const double restMedian = median(sample.mid(1));
    return sample.first() > kColdRunMinRatio * restMedian;
}

Estimate Statistics::speedup(const SampleSummary &baseline, const SampleSummary &mode)
{
    Estimate e;
    if (baseline.n == 0 || mode.n == 0 || !(mode.mean > 0) || !(baseline.mean > 0))
        return e;
    e.value = baseline.mean / mode.mean;
    if (std::isfinite(baseline.stddev) && std::isfinite(mode.stddev)) {
        const double a = baseline.stddev / baseline.mean;
        const double b = mode.stddev / mode.mean;
        e.uncertainty = e.value * std::sqrt(a * a + b * b);
    }
    return e;
}

double Statistics::amdahlSpeedup(double serialFraction, double workers)
{
    if (!(workers > 0))
        return kNaN;
    return 1.0 / (serialFraction + (1.0 - serialFraction) / workers);
}

double Statistics::efficiency(double speedup, double workers)
{
    return workers > 0 ? speedup / workers : kNaN;
}

namespace {

// How far the fit's curve is from the points: the root mean square of S, and the largest share of a
// point it misses by.
void measureResiduals(AmdahlFit &fit, const QList<ScalingPoint> &used)
{
    double squares = 0.0;
    double worst = 0.0;
    for (const ScalingPoint &p : used) {
        const double d = p.speedup - fit.speedup(p.workers);
        squares += d * d;
        worst = std::max(worst, std::abs(d) / p.speedup);
    }
    fit.rmsResidual = std::sqrt(squares / double(used.size()));
    fit.maxRelativeResidual = worst;
}

// Amdahl plus a per-worker cost, by least squares on 1/S - 1/N = s (1 - 1/N) + c (N - 1), with s in
// [0, 1] and c >= 0. One point cannot carry two parameters: it is then all serial part and cost.
AmdahlFit fitWithCost(const AmdahlFit &plain, const QList<ScalingPoint> &used)
{
    double a11 = 0, a12 = 0, a22 = 0, b1 = 0, b2 = 0;
    for (const ScalingPoint &p : used) {
        const double x1 = 1.0 - 1.0 / p.workers;
        const double x2 = p.workers - 1.0;
        const double y = 1.0 / p.speedup - 1.0 / p.workers;
        a11 += x1 * x1;
        a12 += x1 * x2;
        a22 += x2 * x2;
        b1 += x1 * y;
        b2 += x2 * y;
    }
    AmdahlFit fit = plain;
    fit.uncertainty = kNaN; // not propagated for two parameters
    double s = 1.0;
    double c = 0.0;
    const double det = a11 * a22 - a12 * a12;
    if (used.size() >= 2 && std::abs(det) > 1e-12 * std::max(1.0, a11 * a22)) {
        s = (b1 * a22 - b2 * a12) / det;
        c = (a11 * b2 - a12 * b1) / det;
    }
    if (used.size() < 2 || !(s >= 0.0 && s <= 1.0) || !(c >= 0.0)) {
        s = used.size() < 2 ? 1.0 : std::clamp(s, 0.0, 1.0);
        c = std::max(0.0, (b2 - s * a12) / a22);
    }
    fit.serialFraction = s;
    fit.perWorkerCost = c;
    measureResiduals(fit, used);
    return fit;
}

} // namespace

AmdahlFit Statistics::fitAmdahl(const QList<ScalingPoint> &points)
{
    AmdahlFit fit;
    double sxx = 0.0;
    double sxy = 0.0;
    QList<ScalingPoint> used;
    for (const ScalingPoint &p : points) {
        if (!(p.workers > 1.0) || !(p.speedup > 0.0) || !std::isfinite(p.speedup))
            continue;
        const double x = 1.0 - 1.0 / p.workers;
        const double y = 1.0 / p.speedup - 1.0 / p.workers;
        sxx += x * x;
        sxy += x * y;
        used.append(p);
    }
    if (used.isEmpty() || !(sxx > 0))
        return fit;
    fit.valid = true;
    fit.points = int(used.size());
    fit.unclampedFraction = sxy / sxx;
    fit.serialFraction = std::clamp(fit.unclampedFraction, 0.0, 1.0);
    double linearResiduals = 0.0;
    for (const ScalingPoint &p : std::as_const(used)) {
        const double x = 1.0 - 1.0 / p.workers;
        const double y = 1.0 / p.speedup - 1.0 / p.workers;
        linearResiduals += (y - fit.unclampedFraction * x) * (y - fit.unclampedFraction * x);
    }
    measureResiduals(fit, used);
    // One parameter: the residual variance has n - 1 degrees of freedom.
    if (used.size() > 1)
        fit.uncertainty = std::sqrt(linearResiduals / double(used.size() - 1) / sxx);
    // Slower than sequential, or a curve that misses: Amdahl alone cannot bend down, so a per-worker
    // cost is tried, and kept if it follows the points better.
    if (fit.unclampedFraction > 1.0 || !fit.fits()) {
        const AmdahlFit withCost = fitWithCost(fit, used);
        if (withCost.perWorkerCost > 0 && withCost.maxRelativeResidual < fit.maxRelativeResidual)
            return withCost;
    }
    return fit;
}

} // namespace wordrace
