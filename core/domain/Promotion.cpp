#include "core/domain/Promotion.h"

#include "core/domain/Money.h"
#include "core/domain/ProgramFields.h"
#include "core/domain/PromotionSchedule.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace lt {

namespace {
constexpr std::pair<Promotion::Status, const char*> StatusNames[] = {
    {Promotion::Status::Active, "ACTIVE"},
    {Promotion::Status::Scheduled, "SCHEDULED"},
    {Promotion::Status::Ended, "ENDED"},
    {Promotion::Status::Canceled, "CANCELED"},
};

// Square marks optional fields with null as readily as it leaves them out.
bool present(const QJsonObject& json, const char* key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    return !value.isUndefined() && !value.isNull();
}

QString rfc3339(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

Result<QDateTime> momentOf(const ProgramFields& fields, const QJsonObject& json, const char* key)
{
    if (!present(json, key))
        return QDateTime();
    const QJsonValue value = json.value(QLatin1String(key));
    QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(value.toString(), Qt::ISODate);
    if (!value.isString() || !at.isValid() || at.timeSpec() == Qt::LocalTime)
        return fields.invalid(
            QLatin1String(key),
            QCoreApplication::translate("Promotion", "must be a moment such as 2024-03-05T16:00:00Z."));
    return at.toUTC();
}

Result<QDate> dateOf(const ProgramFields& fields, const QJsonObject& json, const char* key, QDate fallback)
{
    if (!present(json, key))
        return fallback;
    const QJsonValue value = json.value(QLatin1String(key));
    const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
    if (!value.isString() || !date.isValid())
        return fields.invalid(QLatin1String(key),
                              QCoreApplication::translate("Promotion", "must be a date such as 2024-03-05."));
    return date;
}

Result<void> readIncentive(const QJsonObject& json, Promotion& promotion)
{
    const ProgramFields fields(json, QStringLiteral("incentive"));
    LT_TRY_ASSIGN(const QString type,
                  fields.choice(QStringLiteral("type"),
                                {QStringLiteral("POINTS_MULTIPLIER"), QStringLiteral("POINTS_ADDITION")},
                                std::nullopt));
    if (type == QLatin1String("POINTS_ADDITION")) {
        promotion.incentive = Promotion::Incentive::Addition;
        LT_TRY_ASSIGN(const QJsonObject data, fields.object(QStringLiteral("points_addition_data")));
        const ProgramFields addition(data, fields.pathOf(QStringLiteral("points_addition_data")));
        LT_TRY_ASSIGN(promotion.pointsAddition,
                      addition.integer(QStringLiteral("points_addition"), 1, Promotion::MaxPointsAddition));
        return {};
    }
    promotion.incentive = Promotion::Incentive::Multiplier;
    LT_TRY_ASSIGN(const QJsonObject data, fields.object(QStringLiteral("points_multiplier_data")));
    const ProgramFields multiplier(data, fields.pathOf(QStringLiteral("points_multiplier_data")));
    if (present(data, "multiplier")) {
        LT_TRY_ASSIGN(promotion.multiplierMilli,
                      multiplier.multiplierMilli(QStringLiteral("multiplier"), std::nullopt));
    } else if (present(data, "points_multiplier")) { // deprecated since 2023-08-16: a whole multiplier 2-10
        LT_TRY_ASSIGN(const qint64 times, multiplier.integer(QStringLiteral("points_multiplier"), 2, 10));
        promotion.multiplierMilli = int(times) * 1000;
    } else {
        return multiplier.invalid(QStringLiteral("multiplier"),
                                  QCoreApplication::translate("Promotion", "is missing."));
    }
    if (promotion.multiplierMilli <= 1000)
        return multiplier.invalid(
            QStringLiteral("multiplier"),
            QCoreApplication::translate("Promotion", "must be more than 1: it multiplies the points."));
    return {};
}

Result<void> readLimits(const ProgramFields& fields, const QJsonObject& json, Promotion& promotion)
{
    if (present(json, "trigger_limit")) {
        LT_TRY_ASSIGN(const QJsonObject data, fields.object(QStringLiteral("trigger_limit")));
        const ProgramFields limit(data, QStringLiteral("trigger_limit"));
        Promotion::TriggerLimit trigger;
        LT_TRY_ASSIGN(const qint64 times, limit.integer(QStringLiteral("times"), 1, 30));
        trigger.times = int(times);
        if (present(data, "interval")) {
            LT_TRY_ASSIGN(const QString interval,
                          limit.choice(QStringLiteral("interval"), {QStringLiteral("DAY"), QStringLiteral("ALL_TIME")},
                                       std::nullopt));
            trigger.interval =
                interval == QLatin1String("DAY") ? Promotion::LimitInterval::Day : Promotion::LimitInterval::AllTime;
        }
        promotion.triggerLimit = trigger;
    }
    if (present(json, "minimum_spend_amount_money")) {
        LT_TRY_ASSIGN(const QJsonObject data, fields.object(QStringLiteral("minimum_spend_amount_money")));
        const ProgramFields money(data, QStringLiteral("minimum_spend_amount_money"));
        LT_TRY_ASSIGN(promotion.minimumSpendMinor,
                      money.integer(QStringLiteral("amount"), 1, Money::MaximumMinorUnits));
        LT_TRY_ASSIGN(promotion.currency, money.text(QStringLiteral("currency")));
        if (!Money::isValidCurrencyCode(promotion.currency))
            return money.invalid(QStringLiteral("currency"),
                                 QCoreApplication::translate("Promotion", "must be a currency code such as USD."));
    }
    if (present(json, "qualifying_item_variation_ids")) {
        LT_TRY_ASSIGN(promotion.itemVariationIds, fields.textList(QStringLiteral("qualifying_item_variation_ids")));
    }
    if (present(json, "qualifying_category_ids")) {
        LT_TRY_ASSIGN(promotion.categoryIds, fields.textList(QStringLiteral("qualifying_category_ids")));
    }
    if (!promotion.itemVariationIds.isEmpty() && !promotion.categoryIds.isEmpty())
        return fields.invalid(
            QStringLiteral("qualifying_category_ids"),
            QCoreApplication::translate(
                "Promotion", "cannot be given with qualifying_item_variation_ids: choose items or categories."));
    return {};
}
} // namespace

bool Promotion::isLive() const
{
    return (status == Status::Active || status == Status::Scheduled) && !canceledAt.isValid();
}

QString Promotion::incentiveText() const
{
    return incentive == Incentive::Multiplier ? multiplierText(multiplierMilli) + QLatin1Char('x')
                                              : QStringLiteral("+%1").arg(pointsAddition);
}

QJsonObject Promotion::toSquareJson() const
{
    QJsonObject json {{QStringLiteral("name"), name}, {QStringLiteral("status"), toStorage(status)}};
    if (!squareId.isEmpty())
        json.insert(QStringLiteral("id"), squareId);
    if (incentive == Incentive::Multiplier)
        json.insert(QStringLiteral("incentive"),
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("POINTS_MULTIPLIER")},
                                 {QStringLiteral("points_multiplier_data"),
                                  QJsonObject {{QStringLiteral("multiplier"), multiplierText(multiplierMilli)}}}});
    else
        json.insert(QStringLiteral("incentive"),
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("POINTS_ADDITION")},
                                 {QStringLiteral("points_addition_data"),
                                  QJsonObject {{QStringLiteral("points_addition"), pointsAddition}}}});
    QJsonObject available {{QStringLiteral("time_periods"), QJsonArray::fromStringList(periods)}};
    if (startDate.isValid())
        available.insert(QStringLiteral("start_date"), startDate.toString(Qt::ISODate));
    if (endDate.isValid())
        available.insert(QStringLiteral("end_date"), endDate.toString(Qt::ISODate));
    json.insert(QStringLiteral("available_time"), available);
    if (triggerLimit)
        json.insert(QStringLiteral("trigger_limit"),
                    QJsonObject {{QStringLiteral("times"), triggerLimit->times},
                                 {QStringLiteral("interval"),
                                  triggerLimit->interval == LimitInterval::Day ? QStringLiteral("DAY")
                                                                               : QStringLiteral("ALL_TIME")}});
    if (minimumSpendMinor > 0)
        json.insert(
            QStringLiteral("minimum_spend_amount_money"),
            QJsonObject {{QStringLiteral("amount"), minimumSpendMinor}, {QStringLiteral("currency"), currency}});
    if (!itemVariationIds.isEmpty())
        json.insert(QStringLiteral("qualifying_item_variation_ids"), QJsonArray::fromStringList(itemVariationIds));
    if (!categoryIds.isEmpty())
        json.insert(QStringLiteral("qualifying_category_ids"), QJsonArray::fromStringList(categoryIds));
    if (createdAt.isValid())
        json.insert(QStringLiteral("created_at"), rfc3339(createdAt));
    if (canceledAt.isValid())
        json.insert(QStringLiteral("canceled_at"), rfc3339(canceledAt));
    return json;
}

Result<Promotion> Promotion::fromSquareJson(const QJsonObject& json)
{
    const ProgramFields fields(json, QString());
    Promotion promotion;
    if (present(json, "id")) {
        LT_TRY_ASSIGN(promotion.squareId, fields.text(QStringLiteral("id")));
        if (promotion.squareId.isEmpty())
            return fields.invalid(QStringLiteral("id"), QCoreApplication::translate("Promotion", "is empty."));
    }
    LT_TRY_ASSIGN(promotion.name, fields.text(QStringLiteral("name")));
    if (promotion.name.isEmpty())
        return fields.invalid(QStringLiteral("name"), QCoreApplication::translate("Promotion", "is empty."));
    if (promotion.name.size() > MaxNameLength)
        return fields.invalid(
            QStringLiteral("name"),
            QCoreApplication::translate("Promotion", "is longer than %1 characters.").arg(MaxNameLength));
    if (present(json, "status")) {
        LT_TRY_ASSIGN(const QString status,
                      fields.choice(QStringLiteral("status"),
                                    {QStringLiteral("ACTIVE"), QStringLiteral("SCHEDULED"), QStringLiteral("ENDED"),
                                     QStringLiteral("CANCELED")},
                                    std::nullopt));
        LT_TRY_ASSIGN(promotion.status, fromStorage<Status>(status));
    }
    LT_TRY_ASSIGN(const QJsonObject incentive, fields.object(QStringLiteral("incentive")));
    LT_TRY(readIncentive(incentive, promotion));

    LT_TRY_ASSIGN(const QJsonObject available, fields.object(QStringLiteral("available_time")));
    const ProgramFields time(available, QStringLiteral("available_time"));
    if (!available.value(QLatin1String("time_periods")).isArray())
        return time.invalid(QStringLiteral("time_periods"),
                            QCoreApplication::translate("Promotion", "must be a list of iCalendar events."));
    LT_TRY_ASSIGN(promotion.periods, time.textList(QStringLiteral("time_periods")));
    LT_TRY_ASSIGN(const PromotionSchedule schedule, PromotionSchedule::fromPeriods(promotion.periods));
    LT_TRY_ASSIGN(promotion.startDate, dateOf(time, available, "start_date", schedule.firstDate()));
    LT_TRY_ASSIGN(promotion.endDate, dateOf(time, available, "end_date", schedule.lastDate()));
    if (promotion.endDate.isValid() && promotion.endDate < promotion.startDate)
        return time.invalid(QStringLiteral("end_date"),
                            QCoreApplication::translate("Promotion", "comes before start_date."));

    LT_TRY(readLimits(fields, json, promotion));
    LT_TRY_ASSIGN(promotion.createdAt, momentOf(fields, json, "created_at"));
    LT_TRY_ASSIGN(promotion.canceledAt, momentOf(fields, json, "canceled_at"));
    return promotion;
}

QString toStorage(Promotion::Status status)
{
    return storage::nameOf(StatusNames, status);
}

template<>
Result<Promotion::Status> fromStorage<Promotion::Status>(const QString& text)
{
    return storage::kindOf(StatusNames, text, "promotion status");
}

} // namespace lt
