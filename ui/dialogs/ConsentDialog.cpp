#include "ui/dialogs/ConsentDialog.h"

#include <QDialogButtonBox>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace lt::ui {

namespace {

// The letter a text marks with & ("&&" being an ampersand), as the button shows it underlined; none when it marks
// none. Read here rather than through QKeySequence::mnemonic, which gives Alt+letter and nothing where a platform
// shows no mnemonics.
QKeySequence letterOf(const QString& text)
{
    for (qsizetype at = text.indexOf(QLatin1Char('&')); at >= 0 && at + 1 < text.size();
         at = text.indexOf(QLatin1Char('&'), at + 2)) {
        const QChar letter = text.at(at + 1);
        if (letter != QLatin1Char('&'))
            return letter.isLetterOrNumber()
                ? QKeySequence(QKeyCombination(static_cast<Qt::Key>(letter.toUpper().unicode())))
                : QKeySequence();
    }
    return {};
}

} // namespace

ConsentDialog::ConsentDialog(const Member& member, const QString& consentText, QWidget* parent)
    : QDialog(parent)
    , m_standing(new QLabel(standing(member), this))
    , m_withdraw(new QPushButton(tr("&Withdraw consent"), this))
    , m_give(new QPushButton(tr("The customer &agrees"), this))
{
    setWindowTitle(tr("Marketing consent of member %1").arg(member.id));
    m_standing->setAccessibleName(tr("Marketing consent"));
    m_standing->setWordWrap(true);
    auto* text = new QLabel(consentText, this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setAccessibleName(tr("Marketing consent text"));
    text->setFrameShape(QFrame::StyledPanel);
    text->setMargin(8);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_withdraw, QDialogButtonBox::ActionRole);
    buttons->addButton(m_give, QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    // Saying no is safe to do by Enter; agreeing takes its own key (its letter), so that a consent is never given by
    // accident.
    m_withdraw->setEnabled(member.marketingConsent || !member.consentAt.isValid());
    m_give->setEnabled(!member.marketingConsent);
    m_give->setAutoDefault(false);
    m_withdraw->setDefault(m_withdraw->isEnabled());
    connect(m_withdraw, &QPushButton::clicked, this, [this] { choose(Choice::Withdraw); });
    connect(m_give, &QPushButton::clicked, this, [this] { choose(Choice::Give); });
    // The letters alone as well: the dialog has nothing to type into, and a till's keyboard may have no Alt in reach.
    // Each is the letter its button's text marks, so that a translated till answers to the letters it shows.
    for (QPushButton* button : {m_withdraw, m_give}) {
        const QKeySequence letter = letterOf(button->text());
        if (letter.isEmpty())
            continue; // a translation that marks no letter: Alt and the mouse still reach the button
        auto* key = new QShortcut(letter, this);
        connect(key, &QShortcut::activated, button, [button] {
            if (button->isEnabled())
                button->click();
        });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_standing);
    layout->addWidget(text);
    layout->addWidget(buttons);
}

QString ConsentDialog::standingText() const
{
    return m_standing->text();
}

QString ConsentDialog::buttonText(Choice choice) const
{
    switch (choice) {
    case Choice::Withdraw:
        return m_withdraw->text();
    case Choice::Give:
        return m_give->text();
    case Choice::None:
        break;
    }
    return {};
}

QString ConsentDialog::standing(const Member& member)
{
    const QString when = member.consentAt.isValid()
        ? QLocale().toString(member.consentAt.toLocalTime(), QLocale::ShortFormat)
        : QString();
    if (member.marketingConsent)
        return tr("The member agreed to marketing on %1.").arg(when);
    if (member.consentAt.isValid())
        return tr("The member said no to marketing on %1: no offers.").arg(when);
    return tr("The member was never asked about marketing.");
}

void ConsentDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

} // namespace lt::ui
