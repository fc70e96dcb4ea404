#include "core/wallet/WalletReadiness.h"
#include "tests/support/ResultChecks.h"
#include "tests/wallet/WalletTestKeys.h"

#include <QTest>

using namespace lt;
using lt::test::WalletTestKeys;

// Whether each wallet can be offered and, when not, the sentence the settings screen shows: settings missing, keys
// missing from the keychain, and bad keys (wrong format, an expired certificate, a key that is not the certificate's,
// a WWDR certificate that did not issue it, a service account key that is not RSA).
class TestWalletReadiness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void nothingConfiguredOffersNothing();
    void bothReadyWithWhatSignsThem();
    void missingKeysAreNamed();
    void badAppleKeys_data();
    void badAppleKeys();
    void badGoogleKeys_data();
    void badGoogleKeys();
    void settingsThatDisagreeWithTheCertificate();
    void teamComesFromTheCertificateWhenNotSet();
    void unreadableKeychainIsReported();

private:
    WalletSettings configured() const;
    static const WalletStatus& status(const QList<WalletStatus>& list, WalletKind wallet);

    WalletTestKeys m_keys;
    const QDateTime m_now = QDateTime::currentDateTimeUtc();
};

WalletSettings TestWalletReadiness::configured() const
{
    WalletSettings settings;
    settings.storeName = QStringLiteral("Test Store");
    settings.googleIssuerId = WalletTestKeys::IssuerId;
    settings.googleClassId = QStringLiteral("loyalty");
    settings.applePassTypeId = WalletTestKeys::PassTypeId;
    settings.appleTeamId = WalletTestKeys::TeamId;
    return settings;
}

const WalletStatus& TestWalletReadiness::status(const QList<WalletStatus>& list, WalletKind wallet)
{
    return list.at(wallet == WalletKind::Google ? 0 : 1);
}

void TestWalletReadiness::initTestCase()
{
    QVERIFY2(m_keys.problem().isEmpty(), qPrintable(m_keys.problem()));
}

void TestWalletReadiness::nothingConfiguredOffersNothing()
{
    const QList<WalletStatus> list = WalletReadiness::assess(WalletSettings(), m_keys.keys(), m_now);
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).wallet, WalletKind::Google);
    QCOMPARE(list.at(1).wallet, WalletKind::Apple);
    for (const WalletStatus& s : list) {
        QVERIFY(!s.ready);
        QVERIFY(!s.configured);
        QVERIFY(s.summary.isEmpty());
    }
    QVERIFY2(list.at(0).reason.contains(QStringLiteral("wallet.google.issuer_id")), qPrintable(list.at(0).reason));
    QVERIFY2(list.at(1).reason.contains(QStringLiteral("wallet.apple.pass_type_id")), qPrintable(list.at(1).reason));
    LT_VERIFY_ERROR(WalletReadiness::prepareGoogle(WalletSettings(), m_keys.keys()), ErrorKind::Refused);
    LT_VERIFY_ERROR(WalletReadiness::prepareApple(WalletSettings(), m_keys.keys(), m_now), ErrorKind::Refused);
}

void TestWalletReadiness::bothReadyWithWhatSignsThem()
{
    const QList<WalletStatus> list = WalletReadiness::assess(configured(), m_keys.keys(), m_now);
    for (const WalletStatus& s : list) {
        QVERIFY2(s.ready, qPrintable(s.reason));
        QVERIFY(s.configured);
        QVERIFY(s.reason.isEmpty());
    }
    QVERIFY(status(list, WalletKind::Google).summary.contains(WalletTestKeys::ServiceAccount));
    QVERIFY(status(list, WalletKind::Google).summary.contains(WalletTestKeys::IssuerId + QStringLiteral(".loyalty")));
    QVERIFY(status(list, WalletKind::Apple).summary.contains(WalletTestKeys::PassTypeId));
    QVERIFY(status(list, WalletKind::Apple).expires > m_now.addDays(300));
}

void TestWalletReadiness::missingKeysAreNamed()
{
    const QList<WalletStatus> none = WalletReadiness::assess(configured(), WalletKeys(), m_now);
    QVERIFY(!none.at(0).ready && none.at(0).configured);
    QVERIFY2(none.at(0).reason.contains(QStringLiteral("--google-service-account")), qPrintable(none.at(0).reason));
    QVERIFY2(none.at(1).reason.contains(QStringLiteral("--apple-certificate")), qPrintable(none.at(1).reason));
    LT_VERIFY_ERROR(WalletReadiness::prepareGoogle(configured(), WalletKeys()), ErrorKind::NotFound);
    // Only the WWDR certificate missing: the sentence names it alone.
    WalletKeys keys = m_keys.keys();
    keys.appleWwdr.clear();
    const auto apple = WalletReadiness::prepareApple(configured(), keys, m_now);
    LT_VERIFY_ERROR(apple, ErrorKind::NotFound);
    QVERIFY2(apple.error().message.contains(QStringLiteral("WWDR")), qPrintable(apple.error().message));
    QVERIFY(!apple.error().message.contains(QStringLiteral("private key")));
}

void TestWalletReadiness::badAppleKeys_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("wwdr");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("says");
    const int invalid = int(ErrorKind::InvalidInput);
    QTest::newRow("certificate is a key") << "pass.key"
                                          << "pass.key"
                                          << "ca.pem" << invalid << "not a certificate";
    QTest::newRow("key is a certificate") << "pass.pem"
                                          << "pass.pem"
                                          << "ca.pem" << invalid << "not a private key";
    QTest::newRow("key is encrypted") << "pass.pem"
                                      << "encrypted.key"
                                      << "ca.pem" << invalid << "encrypted";
    QTest::newRow("WWDR is JSON") << "pass.pem"
                                  << "pass.key"
                                  << "google.json" << invalid << "WWDR";
    QTest::newRow("key of another certificate") << "pass.pem"
                                                << "other.key"
                                                << "ca.pem" << invalid << "does not belong";
    QTest::newRow("WWDR did not issue it") << "pass.pem"
                                           << "pass.key"
                                           << "otherca.pem" << invalid << "did not issue";
    QTest::newRow("WWDR's name, another key's signature") << "forged.pem"
                                                          << "pass.key"
                                                          << "ca.pem" << invalid << "signature was not made";
    QTest::newRow("not a pass certificate") << "plain.pem"
                                            << "other.key"
                                            << "ca.pem" << invalid << "not an Apple Wallet pass type certificate";
    QTest::newRow("expired") << "expired.pem"
                             << "pass.key"
                             << "ca.pem" << int(ErrorKind::Refused) << "expired on";
    QTest::newRow("WWDR in DER") << "pass.pem"
                                 << "pass.key"
                                 << "ca.der" << -1 << "";
}

void TestWalletReadiness::badAppleKeys()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, wwdr);
    QFETCH(int, kind);
    QFETCH(QString, says);
    WalletKeys keys;
    keys.appleCertificate = m_keys.read(certificate);
    keys.applePrivateKey = m_keys.read(key);
    keys.appleWwdr = m_keys.read(wwdr);
    const auto signer = WalletReadiness::prepareApple(configured(), keys, m_now);
    const WalletStatus apple = status(WalletReadiness::assess(configured(), keys, m_now), WalletKind::Apple);
    if (kind < 0) {
        LT_VERIFY_OK(signer);
        QVERIFY(apple.ready);
        return;
    }
    LT_VERIFY_ERROR(signer, ErrorKind(kind));
    QVERIFY2(signer.error().message.contains(says), qPrintable(signer.error().message));
    QVERIFY(!apple.ready);
    QCOMPARE(apple.reason, signer.error().message);
}

void TestWalletReadiness::badGoogleKeys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("says");
    QTest::newRow("not JSON") << QByteArray("-----BEGIN PRIVATE KEY-----\nabc\n") << "not a JSON key file";
    QTest::newRow("an array") << QByteArray("[1, 2]") << "not a JSON key file";
    QTest::newRow("an OAuth client") << QByteArray(R"({"type": "authorized_user", "client_email": "a@b"})")
                                     << "not a service account";
    QTest::newRow("no e-mail") << QByteArray(R"({"type": "service_account", "private_key": "x"})") << "client_email";
    QTest::newRow("no key") << QByteArray(R"({"type": "service_account", "client_email": "a@b.c"})")
                            << "no private_key";
    QTest::newRow("key not PEM") << QByteArray(R"({"client_email": "a@b.c", "private_key": "MIIEvQIBADANBg"})")
                                 << "not an RSA private key";
}

void TestWalletReadiness::badGoogleKeys()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, says);
    WalletKeys keys;
    keys.googleServiceAccount = json;
    const auto signer = WalletReadiness::prepareGoogle(configured(), keys);
    LT_VERIFY_ERROR(signer, ErrorKind::InvalidInput);
    QVERIFY2(signer.error().message.contains(says), qPrintable(signer.error().message));
    // An elliptic-curve key cannot sign RS256.
    keys.googleServiceAccount = m_keys.read(QStringLiteral("ec.json"));
    const auto ec = WalletReadiness::prepareGoogle(configured(), keys);
    LT_VERIFY_ERROR(ec, ErrorKind::InvalidInput);
    QVERIFY2(ec.error().message.contains(QStringLiteral("not an RSA private key")), qPrintable(ec.error().message));
}

void TestWalletReadiness::settingsThatDisagreeWithTheCertificate()
{
    WalletSettings settings = configured();
    settings.applePassTypeId = QStringLiteral("pass.com.example.other");
    auto signer = WalletReadiness::prepareApple(settings, m_keys.keys(), m_now);
    LT_VERIFY_ERROR(signer, ErrorKind::InvalidInput);
    QCOMPARE(signer.error().field, QStringLiteral("wallet.apple.pass_type_id"));
    QVERIFY(signer.error().message.contains(WalletTestKeys::PassTypeId));
    settings = configured();
    settings.appleTeamId = QStringLiteral("ZZZZZ99999");
    signer = WalletReadiness::prepareApple(settings, m_keys.keys(), m_now);
    LT_VERIFY_ERROR(signer, ErrorKind::InvalidInput);
    QCOMPARE(signer.error().field, QStringLiteral("wallet.apple.team_id"));
    settings = configured();
    settings.googleIssuerId = QStringLiteral("issuer");
    LT_VERIFY_ERROR(WalletReadiness::prepareGoogle(settings, m_keys.keys()), ErrorKind::InvalidInput);
}

void TestWalletReadiness::teamComesFromTheCertificateWhenNotSet()
{
    WalletSettings settings = configured();
    settings.appleTeamId.clear();
    const auto signer = WalletReadiness::prepareApple(settings, m_keys.keys(), m_now);
    LT_VERIFY_OK(signer);
    QCOMPARE(signer->issuer.teamId, WalletTestKeys::TeamId);
    QCOMPARE(signer->issuer.passTypeId, WalletTestKeys::PassTypeId);
}

void TestWalletReadiness::unreadableKeychainIsReported()
{
    const Result<WalletKeys> refused = Error::storage(QStringLiteral("the Secret Service is not running"));
    WalletSettings settings = configured();
    settings.googleIssuerId.clear();
    const QList<WalletStatus> list = WalletReadiness::assess(settings, refused, m_now);
    QVERIFY(!list.at(0).ready && !list.at(1).ready);
    QVERIFY2(list.at(0).reason.contains(QStringLiteral("wallet.google.issuer_id")), qPrintable(list.at(0).reason));
    QVERIFY2(list.at(1).reason.contains(QStringLiteral("the Secret Service is not running")),
             qPrintable(list.at(1).reason));
}

QTEST_GUILESS_MAIN(TestWalletReadiness)
#include "tst_wallet_readiness.moc"
