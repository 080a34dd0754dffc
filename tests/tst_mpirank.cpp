#include "rankjob.h"

#include "backends/clusterlines.h"
#include "corpus/corpus.h"

#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace wordrace;
using namespace wordrace::mpiworker;

// One rank of the cluster mode without mpirun: its command line, its preparation (the checks that
// keep hosts that see a different corpus out), its counting and the lines it prints.
class TestMpiRank : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesOptions()
    {
        std::string error;
        const auto o = RankOptions::parse({"--corpus", "lesson:20", "--plan-workers", "3", "--chunk", "7",
                                           "--schedule", "static", "--expect-tasks", "12", "--expect-bytes",
                                           "440", "--io-latency-ns", "1500", "--work-per-word-ns", "2.5"},
                                          error);
        QVERIFY2(o, error.c_str());
        QCOMPARE(o->corpus, std::string("lesson:20"));
        QCOMPARE(o->planWorkers, 3);
        QCOMPARE(o->chunk.value_or(0), 7u);
        QVERIFY(!o->dynamic);
        QCOMPARE(o->expectTasks, 12);
        QCOMPARE(o->expectBytes, 440);
        QCOMPARE(o->ioLatencyNs, 1500.0);
        QCOMPARE(o->workPerWordNs, 2.5);
    }

    void refusesOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("no corpus") << QStringList{u"--plan-workers"_s, u"2"_s} << u"no --corpus given"_s;
        QTest::newRow("unknown option")
            << QStringList{u"--corpus"_s, u"lesson"_s, u"--fast"_s, u"1"_s} << u"unknown option --fast"_s;
        QTest::newRow("unknown option last")
            << QStringList{u"--corpus"_s, u"lesson"_s, u"--fast"_s} << u"unknown option --fast"_s;
        QTest::newRow("value missing") << QStringList{u"--corpus"_s} << u"option --corpus needs a value"_s;
    }
    void refusesOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        std::vector<std::string> args;
        for (const QString &a : std::as_const(arguments))
            args.push_back(a.toStdString());
        std::string why;
        QVERIFY(!RankOptions::parse(args, why));
        QCOMPARE(QString::fromStdString(why), error);
    }

    void preparesTheParentsPlan()
    {
        RankOptions o;
        o.corpus = "lesson:50";
        o.planWorkers = 2;
        std::string error;
        const RankJob job = RankJob::prepare(o, "node1", error);
        QVERIFY2(error.empty(), error.c_str());
        QVERIFY(job.corpus && job.plan);
        // Pool.map's default chunk over 2 workers: 8 tasks.
        QCOMPARE(job.plan->tasks.size(), 8);
    }

    void refusesAHostThatDiffers_data()
    {
        QTest::addColumn<QString>("corpus");
        QTest::addColumn<long long>("expectTasks");
        QTest::addColumn<long long>("expectBytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("another file size") << u"lesson:50"_s << -1ll << 12ll << u"the corpus has"_s;
        QTest::newRow("another plan")
            << u"lesson:50"_s << 9ll << -1ll << u"the plan has 8 tasks, the parent's 9"_s;
        QTest::newRow("file missing")
            << u"/nonexistent/corpus.txt"_s << -1ll << -1ll << u"/nonexistent/corpus.txt"_s;
    }
    void refusesAHostThatDiffers()
    {
        QFETCH(QString, corpus);
        QFETCH(long long, expectTasks);
        QFETCH(long long, expectBytes);
        QFETCH(QString, error);
        RankOptions o;
        o.corpus = corpus.toStdString();
        o.planWorkers = 2;
        o.expectTasks = expectTasks;
        o.expectBytes = expectBytes;
        std::string why;
        RankJob::prepare(o, "node7", why);
        const QString text = QString::fromStdString(why);
        QVERIFY2(text.startsWith(u"(on node7) "_s), qPrintable(text));
        QVERIFY2(text.contains(error), qPrintable(text));
    }

    // Every task once, over two ranks' static shares: the words add up to the corpus's.
    void countsAllTasksIntoRecords()
    {
        RankOptions o;
        o.corpus = "lesson:50";
        o.planWorkers = 2;
        std::string error;
        const RankJob job = RankJob::prepare(o, "here", error);
        QVERIFY2(error.empty(), error.c_str());
        const std::atomic_bool stop{false};
        RankCounter even(job, 1000, &stop), odd(job, 1000, &stop);
        for (std::int64_t i = 0; i < even.taskCount(); ++i)
            QVERIFY((i % 2 ? odd : even).count(i, 5));
        QCOMPARE(even.tasksCounted() + odd.tasksCounted(), job.plan->tasks.size());
        QCOMPARE(even.words() + odd.words(), 50u * 11u); // the lesson's line has 11 words
        const auto &r = even.records();
        QCOMPARE(r.size(), std::size_t(even.tasksCounted()) * clusterlines::RecFields);
        QCOMPARE(r[clusterlines::RecTask], 0);
        QCOMPARE(r[clusterlines::RecWait], 5);
        QVERIFY(r[clusterlines::RecEnd] >= r[clusterlines::RecStart]);
        QCOMPARE(even.lastWords(), r[r.size() - clusterlines::RecFields + clusterlines::RecWords]);
    }

    void aStopRequestRecordsNothing()
    {
        RankOptions o;
        o.corpus = "lesson:50";
        std::string error;
        const RankJob job = RankJob::prepare(o, "here", error);
        const std::atomic_bool stop{true};
        RankCounter counter(job, 0, &stop);
        QVERIFY(!counter.count(0, 0));
        QCOMPARE(counter.tasksCounted(), 0);
    }

    void printsTheLinesTheParentReads()
    {
        QCOMPARE(lines::hello(1, 4242, "node2"), std::string("WR-HELLO 1 4242 node2"));
        QCOMPARE(lines::ready("abc", 77, 2), std::string("WR-READY abc 77 2"));
        QCOMPARE(lines::progress(3, 33), std::string("WR-PROGRESS 3 33"));
        QCOMPARE(lines::error(1, "no file"), std::string("WR-ERROR rank 1: no file"));
        const std::int64_t record[clusterlines::RecFields] = {4, 10, 20, 11, 0, 0, 10, 3};
        QCOMPARE(lines::task(1, record), std::string("WR-TASK 1 4 10 20 11 0 0 10 3"));
        const std::int64_t rank[clusterlines::RankFields] = {99, 1, 2, 3, 4, 5, 6, 7};
        QCOMPARE(lines::rank(0, rank, "node1"), std::string("WR-RANK 0 99 1 2 3 4 5 6 7 node1"));
        QCOMPARE(lines::done(8, 550, 123, true), std::string("WR-DONE 8 550 123 stopped"));
        QCOMPARE(lines::done(8, 550, 123, false), std::string("WR-DONE 8 550 123 complete"));
    }

    void bootIdCanPoseAsAnotherMachine()
    {
        QVERIFY(!bootId().empty());
        qputenv("WORDRACE_MPI_BOOT_ID", "another-machine");
        QCOMPARE(bootId(), std::string("another-machine"));
        qunsetenv("WORDRACE_MPI_BOOT_ID");
    }
};

QTEST_GUILESS_MAIN(TestMpiRank)
#include "tst_mpirank.moc"
