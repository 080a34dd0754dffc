#include "io/sessionfile.h"
#include "io/jsonarray.h"

#include "io/outputfile.h"
#include "io/resultjson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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

QString typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"true or false"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
}

// Walks a parsed session and remembers the first thing wrong, named by its path in the file
// ("entries[0].results.runs[2].tasks[7].start_s"), so that the message points at it.
class Checker
{
public:
    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    bool fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
        return false;
    }

    bool has(const QJsonObject &o, const QString &where, const char *key, QJsonValue::Type type)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.type() == type)
            return true;
        const QString name = where.isEmpty() ? QLatin1String(key) : where + u'.' + QLatin1String(key);
        if (v.isUndefined())
            return fail(u"%1 is missing"_s.arg(name));
        return fail(u"%1 is %2, expected %3"_s.arg(name, typeName(v.type()), typeName(type)));
    }

    bool all(const QJsonObject &o, const QString &where, std::initializer_list<const char *> keys,
             QJsonValue::Type type)
    {
        for (const char *key : keys)
            if (!has(o, where, key, type))
                return false;
        return true;
    }

    bool items(const QJsonArray &a, const QString &where, QJsonValue::Type type)
    {
        for (qsizetype i = 0; i < a.size(); ++i)
            if (a.at(i).type() != type)
                return fail(u"%1[%2] is %3, expected %4"_s.arg(where).arg(i).arg(typeName(a.at(i).type()),
                                                                                 typeName(type)));
        return true;
    }

    bool knobs(const QJsonObject &o, const QString &where)
    {
        return all(o, where, {"io_latency_ms", "work_per_word_ns"}, QJsonValue::Double) &&
               has(o, where, "gil", QJsonValue::Bool) &&
               all(o, where, {"spawn", "transport"}, QJsonValue::String) &&
               has(o, where, "latency_pattern_ms", QJsonValue::Array) &&
               items(o[u"latency_pattern_ms"_s].toArray(), where + u".latency_pattern_ms"_s,
                     QJsonValue::Double);
    }

    // Everything ResultJson::fromJson reads, so that a file missing a field is refused rather
    // than reopened with a zero in its place.
    bool run(const QJsonObject &o, const QString &where)
    {
        if (!all(o, where, {"mode", "corpus", "counter_path"}, QJsonValue::String) ||
            !all(o, where,
                 {"workers", "words", "wall_s", "cpu_user_s", "cpu_sys_s", "parent_cpu_user_s",
                  "parent_cpu_sys_s", "workers_cpu_user_s", "workers_cpu_sys_s", "corpus_bytes",
                  "corpus_lines", "chunk_lines", "task_count", "plan_s", "startup_s", "repetition"},
                 QJsonValue::Double) ||
            !all(o, where, {"workers_inside_parent", "cancelled"}, QJsonValue::Bool) ||
            !all(o, where, {"knobs", "overhead"}, QJsonValue::Object) ||
            !all(o, where, {"worker_names", "tasks"}, QJsonValue::Array))
            return false;
        if (!knobs(o[u"knobs"_s].toObject(), where + u".knobs"_s) ||
            !all(o[u"overhead"_s].toObject(), where + u".overhead"_s,
                 {"startup_s", "transfer_s", "compute_s", "io_s", "gil_wait_s", "gather_s", "idle_s"},
                 QJsonValue::Double) ||
            !items(o[u"worker_names"_s].toArray(), where + u".worker_names"_s, QJsonValue::String))
            return false;
        const QJsonArray tasks = o[u"tasks"_s].toArray();
        for (qsizetype i = 0; i < tasks.size(); ++i) {
            // Millions of tasks: check quietly first, and name the field only when one is wrong.
            if (taskOk(tasks.at(i)))
                continue;
            const QString at = u"%1.tasks[%2]"_s.arg(where).arg(i);
            if (!tasks.at(i).isObject())
                return fail(u"%1 is %2, expected an object"_s.arg(at, typeName(tasks.at(i).type())));
            const QJsonObject t = tasks.at(i).toObject();
            if (!all(t, at, {"task", "worker", "start_s", "end_s", "words", "bytes", "begin"},
                     QJsonValue::Double) ||
                !has(t, at, "phases", QJsonValue::Object) ||
                !all(t[u"phases"_s].toObject(), at + u".phases"_s,
                     {"io_s", "gil_wait_s", "transfer_s", "compute_s"}, QJsonValue::Double))
                return false;
        }
        return true;
    }

private:
    static bool taskOk(const QJsonValue &value)
    {
        if (!value.isObject())
            return false;
        const QJsonObject t = value.toObject();
        for (const char *key : {"task", "worker", "start_s", "end_s", "words", "bytes", "begin"})
            if (!t.value(QLatin1String(key)).isDouble())
                return false;
        const QJsonValue phases = t.value(QLatin1String("phases"));
        if (!phases.isObject())
            return false;
        const QJsonObject p = phases.toObject();
        for (const char *key : {"io_s", "gil_wait_s", "transfer_s", "compute_s"})
            if (!p.value(QLatin1String(key)).isDouble())
                return false;
        return true;
    }

    QString m_error;
};

std::optional<Knobs> knobsFromJson(const QJsonObject &o, const QString &where, Checker &check)
{
    Knobs k;
    k.ioLatencyMs = o[u"io_latency_ms"_s].toDouble();
    k.workPerWordNs = o[u"work_per_word_ns"_s].toDouble();
    k.gil = o[u"gil"_s].toBool();
    // A knob by its name; `absent` stands in for a key older files lack, and a name no knob has
    // fails, saying which names it may be.
    const auto named = [&](const QString &key, auto fromName, const QString &expected,
                           const QString &absent) {
        const QJsonValue value = o[key];
        const QString text = value.isUndefined() && !absent.isEmpty() ? absent : value.toString();
        const auto knob = fromName(text);
        if (!knob)
            check.fail(u"%1.%2 is \"%3\", expected %4"_s.arg(where, key, text, expected));
        return knob;
    };
    const auto spawn = named(u"spawn"_s, spawnFromName, u"\"pool\" or \"per-task\""_s, QString());
    const auto transport = named(u"transport"_s, transportFromName, u"\"shared\" or \"pipe\""_s, QString());
    // Sessions written before --start existed have no start: they spawned.
    const auto start =
        named(u"start"_s, startFromName, u"\"spawn\", \"fork\", \"forkserver\" or \"default\""_s,
              startName(Start::Spawn));
    if (!spawn || !transport || !start)
        return std::nullopt;
    k.spawn = *spawn;
    k.transport = *transport;
    k.start = *start;
    for (const QJsonValue &v : constArray(o[u"latency_pattern_ms"_s].toArray()))
        k.latencyPatternMs.append(v.toDouble());
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

bool hasExperimentFields(const QJsonObject &o, const QString &where, Checker &check)
{
    if (!check.all(o, where, {"corpus"}, QJsonValue::String) ||
        !check.has(o, where, "modes", QJsonValue::Array) ||
        !check.items(o[u"modes"_s].toArray(), where + u".modes"_s, QJsonValue::String) ||
        !check.all(o, where, {"workers", "task_timeout_s", "runs", "warmup"}, QJsonValue::Double) ||
        !check.has(o, where, "knobs", QJsonValue::Object) ||
        !check.knobs(o[u"knobs"_s].toObject(), where + u".knobs"_s))
        return false;
    const QJsonValue chunk = o.value(u"chunk_lines"_s);
    if (!chunk.isNull() && !chunk.isDouble())
        return check.fail(
            u"%1.chunk_lines is %2, expected a number or null"_s.arg(where, typeName(chunk.type())));
    return true;
}

std::optional<Experiment> experimentFromJson(const QJsonObject &o, const QString &where, Checker &check)
{
    if (!hasExperimentFields(o, where, check))
        return std::nullopt;
    Experiment e;
    QString why;
    const auto corpus = CorpusSpec::parse(o[u"corpus"_s].toString(), &why);
    if (!corpus) {
        check.fail(u"%1.corpus: %2"_s.arg(where, why));
        return std::nullopt;
    }
    e.corpus = *corpus;
    e.modes.clear();
    for (const QJsonValue &v : constArray(o[u"modes"_s].toArray())) {
        const auto mode = modeFromName(v.toString());
        if (!mode) {
            check.fail(u"%1.modes has an unknown mode \"%2\""_s.arg(where, v.toString()));
            return std::nullopt;
        }
        e.modes.append(*mode);
    }
    e.workers = o[u"workers"_s].toInt();
    if (o[u"chunk_lines"_s].isDouble())
        e.chunkLines = std::uint64_t(o[u"chunk_lines"_s].toDouble());
    const auto knobs = knobsFromJson(o[u"knobs"_s].toObject(), where + u".knobs"_s, check);
    if (!knobs)
        return std::nullopt;
    e.knobs = *knobs;
    e.taskTimeoutS = o[u"task_timeout_s"_s].toDouble();
    e.runs = o[u"runs"_s].toInt();
    e.warmup = o[u"warmup"_s].toInt();
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
        const QJsonObject entry{
            {u"number"_s, e.number},
            {u"started"_s, e.started.isValid() ? e.started.toUTC().toString(Qt::ISODateWithMs) : QString()},
            {u"state"_s, stateName(e.state)},
            {u"failure"_s, e.failure},
            {u"summary"_s, e.summary},
            {u"experiment"_s, experimentJson(e.experiment)}};
        out.append(QJsonDocument(entry).toJson(QJsonDocument::Compact));
        out.chop(1);
        out.append(",\"results\":");
        out.append(ResultJson::serialize(e.results).trimmed());
        out.append("}");
    }
    out.append("\n]}\n");
    return out;
}

namespace {

// One entry of the session file: its experiment and its runs, each checked where it stands.
std::optional<HistoryEntry> entryFromJson(const QJsonValue &v, const QString &where, Checker &check,
                                          QString *error)
{
    const auto failWith = [error](const QString &why) -> std::optional<HistoryEntry> {
        *error = why;
        return std::nullopt;
    };
    if (!v.isObject())
        return failWith(u"%1 is %2, expected an object"_s.arg(where, typeName(v.type())));
    const QJsonObject o = v.toObject();
    if (!check.has(o, where, "number", QJsonValue::Double) ||
        !check.all(o, where, {"started", "state", "failure", "summary"}, QJsonValue::String) ||
        !check.all(o, where, {"experiment", "results"}, QJsonValue::Object))
        return failWith(check.error());
    HistoryEntry e;
    e.number = o[u"number"_s].toInt();
    const QString started = o[u"started"_s].toString();
    if (!started.isEmpty()) {
        e.started = QDateTime::fromString(started, Qt::ISODateWithMs);
        if (!e.started.isValid())
            return failWith(u"%1.started is \"%2\", expected an ISO 8601 time"_s.arg(where, started));
    }
    const auto state = stateFromName(o[u"state"_s].toString());
    if (!state)
        return failWith(
            u"%1.state is \"%2\", expected done, cancelled or failed"_s.arg(where, o[u"state"_s].toString()));
    e.state = *state;
    e.failure = o[u"failure"_s].toString();
    e.summary = o[u"summary"_s].toString();
    const auto entryExperiment =
        experimentFromJson(o[u"experiment"_s].toObject(), where + u".experiment"_s, check);
    if (!entryExperiment)
        return failWith(check.error());
    e.experiment = *entryExperiment;
    const QJsonObject results = o[u"results"_s].toObject();
    if (!check.has(results, where + u".results"_s, "runs", QJsonValue::Array))
        return failWith(check.error());
    const QJsonArray runs = results[u"runs"_s].toArray();
    for (qsizetype r = 0; r < runs.size(); ++r) {
        const QString at = u"%1.results.runs[%2]"_s.arg(where).arg(r);
        if (!runs.at(r).isObject())
            return failWith(u"%1 is %2, expected an object"_s.arg(at, typeName(runs.at(r).type())));
        if (!check.run(runs.at(r).toObject(), at))
            return failWith(check.error());
        QString why;
        const auto run = ResultJson::fromJson(runs.at(r).toObject(), &why);
        if (!run)
            return failWith(u"%1: %2"_s.arg(at, why));
        e.results.append(*run);
    }
    return e;
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
    Checker check;
    if (!check.has(top, {}, "version", QJsonValue::Double))
        return failWith(check.error());
    const int version = top[u"version"_s].toInt();
    if (version > kVersion)
        return failWith(
            u"written by a newer WordRace (session version %1; this one reads up to %2)"_s.arg(version).arg(
                kVersion));
    if (version < 1)
        return failWith(u"version is %1, expected 1 to %2"_s.arg(version).arg(kVersion));

    Session session;
    if (!check.has(top, {}, "experiment", QJsonValue::Object) ||
        !check.has(top, {}, "entries", QJsonValue::Array) ||
        !check.has(top, {}, "selected", QJsonValue::Array) ||
        !check.items(top[u"selected"_s].toArray(), u"selected"_s, QJsonValue::Double))
        return failWith(check.error());
    const auto experiment = experimentFromJson(top[u"experiment"_s].toObject(), u"experiment"_s, check);
    if (!experiment)
        return failWith(check.error());
    session.experiment = *experiment;

    const QJsonArray entries = top[u"entries"_s].toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        QString why;
        const std::optional<HistoryEntry> e =
            entryFromJson(entries.at(i), u"entries[%1]"_s.arg(i), check, &why);
        if (!e)
            return failWith(why);
        session.entries.append(*e);
    }
    for (const QJsonValue &v : constArray(top[u"selected"_s].toArray())) {
        const int row = v.toInt(-1);
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
