#pragma once

#include "charts/theme.h"
#include "model/experiment.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

class QMainWindow;

namespace wordrace {

// The window's memory between sessions. Every value is checked on the way in: a hand-edited or
// corrupt settings file falls back to the defaults instead of crashing or running nonsense.
class AppSettings
{
public:
    AppSettings();

    // The last experiment, or the lesson when there is none or it no longer makes sense; *note
    // says why a stored one was dropped.
    Experiment experiment(QString *note = nullptr) const;
    void setExperiment(const Experiment &experiment);

    Theme::Kind theme() const;
    void setTheme(Theme::Kind kind);

    QByteArray geometry() const;
    QByteArray windowState() const;
    void setWindow(const QByteArray &geometry, const QByteArray &state);
    // Puts the window where it was, docks and toolbars included; on the first start, most of the
    // screen (the charts need the room).
    void restoreWindow(QMainWindow *window) const;

    QString exportFolder() const;
    void setExportFolder(const QString &folder);
    QString openFolder() const;
    void setOpenFolder(const QString &folder);

    void sync() { m_settings.sync(); }

private:
    QSettings m_settings;
};

} // namespace wordrace
