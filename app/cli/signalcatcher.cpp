#include "signalcatcher.h"

#include <QSocketNotifier>

#include <csignal>

#include <fcntl.h>
#include <unistd.h>

namespace wordrace {

namespace {

int g_writeEnd = -1;

void onSignal(int sig)
{
    const unsigned char s = static_cast<unsigned char>(sig);
    [[maybe_unused]] const ssize_t n = ::write(g_writeEnd, &s, 1);
}

} // namespace

SignalCatcher::SignalCatcher(QObject *parent) : QObject(parent)
{
    if (::pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    g_writeEnd = m_pipe[1];
    struct sigaction sa
    {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    m_notifier = std::make_unique<QSocketNotifier>(m_pipe[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, [this] {
        unsigned char s = 0;
        int last = 0;
        while (::read(m_pipe[0], &s, 1) == 1)
            last = s;
        if (last == 0)
            return;
        m_caught = last;
        Q_EMIT signalled(last);
    });
}

SignalCatcher::~SignalCatcher()
{
    if (m_pipe[0] < 0)
        return;
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    m_notifier.reset();
    g_writeEnd = -1;
    ::close(m_pipe[0]);
    ::close(m_pipe[1]);
}

} // namespace wordrace
