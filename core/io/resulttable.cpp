#include "io/resulttable.h"
#include "io/units.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {} // namespace

QString ResultTable::header(int column)
{
    switch (column) {
    case ModeColumn:
        return u"mode"_s;
    case Workers:
        return u"workers"_s;
    case Words:
        return u"words"_s;
    case Wall:
        return u"wall"_s;
    case User:
        return u"user"_s;
    case Sys:
        return u"sys"_s;
    case CpuTotal:
        return u"CPU total"_s;
    case CpuPerWall:
        return u"CPU/wall"_s;
    case ParentCpu:
        return u"parent CPU"_s;
    }
    return {};
}

QString ResultTable::cell(const RunResult &r, int column, Style style)
{
    const CpuTimes cpu = r.totalCpu();
    const auto seconds = style == Style::Fixed ? &Units::fixedSeconds : &Units::seconds;
    switch (column) {
    case ModeColumn:
        return modeName(r.mode) + (r.cancelled ? u" (cancelled)"_s : QString());
    case Workers:
        return QString::number(r.workers);
    case Words:
        return QLocale(QLocale::English).toString(qulonglong(r.words));
    case Wall:
        return seconds(r.wallS);
    case User:
        return seconds(cpu.user);
    case Sys:
        return seconds(cpu.sys);
    case CpuTotal:
        return seconds(cpu.total());
    case CpuPerWall:
        return QString::number(r.cpuPerWall(), 'f', 2);
    case ParentCpu:
        return seconds(r.parentCpu.total());
    }
    return {};
}

QString ResultTable::text(const QList<RunResult> &runs)
{
    QList<QStringList> rows;
    QStringList head;
    for (int c = 0; c < ColumnCount; ++c)
        head << header(c);
    rows << head;
    for (const RunResult &r : runs) {
        QStringList row;
        for (int c = 0; c < ColumnCount; ++c)
            row << cell(r, c);
        rows << row;
    }
    QList<qsizetype> widths(ColumnCount, 0);
    for (const QStringList &row : std::as_const(rows))
        for (int c = 0; c < ColumnCount; ++c)
            widths[c] = std::max(widths[c], row[c].size());
    QString out;
    for (const QStringList &row : std::as_const(rows)) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << (c == ModeColumn ? row[c].leftJustified(widths[c]) : row[c].rightJustified(widths[c]));
        out += cells.join(u"  "_s).trimmed() + u'\n';
    }
    return out;
}

QString ResultTable::tsv(const QList<RunResult> &runs)
{
    QStringList lines;
    QStringList head;
    for (int c = 0; c < ColumnCount; ++c)
        head << header(c);
    lines << head.join(u'\t');
    for (const RunResult &r : runs) {
        QStringList row;
        for (int c = 0; c < ColumnCount; ++c)
            row << cell(r, c);
        lines << row.join(u'\t');
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace wordrace
