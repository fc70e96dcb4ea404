#include "core/store/ReportDayMembers.h"

#include "core/store/SqliteConnection.h"

#include <algorithm>
#include <optional>
#include <sqlite3.h>
#include <unordered_map>
#include <vector>

namespace lt::dayMembers {

namespace {

// Member ids are SQLite rowids handed out one by one; anything longer is not one.
constexpr qint64 LargestMemberId = qint64(1) << 50;

// The entries of a list ("12,-12,7,"): a member id, negative for a redemption. Nothing when the text is not such a
// list.
std::optional<std::vector<qint64>> entriesOf(const unsigned char* text, int length)
{
    std::vector<qint64> entries;
    qint64 value = 0;
    bool negative = false;
    bool digits = false;
    for (int i = 0; i < length; ++i) {
        const unsigned char c = text[i];
        if (c >= '0' && c <= '9' && value < LargestMemberId) {
            value = value * 10 + (c - '0');
            digits = true;
        } else if (c == '-' && !digits && !negative) {
            negative = true;
        } else if (c == ',' && digits && value > 0) {
            entries.push_back(negative ? -value : value);
            value = 0;
            negative = digits = false;
        } else {
            return std::nullopt;
        }
    }
    if (digits || negative)
        return std::nullopt;
    return entries;
}

} // namespace

Result<void> forEachEntry(SqliteConnection& connection, QDate from, QDate to, const OnEntry& onEntry)
{
    SqliteStatement query(connection, "SELECT slot, members FROM report_day_members WHERE slot BETWEEN ? AND ?");
    query.bind(1, from.toJulianDay() * DayMemberBuckets)
        .bind(2, to.toJulianDay() * DayMemberBuckets + DayMemberBuckets - 1);
    return query.forEachRow(QStringLiteral("members by day"), [&](sqlite3_stmt* row) -> Result<void> {
        const qint64 day = sqlite3_column_int64(row, 0) / DayMemberBuckets;
        const auto* text = sqlite3_column_text(row, 1);
        const int length = sqlite3_column_bytes(row, 1);
        // Parsed here rather than through entriesOf: a year is millions of entries, read for every report.
        qint64 value = 0;
        bool negative = false;
        bool readable = true;
        for (int i = 0; i < length && readable; ++i) {
            const unsigned char c = text[i];
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                readable = value < LargestMemberId;
            } else if (c == '-' && value == 0 && !negative) {
                negative = true;
            } else if (c == ',' && value > 0) {
                onEntry(day, value, negative);
                value = 0;
                negative = false;
            } else {
                readable = false;
            }
        }
        if (!readable || value != 0 || negative)
            return Error::corrupt(QStringLiteral("report_day_members lists something other than the store's members "
                                                 "(day %1).")
                                      .arg(QDate::fromJulianDay(day).toString(Qt::ISODate)));
        return {};
    });
}

Result<bool> agree(SqliteConnection& connection, const char* recomputedSql)
{
    // The kept lists, each sorted, by slot; the recomputed ones are then taken out of it one by one.
    std::unordered_map<qint64, std::vector<qint64>> kept;
    bool readable = true;
    const auto sortedEntries = [&readable](sqlite3_stmt* row) {
        auto entries = entriesOf(sqlite3_column_text(row, 1), sqlite3_column_bytes(row, 1));
        readable = readable && entries.has_value();
        std::vector<qint64> sorted = entries.value_or(std::vector<qint64> {});
        std::sort(sorted.begin(), sorted.end());
        return sorted;
    };
    SqliteStatement keptRows(connection, "SELECT slot, members FROM report_day_members");
    LT_TRY(keptRows.forEachRow(QStringLiteral("members by day"), [&](sqlite3_stmt* row) -> Result<void> {
        kept.emplace(sqlite3_column_int64(row, 0), sortedEntries(row));
        return {};
    }));
    bool same = readable;
    SqliteStatement recomputedRows(connection, recomputedSql);
    LT_TRY(recomputedRows.forEachRow(QStringLiteral("members by day"), [&](sqlite3_stmt* row) -> Result<void> {
        const auto found = kept.find(sqlite3_column_int64(row, 0));
        if (found == kept.end() || found->second != sortedEntries(row))
            same = false;
        else
            kept.erase(found);
        return {};
    }));
    return same && readable && kept.empty();
}

} // namespace lt::dayMembers
