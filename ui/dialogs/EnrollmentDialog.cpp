#include "ui/dialogs/EnrollmentDialog.h"

#include "core/services/LoyaltyEngine.h"
#include "ui/widgets/StatusLabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lt::ui {

EnrollmentDialog::EnrollmentDialog(LoyaltyEngine& engine, Actor actor, const QString& consentText,
                                   const QString& consentVersion, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_actor(std::move(actor))
    , m_consentVersion(consentVersion)
    , m_consent(new QCheckBox(tr("The customer agrees (&A)"), this))
    , m_newCard(new QCheckBox(tr("Give a &new card number"), this))
    , m_generalError(new StatusLabel(this))
{
    setWindowTitle(tr("Enroll a customer"));
    setAccessibleName(tr("Enrollment"));
    auto* layout = new QVBoxLayout(this);
    // The dialog follows its content, so an inline error that wraps to more lines is never cut off.
    layout->setSizeConstraint(QLayout::SetFixedSize);
    auto* form = new QFormLayout;
    layout->addLayout(form);
    const struct
    {
        const char* name;
        QString label;
        QString placeholder;
    } fields[] = {
        {"phone", tr("&Phone"), tr("required, any format")},
        {"name", tr("&Name"), tr("optional")},
        {"email", tr("&E-mail"), tr("optional")},
        {"birthday", tr("&Birthday"), tr("YYYY-MM-DD, optional")},
        {"card", tr("&Card"), tr("scan a blank card, optional")},
        // Who brought the customer in: both earn the referral bonus on the new member's first qualifying sale.
        {"referred_by", tr("&Referred by"), tr("their card, phone or member number, optional")},
    };
    for (const auto& f : fields) {
        QLineEdit* edit = addField(QString::fromLatin1(f.name), f.label, f.placeholder);
        auto* error = m_errors.value(QString::fromLatin1(f.name));
        auto* column = new QVBoxLayout;
        column->setSpacing(0);
        column->addWidget(edit);
        column->addWidget(error);
        auto* label = new QLabel(f.label, this);
        label->setBuddy(edit);
        form->addRow(label, column);
    }
    auto* consentLabel = new QLabel(consentText, this);
    consentLabel->setWordWrap(true);
    consentLabel->setTextFormat(Qt::PlainText);
    consentLabel->setAccessibleName(tr("Marketing consent text"));
    consentLabel->setFrameShape(QFrame::StyledPanel);
    consentLabel->setMargin(8);
    layout->addWidget(consentLabel);
    layout->addWidget(m_consent);
    layout->addWidget(m_newCard);
    m_generalError->setWordWrap(true);
    m_generalError->setVisible(false);
    layout->addWidget(m_generalError);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Enroll"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &EnrollmentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EnrollmentDialog::reject);
    layout->addWidget(buttons);
    m_fields.value(QStringLiteral("phone"))->setFocus();
}

QLineEdit* EnrollmentDialog::addField(const QString& name, const QString& label, const QString& placeholder)
{
    auto* edit = new QLineEdit(this);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(QString(label).remove(QLatin1Char('&')));
    edit->setObjectName(name);
    auto* error = new StatusLabel(StatusLabel::Tone::Error, StatusLabel::Weight::Normal, this);
    error->setObjectName(name + QStringLiteral("Error"));
    error->setWordWrap(true);
    error->setVisible(false);
    m_fields.insert(name, edit);
    m_errors.insert(name, error);
    return edit;
}

void EnrollmentDialog::setPhone(const QString& phone)
{
    m_fields.value(QStringLiteral("phone"))->setText(phone);
    m_fields.value(QStringLiteral("name"))->setFocus();
}

void EnrollmentDialog::setCard(const QString& card)
{
    m_fields.value(QStringLiteral("card"))->setText(card);
    m_fields.value(QStringLiteral("phone"))->setFocus();
}

QString EnrollmentDialog::fieldError(const QString& field) const
{
    const QLabel* label = m_errors.value(field);
    return label && label->isVisible() ? label->text() : QString();
}

void EnrollmentDialog::clearErrors()
{
    for (QLabel* label : std::as_const(m_errors))
        label->setVisible(false);
    m_generalError->setVisible(false);
}

void EnrollmentDialog::showError(const Error& error)
{
    if (QLabel* label = m_errors.value(error.field)) {
        label->setText(error.message);
        label->setVisible(true);
        m_fields.value(error.field)->setFocus();
        m_fields.value(error.field)->selectAll();
        return;
    }
    m_generalError->setText(error.message);
    m_generalError->setVisible(true);
}

void EnrollmentDialog::accept()
{
    clearErrors();
    EnrollmentRequest request;
    request.phone = m_fields.value(QStringLiteral("phone"))->text();
    request.name = m_fields.value(QStringLiteral("name"))->text();
    request.email = m_fields.value(QStringLiteral("email"))->text();
    request.birthday = m_fields.value(QStringLiteral("birthday"))->text();
    request.card = m_fields.value(QStringLiteral("card"))->text();
    request.referredBy = m_fields.value(QStringLiteral("referred_by"))->text().trimmed();
    request.marketingConsent = m_consent->isChecked();
    request.consentVersion = m_consentVersion;
    auto enrolled = m_engine.enrollment().enroll(request, m_actor);
    if (!enrolled) {
        showError(enrolled.error());
        return;
    }
    m_result = *enrolled;
    if (m_newCard->isChecked() && request.card.trimmed().isEmpty() && m_result.member.card.isEmpty()) {
        auto card = m_engine.enrollment().assignCard(m_result.member.id, QString(), m_actor);
        if (card)
            m_result.member.card = *card;
    }
    QDialog::accept();
}

} // namespace lt::ui
