#pragma once

#include "analysis/modesummary.h"
#include "analysis/statistics.h"
#include "model/runresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <limits>

namespace wordrace {

// One mode at one worker count on one corpus, with what a scaling plot shows of it.
struct SweepPoint
{
    ModeSummary summary;
    Estimate efficiency;                                             // E(N) = S(N) / N
    double idealSpeedup = 1;                                         // S(N) = N: perfect scaling
    double amdahlSpeedup = std::numeric_limits<double>::quiet_NaN(); // the fitted law at N
};

// Amdahl's law fitted to one parallel mode's speed-ups.
struct ModeFit
{
    Mode mode = Mode::Threads;
    AmdahlFit fit;
    QList<int> fittedWorkers; // the worker counts the fit used
    // True when the fit had to use counts above the machine's logical CPUs, where the speed-up stops
    // growing because cores run out, not because of a serial part.
    bool beyondCores = false;
};

// Where a parallel mode starts to beat sequential as the corpus grows: the lesson's "use these only
// if your processing takes longer than the setup overhead", measured.
struct Crossover
{
    Mode mode = Mode::Threads;
    int workers = 1;
    bool always = false; // already faster at the smallest size
    bool never = false;  // not faster at the largest size
    QString fromCorpus;  // the smallest size from which it was faster at every larger size
    std::uint64_t fromBytes = 0;
    QString lostCorpus; // the size just below, where it was not faster
    std::uint64_t lostBytes = 0;
    // Where S = 1, interpolated between those two sizes on a log scale.
    double estimateBytes = std::numeric_limits<double>::quiet_NaN();
};

// The analysis of a sweep's runs: a worker sweep (speed-up, efficiency, Amdahl's law per mode) or a
// problem-size sweep (speed-up per size, where each mode overtakes sequential). Pure computation,
// no running, so the numbers can be tested on constructed results.
class Sweep
{
public:
    enum class Kind
    {
        Workers,
        Sizes
    };

    Sweep(Kind kind, const QList<RunResult> &runs, int logicalCpus);

    Kind kind() const { return m_kind; }
    int logicalCpus() const { return m_logicalCpus; }
    const QList<SweepPoint> &points() const { return m_points; }
    const QList<ModeFit> &fits() const { return m_fits; }
    const QList<Crossover> &crossovers() const { return m_crossovers; }

    static QString kindName(Kind kind);
    // The run JSON's "sweep" object: {"kind", "logical_cpus", "points", "amdahl" | "crossover"}.
    QJsonObject toJson() const;
    // One CSV row per point, ready for a scaling plot.
    QByteArray csv() const;
    static QStringList csvColumns();
    // The table and the conclusions, as the CLI prints them.
    QString text() const;

private:
    void fitAmdahl();
    void findCrossovers();

    Kind m_kind;
    int m_logicalCpus;
    QList<SweepPoint> m_points;
    QList<ModeFit> m_fits;
    QList<Crossover> m_crossovers;
};

} // namespace wordrace
