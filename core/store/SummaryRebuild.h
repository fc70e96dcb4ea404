#pragma once

#include "core/common/Result.h"
#include "core/store/SqliteLocalDays.h"

#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace lt {

class SqliteConnection;

// The reports' summary tables (ReportStore) summed in C++ from one read of the members, the sales and the ledger,
// and written back in the order of their keys. SQL would sort every sale once per summary, each with its own key;
// here the sales are sorted twice in memory (by member, then by day) and every summary is read off those two
// passes. The rows and values are those of the recomputing queries `check` runs (ReportStore::differences).
//
// Rows are given one by one (add*), either read from the store (readStore) or handed over by whoever is writing
// them, so that a bulk writer need not read back what it has just written. Memory: about 24 bytes a sale and 16 a
// redemption, plus 16 a member.
class SummaryRebuild
{
public:
    explicit SummaryRebuild(SqliteConnection& connection);
    SummaryRebuild(const SummaryRebuild&) = delete;
    SummaryRebuild& operator=(const SummaryRebuild&) = delete;

    // Times are the stored text (ISO 8601 UTC); a time without a local day fails the rebuild, as it fails the SQL.
    Result<void> addMember(qint64 id, const unsigned char* enrolledAt, int length);
    Result<void> addSale(const unsigned char* createdAt, int length, qint64 memberId, const char* till, int tillLength,
                         const char* staff, int staffLength, qint64 amountMinor, qint64 refundedMinor);
    Result<void> addLedgerEntry(const unsigned char* createdAt, int length, qint64 memberId, const char* kind,
                                int kindLength, qint64 points, qint64 discountMinor);
    // Every member, sale and ledger entry in the store, in the caller's transaction.
    Result<void> readStore();
    // Room for this many sales, when the caller knows.
    void reserveSales(qint64 sales);

    // Empties the summaries of schema 6 (report_sales ... report_cohorts) and/or 7 (report_day_members) and writes
    // them from what was added. Sorts what was added in place.
    Result<void> write(bool schema6Tables, bool schema7Tables);

private:
    // Texts (tills, staff, ledger kinds) stored once each, compared by number.
    class Names
    {
    public:
        int idOf(const char* text, int length);
        const std::string& text(int id) const { return m_texts[std::size_t(id)]; }

    private:
        std::vector<std::string> m_texts;
        std::unordered_map<std::string, int> m_ids;
        int m_last = -1;
    };
    struct SaleEntry
    {
        qint64 memberId;
        qint64 netMinor;
        qint64 day;
    };
    struct Redemption
    {
        qint64 memberId;
        qint64 day;
    };
    struct SalesSums
    {
        qint64 sales = 0;
        qint64 amountMinor = 0;
        qint64 refundedMinor = 0;
        qint64 fullyRefunded = 0;
    };
    struct PointsSums
    {
        qint64 points = 0;
        qint64 entries = 0;
        qint64 discountMinor = 0;
    };
    using SalesKey = std::tuple<qint64, int, int>; // day, till, staff
    using PointsKey = std::pair<qint64, int>; // day, kind

    Result<void> writeByMember();
    Result<void> writeByDay(bool schema6Tables, bool schema7Tables);
    Result<void> writeSmallTables();
    Result<void> empty(const char* table);

    SqliteConnection& m_connection;
    SqliteLocalDays m_days;
    Names m_tills;
    Names m_staff;
    Names m_kinds;
    int m_redeem = -1; // the kind "redeem" among m_kinds
    std::vector<std::pair<qint64, qint64>> m_enrollments; // member id, enrollment day
    std::vector<SaleEntry> m_sales;
    std::vector<Redemption> m_redemptions;
    std::map<SalesKey, SalesSums> m_salesByDay;
    std::map<PointsKey, PointsSums> m_pointsByDay;
    SalesKey m_lastSalesKey {SqliteLocalDays::NoDay, -1, -1};
    SalesSums* m_lastSales = nullptr;
    PointsKey m_lastPointsKey {SqliteLocalDays::NoDay, -1};
    PointsSums* m_lastPoints = nullptr;
};

} // namespace lt
