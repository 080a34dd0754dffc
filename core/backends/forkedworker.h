#pragma once

#include "backends/ownedfd.h"
#include "backends/workerprocess.h"

#include <functional>
#include <memory>

class QSocketNotifier;
class QTimer;

namespace wordrace {

// A worker that is a fork() of this program running `childMain` (Python's "fork" start method):
// it inherits the address space, so the corpus's pages (and their huge-page mappings) come with
// it at the cost of copying page tables, not pages. The child runs plain POSIX code only (no Qt,
// no other thread exists in it) and leaves with _exit(). Its stdin, stdout and stderr are pipes
// to this object, which reaps it through a pidfd.
class ForkedWorker : public WorkerProcess
{
    Q_OBJECT
public:
    explicit ForkedWorker(std::function<int()> childMain, QObject *parent = nullptr);
    ~ForkedWorker() override; // kills and reaps a child still running

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

private:
    void flushInput();
    // Reads what the child writes to `fd` into `into` as it comes, announcing it with `ready`.
    std::unique_ptr<QSocketNotifier> watchOutput(const OwnedFd &fd, QByteArray &into,
                                                 void (WorkerProcess::*ready)());
    // Reads what the child wrote; false at end of file.
    bool drain(const OwnedFd &fd, QByteArray &into);
    // Reaps the child if it is gone; then reads the rest of its output and emits finished().
    bool reap(bool block);

    std::function<int()> m_childMain;
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
