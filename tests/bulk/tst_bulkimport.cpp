// The member import checks rows on every core and writes them from one thread in large transactions: it must give
// the store exactly what the row-by-row import gave, report bad rows in line order, keep whole transactions when it
// fails half-way, add nothing twice when run again, and leave the connection enforcing foreign keys.

#include "core/domain/CardNumber.h"
#include "core/exchange/MemberImporter.h"
#include "core/store/Database.h"
#include "tests/bulk/RowByRowImport.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace lt;
using lt::test::TempStore;

namespace {

QString card(qint64 serial)
{
    return CardNumber::fromSerial(serial);
}

// Every row of a query, its columns joined, for comparing two stores. The test clock moves on every read, and the
// two paths read it a different number of times: times compare as "<time>".
QStringList dump(Database& db, const QString& sql)
{
    static const QRegularExpression time(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    QSqlQuery query(db.connection());
    if (!query.exec(sql))
        return {QStringLiteral("failed: ") + sql};
    QStringList rows;
    while (query.next()) {
        QStringList values;
        for (int i = 0; i < query.record().count(); ++i)
            values << (query.isNull(i)                                        ? QStringLiteral("NULL")
                           : time.match(query.value(i).toString()).hasMatch() ? QStringLiteral("<time>")
                                                                              : query.value(i).toString());
        rows << values.join(QLatin1Char('|'));
    }
    return rows;
}

const char* const Tables[] = {
    "SELECT * FROM members ORDER BY id",
    "SELECT * FROM cards ORDER BY number",
    "SELECT * FROM member_search ORDER BY term, member_id",
    "SELECT * FROM ledger ORDER BY id",
    // Idempotency keys are random on either path.
    "SELECT id, member_id, ledger_id, operation, payload, state, attempts, created_at FROM outbox ORDER BY id",
    "SELECT * FROM report_enrollments ORDER BY day",
    "SELECT * FROM report_points ORDER BY day, kind",
};

Result<ImportReport> importCsv(TempStore& store, const QByteArray& csv, bool skipBadRows, qint64 rowsPerTransaction)
{
    QByteArray bytes = csv;
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    ImportOptions options;
    options.skipBadRows = skipBadRows;
    options.rowsPerTransaction = rowsPerTransaction;
    return MemberImporter(store.engine().context()).importCsv(device, options, TempStore::cashier());
}

QList<qint64> linesOf(const ImportReport& report)
{
    QList<qint64> lines;
    for (const ImportRowError& error : report.errors)
        lines << error.line;
    return lines;
}

// `rows` good members, numbered from `first`, each with an opening balance and every third with a card.
QByteArray goodRows(int first, int rows)
{
    QByteArray csv = "phone,name,email,card,consent,balance\n";
    for (int i = first; i < first + rows; ++i) {
        csv += QStringLiteral("(212) 55%1,Member %2,m%2@example.com,%3,%4,%5\n")
                   .arg(i, 5, 10, QLatin1Char('0'))
                   .arg(i)
                   .arg(i % 3 == 0 ? card(1000 + i) : QString())
                   .arg(i % 2 == 0 ? QStringLiteral("yes") : QStringLiteral("no"))
                   .arg(i % 5 + 1)
                   .toUtf8();
    }
    return csv;
}

} // namespace

class TestBulkImport : public QObject
{
    Q_OBJECT

private:
    // Two members already in the store: one with a card.
    void enrollExisting(TempStore& store)
    {
        auto first = store.enroll(QStringLiteral("2125550199"), QStringLiteral("Already Here"));
        LT_VERIFY_OK(first);
        LT_VERIFY_OK(store.engine().enrollment().assignCard(first->id, card(77), TempStore::cashier()));
        LT_VERIFY_OK(store.enroll(QStringLiteral("2125550198"), QStringLiteral("Also Here")));
    }

    QByteArray mixedFile()
    {
        return "phone,name,email,birthday,card,consent,balance\n" // 1
               "2125550101,Good One,one@example.com,1980-01-02,,yes,10\n" // 2
               "not-a-phone,Bad Phone,,,,,\n" // 3
               "2125550103,\"Multi\n" // 4
               "line name\",,,,no,\n" // 5
               "212-555-0101,Duplicate Phone,,,,,\n" // 6
               "2125550107,Card Owner,,,"
            + card(5).toUtf8()
            + ",,\n" // 7
              "2125550108,Card Repeated,,,"
            + card(5).toUtf8()
            + ",,\n" // 8
              "(212) 555-0199,Existing Phone,,,,,\n" // 9
              "2125550110,Existing Card,,,"
            + card(77).toUtf8()
            + ",,\n" // 10
              "2125550111,José Núñez,jose@example.com,1975-05-06,,yes,250\n" // 11
              "2125550112,Bad Balance,,,,,-5\n" // 12
              "2125550113,Too,Many,Fields,,,,,\n" // 13
              "2125550198,Phone And Card Of Two,,,"
            + card(77).toUtf8()
            + ",,\n" // 14
              "2125550115,Bad Birthday,,1990-02-30,,,\n" // 15
              "2125550116,Good Last,last@example.com,,"
            + card(9).toUtf8() + ",no,0\n"; // 16
    }

private slots:
    // Same file, same starting store: the parallel import and the row-by-row one leave the same rows and report
    // the same errors, in either mode and however the rows are split into transactions.
    void sameAsRowByRow_data()
    {
        QTest::addColumn<bool>("skipBadRows");
        QTest::addColumn<qint64>("rowsPerTransaction");
        QTest::newRow("all or nothing") << false << qint64(20000);
        QTest::newRow("skip bad rows, one transaction") << true << qint64(20000);
        QTest::newRow("skip bad rows, three rows a transaction") << true << qint64(3);
    }

    void sameAsRowByRow()
    {
        QFETCH(bool, skipBadRows);
        QFETCH(qint64, rowsPerTransaction);
        TempStore parallel;
        TempStore reference;
        LT_VERIFY_OK(parallel.open());
        LT_VERIFY_OK(reference.open());
        enrollExisting(parallel);
        enrollExisting(reference);

        auto ours = importCsv(parallel, mixedFile(), skipBadRows, rowsPerTransaction);
        LT_VERIFY_OK(ours);
        auto theirs =
            lt::test::importRowByRow(reference.engine().context(), mixedFile(), skipBadRows, TempStore::cashier());
        LT_VERIFY_OK(theirs);

        QCOMPARE(ours->rows, 14);
        QCOMPARE(ours->rows, theirs->rows);
        QCOMPARE(ours->imported, theirs->imported);
        QCOMPARE(ours->committed, theirs->committed);
        QCOMPARE(linesOf(*ours), (QList<qint64> {3, 6, 8, 9, 10, 12, 13, 14, 15}));
        QCOMPARE(ours->errors.size(), theirs->errors.size());
        for (qsizetype i = 0; i < ours->errors.size(); ++i) {
            QCOMPARE(ours->errors.at(i).line, theirs->errors.at(i).line);
            QCOMPARE(ours->errors.at(i).reason, theirs->errors.at(i).reason);
        }
        for (const char* sql : Tables)
            QCOMPARE(dump(parallel.db(), QString::fromLatin1(sql)), dump(reference.db(), QString::fromLatin1(sql)));
        auto checked = parallel.checkIntegrity();
        LT_VERIFY_OK(checked);
        QVERIFY2(checked->ok(), qPrintable(checked->problems.join(QLatin1Char('\n'))));
    }

    // Enough rows that cards, ledger entries and outbox rows go many to a statement, over several transactions.
    void manyRowsSameAsRowByRow()
    {
        TempStore parallel;
        TempStore reference;
        LT_VERIFY_OK(parallel.open());
        LT_VERIFY_OK(reference.open());
        const QByteArray csv = goodRows(1, 700);
        auto ours = importCsv(parallel, csv, true, 300);
        LT_VERIFY_OK(ours);
        auto theirs = lt::test::importRowByRow(reference.engine().context(), csv, true, TempStore::cashier());
        LT_VERIFY_OK(theirs);
        QCOMPARE(ours->imported, 700);
        QCOMPARE(theirs->imported, 700);
        for (const char* sql : Tables)
            QCOMPARE(dump(parallel.db(), QString::fromLatin1(sql)), dump(reference.db(), QString::fromLatin1(sql)));
        auto checked = parallel.checkIntegrity();
        LT_VERIFY_OK(checked);
        QVERIFY2(checked->ok(), qPrintable(checked->problems.join(QLatin1Char('\n'))));
    }

    // Thousands of rows, checked in chunks on several threads: every bad row is reported once, in line order.
    void errorsInLineOrder()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        QByteArray csv = "phone,name,balance\n";
        QList<qint64> badLines;
        const int rows = 6000;
        for (int i = 0; i < rows; ++i) {
            const qint64 line = i + 2;
            if (i % 7 == 3) {
                csv += "12,Too Short,\n";
                badLines << line;
            } else if (i % 11 == 5) {
                csv += QStringLiteral("21255%1,Repeated,\n").arg(i - 1, 5, 10, QLatin1Char('0')).toUtf8();
                if ((i - 1) % 7 != 3)
                    badLines << line;
                else
                    badLines << 0; // the earlier row was bad: this one is good (fixed below)
            } else {
                csv += QStringLiteral("21255%1,Member %1,%2\n").arg(i, 5, 10, QLatin1Char('0')).arg(i % 4).toUtf8();
            }
        }
        badLines.removeAll(0);
        auto report = importCsv(store, csv, true, 1000);
        LT_VERIFY_OK(report);
        QCOMPARE(report->rows, rows);
        QCOMPARE(linesOf(*report), badLines);
        QCOMPARE(report->imported, rows - badLines.size());
        QCOMPARE(store.number("SELECT count(*) FROM members"), rows - badLines.size());
        auto checked = store.checkIntegrity();
        LT_VERIFY_OK(checked);
        QVERIFY2(checked->ok(), qPrintable(checked->problems.join(QLatin1Char('\n'))));
    }

    // The store fails on row 47 of 100, ten rows to a transaction: the first four transactions stay whole, the
    // fifth leaves nothing, and once the fault is gone a second run adds the rest and nothing twice.
    void failureKeepsWholeTransactions()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        const QByteArray csv = goodRows(1, 100);
        LT_VERIFY_OK(store.db().exec(QStringLiteral("CREATE TEMP TRIGGER fail_on_47 BEFORE INSERT ON members "
                                                    "WHEN NEW.phone = '+12125500047' BEGIN "
                                                    "SELECT RAISE(ABORT, 'injected fault'); END")));
        auto failed = importCsv(store, csv, true, 10);
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(QStringLiteral("line 41")), qPrintable(failed.error().message));
        QCOMPARE(store.number("SELECT count(*) FROM members"), 40);
        QCOMPARE(store.number("SELECT count(*) FROM outbox WHERE operation = 'enroll'"), 40);
        QCOMPARE(store.number("SELECT count(*) FROM ledger WHERE kind = 'opening'"), 40);
        QCOMPARE(store.number("SELECT count(*) FROM audit_log WHERE action = 'members.import'"), 4);
        QCOMPARE(store.number("SELECT max(id) FROM members"), 40);
        auto checked = store.checkIntegrity();
        LT_VERIFY_OK(checked);
        QVERIFY2(checked->ok(), qPrintable(checked->problems.join(QLatin1Char('\n'))));

        LT_VERIFY_OK(store.db().exec(QStringLiteral("DROP TRIGGER temp.fail_on_47")));
        auto again = importCsv(store, csv, true, 10);
        LT_VERIFY_OK(again);
        QCOMPARE(again->imported, 60);
        QCOMPARE(again->errors.size(), 40);
        QVERIFY(again->errors.first().reason.contains(QStringLiteral("already a member")));
        QCOMPARE(store.number("SELECT count(*) FROM members"), 100);
        QCOMPARE(store.number("SELECT count(*) FROM outbox WHERE operation = 'enroll'"), 100);
        QCOMPARE(store.number("SELECT count(*) FROM outbox WHERE operation = 'adjust'"), 100);
        QCOMPARE(store.number("SELECT count(*) FROM ledger WHERE kind = 'opening'"), 100);
        QCOMPARE(store.number("SELECT count(DISTINCT member_id) FROM cards"), 33);
        checked = store.checkIntegrity();
        LT_VERIFY_OK(checked);
        QVERIFY2(checked->ok(), qPrintable(checked->problems.join(QLatin1Char('\n'))));
    }

    // The import gives member ids itself, the largest plus one as SQLite would: a member added between two of its
    // transactions (here by a trigger on each transaction's audit entry, as the till could between them) moves them on.
    void membersAddedBetweenTransactionsKeepTheirIds()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        LT_VERIFY_OK(store.db().exec(QStringLiteral(
            "CREATE TEMP TRIGGER till_enrolls AFTER INSERT ON audit_log WHEN NEW.action = 'members.import' BEGIN "
            "INSERT INTO members (phone, name, enrolled_at) VALUES ('+1415555' || (1000 + NEW.id), 'At the till', "
            "'2026-01-01T00:00:00.000Z'); END")));
        auto imported = importCsv(store, goodRows(1, 30), true, 10);
        LT_VERIFY_OK(imported);
        QCOMPARE(imported->imported, 30);
        // Three transactions of ten rows, then the last one's audit entry (of no rows).
        QCOMPARE(store.number("SELECT count(*) FROM members"), 34);
        // Each transaction's rows follow the member the previous one's audit entry added.
        QCOMPARE(store.number("SELECT count(*) FROM members WHERE name = 'At the till' AND id IN (11, 22, 33, 34)"), 4);
        QCOMPARE(store.number("SELECT count(*) FROM outbox o JOIN members m ON m.id = o.member_id "
                              "WHERE o.operation = 'enroll' AND m.origin = 'import'"),
                 30);
        QCOMPARE(store.number("SELECT count(*) FROM ledger l JOIN members m ON m.id = l.member_id "
                              "WHERE l.kind = 'opening' AND m.origin = 'import'"),
                 30);
    }

    // All or nothing: a bad last row leaves the store as it was; the same file fixed imports whole, and again adds
    // nothing.
    void rerunAddsNothing()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        const QString before = store.rowCounts();
        auto refused = importCsv(store, goodRows(1, 2500) + "not-a-phone,,,,,\n", false, 20000);
        LT_VERIFY_OK(refused);
        QVERIFY(!refused->committed);
        QCOMPARE(linesOf(*refused), QList<qint64> {2502});
        QCOMPARE(store.rowCounts(), before);

        auto imported = importCsv(store, goodRows(1, 2500), false, 20000);
        LT_VERIFY_OK(imported);
        QVERIFY(imported->committed);
        QCOMPARE(imported->imported, 2500);
        const QString after = store.rowCounts();
        auto again = importCsv(store, goodRows(1, 2500), true, 20000);
        LT_VERIFY_OK(again);
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->errors.size(), 2500);
        // Only the second run's audit entry is new.
        QCOMPARE(store.rowCounts().remove(QRegularExpression(QStringLiteral(" audit_log=\\d+"))),
                 QString(after).remove(QRegularExpression(QStringLiteral(" audit_log=\\d+"))));
        auto checked = store.checkIntegrity();
        LT_VERIFY_OK(checked);
        QVERIFY2(checked->ok(), qPrintable(checked->problems.join(QLatin1Char('\n'))));
    }

    // The import writes without enforcing foreign keys; the connection enforces them again once it is done, whether
    // it committed, refused the file or failed, and an import inside a transaction of the caller's never stops them.
    void foreignKeysEnforcedAfterwards()
    {
        TempStore store;
        LT_VERIFY_OK(store.open());
        const auto enforced = [&store]() {
            return store.number("PRAGMA foreign_keys");
        };
        QCOMPARE(enforced(), 1);
        auto imported = importCsv(store, goodRows(1, 50), true, 20);
        LT_VERIFY_OK(imported);
        QCOMPARE(imported->imported, 50);
        QCOMPARE(enforced(), 1);

        auto refused = importCsv(store, goodRows(51, 10) + "not-a-phone,,,,,\n", false, 20000);
        LT_VERIFY_OK(refused);
        QVERIFY(!refused->committed);
        QCOMPARE(enforced(), 1);

        LT_VERIFY_OK(store.db().exec(QStringLiteral("CREATE TEMP TRIGGER fail_on_65 BEFORE INSERT ON members "
                                                    "WHEN NEW.phone = '+12125500065' BEGIN "
                                                    "SELECT RAISE(ABORT, 'injected fault'); END")));
        QVERIFY(!importCsv(store, goodRows(61, 10), true, 20000));
        QCOMPARE(enforced(), 1);
        LT_VERIFY_OK(store.db().exec(QStringLiteral("DROP TRIGGER temp.fail_on_65")));

        LT_VERIFY_OK(store.db().exec(QStringLiteral("BEGIN")));
        auto inside = importCsv(store, goodRows(71, 10), true, 20000);
        QCOMPARE(enforced(), 1);
        LT_VERIFY_OK(store.db().exec(QStringLiteral("ROLLBACK")));
        QVERIFY(!inside); // its own transaction cannot begin inside the caller's
        QCOMPARE(enforced(), 1);

        // Enforced indeed: a card of no member is refused.
        QVERIFY(!store.db().exec(QStringLiteral("INSERT INTO cards (number, member_id, issued_at) "
                                                "VALUES ('X1', 999999, '2026-01-01T00:00:00.000Z')")));
        QCOMPARE(store.number("SELECT count(*) FROM members"), 50);
        auto checked = store.checkIntegrity();
        LT_VERIFY_OK(checked);
        QVERIFY2(checked->ok(), qPrintable(checked->problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestBulkImport)
#include "tst_bulkimport.moc"
