#include "backends/clusterbackend.h"

#include "backends/clusterrun.h"

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
    ClusterRun run(context, std::move(out.result));
    out = run.exec();
    summarizeOverhead(out.result);
    return out;
}

} // namespace wordrace
