#include "core/store/SqliteLocalDays.h"

#include "core/store/SqliteConnection.h"

#include <sqlite3.h>

namespace lt {

namespace {

constexpr qint64 SecondsPerDay = 86400;
// The days the summaries can write as "YYYY-MM-DD": 0000-01-01 to 9999-12-31.
constexpr qint64 FirstDay = -719528;
constexpr qint64 LastDay = 2932896;

qint64 floorDiv(qint64 value, qint64 by)
{
    const qint64 quotient = value / by;
    return (value % by != 0 && (value < 0) != (by < 0)) ? quotient - 1 : quotient;
}

bool leapYear(qint64 year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int daysInMonth(qint64 year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leapYear(year) ? 29 : days[month - 1];
}

// Digits at text[from, from + count) as a number; -1 when one is not a digit.
int digits(const unsigned char* text, int from, int count)
{
    int value = 0;
    for (int i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

void writeDigits(char* text, qint64 value, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        text[i] = char('0' + value % 10);
        value /= 10;
    }
}

// "YYYY-MM-DDTHH:MM:SS[.f[f[f]]][Z]" (or a space for the T) as whole seconds since the epoch: the local day does not
// depend on the fraction. False for any other text, which SQLite then reads.
bool parseUtc(const unsigned char* text, int length, qint64& seconds)
{
    if (text == nullptr || length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ')
        || text[13] != ':' || text[16] != ':')
        return false;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59)
        return false;
    int at = 19;
    if (at < length && text[at] == '.') {
        const int first = ++at;
        while (at < length && text[at] >= '0' && text[at] <= '9' && at - first < 3)
            ++at;
        // Beyond milliseconds SQLite's double could carry the time into the next second.
        if (at == first || (at < length && text[at] >= '0' && text[at] <= '9'))
            return false;
    }
    if (at < length && text[at] == 'Z')
        ++at;
    if (at != length)
        return false;
    seconds = civilDays::fromDate(year, month, day) * SecondsPerDay + hour * 3600 + minute * 60 + second;
    return true;
}

} // namespace

namespace civilDays {

// H. Hinnant's algorithms (days_from_civil, civil_from_days).
qint64 fromDate(qint64 year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

namespace {
void toDate(qint64 days, qint64& year, qint64& month, qint64& day)
{
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    day = dayOfYear - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
}
} // namespace

void format(qint64 days, char* text)
{
    qint64 year = 0;
    qint64 month = 0;
    qint64 day = 0;
    toDate(days, year, month, day);
    writeDigits(text, year, 4);
    text[4] = '-';
    writeDigits(text + 5, month, 2);
    text[7] = '-';
    writeDigits(text + 8, day, 2);
}

qint64 monthOf(qint64 days)
{
    qint64 year = 0;
    qint64 month = 0;
    qint64 day = 0;
    toDate(days, year, month, day);
    return year * 12 + month - 1;
}

void formatMonth(qint64 month, char* text)
{
    writeDigits(text, month / 12, 4);
    text[4] = '-';
    writeDigits(text + 5, month % 12 + 1, 2);
}

bool parse(const unsigned char* text, int length, qint64& days)
{
    if (text == nullptr || length != 10 || text[4] != '-' || text[7] != '-')
        return false;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return false;
    days = fromDate(year, month, day);
    return true;
}

} // namespace civilDays

SqliteLocalDays::SqliteLocalDays(SqliteConnection& connection)
    : m_connection(connection)
{
    // strftime('%s') of the local time is the local wall clock read as if it were UTC: less the time, the offset.
    sqlite3_prepare_v2(connection.handle(), "SELECT strftime('%s', ?1, 'unixepoch', 'localtime') - ?1", -1, &m_offset,
                       nullptr);
    sqlite3_prepare_v2(connection.handle(), "SELECT date(?1, 'localtime')", -1, &m_date, nullptr);
}

SqliteLocalDays::~SqliteLocalDays()
{
    sqlite3_finalize(m_offset);
    sqlite3_finalize(m_date);
}

qint64 SqliteLocalDays::dayOf(const unsigned char* text, int length)
{
    qint64 seconds = 0;
    if (!parseUtc(text, length, seconds))
        return fromSqlite(text, length);
    // SQLite (3.40) takes the offset at the whole second, and outside 1971–2037 the offset of 2000-01-01; asked for
    // the offset at a whole second, it gives the one it applies to every time within that second.
    const qint64 hour = floorDiv(seconds, 3600);
    if (hour != m_lastHour) {
        auto found = m_hourOffsets.find(hour);
        if (found == m_hourOffsets.end()) {
            const qint64 start = offsetAt(hour * 3600);
            const qint64 end = offsetAt(hour * 3600 + 3599);
            if (m_sqliteFailed)
                return NoDay;
            found = m_hourOffsets.emplace(hour, start == end ? start : Mixed).first;
        }
        m_lastHour = hour;
        m_lastOffset = found->second;
    }
    qint64 offset = m_lastOffset;
    if (offset == Mixed) {
        offset = offsetAt(seconds);
        if (m_sqliteFailed)
            return NoDay;
    }
    const qint64 day = floorDiv(seconds + offset, SecondsPerDay);
    return day >= FirstDay && day <= LastDay ? day : NoDay;
}

qint64 SqliteLocalDays::offsetAt(qint64 secondsSinceEpoch)
{
    qint64 offset = 0;
    sqlite3_bind_int64(m_offset, 1, secondsSinceEpoch);
    if (m_offset != nullptr && sqlite3_step(m_offset) == SQLITE_ROW && sqlite3_column_type(m_offset, 0) != SQLITE_NULL)
        offset = sqlite3_column_int64(m_offset, 0);
    else
        m_sqliteFailed = true;
    sqlite3_reset(m_offset);
    return offset;
}

qint64 SqliteLocalDays::fromSqlite(const unsigned char* text, int length)
{
    if (m_date == nullptr) {
        m_sqliteFailed = true;
        return NoDay;
    }
    sqlite3_bind_text(m_date, 1, reinterpret_cast<const char*>(text), length, SQLITE_STATIC);
    qint64 day = NoDay;
    const int rc = sqlite3_step(m_date);
    if (rc == SQLITE_ROW) {
        qint64 parsed = 0;
        if (civilDays::parse(sqlite3_column_text(m_date, 0), sqlite3_column_bytes(m_date, 0), parsed))
            day = parsed;
    } else {
        m_sqliteFailed = true;
    }
    sqlite3_reset(m_date);
    sqlite3_clear_bindings(m_date);
    return day;
}

Error SqliteLocalDays::failure(const QString& what) const
{
    if (m_sqliteFailed)
        return m_connection.lastError(what);
    return Error::corrupt(QStringLiteral("%1 holds a time that has no local day from 0000 to 9999.").arg(what));
}

} // namespace lt
