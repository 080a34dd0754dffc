#include "window/presentationmode.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QScreen>
#include <QToolBar>

namespace wordrace {

PresentationMode::PresentationMode(QMainWindow *window, QToolBar *toolBar, QList<QDockWidget *> docks,
                                   QList<QAction *> deskOnly, QAction *deskOnlyBefore)
    : m_window(window), m_toolBar(toolBar), m_docks(std::move(docks)), m_deskOnly(std::move(deskOnly)),
      m_deskOnlyBefore(deskOnlyBefore)
{}

void PresentationMode::enter()
{
    if (m_on)
        return;
    m_state = m_window->saveState();
    m_wasMaximized = m_window->isMaximized();
    m_on = true;
    for (QDockWidget *dock : std::as_const(m_docks))
        dock->hide();
    m_window->menuBar()->hide();
    // A demo needs Run, Cancel and the way out; files and exports wait for the desk.
    for (QAction *a : std::as_const(m_deskOnly))
        m_toolBar->removeAction(a);
    m_toolBar->show();
    m_geometry = m_window->saveGeometry();
    // Without a window manager (a kiosk, Xvfb) full screen is only a request; fill the screen
    // ourselves too.
    if (QScreen *s = m_window->screen())
        m_window->setGeometry(s->geometry());
    m_window->showFullScreen();
}

void PresentationMode::leave()
{
    if (!m_on)
        return;
    m_on = false;
    m_window->menuBar()->show();
    m_toolBar->insertActions(m_deskOnlyBefore, m_deskOnly);
    m_window->restoreState(m_state);
    if (m_wasMaximized) {
        m_window->showMaximized();
    } else {
        m_window->showNormal();
        m_window->restoreGeometry(m_geometry);
    }
}

} // namespace wordrace
