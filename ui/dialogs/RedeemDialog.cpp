#include "ui/dialogs/RedeemDialog.h"

#include "core/services/LoyaltyEngine.h"
#include "ui/widgets/LocalizedAmount.h"
#include "ui/widgets/StatusLabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace lt::ui {

RedeemDialog::RedeemDialog(LoyaltyEngine& engine, Actor actor, const Member& member, qint64 approvalAboveMinor,
                           Approver approver, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_actor(std::move(actor))
    , m_member(member)
    , m_approvalAboveMinor(approvalAboveMinor)
    , m_approver(std::move(approver))
    , m_rewards(new QListWidget(this))
    , m_points(new QSpinBox(this))
    , m_quote(new QLabel(this))
    , m_error(new StatusLabel(this))
{
    setWindowTitle(tr("Redeem a reward"));
    m_rewards->setAccessibleName(tr("Rewards"));
    m_points->setAccessibleName(tr("Points to use"));
    m_points->setObjectName(QStringLiteral("points"));
    m_error->setWordWrap(true);
    const LoyaltyProgram& program = engine.program();
    for (const RewardTier& tier : program.rewardTiers) {
        auto* item =
            new QListWidgetItem(tier.partial ? tr("%1 — choose %2 to %3 %4")
                                                   .arg(tier.name)
                                                   .arg(tier.minimumPoints)
                                                   .arg(tier.points)
                                                   .arg(program.termOther)
                                             : tr("%1 — %2 %3").arg(tier.name).arg(tier.points).arg(program.termOther),
                                m_rewards);
        item->setData(Qt::UserRole, tier.id);
        // A reward reserved to a higher tier is listed, so the cashier can say why, but cannot be chosen.
        if (auto allowed = engine.redemption().mayClaim(member, tier.id); !allowed) {
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
            item->setText(tr("%1 (%2)").arg(item->text(), allowed.error().message));
        }
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%1 has %2 %3.")
                                     .arg(member.name.isEmpty() ? tr("The member") : member.name)
                                     .arg(member.balance)
                                     .arg(program.pointsWord(member.balance)),
                                 this));
    layout->addWidget(m_rewards);
    layout->addWidget(m_points);
    layout->addWidget(m_quote);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Redeem"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RedeemDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RedeemDialog::reject);
    connect(m_rewards, &QListWidget::currentRowChanged, this, &RedeemDialog::updateQuote);
    connect(m_points, &QSpinBox::valueChanged, this, &RedeemDialog::updateQuote);
    for (int row = 0; row < m_rewards->count(); ++row) {
        if (m_rewards->item(row)->flags() & Qt::ItemIsEnabled) {
            m_rewards->setCurrentRow(row);
            break;
        }
    }
    m_rewards->setFocus();
}

QString RedeemDialog::errorText() const
{
    return m_error->text();
}

void RedeemDialog::updateQuote()
{
    const RewardTier* tier = m_rewards->currentItem()
        ? m_engine.program().tier(m_rewards->currentItem()->data(Qt::UserRole).toString())
        : nullptr;
    m_points->setVisible(tier && tier->partial);
    if (tier && tier->partial) {
        QSignalBlocker block(m_points);
        m_points->setRange(int(tier->minimumPoints),
                           int(std::min(tier->points, std::max(m_member.balance, tier->minimumPoints))));
    }
    if (!tier)
        return;
    RedemptionRequest request {
        m_member.id, tier->id, tier->partial ? std::optional<qint64>(m_points->value()) : std::nullopt, {}};
    auto quote = m_engine.redemption().quote(request, m_member.balance);
    if (!quote) {
        m_quote->setText(quote.error().message);
        return;
    }
    m_quote->setText(quote->discountPercentage > 0
                         ? tr("Take %1% off the sale (at most %2).")
                               .arg(quote->discountPercentage)
                               .arg(LocalizedAmount::format(quote->discount))
                         : tr("Take %1 off the sale.").arg(LocalizedAmount::format(quote->discount)));
}

void RedeemDialog::accept()
{
    m_error->clear();
    const QListWidgetItem* item = m_rewards->currentItem();
    if (!item) {
        m_error->setText(tr("Choose a reward."));
        return;
    }
    const RewardTier* tier = m_engine.program().tier(item->data(Qt::UserRole).toString());
    RedemptionRequest request {m_member.id,
                               item->data(Qt::UserRole).toString(),
                               tier && tier->partial ? std::optional<qint64>(m_points->value()) : std::nullopt,
                               {}};
    auto quote = m_engine.redemption().quote(request, m_member.balance);
    if (!quote) {
        m_error->setText(quote.error().message);
        return;
    }
    if (quote->discount.minorUnits() > m_approvalAboveMinor
        && !m_approver(QStringLiteral("redemption"), QStringLiteral("member:%1").arg(m_member.id))) {
        m_error->setText(tr("A manager must approve a reward worth %1.").arg(LocalizedAmount::format(quote->discount)));
        return;
    }
    auto change = m_engine.redemption().redeem(request, m_actor);
    if (!change) {
        m_error->setText(change.error().message);
        return;
    }
    m_result = *change;
    QDialog::accept();
}

} // namespace lt::ui
