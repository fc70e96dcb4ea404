#pragma once

#include "core/domain/Member.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace lt::ui {

// The member's marketing consent at the till, by keys alone: where it stands, the consent text word for word (as at
// enrollment), then the letter a button's text marks to withdraw it or when the customer agrees (W and A in English,
// whatever the translation marks in another language); Esc leaves it as it is. The till records the choice
// (MarketingConsent); this dialog only asks.
class ConsentDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { None, Withdraw, Give };

    ConsentDialog(const Member& member, const QString& consentText, QWidget* parent = nullptr);

    Choice choice() const { return m_choice; }
    QString standingText() const;
    // The text of the button for a choice, its letter marked with & as the translation marks it.
    QString buttonText(Choice choice) const;
    // Where the member's consent stands, as the dialog and the member panel say it.
    static QString standing(const Member& member);

private:
    void choose(Choice choice);

    QLabel* m_standing;
    QPushButton* m_withdraw;
    QPushButton* m_give;
    Choice m_choice = Choice::None;
};

} // namespace lt::ui
