#include "io/traceexport.h"

#include "analysis/modesummary.h"
#include "io/textwriter.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// Trace time is in microseconds; three decimals keep the nanoseconds the runs measured.
constexpr int kDecimals = 3;

class EventWriter
{
public:
    explicit EventWriter(TextWriter &w) : m_w(w) {}
    // Opens one event object: everything up to and including "pid".
    void begin(const char *ph, int pid)
    {
        m_w.append(m_first ? "\n{\"ph\":\"" : ",\n{\"ph\":\"");
        m_first = false;
        m_w.append(ph);
        m_w.append("\",\"pid\":");
        m_w.appendNumber(pid);
    }
    void metadata(int pid, int tid, const char *name, const char *argKey, const QString &text)
    {
        begin("M", pid);
        m_w.append(",\"tid\":");
        m_w.appendNumber(tid);
        m_w.append(",\"name\":\"");
        m_w.append(name);
        m_w.append("\",\"args\":{\"");
        m_w.append(argKey);
        m_w.append("\":");
        m_w.appendJsonString(text);
        m_w.append("}}");
    }
    void sortIndex(int pid, int tid, const char *name, int index)
    {
        begin("M", pid);
        m_w.append(",\"tid\":");
        m_w.appendNumber(tid);
        m_w.append(",\"name\":\"");
        m_w.append(name);
        m_w.append("\",\"args\":{\"sort_index\":");
        m_w.appendNumber(index);
        m_w.append("}}");
    }

private:
    TextWriter &m_w;
    bool m_first = true;
};

QString groupKey(const RunResult &r)
{
    return modeName(r.mode) + u'/' + QString::number(r.workers) + u'/' + r.corpus.toString();
}

QString processName(const RunResult &r, int repetitions, bool severalCorpora)
{
    QString name = ModeSummary::labelFor(r.mode, r.workers);
    if (repetitions > 1)
        name += u", run %1 of %2"_s.arg(r.repetition + 1).arg(repetitions);
    if (severalCorpora)
        name += u", "_s + r.corpus.displayName();
    if (r.cancelled)
        name += u" (cancelled)"_s;
    return name;
}

// The number of workers busy over time, as a step function: one counter sample wherever it changes.
// Changes are taken at whole microseconds (the trace's unit) so that a worker ending one task and
// starting the next within the same microsecond does not add two samples that cancel out.
void busyCounter(TextWriter &w, EventWriter &events, const RunResult &r, int pid)
{
    std::vector<std::int64_t> keys;
    keys.reserve(std::size_t(r.tasks.size()) * 2);
    // Key: time in microseconds, doubled, plus 1 for a start; sorting puts a microsecond together.
    for (const TaskRecord &t : r.tasks) {
        keys.push_back(std::llround(t.startS * 1e6) * 2 + 1);
        keys.push_back(std::llround(t.endS * 1e6) * 2);
    }
    std::sort(keys.begin(), keys.end());
    std::int64_t busy = 0;
    std::int64_t shown = -1;
    for (std::size_t i = 0; i < keys.size();) {
        const std::int64_t us = keys[i] >> 1;
        while (i < keys.size() && (keys[i] >> 1) == us) {
            busy += (keys[i] & 1) ? 1 : -1;
            ++i;
        }
        if (busy == shown)
            continue;
        shown = busy;
        events.begin("C", pid);
        w.append(",\"name\":\"busy\",\"ts\":");
        w.appendNumber(us);
        w.append(",\"args\":{\"workers\":");
        w.appendNumber(busy);
        w.append("}}");
    }
}

// What the sampler measured (ResourceSampler): each core's busy share in percent and each process's
// memory, one counter track apiece, so Perfetto shows them under the worker tracks.
void resourceCounters(TextWriter &w, EventWriter &events, const RunResult &r, int pid)
{
    for (const ResourceSample &s : r.samples) {
        for (qsizetype c = 0; c < s.coreBusy.size(); ++c) {
            events.begin("C", pid);
            w.append(",\"name\":\"CPU ");
            w.appendNumber(std::int64_t(c));
            w.append(" busy %\",\"ts\":");
            w.appendFixed(s.timeS * 1e6, kDecimals);
            w.append(",\"args\":{\"percent\":");
            w.appendFixed(double(s.coreBusy[c]) * 100.0, 1);
            w.append("}}");
        }
        for (qsizetype m = 0; m < s.memoryBytes.size(); ++m) {
            events.begin("C", pid);
            w.append(",\"name\":");
            w.appendJsonString((r.memoryIsPss ? u"memory (PSS) "_s : u"memory (RSS) "_s) +
                               r.memoryNames.value(m, u"series %1"_s.arg(m)));
            w.append(",\"ts\":");
            w.appendFixed(s.timeS * 1e6, kDecimals);
            w.append(",\"args\":{\"bytes\":");
            w.appendNumber(std::int64_t(s.memoryBytes[m]));
            w.append("}}");
        }
    }
}

void traceInto(TextWriter &w, const QList<RunResult> &runs)
{
    QHash<QString, int> repetitions;
    QSet<QString> corpora;
    for (const RunResult &r : runs) {
        ++repetitions[groupKey(r)];
        corpora.insert(r.corpus.toString());
    }

    w.append("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"generator\":\"WordRace ");
    w.append(WORDRACE_VERSION);
    w.append("\"},\n\"traceEvents\":[");
    EventWriter events(w);
    int pid = 0;
    for (const RunResult &r : runs) {
        ++pid;
        events.metadata(pid, 0, "process_name", "name",
                        processName(r, repetitions[groupKey(r)], corpora.size() > 1));
        events.sortIndex(pid, 0, "process_sort_index", pid);
        // Thread 0 carries the run as a whole, so the wall time is visible beside the tasks.
        events.metadata(pid, 0, "thread_name", "name", u"run"_s);
        events.sortIndex(pid, 0, "thread_sort_index", 0);
        int workerCount = int(r.workerNames.size());
        for (const TaskRecord &t : r.tasks)
            workerCount = std::max(workerCount, t.worker + 1);
        for (int i = 0; i < workerCount; ++i) {
            events.metadata(pid, i + 1, "thread_name", "name", r.workerNames.value(i, u"worker %1"_s.arg(i)));
            events.sortIndex(pid, i + 1, "thread_sort_index", i + 1);
        }

        events.begin("X", pid);
        w.append(",\"tid\":0,\"name\":\"run\",\"cat\":\"run\",\"ts\":0,\"dur\":");
        w.appendFixed(r.wallS * 1e6, kDecimals);
        w.append(",\"args\":{\"words\":");
        w.appendNumber(r.words);
        w.append(",\"wall_s\":");
        w.appendNumber(r.wallS);
        w.append(",\"cpu_s\":");
        w.appendNumber(r.totalCpu().total());
        w.append(",\"tasks\":");
        w.appendNumber(std::int64_t(r.tasks.size()));
        w.append("}}");

        for (const TaskRecord &t : r.tasks) {
            events.begin("X", pid);
            w.append(",\"tid\":");
            w.appendNumber(t.worker + 1);
            w.append(",\"name\":\"chunk ");
            w.appendNumber(t.task);
            w.append("\",\"cat\":\"task\",\"ts\":");
            w.appendFixed(t.startS * 1e6, kDecimals);
            w.append(",\"dur\":");
            w.appendFixed(t.durationS() * 1e6, kDecimals);
            w.append(",\"args\":{\"words\":");
            w.appendNumber(t.words);
            w.append(",\"bytes\":");
            w.appendNumber(t.bytes);
            w.append(",\"begin\":");
            w.appendNumber(t.begin);
            w.append("}}");
        }
        busyCounter(w, events, r, pid);
        resourceCounters(w, events, r, pid);
    }
    w.append("\n]}\n");
}

} // namespace

bool TraceExport::write(QIODevice *device, const QList<RunResult> &runs)
{
    TextWriter w(device);
    traceInto(w, runs);
    return w.flush();
}

QByteArray TraceExport::serialize(const QList<RunResult> &runs)
{
    TextWriter w;
    traceInto(w, runs);
    return w.take();
}

} // namespace wordrace
