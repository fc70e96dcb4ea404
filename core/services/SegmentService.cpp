#include "core/services/SegmentService.h"

#include "core/common/Clock.h"
#include "core/domain/Money.h"
#include "core/services/EngineContext.h"
#include "core/store/MemberStore.h"
#include "core/store/ReportStore.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace lt {

namespace {

// What one scan of report_member_days tells of each member: their lifetime up to today and up to the end of last
// month (RFM now and then), the lapsed windows, and the purchase models' summary.
struct MemberDays
{
    qint64 netMinor = 0;
    qint64 netMinorThen = 0;
    qint64 firstDayNetMinor = 0;
    qint32 firstDay = 0; // Julian day numbers; 0: no sale by today
    qint32 lastDay = 0;
    qint32 lastDayThen = 0; // by the end of last month; 0: none by then
    qint32 saleDays = 0;
    qint32 sales = 0;
    qint32 salesThen = 0;
    qint32 salesInSixMonths = 0;
    qint32 salesInSixWeeks = 0;
};
static_assert(sizeof(MemberDays) <= 64, "one cache line a member: the scan touches a million of them");

// Indexed by member id; erased members are left with no sale.
Result<std::vector<MemberDays>> readMemberDays(const ReportStore& store, QDate today, QDate lastMonthEnd)
{
    LT_TRY_ASSIGN(const qint64 newest, store.newestMemberId());
    std::vector<MemberDays> members(std::size_t(newest) + 1);
    const auto then = qint32(lastMonthEnd.toJulianDay());
    const auto sixMonths = qint32(today.addMonths(-RfmSegments::LapsedMonths).toJulianDay());
    const auto sixWeeks = qint32(today.addDays(-RfmSegments::LapsedQuietDays).toJulianDay());
    const auto add = [&](const ReportStore::SalesDay& row) {
        MemberDays& member = members[std::size_t(row.memberId)];
        const auto day = qint32(row.day);
        const auto sales = qint32(row.sales);
        if (member.firstDay == 0 || day < member.firstDay) {
            member.firstDay = day;
            member.firstDayNetMinor = row.netMinor;
        }
        member.lastDay = std::max(member.lastDay, day);
        member.saleDays += 1;
        member.sales += sales;
        member.netMinor += row.netMinor;
        if (day <= then) {
            member.lastDayThen = std::max(member.lastDayThen, day);
            member.salesThen += sales;
            member.netMinorThen += row.netMinor;
        }
        member.salesInSixMonths += day > sixMonths ? sales : 0;
        member.salesInSixWeeks += day > sixWeeks ? sales : 0;
    };
    // The rows come by day, and a day's members are spread over the whole array: a member's counters are all but
    // never in the cache when their row comes. Each row waits a few places while its counters are fetched, so that
    // the fetches overlap (a quarter off the scan of five million rows).
    constexpr std::size_t Ahead = 32;
    std::array<ReportStore::SalesDay, Ahead> waiting {};
    std::size_t received = 0;
    LT_TRY(store.forEachSalesDay(today, [&](const ReportStore::SalesDay& row) {
        if (row.memberId <= 0)
            return;
        if (std::size_t(row.memberId) >= members.size()) // a member enrolled since the scan began
            members.resize(std::size_t(row.memberId) + 1);
        __builtin_prefetch(&members[std::size_t(row.memberId)], 1);
        ReportStore::SalesDay& slot = waiting[received % Ahead];
        if (received >= Ahead)
            add(slot);
        slot = row;
        ++received;
    }));
    for (std::size_t i = received > Ahead ? received - Ahead : 0; i < received; ++i)
        add(waiting[i % Ahead]);
    LT_TRY_ASSIGN(const QList<qint64> erased, store.erasedMembers());
    for (const qint64 id : erased) {
        if (id > 0 && std::size_t(id) < members.size())
            members[std::size_t(id)] = MemberDays {};
    }
    return members;
}

int clampedCount(qint64 count)
{
    return int(std::min<qint64>(count, std::numeric_limits<int>::max()));
}

QDate firstOfMonth(QDate day)
{
    return QDate(day.year(), day.month(), 1);
}

int monthsBetween(QDate from, QDate to)
{
    return (to.year() - from.year()) * 12 + to.month() - from.month();
}

QString monthKey(QDate month)
{
    return month.toString(QStringLiteral("yyyy-MM"));
}

// What a member alive today with x repeat purchases over T days would buy. Equation (10) of Fader, Hardie & Lee
// (2005) is a part that depends on x and T alone, with the hypergeometric series, divided by
// 1 + [x > 0] a / (b + x - 1) ((α + T) / (α + t_x))^(r + x), which is 1 / P(alive | x, t_x, T): so every member's
// expected purchases are their P(alive) times this, and the series, the costly part, are summed once per (x, T).
struct AliveOutlook
{
    double expected = 0; // in the next PredictionDays
    double discounted = 0; // Σ over the horizon's months of the month's expected purchases, discounted
    bool factored = true; // false when P(alive) underflows even so: each member is then predicted in full
};

quint64 aliveKey(const CustomerHistory& history)
{
    return (quint64(history.frequency) << 32) | quint64(history.age);
}

// GammaGammaModel::customerLifetimeValue without the spend factor and P(alive), which differ between the members.
Result<AliveOutlook> aliveOutlook(const BgNbdModel& model, const CustomerHistory& history,
                                  const LifetimeValueHorizon& horizon)
{
    // The same x and T, with the last purchase today: a history with a P(alive) well away from 0.
    const CustomerHistory alive {history.frequency, history.frequency > 0 ? history.age : 0.0, history.age, 0};
    const double aliveShare = model.probabilityAlive(alive);
    AliveOutlook outlook;
    if (!(aliveShare > 0)) {
        outlook.factored = false;
        return outlook;
    }
    LT_TRY_ASSIGN(const double expected, model.expectedPurchases(SegmentService::PredictionDays, alive));
    outlook.expected = expected / aliveShare;
    double before = 0;
    for (int month = 1; month <= horizon.months; ++month) {
        LT_TRY_ASSIGN(const double by, model.expectedPurchases(month * horizon.unitsPerMonth, alive));
        outlook.discounted += (by - before) / std::pow(1 + horizon.monthlyDiscountRate, month);
        before = by;
    }
    outlook.discounted /= aliveShare;
    return outlook;
}

Error cannotPredict(const Error& refusal)
{
    return Error::refused(QCoreApplication::translate(
                              "SegmentService", "The purchase models cannot be fitted on the store's history yet: %1")
                              .arg(refusal.message));
}

} // namespace

SegmentService::SegmentService(EngineContext& context)
    : m_context(context)
{
}

QList<qint64> SegmentService::rewardCosts() const
{
    QList<qint64> costs;
    // A partial reward (pay with points) takes any amount from its minimum: nothing to be nearly at.
    for (const RewardTier& reward : m_context.program.rewardTiers) {
        if (!reward.partial)
            costs << reward.points;
    }
    return costs;
}

Result<SegmentReport> SegmentService::segments(QDate today) const
{
    if (!today.isValid())
        return Error::invalid(QCoreApplication::translate("SegmentService", "The day of the segments is not a date."));
    SegmentReport report;
    report.today = today;
    report.lastMonthEnd = firstOfMonth(today).addDays(-1);
    const ReportStore store(m_context.db);
    LT_TRY_ASSIGN(const std::vector<MemberDays> members, readMemberDays(store, today, report.lastMonthEnd));

    QList<RfmInput> now;
    QList<RfmInput> then;
    const qint64 todayNumber = today.toJulianDay();
    const qint64 thenNumber = report.lastMonthEnd.toJulianDay();
    for (std::size_t id = 1; id < members.size(); ++id) {
        const MemberDays& member = members[id];
        if (member.firstDay == 0)
            continue;
        now << RfmInput {qint64(id), int(todayNumber - member.lastDay), clampedCount(member.sales), member.netMinor};
        if (member.lastDayThen != 0)
            then << RfmInput {qint64(id), int(thenNumber - member.lastDayThen), clampedCount(member.salesThen),
                              member.netMinorThen};
        if (RfmSegments::isLapsed(clampedCount(member.salesInSixMonths), clampedCount(member.salesInSixWeeks)))
            report.lapsed << qint64(id);
    }
    LT_TRY_ASSIGN(report.scores, RfmSegments::score(now));
    LT_TRY_ASSIGN(const QList<RfmScore> scoresThen, RfmSegments::score(then));

    // Both lists are by member id, and everyone scored then is scored now.
    qsizetype earlier = 0;
    for (const RfmScore& score : std::as_const(report.scores)) {
        int from = kNoSegment;
        if (earlier < scoresThen.size() && scoresThen[earlier].memberId == score.memberId)
            from = int(scoresThen[earlier++].segment);
        report.members[std::size_t(score.segment)] += 1;
        report.movement[std::size_t(from)][std::size_t(score.segment)] += 1;
    }
    for (const RfmScore& score : scoresThen)
        report.membersLastMonth[std::size_t(score.segment)] += 1;

    const QList<qint64> costs = rewardCosts();
    if (!costs.isEmpty()) {
        const qint64 cheapest = *std::min_element(costs.cbegin(), costs.cend());
        const qint64 closeEnough = (cheapest * RfmSegments::NearlyTherePercent + 99) / 100;
        LT_TRY_ASSIGN(const QList<ReportStore::MemberBalance> balances,
                      store.balancesFrom(std::max<qint64>(1, closeEnough)));
        for (const ReportStore::MemberBalance& member : balances) {
            if (const auto reward = RfmSegments::nearlyThereReward(member.balance, costs))
                report.nearlyThere << SegmentReport::NearlyThere {member.memberId, member.balance, *reward};
        }
    }
    return report;
}

Result<CohortGrid> SegmentService::cohorts(QDate fromMonth, QDate toMonth) const
{
    if (!fromMonth.isValid())
        return Error::invalid(
            QCoreApplication::translate("SegmentService", "Give the first cohort's month as YYYY-MM."),
            QStringLiteral("from"));
    if (!toMonth.isValid())
        return Error::invalid(QCoreApplication::translate("SegmentService", "Give the last month as YYYY-MM."),
                              QStringLiteral("to"));
    CohortGrid grid;
    grid.fromMonth = firstOfMonth(fromMonth);
    grid.toMonth = firstOfMonth(toMonth);
    const QDate thisMonth = firstOfMonth(m_context.clock.nowUtc().toLocalTime().date());
    if (grid.fromMonth > grid.toMonth)
        return Error::invalid(
            QCoreApplication::translate("SegmentService", "The cohorts start (%1) after they end (%2).")
                .arg(monthKey(grid.fromMonth), monthKey(grid.toMonth)),
            QStringLiteral("from"));
    if (grid.toMonth > thisMonth)
        return Error::invalid(QCoreApplication::translate("SegmentService", "The cohorts end after this month (%1).")
                                  .arg(monthKey(thisMonth)),
                              QStringLiteral("to"));
    if (monthsBetween(grid.fromMonth, grid.toMonth) >= MaxCohortMonths)
        return Error::invalid(QCoreApplication::translate(
                                  "SegmentService", "A cohort grid covers at most five years; %1 to %2 is longer.")
                                  .arg(monthKey(grid.fromMonth), monthKey(grid.toMonth)),
                              QStringLiteral("to"));

    const ReportStore store(m_context.db);
    LT_TRY_ASSIGN(const auto enrolled, store.enrolledByMonth(monthKey(grid.fromMonth), monthKey(grid.toMonth)));
    LT_TRY_ASSIGN(const auto cells, store.cohorts(monthKey(grid.fromMonth), monthKey(grid.toMonth)));
    for (QDate month = grid.fromMonth; month <= grid.toMonth; month = month.addMonths(1)) {
        CohortGrid::Cohort cohort;
        cohort.month = month;
        cohort.enrolled = enrolled.value(monthKey(month));
        cohort.buyers.fill(0, monthsBetween(month, grid.toMonth) + 1);
        grid.cohorts << cohort;
    }
    for (const ReportStore::CohortCell& cell : cells) {
        const QDate cohortMonth = QDate::fromString(cell.cohort + QStringLiteral("-01"), Qt::ISODate);
        const QDate month = QDate::fromString(cell.month + QStringLiteral("-01"), Qt::ISODate);
        if (!cohortMonth.isValid() || !month.isValid())
            return Error::corrupt(
                QStringLiteral("report_cohorts holds a month that is not one: %1, %2.").arg(cell.cohort, cell.month));
        const int row = monthsBetween(grid.fromMonth, cohortMonth);
        const int later = monthsBetween(cohortMonth, month);
        // A sale before the enrollment (history brought in from an earlier system) is no retention.
        if (row >= 0 && row < grid.cohorts.size() && later >= 0 && later < grid.cohorts[row].buyers.size())
            grid.cohorts[row].buyers[later] = cell.buyers;
    }
    for (CohortGrid::Cohort& cohort : grid.cohorts) {
        for (const qint64 buyers : std::as_const(cohort.buyers))
            cohort.retention << (cohort.enrolled > 0 ? double(buyers) / double(cohort.enrolled) : 0.0);
    }
    return grid;
}

Result<PredictionReport> SegmentService::predictions(QDate today) const
{
    if (!today.isValid())
        return Error::invalid(
            QCoreApplication::translate("SegmentService", "The day of the predictions is not a date."));
    PredictionReport report;
    report.today = today;
    const ReportStore store(m_context.db);
    LT_TRY_ASSIGN(const std::vector<MemberDays> members, readMemberDays(store, today, firstOfMonth(today).addDays(-1)));

    // lifetimes' summary with freq 'D': repeat days, first to last sale day, first sale day to today, and the mean
    // net value of the repeat days in major units.
    const double minorPerMajor = std::pow(10.0, Money::decimalsOf(m_context.program.currency));
    QList<CustomerHistory> histories;
    QList<qint64> ids;
    const qint64 todayNumber = today.toJulianDay();
    for (std::size_t id = 1; id < members.size(); ++id) {
        const MemberDays& member = members[id];
        if (member.firstDay == 0)
            continue;
        CustomerHistory history;
        history.frequency = clampedCount(member.saleDays - 1);
        history.recency = double(member.lastDay - member.firstDay);
        history.age = double(todayNumber - member.firstDay);
        if (history.frequency > 0)
            history.meanValue = double(member.netMinor - member.firstDayNetMinor) / history.frequency / minorPerMajor;
        histories << history;
        ids << qint64(id);
    }
    if (histories.isEmpty())
        return Error::refused(QCoreApplication::translate(
            "SegmentService", "No member has bought yet: there is nothing to predict from."));
    auto purchases = BgNbdModel::fit(histories);
    if (!purchases)
        return cannotPredict(purchases.error());
    auto spend = GammaGammaModel::fit(histories);
    if (!spend)
        return cannotPredict(spend.error());
    report.purchases = purchases->model.parameters();
    report.purchaseCustomers = purchases->customers;
    report.purchaseLogLikelihood = purchases->logLikelihood;
    report.spend = spend->model.parameters();
    report.spendCustomers = spend->customers;
    report.spendLeftOut = spend->leftOut;

    std::unordered_map<quint64, AliveOutlook> outlooks;
    report.members.reserve(histories.size());
    for (qsizetype i = 0; i < histories.size(); ++i) {
        const CustomerHistory& history = histories[i];
        const quint64 key = aliveKey(history);
        auto outlook = outlooks.find(key);
        if (outlook == outlooks.end()) {
            auto computed = aliveOutlook(purchases->model, history, report.horizon);
            if (!computed)
                return cannotPredict(computed.error());
            outlook = outlooks.emplace(key, *computed).first;
        }
        auto value = spend->model.expectedAverageValue(history);
        if (!value)
            return cannotPredict(value.error());
        MemberPrediction prediction;
        prediction.memberId = ids[i];
        prediction.history = history;
        prediction.probabilityAlive = purchases->model.probabilityAlive(history);
        prediction.expectedAverageValueMinor = *value * minorPerMajor;
        if (outlook->second.factored) {
            prediction.expectedPurchases = prediction.probabilityAlive * outlook->second.expected;
            prediction.lifetimeValueMinor =
                *value * prediction.probabilityAlive * outlook->second.discounted * minorPerMajor;
        } else {
            auto expected = purchases->model.expectedPurchases(PredictionDays, history);
            auto lifetime = spend->model.customerLifetimeValue(purchases->model, history, report.horizon);
            if (!expected || !lifetime)
                return cannotPredict(expected ? lifetime.error() : expected.error());
            prediction.expectedPurchases = *expected;
            prediction.lifetimeValueMinor = *lifetime * minorPerMajor;
        }
        report.members << prediction;
    }
    return report;
}

Result<void> SegmentService::refreshScale(QDate today) const
{
    if (m_scale && m_scale->today == today)
        return {};
    const ReportStore store(m_context.db);
    LT_TRY_ASSIGN(QList<qint64> erased, store.erasedMembers());
    std::sort(erased.begin(), erased.end());
    Scale scale;
    scale.today = today;
    LT_TRY(store.forEachMemberTotals([&](const ReportStore::MemberTotals& member) {
        if (std::binary_search(erased.cbegin(), erased.cend(), member.memberId))
            return;
        scale.lastDays.push_back(member.lastDay);
        scale.sales.push_back(member.sales);
    }));
    std::sort(scale.lastDays.begin(), scale.lastDays.end());
    std::sort(scale.sales.begin(), scale.sales.end());
    m_scale = std::move(scale);
    return {};
}

Result<SegmentOutlook> SegmentService::memberOutlook(qint64 memberId, QDate today) const
{
    if (!today.isValid())
        return Error::invalid(QCoreApplication::translate("SegmentService", "The day of the segments is not a date."));
    const ReportStore store(m_context.db);
    SegmentOutlook outlook;
    LT_TRY_ASSIGN(const std::optional<ReportStore::MemberTotals> totals, store.memberTotals(memberId));
    if (totals) {
        LT_TRY(refreshScale(today));
        const auto worse = [](const std::vector<qint64>& sorted, qint64 value) {
            return qint64(std::lower_bound(sorted.cbegin(), sorted.cend(), value) - sorted.cbegin());
        };
        const auto count = qint64(m_scale->lastDays.size());
        outlook.segment =
            RfmSegments::segmentFor(RfmSegments::quintile(worse(m_scale->lastDays, totals->lastDay), count),
                                    RfmSegments::quintile(worse(m_scale->sales, totals->sales), count));
        outlook.segmentId = RfmSegments::id(*outlook.segment);
        outlook.segmentName = RfmSegments::displayName(*outlook.segment);
        LT_TRY_ASSIGN(const QList<ReportStore::SalesDay> recent,
                      store.salesDaysOf(memberId, today.addMonths(-RfmSegments::LapsedMonths).addDays(1), today));
        qint64 inSixMonths = 0;
        qint64 inSixWeeks = 0;
        for (const ReportStore::SalesDay& day : recent) {
            inSixMonths += day.sales;
            inSixWeeks += day.day > today.addDays(-RfmSegments::LapsedQuietDays).toJulianDay() ? day.sales : 0;
        }
        outlook.lapsed = RfmSegments::isLapsed(clampedCount(inSixMonths), clampedCount(inSixWeeks));
    }
    LT_TRY_ASSIGN(const qint64 balance, MemberStore(m_context.db).balance(memberId));
    outlook.nearlyThereReward = RfmSegments::nearlyThereReward(balance, rewardCosts());

    if (outlook.nearlyThereReward)
        outlook.suggestion = QCoreApplication::translate(
                                 "SegmentService", "Nearly there: %1 %2 to a reward. Tell them how close they are.")
                                 .arg(*outlook.nearlyThereReward - balance)
                                 .arg(*outlook.nearlyThereReward - balance == 1 ? m_context.program.termOne
                                                                                : m_context.program.termOther);
    else if (outlook.lapsed)
        outlook.suggestion =
            QCoreApplication::translate("SegmentService", "Lapsed: a regular who has not been back. Win them back.");
    else if (outlook.segment)
        outlook.suggestion = suggestion(*outlook.segment);
    else
        outlook.suggestion =
            QCoreApplication::translate("SegmentService", "No purchase yet: the first one starts earning rewards.");
    return outlook;
}

QString SegmentService::suggestion(RfmSegment segment)
{
    switch (segment) {
    case RfmSegment::Champions:
        return QCoreApplication::translate("SegmentService", "Thank them: first look at new offers");
    case RfmSegment::Loyal:
        return QCoreApplication::translate("SegmentService", "Invite them to refer a friend");
    case RfmSegment::Promising:
        return QCoreApplication::translate("SegmentService", "Encourage the next visit");
    case RfmSegment::NeedsAttention:
        return QCoreApplication::translate("SegmentService", "Remind them of their points");
    case RfmSegment::AtRisk:
        return QCoreApplication::translate("SegmentService", "Offer a reason to come back");
    case RfmSegment::Hibernating:
        return QCoreApplication::translate("SegmentService", "Show them what is new");
    case RfmSegment::Lost:
        return QCoreApplication::translate("SegmentService", "Welcome them back with a special offer");
    }
    return {};
}

} // namespace lt
