#pragma once

#include "core/common/Result.h"

#include <QSqlQuery>

#include <type_traits>
#include <utility>

namespace lt {

class Database;

// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed. IMMEDIATE takes the write lock up front so that two
// writers wait on the busy timeout instead of failing half-way with SQLITE_BUSY.
class Transaction
{
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Result<void> begin();
    Result<void> commit();
    void rollback();

private:
    Database& m_db;
    bool m_open = false;
};

// Runs `work` (returning a Result) inside BEGIN IMMEDIATE ... COMMIT: committed when it succeeds, rolled back
// when it fails, and its result returned either way. For a change that is all or nothing:
//   return inTransaction(db, [&]() -> Result<qint64> { ...; return id; });
template<typename Work>
auto inTransaction(Database& db, Work&& work) -> std::invoke_result_t<Work&>
{
    using Outcome = std::invoke_result_t<Work&>;
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return Outcome(begun.error());
    Outcome outcome = work();
    if (!outcome)
        return outcome; // the transaction rolls back as it goes out of scope
    if (auto committed = transaction.commit(); !committed)
        return Outcome(committed.error());
    return outcome;
}

// For work beside the till on a connection of its own, in many transactions (the automation pass): after each commit
// the write lock stays free for a moment, in which a sale waiting for it (see BusyWait) takes it. Each transaction
// should hold the lock for a few tens of milliseconds at most.
void leaveWriteLockFree();

template<typename Work>
auto inBackgroundTransaction(Database& db, Work&& work) -> std::invoke_result_t<Work&>
{
    auto outcome = inTransaction(db, std::forward<Work>(work));
    leaveWriteLockFree();
    return outcome;
}

// Resets a cached prepared statement when the scope ends, so it holds no read snapshot open.
class StatementScope
{
public:
    explicit StatementScope(QSqlQuery& query)
        : m_query(query)
    {
    }
    ~StatementScope();
    StatementScope(const StatementScope&) = delete;
    StatementScope& operator=(const StatementScope&) = delete;

private:
    QSqlQuery& m_query;
};

} // namespace lt
