#include "io/resultjson.h"
#include "io/resulttable.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <functional>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {
RunResult sample(Mode mode)
{
    RunResult r;
    r.mode = mode;
    r.workers = 2;
    r.corpus = CorpusSpec::niceHat(100);
    r.corpusBytes = 5100;
    r.corpusLines = 300;
    r.chunkLines = 38;
    r.taskCount = 2;
    r.words = 1100;
    r.wallS = 0.5;
    r.parentCpu = {0.1, 0.05};
    r.workersCpu = {0.6, 0.2};
    r.workersInsideParent = mode != Mode::Processes;
    r.tasks = {TaskRecord{0, 0, 0.01, 0.2, 600, 2600, 0}, TaskRecord{1, 1, 0.02, 0.3, 500, 2500, 2600}};
    r.workerNames = {u"pid 10"_s, u"pid 11"_s};
    r.knobs.ioLatencyMs = 100;
    r.knobs.gil = true;
    r.knobs.transport = Transport::Pipe;
    r.knobs.start = Start::Fork;
    r.knobs.latencyPatternMs = {5000, 2000};
    r.overhead.startupS = 0.01;
    r.overhead.gilWaitS = 0.25;
    r.overhead.idleS = 0.125;
    r.tasks[1].ioS = 0.1;
    r.tasks[1].transferS = 0.02;
    r.tasks[1].computeS = 0.15;
    return r;
}

// The sample's JSON with the value at a dotted path ("tasks.0.worker") replaced by a JSON text,
// or removed when the text is empty.
QJsonObject damaged(const QString &path, const QByteArray &value)
{
    std::function<QJsonValue(QJsonValue, QStringList)> set = [&](QJsonValue at,
                                                                 QStringList keys) -> QJsonValue {
        const QString key = keys.takeFirst();
        bool index = false;
        const int i = key.toInt(&index);
        const QJsonValue replacement =
            keys.isEmpty() ? (value.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                              : QJsonDocument::fromJson("[" + value + "]").array().at(0))
                           : QJsonValue();
        if (index) {
            QJsonArray a = at.toArray();
            a[i] = keys.isEmpty() ? replacement : set(a.at(i), keys);
            return a;
        }
        QJsonObject o = at.toObject();
        if (keys.isEmpty() && value.isEmpty())
            o.remove(key);
        else
            o[key] = keys.isEmpty() ? replacement : set(o.value(key), keys);
        return o;
    };
    return set(ResultJson::toJson(sample(Mode::Threads)), path.split(u'.')).toObject();
}
} // namespace

class TestResultJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contractKeys()
    {
        const QJsonObject o = ResultJson::toJson(sample(Mode::Processes));
        for (const char *key : {"mode", "workers", "words", "wall_s", "cpu_user_s", "cpu_sys_s",
                                "parent_cpu_s", "tasks", "worker_names"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        // Processes: the workers run outside the parent, so the total adds them.
        QCOMPARE(o[u"cpu_user_s"_s].toDouble(), 0.7);
        QCOMPARE(o[u"cpu_sys_s"_s].toDouble(), 0.25);
        QCOMPARE(o[u"parent_cpu_s"_s].toDouble(), 0.15);
        const QJsonObject t = o[u"tasks"_s].toArray().first().toObject();
        for (const char *key : {"worker", "start_s", "end_s", "words", "bytes"})
            QVERIFY2(t.contains(QLatin1String(key)), key);
    }

    void threadsCpuIsNotCountedTwice()
    {
        const QJsonObject o = ResultJson::toJson(sample(Mode::Threads));
        QCOMPARE(o[u"cpu_user_s"_s].toDouble(), 0.1); // the parent already contains its threads
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("mode");
        for (Mode m : allModes())
            QTest::addRow("%s", qPrintable(modeName(m))) << int(m);
    }
    void roundTrip()
    {
        QFETCH(int, mode);
        const RunResult r = sample(Mode(mode));
        QString error;
        const auto back = ResultJson::parse(ResultJson::serialize({r}), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->size(), 1);
        const RunResult &b = back->first();
        QCOMPARE(b.mode, r.mode);
        QCOMPARE(b.words, r.words);
        QCOMPARE(b.wallS, r.wallS);
        QCOMPARE(b.totalCpu().user, r.totalCpu().user);
        QCOMPARE(b.parentCpu.total(), r.parentCpu.total());
        QCOMPARE(b.tasks.size(), r.tasks.size());
        QCOMPARE(b.tasks.last().endS, 0.3);
        QCOMPARE(b.workerNames, r.workerNames);
        QCOMPARE(b.corpus, r.corpus);
        QCOMPARE(b.knobs, r.knobs);
        QCOMPARE(b.overhead.gilWaitS, 0.25);
        QCOMPARE(b.overhead.idleS, 0.125);
        QCOMPARE(b.tasks.last().ioS, 0.1);
        QCOMPARE(b.tasks.last().transferS, 0.02);
        QCOMPARE(b.tasks.last().computeS, 0.15);
        // The table reads the same from the original and the round-tripped result.
        QCOMPARE(ResultTable::text({b}), ResultTable::text({r}));
    }

    void rejectsBadDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not json") << "{nope"_ba;
        QTest::newRow("no runs") << "{\"x\": 1}"_ba;
        QTest::newRow("unknown mode")
            << R"({"runs":[{"mode":"gpu","workers":1,"words":1,"wall_s":1,"cpu_user_s":1,"cpu_sys_s":0,"tasks":[]}]})"_ba;
        QTest::newRow("missing key") << R"({"runs":[{"mode":"threads"}]})"_ba;
        QTest::newRow("task ends before it starts")
            << R"({"runs":[{"mode":"threads","workers":1,"words":1,"wall_s":1,"cpu_user_s":1,"cpu_sys_s":0,"tasks":[{"worker":0,"start_s":2,"end_s":1}]}]})"_ba;
    }
    void rejectsBadDocuments()
    {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!ResultJson::parse(json, &error));
        QVERIFY(!error.isEmpty());
    }

    // Damaged runs are refused with one line naming the field, whatever the damage: wrong types,
    // missing keys, negative, non-finite or absurd values, times outside the run, counts that do
    // not add up. None asks for unbounded memory or work (a worker of 99,999,999 once hung chart).
    void refusesDamagedRuns_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("named");
        const auto row = [](const char *name, const char *path, const QByteArray &value, const char *named) {
            QTest::newRow(name) << QString::fromLatin1(path) << value << QString::fromLatin1(named);
        };
        row("tasks null", "tasks", "null", "tasks must be an array, not null");
        row("tasks a string", "tasks", "\"x\"", "tasks must be an array");
        row("tasks missing", "tasks", "", "tasks is missing");
        row("a null task", "tasks.0", "null", "tasks[0] must be an object");
        row("a number task", "tasks.1", "7", "tasks[1] must be an object");
        row("worker a string", "tasks.0.worker", "\"a\"", "tasks[0].worker must be a number");
        row("worker missing", "tasks.0.worker", "", "tasks[0].worker is missing");
        row("absurd worker", "tasks.0.worker", "99999999", "tasks[0].worker is 99999999");
        row("negative worker", "tasks.0.worker", "-1", "tasks[0].worker is -1");
        row("fractional worker", "tasks.0.worker", "0.5", "tasks[0].worker must be a whole number");
        row("worker beyond the run's", "tasks.1.worker", "2", "tasks[1].worker is 2");
        row("start long before the run", "tasks.0.start_s", "-5", "tasks[0].start_s is -5");
        row("end beyond the run", "tasks.0.end_s", "1e300", "tasks[0].end_s is 1e+300");
        row("end before start", "tasks.1.end_s", "0.001", "tasks[1].end_s is 0.001");
        row("start a string", "tasks.0.start_s", "\"0\"", "tasks[0].start_s must be a number");
        row("negative words", "tasks.0.words", "-1", "tasks[0].words is -1");
        row("negative bytes", "tasks.0.bytes", "-1", "tasks[0].bytes is -1");
        row("words beyond 2^53", "tasks.0.words", "1e300", "tasks[0].words is 1e+300");
        row("task words that do not add up", "tasks.0.words", "601",
            "the tasks count 1101 words, the run 1100");
        row("phases a string", "tasks.1.phases", "\"x\"", "tasks[1].phases must be an object");
        row("negative phase", "tasks.1.phases.io_s", "-3", "tasks[1].phases.io_s is -3");
        row("wall a string", "wall_s", "\"x\"", "wall_s must be a number, not a string");
        row("wall null", "wall_s", "null", "wall_s must be a number, not null");
        row("negative wall", "wall_s", "-1", "wall_s is -1");
        row("absurd wall", "wall_s", "1e300", "wall_s is 1e+300");
        row("workers a string", "workers", "\"two\"", "workers must be a number, not a string");
        row("no workers", "workers", "0", "workers is 0");
        row("absurd workers", "workers", "1e9", "workers is 1000000000");
        row("mode a number", "mode", "3", "mode must be a string");
        row("unknown mode", "mode", "\"gpu\"", "unknown mode \"gpu\"");
        row("negative words in all", "words", "-5", "words is -5");
        row("cpu a boolean", "cpu_user_s", "true", "cpu_user_s must be a number, not a boolean");
        row("negative cpu", "cpu_sys_s", "-2", "cpu_sys_s is -2");
        row("parent cpu an array", "parent_cpu_user_s", "[1]", "parent_cpu_user_s must be a number");
        row("cancelled a number", "cancelled", "1", "cancelled must be true or false");
        row("knobs a string", "knobs", "\"x\"", "knobs must be an object");
        row("gil a string", "knobs.gil", "\"yes\"", "knobs.gil must be true or false");
        row("latency pattern of strings", "knobs.latency_pattern_ms", "[\"a\"]",
            "knobs.latency_pattern_ms[0]");
        row("worker names of numbers", "worker_names", "[1,2]", "worker_names[0] must be a string");
        row("samples an object", "samples", "{}", "samples must be an array");
        row("a sample of nonsense", "samples", "[{\"time_s\":\"x\"}]", "samples[0].time_s must be a number");
        row("core busy of strings", "samples", "[{\"time_s\":0,\"core_busy\":[\"x\"]}]",
            "samples[0].core_busy[0]");
        row("task count below the tasks", "task_count", "1", "task_count 1 is less than the 2 tasks");
        row("warnings of numbers", "warnings", "[1]", "warnings[0] must be an object");
    }
    void refusesDamagedRuns()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, value);
        QFETCH(QString, named);
        QJsonObject doc;
        doc[u"runs"_s] = QJsonArray{damaged(path, value)};
        QString error;
        QVERIFY(!ResultJson::parse(QJsonDocument(doc).toJson(), &error));
        QVERIFY2(error.startsWith(u"runs[0]"_s), qPrintable(error));
        QVERIFY2(error.contains(named), qPrintable(error));
        QVERIFY2(!error.contains(u'\n'), qPrintable(error));
    }

    // The sample itself is well formed: what the rows above refuse is their damage alone.
    void acceptsTheUndamagedSample()
    {
        QJsonObject doc;
        doc[u"runs"_s] = QJsonArray{damaged(u"repetition"_s, "0")};
        QString error;
        QVERIFY2(ResultJson::parse(QJsonDocument(doc).toJson(), &error), qPrintable(error));
    }

    void tableColumns()
    {
        const QString text = ResultTable::text({sample(Mode::Processes)});
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        for (const QString &h : {u"mode"_s, u"workers"_s, u"words"_s, u"wall"_s, u"user"_s, u"sys"_s,
                                 u"CPU total"_s, u"CPU/wall"_s})
            QVERIFY2(lines[0].contains(h), qPrintable(h));
        QVERIFY(lines[1].startsWith(u"processes"_s));
        QVERIFY(lines[1].contains(u"1,100"_s));
        QVERIFY(lines[1].contains(u"1.90"_s)); // 0.95 s of CPU over 0.5 s of wall
    }
};

QTEST_GUILESS_MAIN(TestResultJson)
#include "tst_resultjson.moc"
