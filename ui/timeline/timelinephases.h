#pragma once

#include "charts/theme.h"
#include "model/runresult.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <array>

namespace wordrace {

// Where a task's time went, as the timeline draws it: the phases of a TaskRecord laid out along the
// task's bar in the order they happen, and how each phase looks (colour, hatching for the waits).
class TimelinePhases
{
    Q_DECLARE_TR_FUNCTIONS(TimelinePhases)
public:
    enum class Phase
    {
        Transfer, // the task's bytes through the worker's pipe (--transport pipe): first
        IoWait,   // the emulated server: before the GIL is even asked for
        GilWait,  // taking the GIL, and getting it back at each hand-over (summed)
        Compute,
        Other,   // in the task, in none of the above (bookkeeping between the measurements)
        Startup, // lane-level: the worker being created, before its first task
        Gather   // lane-level: after the run's last task, until the run was over
    };
    static constexpr int kTaskPhases = 5; // Transfer to Other: what a task's bar is made of
    static constexpr int kPhases = 7;

    struct Segment
    {
        Phase phase = Phase::Compute;
        double startS = 0.0;
        double endS = 0.0;
    };
    // A fixed array: segments are worked out per task while drawing a million of them.
    struct Segments
    {
        std::array<Segment, kTaskPhases> items{};
        int count = 0;
        const Segment *begin() const { return items.data(); }
        const Segment *end() const { return items.data() + count; }
    };

    // The task's bar cut into phases, in the order they happened: transfer, I/O wait, GIL wait,
    // compute. The GIL waits after the first interleave with computing (a hand-over every 5 ms);
    // they are drawn summed, before the compute, as the tooltip says. Time in the task that no
    // phase accounts for is Other, at the end; phases that add up to more than the task (clocks
    // read a few nanoseconds apart) are scaled to fit. A task with no phases recorded (a JSON from
    // before phases) is all Compute, as the bar was before.
    static Segments segments(const TaskRecord &task);
    static bool hasPhases(const TaskRecord &task)
    {
        return task.transferS > 0 || task.ioS > 0 || task.gilWaitS > 0 || task.computeS > 0;
    }
    // Seconds of each task phase (Transfer to Other) of one task, the same numbers segments() draws.
    static std::array<double, kTaskPhases> seconds(const TaskRecord &task);

    static QString name(Phase phase);
    static bool isWait(Phase phase)
    {
        return phase == Phase::IoWait || phase == Phase::GilWait || phase == Phase::Startup ||
               phase == Phase::Gather;
    }
    // Okabe-Ito colours the modes do not use, as in the overhead chart; compute keeps the mode's
    // colour, so a lane group still reads as its mode.
    static QColor color(Phase phase, const Theme &theme, const QColor &modeColor);
    // Waits are hatched as well as coloured, so they stay apart on a washed-out projector and in
    // grey print. amount < 1 pales the colour toward the background (sparse aggregated pixels).
    static QBrush brush(Phase phase, const Theme &theme, const QColor &modeColor, qreal amount = 1.0);
};

} // namespace wordrace
