#include "io/sessionfile.h"

#include "io/jsonfields.h"
#include "io/outputfile.h"
#include "io/resultjson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

constexpr auto kFormat = "wordrace-session";

QString stateName(HistoryEntry::State state)
{
    switch (state) {
    case HistoryEntry::State::Running:
        break;
    case HistoryEntry::State::Done:
        return u"done"_s;
    case HistoryEntry::State::Cancelled:
        return u"cancelled"_s;
    case HistoryEntry::State::Failed:
        return u"failed"_s;
    }
    return {};
}

std::optional<HistoryEntry::State> stateFromName(const QString &name)
{
    for (auto s : {HistoryEntry::State::Done, HistoryEntry::State::Cancelled, HistoryEntry::State::Failed})
        if (stateName(s) == name)
            return s;
    return std::nullopt;
}

// The knobs of an experiment, by name; a name no knob has is refused with the names it may be.
std::optional<Knobs> knobsFromJson(JsonFields f)
{
    Knobs k;
    k.ioLatencyMs = f.number(u"io_latency_ms"_s, 0, 3'600'000);
    k.workPerWordNs = f.number(u"work_per_word_ns"_s, Knobs::kAutoWorkPerWord, 1e9);
    k.gil = f.flag(u"gil"_s);
    k.latencyPatternMs = f.numbers(u"latency_pattern_ms"_s, 100'000, 0, 3'600'000);
    if (!f.contains(u"latency_pattern_ms"_s))
        f.array(u"latency_pattern_ms"_s, 0, true); // named as missing
    const auto named = [&f](const QString &key, auto fromName, const QString &expected,
                            std::optional<QString> absent) {
        const QString text = f.text(key, absent);
        const auto knob = fromName(text);
        if (!knob)
            f.fail(key, u"is \"%1\", expected %2"_s.arg(text, expected));
        return knob;
    };
    const auto spawn = named(u"spawn"_s, spawnFromName, u"\"pool\" or \"per-task\""_s, std::nullopt);
    const auto transport =
        named(u"transport"_s, transportFromName, u"\"shared\" or \"pipe\""_s, std::nullopt);
    // Sessions written before --start existed have no start: they spawned.
    const auto start =
        named(u"start"_s, startFromName, u"\"spawn\", \"fork\", \"forkserver\" or \"default\""_s,
              startName(Start::Spawn));
    if (!f.ok() || !spawn || !transport || !start)
        return std::nullopt;
    k.spawn = *spawn;
    k.transport = *transport;
    k.start = *start;
    return k;
}

QJsonObject experimentJson(const Experiment &e)
{
    QJsonArray modes;
    for (Mode m : e.modes)
        modes.append(modeName(m));
    // "file:" keeps a file named like a built-in corpus ("lesson") a file.
    const QString corpus =
        e.corpus.kind == CorpusSpec::Kind::File ? u"file:"_s + e.corpus.path : e.corpus.toString();
    return QJsonObject{{u"corpus"_s, corpus},
                       {u"modes"_s, modes},
                       {u"workers"_s, e.workers},
                       {u"chunk_lines"_s, e.chunkLines ? QJsonValue(double(*e.chunkLines)) : QJsonValue()},
                       {u"knobs"_s, ResultJson::knobs(e.knobs)},
                       {u"task_timeout_s"_s, e.taskTimeoutS},
                       {u"runs"_s, e.runs},
                       {u"warmup"_s, e.warmup}};
}

std::optional<Experiment> experimentFromJson(JsonFields f)
{
    Experiment e;
    const QString corpusText = f.text(u"corpus"_s);
    f.array(u"modes"_s, 64, true);
    const QStringList modes = f.texts(u"modes"_s, 64);
    e.workers = int(f.integer(u"workers"_s, 1, Experiment::kMaxWorkers));
    if (const auto chunk = f.optionalNumber(u"chunk_lines"_s, 1, JsonFields::kMaxCount))
        e.chunkLines = std::uint64_t(*chunk);
    e.taskTimeoutS = f.number(u"task_timeout_s"_s, 0, JsonFields::kMaxSeconds);
    e.runs = int(f.integer(u"runs"_s, Experiment::kAutoRuns, Experiment::kMaxRuns));
    e.warmup = int(f.integer(u"warmup"_s, 0, Experiment::kMaxRuns));
    const auto knobs = knobsFromJson(f.object(u"knobs"_s, true));
    if (!f.ok() || !knobs)
        return std::nullopt;
    e.knobs = *knobs;
    QString why;
    const auto corpus = CorpusSpec::parse(corpusText, &why);
    if (!corpus) {
        f.fail(u"corpus"_s, u"is not a corpus: %1"_s.arg(why));
        return std::nullopt;
    }
    e.corpus = *corpus;
    e.modes.clear();
    for (const QString &name : modes) {
        const auto mode = modeFromName(name);
        if (!mode) {
            f.fail(u"modes"_s, u"has an unknown mode \"%1\""_s.arg(name));
            return std::nullopt;
        }
        e.modes.append(*mode);
    }
    return e;
}

} // namespace

QByteArray SessionFile::serialize(const Session &session)
{
    QJsonArray selected;
    for (int row : session.selected)
        selected.append(row);
    const QJsonObject top{{u"format"_s, QLatin1String(kFormat)},
                          {u"version"_s, kVersion},
                          {u"wordrace"_s, QStringLiteral(WORDRACE_VERSION)},
                          {u"experiment"_s, experimentJson(session.experiment)},
                          {u"selected"_s, selected}};
    // The small parts through Qt; each entry's results through ResultJson's writer, which is fast
    // for millions of tasks and writes exactly what `run --json` does.
    QByteArray out = QJsonDocument(top).toJson(QJsonDocument::Compact);
    out.chop(1);
    out.append(",\n\"entries\":[");
    bool first = true;
    for (const HistoryEntry &e : session.entries) {
        if (!e.hasEnded())
            continue;
        out.append(first ? "\n" : ",\n");
        first = false;
        QJsonObject entry{
            {u"number"_s, e.number},
            {u"started"_s, e.started.isValid() ? e.started.toUTC().toString(Qt::ISODateWithMs) : QString()},
            {u"state"_s, stateName(e.state)},
            {u"failure"_s, e.failure},
            {u"summary"_s, e.summary},
            {u"experiment"_s, experimentJson(e.experiment)}};
        if (e.scenario)
            entry.insert(u"scenario"_s, QJsonObject{{u"title"_s, e.scenario->title},
                                                    {u"question"_s, e.scenario->question},
                                                    {u"verdict"_s, e.scenario->verdict},
                                                    {u"explanation"_s, e.scenario->explanation}});
        out.append(QJsonDocument(entry).toJson(QJsonDocument::Compact));
        out.chop(1);
        out.append(",\"results\":");
        out.append(ResultJson::serialize(e.results).trimmed());
        out.append("}");
    }
    out.append("\n]");
    if (session.sweep) {
        out.append(",\n\"sweep\":{\"kind\":");
        out.append('"' + Sweep::kindName(session.sweep->kind).toUtf8() + '"');
        out.append(",\"results\":");
        out.append(ResultJson::serialize(session.sweep->runs).trimmed());
        out.append("}");
    }
    out.append("}\n");
    return out;
}

namespace {

// One entry of the session file: its experiment and its runs, each checked where it stands.
std::optional<HistoryEntry> entryFromJson(JsonFields f)
{
    HistoryEntry e;
    e.number = int(f.integer(u"number"_s, 0, 1'000'000'000));
    const QString started = f.text(u"started"_s);
    const QString state = f.text(u"state"_s);
    e.failure = f.text(u"failure"_s);
    e.summary = f.text(u"summary"_s);
    if (f.contains(u"scenario"_s)) {
        JsonFields s = f.object(u"scenario"_s, true);
        e.scenario = ScenarioNote{s.text(u"title"_s), s.text(u"question"_s), s.text(u"verdict"_s),
                                  s.text(u"explanation"_s)};
    }
    const auto experiment = experimentFromJson(f.object(u"experiment"_s, true));
    JsonFields results = f.object(u"results"_s, true);
    const QJsonArray runs = results.array(u"runs"_s, JsonFields::kMaxElements, true);
    if (!f.ok() || !experiment)
        return std::nullopt;
    e.experiment = *experiment;
    if (!started.isEmpty()) {
        e.started = QDateTime::fromString(started, Qt::ISODateWithMs);
        if (!e.started.isValid()) {
            f.fail(u"started"_s, u"is \"%1\", expected an ISO 8601 time"_s.arg(started));
            return std::nullopt;
        }
    }
    const auto known = stateFromName(state);
    if (!known) {
        f.fail(u"state"_s, u"is \"%1\", expected done, cancelled or failed"_s.arg(state));
        return std::nullopt;
    }
    e.state = *known;
    for (qsizetype r = 0; r < runs.size(); ++r) {
        JsonFields run = results.element(runs, r, u"runs"_s);
        const auto result = ResultJson::fromFields(run);
        if (!result)
            return std::nullopt;
        e.results.append(*result);
    }
    return e;
}

// The Scaling tab's sweep: its kind and its runs, each checked as a result file's.
std::optional<Session::SavedSweep> sweepFromJson(JsonFields sweep)
{
    const QString kind = sweep.text(u"kind"_s);
    Session::SavedSweep saved;
    if (kind == Sweep::kindName(Sweep::Kind::Sizes))
        saved.kind = Sweep::Kind::Sizes;
    else if (sweep.ok() && kind != Sweep::kindName(Sweep::Kind::Workers))
        sweep.fail(u"kind"_s, u"is \"%1\", expected workers or sizes"_s.arg(kind));
    JsonFields results = sweep.object(u"results"_s, true);
    const QJsonArray runs = results.array(u"runs"_s, JsonFields::kMaxElements, true);
    for (qsizetype r = 0; r < runs.size() && sweep.ok(); ++r) {
        JsonFields run = results.element(runs, r, u"runs"_s);
        if (const auto result = ResultJson::fromFields(run))
            saved.runs.append(*result);
    }
    if (!sweep.ok())
        return std::nullopt;
    return saved;
}

} // namespace

std::optional<Session> SessionFile::parse(const QByteArray &json, QString *error)
{
    auto failWith = [&](const QString &why) -> std::optional<Session> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QByteArray trimmed = json.trimmed();
    if (trimmed.isEmpty())
        return failWith(u"the file is empty"_s);
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (doc.isNull()) {
        // A document that starts as one and breaks off at its very end was cut short (a full
        // disk, a copy interrupted); anything else was never JSON.
        qsizetype end = json.size();
        while (end > 0 && QChar::isSpace(uchar(json.at(end - 1))))
            --end;
        if (trimmed.startsWith('{') && pe.offset >= end - 1)
            return failWith(u"the file is cut short (truncated after %1 bytes)"_s.arg(json.size()));
        return failWith(u"not JSON: %1 at byte %2"_s.arg(pe.errorString()).arg(pe.offset));
    }
    if (!doc.isObject())
        return failWith(u"not a WordRace session: the JSON is not an object"_s);
    const QJsonObject top = doc.object();
    if (top.value(u"format"_s).toString() != QLatin1String(kFormat)) {
        if (top.value(u"runs"_s).isArray())
            return failWith(u"not a WordRace session but a result file (wordrace-cli run --json); "
                            "open it with wordrace-cli chart"_s);
        return failWith(u"not a WordRace session: no \"format\": \"%1\""_s.arg(QLatin1String(kFormat)));
    }
    JsonFields fields(top, QString());
    const double version = fields.number(u"version"_s, -1e9, 1e9);
    if (!fields.ok())
        return failWith(fields.error());
    if (version > kVersion)
        return failWith(
            u"written by a newer WordRace (session version %1; this one reads up to %2)"_s.arg(version).arg(
                kVersion));
    if (version < 1 || version != std::floor(version))
        return failWith(u"version is %1, expected 1 to %2"_s.arg(version).arg(kVersion));

    Session session;
    const auto experiment = experimentFromJson(fields.object(u"experiment"_s, true));
    const QJsonArray entries = fields.array(u"entries"_s, JsonFields::kMaxElements, true);
    fields.array(u"selected"_s, JsonFields::kMaxElements, true);
    const QList<double> selected = fields.numbers(u"selected"_s, JsonFields::kMaxElements, 0, 1e9);
    if (!fields.ok() || !experiment)
        return failWith(fields.error());
    session.experiment = *experiment;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const std::optional<HistoryEntry> e = entryFromJson(fields.element(entries, i, u"entries"_s));
        if (!e)
            return failWith(fields.error());
        session.entries.append(*e);
    }
    if (fields.contains(u"sweep"_s)) {
        session.sweep = sweepFromJson(fields.object(u"sweep"_s, true));
        if (!fields.ok())
            return failWith(fields.error());
    }
    for (double v : selected) {
        const int row = int(v);
        if (row < 0 || row >= session.entries.size())
            return failWith(
                u"selected names entry %1, but there are %2"_s.arg(row).arg(session.entries.size()));
        session.selected.append(row);
    }
    return session;
}

QString SessionFile::write(const QString &path, const Session &session)
{
    const QByteArray bytes = serialize(session);
    return OutputFile::write(path, [&](QIODevice *device) { return device->write(bytes) == bytes.size(); });
}

std::optional<Session> SessionFile::read(const QString &path, QString *error)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"cannot read %1: %2"_s.arg(name, QFileInfo(path).isDir() ? u"it is a folder"_s
                                                                               : file.errorString());
        return std::nullopt;
    }
    QString why;
    auto session = parse(file.readAll(), &why);
    if (!session && error)
        *error = u"%1: %2"_s.arg(name, why);
    return session;
}

} // namespace wordrace
