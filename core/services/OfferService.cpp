#include "core/services/OfferService.h"

#include "core/analytics/RfmSegments.h"
#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/domain/LoyaltyProgram.h"
#include "core/domain/PersonalDataValidator.h"
#include "core/domain/ProgramFields.h"
#include "core/services/EngineContext.h"
#include "core/services/MarketingConsent.h"
#include "core/services/MemberDirectory.h"
#include "core/services/ReportService.h"
#include "core/services/SegmentService.h"
#include "core/store/AuditLog.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberStore.h"
#include "core/store/OfferStore.h"
#include "core/store/ReportStore.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace lt {

namespace {
// The group's counts, rates, means and variance; the points cost is added once the cost of a point is known.
OfferGroupFigures figuresOf(const QList<OfferStore::Outcome>& outcomes, bool heldOut)
{
    OfferGroupFigures group;
    for (const OfferStore::Outcome& outcome : outcomes) {
        if (outcome.heldOut != heldOut)
            continue;
        ++group.members;
        group.returned += outcome.sales > 0 ? 1 : 0;
        group.netSalesMinor += outcome.netMinor;
        group.offerPoints += outcome.offerPoints;
        group.usedBy += outcome.used ? 1 : 0;
    }
    if (group.members == 0)
        return group;
    const auto n = double(group.members);
    group.returnRate = double(group.returned) / n;
    group.returnRateInterval = OfferStatistics::wilson(group.returned, group.members);
    group.netSalesPerMemberMinor = double(group.netSalesMinor) / n;
    if (group.members > 1) {
        double squares = 0;
        for (const OfferStore::Outcome& outcome : outcomes) {
            if (outcome.heldOut == heldOut)
                squares += std::pow(double(outcome.netMinor) - group.netSalesPerMemberMinor, 2);
        }
        group.netSalesVarianceMinor = squares / (n - 1);
    }
    return group;
}
} // namespace

Result<TargetedOffer> OfferService::checked(const OfferDraft& draft, QDate today) const
{
    TargetedOffer offer;
    LT_TRY_ASSIGN(offer.name,
                  PersonalDataValidator::freeText(draft.name, QStringLiteral("name"), TargetedOffer::MaxNameLength));
    if (offer.name.isEmpty())
        return Error::invalid(
            QCoreApplication::translate("OfferService", "Give the offer a name, as the member panel shows it."),
            QStringLiteral("name"));
    offer.segment = draft.segment.trimmed();
    if (!TargetedOffer::isKnownSegment(offer.segment)) {
        QStringList known;
        for (const RfmSegment segment : RfmSegments::allSegments())
            known << RfmSegments::id(segment);
        known << QString::fromLatin1(TargetedOffer::LapsedSegment)
              << QString::fromLatin1(TargetedOffer::NearlyThereSegment);
        return Error::invalid(QCoreApplication::translate("OfferService", "'%1' is not a segment; choose one of %2.")
                                  .arg(offer.segment.left(40), known.join(QStringLiteral(", "))),
                              QStringLiteral("segment"));
    }
    offer.kind = draft.kind;
    switch (draft.kind) {
    case TargetedOffer::Kind::Bonus:
        if (draft.points < 1 || draft.points > TargetedOffer::MaxBonusPoints)
            return Error::invalid(
                QCoreApplication::translate("OfferService", "A bonus is a whole number of points from 1 to %1.")
                    .arg(TargetedOffer::MaxBonusPoints),
                QStringLiteral("bonus"));
        offer.points = draft.points;
        break;
    case TargetedOffer::Kind::Multiplier:
        if (draft.multiplierMilli <= 1000 || draft.multiplierMilli > 10000)
            return Error::invalid(
                QCoreApplication::translate("OfferService",
                                            "A multiplier is more than 1 and at most 10, with at most three decimals."),
                QStringLiteral("multiplier"));
        offer.multiplierMilli = draft.multiplierMilli;
        break;
    case TargetedOffer::Kind::Reward: {
        const RewardTier* reward = m_context.program.tier(draft.rewardId.trimmed());
        if (!reward)
            return Error::invalid(
                QCoreApplication::translate("OfferService", "The program has no reward '%1' (its rewards: %2).")
                    .arg(draft.rewardId.trimmed().left(40), m_context.program.rewardIds().join(QStringLiteral(", "))),
                QStringLiteral("reward"));
        offer.rewardId = reward->id;
        offer.points = reward->points; // the reward's cost today, kept: the program may change meanwhile
        break;
    }
    }
    if (!draft.from.isValid())
        return Error::invalid(QCoreApplication::translate("OfferService", "Give the offer's first day."),
                              QStringLiteral("from"));
    if (!draft.to.isValid())
        return Error::invalid(QCoreApplication::translate("OfferService", "Give the offer's last day."),
                              QStringLiteral("to"));
    if (draft.from < today)
        return Error::invalid(QCoreApplication::translate("OfferService", "The first day, %1, is in the past.")
                                  .arg(draft.from.toString(Qt::ISODate)),
                              QStringLiteral("from"));
    if (draft.to < draft.from)
        return Error::invalid(QCoreApplication::translate("OfferService", "The last day comes before the first."),
                              QStringLiteral("to"));
    if (draft.from.daysTo(draft.to) + 1 > TargetedOffer::MaxValidityDays)
        return Error::invalid(QCoreApplication::translate("OfferService", "An offer runs at most a year."),
                              QStringLiteral("to"));
    if (draft.holdoutPercent < 0 || draft.holdoutPercent > TargetedOffer::MaxHoldoutPercent)
        return Error::invalid(
            QCoreApplication::translate("OfferService", "The hold-out share is a whole percentage from 0 to %1.")
                .arg(TargetedOffer::MaxHoldoutPercent),
            QStringLiteral("holdout"));
    LT_TRY_ASSIGN(offer.createdBy, PersonalDataValidator::freeText(draft.manager, QStringLiteral("manager"), 100));
    if (offer.createdBy.isEmpty())
        return Error::invalid(QCoreApplication::translate("OfferService", "Name the manager who makes the offer."),
                              QStringLiteral("manager"));
    offer.from = draft.from;
    offer.to = draft.to;
    offer.holdoutPercent = draft.holdoutPercent;
    return offer;
}

Result<QList<qint64>> OfferService::segmentMembers(const QString& segment, QDate today) const
{
    LT_TRY_ASSIGN(const SegmentReport report, SegmentService(m_context).segments(today));
    QList<qint64> members;
    if (segment == QLatin1String(TargetedOffer::LapsedSegment)) {
        members = report.lapsed;
    } else if (segment == QLatin1String(TargetedOffer::NearlyThereSegment)) {
        for (const SegmentReport::NearlyThere& member : report.nearlyThere)
            members << member.memberId;
    } else {
        const std::optional<RfmSegment> wanted = RfmSegments::fromId(segment);
        for (const RfmScore& score : report.scores) {
            if (wanted && score.segment == *wanted)
                members << score.memberId;
        }
    }
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    // Members who withdrew their marketing consent (or refused it) are never offered anything.
    LT_TRY_ASSIGN(const QList<qint64> withdrawn, MemberStore(m_context.db).withdrawnConsent());
    members.removeIf([&](qint64 id) { return std::binary_search(withdrawn.cbegin(), withdrawn.cend(), id); });
    return members;
}

Result<TargetedOffer> OfferService::define(const OfferDraft& draft, QDate today, const Actor& actor)
{
    LT_TRY_ASSIGN(TargetedOffer offer, checked(draft, today));
    // Read before the write lock is taken: a segment of a million members takes seconds to score, which a sale
    // waiting at the till must not.
    LT_TRY_ASSIGN(const QList<qint64> memberIds, segmentMembers(offer.segment, today));
    if (memberIds.isEmpty())
        return Error::invalid(QCoreApplication::translate(
                                  "OfferService", "No member is in the segment %1 today: the offer would reach nobody.")
                                  .arg(offer.segment),
                              QStringLiteral("segment"));
    offer.key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    offer.createdAt = m_context.clock.nowUtc();
    QList<OfferStore::Member> members;
    members.reserve(memberIds.size());
    qint64 heldOut = 0;
    for (const qint64 id : memberIds) {
        const bool out = TargetedOffer::isHeldOut(offer.key, id, offer.holdoutPercent);
        heldOut += out ? 1 : 0;
        members.append({id, out});
    }
    LT_TRY_ASSIGN(offer.id, inTransaction(m_context.db, [&]() -> Result<qint64> {
                      LT_TRY_ASSIGN(const qint64 id, OfferStore(m_context.db).add(offer, members));
                      LT_TRY(AuditLog(m_context.db, m_context.clock)
                                 .record(offer.createdBy, QStringLiteral("offer.add"),
                                         QStringLiteral("offer:%1").arg(id),
                                         {{QStringLiteral("name"), offer.name},
                                          {QStringLiteral("segment"), offer.segment},
                                          {QStringLiteral("incentive"), offer.incentiveText()},
                                          {QStringLiteral("from"), offer.from.toString(Qt::ISODate)},
                                          {QStringLiteral("to"), offer.to.toString(Qt::ISODate)},
                                          {QStringLiteral("holdout_percent"), offer.holdoutPercent},
                                          {QStringLiteral("members"), qint64(members.size())},
                                          {QStringLiteral("held_out"), heldOut},
                                          {QStringLiteral("by"), actor.name()}}));
                      return id;
                  }));
    return offer;
}

Result<TargetedOffer> OfferService::end(qint64 offerId, const QString& managerName, const Actor& actor)
{
    LT_TRY_ASSIGN(const QString manager, PersonalDataValidator::freeText(managerName, QStringLiteral("manager"), 100));
    if (manager.isEmpty())
        return Error::invalid(QCoreApplication::translate("OfferService", "Name the manager who ends the offer."),
                              QStringLiteral("manager"));
    return inTransaction(m_context.db, [&]() -> Result<TargetedOffer> {
        LT_TRY_ASSIGN(TargetedOffer offer, byId(offerId));
        const QDateTime now = m_context.clock.nowUtc();
        LT_TRY_ASSIGN(const bool ended, OfferStore(m_context.db).end(offerId, now, manager));
        if (!ended)
            return Error::conflict(
                QCoreApplication::translate("OfferService", "Offer %1 has already been ended.").arg(offerId));
        LT_TRY(AuditLog(m_context.db, m_context.clock)
                   .record(manager, QStringLiteral("offer.end"), QStringLiteral("offer:%1").arg(offerId),
                           {{QStringLiteral("name"), offer.name}, {QStringLiteral("by"), actor.name()}}));
        offer.endedAt = now;
        offer.endedBy = manager;
        return offer;
    });
}

Result<QList<TargetedOffer>> OfferService::list() const
{
    return OfferStore(m_context.db).all();
}

Result<TargetedOffer> OfferService::byId(qint64 offerId) const
{
    LT_TRY_ASSIGN(const std::optional<TargetedOffer> offer, OfferStore(m_context.db).byId(offerId));
    if (!offer)
        return Error::notFound(QCoreApplication::translate("OfferService", "There is no offer %1.").arg(offerId));
    return *offer;
}

Result<std::optional<TargetedOffer>> OfferService::offerFor(qint64 memberId, QDate today) const
{
    LT_TRY_ASSIGN(std::optional<TargetedOffer> offer, OfferStore(m_context.db).openFor(memberId, today));
    if (offer) {
        LT_TRY_ASSIGN(const bool withdrawn, MarketingConsent(m_context).withdrawn(memberId));
        if (withdrawn)
            offer.reset();
    }
    return offer;
}

QString OfferService::describe(const TargetedOffer& offer, const LoyaltyProgram& program)
{
    switch (offer.kind) {
    case TargetedOffer::Kind::Bonus:
        return QCoreApplication::translate("OfferService", "%1: %n bonus point(s)", nullptr, int(offer.points))
            .arg(offer.name);
    case TargetedOffer::Kind::Multiplier:
        return QCoreApplication::translate("OfferService", "%1: %2x points on the next sale")
            .arg(offer.name, multiplierText(offer.multiplierMilli));
    case TargetedOffer::Kind::Reward: {
        const RewardTier* reward = program.tier(offer.rewardId);
        return QCoreApplication::translate("OfferService", "%1: reward unlocked, %2")
            .arg(offer.name, reward ? reward->name : offer.rewardId);
    }
    }
    return offer.name;
}

Result<OfferApplication> OfferService::apply(qint64 memberId, qint64 offerId, QDate today, const Actor& actor)
{
    LT_TRY_ASSIGN(OfferApplication application, inTransaction(m_context.db, [&]() -> Result<OfferApplication> {
                      return recordApplication(memberId, offerId, today, actor);
                  }));
    LT_TRY_ASSIGN(application.member, MemberDirectory(m_context).byId(memberId));
    return application;
}

Result<OfferApplication> OfferService::recordApplication(qint64 memberId, qint64 offerId, QDate today,
                                                         const Actor& actor)
{
    LT_TRY_ASSIGN(const TargetedOffer offer, byId(offerId));
    OfferStore offers(m_context.db);
    LT_TRY_ASSIGN(const OfferStore::Standing standing, offers.standing(offerId, memberId));
    if (!standing.member)
        return Error::notFound(
            QCoreApplication::translate("OfferService", "Member %1 is not among the members of offer %2.")
                .arg(memberId)
                .arg(offerId));
    OfferApplication application;
    application.offerId = offerId;
    application.key = TargetedOffer::applicationKey(offer.key, memberId);
    LT_TRY_ASSIGN(const bool withdrawn, MarketingConsent(m_context).withdrawn(memberId));
    if (withdrawn)
        return Error::refused(
            QCoreApplication::translate("OfferService", "Member %1 withdrew their marketing consent: no offer is made.")
                .arg(memberId));
    if (standing.heldOut)
        return Error::refused(
            QCoreApplication::translate("OfferService", "Member %1 is held out of offer %2: it is not shown to them.")
                .arg(memberId)
                .arg(offerId));
    if (standing.used) {
        application.repeated = true;
        application.points = standing.points;
        application.ledgerId = standing.ledgerId;
        return application;
    }
    if (!offer.isOpenOn(today))
        return Error::refused(QCoreApplication::translate("OfferService", "Offer %1 is not open on %2.")
                                  .arg(offerId)
                                  .arg(today.toString(Qt::ISODate)));
    if (offer.kind == TargetedOffer::Kind::Multiplier)
        return Error::refused(QCoreApplication::translate(
                                  "OfferService",
                                  "Offer %1 multiplies the points of the member's next sale: it applies when that sale "
                                  "is recorded.")
                                  .arg(offerId));
    LT_TRY_ASSIGN(const MemberStore::Standing member, MemberStore(m_context.db).standing(memberId));
    if (member != MemberStore::Standing::Active)
        return Error::refused(
            QCoreApplication::translate("OfferService", "Member %1 has left the program.").arg(memberId));
    LedgerStore::NewEntry entry;
    entry.memberId = memberId;
    entry.kind = LedgerKind::Adjust;
    entry.points = offer.points;
    entry.note = offer.name;
    // Never translated: Square compares the request under the key, whatever the till's language.
    const QString reason = QStringLiteral("LoyaltyTill offer %1").arg(offer.name);
    LT_TRY_ASSIGN(application.ledgerId,
                  LedgerWriter(m_context.db, m_context.clock, actor)
                      .append(entry, OutboxOperation::Adjust, {{QStringLiteral("reason"), reason}}, application.key));
    application.points = offer.points;
    OfferStore::Use use;
    use.key = application.key;
    use.points = offer.points;
    use.ledgerId = application.ledgerId;
    use.at = m_context.clock.nowUtc();
    LT_TRY_ASSIGN(const bool recorded, offers.recordUse(offerId, memberId, use));
    if (!recorded)
        return Error::conflict(QCoreApplication::translate("OfferService", "Offer %1 was used by member %2 meanwhile.")
                                   .arg(offerId)
                                   .arg(memberId));
    LT_TRY(AuditLog(m_context.db, m_context.clock)
               .record(actor.name(), QStringLiteral("offer.apply"), QStringLiteral("member:%1").arg(memberId),
                       {{QStringLiteral("offer"), offerId}, {QStringLiteral("points"), offer.points}}));
    return application;
}

Result<double> OfferService::costPerPointMinor(QDate today) const
{
    // As the liability's cost of a point (ReportService): the discounts rewards gave ÷ the points spent on them, over
    // the store's history up to `today`; only the two sums, not the whole summary.
    LT_TRY_ASSIGN(const auto byKind, ReportStore(m_context.db).points(QDate(), today));
    return ReportService::costPerPointMinor(byKind);
}

Result<OfferResults> OfferService::results(qint64 offerId, QDate today) const
{
    OfferResults results;
    LT_TRY_ASSIGN(results.offer, byId(offerId));
    results.countedFrom = results.offer.from;
    results.countedTo = results.offer.lastCountedDay(today);
    LT_TRY_ASSIGN(const QList<OfferStore::Outcome> outcomes,
                  OfferStore(m_context.db).outcomes(offerId, results.countedFrom, results.countedTo));
    LT_TRY_ASSIGN(results.costPerPointMinor, costPerPointMinor(today));
    results.offered = figuresOf(outcomes, false);
    results.heldOut = figuresOf(outcomes, true);
    for (OfferGroupFigures* group : {&results.offered, &results.heldOut}) {
        if (group->members > 0)
            group->pointsCostPerMemberMinor =
                double(group->offerPoints) * results.costPerPointMinor / double(group->members);
    }
    results.returnRateDifference = results.offered.returnRate - results.heldOut.returnRate;
    results.returnRateDifferenceInterval = OfferStatistics::newcombeDifference(
        results.offered.returned, results.offered.members, results.heldOut.returned, results.heldOut.members);
    results.netSalesPerMemberDifferenceMinor =
        results.offered.netSalesPerMemberMinor - results.heldOut.netSalesPerMemberMinor;
    const OfferStatistics::Sample offered {results.offered.members, results.offered.netSalesPerMemberMinor,
                                           results.offered.netSalesVarianceMinor};
    const OfferStatistics::Sample heldOut {results.heldOut.members, results.heldOut.netSalesPerMemberMinor,
                                           results.heldOut.netSalesVarianceMinor};
    results.netSalesPerMemberDifferenceInterval = OfferStatistics::welchDifference(offered, heldOut);
    if (offered.n > 1 && heldOut.n > 1)
        results.welchDegreesOfFreedom = OfferStatistics::welchDegreesOfFreedom(offered, heldOut);
    return results;
}

} // namespace lt
