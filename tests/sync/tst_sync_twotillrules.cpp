// The program's rules hold across two tills of a store, each with its own database, against the fake Square (which
// checks every request against Square's OpenAPI description): a win-back offer used at one till lapses at the other,
// a tier reached at one is held at the other, tills connected to Square leave expiry to it, and a promotion created
// in Square's Dashboard is learned by both and applied once. Real SQLite stores, real HTTP on 127.0.0.1.
#include "core/domain/Promotion.h"
#include "core/store/PromotionStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/sync/FakeSquareServer.h"
#include "tests/sync/SyncedTill.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>
#include <optional>

using lt::test::FakeSquareServer;
using namespace lt;

namespace {
const QString Ana = QStringLiteral("+14155552671");

using Till = lt::test::SyncedTill;

QDateTime noon(QDate day)
{
    return Till::noon(day);
}

// A multiplier on Tuesday afternoons (16:00 to 18:00, local time), as created in Square's Dashboard.
QJsonObject tuesdayAfternoons(const QString& name, int multiplierMilli)
{
    Promotion promotion;
    promotion.name = name;
    promotion.multiplierMilli = multiplierMilli;
    promotion.periods = {
        QStringLiteral("BEGIN:VEVENT\nDTSTART:20240305T160000\nDURATION:PT2H\nRRULE:FREQ=WEEKLY;BYDAY=TU\nEND:VEVENT")};
    QJsonObject json = promotion.toSquareJson();
    for (const char* readOnly : {"id", "status", "created_at", "canceled_at"})
        json.remove(QLatin1String(readOnly));
    json.insert(QStringLiteral("available_time"),
                QJsonObject {{QStringLiteral("time_periods"), QJsonArray::fromStringList(promotion.periods)}});
    return json;
}

} // namespace

class TestTwoTillRules : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void winBackOfferUsedAtOneTillLapsesAtTheOther();
    void tierReachedAtOneTillIsHeldAtTheOther();
    void connectedTillsLeaveExpiryToSquare();
    void promotionFromSquareAppliesOnTheOtherTillOnce_data();
    void promotionFromSquareAppliesOnTheOtherTillOnce();

private:
    std::unique_ptr<Till> till() { return std::make_unique<Till>(*m_server, *m_network); }

    std::unique_ptr<FakeSquareServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestTwoTillRules::initTestCase()
{
    qRegisterMetaType<lt::SyncReport>();
}

void TestTwoTillRules::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestTwoTillRules::cleanup()
{
    QVERIFY2(m_server->specViolations().isEmpty(), qPrintable(m_server->specViolations().join(u'\n')));
    m_network.reset();
    m_server.reset();
}

void TestTwoTillRules::winBackOfferUsedAtOneTillLapsesAtTheOther()
{
    auto a = till();
    auto b = till();
    for (Till* t : {a.get(), b.get()}) {
        t->store.clock().set(noon(QDate(2024, 3, 1)));
        LT_VERIFY_OK(t->enroll(Ana));
    }
    LT_VERIFY_OK(a->store.accrue(a->member(Ana), QStringLiteral("A-1"), 10000));
    for (Till* t : {a.get(), b.get()})
        QVERIFY(!t->sync().stopped);

    // 90 days without a visit: each till's pass makes her the offer (double points at the next sale).
    for (Till* t : {a.get(), b.get()}) {
        auto report = t->passOn(QDate(2024, 5, 30));
        LT_VERIFY_OK(report);
        QCOMPARE(report->grants.size(), 1);
        QCOMPARE(report->grants.constFirst().kind, QStringLiteral("winback"));
    }
    // She comes back to A, which applies it; B learns of the visit at its next sync, and its offer lapses.
    a->store.clock().set(noon(QDate(2024, 6, 3)));
    auto back = a->store.accrue(a->member(Ana), QStringLiteral("A-2"), 10000);
    LT_VERIFY_OK(back);
    QCOMPARE(back->points, qint64(200));
    QVERIFY(!a->sync().stopped);
    b->store.clock().set(noon(QDate(2024, 6, 3)));
    QVERIFY(!b->sync().stopped);
    b->store.clock().set(noon(QDate(2024, 6, 4)));
    auto atB = b->store.accrue(b->member(Ana), QStringLiteral("B-1"), 10000);
    LT_VERIFY_OK(atB);
    QCOMPARE(atB->points, qint64(100));
    QVERIFY(atB->earned.extras.isEmpty());
    for (Till* t : {b.get(), a.get()})
        QVERIFY(!t->sync().stopped);
    QCOMPARE(m_server->balanceForPhone(Ana), qint64(100 + 200 + 100));
    for (Till* t : {a.get(), b.get()})
        t->verifyAgrees(*m_server, {Ana});
}

void TestTwoTillRules::tierReachedAtOneTillIsHeldAtTheOther()
{
    auto a = till();
    auto b = till();
    for (Till* t : {a.get(), b.get()}) {
        t->store.clock().set(noon(QDate(2024, 3, 1)));
        LT_VERIFY_OK(t->enroll(Ana));
        QVERIFY(!t->sync().stopped);
    }
    // A sale at A earns Gold's 2,000 points: A raises her at once.
    auto gold = a->store.accrue(a->member(Ana), QStringLiteral("A-1"), 200000);
    LT_VERIFY_OK(gold);
    QCOMPARE(gold->tierChanged, QStringLiteral("Gold"));
    QVERIFY(!a->sync().stopped);
    QVERIFY(!b->sync().stopped);
    QCOMPARE(b->balance(Ana), a->balance(Ana));

    // B holds the points from Square; its pass's evaluation raises her, once.
    for (int run = 0; run < 2; ++run) {
        auto report = b->passOn(QDate(2024, 3, 1));
        LT_VERIFY_OK(report);
        const qsizetype ups =
            std::count_if(report->grants.cbegin(), report->grants.cend(),
                          [](const AutomationGrant& g) { return g.kind == QLatin1String("tier_up"); });
        QCOMPARE(ups, run == 0 ? 1 : 0);
    }
    auto again = a->passOn(QDate(2024, 3, 1));
    LT_VERIFY_OK(again);
    QVERIFY(again->grants.isEmpty());
    for (Till* t : {a.get(), b.get()})
        QCOMPARE(t->tier(Ana), QStringLiteral("Gold"));

    // Gold's 1.25x at B: computed there and sent to Square as the sale's points, once.
    auto atB = b->store.accrue(b->member(Ana), QStringLiteral("B-1"), 10000);
    LT_VERIFY_OK(atB);
    QCOMPARE(atB->points, qint64(125));
    for (Till* t : {b.get(), a.get()})
        QVERIFY(!t->sync().stopped);
    QCOMPARE(m_server->balanceForPhone(Ana), gold->points + 125);
    for (Till* t : {a.get(), b.get()})
        t->verifyAgrees(*m_server, {Ana});
}

void TestTwoTillRules::connectedTillsLeaveExpiryToSquare()
{
    auto a = till();
    auto b = till();
    for (Till* t : {a.get(), b.get()}) {
        t->store.clock().set(noon(QDate(2024, 3, 1)));
        LT_VERIFY_OK(t->enroll(Ana));
    }
    LT_VERIFY_OK(a->store.accrue(a->member(Ana), QStringLiteral("A-1"), 10000));
    for (Till* t : {a.get(), b.get()}) {
        QVERIFY(!t->sync().stopped);
        // Square's program expires points after 12 months: the store follows it.
        QCOMPARE(t->store.engine().program().expirationMonths, std::optional<int>(12));
    }

    // March 2024's points were valid through March 2025. Square expires them; the tills' passes do not.
    const auto expiries = [](const AutomationReport& report) {
        return std::count_if(report.grants.cbegin(), report.grants.cend(),
                             [](const AutomationGrant& grant) { return grant.kind == QLatin1String("expire"); });
    };
    for (Till* t : {a.get(), b.get()}) {
        auto report = t->passOn(QDate(2025, 4, 2));
        LT_VERIFY_OK(report);
        QCOMPARE(expiries(*report), 0);
    }
    m_server->expirePoints(m_server->accountIdForPhone(Ana), 100);
    for (int round = 0; round < 2; ++round) {
        for (Till* t : {a.get(), b.get()}) {
            QVERIFY(!t->sync().stopped);
            auto report = t->pass();
            LT_VERIFY_OK(report);
            QCOMPARE(expiries(*report), 0);
        }
    }
    QCOMPARE(m_server->balanceForPhone(Ana), 0);
    for (Till* t : {a.get(), b.get()}) {
        t->verifyAgrees(*m_server, {Ana});
        QCOMPARE(
            t->store.number("SELECT count(*) FROM ledger WHERE member_id = ? AND kind = 'expire'", {t->member(Ana)}),
            1);
    }
}

void TestTwoTillRules::promotionFromSquareAppliesOnTheOtherTillOnce_data()
{
    QTest::addColumn<QTime>("saleAt"); // on Tuesday 12 March 2024, local time
    QTest::addColumn<qint64>("promotionPoints");
    QTest::newRow("in its period") << QTime(17, 0) << qint64(20);
    QTest::newRow("after its period") << QTime(18, 30) << qint64(0);
}

void TestTwoTillRules::promotionFromSquareAppliesOnTheOtherTillOnce()
{
    QFETCH(QTime, saleAt);
    QFETCH(qint64, promotionPoints);
    auto a = till();
    auto b = till();
    for (Till* t : {a.get(), b.get()}) {
        LT_VERIFY_OK(t->enroll(Ana));
        QVERIFY(!t->sync().stopped);
    }
    // The store creates it in the Dashboard; each till learns it when it next reads the program (hourly).
    const QString promotionId =
        m_server->createPromotionElsewhere(tuesdayAfternoons(QStringLiteral("2x Tuesdays"), 2000));
    QVERIFY(!promotionId.isEmpty());
    const QDateTime sale = QDateTime(QDate(2024, 3, 12), saleAt).toUTC();
    for (Till* t : {a.get(), b.get()}) {
        t->store.clock().set(sale);
        const SyncReport report = t->sync();
        QVERIFY2(!report.stopped, qPrintable(report.error));
        auto active = PromotionStore(t->store.db()).active();
        LT_VERIFY_OK(active);
        QCOMPARE(active->size(), 1);
        QCOMPARE(active->constFirst().squareId, promotionId);
    }

    // A $20 sale at B: 20 program points, and the promotion's 20 more in its period.
    auto accrued = b->store.accrue(b->member(Ana), QStringLiteral("B-1"), 2000);
    LT_VERIFY_OK(accrued);
    QCOMPARE(accrued->earned.programPoints, qint64(20));
    QCOMPARE(accrued->points, 20 + promotionPoints);
    if (promotionPoints > 0) {
        QCOMPARE(accrued->earned.extras.size(), 1);
        QCOMPARE(accrued->earned.extras.constFirst().kind, PointsLine::Kind::Promotion);
        QCOMPARE(accrued->earned.extras.constFirst().name, QStringLiteral("2x Tuesdays"));
    }
    for (Till* t : {b.get(), a.get(), b.get()})
        QVERIFY(!t->sync().stopped);

    // Square has the sale's points once, as the till computed them: no promotion applied a second time there.
    int accumulations = 0;
    for (const QJsonValue& value : m_server->events()) {
        const QJsonObject event = value.toObject();
        const QString type = event.value(QLatin1String("type")).toString();
        QVERIFY2(type != QLatin1String("ACCUMULATE_PROMOTION_POINTS"), qPrintable(type));
        if (type == QLatin1String("ACCUMULATE_POINTS")) {
            ++accumulations;
            QCOMPARE(
                event.value(QLatin1String("accumulate_points")).toObject().value(QLatin1String("points")).toInteger(),
                20 + promotionPoints);
        }
    }
    QCOMPARE(accumulations, 1);
    QCOMPARE(m_server->balanceForPhone(Ana), 20 + promotionPoints);
    for (Till* t : {a.get(), b.get()})
        t->verifyAgrees(*m_server, {Ana});
}

QTEST_GUILESS_MAIN(TestTwoTillRules)
#include "tst_sync_twotillrules.moc"
