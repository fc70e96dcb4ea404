#pragma once

#include "core/common/Result.h"
#include "core/store/CardBatchStore.h"

#include <QCoreApplication>

namespace lt {

class Actor;
class Clock;
class Database;

// A new card planned for a member: drawn on a sheet first, given once the sheet is ready.
struct PlannedCard
{
    qint64 memberId = 0;
    qint64 serial = 0; // CardNumber's 10-digit serial
};

// Numbers the store's new cards: one for a member at the till (the next serial after every card issued and every
// number reserved), or a batch reserved for cards printed before anyone has them, so that no number printed on a
// pre-printed card is ever given to someone else. A member is enrolled with a pre-printed card by scanning it.
//
// Sheets are drawn before the store changes: plan() says which numbers are free now without taking them, the sheet
// is drawn with them, then reservePlanned() or issuePlanned() takes them in one short transaction, refused when
// another till gave out a number meanwhile. The write lock is never held while a sheet is drawn.
class CardNumberAllocator
{
    Q_DECLARE_TR_FUNCTIONS(lt::CardNumberAllocator)
public:
    static constexpr qint64 HighestSerial = 9999999999LL; // the 10 digits between "29" and the check digit
    static constexpr int MaximumBatch = 10000; // a thousand A4 sheets

    CardNumberAllocator(Database& db, const Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    // The serial after the highest issued or reserved; HighestSerial + 1 when every number is used. Inside the
    // caller's transaction, so that the number is taken before another writer can look.
    Result<qint64> nextSerial() const;
    // The first of `count` (1 to MaximumBatch) consecutive serials free now; nothing is taken.
    Result<qint64> plan(int count) const;
    // Reserves `count` consecutive numbers in one transaction, audited as cards.reserve.
    Result<CardBatch> reserve(int count, const Actor& actor);
    // Reserves the numbers plan() gave, in one transaction audited as cards.reserve; Conflict, with nothing
    // reserved, when one of them was issued or reserved since.
    Result<CardBatch> reservePlanned(qint64 firstSerial, int count, const Actor& actor);
    // Gives each member its planned card in one transaction, each audited as member.card (as the till's new card
    // is); Conflict, with nothing given, when one of the numbers was taken since, or a member has left the program
    // or been given a card meanwhile.
    Result<void> issuePlanned(const QList<PlannedCard>& cards, const Actor& actor);

private:
    Result<void> checkRange(qint64 firstSerial, qint64 count) const;
    Result<void> checkStillFree(qint64 firstSerial) const;
    Result<CardBatch> insertBatch(qint64 firstSerial, int count, const Actor& actor);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace lt
