#include "core/services/ExpiryService.h"
#include "core/services/RefundService.h"
#include "core/store/BulkMemberWriter.h"
#include "core/store/LedgerStore.h"
#include "core/store/LedgerWriter.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

#include <functional>
#include <utility>

using lt::ExpiringPoints;
using lt::ExpiryRules;
using lt::ExpiryService;
using lt::LedgerKind;
using lt::LedgerStore;
using lt::test::TempStore;

namespace {
QString lots(const QList<ExpiringPoints>& list)
{
    QStringList items;
    for (const ExpiringPoints& lot : list)
        items << QStringLiteral("%1@%2").arg(lot.points).arg(lot.expiresAt.toString(Qt::ISODate));
    return items.isEmpty() ? QStringLiteral("-") : items.join(QLatin1Char(' '));
}

// Noon UTC: the same calendar day wherever the tests run (UTC-11 to UTC+11).
QDateTime noon(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(12, 0), Qt::UTC);
}

// A clock that runs `once` the first time it is read: in an expiry pass, inside its first write transaction, before
// its first entry.
class HookClock final : public lt::Clock
{
public:
    HookClock(const lt::Clock& time, std::function<void()> once)
        : m_time(time)
        , m_once(std::move(once))
    {
    }
    QDateTime nowUtc() const override
    {
        if (m_once)
            std::exchange(m_once, nullptr)();
        return m_time.nowUtc();
    }

private:
    const lt::Clock& m_time;
    mutable std::function<void()> m_once;
};
} // namespace

class TestExpiryService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void expiresOnce();
    void secondRunTheSameDayExpiresNothing();
    void connectedStoreExpiresNothing();
    void programWithoutExpiryExpiresNothing();
    void weekMissedIsCaughtUp();
    void refundSpendsTheOldestPoints();
    void expiringSumsToTheBalance();
    void expiringUnknownMember();
    void forecastOfTheComingDays();
    void manyMembersExpireInSlices();
    void memberWhoSpentAfterTheScanIsReadAgain();
    void scanGroupsEachMembersEntriesInOrder();

private:
    // Enrolls a member on that day and records their sales (day, amount in minor units): 1 point per 1.00.
    qint64 memberWithSales(int phoneSuffix, const QDateTime& enrolledAt,
                           const QList<std::pair<QDateTime, qint64>>& sales);
    ExpiryService& expiry() { return m_store->engine().expiry(); }
    qint64 expireEntries() { return m_store->number("SELECT count(*) FROM ledger WHERE kind = 'expire'"); }
    // Demo members 1..count: each earned 10 points in January 2023; every other one also 5 in June.
    void writeDemoMembers(qint64 count);

    std::unique_ptr<TempStore> m_store;
    int m_sales = 0;
};

void TestExpiryService::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    // A plain program: 1 point per 1.00 and nothing else that adds points, so the sums below are the sales'.
    lt::LoyaltyProgram program = lt::LoyaltyProgram::defaultProgram();
    program.memberTiers = {};
    program.birthdayBonus.reset();
    program.anniversaryBonus.reset();
    program.referralBonus.reset();
    program.winBack.reset();
    program.expirationMonths = 12;
    m_store->engine().context().program = program;
    m_sales = 0;
}

void TestExpiryService::cleanup()
{
    m_store.reset();
}

qint64 TestExpiryService::memberWithSales(int phoneSuffix, const QDateTime& enrolledAt,
                                          const QList<std::pair<QDateTime, qint64>>& sales)
{
    m_store->clock().set(enrolledAt);
    auto member = m_store->enroll(QStringLiteral("415 555 %1").arg(2600 + phoneSuffix));
    if (!member) {
        qWarning() << member.error().message;
        return 0;
    }
    for (const auto& [at, amountMinor] : sales) {
        m_store->clock().set(at);
        auto accrued = m_store->accrue(member->id, QStringLiteral("S-%1").arg(++m_sales), amountMinor);
        if (!accrued || accrued->points != amountMinor / 100) {
            qWarning() << "the sale did not earn" << amountMinor / 100 << "points";
            return 0;
        }
    }
    return member->id;
}

void TestExpiryService::expiresOnce()
{
    const qint64 ana = memberWithSales(1, noon(2023, 1, 5), {{noon(2023, 1, 10), 10000}, {noon(2023, 6, 15), 4000}});
    const qint64 ben = memberWithSales(2, noon(2023, 12, 1), {{noon(2023, 12, 5), 2500}});
    QVERIFY(ana > 0 && ben > 0);
    const qint64 outbox = m_store->number("SELECT count(*) FROM outbox");
    m_store->clock().set(noon(2024, 2, 1));

    auto expired = expiry().expireDue(QDate(2024, 2, 1), TempStore::cashier());
    LT_VERIFY_OK(expired);
    QCOMPARE(expired->size(), 1);
    QCOMPARE(expired->first().memberId, ana);
    QCOMPARE(expired->first().points, qint64(100));
    QCOMPARE(m_store->balance(ana), qint64(40));
    QCOMPARE(m_store->balance(ben), qint64(25));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE kind = 'expire' AND member_id = ? AND points = -100 "
                             "AND actor = 'cashier-1' AND note LIKE '%2023-01%'",
                             {ana}),
             qint64(1));
    // An unconnected store has no Square: the expiry is sent nowhere.
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox"), outbox);
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestExpiryService::secondRunTheSameDayExpiresNothing()
{
    const qint64 ana = memberWithSales(1, noon(2023, 1, 5), {{noon(2023, 1, 10), 10000}, {noon(2023, 6, 15), 4000}});
    QVERIFY(ana > 0);
    m_store->clock().set(noon(2024, 2, 1));
    LT_VERIFY_OK(expiry().expireDue(QDate(2024, 2, 1), TempStore::cashier()));
    const qint64 ledger = m_store->number("SELECT count(*) FROM ledger");

    m_store->clock().set(noon(2024, 2, 1).addSecs(3600));
    auto again = expiry().expireDue(QDate(2024, 2, 1), TempStore::cashier());
    LT_VERIFY_OK(again);
    QVERIFY(again->isEmpty());
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger"), ledger);
    QCOMPARE(m_store->balance(ana), qint64(40));
}

void TestExpiryService::connectedStoreExpiresNothing()
{
    const qint64 ana = memberWithSales(1, noon(2023, 1, 5), {{noon(2023, 1, 10), 10000}});
    QVERIFY(ana > 0);
    // Square expires the points of a connected store; the pull brings its EXPIRE_POINTS events.
    m_store->engine().context().program.squareProgramId = QStringLiteral("square-program-1");
    QVERIFY(!expiry().expiresLocally());
    auto expired = expiry().expireDue(QDate(2024, 6, 1), TempStore::cashier());
    LT_VERIFY_OK(expired);
    QVERIFY(expired->isEmpty());
    QCOMPARE(expireEntries(), qint64(0));
    QCOMPARE(m_store->balance(ana), qint64(100));
    // The member panel still shows when Square will expire them.
    auto expiring = expiry().expiring(ana, QDate(2023, 2, 1));
    LT_VERIFY_OK(expiring);
    QCOMPARE(lots(*expiring), QStringLiteral("100@2024-01-31"));
}

void TestExpiryService::programWithoutExpiryExpiresNothing()
{
    const qint64 ana = memberWithSales(1, noon(2020, 1, 5), {{noon(2020, 1, 10), 10000}});
    QVERIFY(ana > 0);
    m_store->engine().context().program.expirationMonths.reset();
    QVERIFY(!expiry().expiresLocally());
    auto expired = expiry().expireDue(QDate(2024, 6, 1), TempStore::cashier());
    LT_VERIFY_OK(expired);
    QVERIFY(expired->isEmpty());
    QCOMPARE(expireEntries(), qint64(0));
    auto expiring = expiry().expiring(ana, QDate(2024, 6, 1));
    LT_VERIFY_OK(expiring);
    QVERIFY(expiring->isEmpty());
}

void TestExpiryService::weekMissedIsCaughtUp()
{
    const qint64 ana = memberWithSales(
        1, noon(2023, 1, 5), {{noon(2023, 1, 10), 10000}, {noon(2023, 2, 10), 3000}, {noon(2023, 9, 1), 700}});
    QVERIFY(ana > 0);
    // The last run before the till was switched off: January's points are valid through the 31st.
    m_store->clock().set(noon(2024, 1, 31));
    auto before = expiry().expireDue(QDate(2024, 1, 31), TempStore::cashier());
    LT_VERIFY_OK(before);
    QVERIFY(before->isEmpty());
    // Back on after more than a month: January's and February's points expire in one entry naming both months.
    m_store->clock().set(noon(2024, 3, 7));
    auto caughtUp = expiry().expireDue(QDate(2024, 3, 7), TempStore::cashier());
    LT_VERIFY_OK(caughtUp);
    QCOMPARE(caughtUp->size(), 1);
    QCOMPARE(caughtUp->first().points, qint64(130));
    QCOMPARE(m_store->balance(ana), qint64(7));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE kind = 'expire' AND note LIKE '%2023-01, 2023-02%'"),
             qint64(1));
    // The following days find nothing more.
    for (int day = 8; day <= 14; ++day) {
        auto daily = expiry().expireDue(QDate(2024, 3, day), TempStore::cashier());
        LT_VERIFY_OK(daily);
        QVERIFY(daily->isEmpty());
    }
    QCOMPARE(expireEntries(), qint64(1));
}

void TestExpiryService::refundSpendsTheOldestPoints()
{
    const qint64 ana = memberWithSales(1, noon(2023, 1, 5), {{noon(2023, 1, 10), 10000}, {noon(2023, 6, 15), 6000}});
    QVERIFY(ana > 0);
    // Refunding June's sale takes its 60 points from January's, the oldest: 40 of January's are left to expire.
    m_store->clock().set(noon(2023, 6, 20));
    lt::RefundRequest refund;
    refund.saleReference = QStringLiteral("S-2");
    LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
    QCOMPARE(m_store->balance(ana), qint64(100));
    auto expiring = expiry().expiring(ana, QDate(2023, 7, 1));
    LT_VERIFY_OK(expiring);
    QCOMPARE(lots(*expiring), QStringLiteral("40@2024-01-31 60@2024-06-30"));

    m_store->clock().set(noon(2024, 2, 1));
    auto expired = expiry().expireDue(QDate(2024, 2, 1), TempStore::cashier());
    LT_VERIFY_OK(expired);
    QCOMPARE(expired->size(), 1);
    QCOMPARE(expired->first().points, qint64(40));
    QCOMPARE(m_store->balance(ana), qint64(60));
}

void TestExpiryService::expiringSumsToTheBalance()
{
    const qint64 ana = memberWithSales(
        1, noon(2023, 1, 5),
        {{noon(2023, 1, 10), 10000}, {noon(2023, 1, 20), 2000}, {noon(2023, 4, 2), 5000}, {noon(2023, 11, 30), 900}});
    QVERIFY(ana > 0);
    // Before the expiry runs, January's points (due) come first: the list is still the whole balance.
    auto expiring = expiry().expiring(ana, QDate(2024, 2, 3));
    LT_VERIFY_OK(expiring);
    QCOMPARE(lots(*expiring), QStringLiteral("120@2024-01-31 50@2024-04-30 9@2024-11-30"));
    QCOMPARE(ExpiryRules::total(*expiring), m_store->balance(ana));

    m_store->clock().set(noon(2024, 2, 3));
    LT_VERIFY_OK(expiry().expireDue(QDate(2024, 2, 3), TempStore::cashier()));
    expiring = expiry().expiring(ana, QDate(2024, 2, 3));
    LT_VERIFY_OK(expiring);
    QCOMPARE(lots(*expiring), QStringLiteral("50@2024-04-30 9@2024-11-30"));
    QCOMPARE(ExpiryRules::total(*expiring), m_store->balance(ana));
}

// Ana's points: 120 valid through 2024-01-31, 50 through 2024-04-30, 9 through 2024-11-30; Ben's 25 through
// 2024-12-31. On 2024-02-03 January's are past their day (not yet recorded): they count within 30 days.
void TestExpiryService::forecastOfTheComingDays()
{
    const qint64 ana = memberWithSales(
        1, noon(2023, 1, 5),
        {{noon(2023, 1, 10), 10000}, {noon(2023, 1, 20), 2000}, {noon(2023, 4, 2), 5000}, {noon(2023, 11, 30), 900}});
    const qint64 ben = memberWithSales(2, noon(2023, 12, 1), {{noon(2023, 12, 5), 2500}});
    QVERIFY(ana > 0 && ben > 0);
    auto soon = expiry().forecast(QDate(2024, 2, 3));
    LT_VERIFY_OK(soon);
    QCOMPARE(soon->within30, qint64(120));
    QCOMPARE(soon->within60, qint64(120));
    QCOMPARE(soon->within90, qint64(120 + 50)); // 30 April is 87 days on
    auto later = expiry().forecast(QDate(2024, 10, 15));
    LT_VERIFY_OK(later);
    QCOMPARE(later->within30, qint64(120 + 50)); // still unrecorded, so due at once
    QCOMPARE(later->within60, qint64(120 + 50 + 9));
    QCOMPARE(later->within90, qint64(120 + 50 + 9 + 25));
    // As the automation pass keeps it.
    const auto kept = ExpiryService::forecastFrom(ExpiryService::forecastText(*later));
    QVERIFY(kept.has_value());
    QCOMPARE(kept->on, QDate(2024, 10, 15));
    QCOMPARE(kept->within90, later->within90);
    QVERIFY(!ExpiryService::forecastFrom(QStringLiteral("2024-10-15 1 2")).has_value());
    QVERIFY(!ExpiryService::forecastFrom(QStringLiteral("2024-13-15 1 2 3")).has_value());
}

void TestExpiryService::expiringUnknownMember()
{
    LT_VERIFY_ERROR(expiry().expiring(4242, QDate(2024, 2, 1)), lt::ErrorKind::NotFound);
}

void TestExpiryService::writeDemoMembers(qint64 count)
{
    auto writer = lt::BulkMemberWriter::begin(m_store->db());
    LT_VERIFY_OK(writer);
    for (qint64 id = 1; id <= count; ++id) {
        lt::BulkMemberWriter::Member member;
        member.id = id;
        member.phone = "+1212555" + QByteArray::number(id).rightJustified(4, '0');
        member.name = "Member " + QByteArray::number(id);
        member.enrolledAt = "2023-01-02T12:00:00.000Z";
        LT_VERIFY_OK((*writer)->addMember(member));
        LT_VERIFY_OK(
            (*writer)->addLedgerEntry(id, LedgerKind::Accrue, 10, 0, {}, std::nullopt, "2023-01-10T12:00:00.000Z"));
        const qint64 june = id % 2 == 0 ? 5 : 0;
        if (june > 0)
            LT_VERIFY_OK((*writer)->addLedgerEntry(id, LedgerKind::Accrue, june, 0, {}, std::nullopt,
                                                   "2023-06-10T12:00:00.000Z"));
        LT_VERIFY_OK((*writer)->setPoints(id, 10 + june, 10 + june));
    }
    LT_VERIFY_OK((*writer)->commit());
}

void TestExpiryService::manyMembersExpireInSlices()
{
    // More members than one write transaction takes.
    constexpr qint64 Members = ExpiryService::MembersPerTransaction * 2 + 123;
    writeDemoMembers(Members);
    m_store->clock().set(noon(2024, 2, 1));
    auto expired = expiry().expireDue(QDate(2024, 2, 1), TempStore::cashier());
    LT_VERIFY_OK(expired);
    QCOMPARE(expired->size(), qsizetype(Members));
    QCOMPARE(expired->first().memberId, qint64(1));
    QCOMPARE(expired->last().memberId, Members);
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE kind = 'expire' AND points = -10"), Members);
    QCOMPARE(m_store->number("SELECT sum(balance) FROM members"), (Members / 2) * 5);
    auto again = expiry().expireDue(QDate(2024, 2, 1), TempStore::cashier());
    LT_VERIFY_OK(again);
    QVERIFY(again->isEmpty());
}

void TestExpiryService::memberWhoSpentAfterTheScanIsReadAgain()
{
    constexpr qint64 Members = ExpiryService::MembersPerTransaction + 100;
    writeDemoMembers(Members);
    const qint64 late = Members - 1; // in the second transaction; only January's 10 points
    m_store->clock().set(noon(2024, 2, 1));
    // After the scan has read every ledger, while the first transaction writes, the member spends their points.
    HookClock clock(m_store->clock(), [&] {
        lt::LedgerStore::NewEntry spend;
        spend.memberId = late;
        spend.kind = LedgerKind::Redeem;
        spend.points = -10;
        QVERIFY(lt::LedgerWriter(m_store->db(), m_store->clock(), TempStore::cashier()).append(spend, std::nullopt));
    });
    lt::EngineContext context {m_store->db(), clock, m_store->engine().program(), lt::PhoneNumberNormalizer(),
                               QStringLiteral("till-1")};
    auto expired = ExpiryService(context).expireDue(QDate(2024, 2, 1), TempStore::cashier());
    LT_VERIFY_OK(expired);
    // Their ledger is read again before the second transaction writes: nothing of theirs is left to expire.
    QCOMPARE(expired->size(), qsizetype(Members - 1));
    QCOMPARE(m_store->balance(late), qint64(0));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE kind = 'expire' AND member_id = ?", {late}), qint64(0));
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestExpiryService::scanGroupsEachMembersEntriesInOrder()
{
    const qint64 ana = memberWithSales(1, noon(2023, 1, 5), {{noon(2023, 1, 10), 10000}, {noon(2023, 3, 1), 2000}});
    const qint64 ben = memberWithSales(2, noon(2023, 1, 6), {{noon(2023, 1, 11), 5000}});
    const qint64 cy = memberWithSales(3, noon(2023, 1, 7), {{noon(2023, 2, 11), 700}, {noon(2023, 2, 12), 800}});
    QVERIFY(ana > 0 && ben > 0 && cy > 0);
    // Ben's only sale is refunded: no balance, not scanned. Ana's second sale comes after Cy's, in storage order.
    m_store->clock().set(noon(2023, 4, 1));
    lt::RefundRequest refund;
    refund.saleReference = QStringLiteral("S-3");
    LT_VERIFY_OK(m_store->engine().refunds().refund(refund, TempStore::cashier()));
    m_store->clock().set(noon(2023, 4, 2));
    LT_VERIFY_OK(m_store->accrue(ana, QStringLiteral("S-late"), 300));

    const LedgerStore store(m_store->db());
    QList<LedgerStore::MemberLedger> scanned;
    LT_VERIFY_OK(store.scanPositiveBalances([&](const LedgerStore::MemberLedger& ledger) {
        scanned << ledger;
        return true;
    }));
    QCOMPARE(scanned.size(), 2);
    QCOMPARE(scanned.at(0).memberId, ana);
    QCOMPARE(scanned.at(1).memberId, cy);
    const qint64 newest = m_store->number("SELECT max(id) FROM ledger");
    for (const LedgerStore::MemberLedger& ledger : scanned) {
        QCOMPARE(ledger.readUpTo, newest);
        auto expected = store.memberLedger(ledger.memberId);
        LT_VERIFY_OK(expected);
        QCOMPARE(expected->readUpTo,
                 m_store->number("SELECT max(id) FROM ledger WHERE member_id = ?", {ledger.memberId}));
        QCOMPARE(ledger.entries.size(), expected->entries.size());
        for (qsizetype i = 0; i < ledger.entries.size(); ++i) {
            QVERIFY(ledger.entries.at(i).kind == expected->entries.at(i).kind);
            QCOMPARE(ledger.entries.at(i).points, expected->entries.at(i).points);
            QCOMPARE(ledger.entries.at(i).createdAt, expected->entries.at(i).createdAt);
        }
    }
    QCOMPARE(scanned.at(0).entries.size(), 3);
    QCOMPARE(scanned.at(0).entries.at(1).createdAt.date(), QDate(2023, 3, 1));
    QCOMPARE(scanned.at(0).entries.at(2).points, qint64(3));

    // A visitor that returns false ends the scan.
    int visits = 0;
    LT_VERIFY_OK(store.scanPositiveBalances([&](const LedgerStore::MemberLedger&) {
        ++visits;
        return false;
    }));
    QCOMPARE(visits, 1);

    // Whose ledger moved after the scan: Cy's sale, not Ana's.
    m_store->clock().set(noon(2023, 4, 3));
    LT_VERIFY_OK(m_store->accrue(cy, QStringLiteral("S-after"), 500));
    auto moved = store.movedAfter(newest);
    LT_VERIFY_OK(moved);
    QCOMPARE(moved->memberIds, QSet<qint64>({cy}));
    QCOMPARE(moved->upTo, m_store->number("SELECT max(id) FROM ledger"));
    auto none = store.movedAfter(moved->upTo);
    LT_VERIFY_OK(none);
    QVERIFY(none->memberIds.isEmpty());
    QCOMPARE(none->upTo, moved->upTo);
}

QTEST_GUILESS_MAIN(TestExpiryService)
#include "tst_expiryservice.moc"
