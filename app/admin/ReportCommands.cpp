#include "app/admin/ReportCommands.h"

#include "app/admin/CommandContext.h"
#include "app/admin/ReportMemberCommands.h"
#include "app/admin/ReportOptions.h"
#include "app/admin/ReportPdfCommand.h"
#include "app/admin/ReportSummaryFormat.h"
#include "core/domain/PersonalDataMask.h"
#include "core/exchange/MemberExporter.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/MemberDirectory.h"
#include "core/services/ReportService.h"
#include "core/services/SegmentService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace lt::admin {

namespace {

int succeedWithCsv(CommandContext& c, QJsonObject json, QString text, const QList<QStringList>& rows);

int summary(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    const QDate today = c.clock().nowUtc().toLocalTime().date();
    auto from = reportDateOption(c.parser(), QStringLiteral("from"), QDate(today.year(), today.month(), 1));
    if (!from)
        return c.fail(from.error());
    auto to = reportDateOption(c.parser(), QStringLiteral("to"), today);
    if (!to)
        return c.fail(to.error());
    ReportService reports((*engine)->context());
    const ReportFilter filter {c.parser().value(QStringLiteral("till")), c.parser().value(QStringLiteral("staff"))};
    auto kpi = reports.summary(*from, *to, filter);
    if (!kpi)
        return c.fail(kpi.error());
    // The same length of time just before, and the same dates a year earlier.
    const qint64 days = from->daysTo(*to) + 1;
    QJsonObject compare;
    for (const auto& [name, period] :
         {std::pair {QStringLiteral("previous"), std::pair {from->addDays(-days), from->addDays(-1)}},
          std::pair {QStringLiteral("year_earlier"), std::pair {from->addYears(-1), to->addYears(-1)}}}) {
        auto earlier = reports.summary(period.first, period.second, filter);
        if (!earlier)
            return c.fail(earlier.error());
        compare.insert(name, reportSummary::toJson(*earlier));
    }
    QJsonObject json = reportSummary::toJson(*kpi);
    json.insert(QStringLiteral("compare"), compare);
    return succeedWithCsv(c, json, reportSummary::text(*kpi), reportSummary::csvRows(json));
}

int rebuild(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    QElapsedTimer timer;
    timer.start();
    if (auto rebuilt = ReportService((*engine)->context()).rebuild(); !rebuilt)
        return c.fail(rebuilt.error());
    const qint64 ms = timer.elapsed();
    return c.succeed({{QStringLiteral("rebuilt"), true}, {QStringLiteral("milliseconds"), ms}},
                     QCoreApplication::translate("ReportCommands", "Report summaries recomputed in %1 ms.\n").arg(ms));
}

// A CSV cell of text people typed or read (names): neutralised as `export` does, so that a spreadsheet never runs
// it as a formula.
QString textCell(const QString& text)
{
    return MemberExporter::csvField(text, true);
}

// Succeeds with the JSON and text, after writing the CSV when --csv asks for it.
int succeedWithCsv(CommandContext& c, QJsonObject json, QString text, const QList<QStringList>& rows)
{
    const QString path = c.parser().value(QStringLiteral("csv"));
    if (c.parser().isSet(QStringLiteral("csv"))) {
        if (auto written = writeCsvFile(path, rows); !written)
            return c.fail(written.error());
        json.insert(QStringLiteral("csv"), path);
        text += QStringLiteral("Written to %1.\n").arg(path);
    }
    return c.succeed(json, text);
}

QString number(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

int segments(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    QElapsedTimer timer;
    timer.start();
    auto report = SegmentService((*engine)->context()).segments(c.clock().nowUtc().toLocalTime().date());
    if (!report)
        return c.fail(report.error());
    const QString none = QStringLiteral("none");
    QList<QStringList> rows {{QStringLiteral("kind"), QStringLiteral("id"), QStringLiteral("name"),
                              QStringLiteral("members"), QStringLiteral("members_last_month")}};
    for (const RfmSegment to : RfmSegments::allSegments())
        rows[0] << QStringLiteral("to_") + RfmSegments::id(to);
    QJsonArray segmentList;
    QJsonObject movement;
    QString text =
        QStringLiteral("Members by segment on %1, and then: at the end of %2\n")
            .arg(report->today.toString(Qt::ISODate), report->lastMonthEnd.toString(QStringLiteral("yyyy-MM")));
    // Rows of the movement grid: each segment at the end of last month, then the members who had not bought by then.
    for (int from = 0; from <= kNoSegment; ++from) {
        const bool named = from < kNoSegment;
        const QString id = named ? RfmSegments::id(RfmSegment(from)) : none;
        const QString name = named ? RfmSegments::displayName(RfmSegment(from)) : QStringLiteral("No sale yet");
        QJsonObject movedTo;
        QStringList row {QStringLiteral("segment"), id, textCell(name),
                         named ? QString::number(report->members[std::size_t(from)]) : QString(),
                         named ? QString::number(report->membersLastMonth[std::size_t(from)]) : QString()};
        QStringList moves;
        for (const RfmSegment to : RfmSegments::allSegments()) {
            const qint64 count = report->movement[std::size_t(from)][std::size_t(to)];
            movedTo.insert(RfmSegments::id(to), count);
            row << QString::number(count);
            if (count > 0)
                moves << QStringLiteral("%1 %2").arg(count).arg(RfmSegments::id(to));
        }
        movement.insert(id, movedTo);
        rows << row;
        if (named)
            segmentList.append(
                QJsonObject {{QStringLiteral("segment"), id},
                             {QStringLiteral("name"), name},
                             {QStringLiteral("members"), report->members[std::size_t(from)]},
                             {QStringLiteral("members_last_month"), report->membersLastMonth[std::size_t(from)]}});
        text += QStringLiteral("  %1 %2 now, %3 then, who are now: %4\n")
                    .arg(name.leftJustified(18))
                    .arg(named ? report->members[std::size_t(from)] : 0, 8)
                    .arg(named ? report->membersLastMonth[std::size_t(from)] : 0, 8)
                    .arg(moves.isEmpty() ? QStringLiteral("-") : moves.join(QStringLiteral(", ")));
    }
    QJsonArray actions;
    for (const auto& [action, count] : {std::pair {MemberAction::Lapsed, report->lapsed.size()},
                                        std::pair {MemberAction::NearlyThere, report->nearlyThere.size()}}) {
        actions.append(QJsonObject {{QStringLiteral("action"), RfmSegments::id(action)},
                                    {QStringLiteral("name"), RfmSegments::displayName(action)},
                                    {QStringLiteral("members"), qint64(count)}});
        rows << QStringList {QStringLiteral("action"), RfmSegments::id(action),
                             textCell(RfmSegments::displayName(action)), QString::number(count)};
        text += QStringLiteral("  %1 %2\n").arg(RfmSegments::displayName(action).leftJustified(18)).arg(count, 8);
    }
    const QJsonObject json {{QStringLiteral("today"), report->today.toString(Qt::ISODate)},
                            {QStringLiteral("last_month_end"), report->lastMonthEnd.toString(Qt::ISODate)},
                            {QStringLiteral("members_scored"), qint64(report->scores.size())},
                            {QStringLiteral("segments"), segmentList},
                            {QStringLiteral("actions"), actions},
                            {QStringLiteral("movement"), movement},
                            {QStringLiteral("milliseconds"), timer.elapsed()}};
    return succeedWithCsv(c, json, text, rows);
}

// --from-month / --to-month: YYYY-MM, as the first day of the month.
Result<QDate> monthOption(const QCommandLineParser& parser, const QString& name, QDate fallback)
{
    if (!parser.isSet(name))
        return fallback;
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(parser.value(name).trimmed());
    const QDate month = match.hasMatch() ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), 1) : QDate();
    if (!month.isValid())
        return Error::invalid(QStringLiteral("--%1: must be a month such as 2024-03.").arg(name), name);
    return month;
}

int cohorts(CommandContext& c)
{
    const QDate today = c.clock().nowUtc().toLocalTime().date();
    auto to = monthOption(c.parser(), QStringLiteral("to-month"), QDate(today.year(), today.month(), 1));
    if (!to)
        return c.fail(to.error());
    auto from = monthOption(c.parser(), QStringLiteral("from-month"), to->addMonths(-11));
    if (!from)
        return c.fail(from.error());
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    auto grid = SegmentService((*engine)->context()).cohorts(*from, *to);
    if (!grid) {
        // The service names the period's ends; the command names its options.
        Error error = grid.error();
        if (!error.field.isEmpty()) {
            error.field += QStringLiteral("-month");
            error.message = QStringLiteral("--%1: %2").arg(error.field, error.message);
        }
        return c.fail(error);
    }
    const auto month = [](QDate day) {
        return day.toString(QStringLiteral("yyyy-MM"));
    };
    QList<QStringList> rows {{QStringLiteral("cohort"), QStringLiteral("enrolled"), QStringLiteral("months_later"),
                              QStringLiteral("month"), QStringLiteral("buyers"), QStringLiteral("retention")}};
    QJsonArray cohortList;
    QString text =
        QStringLiteral("Retention: buyers in each month after enrolling, of those enrolled\n  %1 %2  +0, +1, ...\n")
            .arg(QStringLiteral("cohort").leftJustified(8), QStringLiteral("enrolled").rightJustified(8));
    for (const CohortGrid::Cohort& cohort : std::as_const(grid->cohorts)) {
        QJsonArray buyers;
        QJsonArray retention;
        QStringList shares;
        for (qsizetype k = 0; k < cohort.buyers.size(); ++k) {
            buyers.append(cohort.buyers[k]);
            retention.append(cohort.retention[k]);
            shares << QStringLiteral("%1 %").arg(number(cohort.retention[k] * 100, 0));
            rows << QStringList {month(cohort.month),
                                 QString::number(cohort.enrolled),
                                 QString::number(k),
                                 month(cohort.month.addMonths(int(k))),
                                 QString::number(cohort.buyers[k]),
                                 number(cohort.retention[k], 4)};
        }
        cohortList.append(QJsonObject {{QStringLiteral("cohort"), month(cohort.month)},
                                       {QStringLiteral("enrolled"), cohort.enrolled},
                                       {QStringLiteral("buyers"), buyers},
                                       {QStringLiteral("retention"), retention}});
        text += QStringLiteral("  %1 %2  %3\n")
                    .arg(month(cohort.month).leftJustified(8))
                    .arg(cohort.enrolled, 8)
                    .arg(shares.join(QStringLiteral(", ")));
    }
    return succeedWithCsv(c,
                          {{QStringLiteral("from_month"), month(grid->fromMonth)},
                           {QStringLiteral("to_month"), month(grid->toMonth)},
                           {QStringLiteral("cohorts"), cohortList}},
                          text, rows);
}

constexpr qint64 DefaultClvLimit = 20;
constexpr qint64 MaxClvLimit = 100'000;

int clv(CommandContext& c)
{
    qint64 limit = DefaultClvLimit;
    if (c.parser().isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = c.parser().value(QStringLiteral("limit")).trimmed().toLongLong(&ok);
        if (!ok || limit < 1 || limit > MaxClvLimit)
            return c.fail(
                Error::invalid(QStringLiteral("--limit: must be a whole number from 1 to %1.").arg(MaxClvLimit),
                               QStringLiteral("limit")));
    }
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    QElapsedTimer timer;
    timer.start();
    auto report = SegmentService((*engine)->context()).predictions(c.clock().nowUtc().toLocalTime().date());
    if (!report)
        return c.fail(report.error());
    const qint64 milliseconds = timer.elapsed();
    // The members with the highest predicted value first; equal values by member id.
    std::vector<qsizetype> order(std::size_t(report->members.size()));
    std::iota(order.begin(), order.end(), 0);
    const auto top = order.begin() + std::min<qsizetype>(limit, report->members.size());
    std::partial_sort(order.begin(), top, order.end(), [&](qsizetype a, qsizetype b) {
        const MemberPrediction& left = report->members[a];
        const MemberPrediction& right = report->members[b];
        return left.lifetimeValueMinor != right.lifetimeValueMinor ? left.lifetimeValueMinor > right.lifetimeValueMinor
                                                                   : left.memberId < right.memberId;
    });
    double total = 0;
    for (const MemberPrediction& member : std::as_const(report->members))
        total += member.lifetimeValueMinor;

    const MemberDirectory directory((*engine)->context());
    QList<QStringList> rows {{QStringLiteral("member_id"), QStringLiteral("name"), QStringLiteral("phone"),
                              QStringLiteral("frequency"), QStringLiteral("recency_days"), QStringLiteral("age_days"),
                              QStringLiteral("expected_purchases_365d"), QStringLiteral("probability_alive"),
                              QStringLiteral("expected_average_value_minor"), QStringLiteral("clv_minor")}};
    QJsonArray members;
    const BgNbdParameters& bg = report->purchases;
    const GammaGammaParameters& gg = report->spend;
    QString text = QStringLiteral("BG/NBD (days): r %1, alpha %2, a %3, b %4 on %5 members\n"
                                  "Gamma-Gamma: p %6, q %7, gamma %8 on %9 repeat buyers\n"
                                  "Predicted value of the next 12 months, all members: %10 (minor units)\n")
                       .arg(bg.r)
                       .arg(bg.alpha)
                       .arg(bg.a)
                       .arg(bg.b)
                       .arg(report->purchaseCustomers)
                       .arg(gg.p)
                       .arg(gg.q)
                       .arg(gg.gamma)
                       .arg(report->spendCustomers)
                       .arg(qint64(std::llround(total)));
    for (auto it = order.begin(); it != top; ++it) {
        const MemberPrediction& p = report->members[*it];
        auto member = directory.byId(p.memberId);
        if (!member)
            return c.fail(member.error());
        const qint64 value = std::llround(p.expectedAverageValueMinor);
        const qint64 lifetime = std::llround(p.lifetimeValueMinor);
        members.append(QJsonObject {{QStringLiteral("member_id"), p.memberId},
                                    {QStringLiteral("name"), member->name},
                                    // A report's member list: phones masked, as everywhere people read them.
                                    {QStringLiteral("phone"), PersonalDataMask::phone(member->phone)},
                                    {QStringLiteral("frequency"), p.history.frequency},
                                    {QStringLiteral("recency_days"), p.history.recency},
                                    {QStringLiteral("age_days"), p.history.age},
                                    {QStringLiteral("expected_purchases_365d"), p.expectedPurchases},
                                    {QStringLiteral("probability_alive"), p.probabilityAlive},
                                    {QStringLiteral("expected_average_value_minor"), value},
                                    {QStringLiteral("clv_minor"), lifetime}});
        rows << QStringList {QString::number(p.memberId),
                             textCell(member->name),
                             PersonalDataMask::phone(member->phone),
                             QString::number(p.history.frequency),
                             number(p.history.recency, 0),
                             number(p.history.age, 0),
                             number(p.expectedPurchases, 4),
                             number(p.probabilityAlive, 4),
                             QString::number(value),
                             QString::number(lifetime)};
        text += QStringLiteral("  #%1 %2  %3 purchases a year, %4 % alive, value %5\n")
                    .arg(p.memberId, -8)
                    .arg(member->name.left(24).leftJustified(24))
                    .arg(number(p.expectedPurchases, 2))
                    .arg(number(p.probabilityAlive * 100, 0))
                    .arg(lifetime);
    }
    const QJsonObject json {
        {QStringLiteral("today"), report->today.toString(Qt::ISODate)},
        {QStringLiteral("time_unit"), QStringLiteral("day")},
        {QStringLiteral("prediction_days"), SegmentService::PredictionDays},
        {QStringLiteral("horizon_months"), report->horizon.months},
        {QStringLiteral("monthly_discount_rate"), report->horizon.monthlyDiscountRate},
        {QStringLiteral("bgnbd"),
         QJsonObject {{QStringLiteral("r"), bg.r},
                      {QStringLiteral("alpha"), bg.alpha},
                      {QStringLiteral("a"), bg.a},
                      {QStringLiteral("b"), bg.b},
                      {QStringLiteral("customers"), report->purchaseCustomers},
                      {QStringLiteral("log_likelihood"), report->purchaseLogLikelihood}}},
        {QStringLiteral("gamma_gamma"),
         QJsonObject {{QStringLiteral("p"), gg.p},
                      {QStringLiteral("q"), gg.q},
                      {QStringLiteral("gamma"), gg.gamma},
                      {QStringLiteral("customers"), report->spendCustomers},
                      {QStringLiteral("left_out"), report->spendLeftOut}}},
        {QStringLiteral("members_predicted"), qint64(report->members.size())},
        {QStringLiteral("total_clv_minor"), qint64(std::llround(total))},
        {QStringLiteral("members"), members},
        {QStringLiteral("milliseconds"), milliseconds},
    };
    return succeedWithCsv(c, json, text, rows);
}

int report(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args == QStringList {QStringLiteral("summary")})
        return summary(c);
    if (args == QStringList {QStringLiteral("rebuild")})
        return rebuild(c);
    if (args == QStringList {QStringLiteral("segments")})
        return segments(c);
    if (args == QStringList {QStringLiteral("cohorts")})
        return cohorts(c);
    if (args == QStringList {QStringLiteral("clv")})
        return clv(c);
    if (args == QStringList {QStringLiteral("pdf")})
        return reportPdf(c);
    if (args.value(0) == QLatin1String("members"))
        return ReportMemberCommands::run(c);
    return c.fail(Error::invalid(QCoreApplication::translate(
        "ReportCommands",
        "Use `report summary [--from DATE] [--to DATE] [--till NAME] [--staff NAME]`, `report segments`, `report "
        "cohorts [--from-month YYYY-MM] [--to-month YYYY-MM]`, `report clv [--limit N]`, `report members KIND`, "
        "`report offers [ID]`, `report pdf --output FILE` or `report rebuild`.")));
}

void addReportCommandOptions(QCommandLineParser& parser)
{
    ReportMemberCommands::addOptions(parser);
    parser.addOption({QStringLiteral("from"),
                      QCoreApplication::translate("ReportCommands",
                                                  "summary: the first day, YYYY-MM-DD (default: the month's first)."),
                      QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("to"),
         QCoreApplication::translate("ReportCommands", "summary: the last day, YYYY-MM-DD (default today)."),
         QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("till"),
                      QCoreApplication::translate("ReportCommands",
                                                  "summary, pdf: count only the sales this till took (as the sales "
                                                  "name it); members and points stay the whole store's."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("staff"),
                      QCoreApplication::translate("ReportCommands",
                                                  "summary, pdf: count only the sales this staff member took (as the "
                                                  "sales name them, e.g. staff:12)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("output"),
                      QStringLiteral("pdf: the PDF file to write (the Reports screen: every card and chart)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("from-month"),
                      QStringLiteral("cohorts: the first enrollment month, YYYY-MM (default: eleven months before the "
                                     "last)."),
                      QStringLiteral("MONTH")});
    parser.addOption({QStringLiteral("to-month"),
                      QStringLiteral("cohorts: the last month, YYYY-MM (default: this one)."),
                      QStringLiteral("MONTH")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("clv: how many members to list, highest predicted value first (default 20, at "
                                     "most 100000)."),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("csv"),
         QStringLiteral(
             "summary, segments, cohorts, clv, members: also write the figures to FILE as CSV (mode 0600; cells "
             "that look like formulas are kept as text)."),
         QStringLiteral("FILE")});
}

} // namespace

QList<Command> ReportCommands::commands()
{
    return {
        {QStringLiteral("report"),
         QCoreApplication::translate(
             "ReportCommands",
             "The store's key figures for a period, compared with the period before and a year "
             "earlier (summary); members by RFM segment with last month's movement and the "
             "lapsed and nearly-there lists (segments); cohort retention (cohorts); predicted "
             "purchases and lifetime value (clv); the members behind a figure (members); targeted "
             "offers against their hold-out (offers); the Reports screen as a PDF (pdf); or the "
             "reports' summaries recomputed from the history (rebuild)."),
         QStringLiteral("summary | segments | cohorts | clv | members KIND | offers [ID] | pdf | rebuild"),
         addReportCommandOptions, report},
    };
}

} // namespace lt::admin
