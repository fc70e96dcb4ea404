#pragma once

#include <QList>

class QGridLayout;
class QPushButton;
class QWidget;

namespace lt::ui {

class TillWindow;

// What the cashier can ask of the till, and how: the action buttons with their function keys, and the menu bar with
// the keys that work while it is closed. Each runs one of TillWindow's public operations; none runs while the till
// is locked.
class TillCommands
{
public:
    // The action buttons in a grid on `page`; the ones that need a member at the till are added to `needsMember`.
    static QGridLayout* actionKeys(TillWindow& window, QWidget* page, QList<QPushButton*>& needsMember);
    static void buildMenus(TillWindow& window);
    // Till ▸ Add demo members: 200 generated members with their sales, for training on a new store.
    static void addDemoMembers(TillWindow& till);
    // Till ▸ Marketing consent (Ctrl+M): the member at the till withdraws or gives it (ConsentDialog), recorded with
    // its time and the cashier.
    static void changeConsent(TillWindow& till);
};

} // namespace lt::ui
