#include "ui/widgets/MessageBanner.h"

#include "ui/Appearance.h"

#include <QEvent>
#include <QPainter>

namespace lt::ui {

MessageBanner::MessageBanner(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText); // messages quote what was typed or scanned, which is not markup
    setMargin(10);
    setAccessibleName(tr("Message"));
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setVisible(false);
    followPalette();
}

MessageBanner::Colours MessageBanner::colours(Kind kind, const QPalette& palette)
{
    const bool dark = Appearance::isDark(palette);
    switch (kind) {
    case Kind::Information:
        return dark ? Colours {QColor(0xae, 0xcb, 0xfa), QColor(0x1c, 0x2b, 0x41)}
                    : Colours {QColor(0x0b, 0x3d, 0x91), QColor(0xe8, 0xf0, 0xfe)};
    case Kind::Success:
        return dark ? Colours {QColor(0x81, 0xc9, 0x95), QColor(0x1e, 0x33, 0x25)}
                    : Colours {QColor(0x0d, 0x65, 0x2d), QColor(0xe6, 0xf4, 0xea)};
    case Kind::Error:
        break;
    }
    return {Appearance::errorColor(palette), dark ? QColor(0x3c, 0x1f, 0x1e) : QColor(0xfc, 0xe8, 0xe6)};
}

void MessageBanner::show(Kind kind, const QString& text)
{
    m_kind = kind;
    QFont weight = font();
    weight.setBold(kind == Kind::Error);
    setFont(weight);
    followPalette();
    setText(text);
    setVisible(true);
}

void MessageBanner::clear()
{
    setText(QString());
    setVisible(false);
}

void MessageBanner::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void MessageBanner::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_background);
    painter.drawRoundedRect(rect(), 6, 6);
    painter.end();
    QLabel::paintEvent(event);
}

void MessageBanner::followPalette()
{
    // The window behind the banner is inherited from the parent; only the text colour is the banner's own, and an
    // unchanged colour is not set again (that would send another PaletteChange).
    const Colours wanted = colours(m_kind, palette());
    if (m_background != wanted.background) {
        m_background = wanted.background;
        update();
    }
    if (palette().color(QPalette::WindowText) == wanted.text)
        return;
    QPalette own = palette();
    own.setColor(QPalette::WindowText, wanted.text);
    setPalette(own);
}

} // namespace lt::ui
