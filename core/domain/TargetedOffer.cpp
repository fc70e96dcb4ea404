#include "core/domain/TargetedOffer.h"

#include "core/analytics/RfmSegments.h"
#include "core/domain/ProgramFields.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>
#include <limits>

namespace lt {

namespace {
constexpr std::pair<TargetedOffer::Kind, const char*> OfferKindNames[] = {
    {TargetedOffer::Kind::Bonus, "bonus"},
    {TargetedOffer::Kind::Multiplier, "multiplier"},
    {TargetedOffer::Kind::Reward, "reward"},
};

QByteArray digest(const char* purpose, const QString& offerKey, qint64 memberId)
{
    const QByteArray text = QByteArray(purpose) + offerKey.toUtf8() + ':' + QByteArray::number(memberId);
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256);
}
} // namespace

QDate TargetedOffer::lastCountedDay(QDate today) const
{
    QDate last = std::min(to, today);
    if (endedAt.isValid())
        last = std::min(last, endedAt.toLocalTime().date());
    return last;
}

QString TargetedOffer::incentiveText() const
{
    switch (kind) {
    case Kind::Bonus:
        return QStringLiteral("+%1").arg(points);
    case Kind::Multiplier:
        return multiplierText(multiplierMilli) + QLatin1Char('x');
    case Kind::Reward:
        return QStringLiteral("reward %1").arg(rewardId);
    }
    return {};
}

bool TargetedOffer::isHeldOut(const QString& offerKey, qint64 memberId, int holdoutPercent)
{
    if (holdoutPercent <= 0)
        return false;
    const QByteArray hash = digest("loyaltytill-offer-holdout:", offerKey, memberId);
    const auto u = qFromBigEndian<quint64>(hash.constData());
    // u < p × ⌊(2⁶⁴ − 1) / 100⌋: p % of the range, within one part in 10¹⁶, and no overflow.
    const quint64 step = std::numeric_limits<quint64>::max() / 100;
    return u < quint64(holdoutPercent) * step;
}

QString TargetedOffer::applicationKey(const QString& offerKey, qint64 memberId)
{
    return QStringLiteral("lt1-offer-")
        + QString::fromLatin1(digest("loyaltytill-offer-use:", offerKey, memberId).toHex().left(32));
}

bool TargetedOffer::isKnownSegment(const QString& segment)
{
    return RfmSegments::fromId(segment).has_value() || segment == QLatin1String(LapsedSegment)
        || segment == QLatin1String(NearlyThereSegment);
}

QString toStorage(TargetedOffer::Kind kind)
{
    return storage::nameOf(OfferKindNames, kind);
}

template<>
Result<TargetedOffer::Kind> fromStorage<TargetedOffer::Kind>(const QString& text)
{
    return storage::kindOf(OfferKindNames, text, "offer kind");
}

} // namespace lt
