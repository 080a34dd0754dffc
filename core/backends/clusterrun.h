#pragma once

#include "backends/backend.h"
#include "kernel/clock.h"

#include <QEventLoop>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace wordrace {

class RunRecorder;

// One run of the cluster backend: mpirun with its ranks, the lines rank 0 prints (ready, hello,
// progress, each rank's totals and records, done), the stop sequence (SIGUSR1, SIGTERM, SIGKILL) and
// the reading of how mpirun ended. Members are the run's state; methods are what happens in its
// local event loop.
class ClusterRun
{
public:
    ClusterRun(const RunContext &context, RunResult base);
    ~ClusterRun();
    ClusterRun(const ClusterRun &) = delete;
    ClusterRun &operator=(const ClusterRun &) = delete;

    // Runs mpirun to its end; the result's overhead is not summarized yet.
    BackendOutcome exec();

private:
    std::int64_t toParentNs(std::int64_t rank0Ns) const;
    void stop(bool gently);
    void fail(const QString &why);

    void readOutput();
    void readErrors();
    void parseLine(const QByteArray &line);
    void onReady(const QList<QByteArray> &f);
    void onHello(const QList<QByteArray> &f);
    void onProgress(const QList<QByteArray> &f);
    void onRank(const QList<QByteArray> &f);
    void onTask(const QList<QByteArray> &f);
    void onDone(const QList<QByteArray> &f);
    void processFinished(int exitCode, QProcess::ExitStatus status);
    // Why mpirun ended when it was not asked to, from what it printed.
    QString explainExit(int exitCode, QProcess::ExitStatus status) const;
    void errorOccurred(QProcess::ProcessError error);

    void tick();
    void learnLocalRankPids();
    void watchTimeouts(std::int64_t now);
    void reportProgress(std::int64_t now);
    void collect();

    const RunContext &m_context;
    const QList<Task> &m_tasks;
    const int m_ranks;
    const QString m_mpirun;
    BackendOutcome m_out;
    const CpuTimes m_cpu0;
    const std::int64_t m_t0;
    std::unique_ptr<RunRecorder> m_recorder;
    QEventLoop m_loop;
    QProcess m_process;
    QTimer m_ticker;
    bool m_finished = false;
    bool m_stopping = false;
    bool m_done = false;         // rank 0 printed WR-DONE: the gathered records are complete
    bool m_ranksStopped = false; // WR-DONE said the ranks were asked to stop early
    std::int64_t m_stopAskedNs = 0;
    std::int64_t m_terminatedNs = 0;
    std::optional<std::int64_t> m_readyParentNs;
    std::int64_t m_readyRank0Ns = 0;
    bool m_sameClock = false;
    QByteArray m_stdoutBuf;
    QByteArray m_stderrTail;
    QStringList m_workerErrors;
    qsizetype m_progressTasks = 0;
    std::uint64_t m_progressWords = 0;
    std::int64_t m_progressChangedNs = 0;
    std::vector<bool> m_seen;
    qsizetype m_recorded = 0;
    std::uint64_t m_reportedWords = 0;
    double m_maxAlignError = 0.0;
    CpuTimes m_ranksCpu;
    QStringList m_hosts;
    QList<qint64> m_rankPids;
};

} // namespace wordrace
