#include "ui/reports/KpiCard.h"

#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace lt::ui {

KpiCard::KpiCard(const QString& title, const QString& howComputed, QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(this))
    , m_comparison(new QLabel(this))
    , m_opens(new QLabel(tr("Enter: the members behind this figure ›"), this))
{
    setFrameShape(QFrame::StyledPanel);
    setToolTip(howComputed);
    setAccessibleName(title);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    QFont large = m_value->font();
    large.setPointSizeF(large.pointSizeF() * 1.6);
    m_value->setFont(large);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* how = new QLabel(howComputed, this);
    how->setWordWrap(true);
    QFont quiet = how->font(); // quieter by its face, not a paler colour, so it reads in both palettes
    quiet.setItalic(true);
    how->setFont(quiet);
    m_comparison->setWordWrap(true);
    QFont link = m_opens->font();
    link.setUnderline(true);
    m_opens->setFont(link);
    m_opens->setWordWrap(true);
    m_opens->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_comparison);
    layout->addWidget(how);
    layout->addStretch();
    layout->addWidget(m_opens);
}

void KpiCard::setValue(const QString& value, const QString& comparison)
{
    m_value->setText(value);
    m_comparison->setText(comparison);
}

QString KpiCard::value() const
{
    return m_value->text();
}

QString KpiCard::comparison() const
{
    return m_comparison->text();
}

QString KpiCard::title() const
{
    return m_title->text();
}

void KpiCard::setDrillDownEnabled(bool enabled)
{
    m_drillDown = enabled;
    setFocusPolicy(enabled ? Qt::StrongFocus : Qt::NoFocus);
    if (enabled)
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
    m_opens->setVisible(enabled);
    setAccessibleDescription(enabled ? tr("Press Enter to open the list of the members behind this figure.")
                                     : QString());
}

void KpiCard::keyPressEvent(QKeyEvent* event)
{
    const int key = event->key();
    if (m_drillDown && (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Space)) {
        event->accept();
        emit drillDown();
        return;
    }
    QFrame::keyPressEvent(event);
}

void KpiCard::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_drillDown) {
        event->accept();
        emit drillDown();
        return;
    }
    QFrame::mouseDoubleClickEvent(event);
}

void KpiCard::paintEvent(QPaintEvent* event)
{
    QFrame::paintEvent(event);
    if (!m_drillDown || !hasFocus())
        return;
    // The focused card is drawn round in the palette's highlight, which both themes keep readable.
    QPainter painter(this);
    QPen pen(palette().color(QPalette::Highlight));
    pen.setWidth(3);
    painter.setPen(pen);
    painter.drawRect(rect().adjusted(1, 1, -2, -2));
}

void KpiCard::focusInEvent(QFocusEvent* event)
{
    QFrame::focusInEvent(event);
    update();
}

void KpiCard::focusOutEvent(QFocusEvent* event)
{
    QFrame::focusOutEvent(event);
    update();
}

} // namespace lt::ui
