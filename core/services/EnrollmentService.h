#pragma once

#include "core/common/Result.h"
#include "core/domain/Member.h"

#include <QDateTime>
#include <QString>

namespace lt {

class Actor;
class Clock;
class Database;
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
    QString referredBy; // the member who brought the customer in: member number, phone or card; empty for none
    qint64 referrerId = 0; // referredBy resolved (by enroll)
};

// A customer Square already knows: a loyalty account made at Square (its POS, or another store's till).
struct SquareEnrollment
{
    QString phone; // E.164, as Square keeps it
    QString accountId; // Square's loyalty account id
    QDateTime enrolledAt; // when Square enrolled them; invalid: now
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

    Result<Enrollment> enroll(const EnrollmentRequest& request, const Actor& actor);
    // Validates and normalises a request without touching the database.
    Result<EnrollmentRequest> validate(const EnrollmentRequest& request) const;
    // Inside the caller's transaction (the import runs many in one). `request` must be validated.
    Result<Enrollment> insertValidated(const EnrollmentRequest& request, const Actor& actor);
    // Enrolls a member Square already knows, through the same path as the till's enrollment but linked to the
    // account at once and not queued for enrollment at Square; audited as pulled from Square. A member here with
    // the same phone number is linked to the account (when not linked yet) and returned as existing. Its own
    // transaction. Needs only the store and the clock: sync's pull enrolls the accounts it discovers through it.
    static Result<Enrollment> enrollFromSquare(Database& db, const Clock& clock, const SquareEnrollment& account);
    // Gives a member a card (a scanned blank or a newly numbered one) and returns its number.
    Result<QString> assignCard(qint64 memberId, const QString& scannedCard, const Actor& actor);
    // Corrects a member's phone number (mistyped at enrollment, or refused by Square). A member already linked to a
    // Square loyalty account keeps Square's number: Square's API cannot change an account's phone.
    Result<Member> changePhone(qint64 memberId, const QString& phone, const Actor& actor);

private:
    // squareAccountId empty: a new customer, whose enrollment is queued for Square.
    static Result<Enrollment> insertMember(Database& db, const Clock& clock, const EnrollmentRequest& request,
                                           const QDateTime& enrolledAt, const QString& squareAccountId,
                                           const Actor& actor);
    Result<QString> nextCardNumber();

    EngineContext& m_context;
};

} // namespace lt
