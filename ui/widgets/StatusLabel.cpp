#include "ui/widgets/StatusLabel.h"

#include "ui/Appearance.h"

#include <QEvent>

namespace lt::ui {

StatusLabel::StatusLabel(Tone tone, Weight weight, QWidget* parent)
    : QLabel(parent)
    , m_tone(tone)
{
    if (weight == Weight::Bold) {
        QFont bold = font();
        bold.setBold(true);
        setFont(bold);
    }
    followPalette();
}

void StatusLabel::setTone(Tone tone)
{
    m_tone = tone;
    followPalette();
}

void StatusLabel::changeEvent(QEvent* event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void StatusLabel::followPalette()
{
    // Only the text colour is this label's own: the window behind it still comes from the parent, so the colour is
    // decided against the window it is drawn on. Setting an unchanged colour would send another PaletteChange.
    const QColor wanted = m_tone == Tone::Error ? Appearance::errorColor(palette())
        : m_tone == Tone::Warning               ? Appearance::warningColor(palette())
                                                : Appearance::goodNewsColor(palette());
    if (palette().color(QPalette::WindowText) == wanted)
        return;
    QPalette own = palette();
    own.setColor(QPalette::WindowText, wanted);
    setPalette(own);
}

} // namespace lt::ui
