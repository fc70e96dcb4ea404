#pragma once

#include "core/common/Result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

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

    // Empties the summaries and sums the whole history into them again, in the caller's transaction.
    Result<void> rebuild();
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

    // The tills and staff that recorded sales, for the reports' filters.
    Result<QStringList> tills() const;
    Result<QStringList> staff() const;

private:
    Result<QStringList> namesIn(const QString& column) const; // a column of report_sales, each value once

    Database& m_db;
};

} // namespace lt
