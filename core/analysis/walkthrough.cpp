#include "analysis/walkthrough.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

Walkthrough::Walkthrough(QList<Scenario> steps) : m_steps(std::move(steps))
{
    for (const Scenario &s : std::as_const(m_steps)) {
        m_tallies.append(QList<int>(s.choices.size(), 0));
        m_verdicts.append(std::nullopt);
    }
}

QList<Scenario> Walkthrough::lessonSteps(int workers)
{
    // The lesson's order: threads that wait, where their results go, then the race and why it
    // comes out as it does, and the clean-up at the end.
    const QStringList order = {u"delays"_s,        u"return-values"_s, u"race"_s,   u"web-scraping"_s,
                               u"cpu-bound-gil"_s, u"tiny-tasks"_s,    u"zombies"_s};
    QList<Scenario> steps;
    for (const QString &id : order)
        if (auto s = Scenario::byId(id, workers))
            steps.append(*s);
    return steps;
}

Walkthrough::Action Walkthrough::forward()
{
    if (m_steps.isEmpty())
        return Action::Finish;
    switch (m_phase) {
    case Phase::Question:
        m_phase = Phase::Running;
        return Action::Run;
    case Phase::Running:
        return Action::None;
    case Phase::Reveal:
        if (m_step + 1 >= stepCount())
            return Action::Finish;
        ++m_step;
        m_phase = Phase::Question;
        return Action::None;
    }
    return Action::None;
}

void Walkthrough::back()
{
    if (m_steps.isEmpty() || m_phase == Phase::Running)
        return;
    if (m_phase == Phase::Reveal) {
        m_phase = Phase::Question;
        return;
    }
    if (m_step == 0)
        return;
    --m_step;
    m_phase = m_verdicts.at(m_step) ? Phase::Reveal : Phase::Question;
}

bool Walkthrough::vote(int choice)
{
    if (m_steps.isEmpty() || m_phase != Phase::Question || choice < 0 ||
        choice >= m_tallies.at(m_step).size())
        return false;
    ++m_tallies[m_step][choice];
    return true;
}

void Walkthrough::runEnded(const std::optional<Verdict> &verdict)
{
    if (m_steps.isEmpty() || m_phase != Phase::Running)
        return;
    if (verdict) {
        m_verdicts[m_step] = verdict;
        m_phase = Phase::Reveal;
    } else {
        m_phase = Phase::Question;
    }
}

void Walkthrough::goTo(int step)
{
    if (m_steps.isEmpty())
        return;
    m_step = std::clamp(step, 0, stepCount() - 1);
    m_phase = Phase::Question;
}

} // namespace wordrace
