// A day in a classroom, compressed: the app (offscreen) runs experiments of mixed modes and sizes,
// cancels some mid-run, answers scenarios, runs sweeps, exports charts and data and saves the
// session, and prints what the process holds (RSS, open descriptors, threads, child processes)
// at the start and every --every experiments. With --check it fails when any of them grew
// between the first checkpoint and the last (the first one pays for fonts, caches and pools).
//
//   wordrace-soak [--experiments 300] [--every 50] [--check] [--only KIND] [--no-files]

#include "../procscan.h"
#include "charts/chartexporter.h"
#include "panels/experimentpanel.h"
#include "panels/resultspane.h"
#include "panels/scalingpanel.h"
#include "panels/scenariopanel.h"
#include "session/dataexport.h"
#include "session/experimentsession.h"
#include "session/runhistory.h"
#include "session/sessioncontroller.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <malloc.h>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace wordrace;

namespace {

constexpr int kPatienceMs = 300'000;

struct Reading
{
    int experiments = 0;
    double seconds = 0;
    qint64 rssKiB = 0;
    int fds = 0;
    int threads = 0;
    int children = 0;
    int historyEntries = 0;
    qint64 detailKiB = 0; // the history's tasks and samples
    qint64 heapKiB = 0;   // what the program has allocated and not freed (malloc's in-use bytes)
};

qint64 statusField(const QByteArray &status, const QByteArray &key)
{
    for (const QByteArray &line : status.split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').constFirst().toLongLong();
    return -1;
}

template<typename T> T *part(const QObject &window, const char *name)
{
    T *found = window.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("the window has no %s", name);
    return found;
}

// Waits for `done`, letting the event loop run; false after kPatienceMs.
template<typename F> bool waitFor(F done)
{
    QDeadlineTimer deadline(kPatienceMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

class Soak
{
public:
    // only: one kind of experiment of the mix (0-7) over and over; files: exports and saves too.
    Soak(MainWindow &window, const QString &folder, std::optional<int> only, bool files)
        : m_w(window), m_folder(folder), m_only(only), m_files(files)
    {
        QFile text(m_folder + u"/poem.txt"_s);
        if (text.open(QIODevice::WriteOnly))
            for (int i = 0; i < 4000; ++i)
                text.write("the quick brown fox jumps over the lazy dog\nand runs far away\n");
    }

    Reading read(int experiments, double seconds) const
    {
        QFile f(u"/proc/self/status"_s);
        const QByteArray status = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        Reading r;
        r.experiments = experiments;
        r.seconds = seconds;
        r.rssKiB = statusField(status, "VmRSS:");
        r.threads = int(statusField(status, "Threads:"));
        r.fds =
            int(QDir(u"/proc/self/fd"_s).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size());
        r.children = int(descendantProcesses(getpid()).size());
        const struct mallinfo2 heap = mallinfo2();
        r.heapKiB = qint64(heap.uordblks + heap.hblkhd) / 1024;
        const RunHistory *history = part<RunHistory>(m_w, "runHistory");
        r.historyEntries = history->count();
        for (int i = 0; i < history->count(); ++i)
            r.detailKiB += RunHistory::detailBytes(history->entry(i)) / 1024;
        return r;
    }

    // One experiment of the mix; false when the app did not finish it.
    bool experiment(int i)
    {
        switch (m_only.value_or(i % 8)) {
        case 0:
            return race(u"lesson:20000"_s, {Mode::Sequential, Mode::Threads, Mode::Processes}, 2);
        case 1:
            return race(u"lesson:200000"_s, {Mode::Threads}, 4, 2);
        case 2:
            return race(u"lesson:3000000"_s, {Mode::Processes, Mode::Threads}, 2, 1, true);
        case 3:
            return race(u"file:"_s + m_folder + u"/poem.txt"_s, {Mode::Sequential, Mode::Processes}, 3);
        case 4:
            return scenario(u"zombies"_s);
        case 5:
            return sweep();
        case 6:
            return race(u"lesson:50000"_s, {Mode::Processes}, 8);
        default:
            return race(u"lesson:1000000"_s, {Mode::Sequential, Mode::Threads}, 2);
        }
    }

    // Exports and saves between experiments, as a teacher does now and then.
    bool files(int i)
    {
        if (!m_files)
            return true;
        if (i % 10 == 9) {
            QString error;
            if (!m_w.exportChart(ChartKind(i / 10 % 3), m_folder + u"/chart.png"_s, QSize(1280, 720),
                                 i % 20 == 19, &error)) {
                std::fprintf(stderr, "export failed: %s\n", qPrintable(error));
                return false;
            }
            if (const QString why =
                    m_w.sessions()->exportData(DataExport::Format(i / 10 % 5), m_folder + u"/data.out"_s);
                !why.isEmpty()) {
                std::fprintf(stderr, "data export failed: %s\n", qPrintable(why));
                return false;
            }
        }
        if (i % 25 == 24) {
            if (const QString why = m_w.sessions()->save(m_folder + u"/day.wordrace.json"_s);
                !why.isEmpty()) {
                std::fprintf(stderr, "save failed: %s\n", qPrintable(why));
                return false;
            }
        }
        return true;
    }

private:
    bool race(const QString &corpus, const QList<Mode> &modes, int workers, int runs = 1, bool cancel = false)
    {
        Experiment e;
        e.corpus = *CorpusSpec::parse(corpus);
        e.modes = modes;
        e.workers = workers;
        e.runs = runs;
        e.warmup = 0;
        part<ExperimentPanel>(m_w, "experimentPanel")->setExperiment(e);
        Runner *runner = part<Runner>(m_w, "runner");
        QSignalSpy finished(runner, &Runner::experimentFinished);
        QSignalSpy progress(runner, &Runner::progressChanged);
        m_w.runExperiment();
        // A cancel once the workers are counting, as a teacher's Esc mid-run.
        if (cancel && waitFor([&] { return !progress.isEmpty() || !finished.isEmpty(); }))
            m_w.cancelRun();
        if (!waitFor([&] { return !finished.isEmpty(); }))
            return false;
        select(m_previous, part<RunHistory>(m_w, "runHistory")->count() - 1);
        return chartsDrawn();
    }

    bool scenario(const QString &id)
    {
        if (!m_w.startScenario(id))
            return false;
        auto *panel = part<ScenarioPanel>(m_w, "scenarioPanel");
        panel->skipButton()->click();
        return waitFor([&] { return panel->hasVerdict(); }) && chartsDrawn();
    }

    bool sweep()
    {
        auto *panel = part<ScalingPanel>(m_w, "scalingPanel");
        panel->kindBox()->setCurrentIndex(panel->kindBox()->findData(int(Sweep::Kind::Workers)));
        panel->workersEdit()->setText(u"1,2"_s);
        panel->corpusEdit()->setText(u"lesson:20000"_s);
        panel->runsBox()->setValue(1);
        for (Mode m : {Mode::Threads, Mode::Processes})
            panel->modeBox(m)->setChecked(true);
        QSignalSpy finished(panel, &ScalingPanel::sweepFinished);
        if (!panel->start())
            return false;
        return waitFor([&] { return !finished.isEmpty(); });
    }

    // Shows the newest entry beside the one before, as a class compares two runs.
    void select(int previous, int newest)
    {
        QItemSelectionModel *selection = part<QListView>(m_w, "historyView")->selectionModel();
        selection->clearSelection();
        if (previous >= 0 && newest % 3 == 0)
            selection->select(part<RunHistory>(m_w, "runHistory")->index(previous),
                              QItemSelectionModel::Select);
        selection->select(part<RunHistory>(m_w, "runHistory")->index(newest), QItemSelectionModel::Select);
        m_previous = newest;
    }

    bool chartsDrawn() const
    {
        return waitFor([&] {
            return !part<ResultsPane>(m_w, "pane0")->chartsPending() &&
                   !part<ResultsPane>(m_w, "pane1")->chartsPending();
        });
    }

    MainWindow &m_w;
    QString m_folder;
    std::optional<int> m_only;
    bool m_files = true;
    int m_previous = -1;
};

void print(const Reading &r)
{
    std::printf("| %5d | %7.0f | %8.1f | %8.1f | %4d | %7d | %8d | %7d | %9.1f |\n", r.experiments, r.seconds,
                double(r.rssKiB) / 1024.0, double(r.heapKiB) / 1024.0, r.fds, r.threads, r.children,
                r.historyEntries, double(r.detailKiB) / 1024.0);
    std::fflush(stdout);
}

// What must not grow once the app has warmed up: descriptors, threads, children, and memory
// beyond what the history is allowed to keep.
QStringList growth(const Reading &first, const Reading &last)
{
    QStringList problems;
    if (last.fds > first.fds + 2)
        problems << u"open descriptors grew from %1 to %2"_s.arg(first.fds).arg(last.fds);
    if (last.threads > first.threads + 2)
        problems << u"threads grew from %1 to %2"_s.arg(first.threads).arg(last.threads);
    if (last.children > 0)
        problems << u"%1 child processes are left"_s.arg(last.children);
    // The history's detail is bounded (RunHistory::boundDetail); the rest may wander with the
    // allocator's caches, not with the number of experiments.
    const qint64 allowedKiB =
        first.rssKiB + 96 * 1024 + std::max<qint64>(0, last.detailKiB - first.detailKiB);
    if (last.rssKiB > allowedKiB)
        problems
            << u"resident memory grew from %1 to %2 MiB"_s.arg(first.rssKiB / 1024).arg(last.rssKiB / 1024);
    return problems;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"WordRaceTest"_s);
    QCoreApplication::setApplicationName(u"wordrace-soak"_s);
    QSettings().clear();

    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption experiments(u"experiments"_s, u"How many experiments."_s, u"n"_s, u"300"_s);
    QCommandLineOption every(u"every"_s, u"Print a reading every n experiments."_s, u"n"_s, u"50"_s);
    QCommandLineOption check(u"check"_s, u"Exit 1 when something grew after the first reading."_s);
    QCommandLineOption only(
        u"only"_s, u"Repeat one kind of experiment of the mix (0-7), to find what grows."_s, u"kind"_s);
    QCommandLineOption noFiles(u"no-files"_s, u"Leave out the exports and session saves."_s);
    parser.addOptions({experiments, every, check, only, noFiles});
    parser.process(app);
    const int total = std::max(1, parser.value(experiments).toInt());
    const int step = std::max(1, parser.value(every).toInt());

    QTemporaryDir folder;
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    Soak soak(window, folder.path(),
              parser.isSet(only) ? std::optional<int>(parser.value(only).toInt()) : std::nullopt,
              !parser.isSet(noFiles));
    QElapsedTimer clock;
    clock.start();
    std::printf(
        "| experiments | seconds | RSS MiB | heap MiB | fds | threads | children | history | detail MiB |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    QList<Reading> readings{soak.read(0, 0)};
    print(readings.last());
    for (int i = 0; i < total; ++i) {
        if (!soak.experiment(i) || !soak.files(i)) {
            std::fprintf(stderr, "wordrace-soak: experiment %d did not finish\n", i + 1);
            return 1;
        }
        if ((i + 1) % step == 0 || i + 1 == total) {
            // Worker processes end a moment after their run: a reading counts the ones left behind.
            waitFor([] { return descendantProcesses(getpid()).isEmpty(); });
            readings.append(soak.read(i + 1, double(clock.elapsed()) / 1000.0));
            print(readings.last());
        }
    }
    if (!parser.isSet(check) || readings.size() < 3)
        return 0;
    const QStringList problems = growth(readings.at(1), readings.last());
    for (const QString &p : problems)
        std::fprintf(stderr, "wordrace-soak: %s\n", qPrintable(p));
    return problems.isEmpty() ? 0 : 1;
}
