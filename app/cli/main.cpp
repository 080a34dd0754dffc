#include "clitool.h"
#include "runcommand.h"
#include "scenariocommand.h"
#include "sweepcommand.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <cstring>
#include <vector>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// `chart` is drawn by wordrace-chart, next to this program: it links the GUI libraries this one
// never loads. The helper takes over this process (same pid, terminal, streams and exit status).
int execChart(int argc, char *argv[])
{
#ifdef WORDRACE_HAVE_CHART
    const QByteArray helper =
        QFile::encodeName(QCoreApplication::applicationDirPath() + u"/wordrace-chart"_s);
    std::vector<char *> args;
    args.push_back(const_cast<char *>(helper.constData()));
    for (int i = 1; i < argc; ++i)
        args.push_back(argv[i]);
    args.push_back(nullptr);
    ::execv(helper.constData(), args.data());
    return wordrace::Cli::usageError(
        u"chart"_s, u"cannot start %1: %2"_s.arg(QFile::decodeName(helper),
                                                 QString::fromLocal8Bit(std::strerror(errno))));
#else
    Q_UNUSED(argc);
    Q_UNUSED(argv);
    return wordrace::Cli::usageError(u"chart"_s,
                                     u"this build draws no charts (it was built without the GUI)"_s);
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wordrace-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WORDRACE_VERSION));
    const QStringList arguments = QCoreApplication::arguments();
    // Each command has options of its own: the command word decides whose parser reads them.
    const QString command = arguments.value(1);
    // Asked before any command (by package checks, bug reports); no command's parser offers it.
    if (command == u"--version" || command == u"-v") {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()),
                    qPrintable(QCoreApplication::applicationVersion()));
        return wordrace::Cli::Ok;
    }
    if (command == u"chart")
        return execChart(argc, argv);
    if (command == u"sweep")
        return wordrace::SweepCommand::exec(arguments);
    if (command == u"scenario")
        return wordrace::ScenarioCommand::exec(arguments);
    return wordrace::RunCommand::exec(arguments);
}
