#pragma once

#include "core/domain/Member.h"
#include "core/domain/PointsChange.h"
#include "core/receipts/LoyaltySlip.h"
#include "core/store/StaffDirectory.h"

#include <QObject>

#include <functional>
#include <optional>

class QWidget;

namespace lt {
class Clock;
class Database;
class LoyaltyEngine;
class WalletKeyStore;
} // namespace lt

namespace lt::ui {

class SlipPrintQueue;
class StatusLabel;
struct PrintOutcome;

// What the till prints and hands to the member: the loyalty slip after a sale, a redemption or a refund (at once
// or on Ctrl+P, as the store chose), the member's card, the wallet pass's QR code; and the manager's settings for
// them. Printing runs beside the till and never holds the cashier up: its outcome is shown in the status line,
// and a slip that did not print can be printed again.
class TillPrinting : public QObject
{
    Q_OBJECT
public:
    TillPrinting(Database& db, LoyaltyEngine& engine, const Clock& clock, StaffDirectory& staff, QWidget& window);
    ~TillPrinting() override;

    // The status bar's line: what printed, or why not and what to do.
    StatusLabel* statusLine() const { return m_status; }
    SlipPrintQueue* queue() const { return m_queue; }
    // The slip of the last operation at this till, printed or not.
    const std::optional<LoyaltySlip>& lastSlip() const { return m_last; }

    // Who is being served: the member at the counter of an unlocked till, 0 for nobody. What answers later (the
    // keychain) is shown only to the member it was asked for.
    void setServing(std::function<qint64()> serving) { m_serving = std::move(serving); }

    // A sale, redemption or refund was recorded: its slip is made and, when the store prints them automatically,
    // printed, once the till has shown the operation (the slip reads the store: the cashier does not wait for it).
    // Nothing here can undo or delay what was recorded.
    void recorded(LoyaltySlip::Kind kind, const PointsChange& change);
    // Ctrl+P: the newest slip that did not print, again; else the last operation's slip (a copy).
    void printSlip();
    // Ctrl+K: the member's card on the card printer (cards.printer), beside the till like a slip.
    void printCard(const Member& member);
    // Ctrl+W: the member's card in the phone. The keychain is read beside the till; the screen opens when it answers.
    void showWallet(const Member& member);
    // Settings ▸ Printing and wallet: a manager's PIN, then the settings.
    void openSettings();

signals:
    // The wallet screen opened (for tests: it is modal and opens after the keychain's answer).
    void walletShown();

private:
    void makeSlip(LoyaltySlip::Kind kind, const PointsChange& change);
    // The slip printer as this till's settings say now (they may change while the till runs).
    bool prepareQueue();
    void printed(qint64 job, const PrintOutcome& outcome);
    void say(const QString& text, bool problem);
    void printTestSlip(const QString& printer, int paperWidth, const QString& codePage);
    QString walletSummary();

    Database& m_db;
    LoyaltyEngine& m_engine;
    const Clock& m_clock;
    StaffDirectory& m_staff;
    QWidget& m_window;
    StatusLabel* m_status;
    SlipPrintQueue* m_queue;
    WalletKeyStore* m_keys;
    std::optional<LoyaltySlip> m_last;
    bool m_walletPending = false;
    std::function<qint64()> m_serving = [] {
        return qint64(0);
    };
};

} // namespace lt::ui
