#include "runcommand.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wordrace-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WORDRACE_VERSION));
    return wordrace::RunCommand::exec(QCoreApplication::arguments());
}
