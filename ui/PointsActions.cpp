#include "ui/PointsActions.h"

#include "core/services/LoyaltyEngine.h"
#include "core/store/StoreSettings.h"
#include "ui/dialogs/AdjustmentDialog.h"
#include "ui/dialogs/ManagerApprovalDialog.h"
#include "ui/dialogs/RedeemDialog.h"
#include "ui/dialogs/RefundDialog.h"
#include "ui/dialogs/SaleDialog.h"
#include "ui/widgets/LocalizedAmount.h"
#include "ui/widgets/MessageBanner.h"

#include <QInputDialog>

#include <limits>

namespace lt::ui {

PointsActions::PointsActions(Database& db, LoyaltyEngine& engine, StaffDirectory& staff, MessageBanner& banner,
                             QWidget& dialogParent)
    : m_db(db)
    , m_engine(engine)
    , m_staff(staff)
    , m_banner(banner)
    , m_parent(dialogParent)
{
}

bool PointsActions::requestApproval(const QString& action, const QString& subject, const QString& why)
{
    ManagerApprovalDialog dialog(m_staff, action, subject, why, &m_parent);
    return dialog.exec() == QDialog::Accepted;
}

Actor PointsActions::actorFor(const StaffMember& staff)
{
    return staff.id > 0 ? Actor::staff(staff.id) : Actor::till();
}

bool PointsActions::refuseErased(const Member& member)
{
    if (!member.erased)
        return false;
    // Said at once: the member's dialog would only be refused when the cashier finished it.
    m_banner.show(MessageBanner::Kind::Error,
                  tr("Member %1 has left the program and their personal data was erased: no points are earned or "
                     "redeemed. Enroll the customer again if they want to rejoin.")
                      .arg(member.id));
    return true;
}

std::optional<PointsChange> PointsActions::sale(const Member& member, const StaffMember& cashier)
{
    if (refuseErased(member))
        return std::nullopt;
    SaleDialog dialog(m_engine, actorFor(cashier), member.id, &m_parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const PointsChange& change = dialog.result();
    m_banner.show(MessageBanner::Kind::Success, saleConfirmation(change));
    return change;
}

QString PointsActions::saleConfirmation(const PointsChange& change) const
{
    if (change.repeated)
        return tr("Sale %1 was already recorded: nothing added. Balance %2.")
            .arg(change.saleReference)
            .arg(change.member.balance);
    QStringList lines;
    if (!change.tierChanged.isEmpty())
        lines << tr("Upgraded to %1!").arg(change.tierChanged);
    lines << tr("+%1 %2 for sale %3. New balance: %4.")
                 .arg(change.points)
                 .arg(m_engine.program().pointsWord(change.points))
                 .arg(change.saleReference)
                 .arg(change.member.balance);
    // Each addition by the name the member reads on the receipt ("2x Tuesday afternoons: +40").
    QStringList parts;
    for (const PointsLine& line : change.earned.extras)
        parts << tr("%1: +%2").arg(line.name).arg(line.points);
    if (!parts.isEmpty())
        lines << tr("Included: %1.").arg(parts.join(QStringLiteral(", ")));
    for (const PointsLine& bonus : change.bonuses)
        lines << (bonus.memberId == change.member.id
                      ? tr("%1: +%2 for this member.").arg(bonus.name).arg(bonus.points)
                      : tr("%1: +%2 for member %3.").arg(bonus.name).arg(bonus.points).arg(bonus.memberId));
    return lines.join(QLatin1Char('\n'));
}

std::optional<PointsChange> PointsActions::redeem(const Member& member, const StaffMember& cashier)
{
    if (refuseErased(member))
        return std::nullopt;
    const qint64 threshold = StoreSettings(m_db).value(StoreSettings::RedemptionApprovalMinor).toLongLong();
    RedeemDialog dialog(
        m_engine, actorFor(cashier), member, cashier.isManager() ? std::numeric_limits<qint64>::max() : threshold,
        [this](const QString& action, const QString& subject) {
            return requestApproval(action, subject, tr("A manager approves this reward."));
        },
        &m_parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const PointsChange& change = dialog.result();
    m_banner.show(MessageBanner::Kind::Success,
                  change.discountPercentage > 0 ? tr("Apply %1% off at the register (at most %2). New balance: %3.")
                                                      .arg(change.discountPercentage)
                                                      .arg(LocalizedAmount::format(change.discount))
                                                      .arg(change.member.balance)
                                                : tr("Apply %1 off at the register. New balance: %2.")
                                                      .arg(LocalizedAmount::format(change.discount))
                                                      .arg(change.member.balance));
    return change;
}

std::optional<PointsChange> PointsActions::refund(const StaffMember& cashier)
{
    RefundDialog dialog(m_engine, actorFor(cashier), &m_parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const PointsChange& change = dialog.result();
    m_banner.show(MessageBanner::Kind::Success,
                  tr("Refund of sale %1 recorded: %2 %3. Member %4 now has %5.")
                      .arg(change.saleReference)
                      .arg(change.points)
                      .arg(m_engine.program().pointsWord(change.points))
                      .arg(change.member.id)
                      .arg(change.member.balance));
    return change;
}

std::optional<PointsChange> PointsActions::voidSale(const QString& lastSale, const StaffMember& cashier)
{
    QString reference = lastSale;
    if (reference.isEmpty()) {
        // The customer has gone: any sale can be voided, with a manager.
        bool ok = false;
        reference = QInputDialog::getText(&m_parent, tr("Void a sale"), tr("Receipt number of the sale to void:"),
                                          QLineEdit::Normal, QString(), &ok);
        if (!ok || reference.trimmed().isEmpty())
            return std::nullopt;
        if (!requestApproval(QStringLiteral("void"), QStringLiteral("sale:%1").arg(reference),
                             tr("A manager approves voiding sale %1.").arg(reference))) {
            m_banner.show(MessageBanner::Kind::Error, tr("Not voided: no manager approved."));
            return std::nullopt;
        }
    }
    auto change =
        m_engine.accrual().voidSale(reference, tr("Voided at the till by %1").arg(cashier.name), actorFor(cashier));
    if (!change) {
        m_banner.show(MessageBanner::Kind::Error, change.error().message);
        return std::nullopt;
    }
    m_banner.show(MessageBanner::Kind::Success,
                  tr("Sale %1 voided: %2 %3. Balance %4.")
                      .arg(change->saleReference)
                      .arg(change->points)
                      .arg(m_engine.program().pointsWord(change->points))
                      .arg(change->member.balance));
    return *change;
}

std::optional<PointsChange> PointsActions::adjust(const Member& member, const StaffMember& cashier)
{
    if (refuseErased(member))
        return std::nullopt;
    AdjustmentDialog form(m_engine, actorFor(cashier), member, &m_parent);
    if (form.exec() != QDialog::Accepted)
        return std::nullopt;
    const qint64 adjustmentId = form.result().adjustmentId;
    ManagerApprovalDialog approval(
        m_staff, QStringLiteral("adjustment"), QStringLiteral("adjustment:%1").arg(adjustmentId),
        tr("A manager approves %1 points: %2").arg(form.points()).arg(form.reason()), &m_parent);
    if (approval.exec() != QDialog::Accepted) {
        m_banner.show(MessageBanner::Kind::Information,
                      tr("Adjustment %1 waits for a manager's approval.").arg(adjustmentId));
        return std::nullopt;
    }
    auto approved = m_engine.adjustments().approve(adjustmentId, approval.manager().name, actorFor(cashier));
    if (!approved) {
        m_banner.show(MessageBanner::Kind::Error, approved.error().message);
        return std::nullopt;
    }
    m_banner.show(MessageBanner::Kind::Success,
                  tr("Adjusted by %1 points, approved by %2. Balance %3.")
                      .arg(approved->points)
                      .arg(approval.manager().name)
                      .arg(approved->member.balance));
    return *approved;
}

} // namespace lt::ui
