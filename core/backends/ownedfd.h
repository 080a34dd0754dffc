#pragma once

#include <optional>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace wordrace {

// A file descriptor closed with its owner; -1 when it holds none.
class OwnedFd
{
public:
    OwnedFd() = default;
    explicit OwnedFd(int fd) : m_fd(fd) {}
    OwnedFd(OwnedFd &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    OwnedFd &operator=(OwnedFd &&other) noexcept
    {
        if (this != &other) {
            reset();
            m_fd = std::exchange(other.m_fd, -1);
        }
        return *this;
    }
    ~OwnedFd() { reset(); }
    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }
    void reset()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }
    // Hands the descriptor to a new owner, which closes it.
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd = -1;
};

// A pipe's read and write ends (close-on-exec), or nothing (errno set) when it could not be made.
inline std::optional<std::pair<OwnedFd, OwnedFd>> makePipe()
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return std::nullopt;
    return std::pair{OwnedFd(fds[0]), OwnedFd(fds[1])};
}

} // namespace wordrace
