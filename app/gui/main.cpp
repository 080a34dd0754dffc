#include "session/experimentsession.h"
#include "session/sessioncontroller.h"
#include "window/languagemenu.h"
#include "window/mainwindow.h"
#include "window/stallwatchdog.h"
#include "window/startupprobe.h"

#include <QApplication>
#include <QByteArray>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

struct Options
{
    QCommandLineOption run{u"run"_s, QCoreApplication::translate("main", "Start the experiment on launch.")};
    QCommandLineOption presentation{
        u"presentation"_s,
        QCoreApplication::translate("main", "Start in presentation mode: full screen, big type.")};
    QCommandLineOption lesson{
        u"lesson"_s,
        QCoreApplication::translate(
            "main", "Open the lesson walkthrough: the lesson's experiments as steps of one idea "
                    "each, driven by a presenter's clicker (with --presentation: full screen).")};
    // Measurements for docs/performance.md, printed to standard error.
    QCommandLineOption startup{
        u"measure-startup"_s,
        QCoreApplication::translate("main",
                                    "Print the time from launch to the window's first frame, then quit.")};
    QCommandLineOption stalls{u"watch-stalls"_s, QCoreApplication::translate(
                                                     "main", "Print the longest GUI-thread stall of each run "
                                                             "(with --run: quit when the experiment ends).")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main",
            "Counts words sequentially, with threads and with processes, and shows what each way costs."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({run, presentation, lesson, startup, stalls});
        parser.addPositionalArgument(
            u"file"_s, QCoreApplication::translate(
                           "main", "A session (.wordrace.json) to reopen, or a text file to count."));
    }
};

void nameApplication()
{
    QCoreApplication::setApplicationName(u"WordRace"_s);
    QCoreApplication::setOrganizationName(u"WordRace"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(WORDRACE_VERSION));
}

// --help and --version need no display: they are answered before the GUI starts, which on a
// machine without one would abort in Qt's platform plugin.
bool asksForTextOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--help" || a == "-h" || a == "-?" || a == "--help-all" || a == "--version" || a == "-v")
            return true;
    }
    return false;
}

// Without QT_QPA_PLATFORM, X or Wayland there is no screen to open a window on: say so and what
// to do, rather than let Qt abort.
bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char *argv[])
{
    const Options options;
    if (asksForTextOnly(argc, argv)) {
        QCoreApplication text(argc, argv);
        nameApplication();
        QCommandLineParser parser;
        options.addTo(parser);
        parser.process(text); // prints and exits
        return 0;
    }
    if (!hasDisplay()) {
        std::fprintf(
            stderr,
            "wordrace: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "Run it on a desktop, under a virtual one (xvfb-run -a wordrace), or use the command line: "
            "wordrace-cli run --help\n");
        return 1;
    }
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(u"WordRace"_s);
    QGuiApplication::setDesktopFileName(u"io.github.wordrace.WordRace"_s);
    // Before any widget exists, so that every text is built in the user's language.
    wordrace::LanguageMenu::install(wordrace::LanguageMenu::chosen());

    QCommandLineParser parser;
    options.addTo(parser);
    parser.process(app);

    wordrace::MainWindow window;
    if (parser.isSet(options.presentation))
        window.setPresentation(true);
    else
        window.show();
    if (parser.isSet(options.lesson))
        window.startWalkthrough();
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
    if (parser.isSet(options.run)) {
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
    if (parser.isSet(options.startup)) {
        auto *probe = new wordrace::StartupProbe(&window);
        QObject::connect(probe, &wordrace::StartupProbe::windowShown, &app, [](double seconds) {
            std::fprintf(stderr, "startup_ms %.1f\n", seconds * 1e3);
            QApplication::quit();
        });
        probe->watch(window.windowHandle());
    }
    if (parser.isSet(options.stalls)) {
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
        const bool quit = parser.isSet(options.run);
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
