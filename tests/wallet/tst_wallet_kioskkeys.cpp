#include "core/settings/SystemConfig.h"
#include "sync/keys/WalletKeyStore.h"
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

// The wallet keys of a kiosk till, as encrypted systemd credentials beside the Square token: read only from the
// $CREDENTIALS_DIRECTORY systemd makes for the service (here a folder the test makes, as the token's test does), a
// blank credential (the unit's fallback) being a key not stored; sealed by root through systemd-creds (a stand-in that
// records what it was given, and the real one when the test runs as root).
class TestWalletKioskKeys : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void readsTheServiceCredentials();
    void blankCredentialsAreKeysNotStored();
    void aUnitWithoutTheCredentialsSaysWhichLine();
    void outsideTheServiceNothingIsRead();
    void settingsChooseTheCredentials();
    void answersComeFromTheEventLoop();
    void sealingIsRootsAlone();
    void sealsEachKeyOnStandardInput();
    void sealsAndOpensWithSystemdCreds();

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
    static WalletKeys sample();
    // What systemd does for the kiosk's unit: each credential decrypted into the service's own folder, the blank
    // fallback (one space) for those not sealed.
    QString serviceCredentials(const WalletKeys& keys);
    WalletCredentials credentials(const QString& tool = QStringLiteral("systemd-creds")) const
    {
        return WalletCredentials({path(QStringLiteral("etc/credentials")), {}, tool});
    }
    // A stand-in for systemd-creds: it records its arguments and standard input for each credential by name.
    QString fakeTool();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestWalletKioskKeys::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qunsetenv("CREDENTIALS_DIRECTORY");
}

void TestWalletKioskKeys::cleanup()
{
    qunsetenv("CREDENTIALS_DIRECTORY");
    qunsetenv("LOYALTYTILL_CONFIG_DIR");
    SystemConfig::setGlobal(SystemConfig());
}

void TestWalletKioskKeys::writeFile(const QString& file, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(out.write(bytes), bytes.size());
}

WalletKeys TestWalletKioskKeys::sample()
{
    WalletKeys keys;
    keys.googleServiceAccount = R"({"type": "service_account", "client_email": "a@b.c", "private_key": "…"})";
    keys.appleCertificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    keys.applePrivateKey = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";
    keys.appleWwdr = QByteArray("\x30\x82\x01\x00\x00\xff binary DER\x20", 18);
    return keys;
}

QString TestWalletKioskKeys::serviceCredentials(const WalletKeys& keys)
{
    const QString folder = path(QStringLiteral("run/credentials/loyaltytill-kiosk.service"));
    WalletKeys copy = keys;
    for (const WalletKeyEntry entry : WalletKeyStore::allEntries()) {
        const QByteArray& bytes = WalletKeyStore::part(copy, entry);
        writeFile(folder + QLatin1Char('/') + WalletCredentials::nameOf(entry), bytes.isEmpty() ? " " : bytes);
    }
    writeFile(folder + QStringLiteral("/square-token"), " ");
    qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(folder));
    return folder;
}

QString TestWalletKioskKeys::fakeTool()
{
    const QString tool = path(QStringLiteral("fake-systemd-creds"));
    writeFile(tool,
              QStringLiteral("#!/bin/sh\nname=${2#--name=}\nprintf '%s\\n' \"$@\" > '%1/'\"$name\".arguments\n"
                             "cat > '%1/'\"$name\".input\nfor last; do :; done\necho sealed > \"$last\"\n")
                  .arg(path(QStringLiteral("seen")))
                  .toUtf8());
    QDir().mkpath(path(QStringLiteral("seen")));
    QFile::setPermissions(tool, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return tool;
}

void TestWalletKioskKeys::readsTheServiceCredentials()
{
    serviceCredentials(sample());
    const auto loaded = credentials().load();
    LT_VERIFY_OK(loaded);
    QCOMPARE(loaded->googleServiceAccount, sample().googleServiceAccount);
    QCOMPARE(loaded->appleCertificate, sample().appleCertificate);
    QCOMPARE(loaded->applePrivateKey, sample().applePrivateKey);
    QCOMPARE(loaded->appleWwdr, sample().appleWwdr); // byte for byte, trailing space and all
    // Through the store, as the till reads them.
    WalletKeyStore store(credentials());
    QCOMPARE(store.kind(), WalletKeyStore::Kind::SystemdCredential);
    const auto viaStore = store.loadNow();
    LT_VERIFY_OK(viaStore);
    QCOMPARE(viaStore->appleWwdr, sample().appleWwdr);
    // Never from the sealed files themselves, which only systemd opens.
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("etc/credentials"))));
}

void TestWalletKioskKeys::blankCredentialsAreKeysNotStored()
{
    WalletKeys google;
    google.googleServiceAccount = sample().googleServiceAccount;
    const QString folder = serviceCredentials(google);
    writeFile(folder + QStringLiteral("/wallet-apple-private-key"), "\n \n"); // blank in any form
    writeFile(folder + QStringLiteral("/wallet-apple-wwdr"), "");
    const auto loaded = credentials().load();
    LT_VERIFY_OK(loaded);
    QVERIFY(loaded->hasGoogle());
    QVERIFY(!loaded->hasAnyApple());
    serviceCredentials(WalletKeys());
    const auto none = credentials().load();
    LT_VERIFY_OK(none);
    QVERIFY(!none->hasGoogle());
    QVERIFY(!none->hasAnyApple());
}

void TestWalletKioskKeys::aUnitWithoutTheCredentialsSaysWhichLine()
{
    // A service given the Square token only (a unit from before the wallet keys): it says which line it lacks.
    const QString folder = path(QStringLiteral("run/credentials/old.service"));
    writeFile(folder + QStringLiteral("/square-token"), "EAAAl-token");
    qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(folder));
    const auto loaded = credentials().load();
    LT_VERIFY_ERROR(loaded, ErrorKind::NotFound);
    QVERIFY2(loaded.error().message.contains(
                 QStringLiteral("LoadCredentialEncrypted=wallet-google-service-account:/etc/loyaltytill/credentials/"
                                "wallet-google-service-account.cred")),
             qPrintable(loaded.error().message));
    QVERIFY(!loaded.error().message.contains(QStringLiteral("EAAAl-token")));
}

void TestWalletKioskKeys::outsideTheServiceNothingIsRead()
{
    // Plain files with the keys' names in every place one might look: none is read outside the service.
    for (const WalletKeyEntry entry : WalletKeyStore::allEntries()) {
        const QString name = WalletCredentials::nameOf(entry);
        writeFile(path(QStringLiteral("etc/credentials/") + name + QStringLiteral(".cred")), "plain-secret");
        writeFile(path(QStringLiteral("etc/credentials/") + name), "plain-secret");
    }
    QVERIFY(!WalletCredentials::insideService());
    const auto loaded = credentials().load();
    LT_VERIFY_ERROR(loaded, ErrorKind::NotFound);
    QVERIFY2(loaded.error().message.contains(QStringLiteral("loyaltytill-kiosk.service")),
             qPrintable(loaded.error().message));
    QVERIFY(!loaded.error().message.contains(QStringLiteral("plain-secret")));
}

void TestWalletKioskKeys::settingsChooseTheCredentials()
{
    const QString config = path(QStringLiteral("config"));
    QVERIFY(QDir().mkpath(config));
    qputenv("LOYALTYTILL_CONFIG_DIR", QFile::encodeName(config));
    SystemConfig::setGlobal(SystemConfig::load(config, ::getuid()));
    QCOMPARE(WalletKeyStore().kind(), WalletKeyStore::Kind::Keychain); // the default
    QVERIFY(!WalletKeyStore().credentials());
    writeFile(config + QStringLiteral("/loyaltytill.conf"), "square.token_store = systemd-credential\n");
    SystemConfig::setGlobal(SystemConfig::load(config, ::getuid()));
    WalletKeyStore store;
    QCOMPARE(store.kind(), WalletKeyStore::Kind::SystemdCredential);
    QVERIFY(store.credentials());
    QCOMPARE(store.credentials()->options().folder, config + QStringLiteral("/credentials"));
    QCOMPARE(store.credentials()->credential(WalletKeyEntry::AppleCertificate).options().sealedFile,
             config + QStringLiteral("/credentials/wallet-apple-certificate.cred"));
    serviceCredentials(sample());
    const auto loaded = store.loadNow();
    LT_VERIFY_OK(loaded);
    QCOMPARE(loaded->applePrivateKey, sample().applePrivateKey);
}

void TestWalletKioskKeys::answersComeFromTheEventLoop()
{
    serviceCredentials(sample());
    WalletKeyStore store(credentials(path(QStringLiteral("no-such-systemd-creds"))));
    bool answered = false;
    WalletKeys keys;
    store.load([&](Result<WalletKeys> result) {
        answered = true;
        if (result)
            keys = *result;
    });
    QVERIFY(!answered); // never from inside the call: the till's screen goes on
    QTRY_VERIFY(answered);
    QCOMPARE(keys.googleServiceAccount, sample().googleServiceAccount);
    for (const bool removing : {false, true}) {
        answered = false;
        std::optional<Result<void>> written;
        const auto done = [&](Result<void> result) {
            answered = true;
            written.emplace(std::move(result));
        };
        if (removing)
            store.remove({WalletKeyEntry::AppleWwdr}, done);
        else
            store.store(sample(), done);
        QVERIFY(!answered);
        QTRY_VERIFY(answered);
        if (removing) // nothing sealed: nothing to delete, as root; refused to anyone else
            QCOMPARE(bool(*written), ::geteuid() == 0);
        else
            QVERIFY(!*written); // the tool is not there (as root), or sealing is refused
    }
}

void TestWalletKioskKeys::sealingIsRootsAlone()
{
    if (test::Unprivileged::asRoot()) { // as nobody: the refusal is what anyone but root meets
        test::Unprivileged::runCurrentAsNobody();
        return;
    }
    const auto refused = WalletKeyStore(credentials(fakeTool())).storeNow(sample());
    LT_VERIFY_ERROR(refused, ErrorKind::Refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("root")), qPrintable(refused.error().message));
    QVERIFY(QDir(path(QStringLiteral("seen"))).isEmpty());
    LT_VERIFY_ERROR(credentials().remove(WalletKeyStore::allEntries()), ErrorKind::Refused);
    LT_VERIFY_ERROR(credentials().sealedEntries(), ErrorKind::Refused); // not "nothing sealed": root's to see
}

void TestWalletKioskKeys::sealsEachKeyOnStandardInput()
{
    if (::geteuid() != 0)
        QSKIP("Sealing is root's; sealingIsRootsAlone checks the refusal.");
    const WalletCredentials kiosk = credentials(fakeTool());
    WalletKeys apple = sample();
    apple.googleServiceAccount.clear(); // an empty part is left as it is
    LT_VERIFY_OK(WalletKeyStore(kiosk).storeNow(apple));
    QCOMPARE(*kiosk.sealedEntries(), WalletKeyStore::appleEntries());
    QCOMPARE(mode(path(QStringLiteral("etc/credentials"))), 0700);
    for (const WalletKeyEntry entry : WalletKeyStore::appleEntries()) {
        const QString name = WalletCredentials::nameOf(entry);
        QFile arguments(path(QStringLiteral("seen/") + name + QStringLiteral(".arguments")));
        QVERIFY2(arguments.open(QIODevice::ReadOnly), qPrintable(name));
        const QByteArray given = arguments.readAll();
        QCOMPARE(given,
                 "encrypt\n--name=" + name.toUtf8() + "\n-\n"
                     + QFile::encodeName(path(QStringLiteral("etc/credentials/") + name + QStringLiteral(".cred.new")))
                     + '\n');
        QFile input(path(QStringLiteral("seen/") + name + QStringLiteral(".input")));
        QVERIFY(input.open(QIODevice::ReadOnly));
        QCOMPARE(input.readAll(), WalletKeyStore::part(apple, entry)); // on standard input, as it is
        QCOMPARE(mode(kiosk.credential(entry).options().sealedFile), 0600);
    }
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("seen/wallet-google-service-account.input"))));
    LT_VERIFY_OK(WalletKeyStore(kiosk).removeNow({WalletKeyEntry::AppleWwdr}));
    QCOMPARE(*kiosk.sealedEntries(),
             QList<WalletKeyEntry>({WalletKeyEntry::AppleCertificate, WalletKeyEntry::ApplePrivateKey}));
    LT_VERIFY_OK(WalletKeyStore(kiosk).removeNow(WalletKeyStore::allEntries())); // gone or never there: fine
    QVERIFY(kiosk.sealedEntries()->isEmpty());
}

void TestWalletKioskKeys::sealsAndOpensWithSystemdCreds()
{
    if (::geteuid() != 0)
        QSKIP("Sealing is root's; sealingIsRootsAlone checks the refusal.");
    QProcess setup; // the host key, made the way systemd-creds makes it (a no-op when it exists)
    setup.start(QStringLiteral("systemd-creds"), {QStringLiteral("setup")});
    QVERIFY2(setup.waitForFinished(60000), qPrintable(setup.errorString()));
    QCOMPARE(setup.exitCode(), 0);
    const WalletCredentials kiosk({path(QStringLiteral("etc/credentials")), QStringLiteral("host")});
    LT_VERIFY_OK(WalletKeyStore(kiosk).storeNow(sample()));
    QCOMPARE(*kiosk.sealedEntries(), WalletKeyStore::allEntries());
    // What systemd does at the service's start (LoadCredentialEncrypted=), then what the till reads.
    const QString folder = path(QStringLiteral("run/credentials/loyaltytill-kiosk.service"));
    QVERIFY(QDir().mkpath(folder));
    for (const WalletKeyEntry entry : WalletKeyStore::allEntries()) {
        const SystemdCredential credential = kiosk.credential(entry);
        QFile sealed(credential.options().sealedFile);
        QVERIFY(sealed.open(QIODevice::ReadOnly));
        QVERIFY(!sealed.readAll().contains("PRIVATE KEY")); // sealed, not stored
        QProcess decrypt;
        decrypt.start(QStringLiteral("systemd-creds"),
                      {QStringLiteral("decrypt"), QStringLiteral("--name=") + WalletCredentials::nameOf(entry),
                       credential.options().sealedFile, folder + QLatin1Char('/') + WalletCredentials::nameOf(entry)});
        QVERIFY2(decrypt.waitForFinished(60000) && decrypt.exitCode() == 0, decrypt.readAllStandardError().constData());
    }
    qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(folder));
    const auto loaded = WalletKeyStore(kiosk).loadNow();
    LT_VERIFY_OK(loaded);
    QCOMPARE(loaded->googleServiceAccount, sample().googleServiceAccount);
    QCOMPARE(loaded->appleWwdr, sample().appleWwdr);
    LT_VERIFY_OK(WalletKeyStore(kiosk).removeNow(WalletKeyStore::appleEntries()));
    QCOMPARE(*kiosk.sealedEntries(), QList<WalletKeyEntry>({WalletKeyEntry::GoogleServiceAccount}));
}

QTEST_GUILESS_MAIN(TestWalletKioskKeys)
#include "tst_wallet_kioskkeys.moc"
