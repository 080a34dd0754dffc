#pragma once

class QMainWindow;
class QWidget;

namespace wordrace {

struct MainActions;

// The Help menu: what the numbers mean, the keyboard shortcuts, About and About Qt (About is the
// window's own: it shows the app's state).
void addHelpMenu(QMainWindow *window, const MainActions &actions);

// Help > What the Numbers Mean: what each figure and mark of the race is measured from, so a
// teacher can defend any number on the screen (the README's section of the same name, in the app).
void showNumbersHelp(QWidget *window);

} // namespace wordrace
