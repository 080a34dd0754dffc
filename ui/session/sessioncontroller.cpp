#include "session/sessioncontroller.h"

#include "charts/chartexporter.h"
#include "charts/theme.h"
#include "panels/experimentpanel.h"
#include "panels/resultspane.h"
#include "panels/scalingpanel.h"
#include "session/appsettings.h"
#include "session/experimentsession.h"
#include "session/runhistory.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

constexpr int kStatusTimeoutMs = 8000;
// Charts in Export Everything: full HD, legible on a slide and sharp enough on paper.
constexpr QSize kChartSize(1920, 1080);

QString withSuffix(QString path)
{
    if (!path.endsWith(QLatin1String(SessionFile::kSuffix)))
        path += QLatin1String(SessionFile::kSuffix);
    return path;
}

} // namespace

SessionController::SessionController(const Parts &parts) : QObject(parts.window), m_parts(parts)
{
    setObjectName(u"sessionController"_s);
    QWidget *window = parts.window;
    auto make = [window](const QString &text, const QString &name, const QKeySequence &key,
                         const QString &tip) {
        auto *a = new QAction(text, window);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setToolTip(key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
        // On the window, so the shortcut works with the menu bar hidden (presentation).
        window->addAction(a);
        return a;
    };
    m_openAction = make(tr("&Open Session…"), u"openSessionAction"_s, QKeySequence::Open,
                        tr("Reopen a saved session: the experiment, every run and its charts"));
    m_saveAction = make(tr("&Save Session…"), u"saveSessionAction"_s, QKeySequence::Save,
                        tr("Save the experiment and every run of this session to a .wordrace.json file"));
    m_exportEverythingAction =
        make(tr("Export E&verything…"), u"exportEverythingAction"_s,
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
             tr("Write the charts (PNG and SVG), the data files and the session into a new folder"));
    m_exportDataMenu = new QMenu(tr("Export &Data"), window);
    m_exportDataMenu->setObjectName(u"exportDataMenu"_s);
    for (DataExport::Format format : DataExport::allFormats()) {
        QAction *a = m_exportDataMenu->addAction(DataExport::title(format) + u"…"_s);
        a->setObjectName(u"exportData-"_s + DataExport::fileName(format));
        a->setStatusTip(tr("Save the selected runs as %1").arg(DataExport::title(format)));
        connect(a, &QAction::triggered, this, [this, format] { exportDataDialog(format); });
    }
    connect(m_openAction, &QAction::triggered, this, &SessionController::openDialog);
    connect(m_saveAction, &QAction::triggered, this, &SessionController::saveDialog);
    connect(m_exportEverythingAction, &QAction::triggered, this, &SessionController::exportEverythingDialog);
}

Session SessionController::session() const
{
    Session s;
    s.experiment = m_parts.panel->experiment();
    if (m_parts.scaling)
        if (auto sweep = m_parts.scaling->savedSweep())
            s.sweep = Session::SavedSweep{sweep->first, sweep->second};
    const RunHistory *history = m_parts.session->history();
    QList<int> rowInSession(history->count(), -1);
    for (int row = 0; row < history->count(); ++row) {
        HistoryEntry e = history->entry(row);
        if (!e.hasEnded())
            continue;
        e.live.reset();
        e.liveBatches.clear();
        rowInSession[row] = int(s.entries.size());
        s.entries.append(e);
    }
    QList<int> rows;
    for (const QModelIndex &i : m_parts.historyView->selectionModel()->selectedRows())
        rows.append(i.row());
    std::sort(rows.begin(), rows.end());
    for (int row : std::as_const(rows))
        if (row < rowInSession.size() && rowInSession.at(row) >= 0)
            s.selected.append(rowInSession.at(row));
    return s;
}

SessionController::~SessionController()
{
    // A window closed while a session was being read: the busy cursor is the application's.
    if (m_opening)
        QGuiApplication::restoreOverrideCursor();
}

QString SessionController::save(const QString &path)
{
    const QString error = SessionFile::write(path, session());
    if (error.isEmpty())
        saved(path);
    return error;
}

void SessionController::saved(const QString &path)
{
    m_lastPath = path;
    showStatus(tr("Saved the session to %1").arg(QDir::toNativeSeparators(path)));
    Q_EMIT sessionSaved(path);
}

void SessionController::writeInBackground(const QString &path, const QString &failure,
                                          std::function<QString()> write, std::function<void()> written)
{
    m_parts.statusBar->showMessage(tr("Writing %1…").arg(QFileInfo(path).fileName()));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, failure, written] {
        watcher->deleteLater();
        if (const QString error = watcher->future().result(); !error.isEmpty()) {
            showWriteError(failure, error);
            return;
        }
        written();
    });
    watcher->setFuture(QtConcurrent::run(std::move(write)));
}

void SessionController::saveInBackground(const QString &path)
{
    writeInBackground(
        path, tr("The session was not saved."),
        [path, session = session()] { return SessionFile::write(path, session); },
        [this, path] {
            AppSettings().setOpenFolder(QFileInfo(path).absolutePath());
            saved(path);
        });
}

void SessionController::exportDataInBackground(DataExport::Format format, const QString &path)
{
    const QList<RunResult> runs = selectedResults();
    if (runs.isEmpty()) {
        showStatus(tr("Nothing to export yet: press Run (F5) first."));
        return;
    }
    writeInBackground(
        path, tr("The data was not exported."),
        [format, runs, path] { return DataExport::write(format, runs, path); },
        [this, path] {
            AppSettings().setExportFolder(QFileInfo(path).absolutePath());
            showStatus(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
            Q_EMIT dataExported(path);
        });
}

bool SessionController::open(const QString &path)
{
    if (isRunning()) {
        showStatus(tr("Wait for the run to finish (or press Esc) before opening a session."));
        return false;
    }
    QString error;
    const auto session = SessionFile::read(path, &error);
    return apply(path, session, error);
}

void SessionController::openInBackground(const QString &path)
{
    if (isRunning()) {
        showStatus(tr("Wait for the run to finish (or press Esc) before opening a session."));
        Q_EMIT openFinished(path, false);
        return;
    }
    struct Read
    {
        std::optional<Session> session;
        QString error;
    };
    const quint64 job = ++m_openJob;
    if (!m_opening)
        QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    m_opening = true;
    m_parts.statusBar->showMessage(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    auto *watcher = new QFutureWatcher<Read>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job, path] {
        watcher->deleteLater();
        Read read = watcher->future().takeResult();
        if (job != m_openJob) {
            Q_EMIT openFinished(path, false); // another file was asked for since
            return;
        }
        m_opening = false;
        QGuiApplication::restoreOverrideCursor();
        if (isRunning()) {
            showStatus(
                tr("%1 was not opened: a run started while it was read.").arg(QFileInfo(path).fileName()));
            Q_EMIT openFinished(path, false);
            return;
        }
        Q_EMIT openFinished(path, apply(path, read.session, read.error));
    });
    watcher->setFuture(QtConcurrent::run([path] {
        Read read;
        read.session = SessionFile::read(path, &read.error);
        return read;
    }));
}

bool SessionController::apply(const QString &path, const std::optional<Session> &session,
                              const QString &error)
{
    if (!session) {
        showError(tr("WordRace cannot open that session."), error);
        return false;
    }
    const QList<HistoryEntry> &entries = session->entries;
    // Empty the panes first: an entry of the file may carry the number of the one on show, and
    // the panes redraw only for a different number.
    for (int i = 0; i < 2; ++i)
        m_parts.panes[std::size_t(i)]->showEntry(nullptr);
    m_parts.panes[1]->hide();
    m_parts.session->history()->replace(entries);
    m_parts.panel->setExperiment(session->experiment);
    if (m_parts.scaling && session->sweep)
        m_parts.scaling->showSaved(session->sweep->kind, session->sweep->runs);
    QItemSelectionModel *selection = m_parts.historyView->selectionModel();
    bool first = true;
    for (int row : session->selected) {
        selection->select(m_parts.session->history()->index(row),
                          first ? QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Current
                                : QItemSelectionModel::Select);
        first = false;
    }
    if (!session->selected.isEmpty())
        m_parts.historyView->scrollTo(m_parts.session->history()->index(session->selected.last()));
    m_lastPath = path;
    AppSettings().setOpenFolder(QFileInfo(path).absolutePath());
    showStatus(
        entries.size() == 1
            ? tr("Opened %1: one run in the history").arg(QFileInfo(path).fileName())
            : tr("Opened %1: %2 runs in the history").arg(QFileInfo(path).fileName()).arg(entries.size()));
    Q_EMIT sessionOpened(path);
    return true;
}

QList<RunResult> SessionController::selectedResults() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_parts.historyView->selectionModel()->selectedRows())
        rows.append(i.row());
    std::sort(rows.begin(), rows.end());
    QList<RunResult> results;
    for (int row : std::as_const(rows))
        results.append(m_parts.session->history()->entry(row).results);
    return results;
}

QString SessionController::exportData(DataExport::Format format, const QString &path)
{
    const QList<RunResult> runs = selectedResults();
    if (runs.isEmpty())
        return tr("nothing to export: run an experiment, or select one in the history, first");
    const QString error = DataExport::write(format, runs, path);
    if (error.isEmpty())
        showStatus(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
    return error;
}

QString SessionController::writeDataFiles(const QDir &folder, const QList<RunResult> &runs,
                                          const Session &session, QStringList *written)
{
    for (DataExport::Format format : DataExport::allFormats()) {
        const QString path = folder.filePath(DataExport::fileName(format));
        if (const QString why = DataExport::write(format, runs, path); !why.isEmpty())
            return why;
        if (written)
            *written << path;
    }
    const QString sessionPath = folder.filePath(u"session"_s + QLatin1String(SessionFile::kSuffix));
    if (const QString why = SessionFile::write(sessionPath, session); !why.isEmpty())
        return why;
    if (written)
        *written << sessionPath;
    return {};
}

std::optional<QStringList> SessionController::exportEverything(const QString &parentFolder, QString *error)
{
    return exportEverythingInto(parentFolder, error, false);
}

std::optional<QStringList> SessionController::exportEverythingInBackground(const QString &parentFolder,
                                                                           QString *error)
{
    return exportEverythingInto(parentFolder, error, true);
}

std::optional<QStringList> SessionController::exportEverythingInto(const QString &parentFolder,
                                                                   QString *error, bool background)
{
    auto failWith = [&](const QString &why) -> std::optional<QStringList> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QList<RunResult> runs = selectedResults();
    if (runs.isEmpty())
        return failWith(tr("nothing to export: run an experiment, or select one in the history, first"));
    const QDir parent(parentFolder);
    if (!parent.exists())
        return failWith(tr("the folder %1 does not exist").arg(QDir::toNativeSeparators(parentFolder)));
    // A new folder each time, so that nothing already there is ever overwritten.
    ResultsPane *pane = m_parts.panes[0];
    const QString stem = u"wordrace-%1-%2"_s.arg(std::max(1, pane->entryNumber()))
                             .arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s));
    QString name = stem;
    for (int n = 2; parent.exists(name); ++n)
        name = u"%1-%2"_s.arg(stem).arg(n);
    if (!parent.mkdir(name))
        return failWith(
            tr("cannot create a folder in %1: is it writable?").arg(QDir::toNativeSeparators(parentFolder)));
    const QDir folder(parent.filePath(name));

    QStringList written;
    for (ChartKind kind : {ChartKind::WallCpu, ChartKind::Timeline, ChartKind::Overhead}) {
        for (const char *suffix : {"png", "svg"}) {
            const QString path =
                folder.filePath(ChartExporter::kindName(kind) + u'.' + QLatin1String(suffix));
            QString why;
            if (!ChartExporter::write(pane->source(kind), m_parts.theme(), path, kChartSize, &why))
                return failWith(why);
            written << path;
        }
    }
    if (background) {
        // The data files of a million tasks take seconds; the charts above are drawn by now.
        const int count = int(written.size() + DataExport::allFormats().size() + 1);
        writeInBackground(
            folder.path(), tr("Not everything was exported."),
            [folder, runs, session = session()] { return writeDataFiles(folder, runs, session, nullptr); },
            [this, count, folder, parentFolder] {
                AppSettings().setExportFolder(parentFolder);
                showStatus(
                    tr("Wrote %1 files into %2").arg(count).arg(QDir::toNativeSeparators(folder.path())));
                Q_EMIT everythingExported(folder.path());
            });
        return written;
    }
    if (const QString why = writeDataFiles(folder, runs, session(), &written); !why.isEmpty())
        return failWith(why);
    showStatus(tr("Wrote %1 files into %2").arg(written.size()).arg(QDir::toNativeSeparators(folder.path())));
    Q_EMIT everythingExported(folder.path());
    return written;
}

void SessionController::openDialog()
{
    if (isRunning()) {
        showStatus(tr("Wait for the run to finish (or press Esc) before opening a session."));
        return;
    }
    const QString path = QFileDialog::getOpenFileName(
        m_parts.window, tr("Open a WordRace Session"), AppSettings().openFolder(),
        tr("WordRace sessions (*%1);;All files (*)").arg(QLatin1String(SessionFile::kSuffix)));
    if (!path.isEmpty())
        openInBackground(path);
}

void SessionController::saveDialog()
{
    const QString start = !m_lastPath.isEmpty()
                              ? m_lastPath
                              : QDir(AppSettings().openFolder())
                                    .filePath(u"wordrace-session"_s + QLatin1String(SessionFile::kSuffix));
    QString path =
        QFileDialog::getSaveFileName(m_parts.window, tr("Save the Session"), start,
                                     tr("WordRace sessions (*%1)").arg(QLatin1String(SessionFile::kSuffix)));
    if (path.isEmpty())
        return;
    saveInBackground(withSuffix(path));
}

void SessionController::exportDataDialog(DataExport::Format format)
{
    if (selectedResults().isEmpty()) {
        showStatus(tr("Nothing to export yet: press Run (F5) first."));
        return;
    }
    AppSettings settings;
    const QString start = QDir(settings.exportFolder())
                              .filePath(u"wordrace-%1-%2"_s.arg(std::max(1, m_parts.panes[0]->entryNumber()))
                                            .arg(DataExport::fileName(format)));
    const QString path = QFileDialog::getSaveFileName(
        m_parts.window, tr("Export %1").arg(DataExport::title(format)), start, DataExport::filter(format));
    if (path.isEmpty())
        return;
    exportDataInBackground(format, path);
}

void SessionController::exportEverythingDialog()
{
    if (selectedResults().isEmpty()) {
        showStatus(tr("Nothing to export yet: press Run (F5) first."));
        return;
    }
    AppSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(
        m_parts.window, tr("Export Everything into a New Folder Inside…"), settings.exportFolder());
    if (folder.isEmpty())
        return;
    QString error;
    if (!exportEverythingInBackground(folder, &error))
        showWriteError(tr("Not everything was exported."), error);
}

void SessionController::showWriteError(const QString &text, const QString &reason)
{
    showError(
        text,
        tr("%1\n\nChoose a folder you can write to and check that the disk has free space.").arg(reason));
}

void SessionController::showError(const QString &text, const QString &details)
{
    // Not exec(): the event loop, and so any run, goes on while the box is up.
    if (m_errorBox) {
        m_errorBox->setObjectName({}); // gone: never found in its successor's place
        m_errorBox->deleteLater();
    }
    m_errorBox = new QMessageBox(QMessageBox::Warning, tr("WordRace"), text, QMessageBox::Ok, m_parts.window);
    m_errorBox->setObjectName(u"sessionErrorBox"_s);
    m_errorBox->setInformativeText(details);
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox->open();
}

bool SessionController::isRunning() const
{
    return m_parts.session->isRunning();
}

void SessionController::showStatus(const QString &text)
{
    m_parts.statusBar->showMessage(text, kStatusTimeoutMs);
}

QMessageBox *SessionController::errorBox() const
{
    return m_errorBox;
}

} // namespace wordrace
