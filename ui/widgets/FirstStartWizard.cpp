#include "ui/widgets/FirstStartWizard.h"

#include "core/common/Clock.h"
#include "core/services/TillCheckup.h"
#include "core/store/Database.h"
#include "core/store/StoreBackups.h"
#include "sync/SquareCheckup.h"
#include "sync/SquareConnection.h"
#include "ui/widgets/FirstManagerForm.h"
#include "ui/widgets/ReadinessView.h"
#include "ui/widgets/SquareConnectForm.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lt::ui {

FirstStartWizard::FirstStartWizard(Database& db, StaffDirectory& staff, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_steps(new QStackedWidget(this))
    , m_manager(new FirstManagerForm(staff, this))
    , m_ready(new QWidget(this))
    , m_readiness(new ReadinessView(this))
    , m_start(new QPushButton(tr("&Start selling"), this))
    , m_summary(new QLabel(this))
{
    m_start->setObjectName(QStringLiteral("startSelling"));
    m_start->setDefault(true);
    m_summary->setWordWrap(true);
    auto* scroll = new QScrollArea(m_ready);
    scroll->setWidget(m_readiness);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* ready = new QVBoxLayout(m_ready);
    ready->addWidget(m_summary);
    ready->addWidget(scroll, 1);
    ready->addWidget(m_start, 0, Qt::AlignLeft);
    m_steps->addWidget(m_manager);
    m_steps->addWidget(m_ready);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_steps);
    connect(m_manager, &FirstManagerForm::created, this, &FirstStartWizard::managerCreated);
    connect(m_start, &QPushButton::clicked, this, [this] { emit finished(m_managerId); });
}

void FirstStartWizard::setSquareAccess(QNetworkAccessManager* network, CredentialStore* credentials)
{
    // A kiosk till's token is sealed by IT as root (loyaltytill-admin setup): the till cannot write it.
    if (m_square || !network || !credentials || SquareCheckup::usesSystemdCredential())
        return;
    m_square = new SquareConnectForm(m_db, *network, *credentials, this);
    m_steps->insertWidget(m_steps->indexOf(m_ready), m_square);
    connect(m_square, &SquareConnectForm::connected, this, &FirstStartWizard::showReadiness);
    connect(m_square, &SquareConnectForm::skipped, this, &FirstStartWizard::showReadiness);
}

void FirstStartWizard::focusFirst()
{
    if (m_steps->currentWidget() == m_manager)
        m_manager->focusFirst();
    else if (m_steps->currentWidget() == m_square)
        m_square->focusFirst();
    else
        m_start->setFocus();
}

void FirstStartWizard::managerCreated(qint64 id)
{
    m_managerId = id;
    // A new store is never without a backup; when this one fails, the check-up below says why and what to do.
    [[maybe_unused]] const auto backup = StoreBackups(m_db, BackupSettings::forStore(m_db.path()), m_clock).backUp();
    const auto connection = SquareConnection::load(m_db);
    if (m_square && connection && !connection->has_value()) {
        m_steps->setCurrentWidget(m_square);
        m_square->focusFirst();
        return;
    }
    showReadiness();
}

void FirstStartWizard::showReadiness()
{
    QList<CheckResult> results = TillCheckup(m_db.path(), m_clock).runAll();
    const auto connection = SquareConnection::load(m_db);
    if (connection && connection->has_value())
        results << CheckResult::ok(QStringLiteral("square"), tr("Square"),
                                   tr("Connected to location %1.").arg((*connection)->locationId));
    else
        results << SquareCheckup::notConnected();
    m_readiness->show(results);
    m_summary->setText(CheckResult::allPassed(results)
                           ? tr("The till is ready. What needs attention can wait; sign in to start.")
                           : tr("The till works, but some things are not ready: each says what to do. Sign in "
                                "to start, and give the list to IT."));
    m_steps->setCurrentWidget(m_ready);
    m_start->setFocus();
}

} // namespace lt::ui
