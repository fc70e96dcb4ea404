#pragma once

#include "core/domain/Member.h"
#include "core/domain/PointsChange.h"
#include "core/store/StaffDirectory.h"

#include <QObject>

class QWidget;

namespace lt {
class Clock;
class Database;
class LoyaltyEngine;
} // namespace lt

namespace lt::ui {

class StatusLabel;

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
    QWidget* statusLine() const;

    // Settings ▸ Printing and wallet: a manager's PIN, then the settings.
    void openSettings();

private:
    Database& m_db;
    LoyaltyEngine& m_engine;
    const Clock& m_clock;
    StaffDirectory& m_staff;
    QWidget& m_window;
    StatusLabel* m_status;
};

} // namespace lt::ui
