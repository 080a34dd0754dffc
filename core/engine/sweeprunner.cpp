#include "engine/sweeprunner.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

SweepRunner::SweepRunner(QObject *parent) : QObject(parent), m_runner(new Runner(this))
{
    connect(m_runner, &Runner::experimentPrepared, this,
            [this](quint64 j, const QString &summary, const QStringList &warnings) {
                if (j == m_runnerJob && m_running)
                    Q_EMIT experimentPrepared(m_job, summary, warnings);
            });
    connect(m_runner, &Runner::runStarted, this, [this](quint64 j, Mode mode) {
        if (j == m_runnerJob && m_running)
            Q_EMIT runStarted(m_job, int(m_point), mode);
    });
    connect(m_runner, &Runner::progressChanged, this, [this](quint64 j, const RunProgress &progress) {
        if (j == m_runnerJob && m_running)
            Q_EMIT progressChanged(m_job, progress);
    });
    connect(m_runner, &Runner::runFinished, this, [this](quint64 j, const RunResult &result) {
        if (j != m_runnerJob || !m_running)
            return;
        m_results.append(result);
        Q_EMIT runFinished(m_job, result);
    });
    connect(m_runner, &Runner::runFailed, this,
            [this](quint64 j, const QString &reason, Runner::FailureKind kind) {
                if (j != m_runnerJob || !m_running)
                    return;
                m_failed = true;
                Q_EMIT runFailed(m_job, reason, kind);
            });
    connect(m_runner, &Runner::experimentFinished, this, &SweepRunner::onExperimentFinished);
}

SweepRunner::~SweepRunner()
{
    m_running = false;
    m_runner->cancel();
    m_runner->wait();
}

namespace {

// The sequential modes a point's parallel modes are measured against (C++ and CPython each have
// their own), first; or none at all, when this point needs no baseline.
void withBaselines(Experiment &e, bool baselines)
{
    QList<Mode> parallel;
    for (Mode m : std::as_const(e.modes))
        if (!isSequential(m))
            parallel.append(m);
    QList<Mode> modes;
    if (baselines)
        for (Mode m : std::as_const(parallel))
            if (!modes.contains(sequentialOf(m)))
                modes.append(sequentialOf(m));
    e.modes = modes + parallel;
}

} // namespace

QList<Experiment> SweepRunner::workersPlan(const Experiment &base, const QList<int> &counts)
{
    QList<Experiment> plan;
    for (int n : counts) {
        Experiment e = base;
        e.workers = n;
        withBaselines(e, plan.isEmpty());
        plan.append(e);
    }
    return plan;
}

QList<Experiment> SweepRunner::sizesPlan(const Experiment &base, const QList<CorpusSpec> &sizes)
{
    QList<Experiment> plan;
    for (const CorpusSpec &size : sizes) {
        Experiment e = base;
        e.corpus = size;
        withBaselines(e, true);
        plan.append(e);
    }
    return plan;
}

std::optional<QList<int>> SweepRunner::parseWorkerCounts(const QString &text, QString *error)
{
    QList<int> counts;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int n = item.trimmed().toInt(&ok);
        if (!ok || n < 1) {
            *error = u"needs whole numbers >= 1 separated by commas, not '%1'"_s.arg(item);
            return std::nullopt;
        }
        if (!counts.contains(n))
            counts.append(n);
    }
    if (counts.isEmpty()) {
        *error = u"needs at least one worker count"_s;
        return std::nullopt;
    }
    std::sort(counts.begin(), counts.end());
    return counts;
}

std::optional<QList<CorpusSpec>> SweepRunner::parseSizes(const QString &text, const CorpusSpec &base,
                                                         QString *error)
{
    QList<CorpusSpec> sizes;
    for (const QString &raw : text.split(u',', Qt::SkipEmptyParts)) {
        const QString item = raw.trimmed();
        bool isNumber = false;
        const qulonglong repeat = item.toULongLong(&isNumber);
        std::optional<CorpusSpec> spec;
        if (isNumber) {
            if (base.kind == CorpusSpec::Kind::File) {
                *error = u"%1: a plain REPEAT needs a lesson or nicehat corpus"_s.arg(item);
                return std::nullopt;
            }
            spec = base;
            spec->repeat = repeat;
        } else {
            spec = CorpusSpec::parse(item, error);
            if (!spec)
                return std::nullopt;
        }
        if (!sizes.contains(*spec))
            sizes.append(*spec);
    }
    if (sizes.size() < 2) {
        *error = u"needs at least two corpora separated by commas"_s;
        return std::nullopt;
    }
    return sizes;
}

quint64 SweepRunner::start(Sweep::Kind kind, const QList<Experiment> &plan)
{
    if (m_running)
        finish(true);
    m_job += 1;
    m_kind = kind;
    m_plan = plan;
    m_results.clear();
    m_point = 0;
    m_cancelled = false;
    m_failed = false;
    m_running = true;
    const quint64 job = m_job;
    startPoint();
    return job;
}

void SweepRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_runner->cancel();
}

void SweepRunner::wait()
{
    m_runner->wait();
}

int SweepRunner::totalRuns() const
{
    int total = 0;
    for (const Experiment &e : m_plan)
        total += int(e.modes.size()) * e.runs;
    return total;
}

bool SweepRunner::restore(Sweep::Kind kind, const QList<RunResult> &results)
{
    if (m_running)
        return false;
    ++m_job; // anything still queued from the last sweep is stale
    m_kind = kind;
    m_plan.clear();
    m_results = results;
    m_point = 0;
    m_cancelled = m_failed = false;
    return true;
}

Sweep SweepRunner::sweep(int logicalCpus) const
{
    return Sweep(m_kind, m_results, logicalCpus);
}

void SweepRunner::startPoint()
{
    if (m_point >= m_plan.size()) {
        finish(false);
        return;
    }
    Q_EMIT pointStarted(m_job, int(m_point), int(m_plan.size()));
    // A receiver may have cancelled or restarted the sweep from that signal.
    if (!m_running || m_cancelled) {
        if (m_running)
            finish(true);
        return;
    }
    m_runnerJob = m_runner->start(m_plan.at(m_point));
}

void SweepRunner::finish(bool cancelled)
{
    m_running = false;
    // The Runner's last signals of this sweep, still queued, must not count for the next one.
    m_runnerJob = 0;
    m_runner->cancel();
    Q_EMIT sweepFinished(m_job, cancelled);
}

void SweepRunner::onExperimentFinished(quint64 runnerJob, bool cancelled)
{
    if (runnerJob != m_runnerJob || !m_running)
        return;
    // The engine's thread is ending; the next point's start() would wait for it anyway.
    m_runner->wait();
    if (cancelled || m_cancelled || m_failed) {
        finish(cancelled || m_cancelled);
        return;
    }
    ++m_point;
    startPoint();
}

} // namespace wordrace
