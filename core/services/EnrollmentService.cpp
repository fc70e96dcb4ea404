#include "core/services/EnrollmentService.h"

#include "core/common/Clock.h"
#include "core/domain/CardNumber.h"
#include "core/domain/PersonalDataValidator.h"
#include "core/domain/SearchTerms.h"
#include "core/services/EngineContext.h"
#include "core/store/AuditLog.h"
#include "core/store/Database.h"
#include "core/store/LedgerWriter.h"
#include "core/store/MemberDirectory.h"
#include "core/store/SyncOutbox.h"
#include "core/store/Transaction.h"

#include <QCoreApplication>

namespace lt {

namespace {
constexpr qint64 MaximumOpeningBalance = 10'000'000;
} // namespace

Result<EnrollmentRequest> EnrollmentService::validate(const EnrollmentRequest& request) const
{
    EnrollmentRequest clean = request;
    auto phone = m_context.phones.normalize(request.phone);
    if (!phone)
        return phone.error();
    clean.phone = *phone;
    auto name = PersonalDataValidator::name(request.name);
    if (!name)
        return name.error();
    clean.name = *name;
    auto email = PersonalDataValidator::email(request.email);
    if (!email)
        return email.error();
    clean.email = *email;
    auto birthday = PersonalDataValidator::birthday(request.birthday, m_context.clock.nowUtc().date());
    if (!birthday)
        return birthday.error();
    clean.birthday = birthday->isValid() ? birthday->toString(Qt::ISODate) : QString();
    if (!request.card.trimmed().isEmpty()) {
        auto card = CardNumber::validate(request.card);
        if (!card)
            return card.error();
        clean.card = *card;
    }
    if (request.openingBalance < 0 || request.openingBalance > MaximumOpeningBalance)
        return Error::invalid(
            QCoreApplication::translate("EnrollmentService", "An opening balance must be between 0 and %1 points.")
                .arg(MaximumOpeningBalance),
            QStringLiteral("balance"));
    return clean;
}

Result<qint64> EnrollmentService::memberWith(const QString& column, const QString& value) const
{
    const QString sql = column == QLatin1String("card") ? QStringLiteral("SELECT member_id FROM cards WHERE number = ?")
                                                        : QStringLiteral("SELECT id FROM members WHERE phone = ?");
    auto id = m_context.db.scalar(sql, {value});
    if (!id)
        return id.error();
    return id->isValid() ? id->toLongLong() : 0;
}

Result<Enrollment> EnrollmentService::enroll(const EnrollmentRequest& request)
{
    auto clean = validate(request);
    if (!clean)
        return clean.error();
    Transaction transaction(m_context.db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto enrolled = insertValidated(*clean);
    if (!enrolled)
        return enrolled.error();
    if (!enrolled->existing) {
        if (auto audited = AuditLog(m_context.db, m_context.clock)
                               .record(m_context.actor, QStringLiteral("member.enroll"),
                                       QStringLiteral("member:%1").arg(enrolled->member.id),
                                       {{QStringLiteral("consent"), clean->marketingConsent},
                                        {QStringLiteral("card"), !clean->card.isEmpty()}});
            !audited)
            return audited.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    auto member = MemberDirectory(m_context).byId(enrolled->member.id);
    if (!member)
        return member.error();
    return Enrollment {*member, enrolled->existing};
}

Result<Enrollment> EnrollmentService::insertValidated(const EnrollmentRequest& request)
{
    auto byPhone = memberWith(QStringLiteral("phone"), request.phone);
    if (!byPhone)
        return byPhone.error();
    qint64 byCard = 0;
    if (!request.card.isEmpty()) {
        auto found = memberWith(QStringLiteral("card"), request.card);
        if (!found)
            return found.error();
        byCard = *found;
    }
    if (*byPhone != 0 && byCard != 0 && *byPhone != byCard)
        return Error::conflict(
            QCoreApplication::translate("EnrollmentService",
                                        "The phone number belongs to member %1 but the card belongs to member %2.")
                .arg(*byPhone)
                .arg(byCard));
    if (*byPhone != 0 || byCard != 0) {
        Member existing;
        existing.id = *byPhone != 0 ? *byPhone : byCard;
        return Enrollment {existing, true};
    }

    const QString now = toStorageTime(m_context.clock.nowUtc());
    QSqlQuery& insert = m_context.db.prepared(QStringLiteral(
        "INSERT INTO members (phone, name, email, birthday, consent, consent_at, consent_version, enrolled_at, origin) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    auto inserted = m_context.db.exec(
        insert,
        {request.phone, request.name, request.email,
         request.birthday.isEmpty() ? QVariant() : QVariant(request.birthday), request.marketingConsent ? 1 : 0,
         request.marketingConsent ? QVariant(now) : QVariant(),
         request.marketingConsent ? QVariant(request.consentVersion) : QVariant(), now, request.origin});
    const qint64 memberId = insert.lastInsertId().toLongLong();
    insert.finish();
    if (!inserted)
        return inserted.error();

    QSqlQuery& term =
        m_context.db.prepared(QStringLiteral("INSERT INTO member_search (term, member_id) VALUES (?, ?)"));
    for (const QString& word : SearchTerms::forMember(request.name, request.email)) {
        auto added = m_context.db.exec(term, {word, memberId});
        term.finish();
        if (!added)
            return added.error();
    }
    if (!request.card.isEmpty()) {
        if (auto card = insertCard(memberId, request.card); !card)
            return card.error();
    }
    if (auto queued = SyncOutbox(m_context.db, m_context.clock)
                          .enqueue(memberId, 0, QStringLiteral("enroll"), {{QStringLiteral("phone"), request.phone}});
        !queued)
        return queued.error();
    if (request.openingBalance > 0) {
        LedgerWriter::Entry entry;
        entry.memberId = memberId;
        entry.kind = QStringLiteral("opening");
        entry.points = request.openingBalance;
        entry.note = QCoreApplication::translate("EnrollmentService", "Opening balance");
        if (auto written = LedgerWriter(m_context).append(entry, QStringLiteral("adjust"),
                                                          {{QStringLiteral("reason"), entry.note}});
            !written)
            return written.error();
    }
    Member created;
    created.id = memberId;
    return Enrollment {created, false};
}

Result<void> EnrollmentService::insertCard(qint64 memberId, const QString& card)
{
    return m_context.db.exec(QStringLiteral("INSERT INTO cards (number, member_id, issued_at) VALUES (?, ?, ?)"),
                             {card, memberId, toStorageTime(m_context.clock.nowUtc())});
}

Result<QString> EnrollmentService::nextCardNumber()
{
    auto highest = m_context.db.scalar(QStringLiteral("SELECT max(number) FROM cards WHERE number >= ? AND number < ?"),
                                       {CardNumber::Prefix, SearchTerms::prefixUpperBound(CardNumber::Prefix)});
    if (!highest)
        return highest.error();
    const qint64 serial = highest->isNull() ? 1 : highest->toString().mid(2, 10).toLongLong() + 1;
    if (serial > 9'999'999'999LL)
        return Error::refused(QCoreApplication::translate("EnrollmentService", "Every card number has been used."));
    return CardNumber::fromSerial(serial);
}

Result<Member> EnrollmentService::changePhone(qint64 memberId, const QString& phone)
{
    auto normalized = m_context.phones.normalize(phone);
    if (!normalized)
        return normalized.error();
    Database& db = m_context.db;
    Transaction transaction(db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    auto member = MemberDirectory(m_context).byId(memberId);
    if (!member)
        return member.error();
    if (member->erased)
        return Error::refused(
            QCoreApplication::translate("EnrollmentService", "Member %1 has left the program.").arg(memberId));
    if (member->phone == *normalized)
        return *member;
    if (!member->squareAccountId.isEmpty())
        return Error::refused(QCoreApplication::translate("EnrollmentService",
                                                          "Member %1 is linked to a Square loyalty account, whose "
                                                          "phone number only Square can change (Square Dashboard).")
                                  .arg(memberId));
    auto owner = memberWith(QStringLiteral("phone"), *normalized);
    if (!owner)
        return owner.error();
    if (*owner != 0)
        return Error::conflict(
            QCoreApplication::translate("EnrollmentService", "The phone number already belongs to member %1.")
                .arg(*owner));
    if (auto done = db.exec(QStringLiteral("UPDATE members SET phone = ? WHERE id = ?"), {*normalized, memberId});
        !done)
        return done.error();
    // The enrollment not yet accepted by Square goes with the new number.
    if (auto done = db.exec(QStringLiteral("UPDATE outbox SET payload = json_set(payload, '$.phone', ?) "
                                           "WHERE member_id = ? AND operation = 'enroll' AND state <> 'sent'"),
                            {*normalized, memberId});
        !done)
        return done.error();
    // Details never carry personal data: the numbers themselves are not logged.
    if (auto audited =
            AuditLog(db, m_context.clock)
                .record(m_context.actor, QStringLiteral("member.phone"), QStringLiteral("member:%1").arg(memberId));
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return MemberDirectory(m_context).byId(memberId);
}

Result<QString> EnrollmentService::assignCard(qint64 memberId, const QString& scannedCard)
{
    Transaction transaction(m_context.db);
    if (auto begun = transaction.begin(); !begun)
        return begun.error();
    if (auto member = MemberDirectory(m_context).byId(memberId); !member)
        return member.error();
    QString card;
    if (scannedCard.trimmed().isEmpty()) {
        auto next = nextCardNumber();
        if (!next)
            return next.error();
        card = *next;
    } else {
        auto valid = CardNumber::validate(scannedCard);
        if (!valid)
            return valid.error();
        card = *valid;
        auto owner = memberWith(QStringLiteral("card"), card);
        if (!owner)
            return owner.error();
        if (*owner != 0 && *owner != memberId)
            return Error::conflict(
                QCoreApplication::translate("EnrollmentService", "The card %1 already belongs to member %2.")
                    .arg(card)
                    .arg(*owner));
        if (*owner == memberId)
            return card;
    }
    if (auto inserted = insertCard(memberId, card); !inserted)
        return inserted.error();
    if (auto audited =
            AuditLog(m_context.db, m_context.clock)
                .record(m_context.actor, QStringLiteral("member.card"), QStringLiteral("member:%1").arg(memberId));
        !audited)
        return audited.error();
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    return card;
}

} // namespace lt
