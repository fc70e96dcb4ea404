#include "core/services/CardNumberAllocator.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/domain/CardNumber.h"
#include "core/store/AuditLog.h"
#include "core/store/MemberStore.h"
#include "core/store/Transaction.h"

#include <QSet>

#include <algorithm>

namespace lt {

Result<qint64> CardNumberAllocator::nextSerial() const
{
    LT_TRY_ASSIGN(const QString highestCard, MemberStore(m_db).highestCard(CardNumber::Prefix));
    LT_TRY_ASSIGN(const qint64 highestReserved, CardBatchStore(m_db).highestSerial());
    const qint64 highestIssued = highestCard.isEmpty() ? 0 : highestCard.mid(2, 10).toLongLong();
    return std::max(highestIssued, highestReserved) + 1;
}

Result<qint64> CardNumberAllocator::plan(int count) const
{
    if (count < 1 || count > MaximumBatch)
        return Error::invalid(tr("A batch holds 1 to %1 cards, not %2.").arg(MaximumBatch).arg(count),
                              QStringLiteral("count"));
    LT_TRY_ASSIGN(const qint64 first, nextSerial());
    if (first + count - 1 > HighestSerial)
        return Error::refused(
            tr("Only %1 card numbers are left; a batch of %2 does not fit.").arg(HighestSerial - first + 1).arg(count));
    return first;
}

Result<CardBatch> CardNumberAllocator::reserve(int count, const Actor& actor)
{
    LT_TRY_ASSIGN(const CardBatch batch, inTransaction(m_db, [&]() -> Result<CardBatch> {
                      LT_TRY_ASSIGN(const qint64 first, plan(count));
                      return insertBatch(first, count, actor);
                  }));
    qCInfo(lcServices) << "reserved" << batch.count << "card numbers as batch" << batch.id;
    return batch;
}

Result<CardBatch> CardNumberAllocator::reservePlanned(qint64 firstSerial, int count, const Actor& actor)
{
    if (count < 1 || count > MaximumBatch)
        return Error::invalid(tr("A batch holds 1 to %1 cards, not %2.").arg(MaximumBatch).arg(count),
                              QStringLiteral("count"));
    LT_TRY(checkRange(firstSerial, count));
    LT_TRY_ASSIGN(const CardBatch batch, inTransaction(m_db, [&]() -> Result<CardBatch> {
                      LT_TRY(checkStillFree(firstSerial));
                      return insertBatch(firstSerial, count, actor);
                  }));
    qCInfo(lcServices) << "reserved" << batch.count << "planned card numbers as batch" << batch.id;
    return batch;
}

Result<void> CardNumberAllocator::issuePlanned(const QList<PlannedCard>& cards, const Actor& actor)
{
    if (cards.isEmpty())
        return Error::invalid(tr("No cards were planned."));
    qint64 lowest = HighestSerial;
    QSet<qint64> serials;
    for (const PlannedCard& card : cards) {
        LT_TRY(checkRange(card.serial, 1));
        lowest = std::min(lowest, card.serial);
        serials.insert(card.serial);
    }
    if (serials.size() != cards.size())
        return Error::invalid(tr("A card number was planned twice."));
    LT_TRY(inTransaction(m_db, [&]() -> Result<void> {
        LT_TRY(checkStillFree(lowest));
        MemberStore members(m_db);
        AuditLog audit(m_db, m_clock);
        const QDateTime now = m_clock.nowUtc();
        for (const PlannedCard& card : cards) {
            LT_TRY_ASSIGN(const std::optional<Member> member, members.byId(card.memberId));
            if (!member || member->erased)
                return Error::conflict(
                    tr("Member %1 left the program while the cards were drawn; no card was given. Run the command "
                       "again.")
                        .arg(card.memberId));
            if (!member->card.isEmpty())
                return Error::conflict(tr("Member %1 was given the card %2 while the cards were drawn; no card was "
                                          "given. Run the command again.")
                                           .arg(card.memberId)
                                           .arg(member->card));
            LT_TRY(members.addCard(card.memberId, CardNumber::fromSerial(card.serial), now));
            LT_TRY(audit.record(actor.name(), QStringLiteral("member.card"),
                                QStringLiteral("member:%1").arg(card.memberId)));
        }
        return {};
    }));
    qCInfo(lcServices) << "gave" << cards.size() << "members a planned card";
    return {};
}

Result<void> CardNumberAllocator::checkRange(qint64 firstSerial, qint64 count) const
{
    if (firstSerial < 1 || count < 1 || firstSerial + count - 1 > HighestSerial)
        return Error::invalid(tr("Card serials run from 1 to %1.").arg(HighestSerial), QStringLiteral("serial"));
    return {};
}

Result<void> CardNumberAllocator::checkStillFree(qint64 firstSerial) const
{
    // Every number from nextSerial() up is free: the till and batches only ever number upwards.
    LT_TRY_ASSIGN(const qint64 next, nextSerial());
    if (firstSerial < next)
        return Error::conflict(tr("Card numbers from %1 on were given out or reserved at another till while the cards "
                                  "were drawn; nothing was changed. Run the command again.")
                                   .arg(CardNumber::fromSerial(firstSerial)));
    return {};
}

Result<CardBatch> CardNumberAllocator::insertBatch(qint64 firstSerial, int count, const Actor& actor)
{
    CardBatch batch;
    batch.firstSerial = firstSerial;
    batch.count = count;
    batch.reservedBy = actor.name();
    batch.reservedAt = m_clock.nowUtc();
    LT_TRY_ASSIGN(batch.id, CardBatchStore(m_db).insert(batch));
    LT_TRY(AuditLog(m_db, m_clock)
               .record(actor.name(), QStringLiteral("cards.reserve"), QStringLiteral("card_batch:%1").arg(batch.id),
                       {{QStringLiteral("first"), CardNumber::fromSerial(batch.firstSerial)},
                        {QStringLiteral("count"), count}}));
    return batch;
}

} // namespace lt
