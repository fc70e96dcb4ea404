#pragma once

#include <QWidget>

class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;

namespace lt {
class Clock;
class CredentialStore;
class Database;
class StaffDirectory;
} // namespace lt

namespace lt::ui {

class FirstManagerForm;
class ReadinessView;
class SquareConnectForm;

// A till's first start on a new store, keyboard only: the first manager, then Square (unless IT connects kiosk
// tills, or the till has no network access to offer), then what is ready and what is not, with a fix for each,
// as `loyaltytill-admin setup` prints it. The store's first backup is taken when the manager exists, so that a
// new store is never without one.
class FirstStartWizard : public QWidget
{
    Q_OBJECT
public:
    FirstStartWizard(Database& db, StaffDirectory& staff, const Clock& clock, QWidget* parent = nullptr);
    // Square's step needs the till's network access and keychain; without them it is left out.
    void setSquareAccess(QNetworkAccessManager* network, CredentialStore* credentials);
    void focusFirst();

signals:
    void finished(qint64 managerId);

private:
    void managerCreated(qint64 id);
    void showReadiness();

    Database& m_db;
    const Clock& m_clock;
    QStackedWidget* m_steps;
    FirstManagerForm* m_manager;
    SquareConnectForm* m_square = nullptr;
    QWidget* m_ready;
    ReadinessView* m_readiness;
    QPushButton* m_start;
    QLabel* m_summary;
    qint64 m_managerId = 0;
};

} // namespace lt::ui
