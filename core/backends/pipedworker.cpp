#include "backends/pipedworker.h"

#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <optional>
#include <type_traits>
#include <utility>

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

void setNonBlocking(const OwnedFd &fd)
{
    ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) | O_NONBLOCK);
}

// Stops a notifier or timer that may be the very one whose signal is being handled: deleting it
// there would pull it from under its own event handler.
template<typename T> void retire(std::unique_ptr<T> &object)
{
    if (!object)
        return;
    if constexpr (std::is_same_v<T, QTimer>)
        object->stop();
    else
        object->setEnabled(false);
    object.release()->deleteLater();
}

// write(2) that reports a reader gone as EPIPE without a SIGPIPE, and leaves the program's own
// handling of the signal alone (QtTest, for one, treats it as a crash): the signal is blocked on
// this thread for the call, and one it raised is taken off the thread again.
ssize_t writeWithoutSigpipe(int fd, const char *data, std::size_t size)
{
    sigset_t pipeSignal;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    const bool alreadyPending = sigismember(&pending, SIGPIPE) == 1;
    sigset_t old;
    pthread_sigmask(SIG_BLOCK, &pipeSignal, &old);
    const ssize_t n = ::write(fd, data, size);
    const int error = errno;
    if (n < 0 && error == EPIPE && !alreadyPending) {
        const timespec now{0, 0};
        while (sigtimedwait(&pipeSignal, nullptr, &now) < 0 && errno == EINTR) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    errno = error;
    return n;
}

} // namespace

PipedWorker::PipedWorker(QObject *parent) : WorkerProcess(parent) {}

PipedWorker::~PipedWorker()
{
    if (isRunning()) {
        ::kill(pid_t(m_pid), SIGKILL);
        int status = 0;
        while (::waitpid(pid_t(m_pid), &status, 0) < 0 && errno == EINTR) {
        }
    }
}

void PipedWorker::start()
{
    // Unused ends close as these go out of scope, on every path.
    auto in = makePipe();
    auto out = in ? makePipe() : std::nullopt;
    auto err = out ? makePipe() : std::nullopt;
    const pid_t pid = err ? launch(in->first.get(), out->second.get(), err->second.get()) : -1;
    if (pid < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        QTimer::singleShot(0, this, &WorkerProcess::failedToStart);
        return;
    }
    m_pid = pid;
    m_in = std::move(in->second);
    m_out = std::move(out->first);
    m_err = std::move(err->first);
    setNonBlocking(m_in);
    setNonBlocking(m_out);
    setNonBlocking(m_err);
    m_outNotifier = watchOutput(m_out, m_stdout, &WorkerProcess::readyReadStandardOutput);
    m_errNotifier = watchOutput(m_err, m_stderr, &WorkerProcess::readyReadStandardError);
    m_pidfd = OwnedFd(int(::syscall(SYS_pidfd_open, pid, 0)));
    if (m_pidfd.isValid()) {
        m_exitNotifier = std::make_unique<QSocketNotifier>(m_pidfd.get(), QSocketNotifier::Read);
        connect(m_exitNotifier.get(), &QSocketNotifier::activated, this, [this] { reap(false); });
    } else {
        m_exitPoll = std::make_unique<QTimer>();
        connect(m_exitPoll.get(), &QTimer::timeout, this, [this] { reap(false); });
        m_exitPoll->start(10);
    }
}

std::unique_ptr<QSocketNotifier> PipedWorker::watchOutput(const OwnedFd &fd, QByteArray &into,
                                                          void (WorkerProcess::*ready)())
{
    auto notifier = std::make_unique<QSocketNotifier>(fd.get(), QSocketNotifier::Read);
    connect(notifier.get(), &QSocketNotifier::activated, this, [this, &fd, &into, ready, n = notifier.get()] {
        if (!drain(fd, into))
            n->setEnabled(false);
        if (!into.isEmpty())
            Q_EMIT(this->*ready)();
    });
    return notifier;
}

void PipedWorker::write(const QByteArray &bytes)
{
    if (!m_in.isValid())
        return;
    m_pendingInput.append(bytes);
    flushInput();
}

void PipedWorker::closeWriteChannel()
{
    m_closeInput = true;
    flushInput();
}

void PipedWorker::flushInput()
{
    while (m_in.isValid() && !m_pendingInput.isEmpty()) {
        const ssize_t n =
            writeWithoutSigpipe(m_in.get(), m_pendingInput.constData(), std::size_t(m_pendingInput.size()));
        if (n > 0) {
            m_pendingInput.remove(0, qsizetype(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            // The pipe is full: go on when it has room.
            if (!m_inNotifier) {
                m_inNotifier = std::make_unique<QSocketNotifier>(m_in.get(), QSocketNotifier::Write);
                connect(m_inNotifier.get(), &QSocketNotifier::activated, this, [this] { flushInput(); });
            }
            m_inNotifier->setEnabled(true);
            return;
        }
        // EPIPE: the child is gone; its exit is reported through finished().
        m_pendingInput.clear();
        break;
    }
    if (m_inNotifier)
        m_inNotifier->setEnabled(false);
    if (m_closeInput && m_pendingInput.isEmpty()) {
        retire(m_inNotifier);
        m_in.reset();
    }
}

bool PipedWorker::drain(const OwnedFd &fd, QByteArray &into)
{
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n > 0) {
            into.append(buffer, qsizetype(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return n < 0 && errno == EAGAIN; // 0: end of file
    }
}

QByteArray PipedWorker::readAllStandardOutput()
{
    return std::exchange(m_stdout, {});
}

QByteArray PipedWorker::readAllStandardError()
{
    return std::exchange(m_stderr, {});
}

void PipedWorker::kill()
{
    if (isRunning())
        ::kill(pid_t(m_pid), SIGKILL);
}

bool PipedWorker::reap(bool block)
{
    if (!isRunning())
        return true;
    int status = 0;
    pid_t got;
    while ((got = ::waitpid(pid_t(m_pid), &status, block ? 0 : WNOHANG)) < 0 && errno == EINTR) {
    }
    if (got != pid_t(m_pid))
        return false;
    m_reaped = true;
    retire(m_exitNotifier);
    retire(m_exitPoll);
    retire(m_inNotifier);
    m_in.reset();
    // As QProcess: everything the worker wrote is read before it is reported finished.
    retire(m_outNotifier);
    retire(m_errNotifier);
    drain(m_out, m_stdout);
    drain(m_err, m_stderr);
    m_out.reset();
    m_err.reset();
    m_pidfd.reset();
    if (!m_stderr.isEmpty())
        Q_EMIT readyReadStandardError();
    if (!m_stdout.isEmpty())
        Q_EMIT readyReadStandardOutput();
    if (WIFSIGNALED(status))
        Q_EMIT finished(WTERMSIG(status), QProcess::CrashExit);
    else
        Q_EMIT finished(WEXITSTATUS(status), QProcess::NormalExit);
    return true;
}

bool PipedWorker::waitForFinished(int ms)
{
    if (!isRunning())
        return false;
    if (m_pidfd.isValid()) {
        pollfd p{m_pidfd.get(), POLLIN, 0};
        int r;
        while ((r = ::poll(&p, 1, ms)) < 0 && errno == EINTR) {
        }
        if (r <= 0)
            return false;
        return reap(true);
    }
    for (int waited = 0; waited <= ms; waited += 5) {
        if (reap(false))
            return true;
        ::usleep(5000);
    }
    return false;
}

} // namespace wordrace
