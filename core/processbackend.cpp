#include "processbackend.h"

#include "corpus.h"
#include "runrecorder.h"
#include "taskplanner.h"
#include "workerprotocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTimer>

#include <deque>
#include <memory>
#include <vector>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// CPU a live process has used so far, read from /proc before we have to kill it.
CpuTimes procCpu(qint64 pid)
{
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return {};
    const double tick = double(sysconf(_SC_CLK_TCK));
    return {fields[11].toDouble() / tick, fields[12].toDouble() / tick};
}

struct Worker
{
    std::unique_ptr<QProcess> process;
    protocol::Decoder decoder;
    qint64 pid = 0;
    bool ready = false;
    bool byeSent = false;
    bool usageSeen = false;
    bool finished = false;
    std::deque<qsizetype> inFlight;
    QByteArray stderrTail;
    CpuTimes cpu;
    std::int64_t readyNs = 0;
};

} // namespace

QString ProcessBackend::resolveWorkerPath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString env = qEnvironmentVariable("WORDRACE_WORKER");
    if (!env.isEmpty())
        return env;
    return QDir(QCoreApplication::applicationDirPath()).filePath(u"wordrace-worker"_s);
}

QString ProcessBackend::checkWorker(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return u"the worker program %1 is missing; build or install wordrace-worker next to WordRace"_s.arg(path);
    if (!info.isFile() || !info.isExecutable())
        return u"the worker program %1 is not an executable file"_s.arg(path);
    return {};
}

BackendOutcome ProcessBackend::run(const RunContext &context)
{
    const int n = context.workers;
    BackendOutcome out;
    out.result = baseResult(context, Mode::Processes, n);
    out.result.workersInsideParent = false;

    const QString workerPath = resolveWorkerPath(context.workerPath);
    if (const QString why = checkWorker(workerPath); !why.isEmpty()) {
        out.error = why;
        return out;
    }

    const CpuTimes cpu0 = threadCpu();
    const std::int64_t t0 = monotonicNs();
    RunRecorder recorder(context, Mode::Processes, n, t0);
    const QList<Task> &tasks = context.plan->tasks;
    const Corpus &corpus = *context.corpus;

    std::vector<Worker> workers(static_cast<std::size_t>(n));
    qsizetype nextTask = 0;
    qsizetype doneTasks = 0;
    bool stopping = false;
    QEventLoop loop;

    auto allFinished = [&] {
        for (const Worker &w : workers)
            if (!w.finished)
                return false;
        return true;
    };
    auto describe = [&](int w) {
        const Worker &wk = workers[std::size_t(w)];
        return wk.pid ? u"worker %1 (pid %2)"_s.arg(w).arg(wk.pid) : u"worker %1"_s.arg(w);
    };
    auto stopAll = [&] {
        stopping = true;
        for (Worker &w : workers) {
            if (w.finished || !w.process)
                continue;
            if (w.pid)
                w.cpu = procCpu(w.pid);
            w.process->closeWriteChannel();
            w.process->kill();
        }
    };
    auto fail = [&](const QString &why) {
        if (out.error.isEmpty() && !stopping)
            out.error = why;
        stopAll();
    };
    auto sayBye = [&] {
        for (Worker &w : workers) {
            if (w.finished || w.byeSent)
                continue;
            w.byeSent = true;
            w.process->write(QByteArray::fromStdString(protocol::encodeEmpty(protocol::Type::Bye)));
            w.process->closeWriteChannel();
        }
    };
    auto dispatch = [&](int w) {
        Worker &wk = workers[std::size_t(w)];
        if (stopping)
            return;
        QByteArray batch;
        while (int(wk.inFlight.size()) < kTasksInFlight && nextTask < tasks.size()) {
            const Task &t = tasks[nextTask];
            batch += QByteArray::fromStdString(
                protocol::encode(protocol::Type::Task, protocol::Task{nextTask, t.begin, t.end}));
            wk.inFlight.push_back(nextTask++);
        }
        if (!batch.isEmpty())
            wk.process->write(batch);
        if (doneTasks == tasks.size())
            sayBye();
    };
    auto onMessage = [&](int w, const protocol::Decoder::Message &msg) {
        Worker &wk = workers[std::size_t(w)];
        switch (msg.type) {
        case protocol::Type::Ready: {
            protocol::Ready ready{};
            protocol::decodePayload(msg.payload, ready);
            if (wk.ready)
                return fail(u"%1 said it was ready twice"_s.arg(describe(w)));
            wk.ready = true;
            wk.pid = ready.pid;
            wk.readyNs = ready.readyNs;
            recorder.setWorkerName(w, u"pid %1"_s.arg(wk.pid));
            dispatch(w);
            return;
        }
        case protocol::Type::Done: {
            protocol::Done done{};
            protocol::decodePayload(msg.payload, done);
            if (wk.inFlight.empty() || wk.inFlight.front() != done.index)
                return fail(u"%1 answered for chunk %2, which it was not counting"_s.arg(describe(w)).arg(done.index));
            const Task &t = tasks[done.index];
            if (done.bytes != t.bytes())
                return fail(u"%1 counted %2 bytes of chunk %3, expected %4"_s.arg(describe(w))
                                .arg(done.bytes)
                                .arg(done.index)
                                .arg(t.bytes()));
            wk.inFlight.pop_front();
            recorder.record(w, TaskRecord{done.index, w, recorder.secondsSince(done.startNs),
                                          recorder.secondsSince(done.endNs), done.words, done.bytes, t.begin});
            ++doneTasks;
            dispatch(w);
            return;
        }
        case protocol::Type::Usage: {
            protocol::Usage usage{};
            protocol::decodePayload(msg.payload, usage);
            wk.cpu = {double(usage.userUs) * 1e-6, double(usage.sysUs) * 1e-6};
            wk.usageSeen = true;
            return;
        }
        case protocol::Type::Error:
            return fail(u"%1 failed: %2"_s.arg(describe(w), QString::fromStdString(msg.payload)));
        default:
            return fail(u"%1 sent an unexpected message (type %2)"_s.arg(describe(w)).arg(int(msg.type)));
        }
    };

    const qint64 parentPid = QCoreApplication::applicationPid();
    for (int w = 0; w < n; ++w) {
        Worker &wk = workers[std::size_t(w)];
        wk.process = std::make_unique<QProcess>();
        QProcess *p = wk.process.get();
        p->setProgram(workerPath);
        p->setArguments({u"--parent-pid"_s, QString::number(parentPid)});
        QObject::connect(p, &QProcess::readyReadStandardOutput, &loop, [&, w, p] {
            Worker &wk = workers[std::size_t(w)];
            const QByteArray bytes = p->readAllStandardOutput();
            wk.decoder.append(std::string_view(bytes.constData(), std::size_t(bytes.size())));
            protocol::Decoder::Message msg;
            protocol::Decoder::Status st;
            while (!stopping && (st = wk.decoder.next(msg)) == protocol::Decoder::Status::Ok)
                onMessage(w, msg);
            if (!stopping && st == protocol::Decoder::Status::Malformed)
                fail(u"%1 sent a malformed message: %2"_s.arg(describe(w), QString::fromStdString(wk.decoder.error())));
        });
        QObject::connect(p, &QProcess::readyReadStandardError, &loop, [&, w, p] {
            Worker &wk = workers[std::size_t(w)];
            wk.stderrTail += p->readAllStandardError();
            if (wk.stderrTail.size() > 4096)
                wk.stderrTail = wk.stderrTail.right(4096);
        });
        QObject::connect(p, &QProcess::finished, &loop, [&, w](int exitCode, QProcess::ExitStatus status) {
            Worker &wk = workers[std::size_t(w)];
            wk.finished = true;
            const bool clean = status == QProcess::NormalExit && exitCode == 0 && wk.byeSent && wk.usageSeen;
            if (!clean && !stopping) {
                QString what = status == QProcess::CrashExit
                                   ? u"was killed or crashed"_s
                                   : u"exited with status %1"_s.arg(exitCode);
                QString where;
                if (!wk.inFlight.empty()) {
                    const Task &t = tasks[wk.inFlight.front()];
                    where = u" while counting chunk %1 (bytes %2-%3)"_s.arg(wk.inFlight.front()).arg(t.begin).arg(t.end);
                } else if (!wk.ready) {
                    where = u" before it was ready"_s;
                }
                const QString detail = QString::fromLocal8Bit(wk.stderrTail).trimmed();
                fail(u"%1 %2%3%4"_s.arg(describe(w), what, where,
                                         detail.isEmpty() ? QString() : u": "_s + detail.section(u'\n', -1)));
            }
            if (allFinished())
                loop.quit();
        });
        QObject::connect(p, &QProcess::errorOccurred, &loop, [&, w, p](QProcess::ProcessError e) {
            if (e != QProcess::FailedToStart)
                return; // crashes arrive through finished()
            workers[std::size_t(w)].finished = true;
            fail(u"could not start %1: %2"_s.arg(workerPath, p->errorString()));
            if (allFinished())
                loop.quit();
        });
        const protocol::Hello hello{static_cast<std::int32_t>(parentPid), corpus.fd(), corpus.size(), w, 0};
        p->start(QIODevice::ReadWrite | QIODevice::Unbuffered);
        p->write(QByteArray::fromStdString(protocol::encode(protocol::Type::Hello, hello)));
    }

    QTimer ticker;
    ticker.setInterval(20);
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        if (!stopping && context.cancel && context.cancel->load()) {
            out.result.cancelled = true;
            stopAll();
        }
        recorder.maybeReport();
    });
    ticker.start();
    if (!allFinished())
        loop.exec();
    ticker.stop();

    out.result.wallS = double(monotonicNs() - t0) / 1e9;
    std::int64_t lastReady = t0;
    for (Worker &w : workers) {
        out.result.workersCpu += w.cpu;
        if (w.readyNs)
            lastReady = std::max(lastReady, w.readyNs);
        if (w.process && w.process->state() != QProcess::NotRunning) {
            w.process->kill();
            w.process->waitForFinished(2000);
        }
    }
    out.result.startupS = double(lastReady - t0) / 1e9;
    out.result.parentCpu = threadCpu() - cpu0;
    out.result.words = recorder.words();
    out.result.workerNames = recorder.workerNames();
    out.result.tasks = recorder.takeAll();
    if (out.error.isEmpty() && !out.result.cancelled && doneTasks != tasks.size())
        out.error = u"the workers stopped after %1 of %2 chunks"_s.arg(doneTasks).arg(tasks.size());
    recorder.maybeReport(true);
    return out;
}

} // namespace wordrace
