#pragma once

#include "core/common/Result.h"
#include "core/store/AuditChainVerifier.h"

#include <QStringList>

namespace lt {

class Database;

struct IntegrityReport
{
    QStringList problems; // empty when everything agrees
    qint64 members = 0;
    qint64 ledgerEntries = 0;
    qint64 sales = 0;
    qint64 pendingSync = 0;
    AuditChainReport audit; // the audit chain's length, head and first break
    bool ok() const { return problems.isEmpty(); }
};

// Proves the store is sound: SQLite's own integrity and foreign-key checks, every cached balance equal to the
// sum of its ledger, lifetime points, each sale's reversed points equal to its refund entries, and the reports'
// summaries equal to a recomputation, and the audit log's hash chain whole from the store's anchor to its head.
class IntegrityChecker
{
public:
    explicit IntegrityChecker(Database& db)
        : m_db(db)
    {
    }
    // notedAuditHead: an audit head printed by an earlier check, which the chain must still hold (see
    // AuditChainVerifier).
    Result<IntegrityReport> check(const QString& notedAuditHead = {});

private:
    Result<void> collect(IntegrityReport& report, const QString& sql, const QString& what);

    Database& m_db;
};

} // namespace lt
