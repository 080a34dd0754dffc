#pragma once

#include "model/runresult.h"

#include <QByteArrayView>
#include <QList>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace wordrace {

// Samples the machine's per-core CPU use (/proc/stat) and the memory of a set of processes
// (PSS from /proc/PID/smaps_rollup, RSS from /proc/PID/statm where PSS cannot be read) on a
// thread of its own while a run goes, so that the timeline can show what the cores and the
// workers' memory did under the tasks. Qt Core only; Linux /proc.
class ResourceSampler
{
public:
    // The processes whose memory is sampled, one per memory series; 0 for a series whose
    // process is not running at the moment. Called on the sampler's thread: must be thread-safe.
    using PidSource = std::function<std::vector<qint64>()>;

    struct CoreJiffies
    {
        std::uint64_t busy = 0;
        std::uint64_t total = 0;
    };
    struct Samples
    {
        QList<ResourceSample> samples;
        std::optional<std::uint64_t> peakMemoryBytes; // all series together, at one sample; none read: absent
        bool memoryIsPss = true;                      // false: some series fell back to RSS
        double samplerCpuS = 0.0;                     // what the sampling itself cost
    };

    // The first samples come every kFirstIntervalMs, so a run of a few tens of milliseconds still
    // gets several; then every kIntervalMs. Past kMaxSamples, pairs are merged and the interval
    // doubles, so an hour-long run stays bounded.
    static constexpr int kFirstIntervalMs = 10;
    static constexpr int kIntervalMs = 25;
    static constexpr double kFirstPhaseS = 0.1;
    static constexpr int kMaxSamples = 10'000;
    // Sampling may take at most this share of one core: a slow /proc read widens the interval.
    // Reading PSS walks a process's page tables (about 1.4 ms of CPU per 60 MB resident), so memory
    // is read only while all the sampling so far, that reading included, stays within this share of
    // the time elapsed; samples between readings carry CPU shares only (memoryBytes empty), and a
    // run too short to afford one reading has none (peakMemoryBytes absent).
    static constexpr double kMaxCostShare = 0.01;

    // maxCostShare: the budget, kMaxCostShare unless a test wants memory read at once (or never).
    explicit ResourceSampler(PidSource pids, double maxCostShare = kMaxCostShare);
    ~ResourceSampler();
    ResourceSampler(const ResourceSampler &) = delete;
    ResourceSampler &operator=(const ResourceSampler &) = delete;

    void start();
    // Takes a last sample, stops the thread and hands the samples over, their times relative to
    // originNs (CLOCK_MONOTONIC, the run's start). Samples from before originNs are dropped.
    Samples stop(std::int64_t originNs);
    // How many samples were taken so far, from any thread: for a caller that waits for some.
    int samplesTaken() const { return m_taken.load(std::memory_order_relaxed); }

    // The parts, on fixed text for the tests.
    // Per-core jiffies from /proc/stat, indexed by the N of "cpuN"; the total line is skipped.
    static std::vector<CoreJiffies> parseProcStat(QByteArrayView text);
    // The busy share of each core between two readings, 0..1 (0 for a core with no ticks).
    static QList<float> busyBetween(const std::vector<CoreJiffies> &before,
                                    const std::vector<CoreJiffies> &after);
    // "Pss:" of /proc/PID/smaps_rollup, in bytes.
    static std::optional<std::uint64_t> parsePss(QByteArrayView smapsRollup);
    // The resident set of /proc/PID/statm (its second field, in pages), in bytes.
    static std::optional<std::uint64_t> parseStatmRss(QByteArrayView statm, std::uint64_t pageSize);
    // The memory of one process now: PSS, else RSS (isPss says which), or nothing when it is gone.
    static std::optional<std::uint64_t> processMemory(qint64 pid, bool *isPss = nullptr);
    static std::vector<CoreJiffies> readProcStat();

private:
    struct RawSample
    {
        std::int64_t ns = 0;
        QList<float> coreBusy;
        QList<qint64> memoryBytes;
        double spanS = 0.0; // the interval coreBusy covers, for merging
    };
    void loop();
    // Returns the CPU that reading memory took, in ns.
    std::int64_t sampleNow(bool readMemory);
    void decimate();
    // What a first memory reading would cost, from the resident sizes (cheap to read).
    std::int64_t estimateMemoryCost() const;

    PidSource m_pids;
    double m_maxCostShare = kMaxCostShare;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    // Only the sampler's thread touches these until stop() has joined it.
    std::vector<RawSample> m_samples;
    std::vector<CoreJiffies> m_lastStat;
    std::int64_t m_lastNs = 0;
    std::int64_t m_startNs = 0;
    std::int64_t m_intervalNs = 0;
    std::int64_t m_memoryCostNs = -1; // what the last memory reading cost; -1: none yet
    std::optional<std::uint64_t> m_peak;
    bool m_memoryIsPss = true;
    double m_cpuS = 0.0;
    std::atomic<int> m_taken{0};
};

} // namespace wordrace
