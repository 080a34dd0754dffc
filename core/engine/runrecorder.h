#pragma once

#include "backends/backend.h"
#include "kernel/clock.h"

#include <QList>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace wordrace {

// Collects task records from any number of workers and hands the caller's thread throttled
// progress snapshots. Each worker appends to its own slot, so workers rarely contend.
class RunRecorder
{
public:
    RunRecorder(const RunContext &context, Mode mode, int workerSlots, std::int64_t runStartNs);

    // Thread-safe; the worker slot must be in [0, workerSlots).
    void record(int worker, const TaskRecord &record);
    void setWorkerName(int worker, const QString &name);
    // Emits a snapshot when the interval has passed since the last one (or always when forced).
    void maybeReport(bool force = false);

    std::int64_t runStartNs() const { return m_runStartNs; }
    double secondsSince(std::int64_t ns) const { return double(ns - m_runStartNs) / 1e9; }
    std::uint64_t words() const { return m_words.load(std::memory_order_relaxed); }
    qsizetype tasksDone() const { return m_tasksDone.load(std::memory_order_relaxed); }
    // All records so far, in completion order per worker.
    QList<TaskRecord> takeAll();
    QStringList workerNames() const;

private:
    struct Slot
    {
        std::mutex mutex;
        QList<TaskRecord> pending; // not yet reported
        QList<TaskRecord> all;
        QString name;
    };
    const RunContext &m_context;
    Mode m_mode;
    std::int64_t m_runStartNs;
    std::int64_t m_lastReportNs;
    std::vector<std::unique_ptr<Slot>> m_slots;
    std::atomic<std::uint64_t> m_words{0};
    std::atomic<std::uint64_t> m_bytes{0};
    std::atomic<qsizetype> m_tasksDone{0};
};

} // namespace wordrace
