#include "analysis/scenario.h"
#include "charts/overheadchart.h"
#include "charts/theme.h"
#include "charts/wallcpuchart.h"
#include "corpus/taskplanner.h"
#include "eventcounter.h"
#include "io/resulttable.h"
#include "panels/experimentpanel.h"
#include "panels/exportdialog.h"
#include "panels/livetext.h"
#include "panels/resultspane.h"
#include "panels/resulttableview.h"
#include "panels/scenariopanel.h"
#include "patience.h"
#include "procscan.h"
#include "session/appsettings.h"
#include "session/resulttablemodel.h"
#include "session/runhistory.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"
#include "window/presentationmode.h"
#include "window/shortcutsbox.h"
#include "windowparts.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChartView>
#include <QCheckBox>
#include <QClipboard>
#include <QColor>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QProcess>
#include <QProcessEnvironment>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace windowparts;
using namespace wordrace;

namespace {

constexpr int kRunTimeoutMs = 120000;

Experiment smallExperiment(const QString &corpus = u"lesson:20000"_s)
{
    Experiment e;
    e.corpus = *CorpusSpec::parse(corpus);
    e.workers = 2;
    return e;
}

QAction *action(MainWindow &w, const QString &name)
{
    return w.findChild<QAction *>(name);
}

// Runs the panel's experiment through the Run action and waits for the end.
bool runAndWait(MainWindow &w, bool *cancelled = nullptr)
{
    QSignalSpy finished(runner(w), &Runner::experimentFinished);
    action(w, u"runAction"_s)->trigger();
    if (!finished.wait(kRunTimeoutMs) && finished.isEmpty())
        return false;
    if (cancelled)
        *cancelled = finished.first().at(1).toBool();
    QCoreApplication::processEvents();
    // The charts follow the last result a turn or two of the event loop later.
    return QTest::qWaitFor([&] { return !pane(w, 0)->chartsPending() && !pane(w, 1)->chartsPending(); },
                           kRunTimeoutMs);
}

// Every visible widget that shows text in a font smaller than `px`, named for the failure message.
QStringList smallTexts(const QWidget &window, int px)
{
    QStringList small;
    const QList<QWidget *> widgets = window.findChildren<QWidget *>();
    for (const QWidget *w : widgets) {
        if (!w->isVisible())
            continue;
        QString text;
        if (const auto *l = qobject_cast<const QLabel *>(w))
            text = l->text();
        else if (const auto *b = qobject_cast<const QAbstractButton *>(w))
            text = b->text();
        else if (const auto *c = qobject_cast<const QComboBox *>(w))
            text = c->currentText();
        else if (const auto *t = qobject_cast<const QTabBar *>(w))
            text = t->count() > 0 ? t->tabText(0) : QString();
        else if (const auto *p = qobject_cast<const QProgressBar *>(w))
            text = p->isTextVisible() ? p->text() : QString();
        else if (qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QHeaderView *>(w) ||
                 qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QStatusBar *>(w))
            text = QString::fromLatin1(w->metaObject()->className());
        if (text.trimmed().isEmpty())
            continue;
        if (const int size = QFontInfo(w->font()).pixelSize(); size < px)
            small << u"%1 \"%2\" %3 px"_s
                         .arg(w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className())
                                                        : w->objectName(),
                              text.left(30))
                         .arg(size);
    }
    return small;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableMarksDoubtfulRuns()
    {
        RunResult plain;
        plain.mode = Mode::Sequential;
        RunResult doubtful = plain;
        doubtful.mode = Mode::Threads;
        doubtful.warnings = {RunWarning{u"implausible-speedup"_s, u"threads ran 13x faster"_s},
                             RunWarning{u"busy-machine"_s, u"other programs used 1.0 of 2 cores"_s}};
        ResultTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResults({plain, doubtful});
        const QModelIndex mode0 = model.index(0, ResultTable::ModeColumn);
        const QModelIndex mode1 = model.index(1, ResultTable::ModeColumn);
        QCOMPARE(model.data(mode0).toString(), u"sequential"_s);
        QCOMPARE(model.data(mode1).toString(), u"threads ⚠"_s);
        QVERIFY(!model.data(mode0, Qt::ForegroundRole).isValid());
        QCOMPARE(model.data(mode1, Qt::ForegroundRole).value<QColor>(), Theme::warningColor());
        // Every cell of the doubtful row says why, whichever the pointer is over.
        const QString tip = model.data(model.index(1, ResultTable::Wall), Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"13x faster"_s) && tip.contains(u"1.0 of 2 cores"_s), qPrintable(tip));
        QVERIFY(model.data(mode1, Qt::AccessibleTextRole).toString().contains(u"with warnings"_s));
    }

    // The history as a model: rows added, touched and replaced keep Qt's model contract, and each
    // row names its experiment's conditions.
    void historyModelKeepsTheContract()
    {
        RunHistory history;
        QAbstractItemModelTester tester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Experiment plain;
        plain.corpus = CorpusSpec::niceHat(1);
        QCOMPARE(history.add(plain), 0);
        Experiment gil = plain;
        gil.knobs.gil = true;
        gil.knobs.workPerWordNs = 95;
        QCOMPARE(history.add(gil), 1);
        QCOMPARE(history.rowCount(), 2);
        history.entry(1).results.append(RunResult{});
        history.touch(1);
        const QString title = history.data(history.index(1), Qt::DisplayRole).toString();
        QVERIFY2(title.contains(conditionsText(gil.knobs)), qPrintable(title));
        QVERIFY2(!history.data(history.index(0), Qt::DisplayRole).toString().contains(u"GIL"_s),
                 qPrintable(history.data(history.index(0), Qt::DisplayRole).toString()));
        history.replace({history.entry(0)});
        QCOMPARE(history.rowCount(), 1);
        QCOMPARE(history.add(plain), 1);
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"WordRaceTest"_s);
        QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    }

    void init()
    {
        QSettings().clear();
        QSettings().sync();
    }

    void opensOnTheLesson()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), u"lesson ×10,000,000[*]"_s); // the platform adds " — WordRace"
        const Experiment e = experimentPanel(w)->experiment();
        QCOMPARE(e.corpus, CorpusSpec::lesson());
        QCOMPARE(e.modes, allModes());
        QCOMPARE(e.workers, Experiment::defaultWorkers());
        QVERIFY(!e.chunkLines);
        QVERIFY(action(w, u"runAction"_s)->isEnabled());
        QVERIFY(!action(w, u"cancelAction"_s)->isEnabled());
        auto *cpus = w.findChild<QLabel *>(u"cpuInfo"_s);
        QVERIFY(cpus);
        QVERIFY(cpus->text().contains(QString::number(Experiment::defaultWorkers())));
        // The chunk box shows Pool.map's default for the lesson: 30,000,000 lines / (4 x workers).
        const QString chunk = experimentPanel(w)->chunkBox()->specialValueText();
        QVERIFY2(chunk.contains(QLocale(QLocale::English)
                                    .toString(qulonglong(TaskPlanner::defaultChunkLines(
                                        30'000'000, Experiment::defaultWorkers())))),
                 qPrintable(chunk));
    }

    void shortcutsAreTheUsualOnes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QKeySequence>("key");
        QTest::newRow("run") << u"runAction"_s << QKeySequence(Qt::Key_F5);
        QTest::newRow("cancel") << u"cancelAction"_s << QKeySequence(Qt::Key_Escape);
        QTest::newRow("open text file") << u"openAction"_s << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
        QTest::newRow("open session") << u"openSessionAction"_s << QKeySequence(QKeySequence::Open);
        QTest::newRow("save session") << u"saveSessionAction"_s << QKeySequence(QKeySequence::Save);
        QTest::newRow("export everything")
            << u"exportEverythingAction"_s << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E);
        QTest::newRow("export") << u"exportAction"_s << QKeySequence(Qt::CTRL | Qt::Key_E);
        QTest::newRow("quit") << u"quitAction"_s << QKeySequence(Qt::CTRL | Qt::Key_Q);
        QTest::newRow("presentation") << u"presentationAction"_s << QKeySequence(Qt::Key_F11);
        QTest::newRow("about") << u"aboutAction"_s << QKeySequence(Qt::Key_F1);
    }

    void shortcutsAreTheUsualOnes()
    {
        QFETCH(QString, name);
        QFETCH(QKeySequence, key);
        MainWindow w;
        QAction *a = action(w, name);
        QVERIFY(a);
        QCOMPARE(a->shortcut(), key);
        QVERIFY(!a->toolTip().isEmpty());
    }

    void runShowsChartsAndTable_data()
    {
        QTest::addColumn<QString>("corpus");
        QTest::addColumn<quint64>("words");
        QTest::newRow("lesson") << u"lesson:20000"_s << quint64(20000 * 11);
        QTest::newRow("nicehat") << u"nicehat"_s << quint64(100 * 11);
    }

    void runShowsChartsAndTable()
    {
        QFETCH(QString, corpus);
        QFETCH(quint64, words);
        MainWindow w;
        w.show();
        experimentPanel(w)->setExperiment(smallExperiment(corpus));
        bool cancelled = true;
        QVERIFY(runAndWait(w, &cancelled));
        QVERIFY(!cancelled);
        QVERIFY2(!errorBox(w), errorBox(w) ? qPrintable(errorBox(w)->informativeText()) : "");

        QCOMPARE(history(w)->count(), 1);
        const HistoryEntry &entry = history(w)->entry(0);
        QCOMPARE(entry.state, HistoryEntry::State::Done);
        QCOMPARE(entry.results.size(), 3);
        ResultsPane *pane = windowparts::pane(w, 0);
        QCOMPARE(pane->entryNumber(), entry.number);

        // The table shows exactly what ResultTable (and so the CLI) shows.
        ResultTableModel *model = pane->tableModel();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->columnCount(), int(ResultTable::ColumnCount));
        for (int row = 0; row < 3; ++row) {
            const RunResult &r = entry.results.at(row);
            QCOMPARE(r.words, words);
            for (int c = 0; c < ResultTable::ColumnCount; ++c) {
                // A doubtful run (a busy CI machine makes one) is marked after its mode.
                const QString mark =
                    c == ResultTable::ModeColumn && !r.warnings.isEmpty() ? u" ⚠"_s : QString();
                QCOMPARE(model->data(model->index(row, c)).toString(),
                         ResultTable::cell(r, c, ResultTable::Style::Readable) + mark);
                QCOMPARE(model->headerData(c, Qt::Horizontal).toString(), ResultTable::header(c));
            }
        }

        // The charts show the same runs.
        WallCpuChart *chart = pane->wallCpuChart();
        QCOMPARE(chart->results().size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(chart->results().at(i).mode, entry.results.at(i).mode);
            QCOMPARE(chart->results().at(i).wallS, entry.results.at(i).wallS);
            QVERIFY(chart->barRect(i, false).isValid());
        }
        const TimelineData &timeline = pane->timeline()->data();
        QCOMPARE(timeline.groups().size(), std::size_t(3));
        qsizetype tasks = 0;
        for (const RunResult &r : entry.results)
            tasks += r.tasks.size();
        QCOMPARE(timeline.taskCount(), tasks);
        for (std::size_t g = 0; g < 3; ++g) {
            QVERIFY(!timeline.groups()[g].live);
            QCOMPARE(int(timeline.groups()[g].lanes.size()), entry.results.at(qsizetype(g)).workers);
        }
        QVERIFY(action(w, u"runAction"_s)->isEnabled());
        QVERIFY(!action(w, u"cancelAction"_s)->isEnabled());
        QCOMPARE(progressBar(w)->value(), progressBar(w)->maximum());
        QVERIFY(workerProcesses(getpid()).isEmpty());
    }

    // The runner holds each run until the window has drawn the last result and the run's own
    // start, so that the drawing does not compete with the run's workers for the cores.
    void nextRunWaitsForTheChartsToBeDrawn()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        experimentPanel(w)->setExperiment(smallExperiment(u"lesson:20000"_s));
        // Far longer than the test may take: the experiment ends in time only if the window tells
        // the runner that each run's start and result are drawn.
        runner(w)->setDisplayWait(600000);
        QList<bool> chartsPendingAtStart;
        connect(runner(w), &Runner::runStarted, this,
                [&] { chartsPendingAtStart.append(pane(w, 0)->chartsPending()); });
        bool cancelled = true;
        QVERIFY(runAndWait(w, &cancelled));
        QVERIFY(!cancelled);
        QCOMPARE(chartsPendingAtStart, QList<bool>({false, false, false}));
    }

    // The progress text changes many times a second while a run is measured; it repaints itself
    // and asks no layout to be redone, which would cost the cores the run is measured on.
    void progressTextLaysNothingOut()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *text = w.findChild<LiveText *>(u"progressLabel"_s);
        QVERIFY(text);
        settleEvents();
        int layoutRequests = 0;
        EventCounter counter(QEvent::LayoutRequest, &layoutRequests);
        for (QWidget *widget = text; widget; widget = widget->parentWidget())
            widget->installEventFilter(&counter);
        for (int i = 0; i < 30; ++i) {
            text->setText(u"threads: %1 of 30 tasks · %2 words"_s.arg(i).arg(QString(i, u'9')));
            QCoreApplication::processEvents();
        }
        settleEvents();
        QCOMPARE(layoutRequests, 0);
        QVERIFY(text->text().startsWith(u"threads: 29 of 30"_s));
        QCOMPARE(text->toolTip(), text->text());
        QCOMPARE(text->accessibleName(), u"Words counted and time elapsed"_s);
    }

    // The pane's heading carries the engine's summary, which can be long; it must wrap rather than
    // make the window wider than the screen (projector type makes it twice as wide).
    void longHeadingDoesNotWidenTheWindow()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *heading = pane(w, 0)->findChild<QLabel *>(u"paneHeading"_s);
        QVERIFY(heading);
        settleEvents(); // the layouts pass changed sizes up one event at a time
        const int before = w.minimumSizeHint().width();
        QStringList words;
        for (int i = 0; i < 60; ++i)
            words << u"580,000,000 bytes"_s;
        heading->setText(words.join(u' '));
        settleEvents();
        QVERIFY2(w.minimumSizeHint().width() <= before,
                 qPrintable(u"%1 > %2"_s.arg(w.minimumSizeHint().width()).arg(before)));
    }

    // A 1366x768 projector leaves about 730 pixels for the window: the results scroll rather than
    // push the table and the status bar off the bottom (the window needed 814 before).
    void fitsASmallScreen()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        experimentPanel(w)->setExperiment(smallExperiment(u"nicehat"_s));
        QVERIFY(runAndWait(w));
        settleEvents();
        QVERIFY2(w.minimumSizeHint().height() <= 730,
                 qPrintable(QString::number(w.minimumSizeHint().height())));
        const auto *scroll = w.findChild<QScrollArea *>(u"paneScroll"_s);
        QVERIFY(scroll && scroll->isAncestorOf(pane(w, 0)));
    }

    // With every panel open (the lesson conditions expanded, History shown) the window still
    // fits a 1366x768 screen: the panel scrolls instead of growing the window.
    void fitsASmallScreenWithEveryPanelOpen()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        experimentPanel(w)->conditionsToggle()->setChecked(true);
        settleEvents();
        QVERIFY(experimentPanel(w)->conditionsToggle()->isChecked());
        for (auto *dock : w.findChildren<QDockWidget *>())
            QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
        const QSize minimum = w.minimumSizeHint().expandedTo(w.minimumSize());
        // 768 lines less a panel or task bar of about 40.
        QVERIFY2(minimum.width() <= 1366 && minimum.height() <= 728,
                 qPrintable(u"%1x%2"_s.arg(minimum.width()).arg(minimum.height())));
        // Nothing in the panel is cut to make it fit: it is as wide as its widest row.
        const auto *scroll = w.findChild<QScrollArea *>(u"experimentScroll"_s);
        QVERIFY(scroll && scroll->widget() == experimentPanel(w));
        QVERIFY2(scroll->viewport()->width() >= experimentPanel(w)->minimumSizeHint().width(),
                 qPrintable(u"viewport %1 px, panel needs %2"_s.arg(scroll->viewport()->width())
                                .arg(experimentPanel(w)->minimumSizeHint().width())));
    }

    void tableCopiesTsv()
    {
        MainWindow w;
        w.show();
        experimentPanel(w)->setExperiment(smallExperiment(u"nicehat"_s));
        QVERIFY(runAndWait(w));
        ResultTableView *table = pane(w, 0)->table();
        table->setFocus();
        QApplication::clipboard()->clear();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), ResultTable::tsv(history(w)->entry(0).results));
        table->selectRow(1);
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), ResultTable::tsv({history(w)->entry(0).results.at(1)}));
    }

    void cancelStopsTheRun()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        experimentPanel(w)->setExperiment(smallExperiment(u"lesson:3000000"_s));
        QSignalSpy finished(runner(w), &Runner::experimentFinished);
        action(w, u"runAction"_s)->trigger();
        QVERIFY(w.isRunning());
        QVERIFY(action(w, u"cancelAction"_s)->isEnabled());
        QVERIFY(!action(w, u"runAction"_s)->isEnabled());
        // Esc, as a teacher would press it: the corpus is still being built, so the run is
        // certainly not over yet.
        QTest::keyClick(&w, Qt::Key_Escape);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(!w.isRunning());
        QCOMPARE(history(w)->entry(0).state, HistoryEntry::State::Cancelled);
        QVERIFY(action(w, u"runAction"_s)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(workerProcesses(getpid()).isEmpty(), kPatienceMs);
    }

    void closingMidRunLeavesNoWorker()
    {
        auto w = std::make_unique<MainWindow>();
        w->show();
        Experiment e = smallExperiment(u"lesson:3000000"_s);
        e.modes = {Mode::Processes};
        e.chunkLines = 20; // 450,000 tasks: long enough to close while workers count
        experimentPanel(*w)->setExperiment(e);
        QSignalSpy started(runner(*w), &Runner::runStarted);
        QSignalSpy finished(runner(*w), &Runner::experimentFinished);
        w->runExperiment();
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !finished.isEmpty(), kRunTimeoutMs);
        QVERIFY(w->close());
        w.reset();
        QTRY_VERIFY_WITH_TIMEOUT(workerProcesses(getpid()).isEmpty(), kPatienceMs);
    }

    void failureOpensADialog()
    {
        MainWindow w;
        w.show();
        Experiment e = smallExperiment();
        e.corpus = CorpusSpec::file(u"/nonexistent-wordrace/corpus.txt"_s);
        experimentPanel(w)->setExperiment(e);
        QVERIFY(runAndWait(w));
        QTRY_VERIFY(errorBox(w) && errorBox(w)->isVisible());
        QVERIFY(errorBox(w)->informativeText().contains(u"corpus.txt"_s));
        QVERIFY(errorBox(w)->informativeText().contains(u"press Run again"_s)); // what to do
        QCOMPARE(history(w)->entry(0).state, HistoryEntry::State::Failed);
        QVERIFY(action(w, u"runAction"_s)->isEnabled());
        errorBox(w)->accept();
    }

    // Every segment of "Where the time went" answers a hover with its numbers.
    void overheadSegmentsSayTheirNumbers()
    {
        RunResult seq;
        seq.mode = Mode::Sequential;
        seq.wallS = 2.0;
        seq.overhead.computeS = 2.0;
        RunResult proc;
        proc.mode = Mode::Processes;
        proc.workers = 2;
        proc.wallS = 2.0;
        proc.overhead.startupS = 1.0;
        proc.overhead.computeS = 3.0;
        OverheadChart chart;
        chart.setResults({seq, proc});
        auto *series = qobject_cast<QHorizontalStackedBarSeries *>(chart.series().value(0));
        QVERIFY(series);
        // Categories run bottom-up: index 0 is the last run (processes).
        QBarSet *startup = series->barSets().value(0);
        QVERIFY(startup);
        Q_EMIT series->hovered(true, 0, startup);
        QVERIFY2(chart.toolTip().contains(u"processes ×2"_s), qPrintable(chart.toolTip()));
        QVERIFY2(chart.toolTip().contains(OverheadChart::phaseName(0) + u": 1.000 s"_s),
                 qPrintable(chart.toolTip()));
        QVERIFY2(chart.toolTip().contains(u"25.0%"_s), qPrintable(chart.toolTip()));
        Q_EMIT series->hovered(false, 0, startup);
        QVERIFY(chart.toolTip().isEmpty());
        QVERIFY(chart.segmentText(0, 2).contains(u"sequential"_s));
    }

    void overheadChartExportsEveryFormat_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<bool>("projector");
        for (const QString &suffix : {u"png"_s, u"svg"_s, u"pdf"_s})
            for (bool projector : {false, true})
                QTest::newRow(qPrintable(suffix + (projector ? u" projector"_s : QString())))
                    << suffix << projector;
    }

    void overheadChartExportsEveryFormat()
    {
        QFETCH(QString, suffix);
        QFETCH(bool, projector);
        QList<RunResult> results;
        for (Mode mode : allModes()) {
            RunResult r;
            r.mode = mode;
            r.workers = mode == Mode::Sequential ? 1 : 4;
            r.corpus = CorpusSpec::lesson();
            r.wallS = 5.0;
            r.overhead.startupS = mode == Mode::Processes ? 0.4 : 0.0;
            r.overhead.computeS = 4.0;
            r.overhead.ioS = 1.0;
            r.overhead.gilWaitS = mode == Mode::Threads ? 2.0 : 0.0;
            r.overhead.idleS = 0.5;
            results << r;
        }
        QCOMPARE(ChartExporter::kindFromName(u"overhead"_s), std::optional<ChartKind>(ChartKind::Overhead));
        QCOMPARE(ChartExporter::kindName(ChartKind::Overhead), u"overhead"_s);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"overhead."_s + suffix);
        const ChartSource source{
            ChartKind::Overhead, results, ChartExporter::defaultTitle(ChartKind::Overhead, results), {}, 0.0};
        const Theme theme = projector ? Theme::projector() : Theme::light();
        QString error;
        QVERIFY2(ChartExporter::write(source, theme, path, QSize(1920, 1080), &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        if (suffix == u"png") {
            QImage image;
            QVERIFY(image.loadFromData(bytes, "PNG"));
            QCOMPARE(image.size(), QSize(1920, 1080));
            // The compute and I/O-wait segments are drawn in their colours.
            for (int phase : {2, 3}) {
                const QRgb want = OverheadChart::phaseColor(phase, theme).rgb() & 0xffffff;
                bool found = false;
                for (int y = 0; y < image.height() && !found; y += 2)
                    for (int x = 0; x < image.width() && !found; x += 2)
                        found = (image.pixel(x, y) & 0xffffff) == want;
                QVERIFY2(found, qPrintable(OverheadChart::phaseName(phase)));
            }
        } else if (suffix == u"svg") {
            QVERIFY(bytes.contains("<svg"));
            QVERIFY(bytes.contains("compute"));
            QVERIFY(bytes.contains("GIL wait"));
            QVERIFY(bytes.contains("processes"));
        } else {
            QVERIFY(bytes.startsWith("%PDF"));
            QVERIFY(bytes.size() > 1000);
        }
    }

    // File > Export offers the clipboard too, at the size and look chosen in the dialog.
    void exportDialogCopiesToTheClipboard()
    {
        MainWindow w;
        w.show();
        experimentPanel(w)->setExperiment(smallExperiment(u"lesson:20000"_s));
        QVERIFY(runAndWait(w));
        QApplication::clipboard()->clear();
        bool clicked = false;
        QTimer::singleShot(0, &w, [&] {
            auto *dialog = w.findChild<ExportDialog *>();
            if (!dialog)
                return;
            dialog->setPixelSize(QSize(1920, 1080));
            if (auto *copy = dialog->findChild<QPushButton *>(u"copyButton"_s)) {
                copy->click();
                clicked = true;
            } else {
                dialog->reject();
            }
        });
        action(w, u"exportAction"_s)->trigger();
        QVERIFY(clicked);
        QCOMPARE(QApplication::clipboard()->image().size(), QSize(1920, 1080));
    }

    void exportsFromTheWindow_data()
    {
        QTest::addColumn<ChartKind>("kind");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<bool>("projector");
        for (ChartKind kind : {ChartKind::WallCpu, ChartKind::Timeline, ChartKind::Overhead})
            for (const QString &suffix : {u"png"_s, u"svg"_s, u"pdf"_s})
                for (bool projector : {false, true})
                    QTest::newRow(qPrintable(u"%1 %2%3"_s.arg(ChartExporter::kindName(kind), suffix,
                                                              projector ? u" projector"_s : QString())))
                        << kind << suffix << projector;
    }

    void exportsFromTheWindow()
    {
        QFETCH(ChartKind, kind);
        QFETCH(QString, suffix);
        QFETCH(bool, projector);
        MainWindow w;
        w.show();
        experimentPanel(w)->setExperiment(smallExperiment(u"nicehat"_s));
        QVERIFY(runAndWait(w));
        // The overhead breakdown shows the run's modes beside the other charts.
        QCOMPARE(pane(w, 0)->overheadChart()->results().size(), history(w)->entry(0).results.size());
        QVERIFY(pane(w, 0)->overheadView()->isVisible());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"chart."_s + suffix);
        QString error;
        QVERIFY2(w.exportChart(kind, path, QSize(1920, 1080), projector, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        if (suffix == u"png") {
            QImage image;
            QVERIFY(image.loadFromData(bytes));
            QCOMPARE(image.size(), QSize(1920, 1080));
        } else if (suffix == u"svg") {
            QVERIFY(bytes.startsWith("<?xml"));
            QVERIFY(bytes.contains("<svg"));
        } else {
            QVERIFY(bytes.startsWith("%PDF"));
        }
        QVERIFY(!w.exportChart(kind, u"/nonexistent-wordrace-folder/x."_s + suffix, QSize(800, 600), false,
                               &error));
        QVERIFY(error.contains(u"cannot write"_s));

        QApplication::clipboard()->clear();
        w.copyChart(kind);
        QVERIFY(!QApplication::clipboard()->image().isNull());
    }

    void presentationMode()
    {
        MainWindow w;
        w.show();
        experimentPanel(w)->setExperiment(smallExperiment(u"nicehat"_s));
        QVERIFY(runAndWait(w));
        auto *toolBar = w.findChild<QToolBar *>(u"mainToolBar"_s);
        QVERIFY(toolBar);
        const QList<QAction *> deskTools = toolBar->actions();
        QTest::keyClick(&w, Qt::Key_F11);
        QVERIFY(w.isPresentation());
        QVERIFY(!toolBar->actions().contains(action(w, u"exportAction"_s)));
        QTRY_VERIFY(w.isFullScreen());
        QVERIFY(!w.menuBar()->isVisible());
        QVERIFY(!w.findChild<QDockWidget *>(u"experimentDock"_s)->isVisible());
        ResultsPane *pane = windowparts::pane(w, 0);
        // Big type for this screen (the test platform's is 800 lines high: 17 px at the least).
        const int px = PresentationMode::textPx(w.height());
        QVERIFY(pane->wallCpuChart()->theme().textPx >= px);
        QVERIFY(pane->timeline()->theme().textPx >= px);
        QVERIFY(QFontInfo(pane->table()->font()).pixelSize() >= px);
        // Two charts fit a projector at this size; the breakdown waits for the desk view.
        auto *overhead = pane->findChild<QWidget *>(u"overheadChart"_s);
        QVERIFY(overhead);
        QVERIFY(!overhead->isVisible());
        // Run and cancel still work with the menu bar hidden.
        QVERIFY(runAndWait(w));
        QCOMPARE(history(w)->count(), 2);
        // Esc leaves presentation when nothing runs.
        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.isPresentation());
        QVERIFY(w.menuBar()->isVisible());
        QTRY_VERIFY(w.findChild<QDockWidget *>(u"experimentDock"_s)->isVisible());
        QVERIFY(pane->wallCpuChart()->theme().textPx < 24);
        QTRY_VERIFY(overhead->isVisible());
        QCOMPARE(toolBar->actions(), deskTools);
    }

    // Presentation mode: every visible text a class reads is at least 24 px on a 1080-line screen,
    // in proportion on others; the desk's sizes come back when it ends.
    void presentationTextIsReadable_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1366x768 projector") << QSize(1366, 768);
        QTest::newRow("3840x2160 at scale 1") << QSize(3840, 2160);
    }
    void presentationTextIsReadable()
    {
        QFETCH(QSize, screen);
        const int deskPx = QFontInfo(QApplication::font()).pixelSize();
        MainWindow w;
        w.show();
        // Every part a lesson shows: the race's charts and table after a run, and a scenario's
        // question with its choices.
        experimentPanel(w)->setExperiment(smallExperiment(u"nicehat"_s));
        QVERIFY(runAndWait(w));
        QVERIFY(w.startScenario(u"race"_s));
        w.setPresentation(true);
        // What full screen gives on that screen (the test platform's own screen is 800 high).
        w.setWindowState(Qt::WindowNoState);
        w.resize(screen);
        QTRY_COMPARE(w.height(), screen.height());
        const int wanted = screen.height() * 24 / 1080;
        QCOMPARE(PresentationMode::textPx(screen.height()), wanted);
        const QStringList small = smallTexts(w, wanted);
        QVERIFY2(small.isEmpty(), qPrintable(small.join(u"; "_s)));
        QVERIFY(QFontInfo(QToolTip::font()).pixelSize() >= wanted);
        // Menus opened from the slide (created before presentation began) follow too.
        const QList<QMenu *> menus = w.findChildren<QMenu *>();
        QVERIFY(!menus.isEmpty());
        for (const QMenu *menu : menus)
            QVERIFY2(QFontInfo(menu->font()).pixelSize() >= wanted, qPrintable(menu->title()));
        // The Scaling tab's controls.
        tabs(w)->setCurrentIndex(1);
        QCoreApplication::processEvents();
        const QStringList scaling = smallTexts(w, wanted);
        QVERIFY2(scaling.isEmpty(), qPrintable(scaling.join(u"; "_s)));
        tabs(w)->setCurrentIndex(0);
        // The charts' type follows the screen: the projector's 26 px at 1080 lines, in proportion
        // elsewhere, and never under the smallest text.
        QCOMPARE(pane(w, 0)->wallCpuChart()->theme().textPx, 26 * wanted / 24);
        QVERIFY(pane(w, 0)->timeline()->theme().textPx >= wanted);
        // The walkthrough's slide too.
        QVERIFY(w.startWalkthrough());
        QCoreApplication::processEvents();
        const QStringList slide = smallTexts(w, wanted);
        QVERIFY2(slide.isEmpty(), qPrintable(slide.join(u"; "_s)));
        auto *slidePane = w.findChild<ResultsPane *>(u"walkthroughPane"_s);
        QVERIFY(slidePane);
        QCOMPARE(slidePane->wallCpuChart()->theme().textPx, 26 * wanted / 24);
        w.setPresentation(false);
        QCOMPARE(QFontInfo(QApplication::font()).pixelSize(), deskPx);
    }

    // The lesson walkthrough, as a presenter's clicker drives it: votes, a run, the reveal in one
    // line, the next step, a blanked screen, and Esc back to the desk; its runs are in the history.
    void walkthroughStepByStep()
    {
        QSettings().setValue(u"walkthrough/step"_s, 1); // resumes at the return-values step
        MainWindow w;
        w.show();
        QVERIFY(w.startWalkthrough());
        auto *page = w.findChild<QWidget *>(u"walkthrough"_s);
        QVERIFY(page);
        QTRY_VERIFY(page->isVisible());
        QVERIFY(!tabs(w)->isVisible());
        auto *step = page->findChild<QLabel *>(u"walkthroughStep"_s);
        QVERIFY2(step->text().startsWith(u"Step 2 of 7"_s), qPrintable(step->text()));
        page->setFocus();
        QTest::keyClick(page, Qt::Key_2);
        QTest::keyClick(page, Qt::Key_2);
        QTest::keyClick(page, Qt::Key_1);
        QCOMPARE(page->findChild<QProgressBar *>(u"walkthroughTally1"_s)->value(), 2);
        QCOMPARE(page->findChild<QProgressBar *>(u"walkthroughTally0"_s)->value(), 1);
        QSignalSpy finished(runner(w), &Runner::experimentFinished);
        QTest::keyClick(page, Qt::Key_PageDown);
        QVERIFY(finished.wait(kRunTimeoutMs));
        auto *headline = page->findChild<QLabel *>(u"walkthroughHeadline"_s);
        QTRY_VERIFY_WITH_TIMEOUT(headline->isVisible(), kRunTimeoutMs);
        QVERIFY2(headline->text().contains(u"order"_s), qPrintable(headline->text()));
        // The choices give their room to the chart; one line keeps what the class said.
        QVERIFY(!page->findChild<QWidget *>(u"walkthroughChoices"_s)->isVisible());
        auto *said = page->findChild<QLabel *>(u"walkthroughClassSaid"_s);
        QVERIFY(said->isVisible());
        QVERIFY2(said->text().startsWith(u"The class said: "_s), qPrintable(said->text()));
        QVERIFY2(said->text().contains(u"(2 votes)"_s), qPrintable(said->text()));
        QCOMPARE(history(w)->count(), 1);
        // The details, one key away.
        auto *details = page->findChild<QLabel *>(u"walkthroughDetails"_s);
        QVERIFY(!details->isVisible());
        QTest::keyClick(page, Qt::Key_D);
        QVERIFY(details->isVisible());
        QVERIFY(details->text().contains(u"The class predicted it"_s));
        // B blanks the screen; any key brings it back without moving on.
        QTest::keyClick(page, Qt::Key_B);
        auto *blank = page->findChild<QWidget *>(u"walkthroughBlank"_s);
        QVERIFY(blank->isVisible());
        QTest::keyClick(page, Qt::Key_PageDown);
        QVERIFY(!blank->isVisible());
        QVERIFY(headline->isVisible());
        // The next step's question, remembered for next time.
        QTest::keyClick(page, Qt::Key_PageDown);
        QVERIFY2(step->text().startsWith(u"Step 3 of 7"_s), qPrintable(step->text()));
        QVERIFY(!headline->isVisible());
        QCOMPARE(QSettings().value(u"walkthrough/step"_s).toInt(), 2);
        QTest::keyClick(page, Qt::Key_PageUp);
        QVERIFY(headline->isVisible()); // back to the reveal it came from
        QTest::keyClick(page, Qt::Key_Escape);
        QTRY_VERIFY(tabs(w)->isVisible());
        QVERIFY(!page->isVisible());
    }

    // Teachers start it where they are: help and version need no display, and without one the
    // app says what to do instead of aborting in Qt's platform plugin.
    void startsWithoutDisplay()
    {
        const QString app = QDir(QCoreApplication::applicationDirPath()).filePath(u"wordrace"_s);
        QVERIFY(QFileInfo::exists(app));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        auto run = [&](const QStringList &args) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(app, args);
            p.waitForFinished(kRunTimeoutMs);
            return std::tuple{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                              p.readAllStandardOutput(), p.readAllStandardError()};
        };
        const auto [helpCode, help, helpErr] = run({u"--help"_s});
        QCOMPARE(helpCode, 0);
        QVERIFY2(help.contains("--lesson"), help.constData());
        const auto [versionCode, version, versionErr] = run({u"--version"_s});
        QCOMPARE(versionCode, 0);
        QVERIFY(version.contains(WORDRACE_VERSION));
        const auto [code, out, err] = run({});
        QCOMPARE(code, 1);
        QVERIFY2(err.contains("xvfb-run") && err.contains("wordrace-cli"), err.constData());
    }

    void comparisonSettlesOnOneScale_data()
    {
        QTest::addColumn<quint32>("seed");
        // Most of these seeds once left the two charts on different scales: each chart rounded the
        // other's axis end to its own ticks, and the ends chased each other.
        for (quint32 seed : {1u, 2u, 16u, 21u, 23u, 33u, 51u, 68u, 76u, 77u, 80u})
            QTest::addRow("seed %u", seed) << seed;
    }

    void comparisonSettlesOnOneScale()
    {
        QFETCH(quint32, seed);
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        MainWindow w;
        w.resize(1000 + int(unit(rng) * 800), 700 + int(unit(rng) * 300));
        w.show();
        QList<HistoryEntry> entries;
        for (int k = 0; k < 2; ++k) {
            HistoryEntry e;
            e.number = k + 1;
            e.experiment = smallExperiment();
            e.state = HistoryEntry::State::Done;
            const double scale = std::pow(10.0, unit(rng) * 4 - 3); // from a millisecond to ten seconds
            for (Mode m : {Mode::Sequential, Mode::Threads, Mode::Processes}) {
                RunResult r;
                r.mode = m;
                r.workers = 2;
                r.wallS = scale * (0.2 + unit(rng));
                r.parentCpu.user = r.wallS * unit(rng) * 2;
                r.workersInsideParent = m != Mode::Processes;
                r.workersCpu.user = r.wallS * unit(rng);
                TaskRecord t;
                t.startS = 0.0;
                t.endS = r.wallS * 0.9;
                r.tasks = {t};
                r.taskCount = 1;
                r.workerNames = {u"worker 0"_s};
                e.results << r;
            }
            entries << e;
        }
        history(w)->replace(entries);
        QItemSelectionModel *selection = historyView(w)->selectionModel();
        selection->select(history(w)->index(0), QItemSelectionModel::ClearAndSelect);
        selection->select(history(w)->index(1), QItemSelectionModel::Select);
        WallCpuChart *left = pane(w, 0)->wallCpuChart();
        WallCpuChart *right = pane(w, 1)->wallCpuChart();
        QCOMPARE(left->axisMax(), right->axisMax());
        // And still once the comparison's layout has settled and the charts refitted their labels.
        settleEvents();
        QCOMPARE(left->axisMax(), right->axisMax());
        QVERIFY(left->axisMax() >= left->ownAxisMax());
        QVERIFY(right->axisMax() >= right->ownAxisMax());
    }

    void historyComparesTwoRuns()
    {
        MainWindow w;
        w.show();
        experimentPanel(w)->setExperiment(smallExperiment(u"nicehat"_s));
        QVERIFY(runAndWait(w));
        Experiment e = smallExperiment(u"lesson:20000"_s);
        e.workers = 1;
        experimentPanel(w)->setExperiment(e);
        QVERIFY(runAndWait(w));
        QCOMPARE(history(w)->count(), 2);
        QVERIFY(pane(w, 1)->isHidden());
        QCOMPARE(pane(w, 0)->entryNumber(), 2);

        QListView *list = historyView(w);
        list->selectionModel()->select(history(w)->index(0), QItemSelectionModel::ClearAndSelect);
        QCOMPARE(pane(w, 0)->entryNumber(), 1);
        QVERIFY(pane(w, 1)->isHidden());
        list->selectionModel()->select(history(w)->index(1), QItemSelectionModel::Select);
        QVERIFY(!pane(w, 1)->isHidden());
        QCOMPARE(pane(w, 0)->entryNumber(), 1);
        QCOMPARE(pane(w, 1)->entryNumber(), 2);
        // One scale for both sides.
        QCOMPARE(pane(w, 0)->wallCpuChart()->axisMax(), pane(w, 1)->wallCpuChart()->axisMax());
        QCOMPARE(pane(w, 0)->timeline()->fullRange(), pane(w, 1)->timeline()->fullRange());
        list->selectionModel()->select(history(w)->index(1), QItemSelectionModel::ClearAndSelect);
        QVERIFY(pane(w, 1)->isHidden());
        QCOMPARE(pane(w, 0)->entryNumber(), 2);
    }

    // The line under the progress bar speaks of the entry on show, not of the last run.
    void statusLineFollowsTheSelection()
    {
        MainWindow w;
        w.show();
        Experiment first = smallExperiment(u"lesson:20000"_s);
        first.modes = {Mode::Sequential};
        experimentPanel(w)->setExperiment(first);
        QVERIFY(runAndWait(w));
        Experiment second = first;
        second.modes = {Mode::Threads};
        experimentPanel(w)->setExperiment(second);
        QVERIFY(runAndWait(w));
        auto *line = w.findChild<LiveText *>(u"progressLabel"_s);
        QVERIFY(line);
        QVERIFY2(line->text().startsWith(u"#2 done in "_s) && line->text().contains(u"threads"_s),
                 qPrintable(line->text()));
        historyView(w)->selectionModel()->select(history(w)->index(0), QItemSelectionModel::ClearAndSelect);
        QVERIFY2(line->text().startsWith(u"#1 done in "_s) && line->text().contains(u"sequential"_s) &&
                     !line->text().contains(u"threads"_s),
                 qPrintable(line->text()));
    }

    void liveTimelineGrows()
    {
        ResultsPane pane;
        HistoryEntry entry;
        entry.number = 7;
        pane.showEntry(&entry);
        pane.startRun(Mode::Threads, 2);
        RunProgress p;
        p.mode = Mode::Threads;
        p.tasksTotal = 4;
        for (int i = 0; i < 3; ++i) {
            TaskRecord t;
            t.task = i;
            t.worker = i % 2;
            t.startS = 0.1 * i;
            t.endS = t.startS + 0.1;
            p.newTasks = {t};
            p.elapsedS = t.endS;
            pane.addProgress(p);
            QCOMPARE(pane.timeline()->data().taskCount(), i + 1);
        }
        QVERIFY(pane.timeline()->data().groups().front().live);
        QCOMPARE(pane.timeline()->fullRange().second, pane.timeline()->data().endS() * 1.02);
    }

    void settingsSurviveAndCorruptOnesDoNotCrash_data()
    {
        QTest::addColumn<QVariantMap>("values");
        QTest::addColumn<QString>("corpus");
        QTest::addColumn<int>("workers");
        QTest::newRow("valid") << QVariantMap{{u"experiment/corpus"_s, u"nicehat:5"_s},
                                              {u"experiment/modes"_s, QStringList{u"threads"_s}},
                                              {u"experiment/workers"_s, 3},
                                              {u"view/theme"_s, u"dark"_s}}
                               << u"nicehat:5"_s << 3;
        QTest::newRow("garbage") << QVariantMap{{u"experiment/corpus"_s, QStringList{u"x"_s, u"y"_s}},
                                                {u"experiment/modes"_s, 42},
                                                {u"experiment/workers"_s, u"many"_s},
                                                {u"experiment/chunkLines"_s, u"-5"_s},
                                                {u"view/theme"_s, QByteArray("\xff\xfe", 2)},
                                                {u"window/geometry"_s, QByteArray("not a geometry")},
                                                {u"window/state"_s, 3.14}}
                                 << u"lesson:10000000"_s << Experiment::defaultWorkers();
        QTest::newRow("out of range") << QVariantMap{{u"experiment/corpus"_s, u"lesson:99999999999999"_s},
                                                     {u"experiment/workers"_s, 100000},
                                                     {u"experiment/modes"_s, QStringList{u"quantum"_s}}}
                                      << u"lesson:10000000"_s << Experiment::defaultWorkers();
        QTest::newRow("vanished file")
            << QVariantMap{{u"experiment/corpus"_s, u"file:/nonexistent-wordrace/a.txt"_s}}
            << u"lesson:10000000"_s << Experiment::defaultWorkers();
    }

    void settingsSurviveAndCorruptOnesDoNotCrash()
    {
        QFETCH(QVariantMap, values);
        QFETCH(QString, corpus);
        QFETCH(int, workers);
        {
            QSettings s;
            for (auto it = values.cbegin(); it != values.cend(); ++it)
                s.setValue(it.key(), it.value());
        }
        MainWindow w;
        w.show();
        const Experiment e = experimentPanel(w)->experiment();
        QCOMPARE(e.corpus.toString(), corpus);
        QCOMPARE(e.workers, workers);
        QVERIFY(!e.modes.isEmpty());
        QVERIFY(!e.chunkLines);
        w.close();

        // What the window saved on closing comes back.
        MainWindow again;
        QCOMPARE(experimentPanel(again)->experiment(), e);
        QCOMPARE(again.theme().kind, w.theme().kind);
    }

    void lessonConditionsReachTheRunAndComeBack()
    {
        Knobs knobs;
        knobs.ioLatencyMs = 1.5;
        knobs.workPerWordNs = 10.0;
        knobs.gil = true;
        knobs.spawn = Spawn::PerTask;
        knobs.transport = Transport::Pipe;
        Experiment wanted = smallExperiment(u"lesson:2000"_s);
        wanted.modes = {Mode::Threads, Mode::Processes};
        wanted.knobs = knobs;
        wanted.taskTimeoutS = 30.0;
        wanted.runs = 2;
        wanted.warmup = 1;
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            ExperimentPanel *panel = experimentPanel(w);
            // Folded away at first; one click shows them.
            QVERIFY(!panel->ioLatencyBox()->isVisible());
            QTest::mouseClick(panel->conditionsToggle(), Qt::LeftButton);
            QVERIFY(panel->ioLatencyBox()->isVisible());
            // Set through the controls as a user would, not through setExperiment.
            panel->setExperiment(smallExperiment(u"lesson:2000"_s));
            panel->modeBox(Mode::Sequential)->setChecked(false);
            panel->ioLatencyBox()->setValue(1.5);
            panel->workPerWordBox()->setValue(10.0);
            panel->gilBox()->setChecked(true);
            panel->spawnBox()->setCurrentIndex(panel->spawnBox()->findData(int(Spawn::PerTask)));
            panel->transportBox()->setCurrentIndex(panel->transportBox()->findData(int(Transport::Pipe)));
            panel->timeoutBox()->setValue(30.0);
            panel->runsBox()->setValue(2);
            panel->warmupBox()->setValue(1);
            QCOMPARE(panel->experiment(), wanted);

            bool cancelled = true;
            QVERIFY(runAndWait(w, &cancelled));
            QVERIFY(!cancelled);
            const QList<RunResult> results = history(w)->entry(0).results;
            QCOMPARE(results.size(), 4); // two measured runs of two modes; the warm-up is never reported
            QList<int> repetitions;
            // A result states the start its workers had: the C++ default is spawn.
            Knobs resolved = knobs;
            resolved.start = Start::Spawn;
            for (const RunResult &r : results) {
                QVERIFY(r.knobs == resolved);
                repetitions << r.repetition;
                if (r.mode == Mode::Threads)
                    QVERIFY2(r.overhead.ioS > 0.0, "1.5 ms of I/O per task shows in the overhead");
            }
            std::sort(repetitions.begin(), repetitions.end());
            QCOMPARE(repetitions, (QList<int>{0, 0, 1, 1}));
            w.close();
        }
        MainWindow again;
        QCOMPARE(experimentPanel(again)->experiment(), wanted);
        // Non-default conditions are never restored folded out of sight.
        QVERIFY(experimentPanel(again)->conditionsToggle()->isChecked());
    }

    // Help > Keyboard Shortcuts lists the keys the actions really have (read from them) and the
    // walkthrough's keys.
    void shortcutsAreListed()
    {
        MainWindow w;
        w.show();
        action(w, u"shortcutsAction"_s)->trigger();
        auto *box = w.findChild<QDialog *>(u"shortcutsBox"_s);
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        auto *table = box->findChild<QTableWidget *>(u"shortcutsTable"_s);
        QVERIFY(table);
        QStringList rows;
        for (int r = 0; r < table->rowCount(); ++r)
            rows << table->item(r, 0)->text() + u" = "_s + table->item(r, 1)->text();
        const QString all = rows.join(u'\n');
        for (const char *expected : {"F5 = Run", "Ctrl+L = Lesson Walkthrough",
                                     "F11 = ", "Ctrl+/ = Keyboard Shortcuts", "B or . = Walkthrough: blank"})
            QVERIFY2(all.contains(QString::fromUtf8(expected)), qPrintable(all));
        // A changed shortcut shows as it is.
        action(w, u"runAction"_s)->setShortcut(QKeySequence(Qt::Key_F6));
        QVERIFY(shortcutList(&w).contains(QPair<QString, QString>(u"F6"_s, u"Run"_s)));
        box->close();
    }

    // Help explains every figure the race shows, from the Help menu or Shift+F1.
    void helpSaysWhatTheNumbersMean()
    {
        MainWindow w;
        w.show();
        QAction *help = action(w, u"numbersHelpAction"_s);
        QVERIFY(help);
        QCOMPARE(help->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F1));
        QMenu *menu = nullptr;
        for (QAction *a : w.menuBar()->actions())
            if (a->menu() && a->menu()->actions().contains(help))
                menu = a->menu();
        QVERIFY(menu);
        QVERIFY(menu->actions().contains(action(w, u"shortcutsAction"_s)));
        help->trigger();
        auto *box = w.findChild<QDialog *>(u"numbersHelp"_s);
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        auto *text = box->findChild<QTextBrowser *>(u"numbersText"_s);
        QVERIFY(text);
        for (const char *term : {"Wall time", "CPU time", "Parent CPU", "CPU/wall", "Speed-up", "⚠"})
            QVERIFY2(text->toPlainText().contains(QString::fromUtf8(term)), term);
        box->close();
    }

    void scenarioAsksRunsAndGivesAVerdict()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        // Two clicks from launch: the toolbar's Scenarios button, then the scenario.
        auto *button = w.findChild<QToolButton *>(u"scenarioButton"_s);
        QVERIFY(button && button->isVisible() && button->menu());
        const QList<QAction *> entries = button->menu()->actions();
        const auto scenarioEntries = std::count_if(entries.begin(), entries.end(), [](const QAction *a) {
            return a->objectName().startsWith(u"scenario-"_s);
        });
        QCOMPARE(scenarioEntries, Scenario::all(QThread::idealThreadCount()).size());
        // The lesson walkthrough is offered beside the scenarios it strings together.
        QVERIFY(entries.contains(action(w, u"walkthroughAction"_s)));
        QAction *scenarioAction = action(w, u"scenario-return-values"_s);
        QVERIFY(scenarioAction);
        QVERIFY(button->menu()->actions().contains(scenarioAction));
        scenarioAction->trigger();

        ScenarioPanel *panel = scenarioPanel(w);
        QVERIFY(panel->isVisible());
        const auto scenario = Scenario::byId(u"return-values"_s, QThread::idealThreadCount());
        QVERIFY(scenario);
        QCOMPARE(panel->choiceButtons().size(), scenario->choices.size());
        QVERIFY(!w.isRunning()); // nothing runs before the prediction
        QTest::mouseClick(panel->choiceButtons().at(1), Qt::LeftButton);
        QVERIFY(panel->prediction() == 1);
        QVERIFY(w.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(panel->hasVerdict(), kRunTimeoutMs);
        QVERIFY2(scenario->choices.contains(panel->answer()), qPrintable(panel->answer()));
        QVERIFY(panel->verdictLabel()->isVisible());
        QVERIFY(panel->verdictLabel()->text().contains(panel->answer()));
        QVERIFY(panel->verdictLabel()->text().contains(u"prediction"_s));
        // The scenario's run is in the history and on the charts as any run.
        QCOMPARE(history(w)->rowCount(), 1);
        QVERIFY(!history(w)->entry(0).results.isEmpty());
        QCOMPARE(history(w)->entry(0).experiment, scenario->experiments.first());
        // The panel shows what ran, not the settings it had before.
        QCOMPARE(experimentPanel(w)->experiment().corpus, scenario->experiments.first().corpus);
        QCOMPARE(experimentPanel(w)->experiment().knobs, scenario->experiments.first().knobs);
        QCOMPARE(experimentPanel(w)->experiment().workers, scenario->experiments.first().workers);
    }

    void zombieScenarioCancelsAndListsSurvivors()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.startScenario(u"zombies"_s));
        QVERIFY(!w.startScenario(u"no-such-scenario"_s));
        ScenarioPanel *panel = scenarioPanel(w);
        QTest::mouseClick(panel->skipButton(), Qt::LeftButton);
        QVERIFY(!panel->prediction());
        QTRY_VERIFY_WITH_TIMEOUT(panel->hasVerdict(), kRunTimeoutMs);
        const auto scenario = Scenario::byId(u"zombies"_s, QThread::idealThreadCount());
        QVERIFY2(scenario->choices.contains(panel->answer()), qPrintable(panel->answer()));
        // The window cancelled the run half-way itself, as the CLI does.
        QCOMPARE(history(w)->entry(0).state, HistoryEntry::State::Cancelled);
        QVERIFY(!panel->verdictLabel()->text().contains(u"prediction"_s)); // skipped
        QTRY_VERIFY_WITH_TIMEOUT(workerProcesses(getpid()).isEmpty(), kPatienceMs);
    }

    void droppedFileBecomesTheCorpus()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"poem.txt"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("the quick brown fox\njumps over the lazy dog\n");
        f.close();
        MainWindow w;
        w.show();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QTRY_COMPARE(experimentPanel(w)->experiment().corpus, CorpusSpec::file(path));
        QCOMPARE(w.windowTitle(), u"poem.txt[*]"_s);
        auto *size = w.findChild<QSpinBox *>(u"repeat"_s);
        QVERIFY(size && !size->isEnabled()); // a file's size is not a setting
        QVERIFY(runAndWait(w));
        QCOMPARE(history(w)->entry(0).results.first().words, quint64(9));
        QVERIFY(!size->isEnabled()); // nor after it ran
    }

    void everyControlIsNamedAndExplained()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QList<QWidget *> widgets = w.findChildren<QWidget *>();
        int checked = 0;
        for (QWidget *widget : widgets) {
            const bool control = qobject_cast<QAbstractButton *>(widget) ||
                                 qobject_cast<QAbstractSpinBox *>(widget) ||
                                 qobject_cast<QComboBox *>(widget) || qobject_cast<QListView *>(widget) ||
                                 qobject_cast<QTableView *>(widget) || qobject_cast<TimelineView *>(widget) ||
                                 qobject_cast<QChartView *>(widget);
            // Qt's own parts of docks and scroll areas, and the combo box's popup list.
            if (!control || widget->objectName().startsWith(u"qt_"_s) ||
                QByteArray(widget->metaObject()->className()).startsWith("QDockWidget") ||
                QByteArray(widget->metaObject()->className()) == "QTableCornerButton" ||
                qobject_cast<QComboBox *>(widget->parentWidget() ? widget->parentWidget()->parentWidget()
                                                                 : nullptr))
                continue;
            ++checked;
            QAccessibleInterface *ai = QAccessible::queryAccessibleInterface(widget);
            QVERIFY(ai);
            const QString what =
                QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName();
            QVERIFY2(!ai->text(QAccessible::Name).isEmpty(), qPrintable(what));
            if (qobject_cast<QToolButton *>(widget)) {
                auto *button = static_cast<QToolButton *>(widget);
                QVERIFY2(!button->toolTip().isEmpty() ||
                             (button->defaultAction() && !button->defaultAction()->toolTip().isEmpty()),
                         qPrintable(what));
            } else if (!qobject_cast<TimelineView *>(widget)) { // its tooltips are per task
                QVERIFY2(!widget->toolTip().isEmpty(), qPrintable(what));
            }
        }
        QVERIFY(checked > 10);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
