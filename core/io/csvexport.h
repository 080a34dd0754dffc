#pragma once

#include "model/runresult.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

class QIODevice;

namespace wordrace {

// Results as CSV for spreadsheets, pandas or R: one row per run, or one row per task. Header first,
// RFC 4180 quoting, '\n' line ends, seconds as plain decimals.
class CsvExport
{
public:
    static QStringList runColumns();
    static QStringList taskColumns();

    // Both return false when the device refused a write.
    static bool writeRuns(QIODevice *device, const QList<RunResult> &runs);
    static bool writeTasks(QIODevice *device, const QList<RunResult> &runs);

    static QByteArray runs(const QList<RunResult> &runs);
    static QByteArray tasks(const QList<RunResult> &runs);
};

} // namespace wordrace
