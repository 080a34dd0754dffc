#include "engine/scenariorunner.h"

#include "backends/processscan.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// The zombie scenario cancels once every worker is up, this long after, so that the cancel finds
// them half-way through their tasks.
constexpr int kZombieCancelAfterMs = 300;
constexpr int kZombieWatchMs = 50;

bool isZombies(const std::optional<Scenario> &s)
{
    return s && s->id == u"zombies";
}

} // namespace

ScenarioRunner::ScenarioRunner(QObject *parent) : QObject(parent)
{
    m_zombieWatch.setInterval(kZombieWatchMs);
    connect(&m_zombieWatch, &QTimer::timeout, this, &ScenarioRunner::watchWorkers);
    m_zombieCancel.setSingleShot(true);
    m_zombieCancel.setInterval(kZombieCancelAfterMs);
    connect(&m_zombieCancel, &QTimer::timeout, this, [this] {
        if (isRunning())
            Q_EMIT cancelRequested();
    });
}

void ScenarioRunner::start(const Scenario &scenario)
{
    abandon();
    m_scenario = scenario;
    requestNext();
}

void ScenarioRunner::abandon()
{
    m_zombieWatch.stop();
    m_zombieCancel.stop();
    m_scenario.reset();
    m_next = 0;
    m_results.clear();
    m_workerPids.clear();
}

void ScenarioRunner::requestNext()
{
    const qsizetype index = m_next++;
    Q_EMIT experimentRequested(m_scenario->experiments.at(index), int(index),
                               int(m_scenario->experiments.size()));
}

void ScenarioRunner::experimentStarted()
{
    if (isZombies(m_scenario) && !m_zombieWatch.isActive() && !m_zombieCancel.isActive())
        m_zombieWatch.start();
}

void ScenarioRunner::watchWorkers()
{
    // As `ps ux | grep ...` would list them: note the workers once they are all up.
    for (qint64 p : workerProcesses(QCoreApplication::applicationPid()))
        if (!m_workerPids.contains(p))
            m_workerPids.append(p);
    if (m_scenario && m_workerPids.size() >= m_scenario->experiments.first().workers) {
        m_zombieWatch.stop();
        m_zombieCancel.start();
    }
}

void ScenarioRunner::experimentEnded(const QList<RunResult> &results, Ending ending, const QString &failure,
                                     bool cancelledByUser)
{
    if (!m_scenario)
        return;
    m_zombieWatch.stop();
    m_zombieCancel.stop();
    m_results.append(results);
    // The zombie scenario's own cancel is its point; any other cancel, or a failure, ends it.
    if (ending == Ending::Failed || cancelledByUser ||
        (ending == Ending::Cancelled && !isZombies(m_scenario))) {
        abandon();
        Q_EMIT stopped(ending == Ending::Failed ? u"The scenario stopped: %1"_s.arg(failure)
                                                : u"The scenario was cancelled; no verdict."_s,
                       ending);
        return;
    }
    if (m_next < m_scenario->experiments.size())
        return requestNext();
    finish();
}

void ScenarioRunner::finish()
{
    QList<qint64> survivors;
    for (qint64 p : std::as_const(m_workerPids))
        if (processExists(p) && workerProcesses().contains(p))
            survivors.append(p);
    const Verdict verdict = m_scenario->verdict(m_results, m_workerPids, survivors);
    const QList<RunResult> results = m_results;
    abandon();
    Q_EMIT verdictReady(verdict, results);
}

} // namespace wordrace
