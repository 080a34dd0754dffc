#include "theme.h"
#include "timelinedata.h"
#include "timelinerenderer.h"
#include "timelineview.h"

#include <QElapsedTimer>
#include <QWheelEvent>

#include <cmath>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wordrace;

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

    void modesKeepTheirColours()
    {
        // Every lane group is drawn in its mode's colour, the same as in the wall-vs-CPU chart.
        TimelineData data;
        data.setResults({evenRun(Mode::Sequential, 1, 4, 0.2), evenRun(Mode::Threads, 2, 8, 0.1),
                         evenRun(Mode::Processes, 2, 8, 0.12)});
        QImage img(1200, 700, QImage::Format_ARGB32);
        const Theme theme = Theme::light();
        TimelineRenderer renderer(data, theme);
        QPainter p(&img);
        renderer.paint(&p, img.rect());
        p.end();
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
        QImage img(1920, 1080, QImage::Format_ARGB32);
        TimelineRenderer renderer(data, Theme::projector());
        renderer.setTitle(u"a million tasks"_s);
        QElapsedTimer clock;
        clock.start();
        QPainter p(&img);
        renderer.paint(&p, img.rect());
        p.end();
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
        QImage zoomed(1920, 1080, QImage::Format_ARGB32);
        QPainter pz(&zoomed);
        renderer.paint(&pz, zoomed.rect());
        pz.end();
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
