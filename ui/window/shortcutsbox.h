#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QWidget;

namespace wordrace {

// Help > Keyboard Shortcuts: every shortcut the window's actions have, read from the actions
// themselves so the list cannot fall behind, then the keys of the walkthrough and the charts.
QList<QPair<QString, QString>> shortcutList(const QWidget *window);
void showShortcutsBox(QWidget *window);

} // namespace wordrace
