#include "core/services/ReportService.h"

#include "core/common/Clock.h"
#include "core/services/EngineContext.h"
#include "core/services/ExpiryService.h"
#include "core/store/ReportStore.h"
#include "core/store/StoreSettings.h"
#include "core/store/TierStore.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

#include <cmath>

namespace lt {

namespace {

using PointsByKind = QHash<QString, qint64>;

double ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? double(part) / double(whole) : 0.0;
}

// The ledger's kinds as the reports name them (ReportStore::points gives the sums of the entries' points).
struct PointsFlow
{
    qint64 earned = 0;
    qint64 redeemed = 0;
    qint64 expired = 0;
    qint64 adjusted = 0;
    qint64 reversed = 0;
    qint64 opening = 0;
    qint64 spentOnRewards = 0; // redemptions alone, for the cost of a point
    qint64 discountMinor = 0;
    qint64 net = 0; // every entry: the change of the members' balances

    explicit PointsFlow(const PointsByKind& byKind)
    {
        const auto of = [&](const char* kind) {
            return byKind.value(QLatin1String(kind));
        };
        earned = of("accrue");
        spentOnRewards = -of("redeem");
        redeemed = -(of("redeem") + of("restore")); // a reward given back is no longer spent
        expired = -of("expire");
        adjusted = of("adjust");
        reversed = -(of("refund") + of("void"));
        opening = of("opening");
        discountMinor = of("discount");
        net = earned - redeemed - expired + adjusted - reversed + opening;
    }
};

} // namespace

Result<void> ReportService::checkPeriod(QDate from, QDate to) const
{
    const QDate today = m_context.clock.nowUtc().toLocalTime().date();
    if (!from.isValid() || !to.isValid())
        return Error::invalid(
            QCoreApplication::translate("ReportService", "Give the period as two dates (YYYY-MM-DD)."),
            QStringLiteral("from"));
    if (from > to)
        return Error::invalid(QCoreApplication::translate("ReportService", "The period starts (%1) after it ends (%2).")
                                  .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)),
                              QStringLiteral("from"));
    if (from.daysTo(to) >= MaxPeriodDays)
        return Error::invalid(
            QCoreApplication::translate("ReportService", "A report covers at most five years; %1 to %2 is longer.")
                .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)),
            QStringLiteral("to"));
    if (from > today)
        return Error::invalid(QCoreApplication::translate("ReportService", "The period starts after today (%1).")
                                  .arg(today.toString(Qt::ISODate)),
                              QStringLiteral("from"));
    return {};
}

Result<void> ReportService::checkFilter(const ReportFilter& filter) const
{
    const ReportStore store(m_context.db);
    const auto check = [](const QString& name, const Result<QStringList>& known, const QString& field,
                          const char* message) -> Result<void> {
        if (name.isEmpty())
            return {};
        if (!known)
            return known.error();
        if (known->contains(name))
            return {};
        QStringList names = *known;
        names.removeAll(QString());
        return Error::invalid(QCoreApplication::translate("ReportService", message)
                                  .arg(name, names.isEmpty() ? QStringLiteral("-") : names.join(QStringLiteral(", "))),
                              field);
    };
    LT_TRY(check(filter.till, store.tills(), QStringLiteral("till"),
                 QT_TRANSLATE_NOOP("ReportService", "No sale was recorded at till \"%1\"; the tills are: %2.")));
    LT_TRY(
        check(filter.staff, store.staff(), QStringLiteral("staff"),
              QT_TRANSLATE_NOOP("ReportService", "No sale was recorded by \"%1\"; the staff who took sales are: %2.")));
    return {};
}

Result<KpiSummary> ReportService::summary(QDate from, QDate to, const ReportFilter& filter) const
{
    LT_TRY(checkPeriod(from, to));
    LT_TRY(checkFilter(filter));
    const ReportStore store(m_context.db);
    KpiSummary kpi;
    kpi.from = from;
    kpi.to = to;
    kpi.filter = filter;

    LT_TRY_ASSIGN(kpi.membersTotal, store.enrolled(QDate(), to));
    LT_TRY_ASSIGN(kpi.membersNew, store.enrolled(from, to));
    LT_TRY_ASSIGN(const QList<qint64> active, store.activeMembers(to, {30, 90, 365}));
    kpi.membersActive30 = active.at(0);
    kpi.membersActive90 = active.at(1);
    kpi.membersActive365 = active.at(2);
    kpi.activeShare = ratio(kpi.membersActive90, kpi.membersTotal);

    LT_TRY_ASSIGN(const ReportStore::SalesTotals sales, store.sales(from, to, filter.till, filter.staff));
    LT_TRY_ASSIGN(const ReportStore::Activity activity, store.activity(from, to));
    kpi.buyers = activity.buyers;
    kpi.salesCount = sales.sales;
    kpi.netSalesMinor = sales.amountMinor - sales.refundedMinor;
    const qint64 kept = sales.sales - sales.fullyRefunded;
    kpi.aovMinor = kept > 0 ? qint64(std::llround(double(kpi.netSalesMinor) / double(kept))) : 0;
    qint64 allSales = sales.sales;
    if (!filter.isEmpty()) { // frequency divides by buyers, who are the whole store's
        LT_TRY_ASSIGN(const ReportStore::SalesTotals everyTill, store.sales(from, to));
        allSales = everyTill.sales;
    }
    kpi.purchaseFrequency = ratio(allSales, activity.buyers);
    kpi.repeatPurchaseRate = ratio(activity.repeatBuyers, activity.buyers);
    kpi.memberRedemptionRate = ratio(activity.redeemers, activity.buyers);
    LT_TRY_ASSIGN(const ReportStore::Lifetime lifetime, store.lifetime());
    kpi.repeatPurchaseRateLifetime = ratio(lifetime.repeatBuyers, lifetime.buyers);
    kpi.averageLifetimeValueMinor =
        lifetime.buyers > 0 ? qint64(std::llround(double(lifetime.netMinor) / double(lifetime.buyers))) : 0;

    LT_TRY_ASSIGN(const PointsByKind inPeriod, store.points(from, to));
    const PointsFlow period(inPeriod);
    kpi.pointsEarned = period.earned;
    kpi.pointsRedeemed = period.redeemed;
    kpi.pointsExpired = period.expired;
    kpi.pointsAdjusted = period.adjusted;
    kpi.pointsReversed = period.reversed;
    kpi.pointsOpening = period.opening;
    kpi.redemptionRate = ratio(period.redeemed, period.earned);
    kpi.breakage = ratio(period.expired, period.earned);
    LT_TRY_ASSIGN(const PointsByKind untilEnd, store.points(QDate(), to));
    const PointsFlow history(untilEnd);
    kpi.pointsOutstanding = history.net;
    kpi.redemptionRateLifetime = ratio(history.redeemed, history.earned);
    kpi.breakageLifetime = ratio(history.expired, history.earned);
    kpi.costPerPointMinor = costPerPointMinor(untilEnd);
    kpi.liabilityMinor = qint64(std::llround(double(kpi.pointsOutstanding) * kpi.costPerPointMinor
                                             * (1.0 - std::min(1.0, kpi.breakageLifetime))));

    // The daily automation pass's forecast of what will expire soon (a read of the whole ledger, too long for here).
    if (m_context.program.expirationMonths) {
        LT_TRY_ASSIGN(const std::optional<QString> stored,
                      StoreSettings(m_context.db).state(ExpiryService::forecastStateKey()));
        if (const auto forecast = stored ? ExpiryService::forecastFrom(*stored) : std::nullopt) {
            kpi.expiryForecastOn = forecast->on;
            kpi.expiring30 = forecast->within30;
            kpi.expiring60 = forecast->within60;
            kpi.expiring90 = forecast->within90;
        }
    }

    TierStore tiers(m_context.db);
    LT_TRY_ASSIGN(
        const TierStore::Movements moved,
        tiers.movements(from.startOfDay(Qt::LocalTime).toUTC(), to.addDays(1).startOfDay(Qt::LocalTime).toUTC()));
    kpi.tierUpgrades = moved.up;
    kpi.tierDowngrades = moved.down;
    LT_TRY_ASSIGN(kpi.membersPerTier, tiers.membersPerTier());
    // A member never placed holds the lowest tier.
    const TierPolicy& policy = m_context.program.memberTiers;
    if (!policy.isEmpty() && kpi.membersPerTier.contains(QString())) {
        const qint64 unplaced = kpi.membersPerTier.take(QString());
        kpi.membersPerTier[policy.tiers.constFirst().name] += unplaced;
    }
    return kpi;
}

Result<QList<MonthFigures>> ReportService::months(QDate lastDay, int count, const ReportFilter& filter) const
{
    if (!lastDay.isValid() || count < 1 || count > 60)
        return Error::invalid(
            QCoreApplication::translate("ReportService", "A trend covers 1 to 60 months up to a valid day."),
            QStringLiteral("months"));
    LT_TRY(checkFilter(filter));
    const ReportStore store(m_context.db);
    QList<MonthFigures> figures;
    const QDate lastMonth(lastDay.year(), lastDay.month(), 1);
    for (int back = count - 1; back >= 0; --back) {
        MonthFigures month;
        month.first = lastMonth.addMonths(-back);
        const QDate end = std::min(month.first.addMonths(1).addDays(-1), lastDay);
        LT_TRY_ASSIGN(const ReportStore::SalesTotals sales, store.sales(month.first, end, filter.till, filter.staff));
        month.sales = sales.sales;
        month.netSalesMinor = sales.amountMinor - sales.refundedMinor;
        LT_TRY_ASSIGN(const PointsByKind inMonth, store.points(month.first, end));
        const PointsFlow flow(inMonth);
        month.pointsEarned = flow.earned;
        month.pointsRedeemed = flow.redeemed;
        month.pointsExpired = flow.expired;
        LT_TRY_ASSIGN(const PointsByKind untilEnd, store.points(QDate(), end));
        month.pointsOutstanding = PointsFlow(untilEnd).net;
        figures << month;
    }
    return figures;
}

double ReportService::costPerPointMinor(const PointsByKind& pointsByKind)
{
    const PointsFlow history(pointsByKind);
    return ratio(history.discountMinor, history.spentOnRewards);
}

Result<void> ReportService::rebuild()
{
    return inTransaction(m_context.db, [this]() { return ReportStore(m_context.db).rebuild(); });
}

} // namespace lt
