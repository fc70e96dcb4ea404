#include "core/services/CardNumberAllocator.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/domain/CardNumber.h"
#include "core/store/AuditLog.h"
#include "core/store/MemberStore.h"
#include "core/store/Transaction.h"

namespace lt {

Result<qint64> CardNumberAllocator::nextSerial() const
{
    LT_TRY_ASSIGN(const QString highestCard, MemberStore(m_db).highestCard(CardNumber::Prefix));
    LT_TRY_ASSIGN(const qint64 highestReserved, CardBatchStore(m_db).highestSerial());
    const qint64 highestIssued = highestCard.isEmpty() ? 0 : highestCard.mid(2, 10).toLongLong();
    return std::max(highestIssued, highestReserved) + 1;
}

Result<CardBatch> CardNumberAllocator::reserve(int count, const Actor& actor)
{
    if (count < 1 || count > MaximumBatch)
        return Error::invalid(tr("A batch holds 1 to %1 cards, not %2.").arg(MaximumBatch).arg(count),
                              QStringLiteral("count"));
    const auto reserveNumbers = [&]() -> Result<CardBatch> {
        LT_TRY_ASSIGN(const qint64 first, nextSerial());
        if (first + count - 1 > HighestSerial)
            return Error::refused(tr("Only %1 card numbers are left; a batch of %2 does not fit.")
                                      .arg(HighestSerial - first + 1)
                                      .arg(count));
        CardBatch batch;
        batch.firstSerial = first;
        batch.count = count;
        batch.reservedBy = actor.name();
        batch.reservedAt = m_clock.nowUtc();
        LT_TRY_ASSIGN(batch.id, CardBatchStore(m_db).insert(batch));
        LT_TRY(AuditLog(m_db, m_clock)
                   .record(actor.name(), QStringLiteral("cards.reserve"), QStringLiteral("card_batch:%1").arg(batch.id),
                           {{QStringLiteral("first"), CardNumber::fromSerial(batch.firstSerial)},
                            {QStringLiteral("count"), count}}));
        return batch;
    };
    LT_TRY_ASSIGN(const CardBatch batch, inTransaction(m_db, reserveNumbers));
    qCInfo(lcServices) << "reserved" << batch.count << "card numbers as batch" << batch.id;
    return batch;
}

} // namespace lt
