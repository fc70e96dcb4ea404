#include "tests/sync/SyncedTill.h"

#include "core/domain/Actor.h"
#include "core/store/SyncConflicts.h"
#include "tests/sync/FakeSquareServer.h"
#include "tests/sync/QuickRetries.h"

#include <QSignalSpy>
#include <QTest>

namespace lt::test {

SyncedTill::SyncedTill(FakeSquareServer& server, QNetworkAccessManager& network)
{
    if (!store.open())
        qFatal("cannot open a store");
    client = std::make_unique<SquareClient>(network, *SquareEnvironment::parse(server.baseUrl()),
                                            QStringLiteral("token"), quickRetries(2));
    engine = std::make_unique<SyncEngine>(store.db(), store.clock(), *client, QString::fromLatin1(LocationId));
    QObject::connect(engine.get(), &SyncEngine::programChanged, [this] { (void)store.engine().reload(); });
}

QDateTime SyncedTill::noon(QDate day)
{
    return QDateTime(day, QTime(12, 0)).toUTC();
}

SyncReport SyncedTill::sync()
{
    QSignalSpy finished(engine.get(), &SyncEngine::finished);
    engine->runOnce();
    if (finished.isEmpty() && !finished.wait(60000))
        qWarning("the sync pass did not finish");
    return finished.isEmpty() ? SyncReport {} : finished.first().first().value<SyncReport>();
}

Result<AutomationReport> SyncedTill::pass()
{
    return AutomationPass(store.engine().context()).run(Actor::till());
}

Result<AutomationReport> SyncedTill::passOn(QDate day)
{
    store.clock().set(noon(day));
    return pass();
}

Result<qint64> SyncedTill::enroll(const QString& phone, const QString& birthday, const QString& referredBy)
{
    EnrollmentRequest request;
    request.phone = phone;
    request.birthday = birthday;
    request.referredBy = referredBy;
    LT_TRY_ASSIGN(const Enrollment enrolled, store.engine().enrollment().enroll(request, TempStore::cashier()));
    return enrolled.member.id;
}

qint64 SyncedTill::member(const QString& phone)
{
    return store.number("SELECT id FROM members WHERE phone = ?", {phone});
}

qint64 SyncedTill::balance(const QString& phone)
{
    return store.balance(member(phone));
}

QString SyncedTill::tier(const QString& phone)
{
    auto held = store.db().scalar(QStringLiteral("SELECT tier FROM members WHERE phone = ?"), {phone});
    return held ? held->toString() : QString();
}

qint64 SyncedTill::grantsOf(const QString& phone, const QString& kind)
{
    return store.number("SELECT count(*) FROM grants WHERE member_id = ? AND kind = ?", {member(phone), kind});
}

qint64 SyncedTill::entriesOf(const QString& phone, qint64 points)
{
    return store.number("SELECT count(*) FROM ledger WHERE member_id = ? AND points = ?", {member(phone), points});
}

void SyncedTill::verifyAgrees(const FakeSquareServer& square, const QStringList& phones)
{
    for (const QString& phone : phones) {
        const QString account = square.accountIdForPhone(phone);
        QVERIFY2(!account.isEmpty(), qPrintable(phone));
        QCOMPARE(balance(phone), square.balance(account));
    }
    QCOMPARE(store.number("SELECT count(*) FROM outbox WHERE state <> 'sent'"), 0);
    QCOMPARE(store.number("SELECT count(*) FROM square_events WHERE state = 'held'"), 0);
    QCOMPARE(SyncConflicts(store.db(), store.clock()).openCount().value(), 0);
    auto report = store.checkIntegrity();
    QVERIFY(report.ok());
    QVERIFY2(report->problems.isEmpty(), qPrintable(report->problems.join(u'\n')));
}

} // namespace lt::test
