#pragma once

#include <QLabel>

namespace lt::ui {

// A line that tells the cashier something went wrong (Tone::Error), needs a look (Tone::Warning) or is good news for
// the member (Tone::GoodNews), in the colour Appearance chooses for the palette in use, and chosen again when the
// palette changes while the till runs.
class StatusLabel : public QLabel
{
    Q_OBJECT
public:
    enum class Tone { Error, Warning, GoodNews };
    enum class Weight { Normal, Bold };

    explicit StatusLabel(Tone tone, Weight weight, QWidget* parent = nullptr);
    explicit StatusLabel(QWidget* parent = nullptr)
        : StatusLabel(Tone::Error, Weight::Bold, parent)
    {
    }

    Tone tone() const { return m_tone; }
    // A line whose news changes (the printer's outcome) changes its tone with it.
    void setTone(Tone tone);

protected:
    void changeEvent(QEvent* event) override;

private:
    void followPalette();

    Tone m_tone;
};

} // namespace lt::ui
