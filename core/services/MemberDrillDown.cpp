#include "core/services/MemberDrillDown.h"

#include "core/domain/PhoneNumberNormalizer.h"
#include "core/services/EngineContext.h"
#include "core/services/ReportService.h"
#include "core/services/SegmentService.h"
#include "core/store/MemberStore.h"
#include "core/store/ReportStore.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace lt {

namespace {

using Entry = DrillDownRanking::Entry;

// What the period's member-days tell of each member, indexed by member id.
struct PeriodFigures
{
    qint64 netMinor = 0;
    qint32 sales = 0;
    qint32 redemptions = 0;
};

struct KindName
{
    DrillDownKind kind;
    const char* id;
};

constexpr KindName KindIds[] = {
    {DrillDownKind::Members, "members"},     {DrillDownKind::NewMembers, "new"},
    {DrillDownKind::Buyers, "buyers"},       {DrillDownKind::RepeatBuyers, "repeat"},
    {DrillDownKind::Active30, "active30"},   {DrillDownKind::Active90, "active90"},
    {DrillDownKind::Active365, "active365"}, {DrillDownKind::Redeemers, "redeemers"},
    {DrillDownKind::Tier, "tier"},           {DrillDownKind::Segment, "segment"},
    {DrillDownKind::Lapsed, "lapsed"},       {DrillDownKind::NearlyThere, "nearly_there"},
};

struct OrderName
{
    DrillDownOrder order;
    const char* id;
};

constexpr OrderName OrderIds[] = {
    {DrillDownOrder::NetSales, "net_sales"}, {DrillDownOrder::Sales, "sales"},
    {DrillDownOrder::LastSale, "last_sale"}, {DrillDownOrder::Balance, "balance"},
    {DrillDownOrder::MemberId, "member"},
};

// The days of "active": the window ending on the period's last day, as ReportService counts it.
int activeDays(DrillDownKind kind)
{
    switch (kind) {
    case DrillDownKind::Active30:
        return 30;
    case DrillDownKind::Active90:
        return 90;
    case DrillDownKind::Active365:
        return 365;
    default:
        return 0;
    }
}

// Days of member-days read at once between two looks at whether the list is still wanted: the table is keyed by day,
// so a week is one seek and a short read.
constexpr int DaysPerRead = 7;
// Members looked at between two such looks in the loops over every member.
constexpr std::size_t MembersPerCheck = 65'536;

QDateTime startOfLocalDay(QDate day)
{
    return day.startOfDay(Qt::LocalTime).toUTC();
}

Error cancelledError()
{
    return Error::refused(QCoreApplication::translate("MemberDrillDown", "The list was no longer wanted."));
}

Result<std::vector<PeriodFigures>> readPeriod(const ReportStore& store, QDate from, QDate to,
                                              const std::function<bool()>& cancelled)
{
    LT_TRY_ASSIGN(const qint64 newest, store.newestMemberId());
    std::vector<PeriodFigures> figures(std::size_t(newest) + 1);
    const auto add = [&](const ReportStore::MemberDay& row) {
        if (row.memberId <= 0)
            return;
        if (std::size_t(row.memberId) >= figures.size()) // a member enrolled since the read began
            figures.resize(std::size_t(row.memberId) + 1);
        PeriodFigures& member = figures[std::size_t(row.memberId)];
        member.netMinor += row.netMinor;
        member.sales += qint32(row.sales);
        member.redemptions += qint32(row.redemptions);
    };
    for (QDate first = from; first <= to; first = first.addDays(DaysPerRead)) {
        if (cancelled())
            return cancelledError();
        LT_TRY(store.forEachMemberDay(first, std::min(to, first.addDays(DaysPerRead - 1)), add));
    }
    return figures;
}

Entry entryOf(qint64 memberId, const std::vector<PeriodFigures>& figures)
{
    Entry entry;
    entry.memberId = memberId;
    if (memberId > 0 && std::size_t(memberId) < figures.size()) {
        entry.sales = figures[std::size_t(memberId)].sales;
        entry.netMinor = figures[std::size_t(memberId)].netMinor;
    }
    return entry;
}

} // namespace

MemberDrillDown::MemberDrillDown(EngineContext& context, Cancelled cancelled)
    : m_context(context)
    , m_cancelled(std::move(cancelled))
{
}

Result<DrillDownRanking> MemberDrillDown::rank(const DrillDownQuery& query) const
{
    LT_TRY(ReportService(m_context).checkPeriod(query.from, query.to));
    if (query.kind == DrillDownKind::Tier && m_context.program.memberTiers.indexOf(query.tier) < 0)
        return Error::invalid(
            QCoreApplication::translate("MemberDrillDown", "The program has no tier named \"%1\".").arg(query.tier),
            QStringLiteral("tier"));
    if (query.kind == DrillDownKind::Tier && query.tier.isEmpty())
        return Error::invalid(QCoreApplication::translate("MemberDrillDown", "Name the tier whose members to list."),
                              QStringLiteral("tier"));
    DrillDownRanking ranking;
    ranking.query = query;
    ranking.salesFrom = query.from;
    ranking.salesTo = query.to;
    if (const int days = activeDays(query.kind))
        ranking.salesFrom = query.to.addDays(1 - days);
    LT_TRY_ASSIGN(ranking.members, chooseMembers(query, ranking));
    if (isCancelled())
        return cancelledError();
    LT_TRY(sort(ranking));
    if (isCancelled())
        return cancelledError();
    return ranking;
}

Result<std::vector<Entry>> MemberDrillDown::chooseMembers(const DrillDownQuery& query,
                                                          const DrillDownRanking& ranking) const
{
    const ReportStore reports(m_context.db);
    LT_TRY_ASSIGN(const std::vector<PeriodFigures> figures,
                  readPeriod(reports, ranking.salesFrom, ranking.salesTo, [this] { return isCancelled(); }));
    std::vector<Entry> members;
    bool stopped = false;
    const auto fromPeriod = [&](const auto& belongs) {
        for (std::size_t id = 1; id < figures.size() && !stopped; ++id) {
            if (id % MembersPerCheck == 0 && isCancelled())
                stopped = true;
            else if (belongs(figures[id]))
                members.push_back(entryOf(qint64(id), figures));
        }
    };
    const auto fromIds = [&](const auto& ids) {
        members.reserve(std::size_t(ids.size()));
        for (const qint64 id : ids)
            members.push_back(entryOf(id, figures));
    };
    const MemberStore store(m_context.db);
    switch (query.kind) {
    case DrillDownKind::Buyers:
    case DrillDownKind::Active30:
    case DrillDownKind::Active90:
    case DrillDownKind::Active365:
        fromPeriod([](const PeriodFigures& member) { return member.sales > 0; });
        break;
    case DrillDownKind::RepeatBuyers:
        fromPeriod([](const PeriodFigures& member) { return member.sales > 1; });
        break;
    case DrillDownKind::Redeemers:
        fromPeriod([](const PeriodFigures& member) { return member.redemptions > 0; });
        break;
    case DrillDownKind::Members:
    case DrillDownKind::NewMembers: {
        const QDateTime from = query.kind == DrillDownKind::NewMembers ? startOfLocalDay(query.from) : QDateTime();
        LT_TRY_ASSIGN(const QList<qint64> ids, store.enrolledBetween(from, startOfLocalDay(query.to.addDays(1))));
        fromIds(ids);
        break;
    }
    case DrillDownKind::Tier: {
        const bool first = m_context.program.memberTiers.indexOf(query.tier) == 0;
        LT_TRY_ASSIGN(const QList<qint64> ids, store.inTier(query.tier, first));
        fromIds(ids);
        break;
    }
    case DrillDownKind::Segment:
    case DrillDownKind::Lapsed:
    case DrillDownKind::NearlyThere: {
        LT_TRY_ASSIGN(const SegmentReport segments, SegmentService(m_context).segments(query.to));
        QList<qint64> ids;
        if (query.kind == DrillDownKind::Segment) {
            for (const RfmScore& score : segments.scores) {
                if (score.segment == query.segment)
                    ids << score.memberId;
            }
        } else if (query.kind == DrillDownKind::Lapsed) {
            ids = segments.lapsed;
        } else {
            for (const SegmentReport::NearlyThere& member : segments.nearlyThere)
                ids << member.memberId;
        }
        fromIds(ids);
        break;
    }
    }
    if (stopped || isCancelled())
        return cancelledError();
    return members;
}

Result<void> MemberDrillDown::sort(DrillDownRanking& ranking) const
{
    std::vector<Entry>& members = ranking.members;
    const ReportStore reports(m_context.db);
    // The figure of an order that is not a period figure, read for every member at once.
    if (ranking.query.order == DrillDownOrder::LastSale || ranking.query.order == DrillDownOrder::Balance) {
        LT_TRY_ASSIGN(const qint64 newest, reports.newestMemberId());
        std::vector<qint64> keys(std::size_t(newest) + 1, 0);
        const auto keep = [&keys](qint64 memberId, qint64 value) {
            if (memberId > 0 && std::size_t(memberId) < keys.size())
                keys[std::size_t(memberId)] = value;
        };
        if (ranking.query.order == DrillDownOrder::LastSale) {
            LT_TRY(reports.forEachMemberTotals(
                [&](const ReportStore::MemberTotals& totals) { keep(totals.memberId, totals.lastDay); }));
        } else {
            LT_TRY_ASSIGN(const QList<ReportStore::MemberBalance> balances,
                          reports.balancesFrom(std::numeric_limits<qint64>::min()));
            for (const ReportStore::MemberBalance& member : balances)
                keep(member.memberId, member.balance);
        }
        if (isCancelled())
            return cancelledError();
        for (Entry& entry : members)
            entry.key =
                entry.memberId > 0 && std::size_t(entry.memberId) < keys.size() ? keys[std::size_t(entry.memberId)] : 0;
    }
    const auto byId = [](const Entry& a, const Entry& b) {
        return a.memberId < b.memberId;
    };
    switch (ranking.query.order) {
    case DrillDownOrder::NetSales:
        std::sort(members.begin(), members.end(), [&](const Entry& a, const Entry& b) {
            return a.netMinor != b.netMinor ? a.netMinor > b.netMinor : byId(a, b);
        });
        break;
    case DrillDownOrder::Sales:
        std::sort(members.begin(), members.end(),
                  [&](const Entry& a, const Entry& b) { return a.sales != b.sales ? a.sales > b.sales : byId(a, b); });
        break;
    case DrillDownOrder::LastSale:
    case DrillDownOrder::Balance:
        std::sort(members.begin(), members.end(),
                  [&](const Entry& a, const Entry& b) { return a.key != b.key ? a.key > b.key : byId(a, b); });
        break;
    case DrillDownOrder::MemberId:
        std::sort(members.begin(), members.end(), byId);
        break;
    }
    return {};
}

Result<QList<DrillDownRow>> MemberDrillDown::rows(const DrillDownRanking& ranking, qint64 offset, int limit) const
{
    if (offset < 0 || limit < 1 || limit > MaxPageSize)
        return Error::invalid(
            QCoreApplication::translate("MemberDrillDown", "A page starts at 0 or after and holds 1 to %1 members.")
                .arg(MaxPageSize),
            QStringLiteral("limit"));
    const MemberStore members(m_context.db);
    const ReportStore reports(m_context.db);
    const TierPolicy& tiers = m_context.program.memberTiers;
    const QString firstTier = tiers.isEmpty() ? QString() : tiers.tiers.constFirst().name;
    QList<DrillDownRow> rows;
    const qint64 end = std::min(ranking.total(), offset + limit);
    for (qint64 i = offset; i < end; ++i) {
        if (isCancelled())
            return cancelledError();
        const Entry& entry = ranking.members[std::size_t(i)];
        LT_TRY_ASSIGN(const std::optional<Member> member, members.byId(entry.memberId));
        LT_TRY_ASSIGN(const std::optional<ReportStore::MemberTotals> totals, reports.memberTotals(entry.memberId));
        DrillDownRow row;
        row.memberId = entry.memberId;
        row.sales = entry.sales;
        row.netSalesMinor = entry.netMinor;
        if (totals)
            row.lastSaleDay = QDate::fromJulianDay(totals->lastDay);
        if (member) {
            row.erased = member->erased;
            row.card = member->card;
            row.balance = member->balance;
            if (member->erased)
                row.displayName = QCoreApplication::translate("MemberDrillDown", "Erased member");
            else
                row.displayName = member->name.isEmpty() ? PhoneNumberNormalizer::masked(member->phone) : member->name;
            if (!member->erased)
                row.tier = member->tier.isEmpty() ? firstTier : member->tier;
        }
        rows << row;
    }
    return rows;
}

Result<DrillDownPage> MemberDrillDown::page(const DrillDownQuery& query, qint64 offset, int limit) const
{
    LT_TRY_ASSIGN(const DrillDownRanking ranking, rank(query));
    DrillDownPage page;
    page.total = ranking.total();
    page.offset = offset;
    LT_TRY_ASSIGN(page.rows, rows(ranking, offset, limit));
    return page;
}

QString MemberDrillDown::id(DrillDownKind kind)
{
    for (const KindName& name : KindIds) {
        if (name.kind == kind)
            return QLatin1String(name.id);
    }
    return {};
}

std::optional<DrillDownKind> MemberDrillDown::kindFromId(const QString& id)
{
    for (const KindName& name : KindIds) {
        if (id == QLatin1String(name.id))
            return name.kind;
    }
    return std::nullopt;
}

QList<DrillDownKind> MemberDrillDown::allKinds()
{
    QList<DrillDownKind> kinds;
    for (const KindName& name : KindIds)
        kinds << name.kind;
    return kinds;
}

QString MemberDrillDown::id(DrillDownOrder order)
{
    for (const OrderName& name : OrderIds) {
        if (name.order == order)
            return QLatin1String(name.id);
    }
    return {};
}

std::optional<DrillDownOrder> MemberDrillDown::orderFromId(const QString& id)
{
    for (const OrderName& name : OrderIds) {
        if (id == QLatin1String(name.id))
            return name.order;
    }
    return std::nullopt;
}

QString MemberDrillDown::displayName(const DrillDownQuery& query)
{
    const char* name = nullptr;
    switch (query.kind) {
    case DrillDownKind::Members:
        name = QT_TRANSLATE_NOOP("MemberDrillDown", "Members");
        break;
    case DrillDownKind::NewMembers:
        name = QT_TRANSLATE_NOOP("MemberDrillDown", "New members");
        break;
    case DrillDownKind::Buyers:
        name = QT_TRANSLATE_NOOP("MemberDrillDown", "Buyers");
        break;
    case DrillDownKind::RepeatBuyers:
        name = QT_TRANSLATE_NOOP("MemberDrillDown", "Repeat buyers");
        break;
    case DrillDownKind::Active30:
        name = QT_TRANSLATE_NOOP("MemberDrillDown", "Active members (30 days)");
        break;
    case DrillDownKind::Active90:
        name = QT_TRANSLATE_NOOP("MemberDrillDown", "Active members (90 days)");
        break;
    case DrillDownKind::Active365:
        name = QT_TRANSLATE_NOOP("MemberDrillDown", "Active members (365 days)");
        break;
    case DrillDownKind::Redeemers:
        name = QT_TRANSLATE_NOOP("MemberDrillDown", "Members who redeemed");
        break;
    case DrillDownKind::Tier:
        return QCoreApplication::translate("MemberDrillDown", "Members in tier %1").arg(query.tier);
    case DrillDownKind::Segment:
        return QCoreApplication::translate("MemberDrillDown", "Segment: %1")
            .arg(RfmSegments::displayName(query.segment));
    case DrillDownKind::Lapsed:
        return RfmSegments::displayName(MemberAction::Lapsed);
    case DrillDownKind::NearlyThere:
        return RfmSegments::displayName(MemberAction::NearlyThere);
    }
    return name ? QCoreApplication::translate("MemberDrillDown", name) : QString();
}

} // namespace lt
