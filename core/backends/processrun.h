#pragma once

#include "backends/backend.h"
#include "kernel/clock.h"
#include "kernel/workerprotocol.h"

#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <functional>
#include <vector>

namespace wordrace {

class RunRecorder;
class WorkerProcess;

// One run of the process backend: it launches the workers, hands them tasks as they free up, reads
// their messages, watches the timeouts and stops them. Its members are the run's state; its methods
// are what happens in the run's local event loop, so that no handler captures a local by reference.
class ProcessRun
{
public:
    // The backend's table of live worker pids, read by the sampler on another thread.
    using PidSink = std::function<void(int slot, qint64 pid)>;

    ProcessRun(const RunContext &context, QString workerPath, TaskCosts costs, RunResult base,
               PidSink setPid);
    ~ProcessRun();
    ProcessRun(const ProcessRun &) = delete;
    ProcessRun &operator=(const ProcessRun &) = delete;

    // Runs to the end: every task done, the run cancelled, or a failure. The result's overhead is
    // not summarized yet.
    BackendOutcome exec();
    // The run's start on CLOCK_MONOTONIC: the origin of its task times.
    std::int64_t startNs() const { return m_t0; }

private:
    struct Worker;

    Worker &worker(int w);
    bool allFinished() const;
    void quitIfAllFinished();
    QString describe(int w) const;
    void stopAll();
    void fail(const QString &why);
    void sayBye(Worker &wk);
    void dispatch(int w);

    void launch(int w);
    bool openDataPipe(int w, protocol::Hello &hello);
    void connectWorker(int w, WorkerProcess *p);
    void readOutput(int w, WorkerProcess *p);
    void readErrors(int w, WorkerProcess *p);
    void workerFinished(int w, WorkerProcess *p, int exitCode, QProcess::ExitStatus status);
    void failedToStart(int w, WorkerProcess *p);

    void onMessage(int w, const protocol::Decoder::Message &msg);
    void onReady(int w, const std::string &payload);
    void onDone(int w, const std::string &payload);
    void onUsage(int w, const std::string &payload);
    void tick();
    void collect();

    const RunContext &m_context;
    const QList<Task> &m_tasks;
    const QString m_workerPath;
    const TaskCosts m_costs;
    const PidSink m_setPid;
    const bool m_perTask;
    const bool m_pipe;
    const bool m_forking;
    const qint64 m_parentPid;
    const double m_startupTimeoutS;

    BackendOutcome m_out;
    const CpuTimes m_cpu0;
    const std::int64_t m_t0;
    std::unique_ptr<RunRecorder> m_recorder;
    std::vector<Worker> m_workers;
    qsizetype m_nextTask = 0;
    qsizetype m_doneTasks = 0;
    bool m_stopping = false;
    double m_startupSum = 0.0;
    double m_taskNs = 0.0; // what a task has taken, on a moving average; 0 until one is done
    std::int64_t m_lastReady = 0;
    CpuTimes m_finishedCpu; // of processes already gone (per-task spawn)
    RunDelaySum m_finishedRunDelay;
    QEventLoop m_loop;
    QTimer m_ticker;
};

} // namespace wordrace
