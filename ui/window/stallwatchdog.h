#pragma once

#include "model/runresult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace wordrace {

class Runner;

// Measures how long the GUI thread goes without running its event loop: a precise timer ticks
// every interval on the thread it lives on, and any gap between two ticks beyond the interval
// is time the thread spent busy (a stall the user would feel as a frozen window).
// watch() splits the measurement by the runner's runs, so each mode gets its own figure.
class StallWatchdog : public QObject
{
    Q_OBJECT
public:
    explicit StallWatchdog(QObject *parent = nullptr, int intervalMs = 10);

    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    int intervalMs() const { return m_timer.interval(); }
    // Since start() or the last takeMaxGapMs(): the longest time between two ticks, and the ticks.
    double maxGapMs() const { return m_maxGapNs / 1e6; }
    qint64 ticks() const { return m_ticks; }
    // Returns maxGapMs() and starts a new section.
    double takeMaxGapMs();

    // Starts ticking as the runner starts an experiment and reports its preparation, each of its
    // runs, then the whole experiment once settleMs have passed after it, so the GUI's work on
    // the last result counts.
    void watch(Runner *runner, int settleMs = 500);

Q_SIGNALS:
    // The longest gap while the corpus was prepared: from the experiment's start to its first run
    // (or to its end, when it failed before one).
    void prepareWatched(double maxGapMs, qint64 ticks);
    // The longest gap while one run of mode went, from its start to the next run's start.
    void runWatched(wordrace::Mode mode, double maxGapMs, qint64 ticks);
    // The longest gap from the experiment's start to settleMs after its end.
    void experimentWatched(double maxGapMs, qint64 ticks);

private:
    void tick();
    void closeRun();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_maxGapNs = 0;
    qint64 m_ticks = 0;
    // The experiment-wide figures, kept apart from the per-run section.
    qint64 m_experimentMaxGapNs = 0;
    qint64 m_experimentTicks = 0;
    std::optional<Mode> m_runMode;
    bool m_preparing = false;
    QPointer<Runner> m_runner;
};

} // namespace wordrace
