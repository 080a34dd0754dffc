#pragma once

#include <QByteArray>
#include <QList>

class QAction;
class QDockWidget;
class QMainWindow;
class QToolBar;

namespace wordrace {

// Full screen with only what a demo needs (no docks, no menu bar, a toolbar without the desk's
// file and export entries), and back to the desk exactly as it was: docks, geometry, maximised.
class PresentationMode
{
public:
    PresentationMode(QMainWindow *window, QToolBar *toolBar, QList<QDockWidget *> docks,
                     QList<QAction *> deskOnly, QAction *deskOnlyBefore);

    bool isOn() const { return m_on; }
    void enter();
    void leave();
    // What the desk looked like before, for the settings saved while presenting.
    QByteArray deskGeometry() const { return m_geometry; }
    QByteArray deskState() const { return m_state; }

private:
    QMainWindow *m_window;
    QToolBar *m_toolBar;
    QList<QDockWidget *> m_docks;
    QList<QAction *> m_deskOnly;
    QAction *m_deskOnlyBefore;
    bool m_on = false;
    bool m_wasMaximized = false;
    QByteArray m_state;
    QByteArray m_geometry;
};

} // namespace wordrace
