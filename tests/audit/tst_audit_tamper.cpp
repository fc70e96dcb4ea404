// The audit chain from outside, as someone with the store file and the sqlite3 shell would meet it: the real
// `sqlite3` edits, deletes, reorders and forges entries of a store the real loyaltytill-admin wrote (dropping the
// triggers first where they stand in the way), and the real `loyaltytill-admin check` names the first entry that
// breaks the chain and the kind of break. The store keeps working after each; the triggers refuse casual edits; and
// writers in several processes at once keep one chain.
#include "tests/cli/CliRunner.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

namespace {
constexpr int Members = 6;
constexpr int Entries = Members + 2; // each enrollment and two settings changes
constexpr int CheckFailed = 1;

struct Shell
{
    int exitCode = -1;
    QByteArray err;
};

// The sqlite3 command-line shell on `file`, as a person would run it.
Shell sqlite3(const QString& file, const QString& sql)
{
    QProcess process;
    process.start(u"sqlite3"_s, {u"-bail"_s, file, sql});
    Shell shell;
    if (!process.waitForStarted(10000) || !process.waitForFinished(30000)) {
        shell.err = "sqlite3 did not run: " + process.errorString().toUtf8();
        return shell;
    }
    shell.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    shell.err = process.readAllStandardError();
    return shell;
}

QVariant value(const QString& file, const QString& sql, const QVariant& bound = {})
{
    static int counter = 0;
    const QString name = u"audit-tamper-%1"_s.arg(++counter);
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(sql);
            if (bound.isValid())
                query.addBindValue(bound);
            if (query.exec() && query.next())
                result = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}
} // namespace

class TestAuditTamper : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void aSoundStorePasses();
    void tamperingIsNamed_data();
    void tamperingIsNamed();
    void casualEditsAreRefused_data();
    void casualEditsAreRefused();
    void writersInSeveralProcessesKeepOneChain();
    void aNotedHeadCatchesACutBackChain();
    void aNotedHeadMustBeHexadecimal();
    void anIndependentImplementationAgrees();

private:
    // A copy of the store built in initTestCase, for one case to spoil.
    QString copyOfStore();

    QTemporaryDir m_dir;
    QString m_store;
};

void TestAuditTamper::initTestCase()
{
    if (QStandardPaths::findExecutable(u"sqlite3"_s).isEmpty())
        QSKIP("the sqlite3 shell is not installed (Debian: apt install sqlite3)");
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(u"store.sqlite"_s);
    CLI_VERIFY_OK(runJson(m_store, {u"init"_s}));
    for (int i = 0; i < Members; ++i)
        CLI_VERIFY_OK(runJson(m_store, {u"enroll"_s, u"--phone"_s, u"(212) 555-01%1"_s.arg(10 + i)}));
    CLI_VERIFY_OK(runJson(m_store, {u"settings"_s, u"store.name"_s, u"Corner Caf\u00E9"_s}));
    CLI_VERIFY_OK(runJson(m_store, {u"settings"_s, u"store.name"_s, u"Corner Caf\u00E9 2"_s}));
    QCOMPARE(value(m_store, u"SELECT count(*) FROM audit_log"_s).toInt(), Entries);
    QCOMPARE(value(m_store, u"SELECT max(id) FROM audit_log"_s).toInt(), Entries);
    // Every process has closed the store: the file alone holds it, as a copy of it would.
    QVERIFY(!QFile::exists(m_store + u"-wal"_s) || QFileInfo(m_store + u"-wal"_s).size() == 0);
}

QString TestAuditTamper::copyOfStore()
{
    static int counter = 0;
    const QString copy = m_dir.filePath(u"case-%1.sqlite"_s.arg(++counter));
    if (!QFile::copy(m_store, copy))
        return {};
    return copy;
}

void TestAuditTamper::aSoundStorePasses()
{
    const CliRun run = runJson(m_store, {u"check"_s});
    CLI_VERIFY_OK(run);
    const QJsonObject audit = run.json.value(u"audit"_s).toObject();
    QVERIFY2(audit.value(u"ok"_s).toBool(), run.describeUtf8());
    QCOMPARE(audit.value(u"entries"_s).toInt(), Entries);
    QCOMPARE(audit.value(u"head"_s).toString(), value(m_store, u"SELECT hash FROM audit_log WHERE id = ?"_s, Entries));
    const CliRun text = clitest::runCli({u"check"_s, u"--database"_s, m_store}, m_dir.path());
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("audit log's 8 entries chain unbroken"), text.describeUtf8());
}

void TestAuditTamper::tamperingIsNamed_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("id"); // the entry check names
    QTest::addColumn<int>("timeOf"); // whose time and action (as written) it shows; 0: a forged one's
    const QString dropUpdate = u"DROP TRIGGER audit_no_update; "_s;
    const QString dropDelete = u"DROP TRIGGER audit_no_delete; "_s;
    QTest::newRow("subject edited") << dropUpdate + u"UPDATE audit_log SET subject = 'member:99' WHERE id = 4"_s
                                    << u"changed"_s << 4 << 4;
    QTest::newRow("details edited") << dropUpdate + u"UPDATE audit_log SET details = '{\"value\":\"x\"}' WHERE id = 7"_s
                                    << u"changed"_s << 7 << 7;
    QTest::newRow("first actor edited") << dropUpdate + u"UPDATE audit_log SET actor = 'Dana' WHERE id = 1"_s
                                        << u"changed"_s << 1 << 1;
    QTest::newRow("hash recomputed by guess") << dropUpdate
            + u"UPDATE audit_log SET action = 'member.erase', "
              "hash = lower(hex(randomblob(32))) WHERE id = 3"_s
                                              << u"changed"_s << 3 << 0;
    QTest::newRow("middle deleted") << dropDelete + u"DELETE FROM audit_log WHERE id = 5"_s << u"missing_before"_s << 6
                                    << 6;
    QTest::newRow("two in the middle deleted")
        << dropDelete + u"DELETE FROM audit_log WHERE id IN (3, 4)"_s << u"missing_before"_s << 5 << 5;
    QTest::newRow("first deleted") << dropDelete + u"DELETE FROM audit_log WHERE id = 1"_s << u"missing_before"_s << 2
                                   << 2;
    QTest::newRow("last deleted") << dropDelete + u"DELETE FROM audit_log WHERE id = 8"_s << u"missing_at_end"_s << 8
                                  << 8;
    QTest::newRow("last two deleted") << dropDelete + u"DELETE FROM audit_log WHERE id >= 7"_s << u"missing_at_end"_s
                                      << 8 << 8;
    QTest::newRow("all deleted") << dropDelete + u"DELETE FROM audit_log"_s << u"missing_at_end"_s << 8 << 8;
    QTest::newRow("ids swapped") << dropUpdate
            + u"UPDATE audit_log SET id = -3 WHERE id = 3; "
              "UPDATE audit_log SET id = 3 WHERE id = 4; "
              "UPDATE audit_log SET id = 4 WHERE id = -3"_s
                                 << u"out_of_order"_s << 3 << 4;
    QTest::newRow("times swapped") << dropUpdate
            + u"CREATE TEMP TABLE times AS SELECT id, at FROM audit_log WHERE id IN (2, 6); "
              "UPDATE audit_log SET at = (SELECT at FROM times WHERE times.id = 8 - audit_log.id) "
              "WHERE id IN (2, 6)"_s
                                   << u"out_of_order"_s << 2 << 6;
    // Forged entries: the insert trigger wants a hash, so the forger makes one up, or drops the trigger.
    QTest::newRow("forged at the end")
        << u"INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash) "
           "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'Dana', 'member.erase', 'member:1', '{}', hash, "
           "lower(hex(randomblob(32))) FROM audit_log WHERE id = 8"_s
        << u"inserted"_s << 9 << 0;
    QTest::newRow("forged without a hash")
        << u"DROP TRIGGER audit_chained; INSERT INTO audit_log (at, actor, action, subject) "
           "VALUES ('2024-03-01T12:00:00.000Z', 'Dana', 'member.erase', 'member:1')"_s
        << u"inserted"_s << 9 << 0;
    QTest::newRow("forged in the middle") << dropUpdate
            + u"UPDATE audit_log SET id = id + 100 WHERE id >= 5; UPDATE audit_log SET id = id - 99 WHERE id >= 105; "
              "INSERT INTO audit_log (id, at, actor, action, subject, details, prev_hash, hash) "
              "SELECT 5, at, 'Dana', 'member.erase', 'member:2', '{}', hash, lower(hex(randomblob(32))) "
              "FROM audit_log WHERE id = 4"_s
                                          << u"inserted"_s << 5 << 0;
    QTest::newRow("another store's id") << u"DROP TRIGGER audit_chain_follows; "
                                           "UPDATE audit_chain SET store_id = lower(hex(randomblob(32)))"_s
                                        << u"anchor_wrong"_s << 1 << 1;
    QTest::newRow("chain record deleted")
        << u"DROP TRIGGER audit_chain_kept; DELETE FROM audit_chain"_s << u"anchor_wrong"_s << 1 << 1;
}

void TestAuditTamper::tamperingIsNamed()
{
    QFETCH(QString, sql);
    QFETCH(QString, kind);
    QFETCH(int, id);
    QFETCH(int, timeOf);
    const QString store = copyOfStore();
    QVERIFY(!store.isEmpty());
    const Shell shell = sqlite3(store, sql);
    QVERIFY2(shell.exitCode == 0, shell.err.constData());

    const CliRun run = runJson(store, {u"check"_s});
    QCOMPARE(run.exitCode, CheckFailed);
    QVERIFY2(run.jsonParsed, run.describeUtf8());
    QVERIFY2(!run.json.value(u"ok"_s).toBool(), run.describeUtf8());
    const QJsonObject broken = run.json.value(u"audit"_s).toObject().value(u"break"_s).toObject();
    QVERIFY2(!broken.isEmpty(), run.describeUtf8());
    QCOMPARE(broken.value(u"kind"_s).toString(), kind);
    QCOMPARE(broken.value(u"id"_s).toInt(), id);
    QVERIFY(!broken.value(u"explanation"_s).toString().isEmpty());
    if (timeOf > 0) {
        // The time and action the entry was written with, read from the untouched store.
        QCOMPARE(broken.value(u"at"_s).toString(),
                 value(m_store, u"SELECT at FROM audit_log WHERE id = ?"_s, timeOf).toString());
        QCOMPARE(broken.value(u"action"_s).toString(),
                 value(m_store, u"SELECT action FROM audit_log WHERE id = ?"_s, timeOf).toString());
    } else {
        QCOMPARE(broken.value(u"action"_s).toString(), u"member.erase"_s);
    }
    // A person reads the same: the entry by id, time and action, and the kind of break.
    const QString problem = run.json.value(u"problems"_s).toArray().last().toString();
    QVERIFY2(problem.startsWith(u"Audit chain broken at entry %1 (%2, %3)"_s.arg(id).arg(
                 broken.value(u"at"_s).toString(), broken.value(u"action"_s).toString())),
             qPrintable(problem));
    QVERIFY2(run.err.contains(problem.toUtf8()), run.describeUtf8());
    // Nothing else in the store is wrong.
    QCOMPARE(run.json.value(u"problems"_s).toArray().size(), 1);

    // The store keeps working, and check keeps failing: the break is not papered over by later entries.
    CLI_VERIFY_OK(runJson(store, {u"enroll"_s, u"--phone"_s, u"(212) 555-0190"_s}));
    const CliRun again = runJson(store, {u"check"_s});
    QCOMPARE(again.exitCode, CheckFailed);
    QVERIFY2(again.json.value(u"audit"_s).toObject().contains(u"break"_s), again.describeUtf8());
}

void TestAuditTamper::casualEditsAreRefused_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("edit") << u"UPDATE audit_log SET subject = 'member:99' WHERE id = 4"_s;
    QTest::newRow("hash set") << u"UPDATE audit_log SET hash = 'ab' WHERE id = 4"_s;
    QTest::newRow("delete") << u"DELETE FROM audit_log WHERE id = 8"_s;
    QTest::newRow("insert without a hash") << u"INSERT INTO audit_log (at, actor, action) VALUES ('x', 'y', 'z')"_s;
    QTest::newRow("head moved") << u"UPDATE audit_chain SET head_id = 7, entries = entries + 1"_s;
    QTest::newRow("store id changed") << u"UPDATE audit_chain SET store_id = lower(hex(randomblob(32)))"_s;
    QTest::newRow("chain deleted") << u"DELETE FROM audit_chain"_s;
}

void TestAuditTamper::casualEditsAreRefused()
{
    QFETCH(QString, sql);
    const QString store = copyOfStore();
    QVERIFY(!store.isEmpty());
    const Shell shell = sqlite3(store, sql);
    QVERIFY(shell.exitCode != 0);
    QVERIFY2(shell.err.contains("audit"), shell.err.constData());
    const CliRun run = runJson(store, {u"check"_s});
    CLI_VERIFY_OK(run);
    QCOMPARE(run.json.value(u"audit"_s).toObject().value(u"entries"_s).toInt(), Entries);
}

// Eight admin processes enrolling at once on one store: each entry is chained under the write lock, never two to the
// same predecessor.
void TestAuditTamper::writersInSeveralProcessesKeepOneChain()
{
    constexpr int Processes = 8;
    const QString store = copyOfStore();
    QVERIFY(!store.isEmpty());
    std::vector<std::unique_ptr<QProcess>> processes;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"LOYALTYTILL_DATABASE"_s);
    environment.insert(u"LOYALTYTILL_CONFIG_DIR"_s, u"/nonexistent/loyaltytill"_s);
    environment.insert(u"HOME"_s, m_dir.path());
    environment.insert(u"XDG_DATA_HOME"_s, m_dir.path() + u"/.local/share"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.path() + u"/.config"_s);
    for (int i = 0; i < Processes; ++i) {
        auto& process = processes.emplace_back(std::make_unique<QProcess>());
        process->setProcessEnvironment(environment);
        process->start(
            clitest::adminPath(),
            {u"enroll"_s, u"--database"_s, store, u"--json"_s, u"--phone"_s, u"(212) 555-02%1"_s.arg(10 + i)});
    }
    for (auto& process : processes) {
        QVERIFY(process->waitForFinished(60000));
        QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    }
    const CliRun run = runJson(store, {u"check"_s});
    CLI_VERIFY_OK(run);
    QCOMPARE(run.json.value(u"audit"_s).toObject().value(u"entries"_s).toInt(), Entries + Processes);
    QCOMPARE(value(store, u"SELECT count(DISTINCT prev_hash) FROM audit_log"_s).toInt(), Entries + Processes);
}

// The chain's limit and its remedy: whoever removes the last entries and moves the head back by hand (triggers dropped)
// leaves a chain that is whole in itself; a head noted by an earlier check, kept away from the store, still catches it.
void TestAuditTamper::aNotedHeadCatchesACutBackChain()
{
    const QString store = copyOfStore();
    QVERIFY(!store.isEmpty());
    const CliRun before = runJson(store, {u"check"_s});
    CLI_VERIFY_OK(before);
    const QString noted = before.json.value(u"audit"_s).toObject().value(u"head"_s).toString();
    QCOMPARE(noted.size(), 64);
    const CliRun holds = runJson(store, {u"check"_s, u"--audit-head"_s, noted.left(16)});
    CLI_VERIFY_OK(holds);
    QCOMPARE(holds.json.value(u"audit"_s).toObject().value(u"noted_head_entry"_s).toInt(), Entries);
    // Later entries leave the noted head where it was.
    CLI_VERIFY_OK(runJson(store, {u"enroll"_s, u"--phone"_s, u"(212) 555-0191"_s}));
    CLI_VERIFY_OK(runJson(store, {u"check"_s, u"--audit-head"_s, noted}));

    const Shell shell = sqlite3(store,
                                u"DROP TRIGGER audit_no_delete; DROP TRIGGER audit_chain_follows; "
                                "DELETE FROM audit_log WHERE id >= 8; "
                                "UPDATE audit_chain SET entries = 7, head_id = 7, head_at = "
                                "(SELECT at FROM audit_log WHERE id = 7), head_action = (SELECT action FROM "
                                "audit_log WHERE id = 7), head_hash = (SELECT hash FROM audit_log WHERE id = 7)"_s);
    QVERIFY2(shell.exitCode == 0, shell.err.constData());
    CLI_VERIFY_OK(runJson(store, {u"check"_s})); // whole in itself
    const CliRun run = runJson(store, {u"check"_s, u"--audit-head"_s, noted});
    QCOMPARE(run.exitCode, CheckFailed);
    const QJsonObject broken = run.json.value(u"audit"_s).toObject().value(u"break"_s).toObject();
    QCOMPARE(broken.value(u"kind"_s).toString(), u"rewritten"_s);
    QVERIFY2(run.err.contains(noted.toUtf8()), run.describeUtf8());
}

void TestAuditTamper::aNotedHeadMustBeHexadecimal()
{
    for (const QString& head : {u"12345"_s, u"not-a-hash-not-a-hash"_s, QString(65, u'a')}) {
        const CliRun run = runJson(m_store, {u"check"_s, u"--audit-head"_s, head});
        CLI_VERIFY_ERROR(run, 2);
        QVERIFY2(run.err.contains("--audit-head"), run.describeUtf8());
    }
}

// tests/audit/append_audit.py chains 500 entries from the README's description alone, with Python's hashlib; check
// accepts them, and the head it prints is the one the script wrote.
void TestAuditTamper::anIndependentImplementationAgrees()
{
    if (QStandardPaths::findExecutable(u"python3"_s).isEmpty())
        QSKIP("python3 is not installed");
    const QString store = copyOfStore();
    QVERIFY(!store.isEmpty());
    QProcess python;
    python.start(u"python3"_s, {QString::fromUtf8(LOYALTYTILL_AUDIT_SCRIPT), store, u"500"_s});
    QVERIFY(python.waitForFinished(60000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const CliRun run = runJson(store, {u"check"_s});
    CLI_VERIFY_OK(run);
    QCOMPARE(run.json.value(u"audit"_s).toObject().value(u"entries"_s).toInt(), Entries + 500);
    QCOMPARE(run.json.value(u"audit"_s).toObject().value(u"head"_s).toString(),
             value(store, u"SELECT head_hash FROM audit_chain"_s).toString());
}

QTEST_GUILESS_MAIN(TestAuditTamper)
#include "tst_audit_tamper.moc"
