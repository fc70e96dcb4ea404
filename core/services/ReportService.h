#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace lt {

struct EngineContext;

// Which sales a report counts: every one, or those one till or one staff member took (both set: those the staff
// member took at that till). Only the sales figures split this way; members, buyers and points are the store's.
struct ReportFilter
{
    QString till; // empty: every till
    QString staff; // as the sale records who took it (the actor's name); empty: everyone
    bool isEmpty() const { return till.isEmpty() && staff.isEmpty(); }
    bool operator==(const ReportFilter& other) const = default;
};

// The manager's key figures for a period of the store's local days, each defined in the README ("Reports"). Money
// in minor units; rates as fractions between 0 and 1 (0 when there is nothing to divide by).
struct KpiSummary
{
    QDate from;
    QDate to;
    ReportFilter filter; // what salesCount, netSalesMinor and aovMinor count; every other figure is the whole store's
    qint64 membersTotal = 0; // enrolled on or before `to`
    qint64 membersNew = 0; // enrolled in the period
    qint64 membersActive30 = 0; // a sale in the 30 days ending `to`
    qint64 membersActive90 = 0;
    qint64 membersActive365 = 0;
    double activeShare = 0; // active in 90 days ÷ total
    qint64 buyers = 0; // members with a sale in the period
    qint64 salesCount = 0;
    qint64 netSalesMinor = 0; // amount less what was refunded of the period's sales
    qint64 aovMinor = 0; // net sales ÷ sales not fully refunded
    double purchaseFrequency = 0; // sales ÷ buyers, the whole store's (buyers do not split by till)
    double repeatPurchaseRate = 0; // buyers with two or more sales ÷ buyers
    double repeatPurchaseRateLifetime = 0;
    qint64 pointsEarned = 0; // by purchases (accruals)
    qint64 pointsRedeemed = 0; // spent on rewards, less rewards given back
    qint64 pointsExpired = 0;
    qint64 pointsAdjusted = 0; // bonuses and corrections, both ways
    qint64 pointsReversed = 0; // taken back by refunds and voids
    qint64 pointsOpening = 0; // brought from an earlier program
    qint64 pointsOutstanding = 0; // every member's balance at the end of `to`
    double redemptionRate = 0; // redeemed ÷ earned
    double redemptionRateLifetime = 0;
    double breakage = 0; // expired ÷ earned
    double breakageLifetime = 0;
    double memberRedemptionRate = 0; // members who redeemed ÷ buyers
    double costPerPointMinor = 0; // discounts given ÷ points spent, over the store's history
    qint64 liabilityMinor = 0; // outstanding × cost of a point × (1 − lifetime breakage)
    QDate expiryForecastOn; // the day of the automation pass's last forecast; invalid: none (or points never expire)
    qint64 expiring30 = 0; // points whose last valid day falls within 30 days of that day
    qint64 expiring60 = 0;
    qint64 expiring90 = 0;
    qint64 averageLifetimeValueMinor = 0; // net sales per buyer over the store's history
    qint64 tierUpgrades = 0;
    qint64 tierDowngrades = 0;
    QMap<QString, qint64> membersPerTier; // now, members still in the program
};

// One calendar month of the trend charts.
struct MonthFigures
{
    QDate first; // the month's first day
    qint64 sales = 0; // these two follow the filter; the points are the whole store's
    qint64 netSalesMinor = 0;
    qint64 pointsEarned = 0;
    qint64 pointsRedeemed = 0;
    qint64 pointsExpired = 0;
    qint64 pointsOutstanding = 0; // at the month's end (or `lastDay` for the month that holds it)
};

// Computes the reports from the summary tables (ReportStore) that every sale, ledger entry and enrollment keeps
// current, so that no figure reads the raw history.
class ReportService
{
public:
    explicit ReportService(EngineContext& context)
        : m_context(context)
    {
    }

    // The longest period a report covers.
    static constexpr int MaxPeriodDays = 366 * 5;
    // A clear refusal for a period that cannot be reported: out of order, longer than five years, or after today.
    Result<void> checkPeriod(QDate from, QDate to) const;
    // A clear refusal for a till or staff member that never recorded a sale (field "till" or "staff").
    Result<void> checkFilter(const ReportFilter& filter) const;
    Result<KpiSummary> summary(QDate from, QDate to, const ReportFilter& filter = {}) const;
    // The `count` calendar months that end with the one holding `lastDay`, oldest first (at most 60); the sales
    // follow the filter.
    Result<QList<MonthFigures>> months(QDate lastDay, int count, const ReportFilter& filter = {}) const;
    // What a point has cost in discounts: the discounts rewards gave ÷ the points spent on them, from the sums by
    // kind ReportStore::points gives over the history (0 before any redemption).
    static double costPerPointMinor(const QHash<QString, qint64>& pointsByKind);
    // Sums the store's whole history into the summaries again, in one transaction.
    Result<void> rebuild();

private:
    EngineContext& m_context;
};

} // namespace lt
