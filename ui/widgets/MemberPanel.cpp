#include "ui/widgets/MemberPanel.h"

#include "core/domain/PhoneNumberNormalizer.h"
#include "ui/widgets/StatusLabel.h"

#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QVBoxLayout>

namespace lt::ui {

MemberPanel::MemberPanel(QWidget* parent)
    : QWidget(parent)
    , m_name(new QLabel(this))
    , m_details(new QLabel(this))
    , m_balance(new QLabel(this))
    , m_unconfirmed(new StatusLabel(StatusLabel::Tone::Warning, StatusLabel::Weight::Normal, this))
    , m_progress(new QProgressBar(this))
    , m_available(new QLabel(this))
    , m_history(new QListWidget(this))
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_name->setFont(big);
    m_balance->setFont(big);
    m_name->setAccessibleName(tr("Member name"));
    m_balance->setAccessibleName(tr("Points balance"));
    m_progress->setAccessibleName(tr("Progress to the next reward"));
    m_available->setAccessibleName(tr("Rewards available now"));
    m_history->setAccessibleName(tr("Recent history"));
    m_available->setWordWrap(true);
    m_history->setFocusPolicy(Qt::NoFocus);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_details);
    layout->addWidget(m_balance);
    layout->addWidget(m_unconfirmed);
    layout->addWidget(m_progress);
    layout->addWidget(m_available);
    layout->addWidget(new QLabel(tr("Recent history"), this));
    layout->addWidget(m_history, 1);
    clear();
}

void MemberPanel::clear()
{
    m_name->setText(tr("No member"));
    m_details->clear();
    m_balance->clear();
    m_unconfirmed->clear();
    m_progress->setVisible(false);
    m_available->clear();
    m_history->clear();
}

QString MemberPanel::balanceText() const
{
    return m_balance->text();
}

QString MemberPanel::displayName() const
{
    return m_name->text();
}

void MemberPanel::showMember(const Member& member, const QList<LedgerEntry>& history, const LoyaltyProgram& program,
                             qint64 unconfirmedPoints)
{
    // The phone is personal data: masked unless there is no name to greet the member by.
    m_name->setText(member.name.isEmpty() ? PhoneNumberNormalizer::masked(member.phone) : member.name);
    QStringList details;
    details << tr("Member %1").arg(member.id);
    if (!member.tier.isEmpty())
        details << tr("Tier: %1").arg(member.tier);
    if (!member.card.isEmpty())
        details << tr("Card …%1").arg(member.card.right(4));
    m_details->setText(details.join(QStringLiteral("  ·  ")));
    m_balance->setText(tr("%1 %2").arg(member.balance).arg(program.pointsWord(member.balance)));
    m_unconfirmed->setText(unconfirmedPoints != 0 ? tr("%1 of these not yet confirmed by Square").arg(unconfirmedPoints)
                                                  : QString());

    const RewardTier* next = nullptr;
    QStringList available;
    for (const RewardTier& tier : program.rewardTiers) {
        const qint64 needed = tier.partial ? tier.minimumPoints : tier.points;
        if (member.balance >= needed)
            available << tier.name;
        else if (!next || needed < (next->partial ? next->minimumPoints : next->points))
            next = &tier;
    }
    if (next) {
        const qint64 needed = next->partial ? next->minimumPoints : next->points;
        m_progress->setRange(0, int(std::min<qint64>(needed, 1'000'000)));
        m_progress->setValue(int(std::clamp<qint64>(member.balance, 0, needed)));
        m_progress->setFormat(tr("%1 more for %2").arg(needed - member.balance).arg(next->name));
        m_progress->setVisible(true);
    } else {
        m_progress->setVisible(false);
    }
    m_available->setText(available.isEmpty() ? tr("No reward available yet")
                                             : tr("Available now: %1").arg(available.join(QStringLiteral(", "))));
    m_history->clear();
    for (const LedgerEntry& e : history) {
        const QString when = e.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        // A redemption by the reward's name, as the cashier chose it; its id only if the program no longer has it.
        const RewardTier* reward = e.saleReference.isEmpty() ? program.tier(e.rewardTierId) : nullptr;
        QString line = QStringLiteral("%1   %2%3   %4")
                           .arg(when, e.points > 0 ? QStringLiteral("+") : QString())
                           .arg(e.points)
                           .arg(!e.saleReference.isEmpty() ? e.saleReference
                                    : reward               ? reward->name
                                                           : e.rewardTierId);
        if (!e.synced)
            line += QStringLiteral("   ") + tr("(not yet synced)");
        m_history->addItem(line);
    }
}

} // namespace lt::ui
