#pragma once

#include "core/domain/LedgerEntry.h"
#include "core/domain/LoyaltyProgram.h"
#include "core/domain/Member.h"
#include "core/domain/MemberOutlook.h"
#include "core/domain/TierChange.h"
#include "ui/insight/MemberInsight.h"

#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;
class QProgressBar;

namespace lt::ui {

// The member at the till: name (or a masked phone), tier and how far the next one is, balance, progress to the next
// reward, what they can redeem now and recent history with the tier's changes; an open win-back offer and the next
// points to expire; the member's segment and the action it suggests, and the targeted offer made to them. Points
// Square has not confirmed yet are marked.
class MemberPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MemberPanel(QWidget* parent = nullptr);

    // What the till read about the member it shows.
    struct Shown
    {
        Member member;
        QList<LedgerEntry> history; // newest first, as MemberDirectory::history gives it
        QList<TierChange> tierChanges; // as MemberDirectory::tierChanges gives them
        QStringList claimableRewardIds; // the rewards the member's tier lets them claim
        qint64 unconfirmedPoints = 0;
    };
    void showMember(const Shown& shown, const LoyaltyProgram& program);
    // What the program says about the member beyond the balance: the tier's progress, an offer, expiring points.
    void showOutlook(const MemberOutlook& outlook, const LoyaltyProgram& program);
    // What was read of the member off the event loop: the segment (nothing for a member who never bought) and the
    // targeted offer (nothing for a member held out or without one).
    void showInsight(const MemberInsight& insight);
    void clearInsight();
    // The offer was applied or used: its line goes until the member's insight is read again.
    void clearOffer();
    // The targeted offer the panel shows, if any.
    const std::optional<TargetedOffer>& shownOffer() const { return m_shownOffer; }
    void clear();
    QString balanceText() const;
    QString displayName() const;
    QString detailsText() const; // "Member 12  ·  Card …0018", and what the member's standing adds
    QString tierText() const;
    QString offerText() const;
    QString expiringText() const;
    QString insightText() const; // empty while hidden
    QString targetedOfferText() const; // empty while hidden
    // A date as the panel writes it: the locale's long format without the weekday ("December 1, 2024").
    static QString dateText(QDate date);

private:
    QLabel* m_name;
    QLabel* m_details;
    QLabel* m_tier;
    QLabel* m_offer;
    QLabel* m_expiring;
    QLabel* m_balance;
    QLabel* m_unconfirmed;
    QLabel* m_insight;
    QLabel* m_targetedOffer;
    std::optional<TargetedOffer> m_shownOffer;
    QProgressBar* m_progress;
    QLabel* m_available;
    QListWidget* m_history;
};

} // namespace lt::ui
