#include "ui/reports/ReportsDialog.h"

#include "core/analytics/RfmSegments.h"
#include "core/common/Clock.h"
#include "ui/Appearance.h"
#include "ui/reports/CohortHeatmap.h"
#include "ui/reports/KpiCard.h"
#include "ui/reports/MemberListDialog.h"
#include "ui/reports/ReportCards.h"
#include "ui/reports/ReportCharts.h"
#include "ui/reports/ReportPdf.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lt::ui {

namespace {
constexpr int CardsPerRow = 4;

QChartView* chartView(QWidget* parent)
{
    auto* view = new QChartView(new QChart(), parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
}

void replaceChart(QChartView* view, QChart* chart)
{
    QChart* old = view->chart();
    view->setChart(chart); // the view owns the new chart; the old one is ours to delete
    delete old;
}

// A tab's page: its widgets stacked, scrolling when the window is small.
QScrollArea* scrolling(QWidget* content, QWidget* parent)
{
    auto* scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}
} // namespace

ReportsDialog::ReportsDialog(const QString& databasePath, const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_databasePath(databasePath)
    , m_clock(clock)
    , m_loader(databasePath, clock)
    , m_period(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_till(new QComboBox(this))
    , m_staff(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_trend(chartView(this))
    , m_points(chartView(this))
    , m_tiers(chartView(this))
    , m_segments(chartView(this))
    , m_movement(new QTableWidget(this))
    , m_actions(new QLabel(this))
    , m_segmentsStatus(new QLabel(this))
    , m_cohortsStatus(new QLabel(this))
    , m_cohorts(new CohortHeatmap(this))
    , m_pdfButton(new QPushButton(tr("Save as P&DF…"), this))
{
    setWindowTitle(tr("Reports"));
    m_period->addItems(
        {tr("Today"), tr("This week"), tr("This month"), tr("Last month"), tr("This year"), tr("Custom period")});
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_till->addItem(tr("All tills"));
    m_staff->addItem(tr("All staff"));
    for (QComboBox* box : {m_till, m_staff})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* showButton = new QPushButton(tr("&Show"), this);
    auto* period = new QHBoxLayout;
    const auto labelled = [this, period](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        period->addWidget(label);
        period->addWidget(field);
    };
    labelled(tr("&Period:"), m_period);
    period->addWidget(new QLabel(tr("from"), this));
    period->addWidget(m_from);
    period->addWidget(new QLabel(tr("to"), this));
    period->addWidget(m_to);
    labelled(tr("&Till:"), m_till);
    labelled(tr("St&aff:"), m_staff);
    period->addWidget(showButton);
    period->addStretch();

    m_tabs->addTab(keyFiguresTab(), tr("&Key figures"));
    m_tabs->addTab(trendsTab(), tr("T&rends"));
    m_tabs->addTab(segmentsTab(), tr("Se&gments"));
    m_tabs->addTab(cohortsTab(), tr("C&ohorts"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_pdfButton, QDialogButtonBox::ActionRole);
    m_pdfButton->setToolTip(tr("Writes the period, the filter, every card and every chart to a PDF (Ctrl+P)."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::Key_P), QKeySequence(Qt::CTRL | Qt::Key_S)})
        connect(new QShortcut(keys, this), &QShortcut::activated, this, &ReportsDialog::choosePdf);
    connect(m_pdfButton, &QPushButton::clicked, this, &ReportsDialog::choosePdf);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(period);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(1240, 760); // fits a 1280 × 800 screen

    m_choosePdfPath = [this](QWidget* parentWidget) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString name =
            tr("reports-%1-%2.pdf").arg(m_from->date().toString(Qt::ISODate), m_to->date().toString(Qt::ISODate));
        return QFileDialog::getSaveFileName(parentWidget, tr("Save the reports as PDF"), folder + u'/' + name,
                                            tr("PDF files (*.pdf)"));
    };
    connect(m_period, &QComboBox::currentIndexChanged, this, &ReportsDialog::choosePeriod);
    connect(showButton, &QPushButton::clicked, this, &ReportsDialog::refresh);
    connect(m_from, &QDateEdit::editingFinished, this, [this] { m_period->setCurrentIndex(Custom); });
    connect(m_to, &QDateEdit::editingFinished, this, [this] { m_period->setCurrentIndex(Custom); });
    connect(m_till, &QComboBox::currentIndexChanged, this, &ReportsDialog::refresh);
    connect(m_staff, &QComboBox::currentIndexChanged, this, &ReportsDialog::refresh);
    connect(&m_loader, &ReportLoader::loaded, this, &ReportsDialog::display);
    connect(&m_loader, &ReportLoader::analysed, this, &ReportsDialog::displayAnalytics);
    connect(&m_loader, &ReportLoader::failed, this, [this](const QString& message) { showMessage(message, true); });
    m_period->setCurrentIndex(ThisMonth);
    choosePeriod(ThisMonth);
    m_period->setFocus();
}

QWidget* ReportsDialog::keyFiguresTab()
{
    auto* content = new QWidget(this);
    auto* cards = new QGridLayout(content);
    const QList<ReportCards::Card> all = ReportCards::all();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const ReportCards::Card& spec = all.at(i);
        auto* card = new KpiCard(spec.title, spec.howComputed, content);
        card->setObjectName(spec.key);
        if (MemberListDialog::kindForCard(spec.key))
            connect(card, &KpiCard::drillDown, this, [this, key = spec.key] { openMembersBehind(key); });
        m_cards.insert(spec.key, card);
        m_howComputed.insert(spec.key, spec.howComputed);
        cards->addWidget(card, int(i / CardsPerRow), int(i % CardsPerRow));
    }
    return scrolling(content, this);
}

// The members behind a card, for the period its figure shows (the date fields may already hold another, not yet
// shown); Enter on one closes the reports and shows that member at the till.
void ReportsDialog::openMembersBehind(const QString& cardKey)
{
    const auto kind = MemberListDialog::kindForCard(cardKey);
    const KpiCard* card = m_cards.value(cardKey);
    if (!kind || !m_figures || !card || !card->isDrillDownEnabled())
        return;
    DrillDownQuery query;
    query.kind = *kind;
    query.from = m_figures->period.from;
    query.to = m_figures->period.to;
    if (const qint64 member = MemberListDialog::openList(m_databasePath, m_clock, query, this); member > 0) {
        emit memberChosen(member);
        accept();
    }
}

QWidget* ReportsDialog::trendsTab()
{
    auto* content = new QWidget(this);
    auto* charts = new QGridLayout(content);
    charts->addWidget(m_trend, 0, 0);
    charts->addWidget(m_points, 0, 1);
    charts->addWidget(m_tiers, 1, 0);
    return scrolling(content, this);
}

QWidget* ReportsDialog::segmentsTab()
{
    auto* content = new QWidget(this);
    const QList<RfmSegment> segments = RfmSegments::allSegments();
    m_movement->setRowCount(kSegmentCount + 1);
    m_movement->setColumnCount(kSegmentCount);
    QStringList rows;
    QStringList columns;
    for (const RfmSegment segment : segments) {
        rows << RfmSegments::displayName(segment);
        columns << RfmSegments::displayName(segment);
    }
    rows << tr("No sale yet");
    m_movement->setVerticalHeaderLabels(rows);
    m_movement->setHorizontalHeaderLabels(columns);
    m_movement->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_movement->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_movement->setMinimumHeight(280);
    m_movement->setToolTip(tr("Members by their segment at the end of last month (rows) and today (columns)."));
    auto* movementLabel = new QLabel(tr("&Movement since the end of last month (from → to):"), content);
    movementLabel->setBuddy(m_movement);
    m_actions->setWordWrap(true);
    auto* layout = new QGridLayout(content);
    layout->addWidget(m_segmentsStatus, 0, 0, 1, 2);
    layout->addWidget(m_segments, 1, 0, 2, 1);
    layout->addWidget(movementLabel, 1, 1);
    layout->addWidget(m_movement, 2, 1);
    layout->addWidget(m_actions, 3, 0, 1, 2);
    layout->setColumnStretch(0, 2); // the grid's seven named columns need the wider part
    layout->setColumnStretch(1, 3);
    return scrolling(content, this);
}

QWidget* ReportsDialog::cohortsTab()
{
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    auto* title = new QLabel(
        tr("Retention of the last %n cohorts: of the members who enrolled in a month, the share who bought in each "
           "month after.",
           nullptr, ReportLoader::CohortMonths),
        content);
    title->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(m_cohortsStatus);
    layout->addWidget(m_cohorts, 1);
    return scrolling(content, this);
}

QString ReportsDialog::status() const
{
    return m_status->text();
}

void ReportsDialog::showMessage(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: %1").arg(Appearance::errorColor(palette()).name())
                                  : QString());
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

ReportFilter ReportsDialog::filter() const
{
    // The first item of each box is "all"; the others are the names the sales record.
    return {m_till->currentIndex() > 0 ? m_till->currentText() : QString(),
            m_staff->currentIndex() > 0 ? m_staff->currentText() : QString()};
}

void ReportsDialog::refresh()
{
    showMessage(tr("Computing the figures from %1 to %2 …")
                    .arg(QLocale().toString(m_from->date(), QLocale::ShortFormat),
                         QLocale().toString(m_to->date(), QLocale::ShortFormat)),
                false);
    m_loader.load(m_from->date(), m_to->date(), filter());
    if (m_loader.isAnalysing()) {
        for (QLabel* label : {m_segmentsStatus, m_cohortsStatus})
            label->setText(tr("Computing the segments and cohorts…"));
    }
}

void ReportsDialog::offerFilters(const ReportData& figures)
{
    for (const auto& [box, names] : {std::pair {m_till, figures.tills}, std::pair {m_staff, figures.staff}}) {
        const QSignalBlocker block(box);
        const QString chosen = box->currentIndex() > 0 ? box->currentText() : QString();
        while (box->count() > 1)
            box->removeItem(1);
        box->addItems(names);
        box->setCurrentIndex(chosen.isEmpty() ? 0 : std::max(0, int(names.indexOf(chosen)) + 1));
    }
}

void ReportsDialog::display(const ReportData& figures)
{
    m_figures = figures;
    offerFilters(figures);
    const bool filtered = !figures.period.filter.isEmpty();
    for (const ReportCards::Card& spec : ReportCards::all()) {
        KpiCard* card = m_cards.value(spec.key);
        card->setValue(ReportCards::value(spec.key, figures), ReportCards::comparison(spec.key, figures));
        // Under a filter, the figures that cannot follow it stay the whole store's and say so.
        const bool whole = filtered && !spec.followsFilter;
        card->setEnabled(!whole);
        // The lists are the whole store's: a sales card under the filter counts fewer sales than its list's
        // buyers made, so it opens none until the filter is cleared.
        card->setDrillDownEnabled(MemberListDialog::kindForCard(spec.key) && !(filtered && spec.followsFilter));
        card->setToolTip(whole ? m_howComputed.value(spec.key) + u' ' + ReportCards::notSplit()
                               : m_howComputed.value(spec.key));
    }
    replaceChart(m_trend, ReportCharts::salesTrend(figures, palette()));
    replaceChart(m_points, ReportCharts::pointsFlow(figures, palette()));
    replaceChart(m_tiers, ReportCharts::tiers(figures, palette()));
    QString shown = tr("From %1 to %2, read in %n ms.", nullptr, int(figures.milliseconds))
                        .arg(QLocale().toString(figures.period.from, QLocale::ShortFormat),
                             QLocale().toString(figures.period.to, QLocale::ShortFormat));
    if (filtered)
        shown += u' '
            + tr("Sales of %1; members and points are the whole store's.")
                  .arg(ReportCards::filterText(figures.period.filter.till, figures.period.filter.staff));
    showMessage(shown, false);
    emit figuresShown();
}

void ReportsDialog::displayAnalytics(const ReportAnalytics& analytics)
{
    m_analytics = analytics;
    replaceChart(m_segments, ReportCharts::segments(analytics, palette()));
    for (int from = 0; from <= kNoSegment; ++from) {
        for (int to = 0; to < kSegmentCount; ++to) {
            auto* item =
                new QTableWidgetItem(QLocale().toString(analytics.movement[std::size_t(from)][std::size_t(to)]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_movement->setItem(from, to, item);
        }
    }
    m_actions->setText(tr("Ready-made lists: %1 — %2 members (three or more purchases in six months, none in six "
                          "weeks) · %3 — %4 members (a balance of 90 % or more of the next reward).")
                           .arg(RfmSegments::displayName(MemberAction::Lapsed), QLocale().toString(analytics.lapsed),
                                RfmSegments::displayName(MemberAction::NearlyThere),
                                QLocale().toString(analytics.nearlyThere)));
    m_cohorts->setGrid(analytics.cohorts);
    const QString when =
        tr("Today, %1, against the end of %2; computed in %n ms.", nullptr, int(analytics.milliseconds))
            .arg(QLocale().toString(analytics.today, QLocale::ShortFormat),
                 QLocale().toString(analytics.lastMonthEnd, QStringLiteral("MMMM yyyy")));
    m_segmentsStatus->setText(when);
    m_cohortsStatus->setText(tr("Cohorts enrolled from %1 to %2.")
                                 .arg(QLocale().toString(analytics.cohorts.fromMonth, QStringLiteral("MMMM yyyy")),
                                      QLocale().toString(analytics.cohorts.toMonth, QStringLiteral("MMMM yyyy"))));
    emit analysisShown();
}

void ReportsDialog::choosePdf()
{
    const QString path = m_choosePdfPath(this);
    if (!path.isEmpty())
        (void)savePdf(path); // the status line tells how it went
}

Result<void> ReportsDialog::savePdf(const QString& path)
{
    if (!m_figures) {
        showMessage(tr("The figures are still being computed; save the PDF when they are shown."), true);
        return Error::invalid(status());
    }
    const ReportPdf pdf(*m_figures, m_analytics, m_clock.nowUtc());
    if (auto written = pdf.write(path); !written) {
        showMessage(written.error().message, true);
        return written;
    }
    showMessage(m_analytics
                    ? tr("Saved as %1.").arg(path)
                    : tr("Saved as %1, without the segments and cohorts, which were still being computed.").arg(path),
                false);
    return {};
}

} // namespace lt::ui
