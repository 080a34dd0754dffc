#pragma once

#include "analysis/walkthrough.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QLabel;
class QStackedWidget;
class QWidget;

namespace wordrace {

class ExperimentSession;
class ScenarioRunner;
class WalkthroughPage;

// The lesson walkthrough in the app: the Walkthrough's state, the page that shows it, and the
// core's ScenarioRunner, whose experiments run through the session (into the history like any
// run). Resumes at the step it was left on. With a second screen, the presenter's notes go there.
class WalkthroughDriver : public QObject
{
    Q_OBJECT
public:
    // The window's central area: `usual` (the tabs), or the walkthrough's page in its place.
    WalkthroughDriver(ExperimentSession *session, QWidget *usual, QWidget *window);
    ~WalkthroughDriver() override;

    // Opens at the step it was left on (its question); false while a run goes.
    bool start();
    void leave();
    bool isActive() const { return m_active; }
    const Walkthrough &walkthrough() const { return m_walkthrough; }
    // For the window's central widget: the usual view, or the page while the walkthrough is open.
    QWidget *central() const;
    WalkthroughPage *page() const { return m_page; }
    // Its charts are still being drawn (the session's display handshake).
    bool chartsPending() const;
    // The presenter's notes window, when a second screen is there (for tests: also without one).
    QWidget *notesWindow() const;
    void showNotes(bool on);

Q_SIGNALS:
    // Run this experiment now (the window starts it as any other).
    void experimentRequested(const wordrace::Experiment &experiment);
    // The walkthrough opened or closed.
    void activeChanged(bool active);

private:
    void forward();
    void back();
    void vote(int choice);
    void experimentFinished(int row);
    void refresh();
    void remember();

    ExperimentSession *m_session;
    QStackedWidget *m_stack;
    QWidget *m_usual;
    WalkthroughPage *m_page;
    ScenarioRunner *m_runner;
    Walkthrough m_walkthrough;
    bool m_active = false;
    std::unique_ptr<QWidget> m_notes;
    QLabel *m_notesText = nullptr;
};

} // namespace wordrace
