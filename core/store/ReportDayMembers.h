#pragma once

#include "core/common/Result.h"

#include <QDate>

#include <functional>

namespace lt {

class SqliteConnection;

// report_day_members (schema 7), which ReportStore owns: each local day's buyers and redeemers packed in a row per
// day and bucket of members, the members' ids as text ("12,-12,7,": a sale appends "id,", a redemption "-id,"). The
// row's slot is the day's Julian day number × DayMemberBuckets + member id mod DayMemberBuckets.
inline constexpr qint64 DayMemberBuckets = 256;

namespace dayMembers {

using OnEntry = std::function<void(qint64 julianDay, qint64 memberId, bool redemption)>;

// Calls onEntry for every sale and redemption of the local days [from, to], in the order of the slots. A list that is
// not one of positive member ids is refused as corrupt.
Result<void> forEachEntry(SqliteConnection& connection, QDate from, QDate to, const OnEntry& onEntry);

// Whether the kept lists hold the same entries as the lists `recomputedSql` gives (slot, list), each as a multiset:
// the order of a list is the order the sales came in, which a recomputation cannot know.
Result<bool> agree(SqliteConnection& connection, const char* recomputedSql);

} // namespace dayMembers
} // namespace lt
