#pragma once

#include <QObject>

#include <memory>

class QSocketNotifier;

namespace wordrace {

// Turns SIGINT and SIGTERM into a queued Qt signal while it lives (a self-pipe: a signal handler
// may do almost nothing, writing a byte is allowed), so a command can cancel its run cleanly
// instead of dying with workers still running. Restores the default handlers when destroyed.
// One at a time per process.
class SignalCatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalCatcher(QObject *parent = nullptr);
    ~SignalCatcher() override;

    // The last signal caught, 0 for none.
    int caught() const { return m_caught; }
    // The shell's convention: 128 + the signal number (130 for SIGINT, 143 for SIGTERM); 0 for none.
    int exitCode() const { return m_caught ? 128 + m_caught : 0; }

Q_SIGNALS:
    void signalled(int sig);

private:
    int m_pipe[2] = {-1, -1};
    int m_caught = 0;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace wordrace
