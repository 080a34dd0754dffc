#include "session/dataexport.h"

#include "io/csvexport.h"
#include "io/markdownexport.h"
#include "io/outputfile.h"
#include "io/resultjson.h"
#include "io/traceexport.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace wordrace {

QList<DataExport::Format> DataExport::allFormats()
{
    return {Format::Json, Format::CsvRuns, Format::CsvTasks, Format::Markdown, Format::Trace};
}

QString DataExport::title(Format format)
{
    switch (format) {
    case Format::Json:
        return tr("JSON (everything, as wordrace-cli run --json)");
    case Format::CsvRuns:
        return tr("CSV, a row per run");
    case Format::CsvTasks:
        return tr("CSV, a row per task");
    case Format::Markdown:
        return tr("Markdown report");
    case Format::Trace:
        return tr("Chrome trace (Perfetto)");
    }
    return {};
}

QString DataExport::fileName(Format format)
{
    switch (format) {
    case Format::Json:
        return u"results.json"_s;
    case Format::CsvRuns:
        return u"runs.csv"_s;
    case Format::CsvTasks:
        return u"tasks.csv"_s;
    case Format::Markdown:
        return u"report.md"_s;
    case Format::Trace:
        return u"trace.json"_s;
    }
    return {};
}

QString DataExport::filter(Format format)
{
    switch (format) {
    case Format::Json:
    case Format::Trace:
        return tr("JSON (*.json)");
    case Format::CsvRuns:
    case Format::CsvTasks:
        return tr("CSV (*.csv)");
    case Format::Markdown:
        return tr("Markdown (*.md)");
    }
    return {};
}

QString DataExport::write(Format format, const QList<RunResult> &runs, const QString &path)
{
    return OutputFile::write(path, [&](QIODevice *device) {
        switch (format) {
        case Format::Json: {
            const QByteArray bytes = ResultJson::serialize(runs);
            return device->write(bytes) == bytes.size();
        }
        case Format::CsvRuns:
            return CsvExport::writeRuns(device, runs);
        case Format::CsvTasks:
            return CsvExport::writeTasks(device, runs);
        case Format::Markdown: {
            const QByteArray bytes = MarkdownExport::report(runs).toUtf8();
            return device->write(bytes) == bytes.size();
        }
        case Format::Trace:
            return TraceExport::write(device, runs);
        }
        return false;
    });
}

} // namespace wordrace
