#pragma once

#include "model/runresult.h"

#include <QList>
#include <QString>

namespace wordrace {

// A lab report's tables in Markdown, in the spirit of hyperfine's --export-markdown: wall time as
// mean ± σ, min, max, and "relative" to the fastest; then CPU time and the speed-up over
// sequential; then any warnings about outliers or cold first runs.
class MarkdownExport
{
public:
    static QString report(const QList<RunResult> &runs);
    // Escapes what Markdown would read as table or emphasis syntax.
    static QString escaped(const QString &text);
};

} // namespace wordrace
