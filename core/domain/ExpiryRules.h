#pragma once

#include <QDate>
#include <QList>

namespace lt {

// Points that stay valid through `expiresAt`, the last day of a month (Square's expiring_point_deadlines entry).
struct ExpiringPoints
{
    qint64 points = 0;
    QDate expiresAt;

    bool operator==(const ExpiringPoints& other) const = default;
};

// A change of a member's points on a day of the store's calendar: earned when positive, spent when negative.
struct DatedPoints
{
    QDate on;
    qint64 points = 0;
};

// The program's expiration policy as Square applies it (expiration_duration P[n]M): points expire `months` months
// after the month they were earned in and stay valid through the last day of that month; every spending consumes
// the oldest points first. Pure arithmetic on a member's ledger: ExpiryService reads the ledger and records expiry.
//
// The points earned in one month form a lot. Every negative entry (redeem, refund, void, negative adjustment, and
// expire itself) consumes the lot that expires first. Because consumption always takes the front of that queue,
// the result depends only on the lots and the total spent, not on when each spending happened:
// - a negative balance (more spent than earned, e.g. after a refund of points already redeemed) is a debt that the
//   next points earned pay first; while the balance is zero or below, no lot holds points and nothing expires;
// - a lot earned on the 31st (or the 29th of February) expires like one earned on the 1st of that month: only the
//   month counts, and the expiry month always has a last day;
// - a spending recorded after a lot's last day but before its expiry was recorded still takes that lot first: those
//   points were still in the balance that was spent;
// - points whose expiry is recorded (an Expire entry, here or from Square) are consumed and never expire twice.
class ExpiryRules
{
public:
    explicit ExpiryRules(int months)
        : m_months(months)
    {
    }

    int months() const { return m_months; }
    // The last day on which points earned on `earnedOn` are valid.
    QDate expiresAt(QDate earnedOn) const;
    // The first day of the month in which the points valid through `expiresAt` were earned.
    QDate earnedIn(QDate expiresAt) const;

    // The lots still holding points after every entry made on or before `on`, oldest first, one per expiry date.
    // They add up to the balance when it is positive (including lots whose last day has passed but whose expiry is
    // not recorded yet), and the list is empty when it is not.
    QList<ExpiringPoints> live(const QList<DatedPoints>& entries, QDate on) const;
    // The points due to expire on `on`: the live lots whose last day is before `on`, oldest first.
    QList<ExpiringPoints> due(const QList<DatedPoints>& entries, QDate on) const;

    static qint64 total(const QList<ExpiringPoints>& lots);

private:
    int m_months;
};

} // namespace lt
