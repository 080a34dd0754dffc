#include "window/languagemenu.h"

#include "io/units.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace wordrace {

namespace {

const QString kKey = u"view/language"_s;

// The languages WordRace is translated into, besides its own English.
QStringList translated()
{
    return {u"es"_s};
}

QLocale pick(const QString &language)
{
    if (language == u"en")
        return QLocale(QLocale::English);
    if (translated().contains(language))
        return QLocale(language);
    for (const QString &ui : QLocale::system().uiLanguages()) {
        const QLocale l(ui);
        const QString name = QLocale::languageToCode(l.language());
        if (name == u"en")
            return QLocale(QLocale::English);
        if (translated().contains(name))
            return l;
    }
    return QLocale(QLocale::English);
}

QList<QTranslator *> &installed()
{
    static QList<QTranslator *> translators;
    return translators;
}

} // namespace

LanguageMenu::LanguageMenu(QWidget *parent) : QMenu(tr("&Language"), parent)
{
    setObjectName(u"languageMenu"_s);
    auto *group = new QActionGroup(this);
    const QString current = chosen();
    // Each language names itself, so that someone who cannot read the current one finds theirs.
    const QList<QPair<QString, QString>> entries = {
        {QString(), tr("&System Default")}, {u"en"_s, u"&English"_s}, {u"es"_s, u"E&spañol"_s}};
    for (const auto &entry : entries) {
        // Clang (clazy) cannot capture a structured binding in C++20 before version 16.
        const QString code = entry.first;
        QAction *action = addAction(entry.second);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    }
}

QString LanguageMenu::chosen()
{
    return QSettings().value(kKey).toString();
}

QString LanguageMenu::translationFile(const QLocale &locale)
{
    const QString file = u":/i18n/wordrace_%1.qm"_s.arg(QLocale::languageToCode(locale.language()));
    return QFile::exists(file) ? file : QString();
}

QLocale LanguageMenu::install(const QString &language)
{
    for (QTranslator *t : std::as_const(installed())) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installed().clear();

    const QLocale locale = pick(language);
    if (const QString own = translationFile(locale); !own.isEmpty()) {
        auto *wordrace = new QTranslator;
        if (wordrace->load(own)) {
            QCoreApplication::installTranslator(wordrace);
            installed() << wordrace;
        } else {
            delete wordrace;
        }
        // Qt's own, for the buttons of the standard dialogs (Cancel, Save, Yes, No).
        auto *qt = new QTranslator;
        if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            installed() << qt;
        } else {
            delete qt;
        }
    }
    // English keeps the system's locale for dates, as before there were translations; numbers and
    // units stay English then, as the CLI and the files write them.
    QLocale::setDefault(installed().isEmpty() ? QLocale::system() : locale);
    Units::setLocale(installed().isEmpty() ? QLocale(QLocale::English) : locale);
    return locale;
}

void LanguageMenu::choose(const QString &language)
{
    if (language == chosen())
        return;
    QSettings().setValue(kKey, language);
    QMessageBox::information(parentWidget(), tr("Language"),
                             tr("WordRace will use the new language the next time it starts."));
}

} // namespace wordrace
