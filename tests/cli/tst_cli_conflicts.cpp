// loyaltytill-admin conflicts and conflicts resolve, and the conflicts in sync status, through the real binary on a
// real store. The store's operations are made through the CLI; the conflicts Square's answers would have caused are
// then written into sync_conflicts by the test setup (sync itself is tested against the fake Square elsewhere).
#include "tests/cli/CliRunner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runCli;
using clitest::runJson;

namespace {
const QString Phone = u"+14155552671"_s;
} // namespace

class CliConflictsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    int m_stores = 0;
    qint64 m_member = 0;
    // The outbox rows and conflicts of the setup.
    qint64 m_accrueRow = 0;
    qint64 m_redeemRow = 0;
    qint64 m_overspend = 0; // the redemption Square refused: its points were spent elsewhere
    qint64 m_refused = 0; // the sale Square refused
    qint64 m_mismatch = 0; // balances that disagree, with no operation to blame

    CliRun cli(const QStringList& arguments) { return runJson(m_db, arguments); }

    // Runs SQL on the store through a connection of the test's own, closed again before the next command.
    QList<QVariantList> sql(const QString& statement, const QVariantList& values = {})
    {
        static int counter = 0;
        const QString name = u"conflicts-test-%1"_s.arg(++counter);
        QList<QVariantList> rows;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_db);
            if (!db.open()) {
                qWarning() << db.lastError().text();
                return rows;
            }
            QSqlQuery query(db);
            query.prepare(statement);
            for (const QVariant& value : values)
                query.addBindValue(value);
            if (!query.exec())
                qWarning() << statement << query.lastError().text();
            while (query.next()) {
                QVariantList row;
                for (int i = 0; i < query.record().count(); ++i)
                    row << query.value(i);
                rows << row;
            }
        }
        QSqlDatabase::removeDatabase(name);
        return rows;
    }
    qint64 number(const QString& statement, const QVariantList& values = {})
    {
        const auto rows = sql(statement, values);
        return rows.isEmpty() || rows.first().isEmpty() ? -1 : rows.first().first().toLongLong();
    }
    QString text(const QString& statement, const QVariantList& values = {})
    {
        const auto rows = sql(statement, values);
        return rows.isEmpty() || rows.first().isEmpty() ? QString() : rows.first().first().toString();
    }
    qint64 balance() { return number(u"SELECT balance FROM members WHERE id = ?"_s, {m_member}); }
    // Everything a resolution may change: conflicts, outbox, ledger, balances and the audit log.
    QString snapshot()
    {
        QStringList lines;
        for (const QString& statement :
             {u"SELECT * FROM sync_conflicts ORDER BY id"_s, u"SELECT * FROM outbox ORDER BY id"_s,
              u"SELECT * FROM ledger ORDER BY id"_s, u"SELECT id, balance, lifetime_points FROM members ORDER BY id"_s,
              u"SELECT count(*) FROM audit_log"_s}) {
            for (const QVariantList& row : sql(statement)) {
                QStringList cells;
                for (const QVariant& value : row)
                    cells << (value.isNull() ? u"NULL"_s : value.toString());
                lines << cells.join(u'|');
            }
        }
        return lines.join(u'\n');
    }
    qint64 recordConflict(qint64 outboxId, const QString& kind, const QString& code, const QString& message,
                          const QString& local, const QString& square)
    {
        if (outboxId > 0)
            sql(u"UPDATE outbox SET state = 'conflict', last_error = ? WHERE id = ?"_s, {message, outboxId});
        sql(u"INSERT INTO sync_conflicts (outbox_id, member_id, kind, code, message, local_facts, square_facts, "
            "created_at) VALUES (?, ?, ?, COALESCE(?, ''), ?, ?, ?, '2025-03-01T10:00:00.000Z')"_s,
            {outboxId > 0 ? QVariant(outboxId) : QVariant(), m_member, kind, code, message, local, square});
        return number(u"SELECT max(id) FROM sync_conflicts"_s);
    }
    QJsonObject openConflict(qint64 id)
    {
        const CliRun run = cli({u"conflicts"_s, u"--all"_s});
        for (const QJsonValue& value : run.json.value(u"conflicts"_s).toArray()) {
            if (value.toObject().value(u"id"_s).toInteger() == id)
                return value.toObject();
        }
        return {};
    }

    void freshStore()
    {
        m_db = m_dir.filePath(u"store-%1.db"_s.arg(++m_stores));
        CliRun run = cli({u"init"_s});
        CLI_VERIFY_OK(run);
        run = cli({u"enroll"_s, u"--phone"_s, Phone, u"--name"_s, u"Ada Park"_s});
        CLI_VERIFY_OK(run);
        m_member = run.json.value(u"member"_s).toObject().value(u"id"_s).toInteger();
        run = cli(
            {u"accrue"_s, u"--member"_s, QString::number(m_member), u"--sale"_s, u"R-1"_s, u"--amount"_s, u"250.00"_s});
        CLI_VERIFY_OK(run);
        run = cli({u"redeem"_s, u"--member"_s, QString::number(m_member), u"--reward"_s, u"five-off"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(balance(), 150);
        m_accrueRow = number(u"SELECT id FROM outbox WHERE operation = 'accrue'"_s);
        m_redeemRow = number(u"SELECT id FROM outbox WHERE operation = 'redeem'"_s);
        QVERIFY(m_accrueRow > 0 && m_redeemRow > 0);
        // Test setup: what sync records when Square refuses these operations or its balance disagrees.
        m_overspend =
            recordConflict(m_redeemRow, u"overspend"_s, u"INSUFFICIENT_POINTS"_s,
                           u"The account does not have enough points"_s, u"{\"balance\":250}"_s, u"{\"balance\":40}"_s);
        m_refused = recordConflict(m_accrueRow, u"refused"_s, u"INVALID_LOCATION"_s, u"Unknown location"_s,
                                   u"{\"location\":\"L1\"}"_s, u"{}"_s);
        m_mismatch = recordConflict(0, u"balance_mismatch"_s, QString(), u"Balances disagree after the pull"_s,
                                    u"{\"balance\":150}"_s, u"{\"balance\":130,\"difference\":-20}"_s);
        QVERIFY(m_overspend > 0 && m_refused > m_overspend && m_mismatch > m_refused);
    }

private slots:
    void listShowsBothSides();
    void listIsReadOnly();
    void retrySendsAgainWithANewKey();
    void acceptSquareRestoresThePoints();
    void acceptSquareBalanceMismatch();
    void forceOnlyForPointsTaken();
    void dismissChangesNoPoints();
    void refusedResolutionsChangeNothing_data();
    void refusedResolutionsChangeNothing();
    void resolvedTwiceIsAConflict();
    void syncStatusListsOpenConflicts();
};

#define FRESH_STORE()                                                                                                  \
    do {                                                                                                               \
        freshStore();                                                                                                  \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

void CliConflictsTest::listShowsBothSides()
{
    FRESH_STORE();
    const CliRun run = cli({u"conflicts"_s});
    CLI_VERIFY_OK(run);
    QCOMPARE(run.json.value(u"open"_s).toInteger(), 3);
    const QJsonArray list = run.json.value(u"conflicts"_s).toArray();
    QCOMPARE(list.size(), 3);
    const QJsonObject overspend = list.at(0).toObject();
    QCOMPARE(overspend.value(u"id"_s).toInteger(), m_overspend);
    QCOMPARE(overspend.value(u"member_id"_s).toInteger(), m_member);
    QCOMPARE(overspend.value(u"outbox_id"_s).toInteger(), m_redeemRow);
    QCOMPARE(overspend.value(u"kind"_s).toString(), u"overspend"_s);
    QCOMPARE(overspend.value(u"kind_text"_s).toString(), u"Points already spent elsewhere"_s);
    QCOMPARE(overspend.value(u"operation"_s).toString(), u"redeem"_s);
    QCOMPARE(overspend.value(u"points"_s).toInteger(), -100);
    QCOMPARE(overspend.value(u"code"_s).toString(), u"INSUFFICIENT_POINTS"_s);
    QCOMPARE(overspend.value(u"local_facts"_s).toObject().value(u"balance"_s).toInteger(), 250);
    QCOMPARE(overspend.value(u"square_facts"_s).toObject().value(u"balance"_s).toInteger(), 40);
    QCOMPARE(overspend.value(u"created_at"_s).toString(), u"2025-03-01T10:00:00.000Z"_s);
    QCOMPARE(overspend.value(u"open"_s).toBool(), true);
    QCOMPARE(overspend.value(u"actions"_s).toArray().toVariantList(),
             QVariantList({u"retry"_s, u"force"_s, u"accept-square"_s, u"dismiss"_s}));
    // The phone is personal data: masked, never whole.
    const QString phone = overspend.value(u"phone"_s).toString();
    QVERIFY2(phone.endsWith(u"2671"_s) && !phone.contains(u"555"_s), qPrintable(phone));
    QVERIFY(!run.out.contains("5552671"));
    QCOMPARE(list.at(1).toObject().value(u"actions"_s).toArray().toVariantList(),
             QVariantList({u"retry"_s, u"accept-square"_s, u"dismiss"_s}));
    QCOMPARE(list.at(2).toObject().value(u"outbox_id"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(list.at(2).toObject().value(u"actions"_s).toArray().toVariantList(),
             QVariantList({u"accept-square"_s, u"dismiss"_s}));

    // For people: both sides' facts, Square's words, and how to resolve.
    const CliRun people = runCli({u"conflicts"_s, u"--database"_s, m_db});
    QVERIFY2(people.exitCode == 0, people.describeUtf8().constData());
    const QString out = QString::fromUtf8(people.out);
    for (const QString& expected :
         {u"Points already spent elsewhere"_s, u"INSUFFICIENT_POINTS"_s, u"balance=250"_s, u"balance=40"_s,
          u"redeem -100 points"_s, u"Balances disagree"_s, u"3 open conflict(s)"_s, u"conflicts resolve ID"_s})
        QVERIFY2(out.contains(expected), qPrintable(expected + u" is missing from:\n"_s + out));
    QVERIFY(!out.contains(u"5552671"_s));
}

void CliConflictsTest::listIsReadOnly()
{
    FRESH_STORE();
    const QString before = snapshot();
    CLI_VERIFY_OK(cli({u"conflicts"_s, u"--all"_s}));
    CLI_VERIFY_OK(cli({u"sync"_s, u"status"_s}));
    QCOMPARE(snapshot(), before);
    // A mistyped path is reported, not created.
    const QString missing = m_dir.filePath(u"no-such-store.db"_s);
    CliRun run = runJson(missing, {u"conflicts"_s});
    CLI_VERIFY_ERROR(run, 3);
    run = runJson(missing,
                  {u"conflicts"_s, u"resolve"_s, u"1"_s, u"--action"_s, u"dismiss"_s, u"--manager"_s, u"Maria"_s});
    CLI_VERIFY_ERROR(run, 3);
    QVERIFY(!QFileInfo::exists(missing));
}

void CliConflictsTest::retrySendsAgainWithANewKey()
{
    FRESH_STORE();
    const QString keyBefore = text(u"SELECT idempotency_key FROM outbox WHERE id = ?"_s, {m_accrueRow});
    const CliRun run = cli({u"conflicts"_s, u"resolve"_s, QString::number(m_refused), u"--action"_s, u"retry"_s,
                            u"--manager"_s, u"Maria Lopez"_s, u"--note"_s, u"location fixed in Square"_s});
    CLI_VERIFY_OK(run);
    const QJsonObject conflict = run.json.value(u"conflict"_s).toObject();
    QCOMPARE(conflict.value(u"open"_s).toBool(), false);
    QCOMPARE(conflict.value(u"resolution"_s).toString(), u"retry"_s);
    QCOMPARE(conflict.value(u"resolved_by"_s).toString(), u"Maria Lopez"_s);
    QCOMPARE(conflict.value(u"resolution_note"_s).toString(), u"location fixed in Square"_s);
    QCOMPARE(run.json.value(u"balance"_s).toInteger(), 150);
    QCOMPARE(text(u"SELECT state FROM outbox WHERE id = ?"_s, {m_accrueRow}), u"pending"_s);
    const QString keyAfter = text(u"SELECT idempotency_key FROM outbox WHERE id = ?"_s, {m_accrueRow});
    QVERIFY(!keyAfter.isEmpty());
    QVERIFY(keyAfter != keyBefore);
    QCOMPARE(balance(), 150);
    QCOMPARE(number(u"SELECT count(*) FROM audit_log WHERE action = 'sync.conflict.resolve' AND actor = ?"_s,
                    {u"Maria Lopez"_s}),
             1);
    // No longer open; still listed with --all.
    const CliRun open = cli({u"conflicts"_s});
    QCOMPARE(open.json.value(u"open"_s).toInteger(), 2);
    QCOMPARE(openConflict(m_refused).value(u"resolution"_s).toString(), u"retry"_s);
}

void CliConflictsTest::acceptSquareRestoresThePoints()
{
    FRESH_STORE();
    const qint64 ledgerBefore = number(u"SELECT count(*) FROM ledger"_s);
    const qint64 outboxBefore = number(u"SELECT count(*) FROM outbox"_s);
    const CliRun run = cli({u"conflicts"_s, u"resolve"_s, QString::number(m_overspend), u"--action"_s,
                            u"accept-square"_s, u"--manager"_s, u"Maria Lopez"_s});
    CLI_VERIFY_OK(run);
    // The refused redemption's 100 points come back, in a ledger entry Square is not sent.
    QCOMPARE(balance(), 250);
    QCOMPARE(run.json.value(u"balance"_s).toInteger(), 250);
    QCOMPARE(number(u"SELECT count(*) FROM ledger"_s), ledgerBefore + 1);
    QCOMPARE(number(u"SELECT points FROM ledger ORDER BY id DESC LIMIT 1"_s), 100);
    QCOMPARE(number(u"SELECT count(*) FROM outbox"_s), outboxBefore);
    QCOMPARE(text(u"SELECT state FROM outbox WHERE id = ?"_s, {m_redeemRow}), u"conflict"_s);
    QCOMPARE(openConflict(m_overspend).value(u"resolution"_s).toString(), u"accept-square"_s);
    CLI_VERIFY_OK(cli({u"check"_s})); // every balance still equals its ledger
}

void CliConflictsTest::acceptSquareBalanceMismatch()
{
    FRESH_STORE();
    const CliRun run = cli({u"conflicts"_s, u"resolve"_s, QString::number(m_mismatch), u"--action"_s,
                            u"accept-square"_s, u"--manager"_s, u"Maria Lopez"_s});
    CLI_VERIFY_OK(run);
    QCOMPARE(balance(), 130); // Square's balance
    CLI_VERIFY_OK(cli({u"check"_s}));
}

void CliConflictsTest::forceOnlyForPointsTaken()
{
    FRESH_STORE();
    const QString before = snapshot();
    CliRun run = cli({u"conflicts"_s, u"resolve"_s, QString::number(m_refused), u"--action"_s, u"force"_s,
                      u"--manager"_s, u"Maria Lopez"_s});
    CLI_VERIFY_ERROR(run, 4);
    QCOMPARE(snapshot(), before);

    run = cli({u"conflicts"_s, u"resolve"_s, QString::number(m_overspend), u"--action"_s, u"force"_s, u"--manager"_s,
               u"Maria Lopez"_s});
    CLI_VERIFY_OK(run);
    QCOMPARE(text(u"SELECT state FROM outbox WHERE id = ?"_s, {m_redeemRow}), u"pending"_s);
    QCOMPARE(number(u"SELECT json_extract(payload, '$.force') FROM outbox WHERE id = ?"_s, {m_redeemRow}), 1);
    QCOMPARE(balance(), 150);
}

void CliConflictsTest::dismissChangesNoPoints()
{
    FRESH_STORE();
    const qint64 ledgerBefore = number(u"SELECT count(*) FROM ledger"_s);
    const CliRun run = cli({u"conflicts"_s, u"resolve"_s, QString::number(m_overspend), u"--action"_s, u"dismiss"_s,
                            u"--manager"_s, u"Maria Lopez"_s});
    CLI_VERIFY_OK(run);
    QCOMPARE(balance(), 150);
    QCOMPARE(number(u"SELECT count(*) FROM ledger"_s), ledgerBefore);
    QCOMPARE(text(u"SELECT state FROM outbox WHERE id = ?"_s, {m_redeemRow}), u"conflict"_s);
    QCOMPARE(cli({u"conflicts"_s}).json.value(u"open"_s).toInteger(), 2);
}

void CliConflictsTest::refusedResolutionsChangeNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("unknown action") << QStringList {u"resolve"_s, u"@overspend"_s, u"--action"_s,
                                                    u"undo"_s,    u"--manager"_s,  u"Maria"_s}
                                    << 2;
    QTest::newRow("no action") << QStringList {u"resolve"_s, u"@overspend"_s, u"--manager"_s, u"Maria"_s} << 2;
    QTest::newRow("no manager") << QStringList {u"resolve"_s, u"@overspend"_s, u"--action"_s, u"dismiss"_s} << 2;
    QTest::newRow("blank manager") << QStringList {u"resolve"_s, u"@overspend"_s, u"--action"_s,
                                                   u"dismiss"_s, u"--manager"_s,  u"  "_s}
                                   << 2;
    QTest::newRow("no id") << QStringList {u"resolve"_s, u"--action"_s, u"dismiss"_s, u"--manager"_s, u"Maria"_s} << 2;
    QTest::newRow("id not a number") << QStringList {u"resolve"_s, u"first"_s,     u"--action"_s,
                                                     u"dismiss"_s, u"--manager"_s, u"Maria"_s}
                                     << 2;
    QTest::newRow("unknown subcommand") << QStringList {u"fix"_s, u"@overspend"_s} << 2;
    QTest::newRow("unknown id") << QStringList {u"resolve"_s, u"999"_s,       u"--action"_s,
                                                u"dismiss"_s, u"--manager"_s, u"Maria"_s}
                                << 3;
    QTest::newRow("force on a sale") << QStringList {u"resolve"_s, u"@refused"_s,  u"--action"_s,
                                                     u"force"_s,   u"--manager"_s, u"Maria"_s}
                                     << 4;
    QTest::newRow("retry without an operation")
        << QStringList {u"resolve"_s, u"@mismatch"_s, u"--action"_s, u"retry"_s, u"--manager"_s, u"Maria"_s} << 4;
}

void CliConflictsTest::refusedResolutionsChangeNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    FRESH_STORE();
    for (QString& argument : arguments) {
        argument.replace(u"@overspend"_s, QString::number(m_overspend));
        argument.replace(u"@refused"_s, QString::number(m_refused));
        argument.replace(u"@mismatch"_s, QString::number(m_mismatch));
    }
    const QString before = snapshot();
    const CliRun run = cli(QStringList {u"conflicts"_s} + arguments);
    CLI_VERIFY_ERROR(run, exitCode);
    QCOMPARE(snapshot(), before);
}

void CliConflictsTest::resolvedTwiceIsAConflict()
{
    FRESH_STORE();
    const QStringList resolve = {u"conflicts"_s,  u"resolve"_s,       QString::number(m_overspend),
                                 u"--action"_s,   u"accept-square"_s, u"--manager"_s,
                                 u"Maria Lopez"_s};
    CLI_VERIFY_OK(cli(resolve));
    QCOMPARE(balance(), 250);
    const QString before = snapshot();
    CliRun run = cli(resolve);
    CLI_VERIFY_ERROR(run, 4);
    QVERIFY2(run.err.contains("already resolved"), run.describeUtf8().constData());
    run = cli({u"conflicts"_s, u"resolve"_s, QString::number(m_overspend), u"--action"_s, u"dismiss"_s, u"--manager"_s,
               u"Ben"_s});
    CLI_VERIFY_ERROR(run, 4);
    QCOMPARE(snapshot(), before);
    QCOMPARE(balance(), 250); // the points came back once
}

void CliConflictsTest::syncStatusListsOpenConflicts()
{
    FRESH_STORE();
    CLI_VERIFY_OK(cli({u"conflicts"_s, u"resolve"_s, QString::number(m_refused), u"--action"_s, u"dismiss"_s,
                       u"--manager"_s, u"Maria Lopez"_s}));
    const CliRun run = cli({u"sync"_s, u"status"_s});
    CLI_VERIFY_OK(run);
    QCOMPARE(run.json.value(u"connected"_s).toBool(), false);
    QCOMPARE(run.json.value(u"open_conflicts"_s).toInteger(), 2);
    const QJsonArray list = run.json.value(u"conflicts"_s).toArray();
    QCOMPARE(list.size(), 2);
    // Newest first, the dismissed one gone.
    QCOMPARE(list.at(0).toObject().value(u"id"_s).toInteger(), m_mismatch);
    QCOMPARE(list.at(1).toObject().value(u"id"_s).toInteger(), m_overspend);
    QCOMPARE(list.at(1).toObject().value(u"code"_s).toString(), u"INSUFFICIENT_POINTS"_s);
    const CliRun people = runCli({u"sync"_s, u"status"_s, u"--database"_s, m_db});
    QVERIFY2(people.exitCode == 0, people.describeUtf8().constData());
    QVERIFY2(people.out.contains("Conflicts: 2 open"), people.describeUtf8().constData());
    QVERIFY2(people.out.contains("Last sync") == false, people.describeUtf8().constData()); // not connected
}

QTEST_GUILESS_MAIN(CliConflictsTest)
#include "tst_cli_conflicts.moc"
