#include "engine/runrecorder.h"

#include "corpus/corpus.h"
#include "corpus/taskplanner.h"

namespace wordrace {

RunRecorder::RunRecorder(const RunContext &context, Mode mode, int workerSlots, std::int64_t runStartNs)
    : m_context(context), m_mode(mode), m_runStartNs(runStartNs), m_lastReportNs(runStartNs)
{
    m_slots.reserve(std::size_t(workerSlots));
    for (int i = 0; i < workerSlots; ++i)
        m_slots.push_back(std::make_unique<Slot>());
}

void RunRecorder::record(int worker, const TaskRecord &record)
{
    Slot &slot = *m_slots[std::size_t(worker)];
    {
        std::lock_guard lock(slot.mutex);
        slot.all.append(record);
        if (m_context.progress)
            slot.pending.append(record);
    }
    m_words.fetch_add(record.words, std::memory_order_relaxed);
    m_bytes.fetch_add(record.bytes, std::memory_order_relaxed);
    m_tasksDone.fetch_add(1, std::memory_order_relaxed);
}

void RunRecorder::setWorkerName(int worker, const QString &name)
{
    Slot &slot = *m_slots[std::size_t(worker)];
    std::lock_guard lock(slot.mutex);
    slot.name = name;
}

void RunRecorder::maybeReport(bool force)
{
    if (!m_context.progress)
        return;
    const std::int64_t now = monotonicNs();
    if (!force && double(now - m_lastReportNs) / 1e9 < m_context.progressInterval)
        return;
    m_lastReportNs = now;
    RunProgress p;
    p.mode = m_mode;
    for (auto &slot : m_slots) {
        std::lock_guard lock(slot->mutex);
        p.newTasks.append(slot->pending);
        slot->pending.clear();
        p.workerNames.append(slot->name);
    }
    p.tasksDone = m_tasksDone.load(std::memory_order_relaxed);
    p.tasksTotal = m_context.plan->tasks.size();
    p.words = m_words.load(std::memory_order_relaxed);
    p.bytesDone = m_bytes.load(std::memory_order_relaxed);
    p.bytesTotal = m_context.corpus->size();
    p.elapsedS = secondsSince(now);
    m_context.progress(p);
}

QList<TaskRecord> RunRecorder::takeAll()
{
    QList<TaskRecord> out;
    out.reserve(m_tasksDone.load());
    for (auto &slot : m_slots) {
        std::lock_guard lock(slot->mutex);
        out.append(slot->all);
        slot->all.clear();
    }
    std::sort(out.begin(), out.end(), [](const TaskRecord &a, const TaskRecord &b) {
        return a.startS < b.startS || (a.startS == b.startS && a.task < b.task);
    });
    return out;
}

QStringList RunRecorder::workerNames() const
{
    QStringList names;
    for (const auto &slot : m_slots) {
        std::lock_guard lock(slot->mutex);
        names.append(slot->name);
    }
    return names;
}

} // namespace wordrace
