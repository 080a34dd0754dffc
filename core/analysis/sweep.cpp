#include "analysis/sweep.h"
#include "io/units.h"

#include "io/textwriter.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject estimateJson(const Estimate &e)
{
    return QJsonObject{{u"value"_s, number(e.value)}, {u"uncertainty"_s, number(e.uncertainty)}};
}

QJsonObject sampleJson(const SampleSummary &s)
{
    return QJsonObject{{u"mean"_s, number(s.mean)},
                       {u"stddev"_s, number(s.stddev)},
                       {u"median"_s, number(s.median)},
                       {u"min"_s, number(s.min)},
                       {u"max"_s, number(s.max)}};
}

QString exactBytes(double b)
{
    return Units::count(std::uint64_t(std::max(0.0, b))) + u" bytes"_s;
}

void csvNumber(TextWriter &w, double v)
{
    // An empty field is what spreadsheets and pandas read as missing.
    if (std::isfinite(v))
        w.appendNumber(v);
}

QString alignTable(const QList<QStringList> &rows, int leftColumns)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    QString out;
    for (const QStringList &row : rows) {
        QStringList cells;
        for (qsizetype c = 0; c < row.size(); ++c)
            cells << (c < leftColumns ? row[c].leftJustified(widths[c]) : row[c].rightJustified(widths[c]));
        out += cells.join(u"  "_s).trimmed() + u'\n';
    }
    return out;
}

} // namespace

Sweep::Sweep(Kind kind, const QList<RunResult> &runs, int logicalCpus)
    : m_kind(kind), m_logicalCpus(logicalCpus)
{
    for (const ModeSummary &s : ModeSummary::summarize(runs)) {
        if (s.runs == 0)
            continue;
        SweepPoint p;
        p.summary = s;
        p.idealSpeedup = s.workers;
        if (s.speedup) {
            p.efficiency.value = Statistics::efficiency(s.speedup->value, s.workers);
            p.efficiency.uncertainty = s.speedup->uncertainty / s.workers;
        }
        m_points.append(p);
    }
    // Sequential first, as the baseline of the rest; then by size or worker count.
    std::stable_sort(m_points.begin(), m_points.end(), [kind](const SweepPoint &a, const SweepPoint &b) {
        if (kind == Kind::Sizes && a.summary.corpusBytes != b.summary.corpusBytes)
            return a.summary.corpusBytes < b.summary.corpusBytes;
        if (kind == Kind::Workers && isSequential(a.summary.mode) != isSequential(b.summary.mode))
            return isSequential(a.summary.mode);
        if (a.summary.mode != b.summary.mode)
            return int(a.summary.mode) < int(b.summary.mode);
        return a.summary.workers < b.summary.workers;
    });
    if (kind == Kind::Workers)
        fitAmdahl();
    else
        findCrossovers();
}

void Sweep::fitAmdahl()
{
    QList<Mode> modes;
    for (const SweepPoint &p : std::as_const(m_points))
        if (!isSequential(p.summary.mode) && !modes.contains(p.summary.mode))
            modes.append(p.summary.mode);
    for (Mode mode : std::as_const(modes)) {
        ModeFit f;
        f.mode = mode;
        QList<ScalingPoint> within;
        QList<ScalingPoint> all;
        QList<int> withinWorkers;
        QList<int> allWorkers;
        for (const SweepPoint &p : std::as_const(m_points)) {
            if (p.summary.mode != mode || !p.summary.speedup || !(p.summary.workers > 1))
                continue;
            const ScalingPoint sp{double(p.summary.workers), p.summary.speedup->value};
            all.append(sp);
            allWorkers.append(p.summary.workers);
            if (p.summary.workers <= m_logicalCpus) {
                within.append(sp);
                withinWorkers.append(p.summary.workers);
            }
        }
        // More workers than cores cannot run at once; their flat speed-up would be blamed on a
        // serial part that is not there. They are left out unless nothing else is left.
        if (!within.isEmpty()) {
            f.fit = Statistics::fitAmdahl(within);
            f.fittedWorkers = withinWorkers;
        } else {
            f.fit = Statistics::fitAmdahl(all);
            f.fittedWorkers = allWorkers;
            f.beyondCores = !all.isEmpty();
        }
        if (!f.fit.valid)
            continue;
        // The model's figures stand beside the points only where its curve follows them.
        if (f.fit.fits())
            for (SweepPoint &p : m_points)
                if (p.summary.mode == mode)
                    p.amdahlSpeedup = f.fit.speedup(p.summary.workers);
        m_fits.append(f);
    }
}

void Sweep::findCrossovers()
{
    QList<std::pair<Mode, int>> keys;
    for (const SweepPoint &p : std::as_const(m_points)) {
        const auto key = std::pair{p.summary.mode, p.summary.workers};
        if (!isSequential(p.summary.mode) && !keys.contains(key))
            keys.append(key);
    }
    for (const auto &[mode, workers] : std::as_const(keys)) {
        QList<const SweepPoint *> series; // by size already
        for (const SweepPoint &p : std::as_const(m_points))
            if (p.summary.mode == mode && p.summary.workers == workers && p.summary.speedup)
                series.append(&p);
        if (series.isEmpty())
            continue;
        Crossover c;
        c.mode = mode;
        c.workers = workers;
        qsizetype lastLoss = -1;
        for (qsizetype i = 0; i < series.size(); ++i)
            if (!(series[i]->summary.speedup->value > 1.0))
                lastLoss = i;
        if (lastLoss == series.size() - 1) {
            c.never = true;
        } else {
            const SweepPoint &win = *series[lastLoss + 1];
            c.fromCorpus = win.summary.corpus.toString();
            c.fromBytes = win.summary.corpusBytes;
            if (lastLoss < 0) {
                c.always = true;
            } else {
                const SweepPoint &loss = *series[lastLoss];
                c.lostCorpus = loss.summary.corpus.toString();
                c.lostBytes = loss.summary.corpusBytes;
                const double s0 = loss.summary.speedup->value;
                const double s1 = win.summary.speedup->value;
                if (c.lostBytes > 0 && c.fromBytes > c.lostBytes && s1 > s0) {
                    const double t = (1.0 - s0) / (s1 - s0);
                    const double l0 = std::log(double(c.lostBytes));
                    const double l1 = std::log(double(c.fromBytes));
                    c.estimateBytes = std::exp(l0 + t * (l1 - l0));
                }
            }
        }
        m_crossovers.append(c);
    }
}

QString Sweep::kindName(Kind kind)
{
    return kind == Kind::Workers ? u"workers"_s : u"sizes"_s;
}

QJsonObject Sweep::toJson() const
{
    QJsonObject o;
    o[u"kind"_s] = kindName(m_kind);
    o[u"logical_cpus"_s] = m_logicalCpus;
    QJsonArray points;
    for (const SweepPoint &p : m_points) {
        const ModeSummary &s = p.summary;
        QJsonObject j{{u"mode"_s, modeName(s.mode)},
                      {u"workers"_s, s.workers},
                      {u"corpus"_s, s.corpus.toString()},
                      {u"corpus_bytes"_s, double(s.corpusBytes)},
                      {u"runs"_s, s.runs},
                      {u"wall_s"_s, sampleJson(s.wall)},
                      {u"cpu_s"_s, sampleJson(s.cpu)},
                      {u"ideal_speedup"_s, p.idealSpeedup}};
        if (s.speedup) {
            j[u"speedup"_s] = estimateJson(*s.speedup);
            j[u"efficiency"_s] = estimateJson(p.efficiency);
        }
        if (m_kind == Kind::Workers)
            j[u"amdahl_speedup"_s] = number(p.amdahlSpeedup);
        points.append(j);
    }
    o[u"points"_s] = points;
    if (m_kind == Kind::Workers) {
        QJsonObject amdahl;
        for (const ModeFit &f : m_fits) {
            QJsonArray used;
            for (int n : f.fittedWorkers)
                used.append(n);
            amdahl[modeName(f.mode)] =
                QJsonObject{{u"serial_fraction"_s, number(f.fit.serialFraction)},
                            {u"uncertainty"_s, number(f.fit.uncertainty)},
                            {u"unclamped_serial_fraction"_s, number(f.fit.unclampedFraction)},
                            {u"max_speedup"_s, number(f.fit.maxSpeedup())}, // null: no ceiling (s = 0)
                            {u"rms_residual"_s, number(f.fit.rmsResidual)},
                            {u"per_worker_cost"_s, number(f.fit.perWorkerCost)},
                            {u"max_relative_residual"_s, number(f.fit.maxRelativeResidual)},
                            {u"fits"_s, f.fit.fits()},
                            {u"text"_s, f.fit.text()},
                            {u"fitted_workers"_s, used},
                            {u"beyond_cores"_s, f.beyondCores}};
        }
        o[u"amdahl"_s] = amdahl;
    } else {
        QJsonObject crossover;
        for (const Crossover &c : m_crossovers) {
            QJsonObject j{{u"workers"_s, c.workers}, {u"always"_s, c.always}, {u"never"_s, c.never}};
            j[u"beats_sequential_from"_s] = c.never ? QJsonValue(QJsonValue::Null) : QJsonValue(c.fromCorpus);
            j[u"from_bytes"_s] = c.never ? QJsonValue(QJsonValue::Null) : QJsonValue(double(c.fromBytes));
            j[u"lost_at"_s] =
                c.lostCorpus.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.lostCorpus);
            j[u"lost_at_bytes"_s] =
                c.lostCorpus.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(double(c.lostBytes));
            j[u"estimate_bytes"_s] = number(c.estimateBytes);
            crossover[modeName(c.mode)] = j;
        }
        o[u"crossover"_s] = crossover;
    }
    return o;
}

QStringList Sweep::csvColumns()
{
    return {u"kind"_s,
            u"mode"_s,
            u"workers"_s,
            u"corpus"_s,
            u"corpus_bytes"_s,
            u"runs"_s,
            u"wall_mean_s"_s,
            u"wall_stddev_s"_s,
            u"wall_median_s"_s,
            u"wall_min_s"_s,
            u"wall_max_s"_s,
            u"cpu_mean_s"_s,
            u"cpu_stddev_s"_s,
            u"speedup"_s,
            u"speedup_uncertainty"_s,
            u"efficiency"_s,
            u"efficiency_uncertainty"_s,
            u"ideal_speedup"_s,
            u"amdahl_speedup"_s};
}

QByteArray Sweep::csv() const
{
    TextWriter w;
    w.append(csvColumns().join(u',').toUtf8());
    w.append('\n');
    const QByteArray kind = kindName(m_kind).toLatin1();
    for (const SweepPoint &p : m_points) {
        const ModeSummary &s = p.summary;
        const Estimate speedup = s.speedup.value_or(Estimate{});
        w.append(kind);
        w.append(',');
        w.append(modeName(s.mode).toLatin1());
        w.append(',');
        w.appendNumber(s.workers);
        w.append(',');
        w.appendCsvField(s.corpus.toString());
        w.append(',');
        w.appendNumber(s.corpusBytes);
        w.append(',');
        w.appendNumber(s.runs);
        for (double v : {s.wall.mean, s.wall.stddev, s.wall.median, s.wall.min, s.wall.max, s.cpu.mean,
                         s.cpu.stddev, speedup.value, speedup.uncertainty, p.efficiency.value,
                         p.efficiency.uncertainty, p.idealSpeedup, p.amdahlSpeedup}) {
            w.append(',');
            csvNumber(w, v);
        }
        w.append('\n');
    }
    return w.take();
}

QString Sweep::text() const
{
    QList<QStringList> rows;
    const QLocale c(QLocale::English);
    if (m_kind == Kind::Workers) {
        rows << QStringList{u"mode"_s,          u"workers"_s,         u"wall (mean ± σ)"_s,
                            u"speed-up S(N)"_s, u"efficiency E(N)"_s, u"ideal"_s,
                            u"Amdahl"_s};
        for (const SweepPoint &p : m_points) {
            const ModeSummary &s = p.summary;
            QString wall = Units::seconds(s.wall.mean);
            if (std::isfinite(s.wall.stddev))
                wall += u" ± "_s + Units::seconds(s.wall.stddev);
            rows << QStringList{modeName(s.mode),
                                QString::number(s.workers),
                                wall,
                                s.speedup ? ModeSummary::estimate(*s.speedup) : u"n/a"_s,
                                s.speedup ? ModeSummary::estimate(p.efficiency) : u"n/a"_s,
                                QString::number(p.idealSpeedup),
                                std::isfinite(p.amdahlSpeedup) ? QString::number(p.amdahlSpeedup, 'f', 2)
                                                               : QString()};
        }
        QString out = alignTable(rows, 1);
        for (const ModeFit &f : m_fits) {
            QStringList used;
            for (int n : f.fittedWorkers)
                used << QString::number(n);
            out += u"\nAmdahl's law, %1 (fitted on N = %2"_s.arg(modeName(f.mode), used.join(u", "_s));
            if (f.fit.points > 1 && std::isfinite(f.fit.rmsResidual))
                out += u", rms residual %1"_s.arg(QString::number(f.fit.rmsResidual, 'f', 2));
            out += u"):\n  "_s + f.fit.text() + u"\n"_s;
            if (f.beyondCores)
                out += u"  caution: every point has more workers than the %1 logical CPUs, so cores ran out "
                       "before any serial part showed\n"_s.arg(m_logicalCpus);
        }
        bool skipped = false;
        for (const SweepPoint &p : m_points)
            skipped |= !isSequential(p.summary.mode) && p.summary.workers > m_logicalCpus;
        if (skipped && !m_fits.isEmpty())
            out += u"(points with more workers than the %1 logical CPUs are not fitted: beyond them the "
                   u"cores run "
                   "out, not the parallel part)\n"_s.arg(m_logicalCpus);
        return out;
    }

    rows << QStringList{u"corpus"_s,          u"mode"_s,    u"bytes"_s, u"workers"_s,
                        u"wall (mean ± σ)"_s, u"speed-up"_s};
    for (const SweepPoint &p : m_points) {
        const ModeSummary &s = p.summary;
        QString wall = Units::seconds(s.wall.mean);
        if (std::isfinite(s.wall.stddev))
            wall += u" ± "_s + Units::seconds(s.wall.stddev);
        rows << QStringList{s.corpus.displayName(),
                            modeName(s.mode),
                            c.toString(qulonglong(s.corpusBytes)),
                            QString::number(s.workers),
                            wall,
                            s.speedup ? ModeSummary::estimate(*s.speedup) : u"n/a"_s};
    }
    QString out = alignTable(rows, 2);
    out += u'\n';
    auto display = [](const QString &spec) {
        const auto parsed = CorpusSpec::parse(spec);
        return parsed ? parsed->displayName() : spec;
    };
    for (const Crossover &x : m_crossovers) {
        const QString who = u"%1 (%2 workers)"_s.arg(modeName(x.mode)).arg(x.workers);
        if (x.never) {
            out += u"%1 never beat sequential, up to the largest corpus: its setup overhead outweighs the "
                   "work at every size tried\n"_s.arg(who);
        } else if (x.always) {
            out += u"%1 beat sequential already at the smallest corpus, %2 (%3)\n"_s.arg(
                who, display(x.fromCorpus), exactBytes(x.fromBytes));
        } else {
            out += u"%1 beats sequential from %2 (%3) on; it did not at %4 (%5)"_s.arg(
                who, display(x.fromCorpus), exactBytes(x.fromBytes), display(x.lostCorpus),
                exactBytes(x.lostBytes));
            if (std::isfinite(x.estimateBytes))
                out += u"; break-even near %1"_s.arg(exactBytes(x.estimateBytes));
            out += u'\n';
        }
    }
    out += u"Use threads or processes only when the processing takes longer than their setup overhead.\n"_s;
    return out;
}

} // namespace wordrace
