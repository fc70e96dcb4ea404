#include "ui/reports/ReportCards.h"

#include "core/domain/Money.h"
#include "ui/reports/ReportLoader.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>
#include <functional>

namespace lt::ui {

namespace {

// The cards' titles and how each is computed were filed under this context when the screen first listed them; the
// table below marks them with it and all() looks them up with it, so lupdate and the lookup agree.
constexpr char CardsContext[] = "ReportsDialog";

QString cardText(const char* text)
{
    return QCoreApplication::translate(CardsContext, text);
}

// What one card shows of a summary, as a number to compare and as text.
struct CardValue
{
    std::function<double(const KpiSummary&)> number;
    std::function<QString(const KpiSummary&, const QString& currency)> text;
};

QString percent(double rate)
{
    return QStringLiteral("%1 %").arg(QLocale().toString(rate * 100.0, 'f', 1));
}

QString change(double now, double before)
{
    if (before == 0.0)
        return now == 0.0 ? QStringLiteral("±0 %") : ReportCards::tr("new");
    const double moved = (now - before) / std::abs(before) * 100.0;
    return QStringLiteral("%1%2 %").arg(moved >= 0 ? QStringLiteral("+") : QString(),
                                        QLocale().toString(moved, 'f', 1));
}

CardValue whole(qint64 KpiSummary::*field)
{
    return {[field](const KpiSummary& k) { return double(k.*field); },
            [field](const KpiSummary& k, const QString&) {
                return QLocale().toString(k.*field);
            }};
}

CardValue money(qint64 KpiSummary::*field)
{
    return {[field](const KpiSummary& k) { return double(k.*field); },
            [field](const KpiSummary& k, const QString& currency) {
                return Money(k.*field, currency).toDisplayString();
            }};
}

CardValue rate(double KpiSummary::*field)
{
    return {[field](const KpiSummary& k) { return k.*field; },
            [field](const KpiSummary& k, const QString&) {
                return percent(k.*field);
            }};
}

CardValue valueOf(const QString& key)
{
    static const QHash<QString, CardValue> values = {
        {QStringLiteral("members_total"), whole(&KpiSummary::membersTotal)},
        {QStringLiteral("members_new"), whole(&KpiSummary::membersNew)},
        {QStringLiteral("members_active_90d"),
         CardValue {[](const KpiSummary& k) { return double(k.membersActive90); },
                    [](const KpiSummary& k, const QString&) {
                        return QStringLiteral("%1 (%2)").arg(QLocale().toString(k.membersActive90),
                                                             percent(k.activeShare));
                    }}},
        {QStringLiteral("buyers"), whole(&KpiSummary::buyers)},
        {QStringLiteral("sales_count"), whole(&KpiSummary::salesCount)},
        {QStringLiteral("net_sales"), money(&KpiSummary::netSalesMinor)},
        {QStringLiteral("aov"), money(&KpiSummary::aovMinor)},
        {QStringLiteral("purchase_frequency"),
         CardValue {[](const KpiSummary& k) { return k.purchaseFrequency; },
                    [](const KpiSummary& k, const QString&) {
                        return QLocale().toString(k.purchaseFrequency, 'f', 2);
                    }}},
        {QStringLiteral("repeat_purchase_rate"), rate(&KpiSummary::repeatPurchaseRate)},
        {QStringLiteral("points_earned"), whole(&KpiSummary::pointsEarned)},
        {QStringLiteral("points_redeemed"), whole(&KpiSummary::pointsRedeemed)},
        {QStringLiteral("points_expired"), whole(&KpiSummary::pointsExpired)},
        {QStringLiteral("points_outstanding"), whole(&KpiSummary::pointsOutstanding)},
        {QStringLiteral("redemption_rate"), rate(&KpiSummary::redemptionRate)},
        {QStringLiteral("member_redemption_rate"), rate(&KpiSummary::memberRedemptionRate)},
        {QStringLiteral("liability"), money(&KpiSummary::liabilityMinor)},
        {QStringLiteral("expiring"),
         CardValue {[](const KpiSummary& k) { return double(k.expiring90); },
                    [](const KpiSummary& k, const QString&) {
                        if (!k.expiryForecastOn.isValid())
                            return ReportCards::tr("none");
                        return ReportCards::tr("%1 · %2 · %3")
                            .arg(QLocale().toString(k.expiring30), QLocale().toString(k.expiring60),
                                 QLocale().toString(k.expiring90));
                    }}},
    };
    return values.value(key);
}

} // namespace

QList<ReportCards::Card> ReportCards::all()
{
    const auto store = [](const char* key, const char* title, const char* how) {
        return Card {QString::fromLatin1(key), cardText(title), cardText(how), false};
    };
    const auto sales = [](const char* key, const char* title, const char* how) {
        return Card {QString::fromLatin1(key), cardText(title), cardText(how), true};
    };
    return {
        store("members_total", QT_TRANSLATE_NOOP("ReportsDialog", "Members"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Members enrolled by the period's last day.")),
        store("members_new", QT_TRANSLATE_NOOP("ReportsDialog", "New members"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Members enrolled in the period.")),
        store("members_active_90d", QT_TRANSLATE_NOOP("ReportsDialog", "Active members"),
              QT_TRANSLATE_NOOP("ReportsDialog",
                                "Members with a sale in the 90 days up to the period's last day, and "
                                "their share of all members.")),
        store("buyers", QT_TRANSLATE_NOOP("ReportsDialog", "Buyers"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Members with at least one sale in the period.")),
        sales("sales_count", QT_TRANSLATE_NOOP("ReportsDialog", "Sales"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Sales recorded in the period.")),
        sales("net_sales", QT_TRANSLATE_NOOP("ReportsDialog", "Net sales"),
              QT_TRANSLATE_NOOP("ReportsDialog", "The period's sales less what refunds and voids took back of them.")),
        sales("aov", QT_TRANSLATE_NOOP("ReportsDialog", "Average order"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Net sales ÷ the sales not wholly refunded.")),
        store("purchase_frequency", QT_TRANSLATE_NOOP("ReportsDialog", "Purchase frequency"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Sales ÷ buyers.")),
        store("repeat_purchase_rate", QT_TRANSLATE_NOOP("ReportsDialog", "Repeat purchase rate"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Buyers with two or more sales ÷ buyers.")),
        store("points_earned", QT_TRANSLATE_NOOP("ReportsDialog", "Points earned"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Points the period's purchases earned.")),
        store("points_redeemed", QT_TRANSLATE_NOOP("ReportsDialog", "Points redeemed"),
              QT_TRANSLATE_NOOP("ReportsDialog",
                                "Points spent on rewards in the period, less those of rewards given back.")),
        store("points_expired", QT_TRANSLATE_NOOP("ReportsDialog", "Points expired"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Points that lapsed in the period.")),
        store("points_outstanding", QT_TRANSLATE_NOOP("ReportsDialog", "Points outstanding"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Every member's balance at the end of the period.")),
        store("redemption_rate", QT_TRANSLATE_NOOP("ReportsDialog", "Redemption rate"),
              QT_TRANSLATE_NOOP("ReportsDialog",
                                "Points redeemed ÷ points earned in the period (above 100 % when "
                                "older points were spent).")),
        store("member_redemption_rate", QT_TRANSLATE_NOOP("ReportsDialog", "Member redemption rate"),
              QT_TRANSLATE_NOOP("ReportsDialog", "Members who redeemed in the period ÷ buyers.")),
        store("expiring", QT_TRANSLATE_NOOP("ReportsDialog", "Points expiring soon"),
              QT_TRANSLATE_NOOP("ReportsDialog",
                                "Points whose last valid day falls within 30, 60 and 90 days, as the "
                                "daily automation pass last counted them.")),
        store("liability", QT_TRANSLATE_NOOP("ReportsDialog", "Points liability"),
              QT_TRANSLATE_NOOP("ReportsDialog",
                                "Outstanding points × what a point has cost in discounts × (1 − the "
                                "share of points that expire).")),
    };
}

QString ReportCards::value(const QString& key, const ReportData& data)
{
    const CardValue card = valueOf(key);
    return card.text ? card.text(data.period, data.currency) : QString();
}

QString ReportCards::comparison(const QString& key, const ReportData& data)
{
    const CardValue card = valueOf(key);
    if (!card.number)
        return {};
    const double now = card.number(data.period);
    return tr("%1 on the period before · %2 on a year earlier")
        .arg(change(now, card.number(data.previous)), change(now, card.number(data.yearEarlier)));
}

QString ReportCards::notSplit()
{
    return tr("The whole store's figure: it does not split by till or staff member.");
}

QString ReportCards::filterText(const QString& till, const QString& staff)
{
    return tr("%1 · %2").arg(till.isEmpty() ? tr("All tills") : tr("Till %1").arg(till),
                             staff.isEmpty() ? tr("all staff") : tr("staff %1").arg(staff));
}

} // namespace lt::ui
