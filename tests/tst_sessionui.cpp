#include "charts/chartexporter.h"
#include "charts/overheadchart.h"
#include "charts/wallcpuchart.h"
#include "io/csvexport.h"
#include "io/resultjson.h"
#include "io/sessionfile.h"
#include "panels/experimentpanel.h"
#include "panels/livetext.h"
#include "panels/resultspane.h"
#include "panels/scalingpanel.h"
#include "panels/scenariopanel.h"
#include "patience.h"
#include "session/experimentsession.h"
#include "session/resulttablemodel.h"
#include "session/runhistory.h"
#include "session/sessioncontroller.h"
#include "timeline/timelineview.h"
#include "window/mainwindow.h"
#include "windowparts.h"

#include <QAction>
#include <QBarSet>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHorizontalStackedBarSeries>
#include <QImage>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace windowparts;
using namespace wordrace;

namespace {

constexpr int kRunTimeoutMs = 120000;

Experiment smallExperiment(int runs = 1, int workers = 2)
{
    Experiment e;
    e.corpus = *CorpusSpec::parse(u"lesson:20000"_s);
    e.workers = workers;
    e.runs = runs;
    return e;
}

bool run(MainWindow &w, const Experiment &e)
{
    experimentPanel(w)->setExperiment(e);
    QSignalSpy finished(runner(w), &Runner::experimentFinished);
    w.runExperiment();
    if (!finished.wait(kRunTimeoutMs) && finished.isEmpty())
        return false;
    QCoreApplication::processEvents();
    // The charts follow the last result a turn or two of the event loop later.
    return QTest::qWaitFor([&] { return !pane(w, 0)->chartsPending() && !pane(w, 1)->chartsPending(); },
                           kRunTimeoutMs);
}

void select(MainWindow &w, const QList<int> &rows)
{
    QItemSelectionModel *selection = historyView(w)->selectionModel();
    selection->clearSelection();
    for (int row : rows)
        selection->select(history(w)->index(row), QItemSelectionModel::Select);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// What a person sees of one pane: its entry and what each chart and the table hold.
void comparePanes(ResultsPane *a, ResultsPane *b)
{
    QCOMPARE(b->entryNumber(), a->entryNumber());
    const QList<RunResult> &ra = a->wallCpuChart()->results();
    const QList<RunResult> &rb = b->wallCpuChart()->results();
    QCOMPARE(rb.size(), ra.size());
    for (qsizetype i = 0; i < ra.size(); ++i) {
        QCOMPARE(rb.at(i).mode, ra.at(i).mode);
        QVERIFY(rb.at(i).wallS == ra.at(i).wallS);
        QVERIFY(rb.at(i).totalCpu().total() == ra.at(i).totalCpu().total());
        QCOMPARE(rb.at(i).tasks.size(), ra.at(i).tasks.size());
        QCOMPARE(rb.at(i).workerNames, ra.at(i).workerNames);
    }
    QCOMPARE(b->wallCpuChart()->rows().size(), a->wallCpuChart()->rows().size());
    QCOMPARE(b->overheadChart()->results().size(), a->overheadChart()->results().size());
    QCOMPARE(b->tableModel()->rowCount(), a->tableModel()->rowCount());
    for (int r = 0; r < a->tableModel()->rowCount(); ++r)
        for (int c = 0; c < a->tableModel()->columnCount(); ++c)
            QCOMPARE(b->tableModel()->index(r, c).data().toString(),
                     a->tableModel()->index(r, c).data().toString());
    QCOMPARE(b->timeline()->data().taskCount(), a->timeline()->data().taskCount());
    QCOMPARE(b->timeline()->data().groups().size(), a->timeline()->data().groups().size());
    QVERIFY(b->timeline()->data().endS() == a->timeline()->data().endS());
}

} // namespace

// Sessions, data exports and the spread of repeated runs, as the app's menus drive them.
class TestSessionUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"WordRaceTest"_s);
        QCoreApplication::setApplicationName(u"tst_sessionui"_s);
        QSettings().clear();
    }

    void menusOfferSessionsAndExports()
    {
        MainWindow w;
        SessionController *s = w.sessions();
        QVERIFY(s);
        QCOMPARE(s->openAction()->shortcut(), QKeySequence(QKeySequence::Open));
        QCOMPARE(s->saveAction()->shortcut(), QKeySequence(QKeySequence::Save));
        QCOMPARE(s->exportEverythingAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QCOMPARE(s->exportDataMenu()->actions().size(), DataExport::allFormats().size());
    }

    // A scenario's verdict belongs to the entry it was given on: selecting another entry hides it,
    // selecting that one shows it again, and a saved session brings it back (issue 18).
    void scenarioVerdictStaysWithItsEntry()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"scenario.wordrace.json"_s);
        MainWindow w;
        w.show();
        QVERIFY(w.startScenario(u"return-values"_s));
        ScenarioPanel *panel = scenarioPanel(w);
        QTest::mouseClick(panel->skipButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel->hasVerdict(), kRunTimeoutMs);
        const QString verdict = panel->verdictLabel()->text();
        QVERIFY(verdict.startsWith(u"Measured: "_s));
        const int row = history(w)->count() - 1;
        QTRY_VERIFY(history(w)->entry(row).scenario.has_value());
        QCOMPARE(history(w)->entry(row).scenario->verdict, verdict);

        QVERIFY(run(w, smallExperiment())); // another entry, selected: the verdict is not its own
        QVERIFY(!panel->isVisible());
        select(w, {row});
        QTRY_VERIFY(panel->isVisible());
        QCOMPARE(panel->verdictLabel()->text(), verdict);
        QVERIFY(panel->choiceButtons().isEmpty()); // to read, not to answer again

        QCOMPARE(w.sessions()->save(path), QString());
        MainWindow other;
        other.show();
        QVERIFY(other.sessions()->open(path));
        QCOMPARE(history(other)->entry(row).scenario, history(w)->entry(row).scenario);
        select(other, {row});
        QTRY_VERIFY(scenarioPanel(other)->isVisible());
        QCOMPARE(scenarioPanel(other)->verdictLabel()->text(), verdict);
    }

    void saveThenOpenRestoresEverything()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"class.wordrace.json"_s);
        MainWindow w;
        w.show();
        QVERIFY(run(w, smallExperiment()));
        Experiment second = smallExperiment(2, 3);
        second.modes = {Mode::Threads, Mode::Processes};
        second.knobs.ioLatencyMs = 1;
        QVERIFY(run(w, second));
        select(w, {0, 1}); // comparing the two
        QVERIFY(pane(w, 1)->isVisibleTo(&w));
        Experiment panel = smallExperiment();
        panel.workers = 5;
        panel.chunkLines = 123;
        experimentPanel(w)->setExperiment(panel);
        // Runs not yet in a file: the title says so; saved, it names the file and is clean.
        QVERIFY(w.isWindowModified());
        QCOMPARE(w.sessions()->save(path), QString());
        QVERIFY2(w.windowTitle().startsWith(u"class.wordrace.json[*] — "_s), qPrintable(w.windowTitle()));
        QVERIFY(!w.windowTitle().contains(u"WordRace"_s)); // the platform adds the application's name
        QVERIFY(!w.isWindowModified());

        MainWindow other;
        other.show();
        QVERIFY(run(other, smallExperiment(1, 1))); // something to replace
        QSignalSpy opened(other.sessions(), &SessionController::sessionOpened);
        QVERIFY(other.sessions()->open(path));
        QCOMPARE(opened.count(), 1);
        QVERIFY(!other.sessions()->errorBox());
        QVERIFY2(other.windowTitle().startsWith(u"class.wordrace.json[*]"_s),
                 qPrintable(other.windowTitle()));
        QVERIFY(!other.isWindowModified());
        QCOMPARE(experimentPanel(other)->experiment(), experimentPanel(w)->experiment());
        QCOMPARE(history(other)->count(), 2);
        for (int row = 0; row < 2; ++row) {
            const HistoryEntry &a = history(w)->entry(row);
            const HistoryEntry &b = history(other)->entry(row);
            QCOMPARE(b.number, a.number);
            QCOMPARE(b.experiment, a.experiment);
            QCOMPARE(b.state, a.state);
            QCOMPARE(b.summary, a.summary);
            QCOMPARE(b.title(), a.title());
            QCOMPARE(b.results.size(), a.results.size());
            QCOMPARE(history(other)->index(row).data().toString(), history(w)->index(row).data().toString());
        }
        QCOMPARE(historyView(other)->selectionModel()->selectedRows().size(), 2);
        QVERIFY(pane(other, 1)->isVisibleTo(&other));
        for (int p = 0; p < 2; ++p) {
            comparePanes(pane(w, p), pane(other, p));
            if (QTest::currentTestFailed())
                return;
        }
        // The next run is numbered after the reopened ones.
        QVERIFY(run(other, smallExperiment()));
        QCOMPARE(history(other)->entry(2).number, 3);
        QVERIFY(other.isWindowModified());
    }

    // The Scaling tab's sweep is part of the session: saved, reopened, drawn again.
    void sessionKeepsTheSweep()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sweep.wordrace.json"_s);
        MainWindow w;
        w.show();
        ScalingPanel *panel = scalingPanel(w);
        panel->kindBox()->setCurrentIndex(panel->kindBox()->findData(int(Sweep::Kind::Workers)));
        panel->workersEdit()->setText(u"1,2"_s);
        panel->corpusEdit()->setText(u"lesson:2000"_s);
        panel->runsBox()->setValue(1);
        panel->modeBox(Mode::Threads)->setChecked(true);
        panel->modeBox(Mode::Processes)->setChecked(false);
        QSignalSpy finished(panel, &ScalingPanel::sweepFinished);
        QVERIFY(panel->start());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
        const auto sweep = panel->sweep();
        QVERIFY(sweep && !sweep->points().isEmpty());
        QCOMPARE(w.sessions()->save(path), QString());

        MainWindow other;
        other.show();
        QVERIFY(other.sessions()->open(path));
        const auto back = scalingPanel(other)->sweep();
        QVERIFY(back);
        QCOMPARE(back->kind(), sweep->kind());
        QCOMPARE(back->points().size(), sweep->points().size());
        for (qsizetype i = 0; i < sweep->points().size(); ++i)
            QVERIFY(back->points().at(i).summary.wall.median == sweep->points().at(i).summary.wall.median);
        QCOMPARE(scalingPanel(other)->table()->rowCount(), panel->table()->rowCount());
        QVERIFY2(scalingPanel(other)->progressLabel()->text().contains(u"session"_s),
                 qPrintable(scalingPanel(other)->progressLabel()->text()));
    }

    // File > Open and a session named on the command line read the file off the GUI thread.
    void opensInTheBackground()
    {
        QTemporaryDir dir;
        const QString one = dir.filePath(u"one.wordrace.json"_s);
        const QString two = dir.filePath(u"two.wordrace.json"_s);
        const QString bad = dir.filePath(u"bad.wordrace.json"_s);
        {
            MainWindow w;
            QVERIFY(run(w, smallExperiment()));
            QCOMPARE(w.sessions()->save(one), QString());
            QVERIFY(run(w, smallExperiment(2, 2)));
            QCOMPARE(w.sessions()->save(two), QString());
        }
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\":\"wordrace-session\",\"version\":1,\"entr");
        f.close();

        MainWindow w;
        w.show();
        SessionController *s = w.sessions();
        QSignalSpy finished(s, &SessionController::openFinished);
        QSignalSpy saved(s, &SessionController::sessionSaved);
        s->openInBackground(one);
        QVERIFY(s->isOpening());
        QCOMPARE(history(w)->count(), 0); // nothing replaced before the file is read
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kPatienceMs);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        QVERIFY(!s->isOpening());
        QCOMPARE(history(w)->count(), 1);

        // A second file asked for before the first is read: only the second is opened.
        finished.clear();
        s->openInBackground(one);
        s->openInBackground(two);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, kPatienceMs);
        QList<QString> opened;
        for (const QList<QVariant> &f : std::as_const(finished))
            if (f.at(1).toBool())
                opened << f.at(0).toString();
        QCOMPARE(opened, QList<QString>{two});
        QCOMPARE(history(w)->count(), 2);

        // A bad file: its reason shown, the window as it was.
        finished.clear();
        s->openInBackground(bad);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kPatienceMs);
        QCOMPARE(finished.at(0).at(1).toBool(), false);
        QVERIFY(s->errorBox());
        QTRY_VERIFY(s->errorBox()->isVisible());
        QVERIFY2(s->errorBox()->informativeText().contains(u"the file is cut short"_s),
                 qPrintable(s->errorBox()->informativeText()));
        QCOMPARE(history(w)->count(), 2);

        // Saved off the GUI thread too, as the window was when asked, and read back the same.
        const QString three = dir.filePath(u"three.wordrace.json"_s);
        s->saveInBackground(three);
        QVERIFY(run(w, smallExperiment())); // not in the file: it came after the save was asked for
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kPatienceMs);
        QCOMPARE(saved.at(0).at(0).toString(), three);
        MainWindow again;
        QVERIFY(again.sessions()->open(three));
        QCOMPARE(history(again)->count(), 2);
    }

    void exportsDataInTheBackground_data()
    {
        QTest::addColumn<int>("format");
        for (DataExport::Format f : DataExport::allFormats())
            QTest::newRow(qPrintable(DataExport::fileName(f))) << int(f);
    }

    void exportsDataInTheBackground()
    {
        QFETCH(int, format);
        QTemporaryDir dir;
        MainWindow w;
        QVERIFY(run(w, smallExperiment()));
        SessionController *s = w.sessions();
        QSignalSpy exported(s, &SessionController::dataExported);
        const QString there =
            dir.filePath(u"background-"_s + DataExport::fileName(DataExport::Format(format)));
        s->exportDataInBackground(DataExport::Format(format), there);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, kPatienceMs);
        QCOMPARE(exported.at(0).at(0).toString(), there);
        // The same bytes as written on the GUI thread.
        const QString here = dir.filePath(u"here-"_s + DataExport::fileName(DataExport::Format(format)));
        QCOMPARE(s->exportData(DataExport::Format(format), here), QString());
        QVERIFY(!readAll(there).isEmpty());
        QCOMPARE(readAll(there), readAll(here));
        QVERIFY(!s->errorBox());
    }

    void badSessionLeavesTheWindowAlone_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not JSON") << QByteArray("hello") << u"not JSON"_s;
        QTest::newRow("truncated") << QByteArray("{\"format\":\"wordrace-session\",\"version\":1,\"entr")
                                   << u"the file is cut short"_s;
        QTest::newRow("newer") << QByteArray(R"({"format":"wordrace-session","version":9})")
                               << u"written by a newer WordRace"_s;
        QTest::newRow("a result file") << QByteArray(R"({"runs":[]})") << u"a result file"_s;
    }

    void badSessionLeavesTheWindowAlone()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bad.wordrace.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        MainWindow w;
        w.show();
        QVERIFY(run(w, smallExperiment()));
        const Experiment before = experimentPanel(w)->experiment();
        const int shown = pane(w, 0)->entryNumber();
        QVERIFY(!w.sessions()->open(path));
        QMessageBox *box = w.sessions()->errorBox();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->informativeText().contains(reason), qPrintable(box->informativeText()));
        QVERIFY(box->informativeText().startsWith(u"bad.wordrace.json: "_s));
        QVERIFY(!box->informativeText().contains(u'\n'));
        QCOMPARE(history(w)->count(), 1);
        QCOMPARE(pane(w, 0)->entryNumber(), shown);
        QCOMPARE(pane(w, 0)->wallCpuChart()->results().size(), 3);
        QCOMPARE(experimentPanel(w)->experiment(), before);
    }

    void exportDataWritesParseableFiles()
    {
        QTemporaryDir dir;
        MainWindow w;
        w.show();
        QVERIFY(run(w, smallExperiment(2)));
        const QList<RunResult> runs = history(w)->entry(0).results;
        QCOMPARE(runs.size(), 6);
        qsizetype tasks = 0;
        for (const RunResult &r : runs)
            tasks += r.tasks.size();
        SessionController *s = w.sessions();
        QCOMPARE(s->selectedResults().size(), runs.size());

        const QString json = dir.filePath(u"r.json"_s);
        QCOMPARE(s->exportData(DataExport::Format::Json, json), QString());
        QString error;
        const auto parsed = ResultJson::parse(readAll(json), &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->size(), runs.size());
        QVERIFY(parsed->at(3).wallS == runs.at(3).wallS);
        QCOMPARE(parsed->at(3).tasks.size(), runs.at(3).tasks.size());

        const QString csv = dir.filePath(u"r.csv"_s);
        QCOMPARE(s->exportData(DataExport::Format::CsvRuns, csv), QString());
        QCOMPARE(readAll(csv), CsvExport::runs(runs));
        QCOMPARE(readAll(csv).count('\n'), runs.size() + 1);

        const QString tasksCsv = dir.filePath(u"t.csv"_s);
        QCOMPARE(s->exportData(DataExport::Format::CsvTasks, tasksCsv), QString());
        QCOMPARE(readAll(tasksCsv).count('\n'), tasks + 1);

        const QString md = dir.filePath(u"r.md"_s);
        QCOMPARE(s->exportData(DataExport::Format::Markdown, md), QString());
        const QString report = QString::fromUtf8(readAll(md));
        QVERIFY(report.contains(u"| threads"_s) || report.contains(u"threads"_s));
        QVERIFY(report.contains(u'|'));

        const QString trace = dir.filePath(u"r.trace.json"_s);
        QCOMPARE(s->exportData(DataExport::Format::Trace, trace), QString());
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(readAll(trace), &pe);
        QVERIFY2(!doc.isNull(), qPrintable(pe.errorString()));
        qsizetype slices = 0;
        for (const QJsonValue &v : doc.object()[u"traceEvents"_s].toArray())
            if (v.toObject()[u"ph"_s].toString() == u"X" && v.toObject()[u"cat"_s].toString() == u"task")
                ++slices;
        QCOMPARE(slices, tasks);
    }

    void exportDataSaysWhyItFailed()
    {
        QTemporaryDir dir;
        MainWindow w;
        // Nothing run yet: nothing to write.
        QVERIFY(w.sessions()
                    ->exportData(DataExport::Format::Json, dir.filePath(u"x.json"_s))
                    .startsWith(u"nothing to export"_s));
        QVERIFY(run(w, smallExperiment()));
        const QString error =
            w.sessions()->exportData(DataExport::Format::CsvRuns, dir.filePath(u"missing/folder/x.csv"_s));
        QVERIFY2(error.startsWith(u"cannot write "_s), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath(u"missing"_s)));
    }

    // Run by tests/fulldisk.sh with WORDRACE_FULL_DISK naming a tmpfs it has all but filled, each
    // file there holding "the earlier NAME": every writer of the app says why and changes nothing.
    void writesOntoAFullDisk()
    {
        const QString disk = qEnvironmentVariable("WORDRACE_FULL_DISK");
        if (disk.isEmpty())
            QSKIP("tests/fulldisk.sh runs this on a full tmpfs");
        const auto earlier = [&](const QString &name) {
            return readAll(disk + u'/' + name) == "the earlier " + name.toUtf8() + "\n";
        };
        MainWindow w;
        w.show();
        Experiment e = smallExperiment();
        e.chunkLines = 50; // a file bigger than the room left
        QVERIFY(run(w, e));
        const QStringList names{u"app-session.wordrace.json"_s, u"app-data.json"_s, u"app-chart.png"_s};
        for (const QString &name : names) {
            QFile f(disk + u'/' + name);
            QVERIFY2(f.open(QIODevice::WriteOnly) && f.write("the earlier " + name.toUtf8() + "\n") > 0,
                     "tests/fulldisk.sh leaves room for the earlier files");
        }
        const QString session = disk + u'/' + names.at(0);
        QString why = w.sessions()->save(session);
        QVERIFY2(why.contains(u"No space left"_s), qPrintable(why));
        QVERIFY(earlier(names.at(0)));
        QVERIFY(w.isWindowModified()); // not saved: the title still says so
        why = w.sessions()->exportData(DataExport::Format::Json, disk + u'/' + names.at(1));
        QVERIFY2(why.contains(u"No space left"_s), qPrintable(why));
        QVERIFY(earlier(names.at(1)));
        QVERIFY(
            !w.exportChart(ChartKind::Timeline, disk + u'/' + names.at(2), QSize(3000, 2000), false, &why));
        QVERIFY2(why.contains(u"No space left"_s), qPrintable(why));
        QVERIFY(earlier(names.at(2)));
        // Saved from the menu (in the background), the window says why in a box.
        w.sessions()->saveInBackground(session);
        QTRY_VERIFY_WITH_TIMEOUT(w.sessions()->errorBox(), kRunTimeoutMs);
        QVERIFY2(w.sessions()->errorBox()->informativeText().contains(u"No space left"_s),
                 qPrintable(w.sessions()->errorBox()->informativeText()));
        QVERIFY(earlier(names.at(0)));
        QVERIFY(w.isWindowModified());
        QCOMPARE(history(w)->count(), 1); // nothing lost
        for (const QString &name : names)
            QFile::remove(disk + u'/' + name);
    }

    // A day of experiments: the newest keep their timelines, older ones their figures only, and
    // the app says so; a session saved and reopened keeps the mark.
    void historyBoundsItsDetail_data()
    {
        QTest::addColumn<int>("entries");
        QTest::addColumn<int>("whole");
        QTest::addColumn<double>("budget"); // in entries' worth of detail
        QTest::addColumn<int>("kept");
        QTest::newRow("under both bounds") << 3 << 5 << 10.0 << 3;
        QTest::newRow("by count") << 8 << 5 << 100.0 << 5;
        QTest::newRow("by memory") << 8 << 50 << 3.5 << 3;
        QTest::newRow("newest always whole") << 4 << 50 << 0.01 << 1;
    }

    void historyBoundsItsDetail()
    {
        QFETCH(int, entries);
        QFETCH(int, whole);
        QFETCH(double, budget);
        QFETCH(int, kept);
        RunHistory history;
        for (int i = 0; i < entries; ++i) {
            const int row = history.add(smallExperiment());
            HistoryEntry &e = history.entry(row);
            RunResult r;
            r.words = 100;
            r.wallS = 1;
            r.taskCount = 100;
            for (int t = 0; t < 100; ++t) {
                TaskRecord task;
                task.task = t;
                task.worker = 0;
                task.startS = t * 0.01;
                task.endS = task.startS + 0.01;
                task.words = 1;
                r.tasks.append(task);
            }
            r.workerNames = {u"main"_s};
            r.samples.resize(3);
            e.results = {r};
            e.state = HistoryEntry::State::Done;
        }
        QSignalSpy changed(&history, &RunHistory::dataChanged);
        const auto released =
            history.boundDetail(whole, qint64(budget * double(RunHistory::detailBytes(history.entry(0)))));
        QCOMPARE(released.size(), qsizetype(entries - kept));
        QCOMPARE(changed.count(), entries - kept);
        for (int row = 0; row < entries; ++row) {
            const RunResult &r = history.entry(row).results.first();
            const bool keeps = row >= entries - kept;
            QCOMPARE(r.tasks.size(), keeps ? qsizetype(100) : qsizetype(0));
            QCOMPARE(r.samples.isEmpty(), !keeps);
            QCOMPARE(r.detailDropped, !keeps);
            QCOMPARE(r.words, std::uint64_t(100)); // the figures stay
            QCOMPARE(history.index(row).data(Qt::ToolTipRole).toString().contains(RunHistory::droppedNote()),
                     !keeps);
        }
        if (kept == entries)
            return;
        // Through a session file and back: still marked, and the reader accepts the missing tasks.
        Session session;
        session.experiment = smallExperiment();
        for (int row = 0; row < entries; ++row)
            session.entries.append(history.entry(row));
        QString error;
        const auto reopened = SessionFile::parse(SessionFile::serialize(session), &error);
        QVERIFY2(reopened, qPrintable(error));
        QVERIFY(reopened->entries.first().results.first().detailDropped);
        QVERIFY(!reopened->entries.last().results.first().detailDropped);
    }

    // Shown again, an experiment whose detail went says so over its timeline.
    void droppedDetailIsSaidOverTheTimeline()
    {
        MainWindow w;
        w.show();
        QVERIFY(run(w, smallExperiment()));
        QVERIFY(run(w, smallExperiment()));
        history(w)->boundDetail(1, 1);
        select(w, {0});
        QTRY_VERIFY(pane(w, 0)->timeline()->data().taskCount() == 0);
        QVERIFY2(pane(w, 0)->timeline()->title().contains(u"not kept"_s),
                 qPrintable(pane(w, 0)->timeline()->title()));
        select(w, {1});
        QTRY_VERIFY(pane(w, 0)->timeline()->data().taskCount() > 0);
        QVERIFY(!pane(w, 0)->timeline()->title().contains(u"not kept"_s));
    }

    void exportEverythingWritesTheSet()
    {
        QTemporaryDir dir;
        MainWindow w;
        w.show();
        QVERIFY(run(w, smallExperiment(2)));
        QString error;
        const auto written = w.sessions()->exportEverything(dir.path(), &error);
        QVERIFY2(written, qPrintable(error));
        const QStringList subfolders = QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(subfolders.size(), 1);
        QVERIFY2(subfolders.first().startsWith(u"wordrace-1-"_s), qPrintable(subfolders.first()));
        const QDir folder(dir.filePath(subfolders.first()));
        QStringList expected{u"wall-cpu.png"_s, u"wall-cpu.svg"_s, u"timeline.png"_s,
                             u"timeline.svg"_s, u"overhead.png"_s, u"overhead.svg"_s,
                             u"results.json"_s, u"runs.csv"_s,     u"tasks.csv"_s,
                             u"report.md"_s,    u"trace.json"_s,   u"session.wordrace.json"_s};
        QStringList names = folder.entryList(QDir::Files);
        std::sort(expected.begin(), expected.end());
        std::sort(names.begin(), names.end());
        QCOMPARE(names, expected);
        QCOMPARE(written->size(), expected.size());
        for (const QString &name : std::as_const(names))
            QVERIFY2(QFileInfo(folder.filePath(name)).size() > 0, qPrintable(name));
        QCOMPARE(QImage(folder.filePath(u"wall-cpu.png"_s)).size(), QSize(1920, 1080));
        QVERIFY(readAll(folder.filePath(u"timeline.svg"_s)).contains("<svg"));
        QVERIFY(ResultJson::parse(readAll(folder.filePath(u"results.json"_s))));
        QVERIFY(SessionFile::read(folder.filePath(u"session.wordrace.json"_s)));

        // Again: a second folder beside the first, which stays as it was.
        const QByteArray firstPng = readAll(folder.filePath(u"wall-cpu.png"_s));
        QVERIFY(w.sessions()->exportEverything(dir.path(), &error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 2);
        QCOMPARE(readAll(folder.filePath(u"wall-cpu.png"_s)), firstPng);

        // As File > Export Everything does it: the charts are there when it returns, the data
        // files and the session once it says so.
        QSignalSpy done(w.sessions(), &SessionController::everythingExported);
        const auto charts = w.sessions()->exportEverythingInBackground(dir.path(), &error);
        QVERIFY2(charts, qPrintable(error));
        QCOMPARE(charts->size(), 6);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kPatienceMs);
        QStringList third = QDir(done.at(0).at(0).toString()).entryList(QDir::Files);
        std::sort(third.begin(), third.end());
        QCOMPARE(third, expected);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 3);

        QVERIFY(!w.sessions()->exportEverything(dir.filePath(u"no-such-folder"_s), &error));
        QVERIFY2(error.contains(u"does not exist"_s), qPrintable(error));
    }

    // The session controller records a whole experiment into the history without any widget:
    // what the window and the panes show is this state.
    void experimentSessionRecordsARun()
    {
        ExperimentSession session;
        QSignalSpy started(&session, &ExperimentSession::runStarted);
        QSignalSpy added(&session, &ExperimentSession::resultAdded);
        QSignalSpy finished(&session, &ExperimentSession::finished);
        Experiment e = smallExperiment(2);
        e.modes = {Mode::Sequential, Mode::Threads};
        const int row = session.start(e);
        QCOMPARE(row, 0);
        QVERIFY(session.isRunning());
        QCOMPARE(session.start(e), -1); // one experiment at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kPatienceMs);
        QVERIFY(!session.isRunning());
        QCOMPARE(finished.first().at(0).toInt(), row);
        const HistoryEntry &entry = session.history()->entry(row);
        QCOMPARE(entry.state, HistoryEntry::State::Done);
        QCOMPARE(entry.results.size(), 4);
        QCOMPARE(started.size(), 4);
        QCOMPARE(added.size(), 4);
        QVERIFY(!entry.summary.isEmpty());
        QVERIFY(!entry.live);
        QCOMPARE(session.progress(), 1.0);
        QVERIFY(!session.cancelledByUser());
    }

    void repeatedRunsShowTheirSpread_data()
    {
        QTest::addColumn<int>("runs");
        QTest::newRow("one run: no spread") << 1;
        QTest::newRow("three runs: error bars") << 3;
        QTest::newRow("four runs: the lower middle one") << 4;
    }

    void repeatedRunsShowTheirSpread()
    {
        QFETCH(int, runs);
        MainWindow w;
        w.show();
        Experiment e = smallExperiment(runs);
        e.modes = {Mode::Sequential, Mode::Threads};
        QVERIFY(run(w, e));
        WallCpuChart *chart = pane(w, 0)->wallCpuChart();
        QCOMPARE(chart->results().size(), 2 * runs);
        // One pair of bars per mode, however many runs.
        QCOMPARE(chart->rows().size(), 2);
        auto *series = qobject_cast<QHorizontalStackedBarSeries *>(chart->series().value(0));
        QVERIFY(series);
        for (int i = 0; i < 2; ++i) {
            const WallCpuChart::Row &row = chart->rows().at(i);
            QCOMPARE(row.runs.size(), runs);
            QCOMPARE(row.hasSpread(), runs > 1);
            QCOMPARE(chart->whiskerRect(i, false).isNull(), runs == 1);
            QCOMPARE(chart->whiskerRect(i, true).isNull(), runs == 1);
            // The wall bar (three sets per row: wall, user, sys) is the median run's.
            const double bar = series->barSets().at(3 * i)->at(3 * i);
            if (runs == 1) {
                QVERIFY(bar == chart->results().at(i).wallS);
                continue;
            }
            QCOMPARE(row.wall.n, runs);
            QCOMPARE(row.cpu.n, runs);
            QList<double> walls;
            for (int r : row.runs)
                walls.append(chart->results().at(r).wallS);
            std::sort(walls.begin(), walls.end());
            QCOMPARE(bar, walls.at((runs - 1) / 2));
            QCOMPARE(row.shown.wallS, bar);
            QVERIFY(row.wall.min <= row.wall.lowerQuartile && row.wall.lowerQuartile <= row.wall.median);
            QVERIFY(row.wall.median <= row.wall.upperQuartile && row.wall.upperQuartile <= row.wall.max);
            QVERIFY(!chart->quartileRect(i, false).isNull());
            // The whisker reaches from the fastest run to the slowest.
            const QRectF whisker = chart->whiskerRect(i, false);
            const QRectF full = chart->barRect(i, false);
            const double pxPerSecond = full.width() / row.shown.wallS;
            QVERIFY(std::abs(whisker.width() - (row.wall.max - row.wall.min) * pxPerSecond) < 2.0);
            QVERIFY(chart->axisMax() >= row.wall.max);
        }
    }
};

QTEST_MAIN(TestSessionUi)
#include "tst_sessionui.moc"
