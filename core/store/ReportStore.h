#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace lt {

class Database;

// Owns the reports' summary tables (report_*), which triggers keep current in the transaction of every sale, ledger
// entry and enrollment (SchemaMigrator, version 6). Reads them for the reports, fills them again from the store's
// history, and compares them with a recomputation from the raw tables. Days are the store's local days; a period
// [from, to] holds both ends; an invalid `from` means since the store began.
class ReportStore
{
public:
    explicit ReportStore(Database& db)
        : m_db(db)
    {
    }

    // Empties the summaries (or only those the schema version given added) and sums the whole history into them
    // again, in the caller's transaction: one read of the history, summed in C++ (SummaryRebuild).
    Result<void> rebuild(int addedInVersion = 0);
    // The same through the recomputing queries `check` runs: many times slower (SQLite sorts every sale for each
    // summary), kept as the reference the rebuild is compared with.
    Result<void> rebuildInSql(int addedInVersion = 0);
    // The summary tables that differ from a recomputation (empty when all agree).
    Result<QStringList> differences() const;

    struct SalesTotals
    {
        qint64 sales = 0;
        qint64 amountMinor = 0;
        qint64 refundedMinor = 0; // by refunds and voids of these sales, whenever they came
        qint64 fullyRefunded = 0;
    };
    // Sales made in the period; an empty till or staff takes every one.
    Result<SalesTotals> sales(QDate from, QDate to, const QString& till = {}, const QString& staff = {}) const;
    // The points of the period's ledger entries by kind ("accrue", "redeem", ...), and the discounts redemptions
    // gave ("discount").
    Result<QHash<QString, qint64>> points(QDate from, QDate to) const;
    // Members enrolled in the period.
    Result<qint64> enrolled(QDate from, QDate to) const;

    struct Activity
    {
        qint64 buyers = 0; // members with a sale in the period
        qint64 repeatBuyers = 0; // with two or more
        qint64 redeemers = 0; // members who redeemed in the period, whether or not they bought
        qint64 buyersWhoRedeemed = 0;
    };
    Result<Activity> activity(QDate from, QDate to) const;
    // For each window of days ending `to` (30, 90, 365...), the members with a sale in it; one read for all.
    Result<QList<qint64>> activeMembers(QDate to, const QList<int>& windows) const;

    struct Lifetime
    {
        qint64 buyers = 0;
        qint64 repeatBuyers = 0;
        qint64 netMinor = 0; // every buyer's net sales
    };
    Result<Lifetime> lifetime() const;
    // Every buyer's net sales (amount less refunds) over the store's history: the historic lifetime values.
    Result<QList<qint64>> lifetimeValues() const;

    struct CohortCell
    {
        QString cohort; // enrollment month, YYYY-MM
        QString month; // YYYY-MM
        qint64 buyers = 0;
    };
    Result<QList<CohortCell>> cohorts(const QString& fromMonth, const QString& toMonth) const;
    // Members enrolled each month (YYYY-MM) from fromMonth to toMonth.
    Result<QHash<QString, qint64>> enrolledByMonth(const QString& fromMonth, const QString& toMonth) const;

    // Members' histories, for the segments and the purchase models. Bulk reads give days as Julian day numbers
    // (QDate::toJulianDay) and go through SQLite's own API, since a store holds millions of member-days.
    struct SalesDay
    {
        qint64 memberId = 0;
        qint64 day = 0; // Julian day number of the store's local day
        qint64 sales = 0;
        qint64 netMinor = 0; // amount less what refunds and voids took back
    };
    struct MemberTotals
    {
        qint64 memberId = 0;
        qint64 sales = 0;
        qint64 netMinor = 0;
        qint64 firstDay = 0; // Julian day numbers
        qint64 lastDay = 0;
    };
    struct MemberBalance
    {
        qint64 memberId = 0;
        qint64 balance = 0;
    };
    // The highest member id there is (0 for none), to size what is indexed by member.
    Result<qint64> newestMemberId() const;
    // Members who were erased: their sales stay in the history, but they are no longer in the program.
    Result<QList<qint64>> erasedMembers() const;
    // Members still in the program with a balance of at least `minimum` points.
    Result<QList<MemberBalance>> balancesFrom(qint64 minimum) const;
    struct MemberDay
    {
        qint64 memberId = 0;
        qint64 sales = 0;
        qint64 netMinor = 0;
        qint64 redemptions = 0;
    };
    // Every member-day of [from, to] with a sale or a redemption, in the order of the days: the members behind the
    // period's figures, with their sales (MemberDrillDown).
    Result<void> forEachMemberDay(QDate from, QDate to, const std::function<void(const MemberDay&)>& onDay) const;
    // Each member's days with a sale up to `to` (every day when invalid), in the order of the days.
    Result<void> forEachSalesDay(QDate to, const std::function<void(const SalesDay&)>& onDay) const;
    // One member's days with a sale in [from, to], oldest first. The table is keyed by day, so this seeks once per
    // day of the period: cheap for months, not for years.
    Result<QList<SalesDay>> salesDaysOf(qint64 memberId, QDate from, QDate to) const;
    // Every buyer's lifetime totals (report_members).
    Result<void> forEachMemberTotals(const std::function<void(const MemberTotals&)>& onMember) const;
    // One member's lifetime totals; nothing when they never bought.
    Result<std::optional<MemberTotals>> memberTotals(qint64 memberId) const;

    // The tills and staff that recorded sales, for the reports' filters.
    Result<QStringList> tills() const;
    Result<QStringList> staff() const;

private:
    Result<QStringList> namesIn(const QString& column) const; // a column of report_sales, each value once

    Database& m_db;
};

} // namespace lt
