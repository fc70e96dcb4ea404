#include "core/domain/ExpiryRules.h"

#include <QVarLengthArray>

#include <algorithm>

namespace lt {

namespace {
// A month as one number (year * 12 + month - 1): lots are kept by the month their points expire in, and a scan over
// millions of entries would spend more converting dates than adding points.
int monthNumber(QDate date)
{
    int year = 0;
    int month = 0;
    int day = 0;
    date.getDate(&year, &month, &day);
    return year * 12 + month - 1;
}

QDate lastDayOf(int monthNumber)
{
    const QDate first(monthNumber / 12, monthNumber % 12 + 1, 1);
    return first.addDays(first.daysInMonth() - 1);
}

struct Lot
{
    int expiryMonth = 0;
    qint64 points = 0;
};
} // namespace

QDate ExpiryRules::expiresAt(QDate earnedOn) const
{
    // Counted on the month alone: the day it was earned on plays no part.
    return lastDayOf(monthNumber(earnedOn) + m_months);
}

QDate ExpiryRules::earnedIn(QDate expiresAt) const
{
    const int earned = monthNumber(expiresAt) - m_months;
    return QDate(earned / 12, earned % 12 + 1, 1);
}

QList<ExpiringPoints> ExpiryRules::live(const QList<DatedPoints>& entries, QDate on) const
{
    QVarLengthArray<Lot, 16> lots; // ascending by expiry month, one per month
    qint64 spent = 0;
    for (const DatedPoints& entry : entries) {
        if (entry.on > on || entry.points == 0)
            continue;
        if (entry.points < 0) {
            spent -= entry.points;
            continue;
        }
        const int expiry = monthNumber(entry.on) + m_months;
        // Entries come in the order they were recorded, so the lot is nearly always the last one or a new one.
        qsizetype at = lots.size();
        while (at > 0 && lots[at - 1].expiryMonth > expiry)
            --at;
        if (at > 0 && lots[at - 1].expiryMonth == expiry)
            lots[at - 1].points += entry.points;
        else
            lots.insert(at, Lot {expiry, entry.points});
    }
    // Whatever was spent takes the lots that expire first; a debt larger than every lot leaves none.
    QList<ExpiringPoints> remaining;
    for (const Lot& lot : lots) {
        const qint64 taken = std::min(spent, lot.points);
        spent -= taken;
        if (lot.points > taken)
            remaining.append(ExpiringPoints {lot.points - taken, lastDayOf(lot.expiryMonth)});
    }
    return remaining;
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
