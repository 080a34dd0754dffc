#include "analysis/modesummary.h"
#include "clirun.h"
#include "io/csvexport.h"
#include "io/markdownexport.h"
#include "io/resultjson.h"
#include "io/traceexport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

// An RFC 4180 reader, written independently of the exporter so that it can disagree with it.
QList<QStringList> parseCsv(const QByteArray &data, QString *error)
{
    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < data.size() && data[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"') {
            if (!field.isEmpty()) {
                *error = u"quote inside an unquoted field at byte %1"_s.arg(i);
                return {};
            }
            quoted = fieldWasQuoted = true;
        } else if (c == ',') {
            row << QString::fromUtf8(field);
            field.clear();
            fieldWasQuoted = false;
        } else if (c == '\n') {
            row << QString::fromUtf8(field);
            rows << row;
            row.clear();
            field.clear();
            fieldWasQuoted = false;
        } else {
            if (fieldWasQuoted) {
                *error = u"text after a closing quote at byte %1"_s.arg(i);
                return {};
            }
            field += c;
        }
    }
    if (quoted) {
        *error = u"unterminated quote"_s;
        return {};
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        *error = u"last line has no line end"_s;
        return {};
    }
    return rows;
}

RunResult makeRun(Mode mode, int repetition, double wallS, QList<TaskRecord> tasks = {})
{
    RunResult r;
    r.mode = mode;
    r.workers = mode == Mode::Sequential ? 1 : 2;
    r.corpus = CorpusSpec::niceHat(100);
    r.corpusBytes = 5100;
    r.corpusLines = 300;
    r.chunkLines = 38;
    r.words = 1100;
    r.wallS = wallS;
    r.parentCpu = {0.1, 0.05};
    r.workersCpu = {0.6, 0.2};
    r.workersInsideParent = mode != Mode::Processes;
    r.repetition = repetition;
    if (tasks.isEmpty())
        tasks = {TaskRecord{0, 0, 0.01, 0.2, 600, 2600, 0},
                 TaskRecord{1, r.workers - 1, 0.02, 0.3, 500, 2500, 2600}};
    r.tasks = tasks;
    r.taskCount = tasks.size();
    for (int w = 0; w < r.workers; ++w)
        r.workerNames << u"pid %1"_s.arg(10 + w);
    return r;
}

// Names and paths that need quoting in CSV and escaping in JSON.
RunResult awkwardRun()
{
    RunResult r = makeRun(Mode::Threads, 0, 0.5);
    r.corpus = CorpusSpec::file(u"/tmp/a, \"b\".txt"_s);
    r.workerNames = {u"worker, \"one\""_s, u"line\nbreak \\ back"_s};
    return r;
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (doc.isNull())
        qWarning("JSON error: %s at %d", qPrintable(pe.errorString()), int(pe.offset));
    return doc.object();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDataExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvRuns()
    {
        const QList<RunResult> runs{makeRun(Mode::Sequential, 0, 1.0), makeRun(Mode::Processes, 0, 0.5),
                                    awkwardRun()};
        QString error;
        const QList<QStringList> rows = parseCsv(CsvExport::runs(runs), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 1 + runs.size());
        QCOMPARE(rows[0], CsvExport::runColumns());
        QCOMPARE(rows[0], (QStringList{u"mode"_s, u"repetition"_s, u"workers"_s, u"words"_s, u"wall_s"_s,
                                       u"cpu_user_s"_s, u"cpu_sys_s"_s, u"cpu_total_s"_s, u"parent_cpu_s"_s,
                                       u"cpu_per_wall"_s, u"task_count"_s, u"chunk_lines"_s, u"corpus"_s,
                                       u"cancelled"_s}));
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), rows[0].size());
        const QStringList &processes = rows[2];
        QCOMPARE(processes[0], u"processes"_s);
        QCOMPARE(processes[4].toDouble(), 0.5);
        QCOMPARE(processes[5].toDouble(), 0.7); // parent plus workers
        QCOMPARE(processes[7].toDouble(), 0.95);
        QCOMPARE(processes[8].toDouble(), 0.15);
        QCOMPARE(processes[9].toDouble(), 1.9);
        QCOMPARE(processes[13], u"false"_s);
        QCOMPARE(rows[3][12], awkwardRun().corpus.toString());
        QVERIFY(rows[3][12].contains(u", \"b\""_s));
    }

    void csvTasks()
    {
        const QList<RunResult> runs{makeRun(Mode::Sequential, 0, 1.0), makeRun(Mode::Threads, 3, 0.5),
                                    awkwardRun()};
        QString error;
        const QList<QStringList> rows = parseCsv(CsvExport::tasks(runs), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows[0], (QStringList{u"mode"_s, u"repetition"_s, u"task"_s, u"worker"_s, u"worker_name"_s,
                                       u"start_s"_s, u"end_s"_s, u"duration_s"_s, u"words"_s, u"bytes"_s,
                                       u"begin"_s}));
        QCOMPARE(rows.size(), 1 + 6);
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), 11);
        const QStringList &second = rows[4]; // threads, repetition 3, task 1
        QCOMPARE(second[0], u"threads"_s);
        QCOMPARE(second[1], u"3"_s);
        QCOMPARE(second[2], u"1"_s);
        QCOMPARE(second[3], u"1"_s);
        QCOMPARE(second[4], u"pid 11"_s);
        QCOMPARE(second[5].toDouble(), 0.02);
        QCOMPARE(second[6].toDouble(), 0.3);
        QVERIFY(std::abs(second[7].toDouble() - 0.28) < 1e-12);
        QCOMPARE(second[8], u"500"_s);
        QCOMPARE(second[9], u"2500"_s);
        QCOMPARE(second[10], u"2600"_s);
        // Quoting survives commas, quotes and line breaks.
        QCOMPARE(rows[5][4], u"worker, \"one\""_s);
        QCOMPARE(rows[6][4], u"line\nbreak \\ back"_s);
    }

    void csvToDevice()
    {
        // Enough rows to cross the writer's one-megabyte flush more than once.
        QList<TaskRecord> tasks;
        for (int i = 0; i < 50000; ++i)
            tasks.append(TaskRecord{i, i % 2, i * 1e-6, i * 1e-6 + 5e-7, 11, 58, std::uint64_t(i) * 58});
        const QList<RunResult> runs{makeRun(Mode::Threads, 0, 0.1, tasks)};
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(CsvExport::writeTasks(&buffer, runs));
        QVERIFY(buffer.data().size() > 2 << 20);
        QCOMPARE(buffer.data(), CsvExport::tasks(runs));
        QString error;
        const QList<QStringList> rows = parseCsv(buffer.data(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(rows.size(), 1 + tasks.size());
        QCOMPARE(rows.last()[2], u"49999"_s);
    }

    void writeFailureIsReported()
    {
        QBuffer readOnly;
        QVERIFY(readOnly.open(QIODevice::ReadOnly));
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): ReadOnly device");
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): ReadOnly device");
        QVERIFY(!CsvExport::writeRuns(&readOnly, {makeRun(Mode::Threads, 0, 0.1)}));
        QVERIFY(!TraceExport::write(&readOnly, {makeRun(Mode::Threads, 0, 0.1)}));
    }

    void trace_data()
    {
        QTest::addColumn<QList<RunResult>>("runs");
        QTest::newRow("one run of each mode")
            << QList<RunResult>{makeRun(Mode::Sequential, 0, 0.4), makeRun(Mode::Threads, 0, 0.35),
                                makeRun(Mode::Processes, 0, 0.5)};
        QTest::newRow("repetitions") << QList<RunResult>{
            makeRun(Mode::Threads, 0, 0.35), makeRun(Mode::Threads, 1, 0.3), makeRun(Mode::Threads, 2, 0.32)};
        QTest::newRow("awkward names") << QList<RunResult>{awkwardRun()};
        RunResult cancelled = makeRun(Mode::Processes, 0, 0.2);
        cancelled.cancelled = true;
        cancelled.tasks.removeLast();
        QTest::newRow("cancelled") << QList<RunResult>{cancelled};
        QTest::newRow("empty") << QList<RunResult>{};
    }
    void trace()
    {
        QFETCH(QList<RunResult>, runs);
        const QJsonObject doc = parseObject(TraceExport::serialize(runs));
        QVERIFY(doc.contains(u"traceEvents"_s));
        QCOMPARE(doc[u"displayTimeUnit"_s].toString(), u"ms"_s);
        const QJsonArray events = doc[u"traceEvents"_s].toArray();
        QSet<int> namedProcesses;
        QSet<QPair<int, int>> namedThreads;
        QSet<QPair<int, int>> usedThreads;
        QStringList threadNames;
        int tasks = 0;
        int runEvents = 0;
        int counters = 0;
        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            const QString ph = e[u"ph"_s].toString();
            QVERIFY(e.contains(u"pid"_s));
            if (ph == u"M") {
                const QString name = e[u"name"_s].toString();
                if (name == u"process_name")
                    namedProcesses.insert(e[u"pid"_s].toInt());
                if (name == u"thread_name") {
                    namedThreads.insert({e[u"pid"_s].toInt(), e[u"tid"_s].toInt()});
                    threadNames << e[u"args"_s][u"name"_s].toString();
                }
            } else if (ph == u"X") {
                for (const char *key : {"ph", "ts", "dur", "pid", "tid", "name"})
                    QVERIFY2(e.contains(QLatin1String(key)), key);
                QVERIFY(e[u"ts"_s].isDouble() && e[u"dur"_s].isDouble());
                QVERIFY(e[u"dur"_s].toDouble() >= 0);
                usedThreads.insert({e[u"pid"_s].toInt(), e[u"tid"_s].toInt()});
                if (e[u"cat"_s].toString() == u"task") {
                    ++tasks;
                    QVERIFY(e[u"name"_s].toString().startsWith(u"chunk "_s));
                    QVERIFY(e[u"args"_s].toObject().contains(u"words"_s));
                    QVERIFY(e[u"args"_s].toObject().contains(u"bytes"_s));
                } else {
                    ++runEvents;
                }
            } else if (ph == u"C") {
                ++counters;
                QVERIFY(e.contains(u"ts"_s));
                QVERIFY(e[u"args"_s].toObject().contains(u"workers"_s));
            } else {
                QFAIL(qPrintable(u"unexpected phase "_s + ph));
            }
        }
        qsizetype expectedTasks = 0;
        for (const RunResult &r : runs)
            expectedTasks += r.tasks.size();
        QCOMPARE(tasks, expectedTasks);
        QCOMPARE(runEvents, runs.size());
        QCOMPARE(namedProcesses.size(), runs.size()); // a process per run
        for (const auto &t : std::as_const(usedThreads))
            QVERIFY2(namedThreads.contains(t), "every thread with events is named");
        if (!runs.isEmpty())
            QVERIFY(counters > 0);
        for (const RunResult &r : runs)
            for (const QString &name : r.workerNames)
                QVERIFY2(threadNames.contains(name), qPrintable(name));
    }

    void traceTimesAndCounter()
    {
        // Worker 0 counts from 0 to 1 s, worker 1 from 0.5 s to 2 s.
        const RunResult r =
            makeRun(Mode::Threads, 0, 2.0,
                    {TaskRecord{0, 0, 0.0, 1.0, 1, 2, 0}, TaskRecord{1, 1, 0.5, 2.0, 3, 4, 2}});
        const QJsonArray events = parseObject(TraceExport::serialize({r}))[u"traceEvents"_s].toArray();
        QList<QPair<double, int>> busy;
        QList<QJsonObject> tasks;
        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            if (e[u"ph"_s].toString() == u"C")
                busy.append({e[u"ts"_s].toDouble(), e[u"args"_s][u"workers"_s].toInt()});
            if (e[u"ph"_s].toString() == u"X" && e[u"cat"_s].toString() == u"task")
                tasks.append(e);
        }
        QCOMPARE(busy, (QList<QPair<double, int>>{{0, 1}, {500000, 2}, {1000000, 1}, {2000000, 0}}));
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(tasks[1][u"name"_s].toString(), u"chunk 1"_s);
        QCOMPARE(tasks[1][u"ts"_s].toDouble(), 500000.0);
        QCOMPARE(tasks[1][u"dur"_s].toDouble(), 1500000.0);
        QCOMPARE(tasks[1][u"args"_s][u"words"_s].toInt(), 3);
        QCOMPARE(tasks[1][u"args"_s][u"bytes"_s].toInt(), 4);
        QCOMPARE(tasks[0][u"tid"_s].toInt() != tasks[1][u"tid"_s].toInt(), true);
    }

    void traceProcessNames()
    {
        const QList<RunResult> runs{makeRun(Mode::Sequential, 0, 1.0), makeRun(Mode::Threads, 0, 0.5),
                                    makeRun(Mode::Threads, 1, 0.5)};
        QStringList names;
        for (const QJsonValue &v : parseObject(TraceExport::serialize(runs))[u"traceEvents"_s].toArray())
            if (v[u"name"_s].toString() == u"process_name")
                names << v[u"args"_s][u"name"_s].toString();
        QCOMPARE(names, (QStringList{u"sequential"_s, u"threads, 2 workers, run 1 of 2"_s,
                                     u"threads, 2 workers, run 2 of 2"_s}));
    }

    void markdown()
    {
        // Sequential 1.0 ± 0.1 s, threads 0.5 ± 0.05 s: threads is 2.00 ± 0.28 times as fast.
        QList<RunResult> runs;
        const QList<double> seq{1.0, 1.1, 0.9};
        const QList<double> thr{0.5, 0.55, 0.45};
        for (int i = 0; i < 3; ++i)
            runs << makeRun(Mode::Sequential, i, seq[i]) << makeRun(Mode::Threads, i, thr[i]);
        const QString md = MarkdownExport::report(runs);
        const QStringList lines = md.split(u'\n');
        const qsizetype head = lines.indexOf(u"| Mode | Mean ± σ [ms] | Min [ms] | Max [ms] | Relative |"_s);
        QVERIFY2(head >= 0, qPrintable(md));
        QCOMPARE(lines[head + 1], u"|:---|---:|---:|---:|---:|"_s);
        QCOMPARE(lines[head + 2], u"| sequential | 1000.00 ± 100.00 | 900.00 | 1100.00 | 2.00 ± 0.28 |"_s);
        QCOMPARE(lines[head + 3], u"| threads, 2 workers | 500.00 ± 50.00 | 450.00 | 550.00 | 1.00 |"_s);
        QVERIFY2(md.contains(u"| threads, 2 workers | "_s) && md.contains(u" | 2.00 ± 0.28 |\n"_s),
                 qPrintable(md));
        // Every row has as many cells as its table's header: 5 in the wall table, 4 in the CPU table.
        for (qsizetype i = head; i < head + 4; ++i)
            QCOMPARE(lines[i].count(u'|'), 6);
        const qsizetype cpuHead =
            lines.indexOf(u"| Mode | CPU mean ± σ [ms] | CPU / wall | Speed-up vs sequential |"_s);
        QVERIFY2(cpuHead > head, qPrintable(md));
        for (qsizetype i = cpuHead; i < cpuHead + 4; ++i)
            QCOMPARE(lines[i].count(u'|'), 5);
        QCOMPARE(lines[cpuHead + 3], u"| threads, 2 workers | 150.00 ± 0.00 | 0.30 | 2.00 ± 0.28 |"_s);
        QVERIFY(!md.contains(u"Warnings"_s));
    }

    void markdownEscapesAndWarns()
    {
        QList<RunResult> runs;
        const QList<double> walls{3.0, 1.0, 1.01, 0.99, 1.0}; // a cold first run
        for (int i = 0; i < walls.size(); ++i) {
            RunResult r = makeRun(Mode::Threads, i, walls[i]);
            r.corpus = CorpusSpec::file(u"/tmp/a|b.txt"_s);
            runs << r;
        }
        const QString md = MarkdownExport::report(runs);
        QVERIFY2(md.contains(u"a\\|b.txt"_s), qPrintable(md));
        QVERIFY2(md.contains(u"Warnings:"_s) && md.contains(u"--warmup"_s), qPrintable(md));
        QCOMPARE(MarkdownExport::report({}), u"No complete run to report.\n"_s);
    }

    void summariesInRunJson()
    {
        QList<RunResult> runs;
        const QList<double> seq{1.0, 1.1, 0.9};
        const QList<double> thr{0.5, 0.55, 0.45};
        for (int i = 0; i < 3; ++i)
            runs << makeRun(Mode::Sequential, i, seq[i]) << makeRun(Mode::Threads, i, thr[i]);
        // Processes: a cold first run, then steady but for one outlier.
        const QList<double> proc{3.0, 1.0, 1.01, 0.99, 1.0, 1.005, 2.0};
        for (int i = 0; i < proc.size(); ++i)
            runs << makeRun(Mode::Processes, i, proc[i]);
        const QByteArray json = ResultJson::serialize(runs);
        const QJsonObject doc = parseObject(json);
        for (const char *key : {"wordrace", "machine", "runs", "summaries"})
            QVERIFY2(doc.contains(QLatin1String(key)), key);
        QCOMPARE(doc[u"runs"_s].toArray().size(), runs.size());
        const QJsonArray summaries = doc[u"summaries"_s].toArray();
        QCOMPARE(summaries.size(), 3);

        const QJsonObject s = summaries[0].toObject();
        QCOMPARE(s[u"mode"_s].toString(), u"sequential"_s);
        QCOMPARE(s[u"runs"_s].toInt(), 3);
        QCOMPARE(s[u"workers"_s].toInt(), 1);
        for (const char *key : {"mean", "stddev", "median", "min", "max"}) {
            QVERIFY2(s[u"wall_s"_s].toObject().contains(QLatin1String(key)), key);
            QVERIFY2(s[u"cpu_s"_s].toObject().contains(QLatin1String(key)), key);
        }
        QVERIFY(std::abs(s[u"wall_s"_s][u"mean"_s].toDouble() - 1.0) < 1e-12);
        QVERIFY(std::abs(s[u"wall_s"_s][u"stddev"_s].toDouble() - 0.1) < 1e-12);
        QCOMPARE(s[u"cpu_s"_s][u"mean"_s].toDouble(), 0.15);

        const QJsonObject t = summaries[1].toObject();
        QCOMPARE(t[u"mode"_s].toString(), u"threads"_s);
        QVERIFY(std::abs(t[u"speedup_vs_sequential"_s][u"value"_s].toDouble() - 2.0) < 1e-12);
        QVERIFY(std::abs(t[u"speedup_vs_sequential"_s][u"uncertainty"_s].toDouble() - 2.0 * std::sqrt(0.02)) <
                1e-12);
        QVERIFY(t[u"outliers"_s].toArray().isEmpty());
        QVERIFY(t[u"warnings"_s].toArray().isEmpty());

        const QJsonObject p = summaries[2].toObject();
        QCOMPARE(p[u"runs"_s].toInt(), 7);
        QCOMPARE(p[u"outliers"_s].toArray(), (QJsonArray{0, 6}));
        const QJsonArray warnings = p[u"warnings"_s].toArray();
        QCOMPARE(warnings.size(), 2);
        QVERIFY(warnings[0].toString().contains(u"first run"_s));
        QVERIFY(warnings[1].toString().contains(u"run 7 of 7"_s));

        // The runs still read back as before.
        QString error;
        const auto back = ResultJson::parse(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->size(), runs.size());
        QCOMPARE(back->at(4).repetition, 2);
    }

    void summariesWithoutSequentialOrSpread()
    {
        RunResult cancelled = makeRun(Mode::Threads, 1, 0.1);
        cancelled.cancelled = true;
        const QJsonObject doc =
            parseObject(ResultJson::serialize({makeRun(Mode::Threads, 0, 0.5), cancelled}));
        const QJsonArray summaries = doc[u"summaries"_s].toArray();
        QCOMPARE(summaries.size(), 1);
        const QJsonObject s = summaries[0].toObject();
        QCOMPARE(s[u"runs"_s].toInt(), 1); // the cancelled run is left out
        QVERIFY(!s.contains(u"speedup_vs_sequential"_s));
        QVERIFY(s[u"wall_s"_s][u"stddev"_s].isNull()); // one run: no spread known, not 0
        QCOMPARE(s[u"wall_s"_s][u"mean"_s].toDouble(), 0.5);
        QVERIFY(s[u"warnings"_s].toArray().first().toString().contains(u"cancelled"_s));
        QVERIFY(parseObject(ResultJson::serialize({}))[u"summaries"_s].toArray().isEmpty());
    }

    void summariesKeepKnobsApart()
    {
        RunResult gil = makeRun(Mode::Threads, 0, 2.0);
        gil.knobs.gil = true;
        const QList<ModeSummary> summaries =
            ModeSummary::summarize({makeRun(Mode::Sequential, 0, 1.0), makeRun(Mode::Threads, 0, 0.5), gil});
        QCOMPARE(summaries.size(), 3);
        QCOMPARE(summaries[1].label, u"threads, 2 workers"_s);
        QCOMPARE(summaries[2].label, u"threads, 2 workers, emulated GIL"_s);
        QCOMPARE(summaries[1].speedup->value, 2.0);
        // No sequential with a GIL ran: the plain one is the baseline.
        QCOMPARE(summaries[2].speedup->value, 0.5);
    }

    void summaryText()
    {
        QList<RunResult> runs;
        // Values exact in binary, so that the formatted text is exact too.
        for (int i = 0; i < 3; ++i)
            runs << makeRun(Mode::Sequential, i, 0.75 + 0.25 * i)
                 << makeRun(Mode::Threads, i, 0.375 + 0.125 * i);
        const QString text = ModeSummary::text(ModeSummary::summarize(runs));
        QVERIFY2(
            text.contains(
                u"sequential          wall  1.000 s ± 250.00 ms  (median 1.000 s, 750.00 ms..1.250 s)"_s),
            qPrintable(text));
        // 2 sqrt(0.25^2 + 0.25^2)
        QVERIFY2(text.contains(u"2.00 ± 0.71 times as fast as sequential"_s), qPrintable(text));
        QVERIFY(!text.contains(u"warning"_s));
    }

    // The CLI's export options, end to end.
    void cliWritesEveryExport()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(u"runs.csv"_s), tasks = dir.filePath(u"tasks.csv"_s),
                      md = dir.filePath(u"report.md"_s), trace = dir.filePath(u"trace.json"_s),
                      json = dir.filePath(u"out.json"_s);
        const CliRun r = runCli({u"run"_s, u"--corpus"_s, u"nicehat"_s, u"--workers"_s, u"2"_s, u"--runs"_s,
                                 u"3"_s, u"--warmup"_s, u"1"_s, u"--csv"_s, csv, u"--csv-tasks"_s, tasks,
                                 u"--markdown"_s, md, u"--trace"_s, trace, u"--json"_s, json});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The table, then the statistics of the repeated runs.
        QVERIFY2(r.out.contains("mean ± σ of 3 run(s)"), r.out.constData());
        QVERIFY(r.out.indexOf("CPU/wall") < r.out.indexOf("mean ± σ"));
        QVERIFY(r.out.contains("times as fast as sequential"));

        const QJsonObject doc = parseObject(readFile(json));
        const QJsonArray jsonRuns = doc[u"runs"_s].toArray();
        QCOMPARE(jsonRuns.size(), 9);
        QCOMPARE(doc[u"summaries"_s].toArray().size(), 3);
        for (const QJsonValue &v : doc[u"summaries"_s].toArray())
            QCOMPARE(v[u"runs"_s].toInt(), 3);

        QString error;
        const QList<QStringList> runRows = parseCsv(readFile(csv), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(runRows.size(), 1 + 9);
        QCOMPARE(runRows[0], CsvExport::runColumns());
        QSet<QString> repetitions;
        for (const QStringList &row : runRows.mid(1)) {
            QCOMPARE(row.size(), runRows[0].size());
            QCOMPARE(row[3], u"1100"_s);
            repetitions.insert(row[1]);
        }
        QCOMPARE(repetitions, (QSet<QString>{u"0"_s, u"1"_s, u"2"_s}));

        const QList<QStringList> taskRows = parseCsv(readFile(tasks), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qsizetype taskCount = 0;
        for (const QJsonValue &v : jsonRuns)
            taskCount += v[u"tasks"_s].toArray().size();
        QCOMPARE(taskRows.size(), 1 + taskCount);
        qint64 words = 0;
        for (const QStringList &row : taskRows.mid(1))
            words += row[8].toLongLong();
        QCOMPARE(words, 9 * 1100);

        const QString report = QString::fromUtf8(readFile(md));
        QVERIFY2(report.contains(u"| Mode | Mean ± σ"_s), qPrintable(report));
        for (const QString &mode : {u"sequential"_s, u"threads, 2 workers"_s, u"processes, 2 workers"_s})
            QVERIFY2(report.contains(u"| "_s + mode + u" | "_s), qPrintable(mode));

        const QJsonObject traceDoc = parseObject(readFile(trace));
        int x = 0;
        for (const QJsonValue &v : traceDoc[u"traceEvents"_s].toArray())
            x += v[u"ph"_s].toString() == u"X" ? 1 : 0;
        QCOMPARE(x, taskCount + 9);
    }

    void cliSingleRunPrintsNoSummary()
    {
        const CliRun r = runCli({u"run"_s, u"--corpus"_s, u"nicehat"_s, u"--mode"_s, u"threads"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(tableLines(r.out).size(), 2);
        QVERIFY(!r.out.contains("mean ± σ"));
    }

    void cliSummaryGoesWithTheTable()
    {
        // With --json - the table and the statistics go to stderr, and stdout stays pure JSON.
        const CliRun r = runCli({u"run"_s, u"--corpus"_s, u"nicehat"_s, u"--mode"_s, u"sequential,threads"_s,
                                 u"--runs"_s, u"2"_s, u"--json"_s, u"-"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("mean ± σ of 2 run(s)"));
        const QJsonObject doc = parseObject(r.out);
        QCOMPARE(doc[u"summaries"_s].toArray().size(), 2);
        QVERIFY(doc[u"summaries"_s][1][u"speedup_vs_sequential"_s][u"value"_s].toDouble() > 0);
    }

    void cliBadTargets_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        for (const QString &opt : {u"--csv"_s, u"--csv-tasks"_s, u"--markdown"_s, u"--trace"_s}) {
            QTest::addRow("%s into a missing folder", qPrintable(opt))
                << opt << u"/nonexistent/dir/out"_s << u"does not exist"_s;
            QTest::addRow("%s is a directory", qPrintable(opt)) << opt << u"/tmp"_s << u"is a directory"_s;
            QTest::addRow("%s to standard output", qPrintable(opt)) << opt << u"-"_s << u"only --json"_s;
        }
    }
    void cliBadTargets()
    {
        QFETCH(QString, option);
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const CliRun r = runCli({u"run"_s, u"--corpus"_s, u"nicehat"_s, option, path});
        QCOMPARE(r.exitCode, 2);
        const QString err = QString::fromLocal8Bit(r.err).trimmed();
        QVERIFY2(err.contains(reason) && err.contains(path) && err.contains(option), qPrintable(err));
        QVERIFY2(!err.contains(u'\n'), qPrintable(err)); // one line, and before the run
        QVERIFY(r.out.isEmpty());
    }

    void cliSameFileTwice()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"x"_s);
        const CliRun r =
            runCli({u"run"_s, u"--corpus"_s, u"nicehat"_s, u"--csv"_s, path, u"--trace"_s, path});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
    }

    void cliWriteFailure()
    {
        // /proc takes no new files, even from root: the run goes ahead, the write fails.
        const QString path = u"/proc/wordrace-export-test.csv"_s;
        const CliRun r =
            runCli({u"run"_s, u"--corpus"_s, u"nicehat"_s, u"--mode"_s, u"threads"_s, u"--csv"_s, path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("threads")); // the table was printed
        const QList<QByteArray> errLines = r.err.trimmed().split('\n');
        QVERIFY2(errLines.last().contains("cannot write") && errLines.last().contains(path.toUtf8()),
                 r.err.constData());
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestDataExport)
#include "tst_dataexport.moc"
