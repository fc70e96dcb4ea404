#pragma once

#include "core/domain/Promotion.h"
#include "sync/square/SquareEvent.h"
#include "sync/square/SquareResult.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lt {

// Square's loyalty objects as sync uses them, read from Square's answers.

// A LoyaltyAccount. Its id is always there (an answer without one is refused); the rest as Square sent it.
struct SquareAccount
{
    QString id;
    QString phone; // mapping.phone_number, E.164 as Square keeps it; may be empty
    std::optional<qint64> balance; // absent when Square sent none or not a whole number
    QString enrolledAt; // RFC 3339, as Square sent it
};

// A LoyaltyReward just created.
struct SquareReward
{
    QString id;
};

// The seller's LoyaltyProgram: its id, and the object itself, which SquareProgramMapper reads into the store's
// program (it needs the store's current program to do so).
struct SquareProgram
{
    QString id;
    QJsonObject json;
};

// The events a call says it created (accumulate, adjust, redeem). The points already moved at Square, so an event
// that cannot be read does not refuse the answer: it is named in `unusable` instead.
struct SquareEvents
{
    QList<SquareEvent> events;
    QStringList unusable; // why each unreadable event was left out
};

// One page of SearchLoyaltyEvents: newest first; `cursor` is empty on the last page.
struct SquareEventPage
{
    QList<SquareEvent> events;
    QString cursor;
};

// One page of ListLoyaltyPromotions: newest first; `cursor` is empty on the last page.
struct SquarePromotionPage
{
    QList<Promotion> promotions;
    QString cursor;
};

// Which events a search reads; an empty field does not filter.
struct SquareEventFilter
{
    QString accountId;
    QStringList types; // ACCUMULATE_POINTS, ADJUST_POINTS, ...
    QDateTime createdFrom; // events created at or after this moment
};

// Reads Square's answers strictly: a missing id or a field of the wrong type refuses the whole answer as
// SquareError::Kind::Malformed, never guessed at; unknown fields are ignored.
class LoyaltyJson
{
public:
    static SquareResult<SquareProgram> program(const QJsonObject& answer); // {"program": {...}}
    static SquareResult<SquareAccount> account(const QJsonObject& answer); // {"loyalty_account": {...}}
    static SquareResult<QList<SquareAccount>> accounts(const QJsonObject& answer); // {"loyalty_accounts": [...]}
    static SquareResult<SquareReward> reward(const QJsonObject& answer); // {"reward": {...}}
    static SquareEvents createdEvents(const QJsonObject& answer); // {"events": [...]} or {"event": {...}}
    static SquareResult<SquareEventPage> eventPage(const QJsonObject& answer); // {"events": [...], "cursor": "..."}
    // {"loyalty_promotions": [...], "cursor": "..."}: every promotion read by Promotion::fromSquareJson, with its id
    // and creation time (the newest created wins at the till); one that cannot be read refuses the page.
    static SquareResult<SquarePromotionPage> promotionPage(const QJsonObject& answer);

    static QJsonObject eventQuery(const SquareEventFilter& filter); // SearchLoyaltyEvents' "query"
};

} // namespace lt
