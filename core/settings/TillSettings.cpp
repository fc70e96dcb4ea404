#include "core/settings/TillSettings.h"

#include "core/settings/SettingsSchema.h"
#include "core/settings/SystemConfig.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QSysInfo>

namespace lt {

namespace {
// Settings files group keys by their first part: till.language is [till] language.
QString fileKey(const QString& key)
{
    return QString(key).replace(QLatin1Char('.'), QLatin1Char('/'));
}

const SettingSpec* tillSpec(const QString& key)
{
    const SettingSpec* spec = SettingsSchema::find(key);
    return spec && spec->scope == SettingScope::Till ? spec : nullptr;
}
} // namespace

namespace {
std::unique_ptr<QSettings> userSettings()
{
#ifdef Q_OS_WIN
    // Without an organisation name Qt has no registry key for the user's settings: a file of the user's own.
    return std::make_unique<QSettings>(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                                           + QStringLiteral("/loyaltytill.ini"),
                                       QSettings::IniFormat);
#else
    return std::make_unique<QSettings>();
#endif
}
} // namespace

TillSettings::TillSettings()
    : m_settings(userSettings())
{
    // Only the user's own file: what IT presets comes from SystemConfig's folder, not from /etc/xdg.
    m_settings->setFallbacksEnabled(false);
}

TillSettings::TillSettings(const QString& file)
    : m_settings(std::make_unique<QSettings>(file, QSettings::IniFormat))
{
}

TillSettings::~TillSettings() = default;

std::optional<QString> TillSettings::own(const QString& key) const
{
    const SettingSpec* spec = tillSpec(key);
    const QVariant stored = m_settings->value(fileKey(key));
    if (!spec || !stored.isValid())
        return std::nullopt;
    auto valid = SettingsSchema::check(*spec, stored.toString());
    return valid ? std::optional<QString>(*valid) : std::nullopt;
}

std::optional<ConfigEntry> TillSettings::lock(const QString& key) const
{
    return SystemConfig::global()->lock(key);
}

QString TillSettings::value(const QString& key) const
{
    return tillSpec(key) ? SystemConfig::global()->resolve(key, own(key)) : QString();
}

Result<void> TillSettings::set(const QString& key, const QString& value)
{
    const SettingSpec* spec = tillSpec(key);
    if (!spec)
        return Error::invalid(
            QCoreApplication::translate("TillSettings", "There is no till setting called '%1'.").arg(key),
            QStringLiteral("key"));
    LT_TRY_ASSIGN(const QString valid, SettingsSchema::check(*spec, value));
    if (const std::optional<ConfigEntry> locked = lock(key))
        return Error::refused(QCoreApplication::translate("TillSettings", "'%1' is locked by IT at %2; it stays %3.")
                                  .arg(key, locked->place(), locked->value));
    m_settings->setValue(fileKey(key), valid);
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return Error::storage(
            QCoreApplication::translate("TillSettings", "The settings file %1 cannot be written.").arg(fileName()));
    return {};
}

QString TillSettings::tillName() const
{
    const QString name = value(QStringLiteral("till.name"));
    return name.isEmpty() ? QSysInfo::machineHostName() : name;
}

QString TillSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace lt
