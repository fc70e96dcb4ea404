#include "sync/outbox/AppliedEventSearch.h"

#include "core/store/SquareEventStore.h"
#include "sync/square/AdjustmentReference.h"
#include "sync/square/SquareEventPager.h"

#include <memory>

namespace lt {

void AppliedEventSearch::run(SquareLoyaltyApi& api, Database& db, const Query& query, const Callback& done)
{
    SquareEventFilter filter;
    filter.accountId = query.accountId;
    if (query.operation == OutboxOperation::Accrue)
        filter.types = {QStringLiteral("ACCUMULATE_POINTS")};
    else if (query.reward)
        filter.types = {QStringLiteral("CREATE_REWARD"), QStringLiteral("REDEEM_REWARD")};
    else
        filter.types = {QStringLiteral("ADJUST_POINTS")};
    filter.createdFrom = query.since.addSecs(-300);
    auto found = std::make_shared<QList<SquareEvent>>();
    SquareEventPager::walk(
        api, filter,
        [found](const QList<SquareEvent>& events) {
            found->append(events);
            return true;
        },
        [&db, query, done, found](const SquareResult<void>& walked) {
            if (!walked) {
                done(walked.error());
                return;
            }
            done(decide(db, query, *found));
        });
}

AppliedEventSearch::Outcome AppliedEventSearch::decide(Database& db, const Query& query,
                                                       const QList<SquareEvent>& events)
{
    Outcome outcome;
    const SquareEventStore kept(db);
    // An event the store cannot say about is a candidate still.
    auto unclaimed = [&](const SquareEvent& event) {
        const auto settled = kept.isSettled(event.id);
        return !(settled && *settled);
    };
    QList<SquareEvent> candidates;
    for (const SquareEvent& event : events) {
        if (unclaimed(event))
            candidates.append(event);
    }
    QString rewardId = query.rewardId;
    if (query.reward && rewardId.isEmpty()) {
        // Newest first: the oldest matching reward created since the first attempt is the one it made.
        for (qsizetype i = candidates.size() - 1; i >= 0; --i) {
            const SquareEvent& candidate = candidates.at(i);
            if (candidate.type == QLatin1String("CREATE_REWARD") && candidate.points == query.points) {
                rewardId = candidate.rewardId;
                outcome.createdRewardId = rewardId;
                break;
            }
        }
    }
    for (const SquareEvent& event : std::as_const(candidates)) {
        const bool found = query.reward
            ? (event.type == QLatin1String("REDEEM_REWARD") && !rewardId.isEmpty() && event.rewardId == rewardId)
            : query.operation == OutboxOperation::Accrue
            ? (event.type == QLatin1String("ACCUMULATE_POINTS") && event.points == query.points
               && event.locationId == query.locationId)
            : (event.type == QLatin1String("ADJUST_POINTS")
               && AdjustmentReference::keyIn(event.reason) == query.idempotencyKey);
        if (found) {
            outcome.match = event;
            break;
        }
    }
    return outcome;
}

} // namespace lt
