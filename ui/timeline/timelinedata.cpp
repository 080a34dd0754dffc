#include "timeline/timelinedata.h"

#include "session/backgroundwork.h"
#include "timeline/timelinephases.h"

#include <algorithm>
#include <limits>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wordrace {

void TimelineData::clear()
{
    m_groups.clear();
}

void TimelineData::setResults(const QList<RunResult> &results)
{
    m_groups.clear();
    for (const RunResult &r : results)
        addResult(r);
}

void TimelineData::addResult(const RunResult &result)
{
    placeGroup(makeGroup(result));
}

void TimelineData::describeRun(Group &group, const RunResult &result)
{
    group.mode = result.mode;
    group.workers = result.workers;
    group.wallS = result.wallS;
    group.plannedTasks = result.taskCount;
    group.cancelled = result.cancelled;
    group.live = false;
    group.startupS = result.startupS;
    group.samples = result.samples;
    group.memoryNames = result.memoryNames;
    group.memoryIsPss = result.memoryIsPss;
    group.peakMemoryBytes = result.peakMemoryBytes;
    group.cores = 0;
    group.maxSeriesMemory = 0;
    for (const ResourceSample &sample : std::as_const(group.samples)) {
        group.cores = std::max(group.cores, int(sample.coreBusy.size()));
        for (const qint64 bytes : sample.memoryBytes)
            group.maxSeriesMemory = std::max(group.maxSeriesMemory, bytes);
    }
    nameLanes(group, result.workerNames);
}

TimelineData::Group TimelineData::makeGroup(const RunResult &result)
{
    Group group;
    group.tasks = result.tasks; // implicitly shared with the result: no copy of a million records
    fileTasks(group, 0);
    describeRun(group, result);
    return group;
}

void TimelineData::placeGroup(Group group)
{
    group.serial = ++m_lastSerial;
    const auto live = std::find_if(m_groups.begin(), m_groups.end(),
                                   [&](const Group &g) { return g.live && g.mode == group.mode; });
    if (live != m_groups.end())
        *live = std::move(group);
    else
        m_groups.push_back(std::move(group));
}

std::optional<TimelineData::Deferred> TimelineData::addResultDeferred(const RunResult &result,
                                                                      qsizetype fileNowBelow)
{
    if (result.tasks.size() < fileNowBelow) {
        addResult(result);
        return std::nullopt;
    }
    const auto live = std::find_if(m_groups.begin(), m_groups.end(),
                                   [&](const Group &g) { return g.live && g.mode == result.mode; });
    if (live != m_groups.end()) {
        // The live group already shows these tasks; it gets the finished run's figures meanwhile.
        // It keeps its serial: progress still on its way to it (addProgressTo) is filed into it.
        describeRun(*live, result);
        live->awaiting = result.tasks;
        return Deferred{live->serial, result};
    }
    Group outline;
    describeRun(outline, result);
    outline.awaiting = result.tasks;
    placeGroup(std::move(outline));
    return Deferred{m_lastSerial, result};
}

std::vector<TimelineData::Deferred> TimelineData::setResultsDeferred(const QList<RunResult> &results,
                                                                     qsizetype fileNowBelow)
{
    std::vector<Group> old = std::move(m_groups);
    m_groups.clear();
    std::vector<Deferred> deferred;
    auto take = [&](auto &&pred) -> std::optional<Group> {
        const auto it = std::find_if(old.begin(), old.end(), pred);
        if (it == old.end())
            return std::nullopt;
        Group g = std::move(*it);
        old.erase(it);
        return g;
    };
    for (const RunResult &r : results) {
        // The same run shown again (the experiment's end redraws its entry): its tasks are filed.
        if (auto same = take([&](const Group &g) {
                return !g.live && !g.tasks.isEmpty() && g.tasks.isSharedWith(r.tasks) &&
                       g.tasks.size() == r.tasks.size();
            })) {
            describeRun(*same, r);
            same->serial = ++m_lastSerial;
            m_groups.push_back(std::move(*same));
            continue;
        }
        if (r.tasks.size() < fileNowBelow) {
            Group g = makeGroup(r);
            g.serial = ++m_lastSerial;
            m_groups.push_back(std::move(g));
            continue;
        }
        // A stand-in for this very run, whose filing is still under way, stands in again.
        Group standIn;
        if (auto earlier = take(
                [&](const Group &g) { return !g.awaiting.isEmpty() && g.awaiting.isSharedWith(r.tasks); }))
            standIn = std::move(*earlier);
        describeRun(standIn, r);
        standIn.awaiting = r.tasks;
        standIn.serial = ++m_lastSerial;
        m_groups.push_back(std::move(standIn));
        deferred.push_back(Deferred{m_lastSerial, r});
    }
    return deferred;
}

bool TimelineData::replaceGroup(quint64 serial, Group &group)
{
    const auto it =
        std::find_if(m_groups.begin(), m_groups.end(), [&](const Group &g) { return g.serial == serial; });
    if (it == m_groups.end())
        return false;
    group.serial = ++m_lastSerial;
    std::swap(*it, group);
    return true;
}

void TimelineData::startLive(Mode mode, int workers)
{
    Group group;
    group.mode = mode;
    group.workers = std::max(1, workers);
    group.live = true;
    group.lanes.resize(std::size_t(group.workers));
    nameLanes(group, {});
    group.serial = ++m_lastSerial;
    m_groups.push_back(std::move(group));
}

void TimelineData::addProgress(const RunProgress &progress)
{
    if (const auto serial = liveSerial(progress.mode))
        addProgressTo(*serial, progress, 0, progress.newTasks.size());
}

std::optional<quint64> TimelineData::liveSerial(Mode mode) const
{
    // The newest live group of the mode: when a mode runs again (--runs) before the previous run's
    // result has come back, that earlier group is still live, and the new run's progress filed
    // into it was out of order: re-sorting a million tasks froze the window for up to a second.
    // A result goes to the oldest (addResultDeferred, placeGroup), in the order the runs ended.
    const auto live = std::find_if(m_groups.rbegin(), m_groups.rend(),
                                   [&](const Group &g) { return g.live && g.mode == mode; });
    if (live == m_groups.rend())
        return std::nullopt;
    return live->serial;
}

bool TimelineData::addProgressTo(quint64 serial, const RunProgress &progress, qsizetype from, qsizetype count)
{
    const auto it =
        std::find_if(m_groups.begin(), m_groups.end(), [&](const Group &g) { return g.serial == serial; });
    if (it == m_groups.end())
        return false;
    Group &group = *it;
    from = std::clamp<qsizetype>(from, 0, progress.newTasks.size());
    count = std::clamp<qsizetype>(count, 0, progress.newTasks.size() - from);
    const qsizetype filed = group.tasks.size();
    // Room for the whole run up front (within reason: a plan may have more tasks than memory could
    // hold records of): growing a list of a million tasks step by step copies it again and again.
    constexpr qsizetype kReserveAtMost = qsizetype(1) << 22;
    if (filed == 0 && progress.tasksTotal > count && progress.tasksTotal <= kReserveAtMost) {
        group.tasks.reserve(progress.tasksTotal);
        const std::size_t perLane =
            std::size_t(progress.tasksTotal) / std::max<std::size_t>(1, group.lanes.size()) * 5 / 4 + 1024;
        for (Lane &lane : group.lanes) {
            lane.order.reserve(perLane);
            lane.starts.reserve(perLane);
            lane.sums.reserve((perLane + 1) * kSums);
        }
    }
    if (from == 0 && count == progress.newTasks.size())
        group.tasks.append(progress.newTasks);
    else
        group.tasks.append(progress.newTasks.sliced(from, count));
    group.wallS = std::max(group.wallS, progress.elapsedS);
    group.plannedTasks = progress.tasksTotal;
    fileTasks(group, filed);
    nameLanes(group, progress.workerNames);
    return true;
}

void TimelineData::fileTasks(Group &group, qsizetype from)
{
    int maxWorker = -1;
    for (qsizetype i = from; i < group.tasks.size(); ++i)
        maxWorker = std::max(maxWorker, group.tasks.at(i).worker);
    if (maxWorker >= int(group.lanes.size()))
        group.lanes.resize(std::size_t(maxWorker) + 1);
    std::vector<bool> unsorted(group.lanes.size(), false);
    for (qsizetype i = from; i < group.tasks.size(); ++i) {
        const TaskRecord &t = group.tasks.at(i);
        if (t.worker < 0)
            continue;
        Lane &lane = group.lanes[std::size_t(t.worker)];
        if (!lane.order.empty() && group.tasks.at(lane.order.back()).startS > t.startS)
            unsorted[std::size_t(t.worker)] = true;
        lane.order.push_back(qint32(i));
        const auto added = appendSums(lane, t);
        lane.maxDuration = std::max(lane.maxDuration, t.durationS());
        group.lastEndS = std::max(group.lastEndS, t.endS);
        if (TimelinePhases::hasPhases(t)) {
            group.hasPhases = true;
            for (std::size_t p = 0; p < group.phaseTotals.size(); ++p)
                group.phaseTotals[p] += added[p + 1];
        }
    }
    // A worker runs its tasks one after the other, so this only happens with records from elsewhere.
    for (std::size_t l = 0; l < group.lanes.size(); ++l) {
        if (!unsorted[l])
            continue;
        Lane &lane = group.lanes[l];
        std::stable_sort(lane.order.begin(), lane.order.end(), [&](qint32 a, qint32 b) {
            return group.tasks.at(a).startS < group.tasks.at(b).startS;
        });
        lane.starts.clear();
        lane.sums.clear();
        for (const qint32 i : lane.order)
            appendSums(lane, group.tasks.at(i));
    }
}

std::array<double, TimelineData::kSums> TimelineData::appendSums(Lane &lane, const TaskRecord &task)
{
    if (lane.sums.empty())
        lane.sums.assign(kSums, 0.0);
    const std::size_t last = lane.sums.size() - kSums;
    const double duration = std::max(0.0, task.durationS());
    std::array<double, kSums> add{};
    add[0] = duration;
    if (TimelinePhases::hasPhases(task)) {
        const auto seconds = TimelinePhases::seconds(task);
        for (std::size_t p = 0; p < seconds.size(); ++p)
            add[p + 1] = seconds[p];
    } else {
        add[1 + std::size_t(TimelinePhases::Phase::Compute)] = duration;
    }
    for (std::size_t k = 0; k < kSums; ++k)
        lane.sums.push_back(lane.sums[last + k] + add[k]);
    lane.starts.push_back(task.startS);
    return add;
}

qsizetype TimelineData::tasksStartingIn(const Lane &lane, double fromS, double toS)
{
    const auto a = std::lower_bound(lane.starts.begin(), lane.starts.end(), fromS);
    const auto b = std::lower_bound(a, lane.starts.end(), toS);
    return b - a;
}

void TimelineData::sumColumns(const Lane &lane, double t0, double secondsPerColumn, int columns,
                              std::vector<float> &coverage, std::vector<PhaseWeights> &weights)
{
    coverage.assign(std::size_t(std::max(columns, 0)), 0.0f);
    weights.assign(coverage.size(), {});
    const std::size_t n = lane.starts.size();
    if (n == 0 || columns <= 0 || !(secondsPerColumn > 0) || lane.sums.size() != (n + 1) * kSums)
        return;
    // The sums of everything before time t: the tasks started before it, the last of them only in
    // part. `from` only grows, as t does, so each search starts where the last one ended.
    std::size_t from = 0;
    std::array<double, kSums> before{};
    auto sumsAt = [&](double t, std::size_t &k) {
        k = std::size_t(std::lower_bound(lane.starts.begin() + std::ptrdiff_t(from), lane.starts.end(), t) -
                        lane.starts.begin());
        from = k;
        std::array<double, kSums> out{};
        if (k == 0)
            return out;
        const std::size_t j = k - 1;
        const double *full = lane.sums.data() + j * kSums;
        const double *next = full + kSums;
        const double duration = next[0] - full[0];
        const double f = duration > 0 ? std::clamp((t - lane.starts[j]) / duration, 0.0, 1.0) : 1.0;
        for (std::size_t i = 0; i < kSums; ++i)
            out[i] = full[i] + f * (next[i] - full[i]);
        return out;
    };
    std::size_t kBefore = 0;
    before = sumsAt(t0, kBefore);
    // The tiny extra marks a column where a task starts as not idle, as the per-task path does.
    const float presence = 1e-6f;
    for (int c = 0; c < columns; ++c) {
        std::size_t kAfter = 0;
        const auto after = sumsAt(t0 + double(c + 1) * secondsPerColumn, kAfter);
        auto &w = weights[std::size_t(c)];
        coverage[std::size_t(c)] =
            float((after[0] - before[0]) / secondsPerColumn) + (kAfter > kBefore ? presence : 0.0f);
        for (std::size_t p = 0; p < w.size(); ++p)
            w[p] = float((after[p + 1] - before[p + 1]) / secondsPerColumn);
        before = after;
        kBefore = kAfter;
    }
}

// The engine names a thread's lane "thread ID" in every language (the name is saved with the
// run); the lane says it in the window's.
static QString laneName(const QString &name)
{
    static const QString thread = u"thread "_s;
    if (name.startsWith(thread))
        return QCoreApplication::translate("TimelineData", "thread %1").arg(name.mid(thread.size()));
    return name;
}

void TimelineData::nameLanes(Group &group, const QStringList &names)
{
    if (int(group.lanes.size()) < names.size())
        group.lanes.resize(std::size_t(names.size()));
    for (std::size_t l = 0; l < group.lanes.size(); ++l) {
        if (qsizetype(l) < names.size() && !names.at(qsizetype(l)).isEmpty())
            group.lanes[l].name = laneName(names.at(qsizetype(l)));
        else if (group.lanes[l].name.isEmpty())
            group.lanes[l].name = QCoreApplication::translate("TimelineData", "worker %1").arg(l + 1);
    }
}

qsizetype TimelineData::Group::sampleAt(double t) const
{
    if (samples.isEmpty())
        return -1;
    const auto it = std::lower_bound(samples.begin(), samples.end(), t,
                                     [](const ResourceSample &s, double at) { return s.timeS < at; });
    if (it == samples.end())
        return samples.size() - 1;
    const qsizetype i = it - samples.begin();
    if (i > 0 && t - samples.at(i - 1).timeS < it->timeS - t)
        return i - 1;
    return i;
}

int TimelineData::laneCount() const
{
    int n = 0;
    for (const Group &g : m_groups)
        n += int(g.lanes.size());
    return n;
}

qsizetype TimelineData::taskCount() const
{
    qsizetype n = 0;
    for (const Group &g : m_groups)
        n += g.tasks.size();
    return n;
}

double TimelineData::endS() const
{
    double end = 0.0;
    for (const Group &g : m_groups) {
        end = std::max(end, g.wallS);
        for (const Lane &lane : g.lanes)
            if (!lane.order.empty())
                end = std::max(end, g.tasks.at(lane.order.back()).endS);
    }
    return end;
}

TimelineData::Hit TimelineData::hitTest(int groupIndex, int laneIndex, double fromS, double toS,
                                        double atS) const
{
    Hit hit;
    if (groupIndex < 0 || groupIndex >= int(m_groups.size()))
        return hit;
    const Group &group = m_groups[std::size_t(groupIndex)];
    if (laneIndex < 0 || laneIndex >= int(group.lanes.size()))
        return hit;
    hit.group = groupIndex;
    hit.lane = laneIndex;
    const Lane &lane = group.lanes[std::size_t(laneIndex)];
    const auto startOf = [&](qint32 i) { return group.tasks.at(i).startS; };
    auto it = std::lower_bound(lane.order.begin(), lane.order.end(), fromS - lane.maxDuration,
                               [&](qint32 i, double t) { return startOf(i) < t; });
    double bestDistance = std::numeric_limits<double>::max();
    for (; it != lane.order.end() && startOf(*it) <= toS; ++it) {
        const TaskRecord &t = group.tasks.at(*it);
        if (t.endS < fromS)
            continue;
        if (hit.count == 0) {
            hit.startS = t.startS;
            hit.endS = t.endS;
        }
        ++hit.count;
        const auto seconds = TimelinePhases::seconds(t);
        for (std::size_t p = 0; p < seconds.size(); ++p)
            hit.phaseSeconds[p] += seconds[p];
        hit.words += t.words;
        hit.bytes += t.bytes;
        hit.startS = std::min(hit.startS, t.startS);
        hit.endS = std::max(hit.endS, t.endS);
        const double distance = atS < t.startS ? t.startS - atS : atS > t.endS ? atS - t.endS : 0.0;
        if (distance < bestDistance) {
            bestDistance = distance;
            hit.task = *it;
        }
    }
    return hit;
}

void dropPages(TimelineData::Group &group)
{
    dropPages(group.tasks);
    dropPages(group.awaiting);
    for (TimelineData::Lane &lane : group.lanes) {
        dropPages(lane.order);
        dropPages(lane.starts);
        dropPages(lane.sums);
    }
}

} // namespace wordrace
