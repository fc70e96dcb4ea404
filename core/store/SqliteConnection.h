#pragma once

#include "core/common/Result.h"

#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace lt {

class Database;

// SQLite's own API on the connection Qt SQL opened, for bulk paths where Qt's per-row overhead would dominate.
// The same connection, the same transaction, the same file.
class SqliteConnection
{
public:
    static Result<SqliteConnection> from(Database& db);

    Result<void> exec(const char* sql);
    Error lastError(const QString& what) const;
    sqlite3* handle() const { return m_handle; }

private:
    explicit SqliteConnection(sqlite3* handle)
        : m_handle(handle)
    {
    }
    sqlite3* m_handle;
};

// One prepared statement; bind by 1-based position, step, reset.
class SqliteStatement
{
public:
    SqliteStatement(SqliteConnection& connection, const char* sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool isValid() const { return m_statement != nullptr; }
    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bind(int index, const QByteArray& utf8); // empty binds NULL
    SqliteStatement& bindNull(int index);
    Result<void> run(const QString& what); // step to completion, then reset

private:
    SqliteConnection& m_connection;
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace lt
