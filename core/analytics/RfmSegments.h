#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace lt {

// The named segments a member falls into by recency and frequency scores.
enum class RfmSegment {
    Champions, // bought very recently and often
    Loyal, // bought recently and often
    Promising, // bought recently, not often yet
    NeedsAttention, // middling recency and frequency, slipping
    AtRisk, // bought often, but not for a long time
    Hibernating, // bought rarely, a while ago
    Lost, // bought rarely, long ago
};

// What a manager can do for a member: the ready-made actions the anchors' loyalty programs offer.
enum class MemberAction {
    Lapsed, // >= 3 purchases in the last 6 months and none in the last 6 weeks: win them back
    NearlyThere, // balance >= 90 % of the cheapest reward they cannot afford yet: tell them how close they are
};

// One member's recency, frequency and monetary value over the window the caller chose.
struct RfmInput
{
    qint64 memberId = 0;
    int daysSinceLastPurchase = 0; // recency: days from the member's last purchase to the day of the scoring
    int purchases = 0; // frequency: purchases in the window
    qint64 netSalesMinor = 0; // monetary: net sales in the window, in minor units
};

// A member's scores, 1 (worst) to 5 (best), and segment.
struct RfmScore
{
    qint64 memberId = 0;
    int recency = 0;
    int frequency = 0;
    int monetary = 0;
    RfmSegment segment = RfmSegment::Lost;

    bool operator==(const RfmScore& other) const = default;
};

// RFM scores and segments. Each score is a quintile over the members scored together:
//   score = 1 + ⌊5 × (members with a strictly worse value) / (members scored)⌋
// (worse: more days since the last purchase, fewer purchases, lower net sales). Tied members get the same score,
// the lowest their tie reaches, whatever their order; a value shared by most members thus scores low (all tied: 1).
// Members who never bought have no recency: the caller leaves them out.
//
// Segments come from the recency (R) and frequency (F) scores alone, as in the 5 × 5 grid of ten segments that the
// RFM tutorials reproduce (the `seg_map` regular expressions of the "CRM Analytics" course notebooks on the UCI
// Online Retail II data: [1-2][1-2] hibernating, [1-2][3-4] at risk, [1-2]5 can't lose, 3[1-2] about to sleep,
// 33 need attention, [3-4][4-5] loyal, 41 promising, 51 new, [4-5][2-3] potential loyalists, 5[4-5] champions),
// folded into the seven names: can't lose → at risk; about to sleep → needs attention; new and potential
// loyalists → promising; and hibernating split by recency: R = 1 is lost, R = 2 hibernating. Every cell of the
// grid names one segment, so every member lands in exactly one:
//
//         F=1          F=2          F=3              F=4        F=5
//   R=5   promising    promising    promising        champions  champions
//   R=4   promising    promising    promising        loyal      loyal
//   R=3   needs att.   needs att.   needs att.       loyal      loyal
//   R=2   hibernating  hibernating  at risk          at risk    at risk
//   R=1   lost         lost         at risk          at risk    at risk
class RfmSegments
{
public:
    // The scores and segment of each member, in the order given. An error for a negative recency or frequency.
    static Result<QList<RfmScore>> score(const QList<RfmInput>& members);
    // The segment of a recency and a frequency score (each 1 to 5, clamped), read from the grid above.
    static RfmSegment segmentFor(int recencyScore, int frequencyScore);

    // All segments, best first.
    static QList<RfmSegment> allSegments();
    // The stable id of a segment, for files and settings: champions, loyal, promising, needs_attention, at_risk,
    // hibernating, lost.
    static QString id(RfmSegment segment);
    // The segment with that id, if any.
    static std::optional<RfmSegment> fromId(const QString& id);
    // The segment's name in the user's language (context "RfmSegments").
    static QString displayName(RfmSegment segment);

    // The stable id of an action: lapsed, nearly_there.
    static QString id(MemberAction action);
    // The action's name in the user's language (context "RfmSegments").
    static QString displayName(MemberAction action);

    // "Lapsed": at least 3 purchases in the 6 months up to `today` (days after today.addMonths(-6)) and none in the
    // last 6 weeks (days after today.addDays(-42)); purchase days after `today` are not counted.
    static bool isLapsed(const QList<QDate>& purchaseDays, QDate today);
    // The same from counts: purchases in the last 6 months and in the last 6 weeks.
    static bool isLapsed(int purchasesInSixMonths, int purchasesInSixWeeks);
    // "Nearly there": the cost of the cheapest reward above `balance` when the balance is at least 90 % of it;
    // nothing when every reward is affordable, none is close enough, or the balance is not positive.
    static std::optional<qint64> nearlyThereReward(qint64 balance, const QList<qint64>& rewardCosts);

    // The windows of "lapsed" and the share of "nearly there", also for the reports that count them in SQL.
    static constexpr int LapsedMonths = 6;
    static constexpr int LapsedQuietDays = 42;
    static constexpr int LapsedPurchases = 3;
    static constexpr qint64 NearlyTherePercent = 90;
    // A score: 1 + ⌊5 × worse / count⌋, with `worse` the members whose value is strictly worse; 1 when count is 0.
    static int quintile(qint64 worse, qint64 count);
};

} // namespace lt
