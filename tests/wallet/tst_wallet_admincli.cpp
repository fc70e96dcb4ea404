#include "core/services/LoyaltyEngine.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/wallet/WalletTestKeys.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace lt;
using lt::test::CommandRun;
using lt::test::TempStore;
using lt::test::WalletTestKeys;

// loyaltytill-admin wallet as a real process, with the real Secret Service (the keyring wrapper of tools/dev test):
// keys checked and stored (PEM, DER, PKCS#12 and an encrypted key with their passwords on stdin), what is set up,
// and the passes it writes verified with the openssl command.
class TestWalletAdmin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void nothingSetUpSaysWhy();
    void badKeysAreRefusedAndNothingIsStored_data();
    void badKeysAreRefusedAndNothingIsStored();
    void keysStoredThenPassesMade();
    void pkcs12WithItsPasswordOnStdin_data();
    void pkcs12WithItsPasswordOnStdin();
    void encryptedKeyWithItsPasswordOnStdin();
    void removedKeysMakeTheWalletUnavailable();
    void auditRecordsTheKeysButNoSecret();
    void memberWithoutCardIsRefused();
    void badUsage_data();
    void badUsage();

private:
    CommandRun admin(QStringList arguments, const QByteArray& input = {}) const;
    QJsonObject json(const CommandRun& run) const { return QJsonDocument::fromJson(run.out).object(); }
    QJsonObject wallet(const CommandRun& status, const char* name) const;
    void setUpStore();
    void storeAllKeys();
    void removeAllKeys();
    QString keyFile(const QString& name) const { return m_keys.path(name); }

    WalletTestKeys m_keys;
    std::unique_ptr<TempStore> m_store;
    QString m_database;
    qint64 m_member = 0;
    QString m_card;
    qint64 m_cardless = 0;
};

CommandRun TestWalletAdmin::admin(QStringList arguments, const QByteArray& input) const
{
    arguments.insert(1, QStringLiteral("--database"));
    arguments.insert(2, m_database);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("LOYALTYTILL_DATABASE"));
    environment.insert(QStringLiteral("LOYALTYTILL_CONFIG_DIR"), m_keys.path(QStringLiteral("no-system-config")));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LOYALTYTILL_ADMIN), arguments);
    CommandRun run;
    if (!process.waitForStarted(10'000)) {
        run.err = "could not start: " + process.errorString().toUtf8();
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120'000))
        process.kill();
    process.waitForFinished();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.err = run.describe(QStringList {QStringLiteral("loyaltytill-admin")} + arguments).toUtf8();
    return run;
}

QJsonObject TestWalletAdmin::wallet(const CommandRun& status, const char* name) const
{
    for (const QJsonValue& w : json(status).value(QStringLiteral("wallets")).toArray()) {
        if (w.toObject().value(QStringLiteral("wallet")).toString() == QLatin1String(name))
            return w.toObject();
    }
    return {};
}

void TestWalletAdmin::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QFAIL("No D-Bus session with a Secret Service: run through tools/dev test (with_keyring).");
    QVERIFY2(m_keys.problem().isEmpty(), qPrintable(m_keys.problem()));
}

void TestWalletAdmin::cleanupTestCase()
{
    removeAllKeys();
}

void TestWalletAdmin::init()
{
    removeAllKeys();
    setUpStore();
}

void TestWalletAdmin::setUpStore()
{
    m_store = std::make_unique<TempStore>();
    LT_VERIFY_OK(m_store->open());
    auto member = m_store->enroll(QStringLiteral("+14155550123"), QStringLiteral("Ana Núñez"));
    LT_VERIFY_OK(member);
    m_member = member->id;
    auto card = m_store->engine().enrollment().assignCard(m_member, QString(), TempStore::cashier());
    LT_VERIFY_OK(card);
    m_card = *card;
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-1"), 4250));
    auto cardless = m_store->enroll(QStringLiteral("+14155550124"), QStringLiteral("Sin Tarjeta"));
    LT_VERIFY_OK(cardless);
    m_cardless = cardless->id;
    m_database = m_store->path();
    m_store->close();
}

void TestWalletAdmin::removeAllKeys()
{
    if (m_database.isEmpty())
        return;
    for (const char* which : {"google", "apple"})
        admin({QStringLiteral("wallet"), QStringLiteral("keys"), QStringLiteral("--remove"), QLatin1String(which)});
}

void TestWalletAdmin::storeAllKeys()
{
    for (const auto& [key, value] :
         {std::pair {"store.name", "Café Olé"}, std::pair {"wallet.google.issuer_id", "3388000000022222222"},
          std::pair {"wallet.apple.pass_type_id", "pass.com.example.loyalty"}}) {
        const auto set = admin({QStringLiteral("settings"), QString::fromUtf8(key), QString::fromUtf8(value)});
        QVERIFY2(set.exitCode == 0, set.err.constData());
    }
    const auto stored = admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("keys"),
                               QStringLiteral("--google-service-account"), keyFile(QStringLiteral("google.json")),
                               QStringLiteral("--apple-certificate"), keyFile(QStringLiteral("pass.pem")),
                               QStringLiteral("--apple-key"), keyFile(QStringLiteral("pass.key")),
                               QStringLiteral("--apple-wwdr"), keyFile(QStringLiteral("ca.der"))});
    QVERIFY2(stored.exitCode == 0, stored.err.constData());
    QCOMPARE(json(stored).value(QStringLiteral("stored")).toArray(),
             QJsonArray({QStringLiteral("google"), QStringLiteral("apple")}));
}

void TestWalletAdmin::nothingSetUpSaysWhy()
{
    const auto status = admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("status")});
    QVERIFY2(status.exitCode == 0, status.err.constData());
    QCOMPARE(json(status).value(QStringLiteral("wallets")).toArray().size(), 2);
    QCOMPARE(wallet(status, "google").value(QStringLiteral("ready")).toBool(), false);
    QVERIFY2(wallet(status, "google")
                 .value(QStringLiteral("reason"))
                 .toString()
                 .contains(QStringLiteral("wallet.google.issuer_id")),
             status.err.constData());
    QVERIFY2(wallet(status, "apple")
                 .value(QStringLiteral("reason"))
                 .toString()
                 .contains(QStringLiteral("wallet.apple.pass_type_id")),
             status.err.constData());
    // As text, for the manager.
    const auto text = admin({QStringLiteral("wallet"), QStringLiteral("status")});
    QVERIFY2(text.out.contains("Google Wallet: not offered") && text.out.contains("Apple Wallet: not offered"),
             text.err.constData());
    // Asked for a pass, the command says why there is none.
    const auto pass = admin({QStringLiteral("wallet"), QString::number(m_member), QStringLiteral("--google")});
    QCOMPARE(pass.exitCode, 4);
    QVERIFY2(pass.err.contains("wallet.google.issuer_id"), pass.err.constData());
}

void TestWalletAdmin::badKeysAreRefusedAndNothingIsStored_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    const auto files = [this](const char* certificate, const char* key, const char* wwdr) {
        QStringList options {QStringLiteral("--apple-certificate"), keyFile(QLatin1String(certificate))};
        if (key)
            options << QStringLiteral("--apple-key") << keyFile(QLatin1String(key));
        if (wwdr)
            options << QStringLiteral("--apple-wwdr") << keyFile(QLatin1String(wwdr));
        return options;
    };
    QTest::newRow("key of another certificate")
        << files("pass.pem", "other.key", "ca.pem") << 2 << QStringLiteral("does not belong");
    QTest::newRow("expired certificate") << files("expired.pem", "pass.key", "ca.pem") << 4
                                         << QStringLiteral("expired on");
    QTest::newRow("WWDR that did not issue it")
        << files("pass.pem", "pass.key", "otherca.pem") << 2 << QStringLiteral("did not issue");
    QTest::newRow("certificate forged in the WWDR's name")
        << files("forged.pem", "pass.key", "ca.pem") << 2 << QStringLiteral("signature was not made");
    QTest::newRow("certificate not a certificate")
        << files("google.json", "pass.key", "ca.pem") << 2 << QStringLiteral("not a certificate");
    QTest::newRow("key not a key") << files("pass.pem", "ca.pem", "ca.pem") << 2 << QStringLiteral("not a private key");
    QTest::newRow("no WWDR") << files("pass.pem", "pass.key", nullptr) << 2 << QStringLiteral("--apple-wwdr");
    QTest::newRow("no key") << files("pass.pem", nullptr, "ca.pem") << 2 << QStringLiteral("--apple-key");
    QTest::newRow("missing file") << files("nowhere.pem", "pass.key", "ca.pem") << 2 << QStringLiteral("cannot read");
    QTest::newRow("service account with an EC key")
        << QStringList {QStringLiteral("--google-service-account"), keyFile(QStringLiteral("ec.json"))} << 2
        << QStringLiteral("not an RSA private key");
    QTest::newRow("service account not JSON")
        << QStringList {QStringLiteral("--google-service-account"), keyFile(QStringLiteral("google.key"))} << 2
        << QStringLiteral("not a JSON key file");
}

void TestWalletAdmin::badKeysAreRefusedAndNothingIsStored()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const auto run = admin(QStringList {QStringLiteral("wallet"), QStringLiteral("keys")} + options);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(says), run.err.constData());
    // The keychain still holds nothing: with the store set up, Apple Wallet still lacks its keys.
    const auto settings =
        admin({QStringLiteral("settings"), QStringLiteral("wallet.apple.pass_type_id"), WalletTestKeys::PassTypeId});
    QVERIFY2(settings.exitCode == 0, settings.err.constData());
    const auto after = admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("status")});
    QVERIFY2(wallet(after, "apple")
                 .value(QStringLiteral("reason"))
                 .toString()
                 .contains(QStringLiteral("no Apple Wallet keys")),
             after.err.constData());
}

void TestWalletAdmin::keysStoredThenPassesMade()
{
    storeAllKeys();
    if (QTest::currentTestFailed())
        return;
    const auto status = admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("status")});
    QVERIFY2(wallet(status, "google").value(QStringLiteral("ready")).toBool(), status.err.constData());
    QVERIFY2(wallet(status, "apple").value(QStringLiteral("ready")).toBool(), status.err.constData());
    QVERIFY(!wallet(status, "apple").value(QStringLiteral("expires")).toString().isEmpty());

    // The Apple pass, written for the owner only, verifies against the CA standing in for WWDR.
    const QString passFile = m_keys.path(QStringLiteral("member.pkpass"));
    const auto apple = admin({QStringLiteral("wallet"), m_card, QStringLiteral("--apple"), passFile});
    QVERIFY2(apple.exitCode == 0, apple.err.constData());
    QCOMPARE(QFile::permissions(passFile) & 0x0077, QFileDevice::Permissions());
    const QMap<QString, QByteArray> files = lt::test::unzip(m_keys.read(QStringLiteral("member.pkpass")));
    QFile manifest(m_keys.path(QStringLiteral("cli-manifest.json")));
    QFile signature(m_keys.path(QStringLiteral("cli-signature")));
    QVERIFY(manifest.open(QIODevice::WriteOnly) && signature.open(QIODevice::WriteOnly));
    manifest.write(files.value(QStringLiteral("manifest.json")));
    signature.write(files.value(QStringLiteral("signature")));
    manifest.close();
    signature.close();
    const QStringList verify {QStringLiteral("smime"),
                              QStringLiteral("-verify"),
                              QStringLiteral("-binary"),
                              QStringLiteral("-inform"),
                              QStringLiteral("DER"),
                              QStringLiteral("-in"),
                              signature.fileName(),
                              QStringLiteral("-content"),
                              manifest.fileName(),
                              QStringLiteral("-CAfile"),
                              keyFile(QStringLiteral("ca.pem")),
                              QStringLiteral("-out"),
                              QStringLiteral("/dev/null")};
    const auto verified = lt::test::runOpenSsl(verify);
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.describe(verify)));
    const QJsonObject pass = QJsonDocument::fromJson(files.value(QStringLiteral("pass.json"))).object();
    QCOMPARE(pass.value(QStringLiteral("organizationName")).toString(), QStringLiteral("Café Olé"));
    QCOMPARE(pass.value(QStringLiteral("teamIdentifier")).toString(), WalletTestKeys::TeamId); // from the certificate

    // The Google link alone on stdout, for a script or a QR code.
    const auto google = admin({QStringLiteral("wallet"), QString::number(m_member), QStringLiteral("--google")});
    QVERIFY2(google.exitCode == 0, google.err.constData());
    const QByteArray link = google.out.trimmed();
    QVERIFY2(link.startsWith("https://pay.google.com/gp/v/save/") && !link.contains('\n'), google.err.constData());
    const QList<QByteArray> jwt = link.mid(link.lastIndexOf('/') + 1).split('.');
    QCOMPARE(jwt.size(), 3);
    QFile input(m_keys.path(QStringLiteral("cli-jwt")));
    QFile jwtSignature(m_keys.path(QStringLiteral("cli-jwt-signature")));
    QVERIFY(input.open(QIODevice::WriteOnly) && jwtSignature.open(QIODevice::WriteOnly));
    input.write(jwt.at(0) + '.' + jwt.at(1));
    jwtSignature.write(QByteArray::fromBase64(jwt.at(2), QByteArray::Base64UrlEncoding));
    input.close();
    jwtSignature.close();
    const QStringList dgst {QStringLiteral("dgst"),
                            QStringLiteral("-sha256"),
                            QStringLiteral("-verify"),
                            keyFile(QStringLiteral("google.pub")),
                            QStringLiteral("-signature"),
                            jwtSignature.fileName(),
                            input.fileName()};
    const auto checked = lt::test::runOpenSsl(dgst);
    QVERIFY2(checked.exitCode == 0, qPrintable(checked.describe(dgst)));
    const auto asJson = admin({QStringLiteral("wallet"), QStringLiteral("--json"), m_card, QStringLiteral("--google")});
    QCOMPARE(json(asJson).value(QStringLiteral("member")).toInteger(), m_member);
    QVERIFY(json(asJson).value(QStringLiteral("link")).toString().startsWith(QLatin1String("https://")));
}

void TestWalletAdmin::pkcs12WithItsPasswordOnStdin_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("PKCS#12 (AES)") << QStringLiteral("pass.p12");
    QTest::newRow("PKCS#12 (RC2 and 3DES, as older Keychain exports)") << QStringLiteral("pass-legacy.p12");
}

void TestWalletAdmin::pkcs12WithItsPasswordOnStdin()
{
    QFETCH(QString, file);
    const QStringList arguments {QStringLiteral("wallet"),
                                 QStringLiteral("keys"),
                                 QStringLiteral("--apple-certificate"),
                                 keyFile(file),
                                 QStringLiteral("--apple-wwdr"),
                                 keyFile(QStringLiteral("ca.pem"))};
    const auto wrong = admin(arguments, "not-the-password\n");
    QVERIFY2(wrong.exitCode == 2 && wrong.err.contains("password is wrong"), wrong.err.constData());
    const auto none = admin(arguments);
    QVERIFY2(none.exitCode == 2 && none.err.contains("password is wrong"), none.err.constData());
    const auto withKey =
        admin(arguments + QStringList {QStringLiteral("--apple-key"), keyFile(QStringLiteral("pass.key"))},
              WalletTestKeys::P12Password + '\n');
    QVERIFY2(withKey.exitCode == 2 && withKey.err.contains("leave out --apple-key"), withKey.err.constData());
    const auto right = admin(arguments, WalletTestKeys::P12Password + '\n');
    QVERIFY2(right.exitCode == 0, right.err.constData());
    QVERIFY2(right.out.contains(WalletTestKeys::PassTypeId.toLatin1()), right.err.constData());
    // The password is not echoed back anywhere.
    QVERIFY(!right.out.contains(WalletTestKeys::P12Password));
    const auto settings =
        admin({QStringLiteral("settings"), QStringLiteral("wallet.apple.pass_type_id"), WalletTestKeys::PassTypeId});
    QVERIFY2(settings.exitCode == 0, settings.err.constData());
    const auto status = admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("status")});
    QVERIFY2(wallet(status, "apple").value(QStringLiteral("ready")).toBool(), status.err.constData());
}

void TestWalletAdmin::encryptedKeyWithItsPasswordOnStdin()
{
    const QStringList arguments {QStringLiteral("wallet"),
                                 QStringLiteral("keys"),
                                 QStringLiteral("--apple-certificate"),
                                 keyFile(QStringLiteral("pass.pem")),
                                 QStringLiteral("--apple-key"),
                                 keyFile(QStringLiteral("encrypted.key")),
                                 QStringLiteral("--apple-wwdr"),
                                 keyFile(QStringLiteral("ca.pem"))};
    const auto wrong = admin(arguments, "nope\n");
    QVERIFY2(wrong.exitCode == 2 && wrong.err.contains("password on standard input does not open"),
             wrong.err.constData());
    const auto right = admin(arguments, WalletTestKeys::KeyPassword + '\n');
    QVERIFY2(right.exitCode == 0, right.err.constData());
}

void TestWalletAdmin::removedKeysMakeTheWalletUnavailable()
{
    storeAllKeys();
    if (QTest::currentTestFailed())
        return;
    const auto removed = admin({QStringLiteral("wallet"), QStringLiteral("--json"), QStringLiteral("keys"),
                                QStringLiteral("--remove"), QStringLiteral("apple")});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    QVERIFY(wallet(removed, "google").value(QStringLiteral("ready")).toBool());
    QVERIFY(!wallet(removed, "apple").value(QStringLiteral("ready")).toBool());
    const auto pass = admin({QStringLiteral("wallet"), QString::number(m_member), QStringLiteral("--apple"),
                             m_keys.path(QStringLiteral("gone.pkpass"))});
    QVERIFY2(pass.exitCode == 3 && pass.err.contains("--apple-certificate"), pass.err.constData());
    QVERIFY(!QFile::exists(m_keys.path(QStringLiteral("gone.pkpass"))));
}

void TestWalletAdmin::auditRecordsTheKeysButNoSecret()
{
    storeAllKeys();
    if (QTest::currentTestFailed())
        return;
    const auto audit = admin({QStringLiteral("audit"), QStringLiteral("--json")});
    QVERIFY2(audit.exitCode == 0, audit.err.constData());
    QVERIFY2(audit.out.contains("wallet.keys"), audit.err.constData());
    QVERIFY(audit.out.contains(WalletTestKeys::PassTypeId.toLatin1()));
    QVERIFY(audit.out.contains(WalletTestKeys::ServiceAccount.toLatin1()));
    QVERIFY(!audit.out.contains("PRIVATE KEY"));
    QVERIFY(!audit.out.contains("BEGIN CERTIFICATE"));
    // Nor in the store's file.
    QFile database(m_database);
    QVERIFY(database.open(QIODevice::ReadOnly));
    QVERIFY(!database.readAll().contains("PRIVATE KEY"));
}

void TestWalletAdmin::memberWithoutCardIsRefused()
{
    storeAllKeys();
    if (QTest::currentTestFailed())
        return;
    const auto run = admin({QStringLiteral("wallet"), QString::number(m_cardless), QStringLiteral("--google")});
    QVERIFY2(run.exitCode == 4 && run.err.contains("no card"), run.err.constData());
    const auto unknown = admin({QStringLiteral("wallet"), QStringLiteral("9999"), QStringLiteral("--google")});
    QVERIFY2(unknown.exitCode == 3, unknown.err.constData());
}

void TestWalletAdmin::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("nothing") << QStringList {QStringLiteral("wallet")};
    QTest::newRow("both wallets") << QStringList {QStringLiteral("wallet"), QStringLiteral("1"),
                                                  QStringLiteral("--google"), QStringLiteral("--apple"),
                                                  QStringLiteral("x.pkpass")};
    QTest::newRow("no wallet") << QStringList {QStringLiteral("wallet"), QStringLiteral("1")};
    QTest::newRow("keys without files") << QStringList {QStringLiteral("wallet"), QStringLiteral("keys")};
    QTest::newRow("remove what") << QStringList {QStringLiteral("wallet"), QStringLiteral("keys"),
                                                 QStringLiteral("--remove"), QStringLiteral("square")};
    QTest::newRow("two members") << QStringList {QStringLiteral("wallet"), QStringLiteral("1"), QStringLiteral("2"),
                                                 QStringLiteral("--google")};
}

void TestWalletAdmin::badUsage()
{
    QFETCH(QStringList, arguments);
    const auto run = admin(arguments);
    QVERIFY2(run.exitCode == 2, run.err.constData());
}

QTEST_GUILESS_MAIN(TestWalletAdmin)
#include "tst_wallet_admincli.moc"
