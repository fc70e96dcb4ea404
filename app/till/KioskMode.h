#pragma once

#include "core/store/StaffDirectory.h"
#include "ui/dialogs/ManagerApprovalDialog.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace lt::till {

// A kiosk till (loyaltytill --kiosk, as loyaltytill-kiosk.service runs it under Cage): the window fills the screen
// and no key closes it without a manager. A request to close it (the Till menu's Quit, or the compositor asking) is
// refused and a manager's staff number and PIN asked for instead, approved and audited as till.quit like the till's
// other approvals; once approved the till quits, and the service's Restart=always starts it again, so for a manager
// a quit is a restart (to apply a new language, say). Leaving kiosk mode for good is IT's: systemctl disable --now
// loyaltytill-kiosk.service. Header-only: the till's main() is its one user.
class KioskMode : public QObject
{
public:
    KioskMode(QWidget& window, Database& db, const Clock& clock)
        : m_window(window)
        , m_staff(db, clock)
    {
        m_window.installEventFilter(this);
        m_window.showFullScreen();
    }

    bool quitApproved() const { return m_approved; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched != &m_window || event->type() != QEvent::Close || m_approved)
            return QObject::eventFilter(watched, event);
        // Refused now, asked once the close has unwound: an application's Quit waits for this answer.
        event->ignore();
        if (!m_asking) {
            m_asking = true;
            QTimer::singleShot(0, this, [this] { askManager(); });
        }
        return true;
    }

private:
    void askManager()
    {
        ui::ManagerApprovalDialog approval(
            m_staff, QStringLiteral("till.quit"), QStringLiteral("till"),
            QCoreApplication::translate("KioskMode", "Closing the till is for managers."), &m_window);
        m_approved = approval.exec() == QDialog::Accepted;
        m_asking = false;
        if (m_approved) {
            m_window.close(); // accepted now
            QCoreApplication::quit();
        }
    }

    QWidget& m_window;
    StaffDirectory m_staff;
    bool m_asking = false;
    bool m_approved = false;
};

} // namespace lt::till
