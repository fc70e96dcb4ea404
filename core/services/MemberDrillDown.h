#pragma once

#include "core/analytics/RfmSegments.h"
#include "core/common/Result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace lt {

struct EngineContext;

// The members behind a figure of the reports (README, "Members behind a figure").
enum class DrillDownKind {
    Members, // enrolled on or before the period's last day (members_total)
    NewMembers, // enrolled in the period (members_new)
    Buyers, // a sale in the period (buyers, sales_count, net_sales_minor)
    RepeatBuyers, // two or more sales in the period (repeat_purchase_rate's numerator)
    Active30, // a sale in the 30 days ending on the period's last day (members_active_30d)
    Active90,
    Active365,
    Redeemers, // redeemed in the period (member_redemption_rate's numerator)
    Tier, // hold the tier named by the query now, still in the program (members_per_tier)
    Segment, // in the query's RFM segment on the period's last day
    Lapsed, // the "lapsed" action on the period's last day
    NearlyThere, // the "nearly there" action now (balances are today's)
};

// How a member list is sorted; equal members by member id.
enum class DrillDownOrder {
    NetSales, // the period's net sales, highest first
    Sales, // the period's sales, most first
    LastSale, // the latest sale day, whenever it was, most recent first
    Balance, // points now, most first
    MemberId, // oldest member first
};

struct DrillDownQuery
{
    DrillDownKind kind = DrillDownKind::Buyers;
    QDate from;
    QDate to;
    QString tier; // DrillDownKind::Tier
    RfmSegment segment = RfmSegment::Champions; // DrillDownKind::Segment
    DrillDownOrder order = DrillDownOrder::NetSales;
};

// One member of a list, as a manager may see it: the phone is personal data and only ever shown masked.
struct DrillDownRow
{
    qint64 memberId = 0;
    QString displayName; // the name, else the masked phone; "Erased member" once erased
    QString card; // the newest card, empty when none
    QString tier; // held now (the program's first for a member never placed); empty once erased
    qint64 sales = 0; // in the list's sales window (DrillDownRanking::salesFrom..salesTo)
    qint64 netSalesMinor = 0;
    QDate lastSaleDay; // the latest sale day, whenever; invalid: never bought
    qint64 balance = 0;
    bool erased = false;
};

// Every member of a list in its order, with the period figures it was sorted by; rows() reads a page's details.
struct DrillDownRanking
{
    struct Entry
    {
        qint64 memberId = 0;
        qint64 sales = 0;
        qint64 netMinor = 0;
        qint64 key = 0; // the order's own figure (last sale day, balance) when it is neither of the above
    };
    DrillDownQuery query;
    QDate salesFrom; // the days the sales figures cover: the period, or the window of "active"
    QDate salesTo;
    std::vector<Entry> members;

    qint64 total() const { return qint64(members.size()); }
};

struct DrillDownPage
{
    qint64 total = 0; // members in the whole list
    qint64 offset = 0;
    QList<DrillDownRow> rows;
};

// Answers "which members are behind this figure" from the reports' summaries: one read of the period's member-days
// (report_member_days), sorted here, then each page's members read by id. Each list's count equals its figure in
// ReportService's summary. Segment, Lapsed and NearlyThere take SegmentService's scoring of every buyer.
class MemberDrillDown
{
public:
    // Asked between the steps of a read (each week of member-days, each member of a page): true stops the read with
    // an error of kind Refused, so that a list no longer wanted lets its thread go.
    using Cancelled = std::function<bool()>;

    explicit MemberDrillDown(EngineContext& context, Cancelled cancelled = {});

    static constexpr int PageSize = 200;
    static constexpr int MaxPageSize = 10'000;

    // The whole list in its order. Errors: the period (ReportService::checkPeriod), an unknown tier.
    Result<DrillDownRanking> rank(const DrillDownQuery& query) const;
    // The members from `offset` (at most `limit`, 1 to MaxPageSize) of a ranking, with their details.
    Result<QList<DrillDownRow>> rows(const DrillDownRanking& ranking, qint64 offset, int limit) const;
    // rank() and rows() at once.
    Result<DrillDownPage> page(const DrillDownQuery& query, qint64 offset, int limit = PageSize) const;

    // Stable ids for the command line and files: members, new, buyers, repeat, active30, active90, active365,
    // redeemers, tier, segment, lapsed, nearly_there; and for orders: net_sales, sales, last_sale, balance, member.
    static QString id(DrillDownKind kind);
    static std::optional<DrillDownKind> kindFromId(const QString& id);
    static QList<DrillDownKind> allKinds();
    static QString id(DrillDownOrder order);
    static std::optional<DrillDownOrder> orderFromId(const QString& id);
    // What the list holds, in the user's language (context "MemberDrillDown").
    static QString displayName(const DrillDownQuery& query);

private:
    Result<std::vector<DrillDownRanking::Entry>> chooseMembers(const DrillDownQuery& query,
                                                               const DrillDownRanking& ranking) const;
    Result<void> sort(DrillDownRanking& ranking) const;
    bool isCancelled() const { return m_cancelled && m_cancelled(); }

    EngineContext& m_context;
    Cancelled m_cancelled;
};

} // namespace lt
