#include "window/helpmenu.h"

#include "window/mainactions.h"
#include "window/shortcutsbox.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

QString numbersText()
{
    return QObject::tr(
        "<h2>What the numbers mean</h2>"
        "<p><b>Wall time</b>: the steady clock from the first task handed out to the last worker gone, "
        "starting the workers included: the lesson's setup overhead is in it, never hidden.</p>"
        "<p><b>CPU time</b> (user + system): the parent's engine threads plus every worker. For threads "
        "the workers are inside the parent, so its CPU holds them; for processes each worker's own CPU "
        "is added. The totals come from the kernel's exact per-thread and per-process clocks.</p>"
        "<p><b>Parent CPU</b>: only what the parent process spent. This is what the lesson's "
        "<tt>%time</tt> showed, and why <tt>Pool.map</tt> seemed to use less CPU than it did: the "
        "workers' CPU was not counted. For processes WordRace shows both.</p>"
        "<p><b>CPU/wall</b>: how many cores were busy on average. Above 1 only when work ran in "
        "parallel; near 1 for one worker at a time.</p>"
        "<p><b>Speed-up</b> S(N) = sequential wall ÷ wall with N workers; <b>efficiency</b> E(N) = "
        "S(N) ÷ N. The Scaling tab fits Amdahl's law to the points and says how much of the work stayed "
        "serial.</p>"
        "<p><b>Repeated runs</b>: the bars show the median; the whiskers the fastest and slowest run. "
        "The timeline shows each mode's median run.</p>"
        "<p><b>The timeline</b>: one lane per worker, one bar per task, in the mode's colour while it "
        "computes. Yellow is waiting for I/O, dark is waiting for the (emulated) GIL, orange is "
        "receiving bytes through a pipe. The thin grey bar before the first task is start-up, after the "
        "last the gathering of results; a hatched stretch is the stopping after a Cancel. Under the "
        "lanes: each CPU core's use and each process's memory, as the sampler read them.</p>"
        "<p><b>Where the time went</b>: each run's wall time split into start-up, transfer, compute, "
        "I/O, GIL wait, gather and idle, summed over the workers.</p>"
        "<p><b>⚠</b> marks a number that should not be believed: a speed-up the machine cannot give, "
        "counting that ran slowly, a cold first run, or another program taking the CPU (a busy "
        "machine). Hover over the mark for the reason, and run again.</p>"
        "<p>Every figure is measured, never adjusted; every mode is measured from the same start, in "
        "an order that does not favour any of them. Hover over any bar, segment, point or lane for its "
        "numbers.</p>");
}

} // namespace

void addHelpMenu(QMainWindow *window, const MainActions &actions)
{
    QObject::connect(actions.shortcuts, &QAction::triggered, window, [window] { showShortcutsBox(window); });
    QObject::connect(actions.numbersHelp, &QAction::triggered, window, [window] { showNumbersHelp(window); });
    QObject::connect(actions.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    QMenu *help = window->menuBar()->addMenu(QObject::tr("&Help"));
    help->addAction(actions.numbersHelp);
    help->addAction(actions.shortcuts);
    help->addAction(actions.about);
    help->addAction(actions.aboutQt);
}

void showNumbersHelp(QWidget *window)
{
    auto *box = window->findChild<QDialog *>(u"numbersHelp"_s);
    if (!box) {
        box = new QDialog(window);
        box->setObjectName(u"numbersHelp"_s);
        box->setWindowTitle(QObject::tr("What the Numbers Mean"));
        auto *text = new QTextBrowser(box);
        text->setObjectName(u"numbersText"_s);
        text->setHtml(numbersText());
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, box);
        QObject::connect(buttons, &QDialogButtonBox::rejected, box, &QDialog::close);
        auto *layout = new QVBoxLayout(box);
        layout->addWidget(text);
        layout->addWidget(buttons);
        box->resize(760, 640);
    }
    box->show();
    box->raise();
    box->activateWindow();
}

} // namespace wordrace
