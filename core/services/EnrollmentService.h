#pragma once

#include "core/common/Result.h"
#include "core/domain/Member.h"

#include <QString>

namespace lt {

struct EngineContext;

struct EnrollmentRequest
{
    QString phone; // required: Square maps loyalty accounts by phone
    QString name;
    QString email;
    QString birthday; // YYYY-MM-DD
    QString card; // a scanned blank card, or empty
    bool marketingConsent = false;
    QString consentVersion; // the version of the consent text that was shown
    qint64 openingBalance = 0; // imports carry points from an earlier program
    QString origin = QStringLiteral("till"); // till or import
};

struct Enrollment
{
    Member member;
    bool existing = false; // the phone or card already belonged to this member; nothing was created
};

// Enrolls a customer. A phone or card that already belongs to a member returns that member instead of a duplicate.
class EnrollmentService
{
public:
    explicit EnrollmentService(EngineContext& context)
        : m_context(context)
    {
    }

    Result<Enrollment> enroll(const EnrollmentRequest& request);
    // Validates and normalises a request without touching the database.
    Result<EnrollmentRequest> validate(const EnrollmentRequest& request) const;
    // Inside the caller's transaction (the import runs many in one). `request` must be validated.
    Result<Enrollment> insertValidated(const EnrollmentRequest& request);
    // Gives a member a card (a scanned blank or a newly numbered one) and returns its number.
    Result<QString> assignCard(qint64 memberId, const QString& scannedCard);
    // Corrects a member's phone number (mistyped at enrollment, or refused by Square). A member already linked to a
    // Square loyalty account keeps Square's number: Square's API cannot change an account's phone.
    Result<Member> changePhone(qint64 memberId, const QString& phone);

private:
    Result<qint64> memberWith(const QString& column, const QString& value) const;
    Result<QString> nextCardNumber();
    Result<void> insertCard(qint64 memberId, const QString& card);

    EngineContext& m_context;
};

} // namespace lt
