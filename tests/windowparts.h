#pragma once

// The parts of a MainWindow a test looks at, found by objectName as a user's tools would find
// them: the window exposes no getters for tests.

#include "engine/runner.h"
#include "panels/experimentpanel.h"
#include "panels/resultspane.h"
#include "panels/scalingpanel.h"
#include "panels/scenariopanel.h"
#include "session/runhistory.h"
#include "window/mainwindow.h"

#include <QListView>
#include <QMessageBox>
#include <QProgressBar>
#include <QTabWidget>
#include <QtGlobal>

namespace windowparts {

template<typename T> T *find(const QObject &window, const QString &name)
{
    T *found = window.findChild<T *>(name);
    if (!found)
        qFatal("the window has no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

inline wordrace::ExperimentPanel *experimentPanel(const wordrace::MainWindow &w)
{
    return find<wordrace::ExperimentPanel>(w, QStringLiteral("experimentPanel"));
}
inline wordrace::RunHistory *history(const wordrace::MainWindow &w)
{
    return find<wordrace::RunHistory>(w, QStringLiteral("runHistory"));
}
inline wordrace::Runner *runner(const wordrace::MainWindow &w)
{
    return find<wordrace::Runner>(w, QStringLiteral("runner"));
}
inline QListView *historyView(const wordrace::MainWindow &w)
{
    return find<QListView>(w, QStringLiteral("historyView"));
}
inline wordrace::ResultsPane *pane(const wordrace::MainWindow &w, int index)
{
    return find<wordrace::ResultsPane>(w, QStringLiteral("pane%1").arg(index));
}
inline QProgressBar *progressBar(const wordrace::MainWindow &w)
{
    return find<QProgressBar>(w, QStringLiteral("progress"));
}
// The window's error box, or null when none is up.
inline QMessageBox *errorBox(const wordrace::MainWindow &w)
{
    return w.findChild<QMessageBox *>(QStringLiteral("errorBox"));
}
inline wordrace::ScenarioPanel *scenarioPanel(const wordrace::MainWindow &w)
{
    return find<wordrace::ScenarioPanel>(w, QStringLiteral("scenarioPanel"));
}
inline wordrace::ScalingPanel *scalingPanel(const wordrace::MainWindow &w)
{
    return find<wordrace::ScalingPanel>(w, QStringLiteral("scalingPanel"));
}
inline QTabWidget *tabs(const wordrace::MainWindow &w)
{
    return find<QTabWidget>(w, QStringLiteral("tabs"));
}

} // namespace windowparts
