#pragma once

#include "core/common/Result.h"
#include "core/settings/SettingsSchema.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lt {

class Database;

// Owns the settings table. Store-wide settings kept in the database, so every till on the store's file agrees; their
// types and defaults are the store's keys of SettingsSchema. A value is read through the layers IT controls: a lock
// in the system's policy.d beats the database, whose value beats the system's preset, which beats the built-in
// default. IT sets them with `loyaltytill-admin settings KEY VALUE`. The same table also keeps what the program
// records for itself (sync's connection to Square and how far it has read): those keys are not IT's settings, have
// no defaults and are read and written with the state methods below.
class StoreSettings
{
public:
    static QList<const SettingSpec*> keys(); // the schema's store settings
    static const SettingSpec* find(const QString& name); // a store setting, or nullptr

    static inline const QString StoreName = QStringLiteral("store.name");
    static inline const QString DefaultRegion = QStringLiteral("phone.default_region");
    static inline const QString RefundRedeemedReward = QStringLiteral("refund.redeemed_reward");
    static inline const QString ConsentText = QStringLiteral("consent.text");
    static inline const QString ConsentVersion = QStringLiteral("consent.version");
    static inline const QString RedemptionApprovalMinor = QStringLiteral("redemption.approval_above_minor");
    static inline const QString IdleLockSeconds = QStringLiteral("till.idle_lock_seconds");
    static inline const QString SyncIntervalSeconds = QStringLiteral("sync.interval_seconds");
    static inline const QString SyncIdempotencyWindowHours = QStringLiteral("sync.idempotency_window_hours");
    static inline const QString CatalogCategories = QStringLiteral("catalog.categories");
    static inline const QString SalesBackdateDays = QStringLiteral("sales.backdate_days");
    // The most days back a sale may be recorded (`accrue --completed-at`).
    static constexpr int MaxBackdateDays = 365;

    explicit StoreSettings(Database& db)
        : m_db(db)
    {
    }

    QString value(const QString& key) const;
    // The store's own value, when the database has one.
    Result<std::optional<QString>> stored(const QString& key) const;
    // Refused when IT locked the key (the message names the policy file).
    Result<void> set(const QString& key, const QString& value);
    static Result<QString> validate(const QString& key, const QString& value);

    // What the program records for itself under `key`; nullopt when nothing is.
    Result<std::optional<QString>> state(const QString& key) const;
    Result<void> setState(const QString& key, const QString& value);
    Result<void> clearState(const QStringList& keys);

private:
    Database& m_db;
};

} // namespace lt
