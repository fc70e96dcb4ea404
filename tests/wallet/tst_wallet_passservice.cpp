#include "core/services/LoyaltyEngine.h"
#include "core/store/StoreSettings.h"
#include "core/wallet/WalletPassService.h"
#include "tests/support/ResultChecks.h"
#include "tests/support/TempStore.h"
#include "tests/wallet/WalletTestKeys.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lt;
using lt::test::TempStore;
using lt::test::WalletTestKeys;

// A member's passes from a real store: the card, name, balance and tier come from the member's row, the store's name
// and issuers from its settings; a member without a card, an unknown member and a store without wallets are refused.
class TestWalletPassService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void contentComesFromTheStore();
    void applePassCarriesTheMember();
    void googleLinkCarriesTheMember();
    void passIdIsStableForTheMember();
    void memberWithoutCardIsRefused();
    void unknownMemberIsNotFound();
    void storeWithoutWalletsSaysWhy();
    void certificateExpiredByTheStoresClock();

private:
    void configure();
    QJsonObject googleObject(const QString& url) const;

    WalletTestKeys m_keys;
    std::unique_ptr<TempStore> m_store;
    qint64 m_member = 0;
    QString m_card;
};

void TestWalletPassService::initTestCase()
{
    QVERIFY2(m_keys.problem().isEmpty(), qPrintable(m_keys.problem()));
}

void TestWalletPassService::init()
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
}

void TestWalletPassService::cleanup()
{
    m_store.reset();
}

void TestWalletPassService::configure()
{
    // The test certificates start now: the store's clock, fixed in the past, comes to the present.
    m_store->clock().set(QDateTime::currentDateTimeUtc());
    StoreSettings settings(m_store->db());
    LT_VERIFY_OK(settings.set(StoreSettings::StoreName, QStringLiteral("Café Olé")));
    LT_VERIFY_OK(settings.set(QStringLiteral("wallet.google.issuer_id"), WalletTestKeys::IssuerId));
    LT_VERIFY_OK(settings.set(QStringLiteral("wallet.apple.pass_type_id"), WalletTestKeys::PassTypeId));
    LT_VERIFY_OK(settings.set(QStringLiteral("wallet.apple.team_id"), WalletTestKeys::TeamId));
}

QJsonObject TestWalletPassService::googleObject(const QString& url) const
{
    const QString claims = url.section(QLatin1Char('/'), -1).section(QLatin1Char('.'), 1, 1);
    return QJsonDocument::fromJson(QByteArray::fromBase64(claims.toLatin1(), QByteArray::Base64UrlEncoding))
        .object()
        .value(QStringLiteral("payload"))
        .toObject()
        .value(QStringLiteral("loyaltyObjects"))
        .toArray()
        .at(0)
        .toObject();
}

void TestWalletPassService::contentComesFromTheStore()
{
    configure();
    const WalletPassService service(m_store->engine().context());
    const auto content = service.content(m_member);
    LT_VERIFY_OK(content);
    QCOMPARE(content->memberId, m_member);
    QCOMPARE(content->cardNumber, m_card);
    QCOMPARE(content->memberName, QStringLiteral("Ana Núñez"));
    QCOMPARE(content->balance, m_store->balance(m_member));
    QVERIFY(content->balance > 0);
    QCOMPARE(content->storeName, QStringLiteral("Café Olé"));
    QCOMPARE(content->pointsLabel, m_store->engine().program().termOther);
    const auto member = m_store->engine().members().byId(m_member);
    LT_VERIFY_OK(member);
    QCOMPARE(content->tier, member->tier);
}

void TestWalletPassService::applePassCarriesTheMember()
{
    configure();
    const WalletPassService service(m_store->engine().context());
    const auto pass = service.applePass(m_member, m_keys.keys());
    LT_VERIFY_OK(pass);
    const QJsonObject json =
        QJsonDocument::fromJson(lt::test::unzip(*pass).value(QStringLiteral("pass.json"))).object();
    QCOMPARE(json.value(QStringLiteral("organizationName")).toString(), QStringLiteral("Café Olé"));
    QCOMPARE(json.value(QStringLiteral("passTypeIdentifier")).toString(), WalletTestKeys::PassTypeId);
    QCOMPARE(
        json.value(QStringLiteral("barcodes")).toArray().at(0).toObject().value(QStringLiteral("message")).toString(),
        m_card);
    QCOMPARE(json.value(QStringLiteral("storeCard"))
                 .toObject()
                 .value(QStringLiteral("primaryFields"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toInteger(),
             m_store->balance(m_member));
}

void TestWalletPassService::googleLinkCarriesTheMember()
{
    configure();
    const WalletPassService service(m_store->engine().context());
    const auto link = service.googleSaveLink(m_member, m_keys.keys());
    LT_VERIFY_OK(link);
    QVERIFY(link->startsWith(QLatin1String("https://pay.google.com/gp/v/save/")));
    const QJsonObject object = googleObject(*link);
    QCOMPARE(object.value(QStringLiteral("accountId")).toString(), m_card);
    QCOMPARE(object.value(QStringLiteral("classId")).toString(), WalletTestKeys::IssuerId + QStringLiteral(".loyalty"));
    QCOMPARE(object.value(QStringLiteral("loyaltyPoints"))
                 .toObject()
                 .value(QStringLiteral("balance"))
                 .toObject()
                 .value(QStringLiteral("int"))
                 .toInteger(),
             m_store->balance(m_member));
    // The link's QR code must stay readable on a phone's screen: well under a QR code's 2,953 bytes.
    QVERIFY2(link->size() < 2000, qPrintable(QString::number(link->size())));
}

void TestWalletPassService::passIdIsStableForTheMember()
{
    configure();
    const WalletPassService service(m_store->engine().context());
    const auto first = service.googleSaveLink(m_member, m_keys.keys());
    LT_VERIFY_OK(first);
    LT_VERIFY_OK(m_store->accrue(m_member, QStringLiteral("S-2"), 1000));
    const auto second = service.googleSaveLink(m_member, m_keys.keys());
    LT_VERIFY_OK(second);
    QCOMPARE(googleObject(*second).value(QStringLiteral("id")), googleObject(*first).value(QStringLiteral("id")));
    QVERIFY(
        googleObject(*second).value(QStringLiteral("id")).toString().contains(QStringLiteral(".m%1-").arg(m_member)));
}

void TestWalletPassService::memberWithoutCardIsRefused()
{
    configure();
    auto other = m_store->enroll(QStringLiteral("+14155550124"), QStringLiteral("Sin Tarjeta"));
    LT_VERIFY_OK(other);
    const WalletPassService service(m_store->engine().context());
    const auto link = service.googleSaveLink(other->id, m_keys.keys());
    LT_VERIFY_ERROR(link, ErrorKind::Refused);
    QVERIFY2(link.error().message.contains(QStringLiteral("no card")), qPrintable(link.error().message));
    LT_VERIFY_ERROR(service.applePass(other->id, m_keys.keys()), ErrorKind::Refused);
}

void TestWalletPassService::unknownMemberIsNotFound()
{
    configure();
    const WalletPassService service(m_store->engine().context());
    LT_VERIFY_ERROR(service.applePass(9999, m_keys.keys()), ErrorKind::NotFound);
    LT_VERIFY_ERROR(service.googleSaveLink(9999, m_keys.keys()), ErrorKind::NotFound);
}

void TestWalletPassService::storeWithoutWalletsSaysWhy()
{
    const WalletPassService service(m_store->engine().context());
    const auto link = service.googleSaveLink(m_member, m_keys.keys());
    LT_VERIFY_ERROR(link, ErrorKind::Refused);
    QVERIFY(link.error().message.contains(QStringLiteral("wallet.google.issuer_id")));
    LT_VERIFY_ERROR(service.applePass(m_member, m_keys.keys()), ErrorKind::Refused);
    const QList<WalletStatus> statuses = service.readiness(m_keys.keys());
    QCOMPARE(statuses.size(), 2);
    QVERIFY(!statuses.at(0).ready && !statuses.at(1).ready);
    configure();
    for (const WalletStatus& status : service.readiness(m_keys.keys()))
        QVERIFY2(status.ready, qPrintable(status.reason));
}

void TestWalletPassService::certificateExpiredByTheStoresClock()
{
    configure();
    m_store->clock().set(QDateTime::currentDateTimeUtc().addYears(2));
    const WalletPassService service(m_store->engine().context());
    const auto pass = service.applePass(m_member, m_keys.keys());
    LT_VERIFY_ERROR(pass, ErrorKind::Refused);
    QVERIFY2(pass.error().message.contains(QStringLiteral("expired on")), qPrintable(pass.error().message));
    const QList<WalletStatus> statuses = service.readiness(m_keys.keys());
    QVERIFY(statuses.at(0).ready); // Google's key does not expire
    QVERIFY(!statuses.at(1).ready);
    QCOMPARE(statuses.at(1).reason, pass.error().message);
}

QTEST_GUILESS_MAIN(TestWalletPassService)
#include "tst_wallet_passservice.moc"
