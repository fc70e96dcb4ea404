#include "ui/KioskMode.h"

#include "ui/dialogs/ManagerApprovalDialog.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace lt::ui {

KioskMode::KioskMode(QWidget& window, Database& db, const Clock& clock)
    : m_window(window)
    , m_staff(db, clock)
{
    m_window.installEventFilter(this);
    m_window.showFullScreen();
}

bool KioskMode::eventFilter(QObject* watched, QEvent* event)
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

void KioskMode::askManager()
{
    ManagerApprovalDialog approval(m_staff, QStringLiteral("till.quit"), QStringLiteral("till"),
                                   tr("Closing the till is for managers."), &m_window);
    m_approved = approval.exec() == QDialog::Accepted;
    m_asking = false;
    if (m_approved) {
        m_window.close(); // accepted now
        QCoreApplication::quit();
    }
}

} // namespace lt::ui
