#include "kernel/workerloop.h"

#include "kernel/clock.h"
#include "kernel/emulatedgil.h"
#include "kernel/hugepages.h"
#include "kernel/taskexecutor.h"
#include "kernel/wordcounter.h"
#include "kernel/workerprotocol.h"

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace wordrace {

namespace {

bool writeAll(const std::string &bytes)
{
    const char *p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        p += n;
        left -= std::size_t(n);
    }
    return true;
}

// Room for a whole task's bytes (pipe transport), reused from task to task. Anonymous memory
// asked for in huge pages where the machine allows them: a 72 MB task is then 36 page faults on
// first use instead of 18,000.
class TaskBuffer
{
public:
    TaskBuffer() = default;
    TaskBuffer(const TaskBuffer &) = delete;
    TaskBuffer &operator=(const TaskBuffer &) = delete;
    ~TaskBuffer() { release(); }
    char *reserve(std::size_t size)
    {
        if (size <= m_capacity)
            return m_data;
        release();
        constexpr std::size_t kHuge = std::size_t(2) << 20;
        const std::size_t capacity = (size + kHuge - 1) / kHuge * kHuge;
        void *p = ::mmap(nullptr, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return nullptr;
        ::madvise(p, capacity, MADV_HUGEPAGE); // a hint: refused, it only costs faults
        m_data = static_cast<char *>(p);
        m_capacity = capacity;
        return m_data;
    }

private:
    void release()
    {
        if (m_data)
            ::munmap(m_data, m_capacity);
        m_data = nullptr;
        m_capacity = 0;
    }
    char *m_data = nullptr;
    std::size_t m_capacity = 0;
};

int fail(const std::string &why)
{
    writeAll(protocol::encodeError(why));
    std::fprintf(stderr, "wordrace-worker: %s\n", why.c_str());
    return 3;
}

// One worker's life: the messages that arrive on stdin and what it answers. Each handler
// returns nothing to go on, or the exit status to stop with.
class WorkerLoop
{
public:
    WorkerLoop(std::int64_t launchedNs, std::optional<std::string_view> inherited)
        : m_launchedNs(launchedNs), m_inherited(inherited)
    {}
    int run();

private:
    using Outcome = std::optional<int>;
    Outcome dispatch(protocol::Type type, std::string_view payload);
    Outcome onHello(std::string_view payload);
    Outcome onTask(std::string_view payload);
    Outcome onBye();
    Outcome countPipedTask(const protocol::Task &task);
    Outcome count(const protocol::Task &task, std::string_view bytes, std::uint64_t from, std::uint64_t to,
                  std::int64_t transferNs);
    Outcome readInput();
    // Done messages wait here while short tasks follow one another, and go out together: the
    // parent then wakes once for a batch instead of once a task (issue 21: 10-30 us a task).
    void send(const std::string &message);
    bool flush();
    bool shouldFlush(const protocol::Done &done) const;

    const std::int64_t m_launchedNs;
    const std::optional<std::string_view> m_inherited; // a forked worker's corpus
    protocol::Decoder m_decoder;
    std::string m_unsent;
    int m_unsentDone = 0;
    std::int64_t m_firstUnsentNs = 0;
    const char *m_corpus = nullptr;
    std::uint64_t m_corpusSize = 0;
    bool m_helloSeen = false;
    bool m_pipeTransport = false;
    TaskCosts m_costs;
    EmulatedGil m_gil;
    // Pipe transport: where task bytes arrive, and a buffer for a whole task, reused (as
    // unpickling an item builds it whole before the function sees it).
    int m_dataFd = -1;
    TaskBuffer m_taskBuffer;
};

// Both entry points, after their start: expectedParent, when > 0, must be the parent (it may
// have died already).
int runWorkerLoop(std::int64_t launchedNs, long expectedParent, std::optional<std::string_view> inherited)
{
    // Die with the parent, even when it is killed with SIGKILL and cannot clean up; then make
    // sure the parent did not die before the line above took effect.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (expectedParent > 0 && ::getppid() != expectedParent)
        return 4;
    // A closed pipe is reported through write()'s EPIPE, not by killing us.
    ::signal(SIGPIPE, SIG_IGN);
    return WorkerLoop(launchedNs, inherited).run();
}

} // namespace

int runWorker(int argc, char **argv)
{
    const std::int64_t launchedNs = monotonicNs();
    long expectedParent = -1;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("wordrace-worker protocol %u\n", unsigned(protocol::kVersion));
            return 0;
        }
        if (std::strcmp(argv[i], "--parent-pid") == 0 && i + 1 < argc)
            expectedParent = std::strtol(argv[++i], nullptr, 10);
    }
    return runWorkerLoop(launchedNs, expectedParent, std::nullopt);
}

int runForkedWorker(long parentPid, std::string_view corpus)
{
    return runWorkerLoop(monotonicNs(), parentPid, corpus);
}

namespace {

int WorkerLoop::run()
{
    for (;;) {
        protocol::Type type{};
        std::string_view payload; // a view into the decoder's buffer: no copy of large task data
        protocol::Decoder::Status st;
        while ((st = m_decoder.next(type, payload)) == protocol::Decoder::Status::Ok)
            if (const Outcome stop = dispatch(type, payload))
                return *stop;
        if (st == protocol::Decoder::Status::Malformed)
            return fail("malformed message from the parent: " + m_decoder.error());
        // Nothing left to do until the parent writes again: what is done goes out first.
        if (!flush())
            return 5;
        if (const Outcome stop = readInput())
            return *stop;
    }
}

WorkerLoop::Outcome WorkerLoop::dispatch(protocol::Type type, std::string_view payload)
{
    switch (type) {
    case protocol::Type::Hello:
        return onHello(payload);
    case protocol::Type::Task:
        return onTask(payload);
    case protocol::Type::Bye:
        return onBye();
    default:
        return fail("unexpected message type " + std::to_string(int(type)));
    }
}

WorkerLoop::Outcome WorkerLoop::onHello(std::string_view payload)
{
    protocol::Hello hello{};
    if (!protocol::decodePayload(payload, hello) || m_helloSeen)
        return fail("unexpected hello");
    m_helloSeen = true;
    m_corpusSize = hello.corpusSize;
    m_pipeTransport = hello.transport == 1;
    m_costs.ioLatencyNs = hello.ioLatencyNs;
    m_costs.workIterationsPerWord = hello.workIterationsPerWord;
    m_costs.gil = hello.gil ? &m_gil : nullptr;
    // The parent's descriptor as we can open it: the corpus, or the task-data pipe.
    const std::string path =
        "/proc/" + std::to_string(hello.parentPid) + "/fd/" + std::to_string(hello.corpusFd);
    if (m_pipeTransport) {
        m_dataFd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_dataFd < 0)
            return fail("cannot open the task-data pipe " + path + ": " + std::strerror(errno));
    } else if (m_inherited) {
        if (m_inherited->size() != m_corpusSize)
            return fail("the inherited corpus has " + std::to_string(m_inherited->size()) +
                        " bytes, the parent announced " + std::to_string(m_corpusSize));
        m_corpus = m_inherited->data();
    } else if (m_corpusSize > 0) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return fail("cannot open the shared corpus " + path + ": " + std::strerror(errno));
        const ReadMapping map = mapForReading(fd, m_corpusSize);
        const int error = errno;
        ::close(fd);
        if (!map.data)
            return fail("cannot map the shared corpus: " + std::string(std::strerror(error)));
        m_corpus = map.data;
    }
    const protocol::Ready ready{static_cast<std::int32_t>(::getpid()), 0, m_launchedNs, monotonicNs()};
    if (!writeAll(protocol::encode(protocol::Type::Ready, ready)))
        return 5;
    return std::nullopt;
}

WorkerLoop::Outcome WorkerLoop::onTask(std::string_view payload)
{
    protocol::Task task{};
    if (!protocol::decodePayload(payload, task) || !m_helloSeen)
        return fail("unexpected task");
    if (task.begin > task.end || task.end > m_corpusSize)
        return fail("task " + std::to_string(task.index) + " lies outside the corpus");
    if (m_pipeTransport)
        return countPipedTask(task);
    return count(task, std::string_view(m_corpus, m_corpusSize), task.begin, task.end, 0);
}

WorkerLoop::Outcome WorkerLoop::countPipedTask(const protocol::Task &task)
{
    const std::int64_t sinceNs = monotonicNs();
    const std::size_t size = task.end - task.begin;
    if (size > protocol::kMaxTaskData)
        return fail("task " + std::to_string(task.index) + " is larger than a pipe task may be");
    char *buffer = m_taskBuffer.reserve(size);
    if (!buffer && size > 0)
        return fail("no memory for task " + std::to_string(task.index) + " (" + std::to_string(size) +
                    " bytes)");
    for (std::size_t got = 0; got < size;) {
        const ssize_t n = ::read(m_dataFd, buffer + got, size - got);
        if (n == 0)
            return 0; // the parent is gone or cancelled the run
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return 6;
        }
        got += std::size_t(n);
    }
    return count(task, std::string_view(buffer, size), 0, size, monotonicNs() - sinceNs);
}

WorkerLoop::Outcome WorkerLoop::count(const protocol::Task &task, std::string_view bytes, std::uint64_t from,
                                      std::uint64_t to, std::int64_t transferNs)
{
    protocol::Done done{};
    done.index = task.index;
    done.startNs = monotonicNs() - transferNs;
    TaskPhases phases;
    std::uint64_t words = 0;
    if (TaskExecutor::run(bytes, from, to, m_costs, nullptr, words, phases) != TaskExecutor::Status::Ok)
        return fail("the corpus shrank while it was being read (chunk " + std::to_string(task.index) +
                    "); was the file truncated or rewritten?");
    done.endNs = monotonicNs();
    done.words = words;
    done.bytes = task.end - task.begin;
    done.ioNs = phases.ioNs;
    done.gilWaitNs = phases.gilWaitNs;
    done.computeNs = phases.computeNs;
    done.transferNs = transferNs;
    send(protocol::encode(protocol::Type::Done, done));
    if (shouldFlush(done) && !flush())
        return 5;
    return std::nullopt;
}

void WorkerLoop::send(const std::string &message)
{
    if (m_unsent.empty())
        m_firstUnsentNs = monotonicNs();
    m_unsent += message;
    ++m_unsentDone;
}

bool WorkerLoop::shouldFlush(const protocol::Done &done) const
{
    // A task long enough to notice goes out at once: the parent's timeline and its next dispatch
    // wait for it. Short ones wait for company, for at most kMaxBatchNs or kMaxBatch of them;
    // and whenever no further task is queued here, run() flushes before it blocks.
    constexpr std::int64_t kShortTaskNs = 20'000;
    constexpr std::int64_t kMaxBatchNs = 100'000;
    constexpr int kMaxBatch = 64;
    return done.endNs - done.startNs >= kShortTaskNs || m_unsentDone >= kMaxBatch ||
           done.endNs - m_firstUnsentNs >= kMaxBatchNs;
}

bool WorkerLoop::flush()
{
    if (m_unsent.empty())
        return true;
    const bool ok = writeAll(m_unsent);
    m_unsent.clear();
    m_unsentDone = 0;
    return ok;
}

WorkerLoop::Outcome WorkerLoop::onBye()
{
    if (!flush())
        return 5;
    // The kernel's exact process clock, split into user and system as getrusage has it.
    const CpuTimes cpu = processCpu();
    const std::int64_t delayNs = threadRunDelayNs();
    const protocol::Usage usage{std::int64_t(std::llround(cpu.user * 1e6)),
                                std::int64_t(std::llround(cpu.sys * 1e6)), delayNs < 0 ? -1 : delayNs / 1000};
    writeAll(protocol::encode(protocol::Type::Usage, usage));
    return 0;
}

WorkerLoop::Outcome WorkerLoop::readInput()
{
    // Only messages come through stdin, many tasks at a time when they are short (the room
    // reserved is zero-filled first).
    const std::size_t readSize = 16384;
    char *tail = m_decoder.reserveTail(readSize);
    const ssize_t n = ::read(STDIN_FILENO, tail, readSize);
    m_decoder.commitTail(readSize, n > 0 ? std::size_t(n) : 0);
    if (n == 0)
        return 0; // the parent closed our input: it is gone or cancelled the run
    if (n < 0)
        return errno == EINTR ? std::nullopt : Outcome(6);
    return std::nullopt;
}

} // namespace

} // namespace wordrace
