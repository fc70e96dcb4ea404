#pragma once

#include <QString>

namespace lt {

class Database;

// The store settings the wallet passes are made with (SettingsSchema: store.name and wallet.*).
struct WalletSettings
{
    QString storeName; // store.name
    QString googleIssuerId; // wallet.google.issuer_id; empty: no Google Wallet passes
    QString googleClassId; // wallet.google.class_id: the class's suffix
    QString applePassTypeId; // wallet.apple.pass_type_id; empty: no Apple Wallet passes
    QString appleTeamId; // wallet.apple.team_id; empty: the certificate's team

    static WalletSettings read(Database& db);
};

} // namespace lt
