#include "core/store/SummaryRebuild.h"

#include "core/store/ReportDayMembers.h"
#include "core/store/SqliteConnection.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace lt {

namespace {

// A prepared insert that writes its rows many to a statement, as a statement's own cost is most of a summary row's.
// Each row's values are copied when run() takes it; finish() writes what is left.
class Insert
{
public:
    static constexpr int RowsPerStatement = 128;

    // sql: "INSERT INTO table (columns) VALUES (?, ...)", one row.
    Insert(SqliteConnection& connection, const char* table, const char* sql)
        : m_connection(connection)
        , m_table(table)
    {
        const std::string one(sql);
        const std::string row = one.substr(one.rfind('('));
        m_columns = int(std::count(row.begin(), row.end(), '?'));
        std::string many = one;
        for (int i = 1; i < RowsPerStatement; ++i)
            many += ", " + row;
        sqlite3_prepare_v2(connection.handle(), one.c_str(), -1, &m_one, nullptr);
        sqlite3_prepare_v2(connection.handle(), many.c_str(), -1, &m_many, nullptr);
        m_cells.resize(std::size_t(RowsPerStatement) * std::size_t(m_columns));
    }
    ~Insert()
    {
        sqlite3_finalize(m_one);
        sqlite3_finalize(m_many);
    }
    Insert(const Insert&) = delete;
    Insert& operator=(const Insert&) = delete;

    Insert& bind(int index, qint64 value)
    {
        Cell& cell = pending(index);
        cell.isText = false;
        cell.number = value;
        return *this;
    }
    Insert& bind(int index, const char* text, std::size_t length)
    {
        Cell& cell = pending(index);
        cell.isText = true;
        cell.text.assign(text, length);
        return *this;
    }
    Result<void> run()
    {
        if (++m_rows < RowsPerStatement)
            return {};
        LT_TRY(step(m_many, 0, RowsPerStatement));
        m_rows = 0;
        return {};
    }
    Result<void> finish()
    {
        for (int row = 0; row < m_rows; ++row)
            LT_TRY(step(m_one, row, 1));
        m_rows = 0;
        return {};
    }

private:
    struct Cell
    {
        bool isText = false;
        qint64 number = 0;
        std::string text;
    };

    Cell& pending(int index) { return m_cells[std::size_t(m_rows) * std::size_t(m_columns) + std::size_t(index - 1)]; }
    Result<void> step(sqlite3_stmt* statement, int fromRow, int rows)
    {
        if (statement == nullptr)
            return m_connection.lastError(QLatin1String(m_table));
        for (int i = 0; i < rows * m_columns; ++i) {
            const Cell& cell = m_cells[std::size_t(fromRow) * std::size_t(m_columns) + std::size_t(i)];
            if (cell.isText)
                sqlite3_bind_text(statement, i + 1, cell.text.data(), int(cell.text.size()), SQLITE_STATIC);
            else
                sqlite3_bind_int64(statement, i + 1, cell.number);
        }
        const int rc = sqlite3_step(statement);
        sqlite3_reset(statement);
        if (rc != SQLITE_DONE)
            return m_connection.lastError(QLatin1String(m_table));
        return {};
    }

    SqliteConnection& m_connection;
    const char* m_table;
    int m_columns = 0;
    int m_rows = 0; // taken by run() and not yet written
    std::vector<Cell> m_cells; // RowsPerStatement rows of m_columns values
    sqlite3_stmt* m_one = nullptr;
    sqlite3_stmt* m_many = nullptr;
};

struct DayText
{
    std::array<char, 10> text {};
    explicit DayText(qint64 day) { civilDays::format(day, text.data()); }
};

struct MonthText
{
    std::array<char, 7> text {};
    explicit MonthText(qint64 month) { civilDays::formatMonth(month, text.data()); }
};

// Text of a column, read before its length as SQLite asks.
struct ColumnText
{
    const unsigned char* text;
    int length;
    ColumnText(sqlite3_stmt* row, int column)
        : text(sqlite3_column_text(row, column))
        , length(sqlite3_column_bytes(row, column))
    {
    }
    const char* chars() const { return reinterpret_cast<const char*>(text); }
};

// Appends "id," (a sale) or "-id," (a redemption) to a list of report_day_members.
void appendEntry(std::string& list, qint64 memberId, bool redemption)
{
    char number[24];
    const auto end = std::to_chars(number, number + sizeof number, memberId).ptr;
    if (redemption)
        list += '-';
    list.append(number, end);
    list += ',';
}

} // namespace

int SummaryRebuild::Names::idOf(const char* text, int length)
{
    const auto size = std::size_t(length);
    if (m_last >= 0) {
        const std::string& last = m_texts[std::size_t(m_last)];
        if (last.size() == size && (size == 0 || std::memcmp(last.data(), text, size) == 0))
            return m_last;
    }
    std::string key(text == nullptr ? "" : text, text == nullptr ? 0 : size);
    auto found = m_ids.find(key);
    if (found == m_ids.end()) {
        found = m_ids.emplace(key, int(m_texts.size())).first;
        m_texts.push_back(std::move(key));
    }
    m_last = found->second;
    return m_last;
}

SummaryRebuild::SummaryRebuild(SqliteConnection& connection)
    : m_connection(connection)
    , m_days(connection)
{
}

void SummaryRebuild::reserveSales(qint64 sales)
{
    if (sales > 0)
        m_sales.reserve(std::size_t(sales));
}

Result<void> SummaryRebuild::addMember(qint64 id, const unsigned char* enrolledAt, int length)
{
    const qint64 day = m_days.dayOf(enrolledAt, length);
    if (day == SqliteLocalDays::NoDay)
        return m_days.failure(QStringLiteral("members.enrolled_at"));
    m_enrollments.emplace_back(id, day);
    return {};
}

Result<void> SummaryRebuild::addSale(const unsigned char* createdAt, int length, qint64 memberId, const char* till,
                                     int tillLength, const char* staff, int staffLength, qint64 amountMinor,
                                     qint64 refundedMinor)
{
    const qint64 day = m_days.dayOf(createdAt, length);
    if (day == SqliteLocalDays::NoDay)
        return m_days.failure(QStringLiteral("sales.created_at"));
    m_sales.push_back(SaleEntry {memberId, amountMinor - refundedMinor, day});
    const SalesKey key {day, m_tills.idOf(till, tillLength), m_staff.idOf(staff, staffLength)};
    if (m_lastSales == nullptr || key != m_lastSalesKey) {
        m_lastSales = &m_salesByDay[key];
        m_lastSalesKey = key;
    }
    ++m_lastSales->sales;
    m_lastSales->amountMinor += amountMinor;
    m_lastSales->refundedMinor += refundedMinor;
    m_lastSales->fullyRefunded += refundedMinor == amountMinor ? 1 : 0;
    return {};
}

Result<void> SummaryRebuild::addLedgerEntry(const unsigned char* createdAt, int length, qint64 memberId,
                                            const char* kind, int kindLength, qint64 points, qint64 discountMinor)
{
    const qint64 day = m_days.dayOf(createdAt, length);
    if (day == SqliteLocalDays::NoDay)
        return m_days.failure(QStringLiteral("ledger.created_at"));
    const int kindId = m_kinds.idOf(kind, kindLength);
    if (m_redeem < 0 && m_kinds.text(kindId) == "redeem")
        m_redeem = kindId;
    const PointsKey key {day, kindId};
    if (m_lastPoints == nullptr || key != m_lastPointsKey) {
        m_lastPoints = &m_pointsByDay[key];
        m_lastPointsKey = key;
    }
    m_lastPoints->points += points;
    ++m_lastPoints->entries;
    m_lastPoints->discountMinor += discountMinor;
    if (kindId == m_redeem)
        m_redemptions.push_back(Redemption {memberId, day});
    return {};
}

Result<void> SummaryRebuild::readStore()
{
    SqliteStatement newest(m_connection, "SELECT COALESCE(max(id), 0) FROM sales");
    LT_TRY(newest.forEachRow(QStringLiteral("sales"), [this](sqlite3_stmt* row) -> Result<void> {
        // Sales ids are handed out one by one; a store with sparse ones grows the list as it reads.
        reserveSales(std::min<qint64>(sqlite3_column_int64(row, 0), 50'000'000));
        return {};
    }));
    SqliteStatement members(m_connection, "SELECT id, enrolled_at FROM members");
    LT_TRY(members.forEachRow(QStringLiteral("members"), [this](sqlite3_stmt* row) {
        const ColumnText enrolled(row, 1);
        return addMember(sqlite3_column_int64(row, 0), enrolled.text, enrolled.length);
    }));
    SqliteStatement sales(m_connection,
                          "SELECT created_at, member_id, till, staff, amount_minor, refunded_minor FROM sales");
    LT_TRY(sales.forEachRow(QStringLiteral("sales"), [this](sqlite3_stmt* row) {
        const ColumnText created(row, 0);
        const ColumnText till(row, 2);
        const ColumnText staff(row, 3);
        return addSale(created.text, created.length, sqlite3_column_int64(row, 1), till.chars(), till.length,
                       staff.chars(), staff.length, sqlite3_column_int64(row, 4), sqlite3_column_int64(row, 5));
    }));
    SqliteStatement ledger(m_connection,
                           "SELECT created_at, member_id, kind, points, COALESCE(discount_minor, 0) FROM ledger");
    return ledger.forEachRow(QStringLiteral("ledger"), [this](sqlite3_stmt* row) {
        const ColumnText created(row, 0);
        const ColumnText kind(row, 2);
        return addLedgerEntry(created.text, created.length, sqlite3_column_int64(row, 1), kind.chars(), kind.length,
                              sqlite3_column_int64(row, 3), sqlite3_column_int64(row, 4));
    });
}

Result<void> SummaryRebuild::empty(const char* table)
{
    const std::string sql = std::string("DELETE FROM ") + table;
    return m_connection.exec(sql.c_str());
}

Result<void> SummaryRebuild::write(bool schema6Tables, bool schema7Tables)
{
    if (schema6Tables) {
        LT_TRY(writeSmallTables());
        std::sort(m_sales.begin(), m_sales.end(), [](const SaleEntry& a, const SaleEntry& b) {
            return a.memberId != b.memberId ? a.memberId < b.memberId : a.day < b.day;
        });
        LT_TRY(writeByMember());
    }
    std::sort(m_sales.begin(), m_sales.end(), [](const SaleEntry& a, const SaleEntry& b) {
        return a.day != b.day ? a.day < b.day : a.memberId < b.memberId;
    });
    std::sort(m_redemptions.begin(), m_redemptions.end(), [](const Redemption& a, const Redemption& b) {
        return a.day != b.day ? a.day < b.day : a.memberId < b.memberId;
    });
    return writeByDay(schema6Tables, schema7Tables);
}

Result<void> SummaryRebuild::writeSmallTables()
{
    LT_TRY(empty("report_sales"));
    Insert sales(m_connection, "report_sales",
                 "INSERT INTO report_sales (day, till, staff, sales, amount_minor, refunded_minor, fully_refunded) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto& [key, sums] : m_salesByDay) {
        const DayText day(std::get<0>(key));
        const std::string& till = m_tills.text(std::get<1>(key));
        const std::string& staff = m_staff.text(std::get<2>(key));
        sales.bind(1, day.text.data(), day.text.size()).bind(2, till.data(), till.size());
        sales.bind(3, staff.data(), staff.size()).bind(4, sums.sales).bind(5, sums.amountMinor);
        LT_TRY(sales.bind(6, sums.refundedMinor).bind(7, sums.fullyRefunded).run());
    }
    LT_TRY(sales.finish());

    LT_TRY(empty("report_points"));
    Insert points(m_connection, "report_points",
                  "INSERT INTO report_points (day, kind, points, entries, discount_minor) VALUES (?, ?, ?, ?, ?)");
    for (const auto& [key, sums] : m_pointsByDay) {
        const DayText day(key.first);
        const std::string& kind = m_kinds.text(key.second);
        points.bind(1, day.text.data(), day.text.size()).bind(2, kind.data(), kind.size());
        LT_TRY(points.bind(3, sums.points).bind(4, sums.entries).bind(5, sums.discountMinor).run());
    }
    LT_TRY(points.finish());

    LT_TRY(empty("report_enrollments"));
    std::map<qint64, qint64> enrolledByDay;
    for (const auto& [id, day] : m_enrollments)
        ++enrolledByDay[day];
    Insert enrollments(m_connection, "report_enrollments",
                       "INSERT INTO report_enrollments (day, members) VALUES (?, ?)");
    for (const auto& [day, members] : enrolledByDay) {
        const DayText text(day);
        LT_TRY(enrollments.bind(1, text.text.data(), text.text.size()).bind(2, members).run());
    }
    return enrollments.finish();
}

// report_members, report_member_months and report_cohorts, from the sales in the order of members and days.
Result<void> SummaryRebuild::writeByMember()
{
    LT_TRY(empty("report_members"));
    LT_TRY(empty("report_member_months"));
    LT_TRY(empty("report_cohorts"));
    if (!std::is_sorted(m_enrollments.begin(), m_enrollments.end()))
        std::sort(m_enrollments.begin(), m_enrollments.end());
    Insert members(m_connection, "report_members",
                   "INSERT INTO report_members (member_id, sales, net_minor, first_day, last_day) "
                   "VALUES (?, ?, ?, ?, ?)");
    Insert months(m_connection, "report_member_months",
                  "INSERT INTO report_member_months (member_id, month) VALUES (?, ?)");
    std::map<std::pair<qint64, qint64>, qint64> cohorts; // (enrollment month, month): buyers
    auto enrolled = m_enrollments.cbegin();
    for (std::size_t i = 0; i < m_sales.size();) {
        const qint64 memberId = m_sales[i].memberId;
        while (enrolled != m_enrollments.cend() && enrolled->first < memberId)
            ++enrolled;
        // A sale of a member no longer in the members table counts everywhere but in the cohorts, as in the SQL.
        const bool inCohort = enrolled != m_enrollments.cend() && enrolled->first == memberId;
        const qint64 cohort = inCohort ? civilDays::monthOf(enrolled->second) : 0;
        const qint64 firstDay = m_sales[i].day;
        qint64 sales = 0;
        qint64 netMinor = 0;
        qint64 lastMonth = -1;
        qint64 monthEnd = SqliteLocalDays::NoDay; // the last day of lastMonth
        for (; i < m_sales.size() && m_sales[i].memberId == memberId; ++i) {
            ++sales;
            netMinor += m_sales[i].netMinor;
            if (m_sales[i].day <= monthEnd)
                continue;
            lastMonth = civilDays::monthOf(m_sales[i].day);
            const qint64 nextMonth = lastMonth + 1;
            monthEnd = civilDays::fromDate(nextMonth / 12, int(nextMonth % 12) + 1, 1) - 1;
            const MonthText month(lastMonth);
            LT_TRY(months.bind(1, memberId).bind(2, month.text.data(), month.text.size()).run());
            if (inCohort)
                ++cohorts[{cohort, lastMonth}];
        }
        const DayText first(firstDay);
        const DayText last(m_sales[i - 1].day);
        members.bind(1, memberId).bind(2, sales).bind(3, netMinor);
        LT_TRY(members.bind(4, first.text.data(), first.text.size()).bind(5, last.text.data(), last.text.size()).run());
    }
    Insert cohortRows(m_connection, "report_cohorts",
                      "INSERT INTO report_cohorts (cohort, month, buyers) VALUES (?, ?, ?)");
    for (const auto& [key, buyers] : cohorts) {
        const MonthText cohort(key.first);
        const MonthText month(key.second);
        cohortRows.bind(1, cohort.text.data(), cohort.text.size()).bind(2, month.text.data(), month.text.size());
        LT_TRY(cohortRows.bind(3, buyers).run());
    }
    LT_TRY(members.finish());
    LT_TRY(months.finish());
    return cohortRows.finish();
}

// report_member_days and report_day_members, from the sales and the redemptions in the order of days and members.
Result<void> SummaryRebuild::writeByDay(bool schema6Tables, bool schema7Tables)
{
    if (schema6Tables)
        LT_TRY(empty("report_member_days"));
    if (schema7Tables)
        LT_TRY(empty("report_day_members"));
    Insert memberDays(m_connection, "report_member_days",
                      "INSERT INTO report_member_days (day, member_id, sales, net_minor, redemptions) "
                      "VALUES (?, ?, ?, ?, ?)");
    Insert dayMembers(m_connection, "report_day_members",
                      "INSERT INTO report_day_members (slot, members) VALUES (?, ?)");
    // A day's lists by bucket (member id % 256, as SQLite takes it: negative for a negative id), written when the
    // day ends, in the order of their slots.
    constexpr qint64 Buckets = DayMemberBuckets;
    std::vector<std::string> lists(std::size_t(2 * Buckets - 1));
    const auto writeLists = [&](qint64 day) -> Result<void> {
        for (std::size_t index = 0; index < lists.size(); ++index) {
            std::string& list = lists[index];
            if (list.empty())
                continue;
            const qint64 slot = civilDays::julianDay(day) * Buckets + qint64(index) - (Buckets - 1);
            LT_TRY(dayMembers.bind(1, slot).bind(2, list.data(), list.size()).run());
            list.clear();
        }
        return {};
    };

    std::size_t sale = 0;
    std::size_t redemption = 0;
    qint64 currentDay = SqliteLocalDays::NoDay;
    DayText dayText(0);
    while (sale < m_sales.size() || redemption < m_redemptions.size()) {
        const bool saleFirst = redemption == m_redemptions.size()
            || (sale < m_sales.size()
                && std::pair(m_sales[sale].day, m_sales[sale].memberId)
                    <= std::pair(m_redemptions[redemption].day, m_redemptions[redemption].memberId));
        const qint64 day = saleFirst ? m_sales[sale].day : m_redemptions[redemption].day;
        const qint64 memberId = saleFirst ? m_sales[sale].memberId : m_redemptions[redemption].memberId;
        if (day != currentDay) {
            if (schema7Tables && currentDay != SqliteLocalDays::NoDay)
                LT_TRY(writeLists(currentDay));
            currentDay = day;
            dayText = DayText(day);
        }
        qint64 sales = 0;
        qint64 netMinor = 0;
        qint64 redemptions = 0;
        std::string& list = lists[std::size_t(memberId % Buckets + Buckets - 1)];
        for (; sale < m_sales.size() && m_sales[sale].day == day && m_sales[sale].memberId == memberId; ++sale) {
            ++sales;
            netMinor += m_sales[sale].netMinor;
            if (schema7Tables)
                appendEntry(list, memberId, false);
        }
        for (; redemption < m_redemptions.size() && m_redemptions[redemption].day == day
             && m_redemptions[redemption].memberId == memberId;
             ++redemption) {
            ++redemptions;
            if (schema7Tables)
                appendEntry(list, memberId, true);
        }
        if (schema6Tables) {
            memberDays.bind(1, dayText.text.data(), dayText.text.size()).bind(2, memberId).bind(3, sales);
            LT_TRY(memberDays.bind(4, netMinor).bind(5, redemptions).run());
        }
    }
    if (schema7Tables && currentDay != SqliteLocalDays::NoDay)
        LT_TRY(writeLists(currentDay));
    LT_TRY(memberDays.finish());
    return dayMembers.finish();
}

} // namespace lt
