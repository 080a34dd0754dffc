#include "io/markdownexport.h"

#include "analysis/modesummary.h"

#include <QSet>
#include <QThread>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

struct Unit
{
    QString name;
    double scale = 1.0;
    int decimals = 3;
};

// One unit for a whole column, picked by the fastest mean, as hyperfine does.
Unit unitFor(double fastest)
{
    if (fastest < 1e-3)
        return {u"µs"_s, 1e6, 1};
    if (fastest < 1.0)
        return {u"ms"_s, 1e3, 2};
    return {u"s"_s, 1.0, 3};
}

QString value(double v, const Unit &u)
{
    return std::isfinite(v) ? QString::number(v * u.scale, 'f', u.decimals) : u"n/a"_s;
}

QString meanSigma(const SampleSummary &s, const Unit &u)
{
    QString out = value(s.mean, u);
    if (std::isfinite(s.stddev))
        out += u" ± "_s + value(s.stddev, u);
    return out;
}

QString row(const QStringList &cells)
{
    return u"| "_s + cells.join(u" | "_s) + u" |\n"_s;
}

} // namespace

QString MarkdownExport::escaped(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (u"\\`*_|<>[]"_s.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString MarkdownExport::report(const QList<RunResult> &runs)
{
    QList<ModeSummary> summaries = ModeSummary::summarize(runs);
    summaries.removeIf([](const ModeSummary &s) { return s.runs == 0; });
    if (summaries.isEmpty())
        return u"No complete run to report.\n"_s;

    QSet<QString> corpora;
    int maxRuns = 0;
    for (const ModeSummary &s : std::as_const(summaries)) {
        corpora.insert(s.corpus.displayName());
        maxRuns = std::max(maxRuns, s.runs);
    }
    QStringList corpusNames(corpora.cbegin(), corpora.cend());
    corpusNames.sort();
    QString out = u"Corpus %1; %2 measured run(s) of each mode; %3 logical CPUs; WordRace %4.\n\n"_s.arg(
        escaped(corpusNames.join(u", "_s)), QString::number(maxRuns),
        QString::number(QThread::idealThreadCount()), QStringLiteral(WORDRACE_VERSION));
    QStringList conditions;
    for (const ModeSummary &s : std::as_const(summaries))
        if (const QString c = conditionsText(s.knobs); !conditions.contains(c))
            conditions << c;
    if (conditions.size() == 1)
        out += u"Conditions: %1.\n\n"_s.arg(conditions.first().isEmpty() ? u"plain word counting"_s
                                                                         : escaped(conditions.first()));

    const auto fastest =
        std::min_element(summaries.cbegin(), summaries.cend(),
                         [](const auto &a, const auto &b) { return a.wall.mean < b.wall.mean; });
    const Unit wallUnit = unitFor(fastest->wall.mean);
    out += row({u"Mode"_s, u"Mean ± σ [%1]"_s.arg(wallUnit.name), u"Min [%1]"_s.arg(wallUnit.name),
                u"Max [%1]"_s.arg(wallUnit.name), u"Relative"_s});
    out += u"|:---|---:|---:|---:|---:|\n"_s;
    for (const ModeSummary &s : std::as_const(summaries)) {
        const QString relative =
            &s == &*fastest ? u"1.00"_s : ModeSummary::estimate(Statistics::speedup(s.wall, fastest->wall));
        out += row({escaped(s.label), meanSigma(s.wall, wallUnit), value(s.wall.min, wallUnit),
                    value(s.wall.max, wallUnit), relative});
    }

    double fastestCpu = summaries.first().cpu.mean;
    for (const ModeSummary &s : std::as_const(summaries))
        fastestCpu = std::min(fastestCpu, s.cpu.mean);
    const Unit cpuUnit = unitFor(fastestCpu);
    out += u"\n"_s;
    out += row(
        {u"Mode"_s, u"CPU mean ± σ [%1]"_s.arg(cpuUnit.name), u"CPU / wall"_s, u"Speed-up vs sequential"_s});
    out += u"|:---|---:|---:|---:|\n"_s;
    for (const ModeSummary &s : std::as_const(summaries)) {
        const double busy = s.wall.mean > 0 ? s.cpu.mean / s.wall.mean : std::nan("");
        out += row({escaped(s.label), meanSigma(s.cpu, cpuUnit),
                    std::isfinite(busy) ? QString::number(busy, 'f', 2) : u"n/a"_s,
                    s.speedup ? ModeSummary::estimate(*s.speedup) : u"n/a"_s});
    }

    QStringList warnings;
    for (const ModeSummary &s : std::as_const(summaries))
        warnings << s.warnings;
    if (!warnings.isEmpty()) {
        out += u"\nWarnings:\n\n"_s;
        for (const QString &w : std::as_const(warnings))
            out += u"- "_s + escaped(w) + u'\n';
    }
    return out;
}

} // namespace wordrace
