#pragma once

#include "core/common/Result.h"
#include "core/settings/ConfigFile.h"
#include "core/settings/SettingsSchema.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

namespace lt {

// A layer of settings kept as named values under one registry key, as Windows keeps what IT sets for a machine: the
// presets under HKLM\Software\LoyaltyTill (what the installer's silent-install properties write) and the locks under
// HKLM\Software\Policies\LoyaltyTill (what the ADMX template's policies write). Each value is named by its setting's
// key (till.name) and holds text (REG_SZ), or a number (REG_DWORD) for a whole-number setting. It is read through
// QSettings so that the same reading is tested anywhere with an INI file standing in for the key; checking the values
// against the schema is SystemConfig's, as for its files.
// Header-only: small, and compiled where it is used (SystemConfig, SettingsDocuments, the tests).
class RegistryLayer
{
public:
    static constexpr const char* PresetsKey = "Software\\LoyaltyTill"; // both under HKEY_LOCAL_MACHINE
    static constexpr const char* PoliciesKey = "Software\\Policies\\LoyaltyTill";

    // Every value directly under the key as an entry named `place\key` (line 0); a value whose type does not fit its
    // setting is a problem instead, so that the layer below gives the setting. Subkeys are nobody's settings.
    static ConfigFile::Parsed read(const QSettings& key, const QString& place)
    {
        ConfigFile::Parsed parsed;
        for (const QString& name : key.childKeys()) {
            // QSettings names the key's unnamed value ("(Default)" in regedit) Default; it is never a setting.
            if (name == QLatin1String("Default"))
                continue;
            const QString where = place + QLatin1Char('\\') + name;
            auto value = text(SettingsSchema::find(name), key.value(name));
            if (!value) {
                parsed.problems << ConfigProblem {where, 0, value.error().message};
                continue;
            }
            parsed.entries << ConfigEntry {name, *value, where, 0};
        }
        return parsed;
    }

    // A value as text for the schema to check, or why its registry type does not fit `spec` (nullptr: a key the
    // schema does not know, which SystemConfig reports). In English, like the admin command line's own messages.
    static Result<QString> text(const SettingSpec* spec, const QVariant& value)
    {
        const int type = value.typeId();
        const bool number = type == QMetaType::Int || type == QMetaType::UInt || type == QMetaType::LongLong
            || type == QMetaType::ULongLong;
        const bool wholeNumber = spec && spec->type == SettingType::Integer;
        if (!spec || type == QMetaType::QString || (number && wholeNumber))
            return value.toString();
        const QString held = number ? QCoreApplication::translate("RegistryLayer", "a number (REG_DWORD or REG_QWORD)")
            : type == QMetaType::QStringList ? QCoreApplication::translate("RegistryLayer", "a list (REG_MULTI_SZ)")
                                             : QCoreApplication::translate("RegistryLayer", "binary data (REG_BINARY)");
        return Error::invalid(
            QCoreApplication::translate("RegistryLayer", "'%1' holds %2; it needs %3. The value below it is used.")
                .arg(spec->name(), held,
                     wholeNumber ? QCoreApplication::translate("RegistryLayer", "text (REG_SZ) or a number (REG_DWORD)")
                                 : QCoreApplication::translate("RegistryLayer", "text (REG_SZ)")),
            spec->name());
    }

#ifdef Q_OS_WIN
    // The key under HKEY_LOCAL_MACHINE in the registry's 64-bit view, where the (64-bit) installer and Group Policy
    // write.
    static std::unique_ptr<QSettings> openMachineKey(const char* key)
    {
        return std::make_unique<QSettings>(QStringLiteral("HKEY_LOCAL_MACHINE\\") + QLatin1String(key),
                                           QSettings::Registry64Format);
    }
#endif
};

} // namespace lt
