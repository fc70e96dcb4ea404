#include "ui/widgets/BarcodeView.h"

#include <QPainter>

#include <cmath>

namespace lt::ui {

BarcodeView::BarcodeView(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void BarcodeView::setSymbol(const BarcodeSymbol& symbol)
{
    m_symbol = symbol;
    updateGeometry();
    update();
}

QSize BarcodeView::sizeHint() const
{
    if (!m_symbol)
        return {0, 0};
    // About 6 mm of screen per 25 modules reads from a phone held at arm's length; at least 4 pixels a module.
    const qreal modules = std::max(m_symbol->size().width(), m_symbol->size().height());
    const int pixels = std::max(4, int(std::ceil(360.0 / modules)));
    return (m_symbol->size() * pixels).toSize();
}

void BarcodeView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (!m_symbol)
        return;
    const qreal perModule =
        std::floor(std::min(width() / m_symbol->size().width(), height() / m_symbol->size().height()));
    const QRectF target = m_symbol->rectAt(QPointF(), std::max<qreal>(1, perModule));
    QRectF centred = target;
    centred.moveCenter(QRectF(rect()).center());
    // Whole pixels: each module starts on a pixel edge.
    centred.moveTopLeft(QPointF(std::round(centred.left()), std::round(centred.top())));
    m_symbol->paint(painter, centred);
}

} // namespace lt::ui
