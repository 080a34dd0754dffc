#pragma once

#include "model/runprogress.h"
#include "model/runresult.h"
#include "timeline/timelinephases.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace wordrace {

// The tasks of one or more runs, filed by worker lane and sorted by start time so that drawing
// and hit testing only touch the tasks in view, even with a million of them.
class TimelineData
{
public:
    struct Lane
    {
        QString name;
        std::vector<qint32> order; // indices into Group::tasks, by start time
        double maxDuration = 0.0;
        // Running sums over `order`, so that a pixel column of tasks far narrower than a pixel is
        // summed from two binary searches instead of a visit to each of a million tasks on every
        // repaint: starts[k] is order[k]'s start; sums[k * kSums ...] hold the busy seconds and the
        // seconds of each task phase of order[0..k-1].
        std::vector<double> starts;
        std::vector<double> sums;
    };
    static constexpr int kSums = 1 + TimelinePhases::kTaskPhases;
    using PhaseWeights = std::array<float, TimelinePhases::kTaskPhases>;
    struct Group
    {
        quint64 serial = 0; // set when the group is placed; a later filing finds its stand-in by it
        Mode mode = Mode::Sequential;
        int workers = 1;
        QList<TaskRecord> tasks;
        // While this group stands in for a finished run being filed elsewhere: that run's tasks.
        QList<TaskRecord> awaiting;
        std::vector<Lane> lanes;
        double wallS = 0.0; // while live: the time elapsed so far
        qsizetype plannedTasks = 0;
        bool live = false;
        bool cancelled = false;
        double startupS = 0.0;
        double lastEndS = 0.0; // the latest task end: where the gathering starts
        // Seconds per task phase (TimelinePhases::Phase Transfer to Other), summed over the tasks.
        std::array<double, 5> phaseTotals{};
        bool hasPhases = false; // some task recorded its phases
        // What the sampler saw under the run (RunResult::samples); empty while live.
        QList<ResourceSample> samples;
        QStringList memoryNames;
        bool memoryIsPss = true;
        std::optional<std::uint64_t> peakMemoryBytes;
        qint64 maxSeriesMemory = 0; // the largest single series value: the memory panel's scale
        int cores = 0;              // the most cores any sample has
        // The sample nearest to t, or -1 when there are none.
        qsizetype sampleAt(double t) const;
    };
    // What lies under a point: one task, or several when they are too small to tell apart.
    struct Hit
    {
        int group = -1;
        int lane = -1;
        qint32 task = -1; // index into Group::tasks of the task nearest the point
        int count = 0;
        std::uint64_t words = 0;
        std::uint64_t bytes = 0;
        double startS = 0.0;
        double endS = 0.0;
        std::array<double, 5> phaseSeconds{}; // summed over the tasks hit, as Group::phaseTotals
    };

    // A run's tasks to be filed off the GUI thread (makeGroup), and the stand-in group, drawn
    // meanwhile, that the filed group replaces (replaceGroup).
    struct Deferred
    {
        quint64 serial = 0;
        RunResult result;
    };

    void clear();
    void setResults(const QList<RunResult> &results);
    // Adds a finished run, replacing the live group of the same mode if there is one.
    void addResult(const RunResult &result);
    // A finished run's group, tasks filed: pure, so it may run on any thread. O(tasks).
    static Group makeGroup(const RunResult &result);
    // As setResults and addResult, but a run of `fileNowBelow` tasks or more is left to the caller
    // to file with makeGroup and put in with replaceGroup. Meanwhile it is stood in for by the
    // live group of its mode if there is one (it shows the same tasks), or else by its outline.
    // Groups already filed for the same results (sharing their task lists) are kept, not refiled.
    std::vector<Deferred> setResultsDeferred(const QList<RunResult> &results, qsizetype fileNowBelow);
    std::optional<Deferred> addResultDeferred(const RunResult &result, qsizetype fileNowBelow);
    // Swaps a filed group with the group `serial`, which `group` then holds, to be disposed of;
    // false, `group` untouched, when that group is gone (other results were shown since).
    bool replaceGroup(quint64 serial, Group &group);
    void startLive(Mode mode, int workers);
    void addProgress(const RunProgress &progress);
    // The live group of a mode, if one is running.
    std::optional<quint64> liveSerial(Mode mode) const;
    // Files `count` of the progress's new tasks from `from` into the group `serial`, the live group
    // of the mode or, once the run finished, its stand-in; false when that group is gone.
    bool addProgressTo(quint64 serial, const RunProgress &progress, qsizetype from, qsizetype count);

    const std::vector<Group> &groups() const { return m_groups; }
    bool isEmpty() const { return m_groups.empty(); }
    int laneCount() const;
    qsizetype taskCount() const;
    // The latest moment any group reaches: its wall time or its last task's end.
    double endS() const;
    // Sums a lane's tasks into `columns` pixel columns of secondsPerColumn each from t0: coverage in
    // pixels (busy seconds over secondsPerColumn, plus a trace where a task starts) and each column's
    // seconds-weighted share of every task phase, in O(columns log tasks). Tasks of one lane run one
    // after the other; overlapping records (from elsewhere) are summed as if they did not overlap.
    static void sumColumns(const Lane &lane, double t0, double secondsPerColumn, int columns,
                           std::vector<float> &coverage, std::vector<PhaseWeights> &weights);
    // How many of a lane's tasks start within [fromS, toS).
    static qsizetype tasksStartingIn(const Lane &lane, double fromS, double toS);
    // The tasks of a lane within [fromS, toS].
    Hit hitTest(int group, int lane, double fromS, double toS, double atS) const;

private:
    // Everything of the run but its tasks.
    static void describeRun(Group &group, const RunResult &result);
    void placeGroup(Group group);
    static void fileTasks(Group &group, qsizetype from);
    // Adds the task to the lane's running sums; returns what it added (busy, then each phase).
    static std::array<double, kSums> appendSums(Lane &lane, const TaskRecord &task);
    static void nameLanes(Group &group, const QStringList &names);

    std::vector<Group> m_groups;
    quint64 m_lastSerial = 0;
};

// Before a dropped group is freed: hands back the pages of the buffers it alone holds
// (backgroundwork.h), so that freeing it does not hold up the GUI thread.
void dropPages(TimelineData::Group &group);

} // namespace wordrace
