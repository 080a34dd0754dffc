#include "backends/clusterbackend.h"

#include "backends/clusterlines.h"
#include "backends/processscan.h"
#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "engine/runrecorder.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>
#include <vector>

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

bool ClusterBackend::isBuilt()
{
#ifdef WORDRACE_HAVE_MPI
    return true;
#else
    return false;
#endif
}

QString ClusterBackend::resolveMpirun(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString env = qEnvironmentVariable("WORDRACE_MPIRUN");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::findExecutable(u"mpirun"_s);
}

QString ClusterBackend::resolveWorkerPath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString env = qEnvironmentVariable("WORDRACE_MPI_WORKER");
    if (!env.isEmpty())
        return env;
    return QDir(QCoreApplication::applicationDirPath()).filePath(u"wordrace-mpi-worker"_s);
}

QString ClusterBackend::checkAvailable(const ClusterOptions &options)
{
    if (!isBuilt())
        return u"cluster mode not built: install libopenmpi-dev and rebuild"_s;
    const QString mpirun = resolveMpirun(options.mpirunPath);
    if (mpirun.isEmpty())
        return u"cluster mode needs mpirun, which is not on the PATH: install openmpi-bin "
               "(or set WORDRACE_MPIRUN)"_s;
    if (const QFileInfo info(mpirun); !info.isFile() || !info.isExecutable())
        return u"cluster mode needs mpirun; %1 is not an executable file"_s.arg(mpirun);
    const QString worker = resolveWorkerPath(options.workerPath);
    if (const QFileInfo info(worker); !info.isFile() || !info.isExecutable())
        return u"the MPI worker program %1 is missing; build or install wordrace-mpi-worker next to WordRace"_s
            .arg(worker);
    if (!options.hostfile.isEmpty() && !QFileInfo(options.hostfile).isReadable())
        return u"the hostfile %1 cannot be read"_s.arg(options.hostfile);
    return {};
}

QStringList ClusterBackend::mpirunArguments(const RunContext &context, const QString &workerPath)
{
    QStringList args{u"-n"_s, QString::number(context.workers)};
    if (::geteuid() == 0)
        args << u"--allow-run-as-root"_s;
    if (!context.cluster.hostfile.isEmpty())
        args << u"--hostfile"_s << context.cluster.hostfile;
    else if (!context.cluster.hosts.isEmpty())
        args << u"--host"_s << context.cluster.hosts;
    else // this machine only: as many ranks as asked, like --workers for processes, over shared
         // memory (ob1 + vader; probing for UCX and InfiniBand costs ~0.2 s of every launch)
        args << u"--oversubscribe"_s << u"--mca"_s << u"pml"_s << u"ob1"_s << u"--mca"_s << u"btl"_s
             << u"self,vader"_s;
    // Ranks are not pinned, as the other modes' workers are not; the parent gets rank 0's output
    // and every rank's errors.
    args << u"--bind-to"_s << u"none"_s;
    const CorpusSpec &spec = context.corpus->spec();
    // A file goes by its absolute path, which every host must be able to read.
    const QString corpus = spec.kind == CorpusSpec::Kind::File
                               ? u"file:"_s + QFileInfo(spec.path).absoluteFilePath()
                               : spec.toString();
    args << QFileInfo(workerPath).absoluteFilePath() << u"--corpus"_s << corpus << u"--plan-workers"_s
         << QString::number(context.workers) << u"--expect-tasks"_s
         << QString::number(context.plan->tasks.size()) << u"--expect-bytes"_s
         << QString::number(context.corpus->size()) << u"--schedule"_s
         << clusterScheduleName(context.cluster.schedule);
    if (!context.plan->chunkWasDefault)
        args << u"--chunk"_s << QString::number(context.plan->linesPerTask);
    if (context.knobs.ioLatencyMs > 0)
        args << u"--io-latency-ns"_s << QString::number(context.knobs.ioLatencyMs * 1e6, 'f', 0);
    if (context.knobs.workPerWordNs > 0)
        args << u"--work-per-word-ns"_s << QString::number(context.knobs.workPerWordNs, 'g', 17);
    return args;
}

BackendOutcome ClusterBackend::run(const RunContext &context)
{
    const int n = context.workers;
    BackendOutcome out;
    out.result = baseResult(context, Mode::Cluster, n);
    out.result.workersInsideParent = false;
    if (const QString why = checkAvailable(context.cluster); !why.isEmpty()) {
        out.error = why;
        return out;
    }
    const QList<Task> &tasks = context.plan->tasks;
    const QString mpirun = resolveMpirun(context.cluster.mpirunPath);
    const QString workerPath = resolveWorkerPath(context.cluster.workerPath);

    const CpuTimes cpu0 = threadCpu();
    const std::int64_t t0 = monotonicNs();
    RunRecorder recorder(context, Mode::Cluster, n, t0);
    QEventLoop loop;
    QProcess process;
    bool finished = false;
    bool stopping = false;
    bool done = false;         // rank 0 printed WR-DONE: the gathered records are complete
    bool ranksStopped = false; // WR-DONE said the ranks were asked to stop early
    std::int64_t stopAskedNs = 0;
    std::int64_t terminatedNs = 0;
    std::optional<std::int64_t> readyParentNs;
    std::int64_t readyRank0Ns = 0;
    bool sameClock = false;
    QByteArray stdoutBuf;
    QByteArray stderrTail;
    QStringList workerErrors;
    qsizetype progressTasks = 0;
    std::uint64_t progressWords = 0;
    std::int64_t progressChangedNs = t0;
    std::vector<bool> seen(std::size_t(tasks.size()), false);
    qsizetype recorded = 0;
    std::uint64_t reportedWords = 0;
    double maxAlignError = 0.0;
    CpuTimes ranksCpu;
    QStringList hosts(n);
    QList<qint64> rankPids(n, 0);

    auto toParentNs = [&](std::int64_t rank0Ns) {
        // One machine, one CLOCK_MONOTONIC; otherwise rank 0's clock is pinned to ours at the
        // moment its ready line arrived (wrong by the pipe's latency, well under a millisecond).
        return sameClock ? rank0Ns : rank0Ns - readyRank0Ns + readyParentNs.value_or(t0);
    };
    // Asks mpirun to stop: first SIGUSR1, which it forwards to the ranks so they gather what they
    // did; SIGTERM when they take too long (mpirun then kills them), SIGKILL after that.
    auto stop = [&](bool gently) {
        if (finished)
            return;
        if (!stopping) {
            stopping = true;
            stopAskedNs = monotonicNs();
        }
        if (gently && readyParentNs && process.processId() > 0) {
            ::kill(pid_t(process.processId()), SIGUSR1);
        } else if (!terminatedNs) {
            terminatedNs = monotonicNs();
            process.terminate();
        }
    };
    auto fail = [&](const QString &why) {
        if (out.error.isEmpty() && !out.result.cancelled)
            out.error = why;
        stop(false);
    };
    auto parseLine = [&](const QByteArray &line) {
        const QList<QByteArray> f = line.split(' ');
        const QByteArray &kind = f.first();
        if (kind == "WR-READY" && f.size() >= 4) {
            readyParentNs = monotonicNs();
            sameClock = f[1] == localBootId();
            readyRank0Ns = f[2].toLongLong();
            if (f[3].toInt() != n)
                fail(u"mpirun started %1 ranks, %2 were asked for"_s.arg(QString::fromLatin1(f[3])).arg(n));
        } else if (kind == "WR-HELLO" && f.size() >= 4) {
            const int r = f[1].toInt();
            if (r < 0 || r >= n)
                return fail(u"rank 0 reported an unknown rank %1"_s.arg(r));
            rankPids[r] = f[2].toLongLong();
            hosts[r] = QString::fromUtf8(f[3]);
            recorder.setWorkerName(r, u"rank %1 @%2 (pid %3)"_s.arg(r).arg(hosts[r]).arg(rankPids[r]));
        } else if (kind == "WR-PROGRESS" && f.size() >= 3) {
            const qsizetype tasksDone = f[1].toLongLong();
            if (tasksDone != progressTasks)
                progressChangedNs = monotonicNs();
            progressTasks = tasksDone;
            progressWords = f[2].toULongLong();
        } else if (kind == "WR-RANK" && f.size() >= 3 + RankFields) {
            const int r = f[1].toInt();
            if (r < 0 || r >= n)
                return fail(u"rank 0 reported an unknown rank %1"_s.arg(r));
            auto v = [&](int k) { return f[2 + k].toLongLong(); };
            const QString host = QString::fromUtf8(f[2 + RankFields]);
            hosts[r] = host;
            recorder.setWorkerName(r, u"rank %1 @%2 (pid %3)"_s.arg(r).arg(host).arg(v(RankPid)));
            ranksCpu += CpuTimes{double(v(RankCpuUser)) * 1e-6, double(v(RankCpuSys)) * 1e-6};
            maxAlignError = std::max(maxAlignError, double(v(RankAlignError)) / 1e9);
        } else if (kind == "WR-TASK" && f.size() >= 2 + RecFields) {
            const int r = f[1].toInt();
            auto v = [&](int k) { return f[2 + k].toLongLong(); };
            const std::int64_t i = v(RecTask);
            if (r < 0 || r >= n || i < 0 || i >= tasks.size() || seen[std::size_t(i)])
                return fail(u"rank %1 reported chunk %2, which it was not given"_s.arg(r).arg(i));
            seen[std::size_t(i)] = true;
            const Task &t = tasks[qsizetype(i)];
            TaskRecord rec =
                makeRecord(i, r, recorder.secondsSince(toParentNs(v(RecStart))),
                           recorder.secondsSince(toParentNs(v(RecEnd))), std::uint64_t(v(RecWords)), t,
                           TaskPhases{v(RecIo), v(RecGil), v(RecCompute)});
            // Waiting for rank 0 to hand the task out: the cluster's distribution cost.
            rec.transferS = double(v(RecWait)) / 1e9;
            recorder.record(r, rec);
            ++recorded;
        } else if (kind == "WR-DONE" && f.size() >= 5) {
            done = true;
            reportedWords = f[2].toULongLong();
            ranksStopped = f[4] == "stopped";
            if (f[1].toLongLong() != recorded)
                fail(u"rank 0 gathered %1 records but %2 arrived"_s.arg(QString::fromLatin1(f[1]))
                         .arg(recorded));
        } else if (kind == "WR-ERROR") {
            workerErrors << QString::fromUtf8(line.mid(9));
        }
    };

    process.setProgram(mpirun);
    process.setArguments(mpirunArguments(context, workerPath));
    // mpirun goes when this thread's process goes, even on SIGKILL; the ranks die with mpirun
    // (PR_SET_PDEATHSIG in the worker), so nothing is left behind.
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &loop, [&] {
        stdoutBuf += process.readAllStandardOutput();
        qsizetype start = 0, nl;
        while ((nl = stdoutBuf.indexOf('\n', start)) >= 0) {
            const QByteArray line = stdoutBuf.mid(start, nl - start).trimmed();
            start = nl + 1;
            if (line.startsWith("WR-"))
                parseLine(line);
        }
        stdoutBuf.remove(0, start);
    });
    QObject::connect(&process, &QProcess::readyReadStandardError, &loop, [&] {
        stderrTail += process.readAllStandardError();
        if (stderrTail.size() > 16384)
            stderrTail = stderrTail.right(16384);
    });
    QObject::connect(&process, &QProcess::finished, &loop, [&](int exitCode, QProcess::ExitStatus status) {
        finished = true;
        const bool clean = status == QProcess::NormalExit && exitCode == 0;
        if (!workerErrors.isEmpty()) {
            out.error = workerErrors.join(u"; "_s);
            out.badInput = true;
        } else if (!clean && !stopping && out.error.isEmpty()) {
            // mpirun names the rank that died: "mpirun noticed that process rank 1 with PID 123 on
            // node x exited on signal 9 (Killed)."
            const QString err = QString::fromLocal8Bit(stderrTail);
            static const QRegularExpression noticed(
                u"process rank (\\d+) with PID (\\d+) on node (\\S+) exited on signal (\\d+)( \\(([^)]*)\\))?"_s);
            // Or, for a rank that exited: "Process name: [[28131,1],0]  Exit code: 1".
            static const QRegularExpression exited(
                u"Process name: \\[\\[\\d+,\\d+\\],(\\d+)\\]\\s*Exit code:\\s*(\\d+)"_s);
            const QRegularExpressionMatch m = noticed.match(err);
            const QRegularExpressionMatch x = exited.match(err);
            if (x.hasMatch() && !m.hasMatch()) {
                const int r = x.captured(1).toInt();
                const QString pid =
                    r >= 0 && r < n && rankPids[r] ? u" (pid %1)"_s.arg(rankPids[r]) : QString();
                out.error = u"rank %1%2 exited with status %3; mpirun stopped the other ranks"_s.arg(
                    x.captured(1), pid, x.captured(2));
            } else if (m.hasMatch()) {
                // Open MPI sometimes says "PID 0"; the rank told us its pid when it started, or
                // this machine's process table showed it.
                const int r = m.captured(1).toInt();
                QString pid = m.captured(2);
                if (pid == u"0")
                    pid = r >= 0 && r < n && rankPids[r] ? QString::number(rankPids[r]) : u"unknown"_s;
                out.error =
                    u"rank %1 (pid %2 on %3) was killed by signal %4%5; mpirun stopped the other ranks"_s.arg(
                        m.captured(1), pid, m.captured(3), m.captured(4),
                        m.captured(6).isEmpty() ? QString() : u" (%1)"_s.arg(m.captured(6)));
            } else {
                QString last;
                for (const QString &l : err.split(u'\n', Qt::SkipEmptyParts))
                    if (!l.trimmed().isEmpty() && !l.startsWith(u"---"))
                        last = l.trimmed();
                out.error = u"mpirun %1%2"_s.arg(status == QProcess::CrashExit
                                                     ? u"was killed or crashed"_s
                                                     : u"exited with status %1"_s.arg(exitCode),
                                                 last.isEmpty() ? QString() : u": "_s + last);
            }
        }
        loop.quit();
    });
    QObject::connect(&process, &QProcess::errorOccurred, &loop, [&](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return; // a crash arrives through finished()
        finished = true;
        out.error = u"could not start %1: %2"_s.arg(mpirun, process.errorString());
        loop.quit();
    });

    QTimer ticker;
    ticker.setInterval(20);
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        const std::int64_t now = monotonicNs();
        // Rank 0 names every rank's pid only once all have started; a rank that dies before that
        // is named from this machine's own process table (local runs, until the ranks are ready).
        if (!finished && !readyParentNs && context.cluster.isLocal() && rankPids.contains(0) &&
            process.processId() > 0) {
            const QHash<int, qint64> local = mpiRanksOf(process.processId());
            for (auto it = local.begin(); it != local.end(); ++it)
                if (it.key() >= 0 && it.key() < n && rankPids[it.key()] == 0)
                    rankPids[it.key()] = it.value();
        }
        if (!stopping && context.cancel && context.cancel->load()) {
            out.result.cancelled = true;
            stop(true);
        }
        if (stopping && !finished) {
            const double grace = context.cluster.stopGraceS;
            if (!terminatedNs && double(now - stopAskedNs) / 1e9 > grace)
                stop(false);
            else if (terminatedNs && double(now - terminatedNs) / 1e9 > grace)
                process.kill(); // mpirun did not stop its job in time: SIGKILL; the ranks die with it
        }
        if (!stopping && !readyParentNs && double(now - t0) / 1e9 > kStartupTimeoutS)
            fail(u"the %1 MPI ranks were not ready within %2 s; mpirun was stopped"_s.arg(n).arg(
                kStartupTimeoutS));
        if (!stopping && readyParentNs && context.taskTimeoutS > 0 &&
            context.cluster.schedule == ClusterSchedule::Dynamic && progressTasks < tasks.size() &&
            double(now - progressChangedNs) / 1e9 > context.taskTimeoutS)
            fail(u"no rank finished a chunk within the task timeout of %1 s; mpirun was stopped"_s.arg(
                context.taskTimeoutS));
        if (context.progress && double(now - t0) / 1e9 >= context.progressInterval) {
            // Records arrive only at the gather; until then rank 0's running totals are the progress.
            RunProgress p;
            p.mode = Mode::Cluster;
            p.tasksDone = progressTasks;
            p.tasksTotal = tasks.size();
            p.words = progressWords;
            p.bytesTotal = context.corpus->size();
            p.elapsedS = double(now - t0) / 1e9;
            p.workerNames = recorder.workerNames();
            if (!done)
                context.progress(p);
        }
    });
    ticker.start();
    process.start(QIODevice::ReadOnly);
    if (!finished)
        loop.exec();
    ticker.stop();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(2000);
    }

    out.result.wallS = double(monotonicNs() - t0) / 1e9;
    // Launch: from starting mpirun until every rank had its corpus, its plan and its clock aligned.
    out.result.startupS = readyParentNs ? double(*readyParentNs - t0) / 1e9 : out.result.wallS;
    out.result.parentCpu = threadCpu() - cpu0;
    out.result.workersCpu = ranksCpu;
    out.result.words = recorder.words();
    out.result.workerNames = recorder.workerNames();
    out.result.tasks = recorder.takeAll();
    out.result.clusterHosts = hosts;
    if (readyParentNs)
        out.result.clockAlignmentErrorS = maxAlignError;
    if (ranksStopped && !out.result.cancelled)
        out.result.cancelled = true;
    if (out.error.isEmpty() && !out.result.cancelled) {
        if (!done)
            out.error = u"mpirun ended before rank 0 gathered the results"_s;
        else if (recorded != tasks.size())
            out.error = u"the ranks counted %1 of %2 chunks"_s.arg(recorded).arg(tasks.size());
        else if (reportedWords != out.result.words)
            out.error =
                u"the ranks' words add up to %1 by MPI_Reduce but to %2 by their records"_s.arg(reportedWords)
                    .arg(out.result.words);
    }
    summarizeOverhead(out.result);
    recorder.maybeReport(true);
    return out;
}

} // namespace wordrace
