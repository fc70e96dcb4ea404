#include "core/services/BonusGranter.h"

#include "core/common/Clock.h"
#include "core/domain/Actor.h"
#include "core/store/GrantStore.h"
#include "core/store/LedgerWriter.h"

#include <QCryptographicHash>

namespace lt {

namespace {
const QString KeyPrefix = QStringLiteral("lt1-");
}

QString BonusGranter::naturalKey(GrantKind kind, const QString& period, const QString& phoneE164)
{
    if (phoneE164.isEmpty())
        return {};
    // A digest, not the number: the key travels to Square inside the adjustment's reason.
    const QByteArray digest =
        QCryptographicHash::hash(QByteArray(QByteArray("loyaltytill-grant:") + phoneE164.toUtf8()),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(24);
    return KeyPrefix + toStorage(kind) + QLatin1Char('-') + period + QLatin1Char('-') + QString::fromLatin1(digest);
}

bool BonusGranter::parseKey(const QString& key, GrantKind* kind, QString* period)
{
    if (!key.startsWith(KeyPrefix))
        return false;
    const QString rest = key.mid(KeyPrefix.size());
    const qsizetype first = rest.indexOf(QLatin1Char('-'));
    const qsizetype last = rest.lastIndexOf(QLatin1Char('-'));
    if (first <= 0 || last <= first)
        return false;
    auto parsed = fromStorage<GrantKind>(rest.left(first));
    if (!parsed)
        return false;
    *kind = *parsed;
    *period = rest.mid(first + 1, last - first - 1);
    return true;
}

QString BonusGranter::squareReason(GrantKind kind, const QString& period)
{
    // Never translated: this text is compared by Square, not read at the till (the ledger keeps the till's note).
    switch (kind) {
    case GrantKind::Birthday:
        return QStringLiteral("Birthday gift %1").arg(period);
    case GrantKind::Anniversary:
        return QStringLiteral("Anniversary gift %1").arg(period);
    case GrantKind::Referral:
        return period == QLatin1String("referrer") ? QStringLiteral("Referral bonus for bringing in a new member")
                                                   : QStringLiteral("Referral bonus for joining");
    case GrantKind::WinBack:
    case GrantKind::Expire:
        break; // granted as part of a sale, or by Square
    }
    return QStringLiteral("LoyaltyTill %1 %2").arg(toStorage(kind), period);
}

Result<bool> BonusGranter::grant(qint64 memberId, const QString& keyPhoneE164, GrantKind kind, const QString& period,
                                 qint64 points, const QString& note, qint64 saleId)
{
    const QString key = naturalKey(kind, period, keyPhoneE164);
    if (key.isEmpty() || points <= 0)
        return false;
    GrantStore grants(m_db);
    LT_TRY_ASSIGN(const std::optional<Grant> earlier, grants.byKey(key));
    if (earlier)
        return false;
    LedgerStore::NewEntry entry;
    entry.memberId = memberId;
    entry.kind = LedgerKind::Adjust;
    entry.points = points;
    entry.saleId = saleId;
    entry.note = note;
    Grant grant;
    grant.key = key;
    grant.memberId = memberId;
    grant.kind = kind;
    grant.period = period;
    grant.points = points;
    grant.saleId = saleId;
    grant.createdAt = m_clock.nowUtc();
    LT_TRY_ASSIGN(
        grant.ledgerId,
        LedgerWriter(m_db, m_clock, m_actor)
            .append(entry, OutboxOperation::Adjust, {{QStringLiteral("reason"), squareReason(kind, period)}}, key));
    return grants.insert(grant);
}

Result<void> BonusGranter::reverse(const Grant& grant, const QString& note)
{
    LedgerStore::NewEntry entry;
    entry.memberId = grant.memberId;
    entry.kind = LedgerKind::Adjust;
    entry.points = -grant.points;
    entry.saleId = grant.saleId;
    entry.note = note;
    LT_TRY(LedgerWriter(m_db, m_clock, m_actor)
               .append(entry, OutboxOperation::Adjust,
                       {{QStringLiteral("reason"), note}, {QStringLiteral("force"), true}}));
    return GrantStore(m_db).markReversed(grant.id);
}

} // namespace lt
