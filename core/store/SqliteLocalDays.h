#pragma once

#include "core/common/Result.h"

#include <limits>
#include <unordered_map>

struct sqlite3_stmt;

namespace lt {

class SqliteConnection;

// Days as the summaries count them: days since 1970-01-01 in the proleptic Gregorian calendar.
namespace civilDays {
qint64 fromDate(qint64 year, int month, int day);
// "YYYY-MM-DD" into `text` (10 characters, no terminator); years 0 to 9999.
void format(qint64 days, char* text);
// The month of a day as year × 12 + month − 1, and that month as "YYYY-MM" (7 characters).
qint64 monthOf(qint64 days);
void formatMonth(qint64 month, char* text);
// A day as text ("YYYY-MM-DD", years 0 to 9999); false when it is not one.
bool parse(const unsigned char* text, int length, qint64& days);
// The Julian day number of a day, as QDate::toJulianDay and SQLite's julianday(day) + 0.5 give it.
inline qint64 julianDay(qint64 days)
{
    return days + 2440588;
}
} // namespace civilDays

// The store's local day of a stored time, exactly as SQLite's date(time, 'localtime') gives it, without its cost:
// SQLite asks the C library for the local time of every row, which costs more than reading the row. Here a time in
// the form the store writes (ISO 8601 UTC, "2026-11-30T10:42:00.000Z") is parsed in place and shifted by the local
// offset, which SQLite itself gives once per hour of UTC time (and per row in an hour when the offset changes
// within it). Any other form of time is handed to SQLite's date().
class SqliteLocalDays
{
public:
    static constexpr qint64 NoDay = std::numeric_limits<qint64>::min();

    explicit SqliteLocalDays(SqliteConnection& connection);
    ~SqliteLocalDays();
    SqliteLocalDays(const SqliteLocalDays&) = delete;
    SqliteLocalDays& operator=(const SqliteLocalDays&) = delete;

    // The local day of a time's text, or NoDay when SQLite reads no date in it (or failed: see failure()).
    qint64 dayOf(const unsigned char* text, int length);
    // Why the last NoDay came: SQLite's error, or a time that is not one.
    Error failure(const QString& what) const;

private:
    qint64 offsetAt(qint64 secondsSinceEpoch); // local time − UTC, in seconds, as SQLite works it out
    qint64 fromSqlite(const unsigned char* text, int length);

    SqliteConnection& m_connection;
    sqlite3_stmt* m_offset = nullptr;
    sqlite3_stmt* m_date = nullptr;
    bool m_sqliteFailed = false;
    // By hour since the epoch: the offset all through it, or Mixed when it changes within the hour.
    static constexpr qint64 Mixed = std::numeric_limits<qint64>::min();
    std::unordered_map<qint64, qint64> m_hourOffsets;
    qint64 m_lastHour = std::numeric_limits<qint64>::min();
    qint64 m_lastOffset = 0;
};

} // namespace lt
