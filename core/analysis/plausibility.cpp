#include "analysis/plausibility.h"

#include "io/units.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

// Differences smaller than this are within a run's noise, whatever the ratio.
constexpr double kNoiseS = 0.005;

double median(std::vector<double> v)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

bool counts(const RunResult &r)
{
    return !r.cancelled && r.wallS > 0.0 && r.corpusBytes > 0;
}

// Without waits of any kind the count is CPU-bound: workers cannot make it more than
// min(workers, cores) times faster.
bool cpuBound(const Knobs &k)
{
    return k.ioLatencyMs <= 0.0 && k.latencyPatternMs.isEmpty();
}

// The CPU that went into counting: the sampler's own is not the mode's, nor, when workers count in
// processes of their own, the parent's handing out of tasks.
double countingCpu(const RunResult &r)
{
    if (!r.workersInsideParent)
        return r.workersCpu.total();
    return std::max(0.0, r.totalCpu().total() - r.samplerCpuS);
}

// Per-task processes and piped bytes spend CPU on purpose beside the counting: their rate is the
// point of the experiment, not a symptom.
bool rateComparable(const RunResult &r)
{
    // Pickled tasks (a pipe, or CPython's pool) cost CPU to receive: not counting alone.
    return r.knobs.spawn == Spawn::Pool && r.mode != Mode::PythonProcesses &&
           !(r.mode == Mode::Processes && r.knobs.transport == Transport::Pipe);
}

QString times(double x)
{
    return Units::decimal(x, x < 10 ? 1 : 0) + u'x';
}

QString mbPerS(double bytesPerS)
{
    return Units::locale().toString(bytesPerS / 1e6, 'f', 0) + u" MB"_s;
}

void add(RunResult &r, const QString &kind, const QString &message)
{
    r.warnings.append(RunWarning{kind, message});
}

} // namespace

static void judgeOne(QList<RunResult> &runs, int cores)
{
    for (RunResult &r : runs)
        r.warnings.removeIf([](const RunWarning &w) { return w.kind != u"busy-machine"; });
    cores = std::max(1, cores);

    std::map<Mode, std::vector<double>> walls, rates;
    for (const RunResult &r : std::as_const(runs)) {
        if (!counts(r))
            continue;
        walls[r.mode].push_back(r.wallS);
        if (rateComparable(r) && countingCpu(r) > 0.0)
            rates[r.mode].push_back(double(r.corpusBytes) / countingCpu(r));
    }

    // Cold runs first: the other two warnings name them as the likely cause.
    std::map<Mode, bool> hadColdRun;
    for (auto &[mode, w] : walls) {
        if (w.size() < 2)
            continue;
        RunResult *first = nullptr;
        std::vector<double> rest;
        for (RunResult &r : runs) {
            if (r.mode != mode || !counts(r))
                continue;
            if (!first)
                first = &r;
            else
                rest.push_back(r.wallS);
        }
        const double typical = median(rest);
        if (first && typical > 0.0 && first->wallS > Plausibility::kColdRatio * typical &&
            first->wallS - typical > kNoiseS) {
            hadColdRun[mode] = true;
            add(*first, u"cold-run"_s,
                QCoreApplication::translate(
                    "wordrace::Plausibility",
                    "this first %1 run took %2 the median of the later ones (%3 s against %4 s): it "
                    "paid for cold memory, caches or page tables, so the later runs are the "
                    "mode's cost")
                    .arg(modeName(mode), times(first->wallS / typical), Units::decimal(first->wallS, 3),
                         Units::decimal(typical, 3)));
        }
    }

    bool sequentialSlow = false;
    for (RunResult &r : runs) {
        if (!counts(r))
            continue;
        // Slow counting: the same bytes took far more CPU than in another mode.
        if (rateComparable(r) && countingCpu(r) > 0.0) {
            const double rate = double(r.corpusBytes) / countingCpu(r);
            Mode bestMode = r.mode;
            double best = 0.0;
            for (const auto &[mode, rs] : rates) {
                // CPython counts a hundred times slower than C++ by design: compare like with like.
                if (mode == r.mode || rs.empty() || isPython(mode) != isPython(r.mode))
                    continue;
                const double m = median(rs);
                if (m > best) {
                    best = m;
                    bestMode = mode;
                }
            }
            // Parallel counting shares the memory bus: each core's rate may drop to 1/N of one
            // core's alone without anything being wrong.
            const int sharing = isSequential(r.mode) ? 1 : std::max(1, std::min(r.workers, cores));
            const double floor = Plausibility::kSlowRateShare * best / double(sharing);
            const double expectedCpu = best > 0.0 ? double(r.corpusBytes) / floor : 0.0;
            // A corpus counted in a few milliseconds says more about fixed costs (a worker's
            // start) than about counting: not judged.
            const bool countingDominates = best > 0.0 && double(r.corpusBytes) / best >= kNoiseS;
            if (countingDominates && rate < floor && countingCpu(r) - expectedCpu > kNoiseS)
                add(r, u"slow-counting"_s,
                    QCoreApplication::translate(
                        "wordrace::Plausibility",
                        "%1 counted %2 per CPU-second against %3 in %4: the counting itself ran slowly "
                        "(cold memory or caches, or a core shared with another program), so "
                        "this time is not the mode's cost")
                        .arg(modeName(r.mode), mbPerS(rate), mbPerS(best), modeName(bestMode)));
            if (isSequential(r.mode) && !r.warnings.isEmpty() && r.warnings.last().kind == u"slow-counting")
                sequentialSlow = true;
        }
    }

    for (RunResult &r : runs) {
        if (!counts(r))
            continue;
        // A speed-up the hardware cannot give.
        const Mode baseline = sequentialOf(r.mode);
        if (isSequential(r.mode) || !cpuBound(r.knobs) || !walls.count(baseline))
            continue;
        const double sequential = median(walls[baseline]);
        const double speedup = sequential / r.wallS;
        const double limit = double(std::min(r.workers, cores)) * Plausibility::kSpeedupSlack;
        if (speedup > limit && sequential - r.wallS > kNoiseS) {
            QString cause = QCoreApplication::translate(
                "wordrace::Plausibility", "one of them was disturbed; run again with a warm-up run");
            if (hadColdRun[baseline])
                cause =
                    QCoreApplication::translate("wordrace::Plausibility", "sequential's first run was cold");
            else if (sequentialSlow)
                cause = QCoreApplication::translate(
                    "wordrace::Plausibility",
                    "sequential's counting ran slowly (see its slow-counting warning)");
            add(r, u"implausible-speedup"_s,
                QCoreApplication::translate(
                    "wordrace::Plausibility",
                    "%1 ran %2 faster than %7 with %3 worker(s) on %4 core(s): more than the "
                    "hardware allows for counting (at most %5), so %6")
                    .arg(modeName(r.mode), times(speedup))
                    .arg(r.workers)
                    .arg(cores)
                    .arg(times(double(std::min(r.workers, cores))), cause, modeName(baseline)));
        }
    }
}

void Plausibility::judge(QList<RunResult> &runs, int cores)
{
    // Runs are compared only with runs of the same experiment: the same corpus and knobs.
    QList<QList<qsizetype>> groups;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        bool placed = false;
        for (QList<qsizetype> &g : groups) {
            const RunResult &o = runs[g.first()];
            if (o.corpus.toString() == runs[i].corpus.toString() && o.corpusBytes == runs[i].corpusBytes &&
                o.knobs == runs[i].knobs) {
                g.append(i);
                placed = true;
                break;
            }
        }
        if (!placed)
            groups.append(QList<qsizetype>{i});
    }
    for (const QList<qsizetype> &g : std::as_const(groups)) {
        QList<RunResult> group;
        for (qsizetype i : g)
            group.append(runs[i]);
        judgeOne(group, cores);
        for (qsizetype k = 0; k < g.size(); ++k)
            runs[g[k]].warnings = group[k].warnings;
    }
}

QStringList Plausibility::kinds(const QList<const RunResult *> &runs)
{
    QStringList out;
    for (const RunResult *r : runs)
        for (const RunWarning &w : r->warnings)
            if (!out.contains(w.kind))
                out << w.kind;
    return out;
}

QString Plausibility::text(const QList<RunResult> &runs)
{
    QString out;
    for (const RunResult &r : runs)
        for (const RunWarning &w : r.warnings)
            out += u"warning: %1 run %2 (%3): %4\n"_s.arg(modeName(r.mode))
                       .arg(r.repetition + 1)
                       .arg(w.kind, w.message);
    return out;
}

QString Plausibility::kindText(const QString &kind)
{
    // The English text is the kind itself, as the window showed it before there were translations.
    static const char *const kinds[] = {QT_TRANSLATE_NOOP("wordrace::Plausibility", "implausible-speedup"),
                                        QT_TRANSLATE_NOOP("wordrace::Plausibility", "slow-counting"),
                                        QT_TRANSLATE_NOOP("wordrace::Plausibility", "busy-machine"),
                                        QT_TRANSLATE_NOOP("wordrace::Plausibility", "cold-run")};
    for (const char *k : kinds)
        if (kind == QLatin1StringView(k))
            return QCoreApplication::translate("wordrace::Plausibility", k);
    return kind;
}

QString Plausibility::firstDoubt(const QList<RunResult> &runs)
{
    for (const RunResult &r : runs)
        if (!r.warnings.isEmpty())
            return u"%1: %2"_s.arg(modeName(r.mode), r.warnings.first().message);
    return {};
}

} // namespace wordrace
