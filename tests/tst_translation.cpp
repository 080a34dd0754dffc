// The Spanish translation as a user meets it: loaded the way the app loads it, then every visible
// text of the main window after a run, its menus, the walkthrough and the dialogs is compared with
// the English sources of resources/translations/wordrace_es.ts. A text still equal to a source
// whose translation differs is one the translation missed: a string not marked, a context that
// does not match the one looked up, or a text built before the translator was installed.

#include "engine/runner.h"
#include "io/units.h"
#include "panels/experimentpanel.h"
#include "panels/resultspane.h"
#include "session/sessioncontroller.h"
#include "window/languagemenu.h"
#include "window/mainwindow.h"
#include "windowparts.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QValueAxis>
#include <QXmlStreamReader>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace windowparts;
using namespace wordrace;

namespace {

constexpr int kRunTimeoutMs = 120000;

// One English source the translation changes, and how to recognise it once its %1s are filled.
struct Source
{
    QString text;
    QString prefix; // long texts: their opening, recognised even when cut or followed by more
    QRegularExpression whole;
};

QString withoutAccelerators(QString text)
{
    static const QRegularExpression single(u"&(?!&)"_s);
    return text.remove(single);
}

// The sources of the .ts whose translation differs from them; sources with too few letters of
// their own ("%1 (%2)", "E(N)") say nothing about the language and are left out.
QList<Source> translatedSources()
{
    QFile file(QStringLiteral(WORDRACE_TEST_DATA "/../../resources/translations/wordrace_es.ts"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    QList<Source> out;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation" || xml.name() == u"numerusform") {
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            static const QRegularExpression placeholder(u"%(\\d|n)"_s);
            QString letters = source;
            letters.remove(placeholder).remove(QRegularExpression(u"<[^>]*>"_s));
            if (source.isEmpty() || withoutAccelerators(translation) == withoutAccelerators(source) ||
                letters.count(QRegularExpression(u"[A-Za-z]"_s)) < 3)
                continue;
            Source s;
            s.text = withoutAccelerators(source);
            QString pattern;
            for (const QString &part : s.text.split(placeholder))
                pattern += QRegularExpression::escape(part) + u"(.*?)"_s;
            pattern.chop(5);
            s.whole = QRegularExpression(u"\\A"_s + pattern + u"\\z"_s,
                                         QRegularExpression::DotMatchesEverythingOption);
            const qsizetype cut = s.text.indexOf(placeholder);
            const QString opening = s.text.left(cut < 0 ? 40 : std::min<qsizetype>(cut, 40));
            if (s.text.size() > 60 && opening.size() >= 25)
                s.prefix = opening;
            out << s;
        }
    }
    return out;
}

// Every text a person can see on `root` and its visible children: labels, buttons, titles,
// tooltips, tabs, list and table headers, combo box items, spin box suffixes, chart titles.
void visibleTexts(QWidget *root, QStringList &out)
{
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisible())
            continue;
        out << w->toolTip();
        if (w->isWindow() || qobject_cast<QDockWidget *>(w))
            out << w->windowTitle();
        if (auto *label = qobject_cast<QLabel *>(w))
            out << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            out << button->text();
        if (auto *box = qobject_cast<QGroupBox *>(w))
            out << box->title();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            out << edit->placeholderText();
        if (auto *combo = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < combo->count(); ++i)
                out << combo->itemText(i) << combo->itemData(i, Qt::ToolTipRole).toString();
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
            out << spin->specialValueText() << spin->text();
        if (auto *spin = qobject_cast<QSpinBox *>(w))
            out << spin->suffix() << spin->prefix();
        if (auto *spin = qobject_cast<QDoubleSpinBox *>(w))
            out << spin->suffix() << spin->prefix();
        if (auto *tabs = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < tabs->count(); ++i)
                out << tabs->tabText(i) << tabs->tabToolTip(i);
        if (auto *bar = qobject_cast<QStatusBar *>(w))
            out << bar->currentMessage();
        if (auto *box = qobject_cast<QMessageBox *>(w))
            out << box->text() << box->informativeText();
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            const QAbstractItemModel *m = view->model();
            for (int c = 0; c < m->columnCount(); ++c)
                out << m->headerData(c, Qt::Horizontal).toString();
            for (int r = 0; r < std::min(m->rowCount(), 20); ++r)
                for (int c = 0; c < m->columnCount(); ++c)
                    out << m->index(r, c).data().toString()
                        << m->index(r, c).data(Qt::ToolTipRole).toString();
        }
        if (auto *chartView = qobject_cast<QChartView *>(w); chartView && chartView->chart()) {
            QChart *chart = chartView->chart();
            out << chart->title();
            for (QAbstractAxis *axis : chart->axes())
                out << axis->titleText();
            for (QLegendMarker *marker : chart->legend()->markers())
                out << marker->label();
        }
        for (QAction *a : w->actions())
            out << a->text() << a->toolTip();
    }
}

// The menus, walked whether open or not: each action's name, tool tip and status tip.
void menuTexts(QMenu *menu, QStringList &out)
{
    out << menu->title();
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        out << a->text() << a->toolTip() << a->statusTip();
        if (a->menu())
            menuTexts(a->menu(), out);
    }
}

// Opens a modal dialog with `open` and reads what it shows before closing it.
QStringList modalTexts(const std::function<void()> &open)
{
    QStringList out;
    QTimer poll;
    poll.setInterval(20);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            visibleTexts(modal, out);
            poll.stop();
            if (auto *dialog = qobject_cast<QDialog *>(modal))
                dialog->reject();
            else
                modal->close();
        }
    });
    poll.start();
    open();
    return out;
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT

private:
    QList<Source> m_sources;
    std::unique_ptr<MainWindow> m_window;

    // The texts still in English, with the source each one matches.
    QStringList english(const QStringList &texts) const
    {
        QStringList found;
        for (const QString &raw : texts) {
            const QString text = withoutAccelerators(raw).trimmed();
            if (text.isEmpty())
                continue;
            for (const Source &s : m_sources) {
                if (s.whole.match(text).hasMatch() || (!s.prefix.isEmpty() && text.startsWith(s.prefix))) {
                    found << u"“%1” (source “%2”)"_s.arg(text.left(120), s.text.left(80));
                    break;
                }
            }
        }
        found.removeDuplicates();
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"WordRaceTest"_s);
        QCoreApplication::setApplicationName(u"tst_translation"_s);
        QSettings().clear();
        // As app/gui/main.cpp does, with the choice View > Language keeps.
        QSettings().setValue(u"view/language"_s, u"es"_s);
        const QLocale locale = LanguageMenu::install(LanguageMenu::chosen());
        QCOMPARE(locale.language(), QLocale::Spanish);
        m_sources = translatedSources();
        QVERIFY(m_sources.size() > 500);

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        Experiment e;
        e.corpus = *CorpusSpec::parse(u"lesson:20000"_s);
        e.workers = 2;
        e.runs = 2;
        experimentPanel(*m_window)->setExperiment(e);
        QSignalSpy finished(runner(*m_window), &Runner::experimentFinished);
        m_window->runExperiment();
        QVERIFY(finished.wait(kRunTimeoutMs) || !finished.isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return !pane(*m_window, 0)->chartsPending(); }, kRunTimeoutMs));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        LanguageMenu::install(u"en"_s);
    }

    // Qt's own translation too, for the standard buttons; numbers written the Spanish way.
    void qtAndNumbersFollow()
    {
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Cancelar"_s);
        QCOMPARE(Units::seconds(1.5), u"1,500 s"_s);
        QCOMPARE(Units::count(10000), u"10.000"_s);
        QCOMPARE(Units::fixedSeconds(1.5), u"1.500 s"_s); // the CLI's table: never localised
    }

    void noEnglishLeft_data()
    {
        QTest::addColumn<QString>("surface");
        for (const char *name :
             {"main window after a run", "menus", "scaling tab", "about box", "keyboard shortcuts",
              "session error box", "language message", "walkthrough question", "walkthrough reveal"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void noEnglishLeft()
    {
        QFETCH(QString, surface);
        MainWindow &w = *m_window;
        QStringList texts;
        if (surface == u"main window after a run") {
            visibleTexts(&w, texts);
        } else if (surface == u"menus") {
            for (QAction *a : w.menuBar()->actions())
                if (a->menu())
                    menuTexts(a->menu(), texts);
        } else if (surface == u"scaling tab") {
            tabs(w)->setCurrentIndex(1);
            QCoreApplication::processEvents();
            visibleTexts(tabs(w)->currentWidget(), texts);
            tabs(w)->setCurrentIndex(0);
        } else if (surface == u"about box") {
            texts = modalTexts([&] { find<QAction>(w, u"aboutAction"_s)->trigger(); });
            QVERIFY(!texts.isEmpty());
        } else if (surface == u"keyboard shortcuts") {
            find<QAction>(w, u"shortcutsAction"_s)->trigger();
            auto *box = w.findChild<QDialog *>(u"shortcutsBox"_s);
            QVERIFY(box);
            QTRY_VERIFY(box->isVisible());
            visibleTexts(box, texts);
            box->close();
        } else if (surface == u"session error box") {
            QTemporaryDir dir;
            const QString bad = dir.filePath(u"bad.wordrace.json"_s);
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"format\": ");
            f.close();
            w.sessions()->openInBackground(bad);
            QTRY_VERIFY_WITH_TIMEOUT(w.sessions()->errorBox() && w.sessions()->errorBox()->isVisible(),
                                     kRunTimeoutMs);
            visibleTexts(w.sessions()->errorBox(), texts);
            w.sessions()->errorBox()->accept();
        } else if (surface == u"language message") {
            auto *menu = w.findChild<QMenu *>(u"languageMenu"_s);
            QVERIFY(menu);
            QAction *english = menu->actions().value(1);
            texts = modalTexts([&] { english->trigger(); });
            QVERIFY(!texts.isEmpty());
            QCOMPARE(QSettings().value(u"view/language"_s).toString(), u"en"_s);
            QSettings().setValue(u"view/language"_s, u"es"_s);
        } else if (surface == u"walkthrough question") {
            QSettings().setValue(u"walkthrough/step"_s, 1); // return values: a run of a second or so
            QVERIFY(w.startWalkthrough());
            auto *page = w.findChild<QWidget *>(u"walkthrough"_s);
            QTRY_VERIFY(page->isVisible());
            visibleTexts(&w, texts);
        } else if (surface == u"walkthrough reveal") {
            auto *page = w.findChild<QWidget *>(u"walkthrough"_s);
            QVERIFY(page->isVisible());
            page->setFocus();
            QTest::keyClick(page, Qt::Key_1);
            QSignalSpy finished(runner(w), &Runner::experimentFinished);
            QTest::keyClick(page, Qt::Key_PageDown);
            QVERIFY(finished.wait(kRunTimeoutMs) || !finished.isEmpty());
            auto *headline = page->findChild<QLabel *>(u"walkthroughHeadline"_s);
            QTRY_VERIFY_WITH_TIMEOUT(headline->isVisible(), kRunTimeoutMs);
            QTest::keyClick(page, Qt::Key_D); // the details too
            visibleTexts(&w, texts);
            for (QWidget *top : QApplication::topLevelWidgets()) // the presenter's notes, if shown
                if (top != &w && top->isVisible())
                    visibleTexts(top, texts);
        }
        QVERIFY(!texts.isEmpty());
        const QStringList left = english(texts);
        QVERIFY2(left.isEmpty(), qPrintable(u"still in English:\n"_s + left.join(u'\n')));
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
