#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

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
    parser.addOptions({runOpt, presentationOpt});
    parser.process(app);

    wordrace::MainWindow window;
    if (parser.isSet(presentationOpt))
        window.setPresentation(true);
    else
        window.show();
    if (parser.isSet(runOpt))
        QTimer::singleShot(0, &window, &wordrace::MainWindow::runExperiment);
    return QApplication::exec();
}
