#pragma once

#include "analysis/scenario.h"

#include <QObject>

#include <optional>

class QMenu;
class QToolButton;
class QWidget;

namespace wordrace {

class ExperimentSession;
struct HistoryEntry;
class ScenarioPanel;
class ScenarioRunner;

// The lesson's scenarios in the app: the menu that offers them, the question and the verdict on
// the Race tab, and the core's ScenarioRunner, whose experiments run through the session so that
// they are in the history like any run.
class ScenarioDriver : public QObject
{
    Q_OBJECT
public:
    ScenarioDriver(ExperimentSession *session, ScenarioPanel *panel, QWidget *window);

    QMenu *menu() const { return m_menu; }
    // The toolbar's Scenarios button: the lesson's experiments two clicks from launch.
    QToolButton *makeButton(QWidget *parent) const;
    // Asks the scenario's question; it runs once the class has predicted or skipped. False for an
    // unknown id or while a run goes.
    bool ask(const QString &id);
    // The user ran the panel's own experiment: a question still waiting, or a scenario between two
    // of its experiments, is withdrawn.
    void withdrawQuestion();
    void setEnabled(bool enabled);
    // The selection changed: an entry that kept a scenario's verdict shows it again; another hides
    // a verdict shown that way. A scenario under way keeps the panel.
    void showEntry(const HistoryEntry *entry);

Q_SIGNALS:
    // Run this experiment now (the window shows it in the experiment panel and starts it).
    void experimentRequested(const wordrace::Experiment &experiment);
    void statusMessage(const QString &text);

private:
    void experimentFinished(int row);

    ExperimentSession *m_session;
    ScenarioPanel *m_panel;
    ScenarioRunner *m_runner;
    QMenu *m_menu;
    std::optional<Scenario> m_asked;
    int m_lastRow = -1; // the history row of the scenario's latest experiment
};

} // namespace wordrace
