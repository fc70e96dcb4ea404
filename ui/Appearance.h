#pragma once

#include <QString>

class QApplication;

namespace lt::ui {

// Light and dark palettes on the Fusion style, so the till looks the same on every desktop.
class Appearance
{
public:
    static void apply(QApplication& app, const QString& palette);
};

} // namespace lt::ui
