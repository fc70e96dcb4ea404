// The audit chain from inside: every entry AuditLog records carries the hash of the one before it and its own over
// both, the first anchored to the store's random id; two writers on their own connections keep one chain; a store
// upgraded from schema 1 has its history chained; the triggers refuse casual edits; and what verifying costs.
#include "core/store/AuditChain.h"
#include "core/store/AuditChainVerifier.h"
#include "core/store/AuditLog.h"
#include "core/store/SchemaMigrator.h"
#include "core/store/Transaction.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/SqlScript.h"
#include "tests/support/TempStore.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using lt::AuditChain;
using lt::AuditChainVerifier;
using lt::AuditLog;
using lt::AuditRow;
using lt::Database;
using lt::ErrorKind;
using lt::test::FixedClock;
using lt::test::TempStore;

namespace {

QString text(Database& db, const QString& sql, std::initializer_list<QVariant> values = {})
{
    auto value = db.scalar(sql, values);
    return value ? value->toString() : QStringLiteral("<%1>").arg(value.error().message);
}

lt::Result<lt::AuditChainReport> verify(Database& db)
{
    return lt::inTransaction(db, [&db]() { return AuditChainVerifier(db).verify(); });
}

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_store = std::make_unique<TempStore>();
        LT_VERIFY_OK(m_store->open());
    }
    void cleanup() { m_store.reset(); }

    void eachEntryIsChainedToTheOneBefore()
    {
        Database& db = m_store->db();
        AuditLog audit(db, m_store->clock());
        LT_VERIFY_OK(audit.record(QStringLiteral("Dana"), QStringLiteral("test.first"), QStringLiteral("member:1"),
                                  {{QStringLiteral("points"), 5}}));
        LT_VERIFY_OK(audit.record(QStringLiteral("Dana"), QStringLiteral("test.second"), QString()));
        LT_VERIFY_OK(audit.record(QStringLiteral("Ana \u00C9lise"), QStringLiteral("test.third"), QStringLiteral("x")));

        const QString storeId = text(db, QStringLiteral("SELECT store_id FROM audit_chain"));
        QCOMPARE(storeId.size(), 64);
        QCOMPARE(QByteArray::fromHex(storeId.toLatin1()).size(), 32);
        QCOMPARE(m_store->number("SELECT count(*) FROM audit_log"), qint64(3));
        QCOMPARE(text(db, QStringLiteral("SELECT prev_hash FROM audit_log WHERE id = 1")), storeId);
        for (qint64 id : {2, 3})
            QCOMPARE(text(db, QStringLiteral("SELECT prev_hash FROM audit_log WHERE id = ?"), {id}),
                     text(db, QStringLiteral("SELECT hash FROM audit_log WHERE id = ?"), {id - 1}));
        // The hash is SHA-256 over the stored fields, byte for byte.
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral(
            "SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log WHERE id = 3")));
        QVERIFY(query.next());
        AuditRow row {query.value(0).toLongLong(),        query.value(1).toString().toUtf8(),
                      query.value(2).toString().toUtf8(), query.value(3).toString().toUtf8(),
                      query.value(4).toString().toUtf8(), query.value(5).toString().toUtf8(),
                      query.value(6).toString().toUtf8(), {}};
        QCOMPARE(AuditChain::hashOf(row), query.value(7).toString().toLatin1());
        query.finish();
        // The head follows the last entry.
        QCOMPARE(m_store->number("SELECT entries FROM audit_chain"), qint64(3));
        QCOMPARE(m_store->number("SELECT head_id FROM audit_chain"), qint64(3));
        QCOMPARE(text(db, QStringLiteral("SELECT head_hash FROM audit_chain")),
                 text(db, QStringLiteral("SELECT hash FROM audit_log WHERE id = 3")));
        auto report = verify(db);
        LT_VERIFY_OK(report);
        QVERIFY(report->ok());
        QCOMPARE(report->entries, qint64(3));

        // Another store has another id.
        TempStore other;
        LT_VERIFY_OK(other.open());
        QVERIFY(text(other.db(), QStringLiteral("SELECT store_id FROM audit_chain")) != storeId);
    }

    void theEncodingIsUnambiguous()
    {
        const AuditRow a {7, "2024-03-01T12:00:00.000Z", "ab", "c", "member:1", "{}", "00", {}};
        AuditRow b = a;
        b.actor = "a";
        b.action = "bc";
        QVERIFY(AuditChain::hashOf(a) != AuditChain::hashOf(b));
        AuditRow c = a;
        c.id = 8;
        QVERIFY(AuditChain::hashOf(a) != AuditChain::hashOf(c));
        AuditRow d = a;
        d.previous = "01";
        QVERIFY(AuditChain::hashOf(a) != AuditChain::hashOf(d));
        QCOMPARE(AuditChain::hashOf(a), AuditChain::hashOf(AuditRow(a)));
        QCOMPARE(AuditChain::hashOf(a).size(), 64);
    }

    // Two tills (threads, each with its own connection), recording without a transaction of their own and inside
    // their services' transactions: the head is read under the write lock, so the chain never forks.
    void twoWritersKeepOneChain()
    {
        constexpr int PerWriter = 150;
        QStringList errors[2];
        auto writer = [&](int i) {
            FixedClock clock(FixedClock::defaultStart(), 1);
            auto db = Database::open(m_store->path());
            if (!db) {
                errors[i] << db.error().message;
                return;
            }
            AuditLog audit(**db, clock);
            for (int n = 0; n < PerWriter; ++n) {
                const auto recorded = n % 2 == 0
                    ? audit.record(QStringLiteral("till-%1").arg(i), QStringLiteral("test.bare"), QString::number(n))
                    : lt::inTransaction(**db, [&]() {
                          return audit.record(QStringLiteral("till-%1").arg(i), QStringLiteral("test.inside"),
                                              QString::number(n));
                      });
                if (!recorded)
                    errors[i] << recorded.error().message;
            }
        };
        std::unique_ptr<QThread> first(QThread::create(writer, 0));
        std::unique_ptr<QThread> second(QThread::create(writer, 1));
        first->start();
        second->start();
        QVERIFY(first->wait(120000) && second->wait(120000));
        QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable((errors[0] + errors[1]).join(u'\n')));
        QCOMPARE(m_store->number("SELECT count(*) FROM audit_log"), qint64(2 * PerWriter));
        QCOMPARE(m_store->number("SELECT count(DISTINCT prev_hash) FROM audit_log"), qint64(2 * PerWriter));
        QCOMPARE(m_store->number("SELECT count(DISTINCT actor) FROM audit_log"), qint64(2));
        auto report = verify(m_store->db());
        LT_VERIFY_OK(report);
        QVERIFY2(report->ok(), qPrintable(report->firstBreak ? report->firstBreak->explanation : QString()));
        auto integrity = m_store->checkIntegrity();
        LT_VERIFY_OK(integrity);
        QVERIFY2(integrity->ok(), qPrintable(integrity->problems.join(u'\n')));
    }

    // Schema 10 chains the entries written before it, in id order, to a new store id.
    void anUpgradedStoreHasItsHistoryChained()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        LT_VERIFY_OK(lt::test::loadSqlScript(lt::test::fixturePath(QStringLiteral("schema-v1.sql")), path));
        auto db = Database::open(path);
        LT_VERIFY_OK(db);
        Database& store = **db;
        QCOMPARE(text(store, QStringLiteral("SELECT count(*) FROM audit_log WHERE hash IS NULL")), QStringLiteral("0"));
        QCOMPARE(text(store, QStringLiteral("SELECT count(*) FROM audit_log")), QStringLiteral("11"));
        QCOMPARE(text(store, QStringLiteral("SELECT entries FROM audit_chain")), QStringLiteral("11"));
        QCOMPARE(text(store, QStringLiteral("SELECT prev_hash FROM audit_log ORDER BY id LIMIT 1")),
                 text(store, QStringLiteral("SELECT store_id FROM audit_chain")));
        QCOMPARE(text(store, QStringLiteral("SELECT first_id FROM audit_chain")),
                 text(store, QStringLiteral("SELECT min(id) FROM audit_log")));
        auto report = verify(store);
        LT_VERIFY_OK(report);
        QVERIFY(report->ok());
        QCOMPARE(report->entries, qint64(11));
        const FixedClock clock;
        LT_VERIFY_OK(AuditLog(store, clock).record(QStringLiteral("Dana"), QStringLiteral("test.after"), QString()));
        report = verify(store);
        LT_VERIFY_OK(report);
        QVERIFY(report->ok());
        QCOMPARE(report->entries, qint64(12));
    }

    // A long history is chained in batches: every entry of a schema 9 store, in id order, from the first to the last.
    void aLongHistoryIsChainedOnUpgrade()
    {
        constexpr int Entries = 25001;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v9.sqlite"));
        {
            Database::Options keep;
            keep.migrate = false;
            auto old = Database::open(path, keep);
            LT_VERIFY_OK(old);
            LT_VERIFY_OK(lt::SchemaMigrator(**old).migrateTo(9));
            LT_VERIFY_OK((*old)->exec(
                QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                               "INSERT INTO audit_log (at, actor, action, subject, details) "
                               "SELECT '2024-03-01T12:00:00.000Z', 'cashier-1', 'member.enroll', 'member:' || i, '{}' "
                               "FROM n"),
                {Entries}));
        }
        auto db = Database::open(path);
        LT_VERIFY_OK(db);
        Database& store = **db;
        QCOMPARE(text(store, QStringLiteral("SELECT count(*) FROM audit_log WHERE hash IS NULL")), QStringLiteral("0"));
        QCOMPARE(text(store, QStringLiteral("SELECT entries FROM audit_chain")), QString::number(Entries));
        QCOMPARE(text(store, QStringLiteral("SELECT head_id FROM audit_chain")), QString::number(Entries));
        auto report = verify(store);
        LT_VERIFY_OK(report);
        QVERIFY(report->ok());
        QCOMPARE(report->entries, qint64(Entries));
    }

    // The triggers stop an edit made in passing (the sqlite3 shell, a script); `check` is for the rest.
    void casualEditsAreRefused()
    {
        Database& db = m_store->db();
        AuditLog audit(db, m_store->clock());
        for (int i = 0; i < 3; ++i)
            LT_VERIFY_OK(audit.record(QStringLiteral("Dana"), QStringLiteral("test.entry"), QString::number(i)));
        const QString head = text(db, QStringLiteral("SELECT head_hash FROM audit_chain"));
        for (const char* sql :
             {"UPDATE audit_log SET hash = 'ab' WHERE id = 2", "UPDATE audit_log SET prev_hash = 'ab' WHERE id = 2",
              "UPDATE audit_log SET subject = 'other' WHERE id = 2", "DELETE FROM audit_log WHERE id = 3",
              "INSERT INTO audit_log (at, actor, action) VALUES ('2024', 'x', 'y')", "DELETE FROM audit_chain",
              "UPDATE audit_chain SET head_hash = 'ab'", "UPDATE audit_chain SET store_id = lower(hex(randomblob(32)))",
              "UPDATE audit_chain SET entries = entries + 1, head_id = head_id + 1"}) {
            LT_VERIFY_ERROR(db.exec(QString::fromLatin1(sql)), ErrorKind::Storage);
        }
        QCOMPARE(text(db, QStringLiteral("SELECT head_hash FROM audit_chain")), head);
        auto report = verify(db);
        LT_VERIFY_OK(report);
        QVERIFY(report->ok());
    }

    // What `check` spends on the chain: LOYALTYTILL_AUDIT_ENTRIES entries (default 20,000; the README's figure is
    // for 100,000), written through AuditLog in transactions of 1,000.
    void verifyingCost()
    {
        const int entries = qEnvironmentVariableIsSet("LOYALTYTILL_AUDIT_ENTRIES")
            ? qEnvironmentVariableIntValue("LOYALTYTILL_AUDIT_ENTRIES")
            : 20000;
        Database& db = m_store->db();
        AuditLog audit(db, m_store->clock());
        const QJsonObject details {{QStringLiteral("member"), 12345},
                                   {QStringLiteral("points"), 250},
                                   {QStringLiteral("reason"), QStringLiteral("Birthday bonus")}};
        QElapsedTimer writing;
        writing.start();
        for (int done = 0; done < entries;) {
            LT_VERIFY_OK(lt::inTransaction(db, [&]() -> lt::Result<void> {
                for (int i = 0; i < 1000 && done < entries; ++i, ++done)
                    LT_TRY(audit.record(QStringLiteral("cashier-1"), QStringLiteral("member.enroll"),
                                        QStringLiteral("member:%1").arg(done), details));
                return {};
            }));
        }
        const qint64 writeMs = writing.elapsed();
        QElapsedTimer verifying;
        verifying.start();
        auto report = verify(db);
        const qint64 verifyMs = verifying.elapsed();
        LT_VERIFY_OK(report);
        QVERIFY(report->ok());
        QCOMPARE(report->entries, qint64(entries));
        QElapsedTimer checking;
        checking.start();
        auto integrity = m_store->checkIntegrity();
        const qint64 checkMs = checking.elapsed();
        LT_VERIFY_OK(integrity);
        QVERIFY(integrity->ok());
        qInfo("audit chain: %d entries written in %lld ms (%.1f us each); verified in %lld ms (%.2f us each); "
              "whole check %lld ms",
              entries, writeMs, 1000.0 * double(writeMs) / entries, verifyMs, 1000.0 * double(verifyMs) / entries,
              checkMs);
        // A break found late costs a second pass that tells its kind.
        LT_VERIFY_OK(db.exec(QStringLiteral("DROP TRIGGER audit_no_update")));
        LT_VERIFY_OK(db.exec(QStringLiteral("UPDATE audit_log SET subject = 'member:0' WHERE id = ?"), {entries - 1}));
        QElapsedTimer classifying;
        classifying.start();
        report = verify(db);
        const qint64 classifyMs = classifying.elapsed();
        LT_VERIFY_OK(report);
        QVERIFY(report->firstBreak);
        QCOMPARE(report->firstBreak->id, qint64(entries - 1));
        QCOMPARE(report->firstBreak->kind, lt::AuditChainBreak::Kind::Changed);
        qInfo("an edit near the end found and named in %lld ms", classifyMs);
    }

private:
    std::unique_ptr<TempStore> m_store;
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_audit_chain.moc"
