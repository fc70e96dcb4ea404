#pragma once

#include "core/common/Result.h"
#include "core/domain/StorageNames.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace lt {

class Database;

// What became of an event Square reported, stored as text in square_events.state.
enum class SquareEventState {
    Held, // not settled yet: its account is unknown here, its history is not read, or an operation of the member
          // has an unknown outcome
    Ours, // this store's own operation, already in the ledger (Square returned it to a push, or it names our key)
    Applied, // made elsewhere: mirrored by one ledger entry, never queued back to Square
    Ignored, // nothing to mirror: no points, or an account Square deleted
};

QString toStorage(SquareEventState state);
template<>
Result<SquareEventState> fromStorage<SquareEventState>(const QString& text);

// Owns the square_events table: every loyalty event Square reported, kept once by its id with what became of it,
// so that a page read twice counts once and the store's own operations are never counted again.
class SquareEventStore
{
public:
    static constexpr int MaxReasonLength = 500; // a longer reason is cut; sync keeps an adjustment's reference in it

    struct Event
    {
        QString id;
        QString accountId;
        QString type;
        qint64 points = 0;
        QString locationId;
        QString source;
        QString createdAt; // RFC 3339, as Square sent it
        QString rewardId;
        QString reason;
    };

    // A kept event, with the member linked to its account (this also reads members).
    struct Kept
    {
        Event event;
        SquareEventState state = SquareEventState::Held;
        qint64 memberId = 0; // 0 when no member here is linked to the account
        bool memberHistoryRead = false; // the member's whole Square history has been read
    };

    explicit SquareEventStore(Database& db)
        : m_db(db)
    {
    }

    // Keeps an event read from Square as held, unless it is kept already (then nothing changes).
    Result<void> keepHeld(const Event& event, const QDateTime& pulledAt);
    // Keeps an event Square created for one of the store's operations as ours; one read before and still held
    // becomes ours too.
    Result<void> keepOurs(const Event& event, qint64 memberId, qint64 outboxId, const QDateTime& pulledAt);
    Result<std::optional<Kept>> byId(const QString& eventId) const;
    // True when the event is kept and no longer held: an operation or a ledger entry has claimed it.
    Result<bool> isSettled(const QString& eventId) const;
    // The held events, oldest first.
    Result<QStringList> heldIds() const;

    // What became of a held event: outboxId for one of ours, ledgerId for one applied here (0 for none).
    Result<void> settle(const QString& eventId, SquareEventState state, qint64 memberId, qint64 outboxId,
                        qint64 ledgerId);
    // The account is gone from Square: its held events cannot belong to anyone here.
    Result<void> ignoreHeldOf(const QString& accountId);

private:
    Database& m_db;
};

} // namespace lt
