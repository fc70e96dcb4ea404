#include "core/domain/ExpiryRules.h"

#include <algorithm>

namespace lt {

QDate ExpiryRules::expiresAt(QDate earnedOn) const
{
    // Months counted on the month alone: addMonths would clamp the 31st into a shorter month's last day and
    // give the same answer, but only by accident.
    const QDate firstOfExpiryMonth = QDate(earnedOn.year(), earnedOn.month(), 1).addMonths(m_months);
    return firstOfExpiryMonth.addDays(firstOfExpiryMonth.daysInMonth() - 1);
}

QDate ExpiryRules::earnedIn(QDate expiresAt) const
{
    return QDate(expiresAt.year(), expiresAt.month(), 1).addMonths(-m_months);
}

QList<ExpiringPoints> ExpiryRules::live(const QList<DatedPoints>& entries, QDate on) const
{
    QList<ExpiringPoints> lots; // ascending by expiry date, one per date
    qint64 spent = 0;
    for (const DatedPoints& entry : entries) {
        if (entry.on > on || entry.points == 0)
            continue;
        if (entry.points < 0) {
            spent -= entry.points;
            continue;
        }
        const QDate expiry = expiresAt(entry.on);
        // Entries come in the order they were recorded, so the lot is nearly always the last one or a new one.
        auto at = std::lower_bound(lots.begin(), lots.end(), expiry,
                                   [](const ExpiringPoints& lot, QDate date) { return lot.expiresAt < date; });
        if (at != lots.end() && at->expiresAt == expiry)
            at->points += entry.points;
        else
            lots.insert(at, ExpiringPoints {entry.points, expiry});
    }
    // Whatever was spent takes the lots that expire first; a debt larger than every lot leaves none.
    qsizetype consumed = 0;
    while (consumed < lots.size() && spent >= lots[consumed].points) {
        spent -= lots[consumed].points;
        ++consumed;
    }
    lots.remove(0, consumed);
    if (!lots.isEmpty())
        lots.first().points -= spent;
    return lots;
}

QList<ExpiringPoints> ExpiryRules::due(const QList<DatedPoints>& entries, QDate on) const
{
    QList<ExpiringPoints> lots = live(entries, on);
    const auto firstValid =
        std::find_if(lots.cbegin(), lots.cend(), [on](const ExpiringPoints& lot) { return lot.expiresAt >= on; });
    lots.resize(firstValid - lots.cbegin());
    return lots;
}

qint64 ExpiryRules::total(const QList<ExpiringPoints>& lots)
{
    qint64 sum = 0;
    for (const ExpiringPoints& lot : lots)
        sum += lot.points;
    return sum;
}

} // namespace lt
