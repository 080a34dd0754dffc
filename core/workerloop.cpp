#include "workerloop.h"

#include "clock.h"
#include "emulatedgil.h"
#include "taskexecutor.h"
#include "wordcounter.h"
#include "workerprotocol.h"

#include <cerrno>
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

int fail(const std::string &why)
{
    writeAll(protocol::encodeError(why));
    std::fprintf(stderr, "wordrace-worker: %s\n", why.c_str());
    return 3;
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
    // Die with the parent, even when it is killed with SIGKILL and cannot clean up; then make
    // sure the parent did not die before the line above took effect.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (expectedParent > 0 && ::getppid() != expectedParent)
        return 4;
    // A closed pipe is reported through write()'s EPIPE, not by killing us.
    ::signal(SIGPIPE, SIG_IGN);

    protocol::Decoder decoder;
    protocol::Type msgType{};
    std::string_view payload; // a view into the decoder's buffer: no copy of large task data
    const char *corpus = nullptr;
    std::uint64_t corpusSize = 0;
    bool helloSeen = false;
    bool pipeTransport = false;
    TaskCosts costs;
    EmulatedGil gil;
    // Pipe transport: the Task waiting for its TaskData, and when its header arrived.
    std::optional<protocol::Task> pendingTask;
    std::int64_t pendingSinceNs = 0;

    auto runTask = [&](const protocol::Task &task, std::string_view bytes, std::uint64_t from,
                       std::uint64_t to, std::int64_t transferNs) -> int {
        protocol::Done done{};
        done.index = task.index;
        done.startNs = monotonicNs() - transferNs;
        TaskPhases phases;
        std::uint64_t words = 0;
        if (TaskExecutor::run(bytes, from, to, costs, nullptr, words, phases) != TaskExecutor::Status::Ok)
            return fail("the corpus shrank while it was being read (chunk " + std::to_string(task.index) +
                        "); was the file truncated or rewritten?");
        done.endNs = monotonicNs();
        done.words = words;
        done.bytes = task.end - task.begin;
        done.ioNs = phases.ioNs;
        done.gilWaitNs = phases.gilWaitNs;
        done.computeNs = phases.computeNs;
        done.transferNs = transferNs;
        return writeAll(protocol::encode(protocol::Type::Done, done)) ? 0 : 5;
    };

    for (;;) {
        protocol::Decoder::Status st;
        while ((st = decoder.next(msgType, payload)) == protocol::Decoder::Status::Ok) {
            switch (msgType) {
            case protocol::Type::Hello: {
                protocol::Hello hello{};
                if (!protocol::decodePayload(payload, hello) || helloSeen)
                    return fail("unexpected hello");
                helloSeen = true;
                corpusSize = hello.corpusSize;
                pipeTransport = hello.transport == 1;
                costs.ioLatencyNs = hello.ioLatencyNs;
                costs.workIterationsPerWord = hello.workIterationsPerWord;
                costs.gil = hello.gil ? &gil : nullptr;
                if (pipeTransport) {
                    // Bigger pipe, fewer wake-ups per chunk; the kernel may refuse, which only costs speed.
                    ::fcntl(STDIN_FILENO, F_SETPIPE_SZ, 1 << 20);
                } else if (corpusSize > 0) {
                    const std::string path =
                        "/proc/" + std::to_string(hello.parentPid) + "/fd/" + std::to_string(hello.corpusFd);
                    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
                    if (fd < 0)
                        return fail("cannot open the shared corpus " + path + ": " + std::strerror(errno));
                    void *map = ::mmap(nullptr, corpusSize, PROT_READ, MAP_SHARED, fd, 0);
                    ::close(fd);
                    if (map == MAP_FAILED)
                        return fail("cannot map the shared corpus: " + std::string(std::strerror(errno)));
                    corpus = static_cast<const char *>(map);
                }
                const protocol::Ready ready{static_cast<std::int32_t>(::getpid()), 0, launchedNs,
                                            monotonicNs()};
                if (!writeAll(protocol::encode(protocol::Type::Ready, ready)))
                    return 5;
                break;
            }
            case protocol::Type::Task: {
                protocol::Task task{};
                if (!protocol::decodePayload(payload, task) || !helloSeen || pendingTask)
                    return fail("unexpected task");
                if (task.begin > task.end || task.end > corpusSize)
                    return fail("task " + std::to_string(task.index) + " lies outside the corpus");
                if (pipeTransport) {
                    pendingTask = task;
                    pendingSinceNs = monotonicNs();
                    break;
                }
                if (const int rc =
                        runTask(task, std::string_view(corpus, corpusSize), task.begin, task.end, 0))
                    return rc;
                break;
            }
            case protocol::Type::TaskData: {
                if (!pendingTask || payload.size() != pendingTask->end - pendingTask->begin)
                    return fail("task data that matches no task");
                const protocol::Task task = *pendingTask;
                pendingTask.reset();
                const std::int64_t transferNs = monotonicNs() - pendingSinceNs;
                if (const int rc = runTask(task, payload, 0, payload.size(), transferNs))
                    return rc;
                break;
            }
            case protocol::Type::Bye: {
                rusage ru{};
                ::getrusage(RUSAGE_SELF, &ru);
                const protocol::Usage usage{std::int64_t(ru.ru_utime.tv_sec) * 1000000 + ru.ru_utime.tv_usec,
                                            std::int64_t(ru.ru_stime.tv_sec) * 1000000 + ru.ru_stime.tv_usec};
                writeAll(protocol::encode(protocol::Type::Usage, usage));
                return 0;
            }
            default:
                return fail("unexpected message type " + std::to_string(int(msgType)));
            }
        }
        if (st == protocol::Decoder::Status::Malformed)
            return fail("malformed message from the parent: " + decoder.error());
        // Read straight into the decoder: with the pipe transport whole chunks of the corpus come
        // through stdin, and each extra copy would cost as much as counting them.
        // Small reads otherwise: the room reserved is zero-filled first.
        const std::size_t readSize = pendingTask ? std::size_t(1) << 20 : std::size_t(4096);
        char *tail = decoder.reserveTail(readSize);
        const ssize_t n = ::read(STDIN_FILENO, tail, readSize);
        decoder.commitTail(readSize, n > 0 ? std::size_t(n) : 0);
        if (n == 0)
            return 0; // the parent closed our input: it is gone or cancelled the run
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return 6;
        }
    }
}

} // namespace wordrace
