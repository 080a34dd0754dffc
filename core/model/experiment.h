#pragma once

#include "corpus/corpus.h"
#include "model/clusteroptions.h"
#include "model/knobs.h"
#include "model/runresult.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace wordrace {

// What to run: built by the UI or the CLI, handed to the Runner by value.
struct Experiment
{
    CorpusSpec corpus = CorpusSpec::lesson();
    QList<Mode> modes = allModes();
    int workers = defaultWorkers();
    std::optional<std::uint64_t> chunkLines; // lines per task; nullopt: Pool.map's default
    QString workerPath;                      // empty: wordrace-worker next to this executable
    Knobs knobs;
    ClusterOptions cluster;    // the cluster mode's hosts, schedule and programs
    double taskTimeoutS = 0.0; // a worker silent on a task this long fails the run; 0: never
    int runs = 1;              // measured runs of each mode, interleaved across modes; kAutoRuns: chosen
    int warmup = 0;            // unmeasured runs of each mode before them

    static constexpr int kMaxWorkers = 256;
    static constexpr int kMaxRuns = 1000;
    // runs == kAutoRuns: as many runs as fit in about kAutoBudgetS beyond the first round (warm-up
    // included), at most kAutoMaxRuns and at least one; the first round's wall time decides.
    static constexpr int kAutoRuns = 0;
    static constexpr double kAutoBudgetS = 1.0;
    static constexpr int kAutoMaxRuns = 9;
    // The measured runs an automatic count gives when one round of every mode took roundS.
    static int autoRuns(double roundS, int warmup);
    // What the app's window runs when nothing was saved: one untimed warm-up and an automatic count,
    // so that a class sees medians with their spread. The CLI keeps one run, no warm-up.
    static Experiment appDefault();
    // Logical CPUs, as the lesson's multiprocessing.cpu_count().
    static int defaultWorkers();
    // Empty when the experiment can run; otherwise a one-line reason.
    QString validate() const;
    bool operator==(const Experiment &) const = default;
};

} // namespace wordrace
