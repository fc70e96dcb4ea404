#include "ui/input/FocusKeeper.h"

#include <QApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QTimer>
#include <QWidget>

namespace lt::ui {

namespace {
// Windows that take the keyboard: the till's window and its dialogs, not menus, tooltips or combo box lists.
bool takesTheKeyboard(const QWidget* widget)
{
    const Qt::WindowType type = widget->windowType();
    return widget->isWindow() && (type == Qt::Window || type == Qt::Dialog);
}
} // namespace

FocusKeeper::FocusKeeper(QWidget& main, QObject* parent)
    : QObject(parent)
    , m_main(&main)
{
}

FocusKeeper* FocusKeeper::installWhereNeeded(QWidget& main)
{
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        return nullptr;
    auto* keeper = new FocusKeeper(main, &main);
    qApp->installEventFilter(keeper);
    if (main.isVisible())
        main.activateWindow();
    return keeper;
}

bool FocusKeeper::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::Show && event->type() != QEvent::Hide)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || !takesTheKeyboard(widget))
        return false;
    if (event->type() == QEvent::Show) {
        // After the event loop has mapped it: X refuses the focus for a window that is not viewable yet.
        QTimer::singleShot(0, widget, [widget] {
            if (widget->isVisible())
                widget->activateWindow();
        });
    } else if (widget != m_main) {
        QTimer::singleShot(0, this, &FocusKeeper::activateTopmost);
    }
    return false;
}

void FocusKeeper::activateTopmost()
{
    QWidget* next = QApplication::activeModalWidget();
    if (!next || !next->isVisible())
        next = m_main;
    if (next && next->isVisible())
        next->activateWindow();
}

} // namespace lt::ui
