#include "ui/Appearance.h"

#include "ui/UiLogging.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>

namespace lt::ui {

namespace {
// WCAG 2 relative luminance of an sRGB colour.
double luminance(const QColor& colour)
{
    const auto linear = [](float channel) {
        const double c = channel;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    const QColor rgb = colour.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}
} // namespace

void Appearance::apply(QApplication& app, const QString& palette)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QFont font = app.font();
    font.setPointSizeF(std::max(font.pointSizeF(), 12.0)); // readable at arm's length
    app.setFont(font);
    qCDebug(lcPreferences) << "palette" << palette;
    if (palette != QLatin1String("dark")) {
        app.setPalette(app.style()->standardPalette());
        return;
    }
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(37, 37, 38));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::Button, QColor(51, 51, 55));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::Highlight, QColor(38, 110, 200));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::ToolTipBase, QColor(51, 51, 55));
    dark.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
    dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(120, 120, 120));
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    app.setPalette(dark);
}

bool Appearance::isDark(const QPalette& palette)
{
    // Below this luminance white reads better on the window than black does. Only the window decides: a label that
    // sets its own text colour must not change the answer.
    constexpr double evenContrast = 0.179;
    return luminance(palette.color(QPalette::Window)) < evenContrast;
}

QColor Appearance::errorColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xf2, 0x8b, 0x82) : QColor(0xa5, 0x0e, 0x0e);
}

QColor Appearance::warningColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0xfd, 0xd6, 0x63) : QColor(0x8c, 0x4a, 0x00);
}

QColor Appearance::goodNewsColor(const QPalette& palette)
{
    return isDark(palette) ? QColor(0x81, 0xc9, 0x95) : QColor(0x0d, 0x65, 0x2d);
}

double Appearance::contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace lt::ui
