#pragma once

#include <QList>
#include <QString>

namespace lt {

struct SettingSpec;

// What IT reads about the settings, generated from SettingsSchema so that it never disagrees with the code: the
// README's table, the commented example configuration the package installs, and the Windows policy template
// (ADMX with its en-US ADML) with the Windows installer's silent-install properties. `loyaltytill-admin config
// --template KIND` prints each; a test compares them with the committed files.
class SettingsDocuments
{
public:
    static QString markdownTable();
    static QString exampleConfig();
    static QString admx();
    static QString adml();
    // The Windows installer's silent-install properties as a WiX include (installer/windows/loyaltytill-settings.wxi):
    // each writes its setting under HKLM\Software\LoyaltyTill only when given, and an upgrade keeps what is there.
    static QString wixInclude();

    // The settings a silent install may preset on a machine, and each one's property (till.name: TILL_NAME).
    static QList<const SettingSpec*> installerSettings();
    static QString installerProperty(const SettingSpec& spec);
};

} // namespace lt
