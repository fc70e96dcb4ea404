#pragma once

#include "core/common/Result.h"
#include "core/settings/ConfigFile.h"

#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace lt {

// This till's own settings (SettingScope::Till): the user's value in their settings file, between the system's
// preset and IT's lock. A value that no longer fits the schema (edited by hand) is passed over like a missing one.
class TillSettings
{
public:
    TillSettings(); // the user's settings file
    explicit TillSettings(const QString& file); // an INI file of its own (tests, portable installs)
    ~TillSettings();
    TillSettings(const TillSettings&) = delete;
    TillSettings& operator=(const TillSettings&) = delete;

    QString value(const QString& key) const;
    std::optional<QString> own(const QString& key) const; // the user's value, when valid
    std::optional<ConfigEntry> lock(const QString& key) const;
    // Refused when IT locked the key; nothing is written on any error.
    Result<void> set(const QString& key, const QString& value);
    QString fileName() const;
    // till.name, or the machine's name when it is empty: what sales and reports record as the till.
    QString tillName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace lt
