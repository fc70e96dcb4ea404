#pragma once

#include "core/domain/StorageNames.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace lt {

// An offer a manager makes to one segment of members for a few days, tested against a hold-out: a stable share of the
// segment, chosen by a hash of the offer's key and the member's id, is shown nothing, so that the report can compare
// the members who were offered it with those who were not. The segment's members are fixed when it is created.
struct TargetedOffer
{
    enum class Kind {
        Bonus, // `points` more points, given when the till applies it
        Multiplier, // the member's next sale within the validity earns multiplierMilli / 1000 times its program points
        Reward, // a reward unlocked: a bonus worth the reward's cost in points (`points`, read when the offer is
                // made), so that the member can claim it at once
    };

    static constexpr int MaxNameLength = 70;
    static constexpr int MaxHoldoutPercent = 50;
    static constexpr int MaxValidityDays = 366; // a year, leap day included
    static constexpr qint64 MaxBonusPoints = 1'000'000;
    // The ready-made lists that may be targeted besides the RFM segments (RfmSegments::id).
    static constexpr const char* LapsedSegment = "lapsed";
    static constexpr const char* NearlyThereSegment = "nearly_there";

    qint64 id = 0; // 0 until stored
    QString key; // random, made once; the hold-out hashes it with each member's id
    QString name;
    QString segment; // an RfmSegments id, "lapsed" or "nearly_there"
    Kind kind = Kind::Bonus;
    qint64 points = 0; // Bonus and Reward: the points given
    int multiplierMilli = 1000; // Multiplier: 1001-10000
    QString rewardId; // Reward: the reward tier
    QDate from; // the store's local days, both included
    QDate to;
    int holdoutPercent = 0; // 0-50
    QString createdBy; // the manager
    QDateTime createdAt; // UTC
    QDateTime endedAt; // UTC; invalid unless a manager ended it early
    QString endedBy;

    // Whether it may be shown and applied on `day`: within the validity and not ended.
    bool isOpenOn(QDate day) const { return from <= day && day <= to && !endedAt.isValid(); }
    // The day its results stop counting: the last valid day, the day it was ended, or `today`, whichever is first.
    QDate lastCountedDay(QDate today) const;
    // "+50", "2x", "reward r2": the incentive in a few characters, for lists.
    QString incentiveText() const;

    // Whether a member is held out of the offer with this key: the first eight bytes of
    // SHA-256("loyaltytill-offer-holdout:" key ":" member id) read as an unsigned 64-bit number u (big-endian), held
    // out when u < holdoutPercent × ⌊(2⁶⁴ − 1) / 100⌋. The same on every run and every till; about holdoutPercent % of
    // any group.
    static bool isHeldOut(const QString& offerKey, qint64 memberId, int holdoutPercent);
    // The idempotency key of the member's use of the offer: the same for every attempt, so that Square applies a
    // retried bonus once.
    static QString applicationKey(const QString& offerKey, qint64 memberId);
    // Whether `segment` names something an offer can target.
    static bool isKnownSegment(const QString& segment);
};

QString toStorage(TargetedOffer::Kind kind); // bonus, multiplier, reward
template<>
Result<TargetedOffer::Kind> fromStorage<TargetedOffer::Kind>(const QString& text);

} // namespace lt
