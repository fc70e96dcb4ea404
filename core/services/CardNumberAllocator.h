#pragma once

#include "core/common/Result.h"
#include "core/store/CardBatchStore.h"

#include <QCoreApplication>

namespace lt {

class Actor;
class Clock;
class Database;

// Numbers the store's new cards: one for a member at the till (the next serial after every card issued and every
// number reserved), or a batch reserved for cards printed before anyone has them, so that no number printed on a
// pre-printed card is ever given to someone else. A member is enrolled with a pre-printed card by scanning it.
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
    // Reserves `count` consecutive numbers in one transaction, audited as cards.reserve.
    Result<CardBatch> reserve(int count, const Actor& actor);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace lt
