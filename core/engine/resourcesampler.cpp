#include "engine/resourcesampler.h"

#include "kernel/clock.h"

#include <QByteArray>

#include <algorithm>
#include <charconv>

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

namespace wordrace {

namespace {

// /proc files report a size of 0, so they are read until end of file; plain read() keeps a sample
// to a few system calls.
QByteArray readProcFile(const char *path)
{
    QByteArray out;
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return out;
    char buf[8192];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0)
            break;
        out.append(buf, n);
    }
    ::close(fd);
    return out;
}

std::optional<std::uint64_t> numberAt(QByteArrayView text, qsizetype &at)
{
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
        ++at;
    std::uint64_t v = 0;
    const char *begin = text.data() + at;
    const auto res = std::from_chars(begin, text.data() + text.size(), v);
    if (res.ec != std::errc())
        return std::nullopt;
    at += res.ptr - begin;
    return v;
}

// The sampler's own CPU, in nanoseconds: what a sample costs the machine, whatever else runs.
std::int64_t threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::int64_t(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

} // namespace

std::vector<ResourceSampler::CoreJiffies> ResourceSampler::parseProcStat(QByteArrayView text)
{
    std::vector<CoreJiffies> cores;
    qsizetype lineStart = 0;
    while (lineStart < text.size()) {
        qsizetype lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QByteArrayView line = text.sliced(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        // "cpu " is the machine's total; "cpuN" one core. The lines come first, then other counters.
        if (!line.startsWith("cpu") || line.size() < 4 || line[3] < '0' || line[3] > '9')
            continue;
        qsizetype at = 3;
        const auto index = numberAt(line, at);
        if (!index || *index > 65535)
            continue;
        // user nice system idle iowait irq softirq steal (guest time is already inside user).
        std::uint64_t fields[8] = {};
        int got = 0;
        for (; got < 8; ++got) {
            const auto v = numberAt(line, at);
            if (!v)
                break;
            fields[got] = *v;
        }
        if (got < 4)
            continue;
        CoreJiffies c;
        for (int i = 0; i < got; ++i)
            c.total += fields[i];
        c.busy = c.total - fields[3] - fields[4]; // idle and iowait: the core had nothing to run
        if (cores.size() <= *index)
            cores.resize(std::size_t(*index) + 1);
        cores[std::size_t(*index)] = c;
    }
    return cores;
}

QList<float> ResourceSampler::busyBetween(const std::vector<CoreJiffies> &before,
                                          const std::vector<CoreJiffies> &after)
{
    QList<float> busy;
    busy.reserve(qsizetype(after.size()));
    for (std::size_t i = 0; i < after.size(); ++i) {
        const CoreJiffies b = i < before.size() ? before[i] : CoreJiffies{};
        const CoreJiffies &a = after[i];
        // A core that went offline and came back restarts its counters: no share, not garbage.
        if (a.total <= b.total || a.busy < b.busy) {
            busy.append(0.0f);
            continue;
        }
        const double share = double(a.busy - b.busy) / double(a.total - b.total);
        busy.append(float(std::clamp(share, 0.0, 1.0)));
    }
    return busy;
}

std::optional<std::uint64_t> ResourceSampler::parsePss(QByteArrayView smapsRollup)
{
    // "Pss:" exactly: the rollup also has Pss_Anon, Pss_File, Pss_Shmem (kernels >= 5.x).
    qsizetype at = 0;
    for (;;) {
        at = smapsRollup.indexOf("Pss:", at);
        if (at < 0)
            return std::nullopt;
        if (at == 0 || smapsRollup[at - 1] == '\n')
            break;
        at += 4;
    }
    at += 4;
    const auto kb = numberAt(smapsRollup, at);
    if (!kb)
        return std::nullopt;
    return *kb * 1024;
}

std::optional<std::uint64_t> ResourceSampler::parseStatmRss(QByteArrayView statm, std::uint64_t pageSize)
{
    qsizetype at = 0;
    if (!numberAt(statm, at))
        return std::nullopt;
    const auto pages = numberAt(statm, at);
    if (!pages)
        return std::nullopt;
    return *pages * pageSize;
}

std::optional<std::uint64_t> ResourceSampler::processMemory(qint64 pid, bool *isPss)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld/smaps_rollup", static_cast<long long>(pid));
    if (const auto pss = parsePss(readProcFile(path))) {
        if (isPss)
            *isPss = true;
        return pss;
    }
    // Kernels before 4.14 have no smaps_rollup; RSS counts shared pages in every process.
    std::snprintf(path, sizeof path, "/proc/%lld/statm", static_cast<long long>(pid));
    static const std::uint64_t pageSize = std::uint64_t(sysconf(_SC_PAGESIZE));
    if (const auto rss = parseStatmRss(readProcFile(path), pageSize)) {
        if (isPss)
            *isPss = false;
        return rss;
    }
    return std::nullopt;
}

std::vector<ResourceSampler::CoreJiffies> ResourceSampler::readProcStat()
{
    return parseProcStat(readProcFile("/proc/stat"));
}

ResourceSampler::ResourceSampler(PidSource pids, double maxCostShare)
    : m_pids(std::move(pids)), m_maxCostShare(maxCostShare)
{}

ResourceSampler::~ResourceSampler()
{
    if (m_thread.joinable())
        stop(0);
}

void ResourceSampler::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_samples.clear();
    m_samples.reserve(1024);
    m_peak.reset();
    m_memoryIsPss = true;
    m_cpuS = 0.0;
    m_intervalNs = std::int64_t(kFirstIntervalMs) * 1'000'000;
    // The baseline for the first CPU shares, taken here so the first sample has an interval.
    m_lastStat = readProcStat();
    m_startNs = m_lastNs = monotonicNs();
    m_memoryCostNs = -1;
    m_thread = std::thread([this] { loop(); });
}

void ResourceSampler::loop()
{
    const std::int64_t cpu0 = threadCpuNs();
    std::unique_lock lock(m_mutex);
    for (;;) {
        const bool stopping =
            m_wake.wait_for(lock, std::chrono::nanoseconds(m_intervalNs), [this] { return m_stopping; });
        lock.unlock();
        const std::int64_t before = monotonicNs();
        const std::int64_t cpuBefore = threadCpuNs();
        // Memory only while everything sampled so far, this reading included, stays within the
        // budget of the time elapsed; after the run its workers are gone, so the last sample only
        // closes the CPU interval.
        const std::int64_t spent = cpuBefore - cpu0;
        if (m_memoryCostNs < 0)
            m_memoryCostNs = estimateMemoryCost();
        const bool readMemory =
            !stopping && double(spent + m_memoryCostNs) <= m_maxCostShare * double(before - m_startNs);
        const std::int64_t memoryCost = sampleNow(readMemory);
        const std::int64_t cost = threadCpuNs() - cpuBefore - memoryCost;
        if (readMemory)
            m_memoryCostNs = memoryCost;
        if (stopping) {
            m_cpuS = double(threadCpuNs() - cpu0) / 1e9;
            return;
        }
        if (m_samples.size() >= std::size_t(kMaxSamples))
            decimate();
        const std::int64_t base = before - m_startNs < std::int64_t(kFirstPhaseS * 1e9)
                                      ? std::int64_t(kFirstIntervalMs) * 1'000'000
                                      : std::int64_t(kIntervalMs) * 1'000'000;
        // Never narrower than a widening that decimation or a slow read asked for.
        m_intervalNs =
            std::max({m_intervalNs, base, std::int64_t(double(cost) / std::max(m_maxCostShare, 1e-3))});
        lock.lock();
    }
}

std::int64_t ResourceSampler::estimateMemoryCost() const
{
    // Reading PSS walks the resident pages: about 22 ns of CPU per KiB resident (1.4 ms for 60 MB,
    // measured on the build machine). RSS from statm costs next to nothing to read.
    static const std::uint64_t pageSize = std::uint64_t(sysconf(_SC_PAGESIZE));
    std::uint64_t resident = 0;
    const std::vector<qint64> pids = m_pids ? m_pids() : std::vector<qint64>{};
    for (const qint64 pid : pids) {
        if (pid <= 0)
            continue;
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%lld/statm", static_cast<long long>(pid));
        resident += parseStatmRss(readProcFile(path), pageSize).value_or(0);
    }
    return std::int64_t(double(resident) / 1024.0 * 22.0);
}

std::int64_t ResourceSampler::sampleNow(bool readMemory)
{
    RawSample s;
    s.ns = monotonicNs();
    std::vector<CoreJiffies> stat = readProcStat();
    // Under a millisecond apart (a stop right after a tick) the jiffies say nothing: skip the sample.
    if (s.ns - m_lastNs < 1'000'000 && !m_samples.empty())
        return 0;
    s.coreBusy = busyBetween(m_lastStat, stat);
    s.spanS = double(s.ns - m_lastNs) / 1e9;
    m_lastStat = std::move(stat);
    m_lastNs = s.ns;
    m_taken.fetch_add(1, std::memory_order_relaxed);
    if (!readMemory) {
        m_samples.push_back(std::move(s));
        return 0;
    }
    const std::int64_t cpu0 = threadCpuNs();
    const std::vector<qint64> pids = m_pids ? m_pids() : std::vector<qint64>{};
    s.memoryBytes.reserve(qsizetype(pids.size()));
    std::uint64_t sum = 0;
    for (const qint64 pid : pids) {
        bool pss = true;
        const std::uint64_t bytes = pid > 0 ? processMemory(pid, &pss).value_or(0) : 0;
        if (bytes > 0 && !pss)
            m_memoryIsPss = false;
        s.memoryBytes.append(qint64(bytes));
        sum += bytes;
    }
    m_peak = std::max(m_peak.value_or(0), sum);
    m_samples.push_back(std::move(s));
    return threadCpuNs() - cpu0;
}

void ResourceSampler::decimate()
{
    // Pairs become one sample at the later time, with the CPU shares averaged over both intervals;
    // the peak was taken before, so merging loses no maximum.
    std::vector<RawSample> merged;
    merged.reserve(m_samples.size() / 2 + 1);
    std::size_t i = 0;
    for (; i + 1 < m_samples.size(); i += 2) {
        RawSample &a = m_samples[i];
        RawSample b = std::move(m_samples[i + 1]);
        const double span = a.spanS + b.spanS;
        if (b.memoryBytes.isEmpty())
            b.memoryBytes = std::move(a.memoryBytes); // a reading is never dropped for a gap
        for (qsizetype c = 0; c < b.coreBusy.size() && c < a.coreBusy.size() && span > 0; ++c)
            b.coreBusy[c] = float((a.coreBusy[c] * a.spanS + b.coreBusy[c] * b.spanS) / span);
        b.spanS = span;
        merged.push_back(std::move(b));
    }
    if (i < m_samples.size())
        merged.push_back(std::move(m_samples[i]));
    m_samples = std::move(merged);
    m_intervalNs *= 2;
}

ResourceSampler::Samples ResourceSampler::stop(std::int64_t originNs)
{
    Samples out;
    if (!m_thread.joinable())
        return out;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
    out.samples.reserve(qsizetype(m_samples.size()));
    for (RawSample &s : m_samples) {
        if (s.ns < originNs)
            continue;
        out.samples.append(
            ResourceSample{double(s.ns - originNs) / 1e9, std::move(s.coreBusy), std::move(s.memoryBytes)});
    }
    m_samples.clear();
    out.peakMemoryBytes = m_peak;
    out.memoryIsPss = m_memoryIsPss;
    out.samplerCpuS = m_cpuS;
    return out;
}

} // namespace wordrace
