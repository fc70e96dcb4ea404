#pragma once

#include "core/common/Result.h"

#include <QSqlQuery>

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
