#pragma once

#include "core/common/Result.h"
#include "core/settings/SettingsSchema.h"

#include <QList>
#include <QString>

namespace lt {

class Database;
class TillSettings;

// Every setting's value as the program uses it, and the layer it came from: what `loyaltytill-admin config
// --show-origin` prints, so that IT sees why a till behaves as it does.
struct EffectiveSetting
{
    enum class Origin { Default, System, Store, User, Policy };
    const SettingSpec* spec = nullptr;
    QString value;
    Origin origin = Origin::Default;
    QString source; // the file and line, the store's database or the user's settings file; empty for a default

    static QString originName(Origin origin); // "default", "system", "store", "user", "locked"
};

class SettingsOverview
{
public:
    // db: the store, for the store's own values; nullptr when there is none yet (they are then not set).
    static Result<QList<EffectiveSetting>> read(Database* db, const TillSettings& till);
};

} // namespace lt
