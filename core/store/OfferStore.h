#pragma once

#include "core/common/Result.h"
#include "core/domain/TargetedOffer.h"

#include <QDate>
#include <QDateTime>
#include <QList>

#include <optional>

namespace lt {

class Database;

// Owns the tables offers and offer_members: the targeted offers, and for each the members of its segment fixed when
// it was made, whether each is held out, and the one use each offered member may make of it. Reads what the offers'
// report compares (the members' sales from report_member_days). Writes run inside the caller's transaction.
class OfferStore
{
public:
    explicit OfferStore(Database& db)
        : m_db(db)
    {
    }

    // One member of an offer's segment.
    struct Member
    {
        qint64 memberId = 0;
        bool heldOut = false;
    };
    // Stores the offer and its members, all at once; returns its id.
    Result<qint64> add(const TargetedOffer& offer, const QList<Member>& members);
    // Ends an open offer at `at`; false when it had ended already (nothing is written).
    Result<bool> end(qint64 offerId, const QDateTime& at, const QString& manager);
    Result<std::optional<TargetedOffer>> byId(qint64 offerId) const;
    // Every offer, newest first.
    Result<QList<TargetedOffer>> all() const;

    // Where a member stands in an offer.
    struct Standing
    {
        bool member = false; // of the offer's fixed segment
        bool heldOut = false;
        bool used = false;
        qint64 points = 0; // what the use gave
        qint64 ledgerId = 0;
        qint64 saleId = 0;
    };
    Result<Standing> standing(qint64 offerId, qint64 memberId) const;
    // The newest offer open on `day` that the member is offered, has not used, and that is of `kind` (any kind when
    // not given). An offer ended counts as open when it was ended after `endedAfter` (a receipt brought in later
    // uses the offer open at the sale's time); without it, only offers not ended.
    Result<std::optional<TargetedOffer>> openFor(qint64 memberId, QDate day,
                                                 std::optional<TargetedOffer::Kind> kind = std::nullopt,
                                                 const QDateTime& endedAfter = QDateTime()) const;
    // Records the member's use: false when it was used already (nothing is written).
    struct Use
    {
        QString key;
        qint64 points = 0;
        qint64 ledgerId = 0; // 0: the points are part of a sale's accrual
        qint64 saleId = 0;
        QDateTime at;
    };
    Result<bool> recordUse(qint64 offerId, qint64 memberId, const Use& use);
    // The multiplier offer a member's sale used, with the points it gave (a reprinted slip reads it back).
    struct SaleUse
    {
        QString name;
        int multiplierMilli = 1000;
        qint64 points = 0;
    };
    Result<std::optional<SaleUse>> multiplierUsedBy(qint64 memberId, qint64 saleId) const;
    // A sale voided or refunded in full no longer uses the offer it used: the member may use it again. Returns how
    // many uses were released.
    Result<int> releaseUseOf(qint64 saleId);

    // One member's figures over the days the results count.
    struct Outcome
    {
        qint64 memberId = 0;
        bool heldOut = false;
        qint64 sales = 0;
        qint64 netMinor = 0; // amount less refunds
        bool used = false; // the member used the offer, whatever it gave (a multiplier may give nothing extra)
        qint64 offerPoints = 0; // what the offer gave and the member keeps (a partial refund takes its share back)
    };
    // Every member of the offer with their sales made from `from` to `to` (the store's local days).
    Result<QList<Outcome>> outcomes(qint64 offerId, QDate from, QDate to) const;

private:
    Result<QList<TargetedOffer>> read(const QString& where, std::initializer_list<QVariant> values) const;

    Database& m_db;
};

} // namespace lt
