#include "core/store/Database.h"
#include "sync/SquareConnection.h"
#include "tests/sync/FakeSquareServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using lt::test::FakeSquareServer;

namespace {
const QString Token = QStringLiteral("EAAAl-cli-secret-token");
const QString Phone = QStringLiteral("+14155552671");
} // namespace

// loyaltytill-admin square connect / sync / sync status, run as a real process against the in-process fake
// Square (so the wait below keeps this event loop turning) and the real Secret Service.
class TestAdminSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void connectSyncAndStatus();
    void revokedTokenStopsWithRefused();
    void plainHttpElsewhereIsRefused();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Run admin(const QStringList& arguments, const QByteArray& input = {});
    void connectStore(const QString& token);

    QTemporaryDir m_dir;
    std::unique_ptr<FakeSquareServer> m_server;
};

void TestAdminSync::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
}

void TestAdminSync::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    m_server->setAccessToken(Token);
    QVERIFY(m_server->listen());
    QFile::remove(m_dir.filePath(QStringLiteral("store.db")));
}

void TestAdminSync::cleanup()
{
    admin({QStringLiteral("square"), QStringLiteral("disconnect")});
    m_server.reset();
}

TestAdminSync::Run TestAdminSync::admin(const QStringList& arguments, const QByteArray& input)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LOYALTYTILL_DATABASE"), m_dir.filePath(QStringLiteral("store.db")));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LOYALTYTILL_ADMIN), arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    // Not waitForFinished(): the fake server answers from this thread's event loop.
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 60000)) {
        process.kill();
        process.waitForFinished(5000);
        return {};
    }
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestAdminSync::connectStore(const QString& token)
{
    QCOMPARE(admin({QStringLiteral("init")}).exitCode, 0);
    QCOMPARE(admin({QStringLiteral("enroll"), QStringLiteral("--phone"), Phone}).exitCode, 0);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(admin({QStringLiteral("accrue"), QStringLiteral("--phone"), Phone, QStringLiteral("--sale"),
                        QStringLiteral("R-%1").arg(i), QStringLiteral("--amount"), QStringLiteral("42.50")})
                     .exitCode,
                 0);
    const Run connected = admin({QStringLiteral("square"), QStringLiteral("connect"), QStringLiteral("--environment"),
                                 m_server->baseUrl(), QStringLiteral("--location"), QStringLiteral("L1"),
                                 QStringLiteral("--token-stdin")},
                                token.toUtf8() + '\n');
    QVERIFY2(connected.exitCode == 0, connected.err.constData());
    QVERIFY(!connected.out.contains(token.toUtf8()));
}

void TestAdminSync::connectSyncAndStatus()
{
    connectStore(Token);
    m_server->addFault({FakeSquareServer::Fault::DropAfterCommit, 1, QStringLiteral("accumulate")});
    const Run synced = admin({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--json")});
    QVERIFY2(synced.exitCode == 0, synced.err.constData());
    QCOMPARE(QJsonDocument::fromJson(synced.out).object().value(QLatin1String("sent")).toInt(), 4);

    auto db = lt::Database::open(m_dir.filePath(QStringLiteral("store.db")));
    QVERIFY(db.ok());
    auto balance = (*db)->scalar(QStringLiteral("SELECT balance FROM members WHERE phone = ?"), {Phone});
    QVERIFY(balance.ok());
    QVERIFY(balance->toLongLong() > 0);
    QCOMPARE(m_server->balanceForPhone(Phone), balance->toLongLong());
    // The till's status bar reads when the store last reached Square.
    auto connection = lt::SquareConnection::load(**db);
    QVERIFY(connection.ok() && connection->has_value());
    QVERIFY((*connection)->lastSyncAt.isValid());
    QVERIFY((*connection)->lastSyncAt.secsTo(QDateTime::currentDateTimeUtc()) < 600);

    const Run status = admin({QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(status.out).object();
    QCOMPARE(json.value(QLatin1String("connected")).toBool(), true);
    QCOMPARE(json.value(QLatin1String("outbox")).toObject().value(QLatin1String("pending")).toInt(), 0);
    QCOMPARE(json.value(QLatin1String("outbox")).toObject().value(QLatin1String("sent")).toInt(), 4);
    QVERIFY(!status.out.contains(Token.toUtf8()));
}

void TestAdminSync::revokedTokenStopsWithRefused()
{
    connectStore(QStringLiteral("EAAAl-revoked"));
    const Run synced = admin({QStringLiteral("sync"), QStringLiteral("--json")}); // stops without --once too
    QCOMPARE(synced.exitCode, 4);
    QVERIFY(!synced.out.contains("EAAAl-revoked") && !synced.err.contains("EAAAl-revoked"));
    QCOMPARE(m_server->requestCount(), 1);
}

void TestAdminSync::plainHttpElsewhereIsRefused()
{
    QCOMPARE(admin({QStringLiteral("init")}).exitCode, 0);
    const Run refused = admin({QStringLiteral("square"), QStringLiteral("connect"), QStringLiteral("--environment"),
                               QStringLiteral("http://connect.squareup.com"), QStringLiteral("--location"),
                               QStringLiteral("L1"), QStringLiteral("--token-stdin")},
                              "secret\n");
    QCOMPARE(refused.exitCode, 4);
    QCOMPARE(admin({QStringLiteral("sync"), QStringLiteral("--once")}).exitCode, 4); // not connected
}

QTEST_GUILESS_MAIN(TestAdminSync)
#include "tst_sync_admincli.moc"
