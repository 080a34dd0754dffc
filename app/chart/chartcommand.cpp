#include "chartcommand.h"

#include "clitool.h"

#include "charts/chartexporter.h"
#include "charts/scalingchart.h"
#include "charts/theme.h"
#include "io/jsonfields.h"
#include "io/resultjson.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace wordrace {

using namespace Cli;

int ChartCommand::exec(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Draws a chart from the JSON that 'wordrace-cli run --json' writes."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"chart"_s, u"Draw a chart."_s);
    parser.addPositionalArgument(u"RESULT.json"_s, u"Results written by 'wordrace-cli run --json'."_s);
    const QCommandLineOption kindOpt(u"kind"_s,
                                     u"What to draw: wall-cpu, timeline or overhead; from the JSON of "
                                     "'wordrace-cli sweep --json': scaling (speed-up and Amdahl's law), "
                                     "efficiency, sizes (wall time against corpus size) or sizes-speedup."_s,
                                     u"KIND"_s);
    const QCommandLineOption outOpt(u"out"_s, u"The file to write: .png, .svg or .pdf."_s, u"FILE"_s);
    const QCommandLineOption sizeOpt(u"size"_s, u"Size in pixels (default 1920x1080)."_s, u"WxH"_s,
                                     u"1920x1080"_s);
    const QCommandLineOption themeOpt(u"theme"_s, u"light, dark or projector (big type, thick bars)."_s,
                                      u"NAME"_s, u"light"_s);
    const QCommandLineOption titleOpt(
        u"title"_s, u"Title above the chart (default: what and which corpus)."_s, u"TEXT"_s);
    parser.addOptions({kindOpt, outOpt, sizeOpt, themeOpt, titleOpt});

    auto usageError = [](const QString &why) { return Cli::usageError(u"chart"_s, why); };
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.first() != u"chart")
        return usageError(u"expected the command 'chart' (see --help)"_s);
    if (positional.size() != 2)
        return usageError(u"expected one RESULT.json after 'chart' (see --help)"_s);
    if (!parser.isSet(kindOpt))
        return usageError(u"--kind is required: wall-cpu, timeline or overhead"_s);
    const auto kind = ChartExporter::kindFromName(parser.value(kindOpt));
    const auto sweepView = ScalingChart::viewFromName(parser.value(kindOpt));
    if (!kind && !sweepView)
        return usageError(
            u"unknown --kind '%1' (use wall-cpu, timeline, overhead, scaling, efficiency, sizes "
            "or sizes-speedup)"_s.arg(parser.value(kindOpt)));
    if (!parser.isSet(outOpt) || parser.value(outOpt).isEmpty())
        return usageError(u"--out FILE is required (.png, .svg or .pdf)"_s);
    const QString out = parser.value(outOpt);
    if (!ChartExporter::formatForPath(out))
        return usageError(u"--out %1: unknown format; use a name ending in .png, .svg or .pdf"_s.arg(out));
    static const QRegularExpression sizePattern(u"^(\\d{1,5})[xX](\\d{1,5})$"_s);
    const auto match = sizePattern.match(parser.value(sizeOpt));
    const QSize size =
        match.hasMatch() ? QSize(match.captured(1).toInt(), match.captured(2).toInt()) : QSize();
    if (size.width() < 16 || size.height() < 16 || size.width() > 16384 || size.height() > 16384)
        return usageError(u"--size '%1': expected WIDTHxHEIGHT, each 16 to 16384, such as 1920x1080"_s.arg(
            parser.value(sizeOpt)));
    const auto themeKind = Theme::kindFromName(parser.value(themeOpt));
    if (!themeKind)
        return usageError(
            u"unknown --theme '%1' (use light, dark or projector)"_s.arg(parser.value(themeOpt)));

    const QString input = positional.at(1);
    QFile file(input);
    if (!file.open(QIODevice::ReadOnly))
        return usageError(u"cannot read %1: %2"_s.arg(input, file.errorString()));
    QString error;
    const QByteArray json = file.readAll();
    const auto runs = ResultJson::parse(json, &error);
    if (!runs)
        return usageError(u"%1: %2"_s.arg(input, error));
    if (runs->isEmpty())
        return usageError(u"%1 has no runs to draw"_s.arg(input));
    const Theme theme = Theme::byKind(*themeKind);

    if (sweepView) {
        // The sweep is analysed again from its runs, as the app does, so the chart and the CLI's
        // table always agree; the JSON's "sweep" object says which kind of sweep and on how many CPUs.
        JsonFields root(QJsonDocument::fromJson(json).object(), QString());
        JsonFields info = root.object(u"sweep"_s);
        const QString sweepKind = info.text(u"kind"_s, QString());
        const auto cpus =
            int(info.integer(u"logical_cpus"_s, 1, JsonFields::kMaxWorkers, QThread::idealThreadCount()));
        if (!root.ok())
            return usageError(u"%1: %2"_s.arg(input, root.error()));
        if (sweepKind != Sweep::kindName(Sweep::Kind::Workers) &&
            sweepKind != Sweep::kindName(Sweep::Kind::Sizes))
            return usageError(
                u"%1 holds no sweep; --kind %2 draws what 'wordrace-cli sweep --json' writes"_s.arg(
                    input, parser.value(kindOpt)));
        const Sweep::Kind k =
            sweepKind == Sweep::kindName(Sweep::Kind::Workers) ? Sweep::Kind::Workers : Sweep::Kind::Sizes;
        if (!ScalingChart::viewFits(*sweepView, k))
            return usageError(
                k == Sweep::Kind::Workers
                    ? u"%1 is a sweep over worker counts: use --kind scaling or efficiency"_s.arg(input)
                    : u"%1 is a sweep over corpus sizes: use --kind sizes or sizes-speedup"_s.arg(input));
        const Sweep sweep(k, *runs, cpus);
        const QString title =
            parser.isSet(titleOpt) ? parser.value(titleOpt) : ScalingChart::defaultTitle(*sweepView, sweep);
        if (!ChartExporter::write(
                [&](QPainter *painter, const QSizeF &logical) {
                    ScalingChart::render(sweep, *sweepView, theme, title, painter, logical);
                },
                theme.background, title, out, size, &error)) {
            Cli::printErr(u"wordrace-cli chart: "_s + error);
            return RunFailed;
        }
        return Ok;
    }

    ChartSource source;
    source.kind = *kind;
    source.results = *runs;
    source.title =
        parser.isSet(titleOpt) ? parser.value(titleOpt) : ChartExporter::defaultTitle(*kind, *runs);
    if (!ChartExporter::write(source, theme, out, size, &error)) {
        Cli::printErr(u"wordrace-cli chart: "_s + error);
        return RunFailed;
    }
    return Ok;
}

} // namespace wordrace
