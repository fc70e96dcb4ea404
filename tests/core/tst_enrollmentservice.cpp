#include "core/domain/CardNumber.h"
#include "core/store/StoreSettings.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::EnrollmentRequest;
using lt::EnrollmentService;
using lt::ErrorKind;
using lt::test::TempStore;

namespace {
EnrollmentRequest request(const QString& phone, const QString& name = {})
{
    EnrollmentRequest r;
    r.phone = phone;
    r.name = name;
    return r;
}
} // namespace

class TestEnrollmentService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void enrollsWithEveryDetail();
    void queuesEnrollmentAndAudits();
    void samePhoneReturnsTheExistingMember();
    void knownCardReturnsItsMember();
    void cardOfAnotherMemberConflicts();
    void refusedInputChangesNothing_data();
    void refusedInputChangesNothing();
    void opensWithBalance();
    void readsPhonesInTheStoreRegion();
    void assignsNumberedCards();
    void assignsScannedCard();
    void correctsThePhoneNumber();
    void phoneCorrectionRefusals();
    void enrollsAMemberSquareAlreadyKnows();
    void linksAMemberEnrolledHereToSquare();
    void refusesASquareAccountWithoutAUsablePhone();

private:
    std::unique_ptr<TempStore> m_store;
};

void TestEnrollmentService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestEnrollmentService::cleanup()
{
    m_store.reset();
}

void TestEnrollmentService::enrollsWithEveryDetail()
{
    EnrollmentRequest r = request(QStringLiteral("(415) 555-2671"), QStringLiteral("  Jose\u0301   Mu\u00F1oz "));
    r.email = QStringLiteral("Jose.Munoz@Example.COM");
    r.birthday = QStringLiteral("1985-04-12");
    r.card = QStringLiteral("2900 0000 0001 8");
    r.marketingConsent = true;
    r.consentVersion = QStringLiteral("3");
    auto enrolled = m_store->engine().enrollment().enroll(r, TempStore::cashier());
    LT_VERIFY_OK(enrolled);
    QVERIFY(!enrolled->existing);
    const lt::Member& m = enrolled->member;
    QVERIFY(m.id > 0);
    QCOMPARE(m.phone, QStringLiteral("+14155552671"));
    QCOMPARE(m.name, QStringLiteral("Jos\u00E9 Mu\u00F1oz"));
    QCOMPARE(m.email, QStringLiteral("Jose.Munoz@example.com"));
    QCOMPARE(m.birthday, QDate(1985, 4, 12));
    QCOMPARE(m.card, QStringLiteral("2900000000018"));
    QVERIFY(m.marketingConsent);
    QCOMPARE(m.consentVersion, QStringLiteral("3"));
    QVERIFY(m.consentAt.isValid());
    QCOMPARE(m.consentAt.date(), lt::test::FixedClock::defaultStart().date());
    QCOMPARE(m.enrolledAt.date(), lt::test::FixedClock::defaultStart().date());
    QCOMPARE(m.balance, qint64(0));
    QCOMPARE(m.tier, QStringLiteral("Member"));
    QVERIFY(!m.erased);
    // The name is searchable by its folded words and the e-mail address.
    QCOMPARE(m_store->number("SELECT count(*) FROM member_search WHERE member_id = ? AND term IN "
                             "('jose', 'munoz', 'jose.munoz@example.com')",
                             {m.id}),
             qint64(3));

    // Without consent no consent time or version is kept, even if one was sent.
    EnrollmentRequest noConsent = request(QStringLiteral("415 555 2672"));
    noConsent.consentVersion = QStringLiteral("3");
    auto second = m_store->engine().enrollment().enroll(noConsent, TempStore::cashier());
    LT_VERIFY_OK(second);
    QVERIFY(!second->member.marketingConsent);
    QVERIFY(second->member.consentVersion.isEmpty());
    QVERIFY(!second->member.consentAt.isValid());
    QVERIFY(!second->member.birthday.isValid());
    QVERIFY(second->member.card.isEmpty());
}

void TestEnrollmentService::queuesEnrollmentAndAudits()
{
    auto member = m_store->enroll(QStringLiteral("415-555-2671"), QStringLiteral("Ana"));
    LT_VERIFY_OK(member);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE member_id = ? AND operation = 'enroll' AND "
                             "json_extract(payload, '$.phone') = '+14155552671'",
                             {member->id}),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.enroll' AND subject = ? AND "
                             "actor = 'cashier-1'",
                             {QStringLiteral("member:%1").arg(member->id)}),
             qint64(1));
    // The audit trail names members by id, never by their personal data.
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE details LIKE '%Ana%' OR details LIKE '%415%'"),
             qint64(0));
}

void TestEnrollmentService::samePhoneReturnsTheExistingMember()
{
    auto first = m_store->engine().enrollment().enroll(request(QStringLiteral("(415) 555-2671"), QStringLiteral("Ana")),
                                                       TempStore::cashier());
    LT_VERIFY_OK(first);
    const QString before = m_store->rowCounts();
    auto again = m_store->engine().enrollment().enroll(
        request(QStringLiteral("+1 415.555.2671"), QStringLiteral("Other")), TempStore::cashier());
    LT_VERIFY_OK(again);
    QVERIFY(again->existing);
    QCOMPARE(again->member.id, first->member.id);
    QCOMPARE(again->member.name, QStringLiteral("Ana"));
    QCOMPARE(m_store->rowCounts(), before);
}

void TestEnrollmentService::knownCardReturnsItsMember()
{
    EnrollmentRequest withCard = request(QStringLiteral("415 555 2671"));
    withCard.card = lt::CardNumber::fromSerial(7);
    auto first = m_store->engine().enrollment().enroll(withCard, TempStore::cashier());
    LT_VERIFY_OK(first);
    const QString before = m_store->rowCounts();
    EnrollmentRequest sameCard = request(QStringLiteral("415 555 2672"));
    sameCard.card = lt::CardNumber::fromSerial(7);
    auto again = m_store->engine().enrollment().enroll(sameCard, TempStore::cashier());
    LT_VERIFY_OK(again);
    QVERIFY(again->existing);
    QCOMPARE(again->member.id, first->member.id);
    QCOMPARE(m_store->rowCounts(), before);
}

void TestEnrollmentService::cardOfAnotherMemberConflicts()
{
    EnrollmentRequest ana = request(QStringLiteral("415 555 2671"), QStringLiteral("Ana"));
    ana.card = lt::CardNumber::fromSerial(1);
    LT_VERIFY_OK(m_store->engine().enrollment().enroll(ana, TempStore::cashier()));
    LT_VERIFY_OK(m_store->enroll(QStringLiteral("415 555 2672"), QStringLiteral("Bo")));
    const QString before = m_store->rowCounts();
    EnrollmentRequest bo = request(QStringLiteral("415 555 2672"));
    bo.card = lt::CardNumber::fromSerial(1);
    const auto conflict = m_store->engine().enrollment().enroll(bo, TempStore::cashier());
    LT_VERIFY_ERROR(conflict, ErrorKind::Conflict);
    QCOMPARE(m_store->rowCounts(), before);
}

void TestEnrollmentService::refusedInputChangesNothing_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("birthday");
    QTest::addColumn<QString>("card");
    QTest::addColumn<qint64>("openingBalance");
    QTest::addColumn<QString>("field");
    const QString phone = QStringLiteral("415 555 2680");
    QTest::newRow("no phone") << QString() << QStringLiteral("Ana") << QString() << QString() << QString() << qint64(0)
                              << QStringLiteral("phone");
    QTest::newRow("bad phone") << QStringLiteral("555-2671") << QString() << QString() << QString() << QString()
                               << qint64(0) << QStringLiteral("phone");
    QTest::newRow("bidi override in name") << phone << QStringLiteral("Ana\u202Etxt.exe") << QString() << QString()
                                           << QString() << qint64(0) << QStringLiteral("name");
    QTest::newRow("overlong name") << phone << QStringLiteral("n").repeated(101) << QString() << QString() << QString()
                                   << qint64(0) << QStringLiteral("name");
    QTest::newRow("bad email") << phone << QString() << QStringLiteral("ana@") << QString() << QString() << qint64(0)
                               << QStringLiteral("email");
    QTest::newRow("future birthday") << phone << QString() << QString() << QStringLiteral("2024-03-02") << QString()
                                     << qint64(0) << QStringLiteral("birthday");
    QTest::newRow("birthday format") << phone << QString() << QString() << QStringLiteral("12/04/1985") << QString()
                                     << qint64(0) << QStringLiteral("birthday");
    QTest::newRow("card check digit") << phone << QString() << QString() << QString() << QStringLiteral("2900000000017")
                                      << qint64(0) << QStringLiteral("card");
    QTest::newRow("negative opening balance")
        << phone << QString() << QString() << QString() << QString() << qint64(-1) << QStringLiteral("balance");
    QTest::newRow("absurd opening balance")
        << phone << QString() << QString() << QString() << QString() << qint64(10'000'001) << QStringLiteral("balance");
}

void TestEnrollmentService::refusedInputChangesNothing()
{
    QFETCH(QString, phone);
    QFETCH(QString, name);
    QFETCH(QString, email);
    QFETCH(QString, birthday);
    QFETCH(QString, card);
    QFETCH(qint64, openingBalance);
    QFETCH(QString, field);
    LT_VERIFY_OK(m_store->enroll(QStringLiteral("415 555 2671"), QStringLiteral("Existing")));
    const QString before = m_store->rowCounts();
    EnrollmentRequest r = request(phone, name);
    r.email = email;
    r.birthday = birthday;
    r.card = card;
    r.openingBalance = openingBalance;
    const auto enrolled = m_store->engine().enrollment().enroll(r, TempStore::cashier());
    LT_VERIFY_ERROR(enrolled, ErrorKind::InvalidInput);
    QCOMPARE(enrolled.error().field, field);
    QCOMPARE(m_store->rowCounts(), before);
}

void TestEnrollmentService::opensWithBalance()
{
    EnrollmentRequest r = request(QStringLiteral("415 555 2671"), QStringLiteral("Imported"));
    r.openingBalance = 600;
    auto enrolled = m_store->engine().enrollment().enroll(r, TempStore::cashier());
    LT_VERIFY_OK(enrolled);
    QCOMPARE(enrolled->member.balance, qint64(600));
    QCOMPARE(enrolled->member.lifetimePoints, qint64(600));
    // Tiers count purchases within their window: points brought from an earlier program are not one.
    QCOMPARE(enrolled->member.tier, QStringLiteral("Member"));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE member_id = ? AND kind = 'opening' AND points = 600",
                             {enrolled->member.id}),
             qint64(1));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox o JOIN ledger l ON l.id = o.ledger_id "
                             "WHERE l.kind = 'opening' AND o.operation = 'adjust'"),
             qint64(1));
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestEnrollmentService::readsPhonesInTheStoreRegion()
{
    LT_VERIFY_OK(lt::StoreSettings(m_store->db()).set(lt::StoreSettings::DefaultRegion, QStringLiteral("gb")));
    LT_VERIFY_OK(m_store->engine().reload());
    QCOMPARE(m_store->engine().context().phones.defaultRegion(), QStringLiteral("GB"));
    auto member = m_store->enroll(QStringLiteral("020 7946 0018"));
    LT_VERIFY_OK(member);
    QCOMPARE(member->phone, QStringLiteral("+442079460018"));
    // A US number needs its country code in a British store.
    LT_VERIFY_ERROR(m_store->enroll(QStringLiteral("(415) 555-2671")), ErrorKind::InvalidInput);
    auto american = m_store->enroll(QStringLiteral("+1 (415) 555-2671"));
    LT_VERIFY_OK(american);
    QCOMPARE(american->phone, QStringLiteral("+14155552671"));
}

void TestEnrollmentService::assignsNumberedCards()
{
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    auto bo = m_store->enroll(QStringLiteral("415 555 2672"));
    LT_VERIFY_OK(ana);
    LT_VERIFY_OK(bo);
    auto first = m_store->engine().enrollment().assignCard(ana->id, QString(), TempStore::cashier());
    LT_VERIFY_OK(first);
    QCOMPARE(*first, lt::CardNumber::fromSerial(1));
    auto second = m_store->engine().enrollment().assignCard(bo->id, QString(), TempStore::cashier());
    LT_VERIFY_OK(second);
    QCOMPARE(*second, lt::CardNumber::fromSerial(2));
    auto replacement = m_store->engine().enrollment().assignCard(ana->id, QString(), TempStore::cashier());
    LT_VERIFY_OK(replacement);
    QCOMPARE(*replacement, lt::CardNumber::fromSerial(3));
    // The newest card is the member's card; the old one still finds them.
    auto member = m_store->engine().members().byId(ana->id);
    LT_VERIFY_OK(member);
    QCOMPARE(member->card, lt::CardNumber::fromSerial(3));
    auto byOld = m_store->engine().members().byCard(lt::CardNumber::fromSerial(1));
    LT_VERIFY_OK(byOld);
    QCOMPARE(byOld->id, ana->id);
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.card'"), qint64(3));
    LT_VERIFY_ERROR(m_store->engine().enrollment().assignCard(9999, QString(), TempStore::cashier()),
                    ErrorKind::NotFound);
}

void TestEnrollmentService::assignsScannedCard()
{
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    auto bo = m_store->enroll(QStringLiteral("415 555 2672"));
    LT_VERIFY_OK(ana);
    LT_VERIFY_OK(bo);
    const QString card = lt::CardNumber::fromSerial(500);
    auto assigned = m_store->engine().enrollment().assignCard(ana->id, card.left(4) + QLatin1Char(' ') + card.mid(4),
                                                              TempStore::cashier());
    LT_VERIFY_OK(assigned);
    QCOMPARE(*assigned, card);
    // Scanning it again for the same member is harmless.
    const QString before = m_store->rowCounts();
    auto again = m_store->engine().enrollment().assignCard(ana->id, card, TempStore::cashier());
    LT_VERIFY_OK(again);
    QCOMPARE(m_store->rowCounts(), before);
    LT_VERIFY_ERROR(m_store->engine().enrollment().assignCard(bo->id, card, TempStore::cashier()), ErrorKind::Conflict);
    LT_VERIFY_ERROR(
        m_store->engine().enrollment().assignCard(bo->id, QStringLiteral("2900000000017"), TempStore::cashier()),
        ErrorKind::InvalidInput);
    QCOMPARE(m_store->rowCounts(), before);
    // Numbering continues after the highest card in use.
    auto next = m_store->engine().enrollment().assignCard(bo->id, QString(), TempStore::cashier());
    LT_VERIFY_OK(next);
    QCOMPARE(*next, lt::CardNumber::fromSerial(501));
}

void TestEnrollmentService::correctsThePhoneNumber()
{
    auto member = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    auto changed =
        m_store->engine().enrollment().changePhone(member->id, QStringLiteral("(415) 555-2699"), TempStore::cashier());
    LT_VERIFY_OK(changed);
    QCOMPARE(changed->phone, QStringLiteral("+14155552699"));
    // Found by the new number only; the enrollment Square has not accepted yet carries the new number.
    QCOMPARE(m_store->number("SELECT count(*) FROM members WHERE phone = '+14155552671'"), 0);
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE member_id = ? AND operation = 'enroll' AND "
                             "json_extract(payload, '$.phone') = '+14155552699'",
                             {member->id}),
             1);
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.phone' AND details NOT LIKE "
                             "'%555%'"),
             1);
    // The same number again changes nothing.
    const QString before = m_store->rowCounts();
    LT_VERIFY_OK(m_store->engine().enrollment().changePhone(member->id, QStringLiteral("+1 415 555 2699"),
                                                            TempStore::cashier()));
    QCOMPARE(m_store->rowCounts(), before);
}

void TestEnrollmentService::phoneCorrectionRefusals()
{
    auto ana = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(ana);
    auto ben = m_store->enroll(QStringLiteral("415 555 2672"));
    LT_VERIFY_OK(ben);
    const QString before = m_store->rowCounts();
    EnrollmentService& enrollment = m_store->engine().enrollment();
    LT_VERIFY_ERROR(enrollment.changePhone(ana->id, QStringLiteral("12"), TempStore::cashier()),
                    ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(enrollment.changePhone(ana->id, QStringLiteral("'; DROP TABLE members; --"), TempStore::cashier()),
                    ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(enrollment.changePhone(ana->id, QStringLiteral("415 555 2672"), TempStore::cashier()),
                    ErrorKind::Conflict);
    LT_VERIFY_ERROR(enrollment.changePhone(999, QStringLiteral("415 555 2699"), TempStore::cashier()),
                    ErrorKind::NotFound);
    QCOMPARE(m_store->rowCounts(), before);
    // Square keeps the phone of an account it already has.
    LT_VERIFY_OK(
        m_store->db().exec(QStringLiteral("UPDATE members SET square_account_id = 'acct-1' WHERE id = ?"), {ben->id}));
    LT_VERIFY_ERROR(enrollment.changePhone(ben->id, QStringLiteral("415 555 2699"), TempStore::cashier()),
                    ErrorKind::Refused);
    QCOMPARE(m_store->number("SELECT count(*) FROM members WHERE phone = '+14155552672'"), 1);
}

void TestEnrollmentService::enrollsAMemberSquareAlreadyKnows()
{
    lt::SquareEnrollment account;
    account.phone = QStringLiteral("+14155550100");
    account.accountId = QStringLiteral("sq-account-1");
    account.enrolledAt = QDateTime(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC);
    auto enrolled = lt::EnrollmentService::enrollFromSquare(m_store->db(), m_store->clock(), account);
    LT_VERIFY_OK(enrolled);
    QVERIFY(!enrolled->existing);
    const qint64 id = enrolled->member.id;
    QVERIFY(id > 0);
    auto member = m_store->engine().members().byId(id);
    LT_VERIFY_OK(member);
    QCOMPARE(member->phone, account.phone);
    QCOMPARE(member->squareAccountId, account.accountId);
    QCOMPARE(member->enrolledAt, account.enrolledAt);
    // Square asked for the customer's consent; the member is Square's, not this till's.
    QVERIFY(member->marketingConsent);
    QCOMPARE(member->consentVersion, QStringLiteral("square"));
    QCOMPARE(member->consentAt, account.enrolledAt);
    QCOMPARE(m_store->number("SELECT count(*) FROM members WHERE id = ? AND origin = 'import' AND "
                             "square_history_at IS NULL",
                             {id}),
             qint64(1));
    // Never enrolled at Square again: nothing is queued.
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE member_id = ?", {id}), qint64(0));
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.pull' AND actor = 'Square' AND "
                             "subject = ? AND json_extract(details, '$.account') = 'sq-account-1'",
                             {QStringLiteral("member:%1").arg(id)}),
             qint64(1));
    // The same account again finds the member it made.
    auto again = lt::EnrollmentService::enrollFromSquare(m_store->db(), m_store->clock(), account);
    LT_VERIFY_OK(again);
    QVERIFY(again->existing);
    QCOMPARE(again->member.id, id);
    QCOMPARE(m_store->number("SELECT count(*) FROM members"), qint64(1));
    // Without a time from Square, enrolled now.
    account.phone = QStringLiteral("+14155550101");
    account.accountId = QStringLiteral("sq-account-2");
    account.enrolledAt = QDateTime();
    const QDateTime before = m_store->clock().nowUtc();
    auto now = lt::EnrollmentService::enrollFromSquare(m_store->db(), m_store->clock(), account);
    LT_VERIFY_OK(now);
    LT_VERIFY_OK(member = m_store->engine().members().byId(now->member.id));
    QVERIFY(member->enrolledAt >= before && member->enrolledAt <= m_store->clock().nowUtc());
    LT_VERIFY_OK(m_store->checkIntegrity());
    QVERIFY(m_store->checkIntegrity()->ok());
}

void TestEnrollmentService::linksAMemberEnrolledHereToSquare()
{
    auto here = m_store->enroll(QStringLiteral("415 555 0100"), QStringLiteral("Ana"));
    LT_VERIFY_OK(here);
    lt::SquareEnrollment account;
    account.phone = QStringLiteral("+14155550100");
    account.accountId = QStringLiteral("sq-account-1");
    auto linked = lt::EnrollmentService::enrollFromSquare(m_store->db(), m_store->clock(), account);
    LT_VERIFY_OK(linked);
    QVERIFY(linked->existing);
    QCOMPARE(linked->member.id, here->id);
    auto member = m_store->engine().members().byId(here->id);
    LT_VERIFY_OK(member);
    QCOMPARE(member->squareAccountId, QStringLiteral("sq-account-1"));
    QCOMPARE(member->name, QStringLiteral("Ana"));
    QCOMPARE(m_store->number("SELECT count(*) FROM members"), qint64(1));
    // A member linked already keeps its account.
    account.accountId = QStringLiteral("sq-account-2");
    LT_VERIFY_OK(lt::EnrollmentService::enrollFromSquare(m_store->db(), m_store->clock(), account));
    LT_VERIFY_OK(member = m_store->engine().members().byId(here->id));
    QCOMPARE(member->squareAccountId, QStringLiteral("sq-account-1"));
}

void TestEnrollmentService::refusesASquareAccountWithoutAUsablePhone()
{
    lt::SquareEnrollment account;
    account.accountId = QStringLiteral("sq-account-1");
    LT_VERIFY_ERROR(lt::EnrollmentService::enrollFromSquare(m_store->db(), m_store->clock(), account),
                    ErrorKind::InvalidInput);
    account.phone = QStringLiteral("415 555 0100");
    LT_VERIFY_ERROR(lt::EnrollmentService::enrollFromSquare(m_store->db(), m_store->clock(), account),
                    ErrorKind::InvalidInput);
    QCOMPARE(m_store->number("SELECT count(*) FROM members"), qint64(0));
}

QTEST_GUILESS_MAIN(TestEnrollmentService)
#include "tst_enrollmentservice.moc"
