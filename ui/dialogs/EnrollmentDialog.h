#pragma once

#include "core/domain/Actor.h"
#include "core/services/EnrollmentService.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace lt {
class LoyaltyEngine;
}

namespace lt::ui {

// Enrolls a customer in a few keystrokes: phone (filled in from the lookup), optional name, e-mail, birthday, card
// and the member who referred them, and the consent text shown word for word. Each field's problem is shown next to it.
class EnrollmentDialog : public QDialog
{
    Q_OBJECT
public:
    EnrollmentDialog(LoyaltyEngine& engine, Actor actor, const QString& consentText, const QString& consentVersion,
                     QWidget* parent = nullptr);

    void setPhone(const QString& phone);
    void setCard(const QString& card);
    // The member enrolled (or found) when the dialog was accepted.
    const Enrollment& result() const { return m_result; }
    QString fieldError(const QString& field) const;

    void accept() override;

private:
    QLineEdit* addField(const QString& name, const QString& label, const QString& placeholder);
    void showError(const Error& error);
    void clearErrors();

    LoyaltyEngine& m_engine;
    const Actor m_actor;
    QString m_consentVersion;
    QHash<QString, QLineEdit*> m_fields;
    QHash<QString, QLabel*> m_errors;
    QCheckBox* m_consent;
    QCheckBox* m_newCard;
    QLabel* m_generalError;
    Enrollment m_result;
};

} // namespace lt::ui
