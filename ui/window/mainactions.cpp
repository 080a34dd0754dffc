#include "window/mainactions.h"

#include "charts/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QIcon>
#include <QKeySequence>
#include <QStyle>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace wordrace {

MainActions::MainActions(QWidget *window)
{
    auto make = [window](const QString &text, const QString &name, const QKeySequence &key,
                         const QString &tip, QStyle::StandardPixmap fallback, const QString &themeIcon) {
        auto *a = new QAction(text, window);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setToolTip(
            key.isEmpty() ? tip : QObject::tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        a->setStatusTip(tip);
        if (!themeIcon.isEmpty())
            a->setIcon(QIcon::fromTheme(themeIcon, window->style()->standardIcon(fallback)));
        // On the window itself, so shortcuts keep working with the menu bar hidden (presentation).
        window->addAction(a);
        return a;
    };
    run = make(QObject::tr("&Run"), u"runAction"_s, QKeySequence(Qt::Key_F5),
               QObject::tr("Count the words in every mode ticked"), QStyle::SP_MediaPlay,
               u"media-playback-start"_s);
    runOnce = make(QObject::tr("Run &Once"), u"runOnceAction"_s, QKeySequence(Qt::SHIFT | Qt::Key_F5),
                   QObject::tr("Count once in every mode ticked: no warm-up, one measured run each"),
                   QStyle::SP_MediaSkipForward, u"media-skip-forward"_s);
    cancel = make(QObject::tr("&Cancel"), u"cancelAction"_s, QKeySequence(Qt::Key_Escape),
                  QObject::tr("Stop the run; the modes already finished stay"), QStyle::SP_MediaStop,
                  u"process-stop"_s);
    open =
        make(QObject::tr("&Open Text File…"), u"openAction"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
             QObject::tr("Count the words of a text file"), QStyle::SP_DialogOpenButton, u"document-open"_s);
    exportChart = make(QObject::tr("&Export Chart…"), u"exportAction"_s, QKeySequence(Qt::CTRL | Qt::Key_E),
                       QObject::tr("Save a chart as PNG, SVG or PDF"), QStyle::SP_DialogSaveButton,
                       u"document-export"_s);
    copyChart = make(QObject::tr("Copy Chart &Image"), u"copyChartAction"_s,
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                     QObject::tr("Copy the chart with the keyboard focus (or wall vs CPU) to the clipboard"),
                     QStyle::SP_FileIcon, u"edit-copy"_s);
    quit = make(QObject::tr("&Quit"), u"quitAction"_s, QKeySequence(Qt::CTRL | Qt::Key_Q),
                QObject::tr("Quit WordRace, stopping any run"), QStyle::SP_DialogCloseButton,
                u"application-exit"_s);
    quit->setMenuRole(QAction::QuitRole);
    presentation = make(QObject::tr("&Presentation"), u"presentationAction"_s, QKeySequence(Qt::Key_F11),
                        QObject::tr("Full screen, big type and only what a demo needs"),
                        QStyle::SP_DesktopIcon, u"view-fullscreen"_s);
    presentation->setCheckable(true);
    // No style offers a full-screen icon; a desktop icon would only puzzle. The theme's, or none.
    presentation->setIcon(QIcon::fromTheme(u"view-fullscreen"_s));
    walkthrough =
        make(QObject::tr("Lesson &Walkthrough"), u"walkthroughAction"_s, QKeySequence(Qt::CTRL | Qt::Key_L),
             QObject::tr("The lesson's experiments as slides: the class predicts, the run shows, the "
                         "measured answer in one line; a clicker's PageDown goes on"),
             QStyle::SP_MediaPlay, u"media-playback-start"_s);
    zoomIn = make(QObject::tr("Zoom &In Timeline"), u"zoomInAction"_s, QKeySequence::ZoomIn,
                  QObject::tr("Show less time, in more detail"), QStyle::SP_ArrowUp, QString());
    zoomOut = make(QObject::tr("Zoom &Out Timeline"), u"zoomOutAction"_s, QKeySequence::ZoomOut,
                   QObject::tr("Show more time"), QStyle::SP_ArrowDown, QString());
    zoomReset = make(QObject::tr("&Whole Timeline"), u"zoomResetAction"_s, QKeySequence(Qt::CTRL | Qt::Key_0),
                     QObject::tr("Show every run from start to end"), QStyle::SP_BrowserReload, QString());
    about = make(QObject::tr("&About WordRace"), u"aboutAction"_s, QKeySequence(Qt::Key_F1),
                 QObject::tr("What WordRace is and how to read its charts"), QStyle::SP_MessageBoxInformation,
                 u"help-about"_s);
    about->setMenuRole(QAction::AboutRole);
    aboutQt = make(QObject::tr("About &Qt"), u"aboutQtAction"_s, QKeySequence(),
                   QObject::tr("The Qt version WordRace uses"), QStyle::SP_TitleBarMenuButton, QString());
    aboutQt->setMenuRole(QAction::AboutQtRole);
    shortcuts = make(QObject::tr("&Keyboard Shortcuts"), u"shortcutsAction"_s,
                     QKeySequence(Qt::CTRL | Qt::Key_Slash), QObject::tr("Every key WordRace answers to"),
                     QStyle::SP_DialogHelpButton, u"help-keyboard-shortcuts"_s);
    numbersHelp = make(QObject::tr("What the &Numbers Mean"), u"numbersHelpAction"_s,
                       QKeySequence(Qt::SHIFT | Qt::Key_F1),
                       QObject::tr("What wall time, CPU time, speed-up and each mark are measured from"),
                       QStyle::SP_MessageBoxQuestion, u"help-contents"_s);

    themes = new QActionGroup(window);
    for (Theme::Kind kind : {Theme::Kind::Light, Theme::Kind::Dark, Theme::Kind::Projector}) {
        const QString text = kind == Theme::Kind::Light  ? QObject::tr("&Light")
                             : kind == Theme::Kind::Dark ? QObject::tr("&Dark")
                                                         : QObject::tr("&Projector (big, high contrast)");
        auto *a = new QAction(text, themes);
        a->setObjectName(u"theme-"_s + Theme::name(kind));
        a->setCheckable(true);
        a->setData(int(kind));
        a->setStatusTip(QObject::tr("Use the %1 colours and type sizes").arg(Theme::name(kind)));
    }
}

} // namespace wordrace
