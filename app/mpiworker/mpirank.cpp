#include "mpirank.h"

#include "backends/clusterlines.h"
#include "kernel/clock.h"

#include <mpi.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <limits>
#include <thread>
#include <vector>

#include <unistd.h>

namespace wordrace::mpiworker {

using namespace clusterlines;

namespace {

enum Tag : int
{
    TagPing = 1,
    TagPong,
    TagOffset,
    TagRequest,
    TagAssign
};

// At least this many ping-pongs per rank, more (within a time budget) until one round trip is
// short: on a busy machine a rank is often descheduled mid-exchange, and only the fastest counts.
constexpr int kMinPingRounds = 16;
constexpr int kMaxPingRounds = 2000;
constexpr std::int64_t kGoodRttNs = 100'000;
constexpr std::int64_t kPingBudgetNs = 300'000'000;
constexpr int kHostChars = 256;
constexpr int kErrorChars = 512;
constexpr std::int64_t kProgressEveryNs = 50'000'000;

void printLine(const std::string &line)
{
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
}

void sleepMicroseconds(long us)
{
    timespec ts{0, us * 1000};
    ::nanosleep(&ts, nullptr);
}

std::string processorName()
{
    char name[MPI_MAX_PROCESSOR_NAME] = {};
    int len = 0;
    MPI_Get_processor_name(name, &len);
    return std::string(name, std::size_t(len));
}

// Fixed-width text for MPI_Gather.
template<std::size_t N> std::array<char, N> fixed(const std::string &s)
{
    std::array<char, N> out{};
    std::strncpy(out.data(), s.c_str(), N - 1);
    return out;
}

} // namespace

MpiRank::MpiRank(std::int64_t launchedNs, const std::atomic_bool &stop)
    : m_launchedNs(launchedNs), m_stop(stop)
{
    MPI_Comm_rank(MPI_COMM_WORLD, &m_rank);
    MPI_Comm_size(MPI_COMM_WORLD, &m_size);
    m_host = processorName();
}

bool MpiRank::agree(const std::string &myError)
{
    int ok = myError.empty() ? 1 : 0, allOk = 0;
    MPI_Allreduce(&ok, &allOk, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (allOk)
        return true;
    const auto mine = fixed<kErrorChars>(myError);
    std::vector<char> all(m_rank == 0 ? std::size_t(m_size) * kErrorChars : 0);
    MPI_Gather(mine.data(), kErrorChars, MPI_CHAR, all.data(), kErrorChars, MPI_CHAR, 0, MPI_COMM_WORLD);
    if (m_rank == 0) {
        for (int r = 0; r < m_size; ++r)
            if (const char *why = all.data() + std::size_t(r) * kErrorChars; *why)
                printLine(lines::error(r, why));
        std::fflush(stdout);
    }
    return false;
}

void MpiRank::introduce()
{
    MPI_Barrier(MPI_COMM_WORLD);
    alignClocks();
    m_readyNs = monotonicNs() - m_offsetNs;
    // Who is who, before any counting: the parent names the ranks (and a rank that dies) by them.
    const auto myHost = fixed<kHostChars>(m_host);
    std::vector<char> hosts(m_rank == 0 ? std::size_t(m_size) * kHostChars : 0);
    MPI_Gather(myHost.data(), kHostChars, MPI_CHAR, hosts.data(), kHostChars, MPI_CHAR, 0, MPI_COMM_WORLD);
    m_hosts.assign(hosts.begin(), hosts.end());
    const std::int64_t myPid = ::getpid();
    std::vector<std::int64_t> pids(m_rank == 0 ? std::size_t(m_size) : 0);
    MPI_Gather(&myPid, 1, MPI_INT64_T, pids.data(), 1, MPI_INT64_T, 0, MPI_COMM_WORLD);
    if (m_rank == 0)
        for (int r = 0; r < m_size; ++r)
            printLine(lines::hello(r, pids[std::size_t(r)], m_hosts.c_str() + std::size_t(r) * kHostChars));
    MPI_Barrier(MPI_COMM_WORLD);
    if (m_rank == 0) {
        // Ready on rank 0's clock; the parent maps it to its own when the boot ids differ.
        printLine(lines::ready(bootId(), monotonicNs(), m_size));
        std::fflush(stdout);
    }
}

// Rank 0 measures each rank's clock against its own with ping-pongs and keeps the exchange with
// the smallest round trip: offset = t_remote - (t_send + t_receive) / 2, wrong by at most half
// that round trip. Each rank gets its offset back and subtracts it from its own timestamps.
void MpiRank::alignClocks()
{
    m_offsetNs = 0;
    m_alignErrorNs = 0;
    if (m_rank == 0)
        pingAsRoot();
    else
        answerPings();
}

void MpiRank::pingAsRoot()
{
    for (int r = 1; r < m_size; ++r) {
        std::int64_t bestRtt = std::numeric_limits<std::int64_t>::max(), bestOffset = 0;
        const std::int64_t began = monotonicNs();
        for (int k = 0; k < kMaxPingRounds; ++k) {
            if (k >= kMinPingRounds && (bestRtt < kGoodRttNs || monotonicNs() - began > kPingBudgetNs))
                break;
            std::int64_t remote = 0;
            const std::int64_t t0 = monotonicNs();
            MPI_Send(&t0, 1, MPI_INT64_T, r, TagPing, MPI_COMM_WORLD);
            MPI_Recv(&remote, 1, MPI_INT64_T, r, TagPong, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            const std::int64_t t1 = monotonicNs();
            if (t1 - t0 < bestRtt) {
                bestRtt = t1 - t0;
                bestOffset = remote - (t0 + (t1 - t0) / 2);
            }
        }
        const std::int64_t answer[2] = {bestOffset, bestRtt / 2};
        MPI_Send(answer, 2, MPI_INT64_T, r, TagOffset, MPI_COMM_WORLD);
    }
}

void MpiRank::answerPings()
{
    // Pings until rank 0 is satisfied and sends the answer instead.
    std::int64_t answer[2] = {0, 0};
    for (;;) {
        MPI_Status status;
        MPI_Probe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
        if (status.MPI_TAG == TagOffset) {
            MPI_Recv(answer, 2, MPI_INT64_T, 0, TagOffset, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            break;
        }
        std::int64_t t0 = 0;
        MPI_Recv(&t0, 1, MPI_INT64_T, 0, TagPing, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        const std::int64_t now = monotonicNs();
        MPI_Send(&now, 1, MPI_INT64_T, 0, TagPong, MPI_COMM_WORLD);
    }
    m_offsetNs = answer[0];
    m_alignErrorNs = answer[1];
}

void MpiRank::countAndReport(const RankJob &job, bool dynamic)
{
    RankCounter counter(job, m_offsetNs, &m_stop);
    if (!dynamic || m_size == 1)
        countShare(counter);
    else if (m_rank == 0)
        serveTasks(counter);
    else
        askForTasks(counter);
    report(counter);
}

void MpiRank::countShare(RankCounter &counter)
{
    for (std::int64_t i = m_rank; i < counter.taskCount() && !m_stop.load(); i += m_size)
        if (!counter.count(i, 0))
            break;
}

// Rank 0 counts on a thread of its own while this thread answers the other ranks' requests (only
// this thread calls MPI). One shared counter hands out the next task to whoever asks.
void MpiRank::serveTasks(RankCounter &counter)
{
    const std::int64_t taskCount = counter.taskCount();
    std::atomic<std::int64_t> next{0}, done{0};
    std::atomic<std::uint64_t> words{0};
    std::atomic_bool localDone{false};
    std::thread local([&] {
        std::int64_t i;
        while (!m_stop.load() && (i = next.fetch_add(1)) < taskCount) {
            if (!counter.count(i, 0))
                break;
            done.fetch_add(1);
            words.fetch_add(std::uint64_t(counter.lastWords()));
        }
        localDone.store(true);
    });
    int active = m_size - 1;
    std::int64_t request[2] = {-1, 0}; // the asking rank's previous task and its words
    MPI_Request pending = MPI_REQUEST_NULL;
    MPI_Irecv(request, 2, MPI_INT64_T, MPI_ANY_SOURCE, TagRequest, MPI_COMM_WORLD, &pending);
    std::int64_t lastProgress = monotonicNs();
    while (active > 0 || !localDone.load()) {
        int arrived = 0;
        MPI_Status status;
        if (active > 0)
            MPI_Test(&pending, &arrived, &status);
        if (arrived) {
            if (request[0] >= 0) {
                done.fetch_add(1);
                words.fetch_add(std::uint64_t(request[1]));
            }
            std::int64_t i = m_stop.load() ? taskCount : next.fetch_add(1);
            if (i >= taskCount) {
                i = -1;
                --active;
            }
            MPI_Send(&i, 1, MPI_INT64_T, status.MPI_SOURCE, TagAssign, MPI_COMM_WORLD);
            if (active > 0)
                MPI_Irecv(request, 2, MPI_INT64_T, MPI_ANY_SOURCE, TagRequest, MPI_COMM_WORLD, &pending);
        } else {
            // A blocking receive would spin a core in Open MPI; polling every 20 us costs little.
            sleepMicroseconds(20);
        }
        if (const std::int64_t now = monotonicNs(); now - lastProgress > kProgressEveryNs) {
            lastProgress = now;
            printLine(lines::progress(done.load(), words.load()));
            std::fflush(stdout);
        }
    }
    local.join();
}

void MpiRank::askForTasks(RankCounter &counter)
{
    std::int64_t request[2] = {-1, 0}; // the previous task and its words
    for (;;) {
        const std::int64_t asked = monotonicNs();
        std::int64_t i = -1;
        MPI_Send(request, 2, MPI_INT64_T, 0, TagRequest, MPI_COMM_WORLD);
        MPI_Recv(&i, 1, MPI_INT64_T, 0, TagAssign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        if (i < 0)
            break;
        // After a stop request the rank still asks once more, so rank 0 can retire it.
        if (!counter.count(i, monotonicNs() - asked)) {
            request[0] = -1;
            continue;
        }
        request[0] = i;
        request[1] = counter.lastWords();
    }
}

// Per-rank facts, then every record, all with MPI's collectives; rank 0 prints them.
void MpiRank::report(const RankCounter &counter)
{
    const CpuTimes usage = processCpu(); // exact total, getrusage's split
    const std::array<std::int64_t, RankFields> me = {std::int64_t(::getpid()),
                                                     m_launchedNs - m_offsetNs,
                                                     m_readyNs,
                                                     m_offsetNs,
                                                     m_alignErrorNs,
                                                     std::int64_t(usage.user * 1e6),
                                                     std::int64_t(usage.sys * 1e6),
                                                     counter.tasksCounted()};
    std::vector<std::int64_t> ranks(m_rank == 0 ? std::size_t(m_size) * RankFields : 0);
    MPI_Gather(me.data(), RankFields, MPI_INT64_T, ranks.data(), RankFields, MPI_INT64_T, 0, MPI_COMM_WORLD);

    const std::vector<std::int64_t> &records = counter.records();
    const int myCount = int(records.size());
    std::vector<int> counts(m_rank == 0 ? std::size_t(m_size) : 0), displs(counts.size());
    MPI_Gather(&myCount, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<std::int64_t> all;
    if (m_rank == 0) {
        int total = 0;
        for (int r = 0; r < m_size; ++r) {
            displs[std::size_t(r)] = total;
            total += counts[std::size_t(r)];
        }
        all.resize(std::size_t(total));
    }
    MPI_Gatherv(records.data(), myCount, MPI_INT64_T, all.data(), counts.data(), displs.data(), MPI_INT64_T,
                0, MPI_COMM_WORLD);
    std::uint64_t myWords = counter.words(), totalWords = 0;
    MPI_Reduce(&myWords, &totalWords, 1, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
    if (m_rank != 0)
        return;
    for (int r = 0; r < m_size; ++r)
        printLine(lines::rank(r, ranks.data() + std::size_t(r) * RankFields,
                              m_hosts.c_str() + std::size_t(r) * kHostChars));
    std::size_t at = 0;
    for (int r = 0; r < m_size; ++r)
        for (const std::size_t end = at + std::size_t(counts[std::size_t(r)]); at < end; at += RecFields)
            printLine(lines::task(r, all.data() + at));
    printLine(lines::done(all.size() / RecFields, totalWords, monotonicNs(), m_stop.load()));
}

} // namespace wordrace::mpiworker
