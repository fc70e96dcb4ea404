#pragma once

#include <QColor>
#include <QString>

class QApplication;
class QPalette;

namespace lt::ui {

// Light and dark palettes on the Fusion style, so the till looks the same on every desktop, and the colours that
// carry meaning on them. Every meaningful colour is decided here from the palette in use, never written in a
// widget: a colour fixed for the light palette is unreadable on the dark one.
class Appearance
{
public:
    static void apply(QApplication& app, const QString& palette);

    // A dark window (light text).
    static bool isDark(const QPalette& palette);
    // Errors: dark red on the light palette, light red on the dark one; either reads at 4.5:1 or more on the
    // palette's Window and Base colours (WCAG AA for normal text).
    static QColor errorColor(const QPalette& palette);
    // What needs a look without being an error (a balance Square has not confirmed), as readable as errors.
    static QColor warningColor(const QPalette& palette);
    // What the member gains (an open offer, an upgrade): green, as readable as errors.
    static QColor goodNewsColor(const QPalette& palette);
    // WCAG 2 contrast ratio of two colours: 1 for the same colour, 21 for black on white.
    static double contrastRatio(const QColor& a, const QColor& b);
};

} // namespace lt::ui
