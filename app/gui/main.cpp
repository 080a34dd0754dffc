#include "session/experimentsession.h"
#include "session/sessioncontroller.h"
#include "window/mainwindow.h"
#include "window/stallwatchdog.h"
#include "window/startupprobe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"WordRace"_s);
    QApplication::setOrganizationName(u"WordRace"_s);
    QApplication::setApplicationVersion(QStringLiteral(WORDRACE_VERSION));
    QApplication::setApplicationDisplayName(u"WordRace"_s);
    QApplication::setDesktopFileName(u"wordrace"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Counts words sequentially, with threads and with processes, and shows "
                "what each way costs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption runOpt(u"run"_s,
                                    QApplication::translate("main", "Start the experiment on launch."));
    const QCommandLineOption presentationOpt(
        u"presentation"_s,
        QApplication::translate("main", "Start in presentation mode: full screen, big type."));
    // Measurements for docs/performance.md, printed to standard error.
    const QCommandLineOption startupOpt(
        u"measure-startup"_s,
        QApplication::translate("main",
                                "Print the time from launch to the window's first frame, then quit."));
    const QCommandLineOption stallsOpt(
        u"watch-stalls"_s, QApplication::translate("main", "Print the longest GUI-thread stall of each run "
                                                           "(with --run: quit when the experiment ends)."));
    parser.addOptions({runOpt, presentationOpt, startupOpt, stallsOpt});
    parser.addPositionalArgument(
        u"file"_s,
        QApplication::translate("main", "A session (.wordrace.json) to reopen, or a text file to count."));
    parser.process(app);

    wordrace::MainWindow window;
    if (parser.isSet(presentationOpt))
        window.setPresentation(true);
    else
        window.show();
    if (const QStringList files = parser.positionalArguments(); !files.isEmpty()) {
        // After the window is up, so that a bad file's message box has a window to sit on.
        const QString file = files.first();
        QTimer::singleShot(0, &window, [&window, file] {
            if (file.endsWith(u".json"_s))
                window.sessions()->openInBackground(file);
            else
                window.openCorpusFile(file);
        });
    }
    if (parser.isSet(runOpt)) {
        // After the window's first frame, so that it is on screen before the corpus is built beside
        // it; a window that is never exposed (a minimised start) still runs, a second later.
        auto *firstFrame = new wordrace::StartupProbe(&window);
        auto start = [&window, started = std::make_shared<bool>(false)] {
            if (!std::exchange(*started, true))
                window.runExperiment();
        };
        QObject::connect(firstFrame, &wordrace::StartupProbe::windowShown, &window, start);
        QTimer::singleShot(1000, firstFrame, start);
        firstFrame->watch(window.windowHandle());
    }
    if (parser.isSet(startupOpt)) {
        auto *probe = new wordrace::StartupProbe(&window);
        QObject::connect(probe, &wordrace::StartupProbe::windowShown, &app, [](double seconds) {
            std::fprintf(stderr, "startup_ms %.1f\n", seconds * 1e3);
            QApplication::quit();
        });
        probe->watch(window.windowHandle());
    }
    if (parser.isSet(stallsOpt)) {
        auto *watchdog = new wordrace::StallWatchdog(&window);
        QObject::connect(watchdog, &wordrace::StallWatchdog::runWatched, &app,
                         [](wordrace::Mode mode, double gapMs, qint64 ticks) {
                             std::fprintf(stderr, "stall mode=%s max_gap_ms=%.1f ticks=%lld\n",
                                          qPrintable(wordrace::modeName(mode)), gapMs, qlonglong(ticks));
                         });
        QObject::connect(
            watchdog, &wordrace::StallWatchdog::prepareWatched, &app, [](double gapMs, qint64 ticks) {
                std::fprintf(stderr, "stall prepare max_gap_ms=%.1f ticks=%lld\n", gapMs, qlonglong(ticks));
            });
        const bool quit = parser.isSet(runOpt);
        QObject::connect(watchdog, &wordrace::StallWatchdog::experimentWatched, &app,
                         [quit](double gapMs, qint64 ticks) {
                             std::fprintf(stderr, "stall experiment max_gap_ms=%.1f ticks=%lld\n", gapMs,
                                          qlonglong(ticks));
                             if (quit)
                                 QApplication::quit();
                         });
        watchdog->watch(window.session()->runner());
    }
    return QApplication::exec();
}
