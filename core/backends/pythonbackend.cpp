#include "backends/pythonbackend.h"

#include "corpus/corpus.h"
#include "corpus/taskplanner.h"
#include "engine/runrecorder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <csignal>
#include <memory>
#include <optional>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

QString kindOf(Mode mode)
{
    switch (mode) {
    case Mode::PythonThreads:
        return u"threads"_s;
    case Mode::PythonProcesses:
        return u"processes"_s;
    default:
        return u"sequential"_s;
    }
}

double childrenCpuS()
{
    rusage u{};
    ::getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// One run of the harness: started, fed the tasks, read line by line until it ends, is cancelled
// or fails; then killed with its whole process group, so that no pool worker outlives it.
class HarnessRun
{
public:
    HarnessRun(PythonBackend &backend, const RunContext &context, BackendOutcome &out)
        : m_backend(backend), m_context(context), m_out(out),
          m_slots(backend.mode() == Mode::PythonSequential ? 1 : std::max(1, context.workers))
    {}

    void run();

private:
    bool start();
    void readLines();
    void parse(const QByteArray &line);
    void onBegin(std::int64_t t0);
    void onTask(const QList<QByteArray> &f);
    void onEnd(const QList<QByteArray> &f);
    void killGroup();
    bool cancelled() const { return m_context.cancel && m_context.cancel->load(); }
    QString corpusPath() const;

    PythonBackend &m_backend;
    const RunContext &m_context;
    BackendOutcome &m_out;
    const int m_slots;
    QProcess m_process;
    qint64 m_pid = 0;
    std::unique_ptr<RunRecorder> m_recorder;
    QByteArray m_pending; // a line not yet complete
    QString m_failure;    // the harness's X line
    bool m_ended = false; // its E line came
    QList<QString> m_names;
};

QString HarnessRun::corpusPath() const
{
    // A generated corpus lives in a memfd: the harness opens it as this process's descriptor.
    if (m_context.corpus->fd() >= 0)
        return u"/proc/%1/fd/%2"_s.arg(QCoreApplication::applicationPid()).arg(m_context.corpus->fd());
    if (!m_context.corpus->isGenerated())
        return m_context.corpus->spec().path;
    return {};
}

bool HarnessRun::start()
{
    const QString path = corpusPath();
    if (path.isEmpty()) {
        m_out.error = u"the corpus is not in shared memory, so CPython cannot read it"_s;
        return false;
    }
    QStringList args{PythonBackend::harnessPath(),
                     u"--kind"_s,
                     kindOf(m_backend.mode()),
                     u"--workers"_s,
                     QString::number(m_slots),
                     u"--corpus"_s,
                     path};
    if (m_backend.mode() == Mode::PythonThreads && m_context.knobs.spawn == Spawn::PerTask)
        args << u"--spawn"_s << u"per-task"_s;
    if (m_backend.mode() == Mode::PythonProcesses)
        args << u"--start"_s << startName(m_context.knobs.start);
    m_process.setProgram(PythonBackend::interpreter());
    m_process.setArguments(args);
    // Its own process group (the pool's workers join it), and death with WordRace.
    m_process.setChildProcessModifier([] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    m_process.start();
    if (!m_process.waitForStarted(-1)) {
        m_out.error = u"cannot start %1: %2"_s.arg(PythonBackend::interpreter(), m_process.errorString());
        return false;
    }
    m_pid = m_process.processId();
    m_backend.setWorkerPid(0, m_pid);
    QByteArray tasks;
    for (const Task &t : std::as_const(m_context.plan->tasks))
        tasks += QByteArray::number(t.begin) + ' ' + QByteArray::number(t.end) + '\n';
    m_process.write(tasks);
    m_process.closeWriteChannel();
    return true;
}

void HarnessRun::run()
{
    const double childrenBefore = childrenCpuS();
    if (!start())
        return;
    const int intervalMs = std::max(10, int(m_context.progressInterval * 1000));
    while (m_process.state() != QProcess::NotRunning) {
        if (cancelled()) {
            killGroup();
            break;
        }
        m_process.waitForReadyRead(intervalMs);
        readLines();
        if (m_recorder)
            m_recorder->maybeReport();
    }
    m_process.waitForFinished(-1);
    readLines();
    killGroup(); // whatever of the group is left: a pool worker the harness did not take down
    // The interpreter and all it started, from its launch to its exit, for the busy-machine check.
    m_out.result.supervisedCpuS = std::max(0.0, childrenCpuS() - childrenBefore);
    if (m_recorder) {
        m_out.result.words = m_recorder->words();
        m_out.result.tasks = m_recorder->takeAll();
        for (int w = 0; w < m_slots; ++w)
            if (!m_names.value(w).isEmpty())
                m_recorder->setWorkerName(w, m_names.value(w));
        m_out.result.workerNames = m_recorder->workerNames();
    }
    if (cancelled()) {
        m_out.result.cancelled = true;
        if (m_recorder)
            m_out.result.wallS = m_recorder->secondsSince(monotonicNs());
        return;
    }
    if (!m_failure.isEmpty())
        m_out.error = u"CPython failed: %1"_s.arg(m_failure);
    else if (!m_ended)
        m_out.error =
            u"CPython ended before the run did (exit status %1): %2"_s.arg(m_process.exitCode())
                .arg(QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed().section(u'\n', -1));
}

void HarnessRun::killGroup()
{
    // The group outlives its leader while any member lives, so its id is not reused meanwhile.
    if (m_pid > 0)
        ::kill(-pid_t(m_pid), SIGKILL);
}

void HarnessRun::readLines()
{
    m_pending += m_process.readAllStandardOutput();
    qsizetype from = 0;
    for (qsizetype nl; (nl = m_pending.indexOf('\n', from)) >= 0; from = nl + 1)
        parse(m_pending.mid(from, nl - from));
    m_pending.remove(0, from);
}

void HarnessRun::parse(const QByteArray &line)
{
    if (line.startsWith("X ")) {
        m_failure = QString::fromUtf8(line.mid(2));
        return;
    }
    const QList<QByteArray> f = line.split(' ');
    if (f.first() == "B" && f.size() >= 2)
        onBegin(f.at(1).toLongLong());
    else if (f.first() == "M" && f.size() >= 2)
        // The result says the start method the pool had, Python's default resolved.
        m_out.result.knobs.start =
            startFromName(QString::fromUtf8(f.at(1))).value_or(m_out.result.knobs.start);
    else if (f.first() == "W" && f.size() >= 3 && m_recorder) {
        const int slot = f.at(1).toInt();
        if (slot < 0 || slot >= m_slots)
            return;
        m_names.resize(std::max<qsizetype>(m_names.size(), slot + 1));
        m_names[slot] = QString::fromUtf8(line.mid(f.at(0).size() + f.at(1).size() + 2));
        const qsizetype pidAt = m_names[slot].lastIndexOf(u' ');
        if (m_backend.mode() == Mode::PythonProcesses)
            m_backend.setWorkerPid(slot, m_names[slot].mid(pidAt + 1).toLongLong());
    } else if (f.first() == "T" && f.size() >= 9 && m_recorder)
        onTask(f);
    else if (f.first() == "E" && f.size() >= 7 && m_recorder)
        onEnd(f);
}

void HarnessRun::onBegin(std::int64_t t0)
{
    m_recorder = std::make_unique<RunRecorder>(m_context, m_backend.mode(), m_slots, t0);
}

// T INDEX SLOT START END CPU_NS WORDS BYTES GAP_NS
void HarnessRun::onTask(const QList<QByteArray> &f)
{
    const std::int64_t index = f.at(1).toLongLong();
    const int slot = f.at(2).toInt();
    if (index < 0 || index >= m_context.plan->tasks.size() || slot < 0 || slot >= m_slots)
        return;
    const Task &task = m_context.plan->tasks[index];
    const std::int64_t startNs = f.at(3).toLongLong(), endNs = f.at(4).toLongLong();
    const double cpuS = double(f.at(5).toLongLong()) / 1e9;
    const double gapS = double(f.at(8).toLongLong()) / 1e9;
    TaskRecord r{index,
                 slot,
                 m_recorder->secondsSince(startNs),
                 m_recorder->secondsSince(endNs),
                 f.at(6).toULongLong(),
                 task.bytes(),
                 task.begin};
    switch (m_backend.mode()) {
    case Mode::PythonThreads:
        // Ready but not running: an estimate of the wait for the GIL (it includes any wait for a core).
        r.computeS = cpuS;
        r.gilWaitS = std::max(0.0, r.durationS() - cpuS);
        break;
    case Mode::PythonProcesses:
        // The worker's time since its previous task: receiving and unpickling this one.
        r.transferS = gapS;
        r.startS -= gapS;
        r.computeS = r.endS - r.startS - gapS;
        break;
    default:
        r.computeS = r.durationS();
        break;
    }
    m_recorder->record(slot, r);
}

// E END PARENT_USER PARENT_SYS WORKERS_USER WORKERS_SYS STARTUP_NS
void HarnessRun::onEnd(const QList<QByteArray> &f)
{
    m_ended = true;
    RunResult &r = m_out.result;
    r.wallS = m_recorder->secondsSince(f.at(1).toLongLong());
    r.parentCpu = {double(f.at(2).toLongLong()) / 1e6, double(f.at(3).toLongLong()) / 1e6};
    const CpuTimes workers{double(f.at(4).toLongLong()) / 1e6, double(f.at(5).toLongLong()) / 1e6};
    r.startupS = double(f.at(6).toLongLong()) / 1e9;
    switch (m_backend.mode()) {
    case Mode::PythonProcesses:
        r.workersCpu = workers;
        r.workersInsideParent = false;
        break;
    case Mode::PythonThreads:
        r.workersCpu = workers;
        r.workersInsideParent = true;
        break;
    default:
        r.workersCpu = r.parentCpu; // the main thread is the one that counts
        r.workersInsideParent = true;
        break;
    }
}

} // namespace

BackendOutcome PythonBackend::run(const RunContext &context)
{
    BackendOutcome out;
    out.result = baseResult(context, m_mode, m_mode == Mode::PythonSequential ? 1 : context.workers);
    out.result.counterPath = u"CPython str.split"_s;
    if (const QString why = checkAvailable(); !why.isEmpty()) {
        out.error = why;
        out.badInput = true;
        return out;
    }
    {
        std::lock_guard lock(m_mutex);
        m_pids.assign(std::size_t(std::max(1, context.workers)), 0);
    }
    HarnessRun(*this, context, out).run();
    summarizeOverhead(out.result);
    return out;
}

std::vector<qint64> PythonBackend::workerPids() const
{
    std::lock_guard lock(m_mutex);
    return m_pids;
}

void PythonBackend::setWorkerPid(int slot, qint64 pid)
{
    std::lock_guard lock(m_mutex);
    if (slot >= 0 && std::size_t(slot) < m_pids.size())
        m_pids[std::size_t(slot)] = pid;
}

QString PythonBackend::interpreter()
{
    const QString env = qEnvironmentVariable("WORDRACE_PYTHON");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::findExecutable(u"python3"_s);
}

QString PythonBackend::harnessPath()
{
    const QString env = qEnvironmentVariable("WORDRACE_PYTHON_HARNESS");
    if (!env.isEmpty())
        return env;
    return QDir(QCoreApplication::applicationDirPath()).filePath(u"wordrace-harness.py"_s);
}

QString PythonBackend::checkAvailable()
{
    const QString python = interpreter();
    if (python.isEmpty())
        return u"the CPython modes need python3, which is not on the PATH (install it: apt-get install python3)"_s;
    if (!QFileInfo(python).isExecutable())
        return u"the CPython modes need python3; %1 is not an executable file"_s.arg(python);
    const QString harness = harnessPath();
    if (!QFileInfo::exists(harness))
        return u"the CPython harness %1 is missing; build or install WordRace again"_s.arg(harness);
    return {};
}

} // namespace wordrace
