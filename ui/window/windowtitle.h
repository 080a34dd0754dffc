#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace wordrace {

class ExperimentPanel;
class ExperimentSession;
class SessionController;

// The window's title names the open session file, with Qt's modified marker once runs were added
// since it was opened or saved, and the experiment's corpus. The platform adds the application's
// name itself ("class.wordrace.json* — lesson ×10,000,000 — WordRace"), so the title leaves it out.
class WindowTitle : public QObject
{
    Q_OBJECT
public:
    WindowTitle(QWidget *window, ExperimentPanel *panel, SessionController *files,
                ExperimentSession *session);

    // "class.wordrace.json[*] — lesson ×10,000,000", or the corpus alone before any file.
    static QString text(const QString &sessionPath, const QString &corpus);

private:
    void update();
    void setModified(bool modified);

    QWidget *m_window;
    ExperimentPanel *m_panel;
    QString m_path;
};

} // namespace wordrace
