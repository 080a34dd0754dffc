#include "emulatedgil.h"

#include "clock.h"

namespace wordrace {

std::int64_t EmulatedGil::acquire()
{
    const std::int64_t t0 = monotonicNs();
    std::unique_lock lock(m_mutex);
    const std::uint64_t ticket = m_nextTicket++;
    m_turn.wait(lock, [&] { return m_serving == ticket; });
    m_heldSinceNs = monotonicNs();
    return m_heldSinceNs - t0;
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
    release();
    return acquire();
}

} // namespace wordrace
