#pragma once

#include "model/runresult.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wordrace {

// The numbers of a run as the lesson's %time shows them, one row per run, shared by the CLI's
// text table and the GUI's table model so both always agree.
class ResultTable
{
public:
    enum Column
    {
        ModeColumn,
        Workers,
        Words,
        Wall,
        User,
        Sys,
        CpuTotal,
        CpuPerWall,
        ParentCpu,
        ColumnCount
    };

    // Fixed: seconds to the millisecond, as the CLI's columns that scripts read; Readable: the unit
    // that gives a time digits (µs, ms), as the window shows it.
    enum class Style
    {
        Fixed,
        Readable
    };

    // The CLI's column names, in English whatever the language (scripts read them).
    static QString header(int column);
    // The same in the window's language.
    static QString displayHeader(int column);
    static QString cell(const RunResult &run, int column, Style style = Style::Fixed);
    // Plain-text table with aligned columns, as the CLI prints it.
    static QString text(const QList<RunResult> &runs);
    // Tab-separated, for the clipboard.
    static QString tsv(const QList<RunResult> &runs);
};

} // namespace wordrace
