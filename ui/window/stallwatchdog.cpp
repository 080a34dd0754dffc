#include "window/stallwatchdog.h"

#include "engine/runner.h"

#include <algorithm>

namespace wordrace {

StallWatchdog::StallWatchdog(QObject *parent, int intervalMs) : QObject(parent)
{
    // A coarse timer may fire 5% late by design; that would read as a stall.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallWatchdog::tick);
}

void StallWatchdog::start()
{
    m_clock.start();
    m_lastNs = 0;
    m_maxGapNs = 0;
    m_ticks = 0;
    m_timer.start();
}

void StallWatchdog::stop()
{
    m_timer.stop();
}

double StallWatchdog::takeMaxGapMs()
{
    const double gap = maxGapMs();
    m_maxGapNs = 0;
    m_ticks = 0;
    return gap;
}

void StallWatchdog::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 gap = now - m_lastNs;
    m_lastNs = now;
    m_maxGapNs = std::max(m_maxGapNs, gap);
    m_experimentMaxGapNs = std::max(m_experimentMaxGapNs, gap);
    ++m_ticks;
    ++m_experimentTicks;
}

void StallWatchdog::closeRun()
{
    if (m_preparing) {
        m_preparing = false;
        const qint64 ticks = m_ticks;
        Q_EMIT prepareWatched(takeMaxGapMs(), ticks);
    }
    if (!m_runMode)
        return;
    const Mode mode = *m_runMode;
    m_runMode.reset();
    const qint64 ticks = m_ticks;
    Q_EMIT runWatched(mode, takeMaxGapMs(), ticks);
}

void StallWatchdog::watch(Runner *runner, int settleMs)
{
    m_runner = runner;
    auto begin = [this] {
        start();
        m_experimentMaxGapNs = 0;
        m_experimentTicks = 0;
    };
    connect(runner, &Runner::experimentStarted, this, [this, begin](quint64) {
        m_runMode.reset();
        begin();
        m_preparing = true;
    });
    connect(runner, &Runner::runStarted, this, [this, begin](quint64, Mode mode) {
        if (!isActive())
            begin();
        closeRun();
        m_runMode = mode;
    });
    connect(runner, &Runner::experimentFinished, this, [this, settleMs](quint64, bool) {
        QTimer::singleShot(settleMs, this, [this] {
            closeRun();
            stop();
            Q_EMIT experimentWatched(m_experimentMaxGapNs / 1e6, m_experimentTicks);
        });
    });
}

} // namespace wordrace
