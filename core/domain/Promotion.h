#pragma once

#include "core/common/Result.h"
#include "core/domain/StorageNames.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace lt {

// Extra points on top of what a purchase earns, as Square defines them (LoyaltyPromotion): a multiplier of the
// program points or a number of points added, during available time periods, for purchases that reach a minimum
// spend and hold a qualifying item or category, at most so many times per member per day or ever. Pulled from
// Square when the store is connected; the store's own otherwise. Square has no update: a promotion is canceled
// and created again.
struct Promotion
{
    enum class Status {
        Active, // running, or running again at its next period
        Scheduled, // its first period has not come yet
        Ended, // its last period is over, or Square no longer lists it (terminal)
        Canceled, // stopped by the store or in Square's Dashboard (terminal)
    };
    enum class Incentive {
        Multiplier, // the program points times multiplierMilli / 1000; the promotion gives what that adds
        Addition, // pointsAddition more points
    };
    enum class LimitInterval { Day, AllTime };
    struct TriggerLimit
    {
        int times = 1; // 1-30
        LimitInterval interval = LimitInterval::AllTime;
    };

    static constexpr int MaxNameLength = 70;
    static constexpr int MaxLive = 10; // Square: at most 10 ACTIVE or SCHEDULED promotions per program
    static constexpr qint64 MaxPointsAddition = 1'000'000;

    qint64 id = 0; // the store's id; 0 until stored
    QString squareId; // empty for the store's own promotions
    QString name;
    Status status = Status::Active;
    Incentive incentive = Incentive::Multiplier;
    int multiplierMilli = 2000; // Multiplier: 1001-10000 (1.001x to 10x, three decimals as Square writes them)
    qint64 pointsAddition = 0; // Addition: 1 or more
    QStringList periods; // iCalendar VEVENTs (PromotionSchedule)
    QDate startDate; // available_time.start_date: the first day of its periods
    QDate endDate; // available_time.end_date: the last day, invalid when it runs until canceled
    qint64 minimumSpendMinor = 0; // 0: no minimum
    QString currency; // of the minimum spend
    QStringList categoryIds; // a purchase must hold an item of one of these categories (or of itemVariationIds)
    QStringList itemVariationIds;
    std::optional<TriggerLimit> triggerLimit;
    QDateTime createdAt; // UTC; among promotions that apply, the most recently created wins
    QDateTime canceledAt; // UTC, invalid unless canceled

    // Whether it may still apply: ACTIVE or SCHEDULED and not canceled.
    bool isLive() const;
    // "2x" or "+50": the incentive in a few characters, for lists.
    QString incentiveText() const;

    // Square's LoyaltyPromotion JSON (ids, dates and multiplier as Square writes them).
    QJsonObject toSquareJson() const;
    // Reads Square's LoyaltyPromotion strictly: an error names the field ("incentive.points_multiplier_data.
    // multiplier", "available_time.time_periods[0]") and says what is wrong; fields Square adds later are ignored.
    // Missing start and end dates are taken from the periods.
    static Result<Promotion> fromSquareJson(const QJsonObject& json);
};

QString toStorage(Promotion::Status status); // ACTIVE, SCHEDULED, ENDED, CANCELED, as Square writes them
template<>
Result<Promotion::Status> fromStorage<Promotion::Status>(const QString& text);

} // namespace lt
