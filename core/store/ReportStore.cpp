#include "core/store/ReportStore.h"

#include "core/store/Database.h"
#include "core/store/ReportDayMembers.h"
#include "core/store/SqliteConnection.h"
#include "core/store/SummaryRebuild.h"
#include "core/store/Transaction.h"

#include <QSqlQuery>

#include <algorithm>
#include <cstring>
#include <sqlite3.h>
#include <vector>

namespace lt {

namespace {

// Each summary table with the query that recomputes it from the raw tables: `check` compares the two, and the
// rebuild (SummaryRebuild, in C++) writes the same rows. The queries say in full what the triggers of schemas 6 and 7
// keep row by row.
struct Summary
{
    int version; // the schema version that added the table
    const char* table;
    const char* columns;
    const char* recomputed;
    bool fromMemberMonths = false; // reads temp.report_member_month_sales (below)
};

// Three summaries are sums of each member's sales by month: those are summed once, into a temporary table kept in
// member order, rather than three times from the sales (each a sort of every sale).
const char* const MemberMonthSales[] = {
    "DROP TABLE IF EXISTS temp.report_member_month_sales",
    "CREATE TEMP TABLE report_member_month_sales (member_id INTEGER NOT NULL, month TEXT NOT NULL, "
    "sales INTEGER NOT NULL, net_minor INTEGER NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL, "
    "PRIMARY KEY (member_id, month)) WITHOUT ROWID",
    "INSERT INTO temp.report_member_month_sales SELECT member_id, substr(day, 1, 7), count(*), sum(net), min(day), "
    "max(day) FROM (SELECT member_id, date(created_at, 'localtime') AS day, amount_minor - refunded_minor AS net "
    "FROM sales NOT INDEXED) GROUP BY member_id, substr(day, 1, 7)",
};

// report_day_members lists each day's members in the order their sales and redemptions came, which a recomputation
// cannot know: `check` compares its lists as multisets.
const char* const DayMembers = "report_day_members";

const Summary Summaries[] = {
    {6, "report_sales", "day, till, staff, sales, amount_minor, refunded_minor, fully_refunded",
     "SELECT date(created_at, 'localtime'), till, staff, count(*), sum(amount_minor), sum(refunded_minor), "
     "sum(refunded_minor = amount_minor) FROM sales GROUP BY 1, 2, 3"},
    {6, "report_points", "day, kind, points, entries, discount_minor",
     "SELECT date(created_at, 'localtime'), kind, sum(points), count(*), sum(COALESCE(discount_minor, 0)) "
     "FROM ledger GROUP BY 1, 2"},
    {6, "report_member_days", "day, member_id, sales, net_minor, redemptions",
     "SELECT day, member_id, sum(sales), sum(net), sum(redemptions) FROM ("
     "SELECT date(created_at, 'localtime') AS day, member_id, 1 AS sales, amount_minor - refunded_minor AS net, "
     "0 AS redemptions FROM sales UNION ALL "
     "SELECT date(created_at, 'localtime'), member_id, 0, 0, 1 FROM ledger WHERE kind = 'redeem') "
     "GROUP BY day, member_id"},
    {6, "report_members", "member_id, sales, net_minor, first_day, last_day",
     "SELECT member_id, sum(sales), sum(net_minor), min(first_day), max(last_day) "
     "FROM temp.report_member_month_sales GROUP BY member_id",
     true},
    {6, "report_enrollments", "day, members",
     "SELECT date(enrolled_at, 'localtime'), count(*) FROM members GROUP BY 1"},
    {6, "report_member_months", "member_id, month", "SELECT member_id, month FROM temp.report_member_month_sales",
     true},
    {6, "report_cohorts", "cohort, month, buyers",
     "SELECT strftime('%Y-%m', m.enrolled_at, 'localtime'), s.month, count(*) FROM temp.report_member_month_sales s "
     "JOIN members m ON m.id = s.member_id GROUP BY 1, 2",
     true},
    {7, DayMembers, "slot, members",
     "SELECT slot, group_concat(token, '') FROM ("
     "SELECT CAST(julianday(date(created_at, 'localtime')) + 0.5 AS INTEGER) * 256 + member_id % 256 AS slot, "
     "member_id || ',' AS token FROM sales UNION ALL "
     "SELECT CAST(julianday(date(created_at, 'localtime')) + 0.5 AS INTEGER) * 256 + member_id % 256, "
     "'-' || member_id || ',' FROM ledger WHERE kind = 'redeem') GROUP BY slot"},
};

QString firstDay(QDate from)
{
    return from.isValid() ? from.toString(Qt::ISODate) : QStringLiteral("0000-01-01");
}

QString lastDay(QDate to)
{
    return to.isValid() ? to.toString(Qt::ISODate) : QStringLiteral("9999-12-31");
}

QByteArray utf8(const QString& text)
{
    return QByteArray(text.toUtf8().constData()); // never null: an empty text binds '' rather than NULL
}

// A column holding 'YYYY-MM-DD' as a Julian day number; 0 when it holds no such date. Parsed here rather than with
// QDate::fromString, which would cost more than the row's read.
qint64 julianDayOf(sqlite3_stmt* row, int column)
{
    const unsigned char* text = sqlite3_column_text(row, column);
    if (text == nullptr || sqlite3_column_bytes(row, column) != 10 || text[4] != '-' || text[7] != '-')
        return 0;
    const auto number = [text](int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    return date.isValid() ? date.toJulianDay() : 0;
}

Error badDay(const char* table)
{
    return Error::corrupt(QStringLiteral("%1 holds a day that is not a date.").arg(QLatin1String(table)));
}

} // namespace

namespace {

bool inScope(const Summary& summary, int addedInVersion)
{
    return addedInVersion == 0 || summary.version == addedInVersion;
}

// Sums each member's sales by month into temp.report_member_month_sales when a summary in scope reads it, and drops
// it again when the scope ends.
class MemberMonthScope
{
public:
    explicit MemberMonthScope(Database& db)
        : m_db(db)
    {
    }
    ~MemberMonthScope()
    {
        if (m_made)
            (void)m_db.exec(QStringLiteral("DROP TABLE IF EXISTS temp.report_member_month_sales"));
    }
    MemberMonthScope(const MemberMonthScope&) = delete;
    MemberMonthScope& operator=(const MemberMonthScope&) = delete;

    Result<void> prepare(int addedInVersion)
    {
        const bool needed = std::any_of(std::begin(Summaries), std::end(Summaries), [&](const Summary& summary) {
            return summary.fromMemberMonths && inScope(summary, addedInVersion);
        });
        if (!needed)
            return {};
        m_made = true;
        for (const char* sql : MemberMonthSales)
            LT_TRY(m_db.exec(QLatin1String(sql)));
        return {};
    }

private:
    Database& m_db;
    bool m_made = false;
};

} // namespace

Result<void> ReportStore::rebuild(int addedInVersion)
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    SummaryRebuild summaries(connection);
    LT_TRY(summaries.readStore());
    return summaries.write(addedInVersion == 0 || addedInVersion == 6, addedInVersion == 0 || addedInVersion == 7);
}

Result<void> ReportStore::rebuildInSql(int addedInVersion)
{
    MemberMonthScope memberMonths(m_db);
    LT_TRY(memberMonths.prepare(addedInVersion));
    for (const Summary& summary : Summaries) {
        if (!inScope(summary, addedInVersion))
            continue;
        LT_TRY(m_db.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(summary.table))));
        LT_TRY(m_db.exec(
            QStringLiteral("INSERT INTO %1 (%2) %3")
                .arg(QLatin1String(summary.table), QLatin1String(summary.columns), QLatin1String(summary.recomputed))));
    }
    return {};
}

Result<QStringList> ReportStore::differences() const
{
    // Each recomputation runs once, into a temporary table: the two sides hold distinct rows (the summaries are keyed,
    // the recomputations grouped by the key), so they are equal when they have as many rows and none is only kept.
    QStringList differing;
    MemberMonthScope memberMonths(m_db);
    LT_TRY(memberMonths.prepare(0));
    for (const Summary& summary : Summaries) {
        if (summary.table == DayMembers) {
            LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
            LT_TRY_ASSIGN(const bool same, dayMembers::agree(connection, summary.recomputed));
            if (!same)
                differing << QLatin1String(summary.table);
            continue;
        }
        LT_TRY(m_db.exec(QStringLiteral("DROP TABLE IF EXISTS temp.report_recomputed")));
        LT_TRY(m_db.exec(
            QStringLiteral("CREATE TEMP TABLE report_recomputed AS %1").arg(QLatin1String(summary.recomputed))));
        const QString kept =
            QStringLiteral("SELECT %1 FROM %2").arg(QLatin1String(summary.columns), QLatin1String(summary.table));
        LT_TRY_ASSIGN(const QVariant keptRows,
                      m_db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(summary.table))));
        LT_TRY_ASSIGN(const QVariant recomputedRows,
                      m_db.scalar(QStringLiteral("SELECT count(*) FROM temp.report_recomputed")));
        LT_TRY_ASSIGN(const QVariant onlyKept,
                      m_db.scalar(QStringLiteral("SELECT count(*) FROM (%1 EXCEPT SELECT * FROM "
                                                 "temp.report_recomputed)")
                                      .arg(kept)));
        LT_TRY(m_db.exec(QStringLiteral("DROP TABLE temp.report_recomputed")));
        if (keptRows.toLongLong() != recomputedRows.toLongLong() || onlyKept.toLongLong() != 0)
            differing << QLatin1String(summary.table);
    }
    return differing;
}

Result<ReportStore::SalesTotals> ReportStore::sales(QDate from, QDate to, const QString& till,
                                                    const QString& staff) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT COALESCE(sum(sales), 0), COALESCE(sum(amount_minor), 0), COALESCE(sum(refunded_minor), 0), "
        "COALESCE(sum(fully_refunded), 0) FROM report_sales WHERE day BETWEEN ? AND ? AND (? = '' OR till = ?) "
        "AND (? = '' OR staff = ?)"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {firstDay(from), lastDay(to), till, till, staff, staff}));
    SalesTotals totals;
    if (query.next())
        totals = SalesTotals {query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                              query.value(3).toLongLong()};
    return totals;
}

Result<QHash<QString, qint64>> ReportStore::points(QDate from, QDate to) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT kind, sum(points), sum(discount_minor) FROM report_points "
                                                    "WHERE day BETWEEN ? AND ? GROUP BY kind"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {firstDay(from), lastDay(to)}));
    QHash<QString, qint64> byKind;
    qint64 discount = 0;
    while (query.next()) {
        byKind.insert(query.value(0).toString(), query.value(1).toLongLong());
        discount += query.value(2).toLongLong();
    }
    byKind.insert(QStringLiteral("discount"), discount);
    return byKind;
}

Result<qint64> ReportStore::enrolled(QDate from, QDate to) const
{
    LT_TRY_ASSIGN(const QVariant count,
                  m_db.scalar(QStringLiteral("SELECT COALESCE(sum(members), 0) FROM report_enrollments "
                                             "WHERE day BETWEEN ? AND ?"),
                              {firstDay(from), lastDay(to)}));
    return count.toLongLong();
}

// Grows `perMember` to hold `memberId`: a member who enrolled and bought after the newest id was read.
template<typename T>
T& slotOf(std::vector<T>& perMember, qint64 memberId)
{
    const auto slot = std::size_t(memberId);
    if (slot >= perMember.size())
        perMember.resize(std::max(slot + 1, perMember.size() + perMember.size() / 2), T {});
    return perMember[slot];
}

Result<ReportStore::Activity> ReportStore::activity(QDate from, QDate to) const
{
    LT_TRY_ASSIGN(const qint64 newest, newestMemberId());
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    // Per member: sales seen in the period (0, 1, 2 for two or more) and, in bit 2, a redemption.
    std::vector<quint8> state(std::size_t(newest) + 1, 0);
    constexpr quint8 Redeemed = 4;
    std::vector<qint64> seen;
    const QDate start = from.isValid() ? from : QDate(1, 1, 1);
    const QDate end = to.isValid() ? to : QDate(9999, 12, 31);
    LT_TRY(dayMembers::forEachEntry(connection, start, end, [&](qint64, qint64 memberId, bool redemption) {
        quint8& member = slotOf(state, memberId);
        if (member == 0)
            seen.push_back(memberId);
        if (redemption)
            member |= Redeemed;
        else if ((member & 3) < 2)
            ++member;
    }));
    Activity activity;
    for (const qint64 memberId : seen) {
        const quint8 member = state[std::size_t(memberId)];
        const int sales = member & 3;
        const bool redeemed = (member & Redeemed) != 0;
        activity.buyers += sales > 0 ? 1 : 0;
        activity.repeatBuyers += sales > 1 ? 1 : 0;
        activity.redeemers += redeemed ? 1 : 0;
        activity.buyersWhoRedeemed += sales > 0 && redeemed ? 1 : 0;
    }
    return activity;
}

Result<QList<qint64>> ReportStore::activeMembers(QDate to, const QList<int>& windows) const
{
    const int longest = windows.isEmpty() ? 0 : *std::max_element(windows.cbegin(), windows.cend());
    QList<qint64> active(windows.size(), 0);
    if (longest < 1 || !to.isValid())
        return active;
    LT_TRY_ASSIGN(const qint64 newest, newestMemberId());
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    // Each member's last sale day in the longest window, as days before `to` + 1 (0: none).
    std::vector<qint32> last(std::size_t(newest) + 1, 0);
    const qint64 end = to.toJulianDay();
    LT_TRY(dayMembers::forEachEntry(connection, to.addDays(1 - longest), to,
                                    [&](qint64 day, qint64 memberId, bool redemption) {
                                        if (redemption)
                                            return;
                                        qint32& member = slotOf(last, memberId);
                                        const auto recency = qint32(end - day + 1);
                                        if (member == 0 || recency < member)
                                            member = recency;
                                    }));
    for (const qint32 recency : last) {
        if (recency == 0)
            continue;
        for (qsizetype i = 0; i < windows.size(); ++i)
            active[i] += recency <= windows[i] ? 1 : 0;
    }
    return active;
}

Result<ReportStore::Lifetime> ReportStore::lifetime() const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "SELECT count(*), COALESCE(sum(sales >= 2), 0), COALESCE(sum(net_minor), 0) FROM report_members"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query));
    Lifetime lifetime;
    if (query.next())
        lifetime = Lifetime {query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toLongLong()};
    return lifetime;
}

Result<QList<qint64>> ReportStore::lifetimeValues() const
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    QList<qint64> values;
    SqliteStatement query(connection, "SELECT net_minor FROM report_members");
    LT_TRY(query.forEachRow(QStringLiteral("lifetime values"), [&](sqlite3_stmt* row) -> Result<void> {
        values << sqlite3_column_int64(row, 0);
        return {};
    }));
    return values;
}

Result<QList<ReportStore::CohortCell>> ReportStore::cohorts(const QString& fromMonth, const QString& toMonth) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT cohort, month, buyers FROM report_cohorts WHERE cohort "
                                                    "BETWEEN ? AND ? AND month <= ? ORDER BY cohort, month"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {fromMonth, toMonth, toMonth}));
    QList<CohortCell> cells;
    while (query.next())
        cells << CohortCell {query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()};
    return cells;
}

Result<QHash<QString, qint64>> ReportStore::enrolledByMonth(const QString& fromMonth, const QString& toMonth) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT substr(day, 1, 7), sum(members) FROM report_enrollments "
                                                    "WHERE substr(day, 1, 7) BETWEEN ? AND ? GROUP BY 1"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {fromMonth, toMonth}));
    QHash<QString, qint64> byMonth;
    while (query.next())
        byMonth.insert(query.value(0).toString(), query.value(1).toLongLong());
    return byMonth;
}

Result<qint64> ReportStore::newestMemberId() const
{
    LT_TRY_ASSIGN(const QVariant newest, m_db.scalar(QStringLiteral("SELECT COALESCE(max(id), 0) FROM members")));
    return newest.toLongLong();
}

Result<QList<qint64>> ReportStore::erasedMembers() const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT id FROM members WHERE erased_at IS NOT NULL ORDER BY id"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query));
    QList<qint64> erased;
    while (query.next())
        erased << query.value(0).toLongLong();
    return erased;
}

Result<QList<ReportStore::MemberBalance>> ReportStore::balancesFrom(qint64 minimum) const
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    QList<MemberBalance> balances;
    SqliteStatement query(connection,
                          "SELECT id, balance FROM members WHERE balance >= ? AND erased_at IS NULL ORDER BY id");
    query.bind(1, minimum);
    LT_TRY(query.forEachRow(QStringLiteral("member balances"), [&](sqlite3_stmt* row) -> Result<void> {
        balances << MemberBalance {sqlite3_column_int64(row, 0), sqlite3_column_int64(row, 1)};
        return {};
    }));
    return balances;
}

Result<void> ReportStore::forEachSalesDay(QDate to, const std::function<void(const SalesDay&)>& onDay) const
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    SqliteStatement query(connection,
                          "SELECT member_id, day, sales, net_minor FROM report_member_days "
                          "WHERE day <= ? AND sales > 0");
    query.bind(1, utf8(lastDay(to)));
    // The rows come in the order of their days: each day's text is parsed once.
    char dayText[10] = {};
    qint64 day = 0;
    return query.forEachRow(QStringLiteral("members' sales days"), [&](sqlite3_stmt* row) -> Result<void> {
        const unsigned char* text = sqlite3_column_text(row, 1);
        if (text == nullptr || sqlite3_column_bytes(row, 1) != 10 || std::memcmp(dayText, text, 10) != 0) {
            day = julianDayOf(row, 1);
            if (day == 0)
                return badDay("report_member_days");
            std::memcpy(dayText, text, 10);
        }
        onDay(SalesDay {sqlite3_column_int64(row, 0), day, sqlite3_column_int64(row, 2), sqlite3_column_int64(row, 3)});
        return {};
    });
}

Result<void> ReportStore::forEachMemberDay(QDate from, QDate to,
                                           const std::function<void(const MemberDay&)>& onDay) const
{
    // A year holds millions of member-days: read through SQLite's own API.
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    SqliteStatement query(connection,
                          "SELECT member_id, sales, net_minor, redemptions FROM report_member_days "
                          "WHERE day BETWEEN ? AND ?");
    query.bind(1, utf8(firstDay(from))).bind(2, utf8(lastDay(to)));
    return query.forEachRow(QStringLiteral("members' days"), [&](sqlite3_stmt* row) -> Result<void> {
        onDay(MemberDay {sqlite3_column_int64(row, 0), sqlite3_column_int64(row, 1), sqlite3_column_int64(row, 2),
                         sqlite3_column_int64(row, 3)});
        return {};
    });
}

Result<QList<ReportStore::SalesDay>> ReportStore::salesDaysOf(qint64 memberId, QDate from, QDate to) const
{
    if (!from.isValid() || !to.isValid() || from > to)
        return QList<SalesDay> {};
    // The days of the period, each looked up by the table's key (day, member_id).
    QSqlQuery& query = m_db.prepared(QStringLiteral(
        "WITH RECURSIVE days(day) AS (SELECT ? UNION ALL SELECT date(day, '+1 day') FROM days WHERE day < ?) "
        "SELECT r.day, r.sales, r.net_minor FROM days d JOIN report_member_days r "
        "ON r.day = d.day AND r.member_id = ? WHERE r.sales > 0"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {from.toString(Qt::ISODate), to.toString(Qt::ISODate), memberId}));
    QList<SalesDay> days;
    while (query.next()) {
        const QDate day = QDate::fromString(query.value(0).toString(), Qt::ISODate);
        if (!day.isValid())
            return badDay("report_member_days");
        days << SalesDay {memberId, day.toJulianDay(), query.value(1).toLongLong(), query.value(2).toLongLong()};
    }
    std::sort(days.begin(), days.end(), [](const SalesDay& a, const SalesDay& b) { return a.day < b.day; });
    return days;
}

Result<void> ReportStore::forEachMemberTotals(const std::function<void(const MemberTotals&)>& onMember) const
{
    LT_TRY_ASSIGN(SqliteConnection connection, SqliteConnection::from(m_db));
    SqliteStatement query(connection, "SELECT member_id, sales, net_minor, first_day, last_day FROM report_members");
    return query.forEachRow(QStringLiteral("members' totals"), [&](sqlite3_stmt* row) -> Result<void> {
        const qint64 first = julianDayOf(row, 3);
        const qint64 last = julianDayOf(row, 4);
        if (first == 0 || last == 0)
            return badDay("report_members");
        onMember(MemberTotals {sqlite3_column_int64(row, 0), sqlite3_column_int64(row, 1), sqlite3_column_int64(row, 2),
                               first, last});
        return {};
    });
}

Result<std::optional<ReportStore::MemberTotals>> ReportStore::memberTotals(qint64 memberId) const
{
    QSqlQuery& query = m_db.prepared(
        QStringLiteral("SELECT sales, net_minor, first_day, last_day FROM report_members WHERE member_id = ?"));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query, {memberId}));
    if (!query.next())
        return std::optional<MemberTotals> {};
    const QDate first = QDate::fromString(query.value(2).toString(), Qt::ISODate);
    const QDate last = QDate::fromString(query.value(3).toString(), Qt::ISODate);
    if (!first.isValid() || !last.isValid())
        return badDay("report_members");
    return std::optional<MemberTotals> {MemberTotals {
        memberId, query.value(0).toLongLong(), query.value(1).toLongLong(), first.toJulianDay(), last.toJulianDay()}};
}

Result<QStringList> ReportStore::tills() const
{
    return namesIn(QStringLiteral("till"));
}

Result<QStringList> ReportStore::staff() const
{
    return namesIn(QStringLiteral("staff"));
}

Result<QStringList> ReportStore::namesIn(const QString& column) const
{
    QSqlQuery& query = m_db.prepared(QStringLiteral("SELECT DISTINCT %1 FROM report_sales ORDER BY %1").arg(column));
    StatementScope scope(query);
    LT_TRY(m_db.exec(query));
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

} // namespace lt
