// Two tills on one store file: each thread opens its own connection (a connection belongs to the thread that
// opened it) and works through its own LoyaltyEngine. BEGIN IMMEDIATE and the busy timeout must make them take
// turns: no "database is busy", no lost update, no points spent twice.
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>
#include <QThread>

#include <functional>

using lt::Database;
using lt::ErrorKind;
using lt::LoyaltyEngine;
using lt::test::FixedClock;
using lt::test::TempStore;

namespace {
// Runs `work(engine, till)` for two tills at once, each on its own connection and thread; returns the errors.
QStringList runTills(const QString& path, const std::function<QStringList(LoyaltyEngine&, int)>& work)
{
    QStringList errors[2];
    auto till = [&](int i) {
        FixedClock clock(FixedClock::defaultStart(), 1);
        auto db = Database::open(path);
        if (!db) {
            errors[i] << db.error().message;
            return;
        }
        auto engine = LoyaltyEngine::create(**db, clock);
        if (!engine) {
            errors[i] << engine.error().message;
            return;
        }
        errors[i] = work(**engine, i);
    };
    std::unique_ptr<QThread> first(QThread::create(till, 0));
    std::unique_ptr<QThread> second(QThread::create(till, 1));
    first->start();
    second->start();
    if (!first->wait(120000) || !second->wait(120000))
        return {QStringLiteral("a till did not finish")};
    return errors[0] + errors[1];
}
} // namespace

class TestConcurrentWriters : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void accrualsFromTwoTillsAllCount();
    void twoTillsCannotSpendTheSamePoints();
    void sameCustomerEnrolledAtTwoTillsOnce();

private:
    void verifyIntegrity();

    std::unique_ptr<TempStore> m_store;
};

void TestConcurrentWriters::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestConcurrentWriters::cleanup()
{
    m_store.reset();
}

void TestConcurrentWriters::verifyIntegrity()
{
    auto report = m_store->checkIntegrity();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestConcurrentWriters::accrualsFromTwoTillsAllCount()
{
    auto member = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    const qint64 id = member->id;
    constexpr int SalesPerTill = 200;
    qint64 earned[2] = {0, 0};
    qint64 programPoints[2] = {0, 0}; // what the program's rules gave, before the tier's multiplier
    const QStringList errors = runTills(m_store->path(), [&](LoyaltyEngine& engine, int till) {
        QStringList problems;
        for (int i = 0; i < SalesPerTill; ++i) {
            const qint64 amount = 1000 + i * 7 + till;
            auto change =
                engine.accrual().accrue(id, TempStore::sale(QStringLiteral("T%1-%2").arg(till).arg(i), amount),
                                        lt::Actor::named(QStringLiteral("till-%1").arg(till)));
            if (!change)
                problems << lt::test::describe(change.error());
            else {
                earned[till] += change->points;
                programPoints[till] += change->earned.programPoints;
            }
        }
        return problems;
    });
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    qint64 expected = 0;
    for (int till = 0; till < 2; ++till) {
        for (int i = 0; i < SalesPerTill; ++i)
            expected += (1000 + i * 7 + till) / 100;
    }
    // Every sale counted once: the program's points add up exactly, and the balance holds all that was earned
    // (the member reaches Gold on the way, whose multiplier adds to later sales).
    QCOMPARE(programPoints[0] + programPoints[1], expected);
    QVERIFY(earned[0] + earned[1] > expected);
    QCOMPARE(m_store->balance(id), earned[0] + earned[1]);
    QCOMPARE(m_store->number("SELECT count(*) FROM sales"), qint64(2 * SalesPerTill));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE operation = 'accrue'"), qint64(2 * SalesPerTill));
    verifyIntegrity();
}

void TestConcurrentWriters::twoTillsCannotSpendTheSamePoints()
{
    auto member = m_store->enroll(QStringLiteral("415 555 2671"));
    LT_VERIFY_OK(member);
    const qint64 id = member->id;
    LT_VERIFY_OK(m_store->accrue(id, QStringLiteral("S-1"), 25000)); // 250 points: two 100-point rewards
    int redeemed[2] = {0, 0};
    const QStringList errors = runTills(m_store->path(), [&](LoyaltyEngine& engine, int till) {
        QStringList problems;
        for (int attempt = 0; attempt < 20; ++attempt) {
            lt::RedemptionRequest request;
            request.memberId = id;
            request.rewardTierId = QStringLiteral("five-off");
            auto change = engine.redemption().redeem(request, lt::Actor::named(QStringLiteral("till-%1").arg(till)));
            if (change)
                ++redeemed[till];
            else if (change.error().kind != ErrorKind::Refused)
                problems << lt::test::describe(change.error());
            // A till that sees the balance go below 100 must be refused, never let through.
            auto balance = engine.members().byId(id);
            if (!balance || balance->balance < 0)
                problems << QStringLiteral("balance went below zero");
        }
        return problems;
    });
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(redeemed[0] + redeemed[1], 2);
    QCOMPARE(m_store->balance(id), qint64(50));
    QCOMPARE(m_store->number("SELECT count(*) FROM ledger WHERE kind = 'redeem'"), qint64(2));
    verifyIntegrity();
}

void TestConcurrentWriters::sameCustomerEnrolledAtTwoTillsOnce()
{
    constexpr int Customers = 40;
    int created[2] = {0, 0};
    const QStringList errors = runTills(m_store->path(), [&](LoyaltyEngine& engine, int till) {
        QStringList problems;
        for (int i = 0; i < Customers; ++i) {
            lt::EnrollmentRequest request;
            request.phone = QStringLiteral("+1 415 555 %1").arg(3000 + i);
            request.name = QStringLiteral("Customer %1").arg(i);
            auto enrolled = engine.enrollment().enroll(request, lt::Actor::named(QStringLiteral("till-%1").arg(till)));
            if (!enrolled)
                problems << lt::test::describe(enrolled.error());
            else if (!enrolled->existing)
                ++created[till];
        }
        return problems;
    });
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(created[0] + created[1], Customers);
    QCOMPARE(m_store->number("SELECT count(*) FROM members"), qint64(Customers));
    QCOMPARE(m_store->number("SELECT count(*) FROM outbox WHERE operation = 'enroll'"), qint64(Customers));
    QCOMPARE(m_store->number("SELECT count(*) FROM audit_log WHERE action = 'member.enroll'"), qint64(Customers));
    verifyIntegrity();
}

QTEST_GUILESS_MAIN(TestConcurrentWriters)
#include "tst_concurrentwriters.moc"
