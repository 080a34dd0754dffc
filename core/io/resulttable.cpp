#include "io/resulttable.h"
#include "io/units.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {} // namespace

QString ResultTable::header(int column)
{
    switch (column) {
    case ModeColumn:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("wordrace::ResultTable", "mode"));
    case Workers:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("wordrace::ResultTable", "workers"));
    case Words:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("wordrace::ResultTable", "words"));
    case Wall:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("wordrace::ResultTable", "wall"));
    case User:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("wordrace::ResultTable", "user"));
    case Sys:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("wordrace::ResultTable", "sys"));
    case CpuTotal:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("wordrace::ResultTable", "CPU total"));
    case CpuPerWall:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("wordrace::ResultTable", "CPU/wall"));
    case ParentCpu:
        return QString::fromUtf8(QT_TRANSLATE_NOOP("wordrace::ResultTable", "parent CPU"));
    }
    return {};
}

QString ResultTable::displayHeader(int column)
{
    return QCoreApplication::translate("wordrace::ResultTable", header(column).toUtf8().constData());
}

QString ResultTable::cell(const RunResult &r, int column, Style style)
{
    const CpuTimes cpu = r.totalCpu();
    const auto seconds = style == Style::Fixed ? &Units::fixedSeconds : &Units::seconds;
    switch (column) {
    case ModeColumn:
        if (!r.cancelled)
            return modeName(r.mode);
        return style == Style::Fixed ? modeName(r.mode) + u" (cancelled)"_s
                                     : QCoreApplication::translate("wordrace::ResultTable", "%1 (cancelled)")
                                           .arg(modeName(r.mode));
    case Workers:
        return QString::number(r.workers);
    case Words:
        return style == Style::Fixed ? QLocale(QLocale::English).toString(qulonglong(r.words))
                                     : Units::count(r.words);
    case Wall:
        return seconds(r.wallS);
    case User:
        return seconds(cpu.user);
    case Sys:
        return seconds(cpu.sys);
    case CpuTotal:
        return seconds(cpu.total());
    case CpuPerWall:
        return style == Style::Fixed ? QString::number(r.cpuPerWall(), 'f', 2)
                                     : Units::decimal(r.cpuPerWall(), 2);
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
