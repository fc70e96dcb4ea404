#pragma once

#include "sync/square/LoyaltyJson.h"
#include "sync/square/SquareResult.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace lt {

class SquareTransport;

// Square's Loyalty API as sync uses it: one method per endpoint, typed arguments in, a parsed answer or a typed
// error out. Paths, request bodies and answers' JSON live here (and in LoyaltyJson) only; SquareClient underneath
// keeps the transport: retries, back-off, the same bytes (so the same idempotency key) on every attempt.
// Every method answers asynchronously, exactly once, on the caller's thread; the till never waits for Square.
class SquareLoyaltyApi
{
public:
    template<typename T>
    using Callback = std::function<void(const SquareResult<T>&)>;

    static constexpr int MaxPhonesPerSearch = 30; // SearchLoyaltyAccounts takes at most 30 mappings
    static constexpr int EventsPerPage = 30; // SearchLoyaltyEvents answers at most 30 a page
    static constexpr int MaxPromotionPages = 1000; // a longer walk is refused rather than followed for ever

    explicit SquareLoyaltyApi(SquareTransport& client);

    // RetrieveLoyaltyProgram "main": a seller has one program.
    void retrieveProgram(Callback<SquareProgram> done);
    // SearchLoyaltyAccounts by phone (E.164), at most MaxPhonesPerSearch: one account per phone at most.
    void searchAccountsByPhone(const QStringList& phones, Callback<QList<SquareAccount>> done);
    // CreateLoyaltyAccount in the program, mapped to the phone.
    void createAccount(const QString& programId, const QString& phone, const QString& idempotencyKey,
                       Callback<SquareAccount> done);
    // RetrieveLoyaltyAccount; an account that is not there (deleted, merged) fails with httpStatus 404.
    // An answer about another account than the one asked for is refused.
    void retrieveAccount(const QString& accountId, Callback<SquareAccount> done);
    // AccumulateLoyaltyPoints: points > 0 earned at the location.
    void accumulatePoints(const QString& accountId, qint64 points, const QString& locationId,
                          const QString& idempotencyKey, Callback<SquareEvents> done);
    // AdjustLoyaltyPoints: signed points; the reason carries the idempotency key (AdjustmentReference).
    void adjustPoints(const QString& accountId, qint64 points, const QString& reason, bool allowNegativeBalance,
                      const QString& idempotencyKey, Callback<SquareEvents> done);
    // CreateLoyaltyReward of one of the program's reward tiers: its points leave the balance now.
    void createReward(const QString& accountId, const QString& rewardTierId, const QString& idempotencyKey,
                      Callback<SquareReward> done);
    // RedeemLoyaltyReward at the location.
    void redeemReward(const QString& rewardId, const QString& locationId, const QString& idempotencyKey,
                      Callback<SquareEvents> done);
    // One page of SearchLoyaltyEvents; a cursor must come with the very filter it came from. SquareEventPager reads
    // every page.
    void searchEvents(const SquareEventFilter& filter, const QString& cursor, Callback<SquareEventPage> done);
    // ListLoyaltyPromotions of the program (its id: the path takes no "main"), of every status, through every cursor
    // page: newest first, as Square lists them. One page that fails fails the whole list.
    void listPromotions(const QString& programId, Callback<QList<Promotion>> done);

private:
    SquareTransport& m_client;
};

} // namespace lt
