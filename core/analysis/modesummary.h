#pragma once

#include "analysis/statistics.h"
#include "model/runresult.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace wordrace {

// The repeated runs of one mode with one worker count on one corpus (and one set of knobs), summed up as a
// benchmark tool would: spread, outliers, a cold first run, and the speed-up over sequential. Shared by the
// CLI's text, the run JSON's "summaries", the Markdown report and the sweeps, so all agree.
struct ModeSummary
{
    Mode mode = Mode::Sequential;
    int workers = 1;
    CorpusSpec corpus;
    std::uint64_t corpusBytes = 0;
    Knobs knobs;
    QString label; // "threads, 2 workers", with the corpus when runs of several corpora are summed up
    int runs = 0;  // complete measured runs; cancelled ones are left out, their times mean nothing
    int cancelledRuns = 0;
    SampleSummary wall;
    SampleSummary cpu;
    // Against sequential on the same corpus; nullopt when sequential did not run to completion.
    std::optional<Estimate> speedup;
    QList<int> outlierRepetitions; // by wall time, as RunResult::repetition
    bool firstRunCold = false;
    QStringList warnings;

    // One summary per (mode, workers, corpus), in the order they first appear among the runs.
    static QList<ModeSummary> summarize(const QList<RunResult> &runs);
    // Whether two runs repeat one measurement (one summary, one bar): the same mode, workers,
    // corpus and knobs. Runs with other knobs (a GIL, I/O latency, a process per task) measure
    // something else.
    static bool sameMeasurement(const RunResult &a, const RunResult &b);
    // One run per summary, in the same order: the measured run with the median wall time (the lower
    // middle one of an even count), or the last cancelled run of a group that never finished. What
    // the timeline, the overhead chart and the scenario verdicts show for repeated runs.
    static QList<RunResult> medianRuns(const QList<RunResult> &runs);
    // Of these runs, the one with the median wall time (the lower middle one of an even count, the
    // earlier of equal times); nullptr for none.
    static const RunResult *medianOf(QList<const RunResult *> runs);
    // The run JSON's "summaries" entry.
    QJsonObject toJson() const;
    // The block the CLI prints after the table when there were several runs, warnings last.
    static QString text(const QList<ModeSummary> &summaries);
    // "sequential", "threads, 1 worker", "processes, 4 workers".
    static QString labelFor(Mode mode, int workers);
    // labelFor in the window's language ("threads, 4 workers"), for display only.
    static QString displayLabelFor(Mode mode, int workers);
    // "1.73 ± 0.07", or "1.73" when the spread is unknown.
    static QString estimate(const Estimate &e, int decimals = 2);
    // estimate with the decimal point of the window's language, for display only.
    static QString displayEstimate(const Estimate &e, int decimals = 2);
};

} // namespace wordrace
