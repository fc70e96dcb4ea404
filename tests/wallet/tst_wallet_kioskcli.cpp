#include "core/services/LoyaltyEngine.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/support/Unprivileged.h"
#include "tests/wallet/WalletTestKeys.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace lt;
using lt::test::CommandRun;
using lt::test::TempStore;
using lt::test::Unprivileged;
using lt::test::WalletTestKeys;

// loyaltytill-admin wallet on a kiosk till (square.token_store = systemd-credential), as a real process and without
// a keyring (no session bus at all: the keychain is never asked). As root, the keys are sealed through systemd-creds
// (a stand-in first in PATH that records what it was given, then the real one) into the configuration folder's
// credentials/; `wallet status` outside the service says what is sealed; inside it (the credentials decrypted into a
// folder named by $CREDENTIALS_DIRECTORY, as systemd does) the keys are read and the passes made. Anyone else is
// refused: as root, the test checks that as the user nobody.
class TestWalletKioskAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void statusSaysWhatIsSealed();
    void keysAreSealedOnStandardInput();
    void removeDeletesTheSealedFiles();
    void outsideTheServiceNoPassIsMade();
    void insideTheServiceTheKeysAreRead();
    void anyoneButRootIsRefused();

private:
    CommandRun admin(QStringList arguments, const QByteArray& input = {}, bool fakeTool = true,
                     const QString& credentialsDirectory = {}) const;
    QJsonObject json(const CommandRun& run) const { return QJsonDocument::fromJson(run.out).object(); }
    QJsonObject wallet(const CommandRun& status, const char* name) const;
    QString path(const QString& name) const { return m_keys.path(QStringLiteral("kiosk/") + name); }
    QString sealedFile(const char* name) const
    {
        return path(QStringLiteral("config/credentials/") + QLatin1String(name) + QStringLiteral(".cred"));
    }
    static QByteArray readAll(const QString& file);
    static int mode(const QString& file)
    {
        struct stat status
        {
        };
        return ::stat(QFile::encodeName(file).constData(), &status) == 0 ? int(status.st_mode & 07777) : -1;
    }
    CommandRun storeAllKeys(bool fakeTool = true);
    void setUp(const char* key, const char* value);

    WalletTestKeys m_keys;
    std::unique_ptr<TempStore> m_store;
    QString m_database;
    qint64 m_member = 0;
};

CommandRun TestWalletKioskAdmin::admin(QStringList arguments, const QByteArray& input, bool fakeTool,
                                       const QString& credentialsDirectory) const
{
    arguments.insert(1, QStringLiteral("--database"));
    arguments.insert(2, m_database);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LOYALTYTILL_DATABASE"));
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keyring to fall back on
    environment.remove(QStringLiteral("CREDENTIALS_DIRECTORY"));
    if (!credentialsDirectory.isEmpty())
        environment.insert(QStringLiteral("CREDENTIALS_DIRECTORY"), credentialsDirectory);
    environment.insert(QStringLiteral("LOYALTYTILL_CONFIG_DIR"), path(QStringLiteral("config")));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    if (fakeTool)
        environment.insert(QStringLiteral("PATH"),
                           path(QStringLiteral("bin")) + QLatin1Char(':') + environment.value(QStringLiteral("PATH")));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(Unprivileged::program(QStringLiteral(LOYALTYTILL_ADMIN)), arguments);
    CommandRun result;
    if (!process.waitForStarted(10'000)) {
        result.err = "could not start: " + process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120'000))
        process.kill();
    process.waitForFinished();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.err = result.describe(QStringList {QStringLiteral("loyaltytill-admin")} + arguments).toUtf8();
    return result;
}

QJsonObject TestWalletKioskAdmin::wallet(const CommandRun& status, const char* name) const
{
    for (const QJsonValue& w : json(status).value(QStringLiteral("wallets")).toArray()) {
        if (w.toObject().value(QStringLiteral("wallet")).toString() == QLatin1String(name))
            return w.toObject();
    }
    return {};
}

QByteArray TestWalletKioskAdmin::readAll(const QString& file)
{
    QFile in(file);
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray("(missing)");
}

void TestWalletKioskAdmin::initTestCase()
{
    QVERIFY2(m_keys.problem().isEmpty(), qPrintable(m_keys.problem()));
}

void TestWalletKioskAdmin::init()
{
    QDir(path({})).removeRecursively();
    QVERIFY(QDir().mkpath(path(QStringLiteral("config"))));
    QVERIFY(QDir().mkpath(path(QStringLiteral("seen"))));
    QVERIFY(QDir().mkpath(path(QStringLiteral("bin"))));
    QFile conf(path(QStringLiteral("config/loyaltytill.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("square.token_store = systemd-credential\n");
    conf.close();
    // The stand-in for systemd-creds: records its arguments and standard input by credential name, writes a file.
    const QString tool = path(QStringLiteral("bin/systemd-creds"));
    QFile script(tool);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(QStringLiteral("#!/bin/sh\nname=${2#--name=}\nprintf '%s\\n' \"$@\" > '%1/'\"$name\".arguments\n"
                                "cat > '%1/'\"$name\".input\nfor last; do :; done\necho sealed > \"$last\"\n")
                     .arg(path(QStringLiteral("seen")))
                     .toUtf8());
    script.close();
    QVERIFY(QFile::setPermissions(
        tool, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));

    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    auto member = m_store->enroll(QStringLiteral("+14155550123"), QStringLiteral("Ana Núñez"));
    LT_VERIFY_OK(member);
    m_member = member->id;
    LT_VERIFY_OK(m_store->engine().enrollment().assignCard(m_member, QString(), TempStore::cashier()));
    m_database = m_store->path();
    m_store->close();
}

void TestWalletKioskAdmin::setUp(const char* key, const char* value)
{
    const auto set = admin({QStringLiteral("settings"), QString::fromUtf8(key), QString::fromUtf8(value)});
    QVERIFY2(set.exitCode == 0, set.err.constData());
}

CommandRun TestWalletKioskAdmin::storeAllKeys(bool fakeTool)
{
    return admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("keys"),
                  QStringLiteral("--google-service-account"), m_keys.path(QStringLiteral("google.json")),
                  QStringLiteral("--apple-certificate"), m_keys.path(QStringLiteral("pass.pem")),
                  QStringLiteral("--apple-key"), m_keys.path(QStringLiteral("pass.key")),
                  QStringLiteral("--apple-wwdr"), m_keys.path(QStringLiteral("ca.der"))},
                 {}, fakeTool);
}

void TestWalletKioskAdmin::statusSaysWhatIsSealed()
{
    if (::geteuid() != 0)
        QSKIP("The sealed keys are root's to see; anyoneButRootIsRefused checks the refusal.");
    setUp("wallet.google.issuer_id", "3388000000022222222");
    const auto status = admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QCOMPARE(json(status).value(QStringLiteral("key_store")).toString(), QStringLiteral("systemd-credential"));
    QCOMPARE(json(status).value(QStringLiteral("sealed_in")).toString(), path(QStringLiteral("config/credentials")));
    const QJsonObject google = wallet(status, "google");
    QCOMPARE(google.value(QStringLiteral("ready")).toBool(), false);
    QCOMPARE(google.value(QStringLiteral("missing")).toArray(),
             QJsonArray({QStringLiteral("wallet-google-service-account")}));
    QVERIFY2(google.value(QStringLiteral("reason")).toString().contains(QStringLiteral("Not sealed")),
             status.err.constData());
    // The store's settings still say why a wallet is off.
    QVERIFY2(wallet(status, "apple")
                 .value(QStringLiteral("reason"))
                 .toString()
                 .contains(QStringLiteral("wallet.apple.pass_type_id")),
             status.err.constData());
    QCOMPARE(wallet(status, "apple").value(QStringLiteral("missing")).toArray().size(), 3);
    const auto text = admin({QStringLiteral("wallet"), QStringLiteral("status")});
    QVERIFY2(text.out.contains("only the till's service opens") && text.out.contains("Google Wallet: not offered"),
             text.err.constData());
}

void TestWalletKioskAdmin::keysAreSealedOnStandardInput()
{
    if (::geteuid() != 0)
        QSKIP("Sealing is root's; anyoneButRootIsRefused checks the refusal.");
    setUp("wallet.google.issuer_id", "3388000000022222222");
    setUp("wallet.apple.pass_type_id", "pass.com.example.loyalty");
    const auto stored = storeAllKeys();
    QVERIFY2(stored.exitCode == 0, stored.err.constData());
    QCOMPARE(json(stored).value(QStringLiteral("stored")).toArray(),
             QJsonArray({QStringLiteral("google"), QStringLiteral("apple")}));
    QCOMPARE(json(stored).value(QStringLiteral("key_store")).toString(), QStringLiteral("systemd-credential"));
    for (const char* name : {"wallet-google-service-account", "wallet-apple-certificate", "wallet-apple-private-key",
                             "wallet-apple-wwdr"}) {
        const QByteArray arguments = readAll(path(QStringLiteral("seen/%1.arguments").arg(QLatin1String(name))));
        QCOMPARE(arguments,
                 "encrypt\n--name=" + QByteArray(name) + "\n-\n" + QFile::encodeName(sealedFile(name)) + ".new\n");
        QCOMPARE(mode(sealedFile(name)), 0600);
    }
    QCOMPARE(mode(path(QStringLiteral("config/credentials"))), 0700);
    // Each key on standard input, as the keychain would have kept it (the DER WWDR certificate as PEM).
    QCOMPARE(readAll(path(QStringLiteral("seen/wallet-google-service-account.input"))),
             m_keys.read(QStringLiteral("google.json")));
    QVERIFY(readAll(path(QStringLiteral("seen/wallet-apple-certificate.input"))).startsWith("-----BEGIN CERTIFICATE"));
    QVERIFY(readAll(path(QStringLiteral("seen/wallet-apple-private-key.input"))).contains("PRIVATE KEY-----"));
    QVERIFY(readAll(path(QStringLiteral("seen/wallet-apple-wwdr.input"))).startsWith("-----BEGIN CERTIFICATE"));
    // Both wallets have their keys sealed; the till reads them when its service starts again.
    QCOMPARE(wallet(stored, "google").value(QStringLiteral("missing")).toArray(), QJsonArray());
    QCOMPARE(wallet(stored, "apple").value(QStringLiteral("sealed")).toArray().size(), 3);
    const auto text = admin({QStringLiteral("wallet"), QStringLiteral("status")});
    QVERIFY2(text.out.contains("Apple Wallet: Sealed for the till's service"), text.err.constData());
    const auto again = admin({QStringLiteral("wallet"), QStringLiteral("keys"),
                              QStringLiteral("--google-service-account"), m_keys.path(QStringLiteral("google.json"))});
    QVERIFY2(again.out.contains("systemctl restart loyaltytill-kiosk.service"), again.err.constData());
    // Recorded in the audit log, without a secret.
    const auto audit = admin({QStringLiteral("audit"), QStringLiteral("--json")});
    QVERIFY2(audit.out.contains("wallet.keys") && !audit.out.contains("PRIVATE KEY"), audit.err.constData());
}

void TestWalletKioskAdmin::removeDeletesTheSealedFiles()
{
    if (::geteuid() != 0)
        QSKIP("Deleting is root's; anyoneButRootIsRefused checks the refusal.");
    setUp("wallet.apple.pass_type_id", "pass.com.example.loyalty");
    const auto stored = storeAllKeys();
    QVERIFY2(stored.exitCode == 0, stored.err.constData());
    const auto removed = admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("keys"),
                                QStringLiteral("--remove"), QStringLiteral("apple")});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    for (const char* name : {"wallet-apple-certificate", "wallet-apple-private-key", "wallet-apple-wwdr"})
        QVERIFY2(!QFileInfo::exists(sealedFile(name)), name);
    QVERIFY(QFileInfo::exists(sealedFile("wallet-google-service-account")));
    QCOMPARE(wallet(removed, "apple").value(QStringLiteral("missing")).toArray().size(), 3);
    const auto text =
        admin({QStringLiteral("wallet"), QStringLiteral("keys"), QStringLiteral("--remove"), QStringLiteral("google")});
    QVERIFY2(text.exitCode == 0 && text.out.contains("until it starts again"), text.err.constData());
    QVERIFY(!QFileInfo::exists(sealedFile("wallet-google-service-account")));
}

void TestWalletKioskAdmin::outsideTheServiceNoPassIsMade()
{
    setUp("wallet.google.issuer_id", "3388000000022222222");
    const auto pass = admin({QStringLiteral("wallet"), QString::number(m_member), QStringLiteral("--google")});
    QVERIFY2(pass.exitCode == 3 && pass.err.contains("loyaltytill-kiosk.service"), pass.err.constData());
}

void TestWalletKioskAdmin::insideTheServiceTheKeysAreRead()
{
    if (::geteuid() != 0)
        QSKIP("Sealing is root's; anyoneButRootIsRefused checks the refusal.");
    QProcess setup; // the host key, made the way systemd-creds makes it (a no-op when it exists)
    setup.start(QStringLiteral("systemd-creds"), {QStringLiteral("setup")});
    QVERIFY2(setup.waitForFinished(60000) && setup.exitCode() == 0, setup.readAllStandardError().constData());
    setUp("store.name", "Café Olé");
    setUp("wallet.google.issuer_id", "3388000000022222222");
    setUp("wallet.apple.pass_type_id", "pass.com.example.loyalty");
    const auto stored = storeAllKeys(false); // the real systemd-creds
    QVERIFY2(stored.exitCode == 0, stored.err.constData());
    // What systemd does at the service's start (LoadCredentialEncrypted=): each decrypted into the service's folder.
    const QString service = path(QStringLiteral("run/credentials/loyaltytill-kiosk.service"));
    QVERIFY(QDir().mkpath(service));
    for (const char* name : {"wallet-google-service-account", "wallet-apple-certificate", "wallet-apple-private-key",
                             "wallet-apple-wwdr"}) {
        QVERIFY(!readAll(sealedFile(name)).contains("BEGIN")); // sealed, not stored
        QProcess decrypt;
        decrypt.start(QStringLiteral("systemd-creds"),
                      {QStringLiteral("decrypt"), QStringLiteral("--name=") + QLatin1String(name), sealedFile(name),
                       service + QLatin1Char('/') + QLatin1String(name)});
        QVERIFY2(decrypt.waitForFinished(60000) && decrypt.exitCode() == 0, decrypt.readAllStandardError().constData());
    }
    const auto status =
        admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("status")}, {}, false, service);
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QVERIFY2(wallet(status, "google").value(QStringLiteral("ready")).toBool(), status.out.constData());
    QVERIFY2(wallet(status, "apple").value(QStringLiteral("ready")).toBool(), status.out.constData());
    const QString passFile = path(QStringLiteral("member.pkpass"));
    const auto apple = admin({QStringLiteral("wallet"), QString::number(m_member), QStringLiteral("--apple"), passFile},
                             {}, false, service);
    QVERIFY2(apple.exitCode == 0, apple.err.constData());
    QVERIFY(lt::test::unzip(readAll(passFile)).contains(QStringLiteral("signature")));
    const auto google =
        admin({QStringLiteral("wallet"), QString::number(m_member), QStringLiteral("--google")}, {}, false, service);
    QVERIFY2(google.exitCode == 0 && google.out.startsWith("https://pay.google.com/gp/v/save/"),
             google.err.constData());
    // The unit's blank fallback for the keys not sealed: Apple's taken out, as a service started again would see.
    for (const char* name : {"wallet-apple-certificate", "wallet-apple-private-key", "wallet-apple-wwdr"}) {
        QFile blank(service + QLatin1Char('/') + QLatin1String(name));
        QVERIFY(blank.open(QIODevice::WriteOnly | QIODevice::Truncate));
        blank.write(" ");
    }
    const auto after =
        admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("status")}, {}, false, service);
    QVERIFY(wallet(after, "google").value(QStringLiteral("ready")).toBool());
    QVERIFY2(wallet(after, "apple").value(QStringLiteral("reason")).toString().contains(QStringLiteral("no Apple")),
             after.out.constData());
}

void TestWalletKioskAdmin::anyoneButRootIsRefused()
{
    if (Unprivileged::asRoot()) {
        Unprivileged::runCurrentAsNobody({QStringLiteral(LOYALTYTILL_ADMIN)});
        return;
    }
    setUp("wallet.google.issuer_id", "3388000000022222222");
    const auto stored = storeAllKeys();
    QVERIFY2(stored.exitCode == 4 && stored.err.contains("root"), stored.err.constData());
    QVERIFY(QDir(path(QStringLiteral("seen"))).isEmpty()); // systemd-creds was never run
    const auto status = admin({QStringLiteral("wallet"), QStringLiteral("status")});
    QVERIFY2(status.exitCode == 4 && status.err.contains("root"), status.err.constData());
}

QTEST_GUILESS_MAIN(TestWalletKioskAdmin)
#include "tst_wallet_kioskcli.moc"
