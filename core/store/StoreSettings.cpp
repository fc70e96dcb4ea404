#include "core/store/StoreSettings.h"

#include "core/settings/SystemConfig.h"
#include "core/store/Database.h"

#include <QCoreApplication>

namespace lt {

QList<const SettingSpec*> StoreSettings::keys()
{
    QList<const SettingSpec*> list;
    for (const SettingSpec& spec : SettingsSchema::all()) {
        if (spec.scope == SettingScope::Store)
            list << &spec;
    }
    return list;
}

const SettingSpec* StoreSettings::find(const QString& name)
{
    const SettingSpec* spec = SettingsSchema::find(name);
    return spec && spec->scope == SettingScope::Store ? spec : nullptr;
}

QString StoreSettings::value(const QString& key) const
{
    auto own = stored(key); // unreadable: as if the store had no value of its own
    return SystemConfig::global()->resolve(key, own ? *own : std::nullopt);
}

Result<std::optional<QString>> StoreSettings::stored(const QString& key) const
{
    return state(key);
}

Result<QString> StoreSettings::validate(const QString& key, const QString& value)
{
    const SettingSpec* spec = find(key);
    if (!spec)
        return Error::invalid(QCoreApplication::translate("StoreSettings", "There is no setting called '%1'.").arg(key),
                              QStringLiteral("key"));
    return SettingsSchema::check(*spec, value);
}

Result<std::optional<QString>> StoreSettings::state(const QString& key) const
{
    LT_TRY_ASSIGN(const QVariant stored,
                  m_db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key}));
    if (!stored.isValid())
        return std::optional<QString>();
    return std::optional<QString>(stored.toString());
}

Result<void> StoreSettings::setState(const QString& key, const QString& value)
{
    return m_db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                     {key, value});
}

Result<void> StoreSettings::clearState(const QStringList& keys)
{
    for (const QString& key : keys)
        LT_TRY(m_db.exec(QStringLiteral("DELETE FROM settings WHERE key = ?"), {key}));
    return {};
}

Result<void> StoreSettings::set(const QString& key, const QString& value)
{
    LT_TRY_ASSIGN(const QString valid, validate(key, value));
    if (const std::optional<ConfigEntry> locked = SystemConfig::global()->lock(key))
        return Error::refused(QCoreApplication::translate("StoreSettings", "'%1' is locked by IT at %2; it stays %3.")
                                  .arg(key, locked->place(), locked->value));
    return m_db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                     {key, valid});
}

} // namespace lt
