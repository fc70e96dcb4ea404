#pragma once

#include "core/settings/TillSettings.h"

#include <QString>

#include <optional>

namespace lt::ui {

// This till's own preferences (not the store's), typed: language, palette, scanner and the till's name, over
// TillSettings, so that IT's presets and locks apply (see SettingsSchema).
class TillPreferences
{
public:
    QString language() const; // "system", "en" or "es"
    Result<void> setLanguage(const QString& language);
    QString palette() const; // "light" or "dark"
    Result<void> setPalette(const QString& palette);
    QString serialScannerPort() const; // empty: the scanner is a keyboard
    qint32 serialScannerBaudRate() const;
    QString tillName() const;
    // Where IT locked a preference ("/etc/loyaltytill/policy.d/till.conf:3"), for the till to say why it is fixed.
    std::optional<QString> lockedAt(const QString& key) const;

private:
    TillSettings m_settings;
};

} // namespace lt::ui
