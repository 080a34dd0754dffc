#pragma once

#include <QLocale>
#include <QMenu>
#include <QString>

namespace wordrace {

// View > Language: System default, English, Español. The choice is kept in the settings
// ("view/language": empty for the system's, "en", "es") and takes effect at the next start: the
// window builds most of its text once, so a live switch would leave half of it in the old language.
class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget *parent);

    // The language kept in the settings; empty for the system's.
    static QString chosen();
    // Installs WordRace's and Qt's own translations for `language` (empty: the first of the
    // system's languages WordRace has), replacing any installed before, and makes numbers and
    // units follow it. Returns the locale chosen; English when no translation fits.
    static QLocale install(const QString &language);
    // The resource WordRace's translation for `locale` is loaded from, if there is one.
    static QString translationFile(const QLocale &locale);

private:
    void choose(const QString &language);
};

} // namespace wordrace
