#pragma once

#include <QByteArray>
#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>

#include <utility>

class QAction;
class QDockWidget;
class QMainWindow;
class QToolBar;

namespace wordrace {

struct Theme;

// Full screen with only what a demo needs (no docks, no menu bar, a toolbar without the desk's
// file and export entries), every text big enough for the back row, and back to the desk exactly
// as it was: docks, geometry, maximised, fonts. Owned by the window (not its QObject child).
class PresentationMode : public QObject
{
    Q_OBJECT
public:
    PresentationMode(QMainWindow *window, QToolBar *toolBar, QList<QDockWidget *> docks,
                     QList<QAction *> deskOnly, QAction *deskOnlyBefore);
    ~PresentationMode() override;

    bool isOn() const { return m_on; }
    void enter();
    void leave();
    // What the desk looked like before, for the settings saved while presenting.
    QByteArray deskGeometry() const { return m_geometry; }
    QByteArray deskState() const { return m_state; }

    // The smallest text in presentation for a window (a screen) this many pixels high: 24 at
    // 1080, in proportion elsewhere (17 on a 768-line projector), never below 14.
    static int textPx(int height);
    // The projector theme for the charts, its type in proportion to the screen.
    Theme theme() const;

Q_SIGNALS:
    // The text size changed (entering, or the window moved to a screen of another size).
    void textSizeChanged(int px);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Every text at least textPx: the application's font (menus, tabs, tooltips, dialogs) and each
    // widget's own font where one was set smaller; remembered, to restore at the desk.
    void applyFonts();
    void restoreFonts();
    static void setApplicationFont(const QFont &font);

    QMainWindow *m_window;
    QToolBar *m_toolBar;
    QList<QDockWidget *> m_docks;
    QList<QAction *> m_deskOnly;
    QAction *m_deskOnlyBefore;
    bool m_on = false;
    bool m_wasMaximized = false;
    QByteArray m_state;
    QByteArray m_geometry;
    int m_px = 0; // the text size applied; 0 at the desk
    QFont m_deskFont;
    QList<std::pair<QPointer<QWidget>, QFont>> m_ownFonts;
};

} // namespace wordrace
