#include "io/resultjson.h"
#include "io/jsonarray.h"
#include "io/jsonfields.h"

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
    if (r.detailDropped)
        o[u"detail_dropped"_s] = true;
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

namespace {

// Bounds of the readers: CPU can be many cores' worth of wall; a derived share may round a hair
// below zero.
constexpr double kMaxCpuSeconds = JsonFields::kMaxSeconds * double(JsonFields::kMaxWorkers);
constexpr double kRounding = -0.01;

void readCpu(JsonFields &f, RunResult &r)
{
    const CpuTimes total{f.number(u"cpu_user_s"_s, kRounding, kMaxCpuSeconds),
                         f.number(u"cpu_sys_s"_s, kRounding, kMaxCpuSeconds)};
    r.workersInsideParent =
        f.flag(u"workers_inside_parent"_s,
               r.mode != Mode::Processes && r.mode != Mode::Cluster && r.mode != Mode::PythonProcesses);
    if (f.contains(u"parent_cpu_user_s"_s))
        r.parentCpu = {f.number(u"parent_cpu_user_s"_s, kRounding, kMaxCpuSeconds),
                       f.number(u"parent_cpu_sys_s"_s, kRounding, kMaxCpuSeconds, 0.0)};
    else
        r.parentCpu = {f.number(u"parent_cpu_s"_s, kRounding, kMaxCpuSeconds, 0.0), 0.0};
    if (f.contains(u"workers_cpu_user_s"_s)) {
        r.workersCpu = {f.number(u"workers_cpu_user_s"_s, kRounding, kMaxCpuSeconds),
                        f.number(u"workers_cpu_sys_s"_s, kRounding, kMaxCpuSeconds, 0.0)};
    } else {
        // A file from elsewhere with only the contract's keys: derive the workers' share.
        r.workersCpu = r.workersInsideParent ? total : total - r.parentCpu;
        if (r.workersInsideParent)
            r.parentCpu = total;
    }
}

void readConditions(JsonFields &f, RunResult &r)
{
    const QString corpus = f.text(u"corpus"_s, u"lesson"_s);
    if (const auto spec = CorpusSpec::parse(corpus))
        r.corpus = *spec;
    r.corpusBytes = std::uint64_t(f.number(u"corpus_bytes"_s, 0, JsonFields::kMaxCount, 0.0));
    r.corpusLines = std::uint64_t(f.number(u"corpus_lines"_s, 0, JsonFields::kMaxCount, 0.0));
    r.chunkLines = std::uint64_t(f.number(u"chunk_lines"_s, 0, JsonFields::kMaxCount, 0.0));
    r.planS = f.number(u"plan_s"_s, kRounding, JsonFields::kMaxSeconds, 0.0);
    r.startupS = f.number(u"startup_s"_s, kRounding, JsonFields::kMaxSeconds, 0.0);
    r.counterPath = f.text(u"counter_path"_s, QString());
    r.cancelled = f.flag(u"cancelled"_s, false);
    r.clockAlignmentErrorS = f.optionalNumber(u"clock_alignment_error_s"_s, 0, JsonFields::kMaxSeconds);
    r.clusterHosts = f.texts(u"cluster_hosts"_s, JsonFields::kMaxWorkers);
    r.repetition = int(f.integer(u"repetition"_s, 0, 1'000'000, 0));
    const QJsonArray warnings = f.array(u"warnings"_s, 10'000);
    for (qsizetype i = 0; i < warnings.size() && f.ok(); ++i) {
        JsonFields w = f.element(warnings, i, u"warnings"_s);
        r.warnings.append(RunWarning{w.text(u"kind"_s), w.text(u"message"_s, QString())});
    }
    r.othersCores = f.optionalNumber(u"others_cores"_s, 0, 1e6);
    r.cpuWaitShare = f.optionalNumber(u"cpu_wait_share"_s, 0, 1e6);
    r.countingWaitS = f.optionalNumber(u"counting_wait_s"_s, kRounding, kMaxCpuSeconds);
    JsonFields knobs = f.object(u"knobs"_s);
    r.knobs.ioLatencyMs = knobs.number(u"io_latency_ms"_s, 0, JsonFields::kMaxSeconds * 1000, 0.0);
    r.knobs.workPerWordNs = knobs.number(u"work_per_word_ns"_s, -1, 1e9, 0.0);
    r.knobs.gil = knobs.flag(u"gil"_s, false);
    r.knobs.spawn = spawnFromName(knobs.text(u"spawn"_s, QString())).value_or(Spawn::Pool);
    r.knobs.transport = transportFromName(knobs.text(u"transport"_s, QString())).value_or(Transport::Shared);
    r.knobs.start = startFromName(knobs.text(u"start"_s, QString())).value_or(Start::Spawn);
    r.knobs.latencyPatternMs =
        knobs.numbers(u"latency_pattern_ms"_s, 100'000, 0, JsonFields::kMaxSeconds * 1000);
    JsonFields overhead = f.object(u"overhead"_s);
    const auto part = [&](const char *key) {
        return overhead.number(QLatin1String(key), kRounding, kMaxCpuSeconds, 0.0);
    };
    r.overhead = {part("startup_s"),  part("transfer_s"), part("compute_s"), part("io_s"),
                  part("gil_wait_s"), part("gather_s"),   part("idle_s")};
}

void readSamples(JsonFields &f, RunResult &r)
{
    if (const auto peak = f.optionalNumber(u"peak_memory_bytes"_s, 0, JsonFields::kMaxCount))
        r.peakMemoryBytes = std::uint64_t(*peak);
    r.memoryIsPss = f.text(u"memory_kind"_s, u"pss"_s) != u"rss";
    r.samplerCpuS = f.number(u"sampler_cpu_s"_s, kRounding, kMaxCpuSeconds, 0.0);
    r.memoryNames = f.texts(u"memory_names"_s, JsonFields::kMaxWorkers + 1);
    const QJsonArray samples = f.array(u"samples"_s, JsonFields::kMaxElements);
    r.samples.reserve(samples.size());
    for (qsizetype i = 0; i < samples.size() && f.ok(); ++i) {
        JsonFields so = f.element(samples, i, u"samples"_s);
        ResourceSample s;
        s.timeS = so.number(u"time_s"_s, -JsonFields::kMaxSeconds, JsonFields::kMaxSeconds);
        for (double b : so.numbers(u"core_busy"_s, JsonFields::kMaxWorkers, -1.0, 2.0))
            s.coreBusy.append(float(std::clamp(b, 0.0, 1.0)));
        for (double m :
             so.numbers(u"memory_bytes"_s, JsonFields::kMaxWorkers + 1, -1.0, JsonFields::kMaxCount))
            s.memoryBytes.append(qint64(std::max(0.0, m)));
        r.samples.append(std::move(s));
    }
}

void readTasks(JsonFields &f, RunResult &r)
{
    const QJsonArray tasks = f.array(u"tasks"_s, JsonFields::kMaxElements, true);
    // A task ran on one of the run's workers, inside the run (with the slack of the clocks of
    // other hosts): a worker or time beyond is damage, and would ask for absurd lanes or axes.
    const qint64 lanes = std::max<qint64>({1, r.workers, r.workerNames.size()});
    const double slack = 1.0 + r.clockAlignmentErrorS.value_or(0.0);
    r.tasks.reserve(tasks.size());
    double words = 0;
    for (qsizetype i = 0; i < tasks.size() && f.ok(); ++i) {
        JsonFields t = f.element(tasks, i, u"tasks"_s);
        TaskRecord rec;
        rec.task = t.integer(u"task"_s, 0, qint64(JsonFields::kMaxCount), qint64(i));
        rec.worker = int(t.integer(u"worker"_s, 0, lanes - 1));
        rec.startS = t.number(u"start_s"_s, -slack, r.wallS + slack);
        rec.endS = t.number(u"end_s"_s, rec.startS, r.wallS + slack);
        rec.words = std::uint64_t(t.number(u"words"_s, 0, JsonFields::kMaxCount, 0.0));
        rec.bytes = std::uint64_t(t.number(u"bytes"_s, 0, JsonFields::kMaxCount, 0.0));
        rec.begin = std::uint64_t(t.number(u"begin"_s, 0, JsonFields::kMaxCount, 0.0));
        JsonFields phases = t.object(u"phases"_s);
        rec.ioS = phases.number(u"io_s"_s, kRounding, JsonFields::kMaxSeconds, 0.0);
        rec.gilWaitS = phases.number(u"gil_wait_s"_s, kRounding, JsonFields::kMaxSeconds, 0.0);
        rec.transferS = phases.number(u"transfer_s"_s, kRounding, JsonFields::kMaxSeconds, 0.0);
        rec.computeS = phases.number(u"compute_s"_s, kRounding, JsonFields::kMaxSeconds, 0.0);
        words += double(rec.words);
        r.tasks.append(rec);
    }
    r.taskCount = qsizetype(f.integer(u"task_count"_s, 0, JsonFields::kMaxElements, r.tasks.size()));
    if (f.ok() && r.taskCount < r.tasks.size())
        f.fail(u"task_count %1 is less than the %2 tasks listed"_s.arg(r.taskCount).arg(r.tasks.size()));
    // Every task listed, the run finished: the tasks' words are the run's.
    if (f.ok() && !r.cancelled && !r.tasks.isEmpty() && r.taskCount == r.tasks.size() &&
        words != double(r.words))
        f.fail(u"the tasks count %1 words, the run %2"_s.arg(QString::number(words, 'f', 0)).arg(r.words));
    while (f.ok() && r.workerNames.size() < lanes)
        r.workerNames.append(u"worker %1"_s.arg(r.workerNames.size()));
}

} // namespace

std::optional<RunResult> ResultJson::fromJson(const QJsonObject &o, QString *error)
{
    JsonFields f(o, QString());
    auto run = fromFields(f);
    if (!run && error)
        *error = f.error();
    return run;
}

std::optional<RunResult> ResultJson::fromFields(JsonFields &f)
{
    RunResult r;
    const QString mode = f.text(u"mode"_s);
    if (f.ok() && !modeFromName(mode))
        f.fail(u"unknown mode \"%1\""_s.arg(mode));
    r.mode = modeFromName(mode).value_or(Mode::Sequential);
    r.workers = int(f.integer(u"workers"_s, 1, JsonFields::kMaxWorkers));
    r.words = std::uint64_t(f.number(u"words"_s, 0, JsonFields::kMaxCount));
    r.wallS = f.number(u"wall_s"_s, 0, JsonFields::kMaxSeconds);
    readCpu(f, r);
    readConditions(f, r);
    r.workerNames = f.texts(u"worker_names"_s, JsonFields::kMaxWorkers);
    r.detailDropped = f.flag(u"detail_dropped"_s, false);
    readSamples(f, r);
    readTasks(f, r);
    if (!f.ok())
        return std::nullopt;
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
        QString why;
        const auto run = v.isObject() ? fromJson(v.toObject(), &why) : std::nullopt;
        if (!run) {
            if (error)
                *error = v.isObject() ? u"runs[%1]: %2"_s.arg(runs.size()).arg(why)
                                      : u"runs[%1] must be an object"_s.arg(runs.size());
            return std::nullopt;
        }
        runs.append(*run);
    }
    return runs;
}

} // namespace wordrace
