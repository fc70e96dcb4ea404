#include "ui/widgets/MemberPanel.h"

#include "core/domain/PhoneNumberNormalizer.h"
#include "ui/widgets/LocalizedAmount.h"
#include "ui/widgets/StatusLabel.h"

#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace lt::ui {

namespace {
// "2", "1.5", "1.25": a multiplier as people say it.
QString multiplierText(int multiplierMilli)
{
    return QLocale().toString(multiplierMilli / 1000.0, 'g', 4);
}
} // namespace

MemberPanel::MemberPanel(QWidget* parent)
    : QWidget(parent)
    , m_name(new QLabel(this))
    , m_details(new QLabel(this))
    , m_tier(new QLabel(this))
    , m_offer(new StatusLabel(StatusLabel::Tone::GoodNews, StatusLabel::Weight::Bold, this))
    , m_expiring(new StatusLabel(StatusLabel::Tone::Warning, StatusLabel::Weight::Normal, this))
    , m_balance(new QLabel(this))
    , m_unconfirmed(new StatusLabel(StatusLabel::Tone::Warning, StatusLabel::Weight::Normal, this))
    , m_insight(new QLabel(this))
    , m_targetedOffer(new StatusLabel(StatusLabel::Tone::GoodNews, StatusLabel::Weight::Bold, this))
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
    m_tier->setAccessibleName(tr("Progress to the next tier"));
    m_offer->setAccessibleName(tr("Open offer"));
    m_expiring->setAccessibleName(tr("Points about to expire"));
    m_insight->setAccessibleName(tr("Segment and suggested action"));
    m_targetedOffer->setAccessibleName(tr("Targeted offer"));
    // The palette's own text colour, bold: readable in the light and the dark palette alike.
    QFont bold = font();
    bold.setBold(true);
    m_insight->setFont(bold);
    for (QLabel* label : {m_tier, m_offer, m_expiring, m_insight, m_targetedOffer})
        label->setWordWrap(true);
    m_history->setAccessibleName(tr("Recent history"));
    m_available->setWordWrap(true);
    m_history->setFocusPolicy(Qt::NoFocus);
    // A tier change's reason is a sentence: wrapped, not cut at the panel's edge.
    m_history->setWordWrap(true);
    m_history->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_details);
    layout->addWidget(m_tier);
    layout->addWidget(m_offer);
    layout->addWidget(m_balance);
    layout->addWidget(m_unconfirmed);
    layout->addWidget(m_insight);
    layout->addWidget(m_targetedOffer);
    layout->addWidget(m_expiring);
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
    for (QLabel* label : {m_tier, m_offer, m_expiring, m_insight, m_targetedOffer}) {
        label->clear();
        label->setVisible(false);
    }
    m_shownOffer.reset();
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

QString MemberPanel::detailsText() const
{
    return m_details->text();
}

QString MemberPanel::tierText() const
{
    return m_tier->text();
}

QString MemberPanel::offerText() const
{
    return m_offer->text();
}

QString MemberPanel::expiringText() const
{
    return m_expiring->text();
}

QString MemberPanel::insightText() const
{
    return m_insight->isVisibleTo(this) ? m_insight->text() : QString();
}

QString MemberPanel::targetedOfferText() const
{
    return m_targetedOffer->isVisibleTo(this) ? m_targetedOffer->text() : QString();
}

void MemberPanel::showInsight(const MemberInsight& insight)
{
    const SegmentOutlook& segment = insight.segment;
    m_insight->setText(segment.segment ? tr("%1 — suggest: %2").arg(segment.segmentName, segment.suggestion)
                                       : QString());
    m_insight->setVisible(!m_insight->text().isEmpty());
    m_shownOffer = insight.offer;
    if (!insight.offer)
        return clearOffer();
    const QString until = dateText(insight.offer->to);
    // A multiplier is used by the next sale; a bonus or a reward waits for the cashier's key (TillCommands).
    m_targetedOffer->setText(
        insight.offer->kind == TargetedOffer::Kind::Multiplier
            ? tr("Offer: %1 until %2 — applies by itself on the next sale").arg(insight.offerDescription, until)
            : tr("Offer: %1 until %2 — F11 to apply").arg(insight.offerDescription, until));
    m_targetedOffer->setVisible(true);
}

void MemberPanel::clearInsight()
{
    m_insight->clear();
    m_insight->setVisible(false);
    clearOffer();
}

void MemberPanel::clearOffer()
{
    m_shownOffer.reset();
    m_targetedOffer->clear();
    m_targetedOffer->setVisible(false);
}

QString MemberPanel::dateText(QDate date)
{
    static const QRegularExpression weekday(QStringLiteral("^d{4}[,\\s]*"));
    const QLocale locale;
    return locale.toString(date, locale.dateFormat(QLocale::LongFormat).remove(weekday));
}

void MemberPanel::showOutlook(const MemberOutlook& outlook, const LoyaltyProgram& program)
{
    const auto show = [](QLabel* label, const QString& text) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
    };
    QStringList tier;
    if (!outlook.tier.isEmpty())
        tier << tr("Tier: %1").arg(outlook.tier);
    if (!outlook.tier.isEmpty() && !outlook.nextTier.isEmpty())
        tier << (program.memberTiers.basis == TierPolicy::Basis::Spend
                     ? tr("spend %1 more to reach %2")
                           .arg(LocalizedAmount::format(Money(outlook.toNextTier, program.currency)), outlook.nextTier)
                     : tr("%1 %2 to %3")
                           .arg(outlook.toNextTier)
                           .arg(program.pointsWord(outlook.toNextTier), outlook.nextTier));
    show(m_tier, tier.join(QStringLiteral("  ·  ")));
    show(m_offer,
         outlook.offer ? tr("Welcome back: %1x points on the next sale until %2")
                             .arg(multiplierText(outlook.offer->multiplierMilli),
                                  dateText(outlook.offer->until.toLocalTime().date()))
                       : QString());
    // The first lot to expire is what the member can still act on; the later ones would crowd the panel. The verb
    // follows the number without %n: English runs without a translator, where "expire(s)" would show as written.
    QString expiring;
    if (!outlook.expiring.isEmpty()) {
        const ExpiringPoints& first = outlook.expiring.constFirst();
        expiring = (first.points == 1 ? tr("%1 %2 expires on %3") : tr("%1 %2 expire on %3"))
                       .arg(first.points)
                       .arg(program.pointsWord(first.points), dateText(first.expiresAt));
    }
    show(m_expiring, expiring);
}

void MemberPanel::showMember(const Shown& shown, const LoyaltyProgram& program)
{
    const Member& member = shown.member;
    // The phone is personal data: masked unless there is no name to greet the member by.
    m_name->setText(member.erased               ? tr("Erased member")
                        : member.name.isEmpty() ? PhoneNumberNormalizer::masked(member.phone)
                                                : member.name);
    QStringList details;
    details << tr("Member %1").arg(member.id);
    if (!member.card.isEmpty())
        details << tr("Card …%1").arg(member.card.right(4));
    if (member.erased)
        details << tr("left the program: no points are earned or redeemed");
    else if (!member.marketingConsent && member.consentAt.isValid())
        details << tr("no marketing");
    m_details->setText(details.join(QStringLiteral("  ·  ")));
    m_balance->setText(tr("%1 %2").arg(member.balance).arg(program.pointsWord(member.balance)));
    m_unconfirmed->setText(shown.unconfirmedPoints != 0
                               ? tr("%1 of these not yet confirmed by Square").arg(shown.unconfirmedPoints)
                               : QString());

    const RewardTier* next = nullptr;
    QStringList available;
    for (const RewardTier& tier : program.rewardTiers) {
        if (!shown.claimableRewardIds.contains(tier.id))
            continue; // reserved to a higher tier: neither available nor the next goal
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
    // Points and tier changes in one list, newest first; a tier change above the sale that brought it. Tier changes
    // older than every entry shown are not recent any more.
    QList<std::pair<QDateTime, QString>> lines;
    const QDateTime oldest = shown.history.isEmpty() ? QDateTime() : shown.history.constLast().createdAt;
    for (const TierChange& change : shown.tierChanges) {
        if (!oldest.isValid() || change.at >= oldest)
            lines.append(
                {change.at,
                 (change.up ? tr("Upgraded to %1: %2") : tr("Lowered to %1: %2")).arg(change.toTier, change.reason)});
    }
    for (const LedgerEntry& e : shown.history) {
        // A redemption by the reward's name, as the cashier chose it; its id only if the program no longer has it.
        const RewardTier* reward = e.saleReference.isEmpty() ? program.tier(e.rewardTierId) : nullptr;
        QString line = QStringLiteral("%1%2   %3")
                           .arg(e.points > 0 ? QStringLiteral("+") : QString())
                           .arg(e.points)
                           .arg(!e.saleReference.isEmpty() ? e.saleReference
                                    : reward               ? reward->name
                                                           : e.rewardTierId);
        if (!e.synced)
            line += QStringLiteral("   ") + tr("(not yet synced)");
        lines.append({e.createdAt, line});
    }
    std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    m_history->clear();
    for (const auto& [at, line] : std::as_const(lines))
        m_history->addItem(
            QStringLiteral("%1   %2").arg(at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), line));
}

} // namespace lt::ui
