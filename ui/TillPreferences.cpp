#include "ui/TillPreferences.h"

namespace lt::ui {

QString TillPreferences::language() const
{
    return m_settings.value(QStringLiteral("till.language"));
}

Result<void> TillPreferences::setLanguage(const QString& language)
{
    return m_settings.set(QStringLiteral("till.language"), language);
}

QString TillPreferences::palette() const
{
    return m_settings.value(QStringLiteral("till.palette"));
}

Result<void> TillPreferences::setPalette(const QString& palette)
{
    return m_settings.set(QStringLiteral("till.palette"), palette);
}

QString TillPreferences::serialScannerPort() const
{
    return m_settings.value(QStringLiteral("scanner.serial_port"));
}

qint32 TillPreferences::serialScannerBaudRate() const
{
    return m_settings.value(QStringLiteral("scanner.baud_rate")).toInt();
}

QString TillPreferences::tillName() const
{
    return m_settings.tillName();
}

QString TillPreferences::slipPrinter() const
{
    return m_settings.value(QStringLiteral("slip.printer"));
}

int TillPreferences::slipPaperWidth() const
{
    return m_settings.value(QStringLiteral("slip.paper_width")).toInt();
}

QString TillPreferences::slipCodePage() const
{
    return m_settings.value(QStringLiteral("slip.code_page"));
}

QString TillPreferences::cardPrinter() const
{
    return m_settings.value(QStringLiteral("cards.printer"));
}

Result<void> TillPreferences::set(const QString& key, const QString& value)
{
    return m_settings.set(key, value);
}

QString TillPreferences::value(const QString& key) const
{
    return m_settings.value(key);
}

std::optional<QString> TillPreferences::lockedAt(const QString& key) const
{
    const std::optional<ConfigEntry> locked = m_settings.lock(key);
    return locked ? std::optional<QString>(locked->place()) : std::nullopt;
}

} // namespace lt::ui
