#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("WordRace"));
    QApplication::setOrganizationName(QStringLiteral("WordRace"));
    QApplication::setApplicationVersion(QStringLiteral(WORDRACE_VERSION));
    wordrace::MainWindow window;
    window.show();
    return QApplication::exec();
}
