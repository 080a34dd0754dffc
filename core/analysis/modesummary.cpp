#include "analysis/modesummary.h"
#include "io/units.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject sampleJson(const SampleSummary &s)
{
    return QJsonObject{{u"mean"_s, number(s.mean)},
                       {u"stddev"_s, number(s.stddev)},
                       {u"median"_s, number(s.median)},
                       {u"min"_s, number(s.min)},
                       {u"max"_s, number(s.max)}};
}

QString runList(const QList<int> &repetitions, int runs)
{
    QStringList parts;
    for (int r : repetitions)
        parts << QString::number(r + 1);
    return u"%1 %2 of %3"_s.arg(repetitions.size() == 1 ? u"run"_s : u"runs"_s, parts.join(u", "_s))
        .arg(runs);
}

// The knobs that differ from a plain run, for telling apart summaries that differ only in them.
QString sampleLine(const SampleSummary &s)
{
    QString line = Units::seconds(s.mean);
    if (std::isfinite(s.stddev))
        line += u" ± "_s + Units::seconds(s.stddev);
    return line + u"  (median %1, %2..%3)"_s.arg(Units::seconds(s.median), Units::seconds(s.min),
                                                 Units::seconds(s.max));
}

} // namespace

bool ModeSummary::sameMeasurement(const RunResult &a, const RunResult &b)
{
    return a.mode == b.mode && a.workers == b.workers && a.corpus == b.corpus && a.knobs == b.knobs;
}

QList<ModeSummary> ModeSummary::summarize(const QList<RunResult> &runs)
{
    struct Group
    {
        ModeSummary summary;
        const RunResult *first = nullptr;
        QList<const RunResult *> runs;
    };
    QList<Group> groups;
    QSet<QString> corpora;
    QList<Knobs> knobSets;
    for (const RunResult &r : runs) {
        corpora.insert(r.corpus.toString());
        if (!knobSets.contains(r.knobs))
            knobSets.append(r.knobs);
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const Group &g) { return sameMeasurement(*g.first, r); });
        if (it == groups.end()) {
            Group g;
            g.first = &r;
            g.summary.mode = r.mode;
            g.summary.workers = r.workers;
            g.summary.corpus = r.corpus;
            g.summary.corpusBytes = r.corpusBytes;
            g.summary.knobs = r.knobs;
            groups.append(g);
            it = groups.end() - 1;
        }
        if (r.cancelled)
            ++it->summary.cancelledRuns;
        else
            it->runs.append(&r);
    }

    QList<ModeSummary> out;
    for (Group &g : groups) {
        ModeSummary &s = g.summary;
        s.label = labelFor(s.mode, s.workers);
        if (corpora.size() > 1)
            s.label += u", "_s + s.corpus.displayName();
        if (knobSets.size() > 1 && !conditionsText(s.knobs).isEmpty())
            s.label += u", "_s + conditionsText(s.knobs);
        s.runs = int(g.runs.size());
        if (s.cancelledRuns > 0)
            s.warnings << u"%1: %2 cancelled run(s) left out of the statistics"_s.arg(s.label).arg(
                s.cancelledRuns);
        if (g.runs.isEmpty()) {
            out.append(s);
            continue;
        }
        // In the order they ran, so that the first is the one that met cold caches.
        std::stable_sort(g.runs.begin(), g.runs.end(), [](const RunResult *a, const RunResult *b) {
            return a->repetition < b->repetition;
        });
        QList<double> wall;
        QList<double> cpu;
        for (const RunResult *r : std::as_const(g.runs)) {
            wall.append(r->wallS);
            cpu.append(r->totalCpu().total());
        }
        s.wall = Statistics::summarize(wall);
        s.cpu = Statistics::summarize(cpu);
        for (qsizetype i : Statistics::outliers(wall))
            s.outlierRepetitions.append(g.runs[i]->repetition);
        s.firstRunCold = Statistics::firstRunCold(wall);
        if (s.firstRunCold) {
            s.warnings << u"%1: the first run (%2) was much slower than the rest (median %3); caches were "
                          "probably cold: try --warmup 1"_s.arg(
                              s.label, Units::seconds(wall.first()),
                              Units::seconds(Statistics::median(wall.mid(1))));
        }
        QList<int> others = s.outlierRepetitions;
        if (s.firstRunCold)
            others.removeAll(g.runs.first()->repetition);
        if (!others.isEmpty()) {
            s.warnings << u"%1: %2 %3 outside the rest (modified Z-score above %4); the machine was "
                          "probably busy: close other programs and use more --runs"_s.arg(
                              s.label, runList(others, s.runs), others.size() == 1 ? u"is"_s : u"are"_s,
                              QString::number(Statistics::kOutlierThreshold));
        }
        out.append(s);
    }

    for (ModeSummary &s : out) {
        if (s.runs == 0)
            continue;
        if (isSequential(s.mode)) {
            s.speedup = Estimate{1.0, 0.0}; // against itself: the ratio is exactly 1
            continue;
        }
        // Its own language's sequential with the same knobs if it ran, else any on the same
        // corpus: a scenario may give threads a knob (a new thread per task) that sequential has
        // no use for.
        const Mode baseline = sequentialOf(s.mode);
        auto seq = std::find_if(out.cbegin(), out.cend(), [&](const ModeSummary &o) {
            return o.mode == baseline && o.corpus == s.corpus && o.knobs == s.knobs && o.runs > 0;
        });
        if (seq == out.cend())
            seq = std::find_if(out.cbegin(), out.cend(), [&](const ModeSummary &o) {
                return o.mode == baseline && o.corpus == s.corpus && o.runs > 0;
            });
        if (seq != out.cend())
            s.speedup = Statistics::speedup(seq->wall, s.wall);
    }
    return out;
}

QList<RunResult> ModeSummary::medianRuns(const QList<RunResult> &runs)
{
    struct Group
    {
        const RunResult *first = nullptr;
        QList<const RunResult *> measured;
        const RunResult *cancelled = nullptr;
    };
    QList<Group> groups;
    for (const RunResult &r : runs) {
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const Group &g) { return sameMeasurement(*g.first, r); });
        if (it == groups.end()) {
            groups.append(Group{&r, {}, nullptr});
            it = groups.end() - 1;
        }
        if (r.cancelled)
            it->cancelled = &r;
        else
            it->measured.append(&r);
    }
    QList<RunResult> out;
    for (Group &g : groups) {
        if (g.measured.isEmpty()) {
            out.append(*g.cancelled);
            continue;
        }
        out.append(*medianOf(g.measured));
    }
    return out;
}

const RunResult *ModeSummary::medianOf(QList<const RunResult *> runs)
{
    if (runs.isEmpty())
        return nullptr;
    std::stable_sort(runs.begin(), runs.end(),
                     [](const RunResult *a, const RunResult *b) { return a->wallS < b->wallS; });
    return runs.at((runs.size() - 1) / 2);
}

QJsonObject ModeSummary::toJson() const
{
    QJsonObject o;
    o[u"mode"_s] = modeName(mode);
    o[u"label"_s] = label;
    o[u"workers"_s] = workers;
    o[u"corpus"_s] = corpus.toString();
    o[u"runs"_s] = runs;
    o[u"wall_s"_s] = sampleJson(wall);
    o[u"cpu_s"_s] = sampleJson(cpu);
    if (speedup)
        o[u"speedup_vs_sequential"_s] = QJsonObject{{u"value"_s, number(speedup->value)},
                                                    {u"uncertainty"_s, number(speedup->uncertainty)}};
    QJsonArray outliers;
    for (int r : outlierRepetitions)
        outliers.append(r);
    o[u"outliers"_s] = outliers;
    o[u"warnings"_s] = QJsonArray::fromStringList(warnings);
    return o;
}

QString ModeSummary::text(const QList<ModeSummary> &summaries)
{
    qsizetype width = 0;
    int maxRuns = 0;
    for (const ModeSummary &s : summaries) {
        width = std::max(width, s.label.size());
        maxRuns = std::max(maxRuns, s.runs);
    }
    const QString pad(width + 2, u' ');
    QString out = u"\nmean ± σ of %1 run(s) (median, min..max):\n"_s.arg(maxRuns);
    QStringList warnings;
    for (const ModeSummary &s : summaries) {
        warnings << s.warnings;
        if (s.runs == 0) {
            out += s.label.leftJustified(width + 2) + u"no complete run\n"_s;
            continue;
        }
        out += s.label.leftJustified(width + 2) + u"wall  "_s + sampleLine(s.wall) + u'\n';
        out += pad + u"CPU   "_s + sampleLine(s.cpu) + u'\n';
        if (s.speedup && !isSequential(s.mode)) {
            out +=
                pad + u"%1 times as fast as %2"_s.arg(estimate(*s.speedup), modeName(sequentialOf(s.mode)));
            if (s.speedup->value > 0 && s.speedup->value < 1)
                out += u" (%1 times slower)"_s.arg(QString::number(1.0 / s.speedup->value, 'f', 1));
            out += u'\n';
        }
    }
    for (const QString &w : std::as_const(warnings))
        out += u"warning: "_s + w + u'\n';
    return out;
}

QString ModeSummary::displayLabelFor(Mode mode, int workers)
{
    if (isSequential(mode))
        return modeName(mode);
    return workers == 1
               ? QCoreApplication::translate("wordrace::ModeSummary", "%1, 1 worker").arg(modeName(mode))
               : QCoreApplication::translate("wordrace::ModeSummary", "%1, %2 workers")
                     .arg(modeName(mode))
                     .arg(workers);
}

QString ModeSummary::displayEstimate(const Estimate &e, int decimals)
{
    if (!std::isfinite(e.value))
        return QCoreApplication::translate("wordrace::ModeSummary", "n/a");
    // The same digits as estimate(), which has no thousands separator to confuse with a point.
    return estimate(e, decimals).replace(u'.', Units::locale().decimalPoint());
}

QString ModeSummary::labelFor(Mode mode, int workers)
{
    if (isSequential(mode))
        return modeName(mode);
    return u"%1, %2 worker%3"_s.arg(modeName(mode)).arg(workers).arg(workers == 1 ? u""_s : u"s"_s);
}

QString ModeSummary::estimate(const Estimate &e, int decimals)
{
    if (!std::isfinite(e.value))
        return u"n/a"_s;
    // Two significant digits at least: a mode 300 times slower is 0.0033, not 0.00.
    if (e.value != 0)
        decimals = std::max(decimals, 1 - int(std::floor(std::log10(std::abs(e.value)))));
    QString out = QString::number(e.value, 'f', decimals);
    if (e.hasUncertainty())
        out += u" ± "_s + QString::number(e.uncertainty, 'f', decimals);
    return out;
}

} // namespace wordrace
