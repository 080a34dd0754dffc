#pragma once

#include "corpus.h"
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

    static constexpr int kMaxWorkers = 256;
    // Logical CPUs, as the lesson's multiprocessing.cpu_count().
    static int defaultWorkers();
    // Empty when the experiment can run; otherwise a one-line reason.
    QString validate() const;
    bool operator==(const Experiment &) const = default;
};

} // namespace wordrace
