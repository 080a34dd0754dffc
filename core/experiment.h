#pragma once

#include "clusteroptions.h"
#include "corpus.h"
#include "knobs.h"
#include "runresult.h"

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
    int runs = 1;              // measured runs of each mode, interleaved across modes
    int warmup = 0;            // unmeasured runs of each mode before them

    static constexpr int kMaxWorkers = 256;
    static constexpr int kMaxRuns = 1000;
    // Logical CPUs, as the lesson's multiprocessing.cpu_count().
    static int defaultWorkers();
    // Empty when the experiment can run; otherwise a one-line reason.
    QString validate() const;
    bool operator==(const Experiment &) const = default;
};

} // namespace wordrace
