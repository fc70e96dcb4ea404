#pragma once

#include "core/common/Result.h"
#include "core/domain/Promotion.h"
#include "core/domain/PromotionRules.h"

#include <QDateTime>
#include <QList>
#include <QVariant>

#include <initializer_list>

namespace lt {

class Database;

// Owns the promotions and promotion_uses tables: the store's promotions, Square's or its own, each kept as Square's
// LoyaltyPromotion document beside the columns that decide (status, creation, cancellation: the columns win over
// the document), and which sales earned which promotion for which member. Writes run inside the caller's
// transaction when they are part of a larger change.
class PromotionStore
{
public:
    // What a pull of Square's promotions changed.
    struct Replaced
    {
        int added = 0; // Square lists it, the store did not know it
        int changed = 0; // known, and Square's document or status differs
        int ended = 0; // was live here, and Square no longer lists it
        bool any() const { return added + changed + ended > 0; }
    };

    explicit PromotionStore(Database& db)
        : m_db(db)
    {
    }

    // Stores the store's own promotion (checked again as Square would read it); refused when Promotion::MaxLive
    // promotions are live already. Returns its id.
    Result<qint64> add(const Promotion& promotion);
    // Stops a live promotion: CANCELED at `at`. NotFound for an unknown id, Conflict when it has ended already.
    Result<Promotion> cancel(qint64 id, const QDateTime& at);
    // Square's list of the program's promotions, which owns them once the store is connected: each is kept by its
    // Square id (added or brought up to date); a live promotion Square no longer lists, the store's own included,
    // becomes ENDED.
    Result<Replaced> replaceFromSquare(const QList<Promotion>& promotions);

    // The live ones (ACTIVE or SCHEDULED, not canceled), newest first: those a sale may earn.
    Result<QList<Promotion>> active() const;
    // Changes whenever a promotion is added, changed, canceled or ended (Square never edits one in place).
    Result<QString> signature() const;
    // Every promotion, newest first.
    Result<QList<Promotion>> all() const;
    Result<Promotion> byId(qint64 id) const;

    // How many sales earned the promotion for the member since `since` (every sale for an invalid QDateTime).
    Result<int> usesSince(qint64 memberId, qint64 promotionId, const QDateTime& since) const;
    // The sale earned the promotion's points for the member at `at`. Inside the caller's transaction.
    Result<void> recordUse(qint64 saleId, qint64 promotionId, qint64 memberId, qint64 points, const QDateTime& at);
    // What promotions gave the sale (none, or one: Square applies one promotion per purchase).
    Result<QList<PromotionAward>> pointsBySale(qint64 saleId) const;

private:
    Result<QList<Promotion>> read(const QString& where, std::initializer_list<QVariant> values) const;
    Result<int> liveCount() const;

    Database& m_db;
};

} // namespace lt
