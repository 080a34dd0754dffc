#include "kernel/emulatedgil.h"

#include "kernel/clock.h"

namespace wordrace {

std::int64_t EmulatedGil::acquire()
{
    const std::int64_t t0 = monotonicNs();
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = m_nextTicket++;
    // Nobody held it: taking a free lock is not waiting for another thread, and the few hundred
    // nanoseconds it costs (more when preempted here) would show processes waiting on a lock that
    // no one else can hold.
    const bool free = m_serving == ticket;
    m_turn.wait(lock, [&] { return m_serving == ticket; });
    m_heldSinceNs = monotonicNs();
    return free ? 0 : m_heldSinceNs - t0;
}

void EmulatedGil::release()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_serving;
    }
    m_turn.notify_all();
}

std::int64_t EmulatedGil::maybeYield()
{
    {
        std::lock_guard lock(m_mutex);
        const bool someoneWaits = m_nextTicket > m_serving + 1;
        if (!someoneWaits || monotonicNs() - m_heldSinceNs < kSwitchIntervalNs)
            return 0;
    }
    // From before the release: a thread preempted between handing the lock over and queueing for
    // it again is not computing, while the thread it handed over to is.
    const std::int64_t t0 = monotonicNs();
    release();
    acquire();
    return monotonicNs() - t0;
}

} // namespace wordrace
