#pragma once

#include "core/common/Result.h"
#include "core/domain/Grant.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace lt {

class Database;

// Owns the table grants: every bonus, offer and expiry the program made by itself, one row per natural key.
// Writes run inside the caller's transaction.
class GrantStore
{
public:
    explicit GrantStore(Database& db)
        : m_db(db)
    {
    }

    // False when a grant with this key exists already (nothing is written).
    Result<bool> insert(const Grant& grant, const QString& source = QStringLiteral("till"));
    Result<std::optional<Grant>> byKey(const QString& key) const;
    // The grants of this kind and these periods, for a pass that decides many members at once: by key (this till's
    // and those learned from other tills) and by member, since a member whose phone changed has a new key for a
    // year already given.
    struct Held
    {
        QSet<QString> keys;
        QSet<std::pair<qint64, QString>> memberPeriods;
        bool contains(const QString& key, qint64 memberId, const QString& period) const
        {
            return keys.contains(key) || memberPeriods.contains({memberId, period});
        }
    };
    Result<Held> held(GrantKind kind, const QStringList& periods) const;
    // The keys of this kind held by the members firstId to lastId: a page of members at a time.
    Result<QSet<QString>> keysOfMembers(GrantKind kind, qint64 firstId, qint64 lastId) const;
    // The member's open offer at `at`: offered, not expired, made after the member's last visit.
    Result<std::optional<Grant>> openOffer(qint64 memberId, const QDateTime& at) const;
    Result<void> markUsed(qint64 grantId, qint64 saleId, qint64 points);
    // The granted referral bonuses a sale brought, which its refund takes back.
    Result<QList<Grant>> referralsOfSale(qint64 saleId) const;
    // Every grant a sale brought or used, whatever became of it since (a reprinted slip reads them back).
    Result<QList<Grant>> ofSale(qint64 saleId) const;
    Result<void> markReversed(qint64 grantId);
    // Referral bonuses a referrer received since `since`.
    Result<int> referrerBonusesSince(qint64 memberId, const QDateTime& since) const;
    // Whether the member (as the one referred) already received a referral bonus.
    Result<bool> hasReferral(qint64 memberId) const;
    Result<QList<Grant>> ofMember(qint64 memberId) const;

private:
    Result<QList<Grant>> fetch(const QString& sql, std::initializer_list<QVariant> values) const;

    Database& m_db;
};

} // namespace lt
