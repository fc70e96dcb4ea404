#pragma once

#include "core/domain/Member.h"
#include "core/store/StaffDirectory.h"
#include "ui/PointsActions.h"

#include <QHash>
#include <QMainWindow>
#include <QTimer>

#include <optional>

class QLabel;
class QNetworkAccessManager;
class QPushButton;
class QStackedWidget;

namespace lt {
class Clock;
class CredentialStore;
class Database;
class LoyaltyEngine;
class SyncScheduler;
} // namespace lt

namespace lt::ui {

class LookupField;
class MemberInsightLoader;
class MemberPanel;
class MessageBanner;
class PinForm;
class FirstStartWizard;
class HelpOverlay;
class SerialScanner;
class SyncStatusLine;
class TillPrinting;

// The till: sign-in, then one lookup line that holds the focus, the member at the till, and an action per key.
// Everything it does goes through the core services; it decides only what to show.
class TillWindow : public QMainWindow
{
    Q_OBJECT
public:
    TillWindow(Database& db, LoyaltyEngine& engine, const Clock& clock, QWidget* parent = nullptr);
    ~TillWindow() override;

    // Tests and the idle timer use these; people use the keys.
    void lock();
    bool isLocked() const;
    std::optional<Member> currentMember() const { return m_member; }
    const StaffMember& signedIn() const { return m_staff; }
    MessageBanner* banner() const { return m_banner; }
    MemberPanel* memberPanel() const { return m_panel; }
    MemberInsightLoader* insights() const { return m_insights; }
    LookupField* lookupField() const { return m_lookup; }
    void setIdleLockSeconds(int seconds);
    // Sync with Square runs beside the till: operations ask it for a pass, the status bar shows what it does.
    void setSync(SyncScheduler* sync);
    SyncStatusLine* syncStatus() const { return m_syncLine; }
    // Slips, cards and wallet passes, and their settings.
    TillPrinting* printing() const { return m_printing; }
    // The first-start wizard connects a new store to Square with the till's network access and keychain.
    void setSquareAccess(QNetworkAccessManager* network, CredentialStore* credentials);

    void startSale();
    void startRedemption();
    void startRefund();
    void startEnrollment(const QString& phone = QString(), const QString& card = QString());
    void voidLastSale();
    void startAdjustment();
    // Gives the member the bonus or reward offer the panel shows (OfferService::apply), once.
    void applyOffer();
    void showHelp();
    void finishCustomer();
    void addDemoMembers();
    void syncNow();
    void openConflicts(); // a manager's PIN, then the conflicts with Square
    void openReports(); // a manager's PIN, then the key figures and charts
    // The store changed outside the till (a sync pass, the daily automation pass): the member shown is read again,
    // so a new offer, tier or balance appears without a new scan.
    void refreshMember();
    // Damage found by the background check of the store file: shown until the till is restarted.
    void showStoreProblem(const QString& message);

protected:
    friend class TillCommands; // the menu's longer commands, kept beside the menus
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildTillPage();
    QWidget* buildSignInPage();
    void signIn();
    void lookUp(const QString& text, bool scanned);
    void showMember(qint64 memberId);
    void renderMember(qint64 memberId); // the member panel again, without moving the focus
    void syncSoon(); // a local operation was recorded: Square should learn it
    void reloadProgram();
    void refreshStatus();
    void returnFocus();
    void offerUsed(qint64 memberId); // the offer's line goes and the member's insight is read again

    Database& m_db;
    LoyaltyEngine& m_engine;
    const Clock& m_clock;
    StaffDirectory m_staffDirectory;
    StaffMember m_staff;
    std::optional<Member> m_member;
    QString m_lastSaleReference; // voidable without a manager while this member is at the till
    QStackedWidget* m_pages;
    PinForm* m_signIn = nullptr;
    FirstStartWizard* m_firstStart = nullptr;
    MessageBanner* m_banner;
    LookupField* m_lookup;
    MemberPanel* m_panel;
    PointsActions m_points;
    QLabel* m_memberConflicts;
    SyncStatusLine* m_syncLine;
    TillPrinting* m_printing;
    MemberInsightLoader* m_insights; // the member's segment, read on a thread of its own
    SyncScheduler* m_sync = nullptr;
    QLabel* m_who;
    QLabel* m_place;
    SerialScanner* m_serialScanner = nullptr;
    HelpOverlay* m_help = nullptr;
    QList<QPushButton*> m_memberActions;
    QHash<qint64, qint64> m_appliedOffers; // member → the offer applied here, to say so if asked again
    QTimer m_idle;
    QTimer m_statusTimer;
};

} // namespace lt::ui
