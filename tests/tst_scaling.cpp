#include "charts/scalingchart.h"
#include "charts/theme.h"
#include "clirun.h"
#include "engine/sweeprunner.h"
#include "panels/scalingpanel.h"
#include "patience.h"
#include "procscan.h"
#include "window/mainwindow.h"
#include "windowparts.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QXYSeries>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace windowparts;
using namespace wordrace;

namespace {

constexpr int kSweepTimeoutMs = 120000;

// A sweep over workers 1 and 2 on a corpus small enough to take well under a second a point.
void setUpWorkerSweep(ScalingPanel &panel, const QList<Mode> &modes, int runs,
                      const QString &corpus = u"lesson:2000"_s)
{
    panel.kindBox()->setCurrentIndex(panel.kindBox()->findData(int(Sweep::Kind::Workers)));
    panel.workersEdit()->setText(u"1,2"_s);
    panel.corpusEdit()->setText(corpus);
    panel.runsBox()->setValue(runs);
    for (Mode m : {Mode::Threads, Mode::Processes})
        panel.modeBox(m)->setChecked(modes.contains(m));
}

QList<QPointF> pointsOf(const ScalingChart *chart, const QString &name)
{
    const QXYSeries *s = chart->seriesNamed(name);
    return s ? s->points() : QList<QPointF>();
}

// A sweep big enough that it is certainly still counting when the test cancels it: two million
// tasks of three lines, on worker processes.
Experiment slowBase()
{
    Experiment e;
    e.chunkLines = 3;
    return e;
}

CliRun runSweepCli(const QStringList &args)
{
    return runCli(args, QProcessEnvironment::systemEnvironment(), kSweepTimeoutMs);
}

} // namespace

class TestScaling : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"WordRaceTest"_s);
        QCoreApplication::setApplicationName(u"tst_scaling"_s);
        QSettings().clear();
    }

    void workerSweepDrawsSpeedupIdealAndFit_data()
    {
        QTest::addColumn<QList<Mode>>("modes");
        QTest::addColumn<int>("runs");
        QTest::newRow("threads, one run") << QList<Mode>{Mode::Threads} << 1;
        QTest::newRow("threads and processes, two runs") << QList<Mode>{Mode::Threads, Mode::Processes} << 2;
    }
    void workerSweepDrawsSpeedupIdealAndFit()
    {
        QFETCH(QList<Mode>, modes);
        QFETCH(int, runs);
        ScalingPanel panel;
        panel.resize(1400, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        setUpWorkerSweep(panel, modes, runs);
        QVERIFY(panel.startButton()->isEnabled());

        QSignalSpy points(panel.sweepRunner(), &SweepRunner::pointStarted);
        QSignalSpy progress(&panel, &ScalingPanel::progressChanged);
        QSignalSpy finished(&panel, &ScalingPanel::sweepFinished);
        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        // The sweep runs off the GUI thread: the click returned with the sweep under way.
        QVERIFY(panel.isRunning());
        QVERIFY(!panel.startButton()->isEnabled());
        QVERIFY(panel.cancelButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kSweepTimeoutMs);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!panel.isRunning());

        // Point k of n, then every measured run counted up to the plan's total.
        QCOMPARE(points.count(), 2);
        QCOMPARE(points.at(0).at(1).toInt(), 0);
        QCOMPARE(points.at(1).at(1).toInt(), 1);
        QCOMPARE(points.at(1).at(2).toInt(), 2);
        const int total = runs * (1 + 2 * int(modes.size())); // sequential once, each mode at N = 1 and 2
        QCOMPARE(progress.first(), (QList<QVariant>{0, total}));
        QCOMPARE(progress.last(), (QList<QVariant>{total, total}));
        QCOMPARE(progress.count(), total + 1);
        QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());
        QVERIFY2(panel.progressLabel()->text().contains(u"Done"_s),
                 qPrintable(panel.progressLabel()->text()));

        const auto sweep = panel.sweep();
        QVERIFY(sweep);
        QCOMPARE(sweep->kind(), Sweep::Kind::Workers);
        const ScalingChart *speedup = panel.chart(0);
        const ScalingChart *efficiency = panel.chart(1);
        QCOMPARE(speedup->view(), ScalingChart::View::Speedup);
        QCOMPARE(efficiency->view(), ScalingChart::View::Efficiency);
        QCOMPARE(pointsOf(speedup, u"ideal"_s), (QList<QPointF>{{1, 1}, {2, 2}}));
        QCOMPARE(pointsOf(efficiency, u"ideal"_s), (QList<QPointF>{{1, 1}, {2, 1}}));
        for (Mode m : modes) {
            const QString name = modeName(m);
            const QList<QPointF> measured = pointsOf(speedup, u"measured-"_s + name);
            QCOMPARE(measured.size(), 2);
            QCOMPARE(measured.at(0).x(), 1.0);
            QCOMPARE(measured.at(1).x(), 2.0);
            QCOMPARE(pointsOf(speedup, u"points-"_s + name), measured);
            // The chart shows the sweep's numbers, not numbers of its own.
            for (const SweepPoint &p : sweep->points())
                if (p.summary.mode == m)
                    QCOMPARE(measured.at(p.summary.workers - 1).y(), p.summary.speedup->value);
            const QList<QPointF> eff = pointsOf(efficiency, u"measured-"_s + name);
            QCOMPARE(eff.size(), 2);
            QCOMPARE(eff.at(1).y(), measured.at(1).y() / 2);

            // Amdahl's law fitted per mode, with its serial fraction and ceiling in the legend.
            const QXYSeries *fit = speedup->seriesNamed(u"amdahl-"_s + name);
            QVERIFY(fit);
            QVERIFY(fit->count() > 10);
            QCOMPARE(fit->at(0).x(), 1.0);
            QCOMPARE(fit->at(fit->count() - 1).x(), 2.0);
            QVERIFY2(fit->name().contains(u"serial"_s), qPrintable(fit->name()));
            QVERIFY2(fit->name().contains(u"at most"_s) || fit->name().contains(u"no ceiling"_s),
                     qPrintable(fit->name()));
            const ModeFit *modeFit = nullptr;
            for (const ModeFit &f : sweep->fits())
                if (f.mode == m)
                    modeFit = &f;
            QVERIFY(modeFit);
            QVERIFY(qFuzzyCompare(fit->at(fit->count() - 1).y(), modeFit->fit.speedup(2)));
            QVERIFY(panel.conclusionLabel()->text().contains(name));
        }
        QVERIFY(!speedup->seriesNamed(u"measured-sequential"_s));

        // Tooltips: hovering a point names it and gives its numbers.
        QXYSeries *dots = speedup->seriesNamed(u"points-threads"_s);
        Q_EMIT dots->hovered(dots->at(1), true);
        QVERIFY2(speedup->hoverText().contains(u"threads, 2 workers"_s), qPrintable(speedup->hoverText()));
        QVERIFY(speedup->hoverText().contains(u"speed-up S ="_s));
        // and the view shows the point's numbers where the pointer rests, not its general hint.
        QChartView *view = panel.chartView(0);
        const QPoint at =
            view->mapFromScene(panel.chart(0)->mapToScene(panel.chart(0)->mapToPosition(dots->at(1), dots)));
        QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
        QApplication::sendEvent(view->viewport(), &help);
        QTRY_COMPARE(QToolTip::text(), speedup->hoverText());
        QToolTip::hideText();

        // The table: sequential and a row per mode and count; mean ± σ once there are two runs.
        QTableWidget *table = panel.table();
        QCOMPARE(table->rowCount(), 1 + 2 * int(modes.size()));
        QCOMPARE(table->item(0, 0)->text(), u"sequential"_s);
        QCOMPARE(table->item(0, 2)->text(), QString::number(runs));
        QCOMPARE(table->item(0, 3)->text().contains(u"±"_s), runs > 1);

        // On a projector the charts keep the room: a legend that names each curve (the conclusion
        // gives the fit's numbers), the formula as the title, and the table left for the desk.
        panel.setTheme(Theme::projector());
        QVERIFY(!table->isVisible());
        QCOMPARE(speedup->title(), u"Speed-up S(N) = T(sequential) / T(N)"_s);
        for (Mode m : modes) {
            const QXYSeries *fit = speedup->seriesNamed(u"amdahl-"_s + modeName(m));
            QVERIFY(fit);
            QVERIFY2(!fit->name().contains(u"serial"_s) && fit->name().startsWith(modeName(m)),
                     qPrintable(fit->name()));
            QVERIFY(panel.conclusionLabel()->text().contains(u"serial fraction"_s));
        }
        panel.setTheme(Theme::light());
        QVERIFY(table->isVisible());
        QVERIFY(speedup->title().contains(sweep->points().first().summary.corpus.displayName()));
    }

    void sizeSweepMarksTheCrossover()
    {
        ScalingPanel panel;
        panel.resize(1400, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.kindBox()->setCurrentIndex(panel.kindBox()->findData(int(Sweep::Kind::Sizes)));
        QVERIFY(panel.sizesEdit()->isVisible());
        QVERIFY(!panel.workersEdit()->isVisible());
        panel.sizesEdit()->setText(u"lesson:20000,lesson:100"_s);
        panel.sizeWorkersBox()->setValue(2);
        panel.modeBox(Mode::Processes)->setChecked(false);
        panel.runsBox()->setValue(1);
        QSignalSpy finished(&panel, &ScalingPanel::sweepFinished);
        QVERIFY(panel.start());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kSweepTimeoutMs);

        const auto sweep = panel.sweep();
        QVERIFY(sweep);
        QCOMPARE(sweep->kind(), Sweep::Kind::Sizes);
        const ScalingChart *wall = panel.chart(0);
        QCOMPARE(wall->view(), ScalingChart::View::SizeWall);
        // Smallest first, at their sizes in bytes.
        for (const QString &mode : {u"sequential"_s, u"threads"_s}) {
            const QList<QPointF> p = pointsOf(wall, u"measured-"_s + mode);
            QCOMPARE(p.size(), 2);
            QCOMPARE(p.at(0).x(), 100.0 * 58);
            QCOMPARE(p.at(1).x(), 20000.0 * 58);
        }
        QCOMPARE(sweep->crossovers().size(), 1);
        const Crossover &c = sweep->crossovers().first();
        // Whether threads win at these sizes depends on the machine; what is drawn must match it.
        QCOMPARE(wall->crossoverLabels().size(), c.never ? 0 : 1);
        QCOMPARE(bool(wall->seriesNamed(u"crossover-threads"_s)), !c.never);
        if (!c.never) {
            QVERIFY2(wall->crossoverLabels().first().startsWith(u"threads beat sequential"_s),
                     qPrintable(wall->crossoverLabels().first()));
            const double at = std::isfinite(c.estimateBytes) ? c.estimateBytes : double(c.fromBytes);
            QCOMPARE(wall->seriesNamed(u"crossover-threads"_s)->at(0).x(), at);
        } else {
            QVERIFY(wall->seriesNamed(u"measured-threads"_s)->name().contains(u"never"_s));
        }
        const ScalingChart *speedup = panel.chart(1);
        QCOMPARE(speedup->view(), ScalingChart::View::SizeSpeedup);
        QCOMPARE(pointsOf(speedup, u"break-even"_s).first().y(), 1.0);
        QCOMPARE(panel.table()->rowCount(), 4);
    }

    void cancelMidSweepLeavesNoWorker()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        ScalingPanel *panel = scalingPanel(w);
        QVERIFY(panel);
        tabs(w)->setCurrentWidget(panel);
        panel->setBaseExperiment(slowBase());
        setUpWorkerSweep(*panel, {Mode::Processes}, 1, u"lesson:2000000"_s);
        QSignalSpy points(panel->sweepRunner(), &SweepRunner::pointStarted);
        QSignalSpy runs(panel->sweepRunner(), &SweepRunner::runFinished);
        QSignalSpy finished(panel, &ScalingPanel::sweepFinished);
        QTest::keyClick(&w, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(panel->isRunning());
        // A race cannot start while a sweep measures: it would measure the contention.
        QVERIFY(!w.findChild<QAction *>(u"runAction"_s)->isEnabled());

        QList<qint64> workers;
        QTRY_VERIFY_WITH_TIMEOUT(!(workers = workerProcesses(getpid())).isEmpty(), kSweepTimeoutMs);
        // Esc from the other tab still reaches the sweep.
        tabs(w)->setCurrentIndex(0);
        QTest::keyClick(&w, Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kSweepTimeoutMs);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY(!panel->isRunning());
        QCOMPARE(points.count(), 1); // it did not go on to N = 2
        QVERIFY(panel->progressLabel()->text().contains(u"Cancelled"_s));
        QVERIFY(w.findChild<QAction *>(u"runAction"_s)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(workerProcesses(getpid()).isEmpty(), kPatienceMs);
        for (qint64 pid : std::as_const(workers))
            QVERIFY2(!workerProcesses().contains(pid),
                     qPrintable(u"worker %1 outlived the sweep"_s.arg(pid)));
        // Nothing arrives after the end.
        const int seen = int(runs.count());
        QTest::qWait(300);
        QCOMPARE(int(runs.count()), seen);
    }

    void restartDropsTheCancelledSweepsLateResults()
    {
        SweepRunner sweeps;
        QSignalSpy finished(&sweeps, &SweepRunner::sweepFinished);
        QSignalSpy results(&sweeps, &SweepRunner::runFinished);
        Experiment slow = slowBase();
        slow.corpus = *CorpusSpec::parse(u"lesson:2000000"_s);
        slow.modes = {Mode::Processes};
        const quint64 first = sweeps.start(Sweep::Kind::Workers, SweepRunner::workersPlan(slow, {1, 2}));
        QTRY_VERIFY_WITH_TIMEOUT(!workerProcesses(getpid()).isEmpty(), kSweepTimeoutMs);

        Experiment quick;
        quick.corpus = CorpusSpec::lesson(1000);
        quick.modes = {Mode::Threads};
        // From here on, only the second sweep's runs may be reported (the first one's sequential run
        // may already have been).
        results.clear();
        const quint64 second = sweeps.start(Sweep::Kind::Workers, SweepRunner::workersPlan(quick, {1, 2}));
        QVERIFY(second != first);
        // The first sweep ended at once, cancelled.
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first(), (QList<QVariant>{first, true}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kSweepTimeoutMs);
        QCOMPARE(finished.last(), (QList<QVariant>{second, false}));
        // Whatever the first sweep's engine still reported (its processes run) went nowhere.
        QCOMPARE(results.count(), 3); // sequential, threads at 1 and at 2
        for (const QList<QVariant> &r : std::as_const(results))
            QCOMPARE(r.at(0).toULongLong(), second);
        for (const RunResult &r : sweeps.results()) {
            QCOMPARE(r.corpus, CorpusSpec::lesson(1000));
            QVERIFY(!r.cancelled);
        }
        QTRY_VERIFY_WITH_TIMEOUT(workerProcesses(getpid()).isEmpty(), kPatienceMs);
    }

    void badListsAreExplainedAndRefused_data()
    {
        QTest::addColumn<QString>("workers");
        QTest::addColumn<QString>("reason");
        QTest::newRow("zero") << u"0,2"_s << u"whole numbers >= 1"_s;
        QTest::newRow("empty") << u""_s << u"at least one"_s;
        QTest::newRow("too many") << u"1,100000"_s << u"worker"_s;
    }
    void badListsAreExplainedAndRefused()
    {
        QFETCH(QString, workers);
        QFETCH(QString, reason);
        ScalingPanel panel;
        setUpWorkerSweep(panel, {Mode::Threads}, 1);
        panel.workersEdit()->setText(workers);
        QString problem;
        QVERIFY(!panel.plan(&problem));
        QVERIFY2(problem.contains(reason), qPrintable(problem));
        QVERIFY(!panel.startButton()->isEnabled());
        QVERIFY(!panel.start());
        QVERIFY(!panel.isRunning());
    }

    void startIsBlockedWhileARaceRuns()
    {
        ScalingPanel panel;
        setUpWorkerSweep(panel, {Mode::Threads}, 1);
        QVERIFY(panel.startButton()->isEnabled());
        panel.setBlocked(true);
        QVERIFY(!panel.startButton()->isEnabled());
        QVERIFY(!panel.startAction()->isEnabled());
        QVERIFY(!panel.start());
        panel.setBlocked(false);
        QVERIFY(panel.startButton()->isEnabled());
    }

    void exportsTheCharts_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("png") << u"png"_s;
        QTest::newRow("svg") << u"svg"_s;
    }
    void exportsTheCharts()
    {
        QFETCH(QString, suffix);
        ScalingPanel panel;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"scaling."_s + suffix);
        QString error;
        QVERIFY(!panel.exportChart(0, path, QSize(800, 600), &error)); // nothing measured yet
        QVERIFY(!error.isEmpty());
        setUpWorkerSweep(panel, {Mode::Threads}, 1);
        QSignalSpy finished(&panel, &ScalingPanel::sweepFinished);
        QVERIFY(panel.start());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kSweepTimeoutMs);
        QVERIFY2(panel.exportChart(0, path, QSize(800, 600), &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        if (suffix == u"png") {
            const QImage img = QImage::fromData(bytes);
            QCOMPARE(img.size(), QSize(800, 600));
            // Drawn, not blank: the mode's colour is on it.
            const QColor threads = Theme::modeColor(Mode::Threads);
            bool found = false;
            for (int y = 0; y < img.height() && !found; y += 2)
                for (int x = 0; x < img.width() && !found; x += 2)
                    found = img.pixelColor(x, y) == threads;
            QVERIFY(found);
        } else {
            QVERIFY(bytes.contains("<svg"));
            QVERIFY(bytes.contains("workers N"));
        }
    }

    // `wordrace-cli chart --kind scaling|efficiency|sizes|sizes-speedup` draws what `sweep --json` wrote.
    void cliDrawsASweep_data()
    {
        QTest::addColumn<QStringList>("sweepArgs");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<int>("exitCode");
        const QStringList workers{u"--workers"_s, u"1,2"_s, u"--corpus"_s, u"lesson:1000"_s};
        const QStringList sizes{u"--sizes"_s, u"lesson:100,lesson:1000"_s, u"--workers"_s, u"2"_s};
        QTest::newRow("scaling png") << workers << u"scaling"_s << u"png"_s << 0;
        QTest::newRow("efficiency svg") << workers << u"efficiency"_s << u"svg"_s << 0;
        QTest::newRow("scaling pdf") << workers << u"scaling"_s << u"pdf"_s << 0;
        QTest::newRow("sizes png") << sizes << u"sizes"_s << u"png"_s << 0;
        QTest::newRow("sizes-speedup svg") << sizes << u"sizes-speedup"_s << u"svg"_s << 0;
        QTest::newRow("scaling of a size sweep") << sizes << u"scaling"_s << u"png"_s << 2;
        QTest::newRow("sizes of a worker sweep") << workers << u"sizes"_s << u"png"_s << 2;
        QTest::newRow("scaling of a plain run") << QStringList() << u"scaling"_s << u"png"_s << 2;
    }
    void cliDrawsASweep()
    {
        QFETCH(QStringList, sweepArgs);
        QFETCH(QString, kind);
        QFETCH(QString, suffix);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString json = dir.filePath(u"sweep.json"_s);
        const CliRun made = runSweepCli(
            sweepArgs.isEmpty() ? QStringList{u"run"_s, u"--corpus"_s, u"lesson:1000"_s, u"--json"_s, json}
                                : QStringList{u"sweep"_s, u"--json"_s, json} + sweepArgs);
        QVERIFY2(made.exitCode == 0, made.err.constData());
        const QString out = dir.filePath(u"chart."_s + suffix);
        const CliRun drawn =
            runSweepCli({u"chart"_s, json, u"--kind"_s, kind, u"--out"_s, out, u"--size"_s, u"1280x720"_s});
        QVERIFY2(drawn.exitCode == exitCode, drawn.err.constData());
        if (exitCode != 0) {
            QVERIFY(!QFile::exists(out));
            QVERIFY(drawn.err.contains("--kind") || drawn.err.contains("sweep"));
            return;
        }
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        if (suffix == u"png")
            QCOMPARE(QImage::fromData(bytes).size(), QSize(1280, 720));
        else if (suffix == u"svg")
            QVERIFY(bytes.contains("<svg") &&
                    bytes.contains(kind.startsWith(u"sizes"_s) ? "corpus size" : "workers N"));
        else
            QVERIFY(bytes.startsWith("%PDF"));
    }
};

QTEST_MAIN(TestScaling)
#include "tst_scaling.moc"
