#include "ui/reports/ReportPdf.h"

#include "core/analytics/RfmSegments.h"
#include "ui/reports/CohortHeatmap.h"
#include "ui/reports/ReportCards.h"
#include "ui/reports/ReportCharts.h"

#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace lt::ui {

namespace {

// Painter units: the PDF's resolution is that of a screen, so that fonts and the charts' layout come out as on the
// screen; the output is vectors whatever the resolution.
constexpr int ReportDotsPerInch = 96;
constexpr int CardColumns = 3;

QFont sized(const QFont& base, double points, bool bold = false, bool italic = false)
{
    QFont font = base;
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setItalic(italic);
    return font;
}

// A light palette whatever the till shows: paper is white.
QPalette paper()
{
    QPalette palette;
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::Mid, QColor(160, 160, 160));
    palette.setColor(QPalette::Highlight, QColor(0, 90, 180));
    return palette;
}

} // namespace

ReportPdf::ReportPdf(ReportData data, std::optional<ReportAnalytics> analytics, QDateTime madeAt)
    : m_data(std::move(data))
    , m_analytics(std::move(analytics))
    , m_madeAt(std::move(madeAt))
{
}

Result<void> ReportPdf::write(const QString& path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::invalid(tr("Cannot write %1: %2").arg(path, file.errorString()), QStringLiteral("output"));
    // The store's figures: the owner's alone like every file the product writes, from the temporary file on, whatever
    // the umask of the process that draws it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    {
        QPdfWriter pdf(&file);
        pdf.setResolution(ReportDotsPerInch);
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                      QPageLayout::Millimeter));
        pdf.setTitle(tr("Reports of %1").arg(m_data.storeName));
        pdf.setCreator(QCoreApplication::applicationName());
        QPainter painter;
        if (!painter.begin(&pdf))
            return Error::storage(tr("Cannot draw the PDF %1.").arg(path));
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF page(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
        const QPalette palette = paper();
        const QFont base = sized(painter.font(), 9);
        painter.setFont(base);
        int number = 1;
        const auto nextPage = [&]() {
            pdf.newPage();
            drawHeader(painter, page, ++number);
            painter.setFont(base);
        };

        drawHeader(painter, page, number);
        painter.setFont(base);
        const double headerHeight = page.height() * 0.1;
        const QRectF body = page.adjusted(0, headerHeight, 0, 0);
        drawCards(painter, body);

        nextPage();
        const double half = (body.height() - 20) / 2;
        drawChart(painter, ReportCharts::salesTrend(m_data, palette),
                  QRectF(body.topLeft(), QSizeF(body.width(), half)));
        drawChart(painter, ReportCharts::pointsFlow(m_data, palette),
                  QRectF(body.left(), body.top() + half + 20, body.width(), half));

        nextPage();
        drawChart(painter, ReportCharts::tiers(m_data, palette), QRectF(body.topLeft(), QSizeF(body.width(), half)));
        if (m_analytics) {
            drawChart(painter, ReportCharts::segments(*m_analytics, palette),
                      QRectF(body.left(), body.top() + half + 20, body.width(), half));
            nextPage();
            drawMovement(painter, QRectF(body.topLeft(), QSizeF(body.width(), half)));
            painter.setFont(sized(base, 11, true));
            const QRectF cohortsTitle(body.left(), body.top() + half + 10, body.width(), 24);
            painter.drawText(cohortsTitle, Qt::AlignLeft | Qt::AlignVCenter,
                             tr("Cohort retention: members who bought k months after enrolling"));
            painter.setFont(sized(base, 7));
            CohortHeatmap::paint(painter, QRectF(body.left(), cohortsTitle.bottom() + 4, body.width(), half - 40),
                                 m_analytics->cohorts, palette);
        }
        if (!painter.end())
            return Error::storage(tr("Cannot draw the PDF %1.").arg(path));
    }
    if (!file.commit())
        return Error::invalid(tr("Cannot write %1: %2").arg(path, file.errorString()), QStringLiteral("output"));
    return {};
}

void ReportPdf::drawHeader(QPainter& painter, const QRectF& page, int pageNumber) const
{
    const QFont base = painter.font();
    painter.setPen(Qt::black);
    painter.setFont(sized(base, 16, true));
    const QString store = m_data.storeName.isEmpty() ? tr("the store") : m_data.storeName;
    painter.drawText(QRectF(page.left(), page.top(), page.width(), 30), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Reports of %1").arg(store));
    painter.setFont(sized(base, 9));
    const KpiSummary& period = m_data.period;
    const QString lines = tr("From %1 to %2 · %3\nMade %4 · page %5")
                              .arg(QLocale().toString(period.from, QLocale::LongFormat),
                                   QLocale().toString(period.to, QLocale::LongFormat),
                                   ReportCards::filterText(period.filter.till, period.filter.staff),
                                   QLocale().toString(m_madeAt.toLocalTime(), QLocale::LongFormat))
                              .arg(pageNumber);
    painter.drawText(QRectF(page.left(), page.top() + 32, page.width(), 36), Qt::AlignLeft | Qt::AlignTop, lines);
    painter.setPen(QPen(Qt::gray, 0));
    painter.drawLine(QPointF(page.left(), page.top() + 72), QPointF(page.right(), page.top() + 72));
    painter.setFont(base);
}

double ReportPdf::drawCards(QPainter& painter, const QRectF& area) const
{
    const QList<ReportCards::Card> cards = ReportCards::all();
    const int rows = int((cards.size() + CardColumns - 1) / CardColumns);
    const double gap = 8;
    const double width = (area.width() - gap * (CardColumns - 1)) / CardColumns;
    const double height = std::min(150.0, (area.height() - gap * (rows - 1)) / rows);
    const QFont base = painter.font();
    const bool filtered = !m_data.period.filter.isEmpty();
    for (qsizetype i = 0; i < cards.size(); ++i) {
        const ReportCards::Card& card = cards.at(i);
        const qsizetype row = i / CardColumns;
        const qsizetype column = i % CardColumns;
        const QRectF box(area.left() + double(column) * (width + gap), area.top() + double(row) * (height + gap), width,
                         height);
        painter.setPen(QPen(QColor(160, 160, 160), 0));
        painter.drawRect(box);
        const QRectF inner = box.adjusted(6, 4, -6, -4);
        painter.setPen(Qt::black);
        painter.setFont(sized(base, 9, true));
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), 16), Qt::AlignLeft | Qt::AlignVCenter,
                         card.title);
        painter.setFont(sized(base, 14));
        painter.drawText(QRectF(inner.left(), inner.top() + 18, inner.width(), 26), Qt::AlignLeft | Qt::AlignVCenter,
                         ReportCards::value(card.key, m_data));
        painter.setFont(sized(base, 7));
        painter.drawText(QRectF(inner.left(), inner.top() + 46, inner.width(), 28),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, ReportCards::comparison(card.key, m_data));
        painter.setFont(sized(base, 7, false, true));
        QString how = card.howComputed;
        if (filtered && !card.followsFilter)
            how += QLatin1Char(' ') + ReportCards::notSplit();
        painter.drawText(QRectF(inner.left(), inner.top() + 74, inner.width(), inner.height() - 74),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, how);
    }
    painter.setFont(base);
    return area.top() + rows * (height + gap);
}

void ReportPdf::drawMovement(QPainter& painter, const QRectF& area) const
{
    const ReportAnalytics& a = *m_analytics;
    const QFont base = painter.font();
    painter.setPen(Qt::black);
    painter.setFont(sized(base, 11, true));
    painter.drawText(QRectF(area.left(), area.top(), area.width(), 24), Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Segments at the end of %1 (rows) and today (columns)")
                         .arg(QLocale().toString(a.lastMonthEnd, QStringLiteral("MMMM yyyy"))));
    painter.setFont(sized(base, 7));
    const QList<RfmSegment> segments = RfmSegments::allSegments();
    const int columns = int(segments.size()) + 1;
    const double cellWidth = area.width() / columns;
    const double headerHeight = 30;
    const double cellHeight = 18;
    const double top = area.top() + 28;
    const auto cell = [&](int row, int column) {
        return QRectF(area.left() + column * cellWidth, top + (row == 0 ? 0 : headerHeight + (row - 1) * cellHeight),
                      cellWidth, row == 0 ? headerHeight : cellHeight);
    };
    const auto put = [&](int row, int column, const QString& text, int align) {
        const QRectF box = cell(row, column);
        painter.setPen(QPen(QColor(160, 160, 160), 0));
        painter.drawRect(box);
        painter.setPen(Qt::black);
        painter.drawText(box.adjusted(3, 1, -3, -1), align | Qt::TextWordWrap, text);
    };
    put(0, 0, tr("From \\ to"), Qt::AlignLeft | Qt::AlignVCenter);
    for (int c = 0; c < int(segments.size()); ++c)
        put(0, c + 1, RfmSegments::displayName(segments.at(c)), Qt::AlignCenter);
    for (int from = 0; from <= kNoSegment; ++from) {
        const QString name = from < kNoSegment ? RfmSegments::displayName(RfmSegment(from)) : tr("No sale yet");
        put(from + 1, 0, name, Qt::AlignLeft | Qt::AlignVCenter);
        for (int to = 0; to < kSegmentCount; ++to)
            put(from + 1, to + 1, QLocale().toString(a.movement[std::size_t(from)][std::size_t(to)]),
                Qt::AlignRight | Qt::AlignVCenter);
    }
    const double below = top + headerHeight + (kNoSegment + 1) * cellHeight + 8;
    painter.setFont(sized(base, 9));
    painter.drawText(QRectF(area.left(), below, area.width(), 40), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                     tr("%1: %2 members · %3: %4 members")
                         .arg(RfmSegments::displayName(MemberAction::Lapsed), QLocale().toString(a.lapsed),
                              RfmSegments::displayName(MemberAction::NearlyThere), QLocale().toString(a.nearlyThere)));
    painter.setFont(base);
}

void ReportPdf::drawChart(QPainter& painter, QChart* chart, const QRectF& area)
{
    QGraphicsScene scene; // owns the chart from here
    scene.addItem(chart);
    chart->setBackgroundRoundness(0);
    chart->resize(area.size());
    // Lay the chart out now: offscreen nothing runs the event loop between here and the drawing.
    chart->layout()->activate();
    QCoreApplication::sendPostedEvents();
    scene.setSceneRect(QRectF(QPointF(0, 0), area.size()));
    scene.render(&painter, area, scene.sceneRect());
}

} // namespace lt::ui
