#include "core/settings/SystemConfig.h"
#include "sync/square/CredentialStore.h"
#include "sync/square/SystemdCredential.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/Unprivileged.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace lt;

// A kiosk till's Square token in an encrypted systemd credential: read only from the $CREDENTIALS_DIRECTORY systemd
// makes for the service (here a folder the test makes), never from a plain file; sealed with the real systemd-creds.
class TestSystemdCredential : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void readsTheServiceCredential();
    void missingCredentialNamesTheUnitOption();
    void emptyCredentialIsMissing();
    void neverReadsAPlainFile();
    void settingsChooseTheCredential();
    void sealsAndOpensWithSystemdCreds();
    void sealingIsRootsAlone();
    void tokenGoesOnStandardInput();
    void failedSealLeavesNothing();
    void namedCredentialKeepsItsBytes();
    void namedCredentialSealsUnderItsName();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }
    static void writeFile(const QString& file, const QByteArray& bytes);
    static int mode(const QString& file)
    {
        struct stat status
        {
        };
        return ::stat(QFile::encodeName(file).constData(), &status) == 0 ? int(status.st_mode & 07777) : -1;
    }
    SystemdCredential credential() const { return SystemdCredential({path(QStringLiteral("etc/square-token.cred"))}); }
    // What systemd does for a service with LoadCredentialEncrypted=: the secret, decrypted, in a folder of its own.
    QString serviceCredentials(const QByteArray& token);
    static QByteArray systemdCreds(const QStringList& arguments);
    // Sealing the token or a named credential, by anyone but root: refused before systemd-creds is run.
    void verifySealingRefused();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSystemdCredential::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qunsetenv("CREDENTIALS_DIRECTORY");
}

void TestSystemdCredential::cleanup()
{
    qunsetenv("CREDENTIALS_DIRECTORY");
    qunsetenv("LOYALTYTILL_CONFIG_DIR");
    SystemConfig::setGlobal(SystemConfig());
}

void TestSystemdCredential::writeFile(const QString& file, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(out.write(bytes), bytes.size());
}

QString TestSystemdCredential::serviceCredentials(const QByteArray& token)
{
    const QString folder = path(QStringLiteral("run/credentials/loyaltytill-kiosk.service"));
    writeFile(folder + QStringLiteral("/square-token"), token);
    qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(folder));
    return folder;
}

QByteArray TestSystemdCredential::systemdCreds(const QStringList& arguments)
{
    QProcess tool;
    tool.start(QStringLiteral("systemd-creds"), arguments);
    if (!tool.waitForFinished(60000) || tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0) {
        qWarning().noquote() << "systemd-creds" << arguments.join(QLatin1Char(' ')) << "failed:" << tool.errorString()
                             << tool.readAllStandardError();
        return "(failed)";
    }
    return tool.readAllStandardOutput();
}

void TestSystemdCredential::readsTheServiceCredential()
{
    serviceCredentials("EAAAl-kiosk-token\n"); // a credential made with echo ends in a newline
    auto read = credential().read();
    LT_VERIFY_OK(read);
    QCOMPARE(*read, QStringLiteral("EAAAl-kiosk-token"));
    // Through the store: one token per machine, whatever the environment and location.
    CredentialStore store(credential());
    QCOMPARE(store.kind(), CredentialStore::Kind::SystemdCredential);
    auto viaStore = store.readTokenNow(QStringLiteral("production"), QStringLiteral("L1"));
    LT_VERIFY_OK(viaStore);
    QCOMPARE(*viaStore, QStringLiteral("EAAAl-kiosk-token"));
}

void TestSystemdCredential::missingCredentialNamesTheUnitOption()
{
    const QString option = QString::fromLatin1(SystemdCredential::UnitOption);
    // Not started by a service that loads credentials at all.
    auto outside = credential().read();
    LT_VERIFY_ERROR(outside, ErrorKind::NotFound);
    QVERIFY2(outside.error().message.contains(option), qPrintable(outside.error().message));
    // A service with credentials, but not this one.
    const QString folder = path(QStringLiteral("run/credentials/other.service"));
    QVERIFY(QDir().mkpath(folder));
    writeFile(folder + QStringLiteral("/something-else"), "x");
    qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(folder));
    auto elsewhere = CredentialStore(credential()).readTokenNow(QStringLiteral("sandbox"), QStringLiteral("L1"));
    LT_VERIFY_ERROR(elsewhere, ErrorKind::NotFound);
    QVERIFY2(elsewhere.error().message.contains(option), qPrintable(elsewhere.error().message));
}

void TestSystemdCredential::emptyCredentialIsMissing()
{
    serviceCredentials(" \n");
    LT_VERIFY_ERROR(credential().read(), ErrorKind::NotFound);
}

void TestSystemdCredential::neverReadsAPlainFile()
{
    // A plain token in every place one might look: the sealed file's name, the credential's name beside it, the
    // configuration folder, the working folder. None is read: only the service's credentials count.
    const QByteArray plain = "EAAAl-plain-file-token";
    writeFile(path(QStringLiteral("etc/square-token.cred")), plain);
    writeFile(path(QStringLiteral("etc/square-token")), plain);
    writeFile(path(QStringLiteral("config/credentials/square-token.cred")), plain);
    writeFile(path(QStringLiteral("config/credentials/square-token")), plain);
    writeFile(QDir::current().filePath(QStringLiteral("square-token")), plain);
    qputenv("LOYALTYTILL_CONFIG_DIR", QFile::encodeName(path(QStringLiteral("config"))));
    // A service whose credentials folder lacks the token: still none of the plain files.
    QVERIFY(QDir().mkpath(path(QStringLiteral("service-credentials"))));
    qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(path(QStringLiteral("service-credentials"))));
    auto fromSealedName = credential().read();
    auto fromConfigFolder = SystemdCredential().read();
    QFile::remove(QDir::current().filePath(QStringLiteral("square-token")));
    qunsetenv("CREDENTIALS_DIRECTORY");
    for (const auto& read : {fromSealedName, fromConfigFolder}) {
        LT_VERIFY_ERROR(read, ErrorKind::NotFound);
        QVERIFY(!read.error().message.contains(QString::fromLatin1(plain)));
    }
    QCOMPARE(SystemdCredential().options().sealedFile, path(QStringLiteral("config/credentials/square-token.cred")));
}

void TestSystemdCredential::settingsChooseTheCredential()
{
    const QString config = path(QStringLiteral("config"));
    QVERIFY(QDir().mkpath(config));
    SystemConfig::setGlobal(SystemConfig::load(config, ::getuid()));
    QCOMPARE(CredentialStore::configuredKind(), CredentialStore::Kind::Keychain); // the default
    QCOMPARE(CredentialStore().kind(), CredentialStore::Kind::Keychain);
    writeFile(config + QStringLiteral("/loyaltytill.conf"), "square.token_store = systemd-credential\n");
    SystemConfig::setGlobal(SystemConfig::load(config, ::getuid()));
    QCOMPARE(CredentialStore::configuredKind(), CredentialStore::Kind::SystemdCredential);
    CredentialStore store;
    QCOMPARE(store.kind(), CredentialStore::Kind::SystemdCredential);
    serviceCredentials("EAAAl-configured");
    auto read = store.readTokenNow(QStringLiteral("sandbox"), QStringLiteral("L1"));
    LT_VERIFY_OK(read);
    QCOMPARE(*read, QStringLiteral("EAAAl-configured"));
}

void TestSystemdCredential::sealsAndOpensWithSystemdCreds()
{
    const QString sealed = path(QStringLiteral("etc/credentials/square-token.cred"));
    CredentialStore store(SystemdCredential({sealed, QStringLiteral("host")}));
    const QString token = QStringLiteral("EAAAl-sealed-round-trip");
    if (::geteuid() != 0) {
        verifySealingRefused();
        return;
    }
    // The host key, made the way systemd-creds makes it (a no-op when it exists).
    QProcess setup;
    setup.start(QStringLiteral("systemd-creds"), {QStringLiteral("setup")});
    QVERIFY2(setup.waitForFinished(60000), qPrintable(setup.errorString()));
    QCOMPARE(setup.exitCode(), 0);

    LT_VERIFY_OK(store.writeTokenNow(QStringLiteral("production"), QStringLiteral("L1"), QStringLiteral(" ") + token));
    const QFileInfo file(sealed);
    QVERIFY(file.exists());
    QCOMPARE(mode(sealed), 0600);
    QCOMPARE(mode(file.absolutePath()), 0700);
    QVERIFY(!QFileInfo::exists(sealed + QStringLiteral(".new")));
    QFile bytes(sealed);
    QVERIFY(bytes.open(QIODevice::ReadOnly));
    QVERIFY(!bytes.readAll().contains(token.toUtf8())); // sealed, not stored

    // What systemd does at the service's start, then what the till reads.
    const QByteArray opened =
        systemdCreds({QStringLiteral("decrypt"), QStringLiteral("--name=square-token"), sealed, QStringLiteral("-")});
    QCOMPARE(opened, token.toUtf8());
    serviceCredentials(opened);
    auto read = store.readTokenNow(QStringLiteral("production"), QStringLiteral("L1"));
    LT_VERIFY_OK(read);
    QCOMPARE(*read, token);

    // A credential sealed under another name is refused by systemd: the unit's name must match.
    QVERIFY(systemdCreds({QStringLiteral("decrypt"), QStringLiteral("--name=other"), sealed, QStringLiteral("-")})
            == "(failed)");

    LT_VERIFY_OK(store.removeTokenNow(QStringLiteral("production"), QStringLiteral("L1")));
    QVERIFY(!QFileInfo::exists(sealed));
    LT_VERIFY_OK(store.removeTokenNow(QStringLiteral("production"), QStringLiteral("L1"))); // already gone: fine
}

// The refusal the sealing tests meet when not run as root: as nobody when run as root.
void TestSystemdCredential::sealingIsRootsAlone()
{
    if (test::Unprivileged::asRoot()) {
        test::Unprivileged::runCurrentAsNobody();
        return;
    }
    verifySealingRefused();
}

void TestSystemdCredential::verifySealingRefused()
{
    const QString sealed = path(QStringLiteral("etc/credentials/square-token.cred"));
    CredentialStore store(SystemdCredential({sealed, QStringLiteral("host")}));
    auto refused = store.writeTokenNow(QStringLiteral("production"), QStringLiteral("L1"), QStringLiteral("EAAAl-t"));
    LT_VERIFY_ERROR(refused, ErrorKind::Refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("root")), qPrintable(refused.error().message));
    QVERIFY(!QFileInfo::exists(sealed));
    SystemdCredential::Options options {path(QStringLiteral("etc/credentials/wallet-google-service-account.cred")),
                                        QStringLiteral("host")};
    options.name = QStringLiteral("wallet-google-service-account");
    const SystemdCredential key(options);
    auto refusedKey = key.seal(R"({"type": "service_account"})");
    LT_VERIFY_ERROR(refusedKey, ErrorKind::Refused);
    QVERIFY2(refusedKey.error().message.contains(QStringLiteral("root")), qPrintable(refusedKey.error().message));
    QVERIFY(!key.sealed());
}

void TestSystemdCredential::tokenGoesOnStandardInput()
{
    if (::geteuid() != 0)
        QSKIP("Sealing is root's; sealsAndOpensWithSystemdCreds checks the refusal.");
    // A stand-in for systemd-creds that records what it was given.
    const QString tool = path(QStringLiteral("fake-systemd-creds"));
    writeFile(tool,
              QStringLiteral("#!/bin/sh\nprintf '%s\\n' \"$@\" > '%1'\ncat > '%2'\nfor last; do :; done\n"
                             "echo sealed > \"$last\"\n")
                  .arg(path(QStringLiteral("arguments")), path(QStringLiteral("input")))
                  .toUtf8());
    QVERIFY(QFile::setPermissions(tool, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QString sealed = path(QStringLiteral("etc/credentials/square-token.cred"));
    LT_VERIFY_OK(SystemdCredential({sealed, {}, tool}).write(QStringLiteral("EAAAl-stdin-only")));
    QFile arguments(path(QStringLiteral("arguments")));
    QVERIFY(arguments.open(QIODevice::ReadOnly));
    const QByteArray given = arguments.readAll();
    QVERIFY2(!given.contains("EAAAl-stdin-only"), given.constData());
    QVERIFY2(given.startsWith("encrypt\n--name=square-token\n-\n"), given.constData());
    QFile input(path(QStringLiteral("input")));
    QVERIFY(input.open(QIODevice::ReadOnly));
    QCOMPARE(input.readAll(), QByteArray("EAAAl-stdin-only"));
    QVERIFY(QFileInfo::exists(sealed));
}

void TestSystemdCredential::failedSealLeavesNothing()
{
    const QString sealed = path(QStringLiteral("etc/credentials/square-token.cred"));
    auto written =
        SystemdCredential({sealed, {}, path(QStringLiteral("no-such-systemd-creds"))}).write(QStringLiteral("t"));
    LT_VERIFY_ERROR(written, ::geteuid() == 0 ? ErrorKind::Storage : ErrorKind::Refused);
    QVERIFY(!QFileInfo::exists(sealed));
    QVERIFY(!QFileInfo::exists(sealed + QStringLiteral(".new")));
    LT_VERIFY_ERROR(credential().write(QStringLiteral("  ")), ErrorKind::InvalidInput);
}

void TestSystemdCredential::namedCredentialKeepsItsBytes()
{
    // Another secret beside the token: its own name in the service's folder, its bytes as they are (a DER
    // certificate may end in what looks like white space), and blank (the unit's fallback) reads as missing.
    const SystemdCredential certificate({path(QStringLiteral("etc/wallet-apple-wwdr.cred")),
                                         {},
                                         QStringLiteral("systemd-creds"),
                                         QStringLiteral("wallet-apple-wwdr"),
                                         QStringLiteral("loyaltytill-admin wallet keys"),
                                         64 * 1024});
    QCOMPARE(certificate.unitOption(),
             QStringLiteral("LoadCredentialEncrypted=wallet-apple-wwdr:/etc/loyaltytill/credentials/"
                            "wallet-apple-wwdr.cred"));
    QCOMPARE(SystemdCredential().unitOption(), QString::fromLatin1(SystemdCredential::UnitOption));
    QVERIFY(!certificate.given());
    const QString folder = serviceCredentials("EAAAl-token");
    QVERIFY(!certificate.given()); // the service has the token only
    auto notGiven = certificate.readBytes();
    LT_VERIFY_ERROR(notGiven, ErrorKind::NotFound);
    QVERIFY2(notGiven.error().message.contains(certificate.unitOption()), qPrintable(notGiven.error().message));
    const QByteArray der("\x30\x82\x01\x0a binary \x00\x20\x0a", 15);
    writeFile(folder + QStringLiteral("/wallet-apple-wwdr"), der);
    QVERIFY(certificate.given());
    auto bytes = certificate.readBytes();
    LT_VERIFY_OK(bytes);
    QCOMPARE(*bytes, der);
    writeFile(folder + QStringLiteral("/wallet-apple-wwdr"), " ");
    QVERIFY(certificate.given());
    auto blank = certificate.readBytes();
    LT_VERIFY_ERROR(blank, ErrorKind::NotFound);
    QVERIFY2(blank.error().message.contains(QStringLiteral("loyaltytill-admin wallet keys")),
             qPrintable(blank.error().message));
    // Too big to be what it holds.
    writeFile(folder + QStringLiteral("/wallet-apple-wwdr"), QByteArray(64 * 1024 + 1, 'x'));
    LT_VERIFY_ERROR(certificate.readBytes(), ErrorKind::InvalidInput);
    // The token beside it is untouched by all this.
    auto token = credential().read();
    LT_VERIFY_OK(token);
    QCOMPARE(*token, QStringLiteral("EAAAl-token"));
}

void TestSystemdCredential::namedCredentialSealsUnderItsName()
{
    const QString sealed = path(QStringLiteral("etc/credentials/wallet-google-service-account.cred"));
    SystemdCredential::Options options {sealed, QStringLiteral("host")};
    options.name = QStringLiteral("wallet-google-service-account");
    const SystemdCredential key(options);
    const QByteArray secret = R"({"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\n"})";
    if (::geteuid() != 0) {
        verifySealingRefused();
        return;
    }
    LT_VERIFY_ERROR(key.seal(" \n"), ErrorKind::InvalidInput); // blank reads as none: never sealed
    QVERIFY(!key.sealed());
    QProcess setup;
    setup.start(QStringLiteral("systemd-creds"), {QStringLiteral("setup")});
    QVERIFY2(setup.waitForFinished(60000), qPrintable(setup.errorString()));
    LT_VERIFY_OK(key.seal(secret));
    QVERIFY(key.sealed());
    QCOMPARE(mode(sealed), 0600);
    // Sealed under its own name: systemd opens it only as that credential.
    QCOMPARE(systemdCreds({QStringLiteral("decrypt"), QStringLiteral("--name=wallet-google-service-account"), sealed,
                           QStringLiteral("-")}),
             secret);
    QVERIFY(
        systemdCreds({QStringLiteral("decrypt"), QStringLiteral("--name=square-token"), sealed, QStringLiteral("-")})
        == "(failed)");
    LT_VERIFY_OK(key.remove());
    QVERIFY(!key.sealed());
}

QTEST_GUILESS_MAIN(TestSystemdCredential)
#include "tst_sync_systemdcredential.moc"
