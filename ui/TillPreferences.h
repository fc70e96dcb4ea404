#pragma once

#include "core/settings/TillSettings.h"

#include <QString>

#include <optional>

namespace lt::ui {

// This till's own preferences (not the store's), typed: language, palette, scanner, printers and the till's name, over
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
    // The receipt printer for loyalty slips and the card printer, as printer URIs (empty: none / the system's
    // default printer), the slip's paper width in millimetres and the printer's code page.
    QString slipPrinter() const;
    int slipPaperWidth() const;
    QString slipCodePage() const;
    QString cardPrinter() const;
    // Any till preference by its key (a manager's change at the till); validated by the schema, refused when locked.
    Result<void> set(const QString& key, const QString& value);
    QString value(const QString& key) const;
    QString fileName() const { return m_settings.fileName(); }
    // Where IT locked a preference ("/etc/loyaltytill/policy.d/till.conf:3"), for the till to say why it is fixed.
    std::optional<QString> lockedAt(const QString& key) const;

private:
    TillSettings m_settings;
};

} // namespace lt::ui
