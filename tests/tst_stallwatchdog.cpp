#include "engine/runner.h"
#include "model/experiment.h"
#include "patience.h"
#include "window/stallwatchdog.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace wordrace;

Q_DECLARE_METATYPE(wordrace::Mode)

class TestStallWatchdog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detectsABlockedThread_data();
    void detectsABlockedThread();
    void takeStartsANewSection();
    void watchReportsEachRun();
};

// Keeps the thread from its event loop, as a long slot on the GUI thread would.
static void block(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
    }
}

void TestStallWatchdog::detectsABlockedThread_data()
{
    QTest::addColumn<int>("blockMs");
    QTest::newRow("120 ms") << 120;
    QTest::newRow("300 ms") << 300;
}

// A gap can be longer than the block (a loaded machine), never shorter: only the lower bound is checked.
void TestStallWatchdog::detectsABlockedThread()
{
    QFETCH(int, blockMs);
    StallWatchdog watchdog(nullptr, 10);
    watchdog.start();
    QTRY_VERIFY_WITH_TIMEOUT(watchdog.ticks() >= 3, kPatienceMs);
    const qint64 before = watchdog.ticks();
    block(blockMs);
    // The first tick after the block measures it.
    QTRY_VERIFY_WITH_TIMEOUT(watchdog.ticks() > before, kPatienceMs);
    QVERIFY2(watchdog.maxGapMs() >= blockMs, qPrintable(QString::number(watchdog.maxGapMs())));
    watchdog.stop();
    QVERIFY(!watchdog.isActive());
}

void TestStallWatchdog::takeStartsANewSection()
{
    StallWatchdog watchdog(nullptr, 10);
    watchdog.start();
    QTRY_VERIFY_WITH_TIMEOUT(watchdog.ticks() >= 2, kPatienceMs);
    const qint64 before = watchdog.ticks();
    block(150);
    QTRY_VERIFY_WITH_TIMEOUT(watchdog.ticks() > before, kPatienceMs);
    QVERIFY(watchdog.takeMaxGapMs() >= 150);
    // The new section starts from nothing: the earlier block is not in it.
    QCOMPARE(watchdog.ticks(), 0);
    QCOMPARE(watchdog.maxGapMs(), 0.0);
    QTRY_VERIFY_WITH_TIMEOUT(watchdog.ticks() >= 1, kPatienceMs);
    QVERIFY(watchdog.maxGapMs() > 0);
}

// Through the Runner, as the app's --watch-stalls does: one report for the preparation, one per run
// in mode order, then one for the experiment, then the timer stops.
void TestStallWatchdog::watchReportsEachRun()
{
    qRegisterMetaType<wordrace::Mode>();
    Runner runner;
    StallWatchdog watchdog(nullptr, 10);
    watchdog.watch(&runner, 100);
    QSignalSpy prepare(&watchdog, &StallWatchdog::prepareWatched);
    QSignalSpy runs(&watchdog, &StallWatchdog::runWatched);
    QSignalSpy experiment(&watchdog, &StallWatchdog::experimentWatched);

    Experiment e;
    e.corpus = CorpusSpec::niceHat(1000);
    e.modes = {Mode::Sequential, Mode::Threads, Mode::Processes};
    e.workers = 2;
    runner.start(e);
    QTRY_COMPARE_WITH_TIMEOUT(experiment.size(), 1, kPatienceMs);
    QCOMPARE(prepare.size(), 1);
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs.at(0).at(0).value<Mode>(), Mode::Sequential);
    QCOMPARE(runs.at(1).at(0).value<Mode>(), Mode::Threads);
    QCOMPARE(runs.at(2).at(0).value<Mode>(), Mode::Processes);
    // The experiment's gap covers every run's; its ticks are at least the runs' together.
    qint64 ticks = prepare.at(0).at(1).toLongLong();
    double longest = prepare.at(0).at(0).toDouble();
    for (const QList<QVariant> &r : std::as_const(runs)) {
        longest = std::max(longest, r.at(1).toDouble());
        ticks += r.at(2).toLongLong();
    }
    QVERIFY(experiment.at(0).at(0).toDouble() >= longest);
    QVERIFY(experiment.at(0).at(1).toLongLong() >= ticks);
    QVERIFY(experiment.at(0).at(1).toLongLong() > 0); // the 100 ms settle time ticks at least
    QVERIFY(!watchdog.isActive());
}

QTEST_GUILESS_MAIN(TestStallWatchdog)
#include "tst_stallwatchdog.moc"
