#pragma once

#include "core/analytics/BgNbdModel.h"
#include "core/analytics/CustomerHistory.h"
#include "core/analytics/GammaGammaModel.h"
#include "core/analytics/RfmSegments.h"
#include "core/common/Result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace lt {

struct EngineContext;

// How many named segments there are, and the index of "no purchase yet" in a movement grid's rows.
inline constexpr int kSegmentCount = 7;
inline constexpr int kNoSegment = kSegmentCount;

// The members by RFM segment today and at the end of last month, with the ready-made actions' members.
struct SegmentReport
{
    QDate today;
    QDate lastMonthEnd; // the day the month-on-month movement starts from
    QList<RfmScore> scores; // every member still in the program with a sale by today, by member id
    std::array<qint64, kSegmentCount> members {}; // today, indexed by RfmSegment
    std::array<qint64, kSegmentCount> membersLastMonth {};
    // movement[from][to]: members in segment `from` at the end of last month (row kNoSegment: no sale by then)
    // and in segment `to` today.
    std::array<std::array<qint64, kSegmentCount>, kSegmentCount + 1> movement {};
    QList<qint64> lapsed; // member ids
    struct NearlyThere
    {
        qint64 memberId = 0;
        qint64 balance = 0;
        qint64 rewardPoints = 0; // the reward they are close to
    };
    QList<NearlyThere> nearlyThere;
};

// The retention grid: of the members who enrolled in a month, the share who bought in each month after.
struct CohortGrid
{
    QDate fromMonth; // first days of the first and last months
    QDate toMonth;
    struct Cohort
    {
        QDate month; // the enrollment month's first day
        qint64 enrolled = 0;
        QList<qint64> buyers; // [k]: members of the cohort with a sale k months after it, up to toMonth
        QList<double> retention; // [k]: buyers[k] ÷ enrolled (0 when nobody enrolled)
    };
    QList<Cohort> cohorts; // oldest first
};

// One member's predicted purchases and value, in days and the program's money (minor units).
struct MemberPrediction
{
    qint64 memberId = 0;
    CustomerHistory history; // in days; mean value in major units
    double expectedPurchases = 0; // in the next PredictionDays days
    double probabilityAlive = 0;
    double expectedAverageValueMinor = 0; // of a future purchase (Gamma-Gamma)
    double lifetimeValueMinor = 0; // the next 12 months, discounted 1 % a month
};

struct PredictionReport
{
    QDate today;
    BgNbdParameters purchases; // in days
    GammaGammaParameters spend; // in major units
    int purchaseCustomers = 0; // members the BG/NBD model was fitted on
    double purchaseLogLikelihood = 0;
    int spendCustomers = 0; // repeat buyers the Gamma-Gamma model was fitted on
    int spendLeftOut = 0;
    LifetimeValueHorizon horizon;
    QList<MemberPrediction> members; // by member id
};

// What the member panel shows of a member's segment: which, and what to do about it.
struct SegmentOutlook
{
    std::optional<RfmSegment> segment; // none for a member who never bought
    QString segmentId; // RfmSegments::id, empty without a segment
    QString segmentName; // in the user's language
    bool lapsed = false;
    std::optional<qint64> nearlyThereReward; // the points of the reward the balance is close to
    QString suggestion; // the suggested action, in the user's language
};

// Segments, cohorts and predicted value from the reports' summaries (ReportStore). RFM uses each member's lifetime:
// recency is the days since their last sale day, frequency their sales, monetary their net sales; members who were
// erased are left out. Not safe to share between threads: memberOutlook keeps the day's scale.
class SegmentService
{
public:
    explicit SegmentService(EngineContext& context);

    // The days ahead the expected purchases cover.
    static constexpr int PredictionDays = 365;
    // The most months a cohort grid covers.
    static constexpr int MaxCohortMonths = 60;

    // Every buyer's RFM segment today and at the end of last month, and the lapsed and nearly-there members.
    Result<SegmentReport> segments(QDate today) const;
    // The cohorts enrolled from fromMonth to toMonth (any day of each month), each followed up to toMonth. Errors
    // (field "from" or "to"): a month that is not a date, out of order, after this month, or a span over five years.
    Result<CohortGrid> cohorts(QDate fromMonth, QDate toMonth) const;
    // BG/NBD and Gamma-Gamma fitted on every buyer's history up to today, in days, and each buyer's predictions.
    // Refused, with a message saying why, when the history is too short for a fit.
    Result<PredictionReport> predictions(QDate today) const;
    // One member's segment and suggested action: their own rows, against the population's recency and frequency
    // read once a day (the first call of a day scans every buyer's totals).
    Result<SegmentOutlook> memberOutlook(qint64 memberId, QDate today) const;

    // The suggested action for a segment, in the user's language.
    static QString suggestion(RfmSegment segment);

private:
    struct Scale
    {
        QDate today;
        std::vector<qint64> lastDays; // every buyer's, sorted
        std::vector<qint64> sales; // every buyer's, sorted
    };
    Result<void> refreshScale(QDate today) const;
    QList<qint64> rewardCosts() const;

    EngineContext& m_context;
    mutable std::optional<Scale> m_scale;
};

} // namespace lt
