#include "backends/forkedworker.h"

#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace wordrace {

ForkedWorker::ForkedWorker(std::function<int()> childMain, QObject *parent)
    : PipedWorker(parent), m_childMain(std::move(childMain))
{}

pid_t ForkedWorker::launch(int stdinFd, int stdoutFd, int stderrFd)
{
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    // The child: only this thread exists here, and only async-signal-safe calls until the
    // worker loop, which is plain POSIX and C++ (glibc keeps malloc and stdio usable).
    // Named as the exec'd worker is, so that ps, the zombie check and the sampler see it alike.
    ::prctl(PR_SET_NAME, "wordrace-worker", 0, 0, 0);
    ::dup2(stdinFd, STDIN_FILENO);
    ::dup2(stdoutFd, STDOUT_FILENO);
    ::dup2(stderrFd, STDERR_FILENO);
    // Every other descriptor of the parent would keep its pipes open: another worker's stdin
    // would then never see end of file.
    if (::syscall(SYS_close_range, 3u, ~0u, 0u) != 0)
        for (int fd = 3; fd < 65536; ++fd) // kernels before 5.9
            ::close(fd);
    ::_exit(m_childMain());
}

} // namespace wordrace
