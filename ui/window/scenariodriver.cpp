#include "window/scenariodriver.h"

#include "engine/scenariorunner.h"
#include "panels/scenariopanel.h"
#include "session/experimentsession.h"
#include "session/runhistory.h"

#include <QMenu>
#include <QStyle>
#include <QThread>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace wordrace {

ScenarioDriver::ScenarioDriver(ExperimentSession *session, ScenarioPanel *panel, QWidget *window)
    : QObject(window), m_session(session), m_panel(panel), m_runner(new ScenarioRunner(this)),
      m_menu(new QMenu(tr("&Scenarios"), window))
{
    m_menu->setObjectName(u"scenarioMenu"_s);
    m_menu->setToolTipsVisible(true);
    for (const Scenario &scenario : Scenario::all(QThread::idealThreadCount())) {
        QAction *a = m_menu->addAction(scenario.title);
        a->setObjectName(u"scenario-"_s + scenario.id);
        a->setToolTip(scenario.question);
        a->setStatusTip(scenario.lesson);
        const QString id = scenario.id;
        connect(a, &QAction::triggered, this, [this, id] { ask(id); });
    }
    connect(m_panel, &ScenarioPanel::predictionMade, this, [this] {
        if (m_asked && !m_session->isRunning())
            m_runner->start(*std::exchange(m_asked, std::nullopt));
    });
    connect(m_runner, &ScenarioRunner::experimentRequested, this,
            [this](const Experiment &experiment, int index, int count) {
                m_panel->setStatus(count == 1 ? tr("Running…")
                                              : tr("Running experiment %1 of %2…").arg(index + 1).arg(count));
                Q_EMIT experimentRequested(experiment);
            });
    connect(m_runner, &ScenarioRunner::cancelRequested, this, [this] {
        if (m_session->isRunning())
            m_session->runner()->cancel(); // the scenario's own cancel, not the user's
    });
    connect(m_runner, &ScenarioRunner::verdictReady, this, [this](const Verdict &verdict) {
        m_panel->showVerdict(verdict);
        // Kept with the entry of the last experiment, so that a saved session shows it again.
        RunHistory *history = m_session->history();
        if (m_lastRow >= 0 && m_lastRow < history->count()) {
            history->entry(m_lastRow).scenario = m_panel->note();
            history->touch(m_lastRow);
        }
        Q_EMIT statusMessage(tr("Verdict: %1").arg(verdict.answer));
    });
    connect(m_runner, &ScenarioRunner::stopped, m_panel, &ScenarioPanel::showStopped);
    connect(m_session, &ExperimentSession::runStarted, this, [this] { m_runner->experimentStarted(); });
    // Queued: the window first shows the experiment's end, then the next one may start.
    connect(m_session, &ExperimentSession::finished, this, &ScenarioDriver::experimentFinished,
            Qt::QueuedConnection);
}

QToolButton *ScenarioDriver::makeButton(QWidget *parent) const
{
    auto *button = new QToolButton(parent);
    button->setObjectName(u"scenarioButton"_s);
    button->setText(tr("Scenarios"));
    button->setIcon(parent->style()->standardIcon(QStyle::SP_FileDialogContentsView));
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setMenu(m_menu);
    button->setToolTip(tr("The lesson's experiments: predict the outcome, run it, read the verdict"));
    button->setAccessibleName(tr("Scenarios"));
    return button;
}

bool ScenarioDriver::ask(const QString &id)
{
    if (m_session->isRunning())
        return false;
    const auto scenario = Scenario::byId(id, QThread::idealThreadCount());
    if (!scenario)
        return false;
    m_asked = scenario;
    m_panel->ask(*scenario);
    Q_EMIT statusMessage(tr("Pick a prediction, or skip it, to run the scenario."));
    return true;
}

void ScenarioDriver::withdrawQuestion()
{
    // Between two of a scenario's experiments the window is free for a moment: a run of the
    // panel's own experiment then ends the scenario too, rather than leave it waiting for a run
    // that will not come.
    if (m_asked || m_runner->isRunning()) {
        m_asked.reset();
        m_runner->abandon();
        m_panel->hide();
    }
}

void ScenarioDriver::showEntry(const HistoryEntry *entry)
{
    if (m_asked || m_runner->isRunning())
        return;
    if (entry && entry->scenario)
        m_panel->showNote(*entry->scenario);
    else if (m_panel->showsNote() || m_panel->hasVerdict())
        m_panel->hide();
}

void ScenarioDriver::setEnabled(bool enabled)
{
    for (QAction *a : m_menu->actions())
        a->setEnabled(enabled);
}

void ScenarioDriver::experimentFinished(int row)
{
    if (!m_runner->isRunning())
        return;
    m_lastRow = row;
    const HistoryEntry &e = m_session->history()->entry(row);
    const auto ending = e.state == HistoryEntry::State::Failed      ? ScenarioRunner::Ending::Failed
                        : e.state == HistoryEntry::State::Cancelled ? ScenarioRunner::Ending::Cancelled
                                                                    : ScenarioRunner::Ending::Done;
    m_runner->experimentEnded(e.results, ending, e.failure, m_session->cancelledByUser());
}

} // namespace wordrace
