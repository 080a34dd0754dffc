#include "window/aboutbox.h"

#include <QApplication>
#include <QMessageBox>

namespace wordrace {

void showAboutBox(QWidget *parent)
{
    QMessageBox::about(parent, QCoreApplication::translate("MainWindow", "About WordRace"),
                       QCoreApplication::translate(
                           "MainWindow",
                           "<h3>WordRace %1</h3>"
                           "<p>Counts words three ways: in one sequential loop, on a pool of threads and on "
                           "worker processes, "
                           "and shows what each costs.</p>"
                           "<p><b>Wall vs CPU</b>: the wall time is what the clock on the wall says; the CPU "
                           "time is what the "
                           "cores spent. The dashed mark is the CPU of the parent process alone: all that "
                           "Python's %time shows, "
                           "which is why Pool.map seems to use so little CPU.</p>"
                           "<p><b>Timeline</b>: one lane per worker, one bar per task. Wheel or +/− zooms, "
                           "drag or Shift+arrows pan, "
                           "Home shows everything; Up and Down pick a row, Left and Right read its tasks. "
                           "In every chart, Tab and the arrow keys read each mark's numbers.</p>"
                           "<p>F5 runs, Esc cancels, F11 switches to presentation mode.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace wordrace
