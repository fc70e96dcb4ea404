// loyaltytill-admin sync status counts operations waiting to sync as the till's status bar does
// (SyncOutbox::pendingCount): a demo member's operations are never sent, so they never wait.
#include "core/common/Clock.h"
#include "core/store/Database.h"
#include "core/store/SyncOutbox.h"
#include "tests/cli/CliRunner.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using clitest::CliRun;
using clitest::runJson;

class CliSyncStatusTest : public QObject
{
    Q_OBJECT

private slots:
    void pendingMatchesTheTillsDefinitionWithDemoMembers()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"store.sqlite"_s);
        const auto cli = [&db](const QStringList& arguments) {
            return runJson(db, arguments);
        };
        CLI_VERIFY_OK(cli({u"init"_s}));
        CLI_VERIFY_OK(cli({u"generate"_s, u"--members"_s, u"5"_s, u"--sales"_s, u"10"_s, u"--seed"_s, u"3"_s}));
        // A cashier trains on a demo member, then serves a real customer.
        CLI_VERIFY_OK(cli({u"accrue"_s, u"--member"_s, u"1"_s, u"--sale"_s, u"TRAINING-1"_s, u"--amount"_s, u"25"_s}));
        CLI_VERIFY_OK(cli({u"enroll"_s, u"--phone"_s, u"(212) 555-0142"_s}));
        CLI_VERIFY_OK(
            cli({u"accrue"_s, u"--phone"_s, u"(212) 555-0142"_s, u"--sale"_s, u"R-1"_s, u"--amount"_s, u"12.50"_s}));

        const CliRun status = cli({u"sync"_s, u"status"_s});
        CLI_VERIFY_OK(status);
        const qint64 reported = status.json.value(u"outbox"_s).toObject().value(u"pending"_s).toInteger(-1);

        lt::SystemClock clock;
        auto store = lt::Database::open(db);
        QVERIFY(store.ok());
        const lt::SyncOutbox outbox(**store, clock);
        auto pending = outbox.pendingCount();
        QVERIFY(pending.ok());
        QCOMPARE(reported, *pending);
        QCOMPARE(reported, qint64(2)); // the real customer's enrollment and sale, not the training sale
    }
};

QTEST_GUILESS_MAIN(CliSyncStatusTest)
#include "tst_cli_syncstatus.moc"
