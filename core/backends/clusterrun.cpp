#include "backends/clusterrun.h"

#include "backends/clusterbackend.h"
#include "backends/clusterlines.h"
#include "backends/processscan.h"
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "engine/runrecorder.h"

#include <QFile>
#include <QRegularExpression>

#include <csignal>

#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

QByteArray localBootId()
{
    QFile f(u"/proc/sys/kernel/random/boot_id"_s);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("unknown");
    return f.readAll().trimmed();
}

using namespace wordrace::clusterlines;

} // namespace

ClusterRun::ClusterRun(const RunContext &context, RunResult base)
    : m_context(context), m_tasks(context.plan->tasks), m_ranks(context.workers),
      m_mpirun(ClusterBackend::resolveMpirun(context.cluster.mpirunPath)), m_cpu0(threadCpu()),
      m_t0(monotonicNs()),
      m_recorder(std::make_unique<RunRecorder>(context, Mode::Cluster, context.workers, m_t0)),
      m_progressChangedNs(m_t0), m_seen(std::size_t(context.plan->tasks.size()), false),
      m_hosts(context.workers), m_rankPids(context.workers, 0)
{
    m_out.result = std::move(base);
}

ClusterRun::~ClusterRun() = default;

BackendOutcome ClusterRun::exec()
{
    m_process.setProgram(m_mpirun);
    m_process.setArguments(ClusterBackend::mpirunArguments(
        m_context, ClusterBackend::resolveWorkerPath(m_context.cluster.workerPath)));
    // mpirun goes when this thread's process goes, even on SIGKILL; the ranks die with mpirun
    // (PR_SET_PDEATHSIG in the worker), so nothing is left behind.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_loop, [this] { readOutput(); });
    QObject::connect(&m_process, &QProcess::readyReadStandardError, &m_loop, [this] { readErrors(); });
    QObject::connect(
        &m_process, &QProcess::finished, &m_loop,
        [this](int exitCode, QProcess::ExitStatus status) { processFinished(exitCode, status); });
    QObject::connect(&m_process, &QProcess::errorOccurred, &m_loop,
                     [this](QProcess::ProcessError e) { errorOccurred(e); });
    m_ticker.setInterval(20);
    QObject::connect(&m_ticker, &QTimer::timeout, &m_loop, [this] { tick(); });
    m_ticker.start();
    m_process.start(QIODevice::ReadOnly);
    if (!m_finished)
        m_loop.exec();
    m_ticker.stop();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    collect();
    return std::move(m_out);
}

std::int64_t ClusterRun::toParentNs(std::int64_t rank0Ns) const
{
    // One machine, one CLOCK_MONOTONIC; otherwise rank 0's clock is pinned to ours at the moment
    // its ready line arrived (wrong by the pipe's latency, well under a millisecond).
    return m_sameClock ? rank0Ns : rank0Ns - m_readyRank0Ns + m_readyParentNs.value_or(m_t0);
}

void ClusterRun::stop(bool gently)
{
    // First SIGUSR1, which mpirun forwards to the ranks so they gather what they did; SIGTERM when
    // they take too long (mpirun then kills them), SIGKILL after that (tick).
    if (m_finished)
        return;
    if (!m_stopping) {
        m_stopping = true;
        m_stopAskedNs = monotonicNs();
    }
    if (gently && m_readyParentNs && m_process.processId() > 0) {
        ::kill(pid_t(m_process.processId()), SIGUSR1);
    } else if (!m_terminatedNs) {
        m_terminatedNs = monotonicNs();
        m_process.terminate();
    }
}

void ClusterRun::fail(const QString &why)
{
    if (m_out.error.isEmpty() && !m_out.result.cancelled)
        m_out.error = why;
    stop(false);
}

void ClusterRun::readOutput()
{
    m_stdoutBuf += m_process.readAllStandardOutput();
    qsizetype start = 0, nl;
    while ((nl = m_stdoutBuf.indexOf('\n', start)) >= 0) {
        const QByteArray line = m_stdoutBuf.mid(start, nl - start).trimmed();
        start = nl + 1;
        if (line.startsWith("WR-"))
            parseLine(line);
    }
    m_stdoutBuf.remove(0, start);
}

void ClusterRun::readErrors()
{
    m_stderrTail += m_process.readAllStandardError();
    if (m_stderrTail.size() > 16384)
        m_stderrTail = m_stderrTail.right(16384);
}

void ClusterRun::parseLine(const QByteArray &line)
{
    const QList<QByteArray> f = line.split(' ');
    const QByteArray &kind = f.first();
    if (kind == "WR-READY" && f.size() >= 4)
        onReady(f);
    else if (kind == "WR-HELLO" && f.size() >= 4)
        onHello(f);
    else if (kind == "WR-PROGRESS" && f.size() >= 3)
        onProgress(f);
    else if (kind == "WR-RANK" && f.size() >= 3 + RankFields)
        onRank(f);
    else if (kind == "WR-TASK" && f.size() >= 2 + RecFields)
        onTask(f);
    else if (kind == "WR-DONE" && f.size() >= 5)
        onDone(f);
    else if (kind == "WR-ERROR")
        m_workerErrors << QString::fromUtf8(line.mid(9));
}

void ClusterRun::onReady(const QList<QByteArray> &f)
{
    m_readyParentNs = monotonicNs();
    m_sameClock = f[1] == localBootId();
    m_readyRank0Ns = f[2].toLongLong();
    if (f[3].toInt() != m_ranks)
        fail(u"mpirun started %1 ranks, %2 were asked for"_s.arg(QString::fromLatin1(f[3])).arg(m_ranks));
}

void ClusterRun::onHello(const QList<QByteArray> &f)
{
    const int r = f[1].toInt();
    if (r < 0 || r >= m_ranks)
        return fail(u"rank 0 reported an unknown rank %1"_s.arg(r));
    m_rankPids[r] = f[2].toLongLong();
    m_hosts[r] = QString::fromUtf8(f[3]);
    m_recorder->setWorkerName(r, u"rank %1 @%2 (pid %3)"_s.arg(r).arg(m_hosts[r]).arg(m_rankPids[r]));
}

void ClusterRun::onProgress(const QList<QByteArray> &f)
{
    const qsizetype tasksDone = f[1].toLongLong();
    if (tasksDone != m_progressTasks)
        m_progressChangedNs = monotonicNs();
    m_progressTasks = tasksDone;
    m_progressWords = f[2].toULongLong();
}

void ClusterRun::onRank(const QList<QByteArray> &f)
{
    const int r = f[1].toInt();
    if (r < 0 || r >= m_ranks)
        return fail(u"rank 0 reported an unknown rank %1"_s.arg(r));
    const auto v = [&f](int k) { return f[2 + k].toLongLong(); };
    const QString host = QString::fromUtf8(f[2 + RankFields]);
    m_hosts[r] = host;
    m_recorder->setWorkerName(r, u"rank %1 @%2 (pid %3)"_s.arg(r).arg(host).arg(v(RankPid)));
    m_ranksCpu += CpuTimes{double(v(RankCpuUser)) * 1e-6, double(v(RankCpuSys)) * 1e-6};
    m_maxAlignError = std::max(m_maxAlignError, double(v(RankAlignError)) / 1e9);
}

void ClusterRun::onTask(const QList<QByteArray> &f)
{
    const int r = f[1].toInt();
    const auto v = [&f](int k) { return f[2 + k].toLongLong(); };
    const std::int64_t i = v(RecTask);
    if (r < 0 || r >= m_ranks || i < 0 || i >= m_tasks.size() || m_seen[std::size_t(i)])
        return fail(u"rank %1 reported chunk %2, which it was not given"_s.arg(r).arg(i));
    m_seen[std::size_t(i)] = true;
    const Task &t = m_tasks[qsizetype(i)];
    TaskRecord rec =
        Backend::makeRecord(i, r, m_recorder->secondsSince(toParentNs(v(RecStart))),
                            m_recorder->secondsSince(toParentNs(v(RecEnd))), std::uint64_t(v(RecWords)), t,
                            TaskPhases{v(RecIo), v(RecGil), v(RecCompute)});
    // Waiting for rank 0 to hand the task out: the cluster's distribution cost.
    rec.transferS = double(v(RecWait)) / 1e9;
    m_recorder->record(r, rec);
    ++m_recorded;
}

void ClusterRun::onDone(const QList<QByteArray> &f)
{
    m_done = true;
    m_reportedWords = f[2].toULongLong();
    m_ranksStopped = f[4] == "stopped";
    if (f[1].toLongLong() != m_recorded)
        fail(u"rank 0 gathered %1 records but %2 arrived"_s.arg(QString::fromLatin1(f[1])).arg(m_recorded));
}

void ClusterRun::processFinished(int exitCode, QProcess::ExitStatus status)
{
    m_finished = true;
    const bool clean = status == QProcess::NormalExit && exitCode == 0;
    if (!m_workerErrors.isEmpty()) {
        m_out.error = m_workerErrors.join(u"; "_s);
        m_out.badInput = true;
    } else if (!clean && !m_stopping && m_out.error.isEmpty()) {
        m_out.error = explainExit(exitCode, status);
    }
    m_loop.quit();
}

QString ClusterRun::explainExit(int exitCode, QProcess::ExitStatus status) const
{
    // mpirun names the rank that died: "mpirun noticed that process rank 1 with PID 123 on node x
    // exited on signal 9 (Killed)."
    const QString err = QString::fromLocal8Bit(m_stderrTail);
    static const QRegularExpression noticed(
        u"process rank (\\d+) with PID (\\d+) on node (\\S+) exited on signal (\\d+)( \\(([^)]*)\\))?"_s);
    // Or, for a rank that exited: "Process name: [[28131,1],0]  Exit code: 1".
    static const QRegularExpression exited(
        u"Process name: \\[\\[\\d+,\\d+\\],(\\d+)\\]\\s*Exit code:\\s*(\\d+)"_s);
    const QRegularExpressionMatch m = noticed.match(err);
    const QRegularExpressionMatch x = exited.match(err);
    const auto knownPid = [this](int r) { return r >= 0 && r < m_ranks ? m_rankPids[r] : 0; };
    if (x.hasMatch() && !m.hasMatch()) {
        const qint64 pid = knownPid(x.captured(1).toInt());
        return u"rank %1%2 exited with status %3; mpirun stopped the other ranks"_s.arg(
            x.captured(1), pid ? u" (pid %1)"_s.arg(pid) : QString(), x.captured(2));
    }
    if (m.hasMatch()) {
        // Open MPI sometimes says "PID 0"; the rank told us its pid when it started, or this
        // machine's process table showed it.
        QString pid = m.captured(2);
        if (pid == u"0")
            pid = knownPid(m.captured(1).toInt()) ? QString::number(knownPid(m.captured(1).toInt()))
                                                  : u"unknown"_s;
        return u"rank %1 (pid %2 on %3) was killed by signal %4%5; mpirun stopped the other ranks"_s.arg(
            m.captured(1), pid, m.captured(3), m.captured(4),
            m.captured(6).isEmpty() ? QString() : u" (%1)"_s.arg(m.captured(6)));
    }
    QString last;
    for (const QString &l : err.split(u'\n', Qt::SkipEmptyParts))
        if (!l.trimmed().isEmpty() && !l.startsWith(u"---"))
            last = l.trimmed();
    return u"mpirun %1%2"_s.arg(status == QProcess::CrashExit ? u"was killed or crashed"_s
                                                              : u"exited with status %1"_s.arg(exitCode),
                                last.isEmpty() ? QString() : u": "_s + last);
}

void ClusterRun::errorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // a crash arrives through finished()
    m_finished = true;
    m_out.error = u"could not start %1: %2"_s.arg(m_mpirun, m_process.errorString());
    m_loop.quit();
}

void ClusterRun::tick()
{
    const std::int64_t now = monotonicNs();
    learnLocalRankPids();
    if (!m_stopping && m_context.cancel && m_context.cancel->load()) {
        m_out.result.cancelled = true;
        stop(true);
    }
    watchTimeouts(now);
    reportProgress(now);
}

void ClusterRun::learnLocalRankPids()
{
    // Rank 0 names every rank's pid only once all have started; a rank that dies before that is
    // named from this machine's own process table (local runs, until the ranks are ready).
    if (m_finished || m_readyParentNs || !m_context.cluster.isLocal() || !m_rankPids.contains(0) ||
        m_process.processId() <= 0)
        return;
    const QHash<int, qint64> local = mpiRanksOf(m_process.processId());
    for (auto it = local.begin(); it != local.end(); ++it)
        if (it.key() >= 0 && it.key() < m_ranks && m_rankPids[it.key()] == 0)
            m_rankPids[it.key()] = it.value();
}

void ClusterRun::watchTimeouts(std::int64_t now)
{
    if (m_stopping && !m_finished) {
        const double grace = m_context.cluster.stopGraceS;
        if (!m_terminatedNs && double(now - m_stopAskedNs) / 1e9 > grace)
            stop(false);
        else if (m_terminatedNs && double(now - m_terminatedNs) / 1e9 > grace)
            m_process.kill(); // mpirun did not stop its job in time: SIGKILL; the ranks die with it
    }
    if (!m_stopping && !m_readyParentNs && double(now - m_t0) / 1e9 > ClusterBackend::kStartupTimeoutS)
        fail(u"the %1 MPI ranks were not ready within %2 s; mpirun was stopped"_s.arg(m_ranks).arg(
            ClusterBackend::kStartupTimeoutS));
    if (!m_stopping && m_readyParentNs && m_context.taskTimeoutS > 0 &&
        m_context.cluster.schedule == ClusterSchedule::Dynamic && m_progressTasks < m_tasks.size() &&
        double(now - m_progressChangedNs) / 1e9 > m_context.taskTimeoutS)
        fail(u"no rank finished a chunk within the task timeout of %1 s; mpirun was stopped"_s.arg(
            m_context.taskTimeoutS));
}

void ClusterRun::reportProgress(std::int64_t now)
{
    if (!m_context.progress || m_done || double(now - m_t0) / 1e9 < m_context.progressInterval)
        return;
    // Records arrive only at the gather; until then rank 0's running totals are the progress.
    RunProgress p;
    p.mode = Mode::Cluster;
    p.tasksDone = m_progressTasks;
    p.tasksTotal = m_tasks.size();
    p.words = m_progressWords;
    p.bytesTotal = m_context.corpus->size();
    p.elapsedS = double(now - m_t0) / 1e9;
    p.workerNames = m_recorder->workerNames();
    m_context.progress(p);
}

void ClusterRun::collect()
{
    RunResult &result = m_out.result;
    result.wallS = double(monotonicNs() - m_t0) / 1e9;
    // Launch: from starting mpirun until every rank had its corpus, its plan and its clock aligned.
    result.startupS = m_readyParentNs ? double(*m_readyParentNs - m_t0) / 1e9 : result.wallS;
    result.parentCpu = threadCpu() - m_cpu0;
    result.workersCpu = m_ranksCpu;
    result.words = m_recorder->words();
    result.workerNames = m_recorder->workerNames();
    result.tasks = m_recorder->takeAll();
    result.clusterHosts = m_hosts;
    if (m_readyParentNs)
        result.clockAlignmentErrorS = m_maxAlignError;
    if (m_ranksStopped && !result.cancelled)
        result.cancelled = true;
    if (m_out.error.isEmpty() && !result.cancelled) {
        if (!m_done)
            m_out.error = u"mpirun ended before rank 0 gathered the results"_s;
        else if (m_recorded != m_tasks.size())
            m_out.error = u"the ranks counted %1 of %2 chunks"_s.arg(m_recorded).arg(m_tasks.size());
        else if (m_reportedWords != result.words)
            m_out.error = u"the ranks' words add up to %1 by MPI_Reduce but to %2 by their records"_s
                              .arg(m_reportedWords)
                              .arg(result.words);
    }
    m_recorder->maybeReport(true);
}

} // namespace wordrace
