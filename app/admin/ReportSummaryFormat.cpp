#include "app/admin/ReportSummaryFormat.h"

#include "core/exchange/MemberExporter.h"

#include <QCoreApplication>

#include <cmath>
#include <functional>

namespace lt::admin::reportSummary {

namespace {

QString percent(double rate)
{
    return QStringLiteral("%1 %").arg(rate * 100.0, 0, 'f', 1);
}

} // namespace

// The keys scripts read (README, "Reports"): money in minor units, rates as fractions between 0 and 1.
QJsonObject toJson(const KpiSummary& kpi)
{
    QJsonObject perTier;
    for (auto it = kpi.membersPerTier.cbegin(); it != kpi.membersPerTier.cend(); ++it)
        perTier.insert(it.key(), it.value());
    return {
        {QStringLiteral("from"), kpi.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), kpi.to.toString(Qt::ISODate)},
        {QStringLiteral("filter"),
         QJsonObject {{QStringLiteral("till"), kpi.filter.till}, {QStringLiteral("staff"), kpi.filter.staff}}},
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
        {QStringLiteral("expiring"),
         kpi.expiryForecastOn.isValid()
             ? QJsonValue(QJsonObject {{QStringLiteral("forecast_on"), kpi.expiryForecastOn.toString(Qt::ISODate)},
                                       {QStringLiteral("within_30d"), kpi.expiring30},
                                       {QStringLiteral("within_60d"), kpi.expiring60},
                                       {QStringLiteral("within_90d"), kpi.expiring90}})
             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("average_lifetime_value_minor"), kpi.averageLifetimeValueMinor},
        {QStringLiteral("tier_upgrades"), kpi.tierUpgrades},
        {QStringLiteral("tier_downgrades"), kpi.tierDowngrades},
        {QStringLiteral("members_per_tier"), perTier},
    };
}

QString text(const KpiSummary& kpi)
{
    const auto line = [](const char* name, const QString& value) {
        return QStringLiteral("  %1 %2\n")
            .arg(QCoreApplication::translate("ReportCommands", name).leftJustified(30), value);
    };
    QString out = QCoreApplication::translate("ReportCommands", "Report from %1 to %2\n")
                      .arg(kpi.from.toString(Qt::ISODate), kpi.to.toString(Qt::ISODate));
    if (!kpi.filter.isEmpty())
        out += QCoreApplication::translate("ReportCommands",
                                           "Sales of till %1, staff %2 (members and points: the "
                                           "whole store)\n")
                   .arg(kpi.filter.till.isEmpty() ? QStringLiteral("*") : kpi.filter.till,
                        kpi.filter.staff.isEmpty() ? QStringLiteral("*") : kpi.filter.staff);
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

QList<QStringList> csvRows(const QJsonObject& json)
{
    const auto flatten = [](const QJsonObject& object) {
        QList<std::pair<QString, QString>> cells;
        const std::function<void(const QString&, const QJsonValue&)> add = [&](const QString& key,
                                                                               const QJsonValue& value) {
            if (value.isObject()) {
                const QJsonObject inner = value.toObject();
                for (auto it = inner.begin(); it != inner.end(); ++it)
                    add(key + QLatin1Char('.') + it.key(), it.value());
            } else if (value.isDouble()) {
                const double number = value.toDouble();
                cells.append({key,
                              number == std::floor(number) && std::abs(number) < 1e15
                                  ? QString::number(qint64(number))
                                  : QString::number(number, 'g', 12)});
            } else {
                cells.append({key, value.isNull() ? QString() : MemberExporter::csvField(value.toString(), true)});
            }
        };
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.key() != QLatin1String("compare"))
                add(it.key(), it.value());
        return cells;
    };
    const QJsonObject compare = json.value(QStringLiteral("compare")).toObject();
    const auto previous = flatten(compare.value(QStringLiteral("previous")).toObject());
    const auto yearEarlier = flatten(compare.value(QStringLiteral("year_earlier")).toObject());
    const auto valueIn = [](const QList<std::pair<QString, QString>>& cells, const QString& key) {
        for (const auto& [name, value] : cells)
            if (name == key)
                return value;
        return QString();
    };
    QList<QStringList> rows {{QStringLiteral("figure"), QStringLiteral("period"), QStringLiteral("previous_period"),
                              QStringLiteral("year_earlier")}};
    for (const auto& [key, value] : flatten(json))
        rows.append({MemberExporter::csvField(key, true), value, valueIn(previous, key), valueIn(yearEarlier, key)});
    return rows;
}

} // namespace lt::admin::reportSummary
