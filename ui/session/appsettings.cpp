#include "session/appsettings.h"

#include <QGuiApplication>
#include <QMainWindow>
#include <QScreen>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

const QString kCorpus = u"experiment/corpus"_s;
const QString kModes = u"experiment/modes"_s;
const QString kWorkers = u"experiment/workers"_s;
const QString kChunk = u"experiment/chunkLines"_s;
const QString kIoLatency = u"experiment/ioLatencyMs"_s;
const QString kWorkPerWord = u"experiment/workPerWordNs"_s;
const QString kGil = u"experiment/gil"_s;
const QString kSpawn = u"experiment/spawn"_s;
const QString kTransport = u"experiment/transport"_s;
const QString kStart = u"experiment/start"_s;
const QString kTaskTimeout = u"experiment/taskTimeoutS"_s;
const QString kRuns = u"experiment/runs"_s;
const QString kWarmup = u"experiment/warmup"_s;
const QString kTheme = u"view/theme"_s;
const QString kGeometry = u"window/geometry"_s;
const QString kState = u"window/state"_s;
const QString kExportFolder = u"export/folder"_s;
const QString kOpenFolder = u"open/folder"_s;

// Large repeats would make the corpus bigger than memory; the spin box stops here too.
constexpr std::uint64_t kMaxRepeat = 1'000'000'000;

QString folderOr(const QVariant &value, QStandardPaths::StandardLocation fallback)
{
    const QString folder = value.toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    const QString standard = QStandardPaths::writableLocation(fallback);
    return standard.isEmpty() ? QDir::homePath() : standard;
}

} // namespace

AppSettings::AppSettings() = default;

Experiment AppSettings::experiment(QString *note) const
{
    Experiment e = Experiment::appDefault();
    auto drop = [note](const QString &why) {
        if (note && note->isEmpty())
            *note = why;
    };
    if (m_settings.contains(kCorpus)) {
        const QString text = m_settings.value(kCorpus).toString();
        QString error;
        const auto spec = CorpusSpec::parse(text, &error);
        if (!spec) {
            drop(QCoreApplication::translate("wordrace::AppSettings", "The saved corpus was not valid (%1); "
                                                                      "back to the lesson.")
                     .arg(error));
        } else if (spec->kind == CorpusSpec::Kind::File && !QFileInfo(spec->path).isFile()) {
            drop(QCoreApplication::translate("wordrace::AppSettings",
                                             "The last file, %1, is gone; back to the lesson.")
                     .arg(spec->path));
        } else if (spec->kind != CorpusSpec::Kind::File && spec->repeat > kMaxRepeat) {
            drop(QCoreApplication::translate("wordrace::AppSettings",
                                             "The saved corpus size was too large; back to "
                                             "the lesson."));
        } else {
            e.corpus = *spec;
        }
    }
    if (m_settings.contains(kModes)) {
        QList<Mode> modes;
        for (const QString &name : m_settings.value(kModes).toStringList())
            if (const auto mode = modeFromName(name); mode && !modes.contains(*mode))
                modes.append(*mode);
        if (!modes.isEmpty())
            e.modes = modes;
    }
    bool ok = false;
    const int workers = m_settings.value(kWorkers).toInt(&ok);
    if (ok && workers >= 1 && workers <= Experiment::kMaxWorkers)
        e.workers = workers;
    const qulonglong chunk = m_settings.value(kChunk).toULongLong(&ok);
    if (ok && chunk > 0 && chunk <= 0x7fffffffULL)
        e.chunkLines = chunk;
    // The knobs: anything out of Experiment::validate's range keeps its default.
    const double io = m_settings.value(kIoLatency).toDouble(&ok);
    if (ok && io >= 0.0 && io <= 3'600'000.0)
        e.knobs.ioLatencyMs = io;
    const double work = m_settings.value(kWorkPerWord).toDouble(&ok);
    if (ok && work >= 0.0 && work <= 1e9)
        e.knobs.workPerWordNs = work;
    if (m_settings.contains(kGil))
        e.knobs.gil = m_settings.value(kGil).toString() == u"true"_s;
    e.knobs.spawn = spawnFromName(m_settings.value(kSpawn).toString()).value_or(e.knobs.spawn);
    e.knobs.transport =
        transportFromName(m_settings.value(kTransport).toString()).value_or(e.knobs.transport);
    e.knobs.start = startFromName(m_settings.value(kStart).toString()).value_or(e.knobs.start);
    const double timeout = m_settings.value(kTaskTimeout).toDouble(&ok);
    if (ok && timeout >= 0.0 && timeout <= 86'400.0)
        e.taskTimeoutS = timeout;
    const int runs = m_settings.value(kRuns).toInt(&ok);
    if (ok && (runs >= 1 || runs == Experiment::kAutoRuns) && runs <= Experiment::kMaxRuns)
        e.runs = runs;
    const int warmup = m_settings.value(kWarmup).toInt(&ok);
    if (ok && warmup >= 0 && warmup <= Experiment::kMaxRuns)
        e.warmup = warmup;
    return e;
}

void AppSettings::setExperiment(const Experiment &e)
{
    // "file:" keeps a file called "lesson" from coming back as the generated corpus.
    m_settings.setValue(kCorpus, e.corpus.kind == CorpusSpec::Kind::File ? u"file:"_s + e.corpus.path
                                                                         : e.corpus.toString());
    QStringList modes;
    for (Mode m : e.modes)
        modes << modeName(m);
    m_settings.setValue(kModes, modes);
    m_settings.setValue(kWorkers, e.workers);
    m_settings.setValue(kChunk, qulonglong(e.chunkLines.value_or(0)));
    m_settings.setValue(kIoLatency, e.knobs.ioLatencyMs);
    m_settings.setValue(kWorkPerWord, e.knobs.workPerWordNs);
    m_settings.setValue(kGil, e.knobs.gil);
    m_settings.setValue(kSpawn, spawnName(e.knobs.spawn));
    m_settings.setValue(kTransport, transportName(e.knobs.transport));
    m_settings.setValue(kStart, startName(e.knobs.start));
    m_settings.setValue(kTaskTimeout, e.taskTimeoutS);
    m_settings.setValue(kRuns, e.runs);
    m_settings.setValue(kWarmup, e.warmup);
}

Theme::Kind AppSettings::theme() const
{
    return Theme::kindFromName(m_settings.value(kTheme).toString()).value_or(Theme::Kind::Light);
}

void AppSettings::setTheme(Theme::Kind kind)
{
    m_settings.setValue(kTheme, Theme::name(kind));
}

QByteArray AppSettings::geometry() const
{
    return m_settings.value(kGeometry).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(kState).toByteArray();
}

void AppSettings::setWindow(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(kGeometry, geometry);
    m_settings.setValue(kState, state);
}

void AppSettings::restoreWindow(QMainWindow *window) const
{
    // Both return false on anything they do not recognise, leaving the defaults.
    if (!window->restoreGeometry(geometry())) {
        const QRect screen = QGuiApplication::primaryScreen()
                                 ? QGuiApplication::primaryScreen()->availableGeometry()
                                 : QRect(0, 0, 1600, 1000);
        window->resize(std::max(1024, screen.width() * 9 / 10), std::max(700, screen.height() * 9 / 10));
        window->move(screen.center() - window->rect().center());
    }
    window->restoreState(windowState());
}

QString AppSettings::exportFolder() const
{
    return folderOr(m_settings.value(kExportFolder), QStandardPaths::PicturesLocation);
}

void AppSettings::setExportFolder(const QString &folder)
{
    m_settings.setValue(kExportFolder, folder);
}

QString AppSettings::openFolder() const
{
    return folderOr(m_settings.value(kOpenFolder), QStandardPaths::DocumentsLocation);
}

void AppSettings::setOpenFolder(const QString &folder)
{
    m_settings.setValue(kOpenFolder, folder);
}

} // namespace wordrace
