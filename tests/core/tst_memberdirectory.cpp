#include "core/domain/CardNumber.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::ErrorKind;
using lt::MemberDirectory;
using lt::test::TempStore;

class TestMemberDirectory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void findsByPhoneInAnyFormat_data();
    void findsByPhoneInAnyFormat();
    void unknownPhoneIsEmptyWithNormalizedNumber();
    void findsByCard();
    void unknownCardIsEmpty();
    void findsByNamePrefix_data();
    void findsByNamePrefix();
    void refusesUnusableQueries();
    void findsById();
    void listsInPages();
    void showsHistoryNewestFirst();

private:
    QList<qint64> idsFor(const QString& query);

    std::unique_ptr<TempStore> m_store;
    qint64 m_jose = 0;
    qint64 m_joanna = 0;
    qint64 m_hanako = 0;
};

void TestMemberDirectory::initTestCase()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    lt::EnrollmentRequest jose;
    jose.phone = QStringLiteral("(415) 555-2671");
    jose.name = QStringLiteral("Jos\u00E9 Mu\u00F1oz");
    jose.email = QStringLiteral("jose.munoz@example.com");
    jose.card = lt::CardNumber::fromSerial(1);
    auto enrolled = m_store->engine().enrollment().enroll(jose, TempStore::cashier());
    LT_VERIFY_OK(enrolled);
    m_jose = enrolled->member.id;
    auto joanna = m_store->enroll(QStringLiteral("415 555 2672"), QStringLiteral("Joanna Murray"),
                                  QStringLiteral("jm@example.org"));
    LT_VERIFY_OK(joanna);
    m_joanna = joanna->id;
    auto hanako = m_store->enroll(QStringLiteral("+44 20 7946 0018"), QStringLiteral("山田 花子"));
    LT_VERIFY_OK(hanako);
    m_hanako = hanako->id;
    for (int i = 0; i < 5; ++i)
        LT_VERIFY_OK(m_store->enroll(QStringLiteral("+1 415 555 %1").arg(2700 + i), QStringLiteral("Zed %1").arg(i)));
}

void TestMemberDirectory::cleanupTestCase()
{
    m_store.reset();
}

QList<qint64> TestMemberDirectory::idsFor(const QString& query)
{
    QList<qint64> ids;
    auto found = m_store->engine().members().lookup(query);
    if (!found) {
        qWarning("%s", qPrintable(lt::test::describe(found.error())));
        return {-1};
    }
    for (const lt::Member& m : found->members)
        ids << m.id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

void TestMemberDirectory::findsByPhoneInAnyFormat_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("parentheses") << QStringLiteral("(415) 555-2671");
    QTest::newRow("dots") << QStringLiteral("415.555.2671");
    QTest::newRow("international") << QStringLiteral("+1 415 555 2671");
    QTest::newRow("trunk prefix") << QStringLiteral("1-415-555-2671");
    QTest::newRow("digits") << QStringLiteral("4155552671");
    QTest::newRow("padded") << QStringLiteral("   415 555 2671  ");
}

void TestMemberDirectory::findsByPhoneInAnyFormat()
{
    QFETCH(QString, query);
    auto found = m_store->engine().members().lookup(query);
    LT_VERIFY_OK(found);
    QCOMPARE(found->matchedBy, MemberDirectory::MatchedBy::Phone);
    QCOMPARE(found->normalized, QStringLiteral("+14155552671"));
    QCOMPARE(found->members.size(), 1);
    QCOMPARE(found->members.first().id, m_jose);
    auto direct = m_store->engine().members().byPhone(query);
    LT_VERIFY_OK(direct);
    QCOMPARE(direct->id, m_jose);
}

void TestMemberDirectory::unknownPhoneIsEmptyWithNormalizedNumber()
{
    auto found = m_store->engine().members().lookup(QStringLiteral("(415) 555-2699"));
    LT_VERIFY_OK(found);
    QCOMPARE(found->matchedBy, MemberDirectory::MatchedBy::Phone);
    QVERIFY(found->members.isEmpty());
    QCOMPARE(found->normalized, QStringLiteral("+14155552699"));
    LT_VERIFY_ERROR(m_store->engine().members().byPhone(QStringLiteral("(415) 555-2699")), ErrorKind::NotFound);
    // A phone-shaped query that is no valid number says why.
    const auto invalid = m_store->engine().members().lookup(QStringLiteral("555-26"));
    LT_VERIFY_ERROR(invalid, ErrorKind::InvalidInput);
    QCOMPARE(invalid.error().field, QStringLiteral("phone"));
}

void TestMemberDirectory::findsByCard()
{
    for (const QString& scan :
         {lt::CardNumber::fromSerial(1), QStringLiteral("2900 0000 0001 8"), QStringLiteral("2900-0000-0001-8")}) {
        auto found = m_store->engine().members().lookup(scan);
        LT_VERIFY_OK(found);
        QCOMPARE(found->matchedBy, MemberDirectory::MatchedBy::Card);
        QCOMPARE(found->normalized, lt::CardNumber::fromSerial(1));
        QCOMPARE(found->members.size(), 1);
        QCOMPARE(found->members.first().id, m_jose);
        QCOMPARE(found->members.first().card, lt::CardNumber::fromSerial(1));
    }
    // A misread barcode is refused, not searched as a name.
    LT_VERIFY_ERROR(m_store->engine().members().lookup(QStringLiteral("2900000000017")), ErrorKind::InvalidInput);
}

void TestMemberDirectory::unknownCardIsEmpty()
{
    auto found = m_store->engine().members().lookup(lt::CardNumber::fromSerial(99));
    LT_VERIFY_OK(found);
    QCOMPARE(found->matchedBy, MemberDirectory::MatchedBy::Card);
    QVERIFY(found->members.isEmpty());
    QCOMPARE(found->normalized, lt::CardNumber::fromSerial(99));
    LT_VERIFY_ERROR(m_store->engine().members().byCard(lt::CardNumber::fromSerial(99)), ErrorKind::NotFound);
}

void TestMemberDirectory::findsByNamePrefix_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected"); // which of jose, joanna, hanako
    QTest::newRow("folded first name") << QStringLiteral("jose") << QStringLiteral("jose");
    QTest::newRow("accented as stored") << QStringLiteral("JOS\u00C9") << QStringLiteral("jose");
    QTest::newRow("decomposed accent") << QStringLiteral("Jose\u0301") << QStringLiteral("jose");
    QTest::newRow("shared prefix") << QStringLiteral("jo") << QStringLiteral("jose joanna");
    QTest::newRow("two prefixes") << QStringLiteral("jo mu") << QStringLiteral("jose joanna");
    QTest::newRow("two prefixes, one member") << QStringLiteral("jo mun") << QStringLiteral("jose");
    QTest::newRow("words in any order") << QStringLiteral("murray jo") << QStringLiteral("joanna");
    QTest::newRow("last name with tilde") << QStringLiteral("Mu\u00F1") << QStringLiteral("jose");
    QTest::newRow("email prefix") << QStringLiteral("jose.mu") << QStringLiteral("jose");
    QTest::newRow("whole email") << QStringLiteral("JM@example.org") << QStringLiteral("joanna");
    QTest::newRow("cjk") << QStringLiteral("花子") << QStringLiteral("hanako");
    QTest::newRow("no match") << QStringLiteral("jo xy") << QString();
    QTest::newRow("prefix of nothing") << QStringLiteral("quentin") << QString();
}

void TestMemberDirectory::findsByNamePrefix()
{
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QList<qint64> ids;
    for (const QString& who : expected.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        ids << (who == QLatin1String("jose") ? m_jose : who == QLatin1String("joanna") ? m_joanna : m_hanako);
    std::sort(ids.begin(), ids.end());
    QCOMPARE(idsFor(query), ids);
    auto found = m_store->engine().members().lookup(query);
    LT_VERIFY_OK(found);
    QCOMPARE(found->matchedBy, MemberDirectory::MatchedBy::Text);
}

void TestMemberDirectory::refusesUnusableQueries()
{
    for (const QString& query :
         {QString(), QStringLiteral("   "), QStringLiteral(" - , "), QStringLiteral("a").repeated(201)}) {
        const auto found = m_store->engine().members().lookup(query);
        LT_VERIFY_ERROR(found, ErrorKind::InvalidInput);
        QCOMPARE(found.error().field, QStringLiteral("query"));
    }
    // The result limit holds.
    auto limited = m_store->engine().members().search(QStringLiteral("zed"), 2);
    LT_VERIFY_OK(limited);
    QCOMPARE(limited->size(), 2);
}

void TestMemberDirectory::findsById()
{
    auto jose = m_store->engine().members().byId(m_jose);
    LT_VERIFY_OK(jose);
    QCOMPARE(jose->phone, QStringLiteral("+14155552671"));
    QCOMPARE(jose->email, QStringLiteral("jose.munoz@example.com"));
    LT_VERIFY_ERROR(m_store->engine().members().byId(424242), ErrorKind::NotFound);
}

void TestMemberDirectory::listsInPages()
{
    auto first = m_store->engine().members().list(3);
    LT_VERIFY_OK(first);
    QCOMPARE(first->size(), 3);
    auto rest = m_store->engine().members().list(100, first->last().id);
    LT_VERIFY_OK(rest);
    QCOMPARE(rest->size(), 5);
    QVERIFY(rest->first().id > first->last().id);
}

void TestMemberDirectory::showsHistoryNewestFirst()
{
    auto sale = m_store->accrue(m_joanna, QStringLiteral("H-1"), 2500);
    LT_VERIFY_OK(sale);
    lt::RedemptionRequest redeem;
    redeem.memberId = m_joanna;
    redeem.rewardTierId = QStringLiteral("points-as-cash");
    redeem.points = 20;
    LT_VERIFY_OK(m_store->engine().redemption().redeem(redeem, TempStore::cashier()));
    auto history = m_store->engine().members().history(m_joanna);
    LT_VERIFY_OK(history);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).kind, lt::LedgerKind::Redeem);
    QCOMPARE(history->at(0).points, qint64(-20));
    QCOMPARE(history->at(0).rewardTierId, QStringLiteral("points-as-cash"));
    QCOMPARE(history->at(0).discountMinor, qint64(100));
    QCOMPARE(history->at(1).kind, lt::LedgerKind::Accrue);
    QCOMPARE(history->at(1).points, qint64(25));
    QCOMPARE(history->at(1).saleReference, QStringLiteral("H-1"));
    QCOMPARE(history->at(1).actor, QStringLiteral("cashier-1"));
    QVERIFY(!history->at(1).synced); // queued for Square, not yet sent
    LT_VERIFY_ERROR(m_store->engine().members().history(424242), ErrorKind::NotFound);
}

QTEST_GUILESS_MAIN(TestMemberDirectory)
#include "tst_memberdirectory.moc"
