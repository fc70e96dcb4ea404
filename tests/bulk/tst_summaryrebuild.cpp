// The reports' summaries summed in C++ (SummaryRebuild, through ReportStore::rebuild and `report rebuild`) against
// the same summaries filled by the recomputing queries `check` runs, row for row, in several time zones: sales and
// redemptions on many days, at every quarter hour of the days the clocks change, a second either side of local
// midnight, in the forms of time SQLite reads besides the store's own, before 1971 and after 2037; refunds in part
// and in full, tills and staff, every kind of ledger entry, and a sale whose member is no longer in the store; and a
// generated store, whose summaries are summed as its rows are written.
#include "core/exchange/DemoDataGenerator.h"
#include "core/services/ReportService.h"
#include "core/store/ReportStore.h"
#include "core/store/Transaction.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <ctime>
#include <random>

using lt::ReportStore;
using lt::test::TempStore;

namespace {

const char* const Tables[] = {"report_sales",       "report_points",  "report_member_days",   "report_members",
                              "report_enrollments", "report_cohorts", "report_member_months", "report_day_members"};

// Days on which some of the tested zones change their clocks (2024), and the days either side.
const char* const ClockChanges[] = {"2024-03-10", "2024-11-03", "2024-03-31", "2024-10-27",
                                    "2024-04-07", "2024-10-06", "2024-09-29", "2024-03-09"};

QString iso(const QDateTime& utc, int milliseconds)
{
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
        + QStringLiteral(".%1Z").arg(milliseconds, 3, 10, QLatin1Char('0'));
}

// The store's times the sales are made at: the store's own form, plus the edges named above.
QStringList saleTimes(std::mt19937& rng)
{
    QStringList times;
    const QDateTime start(QDate(2023, 1, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < 1500; ++i)
        times << iso(start.addSecs(qint64(rng() % (4u * 365u * 86400u))), int(rng() % 1000));
    // A second either side of each quarter hour, which is local midnight in every zone tested.
    const int milliseconds[] = {0, 499, 500, 999};
    for (int i = 0; i < 400; ++i) {
        const QDateTime quarter = start.addSecs(qint64(rng() % (4u * 365u * 24u * 4u)) * 900);
        times << iso(quarter.addSecs(rng() % 2 == 0 ? -1 : 0), milliseconds[rng() % 4]);
    }
    for (const char* day : ClockChanges) {
        const QDateTime midnight(QDate::fromString(QLatin1String(day), Qt::ISODate), QTime(0, 0), Qt::UTC);
        for (qint64 quarter = -8; quarter < 104; ++quarter)
            times << iso(midnight.addSecs(quarter * 900 - qint64(rng() % 2)), milliseconds[rng() % 4]);
    }
    times << QStringLiteral("1969-07-20T20:17:40.000Z") << QStringLiteral("2040-02-29T23:30:00.600Z")
          << QStringLiteral("1970-12-31T23:59:59.700Z") << QStringLiteral("2037-12-31T23:59:59.500Z")
          << QStringLiteral("2024-06-01 12:00:00") << QStringLiteral("2024-06-01T23:59:59")
          << QStringLiteral("2024-06-01T23:30:00+02:00") << QStringLiteral("2024-06-01T23:59:59.5000001Z")
          << QStringLiteral("2024-06-30T23:59:59.9Z") << QStringLiteral("2024-02-30T12:00:00.000Z");
    return times;
}

// Every row of a summary, in order; report_day_members' lists with their entries sorted, since their order is the
// order sales came in, which the recomputation cannot know.
QStringList rowsOf(lt::Database& db, const char* table)
{
    QSqlQuery query(db.connection());
    if (!query.exec(QStringLiteral("SELECT * FROM %1").arg(QLatin1String(table))))
        return {QStringLiteral("cannot read %1").arg(QLatin1String(table))};
    QStringList rows;
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i)
            values << query.value(i).toString();
        if (qstrcmp(table, "report_day_members") == 0) {
            QStringList entries = values.takeLast().split(u',', Qt::SkipEmptyParts);
            entries.sort();
            values << entries.join(u',');
        }
        rows << values.join(u'|');
    }
    rows.sort();
    return rows;
}

QHash<QString, QStringList> snapshot(lt::Database& db)
{
    QHash<QString, QStringList> tables;
    for (const char* table : Tables)
        tables.insert(QLatin1String(table), rowsOf(db, table));
    return tables;
}

} // namespace

class TestSummaryRebuild : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();
    void sameRowsAsTheSql_data();
    void sameRowsAsTheSql();
    void generateSumsAsItWrites();
    void rebuildsOnlyTheSchemasTables();
    void aTimeWithoutADayFailsAsInSql();

private:
    void useZone(const QByteArray& zone);
    void fill();

    std::unique_ptr<TempStore> m_store;
};

void TestSummaryRebuild::useZone(const QByteArray& zone)
{
    qputenv("TZ", zone);
    tzset();
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
}

void TestSummaryRebuild::cleanup()
{
    m_store.reset();
}

// 300 members (ids with gaps), about 3,400 sales with their accruals, redemptions with and without a discount,
// adjustments and expiries, and a sale of a member who is not in the store.
void TestSummaryRebuild::fill()
{
    lt::Database& db = m_store->db();
    std::mt19937 rng(20261130);
    LT_VERIFY_OK(db.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
    LT_VERIFY_OK(db.exec(QStringLiteral("BEGIN")));
    const QDateTime enrolFrom(QDate(2022, 6, 1), QTime(0, 0), Qt::UTC);
    QList<qint64> members;
    for (qint64 i = 1; i <= 300; ++i) {
        const qint64 id = i + i / 7 * 3;
        members << id;
        const QString enrolled = i % 50 == 0 ? QStringLiteral("2024-03-10 07:30:00")
                                             : iso(enrolFrom.addSecs(qint64(rng() % (600u * 86400u))), 0);
        LT_VERIFY_OK(db.exec(QStringLiteral("INSERT INTO members (id, phone, name, enrolled_at) VALUES (?, ?, ?, ?)"),
                             {id, QStringLiteral("+1415555%1").arg(id, 4, 10, QLatin1Char('0')),
                              QStringLiteral("Member %1").arg(id), enrolled}));
    }
    const QStringList tills {QString(), QStringLiteral("T1"), QStringLiteral("T2")};
    const QStringList staff {QString(), QStringLiteral("ana"), QStringLiteral("bo")};
    const QStringList times = saleTimes(rng);
    qint64 saleId = 0;
    for (const QString& at : times) {
        ++saleId;
        // A few members buy most; member 99999 is no longer in the store.
        const qint64 member = saleId == 17 ? 99999 : members.at(int(rng() % 40 == 0 ? rng() % 300 : rng() % 30));
        const qint64 amount = 100 + qint64(rng() % 9900);
        const int refund = int(rng() % 10);
        const qint64 refunded = refund == 0 ? amount : refund == 1 ? amount / 3 : 0;
        LT_VERIFY_OK(db.exec(QStringLiteral("INSERT INTO sales (id, reference, member_id, amount_minor, currency, "
                                            "points, created_at, till, staff) VALUES (?, ?, ?, ?, 'USD', ?, ?, ?, ?)"),
                             {saleId, QStringLiteral("S-%1").arg(saleId), member, amount, amount / 100, at,
                              tills.at(int(rng() % 3)), staff.at(int(rng() % 3))}));
        if (refunded > 0)
            LT_VERIFY_OK(
                db.exec(QStringLiteral("UPDATE sales SET refunded_minor = ? WHERE id = ?"), {refunded, saleId}));
        const QString ledger = QStringLiteral("INSERT INTO ledger (member_id, kind, points, sale_id, discount_minor, "
                                              "created_at) VALUES (?, ?, ?, ?, ?, ?)");
        LT_VERIFY_OK(db.exec(ledger, {member, QStringLiteral("accrue"), amount / 100, saleId, QVariant(), at}));
        const int extra = int(rng() % 20);
        if (extra < 3)
            LT_VERIFY_OK(db.exec(
                ledger,
                {member, QStringLiteral("redeem"), -100, QVariant(), extra == 0 ? QVariant() : QVariant(500), at}));
        else if (extra == 3)
            LT_VERIFY_OK(db.exec(ledger, {member, QStringLiteral("adjust"), -7, QVariant(), QVariant(), at}));
        else if (extra == 4)
            LT_VERIFY_OK(db.exec(ledger, {member, QStringLiteral("expire"), -3, QVariant(), QVariant(), at}));
    }
    LT_VERIFY_OK(db.exec(QStringLiteral("COMMIT")));
    LT_VERIFY_OK(db.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
}

void TestSummaryRebuild::sameRowsAsTheSql_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("Los Angeles") << QByteArray("America/Los_Angeles");
    QTest::newRow("St John's (−3:30, summer time)") << QByteArray("America/St_Johns");
    QTest::newRow("Kolkata (+5:30)") << QByteArray("Asia/Kolkata");
    QTest::newRow("Lord Howe (half an hour of summer time)") << QByteArray("Australia/Lord_Howe");
    QTest::newRow("Chatham (+12:45)") << QByteArray("Pacific/Chatham");
    QTest::newRow("Berlin") << QByteArray("Europe/Berlin");
    QTest::newRow("UTC") << QByteArray("UTC");
}

void TestSummaryRebuild::sameRowsAsTheSql()
{
    QFETCH(QByteArray, zone);
    useZone(zone);
    fill();
    lt::Database& db = m_store->db();

    // Scrambled first, so that the rebuild has something to put right.
    LT_VERIFY_OK(db.exec(QStringLiteral("UPDATE report_sales SET sales = sales + 1")));
    LT_VERIFY_OK(db.exec(QStringLiteral("DELETE FROM report_member_days WHERE member_id % 3 = 0")));
    LT_VERIFY_OK(lt::ReportService(m_store->engine().context()).rebuild());
    const QHash<QString, QStringList> rebuilt = snapshot(db);
    auto differing = ReportStore(db).differences();
    LT_VERIFY_OK(differing);
    QCOMPARE(*differing, QStringList());

    LT_VERIFY_OK(lt::inTransaction(db, [&]() { return ReportStore(db).rebuildInSql(); }));
    const QHash<QString, QStringList> recomputed = snapshot(db);
    for (const char* table : Tables) {
        const QString name = QLatin1String(table);
        QVERIFY2(!rebuilt.value(name).isEmpty(), table);
        QCOMPARE(rebuilt.value(name).size(), recomputed.value(name).size());
        QCOMPARE(rebuilt.value(name), recomputed.value(name));
    }
    QVERIFY(rebuilt.value(QStringLiteral("report_member_days")).size() > 2000);
    QVERIFY(rebuilt.value(QStringLiteral("report_cohorts")).size() > 100);
}

// generate sums the rows as it writes them (BulkMemberWriter) rather than reading them back: the same rows again.
void TestSummaryRebuild::generateSumsAsItWrites()
{
    useZone("America/St_Johns");
    lt::GenerateOptions options;
    options.members = 2000;
    options.sales = 12000;
    auto generated = lt::DemoDataGenerator(m_store->engine().context()).generate(options);
    LT_VERIFY_OK(generated);
    lt::Database& db = m_store->db();
    const QHash<QString, QStringList> summed = snapshot(db);
    LT_VERIFY_OK(lt::inTransaction(db, [&]() { return ReportStore(db).rebuildInSql(); }));
    const QHash<QString, QStringList> recomputed = snapshot(db);
    for (const char* table : Tables) {
        QVERIFY2(!summed.value(QLatin1String(table)).isEmpty(), table);
        QCOMPARE(summed.value(QLatin1String(table)), recomputed.value(QLatin1String(table)));
    }
}

// A migration rebuilds the tables its version added and leaves the others as they are.
void TestSummaryRebuild::rebuildsOnlyTheSchemasTables()
{
    useZone("Europe/Berlin");
    fill();
    lt::Database& db = m_store->db();
    const QHash<QString, QStringList> kept = snapshot(db);
    LT_VERIFY_OK(db.exec(QStringLiteral("DELETE FROM report_day_members")));
    LT_VERIFY_OK(db.exec(QStringLiteral("UPDATE report_members SET sales = sales + 1")));
    LT_VERIFY_OK(lt::inTransaction(db, [&]() { return ReportStore(db).rebuild(7); }));
    QHash<QString, QStringList> now = snapshot(db);
    QCOMPARE(now.value(QStringLiteral("report_day_members")), kept.value(QStringLiteral("report_day_members")));
    QVERIFY(now.value(QStringLiteral("report_members")) != kept.value(QStringLiteral("report_members")));

    LT_VERIFY_OK(db.exec(QStringLiteral("DELETE FROM report_day_members")));
    LT_VERIFY_OK(lt::inTransaction(db, [&]() { return ReportStore(db).rebuild(6); }));
    now = snapshot(db);
    QCOMPARE(now.value(QStringLiteral("report_members")), kept.value(QStringLiteral("report_members")));
    QCOMPARE(now.value(QStringLiteral("report_day_members")), QStringList());
}

// A sale whose time SQLite reads no day in fails the SQL rebuild (a summary's day is NOT NULL); the C++ one refuses
// it too, as damage, and keeps the summaries as they were.
void TestSummaryRebuild::aTimeWithoutADayFailsAsInSql()
{
    useZone("America/Los_Angeles");
    fill();
    lt::Database& db = m_store->db();
    const QHash<QString, QStringList> kept = snapshot(db);
    // The triggers would refuse the sale already.
    LT_VERIFY_OK(db.exec(QStringLiteral("DROP TRIGGER report_sale_added")));
    LT_VERIFY_OK(db.exec(QStringLiteral("DROP TRIGGER report_day_buyer")));
    LT_VERIFY_OK(db.exec(QStringLiteral("INSERT INTO sales (reference, member_id, amount_minor, currency, points, "
                                        "created_at) VALUES ('S-bad', 1, 100, 'USD', 1, 'yesterday')")));
    auto rebuilt = lt::ReportService(m_store->engine().context()).rebuild();
    QVERIFY(!rebuilt.ok());
    QCOMPARE(rebuilt.error().kind, lt::ErrorKind::Corrupt);
    QVERIFY2(rebuilt.error().message.contains(QLatin1String("sales.created_at")), qPrintable(rebuilt.error().message));
    QVERIFY(!lt::inTransaction(db, [&]() { return ReportStore(db).rebuildInSql(); }).ok());
    QCOMPARE(snapshot(db), kept);
}

QTEST_GUILESS_MAIN(TestSummaryRebuild)
#include "tst_summaryrebuild.moc"
