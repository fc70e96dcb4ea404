#include "core/domain/BonusRules.h"

#include "core/domain/ProgramFields.h"

#include <QCoreApplication>

namespace lt {

QDate OccasionBonus::inYear(QDate date, int year)
{
    if (date.month() == 2 && date.day() == 29 && !QDate::isLeapYear(year))
        return QDate(year, 2, 28);
    return QDate(year, date.month(), date.day());
}

std::pair<QDate, QDate> OccasionBonus::periodIn(int year, QDate date) const
{
    const QDate day = inYear(date, year);
    if (period == Period::Month)
        return {QDate(year, day.month(), 1), QDate(year, day.month(), day.daysInMonth())};
    const QDate monday = day.addDays(1 - day.dayOfWeek());
    return {monday, monday.addDays(6)};
}

std::pair<QDate, QDate> OccasionBonus::datesMeeting(QDate from, QDate to) const
{
    if (period == Period::Month)
        return {QDate(from.year(), from.month(), 1), QDate(to.year(), to.month(), to.daysInMonth())};
    // A date's week meets [from, to] when its Monday falls between from's Monday and `to`.
    return {from.addDays(1 - from.dayOfWeek()), to.addDays(7 - to.dayOfWeek())};
}

QJsonObject OccasionBonus::toJson() const
{
    QJsonObject json {
        {QStringLiteral("period"), period == Period::Month ? QStringLiteral("MONTH") : QStringLiteral("WEEK")}};
    if (rewardId.isEmpty())
        json.insert(QStringLiteral("points"), points);
    else
        json.insert(QStringLiteral("reward_id"), rewardId);
    return json;
}

Result<OccasionBonus> OccasionBonus::fromJson(const QJsonObject& json, const QString& section)
{
    const ProgramFields fields(json, section);
    LT_TRY(fields.onlyKnown({QStringLiteral("points"), QStringLiteral("reward_id"), QStringLiteral("period")}));
    OccasionBonus bonus;
    LT_TRY_ASSIGN(const QString period,
                  fields.choice(QStringLiteral("period"), {QStringLiteral("WEEK"), QStringLiteral("MONTH")},
                                QStringLiteral("WEEK")));
    bonus.period = period == QLatin1String("MONTH") ? Period::Month : Period::Week;
    if (fields.has(QStringLiteral("reward_id")) == fields.has(QStringLiteral("points")))
        return fields.invalid(
            QStringLiteral("points"),
            QCoreApplication::translate("ProgramFields", "give either points or a reward_id, not both or neither."));
    LT_TRY_ASSIGN(bonus.rewardId, fields.text(QStringLiteral("reward_id"), QString()));
    LT_TRY_ASSIGN(bonus.points, fields.integer(QStringLiteral("points"), 1, 1'000'000, 0));
    return bonus;
}

QJsonObject ReferralBonus::toJson() const
{
    return {{QStringLiteral("referrer_points"), referrerPoints},
            {QStringLiteral("referee_points"), refereePoints},
            {QStringLiteral("minimum_spend_minor"), minimumSpendMinor},
            {QStringLiteral("monthly_limit"), monthlyLimit}};
}

Result<ReferralBonus> ReferralBonus::fromJson(const QJsonObject& json)
{
    const ProgramFields fields(json, QStringLiteral("referral_bonus"));
    LT_TRY(fields.onlyKnown({QStringLiteral("referrer_points"), QStringLiteral("referee_points"),
                             QStringLiteral("minimum_spend_minor"), QStringLiteral("monthly_limit")}));
    ReferralBonus bonus;
    LT_TRY_ASSIGN(bonus.referrerPoints, fields.integer(QStringLiteral("referrer_points"), 0, 1'000'000));
    LT_TRY_ASSIGN(bonus.refereePoints, fields.integer(QStringLiteral("referee_points"), 0, 1'000'000));
    if (bonus.referrerPoints == 0 && bonus.refereePoints == 0)
        return fields.invalid(
            QStringLiteral("referrer_points"),
            QCoreApplication::translate("ProgramFields", "a referral bonus must give someone points."));
    LT_TRY_ASSIGN(bonus.minimumSpendMinor, fields.integer(QStringLiteral("minimum_spend_minor"), 0, 100'000'000, 0));
    LT_TRY_ASSIGN(const qint64 limit, fields.integer(QStringLiteral("monthly_limit"), 1, 1000, 5));
    bonus.monthlyLimit = static_cast<int>(limit);
    return bonus;
}

QJsonObject WinBackOffer::toJson() const
{
    return {{QStringLiteral("after_days"), afterDays},
            {QStringLiteral("valid_days"), validDays},
            {QStringLiteral("multiplier"), multiplierText(multiplierMilli)}};
}

Result<WinBackOffer> WinBackOffer::fromJson(const QJsonObject& json)
{
    const ProgramFields fields(json, QStringLiteral("win_back"));
    LT_TRY(
        fields.onlyKnown({QStringLiteral("after_days"), QStringLiteral("valid_days"), QStringLiteral("multiplier")}));
    WinBackOffer offer;
    LT_TRY_ASSIGN(const qint64 after, fields.integer(QStringLiteral("after_days"), 7, 3650, 90));
    LT_TRY_ASSIGN(const qint64 valid, fields.integer(QStringLiteral("valid_days"), 1, 365, 30));
    offer.afterDays = static_cast<int>(after);
    offer.validDays = static_cast<int>(valid);
    LT_TRY_ASSIGN(offer.multiplierMilli, fields.multiplierMilli(QStringLiteral("multiplier"), 2000));
    if (offer.multiplierMilli <= 1000)
        return fields.invalid(QStringLiteral("multiplier"),
                              QCoreApplication::translate("ProgramFields", "must be more than 1 to be an offer."));
    return offer;
}

} // namespace lt
