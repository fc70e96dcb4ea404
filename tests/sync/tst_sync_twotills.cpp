// The program's own bonuses reach Square and every till exactly once when two tills of a store, each with its own
// database, decide them: each grant's natural key is Square's idempotency key and is written into the adjustment's
// reason, so Square applies the second till's request once and a till that pulls the other one's grant first
// records it and never grants it. Real SQLite stores, real HTTP on 127.0.0.1 against the fake Square, which checks
// every request against Square's OpenAPI description.
#include "core/services/BonusGranter.h"
#include "core/store/GrantStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/sync/FakeSquareServer.h"
#include "tests/sync/SyncedTill.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTranslator>

#include <memory>
#include <optional>

using lt::test::FakeSquareServer;
using namespace lt;

namespace {
const QString Ana = QStringLiteral("+14155552671"); // born on Wednesday 12 June (1990): her week is 10-16 June 2024
const QString Ben = QStringLiteral("+14155552672");
const QString Cy = QStringLiteral("+14155552673");
const QString Dee = QStringLiteral("+14155552674");
const QString AnasBirthday = QStringLiteral("1990-06-12");
constexpr qint64 BirthdayPoints = 50; // the default program's gift
constexpr qint64 DayMs = 24LL * 3600 * 1000;

using Till = lt::test::SyncedTill;

QDateTime noon(QDate day)
{
    return Till::noon(day);
}

// A till that speaks another language: every text the program translates comes out different.
class OtherLanguage final : public QTranslator
{
public:
    OtherLanguage() { QCoreApplication::installTranslator(this); }
    ~OtherLanguage() override { QCoreApplication::removeTranslator(this); }
    OtherLanguage(const OtherLanguage&) = delete;
    OtherLanguage& operator=(const OtherLanguage&) = delete;

    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* sourceText, const char* disambiguation, int n) const override
    {
        Q_UNUSED(context)
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        return QStringLiteral("¡%1!").arg(QString::fromUtf8(sourceText));
    }
};

qsizetype birthdays(const AutomationReport& report)
{
    return std::count_if(report.grants.cbegin(), report.grants.cend(),
                         [](const AutomationGrant& grant) { return grant.kind == QLatin1String("birthday"); });
}
} // namespace

class TestTwoTills : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void bothGrantBeforeSyncingSquareHasItOnce_data();
    void bothGrantBeforeSyncingSquareHasItOnce();
    void tillThatPullsFirstGrantsNothing();
    void weekOffIsCaughtUpOnce_data();
    void weekOffIsCaughtUpOnce();
    void referralReachesSquareAndTheOtherTillOnce();
    void referralDecidedOnBothTillsReachesSquareOnce();

private:
    std::unique_ptr<Till> till();
    // The ADJUST_POINTS events at Square for the grant `key`.
    qsizetype adjustmentsAtSquare(const QString& key) const;

    std::unique_ptr<FakeSquareServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestTwoTills::initTestCase()
{
    qRegisterMetaType<lt::SyncReport>();
}

void TestTwoTills::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestTwoTills::cleanup()
{
    QVERIFY2(m_server->specViolations().isEmpty(), qPrintable(m_server->specViolations().join(u'\n')));
    m_network.reset();
    m_server.reset();
}

std::unique_ptr<Till> TestTwoTills::till()
{
    return std::make_unique<Till>(*m_server, *m_network);
}

qsizetype TestTwoTills::adjustmentsAtSquare(const QString& key) const
{
    qsizetype found = 0;
    const QString reference = QStringLiteral("[ref %1]").arg(key);
    for (const QJsonValue& value : m_server->events()) {
        const QJsonObject event = value.toObject();
        const QString reason =
            event.value(QLatin1String("adjust_points")).toObject().value(QLatin1String("reason")).toString();
        found += event.value(QLatin1String("type")).toString() == QLatin1String("ADJUST_POINTS")
            && reason.contains(reference);
    }
    return found;
}

void TestTwoTills::bothGrantBeforeSyncingSquareHasItOnce_data()
{
    QTest::addColumn<bool>("firstSyncsFirst");
    QTest::addColumn<bool>("otherLanguage"); // the second till speaks another language
    QTest::newRow("the till that granted first syncs first") << true << false;
    QTest::newRow("the till that granted last syncs first") << false << false;
    QTest::newRow("the tills speak different languages") << true << true;
}

void TestTwoTills::bothGrantBeforeSyncingSquareHasItOnce()
{
    QFETCH(bool, firstSyncsFirst);
    QFETCH(bool, otherLanguage);
    auto a = till();
    auto b = till();
    // Ana enrolled at each till while both were offline, birthday and all (on 1 March).
    for (Till* t : {a.get(), b.get()})
        LT_VERIFY_OK(t->enroll(Ana, AnasBirthday));

    // Tuesday of her birthday week: each till's pass gives the gift, before either has reached Square.
    for (Till* t : {a.get(), b.get()}) {
        std::optional<OtherLanguage> language;
        if (otherLanguage && t == b.get())
            language.emplace();
        auto report = t->passOn(QDate(2024, 6, 11));
        LT_VERIFY_OK(report);
        QCOMPARE(birthdays(*report), 1);
    }
    if (otherLanguage) {
        auto note = b->store.db().scalar(QStringLiteral("SELECT note FROM ledger WHERE member_id = ? AND points = ?"),
                                         {b->member(Ana), BirthdayPoints});
        LT_VERIFY_OK(note);
        QVERIFY2(note->toString().startsWith(u'¡'), qPrintable(note->toString()));
    }
    const QString key = BonusGranter::naturalKey(GrantKind::Birthday, QStringLiteral("2024"), Ana);
    Till* first = firstSyncsFirst ? a.get() : b.get();
    Till* second = firstSyncsFirst ? b.get() : a.get();
    for (Till* t : {first, second, first}) {
        const SyncReport report = t->sync();
        QVERIFY2(!report.stopped, qPrintable(report.error));
    }
    QCOMPARE(m_server->accountCount(), 1);
    QCOMPARE(adjustmentsAtSquare(key), 1);
    QCOMPARE(m_server->balanceForPhone(Ana), BirthdayPoints);
    for (Till* t : {a.get(), b.get()}) {
        t->verifyAgrees(*m_server, {Ana});
        QCOMPARE(t->grantsOf(Ana, QStringLiteral("birthday")), 1);
        QCOMPARE(t->entriesOf(Ana, BirthdayPoints), 1);
        // The program Square sent kept the store's birthday gift: the passes below could give it.
        QVERIFY(t->store.engine().program().birthdayBonus);
    }

    // Another pass and sync on each, the same day and the next: nothing changes anywhere.
    const int events = m_server->eventCount();
    for (int day = 11; day <= 12; ++day) {
        for (Till* t : {a.get(), b.get()}) {
            auto report = t->passOn(QDate(2024, 6, day));
            LT_VERIFY_OK(report);
            QCOMPARE(birthdays(*report), 0);
            const SyncReport synced = t->sync();
            QVERIFY2(!synced.stopped, qPrintable(synced.error));
            QCOMPARE(synced.eventsApplied, 0);
        }
    }
    QCOMPARE(m_server->eventCount(), events);
    for (Till* t : {a.get(), b.get()}) {
        t->verifyAgrees(*m_server, {Ana});
        QCOMPARE(t->balance(Ana), BirthdayPoints);
        QCOMPARE(t->grantsOf(Ana, QStringLiteral("birthday")), 1);
    }
}

void TestTwoTills::tillThatPullsFirstGrantsNothing()
{
    auto a = till();
    auto b = till();
    for (Till* t : {a.get(), b.get()})
        LT_VERIFY_OK(t->enroll(Ana, AnasBirthday));
    auto granted = a->passOn(QDate(2024, 6, 10));
    LT_VERIFY_OK(granted);
    QCOMPARE(birthdays(*granted), 1);
    QVERIFY(!a->sync().stopped);

    // B reaches Square before its own pass: the pull brings A's gift, recorded under its key.
    b->store.clock().set(noon(QDate(2024, 6, 10)));
    const SyncReport pulled = b->sync();
    QVERIFY2(!pulled.stopped, qPrintable(pulled.error));
    const QString key = BonusGranter::naturalKey(GrantKind::Birthday, QStringLiteral("2024"), Ana);
    auto learned = GrantStore(b->store.db()).byKey(key);
    LT_VERIFY_OK(learned);
    QVERIFY(learned->has_value());
    QCOMPARE((*learned)->memberId, b->member(Ana));
    QCOMPARE((*learned)->points, BirthdayPoints);
    QCOMPARE(b->store.db().scalar(QStringLiteral("SELECT source FROM grants WHERE grant_key = ?"), {key})->toString(),
             QStringLiteral("square"));
    QVERIFY(b->store.engine().program().birthdayBonus);

    const qint64 outbox = b->store.number("SELECT count(*) FROM outbox");
    auto report = b->pass();
    LT_VERIFY_OK(report);
    QCOMPARE(birthdays(*report), 0);
    QCOMPARE(b->store.number("SELECT count(*) FROM outbox"), outbox);
    QVERIFY(!b->sync().stopped);
    QVERIFY(!a->sync().stopped);
    QCOMPARE(adjustmentsAtSquare(key), 1);
    QCOMPARE(m_server->balanceForPhone(Ana), BirthdayPoints);
    for (Till* t : {a.get(), b.get()}) {
        t->verifyAgrees(*m_server, {Ana});
        QCOMPARE(t->grantsOf(Ana, QStringLiteral("birthday")), 1);
        QCOMPARE(t->entriesOf(Ana, BirthdayPoints), 1);
    }
}

void TestTwoTills::weekOffIsCaughtUpOnce_data()
{
    QTest::addColumn<bool>("otherTillGaveIt"); // the other till, open all week, gave the gift and synced
    QTest::addColumn<bool>("passBeforeSync"); // back, the till runs its pass before its first sync
    QTest::newRow("the only till") << false << true;
    QTest::newRow("the other till gave it; back, the till syncs first") << true << false;
    QTest::newRow("the other till gave it; back, the till runs its pass first") << true << true;
}

void TestTwoTills::weekOffIsCaughtUpOnce()
{
    QFETCH(bool, otherTillGaveIt);
    QFETCH(bool, passBeforeSync);
    auto a = till();
    auto b = till();
    for (Till* t : {a.get(), b.get()})
        LT_VERIFY_OK(t->enroll(Ana, AnasBirthday));
    for (Till* t : {a.get(), b.get()}) {
        LT_VERIFY_OK(t->passOn(QDate(2024, 6, 9))); // Sunday: the week before hers
        QVERIFY(!t->sync().stopped);
    }
    if (otherTillGaveIt) {
        auto given = a->passOn(QDate(2024, 6, 12));
        LT_VERIFY_OK(given);
        QCOMPARE(birthdays(*given), 1);
        QVERIFY(!a->sync().stopped);
    }

    // B is off from Monday 10 June, her whole week, and back on Monday 17 June; Square has long forgotten the
    // idempotency keys of that week (it remembers them for a day).
    b->store.clock().advance(8 * DayMs);
    QCOMPARE(b->store.clock().nowUtc().toLocalTime().date(), QDate(2024, 6, 17));
    m_server->forgetIdempotencyKeys();
    if (!passBeforeSync)
        QVERIFY(!b->sync().stopped);
    auto back = b->pass();
    LT_VERIFY_OK(back);
    QCOMPARE(back->from, QDate(2024, 6, 10));
    QCOMPARE(birthdays(*back), otherTillGaveIt && !passBeforeSync ? 0 : 1);
    QVERIFY(!b->sync().stopped);
    a->store.clock().set(b->store.clock().nowUtc());
    QVERIFY(!a->sync().stopped);

    // The days caught up are not caught up again.
    auto next = b->passOn(QDate(2024, 6, 18));
    LT_VERIFY_OK(next);
    QCOMPARE(next->from, QDate(2024, 6, 18));
    QCOMPARE(birthdays(*next), 0);
    QVERIFY(!b->sync().stopped);

    const QString key = BonusGranter::naturalKey(GrantKind::Birthday, QStringLiteral("2024"), Ana);
    // Square no longer remembers the key A used days ago: the push looks for a bonus's shared key among the
    // account's events before its first send, finds A's gift and sends nothing.
    QCOMPARE(adjustmentsAtSquare(key), 1);
    QCOMPARE(m_server->balanceForPhone(Ana), BirthdayPoints);
    for (Till* t : {a.get(), b.get()}) {
        t->verifyAgrees(*m_server, {Ana});
        QCOMPARE(t->grantsOf(Ana, QStringLiteral("birthday")), 1);
        QCOMPARE(t->entriesOf(Ana, BirthdayPoints), 1);
    }
}

void TestTwoTills::referralReachesSquareAndTheOtherTillOnce()
{
    auto a = till();
    auto b = till();
    const ReferralBonus rule = *a->store.engine().program().referralBonus;
    // Ben shops at both tills; Cy joins at A, brought by Ben.
    for (Till* t : {a.get(), b.get()})
        LT_VERIFY_OK(t->enroll(Ben));
    LT_VERIFY_OK(a->enroll(Cy, {}, Ben));
    for (Till* t : {a.get(), b.get()})
        QVERIFY(!t->sync().stopped);

    // Cy's first sale at A, of the minimum spend: both bonuses.
    auto sale = a->store.accrue(a->member(Cy), QStringLiteral("A-1"), rule.minimumSpendMinor);
    LT_VERIFY_OK(sale);
    QCOMPARE(a->grantsOf(Cy, QStringLiteral("referral")), 1);
    QCOMPARE(a->grantsOf(Ben, QStringLiteral("referral")), 1);
    for (Till* t : {a.get(), b.get(), a.get()})
        QVERIFY(!t->sync().stopped);

    const QString referee = BonusGranter::naturalKey(GrantKind::Referral, QStringLiteral("referee"), Cy);
    const QString referrer = BonusGranter::naturalKey(GrantKind::Referral, QStringLiteral("referrer"), Cy);
    QCOMPARE(adjustmentsAtSquare(referee), 1);
    QCOMPARE(adjustmentsAtSquare(referrer), 1);
    QCOMPARE(m_server->balanceForPhone(Ben), rule.referrerPoints);
    for (Till* t : {a.get(), b.get()}) {
        t->verifyAgrees(*m_server, {Ben, Cy});
        QCOMPARE(t->grantsOf(Cy, QStringLiteral("referral")), 1);
        QCOMPARE(t->grantsOf(Ben, QStringLiteral("referral")), 1);
        QCOMPARE(t->entriesOf(Ben, rule.referrerPoints), 1);
        QCOMPARE(t->entriesOf(Cy, rule.refereePoints), 1);
    }
    // B knows Cy only through Square: her next sale there is no first sale of a referral.
    LT_VERIFY_OK(b->store.accrue(b->member(Cy), QStringLiteral("B-1"), rule.minimumSpendMinor));
    for (Till* t : {b.get(), a.get()})
        QVERIFY(!t->sync().stopped);
    QCOMPARE(adjustmentsAtSquare(referee), 1);
    QCOMPARE(adjustmentsAtSquare(referrer), 1);
    for (Till* t : {a.get(), b.get()}) {
        t->verifyAgrees(*m_server, {Ben, Cy});
        QCOMPARE(t->grantsOf(Ben, QStringLiteral("referral")), 1);
    }
}

void TestTwoTills::referralDecidedOnBothTillsReachesSquareOnce()
{
    auto a = till();
    auto b = till();
    const ReferralBonus rule = *a->store.engine().program().referralBonus;
    // Cy joined at each till while both were offline, each time naming Ben; B knew Dee first, so its members are
    // numbered differently from A's.
    LT_VERIFY_OK(b->enroll(Dee));
    for (Till* t : {a.get(), b.get()}) {
        LT_VERIFY_OK(t->enroll(Ben));
        LT_VERIFY_OK(t->enroll(Cy, {}, Ben));
    }
    QVERIFY(a->member(Cy) != b->member(Cy));
    // Her first sale at each till, before either reached Square: each till decides both bonuses.
    for (Till* t : {a.get(), b.get()}) {
        LT_VERIFY_OK(t->store.accrue(t->member(Cy), QStringLiteral("S-%1").arg(t->member(Cy)), rule.minimumSpendMinor));
        QCOMPARE(t->grantsOf(Ben, QStringLiteral("referral")), 1);
    }
    for (Till* t : {a.get(), b.get(), a.get()}) {
        const SyncReport report = t->sync();
        QVERIFY2(!report.stopped, qPrintable(report.error));
    }
    QCOMPARE(adjustmentsAtSquare(BonusGranter::naturalKey(GrantKind::Referral, QStringLiteral("referee"), Cy)), 1);
    QCOMPARE(adjustmentsAtSquare(BonusGranter::naturalKey(GrantKind::Referral, QStringLiteral("referrer"), Cy)), 1);
    QCOMPARE(m_server->balanceForPhone(Ben), rule.referrerPoints);
    for (Till* t : {a.get(), b.get()}) {
        t->verifyAgrees(*m_server, {Ben, Cy});
        QCOMPARE(t->entriesOf(Ben, rule.referrerPoints), 1);
    }
}

QTEST_GUILESS_MAIN(TestTwoTills)
#include "tst_sync_twotills.moc"
