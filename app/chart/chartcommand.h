#pragma once

#include <QStringList>

namespace wordrace {

// `wordrace-chart chart RESULT.json` (what `wordrace-cli chart` runs):
// `chart RESULT.json --kind wall-cpu|timeline --out FILE [--size WxH] [--theme NAME]`:
// draws the GUI's charts from the JSON `wordrace-cli run --json` writes, and with --kind scaling,
// efficiency, sizes or sizes-speedup the Scaling tab's charts from what `sweep --json` writes. Needs a
// QApplication (Qt Charts draws with widgets' machinery) but no display.
class ChartCommand
{
public:
    // Returns a Cli::ExitCode: RunFailed when the file could not be written.
    static int exec(const QStringList &arguments);
};

} // namespace wordrace
