#include "core/services/EnrollmentService.h"

#include "core/common/Clock.h"
#include "core/common/Logging.h"
#include "core/domain/Actor.h"
#include "core/domain/CardNumber.h"
#include "core/domain/PersonalDataValidator.h"
#include "core/services/CardNumberAllocator.h"
#include "core/services/EngineContext.h"
#include "core/services/MemberDirectory.h"
#include "core/services/ReferralService.h"
#include "core/store/AuditLog.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberStore.h"
#include "core/store/SyncOutbox.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace lt {

namespace {
constexpr qint64 MaximumOpeningBalance = 10'000'000;
// Square's members name no consent version: Square asked for the customer's consent itself.
const QString SquareConsentVersion = QStringLiteral("square");
} // namespace

Result<EnrollmentRequest> EnrollmentService::validate(const EnrollmentRequest& request) const
{
    EnrollmentRequest clean = request;
    LT_TRY_ASSIGN(clean.phone, m_context.phones.normalize(request.phone));
    LT_TRY_ASSIGN(clean.name, PersonalDataValidator::name(request.name));
    LT_TRY_ASSIGN(clean.email, PersonalDataValidator::email(request.email));
    LT_TRY_ASSIGN(const QDate birthday,
                  PersonalDataValidator::birthday(request.birthday, m_context.clock.nowUtc().date()));
    clean.birthday = birthday.isValid() ? birthday.toString(Qt::ISODate) : QString();
    if (!request.card.trimmed().isEmpty()) {
        LT_TRY_ASSIGN(clean.card, CardNumber::validate(request.card));
    }
    if (request.openingBalance < 0 || request.openingBalance > MaximumOpeningBalance)
        return Error::invalid(
            QCoreApplication::translate("EnrollmentService", "An opening balance must be between 0 and %1 points.")
                .arg(MaximumOpeningBalance),
            QStringLiteral("balance"));
    return clean;
}

Result<Enrollment> EnrollmentService::enroll(const EnrollmentRequest& request, const Actor& actor)
{
    LT_TRY_ASSIGN(EnrollmentRequest clean, validate(request));
    if (!clean.referredBy.trimmed().isEmpty()) {
        LT_TRY_ASSIGN(clean.referrerId,
                      ReferralService(m_context).referrer(clean.referredBy, clean.phone, clean.email));
    }
    const auto insertAndAudit = [&]() -> Result<Enrollment> {
        LT_TRY_ASSIGN(const Enrollment inserted, insertValidated(clean, actor));
        if (!inserted.existing)
            LT_TRY(AuditLog(m_context.db, m_context.clock)
                       .record(actor.name(), QStringLiteral("member.enroll"),
                               QStringLiteral("member:%1").arg(inserted.member.id),
                               {{QStringLiteral("consent"), clean.marketingConsent},
                                {QStringLiteral("card"), !clean.card.isEmpty()},
                                {QStringLiteral("referred_by"), clean.referrerId}}));
        return inserted;
    };
    LT_TRY_ASSIGN(const Enrollment enrolled, inTransaction(m_context.db, insertAndAudit));
    LT_TRY_ASSIGN(const Member member, MemberDirectory(m_context).byId(enrolled.member.id));
    if (!enrolled.existing)
        qCDebug(lcServices) << "enrolled member" << member.id;
    return Enrollment {member, enrolled.existing};
}

Result<Enrollment> EnrollmentService::insertValidated(const EnrollmentRequest& request, const Actor& actor)
{
    return insertMember(m_context.db, m_context.clock, request, m_context.clock.nowUtc(), QString(), actor);
}

Result<Enrollment> EnrollmentService::insertMember(Database& db, const Clock& clock, const EnrollmentRequest& request,
                                                   const QDateTime& enrolledAt, const QString& squareAccountId,
                                                   const Actor& actor)
{
    MemberStore members(db);
    LT_TRY_ASSIGN(const qint64 byPhone, members.idByPhone(request.phone));
    qint64 byCard = 0;
    if (!request.card.isEmpty()) {
        LT_TRY_ASSIGN(byCard, members.idByCard(request.card));
    }
    if (byPhone != 0 && byCard != 0 && byPhone != byCard)
        return Error::conflict(
            QCoreApplication::translate("EnrollmentService",
                                        "The phone number belongs to member %1 but the card belongs to member %2.")
                .arg(byPhone)
                .arg(byCard));
    if (byPhone != 0 || byCard != 0) {
        Member existing;
        existing.id = byPhone != 0 ? byPhone : byCard;
        return Enrollment {existing, true};
    }

    MemberStore::NewMember row;
    row.phone = request.phone;
    row.name = request.name;
    row.email = request.email;
    row.birthday = request.birthday;
    row.marketingConsent = request.marketingConsent;
    row.consentVersion = request.consentVersion;
    row.enrolledAt = enrolledAt;
    row.origin = request.origin;
    row.squareAccountId = squareAccountId;
    row.referredBy = request.referrerId;
    LT_TRY_ASSIGN(const qint64 memberId, members.insert(row));
    if (!request.card.isEmpty())
        LT_TRY(members.addCard(memberId, request.card, enrolledAt));
    // A member Square already knows needs no enrollment there.
    if (squareAccountId.isEmpty())
        LT_TRY(SyncOutbox(db, clock).enqueue(memberId, 0, OutboxOperation::Enroll,
                                             {{QStringLiteral("phone"), request.phone}}));
    if (request.openingBalance > 0) {
        LedgerStore::NewEntry entry;
        entry.memberId = memberId;
        entry.kind = LedgerKind::Opening;
        entry.points = request.openingBalance;
        entry.note = QCoreApplication::translate("EnrollmentService", "Opening balance");
        LT_TRY(LedgerWriter(db, clock, actor)
                   .append(entry, OutboxOperation::Adjust, {{QStringLiteral("reason"), entry.note}}));
    }
    Member created;
    created.id = memberId;
    return Enrollment {created, false};
}

Result<Enrollment> EnrollmentService::enrollFromSquare(Database& db, const Clock& clock,
                                                       const SquareEnrollment& account)
{
    static const QRegularExpression e164(QStringLiteral("^\\+[1-9][0-9]{6,14}$"));
    if (!e164.match(account.phone).hasMatch())
        return Error::invalid(QStringLiteral("the account has no usable phone number"));
    if (account.accountId.isEmpty())
        return Error::invalid(QStringLiteral("the account has no id"));
    const QDateTime now = clock.nowUtc();
    return inTransaction(db, [&]() -> Result<Enrollment> {
        MemberStore members(db);
        LT_TRY_ASSIGN(const qint64 existing, members.idByPhone(account.phone));
        if (existing != 0) {
            // Enrolled here too but not linked yet: link now; the account's history is read next.
            LT_TRY(members.linkSquareAccountIfUnlinked(existing, account.accountId));
            Member member;
            member.id = existing;
            return Enrollment {member, true};
        }
        // Enrolled at Square (its POS or another store's till), which asked for the customer's consent there.
        EnrollmentRequest request;
        request.phone = account.phone;
        request.marketingConsent = true;
        request.consentVersion = SquareConsentVersion;
        request.origin = QStringLiteral("import");
        const QDateTime enrolledAt = account.enrolledAt.isValid() ? account.enrolledAt.toUTC() : now;
        LT_TRY_ASSIGN(const Enrollment created,
                      insertMember(db, clock, request, enrolledAt, account.accountId, Actor::square()));
        LT_TRY(AuditLog(db, clock).record(Actor::square().name(), QStringLiteral("member.pull"),
                                          QStringLiteral("member:%1").arg(created.member.id),
                                          {{QStringLiteral("account"), account.accountId}}));
        return created;
    });
}

Result<QString> EnrollmentService::nextCardNumber()
{
    // Past every card issued and every number reserved for pre-printed cards.
    LT_TRY_ASSIGN(const qint64 serial, CardNumberAllocator(m_context.db, m_context.clock).nextSerial());
    if (serial > CardNumberAllocator::HighestSerial)
        return Error::refused(QCoreApplication::translate("EnrollmentService", "Every card number has been used."));
    return CardNumber::fromSerial(serial);
}

Result<Member> EnrollmentService::changePhone(qint64 memberId, const QString& phone, const Actor& actor)
{
    LT_TRY_ASSIGN(const QString normalized, m_context.phones.normalize(phone));
    // Inside the write lock: the number is checked and changed in one step.
    const auto change = [&]() -> Result<void> {
        LT_TRY_ASSIGN(const Member member, MemberDirectory(m_context).byId(memberId));
        if (member.erased)
            return Error::refused(
                QCoreApplication::translate("EnrollmentService", "Member %1 has left the program.").arg(memberId));
        if (member.phone == normalized)
            return {};
        if (!member.squareAccountId.isEmpty())
            return Error::refused(QCoreApplication::translate("EnrollmentService",
                                                              "Member %1 is linked to a Square loyalty account, whose "
                                                              "phone number only Square can change (Square Dashboard).")
                                      .arg(memberId));
        MemberStore members(m_context.db);
        LT_TRY_ASSIGN(const qint64 owner, members.idByPhone(normalized));
        if (owner != 0)
            return Error::conflict(
                QCoreApplication::translate("EnrollmentService", "The phone number already belongs to member %1.")
                    .arg(owner));
        LT_TRY(members.setPhone(memberId, normalized));
        // The enrollment not yet accepted by Square goes with the new number.
        LT_TRY(SyncOutbox(m_context.db, m_context.clock).changeEnrollmentPhone(memberId, normalized));
        // Details never carry personal data: the numbers themselves are not logged.
        return AuditLog(m_context.db, m_context.clock)
            .record(actor.name(), QStringLiteral("member.phone"), QStringLiteral("member:%1").arg(memberId));
    };
    LT_TRY(inTransaction(m_context.db, change));
    return MemberDirectory(m_context).byId(memberId);
}

Result<QString> EnrollmentService::assignCard(qint64 memberId, const QString& scannedCard, const Actor& actor)
{
    return inTransaction(m_context.db, [&]() -> Result<QString> {
        LT_TRY(MemberDirectory(m_context).byId(memberId));
        MemberStore members(m_context.db);
        QString card;
        if (scannedCard.trimmed().isEmpty()) {
            LT_TRY_ASSIGN(card, nextCardNumber());
        } else {
            LT_TRY_ASSIGN(card, CardNumber::validate(scannedCard));
            LT_TRY_ASSIGN(const qint64 owner, members.idByCard(card));
            if (owner != 0 && owner != memberId)
                return Error::conflict(
                    QCoreApplication::translate("EnrollmentService", "The card %1 already belongs to member %2.")
                        .arg(card)
                        .arg(owner));
            if (owner == memberId)
                return card;
        }
        LT_TRY(members.addCard(memberId, card, m_context.clock.nowUtc()));
        LT_TRY(AuditLog(m_context.db, m_context.clock)
                   .record(actor.name(), QStringLiteral("member.card"), QStringLiteral("member:%1").arg(memberId)));
        return card;
    });
}

} // namespace lt
