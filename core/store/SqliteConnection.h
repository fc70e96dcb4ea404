#pragma once

#include "core/common/Result.h"

#include <QElapsedTimer>
#include <QString>
#include <QVariant>

#include <functional>

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
    // The connection waits for another's write lock as `wait` says; `wait` must outlive the connection.
    void waitWhenBusy(class BusyWait& wait);
    sqlite3* handle() const { return m_handle; }
    qint64 lastInsertId() const;
    int changes() const; // rows the last statement changed

private:
    explicit SqliteConnection(sqlite3* handle)
        : m_handle(handle)
    {
    }
    sqlite3* m_handle;
};

// How a connection waits for another one's write lock: it tries again every millisecond until the timeout. SQLite's
// own busy timeout backs off to 100 ms between tries, so a sale waiting behind the automation pass's short
// transactions would keep missing the moments between them.
class BusyWait
{
public:
    explicit BusyWait(int timeoutMs)
        : m_timeoutMs(timeoutMs)
    {
    }
    static int onBusy(void* wait, int tries);

private:
    int m_timeoutMs;
    QElapsedTimer m_since;
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
    SqliteStatement& bind(int index, const QByteArray& utf8); // a null array binds NULL
    // As bind(), without SQLite's own copy: the array must stay as it is until the next run() has returned.
    SqliteStatement& bindUncopied(int index, const QByteArray& utf8);
    SqliteStatement& bindNull(int index);
    // As Qt SQL binds it: integers and booleans as integers, an invalid or null variant as NULL, the rest as text.
    SqliteStatement& bind(int index, const QVariant& value);
    Result<void> run(const QString& what); // step to completion, then reset
    // Steps through every row, calling onRow for each (its columns read with sqlite3_column_*), then resets.
    Result<void> forEachRow(const QString& what, const std::function<Result<void>(sqlite3_stmt*)>& onRow);

private:
    SqliteStatement& bindText(int index, const QByteArray& utf8, bool copy);

    SqliteConnection& m_connection;
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace lt
