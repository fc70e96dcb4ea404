#include "core/domain/Actor.h"
#include "core/services/LoyaltyEngine.h"
#include "core/store/Database.h"
#include "core/store/IntegrityChecker.h"
#include "core/store/SchemaMigrator.h"
#include "core/store/StoreSettings.h"
#include "tests/support/FixedClock.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/SqlScript.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using lt::Database;
using lt::ErrorKind;
using lt::SchemaMigrator;
using lt::test::fixturePath;

namespace {
qint64 number(Database& db, const char* sql, std::initializer_list<QVariant> values = {})
{
    auto value = db.scalar(QString::fromUtf8(sql), values);
    return value ? value->toLongLong() : -1;
}

QStringList rows(Database& db, const QString& sql)
{
    QStringList out;
    QSqlQuery query(db.connection());
    query.exec(sql);
    while (query.next()) {
        QStringList values;
        for (int i = 0; query.value(i).isValid(); ++i)
            values << (query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
        out << values.join(QLatin1Char('|'));
    }
    return out;
}

// The shape of a schema: every table's columns, keys and references, and the text of every index and trigger.
// CHECK constraints are left out: version 1's were rewritten with the same meaning (f32d82d), so stores in the
// field and new ones differ only in that text.
QStringList structureOf(Database& db)
{
    QStringList structure;
    for (const QString& object : rows(db,
                                      QStringLiteral("SELECT type, name, tbl_name FROM sqlite_schema "
                                                     "WHERE name NOT LIKE 'sqlite_%' ORDER BY name"))) {
        const QStringList parts = object.split(QLatin1Char('|'));
        const QString name = parts.value(1);
        structure << object;
        if (parts.value(0) == QLatin1String("table")) {
            structure << rows(db,
                              QStringLiteral("SELECT name, type, \"notnull\", dflt_value, pk FROM "
                                             "pragma_table_xinfo('%1') ORDER BY cid")
                                  .arg(name));
            structure << rows(db,
                              QStringLiteral("SELECT \"from\", \"table\", \"to\" FROM "
                                             "pragma_foreign_key_list('%1') ORDER BY id, seq")
                                  .arg(name));
            structure << rows(db, QStringLiteral("SELECT wr, strict FROM pragma_table_list('%1')").arg(name));
        } else {
            structure << rows(db, QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = '%1'").arg(name));
        }
    }
    return structure;
}
} // namespace

class TestSchemaMigrator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void newStoreIsAtTheCurrentVersion();
    void version1FixtureIsTheReleasedSchema();
    void upgradesVersion1Fixture();
    void upgradesVersion2Fixture();
    void upgradeMarksTrainingMembersRows();
    void upgradedStoreKeepsWorking();
    void upgradeRunsOnce();
    void failedUpgradeChangesNothing();
    void concurrentOpensUpgradeOnce();
    void neverDowngrades();

private:
    // The frozen version 1 store, loaded into a new file.
    QString loadVersion1();
    QString loadFixture(const QString& name);

    std::unique_ptr<QTemporaryDir> m_dir;
    lt::test::FixedClock m_clock;
};

void TestSchemaMigrator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestSchemaMigrator::loadVersion1()
{
    static int counter = 0;
    const QString path = m_dir->filePath(QStringLiteral("v1-%1.sqlite").arg(++counter));
    const auto loaded = lt::test::loadSqlScript(fixturePath(QStringLiteral("schema-v1.sql")), path);
    if (!loaded) {
        qWarning("%s", qPrintable(loaded.error().message));
        return {};
    }
    return path;
}

void TestSchemaMigrator::newStoreIsAtTheCurrentVersion()
{
    auto db = Database::open(m_dir->filePath(QStringLiteral("new.sqlite")));
    LT_VERIFY_OK(db);
    QCOMPARE((*db)->schemaVersion(), SchemaMigrator::CurrentVersion);
    QCOMPARE(number(**db, "PRAGMA application_id"), qint64(SchemaMigrator::ApplicationId));
    for (const char* table : {"settings", "program", "members", "cards", "member_search", "sales", "ledger", "refunds",
                              "adjustments", "audit_log", "outbox"}) {
        QVERIFY2(number(**db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?",
                        {QString::fromLatin1(table)})
                     == 1,
                 table);
    }
    QVERIFY(!SchemaMigrator::statementsFor(1).isEmpty());
    QVERIFY(!SchemaMigrator::statementsFor(SchemaMigrator::CurrentVersion).isEmpty());
    QVERIFY(SchemaMigrator::statementsFor(SchemaMigrator::CurrentVersion + 1).isEmpty());
}

void TestSchemaMigrator::version1FixtureIsTheReleasedSchema()
{
    // Released steps are never changed: version 1 built today must have the shape of the frozen version 1, or
    // stores in the field and new stores would differ.
    const QString frozenPath = loadVersion1();
    QVERIFY(!frozenPath.isEmpty());
    Database::Options keep;
    keep.migrate = false;
    auto frozen = Database::open(frozenPath, keep);
    LT_VERIFY_OK(frozen);
    QCOMPARE((*frozen)->schemaVersion(), 1);
    QCOMPARE(number(**frozen, "PRAGMA application_id"), qint64(SchemaMigrator::ApplicationId));

    auto built = Database::open(m_dir->filePath(QStringLiteral("built-v1.sqlite")), keep);
    LT_VERIFY_OK(built);
    QCOMPARE((*built)->schemaVersion(), 0);
    LT_VERIFY_OK(SchemaMigrator(**built).migrateTo(1));
    QCOMPARE((*built)->schemaVersion(), 1);
    QCOMPARE(number(**built, "PRAGMA application_id"), qint64(SchemaMigrator::ApplicationId));

    const QStringList expected = structureOf(**frozen);
    QVERIFY(expected.size() > 100);
    QCOMPARE(structureOf(**built), expected);
}

QString TestSchemaMigrator::loadFixture(const QString& name)
{
    static int counter = 0;
    const QString path = m_dir->filePath(QStringLiteral("fixture-%1.sqlite").arg(++counter));
    const auto loaded = lt::test::loadSqlScript(fixturePath(name), path);
    if (!loaded) {
        qWarning("%s", qPrintable(loaded.error().message));
        return {};
    }
    return path;
}

void TestSchemaMigrator::upgradesVersion2Fixture()
{
    const QString path = loadFixture(QStringLiteral("schema-v2.sql"));
    QVERIFY(!path.isEmpty());
    {
        Database::Options keep;
        keep.migrate = false;
        auto frozen = Database::open(path, keep);
        LT_VERIFY_OK(frozen);
        QCOMPARE((*frozen)->schemaVersion(), 2);
        // A member already linked to Square before version 4.
        LT_VERIFY_OK((*frozen)->exec(QStringLiteral("UPDATE members SET square_account_id = 'acct-1' WHERE id = 1")));
    }
    auto opened = Database::open(path);
    LT_VERIFY_OK(opened);
    Database& db = **opened;
    QCOMPARE(db.schemaVersion(), SchemaMigrator::CurrentVersion);
    QCOMPARE(number(db, "SELECT count(*) FROM members"), qint64(3));
    QCOMPARE(number(db, "SELECT count(*) FROM ledger"), qint64(9));
    QCOMPARE(number(db, "SELECT balance FROM members WHERE id = 2"), qint64(325));
    // The outbox is carried over as it was: no second backfill, sent stays sent, retry state kept.
    QCOMPARE(number(db, "SELECT count(*) FROM outbox"), qint64(12));
    QCOMPARE(number(db, "SELECT count(*) FROM outbox WHERE state = 'sent'"), qint64(3));
    QCOMPARE(number(db, "SELECT attempts FROM outbox WHERE id = (SELECT max(id) FROM outbox)"), qint64(3));
    // Version 3 adds the staff who sign in; a store upgraded from version 2 has nobody yet.
    QCOMPARE(number(db, "SELECT count(*) FROM staff"), qint64(0));
    // Version 4: conflicts carried over from the outbox, no events yet, nothing in doubt; a member linked before
    // it does not have Square's history read again (its events were this store's own, unrecorded then).
    QCOMPARE(number(db, "SELECT count(*) FROM sync_conflicts"),
             number(db, "SELECT count(*) FROM outbox WHERE state = 'conflict'"));
    QCOMPARE(number(db, "SELECT count(*) FROM square_events"), qint64(0));
    QCOMPARE(number(db, "SELECT count(*) FROM outbox WHERE first_attempt_at IS NOT NULL"), qint64(0));
    QCOMPARE(number(db, "SELECT count(*) FROM members WHERE square_history_at IS NOT NULL"), qint64(1));
    QCOMPARE(number(db, "SELECT count(*) FROM members WHERE id = 1 AND square_history_at LIKE '20%Z'"), qint64(1));
    // Version 11 counts what waits to sync once, from the rows carried over; the triggers keep it from then on.
    QCOMPARE(number(db, "SELECT pending FROM outbox_waiting"), qint64(9));
    auto report = lt::IntegrityChecker(db).check();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestSchemaMigrator::upgradeMarksTrainingMembersRows()
{
    // Version 12 marks the outbox rows of generated members, which the push must never send.
    const QString path = loadFixture(QStringLiteral("schema-v2.sql"));
    QVERIFY(!path.isEmpty());
    LT_VERIFY_OK(lt::test::execOnFile(path, {QStringLiteral("UPDATE members SET origin = 'generated' WHERE id = 3")}));
    auto opened = Database::open(path);
    LT_VERIFY_OK(opened);
    Database& db = **opened;
    const qint64 training = number(db, "SELECT count(*) FROM outbox WHERE member_id = 3");
    QVERIFY(training > 0);
    QCOMPARE(number(db, "SELECT count(*) FROM outbox WHERE training = 1"), training);
    QCOMPARE(number(db, "SELECT count(*) FROM outbox WHERE training = 1 AND member_id <> 3"), qint64(0));
    // Its partial index of sendable rows replaces the one of all pending rows.
    QCOMPARE(number(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'outbox_sendable'"), qint64(1));
    QCOMPARE(number(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'outbox_pending_order'"), qint64(0));
    QCOMPARE(number(db, "SELECT pending FROM outbox_waiting"),
             number(db, "SELECT count(*) FROM outbox WHERE state = 'pending' AND training = 0"));
    auto report = lt::IntegrityChecker(db).check();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestSchemaMigrator::upgradesVersion1Fixture()
{
    const QString path = loadVersion1();
    QVERIFY(!path.isEmpty());
    auto opened = Database::open(path);
    LT_VERIFY_OK(opened);
    Database& db = **opened;
    QCOMPARE(db.schemaVersion(), SchemaMigrator::CurrentVersion);

    // Every row survives.
    QCOMPARE(number(db, "SELECT count(*) FROM members"), qint64(3));
    QCOMPARE(number(db, "SELECT count(*) FROM cards"), qint64(2));
    QCOMPARE(number(db, "SELECT count(*) FROM member_search"), qint64(8));
    QCOMPARE(number(db, "SELECT count(*) FROM sales"), qint64(4));
    QCOMPARE(number(db, "SELECT count(*) FROM ledger"), qint64(9));
    QCOMPARE(number(db, "SELECT count(*) FROM refunds"), qint64(1));
    QCOMPARE(number(db, "SELECT count(*) FROM adjustments"), qint64(3));
    QCOMPARE(number(db, "SELECT count(*) FROM audit_log"), qint64(11));
    QCOMPARE(number(db, "SELECT count(*) FROM settings"), qint64(2));
    QCOMPARE(number(db, "SELECT count(*) FROM program"), qint64(1));
    auto name = db.scalar(QStringLiteral("SELECT name FROM members WHERE id = 1"));
    LT_VERIFY_OK(name);
    QCOMPARE(name->toString(), QStringLiteral("Jos\u00E9 Mu\u00F1oz"));
    auto storeName = db.scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'store.name'"));
    LT_VERIFY_OK(storeName);
    QCOMPARE(storeName->toString(), QStringLiteral("Corner Caf\u00E9"));

    // Balances and lifetime points as they were.
    QCOMPARE(number(db, "SELECT balance FROM members WHERE id = 1"), qint64(224));
    QCOMPARE(number(db, "SELECT balance FROM members WHERE id = 2"), qint64(325));
    QCOMPARE(number(db, "SELECT balance FROM members WHERE id = 3"), qint64(19));
    QCOMPARE(number(db, "SELECT lifetime_points FROM members WHERE id = 1"), qint64(324));
    QCOMPARE(number(db, "SELECT points_reversed FROM sales WHERE reference = 'S-1001'"), qint64(49));

    // The outbox is backfilled: one enrollment per member and one operation per ledger entry, each once.
    QCOMPARE(number(db, "SELECT count(*) FROM outbox WHERE operation = 'enroll' AND ledger_id IS NULL"), qint64(3));
    QCOMPARE(number(db, "SELECT count(DISTINCT member_id) FROM outbox WHERE operation = 'enroll'"), qint64(3));
    auto payload = db.scalar(QStringLiteral("SELECT payload FROM outbox WHERE operation = 'enroll' AND member_id = 2"));
    LT_VERIFY_OK(payload);
    QCOMPARE(QJsonDocument::fromJson(payload->toString().toUtf8()).object().value(QStringLiteral("phone")).toString(),
             QStringLiteral("+442079460018"));
    QCOMPARE(number(db, "SELECT count(*) FROM outbox WHERE ledger_id IS NOT NULL"), qint64(9));
    QCOMPARE(number(db, "SELECT count(DISTINCT ledger_id) FROM outbox"), qint64(9));
    QCOMPARE(number(db,
                    "SELECT count(*) FROM ledger l JOIN outbox o ON o.ledger_id = l.id "
                    "WHERE o.member_id <> l.member_id OR json_extract(o.payload, '$.points') <> l.points"),
             qint64(0));
    const struct
    {
        const char* kind;
        const char* operation;
    } mapping[] = {{"accrue", "accrue"},  {"redeem", "redeem"}, {"refund", "refund"},
                   {"opening", "adjust"}, {"adjust", "adjust"}, {"void", "adjust"}};
    for (const auto& m : mapping) {
        QVERIFY2(number(db,
                        "SELECT count(*) FROM ledger l JOIN outbox o ON o.ledger_id = l.id "
                        "WHERE l.kind = ? AND o.operation <> ?",
                        {QString::fromLatin1(m.kind), QString::fromLatin1(m.operation)})
                     == 0,
                 m.kind);
    }
    QCOMPARE(number(db, "SELECT count(*) FROM outbox WHERE state <> 'pending'"), qint64(0));
    QCOMPARE(number(db, "SELECT count(DISTINCT idempotency_key) FROM outbox"), qint64(12));

    auto report = lt::IntegrityChecker(db).check();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
    QCOMPARE(report->members, qint64(3));
    QCOMPARE(report->ledgerEntries, qint64(9));
    QCOMPARE(report->pendingSync, qint64(12));
}

void TestSchemaMigrator::upgradedStoreKeepsWorking()
{
    const QString path = loadVersion1();
    QVERIFY(!path.isEmpty());
    auto db = Database::open(path);
    LT_VERIFY_OK(db);
    auto engine = lt::LoyaltyEngine::create(**db, m_clock);
    LT_VERIFY_OK(engine);
    lt::LoyaltyEngine& e = **engine;
    QCOMPARE(e.program().rewardTiers.size(), 3);

    // Search terms and cards written by version 1 still find their members.
    auto byName = e.members().lookup(QStringLiteral("jose mu"));
    LT_VERIFY_OK(byName);
    QCOMPARE(byName->members.size(), 1);
    QCOMPARE(byName->members.first().id, qint64(1));
    auto byCard = e.members().lookup(QStringLiteral("2900 0000 0002 5"));
    LT_VERIFY_OK(byCard);
    QCOMPARE(byCard->members.size(), 1);
    QCOMPARE(byCard->members.first().id, qint64(3));
    auto byPhone = e.members().lookup(QStringLiteral("+44 20 7946 0018"));
    LT_VERIFY_OK(byPhone);
    QCOMPARE(byPhone->members.size(), 1);
    QCOMPARE(byPhone->members.first().balance, qint64(325));

    // A sale recorded before the upgrade is recognised, and its refund finishes what version 1 started.
    lt::Sale repeat;
    repeat.reference = QStringLiteral("S-1002");
    repeat.total = lt::Money(25000, QStringLiteral("USD"));
    auto repeated = e.accrual().accrue(1, repeat, lt::Actor::named(QStringLiteral("cashier-2")));
    LT_VERIFY_OK(repeated);
    QVERIFY(repeated->repeated);
    QCOMPARE(repeated->member.balance, qint64(224));
    lt::RefundRequest rest;
    rest.saleReference = QStringLiteral("S-1001");
    auto refunded = e.refunds().refund(rest, lt::Actor::named(QStringLiteral("cashier-2")));
    LT_VERIFY_OK(refunded);
    QCOMPARE(refunded->refunded.minorUnits(), qint64(7345));
    QCOMPARE(refunded->points, qint64(-74)); // 123 earned, 49 reversed before
    QCOMPARE(refunded->member.balance, qint64(150));
    auto approved =
        e.adjustments().approve(2, QStringLiteral("Dana (manager)"), lt::Actor::named(QStringLiteral("cashier-2")));
    LT_VERIFY_OK(approved);
    QCOMPARE(approved->member.balance, qint64(315));

    auto report = lt::IntegrityChecker(**db).check();
    LT_VERIFY_OK(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestSchemaMigrator::upgradeRunsOnce()
{
    const QString path = loadVersion1();
    QVERIFY(!path.isEmpty());
    qint64 outbox = 0;
    {
        auto db = Database::open(path);
        LT_VERIFY_OK(db);
        outbox = number(**db, "SELECT count(*) FROM outbox");
        QCOMPARE(outbox, qint64(12));
    }
    auto again = Database::open(path);
    LT_VERIFY_OK(again);
    QCOMPARE((*again)->schemaVersion(), SchemaMigrator::CurrentVersion);
    QCOMPARE(number(**again, "SELECT count(*) FROM outbox"), outbox);
    LT_VERIFY_OK(SchemaMigrator(**again).migrate());
    QCOMPARE(number(**again, "SELECT count(*) FROM outbox"), outbox);
}

void TestSchemaMigrator::failedUpgradeChangesNothing()
{
    // A table in the way of version 2 makes its first statement fail; the step must leave no trace.
    const QString path = loadVersion1();
    QVERIFY(!path.isEmpty());
    LT_VERIFY_OK(lt::test::execOnFile(path, {QStringLiteral("CREATE TABLE outbox (note TEXT)")}));
    const auto db = Database::open(path);
    LT_VERIFY_ERROR(db, ErrorKind::Storage);
    QVERIFY2(db.error().message.contains(QLatin1String("schema 2")), qPrintable(db.error().message));

    auto version = lt::test::scalarFromFile(path, QStringLiteral("PRAGMA user_version"));
    LT_VERIFY_OK(version);
    QCOMPARE(version->toInt(), 1);
    auto index = lt::test::scalarFromFile(path,
                                          QStringLiteral("SELECT count(*) FROM sqlite_schema "
                                                         "WHERE name = 'outbox_pending'"));
    LT_VERIFY_OK(index);
    QCOMPARE(index->toInt(), 0);
    auto notes = lt::test::scalarFromFile(path, QStringLiteral("SELECT count(*) FROM outbox"));
    LT_VERIFY_OK(notes);
    QCOMPARE(notes->toInt(), 0);

    // Once the obstacle is gone the same file upgrades.
    LT_VERIFY_OK(lt::test::execOnFile(path, {QStringLiteral("DROP TABLE outbox")}));
    auto retried = Database::open(path);
    LT_VERIFY_OK(retried);
    QCOMPARE(number(**retried, "SELECT count(*) FROM outbox"), qint64(12));
}

void TestSchemaMigrator::concurrentOpensUpgradeOnce()
{
    // Two tills started together on a version 1 store: one upgrades, the other sees it done.
    for (int round = 0; round < 5; ++round) {
        const QString path = loadVersion1();
        QVERIFY(!path.isEmpty());
        LT_VERIFY_OK(lt::test::execOnFile(path, {QStringLiteral("PRAGMA journal_mode = WAL")}));
        QString errors[2];
        qint64 versions[2] = {0, 0};
        auto till = [&](int i) {
            auto db = Database::open(path);
            if (!db) {
                errors[i] = db.error().message;
                return;
            }
            versions[i] = (*db)->schemaVersion();
        };
        std::unique_ptr<QThread> first(QThread::create(till, 0));
        std::unique_ptr<QThread> second(QThread::create(till, 1));
        first->start();
        second->start();
        QVERIFY(first->wait(30000));
        QVERIFY(second->wait(30000));
        QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
        QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
        QCOMPARE(versions[0], qint64(SchemaMigrator::CurrentVersion));
        QCOMPARE(versions[1], qint64(SchemaMigrator::CurrentVersion));
        auto outbox = lt::test::scalarFromFile(path, QStringLiteral("SELECT count(*) FROM outbox"));
        LT_VERIFY_OK(outbox);
        QCOMPARE(outbox->toInt(), 12);
    }
}

void TestSchemaMigrator::neverDowngrades()
{
    auto db = Database::open(m_dir->filePath(QStringLiteral("current.sqlite")));
    LT_VERIFY_OK(db);
    LT_VERIFY_OK(SchemaMigrator(**db).migrateTo(1));
    QCOMPARE((*db)->schemaVersion(), SchemaMigrator::CurrentVersion);
    QCOMPARE(number(**db, "SELECT count(*) FROM sqlite_schema WHERE name = 'outbox'"), qint64(1));
}

QTEST_GUILESS_MAIN(TestSchemaMigrator)
#include "tst_schemamigrator.moc"
