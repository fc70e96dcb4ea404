#pragma once

#include <QString>

namespace lt::ui {
class TillWindow;
}

namespace lt::bench {

// The real till window as the till benchmarks drive it: offscreen at its usual size, a cashier signed in, and
// "painted" as an upper bound of what the screen shows after a key.
namespace OffscreenTill {

// Before QApplication: the offscreen platform unless QT_QPA_PLATFORM says otherwise. After it: the platform's
// warning each time the window's minimum size changes is dropped, so that the till's own output stays readable.
void useOffscreenPlatform();
void dropPlatformNoise();
// Shows and activates the window and signs the cashier in with staff number and PIN; false (said on stderr) when
// the window could not be activated or the sign-in was refused.
bool openAndSignIn(ui::TillWindow& window, qint64 staffId, const QString& pin);
// Until the window has drawn what the last key changed: the posted layout and update events, then a full repaint
// (more than the event loop would draw, so a figure taken after it is an upper bound).
void paint(ui::TillWindow& window);

} // namespace OffscreenTill

} // namespace lt::bench
