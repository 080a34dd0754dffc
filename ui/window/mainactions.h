#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QWidget;

namespace wordrace {

// The window's commands, each with its name, key, tool tip, status tip and icon in one place.
// They are the window's own actions, so their shortcuts work with the menu bar hidden
// (presentation mode); the window connects them to what they do.
struct MainActions
{
    explicit MainActions(QWidget *window);

    QAction *run = nullptr;
    QAction *runOnce = nullptr;
    QAction *cancel = nullptr;
    QAction *open = nullptr;
    QAction *exportChart = nullptr;
    QAction *copyChart = nullptr;
    QAction *quit = nullptr;
    QAction *presentation = nullptr;
    QAction *walkthrough = nullptr;
    QAction *zoomIn = nullptr;
    QAction *zoomOut = nullptr;
    QAction *zoomReset = nullptr;
    QAction *about = nullptr;
    QAction *aboutQt = nullptr;
    QAction *shortcuts = nullptr;
    QAction *numbersHelp = nullptr;
    // Light, dark and projector; each action's data is its Theme::Kind.
    QActionGroup *themes = nullptr;
};

} // namespace wordrace
