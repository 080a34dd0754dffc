#include "io/csvexport.h"

#include "io/textwriter.h"

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

void header(TextWriter &w, const QStringList &columns)
{
    w.append(columns.join(u',').toUtf8());
    w.append('\n');
}

void runsInto(TextWriter &w, const QList<RunResult> &runs)
{
    header(w, CsvExport::runColumns());
    for (const RunResult &r : runs) {
        const CpuTimes cpu = r.totalCpu();
        w.append(modeName(r.mode).toLatin1());
        w.append(',');
        w.appendNumber(r.repetition);
        w.append(',');
        w.appendNumber(r.workers);
        w.append(',');
        w.appendNumber(r.words);
        w.append(',');
        w.appendNumber(r.wallS);
        w.append(',');
        w.appendNumber(cpu.user);
        w.append(',');
        w.appendNumber(cpu.sys);
        w.append(',');
        w.appendNumber(cpu.total());
        w.append(',');
        w.appendNumber(r.parentCpu.total());
        w.append(',');
        w.appendNumber(r.cpuPerWall());
        w.append(',');
        w.appendNumber(std::int64_t(r.taskCount));
        w.append(',');
        w.appendNumber(r.chunkLines);
        w.append(',');
        w.appendCsvField(r.corpus.toString());
        w.append(',');
        w.append(r.cancelled ? "true" : "false");
        w.append('\n');
    }
}

void tasksInto(TextWriter &w, const QList<RunResult> &runs)
{
    header(w, CsvExport::taskColumns());
    for (const RunResult &r : runs) {
        // The per-run prefix and each worker's name are the same on thousands of rows: build once.
        TextWriter prefix;
        prefix.append(modeName(r.mode).toLatin1());
        prefix.append(',');
        prefix.appendNumber(r.repetition);
        prefix.append(',');
        const QByteArray runPrefix = prefix.take();
        QList<QByteArray> names;
        for (const QString &name : r.workerNames) {
            TextWriter field;
            field.appendCsvField(name);
            names.append(field.take());
        }
        for (const TaskRecord &t : r.tasks) {
            w.append(runPrefix);
            w.appendNumber(t.task);
            w.append(',');
            w.appendNumber(t.worker);
            w.append(',');
            if (t.worker >= 0 && t.worker < names.size())
                w.append(names[t.worker]);
            w.append(',');
            w.appendNumber(t.startS);
            w.append(',');
            w.appendNumber(t.endS);
            w.append(',');
            w.appendNumber(t.durationS());
            w.append(',');
            w.appendNumber(t.words);
            w.append(',');
            w.appendNumber(t.bytes);
            w.append(',');
            w.appendNumber(t.begin);
            w.append('\n');
        }
    }
}

} // namespace

QStringList CsvExport::runColumns()
{
    return {u"mode"_s,       u"repetition"_s,  u"workers"_s,     u"words"_s,        u"wall_s"_s,
            u"cpu_user_s"_s, u"cpu_sys_s"_s,   u"cpu_total_s"_s, u"parent_cpu_s"_s, u"cpu_per_wall"_s,
            u"task_count"_s, u"chunk_lines"_s, u"corpus"_s,      u"cancelled"_s};
}

QStringList CsvExport::taskColumns()
{
    return {u"mode"_s,  u"repetition"_s, u"task"_s,  u"worker"_s, u"worker_name"_s, u"start_s"_s,
            u"end_s"_s, u"duration_s"_s, u"words"_s, u"bytes"_s,  u"begin"_s};
}

bool CsvExport::writeRuns(QIODevice *device, const QList<RunResult> &runs)
{
    TextWriter w(device);
    runsInto(w, runs);
    return w.flush();
}

bool CsvExport::writeTasks(QIODevice *device, const QList<RunResult> &runs)
{
    TextWriter w(device);
    tasksInto(w, runs);
    return w.flush();
}

QByteArray CsvExport::runs(const QList<RunResult> &runs)
{
    TextWriter w;
    runsInto(w, runs);
    return w.take();
}

QByteArray CsvExport::tasks(const QList<RunResult> &runs)
{
    TextWriter w;
    tasksInto(w, runs);
    return w.take();
}

} // namespace wordrace
