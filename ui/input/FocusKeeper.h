#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace lt::ui {

// Without a window manager (a kiosk till in a bare X session) nobody gives a window the keyboard: Qt never sees the
// till's window activated, so its shortcuts (the function keys, Esc) do nothing until someone clicks it. This does
// what a window manager would: a window that appears takes the input focus, and when one closes the focus goes
// back to the modal dialog still open, else to the till's window. Installed on X11 only; elsewhere the system does it.
class FocusKeeper : public QObject
{
    Q_OBJECT

public:
    explicit FocusKeeper(QWidget& main, QObject* parent = nullptr);
    // Installs a keeper for `main` on the application when the platform is X11; nullptr elsewhere.
    static FocusKeeper* installWhereNeeded(QWidget& main);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void activateTopmost();

    QPointer<QWidget> m_main;
};

} // namespace lt::ui
