#include "io/resultjson.h"
#include "io/jsonarray.h"

#include "analysis/modesummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

void appendNumber(QByteArray &out, double v)
{
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr - buf);
}

void appendNumber(QByteArray &out, std::uint64_t v)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr - buf);
}

// Tasks are most of a result (a run may have two million); Qt's JSON DOM needs a heap object per
// task and takes seconds for that, so they are written straight out, one per line.
void appendTasks(QByteArray &out, const QList<TaskRecord> &tasks)
{
    out.reserve(out.size() + tasks.size() * 110);
    out.append("[");
    bool first = true;
    for (const TaskRecord &t : tasks) {
        out.append(first ? "\n" : ",\n");
        first = false;
        out.append("{\"task\":");
        appendNumber(out, std::uint64_t(t.task));
        out.append(",\"worker\":");
        appendNumber(out, std::uint64_t(t.worker));
        out.append(",\"start_s\":");
        appendNumber(out, t.startS);
        out.append(",\"end_s\":");
        appendNumber(out, t.endS);
        out.append(",\"words\":");
        appendNumber(out, t.words);
        out.append(",\"bytes\":");
        appendNumber(out, t.bytes);
        out.append(",\"begin\":");
        appendNumber(out, t.begin);
        out.append(",\"phases\":{\"io_s\":");
        appendNumber(out, t.ioS);
        out.append(",\"gil_wait_s\":");
        appendNumber(out, t.gilWaitS);
        out.append(",\"transfer_s\":");
        appendNumber(out, t.transferS);
        out.append(",\"compute_s\":");
        appendNumber(out, t.computeS);
        out.append("}}");
    }
    out.append("]");
}

// Samples are written straight out too: up to 10,000 per run, each a few numbers per core and worker.
void appendSamples(QByteArray &out, const QList<ResourceSample> &samples)
{
    out.append("[");
    bool first = true;
    for (const ResourceSample &s : samples) {
        out.append(first ? "\n" : ",\n");
        first = false;
        out.append("{\"time_s\":");
        appendNumber(out, s.timeS);
        out.append(",\"core_busy\":[");
        for (qsizetype i = 0; i < s.coreBusy.size(); ++i) {
            if (i > 0)
                out.append(",");
            // Three decimals of a share are more than /proc/stat's jiffies resolve.
            appendNumber(out, std::round(double(s.coreBusy[i]) * 1000.0) / 1000.0);
        }
        out.append("],\"memory_bytes\":[");
        for (qsizetype i = 0; i < s.memoryBytes.size(); ++i) {
            if (i > 0)
                out.append(",");
            appendNumber(out, std::uint64_t(std::max<qint64>(0, s.memoryBytes[i])));
        }
        out.append("]}");
    }
    out.append("]");
}

QJsonArray samplesArray(const QList<ResourceSample> &samples)
{
    QJsonArray out;
    for (const ResourceSample &s : samples) {
        QJsonArray busy;
        for (const float b : s.coreBusy)
            busy.append(std::round(double(b) * 1000.0) / 1000.0);
        QJsonArray memory;
        for (const qint64 m : s.memoryBytes)
            memory.append(double(m));
        out.append(QJsonObject{{u"time_s"_s, s.timeS}, {u"core_busy"_s, busy}, {u"memory_bytes"_s, memory}});
    }
    return out;
}

} // namespace

QJsonObject ResultJson::toJson(const RunResult &r)
{
    QJsonObject o = scalars(r);
    o[u"samples"_s] = samplesArray(r.samples);
    QJsonArray tasks;
    for (const TaskRecord &t : r.tasks) {
        tasks.append(QJsonObject{{u"task"_s, double(t.task)},
                                 {u"worker"_s, t.worker},
                                 {u"start_s"_s, t.startS},
                                 {u"end_s"_s, t.endS},
                                 {u"words"_s, double(t.words)},
                                 {u"bytes"_s, double(t.bytes)},
                                 {u"begin"_s, double(t.begin)},
                                 {u"phases"_s, QJsonObject{{u"io_s"_s, t.ioS},
                                                           {u"gil_wait_s"_s, t.gilWaitS},
                                                           {u"transfer_s"_s, t.transferS},
                                                           {u"compute_s"_s, t.computeS}}}});
    }
    o[u"tasks"_s] = tasks;
    return o;
}

QJsonObject ResultJson::knobs(const Knobs &k)
{
    QJsonArray pattern;
    for (double ms : k.latencyPatternMs)
        pattern.append(ms);
    return QJsonObject{{u"io_latency_ms"_s, k.ioLatencyMs},
                       {u"work_per_word_ns"_s, k.workPerWordNs},
                       {u"gil"_s, k.gil},
                       {u"spawn"_s, spawnName(k.spawn)},
                       {u"transport"_s, transportName(k.transport)},
                       {u"start"_s, startName(k.start)},
                       {u"latency_pattern_ms"_s, pattern}};
}

QJsonObject ResultJson::scalars(const RunResult &r)
{
    const CpuTimes total = r.totalCpu();
    QJsonObject o;
    o[u"mode"_s] = modeName(r.mode);
    o[u"workers"_s] = r.workers;
    o[u"words"_s] = double(r.words);
    o[u"wall_s"_s] = r.wallS;
    o[u"cpu_user_s"_s] = total.user;
    o[u"cpu_sys_s"_s] = total.sys;
    o[u"cpu_total_s"_s] = total.total();
    o[u"cpu_per_wall"_s] = r.cpuPerWall();
    o[u"parent_cpu_s"_s] = r.parentCpu.total();
    o[u"parent_cpu_user_s"_s] = r.parentCpu.user;
    o[u"parent_cpu_sys_s"_s] = r.parentCpu.sys;
    o[u"workers_cpu_user_s"_s] = r.workersCpu.user;
    o[u"workers_cpu_sys_s"_s] = r.workersCpu.sys;
    o[u"workers_inside_parent"_s] = r.workersInsideParent;
    o[u"corpus"_s] = r.corpus.toString();
    o[u"corpus_bytes"_s] = double(r.corpusBytes);
    o[u"corpus_lines"_s] = double(r.corpusLines);
    o[u"chunk_lines"_s] = double(r.chunkLines);
    o[u"task_count"_s] = double(r.taskCount);
    o[u"plan_s"_s] = r.planS;
    o[u"startup_s"_s] = r.startupS;
    o[u"counter_path"_s] = r.counterPath;
    o[u"cancelled"_s] = r.cancelled;
    if (r.clockAlignmentErrorS) // cluster runs only: how well the ranks' clocks were aligned
        o[u"clock_alignment_error_s"_s] = *r.clockAlignmentErrorS;
    if (!r.clusterHosts.isEmpty())
        o[u"cluster_hosts"_s] = QJsonArray::fromStringList(r.clusterHosts);
    o[u"repetition"_s] = r.repetition;
    o[u"knobs"_s] = knobs(r.knobs);
    o[u"overhead"_s] =
        QJsonObject{{u"startup_s"_s, r.overhead.startupS},  {u"transfer_s"_s, r.overhead.transferS},
                    {u"compute_s"_s, r.overhead.computeS},  {u"io_s"_s, r.overhead.ioS},
                    {u"gil_wait_s"_s, r.overhead.gilWaitS}, {u"gather_s"_s, r.overhead.gatherS},
                    {u"idle_s"_s, r.overhead.idleS}};
    o[u"worker_names"_s] = QJsonArray::fromStringList(r.workerNames);
    o[u"peak_memory_bytes"_s] = r.peakMemoryBytes ? QJsonValue(double(*r.peakMemoryBytes)) : QJsonValue();
    o[u"memory_kind"_s] = r.memoryIsPss ? u"pss"_s : u"rss"_s;
    o[u"memory_names"_s] = QJsonArray::fromStringList(r.memoryNames);
    o[u"sampler_cpu_s"_s] = r.samplerCpuS;
    QJsonArray warnings;
    for (const RunWarning &w : r.warnings)
        warnings.append(QJsonObject{{u"kind"_s, w.kind}, {u"message"_s, w.message}});
    o[u"warnings"_s] = warnings;
    o[u"others_cores"_s] = r.othersCores ? QJsonValue(*r.othersCores) : QJsonValue();
    o[u"cpu_wait_share"_s] = r.cpuWaitShare ? QJsonValue(*r.cpuWaitShare) : QJsonValue();
    o[u"counting_wait_s"_s] = r.countingWaitS ? QJsonValue(*r.countingWaitS) : QJsonValue();
    return o;
}

QJsonObject ResultJson::header()
{
    return QJsonObject{{u"wordrace"_s, QStringLiteral(WORDRACE_VERSION)},
                       {u"machine"_s, QJsonObject{{u"logical_cpus"_s, QThread::idealThreadCount()},
                                                  {u"kernel"_s, QSysInfo::kernelVersion()},
                                                  {u"cpu_arch"_s, QSysInfo::currentCpuArchitecture()}}}};
}

QJsonArray ResultJson::summaries(const QList<RunResult> &runs)
{
    QJsonArray out;
    for (const ModeSummary &s : ModeSummary::summarize(runs))
        out.append(s.toJson());
    return out;
}

QByteArray ResultJson::serialize(const QList<RunResult> &runs, const QJsonObject &extra)
{
    // The small parts through Qt (its escaping), each closing brace reopened to append more.
    QJsonObject top = header();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        if (!top.contains(it.key()) && it.key() != u"runs" && it.key() != u"summaries")
            top.insert(it.key(), it.value());
    QByteArray out = QJsonDocument(top).toJson(QJsonDocument::Compact);
    out.chop(1);
    // Summaries before the runs, so that a reader of the file sees them first.
    out.append(",\n\"summaries\":");
    out.append(QJsonDocument(summaries(runs)).toJson(QJsonDocument::Compact));
    out.append(",\n\"runs\":[");
    bool first = true;
    for (const RunResult &r : runs) {
        out.append(first ? "\n" : ",\n");
        first = false;
        out.append(QJsonDocument(scalars(r)).toJson(QJsonDocument::Compact));
        out.chop(1);
        out.append(",\"samples\":");
        appendSamples(out, r.samples);
        out.append(",\"tasks\":");
        appendTasks(out, r.tasks);
        out.append("}");
    }
    out.append("\n]}\n");
    return out;
}

std::optional<RunResult> ResultJson::fromJson(const QJsonObject &o, QString *error)
{
    auto failWith = [&](const QString &why) -> std::optional<RunResult> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    for (const char *key : {"mode", "workers", "words", "wall_s", "cpu_user_s", "cpu_sys_s", "tasks"})
        if (!o.contains(QLatin1String(key)))
            return failWith(u"a run has no \"%1\""_s.arg(QLatin1String(key)));
    RunResult r;
    const auto mode = modeFromName(o[u"mode"_s].toString());
    if (!mode)
        return failWith(u"unknown mode \"%1\""_s.arg(o[u"mode"_s].toString()));
    r.mode = *mode;
    r.workers = o[u"workers"_s].toInt();
    r.words = std::uint64_t(o[u"words"_s].toDouble());
    r.wallS = o[u"wall_s"_s].toDouble();
    r.workersInsideParent = o[u"workers_inside_parent"_s].toBool(
        r.mode != Mode::Processes && r.mode != Mode::Cluster && r.mode != Mode::PythonProcesses);
    r.parentCpu = {o[u"parent_cpu_user_s"_s].toDouble(), o[u"parent_cpu_sys_s"_s].toDouble()};
    if (!o.contains(u"parent_cpu_user_s"_s))
        r.parentCpu = {o[u"parent_cpu_s"_s].toDouble(), 0.0};
    r.workersCpu = {o[u"workers_cpu_user_s"_s].toDouble(), o[u"workers_cpu_sys_s"_s].toDouble()};
    if (!o.contains(u"workers_cpu_user_s"_s)) {
        // A file from elsewhere with only the contract's keys: derive the workers' share.
        const CpuTimes total{o[u"cpu_user_s"_s].toDouble(), o[u"cpu_sys_s"_s].toDouble()};
        r.workersCpu = r.workersInsideParent ? total : total - r.parentCpu;
        if (r.workersInsideParent)
            r.parentCpu = total;
    }
    if (const auto spec = CorpusSpec::parse(o[u"corpus"_s].toString(u"lesson"_s)))
        r.corpus = *spec;
    r.corpusBytes = std::uint64_t(o[u"corpus_bytes"_s].toDouble());
    r.corpusLines = std::uint64_t(o[u"corpus_lines"_s].toDouble());
    r.chunkLines = std::uint64_t(o[u"chunk_lines"_s].toDouble());
    r.planS = o[u"plan_s"_s].toDouble();
    r.startupS = o[u"startup_s"_s].toDouble();
    r.counterPath = o[u"counter_path"_s].toString();
    r.cancelled = o[u"cancelled"_s].toBool();
    if (o.contains(u"clock_alignment_error_s"_s))
        r.clockAlignmentErrorS = o[u"clock_alignment_error_s"_s].toDouble();
    for (const QJsonValue &h : constArray(o[u"cluster_hosts"_s].toArray()))
        r.clusterHosts.append(h.toString());
    r.repetition = o[u"repetition"_s].toInt();
    for (const QJsonValue &w : constArray(o[u"warnings"_s].toArray()))
        r.warnings.append(RunWarning{w[u"kind"_s].toString(), w[u"message"_s].toString()});
    if (o[u"others_cores"_s].isDouble())
        r.othersCores = o[u"others_cores"_s].toDouble();
    if (o[u"cpu_wait_share"_s].isDouble())
        r.cpuWaitShare = o[u"cpu_wait_share"_s].toDouble();
    if (o[u"counting_wait_s"_s].isDouble())
        r.countingWaitS = o[u"counting_wait_s"_s].toDouble();
    const QJsonObject knobs = o[u"knobs"_s].toObject();
    r.knobs.ioLatencyMs = knobs[u"io_latency_ms"_s].toDouble();
    r.knobs.workPerWordNs = knobs[u"work_per_word_ns"_s].toDouble();
    r.knobs.gil = knobs[u"gil"_s].toBool();
    r.knobs.spawn = spawnFromName(knobs[u"spawn"_s].toString()).value_or(Spawn::Pool);
    r.knobs.transport = transportFromName(knobs[u"transport"_s].toString()).value_or(Transport::Shared);
    r.knobs.start = startFromName(knobs[u"start"_s].toString()).value_or(Start::Spawn);
    for (const QJsonValue &v : constArray(knobs[u"latency_pattern_ms"_s].toArray()))
        r.knobs.latencyPatternMs.append(v.toDouble());
    const QJsonObject overhead = o[u"overhead"_s].toObject();
    r.overhead.startupS = overhead[u"startup_s"_s].toDouble();
    r.overhead.transferS = overhead[u"transfer_s"_s].toDouble();
    r.overhead.computeS = overhead[u"compute_s"_s].toDouble();
    r.overhead.ioS = overhead[u"io_s"_s].toDouble();
    r.overhead.gilWaitS = overhead[u"gil_wait_s"_s].toDouble();
    r.overhead.gatherS = overhead[u"gather_s"_s].toDouble();
    r.overhead.idleS = overhead[u"idle_s"_s].toDouble();
    for (const QJsonValue &v : constArray(o[u"worker_names"_s].toArray()))
        r.workerNames.append(v.toString());
    if (o[u"peak_memory_bytes"_s].isDouble())
        r.peakMemoryBytes = std::uint64_t(o[u"peak_memory_bytes"_s].toDouble());
    r.memoryIsPss = o[u"memory_kind"_s].toString(u"pss"_s) != u"rss";
    r.samplerCpuS = o[u"sampler_cpu_s"_s].toDouble();
    for (const QJsonValue &v : constArray(o[u"memory_names"_s].toArray()))
        r.memoryNames.append(v.toString());
    const QJsonArray samples = o[u"samples"_s].toArray();
    r.samples.reserve(samples.size());
    for (const QJsonValue &v : samples) {
        const QJsonObject so = v.toObject();
        ResourceSample s;
        s.timeS = so[u"time_s"_s].toDouble();
        for (const QJsonValue &b : constArray(so[u"core_busy"_s].toArray()))
            s.coreBusy.append(float(std::clamp(b.toDouble(), 0.0, 1.0)));
        for (const QJsonValue &m : constArray(so[u"memory_bytes"_s].toArray()))
            s.memoryBytes.append(qint64(std::max(0.0, m.toDouble())));
        r.samples.append(std::move(s));
    }
    const QJsonArray tasks = o[u"tasks"_s].toArray();
    r.tasks.reserve(tasks.size());
    for (const QJsonValue &v : tasks) {
        const QJsonObject t = v.toObject();
        TaskRecord rec;
        rec.task = std::int64_t(t[u"task"_s].toDouble(double(r.tasks.size())));
        rec.worker = t[u"worker"_s].toInt();
        rec.startS = t[u"start_s"_s].toDouble();
        rec.endS = t[u"end_s"_s].toDouble();
        rec.words = std::uint64_t(t[u"words"_s].toDouble());
        rec.bytes = std::uint64_t(t[u"bytes"_s].toDouble());
        rec.begin = std::uint64_t(t[u"begin"_s].toDouble());
        const QJsonObject phases = t[u"phases"_s].toObject();
        rec.ioS = phases[u"io_s"_s].toDouble();
        rec.gilWaitS = phases[u"gil_wait_s"_s].toDouble();
        rec.transferS = phases[u"transfer_s"_s].toDouble();
        rec.computeS = phases[u"compute_s"_s].toDouble();
        if (rec.worker < 0 || rec.endS < rec.startS)
            return failWith(u"task %1 has a bad worker or times"_s.arg(r.tasks.size()));
        while (rec.worker >= r.workerNames.size())
            r.workerNames.append(u"worker %1"_s.arg(r.workerNames.size()));
        r.tasks.append(rec);
    }
    r.taskCount = qsizetype(o[u"task_count"_s].toDouble(double(r.tasks.size())));
    return r;
}

std::optional<QList<RunResult>> ResultJson::parse(const QByteArray &json, QString *error)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (doc.isNull()) {
        if (error)
            *error = u"not valid JSON: %1 at offset %2"_s.arg(pe.errorString()).arg(pe.offset);
        return std::nullopt;
    }
    if (!doc.isObject() || !doc.object()[u"runs"_s].isArray()) {
        if (error)
            *error = u"not a WordRace result: no \"runs\" array"_s;
        return std::nullopt;
    }
    QList<RunResult> runs;
    for (const QJsonValue &v : constArray(doc.object()[u"runs"_s].toArray())) {
        auto run = fromJson(v.toObject(), error);
        if (!run)
            return std::nullopt;
        runs.append(*run);
    }
    return runs;
}

} // namespace wordrace
