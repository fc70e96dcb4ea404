#include "ui/Translations.h"

#include "ui/UiLogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace lt::ui {

QStringList Translations::available()
{
    return {QStringLiteral("en"), QStringLiteral("es")};
}

QString Translations::install(QCoreApplication& app, const QString& language)
{
    const QLocale locale = language == QLatin1String("system") ? QLocale::system() : QLocale(language);
    QString chosen = locale.name().left(2);
    if (!available().contains(chosen))
        chosen = QStringLiteral("en");
    // English is the sources' language, but its plural forms ("1 point", "2 points") come from its translation.
    auto* own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/loyaltytill_%1.qm").arg(chosen)))
        QCoreApplication::installTranslator(own);
    else
        qCWarning(lcPreferences) << "no translation of the till into" << chosen;
    if (chosen == QLatin1String("en"))
        return chosen;
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(chosen), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        qCDebug(lcPreferences) << "no translation of Qt's own texts into" << chosen;
    qCDebug(lcPreferences) << "language" << chosen;
    return chosen;
}

} // namespace lt::ui
