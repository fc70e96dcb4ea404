#pragma once

#include "core/domain/Actor.h"
#include "core/domain/PointsChange.h"
#include "core/store/StaffDirectory.h"

#include <QCoreApplication>

#include <optional>

class QWidget;

namespace lt {
class Database;
class LoyaltyEngine;
} // namespace lt

namespace lt::ui {

class MessageBanner;

// The till's points actions: a sale, a redemption, a refund, a void and a manual adjustment. Each runs its dialog
// (and a manager's PIN where the store asks for one), says in the banner what was recorded, and returns the change
// when the store recorded one. The till decides what to show next and when to sync.
class PointsActions
{
    Q_DECLARE_TR_FUNCTIONS(lt::ui::PointsActions)
public:
    PointsActions(Database& db, LoyaltyEngine& engine, StaffDirectory& staff, MessageBanner& banner,
                  QWidget& dialogParent);

    // `cashier` is the staff member signed in: each change is recorded as theirs (Actor::staff).
    std::optional<PointsChange> sale(const Member& member, const StaffMember& cashier);
    // `member` as just read again: the dialog quotes on the balance. A manager redeems above the store's limit.
    std::optional<PointsChange> redeem(const Member& member, const StaffMember& cashier);
    std::optional<PointsChange> refund(const StaffMember& cashier);
    // Voids `lastSale` at once; with no last sale, asks which sale to void and for a manager's PIN.
    std::optional<PointsChange> voidSale(const QString& lastSale, const StaffMember& cashier);
    // The points and the reason, then a manager's PIN; returns the change when a manager approved it.
    std::optional<PointsChange> adjust(const Member& member, const StaffMember& cashier);
    // Who a staff member's changes are recorded for; the till itself while nobody is signed in.
    static Actor actorFor(const StaffMember& staff);

private:
    // A member whose data was erased earns, redeems and is adjusted nothing: the banner says so.
    bool refuseErased(const Member& member);
    bool requestApproval(const QString& action, const QString& subject, const QString& why);
    // What a recorded sale did: an upgrade first, then the points and each named addition and bonus.
    QString saleConfirmation(const PointsChange& change) const;

    Database& m_db;
    LoyaltyEngine& m_engine;
    StaffDirectory& m_staff;
    MessageBanner& m_banner;
    QWidget& m_parent;
};

} // namespace lt::ui
