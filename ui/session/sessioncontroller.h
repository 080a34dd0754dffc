#pragma once

#include "io/sessionfile.h"
#include "session/dataexport.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

class QAbstractItemView;
class QAction;
class QDir;
class QMenu;
class QMessageBox;
class QStatusBar;
class QWidget;

namespace wordrace {

class ExperimentPanel;
class ScalingPanel;
class ExperimentSession;
class ResultsPane;
struct Theme;

// File > Open Session, Save Session, Export Data and Export Everything: a session file keeps the
// experiment panel, the history and what was on show, and reopens with every chart as it was.
class SessionController : public QObject
{
    Q_OBJECT
public:
    // What the files are made of and shown in; the window hands these over and knows nothing of
    // files. The actions go on `window`, so their shortcuts work with the menu bar hidden.
    struct Parts
    {
        QWidget *window = nullptr;            // owner of the actions, parent of dialogs
        ExperimentSession *session = nullptr; // the history, and whether a run goes
        ExperimentPanel *panel = nullptr;
        QAbstractItemView *historyView = nullptr; // its selection is what is on show
        std::array<ResultsPane *, 2> panes{};     // the second one compares
        QStatusBar *statusBar = nullptr;
        std::function<Theme()> theme;    // for the charts of Export Everything
        ScalingPanel *scaling = nullptr; // its last sweep goes into the session file
    };

    explicit SessionController(const Parts &parts);
    ~SessionController() override;

    QAction *openAction() const { return m_openAction; }
    QAction *saveAction() const { return m_saveAction; }
    QMenu *exportDataMenu() const { return m_exportDataMenu; }
    QAction *exportEverythingAction() const { return m_exportEverythingAction; }

    // What the window has now; a run still going is left out.
    Session session() const;
    // Empty on success, otherwise a one-line reason.
    QString save(const QString &path);
    // As save(), but written on a worker thread (a million tasks take seconds to write); the
    // session is what the window has when called. sessionSaved() follows, or the reason is shown.
    // Quitting meanwhile waits for the file to be written.
    void saveInBackground(const QString &path);
    // Replaces the window's experiment, history and charts with the file's. On failure shows the
    // reason in a message box (errorBox()) and leaves the window as it was.
    bool open(const QString &path);
    // As open(), but the file is read and parsed on a worker thread while the window stays usable
    // (a session of a million tasks takes seconds to parse); openFinished() follows. Opening
    // another file meanwhile drops this one's result, as does a run started meanwhile.
    void openInBackground(const QString &path);
    bool isOpening() const { return m_opening; }

    // The results of the history entries selected (two when comparing), oldest first.
    QList<RunResult> selectedResults() const;
    QString exportData(DataExport::Format format, const QString &path);
    // As exportData(), written on a worker thread; dataExported() follows, or the reason is shown.
    void exportDataInBackground(DataExport::Format format, const QString &path);
    // Writes the shown charts (PNG and SVG), every data file and the session into a new folder
    // inside `parentFolder`, never over existing files. Returns the paths written, or nullopt and
    // the reason.
    std::optional<QStringList> exportEverything(const QString &parentFolder, QString *error = nullptr);
    // As exportEverything(), but only the charts are written before it returns (with their paths);
    // the data files and the session follow on a worker thread (see writeInBackground()), then
    // everythingExported().
    std::optional<QStringList> exportEverythingInBackground(const QString &parentFolder,
                                                            QString *error = nullptr);

    QMessageBox *errorBox() const;

Q_SIGNALS:
    // A session file was opened or saved: the path, for a title or a recent-files list.
    void sessionOpened(const QString &path);
    void sessionSaved(const QString &path);
    // An openInBackground() ended: opened, refused (its reason shown), or dropped.
    void openFinished(const QString &path, bool opened);
    void dataExported(const QString &path);
    // Every file of an Export Everything is written, into this new folder.
    void everythingExported(const QString &folder);

private:
    // Runs `write` (returning empty or a one-line reason) on a worker thread of the global pool,
    // which QCoreApplication waits for as it quits, so a file being written is finished even when
    // the window closes meanwhile; then `written` on this thread, or the reason in a message box.
    void writeInBackground(const QString &path, const QString &failure, std::function<QString()> write,
                           std::function<void()> written);
    // Every data export and the session into `folder`; empty or the first failure's reason.
    static QString writeDataFiles(const QDir &folder, const QList<RunResult> &runs, const Session &session,
                                  QStringList *written);
    std::optional<QStringList> exportEverythingInto(const QString &parentFolder, QString *error,
                                                    bool background);
    bool apply(const QString &path, const std::optional<Session> &session, const QString &error);
    void openDialog();
    void saveDialog();
    void exportDataDialog(DataExport::Format format);
    void exportEverythingDialog();
    void showError(const QString &text, const QString &details);
    // A file could not be written: the reason, and what to do about it.
    void showWriteError(const QString &text, const QString &reason);
    // A session was written to `path`: offered again by Save, reported, announced.
    void saved(const QString &path);
    void showStatus(const QString &text);

    bool isRunning() const;

    Parts m_parts;
    QAction *m_openAction;
    QAction *m_saveAction;
    QMenu *m_exportDataMenu;
    QAction *m_exportEverythingAction;
    QPointer<QMessageBox> m_errorBox;
    QString m_lastPath;    // the session last opened or saved, offered again by Save
    quint64 m_openJob = 0; // the latest openInBackground(); earlier ones' results are dropped
    bool m_opening = false;
};

} // namespace wordrace
