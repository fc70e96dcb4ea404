// `loyaltytill-admin import` and `loyaltytill-admin backup` run as real processes with the fault-injecting VFS
// preloaded (PreloadFaults.cpp): every write, fsync and open of the whole command fails in turn, the store opening
// included. Each time the command must exit with a message and not crash, the store must hold the import whole or
// not at all and pass `check`, and the same command must succeed once the fault is gone.
#include "tests/faults/FaultWalk.h"
#include "tests/support/ResultChecks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace lt;
using namespace lt::test;

namespace {

constexpr int processTimeoutMs = 60000;

struct AdminRun
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
    QString describe() const
    {
        return QStringLiteral("exit %1%2, stderr: %3")
            .arg(exitCode)
            .arg(crashed ? QStringLiteral(" (crashed)") : QString())
            .arg(QString::fromUtf8(err).trimmed());
    }
};

struct Fault
{
    QByteArray call; // empty: none, only counting
    int nth = 0;
    bool persistent = false;
    QByteArray code;
};

AdminRun runAdmin(const QStringList& arguments, const QString& home, const Fault& fault, const QString& countsFile)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LOYALTYTILL_DATABASE"));
    environment.insert(QStringLiteral("LOYALTYTILL_CONFIG_DIR"), home + QStringLiteral("/etc-loyaltytill"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(LOYALTYTILL_FAULTY_VFS));
    // An instrumented build's preloaded library comes before the sanitizer's runtime; that is as intended here.
    environment.insert(QStringLiteral("ASAN_OPTIONS"),
                       environment.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":verify_asan_link_order=0"));
    environment.insert(QStringLiteral("LOYALTYTILL_FAULT_SKIP_SYNCS"), QStringLiteral("1"));
    if (!countsFile.isEmpty())
        environment.insert(QStringLiteral("LOYALTYTILL_FAULT_COUNTS"), countsFile);
    if (!fault.call.isEmpty()) {
        environment.insert(QStringLiteral("LOYALTYTILL_FAULT_CALL"), QString::fromLatin1(fault.call));
        environment.insert(QStringLiteral("LOYALTYTILL_FAULT_NTH"), QString::number(fault.nth));
        environment.insert(QStringLiteral("LOYALTYTILL_FAULT_PERSISTENT"),
                           fault.persistent ? QStringLiteral("1") : QStringLiteral("0"));
        environment.insert(QStringLiteral("LOYALTYTILL_FAULT_CODE"), QString::fromLatin1(fault.code));
    }
    AdminRun run;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LOYALTYTILL_ADMIN), arguments);
    if (!process.waitForStarted(processTimeoutMs) || !process.waitForFinished(processTimeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.crashed = true;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitCode();
    run.crashed = run.crashed || process.exitStatus() != QProcess::NormalExit;
    return run;
}

int countOf(const QString& countsFile, const QByteArray& call)
{
    QFile file(countsFile);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().trimmed().split(' ');
        if (fields.size() == 2 && fields.at(0) == call)
            return fields.at(1).toInt();
    }
    return -1;
}

QString homeOf(TempStore& store)
{
    return QFileInfo(store.path()).absolutePath();
}

// What a failed command tells its operator: the JSON error's message, else what it wrote on stderr.
QString messageOf(const AdminRun& run)
{
    const QJsonObject error = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("error")).toObject();
    const QString message = error.value(QStringLiteral("message")).toString();
    return message.isEmpty() ? QString::fromUtf8(run.err).trimmed() : message;
}

// A store's figures read in this process (no faults here: the shim lives in the command's process), with the files
// of its backup folder. The store is open.
StoreFigures figuresOfOpen(TempStore& store)
{
    StoreFigures figures = StoreFigures::of(store.db());
    const QDir backups(store.filePath(QStringLiteral("backups")));
    figures.values.insert(QStringLiteral("backup files"), backups.entryList(QDir::Files | QDir::Hidden).size());
    return figures;
}

StoreFigures figuresOf(TempStore& store)
{
    StoreFigures figures;
    [&] {
        LT_VERIFY_OK(store.open());
    }();
    if (!store.isOpen())
        return figures;
    figures = figuresOfOpen(store);
    store.close();
    return figures;
}

} // namespace

class TestAdminFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        LT_VERIFY_OK(m_template.open());
        LT_VERIFY_OK(m_template.enroll(QStringLiteral("415 555 2671"), QStringLiteral("Ana")));
        m_template.close();
        QByteArray csv("phone,name,email,balance\n");
        for (int i = 0; i < 30; ++i)
            csv += QStringLiteral("212555%1,Member %2,member%2@example.com,%3\n").arg(1000 + i).arg(i).arg(i).toUtf8();
        QFile file(m_work.filePath(QStringLiteral("members.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(csv);
    }

    void commandIsWholeOrAbsent_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QByteArray>("call");
        QTest::addColumn<bool>("persistent");
        QTest::addColumn<QByteArray>("code");
        for (const QString& command : {QStringLiteral("import"), QStringLiteral("backup")}) {
            const QByteArray name = command.toLatin1();
            QTest::newRow(QByteArray(name + ": disk full from the N-th write").constData())
                << command << QByteArray("write") << true << QByteArray("full");
            QTest::newRow(QByteArray(name + ": fsync error on the N-th sync").constData())
                << command << QByteArray("sync") << false << QByteArray("fsync");
            QTest::newRow(QByteArray(name + ": cannot open the N-th file").constData())
                << command << QByteArray("open") << false << QByteArray("cantopen");
        }
    }

    void commandIsWholeOrAbsent()
    {
        QFETCH(QString, command);
        QFETCH(QByteArray, call);
        QFETCH(bool, persistent);
        QFETCH(QByteArray, code);
        const auto arguments = [&](TempStore& store) {
            QStringList args {command, QStringLiteral("--database"), store.path(), QStringLiteral("--json")};
            if (command == QLatin1String("import"))
                args << m_work.filePath(QStringLiteral("members.csv"));
            return args;
        };
        const QString counts = m_work.filePath(QStringLiteral("counts"));

        StoreFigures before;
        StoreFigures after;
        int calls = 0;
        {
            TempStore dry;
            copyTemplate(dry);
            before = figuresOf(dry);
            const AdminRun run = runAdmin(arguments(dry), dry.filePath(QString()), Fault {}, counts);
            QVERIFY2(run.exitCode == 0 && !run.crashed, qPrintable(run.describe()));
            calls = countOf(counts, call);
            after = figuresOf(dry);
            QVERIFY2(after != before, "the command changed nothing");
        }
        QVERIFY(calls > 0);

        int failed = 0;
        QStringList messages;
        for (int nth = 1; nth <= calls; ++nth) {
            const QString where = QStringLiteral("%1 #%2: ").arg(QString::fromLatin1(call)).arg(nth);
            TempStore store;
            copyTemplate(store);
            const AdminRun run =
                runAdmin(arguments(store), homeOf(store), Fault {call, nth, persistent, code}, QString());
            QVERIFY2(!run.crashed, qPrintable(where + run.describe()));
            if (run.exitCode != 0) {
                ++failed;
                const QString message = messageOf(run);
                QVERIFY2(!message.isEmpty(), qPrintable(where + QStringLiteral("no message")));
                QVERIFY2(unclearMessage(Error::storage(message)).isEmpty(),
                         qPrintable(where + unclearMessage(Error::storage(message))));
                if (messages.size() < 4 && !messages.contains(message))
                    messages << message;
            }
            LT_VERIFY_OK(store.open());
            auto report = store.checkIntegrity();
            LT_VERIFY_OK(report);
            QVERIFY2(report->ok(), qPrintable(where + report->problems.join(QStringLiteral("; "))));
            const StoreFigures now = figuresOfOpen(store);
            store.close();
            QVERIFY2(now == before || now == after, qPrintable(where + now.differenceFrom(before)));
            QVERIFY2(run.exitCode != 0 || now == after,
                     qPrintable(where + QStringLiteral("exit 0 but ") + now.differenceFrom(after)));
            if (now == before) {
                const AdminRun again = runAdmin(arguments(store), homeOf(store), Fault {}, QString());
                QVERIFY2(again.exitCode == 0,
                         qPrintable(where + QStringLiteral("after the fault: ") + again.describe()));
                const StoreFigures retried = figuresOf(store);
                QVERIFY2(retried == after, qPrintable(where + retried.differenceFrom(after)));
            }
        }
        qInfo().noquote() << QStringLiteral("loyaltytill-admin %1: %2 %3, points 1..%4: %5 failed; messages: %6")
                                 .arg(command, QString::fromLatin1(call),
                                      persistent ? QStringLiteral("persistent") : QStringLiteral("transient"))
                                 .arg(calls)
                                 .arg(failed)
                                 .arg(messages.join(QStringLiteral(" | ")));
    }

private:
    void copyTemplate(TempStore& store)
    {
        QFile::remove(store.path());
        QVERIFY(QFile::copy(m_template.path(), store.path()));
        QVERIFY(QFile::setPermissions(store.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    }

    QTemporaryDir m_work;
    TempStore m_template;
};

QTEST_GUILESS_MAIN(TestAdminFaults)
#include "tst_adminfaults.moc"
