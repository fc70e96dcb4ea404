// `config` and the locks through the real binary, with a configuration folder of the test's own
// (LOYALTYTILL_CONFIG_DIR): each value with its origin, a locked store setting refused with exit 4 and nothing
// written, the problems of a bad file named by file and line, and the schema's documents.
#include "tests/cli/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

class CliConfigTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;

    CliRun cli(const QStringList& arguments) const { return runJson(m_db, arguments); }
    QString etc() const { return m_dir.filePath(u"etc-loyaltytill"_s); }

    void write(const QString& relative, const QByteArray& content)
    {
        QVERIFY(QDir().mkpath(QFileInfo(etc() + u'/' + relative).absolutePath()));
        QFile file(etc() + u'/' + relative);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    }

    static QJsonObject setting(const CliRun& run, const QString& key)
    {
        for (const QJsonValue& value : run.json.value(u"settings"_s).toArray()) {
            if (value.toObject().value(u"key"_s).toString() == key)
                return value.toObject();
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(u"store.sqlite"_s);
        CLI_VERIFY_OK(cli({u"init"_s}));
    }

    void showsEachValueWithItsOrigin()
    {
        write(u"loyaltytill.conf"_s, "sync.interval_seconds = 120\nstore.name = Preset name\n");
        write(u"conf.d/10-palette.conf"_s, "till.palette = dark\n");
        write(u"policy.d/locks.conf"_s, "redemption.approval_above_minor = 2500\n");
        CLI_VERIFY_OK(cli({u"settings"_s, u"store.name"_s, u"Own name"_s}));
        const CliRun run = cli({u"config"_s, u"--show-origin"_s});
        CLI_VERIFY_OK(run);
        QCOMPARE(run.json.value(u"folder"_s).toString(), QDir::cleanPath(etc()));
        QCOMPARE(setting(run, u"store.name"_s).value(u"origin"_s).toString(), u"store"_s);
        QCOMPARE(setting(run, u"store.name"_s).value(u"value"_s).toString(), u"Own name"_s);
        QCOMPARE(setting(run, u"sync.interval_seconds"_s).value(u"origin"_s).toString(), u"system"_s);
        QVERIFY(
            setting(run, u"sync.interval_seconds"_s).value(u"source"_s).toString().endsWith(u"loyaltytill.conf:1"_s));
        QCOMPARE(setting(run, u"till.palette"_s).value(u"origin"_s).toString(), u"system"_s);
        QCOMPARE(setting(run, u"redemption.approval_above_minor"_s).value(u"origin"_s).toString(), u"locked"_s);
        QCOMPARE(setting(run, u"redemption.approval_above_minor"_s).value(u"locked"_s).toBool(), true);
        QCOMPARE(setting(run, u"consent.version"_s).value(u"origin"_s).toString(), u"default"_s);
        QVERIFY(run.json.value(u"problems"_s).toArray().isEmpty());
        // As text, each value with its origin below it.
        const CliRun text =
            clitest::runCli({u"config"_s, u"--database"_s, m_db, u"--show-origin"_s, u"till.palette"_s}, m_dir.path());
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith("till.palette = dark\n    (system: "), text.describeUtf8().constData());
        // The store's setting as every command reads it: the lock wins.
        const CliRun shown = cli({u"settings"_s, u"redemption.approval_above_minor"_s});
        CLI_VERIFY_OK(shown);
        QCOMPARE(shown.json.value(u"settings"_s).toObject().value(u"redemption.approval_above_minor"_s).toString(),
                 u"2500"_s);
    }

    void lockedSettingIsRefused()
    {
        write(u"policy.d/locks.conf"_s, "redemption.approval_above_minor = 2500\n");
        const QStringList before = clitest::fingerprint(m_db);
        const CliRun run = cli({u"settings"_s, u"redemption.approval_above_minor"_s, u"9000"_s});
        CLI_VERIFY_ERROR(run, 4);
        QVERIFY2(run.json.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"locks.conf:1"_s),
                 run.describeUtf8().constData());
        QCOMPARE(clitest::fingerprint(m_db), before);
    }

    void badFilesAreReportedByFileAndLine()
    {
        write(u"conf.d/50-bad.conf"_s, "no.such.key = 1\nsales.backdate_days = 900\n");
        write(u"conf.d/60-twice.conf"_s, "till.palette = light\n");
        const CliRun run = cli({u"config"_s});
        CLI_VERIFY_OK(run);
        QStringList problems;
        for (const QJsonValue& value : run.json.value(u"problems"_s).toArray()) {
            const QJsonObject problem = value.toObject();
            problems << u"%1:%2"_s.arg(QFileInfo(problem.value(u"file"_s).toString()).fileName())
                            .arg(problem.value(u"line"_s).toInt());
        }
        problems.sort();
        QCOMPARE(problems, (QStringList {u"50-bad.conf:1"_s, u"50-bad.conf:2"_s, u"60-twice.conf:1"_s}));
        QCOMPARE(setting(run, u"sales.backdate_days"_s).value(u"value"_s).toString(), u"30"_s);
        QCOMPARE(setting(run, u"till.palette"_s).value(u"origin"_s).toString(), u"default"_s);
        // Every other command still runs, the problems on stderr as warnings.
        const CliRun other = cli({u"settings"_s, u"sales.backdate_days"_s});
        CLI_VERIFY_OK(other);
        QVERIFY2(other.err.contains("50-bad.conf:2"), other.describeUtf8().constData());
        QFile::remove(etc() + u"/conf.d/50-bad.conf"_s);
        QFile::remove(etc() + u"/conf.d/60-twice.conf"_s);
    }

    void printsTheSchemaDocuments()
    {
        for (const QString& kind : {u"markdown"_s, u"conf"_s, u"admx"_s, u"adml"_s}) {
            const CliRun run = clitest::runCli({u"config"_s, u"--template"_s, kind}, m_dir.path());
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.out.contains("sales.backdate_days"), run.describeUtf8().constData());
        }
        CLI_VERIFY_ERROR(cli({u"config"_s, u"--template"_s, u"html"_s}), 2);
        CLI_VERIFY_ERROR(cli({u"config"_s, u"no.such.key"_s}), 2);
    }
};

QTEST_GUILESS_MAIN(CliConfigTest)
#include "tst_cli_config.moc"
