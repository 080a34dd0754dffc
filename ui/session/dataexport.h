#pragma once

#include "model/runresult.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace wordrace {

// The data files `wordrace-cli run` writes (--json, --csv, --csv-tasks, --markdown, --trace), for
// File > Export Data and Export Everything. Each is produced by the same core exporter as the
// CLI's, so the app and the command line write the same bytes.
class DataExport
{
    Q_DECLARE_TR_FUNCTIONS(DataExport)
public:
    enum class Format
    {
        Json,
        CsvRuns,
        CsvTasks,
        Markdown,
        Trace
    };

    static QList<Format> allFormats();
    // "JSON", "CSV (a row per run)", ...
    static QString title(Format format);
    // The file name Export Everything gives it: "results.json", "runs.csv", "tasks.csv",
    // "report.md", "trace.json".
    static QString fileName(Format format);
    // For a file dialog: "JSON (*.json)".
    static QString filter(Format format);

    // Writes the runs through QSaveFile. Empty on success, otherwise a one-line reason.
    static QString write(Format format, const QList<RunResult> &runs, const QString &path);
};

} // namespace wordrace
