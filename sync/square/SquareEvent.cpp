#include "sync/square/SquareEvent.h"

#include "sync/square/AdjustmentReference.h"

#include <QDateTime>

namespace lt {

namespace {
Error unusableEvent(const QString& what)
{
    return Error::invalid(QStringLiteral("Square sent a loyalty event that cannot be used: %1").arg(what));
}
} // namespace

Result<SquareEvent> SquareEvent::fromJson(const QJsonObject& json)
{
    SquareEvent event;
    for (auto [key, target] :
         {std::pair {"id", &event.id}, std::pair {"type", &event.type},
          std::pair {"loyalty_account_id", &event.accountId}, std::pair {"created_at", &event.createdAt}}) {
        const QJsonValue value = json.value(QLatin1String(key));
        if (!value.isString() || value.toString().isEmpty() || value.toString().size() > 192)
            return unusableEvent(QStringLiteral("%1 is missing or not a string.").arg(QLatin1String(key)));
        *target = value.toString();
    }
    if (!QDateTime::fromString(event.createdAt, Qt::ISODateWithMs).isValid())
        return unusableEvent(QStringLiteral("created_at '%1' is not a time.").arg(event.createdAt.left(40)));
    event.locationId = json.value(QLatin1String("location_id")).toString();
    event.source = json.value(QLatin1String("source")).toString();

    // The detail object named after the type carries the points.
    static const QList<std::pair<QString, QString>> details {
        {QStringLiteral("ACCUMULATE_POINTS"), QStringLiteral("accumulate_points")},
        {QStringLiteral("ACCUMULATE_PROMOTION_POINTS"), QStringLiteral("accumulate_promotion_points")},
        {QStringLiteral("ADJUST_POINTS"), QStringLiteral("adjust_points")},
        {QStringLiteral("CREATE_REWARD"), QStringLiteral("create_reward")},
        {QStringLiteral("REDEEM_REWARD"), QStringLiteral("redeem_reward")},
        {QStringLiteral("DELETE_REWARD"), QStringLiteral("delete_reward")},
        {QStringLiteral("EXPIRE_POINTS"), QStringLiteral("expire_points")},
        {QStringLiteral("OTHER"), QStringLiteral("other_event")},
    };
    QString detailKey;
    for (const auto& [type, key] : details) {
        if (type == event.type)
            detailKey = key;
    }
    if (detailKey.isEmpty())
        return unusableEvent(QStringLiteral("unknown type '%1'.").arg(event.type.left(40)));
    const QJsonObject detail = json.value(detailKey).toObject();
    event.rewardId = detail.value(QLatin1String("reward_id")).toString();
    event.reason = detail.value(QLatin1String("reason")).toString();
    if (event.type == QLatin1String("REDEEM_REWARD"))
        return event; // the points left the balance when the reward was created
    const QJsonValue points = detail.value(QLatin1String("points"));
    if (!points.isDouble() || double(points.toInteger()) != points.toDouble()
        || std::abs(points.toInteger()) > 1000000000)
        return unusableEvent(QStringLiteral("%1.points is missing or not an integer.").arg(detailKey));
    event.points = points.toInteger();
    // Square reports these as positive amounts taken from the balance; the sign is ours to apply.
    if ((event.type == QLatin1String("CREATE_REWARD") || event.type == QLatin1String("EXPIRE_POINTS"))
        && event.points > 0)
        event.points = -event.points;
    return event;
}

SquareEventStore::Event SquareEvent::stored() const
{
    return SquareEventStore::Event {
        id,        accountId,  type,
        points,    locationId, source,
        createdAt, rewardId,   AdjustmentReference::shortened(reason, SquareEventStore::MaxReasonLength)};
}

} // namespace lt
