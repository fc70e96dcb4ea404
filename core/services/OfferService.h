#pragma once

#include "core/analytics/OfferStatistics.h"
#include "core/common/Result.h"
#include "core/domain/Member.h"
#include "core/domain/TargetedOffer.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace lt {

class Actor;
struct EngineContext;
struct LoyaltyProgram;

// What a manager asks for; OfferService::define checks every field.
struct OfferDraft
{
    QString name;
    QString segment; // an RfmSegments id, "lapsed" or "nearly_there"
    TargetedOffer::Kind kind = TargetedOffer::Kind::Bonus;
    qint64 points = 0; // Bonus: 1 to TargetedOffer::MaxBonusPoints
    int multiplierMilli = 0; // Multiplier: 1001-10000
    QString rewardId; // Reward: a reward tier of the program
    QDate from;
    QDate to;
    int holdoutPercent = 0; // 0-50
    QString manager;
};

// What applying an offer did.
struct OfferApplication
{
    qint64 offerId = 0;
    qint64 points = 0;
    qint64 ledgerId = 0;
    QString key; // the idempotency key Square receives
    bool repeated = false; // used before: nothing new was written
    Member member; // after
};

// One group of an offer's members over the days its results count.
struct OfferGroupFigures
{
    qint64 members = 0;
    qint64 returned = 0; // members with at least one sale
    double returnRate = 0; // returned ÷ members (0 without members)
    std::optional<Interval> returnRateInterval; // Wilson, 95 %
    qint64 netSalesMinor = 0;
    double netSalesPerMemberMinor = 0;
    double netSalesVarianceMinor = 0; // sample variance of the members' net sales (members without a sale: 0)
    qint64 offerPoints = 0; // what the offer gave the group
    double pointsCostPerMemberMinor = 0; // offerPoints × cost of a point ÷ members
    qint64 usedBy = 0; // members who used the offer
};

// The offered members against the held-out ones (see OfferStatistics for the intervals).
struct OfferResults
{
    TargetedOffer offer;
    QDate countedFrom; // the offer's first day
    QDate countedTo; // its last day, the day it was ended, or today, whichever is first (before countedFrom: nothing
                     // counted yet)
    double costPerPointMinor = 0; // discounts given ÷ points spent over the store's history, as the liability uses
    OfferGroupFigures offered; // every member not held out, whether or not they used it
    OfferGroupFigures heldOut;
    double returnRateDifference = 0; // offered − held out
    std::optional<Interval> returnRateDifferenceInterval; // Newcombe's hybrid score, 95 %
    double netSalesPerMemberDifferenceMinor = 0;
    std::optional<Interval> netSalesPerMemberDifferenceInterval; // Welch, 95 %
    double welchDegreesOfFreedom = 0;
};

// Targeted offers: defined by a manager for a segment with a hold-out share, shown and applied at the till once per
// member, and measured against the held-out members. Every method reads or writes through the context's Database
// connection: a panel on another thread gives it an EngineContext on a connection of its own.
class OfferService
{
public:
    explicit OfferService(EngineContext& context)
        : m_context(context)
    {
    }

    // Checks the draft (an error names its field: name, segment, bonus, multiplier, reward, from, to, holdout,
    // manager), fixes the segment's members as of `today` with their hold-out, and stores it all in one transaction
    // (audited). Nothing is written when it is refused.
    Result<TargetedOffer> define(const OfferDraft& draft, QDate today, const Actor& actor);
    // Ends an offer early: nothing is shown or applied after it. Conflict when it had ended already.
    Result<TargetedOffer> end(qint64 offerId, const QString& manager, const Actor& actor);
    // Every offer, newest first.
    Result<QList<TargetedOffer>> list() const;
    Result<TargetedOffer> byId(qint64 offerId) const;

    // The offer the till shows the member on `today`: the newest open one the member is offered and has not used.
    // None for a member held out, for offers expired or ended, and for an offer already used.
    Result<std::optional<TargetedOffer>> offerFor(qint64 memberId, QDate today) const;
    // What the panel says of an offer, in the user's language ("50 bonus points", "2x points on the next sale",
    // "Reward unlocked: Free coffee").
    static QString describe(const TargetedOffer& offer, const LoyaltyProgram& program);

    // Gives a bonus or reward offer's points to the member, once: the ledger entry and Square's operation under the
    // member's application key, and the use recorded, in one transaction (audited). A second call returns the first
    // use, marked repeated. Refused for a member held out, an offer not open on `today` and a multiplier offer (the
    // member's next sale uses it); NotFound for a member outside the offer.
    Result<OfferApplication> apply(qint64 memberId, qint64 offerId, QDate today, const Actor& actor);

    // The offered and held-out members' return, sales and points cost from the offer's first day up to `today`.
    Result<OfferResults> results(qint64 offerId, QDate today) const;

private:
    Result<TargetedOffer> checked(const OfferDraft& draft, QDate today) const;
    Result<QList<qint64>> segmentMembers(const QString& segment, QDate today) const;
    Result<OfferApplication> recordApplication(qint64 memberId, qint64 offerId, QDate today, const Actor& actor);
    Result<double> costPerPointMinor(QDate today) const;

    EngineContext& m_context;
};

} // namespace lt
