#include "core/analytics/RfmSegments.h"

#include <QCoreApplication>

#include <algorithm>
#include <vector>

namespace lt {

namespace {

// The members strictly below `value` in `sorted` (ascending).
template<typename T>
qsizetype below(const std::vector<T>& sorted, T value)
{
    return std::lower_bound(sorted.begin(), sorted.end(), value) - sorted.begin();
}

// The members strictly above `value` in `sorted` (ascending).
template<typename T>
qsizetype above(const std::vector<T>& sorted, T value)
{
    return sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), value);
}

// The grid of the header, recency score 5 on the first row, frequency score 1 in the first column.
constexpr RfmSegment kGrid[5][5] = {
    {RfmSegment::Promising, RfmSegment::Promising, RfmSegment::Promising, RfmSegment::Champions, RfmSegment::Champions},
    {RfmSegment::Promising, RfmSegment::Promising, RfmSegment::Promising, RfmSegment::Loyal, RfmSegment::Loyal},
    {RfmSegment::NeedsAttention, RfmSegment::NeedsAttention, RfmSegment::NeedsAttention, RfmSegment::Loyal,
     RfmSegment::Loyal},
    {RfmSegment::Hibernating, RfmSegment::Hibernating, RfmSegment::AtRisk, RfmSegment::AtRisk, RfmSegment::AtRisk},
    {RfmSegment::Lost, RfmSegment::Lost, RfmSegment::AtRisk, RfmSegment::AtRisk, RfmSegment::AtRisk},
};

} // namespace

int RfmSegments::quintile(qint64 worse, qint64 count)
{
    return count > 0 ? 1 + static_cast<int>(5 * worse / count) : 1;
}

Result<QList<RfmScore>> RfmSegments::score(const QList<RfmInput>& members)
{
    std::vector<int> recencies;
    std::vector<int> frequencies;
    std::vector<qint64> monetaries;
    for (const RfmInput& member : members) {
        if (member.daysSinceLastPurchase < 0 || member.purchases < 0)
            return Error::invalid(
                QCoreApplication::translate("RfmSegments", "Member %1 has a negative recency or number of purchases.")
                    .arg(member.memberId));
        recencies.push_back(member.daysSinceLastPurchase);
        frequencies.push_back(member.purchases);
        monetaries.push_back(member.netSalesMinor);
    }
    std::sort(recencies.begin(), recencies.end());
    std::sort(frequencies.begin(), frequencies.end());
    std::sort(monetaries.begin(), monetaries.end());
    const qsizetype count = members.size();
    QList<RfmScore> scores;
    scores.reserve(count);
    for (const RfmInput& member : members) {
        RfmScore score;
        score.memberId = member.memberId;
        score.recency = quintile(above(recencies, member.daysSinceLastPurchase), count);
        score.frequency = quintile(below(frequencies, member.purchases), count);
        score.monetary = quintile(below(monetaries, member.netSalesMinor), count);
        score.segment = segmentFor(score.recency, score.frequency);
        scores.append(score);
    }
    return scores;
}

RfmSegment RfmSegments::segmentFor(int recencyScore, int frequencyScore)
{
    const int row = 5 - std::clamp(recencyScore, 1, 5);
    const int column = std::clamp(frequencyScore, 1, 5) - 1;
    return kGrid[row][column];
}

QList<RfmSegment> RfmSegments::allSegments()
{
    return {RfmSegment::Champions, RfmSegment::Loyal,       RfmSegment::Promising, RfmSegment::NeedsAttention,
            RfmSegment::AtRisk,    RfmSegment::Hibernating, RfmSegment::Lost};
}

QString RfmSegments::id(RfmSegment segment)
{
    switch (segment) {
    case RfmSegment::Champions:
        return QStringLiteral("champions");
    case RfmSegment::Loyal:
        return QStringLiteral("loyal");
    case RfmSegment::Promising:
        return QStringLiteral("promising");
    case RfmSegment::NeedsAttention:
        return QStringLiteral("needs_attention");
    case RfmSegment::AtRisk:
        return QStringLiteral("at_risk");
    case RfmSegment::Hibernating:
        return QStringLiteral("hibernating");
    case RfmSegment::Lost:
        return QStringLiteral("lost");
    }
    return {};
}

std::optional<RfmSegment> RfmSegments::fromId(const QString& id)
{
    for (const RfmSegment segment : allSegments()) {
        if (RfmSegments::id(segment) == id)
            return segment;
    }
    return std::nullopt;
}

QString RfmSegments::displayName(RfmSegment segment)
{
    switch (segment) {
    case RfmSegment::Champions:
        return QCoreApplication::translate("RfmSegments", "Champions");
    case RfmSegment::Loyal:
        return QCoreApplication::translate("RfmSegments", "Loyal");
    case RfmSegment::Promising:
        return QCoreApplication::translate("RfmSegments", "Promising");
    case RfmSegment::NeedsAttention:
        return QCoreApplication::translate("RfmSegments", "Needs attention");
    case RfmSegment::AtRisk:
        return QCoreApplication::translate("RfmSegments", "At risk");
    case RfmSegment::Hibernating:
        return QCoreApplication::translate("RfmSegments", "Hibernating");
    case RfmSegment::Lost:
        return QCoreApplication::translate("RfmSegments", "Lost");
    }
    return {};
}

QString RfmSegments::id(MemberAction action)
{
    switch (action) {
    case MemberAction::Lapsed:
        return QStringLiteral("lapsed");
    case MemberAction::NearlyThere:
        return QStringLiteral("nearly_there");
    }
    return {};
}

QString RfmSegments::displayName(MemberAction action)
{
    switch (action) {
    case MemberAction::Lapsed:
        return QCoreApplication::translate("RfmSegments", "Lapsed");
    case MemberAction::NearlyThere:
        return QCoreApplication::translate("RfmSegments", "Nearly there");
    }
    return {};
}

bool RfmSegments::isLapsed(const QList<QDate>& purchaseDays, QDate today)
{
    const QDate sixMonthsAgo = today.addMonths(-LapsedMonths);
    const QDate sixWeeksAgo = today.addDays(-LapsedQuietDays);
    int inSixMonths = 0;
    int inSixWeeks = 0;
    for (const QDate day : purchaseDays) {
        if (!day.isValid() || day > today)
            continue;
        inSixMonths += day > sixMonthsAgo ? 1 : 0;
        inSixWeeks += day > sixWeeksAgo ? 1 : 0;
    }
    return isLapsed(inSixMonths, inSixWeeks);
}

bool RfmSegments::isLapsed(int purchasesInSixMonths, int purchasesInSixWeeks)
{
    return purchasesInSixMonths >= LapsedPurchases && purchasesInSixWeeks == 0;
}

std::optional<qint64> RfmSegments::nearlyThereReward(qint64 balance, const QList<qint64>& rewardCosts)
{
    if (balance <= 0)
        return std::nullopt;
    std::optional<qint64> cheapestAbove;
    for (const qint64 cost : rewardCosts) {
        if (cost > balance && (!cheapestAbove || cost < *cheapestAbove))
            cheapestAbove = cost;
    }
    if (cheapestAbove && balance * 100 >= *cheapestAbove * NearlyTherePercent)
        return cheapestAbove;
    return std::nullopt;
}

} // namespace lt
