#include "core/wallet/WalletSettings.h"

#include "core/store/StoreSettings.h"

namespace lt {

WalletSettings WalletSettings::read(Database& db)
{
    const StoreSettings settings(db);
    WalletSettings wallet;
    wallet.storeName = settings.value(StoreSettings::StoreName).trimmed();
    wallet.googleIssuerId = settings.value(QStringLiteral("wallet.google.issuer_id")).trimmed();
    wallet.googleClassId = settings.value(QStringLiteral("wallet.google.class_id")).trimmed();
    wallet.applePassTypeId = settings.value(QStringLiteral("wallet.apple.pass_type_id")).trimmed();
    wallet.appleTeamId = settings.value(QStringLiteral("wallet.apple.team_id")).trimmed();
    return wallet;
}

} // namespace lt
