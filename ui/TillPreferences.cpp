#include "ui/TillPreferences.h"

#include <QSysInfo>

namespace lt::ui {

namespace {
const QString LanguageKey = QStringLiteral("till/language");
const QString PaletteKey = QStringLiteral("till/palette");
const QString SerialPortKey = QStringLiteral("scanner/serial_port");
const QString BaudRateKey = QStringLiteral("scanner/baud_rate");
const QString TillNameKey = QStringLiteral("till/name");
const QString VersionKey = QStringLiteral("settings_version");
} // namespace

TillPreferences::TillPreferences()
{
    if (m_settings.value(VersionKey, 0).toInt() < Version)
        m_settings.setValue(VersionKey, Version);
}

QString TillPreferences::language() const
{
    const QString value = m_settings.value(LanguageKey, QStringLiteral("system")).toString();
    return value == QLatin1String("en") || value == QLatin1String("es") ? value : QStringLiteral("system");
}

void TillPreferences::setLanguage(const QString& language)
{
    m_settings.setValue(LanguageKey, language);
}

QString TillPreferences::palette() const
{
    return m_settings.value(PaletteKey).toString() == QLatin1String("dark") ? QStringLiteral("dark")
                                                                            : QStringLiteral("light");
}

void TillPreferences::setPalette(const QString& palette)
{
    m_settings.setValue(PaletteKey, palette);
}

QString TillPreferences::serialScannerPort() const
{
    return m_settings.value(SerialPortKey).toString();
}

qint32 TillPreferences::serialScannerBaudRate() const
{
    return m_settings.value(BaudRateKey, 9600).toInt();
}

QString TillPreferences::tillName() const
{
    return m_settings.value(TillNameKey, QSysInfo::machineHostName()).toString();
}

} // namespace lt::ui
