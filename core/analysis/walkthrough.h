#pragma once

#include "analysis/scenario.h"

#include <QList>

#include <optional>

namespace wordrace {

// The lesson as a sequence of steps, one idea each, for a presenter's clicker: each step asks its
// question and collects the class's predictions, runs, then reveals the measured answer. A value
// that knows where the lesson is and what comes next; the window runs what it asks for.
class Walkthrough
{
public:
    enum class Phase
    {
        Question, // the question, and a tally of the class's predictions
        Running,
        Reveal // the measured answer in one line, the chart, the details a click away
    };
    enum class Action
    {
        None,
        Run,   // start the step's scenario now
        Finish // past the last step
    };

    explicit Walkthrough(QList<Scenario> steps);
    // The lesson's experiments in the lesson's order.
    static QList<Scenario> lessonSteps(int workers);

    int step() const { return m_step; }
    int stepCount() const { return int(m_steps.size()); }
    Phase phase() const { return m_phase; }
    const Scenario &scenario() const { return m_steps.at(m_step); }
    // Predictions per choice of this step.
    QList<int> tally() const { return m_steps.isEmpty() ? QList<int>{} : m_tallies.at(m_step); }
    // The verdict of this step's last run, if it has one.
    std::optional<Verdict> verdict() const { return m_verdicts.at(m_step); }

    // PageDown: the question goes to its run, a reveal to the next question.
    Action forward();
    // PageUp: a reveal goes back to its question, a question to the previous step's reveal (or
    // question, when it never ran). Nothing during a run.
    void back();
    // A vote for choice (0-based) while the question is up; false otherwise.
    bool vote(int choice);
    // The run ended: its verdict is revealed; without one (cancelled, failed) the question is up again.
    void runEnded(const std::optional<Verdict> &verdict);
    // Resumes at a step (clamped), on its question.
    void goTo(int step);

private:
    QList<Scenario> m_steps;
    QList<QList<int>> m_tallies;
    QList<std::optional<Verdict>> m_verdicts;
    int m_step = 0;
    Phase m_phase = Phase::Question;
};

} // namespace wordrace
