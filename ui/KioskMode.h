#pragma once

#include "core/store/StaffDirectory.h"

#include <QObject>

class QWidget;

namespace lt::ui {

// A kiosk till (loyaltytill --kiosk, as loyaltytill-kiosk.service runs it under Cage): the window fills the screen
// and no key closes it without a manager. A request to close it (the Till menu's Quit, or the compositor asking) is
// refused and a manager's staff number and PIN asked for instead, approved and audited as till.quit like the till's
// other approvals; once approved the till quits, and the service's Restart=always starts it again, so for a manager
// a quit is a restart (to apply a new language, say). Leaving kiosk mode for good is IT's: systemctl disable --now
// loyaltytill-kiosk.service.
class KioskMode : public QObject
{
    Q_OBJECT
public:
    KioskMode(QWidget& window, Database& db, const Clock& clock);

    bool quitApproved() const { return m_approved; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void askManager();

    QWidget& m_window;
    StaffDirectory m_staff;
    bool m_asking = false;
    bool m_approved = false;
};

} // namespace lt::ui
