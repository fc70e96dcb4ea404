#pragma once

#include <QString>

class QCoreApplication;

namespace lt::ui {

// Installs the translations for the chosen language ("system" follows the system locale): LoyaltyTill's own and
// Qt's, from the resources compiled into the binary.
class Translations
{
public:
    static QString install(QCoreApplication& app, const QString& language);
    static QStringList available();
};

} // namespace lt::ui
