#include "core/services/SettingsOverview.h"

#include "core/settings/SystemConfig.h"
#include "core/settings/TillSettings.h"
#include "core/store/Database.h"
#include "core/store/StoreSettings.h"

namespace lt {

QString EffectiveSetting::originName(Origin origin)
{
    switch (origin) {
    case Origin::System:
        return QStringLiteral("system");
    case Origin::Store:
        return QStringLiteral("store");
    case Origin::User:
        return QStringLiteral("user");
    case Origin::Policy:
        return QStringLiteral("locked");
    case Origin::Default:
        break;
    }
    return QStringLiteral("default");
}

Result<QList<EffectiveSetting>> SettingsOverview::read(Database* db, const TillSettings& till)
{
    const std::shared_ptr<const SystemConfig> system = SystemConfig::global();
    QList<EffectiveSetting> list;
    for (const SettingSpec& spec : SettingsSchema::all()) {
        EffectiveSetting setting {&spec, QString::fromUtf8(spec.defaultValue), EffectiveSetting::Origin::Default, {}};
        const QString key = spec.name();
        std::optional<QString> own;
        QString ownSource;
        if (spec.scope == SettingScope::Store && db) {
            LT_TRY_ASSIGN(own, StoreSettings(*db).stored(key));
            ownSource = db->path();
        } else if (spec.scope == SettingScope::Till) {
            own = till.own(key);
            ownSource = till.fileName();
        }
        if (const std::optional<ConfigEntry> locked = system->lock(key)) {
            setting.value = locked->value;
            setting.origin = EffectiveSetting::Origin::Policy;
            setting.source = locked->place();
        } else if (own) {
            setting.value = *own;
            setting.origin =
                spec.scope == SettingScope::Store ? EffectiveSetting::Origin::Store : EffectiveSetting::Origin::User;
            setting.source = ownSource;
        } else if (const std::optional<ConfigEntry> preset = system->preset(key)) {
            setting.value = preset->value;
            setting.origin = EffectiveSetting::Origin::System;
            setting.source = preset->place();
        }
        list << setting;
    }
    return list;
}

} // namespace lt
