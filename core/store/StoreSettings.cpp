#include "core/store/StoreSettings.h"

#include "core/domain/PersonalDataValidator.h"
#include "core/domain/PhoneNumberNormalizer.h"
#include "core/store/Database.h"

#include <QCoreApplication>

namespace lt {

const QList<StoreSettings::Key>& StoreSettings::keys()
{
    static const QList<Key> list = {
        {"store.name", "LoyaltyTill store", "The store's name on the till and in reports"},
        {"phone.default_region", "US", "ISO region for phone numbers typed without a country code"},
        {"refund.redeemed_reward", "keep",
         "keep: a reward redeemed on a sale stays used when the sale is refunded; restore: a full refund gives its "
         "points back"},
        {"consent.text",
         "I agree to receive offers from this store by text message and e-mail. I can withdraw at any time.",
         "The marketing consent text shown word for word at enrollment"},
        {"consent.version", "1", "Changes whenever consent.text changes; stored with every consent"},
        {"redemption.approval_above_minor", "5000", "Redemptions worth more than this (minor units) need a manager"},
        {"till.idle_lock_seconds", "300", "The till locks after this many idle seconds"},
        {"sync.interval_seconds", "300", "A running till syncs with Square this often (it also syncs after sales)"},
        {"sync.idempotency_window_hours", "24",
         "How long Square is trusted to remember an operation's idempotency key; older unanswered operations are "
         "looked for in Square's events before they are sent again"},
        {"catalog.categories", "",
         "The register's category ids a local promotion may name (comma-separated), besides those the accrual rules "
         "name"},
        {"sales.backdate_days", "30",
         "How many days back a receipt brought in later may be recorded (accrue --completed-at); 0: not at all, "
         "at most 365"},
    };
    return list;
}

const StoreSettings::Key* StoreSettings::find(const QString& name)
{
    for (const Key& key : keys()) {
        if (name == QLatin1String(key.name))
            return &key;
    }
    return nullptr;
}

QString StoreSettings::value(const QString& key) const
{
    auto stored = m_db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (stored && stored->isValid())
        return stored->toString();
    const Key* known = find(key);
    return known ? QString::fromUtf8(known->defaultValue) : QString();
}

Result<QString> StoreSettings::validate(const QString& key, const QString& value)
{
    if (!find(key))
        return Error::invalid(QCoreApplication::translate("StoreSettings", "There is no setting called '%1'.").arg(key),
                              QStringLiteral("key"));
    const QString v = value.trimmed();
    if (key == CatalogCategories) {
        QStringList ids;
        for (const QString& id : v.split(QLatin1Char(','))) {
            const QString trimmed = id.trimmed();
            if (trimmed.isEmpty() || trimmed.size() > 192 || trimmed.contains(QLatin1Char(' ')))
                return Error::invalid(QCoreApplication::translate("StoreSettings",
                                                                  "List category ids separated by commas, such as "
                                                                  "COFFEE,PASTRY."),
                                      key);
            ids << trimmed;
        }
        return ids.join(QLatin1Char(','));
    }
    if (key == DefaultRegion) {
        if (!PhoneNumberNormalizer::isKnownRegion(v))
            return Error::invalid(
                QCoreApplication::translate("StoreSettings", "'%1' is not a region code such as US, GB or MX.").arg(v),
                key);
        return v.toUpper();
    }
    if (key == RefundRedeemedReward) {
        if (v != QLatin1String("keep") && v != QLatin1String("restore"))
            return Error::invalid(QCoreApplication::translate("StoreSettings", "Choose keep or restore."), key);
        return v;
    }
    if (key == SyncIntervalSeconds || key == SyncIdempotencyWindowHours) {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok || n < 1 || n > 100'000)
            return Error::invalid(
                QCoreApplication::translate("StoreSettings", "'%1' needs a whole number of 1 or more.").arg(key), key);
        return QString::number(n);
    }
    if (key == SalesBackdateDays) {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok || n < 0 || n > MaxBackdateDays)
            return Error::invalid(
                QCoreApplication::translate("StoreSettings", "'%1' needs a whole number from 0 to %2.")
                    .arg(key)
                    .arg(MaxBackdateDays),
                key);
        return QString::number(n);
    }
    if (key == RedemptionApprovalMinor || key == IdleLockSeconds) {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok || n < 0 || n > 100'000'000)
            return Error::invalid(
                QCoreApplication::translate("StoreSettings", "'%1' needs a whole number of 0 or more.").arg(key), key);
        return QString::number(n);
    }
    if (v.isEmpty() || v.size() > 2000)
        return Error::invalid(
            QCoreApplication::translate("StoreSettings", "'%1' cannot be empty or longer than 2000 characters.")
                .arg(key),
            key);
    // Shown on the till and in reports: no control or bidirectional formatting characters. Stored as typed.
    LT_TRY(PersonalDataValidator::freeText(v, key, 2000));
    return v;
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
    return m_db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                     {key, valid});
}

} // namespace lt
