#include "sync/square/LoyaltyJson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace lt {

namespace {
QJsonValue field(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key));
}

SquareResult<SquareAccount> accountFrom(const QJsonValue& value)
{
    const QJsonObject json = value.toObject();
    SquareAccount account;
    account.id = field(json, "id").toString();
    if (account.id.isEmpty())
        return SquareError::malformed(QStringLiteral("Square answered without a loyalty account id."));
    account.phone = field(field(json, "mapping").toObject(), "phone_number").toString();
    const QJsonValue balance = field(json, "balance");
    if (balance.isDouble() && double(balance.toInteger()) == balance.toDouble())
        account.balance = balance.toInteger();
    account.enrolledAt = field(json, "enrolled_at").toString();
    return account;
}
} // namespace

SquareResult<SquareProgram> LoyaltyJson::program(const QJsonObject& answer)
{
    const QJsonValue program = field(answer, "program");
    if (!program.isObject())
        return SquareError::malformed(QStringLiteral("Square answered without a loyalty program."));
    const QString id = field(program.toObject(), "id").toString();
    if (id.isEmpty())
        return SquareError::malformed(QStringLiteral("Square answered without a loyalty program id."));
    return SquareProgram {id, program.toObject()};
}

SquareResult<SquareAccount> LoyaltyJson::account(const QJsonObject& answer)
{
    return accountFrom(field(answer, "loyalty_account"));
}

SquareResult<QList<SquareAccount>> LoyaltyJson::accounts(const QJsonObject& answer)
{
    const QJsonValue list = field(answer, "loyalty_accounts");
    if (!list.isUndefined() && !list.isArray())
        return SquareError::malformed(QStringLiteral("Square's account list is not a list."));
    QList<SquareAccount> accounts;
    for (const QJsonValue& value : list.toArray()) {
        auto account = accountFrom(value);
        if (!account)
            return account.error();
        accounts.append(*account);
    }
    return accounts;
}

SquareResult<SquareReward> LoyaltyJson::reward(const QJsonObject& answer)
{
    const QString id = field(field(answer, "reward").toObject(), "id").toString();
    if (id.isEmpty())
        return SquareError::malformed(QStringLiteral("Square answered without a reward id."));
    return SquareReward {id};
}

SquareEvents LoyaltyJson::createdEvents(const QJsonObject& answer)
{
    QJsonArray values = field(answer, "events").toArray();
    if (const QJsonValue event = field(answer, "event"); event.isObject())
        values.append(event);
    SquareEvents created;
    for (const QJsonValue& value : std::as_const(values)) {
        auto event = SquareEvent::fromJson(value.toObject());
        if (event)
            created.events.append(*event);
        else
            created.unusable.append(event.error().message);
    }
    return created;
}

SquareResult<SquareEventPage> LoyaltyJson::eventPage(const QJsonObject& answer)
{
    // A page is taken whole or not at all: one unusable event refuses it.
    const QJsonValue events = field(answer, "events");
    if (!events.isUndefined() && !events.isArray())
        return SquareError::malformed(QStringLiteral("Square's event list is not a list; nothing was taken from it."));
    SquareEventPage page;
    for (const QJsonValue& value : events.toArray()) {
        auto event = SquareEvent::fromJson(value.toObject());
        if (!event)
            return SquareError::malformed(event.error().message);
        page.events.append(*event);
    }
    if (const QJsonValue cursor = field(answer, "cursor"); cursor.isString())
        page.cursor = cursor.toString();
    return page;
}

SquareResult<SquarePromotionPage> LoyaltyJson::promotionPage(const QJsonObject& answer)
{
    const QJsonValue promotions = field(answer, "loyalty_promotions");
    if (!promotions.isUndefined() && !promotions.isArray())
        return SquareError::malformed(
            QCoreApplication::translate("LoyaltyJson", "Square's promotion list is not a list."));
    SquarePromotionPage page;
    for (const QJsonValue& value : promotions.toArray()) {
        const QString id = field(value.toObject(), "id").toString();
        auto promotion = Promotion::fromSquareJson(value.toObject());
        if (!promotion)
            return SquareError::malformed(
                QCoreApplication::translate("LoyaltyJson", "Square's promotion %1 cannot be used: %2")
                    .arg(id, promotion.error().message));
        if (promotion->squareId.isEmpty() || !promotion->createdAt.isValid())
            return SquareError::malformed(
                QStringLiteral("Square answered a promotion without its id or creation time."));
        page.promotions.append(*promotion);
    }
    if (const QJsonValue cursor = field(answer, "cursor"); cursor.isString())
        page.cursor = cursor.toString();
    return page;
}

QJsonObject LoyaltyJson::eventQuery(const SquareEventFilter& filter)
{
    QJsonObject conditions;
    if (!filter.accountId.isEmpty())
        conditions.insert(QStringLiteral("loyalty_account_filter"),
                          QJsonObject {{QStringLiteral("loyalty_account_id"), filter.accountId}});
    if (!filter.types.isEmpty())
        conditions.insert(QStringLiteral("type_filter"),
                          QJsonObject {{QStringLiteral("types"), QJsonArray::fromStringList(filter.types)}});
    if (filter.createdFrom.isValid())
        conditions.insert(QStringLiteral("date_time_filter"),
                          QJsonObject {{QStringLiteral("created_at"),
                                        QJsonObject {{QStringLiteral("start_at"),
                                                      filter.createdFrom.toUTC().toString(Qt::ISODateWithMs)}}}});
    return QJsonObject {{QStringLiteral("filter"), conditions}};
}

} // namespace lt
