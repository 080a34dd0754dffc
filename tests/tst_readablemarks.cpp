// Issue 18, item 3: every mark's hover text is reachable by keyboard and by accessibility tools,
// and says what the hover says.
#include "analysis/sweep.h"
#include "charts/marknavigator.h"
#include "charts/overheadchart.h"
#include "charts/scalingchart.h"
#include "charts/wallcpuchart.h"
#include "panels/resultspane.h"
#include "panels/scalingpanel.h"
#include "timeline/timelineview.h"

#include <QAccessible>
#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QHorizontalStackedBarSeries>
#include <QLineEdit>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

TaskRecord task(std::int64_t index, int worker, double start, double end)
{
    TaskRecord t;
    t.task = index;
    t.worker = worker;
    t.startS = start;
    t.endS = end;
    t.words = 10;
    t.bytes = 60;
    t.begin = std::uint64_t(index) * 60;
    return t;
}

// A run whose workers take `tasks` tasks back to back, each taskS long, with its overhead.
RunResult evenRun(Mode mode, int workers, qsizetype tasks, double taskS, int repetition = 0)
{
    RunResult r;
    r.mode = mode;
    r.workers = workers;
    r.repetition = repetition;
    r.corpus = CorpusSpec::lesson(1000);
    r.taskCount = tasks;
    for (qsizetype i = 0; i < tasks; ++i) {
        const int w = int(i % workers);
        const double start = double(i / workers) * taskS;
        r.tasks.append(task(i, w, start, start + taskS * 0.9));
        r.words += 10;
    }
    for (int w = 0; w < workers; ++w)
        r.workerNames << u"worker %1"_s.arg(w + 1);
    r.wallS = double((tasks + workers - 1) / workers) * taskS * (1 + 0.05 * repetition);
    r.workersInsideParent = mode != Mode::Processes;
    r.parentCpu = {r.wallS * (r.workersInsideParent ? workers : 0.1), 0.01};
    r.workersCpu = r.workersInsideParent ? CpuTimes{} : CpuTimes{r.wallS * workers, 0.02};
    r.overhead.computeS = r.wallS * workers * 0.8;
    r.overhead.startupS = mode == Mode::Processes ? 0.002 : 0.0;
    r.overhead.gatherS = r.wallS * workers * 0.05;
    r.overhead.idleS = r.wallS * workers * 0.15 - r.overhead.startupS;
    return r;
}

QList<RunResult> race(int repetitions)
{
    QList<RunResult> runs;
    for (int rep = 0; rep < repetitions; ++rep)
        runs << evenRun(Mode::Sequential, 1, 8, 0.01, rep) << evenRun(Mode::Threads, 2, 8, 0.006, rep)
             << evenRun(Mode::Processes, 2, 8, 0.007, rep);
    return runs;
}

QList<RunResult> workerSweepRuns()
{
    auto run = [](Mode mode, int workers, double wall, const CorpusSpec &corpus = CorpusSpec::lesson(1000)) {
        RunResult r;
        r.mode = mode;
        r.workers = workers;
        r.corpus = corpus;
        r.corpusBytes = corpus.repeat * 58;
        r.words = corpus.repeat * 11;
        r.wallS = wall;
        return r;
    };
    return {run(Mode::Sequential, 1, 1.0), run(Mode::Threads, 1, 1.02),  run(Mode::Threads, 2, 0.55),
            run(Mode::Threads, 4, 0.40),   run(Mode::Processes, 1, 1.1), run(Mode::Processes, 2, 0.62),
            run(Mode::Processes, 4, 0.45)};
}

QList<RunResult> sizeSweepRuns()
{
    QList<RunResult> runs;
    for (std::uint64_t repeat : {1000ull, 100000ull, 1000000ull}) {
        for (const auto &[mode, wall] : {std::pair{Mode::Sequential, 1e-6 * double(repeat)},
                                         std::pair{Mode::Threads, 0.002 + 6e-7 * double(repeat)}}) {
            RunResult r;
            r.mode = mode;
            r.workers = mode == Mode::Sequential ? 1 : 2;
            r.corpus = CorpusSpec::lesson(repeat);
            r.corpusBytes = repeat * 58;
            r.words = repeat * 11;
            r.wallS = wall;
            runs << r;
        }
    }
    return runs;
}

QString accessibleDescription(QWidget *widget)
{
    QAccessibleInterface *ai = QAccessible::queryAccessibleInterface(widget);
    return ai ? ai->text(QAccessible::Description) : QString();
}

// A chart on screen as the app shows it, and what hovering each of its marks says, asked from the
// chart's series as Qt Charts asks when the pointer is on a mark.
struct ChartUnderTest
{
    std::unique_ptr<QWidget> owner;
    QChartView *view = nullptr;
    QChart *chart = nullptr;
    std::function<QList<ReadableMark>()> marks;
    std::function<QStringList()> hoverTexts;
};

ChartUnderTest makeChart(const QString &which)
{
    ChartUnderTest t;
    if (which.startsWith(u"wall/CPU") || which.startsWith(u"overhead")) {
        auto *pane = new ResultsPane;
        t.owner.reset(pane);
        pane->showResults(race(which.endsWith(u"repeated") ? 3 : 1), u"test"_s);
        pane->flushCharts();
        if (which.startsWith(u"wall/CPU")) {
            WallCpuChart *chart = pane->wallCpuChart();
            t.view = pane->chartView();
            t.chart = chart;
            t.marks = [chart] { return chart->readableMarks(); };
            t.hoverTexts = [chart] {
                auto *bars = qobject_cast<QHorizontalStackedBarSeries *>(chart->series().constFirst());
                QStringList texts;
                for (int row = 0; row < chart->rows().size(); ++row) {
                    for (int slot : {0, 1}) {
                        Q_EMIT bars->hovered(true, 3 * row + slot, bars->barSets().constFirst());
                        texts << chart->toolTip();
                    }
                }
                return texts;
            };
        } else {
            OverheadChart *chart = pane->overheadChart();
            t.view = pane->overheadView();
            t.chart = chart;
            t.marks = [chart] { return chart->readableMarks(); };
            t.hoverTexts = [chart] {
                auto *bars = qobject_cast<QHorizontalStackedBarSeries *>(chart->series().constFirst());
                const int runs = int(chart->results().size());
                QStringList texts;
                for (int run = 0; run < runs; ++run) {
                    for (QBarSet *set : bars->barSets()) {
                        if (set->at(runs - 1 - run) <= 0)
                            continue;
                        Q_EMIT bars->hovered(true, runs - 1 - run, set);
                        texts << chart->toolTip();
                    }
                }
                return texts;
            };
        }
    } else {
        auto *panel = new ScalingPanel;
        t.owner.reset(panel);
        const bool sizes = which.startsWith(u"sizes");
        if (!panel->showSaved(sizes ? Sweep::Kind::Sizes : Sweep::Kind::Workers,
                              sizes ? sizeSweepRuns() : workerSweepRuns()))
            return t;
        const int index = which.endsWith(u"right") ? 1 : 0;
        ScalingChart *chart = panel->chart(index);
        t.view = panel->chartView(index);
        t.chart = chart;
        t.marks = [chart] { return chart->readableMarks(); };
        t.hoverTexts = [chart] {
            QStringList texts;
            for (QAbstractSeries *s : chart->series()) {
                auto *dots = qobject_cast<QScatterSeries *>(s);
                if (!dots)
                    continue;
                for (int i = 0; i < dots->count(); ++i) {
                    Q_EMIT dots->hovered(dots->at(i), true);
                    texts << chart->hoverText();
                }
            }
            return texts;
        };
    }
    t.owner->resize(1400, 1000);
    return t;
}

} // namespace

class TestReadableMarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chartsReadEveryMarkByKeyboard_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("wall/CPU") << u"wall/CPU"_s;
        QTest::newRow("wall/CPU, repeated") << u"wall/CPU repeated"_s;
        QTest::newRow("overhead") << u"overhead"_s;
        QTest::newRow("overhead, repeated") << u"overhead repeated"_s;
        QTest::newRow("speed-up") << u"workers"_s;
        QTest::newRow("efficiency") << u"workers right"_s;
        QTest::newRow("sizes, wall time") << u"sizes"_s;
        QTest::newRow("sizes, speed-up") << u"sizes right"_s;
    }

    void chartsReadEveryMarkByKeyboard()
    {
        QFETCH(QString, which);
        ChartUnderTest t = makeChart(which);
        QVERIFY(t.view);
        t.owner->show();
        QVERIFY(QTest::qWaitForWindowExposed(t.owner.get()));
        QCoreApplication::processEvents();
        auto *navigator = t.view->findChild<MarkNavigator *>();
        QVERIFY2(navigator, "the app's view has no keyboard way to its marks");

        const QList<ReadableMark> marks = t.marks();
        const QStringList hovers = t.hoverTexts();
        // One mark per thing a hover reads, in the same order, saying the same.
        QCOMPARE(marks.size(), hovers.size());
        // (A size sweep read back from a session once showed none: its charts stayed worker charts.)
        QVERIFY2(marks.size() >= 3, qPrintable(u"%1 marks"_s.arg(marks.size())));
        const QRectF plot = t.chart->plotArea();
        for (qsizetype i = 0; i < marks.size(); ++i) {
            QVERIFY2(!marks.at(i).text.isEmpty(), qPrintable(u"mark %1"_s.arg(i)));
            QCOMPARE(marks.at(i).text, hovers.at(i));
            const QRectF r = marks.at(i).rect;
            // A point's marker may reach past the plot's edge by its radius, no further.
            const qreal slack = r.width() / 2 + 1;
            QVERIFY2(plot.adjusted(-slack, -slack, slack, slack).contains(r),
                     qPrintable(u"mark %1 at %2,%3 lies outside the plot"_s.arg(i).arg(r.x()).arg(r.y())));
        }
        const QString own = t.view->accessibleDescription();

        t.view->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(t.view->hasFocus());
        QCOMPARE(navigator->current(), -1);
        for (qsizetype i = 0; i < marks.size(); ++i) {
            QTest::keyClick(t.view, Qt::Key_Right);
            QCOMPARE(navigator->current(), int(i));
            QCOMPARE(navigator->currentText(), marks.at(i).text);
            const QString plain = MarkNavigator::plainText(marks.at(i).text);
            QVERIFY(!plain.contains(u'<'));
            QCOMPARE(t.view->accessibleDescription(), plain);
            QCOMPARE(accessibleDescription(t.view), plain);
            QTRY_COMPARE(QToolTip::text(), marks.at(i).text);
        }
        // The ends hold; Home and End jump.
        QTest::keyClick(t.view, Qt::Key_Right);
        QCOMPARE(navigator->current(), int(marks.size()) - 1);
        QTest::keyClick(t.view, Qt::Key_Home);
        QCOMPARE(navigator->current(), 0);
        QTest::keyClick(t.view, Qt::Key_Up);
        QCOMPARE(navigator->current(), 0);
        QTest::keyClick(t.view, Qt::Key_End);
        QCOMPARE(navigator->current(), int(marks.size()) - 1);
        QTest::keyClick(t.view, Qt::Key_Left);
        QCOMPARE(navigator->current(), int(marks.size()) - 2);

        // Leaving gives the view its own description back.
        auto *elsewhere = new QLineEdit(t.owner.get());
        elsewhere->show();
        elsewhere->setFocus();
        QTRY_VERIFY(elsewhere->hasFocus());
        QCOMPARE(navigator->current(), -1);
        QCOMPARE(t.view->accessibleDescription(), own);
    }

    void plainTextReadsAsTheTooltip()
    {
        QCOMPARE(MarkNavigator::plainText(u"<b>threads</b><br>wall time: 0.5 s<br>&nbsp;&nbsp;from here"_s),
                 u"threads; wall time: 0.5 s; from here"_s);
    }

    void timelineReadsRowsAndTasksByKeyboard()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *view = new TimelineView;
        layout->addWidget(view);
        RunResult seq = evenRun(Mode::Sequential, 1, 4, 1.0);
        ResourceSample a;
        a.timeS = 0.5;
        a.coreBusy = {0.9f, 0.1f};
        ResourceSample b = a;
        b.timeS = 2.5;
        b.coreBusy = {0.2f, 0.95f};
        seq.samples = {a, b};
        RunResult threads = evenRun(Mode::Threads, 2, 8, 0.5);
        view->setResults({seq, threads});
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString own = view->accessibleDescription();
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        QVERIFY(view->keyMarkText().isEmpty());

        // Empty when the mark in turn says `part`, and says it to accessibility tools too.
        auto misread = [&](const QString &part) -> QString {
            const QString text = view->keyMarkText();
            if (!text.contains(part))
                return u"expected \"%1\" in: %2"_s.arg(part, text);
            if (view->accessibleDescription() != MarkNavigator::plainText(text) ||
                accessibleDescription(view) != MarkNavigator::plainText(text))
                return u"not given to accessibility tools: %1"_s.arg(text);
            return {};
        };
#define EXPECT_TEXT(part)                                                                                    \
    do {                                                                                                     \
        const QString error = misread(part);                                                                 \
        QVERIFY2(error.isEmpty(), qPrintable(error));                                                        \
    } while (false)
        QTest::keyClick(view, Qt::Key_Down); // the sequential group's header
        EXPECT_TEXT(u"4 tasks"_s);
        QTest::keyClick(view, Qt::Key_Down); // its lane
        EXPECT_TEXT(u"chunk 1 of 4"_s);
        QTest::keyClick(view, Qt::Key_Right);
        EXPECT_TEXT(u"chunk 2 of 4"_s);
        QTest::keyClick(view, Qt::Key_Right);
        QTest::keyClick(view, Qt::Key_Right);
        EXPECT_TEXT(u"chunk 4 of 4"_s);
        QTest::keyClick(view, Qt::Key_Right); // the lane's end holds
        EXPECT_TEXT(u"chunk 4 of 4"_s);
        QTest::keyClick(view, Qt::Key_Left);
        EXPECT_TEXT(u"chunk 3 of 4"_s);
        QTest::keyClick(view, Qt::Key_Down); // the CPU strip: its nearest sample
        EXPECT_TEXT(u"sampled at 2.5"_s);
        QTest::keyClick(view, Qt::Key_Left);
        EXPECT_TEXT(u"sampled at 500"_s);
        QTest::keyClick(view, Qt::Key_Down); // the threads' header
        EXPECT_TEXT(u"8 tasks"_s);
        QTest::keyClick(view, Qt::Key_Down); // worker 1 of the threads, near 0.5 s
        EXPECT_TEXT(u"worker 1"_s);
        EXPECT_TEXT(u"chunk 3 of 8"_s);
        QTest::keyClick(view, Qt::Key_Down);
        EXPECT_TEXT(u"worker 2"_s);
        QTest::keyClick(view, Qt::Key_Down); // the last row holds
        EXPECT_TEXT(u"worker 2"_s);

        // Zoomed in, a step to a task out of view brings it into view; Shift+arrows still pan.
        view->setVisibleRange(0.0, 0.3);
        QTest::keyClick(view, Qt::Key_Right);
        const auto [t0, t1] = view->visibleRange();
        QVERIFY2(t0 > 0.3, qPrintable(u"%1 to %2"_s.arg(t0).arg(t1)));
        QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
        QVERIFY(view->visibleRange().first > t0);

        // Leaving gives the view its own description back.
        auto *elsewhere = new QLineEdit(&window);
        layout->addWidget(elsewhere);
        elsewhere->setFocus();
        QTRY_VERIFY(elsewhere->hasFocus());
        QVERIFY(view->keyMarkText().isEmpty());
        QCOMPARE(view->accessibleDescription(), own);
#undef EXPECT_TEXT
    }

    // Tasks far narrower than a pixel: a step reads the next pixel's worth, as a hover would, and
    // crossing the lane takes about as many steps as it has pixels, not as it has tasks.
    void timelineStepsOverTasksTooSmallToDraw()
    {
        TimelineView view;
        view.setResults({evenRun(Mode::Sequential, 1, 40000, 2.5e-5)});
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        QTRY_VERIFY(view.hasFocus());
        QTest::keyClick(&view, Qt::Key_Down);
        QTest::keyClick(&view, Qt::Key_Down);
        QVERIFY2(view.keyMarkText().contains(u"too small to draw"_s), qPrintable(view.keyMarkText()));
        int steps = 0;
        QString last;
        while (view.keyMarkText() != last && steps < 2000) {
            last = view.keyMarkText();
            QTest::keyClick(&view, Qt::Key_Right);
            ++steps;
        }
        QVERIFY2(steps > 50 && steps < 900, qPrintable(u"%1 steps"_s.arg(steps)));
        QVERIFY2(last.contains(u"words"_s), qPrintable(last));
    }
};

QTEST_MAIN(TestReadableMarks)
#include "tst_readablemarks.moc"
