// The admin tool with a damaged store: every command refuses it with what to do and leaves its bytes alone, and
// `restore` names the operations since the backup that must be entered again and keeps that list beside the
// damaged store.
#include "tests/cli/CliRunner.h"
#include "tests/recovery/DamagedStores.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::runCli;
using clitest::runJson;
using lt::test::DamagedStores;
using lt::test::FileState;

class TestCliRecovery : public QObject
{
    Q_OBJECT

private slots:
    void refusesAndRestores()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString store = dir.filePath(u"store.sqlite"_s);
        const QString backup = dir.filePath(u"taken.sqlite"_s);
        auto run = runJson(store, {u"init"_s});
        QVERIFY2(run.exitCode == 0, run.describeUtf8());
        run = runJson(store, {u"generate"_s, u"--members"_s, u"300"_s, u"--sales"_s, u"0"_s});
        QVERIFY2(run.exitCode == 0, run.describeUtf8());
        run = runJson(store, {u"backup"_s, backup});
        QVERIFY2(run.exitCode == 0, run.describeUtf8());
        run = runJson(store, {u"enroll"_s, u"--phone"_s, u"415 555 0199"_s});
        QVERIFY2(run.exitCode == 0, run.describeUtf8());
        QVERIFY(DamagedStores::overwriteMiddleOfPage(store, DamagedStores::fullLeafPage(store, u"members"_s)));
        const FileState before = FileState::of(store);

        run = runJson(store, {u"members"_s});
        QVERIFY2(run.exitCode != 0 && run.describe().contains(u"loyaltytill-admin restore"_s), run.describeUtf8());
        QCOMPARE(FileState::of(store).storeSha256, before.storeSha256);
        QCOMPARE(FileState::of(store).storeModified, before.storeModified);

        run = runCli({u"restore"_s, u"--database"_s, store, backup}, dir.path());
        QVERIFY2(run.exitCode == 0, run.describeUtf8());
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(u"enrolment"_s) && out.contains(u"0199"_s) && !out.contains(u"415 555 0199"_s),
                 run.describeUtf8());
        QVERIFY2(out.contains(u".to-re-enter.txt"_s), run.describeUtf8());
    }
};

QTEST_GUILESS_MAIN(TestCliRecovery)
#include "tst_clirecovery.moc"
