#include "window/presentationmode.h"

#include "charts/theme.h"

#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QFontInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QScreen>
#include <QToolBar>
#include <QToolTip>

#include <algorithm>

namespace wordrace {

PresentationMode::PresentationMode(QMainWindow *window, QToolBar *toolBar, QList<QDockWidget *> docks,
                                   QList<QAction *> deskOnly, QAction *deskOnlyBefore)
    : m_window(window), m_toolBar(toolBar), m_docks(std::move(docks)), m_deskOnly(std::move(deskOnly)),
      m_deskOnlyBefore(deskOnlyBefore)
{}

PresentationMode::~PresentationMode()
{
    // A window closed while presenting leaves the application's fonts as the desk had them.
    restoreFonts();
}

int PresentationMode::textPx(int height)
{
    return Theme::presentationPx(height);
}

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
    m_deskFont = QApplication::font();
    // Without a window manager (a kiosk, Xvfb) full screen is only a request; fill the screen
    // ourselves too.
    if (QScreen *s = m_window->screen())
        m_window->setGeometry(s->geometry());
    m_window->showFullScreen();
    applyFonts();
    m_window->installEventFilter(this);
}

void PresentationMode::leave()
{
    if (!m_on)
        return;
    m_on = false;
    m_window->removeEventFilter(this);
    restoreFonts();
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

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    // Full screen on another screen, or a window manager that resized it: text follows the size.
    if (watched == m_window && event->type() == QEvent::Resize && m_on && textPx(m_window->height()) != m_px)
        applyFonts();
    return QObject::eventFilter(watched, event);
}

void PresentationMode::applyFonts()
{
    const int px = textPx(m_window->height());
    if (px == m_px)
        return;
    restoreFonts();
    m_px = px;
    QFont big = m_deskFont;
    big.setPixelSize(px);
    setApplicationFont(big);
    // Widgets that chose their own font keep it, unless it is smaller than the room can read.
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->testAttribute(Qt::WA_SetFont) || QFontInfo(w->font()).pixelSize() >= px)
            continue;
        m_ownFonts.append({w, w->font()});
        QFont f = w->font();
        f.setPixelSize(px);
        w->setFont(f);
    }
    Q_EMIT textSizeChanged(px);
}

void PresentationMode::setApplicationFont(const QFont &font)
{
    QApplication::setFont(font);
    QToolTip::setFont(font);
    // Outside QApplication::exec (a test, a window shown before the loop runs) Qt does not tell the
    // windows that exist already; tell them, so menus and dialogs created earlier follow too.
    const QList<QWidget *> windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows) {
        QEvent change(QEvent::ApplicationFontChange);
        QApplication::sendEvent(window, &change);
    }
}

Theme PresentationMode::theme() const
{
    return Theme::projector(m_px > 0 ? m_px : 24);
}

void PresentationMode::restoreFonts()
{
    if (m_px == 0)
        return;
    for (const auto &[widget, font] : std::as_const(m_ownFonts))
        if (widget)
            widget->setFont(font);
    m_ownFonts.clear();
    setApplicationFont(m_deskFont);
    m_px = 0;
}

} // namespace wordrace
