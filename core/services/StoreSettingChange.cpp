#include "core/services/StoreSettingChange.h"

#include "core/domain/Actor.h"
#include "core/store/AuditLog.h"
#include "core/store/StoreSettings.h"
#include "core/store/Transaction.h"

namespace lt {

Result<void> StoreSettingChange::set(const QString& key, const QString& value, const Actor& actor)
{
    Transaction transaction(m_db);
    LT_TRY(transaction.begin());
    StoreSettings settings(m_db);
    LT_TRY(settings.set(key, value));
    LT_TRY(AuditLog(m_db, m_clock)
               .record(actor.name(), QStringLiteral("settings.set"), key,
                       {{QStringLiteral("value"), settings.value(key)}}));
    return transaction.commit();
}

} // namespace lt
