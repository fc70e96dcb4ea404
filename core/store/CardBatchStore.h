#pragma once

#include "core/common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lt {

class Database;

// A run of consecutive card numbers printed before anyone has them: a store hands one of the pre-printed cards to a
// new member, who is enrolled by scanning it. The numbers are the store's own (CardNumber: "29", serial, check).
struct CardBatch
{
    qint64 id = 0;
    qint64 firstSerial = 0; // CardNumber's 10-digit serial of the first card
    int count = 0;
    QString reservedBy;
    QDateTime reservedAt;

    qint64 lastSerial() const { return firstSerial + count - 1; }
    // Every card number of the batch, in order.
    QStringList numbers() const;
};

// Owns the table card_batches: the runs of numbers reserved for pre-printed cards, which new cards are never
// numbered from. Runs inside the caller's transaction.
class CardBatchStore
{
public:
    explicit CardBatchStore(Database& db)
        : m_db(db)
    {
    }

    Result<qint64> insert(const CardBatch& batch);
    // The highest serial any batch reserved; 0 when none was.
    Result<qint64> highestSerial() const;
    Result<std::optional<CardBatch>> byId(qint64 id) const;
    // Every batch, the newest first.
    Result<QList<CardBatch>> all() const;

private:
    Database& m_db;
};

} // namespace lt
