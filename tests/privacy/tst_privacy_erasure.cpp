// A member's personal data erased on request, on a real store: nothing of the phone, name, e-mail, birthday or card
// stays in any table, while the balance, the ledger, the reports and `check` stay as they were; the member is found
// by no phone, card or name, earns and redeems nothing, and a second erasure changes nothing. What waits for Square
// carries no phone afterwards: a member Square never knew has their operations dropped as conflicts, a linked one
// keeps them (by account id). Only an active manager answers for an erasure. The erased card's number is never
// issued again, and the phone may be enrolled anew as a new member.
#include "core/common/Clock.h"
#include "core/services/EnrollmentService.h"
#include "core/services/MemberErasure.h"
#include "core/services/RedemptionService.h"
#include "core/services/ReportService.h"
#include "core/store/MemberStore.h"
#include "core/store/StaffDirectory.h"
#include "core/store/SyncOutbox.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using lt::MemberErasure;
using lt::test::TempStore;

namespace {
const QString Phone = QStringLiteral("+12125550142");
const QString Name = QStringLiteral("Ana García");
const QString Email = QStringLiteral("ana.garcia@example.com");
} // namespace

class TestPrivacyErasure : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void erasesEveryPersonalValueAndKeepsTheAccounts();
    void erasedMemberIsFoundByNothingAndDoesNothing();
    void erasingTwiceChangesNothing();
    void onlyAnActiveManagerAnswersForIt();
    void outboxOfAMemberSquareNeverKnewIsDropped();
    void outboxOfALinkedMemberIsSentWithoutThePhone();
    void cardNumberIsNotIssuedAgainAndThePhoneMayEnrollAnew();

private:
    // Every text value of every table, "table.column=value", for what must not be found anywhere.
    QStringList everyText();
    qint64 enrollAna();

    std::unique_ptr<TempStore> m_store;
    lt::Actor m_it = lt::Actor::named(QStringLiteral("admin-cli:it"));
};

void TestPrivacyErasure::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    m_store->clock().set(QDateTime(QDate(2025, 3, 1), QTime(10, 0), Qt::UTC));
    lt::StaffDirectory staff(m_store->db(), m_store->clock());
    LT_VERIFY_OK(staff.add(QStringLiteral("Maria Lopez"), lt::StaffMember::Role::Manager, QStringLiteral("1357"),
                           QStringLiteral("test")));
    LT_VERIFY_OK(staff.add(QStringLiteral("Sam Cashier"), lt::StaffMember::Role::Cashier, QStringLiteral("2468"),
                           QStringLiteral("test")));
}

void TestPrivacyErasure::cleanup()
{
    m_store.reset();
}

qint64 TestPrivacyErasure::enrollAna()
{
    lt::EnrollmentRequest request;
    request.phone = QStringLiteral("(212) 555-0142");
    request.name = Name;
    request.email = Email;
    request.birthday = QStringLiteral("1990-05-17");
    request.card = QStringLiteral("2900000000018");
    request.marketingConsent = true;
    request.consentVersion = QStringLiteral("3");
    auto enrolled = m_store->engine().enrollment().enroll(request, TempStore::cashier());
    if (!enrolled) {
        qWarning() << enrolled.error().message;
        return 0;
    }
    return enrolled->member.id;
}

QStringList TestPrivacyErasure::everyText()
{
    QStringList texts;
    QSqlQuery tables(m_store->db().connection());
    if (!tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")))
        return texts;
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        QSqlQuery rows(m_store->db().connection());
        if (!rows.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table)))
            continue;
        while (rows.next()) {
            const QSqlRecord record = rows.record();
            for (int i = 0; i < record.count(); ++i)
                texts << QStringLiteral("%1.%2=%3").arg(table, record.fieldName(i), rows.value(i).toString());
        }
    }
    return texts;
}

void TestPrivacyErasure::erasesEveryPersonalValueAndKeepsTheAccounts()
{
    const qint64 ana = enrollAna();
    QVERIFY(ana > 0);
    LT_VERIFY_OK(m_store->accrue(ana, QStringLiteral("R-1"), 12000));
    const QDate day = m_store->clock().nowUtc().toLocalTime().date();
    auto before = lt::ReportService(m_store->engine().context()).summary(day.addDays(-30), day);
    LT_VERIFY_OK(before);
    const qint64 balance = m_store->balance(ana);
    QVERIFY(balance > 0);
    QVERIFY(everyText().join(u'\n').contains(QStringLiteral("5550142")));

    m_store->clock().advance(60'000);
    auto erased = MemberErasure(m_store->engine().context()).erase(ana, QStringLiteral("maria lopez"), m_it);
    LT_VERIFY_OK(erased);
    QCOMPARE(erased->cardsRemoved, 1);
    QCOMPARE(m_store->number("SELECT count(*) FROM members WHERE id = ? AND erased_at = ?",
                             {ana, lt::toStorageTime(erased->erasedAt)}),
             1);

    // Nothing personal anywhere: not the phone (with or without its +), the name, the e-mail, the birthday, the card.
    for (const QString& text : everyText()) {
        for (const QString& personal : {QStringLiteral("2125550142"), QStringLiteral("García"), Email,
                                        QStringLiteral("1990-05-17"), QStringLiteral("2900000000018")})
            QVERIFY2(!text.contains(personal), qPrintable(text));
    }
    // The accounts stay: balance, ledger, sales, the reports' figures and the store's check.
    QCOMPARE(m_store->balance(ana), balance);
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE member_id = ?", {ana}), 1);
    QCOMPARE(m_store->number("SELECT count(*) FROM sales WHERE member_id = ?", {ana}), 1);
    QCOMPARE(m_store->number("SELECT count(*) FROM members WHERE erased_at IS NOT NULL"), 1);
    QCOMPARE(m_store->number("SELECT consent FROM members WHERE id = ?", {ana}), 1); // the fact, without the version
    auto after = lt::ReportService(m_store->engine().context()).summary(day.addDays(-30), day);
    LT_VERIFY_OK(after);
    QCOMPARE(after->membersTotal, before->membersTotal);
    QCOMPARE(after->netSalesMinor, before->netSalesMinor);
    QCOMPARE(after->pointsEarned, before->pointsEarned);
    QCOMPARE(after->pointsOutstanding, before->pointsOutstanding);
    auto check = m_store->checkIntegrity();
    LT_VERIFY_OK(check);
    QVERIFY2(check->ok(), qPrintable(check->problems.join(u'\n')));
    // One audit entry names the manager, the member by id and who ran it.
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.erase' AND subject = ? "
                             "AND actor = 'Maria Lopez' AND instr(details, 'admin-cli:it') > 0",
                             {QStringLiteral("member:%1").arg(ana)}),
             1);
}

void TestPrivacyErasure::erasedMemberIsFoundByNothingAndDoesNothing()
{
    const qint64 ana = enrollAna();
    LT_VERIFY_OK(m_store->accrue(ana, QStringLiteral("R-1"), 50000));
    LT_VERIFY_OK(MemberErasure(m_store->engine().context()).erase(ana, QStringLiteral("Maria Lopez"), m_it));
    lt::MemberDirectory& members = m_store->engine().members();
    for (const QString& query : {QStringLiteral("(212) 555-0142"), QStringLiteral("2900000000018"),
                                 QStringLiteral("Ana"), QStringLiteral("García"), QStringLiteral("ana.garcia")}) {
        auto found = members.lookup(query);
        LT_VERIFY_OK(found);
        QVERIFY2(found->members.isEmpty(), qPrintable(query));
    }
    auto byId = members.byId(ana);
    LT_VERIFY_OK(byId);
    QVERIFY(byId->erased);
    QVERIFY(byId->phone.isEmpty() && byId->name.isEmpty() && byId->email.isEmpty() && byId->card.isEmpty());
    QVERIFY(!byId->birthday.isValid());
    const QString counts = m_store->rowCounts();
    LT_VERIFY_ERROR(m_store->accrue(ana, QStringLiteral("R-2"), 1000), lt::ErrorKind::Refused);
    lt::RedemptionRequest redeem;
    redeem.memberId = ana;
    redeem.rewardTierId = QStringLiteral("five-off");
    LT_VERIFY_ERROR(m_store->engine().redemption().redeem(redeem, TempStore::cashier()), lt::ErrorKind::Refused);
    QCOMPARE(m_store->rowCounts(), counts);
}

void TestPrivacyErasure::erasingTwiceChangesNothing()
{
    const qint64 ana = enrollAna();
    MemberErasure erasure(m_store->engine().context());
    LT_VERIFY_OK(erasure.erase(ana, QStringLiteral("Maria Lopez"), m_it));
    const QStringList before = everyText();
    m_store->clock().advance(3'600'000);
    auto again = erasure.erase(ana, QStringLiteral("Maria Lopez"), m_it);
    LT_VERIFY_ERROR(again, lt::ErrorKind::Conflict);
    QVERIFY2(again.error().message.contains(QStringLiteral("erased already")), qPrintable(again.error().message));
    QCOMPARE(everyText(), before);
    LT_VERIFY_ERROR(erasure.erase(999, QStringLiteral("Maria Lopez"), m_it), lt::ErrorKind::NotFound);
}

void TestPrivacyErasure::onlyAnActiveManagerAnswersForIt()
{
    const qint64 ana = enrollAna();
    MemberErasure erasure(m_store->engine().context());
    LT_VERIFY_ERROR(erasure.erase(ana, QStringLiteral("Sam Cashier"), m_it), lt::ErrorKind::Refused);
    LT_VERIFY_ERROR(erasure.erase(ana, QStringLiteral("Nobody"), m_it), lt::ErrorKind::NotFound);
    LT_VERIFY_ERROR(erasure.erase(ana, QStringLiteral("  "), m_it), lt::ErrorKind::InvalidInput);
    lt::StaffDirectory staff(m_store->db(), m_store->clock());
    LT_VERIFY_OK(staff.deactivate(1, QStringLiteral("test")));
    LT_VERIFY_ERROR(erasure.erase(ana, QStringLiteral("Maria Lopez"), m_it), lt::ErrorKind::NotFound);
    QVERIFY(!m_store->engine().members().byId(ana)->erased);
    QCOMPARE(m_store->number("SELECT count(*) FROM members WHERE erased_at IS NOT NULL"), 0);
}

void TestPrivacyErasure::outboxOfAMemberSquareNeverKnewIsDropped()
{
    const qint64 ana = enrollAna();
    LT_VERIFY_OK(m_store->accrue(ana, QStringLiteral("R-1"), 1000));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE member_id = ? AND state = 'pending'", {ana}), 2);
    auto erased = MemberErasure(m_store->engine().context()).erase(ana, QStringLiteral("Maria Lopez"), m_it);
    LT_VERIFY_OK(erased);
    QCOMPARE(erased->linkedToSquare, false);
    QCOMPARE(erased->outboxDropped, 2);
    // Nothing leaves for Square: the enrollment (which would carry the phone) and the accrual end as conflicts.
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE member_id = ? AND state = 'pending'", {ana}), 0);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE member_id = ? AND state = 'conflict'", {ana}), 2);
    QCOMPARE(m_store->number("SELECT count(*) FROM sync_conflicts WHERE member_id = ? AND code = 'MEMBER_ERASED' "
                             "AND resolved_at IS NULL",
                             {ana}),
             2);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE json_type(payload, '$.phone') IS NOT NULL"), 0);
    auto pending = lt::SyncOutbox(m_store->db(), m_store->clock()).pendingCount();
    LT_VERIFY_OK(pending);
    QCOMPARE(*pending, 0);
}

void TestPrivacyErasure::outboxOfALinkedMemberIsSentWithoutThePhone()
{
    const qint64 ana = enrollAna();
    lt::MemberStore members(m_store->db());
    LT_VERIFY_OK(members.linkSquareAccount(ana, QStringLiteral("ACCOUNT-ANA"), m_store->clock().nowUtc()));
    // A refused enrollment's conflict carries the phone among its facts, as sync records it.
    LT_VERIFY_OK(m_store->db().exec(
        QStringLiteral("INSERT INTO sync_conflicts (member_id, kind, code, message, local_facts, created_at) VALUES "
                       "(?, 'phone_rejected', 'INVALID_PHONE_NUMBER', 'Square refused +12125550142', "
                       "'{\"phone\":\"+12125550142\",\"points\":0}', '2025-03-01T10:00:00.000Z')"),
        {ana}));
    LT_VERIFY_OK(m_store->accrue(ana, QStringLiteral("R-1"), 1000));
    auto erased = MemberErasure(m_store->engine().context()).erase(ana, QStringLiteral("Maria Lopez"), m_it);
    LT_VERIFY_OK(erased);
    QCOMPARE(erased->linkedToSquare, true);
    QCOMPARE(erased->outboxDropped, 0);
    // The accrual still goes, to the account: points by account id, nothing personal.
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE member_id = ? AND operation = 'accrue' "
                             "AND state = 'pending'",
                             {ana}),
             1);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE json_type(payload, '$.phone') IS NOT NULL"), 0);
    QCOMPARE(m_store->number("SELECT count(*) FROM members WHERE square_account_id = 'ACCOUNT-ANA'"), 1);
    for (const QString& text : everyText())
        QVERIFY2(!text.contains(QStringLiteral("2125550142")), qPrintable(text));
}

void TestPrivacyErasure::cardNumberIsNotIssuedAgainAndThePhoneMayEnrollAnew()
{
    lt::EnrollmentService& enrollment = m_store->engine().enrollment();
    auto first = m_store->enroll(QStringLiteral("+12125550100"));
    LT_VERIFY_OK(first);
    auto card = enrollment.assignCard(first->id, QString(), TempStore::cashier());
    LT_VERIFY_OK(card);
    LT_VERIFY_OK(MemberErasure(m_store->engine().context()).erase(first->id, QStringLiteral("Maria Lopez"), m_it));
    auto second = m_store->enroll(QStringLiteral("+12125550100"));
    LT_VERIFY_OK(second);
    QVERIFY(second->id != first->id); // a new member: the erased row is never taken up again
    auto secondCard = enrollment.assignCard(second->id, QString(), TempStore::cashier());
    LT_VERIFY_OK(secondCard);
    QVERIFY2(*secondCard != *card, qPrintable(*card));
    auto scanned = m_store->engine().members().lookup(*card);
    LT_VERIFY_OK(scanned);
    QVERIFY(scanned->members.isEmpty());
}

QTEST_GUILESS_MAIN(TestPrivacyErasure)
#include "tst_privacy_erasure.moc"
