#include "window/shortcutsbox.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wordrace {

QList<QPair<QString, QString>> shortcutList(const QWidget *window)
{
    QList<QPair<QString, QString>> list;
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (const QAction *a : actions) {
        if (a->shortcut().isEmpty() || a->text().isEmpty())
            continue;
        QString what = a->text();
        what.remove(u'&');
        const QPair<QString, QString> row{a->shortcut().toString(QKeySequence::NativeText), what};
        if (!list.contains(row))
            list.append(row);
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    // Keys handled by a view rather than an action.
    list.append(
        {QObject::tr("Esc"), QObject::tr("Cancel the run; with nothing running, leave presentation")});
    list.append({QObject::tr("PageDown, Right, Space"),
                 QObject::tr("Walkthrough: run the step, then the next step")});
    list.append({QObject::tr("PageUp, Left"), QObject::tr("Walkthrough: back")});
    list.append({QObject::tr("1-9"), QObject::tr("Walkthrough: a vote for that answer")});
    list.append(
        {QObject::tr("B or ."), QObject::tr("Walkthrough: blank the screen (any key brings it back)")});
    list.append({QObject::tr("D"), QObject::tr("Walkthrough: the numbers behind the answer")});
    list.append({QObject::tr("Ctrl+click"), QObject::tr("History: compare two runs side by side")});
    list.append({QObject::tr("Tab, then arrows, Home, End"),
                 QObject::tr("Charts: read each bar, segment or point, as hovering it would")});
    list.append(
        {QObject::tr("Up, Down, then Left, Right"),
         QObject::tr("Timeline: pick a row (header, worker, CPU strip), then read its tasks one by one")});
    list.append({QObject::tr("Shift+Left, Shift+Right"), QObject::tr("Timeline: pan")});
    return list;
}

void showShortcutsBox(QWidget *window)
{
    auto *box = window->findChild<QDialog *>(u"shortcutsBox"_s);
    if (!box) {
        box = new QDialog(window);
        box->setObjectName(u"shortcutsBox"_s);
        box->setWindowTitle(QObject::tr("Keyboard Shortcuts"));
        const auto rows = shortcutList(window);
        auto *table = new QTableWidget(int(rows.size()), 2, box);
        table->setObjectName(u"shortcutsTable"_s);
        table->setHorizontalHeaderLabels({QObject::tr("Keys"), QObject::tr("What they do")});
        table->verticalHeader()->hide();
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        for (int r = 0; r < int(rows.size()); ++r) {
            table->setItem(r, 0, new QTableWidgetItem(rows.at(r).first));
            table->setItem(r, 1, new QTableWidgetItem(rows.at(r).second));
        }
        table->resizeColumnsToContents();
        table->horizontalHeader()->setStretchLastSection(true);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, box);
        QObject::connect(buttons, &QDialogButtonBox::rejected, box, &QDialog::close);
        auto *layout = new QVBoxLayout(box);
        layout->addWidget(table);
        layout->addWidget(buttons);
        box->resize(720, 560);
    }
    box->show();
    box->raise();
    box->activateWindow();
}

} // namespace wordrace
