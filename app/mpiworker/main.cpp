// wordrace-mpi-worker: one MPI rank of the cluster mode. mpirun starts N of them; each opens or
// rebuilds the corpus itself from its spec (nothing but the spec crosses the network), plans the
// same tasks as the parent, aligns its clock on rank 0's, counts the tasks rank 0 hands out (or
// its static share), and rank 0 gathers every record with MPI collectives and prints them as text
// lines on its standard output for the parent (ClusterBackend) to read.

#include "backends/clusterlines.h"
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "kernel/clock.h"
#include "kernel/taskexecutor.h"

#include <mpi.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <limits>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace wordrace;

namespace {

// Set by SIGUSR1, which mpirun forwards to every rank: stop handing out and counting tasks, then
// gather what was done, so a cancelled run keeps its partial timeline.
std::atomic_bool g_stop{false};
static_assert(std::atomic_bool::is_always_lock_free);

void onStopSignal(int)
{
    g_stop.store(true);
}

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

using namespace wordrace::clusterlines;

struct Options
{
    std::string corpus;
    int planWorkers = 1;
    std::optional<std::uint64_t> chunk;
    long long expectTasks = -1;
    long long expectBytes = -1;
    bool dynamic = true;
    double ioLatencyNs = 0;
    double workPerWordNs = 0;
};

std::optional<Options> parseOptions(int argc, char **argv, std::string &error)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : nullptr;
        auto need = [&]() -> bool {
            if (!v)
                error = "option " + a + " needs a value";
            return v != nullptr;
        };
        if (a == "--corpus" && need())
            o.corpus = argv[++i];
        else if (a == "--plan-workers" && need())
            o.planWorkers = std::atoi(argv[++i]);
        else if (a == "--chunk" && need())
            o.chunk = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--expect-tasks" && need())
            o.expectTasks = std::atoll(argv[++i]);
        else if (a == "--expect-bytes" && need())
            o.expectBytes = std::atoll(argv[++i]);
        else if (a == "--schedule" && need())
            o.dynamic = std::string(argv[++i]) != "static";
        else if (a == "--io-latency-ns" && need())
            o.ioLatencyNs = std::atof(argv[++i]);
        else if (a == "--work-per-word-ns" && need())
            o.workPerWordNs = std::atof(argv[++i]);
        else if (error.empty())
            error = "unknown option " + a;
        if (!error.empty())
            return std::nullopt;
    }
    if (o.corpus.empty()) {
        error = "no --corpus given";
        return std::nullopt;
    }
    return o;
}

void sleepMicroseconds(long us)
{
    timespec ts{0, us * 1000};
    ::nanosleep(&ts, nullptr);
}

std::string hostName()
{
    char name[MPI_MAX_PROCESSOR_NAME] = {};
    int len = 0;
    MPI_Get_processor_name(name, &len);
    return std::string(name, std::size_t(len));
}

// Identifies this boot of this machine: equal boot ids mean one CLOCK_MONOTONIC, so the parent
// can take rank 0's timestamps as they are.
std::string bootId()
{
    // Tests pose as another machine with this, to take the path the parent uses for remote clocks.
    if (const char *pose = std::getenv("WORDRACE_MPI_BOOT_ID"); pose && *pose)
        return pose;
    std::string id;
    if (FILE *f = std::fopen("/proc/sys/kernel/random/boot_id", "r")) {
        char buf[64] = {};
        if (std::fgets(buf, sizeof buf, f))
            id = buf;
        std::fclose(f);
    }
    while (!id.empty() && (id.back() == '\n' || id.back() == ' '))
        id.pop_back();
    return id.empty() ? std::string("unknown") : id;
}

void printLine(const std::string &line)
{
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
}

// Every rank learns whether all ranks got this far; rank 0 prints the reasons of those that did
// not. Returns true when all are fine.
bool agree(const std::string &myError, int rank, int size)
{
    int ok = myError.empty() ? 1 : 0, allOk = 0;
    MPI_Allreduce(&ok, &allOk, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (allOk)
        return true;
    std::array<char, kErrorChars> mine{};
    std::strncpy(mine.data(), myError.c_str(), mine.size() - 1);
    std::vector<char> all(rank == 0 ? std::size_t(size) * kErrorChars : 0);
    MPI_Gather(mine.data(), kErrorChars, MPI_CHAR, all.data(), kErrorChars, MPI_CHAR, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        const std::string host = hostName();
        for (int r = 0; r < size; ++r) {
            const char *why = all.data() + std::size_t(r) * kErrorChars;
            if (*why)
                printLine("WR-ERROR rank " + std::to_string(r) + ": " + why);
        }
        std::fflush(stdout);
    }
    return false;
}

// Rank 0 measures each rank's clock against its own with ping-pongs and keeps the exchange with
// the smallest round trip: offset = t_remote - (t_send + t_receive) / 2, wrong by at most half
// that round trip. Each rank gets its offset back and subtracts it from its own timestamps.
void alignClocks(int rank, int size, std::int64_t &offsetNs, std::int64_t &errorNs)
{
    offsetNs = 0;
    errorNs = 0;
    if (rank == 0) {
        for (int r = 1; r < size; ++r) {
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
    } else {
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
        offsetNs = answer[0];
        errorNs = answer[1];
    }
}

struct Counting
{
    const Corpus &corpus;
    const TaskPlan &plan;
    TaskCosts costs;
    std::int64_t offsetNs = 0;
    std::vector<std::int64_t> records; // RecFields per counted task, on rank 0's clock

    // Counts task i; false when a stop request cut it short (then it is not recorded).
    bool count(std::int64_t i, std::int64_t waitNs)
    {
        const Task &t = plan.tasks[qsizetype(i)];
        std::uint64_t words = 0;
        TaskPhases phases;
        const std::int64_t start = monotonicNs();
        const auto status = TaskExecutor::run(corpus.bytes(), t.begin, t.end, costs, &g_stop, words, phases);
        const std::int64_t end = monotonicNs();
        if (status != TaskExecutor::Status::Ok)
            return false;
        records.insert(records.end(), {i, start - offsetNs, end - offsetNs, std::int64_t(words), phases.ioNs,
                                       phases.gilWaitNs, phases.computeNs, waitNs});
        return true;
    }
};

} // namespace

int main(int argc, char **argv)
{
    const std::int64_t launchedNs = monotonicNs();
    // Die with mpirun (or orted), even when it is killed with SIGKILL: no orphan ranks.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::signal(SIGUSR1, onStopSignal);

    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    int rank = 0, size = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    auto finish = [](int status) {
        std::fflush(stdout);
        MPI_Finalize();
        return status;
    };

    // Each rank opens the file (on a path every host can read) or rebuilds the generated corpus,
    // and plans the tasks the parent planned: the same spec, workers and chunk give the same plan.
    std::string error;
    const std::optional<Options> options = parseOptions(argc, argv, error);
    std::unique_ptr<Corpus> corpus;
    std::optional<TaskPlan> plan;
    const std::string host = hostName();
    if (options) {
        QString why;
        const auto spec = CorpusSpec::parse(QString::fromStdString(options->corpus), &why);
        if (spec)
            corpus = Corpus::open(*spec, &why);
        if (corpus)
            plan = TaskPlanner::plan(*corpus, options->planWorkers, options->chunk, &why);
        if (!plan) {
            error = why.toStdString();
        } else if (options->expectBytes >= 0 && corpus->size() != std::uint64_t(options->expectBytes)) {
            error = "on " + host + " the corpus has " + std::to_string(corpus->size()) +
                    " bytes, the parent's " + std::to_string(options->expectBytes) +
                    ": every host must see the same file";
        } else if (options->expectTasks >= 0 && plan->tasks.size() != options->expectTasks) {
            error = "on " + host + " the plan has " + std::to_string(plan->tasks.size()) +
                    " tasks, the parent's " + std::to_string(options->expectTasks);
        }
    }
    if (!error.empty())
        error = "(on " + host + ") " + error;
    if (!agree(error, rank, size))
        return finish(0);

    MPI_Barrier(MPI_COMM_WORLD);
    std::int64_t offsetNs = 0, alignErrorNs = 0;
    alignClocks(rank, size, offsetNs, alignErrorNs);
    const std::int64_t readyNs = monotonicNs() - offsetNs;
    // Who is who, before any counting: the parent names the ranks (and a rank that dies) by them.
    std::array<char, kHostChars> myHost{};
    std::strncpy(myHost.data(), host.c_str(), myHost.size() - 1);
    std::vector<char> hosts(rank == 0 ? std::size_t(size) * kHostChars : 0);
    MPI_Gather(myHost.data(), kHostChars, MPI_CHAR, hosts.data(), kHostChars, MPI_CHAR, 0, MPI_COMM_WORLD);
    const std::int64_t myPid = ::getpid();
    std::vector<std::int64_t> pids(rank == 0 ? std::size_t(size) : 0);
    MPI_Gather(&myPid, 1, MPI_INT64_T, pids.data(), 1, MPI_INT64_T, 0, MPI_COMM_WORLD);
    if (rank == 0)
        for (int r = 0; r < size; ++r)
            printLine("WR-HELLO " + std::to_string(r) + " " + std::to_string(pids[std::size_t(r)]) + " " +
                      (hosts.data() + std::size_t(r) * kHostChars));
    MPI_Barrier(MPI_COMM_WORLD);
    if (rank == 0) {
        // Ready on rank 0's clock; the parent maps it to its own when the boot ids differ.
        printLine("WR-READY " + bootId() + " " + std::to_string(monotonicNs()) + " " + std::to_string(size));
        std::fflush(stdout);
    }

    Counting counting{*corpus, *plan, {}, offsetNs, {}};
    counting.costs.ioLatencyNs = std::int64_t(options->ioLatencyNs);
    if (options->workPerWordNs > 0)
        counting.costs.workIterationsPerWord = options->workPerWordNs * TaskExecutor::iterationsPerNs();
    const std::int64_t taskCount = plan->tasks.size();

    if (!options->dynamic || size == 1) {
        for (std::int64_t i = rank; i < taskCount && !g_stop.load(); i += size)
            if (!counting.count(i, 0))
                break;
    } else if (rank == 0) {
        // Rank 0 counts on a thread of its own while this thread answers the other ranks' requests
        // (only this thread calls MPI). One shared counter hands out the next task to whoever asks.
        std::atomic<std::int64_t> next{0}, done{0};
        std::atomic<std::uint64_t> words{0};
        std::atomic_bool localDone{false};
        std::thread local([&] {
            std::int64_t i;
            while (!g_stop.load() && (i = next.fetch_add(1)) < taskCount) {
                if (!counting.count(i, 0))
                    break;
                done.fetch_add(1);
                words.fetch_add(
                    std::uint64_t(counting.records[counting.records.size() - RecFields + RecWords]));
            }
            localDone.store(true);
        });
        int active = size - 1;
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
                std::int64_t i = g_stop.load() ? taskCount : next.fetch_add(1);
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
            if (const std::int64_t now = monotonicNs(); now - lastProgress > 50'000'000) {
                lastProgress = now;
                printLine("WR-PROGRESS " + std::to_string(done.load()) + " " + std::to_string(words.load()));
                std::fflush(stdout);
            }
        }
        local.join();
    } else {
        std::int64_t request[2] = {-1, 0};
        for (;;) {
            const std::int64_t asked = monotonicNs();
            std::int64_t i = -1;
            MPI_Send(request, 2, MPI_INT64_T, 0, TagRequest, MPI_COMM_WORLD);
            MPI_Recv(&i, 1, MPI_INT64_T, 0, TagAssign, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            if (i < 0)
                break;
            // After a stop request the rank still asks once more, so rank 0 can retire it.
            if (!counting.count(i, monotonicNs() - asked)) {
                request[0] = -1;
                continue;
            }
            request[0] = i;
            request[1] = counting.records[counting.records.size() - RecFields + RecWords];
        }
    }

    // Gather: per-rank facts, then every record, all with MPI's collectives.
    const CpuTimes usage = processCpu(); // exact total, getrusage's split
    const std::int64_t myTasks = std::int64_t(counting.records.size() / RecFields);
    const std::array<std::int64_t, RankFields> me = {
        std::int64_t(::getpid()),       launchedNs - offsetNs,         readyNs, offsetNs, alignErrorNs,
        std::int64_t(usage.user * 1e6), std::int64_t(usage.sys * 1e6), myTasks};
    std::vector<std::int64_t> ranks(rank == 0 ? std::size_t(size) * RankFields : 0);
    MPI_Gather(me.data(), RankFields, MPI_INT64_T, ranks.data(), RankFields, MPI_INT64_T, 0, MPI_COMM_WORLD);

    const int myCount = int(counting.records.size());
    std::vector<int> counts(rank == 0 ? std::size_t(size) : 0), displs(counts.size());
    MPI_Gather(&myCount, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<std::int64_t> all;
    if (rank == 0) {
        int total = 0;
        for (int r = 0; r < size; ++r) {
            displs[std::size_t(r)] = total;
            total += counts[std::size_t(r)];
        }
        all.resize(std::size_t(total));
    }
    MPI_Gatherv(counting.records.data(), myCount, MPI_INT64_T, all.data(), counts.data(), displs.data(),
                MPI_INT64_T, 0, MPI_COMM_WORLD);
    std::uint64_t myWords = 0, totalWords = 0;
    for (std::size_t k = RecWords; k < counting.records.size(); k += RecFields)
        myWords += std::uint64_t(counting.records[k]);
    MPI_Reduce(&myWords, &totalWords, 1, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);

    if (rank == 0) {
        for (int r = 0; r < size; ++r) {
            const std::int64_t *f = ranks.data() + std::size_t(r) * RankFields;
            std::string line = "WR-RANK " + std::to_string(r);
            for (int k = 0; k < RankFields; ++k)
                line += " " + std::to_string(f[k]);
            line += " ";
            line += hosts.data() + std::size_t(r) * kHostChars;
            printLine(line);
        }
        std::size_t at = 0;
        for (int r = 0; r < size; ++r) {
            const std::size_t end = at + std::size_t(counts[std::size_t(r)]);
            for (; at < end; at += RecFields) {
                std::string line = "WR-TASK " + std::to_string(r);
                for (int k = 0; k < RecFields; ++k)
                    line += " " + std::to_string(all[at + std::size_t(k)]);
                printLine(line);
            }
        }
        printLine("WR-DONE " + std::to_string(all.size() / RecFields) + " " + std::to_string(totalWords) +
                  " " + std::to_string(monotonicNs()) + (g_stop.load() ? " stopped" : " complete"));
    }
    return finish(0);
}
