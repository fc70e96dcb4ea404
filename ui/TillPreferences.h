#pragma once

#include <QSettings>
#include <QString>

namespace lt::ui {

// This till's own preferences (not the store's): language, palette, scanner and the till's name. Typed keys with
// defaults over QSettings, so IT can preset them in the system-wide configuration file.
class TillPreferences
{
public:
    static constexpr int Version = 1;

    TillPreferences();

    QString language() const; // "system", "en" or "es"
    void setLanguage(const QString& language);
    QString palette() const; // "light" or "dark"
    void setPalette(const QString& palette);
    QString serialScannerPort() const; // empty: the scanner is a keyboard
    qint32 serialScannerBaudRate() const;
    QString tillName() const;

private:
    QSettings m_settings;
};

} // namespace lt::ui
