#pragma once

#include "core/common/Result.h"
#include "core/domain/Grant.h"

#include <QString>

namespace lt {

class Actor;
class Clock;
class Database;

// Posts what the program gives by itself, each under its natural key: the grants row, the ledger entry and the
// operation for Square, whose idempotency key is the natural key. Two tills of a store that each decide the same
// bonus send Square the same request under the same key, so Square applies it once; a till that pulls the other
// one's grant first records it under its key and never grants it again. Runs inside the caller's transaction.
class BonusGranter
{
public:
    BonusGranter(Database& db, const Clock& clock, const Actor& actor)
        : m_db(db)
        , m_clock(clock)
        , m_actor(actor)
    {
    }

    // "lt1-birthday-2026-<digest of the phone>": the same on every till; empty without a phone (an erased member).
    static QString naturalKey(GrantKind kind, const QString& period, const QString& phoneE164);
    // The kind and period in a natural key; false for a key that is not one.
    static bool parseKey(const QString& key, GrantKind* kind, QString* period);
    // The reason Square records for a grant. Part of the request Square compares under the key, so the same on
    // every till whatever its language or its members' numbers: a different one would be IDEMPOTENCY_KEY_REUSED.
    static QString squareReason(GrantKind kind, const QString& period);

    // Gives the member the points, under the key of `keyPhoneE164` (the member's own phone, or for a referrer the
    // phone of the member they brought in); false when the key was granted already (nothing is written).
    Result<bool> grant(qint64 memberId, const QString& keyPhoneE164, GrantKind kind, const QString& period,
                       qint64 points, const QString& note, qint64 saleId = 0);
    // Takes a granted bonus back (its sale was refunded): a negative entry for Square and the grant reversed.
    Result<void> reverse(const Grant& grant, const QString& note);

private:
    Database& m_db;
    const Clock& m_clock;
    const Actor& m_actor;
};

} // namespace lt
