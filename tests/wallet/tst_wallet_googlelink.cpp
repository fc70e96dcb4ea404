#include "core/wallet/GoogleServiceAccount.h"
#include "core/wallet/GoogleWalletLink.h"
#include "tests/support/ResultChecks.h"
#include "tests/wallet/WalletTestKeys.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lt;
using lt::test::runOpenSsl;
using lt::test::WalletTestKeys;

// The "save to Google Wallet" link: its JWT's signature verified with the test key's public half by the openssl
// command, its claims and its loyalty object's fields as Google's JWT and LoyaltyObject references describe them.
class TestGoogleWalletLink : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void linkIsGooglesSaveUrl();
    void signatureVerifiesWithThePublicKey();
    void changedClaimsFailVerification();
    void headerAndClaims();
    void loyaltyObjectHasItsRequiredFields();
    void objectIdIsStableAndUrlSafe();
    void memberWithoutNameShowsTheCard();
    void badIssuerIsRefused_data();
    void badIssuerIsRefused();

private:
    MemberPassContent content() const;
    static QJsonObject decodePart(const QString& part);
    lt::test::CommandRun verify(const QByteArray& signingInput, const QByteArray& signature);

    WalletTestKeys m_keys;
    const GoogleWalletLink::Issuer m_issuer {WalletTestKeys::IssuerId, QStringLiteral("loyalty")};
    QDateTime m_now = QDateTime(QDate(2025, 3, 4), QTime(5, 6, 7), Qt::UTC);
    QString m_url;
    QStringList m_parts; // header, claims, signature
};

MemberPassContent TestGoogleWalletLink::content() const
{
    MemberPassContent content;
    content.memberId = 7;
    content.passId = MemberPassContent::passIdFor(7, QDateTime(QDate(2024, 1, 2), QTime(3, 4), Qt::UTC));
    content.storeName = QStringLiteral("Café Olé");
    content.cardNumber = QStringLiteral("2900000000077");
    content.memberName = QStringLiteral("José Pérez");
    content.balance = 250;
    content.pointsLabel = QStringLiteral("Puntos");
    content.tier = QStringLiteral("Silver");
    return content;
}

QJsonObject TestGoogleWalletLink::decodePart(const QString& part)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        part.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? QJsonDocument::fromJson(*decoded).object() : QJsonObject();
}

lt::test::CommandRun TestGoogleWalletLink::verify(const QByteArray& signingInput, const QByteArray& signature)
{
    QFile data(m_keys.path(QStringLiteral("jwt-input")));
    QFile sig(m_keys.path(QStringLiteral("jwt-signature")));
    if (!data.open(QIODevice::WriteOnly) || !sig.open(QIODevice::WriteOnly))
        return {};
    data.write(signingInput);
    sig.write(signature);
    data.close();
    sig.close();
    const QStringList arguments {QStringLiteral("dgst"),
                                 QStringLiteral("-sha256"),
                                 QStringLiteral("-verify"),
                                 m_keys.path(QStringLiteral("google.pub")),
                                 QStringLiteral("-signature"),
                                 sig.fileName(),
                                 data.fileName()};
    auto run = runOpenSsl(arguments);
    run.err = run.describe(arguments).toUtf8();
    return run;
}

void TestGoogleWalletLink::initTestCase()
{
    QVERIFY2(m_keys.problem().isEmpty(), qPrintable(m_keys.problem()));
    auto account = GoogleServiceAccount::parse(m_keys.read(QStringLiteral("google.json")));
    LT_VERIFY_OK(account);
    QCOMPARE(account->clientEmail(), WalletTestKeys::ServiceAccount);
    auto url = GoogleWalletLink::saveUrl(content(), m_issuer, *account, m_now);
    LT_VERIFY_OK(url);
    m_url = *url;
    m_parts = m_url.mid(m_url.lastIndexOf(QLatin1Char('/')) + 1).split(QLatin1Char('.'));
    QCOMPARE(m_parts.size(), 3);
}

void TestGoogleWalletLink::linkIsGooglesSaveUrl()
{
    QVERIFY(m_url.startsWith(QLatin1String("https://pay.google.com/gp/v/save/")));
    // base64url without padding: nothing in the link needs escaping.
    for (const QString& part : std::as_const(m_parts)) {
        QVERIFY(!part.isEmpty());
        for (const QChar c : part)
            QVERIFY2(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'), qPrintable(part));
    }
}

void TestGoogleWalletLink::signatureVerifiesWithThePublicKey()
{
    const QByteArray signingInput = (m_parts.at(0) + QLatin1Char('.') + m_parts.at(1)).toLatin1();
    const QByteArray signature = QByteArray::fromBase64(m_parts.at(2).toLatin1(), QByteArray::Base64UrlEncoding);
    QCOMPARE(signature.size(), 256); // RSA-2048
    const auto run = verify(signingInput, signature);
    QVERIFY2(run.exitCode == 0 && run.out.contains("Verified OK"), run.err.constData());
}

void TestGoogleWalletLink::changedClaimsFailVerification()
{
    QJsonObject claims = decodePart(m_parts.at(1));
    claims.insert(QStringLiteral("iss"), QStringLiteral("someone-else@example.com"));
    const QByteArray forged = m_parts.at(0).toLatin1() + '.'
        + QJsonDocument(claims)
              .toJson(QJsonDocument::Compact)
              .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const auto run = verify(forged, QByteArray::fromBase64(m_parts.at(2).toLatin1(), QByteArray::Base64UrlEncoding));
    QVERIFY2(run.exitCode != 0 && run.out.contains("Verification failure"), run.err.constData());
}

void TestGoogleWalletLink::headerAndClaims()
{
    const QJsonObject header = decodePart(m_parts.at(0));
    QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("RS256"));
    QCOMPARE(header.value(QStringLiteral("typ")).toString(), QStringLiteral("JWT"));
    QCOMPARE(header.value(QStringLiteral("kid")).toString(),
             QStringLiteral("0123456789abcdef0123456789abcdef01234567"));
    const QJsonObject claims = decodePart(m_parts.at(1));
    // Google's JWT reference: iss, aud, typ, iat and payload are required.
    QCOMPARE(claims.value(QStringLiteral("iss")).toString(), WalletTestKeys::ServiceAccount);
    QCOMPARE(claims.value(QStringLiteral("aud")).toString(), QStringLiteral("google"));
    QCOMPARE(claims.value(QStringLiteral("typ")).toString(), QStringLiteral("savetowallet"));
    QVERIFY(claims.value(QStringLiteral("iat")).isDouble());
    QCOMPARE(claims.value(QStringLiteral("iat")).toInteger(), m_now.toSecsSinceEpoch());
    QVERIFY(claims.value(QStringLiteral("origins")).isArray());
    QVERIFY(claims.value(QStringLiteral("origins")).toArray().isEmpty());
    const QJsonObject payload = claims.value(QStringLiteral("payload")).toObject();
    QCOMPARE(payload.keys(), QStringList {QStringLiteral("loyaltyObjects")});
    QCOMPARE(payload.value(QStringLiteral("loyaltyObjects")).toArray().size(), 1);
}

void TestGoogleWalletLink::loyaltyObjectHasItsRequiredFields()
{
    const QJsonObject object = decodePart(m_parts.at(1))
                                   .value(QStringLiteral("payload"))
                                   .toObject()
                                   .value(QStringLiteral("loyaltyObjects"))
                                   .toArray()
                                   .at(0)
                                   .toObject();
    // Required by the LoyaltyObject reference: id, classId, state.
    QCOMPARE(object.value(QStringLiteral("id")).toString(),
             WalletTestKeys::IssuerId + QLatin1Char('.') + content().passId);
    QCOMPARE(object.value(QStringLiteral("classId")).toString(), WalletTestKeys::IssuerId + QStringLiteral(".loyalty"));
    QCOMPARE(object.value(QStringLiteral("state")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(object.value(QStringLiteral("accountId")).toString(), QStringLiteral("2900000000077"));
    QCOMPARE(object.value(QStringLiteral("accountName")).toString(), QStringLiteral("José Pérez"));
    const QJsonObject barcode = object.value(QStringLiteral("barcode")).toObject();
    QCOMPARE(barcode.value(QStringLiteral("type")).toString(), QStringLiteral("EAN_13"));
    QCOMPARE(barcode.value(QStringLiteral("value")).toString(), QStringLiteral("2900000000077"));
    QCOMPARE(barcode.value(QStringLiteral("alternateText")).toString(), QStringLiteral("2900000000077"));
    const QJsonObject points = object.value(QStringLiteral("loyaltyPoints")).toObject();
    QCOMPARE(points.value(QStringLiteral("label")).toString(), QStringLiteral("Puntos"));
    const QJsonValue balance = points.value(QStringLiteral("balance")).toObject().value(QStringLiteral("int"));
    QVERIFY(balance.isDouble());
    QCOMPARE(balance.toInteger(), 250);
    const QJsonObject tier = object.value(QStringLiteral("textModulesData")).toArray().at(0).toObject();
    QCOMPARE(tier.value(QStringLiteral("body")).toString(), QStringLiteral("Silver"));
}

void TestGoogleWalletLink::objectIdIsStableAndUrlSafe()
{
    const QDateTime enrolled(QDate(2024, 1, 2), QTime(3, 4), Qt::UTC);
    const QString id = MemberPassContent::passIdFor(7, enrolled);
    QCOMPARE(MemberPassContent::passIdFor(7, enrolled), id);
    QVERIFY(id.startsWith(QLatin1String("m7-")));
    QCOMPARE(id.size(), 3 + 12);
    QVERIFY(MemberPassContent::passIdFor(8, enrolled) != id);
    // Member 7 of a store started again is another person: another pass.
    QVERIFY(MemberPassContent::passIdFor(7, enrolled.addSecs(1)) != id);
    LT_VERIFY_OK(GoogleWalletLink::checkIssuer({WalletTestKeys::IssuerId, id}));
}

void TestGoogleWalletLink::memberWithoutNameShowsTheCard()
{
    MemberPassContent anonymous = content();
    anonymous.memberName.clear();
    anonymous.tier.clear();
    const QJsonObject object = GoogleWalletLink::loyaltyObject(anonymous, m_issuer);
    QCOMPARE(object.value(QStringLiteral("accountName")).toString(), anonymous.cardNumber);
    QVERIFY(!object.contains(QStringLiteral("textModulesData")));
}

void TestGoogleWalletLink::badIssuerIsRefused_data()
{
    QTest::addColumn<QString>("issuerId");
    QTest::addColumn<QString>("classSuffix");
    QTest::addColumn<QString>("field");
    QTest::newRow("issuer not digits") << QStringLiteral("3388-abc") << QStringLiteral("loyalty")
                                       << QStringLiteral("wallet.google.issuer_id");
    QTest::newRow("class with a space") << WalletTestKeys::IssuerId << QStringLiteral("my loyalty")
                                        << QStringLiteral("wallet.google.class_id");
    QTest::newRow("class with a slash") << WalletTestKeys::IssuerId << QStringLiteral("a/b")
                                        << QStringLiteral("wallet.google.class_id");
    QTest::newRow("empty class") << WalletTestKeys::IssuerId << QString() << QStringLiteral("wallet.google.class_id");
}

void TestGoogleWalletLink::badIssuerIsRefused()
{
    QFETCH(QString, issuerId);
    QFETCH(QString, classSuffix);
    QFETCH(QString, field);
    auto account = GoogleServiceAccount::parse(m_keys.read(QStringLiteral("google.json")));
    LT_VERIFY_OK(account);
    const auto url = GoogleWalletLink::saveUrl(content(), {issuerId, classSuffix}, *account, m_now);
    LT_VERIFY_ERROR(url, ErrorKind::InvalidInput);
    QCOMPARE(url.error().field, field);
}

QTEST_GUILESS_MAIN(TestGoogleWalletLink)
#include "tst_wallet_googlelink.moc"
