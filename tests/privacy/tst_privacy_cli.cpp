// Privacy through the real loyaltytill-admin binary: text output masks phones and e-mails (lookup, members,
// history, conflicts) and shows them whole only with --reveal, which the audit log records; `member erase` asks first
// (nothing changes on "no"), erases with "yes" or --yes, changes nothing when run again, and leaves `check`, the
// reports and `export --member` right; only an active manager answers for it; `member consent` withdraws and gives the
// marketing consent with its time. The store is seeded through the core library.
#include "core/store/StaffDirectory.h"
#include "tests/cli/CliRunner.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"

#include <QJsonArray>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using clitest::CliRun;
using clitest::runJson;
using lt::test::TempStore;

namespace {
const QByteArray WholePhone = "5550142";
const QByteArray WholeEmail = "ana.garcia@example.com";

struct TextRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QByteArray describe() const { return "exit " + QByteArray::number(exitCode) + "\n" + out + "\n" + err; }
};
} // namespace

class TestPrivacyCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void textMasksPhonesAndEmails();
    void revealShowsThemAndIsAudited();
    void conflictsMaskThePhoneTheyCarry();
    void eraseAsksFirstAndThenKeepsTheAccounts();
    void eraseNeedsAnActiveManager();
    void consentIsWithdrawnAndGiven();

private:
    // The binary with --database, in text, with `input` on stdin.
    TextRun text(const QStringList& arguments, const QByteArray& input = {}) const;
    CliRun json(const QStringList& arguments) const { return runJson(m_path, arguments); }
    qint64 number(const QString& sql) const;

    std::unique_ptr<TempStore> m_store;
    QString m_path;
    qint64 m_ana = 0;
    qint64 m_ben = 0;
};

void TestPrivacyCli::init()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    m_store->clock().set(QDateTime::currentDateTimeUtc());
    lt::StaffDirectory staff(m_store->db(), m_store->clock());
    LT_VERIFY_OK(staff.add(QStringLiteral("Maria Lopez"), lt::StaffMember::Role::Manager, QStringLiteral("1357"),
                           QStringLiteral("test")));
    LT_VERIFY_OK(staff.add(QStringLiteral("Sam Cashier"), lt::StaffMember::Role::Cashier, QStringLiteral("2468"),
                           QStringLiteral("test")));
    lt::EnrollmentRequest request;
    request.phone = QStringLiteral("(212) 555-0142");
    request.name = QStringLiteral("Ana García");
    request.email = QString::fromLatin1(WholeEmail);
    request.card = QStringLiteral("2900000000018");
    request.marketingConsent = true;
    auto ana = m_store->engine().enrollment().enroll(request, TempStore::cashier());
    LT_VERIFY_OK(ana);
    m_ana = ana->member.id;
    LT_VERIFY_OK(m_store->accrue(m_ana, QStringLiteral("R-1"), 12000));
    auto ben =
        m_store->enroll(QStringLiteral("+14155552671"), QStringLiteral("Ben Ortiz"), QStringLiteral("ben@x.org"));
    LT_VERIFY_OK(ben);
    m_ben = ben->id;
    // A phone Square refused, among a conflict's facts, as sync records it.
    LT_VERIFY_OK(m_store->db().exec(
        QStringLiteral("INSERT INTO sync_conflicts (member_id, kind, code, message, local_facts, created_at) VALUES "
                       "(?, 'phone_rejected', 'INVALID_PHONE_NUMBER', 'Square refused the number', "
                       "'{\"phone\":\"+14155552671\",\"points\":0}', '2025-03-01T10:00:00.000Z')"),
        {m_ben}));
    m_path = m_store->path();
    m_store->close();
}

void TestPrivacyCli::cleanup()
{
    m_store.reset();
}

TextRun TestPrivacyCli::text(const QStringList& arguments, const QByteArray& input) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LOYALTYTILL_DATABASE"));
    environment.insert(QStringLiteral("LOYALTYTILL_CONFIG_DIR"), QStringLiteral("/nonexistent/loyaltytill"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.start(clitest::adminPath(), QStringList {QStringLiteral("--database"), m_path} + arguments);
    TextRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

qint64 TestPrivacyCli::number(const QString& sql) const
{
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(m_path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return value;
}

void TestPrivacyCli::textMasksPhonesAndEmails()
{
    const QList<QStringList> commands {{QStringLiteral("lookup"), QStringLiteral("(212) 555-0142")},
                                       {QStringLiteral("lookup"), QStringLiteral("ana")},
                                       {QStringLiteral("members")},
                                       {QStringLiteral("members"), QStringLiteral("--search"), QStringLiteral("a")},
                                       {QStringLiteral("history"), QString::number(m_ana)}};
    for (const QStringList& command : commands) {
        const TextRun run = text(command);
        QVERIFY2(run.exitCode == 0, run.describe());
        QVERIFY2(!run.out.contains(WholePhone) && !run.out.contains("555-0142"), run.describe());
        QVERIFY2(!run.out.contains(WholeEmail) && !run.out.contains("garcia@"), run.describe());
        QVERIFY2(run.out.contains("•••• 0142"), run.describe());
    }
    QVERIFY(text({QStringLiteral("lookup"), QStringLiteral("ana")}).out.contains("a•••@example.com"));
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'member.reveal'")), 0);
}

void TestPrivacyCli::revealShowsThemAndIsAudited()
{
    const TextRun run = text({QStringLiteral("lookup"), QStringLiteral("ana"), QStringLiteral("--reveal")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.out.contains("+1 212-555-0142") && run.out.contains(WholeEmail), run.describe());
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'member.reveal' AND subject = "
                                   "'member:%1' AND actor LIKE 'admin-cli%' AND json_extract(details, '$.command') "
                                   "= 'lookup'")
                        .arg(m_ana)),
             1);
    const TextRun list = text({QStringLiteral("members"), QStringLiteral("--reveal")});
    QVERIFY2(list.out.contains("+12125550142") && list.out.contains("+14155552671"), list.describe());
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'member.reveal'")), 3);
}

void TestPrivacyCli::conflictsMaskThePhoneTheyCarry()
{
    const TextRun run = text({QStringLiteral("conflicts")});
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(!run.out.contains("5552671") && run.out.contains("2671"), run.describe());
    const CliRun listed = json({QStringLiteral("conflicts")});
    QVERIFY2(listed.exitCode == 0 && listed.jsonParsed, listed.describeUtf8());
    QVERIFY2(!listed.out.contains("5552671"), listed.describeUtf8());
}

void TestPrivacyCli::eraseAsksFirstAndThenKeepsTheAccounts()
{
    const QString ana = QString::number(m_ana);
    const CliRun summaryBefore = json({QStringLiteral("report"), QStringLiteral("summary")});
    QVERIFY2(summaryBefore.exitCode == 0, summaryBefore.describeUtf8());
    const QStringList before = clitest::fingerprint(m_path);
    const QStringList erase {QStringLiteral("member"), QStringLiteral("erase"), ana, QStringLiteral("--manager"),
                             QStringLiteral("Maria Lopez")};
    TextRun run = text(erase, "no\n");
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("Nothing was erased"), run.describe());
    run = text(erase); // no answer at all
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(clitest::fingerprint(m_path), before);

    run = text(erase, "yes\n");
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.out.contains(QByteArray("Erased the personal data of member ").append(ana.toUtf8())), run.describe());
    const QStringList erased = clitest::fingerprint(m_path);
    run = text(erase + QStringList {QStringLiteral("--yes")});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("erased already"), run.describe());
    QCOMPARE(clitest::fingerprint(m_path), erased);

    // Found by nothing personal; history shows an erased member; check, reports and export stay right.
    QCOMPARE(text({QStringLiteral("lookup"), QStringLiteral("(212) 555-0142")}).exitCode, 3);
    QCOMPARE(text({QStringLiteral("lookup"), QStringLiteral("2900000000018")}).exitCode, 3);
    QCOMPARE(text({QStringLiteral("lookup"), QStringLiteral("García")}).exitCode, 3);
    run = text({QStringLiteral("history"), ana});
    QVERIFY2(run.exitCode == 0 && run.out.contains("Erased member") && run.out.contains("R-1"), run.describe());
    const CliRun check = json({QStringLiteral("check")});
    QVERIFY2(check.exitCode == 0 && check.json.value(QLatin1String("ok")).toBool(), check.describeUtf8());
    const CliRun summaryAfter = json({QStringLiteral("report"), QStringLiteral("summary")});
    QVERIFY2(summaryAfter.exitCode == 0, summaryAfter.describeUtf8());
    for (const QString& figure :
         {QStringLiteral("members_total"), QStringLiteral("net_sales_minor"), QStringLiteral("points_outstanding")})
        QCOMPARE(summaryAfter.out.contains(figure.toUtf8()), summaryBefore.out.contains(figure.toUtf8()));
    QCOMPARE(summaryAfter.json.value(QLatin1String("current")), summaryBefore.json.value(QLatin1String("current")));
    const CliRun accrue = json({QStringLiteral("accrue"), QStringLiteral("--member"), ana, QStringLiteral("--sale"),
                                QStringLiteral("R-2"), QStringLiteral("--amount"), QStringLiteral("5.00")});
    QCOMPARE(accrue.exitCode, 4);
    const QString exported = QDir(QFileInfo(m_path).path()).filePath(QStringLiteral("ana.json"));
    const CliRun exportRun =
        json({QStringLiteral("export"), QStringLiteral("--member"), ana, QStringLiteral("--format"),
              QStringLiteral("json"), QStringLiteral("--output"), exported});
    QVERIFY2(exportRun.exitCode == 0, exportRun.describeUtf8());
    const QByteArray file = clitest::readFileBytes(exported);
    QVERIFY2(!file.contains(WholePhone) && !file.contains(WholeEmail) && !file.contains("Garc"), file);
    QVERIFY2(file.contains("\"balance\":120") && file.contains("R-1"), file);
}

void TestPrivacyCli::eraseNeedsAnActiveManager()
{
    const QStringList before = clitest::fingerprint(m_path);
    const QString ana = QString::number(m_ana);
    const CliRun cashier = json({QStringLiteral("member"), QStringLiteral("erase"), ana, QStringLiteral("--manager"),
                                 QStringLiteral("Sam Cashier"), QStringLiteral("--yes")});
    QCOMPARE(cashier.exitCode, 4);
    const CliRun nobody = json({QStringLiteral("member"), QStringLiteral("erase"), ana, QStringLiteral("--manager"),
                                QStringLiteral("Nobody"), QStringLiteral("--yes")});
    QCOMPARE(nobody.exitCode, 3);
    const CliRun none = json({QStringLiteral("member"), QStringLiteral("erase"), ana, QStringLiteral("--yes")});
    QCOMPARE(none.exitCode, 2);
    QCOMPARE(clitest::fingerprint(m_path), before);
}

void TestPrivacyCli::consentIsWithdrawnAndGiven()
{
    const QString ana = QString::number(m_ana);
    CliRun run = json({QStringLiteral("member"), QStringLiteral("consent"), ana, QStringLiteral("--withdraw")});
    QVERIFY2(run.exitCode == 0, run.describeUtf8());
    QCOMPARE(run.json.value(QLatin1String("changed")).toBool(), true);
    QCOMPARE(run.json.value(QLatin1String("marketing_consent")).toBool(), false);
    const QString at = run.json.value(QLatin1String("consent_at")).toString();
    QVERIFY2(QDateTime::fromString(at, Qt::ISODateWithMs).isValid(), qPrintable(at));
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM members WHERE id = %1 AND consent = 0 AND consent_at = '%2'")
                        .arg(m_ana)
                        .arg(at)),
             1);
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'member.consent.withdraw'")), 1);
    run = json({QStringLiteral("member"), QStringLiteral("consent"), ana, QStringLiteral("--withdraw")});
    QVERIFY2(run.exitCode == 0 && !run.json.value(QLatin1String("changed")).toBool(), run.describeUtf8());
    const TextRun card = text({QStringLiteral("history"), ana});
    QVERIFY2(card.out.contains("consent withdrawn"), card.describe());
    run = json({QStringLiteral("member"), QStringLiteral("consent"), ana, QStringLiteral("--give")});
    QVERIFY2(run.exitCode == 0 && run.json.value(QLatin1String("marketing_consent")).toBool(), run.describeUtf8());
    QCOMPARE(json({QStringLiteral("member"), QStringLiteral("consent"), ana}).exitCode, 2);
    QCOMPARE(json({QStringLiteral("member"), QStringLiteral("forget"), ana}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestPrivacyCli)
#include "tst_privacy_cli.moc"
