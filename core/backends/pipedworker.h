#pragma once

#include "backends/ownedfd.h"
#include "backends/workerprocess.h"

#include <memory>
#include <sys/types.h>

class QSocketNotifier;
class QTimer;

namespace wordrace {

// A worker process whose stdin, stdout and stderr are pipes to this object, which reaps it
// through a pidfd; how the process comes to be (fork, posix_spawn) is the subclass's. Unlike
// QProcess, starting one does not wait for the child to report its exec, so that several
// workers start at once.
class PipedWorker : public WorkerProcess
{
    Q_OBJECT
public:
    explicit PipedWorker(QObject *parent = nullptr);
    ~PipedWorker() override; // kills and reaps a child still running

    void start() override;
    qint64 processId() const override { return m_pid; }
    bool isRunning() const override { return m_pid > 0 && !m_reaped; }
    void write(const QByteArray &bytes) override;
    void closeWriteChannel() override;
    void kill() override;
    bool waitForFinished(int ms) override;
    QByteArray readAllStandardOutput() override;
    QByteArray readAllStandardError() override;
    QString errorString() const override { return m_error; }

protected:
    // Makes the child with the three descriptors as its stdin, stdout and stderr (every other
    // descriptor of this process closed in it). Returns its pid, or -1 with errno set.
    virtual pid_t launch(int stdinFd, int stdoutFd, int stderrFd) = 0;

private:
    void flushInput();
    // Reads what the child writes to `fd` into `into` as it comes, announcing it with `ready`.
    std::unique_ptr<QSocketNotifier> watchOutput(const OwnedFd &fd, QByteArray &into,
                                                 void (WorkerProcess::*ready)());
    // Reads what the child wrote; false at end of file.
    bool drain(const OwnedFd &fd, QByteArray &into);
    // Reaps the child if it is gone; then reads the rest of its output and emits finished().
    bool reap(bool block);

    qint64 m_pid = 0;
    bool m_reaped = false;
    OwnedFd m_in;  // write end of the child's stdin
    OwnedFd m_out; // read end of its stdout
    OwnedFd m_err; // read end of its stderr
    OwnedFd m_pidfd;
    bool m_closeInput = false; // once the pending input is written
    QByteArray m_pendingInput;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_error;
    std::unique_ptr<QSocketNotifier> m_inNotifier;
    std::unique_ptr<QSocketNotifier> m_outNotifier;
    std::unique_ptr<QSocketNotifier> m_errNotifier;
    std::unique_ptr<QSocketNotifier> m_exitNotifier;
    std::unique_ptr<QTimer> m_exitPoll; // where pidfds are missing (Linux before 5.3)
};

} // namespace wordrace
