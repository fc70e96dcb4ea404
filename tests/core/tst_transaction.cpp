#include "core/store/Transaction.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

using lt::Error;
using lt::ErrorKind;
using lt::Result;
using lt::test::TempStore;

namespace {
Result<qint64> parse(const QString& text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok)
        return Error::invalid(QStringLiteral("not a number"), QStringLiteral("text"));
    return value;
}

// Adds two numbers written as text, the way core propagates errors.
Result<qint64> sum(const QString& a, const QString& b, int& reached)
{
    LT_TRY_ASSIGN(const qint64 first, parse(a));
    reached = 1;
    LT_TRY_ASSIGN(const qint64 second, parse(b));
    reached = 2;
    return first + second;
}

// Propagation inside a transaction's work, itself inside a propagation spanning several lines.
Result<qint64> sumInTransaction(lt::Database& db, const QString& a, const QString& b)
{
    LT_TRY_ASSIGN(const qint64 total, lt::inTransaction(db, [&]() -> Result<qint64> {
                      LT_TRY_ASSIGN(const qint64 first, parse(a));
                      LT_TRY_ASSIGN(const qint64 second, parse(b));
                      LT_TRY(db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('sum', ?)"),
                                     {QString::number(first + second)}));
                      return first + second;
                  }));
    return total;
}

Result<void> check(const QString& a, int& reached)
{
    LT_TRY(parse(a));
    reached = 1;
    return {};
}
} // namespace

class TestTransaction : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void tryPassesValuesOn();
    void tryStopsAtTheFirstError();
    void tryNestsInsideATransaction();
    void inTransactionCommitsWhatSucceeds();
    void inTransactionRollsBackWhatFails();
    void inTransactionWaitsForAnotherWriter();

private:
    qint64 settings(const char* key);

    std::unique_ptr<TempStore> m_store;
};

void TestTransaction::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestTransaction::cleanup()
{
    m_store.reset();
}

qint64 TestTransaction::settings(const char* key)
{
    return m_store->number("SELECT count(*) FROM settings WHERE key = ?", {QString::fromLatin1(key)});
}

void TestTransaction::tryPassesValuesOn()
{
    int reached = 0;
    auto total = sum(QStringLiteral("40"), QStringLiteral("2"), reached);
    LT_VERIFY_OK(total);
    QCOMPARE(*total, qint64(42));
    QCOMPARE(reached, 2);
    reached = 0;
    LT_VERIFY_OK(check(QStringLiteral("7"), reached));
    QCOMPARE(reached, 1);
}

void TestTransaction::tryStopsAtTheFirstError()
{
    int reached = 0;
    auto total = sum(QStringLiteral("x"), QStringLiteral("y"), reached);
    LT_VERIFY_ERROR(total, ErrorKind::InvalidInput);
    QCOMPARE(reached, 0);
    total = sum(QStringLiteral("1"), QStringLiteral("y"), reached);
    LT_VERIFY_ERROR(total, ErrorKind::InvalidInput);
    QCOMPARE(total.error().field, QStringLiteral("text"));
    QCOMPARE(reached, 1);
    reached = 0;
    LT_VERIFY_ERROR(check(QStringLiteral("z"), reached), ErrorKind::InvalidInput);
    QCOMPARE(reached, 0);
}

void TestTransaction::tryNestsInsideATransaction()
{
    auto failed = sumInTransaction(m_store->db(), QStringLiteral("1"), QStringLiteral("y"));
    LT_VERIFY_ERROR(failed, ErrorKind::InvalidInput);
    QCOMPARE(settings("sum"), qint64(0));
    auto total = sumInTransaction(m_store->db(), QStringLiteral("40"), QStringLiteral("2"));
    LT_VERIFY_OK(total);
    QCOMPARE(*total, qint64(42));
    QCOMPARE(m_store->number("SELECT value FROM settings WHERE key = 'sum'"), qint64(42));
}

void TestTransaction::inTransactionCommitsWhatSucceeds()
{
    lt::Database& db = m_store->db();
    auto written = lt::inTransaction(db, [&db]() -> Result<qint64> {
        LT_TRY(db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('a', '1')")));
        LT_TRY(db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('b', '2')")));
        return 2;
    });
    LT_VERIFY_OK(written);
    QCOMPARE(*written, qint64(2));
    // Committed: another connection sees both rows.
    m_store->close();
    LT_VERIFY_OK(m_store->open());
    QCOMPARE(settings("a"), qint64(1));
    QCOMPARE(settings("b"), qint64(1));
}

void TestTransaction::inTransactionRollsBackWhatFails()
{
    lt::Database& db = m_store->db();
    auto failed = lt::inTransaction(db, [&db]() -> Result<void> {
        LT_TRY(db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('a', '1')")));
        return Error::refused(QStringLiteral("changed my mind"));
    });
    LT_VERIFY_ERROR(failed, ErrorKind::Refused);
    QCOMPARE(failed.error().message, QStringLiteral("changed my mind"));
    QCOMPARE(settings("a"), qint64(0));
    // A failing statement rolls back what came before it in the same work.
    auto refused = lt::inTransaction(db, [&db]() -> Result<void> {
        LT_TRY(db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('b', '1')")));
        LT_TRY(db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('b', '2')")));
        return {};
    });
    LT_VERIFY_ERROR(refused, ErrorKind::Storage);
    QCOMPARE(settings("b"), qint64(0));
    // The connection is usable again: no transaction was left open.
    LT_VERIFY_OK(lt::inTransaction(db, [&db]() -> Result<void> {
        return db.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('c', '1')"));
    }));
    QCOMPARE(settings("c"), qint64(1));
}

void TestTransaction::inTransactionWaitsForAnotherWriter()
{
    // BEGIN IMMEDIATE: a second writer cannot start while the first holds the lock; it gets a typed error.
    lt::Database::Options options;
    options.busyTimeoutMs = 50;
    auto other = lt::Database::open(m_store->path(), options);
    LT_VERIFY_OK(other);
    lt::Database& db = m_store->db();
    auto outer = lt::inTransaction(
        db, [&other]() -> Result<void> { return lt::inTransaction(**other, []() -> Result<void> { return {}; }); });
    LT_VERIFY_ERROR(outer, ErrorKind::Storage);
    QVERIFY2(outer.error().message.contains(QLatin1String("busy")), qPrintable(outer.error().message));
}

QTEST_GUILESS_MAIN(TestTransaction)
#include "tst_transaction.moc"
