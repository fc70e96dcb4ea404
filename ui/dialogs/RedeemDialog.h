#pragma once

#include "core/domain/Actor.h"
#include "core/domain/PointsChange.h"

#include <QDialog>

#include <functional>

class QLabel;
class QListWidget;
class QSpinBox;

namespace lt {
class LoyaltyEngine;
}

namespace lt::ui {

// Pick a reward (or how many points to use, where the reward allows it), confirm, and see the discount to apply
// at the register. Redemptions worth more than the store's limit ask for a manager first.
class RedeemDialog : public QDialog
{
    Q_OBJECT
public:
    // Returns true when a manager approved; called only when the policy asks for approval.
    using Approver = std::function<bool(const QString& action, const QString& subject)>;

    RedeemDialog(LoyaltyEngine& engine, Actor actor, const Member& member, qint64 approvalAboveMinor, Approver approver,
                 QWidget* parent = nullptr);

    const PointsChange& result() const { return m_result; }
    QString errorText() const;
    void accept() override;

private:
    void updateQuote();

    LoyaltyEngine& m_engine;
    const Actor m_actor;
    Member m_member;
    qint64 m_approvalAboveMinor;
    Approver m_approver;
    QListWidget* m_rewards;
    QSpinBox* m_points;
    QLabel* m_quote;
    QLabel* m_error;
    PointsChange m_result;
};

} // namespace lt::ui
