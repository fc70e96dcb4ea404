// SqliteLocalDays gives the local day SQLite's date(time, 'localtime') gives, for every time the summaries read: every
// quarter hour (and a second before it, with and without half a second) through each day a tested zone changes its
// clocks in 2024 and 2025, random times from 1900 to 2100, and forms of time the store does not write.
#include "core/store/SqliteConnection.h"
#include "core/store/SqliteLocalDays.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QTest>

#include <ctime>
#include <random>
#include <sqlite3.h>

using lt::SqliteLocalDays;
using lt::test::TempStore;

class TestSqliteLocalDays : public QObject
{
    Q_OBJECT

private slots:
    void sameDayAsSqlite_data();
    void sameDayAsSqlite();
    void civilDays();
    void noDayInText();
};

void TestSqliteLocalDays::sameDayAsSqlite_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("Los Angeles") << QByteArray("America/Los_Angeles");
    QTest::newRow("St John's") << QByteArray("America/St_Johns");
    QTest::newRow("Lord Howe") << QByteArray("Australia/Lord_Howe");
    QTest::newRow("Chatham") << QByteArray("Pacific/Chatham");
    QTest::newRow("Kathmandu") << QByteArray("Asia/Kathmandu");
    QTest::newRow("Berlin") << QByteArray("Europe/Berlin");
    QTest::newRow("Santiago") << QByteArray("America/Santiago");
}

void TestSqliteLocalDays::sameDayAsSqlite()
{
    QFETCH(QByteArray, zone);
    qputenv("TZ", zone);
    tzset();
    TempStore store;
    LT_VERIFY_OK(store.open());
    auto connection = lt::SqliteConnection::from(store.db());
    LT_VERIFY_OK(connection);
    SqliteLocalDays days(*connection);
    sqlite3_stmt* reference = nullptr;
    QCOMPARE(sqlite3_prepare_v2(connection->handle(), "SELECT date(?1, 'localtime')", -1, &reference, nullptr),
             SQLITE_OK);

    QList<QByteArray> times;
    const char* const fractions[] = {"", ".000", ".499", ".5", ".500", ".999"};
    // Every day of 2024 and 2025 on which one of the zones changes its clocks is among these: each Saturday to
    // Monday of March, April, September, October and November.
    for (int year = 2024; year <= 2025; ++year) {
        for (int month : {3, 4, 9, 10, 11}) {
            for (QDate day(year, month, 1); day.month() == month; day = day.addDays(1)) {
                if (day.dayOfWeek() != Qt::Saturday && day.dayOfWeek() != Qt::Sunday && day.dayOfWeek() != Qt::Monday)
                    continue;
                for (int quarter = 0; quarter < 96; ++quarter) {
                    const QDateTime at(day, QTime(0, 0), Qt::UTC);
                    const QByteArray text = at.addSecs(quarter * 900).toString(Qt::ISODate).toUtf8().left(19);
                    const QByteArray before = at.addSecs(quarter * 900 - 1).toString(Qt::ISODate).toUtf8().left(19);
                    times << text + ".000Z" << before + fractions[quarter % 6] + "Z" << before + ".500Z";
                }
            }
        }
    }
    std::mt19937_64 rng(7);
    const QDateTime from(QDate(1900, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < 20000; ++i) {
        const QDateTime at = from.addSecs(qint64(rng() % (200ull * 365ull * 86400ull)));
        times << at.toString(Qt::ISODate).toUtf8().left(19) + fractions[rng() % 6] + (rng() % 2 ? "Z" : "");
    }
    times << "1970-12-31T23:59:59.500Z"
          << "2037-12-31T23:59:59.500Z"
          << "2038-01-19T03:14:08.000Z"
          << "2024-06-01 23:59:59"
          << "2024-06-01T23:30:00+02:00"
          << "2024-06-01T23:59:59.5000001Z"
          << "2024-02-30T12:00:00.000Z"
          << "2024-06-01T24:00:00Z"
          << "2460000.5"
          << " 2024-06-01T12:00:00Z"
          << "0000-01-01T00:00:00.000Z"
          << "9999-12-31T23:59:59.999Z";

    int compared = 0;
    for (const QByteArray& time : times) {
        const auto* text = reinterpret_cast<const unsigned char*>(time.constData());
        const qint64 day = days.dayOf(text, int(time.size()));
        sqlite3_bind_text(reference, 1, time.constData(), int(time.size()), SQLITE_TRANSIENT);
        QCOMPARE(sqlite3_step(reference), SQLITE_ROW);
        const QByteArray expected(reinterpret_cast<const char*>(sqlite3_column_text(reference, 0)));
        sqlite3_reset(reference);
        QByteArray got = "(none)";
        if (day != SqliteLocalDays::NoDay) {
            got = QByteArray(10, ' ');
            lt::civilDays::format(day, got.data());
        }
        if (got != expected && !(day == SqliteLocalDays::NoDay && expected.size() != 10))
            QFAIL(qPrintable(QStringLiteral("%1: %2, SQLite %3")
                                 .arg(QString::fromUtf8(time), QString::fromUtf8(got), QString::fromUtf8(expected))));
        ++compared;
    }
    sqlite3_finalize(reference);
    QVERIFY(compared > 30000);
}

void TestSqliteLocalDays::civilDays()
{
    for (const QDate date : {QDate(1, 1, 1), QDate(1969, 12, 31), QDate(1970, 1, 1), QDate(2000, 2, 29),
                             QDate(2024, 12, 31), QDate(9999, 12, 31)}) {
        const qint64 days = lt::civilDays::fromDate(date.year(), date.month(), date.day());
        QCOMPARE(lt::civilDays::julianDay(days), date.toJulianDay());
        QByteArray text(10, ' ');
        lt::civilDays::format(days, text.data());
        QCOMPARE(text, date.toString(Qt::ISODate).toUtf8());
        QByteArray month(7, ' ');
        lt::civilDays::formatMonth(lt::civilDays::monthOf(days), month.data());
        QCOMPARE(month, text.left(7));
        qint64 parsed = 0;
        QVERIFY(lt::civilDays::parse(reinterpret_cast<const unsigned char*>(text.constData()), 10, parsed));
        QCOMPARE(parsed, days);
    }
    qint64 parsed = 0;
    QVERIFY(!lt::civilDays::parse(reinterpret_cast<const unsigned char*>("2024-02-30"), 10, parsed));
}

// A time SQLite reads no date in has no day, and says which column held it.
void TestSqliteLocalDays::noDayInText()
{
    TempStore store;
    LT_VERIFY_OK(store.open());
    auto connection = lt::SqliteConnection::from(store.db());
    LT_VERIFY_OK(connection);
    SqliteLocalDays days(*connection);
    QCOMPARE(days.dayOf(reinterpret_cast<const unsigned char*>("yesterday"), 9), SqliteLocalDays::NoDay);
    QCOMPARE(days.dayOf(nullptr, 0), SqliteLocalDays::NoDay);
    const lt::Error error = days.failure(QStringLiteral("sales.created_at"));
    QCOMPARE(error.kind, lt::ErrorKind::Corrupt);
    QVERIFY(error.message.contains(QLatin1String("sales.created_at")));
}

QTEST_GUILESS_MAIN(TestSqliteLocalDays)
#include "tst_sqlitelocaldays.moc"
