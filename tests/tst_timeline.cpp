#include "charts/theme.h"
#include "eventcounter.h"
#include "patience.h"
#include "session/backgroundwork.h"
#include "timeline/timelinedata.h"
#include "timeline/timelinephases.h"
#include "timeline/timelinerenderer.h"
#include "timeline/timelineview.h"

#include <QElapsedTimer>
#include <QWheelEvent>

#include <cmath>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace wordrace;

Q_DECLARE_METATYPE(wordrace::TaskRecord)

namespace {

TaskRecord task(std::int64_t index, int worker, double start, double end, std::uint64_t words = 10)
{
    TaskRecord t;
    t.task = index;
    t.worker = worker;
    t.startS = start;
    t.endS = end;
    t.words = words;
    t.bytes = words * 6;
    t.begin = std::uint64_t(index) * 100;
    return t;
}

// A run whose workers take tasks back to back, each taskS long.
RunResult evenRun(Mode mode, int workers, qsizetype tasks, double taskS)
{
    RunResult r;
    r.mode = mode;
    r.workers = workers;
    r.taskCount = tasks;
    r.tasks.reserve(tasks);
    for (qsizetype i = 0; i < tasks; ++i) {
        const int w = int(i % workers);
        const double start = double(i / workers) * taskS;
        r.tasks.append(task(i, w, start, start + taskS));
        r.words += 10;
    }
    for (int w = 0; w < workers; ++w)
        r.workerNames << u"thread %1"_s.arg(1000 + w);
    r.wallS = double((tasks + workers - 1) / workers) * taskS;
    r.parentCpu = {r.wallS * workers, 0.0};
    return r;
}

bool sameRgb(QRgb a, const QColor &b)
{
    return qRed(a) == b.red() && qGreen(a) == b.green() && qBlue(a) == b.blue();
}

// A task with its phases, in the order the executor measures them.
TaskRecord phasedTask(double start, double end, double transfer, double io, double gil, double compute)
{
    TaskRecord t = task(0, 0, start, end);
    t.transferS = transfer;
    t.ioS = io;
    t.gilWaitS = gil;
    t.computeS = compute;
    return t;
}

// What the renderer draws into an image of this size, over white.
QImage painted(const TimelineRenderer &renderer, int width, int height)
{
    QImage img(width, height, QImage::Format_ARGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    renderer.paint(&p, img.rect());
    return img;
}

// Two cores and a parent plus two workers, sampled four times over a 0.4 s run.
RunResult sampledRun()
{
    RunResult r = evenRun(Mode::Processes, 2, 8, 0.05);
    r.memoryNames = {u"parent"_s, u"pid 11"_s, u"pid 12"_s};
    r.peakMemoryBytes = 90 << 20;
    r.samples = {ResourceSample{0.05, {0.5f, 0.25f}, {40 << 20, 20 << 20, 20 << 20}},
                 ResourceSample{0.1, {1.0f, 0.75f}, {}},
                 ResourceSample{0.2, {1.0f, 1.0f}, {40 << 20, 25 << 20, 24 << 20}},
                 ResourceSample{0.4, {0.1f, 0.0f}, {40 << 20, 0, 0}}};
    return r;
}

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filesTasksByWorkerAndStart()
    {
        RunResult r;
        r.mode = Mode::Threads;
        r.workers = 2;
        // Completion order, not start order, and worker 1 listed first.
        r.tasks = {task(1, 1, 0.5, 0.9), task(0, 0, 0.0, 0.4), task(3, 1, 0.1, 0.2), task(2, 0, 0.45, 0.8)};
        r.workerNames = {u"thread 7"_s};
        TimelineData data;
        data.setResults({r});
        QCOMPARE(data.groups().size(), std::size_t(1));
        const auto &g = data.groups().front();
        QCOMPARE(g.lanes.size(), std::size_t(2));
        QCOMPARE(g.lanes[0].name, u"thread 7"_s);
        QCOMPARE(g.lanes[1].name, u"worker 2"_s); // a name the JSON did not give
        for (const auto &lane : g.lanes) {
            QCOMPARE(lane.order.size(), std::size_t(2));
            QVERIFY(g.tasks.at(lane.order[0]).startS <= g.tasks.at(lane.order[1]).startS);
        }
        QCOMPARE(data.taskCount(), 4);
        QCOMPARE(data.laneCount(), 2);
        QCOMPARE(data.endS(), 0.9);
    }

    // Progress arrives many times a second while a run is being measured: the view repaints, and
    // asks for the window to be laid out again only when a group or a lane comes or goes.
    void liveProgressLaysNothingOut()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *view = new TimelineView(&window);
        layout->addWidget(view);
        window.resize(900, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        int layoutRequests = 0;
        EventCounter counter(QEvent::LayoutRequest, &layoutRequests);
        window.installEventFilter(&counter);

        view->startLive(Mode::Threads, 2);
        QTRY_VERIFY(layoutRequests > 0); // a new group takes room
        settleEvents();
        layoutRequests = 0;
        RunProgress p;
        p.mode = Mode::Threads;
        p.tasksTotal = 40;
        p.workerNames = {u"thread 1"_s, u"thread 2"_s};
        for (int i = 0; i < 20; ++i) {
            p.elapsedS = 0.01 * (i + 1);
            p.newTasks = {task(2 * i, 0, 0.01 * i, 0.01 * (i + 1)),
                          task(2 * i + 1, 1, 0.01 * i, 0.01 * (i + 1))};
            view->addProgress(p);
            QCoreApplication::processEvents();
        }
        settleEvents();
        QCOMPARE(layoutRequests, 0);

        view->startLive(Mode::Processes, 3);
        QTRY_VERIFY(layoutRequests > 0); // and so do three new lanes
    }

    void liveGroupGrowsAndIsReplaced()
    {
        TimelineData data;
        data.addResult(evenRun(Mode::Sequential, 1, 4, 0.1));
        data.startLive(Mode::Threads, 2);
        QCOMPARE(data.groups().size(), std::size_t(2));
        QVERIFY(data.groups()[1].live);
        RunProgress p;
        p.mode = Mode::Threads;
        p.tasksTotal = 6;
        p.elapsedS = 0.25;
        p.newTasks = {task(0, 0, 0.0, 0.1), task(1, 1, 0.0, 0.12)};
        p.workerNames = {u"thread 1"_s, u"thread 2"_s};
        data.addProgress(p);
        QCOMPARE(data.groups()[1].tasks.size(), 2);
        p.newTasks = {task(2, 0, 0.1, 0.2)};
        data.addProgress(p);
        QCOMPARE(data.groups()[1].tasks.size(), 3);
        QCOMPARE(data.groups()[1].lanes[1].name, u"thread 2"_s);
        QCOMPARE(data.groups()[1].wallS, 0.25);

        data.addResult(evenRun(Mode::Threads, 2, 6, 0.1));
        QCOMPARE(data.groups().size(), std::size_t(2)); // replaced, not appended
        QVERIFY(!data.groups()[1].live);
        QCOMPARE(data.groups()[1].tasks.size(), 6);
    }

    // A mode run again (--runs) while its previous run's result is still on its way: the new
    // run's progress goes to the new live group, the late result to the old one. Filed into the
    // old group, the new run's tasks were out of order and a million of them were re-sorted on
    // the GUI thread (a 1 s freeze in gui-timings.sh).
    void repeatedRunsFileIntoTheirOwnGroups()
    {
        TimelineData data;
        data.startLive(Mode::Sequential, 1);
        RunProgress p;
        p.mode = Mode::Sequential;
        p.tasksTotal = 4;
        p.newTasks = {task(0, 0, 0.0, 0.1), task(1, 0, 0.1, 0.2)};
        data.addProgress(p);
        data.startLive(Mode::Sequential, 1); // the second run starts before the first one's result
        p.newTasks = {task(0, 0, 0.0, 0.05)};
        data.addProgress(p);
        QCOMPARE(data.groups().size(), std::size_t(2));
        QCOMPARE(data.groups()[0].tasks.size(), 2);
        QCOMPARE(data.groups()[1].tasks.size(), 1);
        data.addResult(evenRun(Mode::Sequential, 1, 4, 0.1));
        QVERIFY(!data.groups()[0].live);
        QCOMPARE(data.groups()[0].tasks.size(), 4);
        QVERIFY(data.groups()[1].live);
        QCOMPARE(data.groups()[1].tasks.size(), 1);
    }

    // The lanes' order, starts and running sums, which drawing and hit testing read.
    static void compareFiling(const TimelineData::Group &a, const TimelineData::Group &b)
    {
        QCOMPARE(a.tasks.size(), b.tasks.size());
        QCOMPARE(a.lanes.size(), b.lanes.size());
        for (std::size_t l = 0; l < a.lanes.size(); ++l) {
            QCOMPARE(a.lanes[l].starts, b.lanes[l].starts);
            QCOMPARE(a.lanes[l].sums, b.lanes[l].sums);
            QCOMPARE(a.lanes[l].order.size(), b.lanes[l].order.size());
        }
        QCOMPARE(a.lastEndS, b.lastEndS);
    }

    void largeRunsAreFiledLater()
    {
        const RunResult seq = evenRun(Mode::Sequential, 1, 40, 0.01);
        const RunResult thr = evenRun(Mode::Threads, 2, 10, 0.02);
        TimelineData data;
        // Forty tasks is "large" here: its filing is left to the caller; ten are filed at once.
        auto deferred = data.setResultsDeferred({seq, thr}, 20);
        QCOMPARE(deferred.size(), std::size_t(1));
        QCOMPARE(data.groups().size(), std::size_t(2));
        const TimelineData::Group &outline = data.groups()[0];
        QCOMPARE(outline.mode, Mode::Sequential);
        QVERIFY(outline.tasks.isEmpty()); // only the run's figures, until filed
        QCOMPARE(outline.wallS, seq.wallS);
        QCOMPARE(outline.serial, deferred[0].serial);
        QCOMPARE(data.groups()[1].tasks.size(), 10);

        TimelineData::Group filed = TimelineData::makeGroup(deferred[0].result);
        QVERIFY(data.replaceGroup(deferred[0].serial, filed));
        QVERIFY(filed.tasks.isEmpty()); // it now holds the stand-in
        QCOMPARE(data.groups()[0].tasks.size(), 40);
        QVERIFY(data.groups()[0].tasks.isSharedWith(seq.tasks)); // no copy of the records

        TimelineData reference;
        reference.setResults({seq, thr});
        compareFiling(data.groups()[0], reference.groups()[0]);

        // The same results again (the experiment's end redraws its entry): nothing to refile.
        const quint64 before = data.groups()[0].serial;
        deferred = data.setResultsDeferred({seq, thr}, 20);
        QVERIFY(deferred.empty());
        QVERIFY(data.groups()[0].tasks.isSharedWith(seq.tasks));
        QVERIFY(data.groups()[0].serial != before);
        // A filing that arrives after other results were shown is dropped.
        TimelineData::Group late = TimelineData::makeGroup(seq);
        QVERIFY(!data.replaceGroup(before, late));
        QCOMPARE(late.tasks.size(), 40); // untouched
        QCOMPARE(data.groups().size(), std::size_t(2));
    }

    void liveGroupStandsInWhileFiled()
    {
        const RunResult run = evenRun(Mode::Threads, 2, 30, 0.01);
        TimelineData data;
        data.startLive(Mode::Threads, 2);
        RunProgress p;
        p.mode = Mode::Threads;
        p.tasksTotal = run.tasks.size();
        p.elapsedS = 0.1;
        p.newTasks = run.tasks.mid(0, 20);
        data.addProgress(p);
        const auto serial = data.liveSerial(Mode::Threads);
        QVERIFY(serial);
        QVERIFY(!data.liveSerial(Mode::Processes));

        const auto deferred = data.addResultDeferred(run, 25);
        QVERIFY(deferred);
        QCOMPARE(deferred->serial, *serial);
        QCOMPARE(data.groups().size(), std::size_t(1));
        const TimelineData::Group &standIn = data.groups()[0];
        QVERIFY(!standIn.live); // drawn as finished, with the run's figures
        QCOMPARE(standIn.wallS, run.wallS);
        QCOMPARE(standIn.tasks.size(), 20); // and the tasks it had live
        // Progress still on its way to the live group goes into its stand-in.
        p.newTasks = run.tasks.mid(20);
        QVERIFY(data.addProgressTo(*serial, p, 0, 10));
        QCOMPARE(data.groups()[0].tasks.size(), 30);
        QVERIFY(!data.liveSerial(Mode::Threads));

        TimelineData::Group filed = TimelineData::makeGroup(deferred->result);
        QVERIFY(data.replaceGroup(deferred->serial, filed));
        QVERIFY(data.groups()[0].tasks.isSharedWith(run.tasks));
        QVERIFY(!data.addProgressTo(*serial, p, 0, 10)); // the stand-in is gone

        // Below the threshold the result is filed at once, replacing the live group.
        data.startLive(Mode::Sequential, 1);
        QVERIFY(!data.addResultDeferred(evenRun(Mode::Sequential, 1, 5, 0.01), 25));
        QCOMPARE(data.groups().size(), std::size_t(2));
        QCOMPARE(data.groups()[1].tasks.size(), 5);
        QVERIFY(!data.groups()[1].live);
    }

    void progressFiledInSlicesMatchesAtOnce_data()
    {
        QTest::addColumn<qsizetype>("slice");
        QTest::newRow("one task at a time") << qsizetype(1);
        QTest::newRow("uneven slices") << qsizetype(7);
        QTest::newRow("all at once") << qsizetype(1000);
    }

    void progressFiledInSlicesMatchesAtOnce()
    {
        QFETCH(qsizetype, slice);
        const RunResult run = evenRun(Mode::Processes, 3, 100, 0.003);
        RunProgress p;
        p.mode = Mode::Processes;
        p.tasksTotal = run.tasks.size();
        p.newTasks = run.tasks;
        TimelineData sliced;
        sliced.startLive(Mode::Processes, 3);
        const quint64 serial = *sliced.liveSerial(Mode::Processes);
        for (qsizetype from = 0; from < p.newTasks.size(); from += slice)
            QVERIFY(sliced.addProgressTo(serial, p, from, slice));
        TimelineData whole;
        whole.startLive(Mode::Processes, 3);
        whole.addProgress(p);
        compareFiling(sliced.groups()[0], whole.groups()[0]);
        QCOMPARE(sliced.groups()[0].phaseTotals, whole.groups()[0].phaseTotals);
    }

    void viewFilesLargeRunsOffTheGuiThread()
    {
        TimelineView view;
        view.resize(1000, 400);
        QSignalSpy filed(&view, &TimelineView::filingFinished);
        const qsizetype n = TimelineView::kFileNowBelow + 1000;
        const RunResult run = evenRun(Mode::Threads, 2, n, 1e-6);

        // Live progress larger than a slice is filed over several turns of the event loop.
        view.setProgressBudget(0);
        view.startLive(Mode::Threads, 2);
        RunProgress p;
        p.mode = Mode::Threads;
        p.tasksTotal = n;
        p.newTasks = run.tasks;
        view.addProgress(p);
        QCOMPARE(view.data().taskCount(), TimelineView::kProgressSlice);
        QTRY_COMPARE_WITH_TIMEOUT(view.data().taskCount(), n, kPatienceMs);

        view.addResult(run);
        QVERIFY(view.isFiling());
        QCOMPARE(view.data().taskCount(), n); // the stand-in shows the live tasks meanwhile
        QVERIFY(!view.data().groups()[0].live);
        QTRY_COMPARE_WITH_TIMEOUT(filed.count(), 1, kPatienceMs);
        QVERIFY(!view.isFiling());
        QVERIFY(view.data().groups()[0].tasks.isSharedWith(run.tasks));

        // Shown again: kept as filed, no second filing.
        view.setResults({run});
        QVERIFY(!view.isFiling());
        QVERIFY(view.data().groups()[0].tasks.isSharedWith(run.tasks));

        // Another entry, then this one back before its filing finished: the late filing is
        // dropped, the latest one lands.
        const RunResult other = evenRun(Mode::Sequential, 1, n, 1e-6);
        view.setResults({other});
        QVERIFY(view.isFiling());
        view.setResults({run});
        QTRY_COMPARE_WITH_TIMEOUT(filed.count(), 2, kPatienceMs);
        QCOMPARE(view.data().groups().size(), std::size_t(1));
        QCOMPARE(view.data().groups()[0].mode, Mode::Threads);
        QCOMPARE(view.data().taskCount(), n);
    }

    // A dropped list's pages go back to the kernel before it is freed, but only when nothing else
    // shares the list: a copy that stays (the history's, a result's) must keep every record.
    void releaseDropsOnlyWhatIsNotShared()
    {
        const auto makeTasks = [](qsizetype n) {
            QList<TaskRecord> tasks(n);
            for (qsizetype i = 0; i < n; ++i) {
                tasks[i].task = i;
                tasks[i].startS = double(i);
            }
            return tasks;
        };
        const qsizetype n = 200'000; // 16 MB of records: above the size worth dropping
        const QList<TaskRecord> kept = makeTasks(n);
        QList<TaskRecord> shared = kept;
        dropPages(shared);
        QCOMPARE(shared.constData(), kept.constData()); // still one buffer, not copied
        QCOMPARE(kept.last().task, n - 1);
        QCOMPARE(kept.at(n / 2).startS, double(n / 2));

        const QList<QList<TaskRecord>> batches{makeTasks(n)};
        QList<QList<TaskRecord>> sharedBatches = batches;
        dropPages(sharedBatches);
        QCOMPARE(batches.first().last().task, n - 1);

        TimelineData::Group group;
        group.tasks = kept;
        group.lanes.resize(1);
        group.lanes[0].starts.assign(std::size_t(n), 1.0);
        dropPages(group);
        QCOMPARE(kept.at(n / 2).task, n / 2);

        // What no one else holds is dropped: its whole pages read as zeros afterwards.
        QList<TaskRecord> own = makeTasks(n);
        dropPages(own);
        QCOMPARE(own.at(n / 2).task, qint64(0));

        // Through the background thread, a list shared with the caller arrives intact.
        QList<TaskRecord> toRelease = kept;
        releaseInBackground(std::move(toRelease));
        backgroundPool()->waitForDone();
        QCOMPARE(kept.last().task, n - 1);
        QCOMPARE(kept.at(n / 3).startS, double(n / 3));
    }

    void hitTestFindsTasks_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<int>("count");
        QTest::addColumn<qint64>("nearestTask");
        // Worker 0 of evenRun(…, 2, 10, 0.1) runs tasks 0, 2, 4, 6, 8 at 0.0, 0.1, 0.2, ...
        QTest::newRow("inside one") << 0.12 << 0.13 << 1 << qint64(2);
        QTest::newRow("spanning three") << 0.05 << 0.25 << 3 << qint64(0);
        QTest::newRow("after the end") << 0.6 << 0.7 << 0 << qint64(-1);
        QTest::newRow("everything") << -1.0 << 10.0 << 5 << qint64(0);
    }

    void hitTestFindsTasks()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(int, count);
        QFETCH(qint64, nearestTask);
        TimelineData data;
        data.addResult(evenRun(Mode::Threads, 2, 10, 0.1));
        const auto hit = data.hitTest(0, 0, from, to, from);
        QCOMPARE(hit.count, count);
        if (count > 0) {
            QCOMPARE(data.groups()[0].tasks.at(hit.task).task, nearestTask);
            QCOMPARE(hit.words, std::uint64_t(10 * count));
        }
    }

    void niceSteps_data()
    {
        QTest::addColumn<double>("span");
        QTest::addColumn<int>("ticks");
        QTest::addColumn<double>("step");
        QTest::newRow("seconds") << 7.07 << 8 << 1.0;
        QTest::newRow("fifths") << 1.0 << 6 << 0.2;
        QTest::newRow("milliseconds") << 0.12 << 6 << 0.02;
        QTest::newRow("fives") << 0.04 << 10 << 0.005;
    }

    void niceSteps()
    {
        QFETCH(double, span);
        QFETCH(int, ticks);
        QFETCH(double, step);
        QCOMPARE(TimelineRenderer::niceStep(span, ticks), step);
    }

    void phaseSegments_data()
    {
        using Phase = TimelinePhases::Phase;
        QTest::addColumn<TaskRecord>("task");
        QTest::addColumn<QList<int>>("phases");
        QTest::addColumn<QList<double>>("bounds"); // where each segment starts, then the last's end
        QTest::newRow("pipe, I/O, GIL, compute")
            << phasedTask(1.0, 1.1, 0.01, 0.02, 0.03, 0.04)
            << QList<int>{int(Phase::Transfer), int(Phase::IoWait), int(Phase::GilWait), int(Phase::Compute)}
            << QList<double>{1.0, 1.01, 1.03, 1.06, 1.1};
        QTest::newRow("unaccounted time is other, at the end")
            << phasedTask(0.0, 1.0, 0.0, 0.25, 0.0, 0.5)
            << QList<int>{int(Phase::IoWait), int(Phase::Compute), int(Phase::Other)}
            << QList<double>{0.0, 0.25, 0.75, 1.0};
        QTest::newRow("phases longer than the task are scaled to it")
            << phasedTask(0.0, 1.0, 0.0, 1.0, 0.0, 1.0) << QList<int>{int(Phase::IoWait), int(Phase::Compute)}
            << QList<double>{0.0, 0.5, 1.0};
        QTest::newRow("no phases recorded: all compute, as before phases")
            << phasedTask(2.0, 3.0, 0, 0, 0, 0) << QList<int>{int(Phase::Compute)} << QList<double>{2.0, 3.0};
        QTest::newRow("a task of no length") << phasedTask(1.0, 1.0, 0, 0.001, 0, 0.001)
                                             << QList<int>{int(Phase::Compute)} << QList<double>{1.0, 1.0};
    }

    void phaseSegments()
    {
        QFETCH(TaskRecord, task);
        QFETCH(QList<int>, phases);
        QFETCH(QList<double>, bounds);
        const auto segments = TimelinePhases::segments(task);
        QCOMPARE(segments.count, int(phases.size()));
        for (int i = 0; i < segments.count; ++i) {
            const auto &seg = segments.items[std::size_t(i)];
            QCOMPARE(int(seg.phase), phases[i]);
            QVERIFY2(std::abs(seg.startS - bounds[i]) < 1e-12, qPrintable(QString::number(seg.startS)));
            QVERIFY2(std::abs(seg.endS - bounds[i + 1]) < 1e-12, qPrintable(QString::number(seg.endS)));
        }
        // What the bars show is what the tooltip says: seconds() gives the segments' lengths.
        const auto seconds = TimelinePhases::seconds(task);
        for (const auto &seg : segments)
            if (seg.endS > seg.startS)
                QVERIFY(std::abs(seconds[std::size_t(seg.phase)] - (seg.endS - seg.startS)) < 1e-12);
    }

    void phasesAreDrawnWithALegend()
    {
        using Phase = TimelinePhases::Phase;
        RunResult r = evenRun(Mode::Threads, 2, 8, 0.1);
        for (TaskRecord &t : r.tasks) {
            t.ioS = 0.04;
            t.gilWaitS = 0.01;
            t.computeS = 0.05;
        }
        TimelineData data;
        data.setResults({r});
        QVERIFY(data.groups()[0].hasPhases);
        QCOMPARE(data.groups()[0].phaseTotals[std::size_t(Phase::IoWait)], 8 * 0.04);
        TimelineRenderer renderer(data, Theme::light());
        QCOMPARE(renderer.legendPhases(),
                 (std::vector<int>{int(Phase::Compute), int(Phase::IoWait), int(Phase::GilWait)}));
        const QImage img = painted(renderer, 1200, 600);
        const auto l = renderer.layout(img.rect());
        QVERIFY(l.legendHeight > 0);
        QVERIFY(l.plot.top() >= l.legendHeight);
        // Compute is the last 50 ms of each task, in the mode's colour; the I/O wait comes first and
        // is not.
        const TaskRecord &first = data.groups()[0].tasks.at(data.groups()[0].lanes[0].order[0]);
        const qreal y = l.laneTop(0, 0) + l.laneHeight / 2;
        QVERIFY(sameRgb(img.pixel(QPointF(l.xOf(first.startS + 0.075), y).toPoint()),
                        Theme::modeColor(Mode::Threads)));
        QVERIFY(!sameRgb(img.pixel(QPointF(l.xOf(first.startS + 0.02), y).toPoint()),
                         Theme::modeColor(Mode::Threads)));

        // Without phases (a JSON from before them): no legend, plain bars.
        TimelineData plain;
        plain.setResults({evenRun(Mode::Threads, 2, 8, 0.1)});
        TimelineRenderer plainRenderer(plain, Theme::light());
        QVERIFY(plainRenderer.legendPhases().empty());
        QCOMPARE(plainRenderer.layout(img.rect()).legendHeight, 0.0);
    }

    void aggregatedPixelsShowTheDominantPhase()
    {
        // A hundred thousand tasks, each 80% I/O wait: summed into pixels, the lane reads as waiting.
        RunResult r = evenRun(Mode::Threads, 1, 100'000, 1e-5);
        for (TaskRecord &t : r.tasks) {
            t.ioS = 0.8e-5;
            t.computeS = 0.2e-5;
        }
        TimelineData data;
        data.setResults({r});
        TimelineRenderer renderer(data, Theme::light());
        const QImage img = painted(renderer, 1200, 400);
        const auto l = renderer.layout(img.rect());
        const int y = int(l.laneTop(0, 0) + l.laneHeight / 2);
        const QColor io = TimelinePhases::color(TimelinePhases::Phase::IoWait, Theme::light(), Qt::black);
        int ioPixels = 0;
        int modePixels = 0;
        for (int x = int(l.xOf(0.1)); x < int(l.xOf(0.9)); ++x) {
            ioPixels += sameRgb(img.pixel(x, y), io);
            modePixels += sameRgb(img.pixel(x, y), Theme::modeColor(Mode::Threads));
        }
        // The stripes cover part of each column; the yellow between them is what is counted.
        QVERIFY2(ioPixels > int(l.plot.width() * 0.15), qPrintable(QString::number(ioPixels)));
        QCOMPARE(modePixels, 0);
    }

    // The running sums give each pixel column what visiting every task gives: busy time and the
    // phase mix, with tasks cut at the column edges, gaps between tasks, and views that start or end
    // inside a task.
    void columnSumsMatchEveryTask_data()
    {
        QTest::addColumn<double>("t0");
        QTest::addColumn<double>("t1");
        QTest::addColumn<int>("columns");
        QTest::newRow("whole run") << 0.0 << 1.0 << 700;
        QTest::newRow("zoomed, edges inside tasks") << 0.123456 << 0.2345 << 900;
        QTest::newRow("before the first task") << -0.5 << 0.01 << 50;
        QTest::newRow("past the end") << 0.9 << 2.0 << 300;
    }
    void columnSumsMatchEveryTask()
    {
        QFETCH(double, t0);
        QFETCH(double, t1);
        QFETCH(int, columns);
        RunResult r;
        r.mode = Mode::Processes;
        r.workers = 1;
        QRandomGenerator rng(42);
        double at = 0.0;
        for (int i = 0; i < 20'000; ++i) {
            at += rng.generateDouble() < 0.3 ? rng.generateDouble() * 4e-5 : 0.0; // some gaps
            TaskRecord t = task(i, 0, at, at + rng.generateDouble() * 8e-5);
            if (i % 3) { // the rest have no phases: all compute
                const double d = t.durationS();
                t.transferS = d * 0.1 * rng.generateDouble();
                t.ioS = d * 0.3 * rng.generateDouble();
                t.gilWaitS = d * 0.2 * rng.generateDouble();
                t.computeS = d * 0.3;
            }
            at = t.endS;
            r.tasks.append(t);
        }
        r.taskCount = r.tasks.size();
        r.wallS = at;
        TimelineData data;
        data.setResults({r});
        const auto &lane = data.groups().front().lanes.front();
        const double spc = (t1 - t0) / columns;
        std::vector<float> coverage;
        std::vector<TimelineData::PhaseWeights> weights;
        TimelineData::sumColumns(lane, t0, spc, columns, coverage, weights);
        QCOMPARE(int(coverage.size()), columns);

        std::vector<double> expected(std::size_t(columns), 0.0);
        std::vector<std::array<double, TimelinePhases::kTaskPhases>> expectedWeights{std::size_t(columns)};
        for (const TaskRecord &t : std::as_const(r.tasks)) {
            const auto seconds = TimelinePhases::hasPhases(t)
                                     ? TimelinePhases::seconds(t)
                                     : std::array<double, TimelinePhases::kTaskPhases>{};
            for (int c = 0; c < columns; ++c) {
                const double a = std::max(t.startS, t0 + c * spc);
                const double b = std::min(t.endS, t0 + (c + 1) * spc);
                if (b <= a)
                    continue;
                expected[std::size_t(c)] += (b - a) / spc;
                for (std::size_t p = 0; p < seconds.size(); ++p) {
                    const double share = TimelinePhases::hasPhases(t)
                                             ? seconds[p] / t.durationS()
                                             : (p == std::size_t(TimelinePhases::Phase::Compute) ? 1.0 : 0.0);
                    expectedWeights[std::size_t(c)][p] += (b - a) / spc * share;
                }
            }
        }
        for (int c = 0; c < columns; ++c) {
            const auto i = std::size_t(c);
            QVERIFY2(std::abs(coverage[i] - expected[i]) < 1e-3,
                     qPrintable(u"column %1: %2 vs %3"_s.arg(c).arg(coverage[i]).arg(expected[i])));
            for (std::size_t p = 0; p < expectedWeights[i].size(); ++p)
                QVERIFY2(std::abs(weights[i][p] - expectedWeights[i][p]) < 1e-3,
                         qPrintable(u"column %1 phase %2: %3 vs %4"_s.arg(c)
                                        .arg(p)
                                        .arg(weights[i][p])
                                        .arg(expectedWeights[i][p])));
        }
    }

    void laneLevelStartupAndGather()
    {
        RunResult r = evenRun(Mode::Processes, 2, 4, 0.1);
        for (TaskRecord &t : r.tasks) {
            t.startS += 0.05; // the workers start after 50 ms
            t.endS += 0.05;
            t.computeS = 0.1;
        }
        r.startupS = 0.05;
        r.wallS = 0.35; // 100 ms of gathering after the last task ended at 0.25
        TimelineData data;
        data.setResults({r});
        QCOMPARE(data.groups()[0].lastEndS, 0.25);
        TimelineRenderer renderer(data, Theme::light());
        const std::vector<int> legend = renderer.legendPhases();
        QCOMPARE(std::count(legend.begin(), legend.end(), int(TimelinePhases::Phase::Startup)), 1);
        const QImage img = painted(renderer, 1000, 400);
        const auto l = renderer.layout(img.rect());
        const int y = int(l.laneTop(0, 0) + l.laneHeight / 2);
        const auto background = [&](double t) {
            return sameRgb(img.pixel(int(l.xOf(t)), y), Theme::light().background);
        };
        QVERIFY(!background(0.025)); // start-up drawn
        QVERIFY(!background(0.3));   // gather drawn
    }

    // Many workers on a desk: every lane keeps a name that reads (12 px) and the CPU strip stays;
    // the view asks for the height that takes and its scroll area scrolls (issue 18: at 8 workers
    // names shrank to dots and the CPU lanes went).
    void manyWorkersKeepReadableLanesAndTheCpuStrip_data()
    {
        QTest::addColumn<int>("workers");
        QTest::newRow("1") << 1;
        QTest::newRow("8") << 8;
        QTest::newRow("16") << 16;
        QTest::newRow("64") << 64;
    }
    void manyWorkersKeepReadableLanesAndTheCpuStrip()
    {
        QFETCH(int, workers);
        QList<RunResult> runs;
        for (Mode mode : {Mode::Sequential, Mode::Threads, Mode::Processes}) {
            RunResult r = evenRun(mode, mode == Mode::Sequential ? 1 : workers, 4 * workers, 0.01);
            r.samples = sampledRun().samples;
            runs.append(r);
        }
        TimelineView view;
        view.setTheme(Theme::light());
        view.setTitle(u"Per-worker timeline"_s); // as the window has it: the title takes room too
        view.setResults(runs);
        const QSize minimum = view.minimumSizeHint();
        TimelineRenderer renderer(view.data(), Theme::light());
        renderer.setTitle(u"Per-worker timeline"_s);
        const auto l = renderer.layout(QRectF(QPointF(0, 0), QSizeF(900, minimum.height())));
        QVERIFY2(l.laneHeight >= TimelineRenderer::minimumLaneHeight(Theme::light()),
                 qPrintable(u"lanes of %1 px"_s.arg(l.laneHeight)));
        QVERIFY(l.stripSize != TimelineRenderer::StripSize::None);
        for (const auto &strip : l.strips)
            QVERIFY(!strip.cpu.isEmpty());
        // The lanes end inside the view: nothing is cut off at the bottom.
        QVERIFY(l.plot.bottom() <= minimum.height());
    }

    // No text of the timeline covers another, leaves it or is cut, from 1 to 64 workers, on a
    // desk and a projector, full width, half a 1366-pixel screen (two runs compared) and a
    // projector's; the view is as tall as it asks to be, as its scroll area makes it.
    void labelsNeverCollide_data()
    {
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("width");
        QTest::addColumn<bool>("projector");
        for (int workers : {1, 8, 16, 64})
            for (const auto &[width, projector] :
                 {std::pair{960, false}, std::pair{470, false}, std::pair{1800, true}, std::pair{900, true}})
                QTest::newRow(qPrintable(u"%1 workers, %2 px%3"_s.arg(workers).arg(width).arg(
                    projector ? u", projector"_s : QString())))
                    << workers << width << projector;
    }
    void labelsNeverCollide()
    {
        QFETCH(int, workers);
        QFETCH(int, width);
        QFETCH(bool, projector);
        const Theme theme = projector ? Theme::projector() : Theme::light();
        QList<RunResult> runs;
        for (Mode mode : {Mode::Sequential, Mode::Threads, Mode::Processes}) {
            RunResult r = evenRun(mode, mode == Mode::Sequential ? 1 : workers, 4 * workers, 0.01);
            r.samples = sampledRun().samples;
            r.memoryNames = sampledRun().memoryNames;
            runs.append(r);
        }
        TimelineView view;
        view.setTheme(theme);
        view.setTitle(u"Per-worker timeline"_s);
        view.setResults(runs);
        const int height = std::max(view.minimumSizeHint().height(), 400);
        TimelineRenderer renderer(view.data(), theme);
        renderer.setTitle(u"Per-worker timeline"_s);
        const QRectF bounds(0, 0, width, height);
        const QList<TimelineRenderer::Label> labels = renderer.labels(bounds);
        QVERIFY(labels.size() >= 8);
        for (qsizetype i = 0; i < labels.size(); ++i) {
            const TimelineRenderer::Label &a = labels.at(i);
            const QString what = u"\"%1\" at %2,%3 %4x%5"_s.arg(a.text)
                                     .arg(a.rect.x())
                                     .arg(a.rect.y())
                                     .arg(a.rect.width())
                                     .arg(a.rect.height());
            QVERIFY2(bounds.adjusted(-0.5, -0.5, 0.5, 0.5).contains(a.rect),
                     qPrintable(what + u" leaves the view"_s));
            QVERIFY2(!a.cut, qPrintable(what + u" is cut"_s));
            if (width >= 900)
                QVERIFY2(!a.text.contains(u'…'), qPrintable(what + u" is elided"_s));
            for (qsizetype j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!a.rect.intersects(labels.at(j).rect),
                         qPrintable(what + u" covers \""_s + labels.at(j).text + u'"'));
        }
    }

    void resourceStripIsLaidOut()
    {
        TimelineData data;
        data.setResults({sampledRun(), evenRun(Mode::Threads, 2, 8, 0.05)});
        const auto &g = data.groups()[0];
        QCOMPARE(g.cores, 2);
        QCOMPARE(g.maxSeriesMemory, qint64(40 << 20));
        const Theme theme = Theme::light();
        TimelineRenderer renderer(data, theme);
        const QRect bounds(0, 0, 1200, 800);
        const auto l = renderer.layout(bounds);
        QCOMPARE(l.strips.size(), std::size_t(2));
        const auto &strip = l.strips[0];
        const qreal lanesBottom = l.laneTop(0, 1) + l.laneHeight;
        // CPU rows under the lanes, one per core, then the memory panel, then the next group.
        QVERIFY(strip.cpu.top() >= lanesBottom);
        QCOMPARE(strip.cpu.height(), 2 * strip.coreRowHeight);
        QVERIFY(strip.coreRowHeight >= 8);
        QVERIFY(strip.memory.top() >= strip.cpu.bottom());
        QVERIFY(strip.memory.height() > 0);
        QVERIFY(l.groupTops[1] >= strip.memory.bottom());
        QCOMPARE(l.groupTops[1] - l.groupTops[0],
                 l.headerHeight + 2 * l.laneHeight + TimelineRenderer::stripHeight(g, theme) + l.groupGap);
        // On the lanes' time axis: the same left and right as the plot.
        QCOMPARE(strip.cpu.left(), l.plot.left());
        QCOMPARE(strip.cpu.right(), l.plot.right());
        QCOMPARE(strip.memory.width(), l.plot.width());
        // A group without samples has no strip.
        QVERIFY(l.strips[1].cpu.isEmpty() && l.strips[1].memory.isEmpty());
        QCOMPARE(TimelineRenderer::stripHeight(data.groups()[1], theme), 0.0);
        // Hit testing tells the strip from the lanes.
        QCOMPARE(l.stripAt(strip.cpu.center().y()), 0);
        QCOMPARE(l.stripAt(strip.memory.center().y()), 0);
        QCOMPARE(l.laneAt(data, strip.cpu.center().y()), std::make_pair(-1, -1));
        QCOMPARE(l.stripAt(l.laneTop(0, 0) + 1), -1);
        QCOMPARE(l.stripSize, TimelineRenderer::StripSize::Full);

        // Short of room, the strip shrinks before the lanes do.
        TimelineData bare;
        bare.setResults({evenRun(Mode::Processes, 2, 8, 0.05), evenRun(Mode::Threads, 2, 8, 0.05)});
        for (const int height : {320, 250, 200}) {
            const QRect small(0, 0, 900, height);
            const auto ls = renderer.layout(small);
            const auto lb = TimelineRenderer(bare, theme).layout(small);
            QVERIFY2(ls.laneHeight >= std::min(lb.laneHeight, std::floor(theme.textPx * 1.2)),
                     qPrintable(u"%1: %2 vs %3"_s.arg(height).arg(ls.laneHeight).arg(lb.laneHeight)));
            if (ls.stripSize == TimelineRenderer::StripSize::None)
                QVERIFY(ls.strips[0].cpu.isEmpty() && ls.strips[0].memory.isEmpty());
            else if (ls.stripSize == TimelineRenderer::StripSize::Compact)
                QVERIFY(ls.strips[0].cpu.height() < strip.cpu.height());
        }
        QVERIFY(renderer.layout(QRect(0, 0, 900, 200)).stripSize != TimelineRenderer::StripSize::Full);
    }

    void stripFollowsZoomAndTellsValues()
    {
        TimelineView view;
        view.resize(1200, 700);
        view.setResults({sampledRun()});
        TimelineRenderer renderer(view.data(), view.theme());
        renderer.setRange(view.visibleRange().first, view.visibleRange().second);
        auto l = renderer.layout(view.rect());
        const auto &strip = l.strips[0];
        // Second core's row, at the sample of 0.2 s.
        const QPoint cpuAt = QPointF(l.xOf(0.19), strip.cpu.top() + strip.coreRowHeight * 1.5).toPoint();
        QString tip = view.toolTipAt(cpuAt);
        QVERIFY2(tip.contains(u"CPU 1: 100%"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"pid 11: 25.0 MiB"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"90.0 MiB"_s), qPrintable(tip)); // the peak
        // Memory is read less often: at 0.1 s the tooltip says which reading it shows.
        tip = view.toolTipAt(QPointF(l.xOf(0.1), strip.memory.center().y()).toPoint());
        QVERIFY2(tip.contains(u"CPU 0: 100%"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"memory read at"_s), qPrintable(tip));
        // Zoomed, the strip moves with the lanes: the same time stays under the same x.
        view.setVisibleRange(0.15, 0.25);
        renderer.setRange(0.15, 0.25);
        l = renderer.layout(view.rect());
        tip = view.toolTipAt(QPointF(l.xOf(0.2), l.strips[0].cpu.top() + 2).toPoint());
        QVERIFY2(tip.contains(u"sampled at 200.00 ms"_s), qPrintable(tip));
        // The view asks for room for the strip, on top of its lanes.
        QVERIFY(view.minimumSizeHint().height() >
                int(TimelineRenderer::stripHeight(view.data().groups()[0], view.theme(),
                                                  TimelineRenderer::StripSize::Compact)) +
                    3 * 2);
    }

    void denseStripKeepsItsPeaks_data()
    {
        QTest::addColumn<double>("t0");
        QTest::addColumn<double>("t1");
        // 10,000 samples (the sampler's most) over 40 s: about eight to a pixel column in full view.
        QTest::newRow("full view") << 0.0 << 40.0;
        QTest::newRow("zoomed on the peaks") << 19.0 << 21.0;
        QTest::newRow("zoomed elsewhere, peaks out of view") << 30.0 << 32.0;
    }

    void denseStripKeepsItsPeaks()
    {
        QFETCH(double, t0);
        QFETCH(double, t1);
        RunResult r = evenRun(Mode::Processes, 2, 8, 5.0);
        r.memoryNames = {u"parent"_s, u"pid 11"_s, u"pid 12"_s};
        r.peakMemoryBytes = 100 << 20;
        constexpr int kSamples = 10'000;
        constexpr double kSpikeS = 20.0;
        for (int i = 1; i <= kSamples; ++i) {
            const double t = 40.0 * i / kSamples;
            // Core 0 idles at a tenth but for a burst of 0.4 s (a hundred samples, a dozen pixel
            // columns); the parent's memory for one reading, 4 ms.
            const bool burst = t > kSpikeS - 0.4 + 1e-9 && t < kSpikeS + 1e-9;
            const bool spike = std::abs(t - kSpikeS) < 1e-9;
            ResourceSample s{t, {burst ? 1.0f : 0.1f, 0.5f}, {}};
            if (i % 4 == 0 || spike)
                s.memoryBytes = {spike ? qint64(100) << 20 : qint64(10) << 20, 20 << 20, 20 << 20};
            r.samples.append(s);
        }
        TimelineData data;
        data.setResults({r});
        const Theme theme = Theme::light();
        TimelineRenderer renderer(data, theme);
        renderer.setRange(t0, t1);
        const QImage img = painted(renderer, 1200, 800);
        const auto l = renderer.layout(img.rect());
        const auto &strip = l.strips[0];
        const QColor row0 = theme.background;
        const int top0 = int(strip.cpu.top() + 2);
        const auto drawn = [&](qreal x, int y) { return !sameRgb(img.pixel(int(x), y), row0); };
        const bool spikeInView = kSpikeS > t0 && kSpikeS < t1;
        // Near the top of core 0's row only the burst reaches.
        int reached = 0;
        for (int x = int(strip.cpu.left()) + 2; x < int(strip.cpu.right()) - 2; ++x)
            reached += drawn(x, top0) ? 1 : 0;
        if (spikeInView)
            QVERIFY2(drawn(l.xOf(kSpikeS - 0.2), top0) &&
                         reached <= int(l.xOf(kSpikeS) - l.xOf(kSpikeS - 0.4)) + 4,
                     qPrintable(QString::number(reached)));
        else
            QCOMPARE(reached, 0);
        // Core 1 stays half busy throughout: filled below its middle, not above it.
        const qreal row1Bottom = strip.cpu.top() + 2 * strip.coreRowHeight;
        const qreal x = l.xOf(t0 + (t1 - t0) * 0.3);
        QVERIFY(!sameRgb(img.pixel(int(x), int(row1Bottom - strip.coreRowHeight * 0.25)), theme.laneShade));
        QVERIFY(sameRgb(img.pixel(int(x), int(row1Bottom - strip.coreRowHeight * 0.85)), theme.laneShade));
        // The parent's memory line rises into the upper part of the panel at the spike, when in view.
        bool memoryTop = false;
        for (int dx = -2; dx <= 2 && spikeInView; ++dx)
            for (int y = int(strip.memory.top()); y < int(strip.memory.top() + strip.memory.height() * 0.6);
                 ++y)
                memoryTop = memoryTop || sameRgb(img.pixel(int(l.xOf(kSpikeS)) + dx, y), theme.foreground);
        QCOMPARE(memoryTop, spikeInView);
    }

    void tooltipTellsPhases()
    {
        TimelineView view;
        view.resize(1000, 400);
        RunResult r = evenRun(Mode::Threads, 1, 4, 0.25);
        r.tasks[1].ioS = 0.02;
        r.tasks[1].gilWaitS = 0.03;
        r.tasks[1].computeS = 0.2;
        view.setResults({r});
        TimelineRenderer renderer(view.data(), view.theme());
        renderer.setRange(view.visibleRange().first, view.visibleRange().second);
        const auto l = renderer.layout(view.rect());
        const QString tip =
            view.toolTipAt(QPointF(l.xOf(0.375), l.laneTop(0, 0) + l.laneHeight / 2).toPoint());
        QVERIFY2(tip.contains(u"I/O wait: 20.00 ms"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"GIL wait: 30.00 ms"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"compute: 200.00 ms"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"interleave"_s), qPrintable(tip));
    }

    // The time after the last task: gathering for a finished run, stopping for a cancelled one;
    // drawn, listed in the legend and named on hover each its own way.
    void tailAfterTheLastTaskSaysWhatItWas_data()
    {
        QTest::addColumn<bool>("cancelled");
        QTest::newRow("finished") << false;
        QTest::newRow("cancelled") << true;
    }

    void tailAfterTheLastTaskSaysWhatItWas()
    {
        QFETCH(bool, cancelled);
        using Phase = TimelinePhases::Phase;
        RunResult r = evenRun(Mode::Processes, 2, 4, 0.25);
        for (TaskRecord &t : r.tasks)
            t.computeS = 0.25;
        r.wallS = 1.0; // the last task ends at 0.5 s
        r.cancelled = cancelled;
        TimelineView view;
        view.resize(1000, 400);
        view.setResults({r});
        TimelineRenderer renderer(view.data(), view.theme());
        renderer.setRange(view.visibleRange().first, view.visibleRange().second);
        const std::vector<int> legend = renderer.legendPhases();
        QCOMPARE(std::count(legend.cbegin(), legend.cend(), TimelineRenderer::kCancelledTail),
                 cancelled ? 1 : 0);
        QCOMPARE(std::count(legend.cbegin(), legend.cend(), int(Phase::Startup)), cancelled ? 0 : 1);
        const auto l = renderer.layout(view.rect());
        const QPoint tail = QPointF(l.xOf(0.75), l.laneTop(0, 0) + l.laneHeight / 2).toPoint();
        const QString tip = view.toolTipAt(tail);
        QVERIFY2(tip.contains(cancelled ? u"stopping after Cancel"_s : u"gather"_s), qPrintable(tip));
        QVERIFY2(!tip.contains(u"idle"_s), qPrintable(tip));
        // Drawn: the cancelled tail hatched in vermillion across the lane, the gather a thin grey bar.
        QImage img(view.size(), QImage::Format_ARGB32);
        img.fill(Qt::white);
        {
            QPainter p(&img);
            renderer.paint(&p, img.rect());
        }
        int vermillion = 0;
        for (int dy = -int(l.laneHeight / 2) + 1; dy < int(l.laneHeight / 2); ++dy)
            for (int dx = -10; dx <= 10; ++dx)
                if (sameRgb(img.pixel(tail + QPoint(dx, dy)), QColor(0xd5, 0x5e, 0x00)))
                    ++vermillion;
        QVERIFY2(cancelled ? vermillion > 20 : vermillion == 0, qPrintable(QString::number(vermillion)));
    }

    void modesKeepTheirColours()
    {
        // Every lane group is drawn in its mode's colour, the same as in the wall-vs-CPU chart.
        TimelineData data;
        data.setResults({evenRun(Mode::Sequential, 1, 4, 0.2), evenRun(Mode::Threads, 2, 8, 0.1),
                         evenRun(Mode::Processes, 2, 8, 0.12)});
        const Theme theme = Theme::light();
        TimelineRenderer renderer(data, theme);
        const QImage img = painted(renderer, 1200, 700);
        const auto l = renderer.layout(img.rect());
        for (int g = 0; g < 3; ++g) {
            const auto &group = data.groups()[std::size_t(g)];
            const TaskRecord &first = group.tasks.at(group.lanes[0].order[0]);
            const QPointF at(l.xOf((first.startS + first.endS) / 2), l.laneTop(g, 0) + l.laneHeight / 2);
            QVERIFY2(sameRgb(img.pixel(at.toPoint()), Theme::modeColor(group.mode)),
                     qPrintable(u"group %1 at %2,%3"_s.arg(g).arg(at.x()).arg(at.y())));
        }
        // A slower mode reaches further right on the shared axis.
        QVERIFY(l.xOf(data.groups()[0].wallS) > l.xOf(data.groups()[1].wallS));
    }

    void millionTasksAggregate()
    {
        // A million tasks over 1,000 pixels: about a thousand per pixel, drawn as solid coverage.
        const qsizetype n = 1'000'000;
        TimelineData data;
        data.addResult(evenRun(Mode::Threads, 4, n, 1e-6));
        TimelineRenderer renderer(data, Theme::projector());
        renderer.setTitle(u"a million tasks"_s);
        QElapsedTimer clock;
        clock.start();
        const QImage img = painted(renderer, 1920, 1080);
        qInfo("drew %lld tasks in %lld ms", qlonglong(n), qlonglong(clock.elapsed()));
        const auto l = renderer.layout(img.rect());
        for (int lane = 0; lane < 4; ++lane) {
            const qreal y = l.laneTop(0, lane) + l.laneHeight / 2;
            for (double t : {0.1, 0.5, 0.9}) {
                const double at = data.groups()[0].wallS * t;
                QVERIFY2(sameRgb(img.pixel(QPointF(l.xOf(at), y).toPoint()), Theme::modeColor(Mode::Threads)),
                         qPrintable(u"lane %1 at %2"_s.arg(lane).arg(at)));
            }
        }
        // Zoomed in on ten tasks, each is a bar of its own again with a gap between.
        renderer.setRange(0.0, 10e-6);
        const QImage zoomed = painted(renderer, 1920, 1080);
        const auto lz = renderer.layout(zoomed.rect());
        const qreal y = lz.laneTop(0, 0) + lz.laneHeight / 2;
        QVERIFY(sameRgb(zoomed.pixel(QPointF(lz.xOf(0.5e-6), y).toPoint()), Theme::modeColor(Mode::Threads)));
        QVERIFY(!sameRgb(zoomed.pixel(int(std::floor(lz.xOf(1e-6) - 1.2)), int(y)),
                         Theme::modeColor(Mode::Threads)));
    }

    void viewZoomsAndPans()
    {
        TimelineView view;
        view.resize(1000, 400);
        view.setResults({evenRun(Mode::Threads, 2, 100, 0.01)});
        const auto full = view.fullRange();
        QCOMPARE(view.visibleRange(), full);
        QVERIFY(!view.isZoomed());
        QSignalSpy changed(&view, &TimelineView::visibleRangeChanged);

        QTest::keyClick(&view, Qt::Key_Plus);
        QVERIFY(view.isZoomed());
        const auto zoomed = view.visibleRange();
        QVERIFY(zoomed.second - zoomed.first < full.second - full.first);
        QCOMPARE(changed.count(), 1);

        QTest::keyClick(&view, Qt::Key_Right);
        QVERIFY(view.visibleRange().first > zoomed.first);
        QTest::keyClick(&view, Qt::Key_Left);
        QTest::keyClick(&view, Qt::Key_Left);
        QVERIFY(view.visibleRange().first >= full.first); // never panned past the start
        QTest::keyClick(&view, Qt::Key_Minus);
        QTest::keyClick(&view, Qt::Key_Minus);
        QTest::keyClick(&view, Qt::Key_Minus);
        QCOMPARE(view.visibleRange(), full); // never zoomed out past everything

        QTest::keyClick(&view, Qt::Key_Plus);
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(view.visibleRange(), full);
        QVERIFY(!view.isZoomed());

        // The wheel zooms around the pointer: the time under it stays put.
        const QPointF pos(700, 200);
        QWheelEvent wheel(pos, view.mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(view.isZoomed());
    }

    void tooltipDescribesTask()
    {
        TimelineView view;
        view.resize(1000, 400);
        RunResult r = evenRun(Mode::Processes, 1, 4, 0.25);
        r.workerNames = {u"pid 4242"_s};
        r.tasks[1].words = 12345;
        r.tasks[1].bytes = 67890;
        view.setResults({r});
        TimelineRenderer renderer(view.data(), view.theme());
        renderer.setRange(view.visibleRange().first, view.visibleRange().second);
        renderer.setTitle(view.title());
        const auto l = renderer.layout(view.rect());
        const QPoint at = QPointF(l.xOf(0.375), l.laneTop(0, 0) + l.laneHeight / 2).toPoint();
        const QString tip = view.toolTipAt(at);
        QVERIFY2(tip.contains(u"pid 4242"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"chunk 2 of 4"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"12,345"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"67,890"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u"250.00 ms"_s), qPrintable(tip)); // start and duration
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
