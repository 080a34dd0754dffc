#pragma once

#include "model/runresult.h"

#include <QList>
#include <QStringList>

namespace wordrace {

// Judges the runs of one experiment against each other and against the machine, and says on each
// run what makes its numbers doubtful: a speed-up the hardware cannot give
// ("implausible-speedup"), counting that ran far slower per CPU-second than in the other modes
// ("slow-counting"), a first run far slower than the same mode's later ones ("cold-run"). Earlier
// warnings of these kinds are replaced, so judging again after more runs is safe; "busy-machine",
// measured during the run, is kept.
class Plausibility
{
public:
    // cores: the machine's logical CPUs.
    static void judge(QList<RunResult> &runs, int cores);
    // The kinds of warning these runs carry, each once, in the order first met: for a label.
    static QStringList kinds(const QList<const RunResult *> &runs);
    // Warnings of the runs as lines for a terminal: "warning: threads run 1: ...".
    static QString text(const QList<RunResult> &runs);
    // "threads: <message>" for the first warning of these runs, for a status line; empty if none.
    // A warning's kind in the window's language ("busy-machine": "máquina ocupada"); the kind
    // itself stays the stable name the JSON carries.
    static QString kindText(const QString &kind);
    static QString firstDoubt(const QList<RunResult> &runs);

    // A speed-up above min(workers, cores) x this is more than the hardware can give a CPU-bound count.
    static constexpr double kSpeedupSlack = 1.1;
    // Counting rate (bytes per CPU-second) below this share of another mode's is "slow".
    static constexpr double kSlowRateShare = 0.6;
    // A first run slower than this many times the median of the later ones is "cold".
    static constexpr double kColdRatio = 1.5;
};

} // namespace wordrace
