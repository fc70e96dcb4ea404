#pragma once

#include "core/common/Result.h"
#include "core/domain/Money.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace lt {

class Database;

// A recorded sale as refunds and voids need it: what it earned and how much of it was already taken back.
struct SaleRecord
{
    qint64 id = 0;
    qint64 memberId = 0;
    QString reference;
    Money total;
    qint64 points = 0;
    qint64 refundedMinor = 0;
    qint64 pointsReversed = 0;
    QDateTime at; // when the sale took place (UTC)
    QString till; // the till that took it
};

// A refund recorded under the register's refund number.
struct RefundRecord
{
    qint64 saleId = 0;
    qint64 amountMinor = 0;
    qint64 points = 0; // what it took back (0 or negative)
    qint64 id = 0;
    QString reference; // the register's refund number, empty when it gave none
    qint64 ledgerId = 0; // the entry that took the points back, 0 when it took none
    QDateTime at; // UTC
};

// Owns the tables sales and refunds: each sale's receipt number (which makes accrual idempotent), what it earned
// and what refunds and voids took back, and each refund under the register's refund number. All writes run
// inside the caller's transaction.
class SaleStore
{
public:
    explicit SaleStore(Database& db)
        : m_db(db)
    {
    }

    Result<std::optional<SaleRecord>> find(const QString& reference) const;
    Result<std::optional<SaleRecord>> byId(qint64 saleId) const;
    // The sale with this receipt number, or NotFound.
    Result<SaleRecord> require(const QString& reference) const;
    // till: the till that took the sale; staff: who took it (the Actor's name). Both are for the reports.
    Result<qint64> insert(const QString& reference, qint64 memberId, const Money& total, qint64 points,
                          const QDateTime& at, const QString& till, const QString& staff);
    Result<void> setTakenBack(qint64 saleId, qint64 refundedMinor, qint64 pointsReversed);
    // Whether the member made a sale of at least this total before the given one.
    Result<bool> hasEarlierSaleOfAtLeast(qint64 memberId, qint64 minimumMinor, qint64 beforeSaleId) const;
    // A voided sale counts as refunded in full with all its points reversed.
    Result<void> takeAllBack(qint64 saleId);

    Result<std::optional<RefundRecord>> refund(const QString& refundReference) const;
    // The sale's refunds, oldest first (a reprinted slip reads them back).
    Result<QList<RefundRecord>> refundsOf(qint64 saleId) const;
    // refundReference and ledgerId may be empty and 0.
    Result<qint64> recordRefund(qint64 saleId, const QString& refundReference, qint64 amountMinor, qint64 points,
                                qint64 ledgerId, const QDateTime& at);

private:
    Database& m_db;
};

} // namespace lt
