#include "ui/TillPrinting.h"

#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/dialogs/PrintingSettingsDialog.h"
#include "ui/widgets/StatusLabel.h"

namespace lt::ui {

TillPrinting::TillPrinting(Database& db, LoyaltyEngine& engine, const Clock& clock, StaffDirectory& staff,
                           QWidget& window)
    : QObject(&window)
    , m_db(db)
    , m_engine(engine)
    , m_clock(clock)
    , m_staff(staff)
    , m_window(window)
    , m_status(new StatusLabel(StatusLabel::Tone::Error, StatusLabel::Weight::Normal, &window))
{
    m_status->setObjectName(QStringLiteral("printStatus"));
}

TillPrinting::~TillPrinting() = default;

QWidget* TillPrinting::statusLine() const
{
    return m_status;
}

void TillPrinting::openSettings()
{
    ManagerApprovalDialog approval(m_staff, QStringLiteral("settings.printing"), QStringLiteral("settings"),
                                   tr("Printing and wallet settings are for managers."), &m_window);
    if (approval.exec() != QDialog::Accepted)
        return;
    PrintingSettingsDialog dialog(m_db, m_clock, Actor::staff(approval.manager().id), &m_window);
    dialog.exec();
}

} // namespace lt::ui
