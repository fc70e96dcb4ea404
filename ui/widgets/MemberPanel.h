#pragma once

#include "core/domain/LedgerEntry.h"
#include "core/domain/LoyaltyProgram.h"
#include "core/domain/Member.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;

namespace lt::ui {

// The member at the till: name (or a masked phone), tier, balance, progress to the next reward, what they can
// redeem now and recent history. Points Square has not confirmed yet are marked.
class MemberPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MemberPanel(QWidget* parent = nullptr);

    void showMember(const Member& member, const QList<LedgerEntry>& history, const LoyaltyProgram& program,
                    qint64 unconfirmedPoints);
    void clear();
    QString balanceText() const;
    QString displayName() const;

private:
    QLabel* m_name;
    QLabel* m_details;
    QLabel* m_balance;
    QLabel* m_unconfirmed;
    QProgressBar* m_progress;
    QLabel* m_available;
    QListWidget* m_history;
};

} // namespace lt::ui
