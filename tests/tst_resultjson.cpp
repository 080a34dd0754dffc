#include "io/resultjson.h"
#include "io/resulttable.h"

#include <QJsonArray>
#include <QJsonDocument>
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
