#pragma once

#include "core/common/Result.h"
#include "core/domain/ExpiryRules.h"

#include <QDate>
#include <QList>

#include <optional>

namespace lt {

class Actor;
struct EngineContext;

// The program's expiration policy applied to members' points (ExpiryRules). A store connected to Square never
// expires points itself: Square does, and the pull records its EXPIRE_POINTS events as Expire entries, so that the
// same points can never expire twice. An unconnected store records expiry here, from its daily automation pass.
class ExpiryService
{
public:
    struct Expired
    {
        qint64 memberId = 0;
        qint64 points = 0; // positive: what the balance lost
    };
    // Members whose points expire per write transaction: a sale at the till waits for one such transaction at most
    // (about 25 ms), never for the whole pass; fewer would spend the pass on commits (each one a sync to disk).
    static constexpr int MembersPerTransaction = 1000;

    explicit ExpiryService(EngineContext& context)
        : m_context(context)
    {
    }

    // Whether this store records expiry itself: its program expires points and Square does not run it.
    bool expiresLocally() const;
    // The member's points by the last day they are valid, oldest first; they add up to the balance when it is
    // positive (points past their last day whose expiry is not recorded yet come first). Empty when the program
    // lets points live for ever.
    Result<QList<ExpiringPoints>> expiring(qint64 memberId, QDate today) const;
    // Records, for every member, the points whose last day is before `today` as one Expire entry (its note names
    // the months they were earned in), sent nowhere: an unconnected store has no Square. Nothing when the store
    // does not expire points locally. Running it again the same day expires nothing more; a till that was off
    // catches up, as what is due depends only on the ledger and `today`.
    Result<QList<Expired>> expireDue(QDate today, const Actor& actor);

    // The points of every member that will expire within 30, 60 and 90 days of `today` (their last valid day before
    // today + N), whoever expires them (this store or Square), for the reports' liability. One read of the ledger.
    struct Forecast
    {
        QDate on;
        qint64 within30 = 0;
        qint64 within60 = 0;
        qint64 within90 = 0;
    };
    Result<Forecast> forecast(QDate today) const;
    // The automation pass keeps the day's forecast in the store's state under this key, as forecastText writes it.
    static QString forecastStateKey();
    static QString forecastText(const Forecast& forecast);
    static std::optional<Forecast> forecastFrom(const QString& text); // nullopt for a text it did not write

private:
    EngineContext& m_context;
};

} // namespace lt
