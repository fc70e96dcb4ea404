#include "ui/reports/ReportsDialog.h"

#include "core/common/Clock.h"
#include "core/domain/Money.h"
#include "ui/Appearance.h"
#include "ui/reports/KpiCard.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <functional>

namespace lt::ui {

namespace {
constexpr int CardsPerRow = 4;

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
        return now == 0.0 ? QStringLiteral("±0 %") : QCoreApplication::translate("ReportsDialog", "new");
    const double moved = (now - before) / std::abs(before) * 100.0;
    return QStringLiteral("%1%2 %").arg(moved >= 0 ? QStringLiteral("+") : QString(),
                                        QLocale().toString(moved, 'f', 1));
}

QChartView* chartView(QWidget* parent)
{
    auto* view = new QChartView(new QChart(), parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
}

// Bars by category; the chart's colours follow the till's palette (the dark theme on the dark one).
QChart* barChart(const QPalette& palette, const QString& title, const QStringList& categories,
                 const QList<QBarSet*>& sets)
{
    auto* chart = new QChart();
    chart->setTheme(Appearance::isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(title);
    auto* series = new QBarSeries();
    series->append(sets);
    chart->addSeries(series);
    auto* axis = new QBarCategoryAxis();
    axis->append(categories);
    chart->addAxis(axis, Qt::AlignBottom);
    series->attachAxis(axis);
    auto* values = new QValueAxis();
    chart->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(sets.size() > 1);
    return chart;
}

void replaceChart(QChartView* view, QChart* chart)
{
    QChart* old = view->chart();
    view->setChart(chart); // the view owns the new chart; the old one is ours to delete
    delete old;
}

QStringList monthLabels(const QList<MonthFigures>& months)
{
    QStringList labels;
    for (const MonthFigures& month : months)
        labels << QLocale().toString(month.first, QStringLiteral("MMM")); // twelve fit under a half-width chart
    return labels;
}
} // namespace

ReportsDialog::ReportsDialog(const QString& databasePath, const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_clock(clock)
    , m_loader(databasePath, clock)
    , m_period(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_status(new QLabel(this))
    , m_trend(chartView(this))
    , m_points(chartView(this))
    , m_tiers(chartView(this))
{
    setWindowTitle(tr("Reports"));
    m_period->addItems(
        {tr("Today"), tr("This week"), tr("This month"), tr("Last month"), tr("This year"), tr("Custom period")});
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    auto* showButton = new QPushButton(tr("&Show"), this);
    auto* period = new QHBoxLayout;
    auto* periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);
    period->addWidget(periodLabel);
    period->addWidget(m_period);
    period->addWidget(new QLabel(tr("from"), this));
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to"), this));
    period->addWidget(m_to);
    period->addWidget(showButton);
    period->addStretch();

    addCard(QStringLiteral("members_total"), tr("Members"), tr("Members enrolled by the period's last day."));
    addCard(QStringLiteral("members_new"), tr("New members"), tr("Members enrolled in the period."));
    addCard(QStringLiteral("members_active_90d"), tr("Active members"),
            tr("Members with a sale in the 90 days up to the period's last day, and their share of all members."));
    addCard(QStringLiteral("buyers"), tr("Buyers"), tr("Members with at least one sale in the period."));
    addCard(QStringLiteral("sales_count"), tr("Sales"), tr("Sales recorded in the period."));
    addCard(QStringLiteral("net_sales"), tr("Net sales"),
            tr("The period's sales less what refunds and voids took back of them."));
    addCard(QStringLiteral("aov"), tr("Average order"), tr("Net sales ÷ the sales not wholly refunded."));
    addCard(QStringLiteral("purchase_frequency"), tr("Purchase frequency"), tr("Sales ÷ buyers."));
    addCard(QStringLiteral("repeat_purchase_rate"), tr("Repeat purchase rate"),
            tr("Buyers with two or more sales ÷ buyers."));
    addCard(QStringLiteral("points_earned"), tr("Points earned"), tr("Points the period's purchases earned."));
    addCard(QStringLiteral("points_redeemed"), tr("Points redeemed"),
            tr("Points spent on rewards in the period, less those of rewards given back."));
    addCard(QStringLiteral("points_expired"), tr("Points expired"), tr("Points that lapsed in the period."));
    addCard(QStringLiteral("points_outstanding"), tr("Points outstanding"),
            tr("Every member's balance at the end of the period."));
    addCard(QStringLiteral("redemption_rate"), tr("Redemption rate"),
            tr("Points redeemed ÷ points earned in the period (above 100 % when older points were spent)."));
    addCard(QStringLiteral("member_redemption_rate"), tr("Member redemption rate"),
            tr("Members who redeemed in the period ÷ buyers."));
    addCard(QStringLiteral("expiring"), tr("Points expiring soon"),
            tr("Points whose last valid day falls within 30, 60 and 90 days, as the daily automation pass last "
               "counted them."));
    addCard(QStringLiteral("liability"), tr("Points liability"),
            tr("Outstanding points × what a point has cost in discounts × (1 − the share of points that expire)."));
    auto* cards = new QGridLayout;
    for (int i = 0; i < m_order.size(); ++i)
        cards->addWidget(m_order.at(i), i / CardsPerRow, i % CardsPerRow);
    auto* charts = new QGridLayout;
    charts->addWidget(m_trend, 0, 0);
    charts->addWidget(m_points, 0, 1);
    charts->addWidget(m_tiers, 1, 0);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(cards);
    contentLayout->addLayout(charts);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(period);
    layout->addWidget(m_status);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(1200, 860);

    connect(m_period, &QComboBox::currentIndexChanged, this, &ReportsDialog::choosePeriod);
    connect(showButton, &QPushButton::clicked, this, &ReportsDialog::refresh);
    connect(m_from, &QDateEdit::editingFinished, this, [this] { m_period->setCurrentIndex(Custom); });
    connect(m_to, &QDateEdit::editingFinished, this, [this] { m_period->setCurrentIndex(Custom); });
    connect(&m_loader, &ReportLoader::loaded, this, &ReportsDialog::display);
    connect(&m_loader, &ReportLoader::failed, this, [this](const QString& message) {
        m_status->setText(message);
        m_status->setStyleSheet(QStringLiteral("color: %1").arg(Appearance::errorColor(palette()).name()));
    });
    m_period->setCurrentIndex(ThisMonth);
    choosePeriod(ThisMonth);
    m_period->setFocus();
}

QString ReportsDialog::status() const
{
    return m_status->text();
}

void ReportsDialog::addCard(const QString& key, const QString& title, const QString& howComputed)
{
    auto* card = new KpiCard(title, howComputed, this);
    card->setObjectName(key);
    m_cards.insert(key, card);
    m_order << card;
}

void ReportsDialog::choosePeriod(int index)
{
    const QDate today = m_clock.nowUtc().toLocalTime().date();
    QDate from = today;
    QDate to = today;
    switch (index) {
    case Today:
        break;
    case ThisWeek:
        from = today.addDays(1 - today.dayOfWeek());
        break;
    case ThisMonth:
        from = QDate(today.year(), today.month(), 1);
        break;
    case LastMonth:
        from = QDate(today.year(), today.month(), 1).addMonths(-1);
        to = QDate(today.year(), today.month(), 1).addDays(-1);
        break;
    case ThisYear:
        from = QDate(today.year(), 1, 1);
        break;
    default:
        return; // custom: the dates as the manager set them, shown with the Show button
    }
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    refresh();
}

void ReportsDialog::refresh()
{
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Computing the figures from %1 to %2 …")
                          .arg(QLocale().toString(m_from->date(), QLocale::ShortFormat),
                               QLocale().toString(m_to->date(), QLocale::ShortFormat)));
    m_loader.load(m_from->date(), m_to->date());
}

void ReportsDialog::display(const ReportData& figures)
{
    const auto whole = [](qint64 KpiSummary::*field) {
        return CardValue {[field](const KpiSummary& k) { return double(k.*field); },
                          [field](const KpiSummary& k, const QString&) {
                              return QLocale().toString(k.*field);
                          }};
    };
    const auto money = [](qint64 KpiSummary::*field) {
        return CardValue {[field](const KpiSummary& k) { return double(k.*field); },
                          [field](const KpiSummary& k, const QString& currency) {
                              return Money(k.*field, currency).toDisplayString();
                          }};
    };
    const auto rate = [](double KpiSummary::*field) {
        return CardValue {[field](const KpiSummary& k) { return k.*field; },
                          [field](const KpiSummary& k, const QString&) {
                              return percent(k.*field);
                          }};
    };
    const QMap<QString, CardValue> values = {
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
                            return QCoreApplication::translate("ReportsDialog", "none");
                        return QCoreApplication::translate("ReportsDialog", "%1 · %2 · %3")
                            .arg(QLocale().toString(k.expiring30), QLocale().toString(k.expiring60),
                                 QLocale().toString(k.expiring90));
                    }}},
    };
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const CardValue& value = it.value();
        const double now = value.number(figures.period);
        m_cards.value(it.key())->setValue(
            value.text(figures.period, figures.currency),
            tr("%1 on the period before · %2 on a year earlier")
                .arg(change(now, value.number(figures.previous)), change(now, value.number(figures.yearEarlier))));
    }
    showCharts(figures);
    m_status->setText(tr("From %1 to %2, read in %n ms.", nullptr, int(figures.milliseconds))
                          .arg(QLocale().toString(figures.period.from, QLocale::ShortFormat),
                               QLocale().toString(figures.period.to, QLocale::ShortFormat)));
    emit figuresShown();
}

void ReportsDialog::showCharts(const ReportData& figures)
{
    const QStringList months = monthLabels(figures.months);
    auto* sales = new QBarSet(tr("Net sales"));
    auto* earned = new QBarSet(tr("Earned"));
    auto* redeemed = new QBarSet(tr("Redeemed"));
    auto* expired = new QBarSet(tr("Expired"));
    const double unit = std::pow(10.0, Money::decimalsOf(figures.currency));
    for (const MonthFigures& month : figures.months) {
        *sales << double(month.netSalesMinor) / unit;
        *earned << double(month.pointsEarned);
        *redeemed << double(month.pointsRedeemed);
        *expired << double(month.pointsExpired);
    }
    replaceChart(m_trend, barChart(palette(), tr("Net sales by month (%1)").arg(figures.currency), months, {sales}));
    replaceChart(m_points, barChart(palette(), tr("Points by month"), months, {earned, redeemed, expired}));
    auto* members = new QBarSet(tr("Members"));
    QStringList tiers;
    for (auto it = figures.period.membersPerTier.cbegin(); it != figures.period.membersPerTier.cend(); ++it) {
        tiers << it.key();
        *members << double(it.value());
    }
    replaceChart(m_tiers, barChart(palette(), tr("Members by tier"), tiers, {members}));
}

} // namespace lt::ui
