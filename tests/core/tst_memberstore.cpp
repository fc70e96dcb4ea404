#include "core/exchange/DemoDataGenerator.h"
#include "core/store/MemberStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::MemberStore;
using lt::test::TempStore;

// The members' owner, as sync uses it: linking members to their Square accounts and keeping what Square said.
class TestMemberStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void findsMembersByPhoneCardAndStanding();
    void linksAndUnlinksSquareAccounts();
    void readsEachLinkedHistoryOnce();
    void comparesBalancesOfSettledMembersOnly();

private:
    qint64 enroll(const char* phone);

    std::unique_ptr<TempStore> m_store;
};

void TestMemberStore::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestMemberStore::cleanup()
{
    m_store.reset();
}

qint64 TestMemberStore::enroll(const char* phone)
{
    auto member = m_store->enroll(QString::fromLatin1(phone));
    return member ? member->id : 0;
}

void TestMemberStore::findsMembersByPhoneCardAndStanding()
{
    const MemberStore members(m_store->db());
    const qint64 id = enroll("415 555 2671");
    QVERIFY(id > 0);
    LT_VERIFY_OK(m_store->engine().enrollment().assignCard(id, QString(), TempStore::cashier()));
    auto count = members.count();
    LT_VERIFY_OK(count);
    QCOMPARE(*count, qint64(1));
    auto byPhone = members.idByPhone(QStringLiteral("+14155552671"));
    LT_VERIFY_OK(byPhone);
    QCOMPARE(*byPhone, id);
    auto nobody = members.idByPhone(QStringLiteral("+14155550000"));
    LT_VERIFY_OK(nobody);
    QCOMPARE(*nobody, qint64(0));
    auto card = members.highestCard(QStringLiteral("29"));
    LT_VERIFY_OK(card);
    QCOMPARE(*card, QStringLiteral("2900000000018"));
    auto byCard = members.idByCard(*card);
    LT_VERIFY_OK(byCard);
    QCOMPARE(*byCard, id);
    auto row = members.byCard(*card);
    LT_VERIFY_OK(row);
    QVERIFY(row->has_value());
    QCOMPARE((*row)->phone, QStringLiteral("+14155552671"));
    QCOMPARE((*row)->card, *card);
    auto standing = members.standing(id);
    LT_VERIFY_OK(standing);
    QVERIFY(*standing == MemberStore::Standing::Active);
    LT_VERIFY_OK(standing = members.standing(id + 1));
    QVERIFY(*standing == MemberStore::Standing::Missing);
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE members SET erased_at = 'x' WHERE id = ?"), {id}));
    LT_VERIFY_OK(standing = members.standing(id));
    QVERIFY(*standing == MemberStore::Standing::Erased);
}

void TestMemberStore::linksAndUnlinksSquareAccounts()
{
    MemberStore members(m_store->db());
    const qint64 id = enroll("415 555 2671");
    auto account = members.squareAccountId(id);
    LT_VERIFY_OK(account);
    QVERIFY(account->isEmpty());
    // Found by phone at Square: its history is read by the next pull.
    LT_VERIFY_OK(members.linkSquareAccount(id, QStringLiteral("acc-1"), std::nullopt));
    LT_VERIFY_OK(account = members.squareAccountId(id));
    QCOMPARE(*account, QStringLiteral("acc-1"));
    QCOMPARE(m_store->number("SELECT count(*) FROM members WHERE id = ? AND square_history_at IS NULL", {id}),
             qint64(1));
    // A linked member keeps its account when a pull finds it by phone again.
    auto relinked = members.linkSquareAccountIfUnlinked(id, QStringLiteral("acc-2"));
    LT_VERIFY_OK(relinked);
    QVERIFY(!*relinked);
    LT_VERIFY_OK(account = members.squareAccountId(id));
    QCOMPARE(*account, QStringLiteral("acc-1"));
    auto link = members.bySquareAccount(QStringLiteral("acc-1"));
    LT_VERIFY_OK(link);
    QVERIFY(link->has_value());
    QCOMPARE((*link)->memberId, id);
    QCOMPARE((*link)->balance, qint64(0));
    // Unlinked (the account was merged away), it is linked again by phone.
    LT_VERIFY_OK(members.unlinkSquareAccount(id));
    LT_VERIFY_OK(account = members.squareAccountId(id));
    QVERIFY(account->isEmpty());
    LT_VERIFY_OK(relinked = members.linkSquareAccountIfUnlinked(id, QStringLiteral("acc-2")));
    QVERIFY(*relinked);
    LT_VERIFY_OK(link = members.bySquareAccount(QStringLiteral("acc-1")));
    QVERIFY(!link->has_value());
    // A new account has no history this store lacks.
    const qint64 other = enroll("415 555 2672");
    LT_VERIFY_OK(members.linkSquareAccount(other, QStringLiteral("acc-3"), m_store->clock().nowUtc()));
    QCOMPARE(m_store->number("SELECT count(*) FROM members WHERE id = ? AND square_history_at IS NOT NULL", {other}),
             qint64(1));
}

void TestMemberStore::readsEachLinkedHistoryOnce()
{
    // Generated members come first and are linked too, as a trained till might have them: never read.
    lt::GenerateOptions options;
    options.members = 3;
    LT_VERIFY_OK(lt::DemoDataGenerator(m_store->engine().context()).generate(options));
    MemberStore members(m_store->db());
    LT_VERIFY_OK(members.linkSquareAccount(1, QStringLiteral("demo-1"), std::nullopt));
    const qint64 first = enroll("415 555 2671");
    const qint64 second = enroll("415 555 2672");
    enroll("415 555 2673"); // never linked
    LT_VERIFY_OK(members.linkSquareAccount(second, QStringLiteral("acc-2"), std::nullopt));
    LT_VERIFY_OK(members.linkSquareAccount(first, QStringLiteral("acc-1"), std::nullopt));
    auto next = members.nextWithoutSquareHistory();
    LT_VERIFY_OK(next);
    QCOMPARE(*next, first);
    LT_VERIFY_OK(members.markSquareHistoryRead(first, m_store->clock().nowUtc()));
    LT_VERIFY_OK(next = members.nextWithoutSquareHistory());
    QCOMPARE(*next, second);
    LT_VERIFY_OK(members.markSquareHistoryRead(second, m_store->clock().nowUtc()));
    LT_VERIFY_OK(next = members.nextWithoutSquareHistory());
    QCOMPARE(*next, qint64(0));
}

void TestMemberStore::comparesBalancesOfSettledMembersOnly()
{
    MemberStore members(m_store->db());
    const qint64 id = enroll("415 555 2671");
    LT_VERIFY_OK(m_store->accrue(id, QStringLiteral("S-1"), 4200));
    auto balance = members.balance(id);
    LT_VERIFY_OK(balance);
    QCOMPARE(*balance, qint64(42));
    // Not linked: nothing to compare.
    auto phone = members.phoneWhenSettledWithSquare(id);
    LT_VERIFY_OK(phone);
    QVERIFY(phone->isEmpty());
    LT_VERIFY_OK(members.linkSquareAccount(id, QStringLiteral("acc-1"), m_store->clock().nowUtc()));
    LT_VERIFY_OK(phone = members.phoneWhenSettledWithSquare(id));
    QCOMPARE(*phone, QStringLiteral("+14155552671"));
    // An operation whose outcome at Square is unknown unsettles the member.
    LT_VERIFY_OK(m_store->db().exec(
        QStringLiteral("UPDATE outbox SET first_attempt_at = '2024-03-01T12:00:00.000Z' WHERE member_id = ?"), {id}));
    LT_VERIFY_OK(phone = members.phoneWhenSettledWithSquare(id));
    QVERIFY(phone->isEmpty());
    LT_VERIFY_OK(m_store->db().exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE member_id = ?"), {id}));
    LT_VERIFY_OK(phone = members.phoneWhenSettledWithSquare(id));
    QCOMPARE(*phone, QStringLiteral("+14155552671"));
    LT_VERIFY_OK(members.recordSquareBalance(id, 40, m_store->clock().nowUtc()));
    QCOMPARE(m_store->number("SELECT square_balance FROM members WHERE id = ? AND square_checked_at IS NOT NULL", {id}),
             qint64(40));
}

QTEST_GUILESS_MAIN(TestMemberStore)
#include "tst_memberstore.moc"
