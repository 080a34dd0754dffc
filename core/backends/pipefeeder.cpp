#include "backends/pipefeeder.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace wordrace {

PipeFeeder::PipeFeeder(int writeFd) : m_fd(writeFd), m_wakeFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    m_thread = std::thread([this] { loop(); });
}

PipeFeeder::~PipeFeeder()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_queued.notify_all();
    if (m_wakeFd >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
    }
    m_thread.join();
    ::close(m_fd);
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void PipeFeeder::send(std::string_view bytes)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(bytes);
    }
    m_queued.notify_one();
}

void PipeFeeder::loop()
{
    // A reader that is gone must show as EPIPE here, not as a SIGPIPE killing the whole program;
    // blocked, the signal stays pending on this thread and ends with it.
    sigset_t pipeSignal;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSignal, nullptr);
    for (;;) {
        std::string_view next;
        {
            std::unique_lock lock(m_mutex);
            m_queued.wait(lock, [&] { return m_stop || !m_queue.empty(); });
            if (m_stop)
                return;
            next = m_queue.front();
        }
        if (!writeAll(next))
            return; // the worker is gone (its exit is reported by its process) or we stop
        std::lock_guard lock(m_mutex);
        m_queue.pop_front();
    }
}

bool PipeFeeder::writeAll(std::string_view bytes)
{
    // Pieces of at most 1 MiB, the pipe's size: the kernel copies each straight from the mapping.
    constexpr std::size_t kPiece = std::size_t(1) << 20;
    while (!bytes.empty()) {
        const ssize_t n = ::write(m_fd, bytes.data(), std::min(bytes.size(), kPiece));
        if (n > 0) {
            bytes.remove_prefix(std::size_t(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN)
            return false; // EPIPE: the worker is gone; its exit is reported elsewhere
        // The pipe is full: wait for room, or to be told to stop.
        pollfd fds[2] = {{m_fd, POLLOUT, 0}, {m_wakeFd, POLLIN, 0}};
        if (::poll(fds, m_wakeFd >= 0 ? 2 : 1, m_wakeFd >= 0 ? -1 : 100) < 0 && errno != EINTR)
            return false;
        if (fds[1].revents & POLLIN)
            return false;
        std::lock_guard lock(m_mutex);
        if (m_stop)
            return false;
    }
    return true;
}

} // namespace wordrace
