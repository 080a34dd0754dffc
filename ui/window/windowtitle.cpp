#include "window/windowtitle.h"

#include "panels/experimentpanel.h"
#include "session/experimentsession.h"
#include "session/sessioncontroller.h"

#include <QFileInfo>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace wordrace {

WindowTitle::WindowTitle(QWidget *window, ExperimentPanel *panel, SessionController *files,
                         ExperimentSession *session)
    : QObject(window), m_window(window), m_panel(panel)
{
    connect(panel, &ExperimentPanel::experimentChanged, this, &WindowTitle::update);
    const auto atFile = [this](const QString &path) {
        m_path = path;
        update();
        setModified(false);
    };
    connect(files, &SessionController::sessionOpened, this, atFile);
    connect(files, &SessionController::sessionSaved, this, atFile);
    // A run ended into the history: the file on disk no longer holds everything.
    connect(session, &ExperimentSession::finished, this, [this] { setModified(true); });
    update();
}

QString WindowTitle::text(const QString &sessionPath, const QString &corpus)
{
    if (sessionPath.isEmpty())
        return u"%1[*]"_s.arg(corpus);
    return u"%1[*] — %2"_s.arg(QFileInfo(sessionPath).fileName(), corpus);
}

void WindowTitle::update()
{
    m_window->setWindowTitle(text(m_path, m_panel->experiment().corpus.displayName()));
}

void WindowTitle::setModified(bool modified)
{
    m_window->setWindowModified(modified);
}

} // namespace wordrace
