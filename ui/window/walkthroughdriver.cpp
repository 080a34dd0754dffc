#include "window/walkthroughdriver.h"

#include "engine/scenariorunner.h"
#include "panels/resultspane.h"
#include "panels/walkthroughpage.h"
#include "session/experimentsession.h"
#include "session/runhistory.h"

#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

constexpr auto kStepKey = "walkthrough/step";

} // namespace

WalkthroughDriver::WalkthroughDriver(ExperimentSession *session, QWidget *usual, QWidget *window)
    : QObject(window), m_session(session), m_stack(new QStackedWidget(window)), m_usual(usual),
      m_page(new WalkthroughPage(m_stack)), m_runner(new ScenarioRunner(this)),
      m_walkthrough(Walkthrough::lessonSteps(QThread::idealThreadCount()))
{
    m_stack->setObjectName(u"central"_s);
    m_stack->addWidget(m_usual);
    m_stack->addWidget(m_page);
    connect(m_page, &WalkthroughPage::forwardRequested, this, &WalkthroughDriver::forward);
    connect(m_page, &WalkthroughPage::backRequested, this, &WalkthroughDriver::back);
    connect(m_page, &WalkthroughPage::voteRequested, this, &WalkthroughDriver::vote);
    connect(m_page, &WalkthroughPage::leaveRequested, this, &WalkthroughDriver::leave);
    connect(m_runner, &ScenarioRunner::experimentRequested, this,
            [this](const Experiment &experiment, int index, int count) {
                m_page->setStatus(count == 1 ? tr("Running…")
                                             : tr("Running experiment %1 of %2…").arg(index + 1).arg(count));
                refresh();
                Q_EMIT experimentRequested(experiment);
            });
    connect(m_runner, &ScenarioRunner::cancelRequested, this, [this] {
        if (m_session->isRunning())
            m_session->runner()->cancel(); // the scenario's own cancel (zombies), not the user's
    });
    connect(m_runner, &ScenarioRunner::verdictReady, this,
            [this](const Verdict &verdict, const QList<RunResult> &results) {
                // A scenario of several experiments (one per mode) is answered by all of them together.
                if (const qsizetype n = m_walkthrough.scenario().experiments.size(); n > 1)
                    m_page->pane()->showResults(results, tr("%1: %2 experiments, %3 runs")
                                                             .arg(m_walkthrough.scenario().title)
                                                             .arg(n)
                                                             .arg(results.size()));
                m_walkthrough.runEnded(verdict);
                refresh();
            });
    connect(m_runner, &ScenarioRunner::stopped, this, [this](const QString &why) {
        m_walkthrough.runEnded(std::nullopt);
        m_page->setStatus(why);
        refresh();
    });
    connect(m_session, &ExperimentSession::runStarted, this, [this](int, Mode mode, int workers) {
        if (!m_runner->isRunning())
            return;
        m_runner->experimentStarted();
        m_page->pane()->startRun(mode, workers);
    });
    connect(m_session, &ExperimentSession::progressed, this, [this](int, const RunProgress &p) {
        if (m_runner->isRunning())
            m_page->pane()->addProgress(p);
    });
    connect(m_session, &ExperimentSession::resultAdded, this, [this](int, const RunResult &r) {
        if (m_runner->isRunning())
            m_page->pane()->addResult(r);
    });
    // Queued: the window first shows the experiment's end, then the next one may start.
    connect(m_session, &ExperimentSession::finished, this, &WalkthroughDriver::experimentFinished,
            Qt::QueuedConnection);
}

WalkthroughDriver::~WalkthroughDriver() = default;

QWidget *WalkthroughDriver::central() const
{
    return m_stack;
}

bool WalkthroughDriver::chartsPending() const
{
    return m_page->pane()->chartsPending();
}

bool WalkthroughDriver::start()
{
    if (m_session->isRunning() || m_walkthrough.stepCount() == 0)
        return false;
    m_walkthrough.goTo(QSettings().value(QLatin1String(kStepKey), 0).toInt());
    m_active = true;
    m_stack->setCurrentWidget(m_page);
    m_page->setStatus({});
    refresh();
    m_page->setFocus();
    // A second screen shows the presenter's notes while the class sees the slide.
    if (QGuiApplication::screens().size() > 1)
        showNotes(true);
    Q_EMIT activeChanged(true);
    return true;
}

void WalkthroughDriver::leave()
{
    if (!m_active)
        return;
    if (m_runner->isRunning()) {
        m_runner->abandon();
        if (m_session->isRunning())
            m_session->runner()->cancel();
        m_walkthrough.runEnded(std::nullopt);
    }
    m_active = false;
    m_stack->setCurrentWidget(m_usual);
    m_page->setBlank(false);
    showNotes(false);
    Q_EMIT activeChanged(false);
}

void WalkthroughDriver::forward()
{
    if (m_session->isRunning())
        return;
    switch (m_walkthrough.forward()) {
    case Walkthrough::Action::Run:
        m_page->setStatus(tr("Preparing…"));
        m_page->pane()->showEntry(nullptr);
        m_runner->start(m_walkthrough.scenario());
        break;
    case Walkthrough::Action::Finish:
        m_page->setStatus(tr("That was the last step. Esc leaves the walkthrough."));
        break;
    case Walkthrough::Action::None:
        break;
    }
    remember();
    refresh();
}

void WalkthroughDriver::back()
{
    m_walkthrough.back();
    remember();
    refresh();
}

void WalkthroughDriver::vote(int choice)
{
    if (m_walkthrough.vote(choice))
        refresh();
}

void WalkthroughDriver::experimentFinished(int row)
{
    if (!m_runner->isRunning())
        return;
    const HistoryEntry &e = m_session->history()->entry(row);
    m_page->pane()->finishEntry(&e);
    const auto ending = e.state == HistoryEntry::State::Failed      ? ScenarioRunner::Ending::Failed
                        : e.state == HistoryEntry::State::Cancelled ? ScenarioRunner::Ending::Cancelled
                                                                    : ScenarioRunner::Ending::Done;
    m_runner->experimentEnded(e.results, ending, e.failure, m_session->cancelledByUser());
}

void WalkthroughDriver::remember()
{
    QSettings().setValue(QLatin1String(kStepKey), m_walkthrough.step());
}

void WalkthroughDriver::refresh()
{
    m_page->present(m_walkthrough);
    if (!m_notesText)
        return;
    const Scenario &s = m_walkthrough.scenario();
    QStringList predicted;
    const QList<int> tally = m_walkthrough.tally();
    for (qsizetype i = 0; i < s.choices.size(); ++i)
        predicted << tr("%1: %2 vote(s)").arg(s.choices.at(i)).arg(tally.value(i));
    QString text = tr("Step %1 of %2: %3\n\n%4\n\nThe class predicted: %5")
                       .arg(m_walkthrough.step() + 1)
                       .arg(m_walkthrough.stepCount())
                       .arg(s.title, s.notes, predicted.join(u"; "_s));
    if (const auto v = m_walkthrough.verdict())
        text += u"\n\n"_s + tr("Measured: %1").arg(v->headline);
    m_notesText->setText(text);
}

QWidget *WalkthroughDriver::notesWindow() const
{
    return m_notes.get();
}

void WalkthroughDriver::showNotes(bool on)
{
    if (!on) {
        if (m_notes)
            m_notes->hide();
        return;
    }
    if (!m_notes) {
        m_notes = std::make_unique<QWidget>();
        m_notes->setObjectName(u"presenterNotes"_s);
        m_notes->setWindowTitle(tr("WordRace — presenter's notes"));
        auto *layout = new QVBoxLayout(m_notes.get());
        m_notesText = new QLabel(m_notes.get());
        m_notesText->setObjectName(u"presenterNotesText"_s);
        m_notesText->setWordWrap(true);
        QFont f = m_notesText->font();
        f.setPixelSize(22);
        m_notesText->setFont(f);
        layout->addWidget(m_notesText);
    }
    // On the screen the slide is not on.
    const QList<QScreen *> screens = QGuiApplication::screens();
    QScreen *slide = m_page->screen();
    for (QScreen *s : screens)
        if (s != slide) {
            m_notes->setGeometry(s->availableGeometry().adjusted(40, 40, -40, -40));
            break;
        }
    refresh();
    m_notes->show();
}

} // namespace wordrace
