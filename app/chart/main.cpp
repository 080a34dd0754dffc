#include "chartcommand.h"

#include <QApplication>

#include <cstdio>

namespace {

// Qt's own chatter (a missing XDG_RUNTIME_DIR, font fallbacks) would bury the one line that says
// why a chart was not drawn; keep only what is serious unless asked for more.
void quietMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg || qEnvironmentVariableIsSet("WORDRACE_DEBUG")) {
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
        std::fflush(stderr);
    }
}

} // namespace

// `wordrace-cli chart` runs this helper: drawing needs Qt Widgets and Charts, which the CLI itself
// never loads, so that counting on a headless or cluster machine needs no GUI library.
int main(int argc, char *argv[])
{
    // Drawing needs no screen: without a display (ssh, CI, cron) use the offscreen platform rather
    // than fail to connect to one. Checked before QApplication reads the environment.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietMessages);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wordrace-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WORDRACE_VERSION));
    return wordrace::ChartCommand::exec(QCoreApplication::arguments());
}
