#include "core/wallet/ApplePass.h"
#include "core/wallet/AppleSigningIdentity.h"
#include "tests/support/ResultChecks.h"
#include "tests/wallet/WalletTestKeys.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lt;
using lt::test::runOpenSsl;
using lt::test::WalletTestKeys;

// The .pkpass as Apple's PassKit package format describes it, checked from outside with libzip and the openssl
// command: the signature verifies against the test CA standing in for Apple's WWDR certificate, and stops verifying
// when a file changes.
class TestApplePass : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void archiveHoldsThePassFiles();
    void manifestHoldsEveryFilesSha1();
    void passJsonHasApplesRequiredFields();
    void signatureVerifiesWithTheWwdrCertificate();
    void signatureHasSigningTimeAndChain();
    void changedManifestFailsVerification();
    void untrustedCaFailsVerification();
    void passTypeOtherThanTheCertificatesIsRefused();
    void expiredCertificateIsRefused();

private:
    MemberPassContent content() const;
    ApplePass::Issuer issuer() const { return {WalletTestKeys::PassTypeId, WalletTestKeys::TeamId}; }
    QString writePart(const QString& name);
    // openssl smime -verify of the pass's signature over `manifest`, trusting `caFile`; err holds the whole run.
    lt::test::CommandRun verify(const QByteArray& manifest, const QString& caFile);

    WalletTestKeys m_keys;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    QMap<QString, QByteArray> m_files;
};

MemberPassContent TestApplePass::content() const
{
    MemberPassContent content;
    content.memberId = 42;
    content.passId = MemberPassContent::passIdFor(42, QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
    content.storeName = QStringLiteral("Café Olé");
    content.cardNumber = QStringLiteral("2900000000428");
    content.memberName = QStringLiteral("Ana Núñez");
    content.balance = 1234;
    content.pointsLabel = QStringLiteral("Points");
    content.tier = QStringLiteral("Gold");
    return content;
}

QString TestApplePass::writePart(const QString& name)
{
    const QString file = m_keys.path(QStringLiteral("unzipped-") + name);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(m_files.value(name)) < 0)
        return {};
    return file;
}

void TestApplePass::initTestCase()
{
    QVERIFY2(m_keys.problem().isEmpty(), qPrintable(m_keys.problem()));
    const WalletKeys keys = m_keys.keys();
    auto identity = AppleSigningIdentity::load(keys.appleCertificate, keys.applePrivateKey, keys.appleWwdr);
    LT_VERIFY_OK(identity);
    auto pass = ApplePass::build(content(), issuer(), *identity, m_now);
    LT_VERIFY_OK(pass);
    m_files = lt::test::unzip(*pass);
    QVERIFY2(!m_files.isEmpty(), "the .pkpass is not a zip archive");
}

void TestApplePass::archiveHoldsThePassFiles()
{
    for (const char* name : {"pass.json", "manifest.json", "signature", "icon.png", "icon@2x.png", "icon@3x.png",
                             "logo.png", "logo@2x.png"})
        QVERIFY2(m_files.contains(QLatin1String(name)), name);
    QCOMPARE(m_files.size(), 8);
    QVERIFY(m_files.value(QStringLiteral("icon.png")).startsWith("\x89PNG"));
}

void TestApplePass::manifestHoldsEveryFilesSha1()
{
    const QJsonObject manifest = QJsonDocument::fromJson(m_files.value(QStringLiteral("manifest.json"))).object();
    QCOMPARE(manifest.size(), m_files.size() - 2); // all but manifest.json and signature
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it) {
        if (it.key() == QLatin1String("manifest.json") || it.key() == QLatin1String("signature")) {
            QVERIFY(!manifest.contains(it.key()));
            continue;
        }
        const QByteArray sha1 = QCryptographicHash::hash(it.value(), QCryptographicHash::Sha1).toHex();
        QCOMPARE(manifest.value(it.key()).toString().toLatin1(), sha1);
    }
}

void TestApplePass::passJsonHasApplesRequiredFields()
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(m_files.value(QStringLiteral("pass.json")), &error);
    QVERIFY2(document.isObject(), qPrintable(error.errorString()));
    const QJsonObject pass = document.object();
    // The top-level keys Apple requires, with their types.
    QCOMPARE(pass.value(QStringLiteral("formatVersion")).toInt(), 1);
    QCOMPARE(pass.value(QStringLiteral("passTypeIdentifier")).toString(), WalletTestKeys::PassTypeId);
    QCOMPARE(pass.value(QStringLiteral("teamIdentifier")).toString(), WalletTestKeys::TeamId);
    QCOMPARE(pass.value(QStringLiteral("serialNumber")).toString(), content().passId);
    QCOMPARE(pass.value(QStringLiteral("organizationName")).toString(), QStringLiteral("Café Olé"));
    QVERIFY(!pass.value(QStringLiteral("description")).toString().isEmpty());
    // Colours are CSS-style rgb() triples.
    for (const char* colour : {"foregroundColor", "backgroundColor", "labelColor"})
        QVERIFY2(pass.value(QLatin1String(colour)).toString().startsWith(QLatin1String("rgb(")), colour);
    // One style key: a store card, its balance the primary field, name and tier the secondary ones.
    for (const char* style : {"boardingPass", "coupon", "eventTicket", "generic"})
        QVERIFY(!pass.contains(QLatin1String(style)));
    const QJsonObject card = pass.value(QStringLiteral("storeCard")).toObject();
    const QJsonObject balance = card.value(QStringLiteral("primaryFields")).toArray().at(0).toObject();
    QCOMPARE(balance.value(QStringLiteral("key")).toString(), QStringLiteral("balance"));
    QCOMPARE(balance.value(QStringLiteral("value")).toInteger(), 1234);
    QCOMPARE(balance.value(QStringLiteral("label")).toString(), QStringLiteral("Points"));
    const QJsonArray secondary = card.value(QStringLiteral("secondaryFields")).toArray();
    QCOMPARE(secondary.size(), 2);
    QCOMPARE(secondary.at(0).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("Ana Núñez"));
    QCOMPARE(secondary.at(1).toObject().value(QStringLiteral("value")).toString(), QStringLiteral("Gold"));
    for (const QJsonValue& field : secondary)
        QVERIFY(!field.toObject().value(QStringLiteral("key")).toString().isEmpty());
    // The barcode: a format Apple knows, the card number as message and text.
    const QJsonArray barcodes = pass.value(QStringLiteral("barcodes")).toArray();
    QCOMPARE(barcodes.size(), 1);
    const QJsonObject barcode = barcodes.at(0).toObject();
    const QStringList formats {QStringLiteral("PKBarcodeFormatQR"), QStringLiteral("PKBarcodeFormatPDF417"),
                               QStringLiteral("PKBarcodeFormatAztec"), QStringLiteral("PKBarcodeFormatCode128")};
    QVERIFY(formats.contains(barcode.value(QStringLiteral("format")).toString()));
    QCOMPARE(barcode.value(QStringLiteral("message")).toString(), QStringLiteral("2900000000428"));
    QCOMPARE(barcode.value(QStringLiteral("messageEncoding")).toString(), QStringLiteral("iso-8859-1"));
    QCOMPARE(barcode.value(QStringLiteral("altText")).toString(), QStringLiteral("2900000000428"));
}

lt::test::CommandRun TestApplePass::verify(const QByteArray& manifest, const QString& caFile)
{
    const QString manifestFile = m_keys.path(QStringLiteral("checked-manifest.json"));
    QFile out(manifestFile);
    if (!out.open(QIODevice::WriteOnly) || out.write(manifest) < 0)
        return {};
    out.close();
    const QStringList arguments {QStringLiteral("smime"),
                                 QStringLiteral("-verify"),
                                 QStringLiteral("-binary"),
                                 QStringLiteral("-inform"),
                                 QStringLiteral("DER"),
                                 QStringLiteral("-in"),
                                 writePart(QStringLiteral("signature")),
                                 QStringLiteral("-content"),
                                 manifestFile,
                                 QStringLiteral("-CAfile"),
                                 m_keys.path(caFile),
                                 QStringLiteral("-out"),
                                 m_keys.path(QStringLiteral("verified.json"))};
    auto run = runOpenSsl(arguments);
    run.err = run.describe(arguments).toUtf8();
    return run;
}

void TestApplePass::signatureVerifiesWithTheWwdrCertificate()
{
    const auto run = verify(m_files.value(QStringLiteral("manifest.json")), QStringLiteral("ca.pem"));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.contains("Verification successful"), run.err.constData());
    QCOMPARE(m_keys.read(QStringLiteral("verified.json")), m_files.value(QStringLiteral("manifest.json")));
    // Detached: the signature does not carry the manifest.
    QVERIFY(!m_files.value(QStringLiteral("signature")).contains(m_files.value(QStringLiteral("manifest.json"))));
}

void TestApplePass::signatureHasSigningTimeAndChain()
{
    const QStringList arguments {QStringLiteral("cms"),     QStringLiteral("-cmsout"),
                                 QStringLiteral("-print"),  QStringLiteral("-noout"),
                                 QStringLiteral("-inform"), QStringLiteral("DER"),
                                 QStringLiteral("-in"),     writePart(QStringLiteral("signature"))};
    const auto run = runOpenSsl(arguments);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe(arguments)));
    QVERIFY2(run.out.contains("signingTime"), run.out.constData());
    QVERIFY(run.out.contains("messageDigest"));
    // Both certificates travel in the signature: the pass certificate and the WWDR one.
    QVERIFY(run.out.contains("Test WWDR Intermediate"));
    QVERIFY(run.out.contains(WalletTestKeys::PassTypeId.toLatin1()));
    QVERIFY(run.out.contains("eContent: <ABSENT>"));
}

void TestApplePass::changedManifestFailsVerification()
{
    QByteArray changed = m_files.value(QStringLiteral("manifest.json"));
    changed.replace("icon.png", "icon.PNG");
    const auto run = verify(changed, QStringLiteral("ca.pem"));
    QVERIFY2(run.exitCode != 0, run.err.constData());
    QVERIFY2(run.err.contains("digest failure"), run.err.constData());
}

void TestApplePass::untrustedCaFailsVerification()
{
    const auto run = verify(m_files.value(QStringLiteral("manifest.json")), QStringLiteral("otherca.pem"));
    QVERIFY2(run.exitCode != 0, run.err.constData());
    QVERIFY2(run.err.contains("Verification failure"), run.err.constData());
}

void TestApplePass::passTypeOtherThanTheCertificatesIsRefused()
{
    const WalletKeys keys = m_keys.keys();
    auto identity = AppleSigningIdentity::load(keys.appleCertificate, keys.applePrivateKey, keys.appleWwdr);
    LT_VERIFY_OK(identity);
    auto pass = ApplePass::build(content(), {QStringLiteral("pass.com.example.other"), WalletTestKeys::TeamId},
                                 *identity, m_now);
    LT_VERIFY_ERROR(pass, ErrorKind::InvalidInput);
    QVERIFY(pass.error().message.contains(QStringLiteral("pass.com.example.other")));
}

void TestApplePass::expiredCertificateIsRefused()
{
    const WalletKeys keys = m_keys.keys();
    auto identity =
        AppleSigningIdentity::load(m_keys.read(QStringLiteral("expired.pem")), keys.applePrivateKey, keys.appleWwdr);
    LT_VERIFY_OK(identity); // it loads: the settings screen says when it expired
    auto pass = ApplePass::build(content(), issuer(), *identity, m_now);
    LT_VERIFY_ERROR(pass, ErrorKind::Refused);
    QVERIFY2(pass.error().message.contains(QStringLiteral("expired")), qPrintable(pass.error().message));
    // The good certificate a day after its end.
    auto good = AppleSigningIdentity::load(keys.appleCertificate, keys.applePrivateKey, keys.appleWwdr);
    LT_VERIFY_OK(good);
    LT_VERIFY_ERROR(ApplePass::build(content(), issuer(), *good, good->facts().validUntil.addDays(1)),
                    ErrorKind::Refused);
}

QTEST_GUILESS_MAIN(TestApplePass)
#include "tst_wallet_applepass.moc"
