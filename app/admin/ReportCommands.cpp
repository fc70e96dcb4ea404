#include "app/admin/ReportCommands.h"

#include "app/admin/CommandContext.h"
#include "core/services/LoyaltyEngine.h"
#include "core/services/ReportService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>

namespace lt::admin {

namespace {

Result<QDate> dateOption(const QCommandLineParser& parser, const char* option, QDate fallback)
{
    const QString name = QString::fromLatin1(option);
    if (!parser.isSet(name))
        return fallback;
    const QDate date = QDate::fromString(parser.value(name).trimmed(), Qt::ISODate);
    if (!date.isValid())
        return Error::invalid(
            QStringLiteral("--%1: %2")
                .arg(name, QCoreApplication::translate("ReportCommands", "must be a date such as 2024-03-05.")),
            name);
    return date;
}

// The keys scripts read (README, "Reports"): money in minor units, rates as fractions between 0 and 1.
QJsonObject toJson(const KpiSummary& kpi)
{
    QJsonObject perTier;
    for (auto it = kpi.membersPerTier.cbegin(); it != kpi.membersPerTier.cend(); ++it)
        perTier.insert(it.key(), it.value());
    return {
        {QStringLiteral("from"), kpi.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), kpi.to.toString(Qt::ISODate)},
        {QStringLiteral("members_total"), kpi.membersTotal},
        {QStringLiteral("members_new"), kpi.membersNew},
        {QStringLiteral("members_active_30d"), kpi.membersActive30},
        {QStringLiteral("members_active_90d"), kpi.membersActive90},
        {QStringLiteral("members_active_365d"), kpi.membersActive365},
        {QStringLiteral("active_share"), kpi.activeShare},
        {QStringLiteral("buyers"), kpi.buyers},
        {QStringLiteral("sales_count"), kpi.salesCount},
        {QStringLiteral("net_sales_minor"), kpi.netSalesMinor},
        {QStringLiteral("aov_minor"), kpi.aovMinor},
        {QStringLiteral("purchase_frequency"), kpi.purchaseFrequency},
        {QStringLiteral("repeat_purchase_rate"), kpi.repeatPurchaseRate},
        {QStringLiteral("repeat_purchase_rate_lifetime"), kpi.repeatPurchaseRateLifetime},
        {QStringLiteral("points_earned"), kpi.pointsEarned},
        {QStringLiteral("points_redeemed"), kpi.pointsRedeemed},
        {QStringLiteral("points_expired"), kpi.pointsExpired},
        {QStringLiteral("points_adjusted"), kpi.pointsAdjusted},
        {QStringLiteral("points_reversed"), kpi.pointsReversed},
        {QStringLiteral("points_opening"), kpi.pointsOpening},
        {QStringLiteral("points_outstanding"), kpi.pointsOutstanding},
        {QStringLiteral("redemption_rate"), kpi.redemptionRate},
        {QStringLiteral("redemption_rate_lifetime"), kpi.redemptionRateLifetime},
        {QStringLiteral("breakage"), kpi.breakage},
        {QStringLiteral("breakage_lifetime"), kpi.breakageLifetime},
        {QStringLiteral("member_redemption_rate"), kpi.memberRedemptionRate},
        {QStringLiteral("cost_per_point_minor"), kpi.costPerPointMinor},
        {QStringLiteral("liability_minor"), kpi.liabilityMinor},
        {QStringLiteral("average_lifetime_value_minor"), kpi.averageLifetimeValueMinor},
        {QStringLiteral("tier_upgrades"), kpi.tierUpgrades},
        {QStringLiteral("tier_downgrades"), kpi.tierDowngrades},
        {QStringLiteral("members_per_tier"), perTier},
    };
}

QString percent(double rate)
{
    return QStringLiteral("%1 %").arg(rate * 100.0, 0, 'f', 1);
}

QString text(const KpiSummary& kpi)
{
    const auto line = [](const char* name, const QString& value) {
        return QStringLiteral("  %1 %2\n")
            .arg(QCoreApplication::translate("ReportCommands", name).leftJustified(30), value);
    };
    QString out = QCoreApplication::translate("ReportCommands", "Report from %1 to %2\n")
                      .arg(kpi.from.toString(Qt::ISODate), kpi.to.toString(Qt::ISODate));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Members"), QString::number(kpi.membersTotal));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "New members"), QString::number(kpi.membersNew));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Active (90 days)"),
                QStringLiteral("%1 (%2)").arg(kpi.membersActive90).arg(percent(kpi.activeShare)));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Buyers"), QString::number(kpi.buyers));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Sales"), QString::number(kpi.salesCount));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Net sales (minor units)"), QString::number(kpi.netSalesMinor));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Average order (minor units)"), QString::number(kpi.aovMinor));
    out +=
        line(QT_TRANSLATE_NOOP("ReportCommands", "Purchase frequency"), QString::number(kpi.purchaseFrequency, 'f', 2));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Repeat purchase rate"), percent(kpi.repeatPurchaseRate));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Points earned"), QString::number(kpi.pointsEarned));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Points redeemed"), QString::number(kpi.pointsRedeemed));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Points expired"), QString::number(kpi.pointsExpired));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Points outstanding"), QString::number(kpi.pointsOutstanding));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Redemption rate"), percent(kpi.redemptionRate));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Member redemption rate"), percent(kpi.memberRedemptionRate));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Points liability (minor units)"),
                QString::number(kpi.liabilityMinor));
    out += line(QT_TRANSLATE_NOOP("ReportCommands", "Tier upgrades / downgrades"),
                QStringLiteral("%1 / %2").arg(kpi.tierUpgrades).arg(kpi.tierDowngrades));
    return out;
}

int summary(CommandContext& c)
{
    auto engine = c.engine();
    if (!engine)
        return c.fail(engine.error());
    const QDate today = c.clock().nowUtc().toLocalTime().date();
    auto from = dateOption(c.parser(), "from", QDate(today.year(), today.month(), 1));
    if (!from)
        return c.fail(from.error());
    auto to = dateOption(c.parser(), "to", today);
    if (!to)
        return c.fail(to.error());
    ReportService reports((*engine)->context());
    auto kpi = reports.summary(*from, *to);
    if (!kpi)
        return c.fail(kpi.error());
    // The same length of time just before, and the same dates a year earlier.
    const qint64 days = from->daysTo(*to) + 1;
    QJsonObject compare;
    for (const auto& [name, period] :
         {std::pair {QStringLiteral("previous"), std::pair {from->addDays(-days), from->addDays(-1)}},
          std::pair {QStringLiteral("year_earlier"), std::pair {from->addYears(-1), to->addYears(-1)}}}) {
        auto earlier = reports.summary(period.first, period.second);
        if (!earlier)
            return c.fail(earlier.error());
        compare.insert(name, toJson(*earlier));
    }
    QJsonObject json = toJson(*kpi);
    json.insert(QStringLiteral("compare"), compare);
    return c.succeed(json, text(*kpi));
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

int report(CommandContext& c)
{
    const QStringList args = c.parser().positionalArguments();
    if (args == QStringList {QStringLiteral("summary")})
        return summary(c);
    if (args == QStringList {QStringLiteral("rebuild")})
        return rebuild(c);
    return c.fail(Error::invalid(QCoreApplication::translate(
        "ReportCommands", "Use `report summary [--from DATE] [--to DATE]` or `report rebuild`.")));
}

void addOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("from"),
                      QCoreApplication::translate("ReportCommands",
                                                  "summary: the first day, YYYY-MM-DD (default: the month's first)."),
                      QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("to"),
         QCoreApplication::translate("ReportCommands", "summary: the last day, YYYY-MM-DD (default today)."),
         QStringLiteral("DATE")});
}

} // namespace

QList<Command> ReportCommands::commands()
{
    return {
        {QStringLiteral("report"),
         QCoreApplication::translate("ReportCommands",
                                     "The store's key figures for a period, compared with the period before and a year "
                                     "earlier (summary), or the reports' summaries recomputed from the history "
                                     "(rebuild)."),
         QStringLiteral("summary | rebuild"), addOptions, report},
    };
}

} // namespace lt::admin
