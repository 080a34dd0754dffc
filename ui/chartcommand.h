#pragma once

#include <QStringList>

namespace wordrace {

// `wordrace-cli chart RESULT.json --kind wall-cpu|timeline --out FILE [--size WxH] [--theme NAME]`:
// draws the GUI's charts from the JSON `wordrace-cli run --json` writes, and with --kind scaling,
// efficiency, sizes or sizes-speedup the Scaling tab's charts from what `sweep --json` writes. Needs a
// QApplication (Qt Charts draws with widgets' machinery) but no display.
class ChartCommand
{
public:
    enum ExitCode
    {
        Ok = 0,
        WriteFailed = 1,
        BadUsage = 2
    };
    static int exec(const QStringList &arguments);
};

} // namespace wordrace
