// Pairing a store with Square and the check-up's Square and keychain checks: Square is asked once, over real HTTP on
// 127.0.0.1, against the fake Square (which checks every request against Square's spec); the token is kept in the
// real Secret Service only when Square accepted it.
#include "core/settings/SystemConfig.h"
#include "sync/SquareCheckup.h"
#include "sync/SquarePairing.h"
#include "sync/square/CredentialStore.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/sync/FakeSquareServer.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace lt;
using lt::test::FakeSquareServer;
using Outcome = lt::SquareProbe::Outcome;
using Status = lt::CheckResult::Status;

Q_DECLARE_METATYPE(lt::SquareProbe::Outcome)
Q_DECLARE_METATYPE(lt::CheckResult::Status)

namespace {
const QString Token = QStringLiteral("EAAAl-pairing-secret");
const QString Location = QStringLiteral("L-FAKE-0001"); // one of the fake program's locations

SquareEnvironment environmentOf(const FakeSquareServer& server)
{
    return *SquareEnvironment::parse(server.baseUrl());
}

// A port on 127.0.0.1 that nothing listens on.
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort(); // closed again when `server` goes
}
} // namespace

class TestSquarePairing : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void answersMeanOutcomes_data();
    void answersMeanOutcomes();
    void readyAtAProgramLocation();
    void unknownLocationAndInactiveProgram();
    void wrongTokenIsUnauthorized();
    void temporaryTroubleIsAWarning();
    void closedPortIsUnreachable();
    void tokenAndLocationShapes();
    void pairingKeepsTokenAndConnection();
    void refusedPairingKeepsNothing();
    void keychainChecks();
    void kioskTokenSeenFromAShell();

private:
    bool keyring() const { return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"); }

    std::unique_ptr<FakeSquareServer> m_server;
    QNetworkAccessManager m_network;
    CredentialStore m_credentials {QStringLiteral("LoyaltyTill-test-pairing")};
};

void TestSquarePairing::init()
{
    m_server = std::make_unique<FakeSquareServer>();
    m_server->setAccessToken(Token);
    QVERIFY(m_server->listen());
}

void TestSquarePairing::cleanup()
{
    QVERIFY2(m_server->specViolations().isEmpty(), qPrintable(m_server->specViolations().join(u'\n')));
    m_server.reset();
}

void TestSquarePairing::answersMeanOutcomes_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<Status>("status");
    QTest::newRow("unreachable") << int(SquareError::Kind::Network) << 0 << Outcome::Unreachable << Status::Failed;
    QTest::newRow("401") << int(SquareError::Kind::Unauthorized) << 401 << Outcome::Unauthorized << Status::Failed;
    QTest::newRow("403") << int(SquareError::Kind::Rejected) << 403 << Outcome::Forbidden << Status::Failed;
    QTest::newRow("404") << int(SquareError::Kind::Rejected) << 404 << Outcome::NoProgram << Status::Failed;
    QTest::newRow("400") << int(SquareError::Kind::Rejected) << 400 << Outcome::Refused << Status::Failed;
    QTest::newRow("429") << int(SquareError::Kind::RateLimited) << 429 << Outcome::RateLimited << Status::Warning;
    QTest::newRow("503") << int(SquareError::Kind::Server) << 503 << Outcome::ServerError << Status::Warning;
    QTest::newRow("proxy page") << int(SquareError::Kind::BadResponse) << 502 << Outcome::ServerError
                                << Status::Warning;
}

// Each of Square's answers has its own finding and fix, and the token never appears in them.
void TestSquarePairing::answersMeanOutcomes()
{
    QFETCH(int, kind);
    QFETCH(int, httpStatus);
    QFETCH(Outcome, outcome);
    QFETCH(Status, status);
    SquareError error;
    error.kind = SquareError::Kind(kind);
    error.httpStatus = httpStatus;
    error.detail = QStringLiteral("detail");
    const SquareProbe::Answer answer =
        SquareProbe::judge(SquareResult<SquareProgram>(error), QStringLiteral("production"), Location);
    QCOMPARE(answer.outcome, outcome);
    QVERIFY(!answer.found().isEmpty());
    QVERIFY(!answer.fix().isEmpty());
    const CheckResult check = SquareCheckup::fromAnswer(answer);
    QCOMPARE(check.status, status);
    QCOMPARE(check.id, QStringLiteral("square"));
    QVERIFY(check.fix == answer.fix());
}

void TestSquarePairing::readyAtAProgramLocation()
{
    const SquareProbe::Answer answer = SquareProbe::askNow(m_network, environmentOf(*m_server), Token, Location);
    QVERIFY2(answer.ready(), qPrintable(answer.found()));
    QCOMPARE(answer.programId, m_server->programId());
    QVERIFY(answer.fix().isEmpty());
    QCOMPARE(SquareCheckup::fromAnswer(answer).status, Status::Ok);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestSquarePairing::unknownLocationAndInactiveProgram()
{
    SquareProbe::Answer answer =
        SquareProbe::askNow(m_network, environmentOf(*m_server), Token, QStringLiteral("L-ELSEWHERE"));
    QCOMPARE(answer.outcome, Outcome::UnknownLocation);
    QVERIFY(answer.found().contains(QStringLiteral("L-ELSEWHERE")));
    QVERIFY(answer.found().contains(Location)); // the program's own, to choose from

    QJsonObject program = m_server->program();
    program.insert(QStringLiteral("status"), QStringLiteral("INACTIVE"));
    m_server->setProgram(program);
    answer = SquareProbe::askNow(m_network, environmentOf(*m_server), Token, Location);
    QCOMPARE(answer.outcome, Outcome::ProgramInactive);
}

void TestSquarePairing::wrongTokenIsUnauthorized()
{
    const SquareProbe::Answer answer =
        SquareProbe::askNow(m_network, environmentOf(*m_server), QStringLiteral("EAAAl-wrong"), Location);
    QCOMPARE(answer.outcome, Outcome::Unauthorized);
    QCOMPARE(answer.httpStatus, 401);
    QVERIFY(!answer.found().contains(QStringLiteral("EAAAl-wrong")));
    QCOMPARE(SquarePairing::errorFor(answer).kind, ErrorKind::Refused);
}

// Asked once, not retried: the person waiting is told at once.
void TestSquarePairing::temporaryTroubleIsAWarning()
{
    m_server->addFault({FakeSquareServer::Fault::RateLimited, 1});
    SquareProbe::Answer answer = SquareProbe::askNow(m_network, environmentOf(*m_server), Token, Location);
    QCOMPARE(answer.outcome, Outcome::RateLimited);
    m_server->addFault({FakeSquareServer::Fault::ServerError, 1});
    answer = SquareProbe::askNow(m_network, environmentOf(*m_server), Token, Location);
    QCOMPARE(answer.outcome, Outcome::ServerError);
    QCOMPARE(answer.httpStatus, 500);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestSquarePairing::closedPortIsUnreachable()
{
    const auto environment = SquareEnvironment::parse(QStringLiteral("http://127.0.0.1:%1").arg(closedPort()));
    LT_VERIFY_OK(environment);
    const SquareProbe::Answer answer = SquareProbe::askNow(m_network, *environment, Token, Location);
    QCOMPARE(answer.outcome, Outcome::Unreachable);
    QVERIFY(answer.fix().contains(QStringLiteral("127.0.0.1")));
    QCOMPARE(SquarePairing::errorFor(answer).kind, ErrorKind::Internal);
}

void TestSquarePairing::tokenAndLocationShapes()
{
    LT_VERIFY_ERROR(SquarePairing::checkToken(QStringLiteral("   ")), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(SquarePairing::checkToken(QStringLiteral("EAAA secret")), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(SquarePairing::checkToken(QStringLiteral("EAAA\r\nX-Injected: 1")), ErrorKind::InvalidInput);
    QCOMPARE(*SquarePairing::checkToken(QStringLiteral(" EAAAl-ok \n")), QStringLiteral("EAAAl-ok"));
    LT_VERIFY_ERROR(SquarePairing::checkLocation(QString()), ErrorKind::InvalidInput);
    LT_VERIFY_ERROR(SquarePairing::checkLocation(QStringLiteral("L1/../x")), ErrorKind::InvalidInput);
    LT_VERIFY_OK(SquarePairing::checkLocation(Location));
}

void TestSquarePairing::pairingKeepsTokenAndConnection()
{
    if (!keyring())
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
    test::TempStore store;
    LT_VERIFY_OK(store.open());
    SquarePairing pairing(store.db(), m_credentials, m_network);
    auto paired = pairing.pairNow(environmentOf(*m_server), Location, Token);
    LT_VERIFY_OK(paired);
    QVERIFY(pairing.answer() && pairing.answer()->ready());
    auto connection = SquareConnection::load(store.db());
    LT_VERIFY_OK(connection);
    QVERIFY(connection->has_value());
    QCOMPARE((*connection)->locationId, Location);
    QCOMPARE((*connection)->environment, m_server->baseUrl());
    auto kept = m_credentials.readTokenNow(m_server->baseUrl(), Location);
    LT_VERIFY_OK(kept);
    QCOMPARE(*kept, Token);

    // The doctor's view of a paired store: the token is read, Square accepts it.
    SquareCheckup checkup(m_credentials, m_network);
    const QList<CheckResult> checks = checkup.runNow(**connection);
    QCOMPARE(checks.size(), 2);
    QVERIFY2(checks.at(0).status == Status::Ok, qPrintable(checks.at(0).found));
    QVERIFY2(checks.at(1).status == Status::Ok, qPrintable(checks.at(1).found));
    for (const CheckResult& check : checks)
        QVERIFY(!check.found.contains(Token) && !check.fix.contains(Token));
    LT_VERIFY_OK(m_credentials.removeTokenNow(m_server->baseUrl(), Location));
}

void TestSquarePairing::refusedPairingKeepsNothing()
{
    if (!keyring())
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
    test::TempStore store;
    LT_VERIFY_OK(store.open());
    SquarePairing pairing(store.db(), m_credentials, m_network);
    LT_VERIFY_ERROR(pairing.pairNow(environmentOf(*m_server), Location, QStringLiteral("EAAAl-revoked")),
                    ErrorKind::Refused);
    QCOMPARE(pairing.answer()->outcome, Outcome::Unauthorized);
    LT_VERIFY_ERROR(pairing.pairNow(environmentOf(*m_server), QStringLiteral("L-ELSEWHERE"), Token),
                    ErrorKind::NotFound);
    LT_VERIFY_ERROR(m_credentials.readTokenNow(m_server->baseUrl(), Location), ErrorKind::NotFound);
    LT_VERIFY_ERROR(m_credentials.readTokenNow(m_server->baseUrl(), QStringLiteral("L-ELSEWHERE")),
                    ErrorKind::NotFound);
    auto connection = SquareConnection::load(store.db());
    LT_VERIFY_OK(connection);
    QVERIFY(!connection->has_value());
}

void TestSquarePairing::keychainChecks()
{
    SquareCheckup checkup(m_credentials, m_network);
    QCOMPARE(checkup.squareNow(std::nullopt, QString()).status, Status::Warning); // not connected
    if (!keyring())
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
    const CheckResult roundTrip = checkup.tokenStoreNow(std::nullopt);
    QVERIFY2(roundTrip.status == Status::Ok, qPrintable(roundTrip.found));
    // Connected, but no token kept for it: the keychain check fails, and Square is not asked.
    const SquareConnection connection {m_server->baseUrl(), QStringLiteral("L-NO-TOKEN"), {}};
    const QList<CheckResult> checks = checkup.runNow(connection);
    QCOMPARE(checks.at(0).status, Status::Failed);
    QVERIFY(checks.at(0).fix.contains(QStringLiteral("setup")));
    QCOMPARE(checks.at(1).status, Status::Failed);
    QCOMPARE(m_server->requestCount(), 0);
}

// square.token_store = systemd-credential, checked from an administrator's shell (no CREDENTIALS_DIRECTORY): the
// sealed file is all there is to see; Square is not asked, and the fix says how to check as the service.
void TestSquarePairing::kioskTokenSeenFromAShell()
{
    QTemporaryDir folder;
    QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("conf.d")));
    QFile conf(folder.filePath(QStringLiteral("conf.d/10-kiosk.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("square.token_store = systemd-credential\n");
    conf.close();
    const QByteArray serviceCredentials = qgetenv("CREDENTIALS_DIRECTORY");
    qunsetenv("CREDENTIALS_DIRECTORY");
    qputenv("LOYALTYTILL_CONFIG_DIR", folder.path().toUtf8());
    SystemConfig::setGlobal(SystemConfig::load(folder.path(), uint(::geteuid())));
    const auto restore = qScopeGuard([&] {
        SystemConfig::setGlobal(SystemConfig());
        qunsetenv("LOYALTYTILL_CONFIG_DIR");
        if (!serviceCredentials.isEmpty())
            qputenv("CREDENTIALS_DIRECTORY", serviceCredentials);
    });
    QVERIFY(SquareCheckup::usesSystemdCredential());
    CredentialStore credentials; // made after the setting: the systemd credential's kind
    QCOMPARE(credentials.kind(), CredentialStore::Kind::SystemdCredential);
    const SquareConnection connection {m_server->baseUrl(), Location, {}};
    SquareCheckup checkup(credentials, m_network);

    // Not sealed yet: the token store fails with CredentialStore's own words.
    QVERIFY(!SquareCheckup::sealedOutsideService(credentials));
    CheckResult tokenStore = checkup.tokenStoreNow(connection);
    QCOMPARE(tokenStore.status, Status::Failed);
    QVERIFY2(tokenStore.found.contains(QStringLiteral("LoadCredentialEncrypted")), qPrintable(tokenStore.found));

    QVERIFY(QDir(folder.path()).mkpath(QStringLiteral("credentials")));
    QFile sealed(folder.filePath(QStringLiteral("credentials/square-token.cred")));
    QVERIFY(sealed.open(QIODevice::WriteOnly));
    sealed.write("sealed, not a token");
    sealed.close();
    QVERIFY(SquareCheckup::sealedOutsideService(credentials));
    const QList<CheckResult> checks = checkup.runNow(connection);
    QVERIFY2(checks.at(0).status == Status::Ok, qPrintable(checks.at(0).found));
    QCOMPARE(checks.at(1).status, Status::Warning);
    QVERIFY(checks.at(1).fix.contains(QStringLiteral("systemd-run")));
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestSquarePairing)
#include "tst_sync_squarepairing.moc"
